"""hyphenation: split words joined; compounds and names survive."""

from __future__ import annotations

import collections
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import SHARED, corpus_files, needs_shared, passage
from tests.invariants import check_idempotent, check_result

CLEANER = Cleaner(passes=("hyphenation",))


def clean(text: str) -> str:
    return CLEANER.clean(text).text


# (before, after): real shapes from CAP opinions, rewritten as minimal fixtures
FIXES = [
    ("in her favor ap-pellee was enabled", "in her favor appellee was enabled"),
    ("he was es-topped to deny", "he was estopped to deny"),
    (
        "the rights of Pau-luk under. Pauluk sued; Pauluk lost.",
        "the rights of Pauluk under. Pauluk sued; Pauluk lost.",
    ),
    ("Pau-luk’s claim; Pauluk appealed", "Pauluk’s claim; Pauluk appealed"),
    ("Schu-macher sued; Schumacher won", "Schumacher sued; Schumacher won"),
    ("a pre-exist-ing danger", "a pre-existing danger"),
    ("the issue of volun-tariness directly", "the issue of voluntariness directly"),
    ("not upon co-ercion of the plaintiff", "not upon coercion of the plaintiff"),
    (
        "Commonwealth v. Quino-nes, supra. Quinones argues",
        "Commonwealth v. Quinones, supra. Quinones argues",
    ),
    ("it w-as not presumed; it was; it was", "it was not presumed; it was; it was"),
    ("the appel-\nlee filed", "the appellee\nfiled"),
    # a line-end hyphen whose line break became a space (Arkansas 1860, BLN600 news reports)
    ("the pri- soner was remanded", "the prisoner was remanded"),
    # the document writes the joined word 3+ times ("debtor")
    (
        "the debtor, a debtor, the debtor; owing by a garnishee debt- or, greatly above",
        "the debtor, a debtor, the debtor; owing by a garnishee debtor, greatly above",
    ),
    ("the pri- soner's wife", "the prisoner's wife"),
    ("the note was over- due when sued", "the note was overdue when sued"),
    ("one thous- and dollars", "one thousand dollars"),
    ("how- ever, the court held", "however, the court held"),
    ("the de- ceased was found", "the deceased was found"),
    ("at 4, Ber- nard-street, Russell-square", "at 4, Bernard-street, Russell-square"),
    # the left piece ends a compound (BLN600)
    ("the Police-con- stable said", "the Police-constable said"),
    ("charged with house-break- ing", "charged with house-breaking"),
    # both pieces no words: halves of one misread word (the words pass may then fix it)
    ("he was aecom- pauied by his wife", "he was aecompauied by his wife"),
    ("the prisoner was re- manided for a week", "the prisoner was remanided for a week"),
    # in-line: no piece a word, the join one cheap confusion from a word (the words pass
    # then fixes it; A.2d 1953, Arkansas 1860)
    (
        "that Berry had violated his fidu-ciai-y position",
        "that Berry had violated his fiduciaiy position",
    ),
    ("by postponing or accelei-ating the period", "by postponing or acceleiating the period"),
    # a lost line break, one half a word: the join one typical confusion from a common
    # word (BLN600; the words pass then fixes it)
    ("the men con- corned in the robbery", "the men concorned in the robbery"),
    ("the pro- ceodings were adjourned", "the proceodings were adjourned"),
    # in-line: a word a line end split, commoner than its pieces; a piece that is an
    # ending or a beginning of words (ICDAR 2017)
    ("of visit-ing this, good-natured con-tempt", "of visiting this, good-natured contempt"),
    (
        "Charlene McKenzie, the appel-lee, lost her right",
        "Charlene McKenzie, the appellee, lost her right",
    ),
    ("a fathom-less gorge; a certain haggard-ness", "a fathomless gorge; a certain haggardness"),
    ("to main-tain this, bring-ing it", "to maintain this, bringing it"),  # a rhyme, but split
    # a speck of a period or comma stuck to the hyphen (Arkansas 1860; BLN600)
    (
        "the case could be reman-, ded for further proof",
        "the case could be remanded for further proof",
    ),
    ("made improve-. ments thereon; the wit-. nesses", "made improvements thereon; the witnesses"),
    # a quotation printed with a mark at the start of each line: a split word holds that
    # line's mark in its gap (Arkansas 1860)
    (
        "the benefit of purchasers “ of the said lands, for a valuable considera- “ tion, which",
        "the benefit of purchasers “ of the said lands, for a valuable consideration, which",
    ),
    (
        "made, or ‘ thereafter to be made, as valid to con- ‘ vey and pass over, and de- ‘ mand of",
        "made, or ‘ thereafter to be made, as valid to convey and pass over, and demand of",
    ),
]

# text that must survive untouched
SURVIVES = [
    "a well-known rule",
    "a well-to- do man",  # a compound's pieces, both words
    "a pre-existing danger",
    "the north-west quarter",
    "the state-created danger doctrine",
    "co-counsel for the appellee",
    "co-ordinated and co-operative; re-enter and re-elect",
    "self-incrimination and cross-examination",
    "sent by e-mail",
    "an F-16 and I-95",
    "rezoned T-l from R-2",
    "Plea Bargaining CA-RA Right",
    "§ 1983 and 42 U.S.C. § 1983-1985",
    "Fairweather v. Smith",
    "whether-the court",
    "a right of pre-emption; the pre-emption right",
    "the south-west quarter; the south-west quarter; the southwest corner",
    "create[ ] and officer[ ]",
    # hyphen + space that are no lost line break: suspended hyphens, compounds, stray marks
    "in pre- and post-trial motions",
    "the debtor, a debtor, the debtor; a debt- or credit-based claim",  # suspended
    "first- or second-degree murder",
    "the Police- court and a cross- examination",
    "co- counsel; re- enter the land",
    "the co-defeudants and the ju-y",  # a prefix's hyphen; a join too short
    "self- defence and in Church- street; a well- known man",  # no misread join
    "the- amount of the debt; on- the merits",
    "a well- known rule; a non- suit",
    "Sergean- Bartholomew said; a T- bone; the U- boat",
    "at *1127 and DeSha-*1127ney",
    # initials, not a lost line break (BLN600)
    "at St. George's, Hanover-square, Captain A- C. Gleig, Royal Artillery",
    # in-line: two words, each commoner than their join, or a word and a particle: a
    # compound as printed (ICDAR 2017)
    "the window-sill; a fearful wild-fowl; five raw-boned horses; passers-by",
    "seized hold of a marline-spike and struck him",  # rare words both (BLN600)
    "vi et armis; cum onere; contra formam statuti; nulla bona",
    # a dash before a comma or period, no split word (Arkansas 1860; Overproof)
    "in color-, and then; Conceding-, then, that; the same-; and",
    "gum nuts, koalas, waratah-, wattles, and flannel flowers",
    # reduplicated compounds (ICDAR 2017)
    "mysterious zig-zag lines; a hodge-podge; lords pell-mell; a so-so play; knick-knacks",
    # a capital after the hyphen: a name's or a brand's (ICDAR 2017 "Tragi-Comedy")
    "the Wi-Fi network; a Pastoral Tragi-Comedy; Coca-Cola and Rolls-Royce",
    # a quotation that opens after a dash, in a paragraph without running marks
    "the witness said- “ the lands are his” and left",
    "the witness-“may be heard” and",
    "",
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert clean(before) == after


@pytest.mark.parametrize(
    ("noisy", "snippet", "joined"),
    [
        # in a badly damaged text a word's start that spells a word, then a fragment that is
        # none, are one misread word split at a lost line break (BLN600)
        (True, "received an annoy- mous letter card", True),
        (True, "and Mr. Law- rasce having been heard", True),
        # ... not after a whole function word, nor a garbled word before a whole one
        (True, "was indicted for the- wilful murder", False),
        (True, "the County of London, last Thi- week, the case", False),
        # in a clean text the fragment may be a word the lists lack
        (False, "received an annoy- mous letter card", False),
    ],
)
def test_word_then_fragment_in_a_badly_damaged_text(
    noisy: bool, snippet: str, joined: bool
) -> None:
    r = CLEANER.clean(passage(noisy, snippet))
    left, right = snippet.split("- ")
    assert (left.split()[-1] + right.split()[0] in r.text) == joined, r.text[-120:]


@pytest.mark.parametrize("text", SURVIVES)
def test_survives(text: str) -> None:
    assert clean(text) == text


def test_user_protect_list_is_respected() -> None:
    text = "the ap-pellee was es-topped"
    assert Cleaner(passes=("hyphenation",), protect=("ap-pellee",)).clean(text).text == (
        "the ap-pellee was estopped"
    )


def test_every_edit_has_reason_and_confidence() -> None:
    r = CLEANER.clean("the ap-pellee was es-topped; the pri- soner")
    assert len(r.changes) == 3
    for c in r.changes:
        assert c.pass_name == "hyphenation" and c.reason and 0.8 <= c.confidence <= 1.0


ALPHABET = st.text(alphabet="aeiouptsnlrPS- \n’'.[]*1", max_size=80)


@settings(max_examples=150, deadline=None)
@given(ALPHABET)
def test_property_replay_and_idempotence(text: str) -> None:
    r = CLEANER.clean(text)
    check_result(r)
    check_idempotent(CLEANER, r)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_property_arbitrary_unicode(text: str) -> None:
    r = CLEANER.clean(text)
    check_result(r)
    check_idempotent(CLEANER, r)


def test_lone_surrogate_does_not_raise() -> None:
    check_result(CLEANER.clean("ap-pel\ud800lee es-topped"))


@needs_shared
def test_corpus_counts_and_idempotence(capsys: pytest.CaptureFixture[str]) -> None:
    """On the real corpus (after glyphs): counts, no crash, idempotent; reviewed by hand."""
    cleaner = Cleaner(passes=("glyphs", "star_pages", "hyphenation"))
    counts: collections.Counter[tuple[str, bool]] = collections.Counter()
    for path in corpus_files():
        r = cleaner.clean(path.read_text(encoding="utf-8"))
        for c in r.changes:
            if c.pass_name == "hyphenation":
                counts[c.reason.split(" (")[0], c.applied] += 1
        check_idempotent(cleaner, r)
    with capsys.disabled():
        print(f"\nhyphenation on {len(corpus_files())} opinions: {dict(counts)}")
    applied = sum(n for (_, a), n in counts.items() if a)
    # reviewed: 53 applied edits on 316 opinions, all correct; far more would mean a regression
    assert 20 <= applied <= 120


@needs_shared
def test_born_digital_changes_nothing() -> None:
    data = json.loads((SHARED / "corpus" / "born-digital" / "891689.json").read_text())
    r = CLEANER.clean(data["plain_text"])
    assert r.applied_changes == ()
