"""The brackets pass: misread alteration brackets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import corpus_files, needs_shared
from tests.invariants import check_idempotent, check_result

BRACKETS = Cleaner(passes=("brackets",))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("at 849. “[0]nly the most", "at 849. “[O]nly the most"),
        ("with “[tjoxic mold exposure.”", "with “[t]oxic mold exposure.”"),
        ("for “[djamage to", "for “[d]amage to"),
        ("(“[Liability for negligently", "(“[L]iability for negligently"),
        ("the proper “channels]” when", "the proper “channel[s]” when"),
        ("that Savage “assisted] Pauluk” in", "that Savage “assist[ed] Pauluk” in"),
        ("said “[1]t is", "said “[I]t is"),
        (
            "witnesses on almost every materia] point. Hence",
            "witnesses on almost every material point. Hence",
        ),
    ],
)
def test_fixes(before: str, after: str) -> None:
    r = BRACKETS.clean(before)
    assert r.text == after, [(c.before, c.after) for c in r.changes]
    check_result(r)


@pytest.mark.parametrize(
    "text",
    [
        "“played [a] part in the[ ] creation”",
        "the officer[ ] and create[ ] and funnel[ed]",
        "“[W]e examine whether the [official] left”",
        "he said [sic] that [footnote omitted]",
        "“[T]he court [held that it] was”",
        "see Exhibit [A] and note [3]",
        "array[0] and x[1]",
        "a [ZZqx and a wordz]",
        "the [London and Paris",  # a capital mid-sentence is no altered capital
        "that “ he] who thus aids",  # a word without the "l"
        "the [municipal or materia] point",  # a multi-word alteration closes there
    ],
)
def test_leaves_alone(text: str) -> None:
    r = BRACKETS.clean(text)
    assert r.text == text, [(c.before, c.after) for c in r.changes]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "[",
                "]",
                "[0]nly",
                "[tjoxic",
                "channels]",
                "the",
                "a",
                "“",
                "”",
                " ",
                "[W]e",
                "0",
                "j",
                "Liability",
                "ed]",
                "\n",
            ]
        ),
        max_size=30,
    )
)
def test_bracket_soup(parts: list[str]) -> None:
    r = BRACKETS.clean("".join(parts))
    check_result(r)
    check_idempotent(BRACKETS, r)


@needs_shared
def test_corpus_counts() -> None:
    n = 0
    for f in corpus_files()[:60]:
        r = BRACKETS.clean(f.read_text(encoding="utf-8", errors="replace"))
        check_result(r)
        n += len(r.applied_changes)
    assert n < 60  # misread brackets are rare; many edits would mean false positives
