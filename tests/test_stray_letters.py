"""stray_letters: a lone letter between words joined to a split word or deleted as a speck."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import passage
from tests.invariants import check_idempotent, check_result

CLEANER = Cleaner(passes=("stray_letters",))


def clean(text: str) -> str:
    return CLEANER.clean(text).text


# (before, after): real shapes from CAP opinions (Arkansas 1860) and BLN600 police-court
# reports, rewritten as minimal fixtures
FIXES = [
    ("to maintain replevin for his o wn property", "to maintain replevin for his own property"),
    ("an execution upon the j udgment in the attachment", None),
    ("the fact that referees are j udicial officers", None),
    ("he said e that he would go", "he said that he would go"),
    ("the r prisoner was remanded", "the prisoner was remanded"),
    ("went to the c house of a friend", "went to the house of a friend"),
]

# text that must survive untouched
SURVIVES = [
    "under subparagraph g of the plan",
    "items (a) through (c) and c hereof",
    "a and b; i and v",
    "Smith v Jones; p. 5; U. S. c. 12; x-ray; o'clock",
    "carried out m the street; there was n necessity",  # "in", "a" misread
    "St John s on Monday",  # a lost apostrophe
    "you don t doubt it; said he d know",  # elisions without their apostrophe
    "closer and c oser to the house; I would g ad!y have",  # a word lost a letter (ICDAR)
    "the s nit before the justice",  # "snit" is no common word: maybe "suit"
    "incorrect m any way",  # "in any", not "many"
    "the e t w man",  # a run of letters
    # what is left of a short word its neighbours need (ICDAR 2017 news and letters)
    "the proprietors will b held liable",  # "be"
    "an act t make it lawful",  # "to"
    # in a text not badly damaged, what is left of the word before ("j" read for "y": "any")
    "he had not received an j thing in payment of the land",
    "",
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str | None) -> None:
    if after is None:  # a split word joined
        after = before.replace("j udgment", "judgment").replace("j udicial", "judicial")
    r = CLEANER.clean(before)
    assert r.text == after, [(c.before, c.after, c.reason) for c in r.changes]
    check_result(r)


@pytest.mark.parametrize("text", SURVIVES)
def test_survives(text: str) -> None:
    assert clean(text) == text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["the", "e", "t", "wn", "o", "man", "(c)", " ", ",", "\n"])))
def test_property_replay_and_idempotence(tokens: list[str]) -> None:
    r = CLEANER.clean(" ".join(tokens))
    check_result(r)
    check_idempotent(CLEANER, r)


@pytest.mark.parametrize(
    ("noisy", "snippet", "deleted"),
    [
        # a column rule read as "I" opening a line before a capitalized word (BLN600)
        (True, "SHOCKING MURDER BY A LUNATIC.\nI On Wednesday afternoon an inquest", True),
        (True, "was successfully performed.\nI He seemed to progress", True),
        # the pronoun: mid-line, or before the words it opens lines with
        (True, "much, and I Shall not charge him", False),
        (True, "said the witness.\nI Have no doubt of it", False),
        # an initial in a list of names (Overproof)
        (True, "Lyons, G Porter 05, H\nI Orr 70, H A Tipper", False),
        # only in a badly damaged text
        (False, "SHOCKING MURDER BY A LUNATIC.\nI On Wednesday afternoon an inquest", False),
    ],
)
def test_rule_read_as_i_in_a_badly_damaged_text(noisy: bool, snippet: str, deleted: bool) -> None:
    r = CLEANER.clean(passage(noisy, snippet))
    removed = [c for c in r.changes if c.applied and c.reason.startswith("column rule")]
    assert bool(removed) == deleted, r.changes
    check_result(r)
