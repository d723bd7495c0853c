"""The phrases pass: set legal phrases with one misread word."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from tests.invariants import check_idempotent, check_result

PHRASES = Cleaner(passes=("phrases",))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("A scire Jadas will lie only upon", "A scire facias will lie only upon"),
        ("to conclude contra formara statuti. See", "to conclude contra formam statuti. See"),
        ("as part of the res gestee; 2 Par. on Con.", "as part of the res gestae; 2 Par. on Con."),
        ("make out a prima jacie case.", "make out a prima facie case."),
        ("Upon a writ of guo warranto against", "Upon a writ of quo warranto against"),
        ("showing the bona ftdes of the possession", "showing the bona fides of the possession"),
        ("Blackburn, Ex parle, 5 Ark. 21", "Blackburn, Ex parte, 5 Ark. 21"),
        ("Farmington, MO, Gardian Ad Litem.", "Farmington, MO, Guardian Ad Litem."),
        ("Appeal from Yell Circuit Comt.\nHon.", "Appeal from Yell Circuit Court.\nHon."),
        ("supra, the Coürt of Appeals of the State", "supra, the Court of Appeals of the State"),
    ],
)
def test_fixes(before: str, after: str) -> None:
    r = PHRASES.clean(before)
    assert r.text == after, [(c.before, c.after) for c in r.changes]
    check_result(r)
    check_idempotent(PHRASES, r)


@pytest.mark.parametrize(
    "text",
    [
        "a bona fide purchaser; the bona fides of it",  # both phrases are real
        "they operate as estoppels in pais",  # the phrase inflected
        "the amici curiae and an amicus curiae",
        "placing the parties in statu quo",  # a phrase of its own
        "a scire\nJadas",  # a line break is no phrase
        "the prima donna and a fide",  # no phrase: no anchor with one word off
        "scire 1234 facias",
        "the Circuit Courts of the State and the circuit riders",
    ],
)
def test_leaves_alone(text: str) -> None:
    r = PHRASES.clean(text)
    assert r.text == text, [(c.before, c.after) for c in r.changes]
