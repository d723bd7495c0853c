"""doc_lexicon: rare variants of the document's frequent words corrected toward them."""

from __future__ import annotations

import collections
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import SHARED, corpus_files, needs_shared, passage
from tests.invariants import check_idempotent, check_result

CLEANER = Cleaner(passes=("doc_lexicon",))


def clean(text: str) -> str:
    return CLEANER.clean(text).text


GRUBBS = "In Grubbs the court held. Grubbs was followed. Grubbs II agreed. "
SAVAGE = "Savage moved. Savage argued. Savage lost. Savage appealed. "

# (before, after): real shapes from CAP opinions, rewritten as minimal fixtures
FIXES = [
    (GRUBBS + "Our holding in Grúbbs I.", GRUBBS + "Our holding in Grubbs I."),
    (GRUBBS + "GRÚBBS II", GRUBBS + "GRUBBS II"),
    (
        "DeShaney held. DeShaney said. Cf. Deshaney, at 195.",
        "DeShaney held. DeShaney said. Cf. DeShaney, at 195.",
    ),
    (
        "immunity, immunity and immunity; no immunily under the act",
        "immunity, immunity and immunity; no immunity under the act",
    ),
    (SAVAGE + "Then Savagc left.", SAVAGE + "Then Savage left."),
    (
        "the statute; the statute; the statute. The stalute of limitation",
        "the statute; the statute; the statute. The statute of limitation",
    ),
    (
        "the Court; the Court; the Court; the Circuit Couit in Chancery",
        "the Court; the Court; the Court; the Circuit Court in Chancery",
    ),
    (
        "the McCargo heirs, McCargo, McCargo; John MeCargo, having",
        "the McCargo heirs, McCargo, McCargo; John McCargo, having",
    ),
    (
        "the act, the act, the act, the act: tlie act under which",
        "the act, the act, the act, the act: the act under which",
    ),
    (
        "the case, the case, the case. No cáse has been",
        "the case, the case, the case. No case has been",
    ),
]

# text that must survive untouched
SURVIVES = [
    # sentence starts and headings are conventions, not variants
    "the court. The court. the court. THE COURT. The end.",
    "Pauluk sued. PAULUK v. SAVAGE. Pauluk lost. Pauluk.",
    # real accents are never removed from a word the document does not repeat unaccented
    "Peña testified. Peña left. The café and the résumé.",
    "Peña, Peña, Peña and Pena",  # the accented form is the frequent one: never add accents
    # names a letter apart from a common word are names
    "under the act, under it, under them; John W. Unger, Jr., for appellee",
    # derived words, plurals and possessives are other words
    "the trustee, the trustee, the trustee and a cotrustee",
    "the option, the option, the option; the optionee",
    "employees, employees, employees; the employee's widow",
    "its rule, its rule, its rule; it’s voluntary",
    # another person's name, a letter from a frequent one, in a clean text (US Census)
    "Carlson testified. Carlson left. Carlson, Carlson, Carlson. The witness Carlsen",
    # a variant used often is a word of its own
    "Smith, Smith, Smith, Smith, Smyth, Smyth, Smyth",
    "McCarry, McCarry, McCarry; McCARRY v. State",
    # brackets belong to the brackets pass
    "toxic, toxic, toxic, toxic; “[tjoxic mold",
    # protected: numbers, star pages; short words
    "the same; the same; the same; sane",
    "",
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert clean(before) == after


@pytest.mark.parametrize("text", SURVIVES)
def test_survives(text: str) -> None:
    assert clean(text) == text


def test_an_ocr_that_reads_e_as_o_is_not_followed_to_its_o() -> None:
    # Overproof: the OCR writes "woro" and "havo" for "were" and "have", and "Balgownio"
    # three times; the one "Balgownie" is the printed name, not a misread of the frequent form
    text = (
        "the Balgownio men woro at the ground. They havo the play of the Balgownie backs; "
        "Balgownio scored; Balgownio won."
    )
    assert Cleaner(passes=("doc_lexicon",)).clean(text).changes == ()
    plain = text.replace("woro", "were").replace("havo", "have")
    r = Cleaner(passes=("doc_lexicon",)).clean(plain)
    assert [(c.before, c.after) for c in r.changes] == [("Balgownie", "Balgownio")]


def test_a_name_a_letter_off_is_only_a_suggestion() -> None:
    r = CLEANER.clean("Edwards sued. Edwards won. Edwards left. Against Edwafds, the bill.")
    assert r.text == r.original
    assert [(c.after, c.applied) for c in r.changes] == [("Edwards", False)]


def test_user_protect_list_is_respected() -> None:
    text = GRUBBS + "Our holding in Grúbbs I."
    assert Cleaner(passes=("doc_lexicon",), protect=("Grúbbs",)).clean(text).text == text


def test_confidence_grows_with_the_ratio() -> None:
    few = CLEANER.clean("DeShaney held. DeShaney said. Deshaney, at 195.").changes
    many = CLEANER.clean("DeShaney. " * 6 + "Deshaney, at 195.").changes
    assert few[0].confidence < many[0].confidence


ALPHABET = st.text(alphabet="aeiouptsnlrPSé \n’'.[]*1", max_size=80)


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


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Grubbs", "Grúbbs", "Savage", "Savagc", "the", "tlie", "."]), max_size=40
    )
)
def test_property_word_soup(words: list[str]) -> None:
    r = CLEANER.clean(" ".join(words))
    check_result(r)
    check_idempotent(CLEANER, r)


@needs_shared
def test_corpus_counts_and_idempotence(capsys: pytest.CaptureFixture[str]) -> None:
    """On the real corpus (after glyphs, star pages, hyphenation): counts; reviewed by hand."""
    cleaner = Cleaner(passes=("glyphs", "star_pages", "hyphenation", "doc_lexicon"))
    counts: collections.Counter[tuple[str, bool]] = collections.Counter()
    for path in corpus_files():
        r = cleaner.clean(path.read_text(encoding="utf-8"))
        for c in r.changes:
            if c.pass_name == "doc_lexicon":
                counts[c.reason.split(":")[0].split(" of ")[0], c.applied] += 1
        check_idempotent(cleaner, r)
    with capsys.disabled():
        print(f"\ndoc_lexicon on {len(corpus_files())} opinions: {dict(counts)}")
    applied = sum(n for (_, a), n in counts.items() if a)
    # reviewed: 67 applied edits on 317 opinions, all correct; far more would mean a regression
    assert 30 <= applied <= 150


@needs_shared
def test_born_digital_changes_nothing() -> None:
    data = json.loads((SHARED / "corpus" / "born-digital" / "891689.json").read_text())
    assert CLEANER.clean(data["plain_text"]).changes == ()


@pytest.mark.parametrize("noisy", [True, False])
def test_one_arbitrary_letter_is_applied_only_in_a_badly_damaged_text(noisy: bool) -> None:
    text = passage(noisy, "evidence. The prisoner, the prisoner and the prisoner saw the prisoter")
    r = Cleaner(passes=("doc_lexicon",)).clean(text)
    assert [(c.before, c.after, c.applied) for c in r.changes] == [("prisoter", "prisoner", noisy)]
    check_result(r)
