"""The spaced_words pass: words split by a space."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from tests.invariants import check_idempotent, check_result

SPACED = Cleaner(passes=("spaced_words",))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "fully authorize the j udgment and proceeding",
            "fully authorize the judgment and proceeding",
        ),
        (
            "in its popular sense, includ ing judge, attorneys",
            "in its popular sense, including judge, attorneys",
        ),
        ("the referees are j udicial officers", "the referees are judicial officers"),
        ("the said sup plemental tax list", "the said supplemental tax list"),
        ("prevent the waste of the pro perty, and", "prevent the waste of the property, and"),
        ("until he is subj ected to damages", "until he is subjected to damages"),
        # after a hyphen that is a run-in dash (a line's start), not a compound's
        ("is he here?\n-Insp ector: He is not", "is he here?\n-Inspector: He is not"),
        # the document's own word: "Flanagin" elsewhere
        (
            "Duncan and Flan agin claim title. Flanagin was",
            "Duncan and Flanagin claim title. Flanagin was",
        ),
    ],
)
def test_fixes(before: str, after: str) -> None:
    r = SPACED.clean(before)
    assert r.text == after, [(c.before, c.after) for c in r.changes]
    check_result(r)
    check_idempotent(SPACED, r)


@pytest.mark.parametrize(
    "text",
    [
        "a lot of the plaintiff s and in to the house",  # words of their own
        "the j. udgment",  # a period between: no split word
        "see 5 udgment and x-udgment",  # glued to a digit or a hyphen
        "the court-h ouse and the 5-j udgment",  # a compound's hyphen before the piece
        "the Smith v. Jones case of qzx",  # nothing joins
        "the ex parte order of Mr. Bx ing",  # a capital second piece never joins
    ],
)
def test_leaves_alone(text: str) -> None:
    r = SPACED.clean(text)
    assert r.text == text, [(c.before, c.after) for c in r.changes]
