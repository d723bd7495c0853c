"""Quotes and dashes pass: real snippets (minimal fixtures), negatives, properties, corpus."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, replay
from tests.conftest import corpus_files, needs_shared

ONLY = Cleaner(passes=("quotes",))
ALWAYS = Cleaner(passes=("quotes",), curly_quotes="always")
NEVER = Cleaner(passes=("quotes",), curly_quotes="never")

#: a paragraph in the curly style with spaced em dashes, to give a document its style
CURLY_DOC = (
    "The Court said “nothing in the Clause” — and the court’s “rule” — “applies”; "
    "the state’s “duty”, the plaintiff’s and the officer’s “act” — as before — stand.\n"
)

POSITIVES = [
    ("What ‘ ‘judgments” are meant", "What “judgments” are meant"),
    ("the ‘‘rule” here", "the “rule” here"),
    ("by any “government interest.’’ Id. at 849.", "by any “government interest.” Id. at 849."),
    (
        "when “the state placed the plaintiff’ in harm’s way that a duty attaches",
        "when “the state placed the plaintiff” in harm’s way that a duty attaches",
    ),
    (
        "what is a “religious belief’ is a delicate matter",
        "what is a “religious belief” is a delicate matter",
    ),
    ("L.W. v. Grubbs (“Grubbs II), 92 F.3d 894", "L.W. v. Grubbs (“Grubbs II”), 92 F.3d 894"),
    (
        CURLY_DOC + 'the Clark County Health District ("CCHD”) remains',
        CURLY_DOC + "the Clark County Health District (“CCHD”) remains",
    ),
    (CURLY_DOC + "the district court's denial", CURLY_DOC + "the district court’s denial"),
    (
        CURLY_DOC + "in 1998, 2000 and 2003— then the",
        CURLY_DOC + "in 1998, 2000 and 2003 — then the",
    ),
    (
        CURLY_DOC
        + '“[t]he Clause . . . does [not] guarantee a workplace free of harm."Id. at 129.',
        CURLY_DOC
        + "“[t]he Clause . . . does [not] guarantee a workplace free of harm.” Id. at 129.",
    ),
    (
        CURLY_DOC + "a “main office function”— the main",
        CURLY_DOC + "a “main office function” — the main",
    ),
    # a hyphen read for the dash of a run-in sentence (Arkansas 1860; BLN600 newspapers)
    (
        "makes the case more aggravating. -Stephen's adm'r. vs. Bardctt",
        "makes the case more aggravating. —Stephen's adm'r. vs. Bardctt",
    ),
    ("her property. -The prosecutrix was", "her property. —The prosecutrix was"),
    (
        "ROBBERY AT A BARONET'S.\n-James Pincher, a soldier",
        "ROBBERY AT A BARONET'S.\n—James Pincher, a soldier",
    ),
    ("-The mere non-payment of the balance", "—The mere non-payment of the balance"),
    (
        "when taken into custody for the murder?\n-Inspector: I have, sir.\n-Mr. Broughton: Have",
        "when taken into custody for the murder?\n—Inspector: I have, sir.\n—Mr. Broughton: Have",
    ),
    # ... after a heading, or a line that lost its period; before a space at a line's
    # start, the space stays (BLN600)
    (
        "TULLAMORE, Wednesday\n-The convict, Laurence King",
        "TULLAMORE, Wednesday\n—The convict, Laurence King",
    ),
    (
        "confirmed this witness's evidence.\n- Henry Royce, 242 B, proved",
        "confirmed this witness's evidence.\n— Henry Royce, 242 B, proved",
    ),
    # ... before "A" or "I" and a lower-case word, and before initials (BLN600)
    ("was remanded.\n-A lad named John Davies", "was remanded.\n—A lad named John Davies"),
    (
        "BY A TRADE SOCIETY.\n-T. J. George, Manchester",
        "BY A TRADE SOCIETY.\n—T. J. George, Manchester",
    ),
    # ... in the document's dash style
    (CURLY_DOC + "as before. -The court", CURLY_DOC + "as before. — The court"),
    ("one—two and three—four, five—six. -The end", "one—two and three—four, five—six.—The end"),
]

NEGATIVES = [
    "the “plaintiffs’ version” and ‘harm’s way’ stay",
    "“the plaintiffs’ claim” is closed",  # the ’ after a plural, closed later: an apostrophe
    "he said “it is ‘font of tort law’ here” and left",
    "the plaintiff’s claim; ’tis so; o’clock",
    'a board 5\' 10" long and a "straight" quote',  # a straight document stays straight
    'Go to http://example.com/a="b" now',
    "“Grubbs 974 F.2d 119, 122 (9th Cir.1992)",  # missing close, but not unambiguous
    "(“Grubbs II), 92 F.3d 894, closed later” here",  # the next mark may close it
    "a — b — c — d and e—f",  # mixed dash styles: no dominant one is forced on one-sided dashes
    "18 Ark.-Reps.; In re Custody of H.S.H.-K., 193 Wis.2d 649",  # glued on both sides
    "the non -Indian lessee; a list:\n-The first item",  # after a word; after no sentence end
    "The items are:\n-First item.\n-Second item.\n",  # a list of hyphen items
    "the temperature fell to -5 degrees. -10 at night",  # numbers
    "Items:\n- Apples\n- Pears\n",  # a list of hyphen items, spaced
    "see p. 5.\n-A. The answer is",  # a lettered item
    "the man and\n-the woman",  # before a lower-case word
    "",
]


@pytest.mark.parametrize(("before", "after"), POSITIVES)
def test_fixes(before: str, after: str) -> None:
    result = ONLY.clean(before)
    assert result.text == after
    assert replay(before, result.changes) == after


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    result = ONLY.clean(text)
    assert result.text == text
    assert not result.changes, result.changes


def test_plural_closer_is_a_suggestion() -> None:
    r = ONLY.clean("the “ruling on the plaintiffs’ in this case")
    assert r.text == "the “ruling on the plaintiffs’ in this case"
    assert [c.applied for c in r.changes] == [False]


def test_curly_quotes_modes() -> None:
    straight = 'the "rule" and the court\'s "view" and the "act"'
    assert ONLY.clean(straight).text == straight  # auto: the document is not curly
    assert NEVER.clean(CURLY_DOC + "the court's").text == CURLY_DOC + "the court's"
    assert ALWAYS.clean(straight).text == "the “rule” and the court’s “view” and the “act”"


def test_dashes_follow_an_unspaced_document() -> None:
    doc = "one—two and three—four, five—six; seven —eight"
    assert ONLY.clean(doc).text == "one—two and three—four, five—six; seven—eight"
    # a run of spaces goes at once (the result is stable: found by Hypothesis, ".—  .")
    doc = "one—two and three—four, five—six; seven—  eight"
    assert ONLY.clean(doc).text == "one—two and three—four, five—six; seven—eight"


TOKENS = [
    *list(" .,'’‘“”\"—-\n()"),
    "’’",
    "the",
    "plaintiff",
    "plaintiffs",
    "harm",
    "s",
    "2003",
    "Id",
    "court",
    "tis",
    "http://x.y/a=",
    "5",
]
SOUP = st.lists(st.sampled_from(TOKENS), max_size=50).map("".join)


@settings(max_examples=200, deadline=None)
@given(SOUP, st.sampled_from([ONLY, ALWAYS, NEVER]))
def test_properties_on_quote_soup(text: str, cleaner: Cleaner) -> None:
    r = cleaner.clean(text)
    assert replay(text, r.changes) == r.text
    assert cleaner.clean(r.text).text == r.text


@needs_shared
def test_corpus_counts() -> None:
    counts: Counter[str] = Counter()
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        r = ONLY.clean(text)
        assert replay(text, r.changes) == r.text
        counts.update(f"{c.reason} applied={c.applied}" for c in r.changes)
    print(dict(counts))
    assert counts["quotation opened with “ closed with ’’ applied=True"] >= 3


THREE = Cleaner(passes=("punctuation", "citations", "quotes"))
MIXED = st.lists(
    st.sampled_from([*TOKENS, "an", "most", "way", "(", '("', "CCHD", "’ ", "' ", " ‘", "’tis"]),
    max_size=50,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_punctuation_and_quotes_agree(text: str) -> None:
    """The two passes read quotation marks alike: a second run changes nothing."""
    r = THREE.clean(text)
    assert THREE.clean(r.text).text == r.text


def test_seed_footnote_is_stable() -> None:
    line = (
        "the Clark County Health District (\"CCHD”) — remains. CCHD’s liability is not an'"
        " issue before us on review from the district court's denial.\n"
    )
    r = THREE.clean(CURLY_DOC + line)
    assert r.text.endswith(
        "(“CCHD”) — remains. CCHD’s liability is not an issue before us on review from the"
        " district court’s denial.\n"
    )
    assert THREE.clean(r.text).text == r.text


def test_a_single_quotation_around_a_double_one_is_idempotent() -> None:
    # hypothesis found it: the ’ may close the ‘ opened before the “, not the “
    for c in (ONLY, ALWAYS, NEVER):
        r = c.clean("'the“Id'")
        assert c.clean(r.text).text == r.text


def test_a_straight_close_glued_after_a_straight_open_is_idempotent() -> None:
    # hypothesis found it: the “ this pass makes of the first mark opens the quotation
    c = Cleaner(passes=("quotes",), min_confidence=0.0, curly_quotes="always")
    r = c.clean('"0."A')
    assert r.text == "“0.” A"
    assert c.clean(r.text).text == r.text
