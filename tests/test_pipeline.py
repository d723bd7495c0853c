"""The engine: composing edits of several passes keeps the report exact and replayable."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.passes.base import Pass, PassContext
from cleaner.pipeline import Document, OverlappingEditsError, run, validate_edits
from cleaner.resources import Resources
from cleaner.types import Edit, Result, replay


class Scripted(Pass):
    """A pass that proposes a fixed list of edits (computed from the text it receives)."""

    description = "test"

    def __init__(self, name: str, make: object) -> None:
        super().__init__(Config(), Resources())
        self._name = name
        self.make = make

    @property  # type: ignore[override]
    def name(self) -> str:  # type: ignore[override]
        return self._name

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return self.make(text)  # type: ignore[operator,no-any-return]


def _run(text: str, *passes: Pass, min_confidence: float = 0.5) -> Result:
    ctx = PassContext(Config(), Resources())
    return run(text, passes, min_confidence=min_confidence, context=ctx)


def _check(r: Result) -> None:
    assert replay(r.original, r.changes) == r.text
    applied = r.applied_changes
    for a, b in itertools.pairwise(applied):
        assert (a.start, a.end) <= (b.start, b.end)
        assert a.end <= b.start
    for c in r.changes:
        assert r.original[c.start : c.end] == c.before


def test_single_pass_edits_map_to_original() -> None:
    p = Scripted("p", lambda t: [Edit(3, 4, "", "stray period")])
    r = _run("the. officers", p)
    assert r.text == "the officers"
    assert [(c.start, c.end, c.before, c.after, c.pass_name) for c in r.changes] == [
        (3, 4, ".", "", "p")
    ]
    _check(r)


def test_later_pass_offsets_shift_back_to_original() -> None:
    p1 = Scripted("a", lambda t: [Edit(0, 2, "", "noise")])
    p2 = Scripted("b", lambda t: [Edit(t.index("x"), t.index("x") + 1, "y", "fix")])
    r = _run("■ abc x", p1, p2)
    assert r.text == "abc y"
    assert [(c.start, c.end, c.pass_name) for c in r.changes] == [(0, 2, "a"), (6, 7, "b")]
    _check(r)


class Settling(Scripted):
    """A scripted pass that runs once more at the end when a later pass changed the text."""

    settles_after = True


def _stray_period_before_word(t: str) -> list[Edit]:
    """Removes " ." before a known word (only "was" here)."""
    i = t.find(" . was")
    return [Edit(i, i + 2, "", "stray period")] if i >= 0 else []


def test_a_settling_pass_runs_again_after_later_changes() -> None:
    # the period goes only before a word; the word is repaired by a later pass
    punct = Settling("punct", _stray_period_before_word)
    words = Scripted(
        "words", lambda t: [Edit(i, i + 4, "was", "fix") for i in [t.find("vwas")] if i >= 0]
    )
    r = _run("death . vwas shock", punct, words)
    assert r.text == "death was shock"
    assert [c.pass_name for c in r.applied_changes] == ["punct", "words"]
    _check(r)
    again = _run(r.text, punct, words)  # idempotent
    assert again.text == r.text


def test_a_settling_pass_does_not_run_again_when_nothing_changed_after_it() -> None:
    calls: list[str] = []

    def make(t: str) -> list[Edit]:
        calls.append(t)
        return []

    r = _run("death . was shock", Settling("punct", make), Scripted("words", lambda t: []))
    assert r.text == "death . was shock"
    assert len(calls) == 1


def test_overlapping_changes_of_two_passes_merge() -> None:
    p1 = Scripted("a", lambda t: [Edit(6, 7, "", "hyphen")])  # Pau-luk -> Pauluk
    p2 = Scripted("b", lambda t: [Edit(0, len(t), t.upper(), "upper")])
    r = _run("xx Pau-luk", p1, p2)
    assert r.text == "XX PAULUK"
    assert len(r.changes) == 1
    assert r.changes[0].pass_name == "a+b"
    _check(r)


def test_low_confidence_is_reported_not_applied() -> None:
    p = Scripted("p", lambda t: [Edit(5, 8, "not", "real word", 0.4)])
    r = _run("does hot itself", p)
    assert r.text == "does hot itself"
    (c,) = r.changes
    assert not c.applied and c.after == "not"
    _check(r)


def test_overlapping_edits_of_one_pass_are_a_bug() -> None:
    p = Scripted("bad", lambda t: [Edit(0, 3, "x", "r"), Edit(2, 4, "y", "r")])
    with pytest.raises(OverlappingEditsError, match="bad"):
        _run("abcdef", p)


def test_offsets_map_both_ways() -> None:
    p = Scripted("p", lambda t: [Edit(0, 2, "", "noise"), Edit(6, 6, " ", "space")])
    r = _run("■ abcdef", p)
    assert r.text == "abcd ef"
    assert r.to_clean(0) == 0 and r.to_clean(2) == 0 and r.to_clean(8) == 7
    assert r.to_original(0) == 2 and r.to_original(7) == 8
    assert r.text[r.to_clean(6)] == " " or r.text[r.to_clean(6)] == "e"


@st.composite
def edits_for(draw: st.DrawFn, text: str) -> list[Edit]:
    n = len(text)
    points = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    edits = []
    prev_end = -1
    last_empty_at = -1
    for a, b in zip(points[::2], points[1::2], strict=False):
        if a < prev_end or (a == b and a == last_empty_at) or (a == prev_end and a == b):
            continue
        after = draw(st.text(alphabet="xyz ", max_size=3))
        conf = draw(st.sampled_from([0.3, 0.9]))
        edits.append(Edit(a, b, after, "r", conf))
        prev_end = b
        if a == b:
            last_empty_at = a
    return edits


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab. ■", max_size=20), st.data())
def test_composition_of_random_passes_replays(text: str, data: st.DataObject) -> None:
    passes = []
    for i in range(3):
        seen: dict[str, list[Edit]] = {}

        def make(t: str, i: int = i, seen: dict[str, list[Edit]] = seen) -> list[Edit]:
            if t not in seen:
                seen[t] = data.draw(edits_for(t), label=f"pass{i}")
            return seen[t]

        passes.append(Scripted(f"p{i}", make))
    r = _run(text, *passes)
    _check(r)
    for i in range(len(r.original) + 1):
        j = r.to_clean(i)
        assert 0 <= j <= len(r.text)
    prev = -1
    for j in range(len(r.text) + 1):
        i = r.to_original(j)
        assert i >= prev
        prev = i


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab. ", max_size=20), st.data())
def test_fast_composition_equals_the_general_one(text: str, data: st.DataObject) -> None:
    """Edits apart from every applied span take a fast path: it builds the same spans."""
    fast, general = Document(text), Document(text)
    general._compose_apart = lambda *args: False  # type: ignore[method-assign]
    for i in range(4):
        edits = validate_edits(
            data.draw(edits_for(fast.text), label=f"pass{i}"), len(fast.text), "p"
        )
        fast.apply(f"p{i}", edits, 0.5)
        general.apply(f"p{i}", edits, 0.5)
        assert fast.text == general.text
        assert fast.spans == general.spans
    assert fast.result() == general.result()


def _rounds_cleaner(monkeypatch: pytest.MonkeyPatch, *, damaged: bool) -> object:
    """A Cleaner whose passes are two scripted ones: "after" changes "b" only once the text
    has no "c", which "c" (later) mends: a second round is needed to settle."""
    import cleaner

    monkeypatch.setattr(cleaner, "document_damaged", lambda text, ctx, known: damaged)
    c = cleaner.Cleaner()

    def change_b(t: str) -> list[Edit]:
        i = t.find("b")
        return [] if "c" in t or i < 0 else [Edit(i, i + 1, "a", "x")]

    after = Scripted("after", change_b)
    mend = Scripted("mend", lambda t: [Edit(i, i + 1, "d", "y") for i in [t.find("c")] if i >= 0])
    c.passes = (after, mend)
    return c


def test_a_damaged_text_is_cleaned_again_until_it_settles(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _rounds_cleaner(monkeypatch, damaged=True)
    r = c.clean("b c")  # type: ignore[attr-defined]
    assert r.text == "a d"
    assert [(x.start, x.end, x.after, x.pass_name) for x in r.changes] == [
        (0, 1, "a", "after"),
        (2, 3, "d", "mend"),
    ]
    _check(r)
    assert c.clean(r.text).text == r.text  # type: ignore[attr-defined]


def test_an_undamaged_text_is_cleaned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _rounds_cleaner(monkeypatch, damaged=False)
    assert c.clean("b c").text == "b d"  # type: ignore[attr-defined]
