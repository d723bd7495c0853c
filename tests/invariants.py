"""The invariants every cleaning must keep, as one reusable check."""

from __future__ import annotations

from itertools import pairwise

from cleaner import Cleaner
from cleaner.types import Result, replay


def check_result(r: Result) -> None:
    """Replay reproduces the text; changes sorted, disjoint, true to the original; maps monotone."""
    assert replay(r.original, r.changes) == r.text, "replaying the report must give the clean text"
    for c in r.changes:
        assert r.original[c.start : c.end] == c.before
        assert 0.0 <= c.confidence <= 1.0 and c.pass_name and c.reason
    keys = [(c.start, c.end) for c in r.changes]
    assert keys == sorted(keys), "changes must be sorted"
    for a, b in pairwise(r.changes):
        assert a.end <= b.start or (a.start == a.end == b.start and b.end > b.start), (
            f"changes overlap: {a} / {b}"
        )
    for m in r.page_markers:
        assert 0 <= m.start <= m.end <= len(r.original)
    step = max(1, len(r.original) // 200)
    prev = -1
    for i in range(0, len(r.original) + 1, step):
        j = r.to_clean(i)
        assert 0 <= j <= len(r.text) and j >= prev
        prev = j
    prev = -1
    for j in range(0, len(r.text) + 1, max(1, len(r.text) // 200)):
        i = r.to_original(j)
        assert 0 <= i <= len(r.original) and i >= prev
        prev = i


def check_idempotent(cleaner: Cleaner, r: Result) -> None:
    again = cleaner.clean(r.text)
    assert again.text == r.text, "clean(clean(x)) must equal clean(x): " + repr(
        [(c.before, c.after, c.pass_name) for c in again.applied_changes][:5]
    )
