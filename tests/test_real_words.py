"""The real_words pass: real-word OCR errors from bigram context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import corpus_files, needs_shared
from tests.invariants import check_idempotent, check_result

REAL = Cleaner(passes=("real_words",))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("when a ease is reversed and remanded", "when a case is reversed and remanded"),
        (
            "on which defendants rely, does hot itself speak",
            "on which defendants rely, does not itself speak",
        ),
    ],
)
def test_fixes(before: str, after: str) -> None:
    r = REAL.clean(before)
    assert r.text == after, [(c.before, c.after, c.confidence) for c in r.changes]
    check_result(r)


def test_weaker_context_is_a_suggestion() -> None:
    r = REAL.clean("the facts in that ease were")
    assert r.text == "the facts in that ease were"
    assert [(c.before, c.after, c.applied) for c in r.changes] == [("ease", "case", False)]


@pytest.mark.parametrize(
    "text",
    [
        "we drank hot water in that case",
        "with ease and grace",
        "the net effect of the riot",
        "Mr. Hot testified",
        "hot",
        "42 U.S.C. § 1983 hot",
    ],
)
def test_leaves_alone(text: str) -> None:
    r = REAL.clean(text)
    assert r.text == text, [(c.before, c.after) for c in r.changes]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "does",
                "hot",
                "not",
                "itself",
                "in",
                "that",
                "ease",
                "case",
                "were",
                "the",
                "He",
                "lie",
                ".",
                ",",
                "\n",
                "“",
            ]
        ),
        max_size=30,
    )
)
def test_word_soup(words: list[str]) -> None:
    r = REAL.clean(" ".join(words))
    check_result(r)
    check_idempotent(REAL, r)


@needs_shared
def test_corpus_counts() -> None:
    applied = words = 0
    for f in corpus_files()[:30]:
        text = f.read_text(encoding="utf-8", errors="replace")
        r = REAL.clean(text)
        check_result(r)
        applied += len(r.applied_changes)
        words += len(text.split())
    assert applied * 2000 < words  # at most 5 per 10k words
