"""The value types of the engine: what passes propose and what a cleaning returns.

All are frozen dataclasses. Offsets are Python string indices (code points), half-open
``[start, end)``. An :class:`Edit` is in the coordinates of the text a pass received; a
:class:`Change` and a :class:`PageMarker` are in the coordinates of the ORIGINAL document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Edit:
    """A replacement a pass proposes: ``text[start:end]`` becomes ``after``."""

    start: int
    end: int
    after: str
    reason: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Change:
    """One change of the report, with its span in the original document.

    ``applied`` is False for a suggestion whose confidence was under ``min_confidence``:
    it is reported but the clean text does not contain it.
    """

    start: int
    end: int
    before: str
    after: str
    pass_name: str
    reason: str
    confidence: float
    applied: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "pass": self.pass_name,
            "reason": self.reason,
            "confidence": round(self.confidence, 4),
            "applied": self.applied,
        }


@dataclass(frozen=True, slots=True)
class PageMarker:
    """A star-page marker (``*1127``): the page label and its span in the original text."""

    label: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Result:
    """What :func:`cleaner.clean` returns.

    >>> from cleaner import clean
    >>> r = clean("the. officers")
    >>> r.text, len(r.changes), r.changes[0].start, r.to_original(4)
    ('the officers', 1, 3, 5)
    >>> replay(r.original, r.changes) == r.text
    True
    """

    original: str
    text: str
    changes: tuple[Change, ...]
    page_markers: tuple[PageMarker, ...] = ()
    _orig_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _clean_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        applied = [c for c in self.changes if c.applied]
        orig_starts: list[int] = []
        clean_starts: list[int] = []
        delta = 0
        for c in applied:
            orig_starts.append(c.start)
            clean_starts.append(c.start + delta)
            delta += len(c.after) - (c.end - c.start)
        object.__setattr__(self, "_applied", tuple(applied))
        object.__setattr__(self, "_orig_starts", tuple(orig_starts))
        object.__setattr__(self, "_clean_starts", tuple(clean_starts))

    @property
    def applied_changes(self) -> tuple[Change, ...]:
        return self._applied  # type: ignore[attr-defined,no-any-return]

    @property
    def suggestions(self) -> tuple[Change, ...]:
        """Changes reported but not applied (confidence under the threshold)."""
        return tuple(c for c in self.changes if not c.applied)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_clean(self, i: int) -> int:
        """Map an offset in the original text to the clean text.

        An offset inside a changed span maps to the start of its replacement; an offset at
        the end of a changed span maps to the end of its replacement.
        """
        if not 0 <= i <= len(self.original):
            raise IndexError(f"offset {i} outside the original text (0..{len(self.original)})")
        applied: tuple[Change, ...] = self._applied  # type: ignore[attr-defined]
        k = bisect.bisect_right(self._orig_starts, i) - 1
        while k >= 0:
            c = applied[k]
            cs = self._clean_starts[k]
            if i >= c.end:
                return cs + len(c.after) + (i - c.end)
            if i == c.start:
                # a zero-length insertion at i, or the start of a replaced span
                if k > 0 and applied[k - 1].end == i and applied[k - 1].start == i:
                    k -= 1
                    continue
                return cs
            return cs  # strictly inside a replaced span
        return i

    def to_original(self, j: int) -> int:
        """Map an offset in the clean text back to the original text.

        An offset inside a replacement maps to the start of the original span it replaced;
        an offset at the end of a replacement maps to the end of that span.
        """
        if not 0 <= j <= len(self.text):
            raise IndexError(f"offset {j} outside the clean text (0..{len(self.text)})")
        applied: tuple[Change, ...] = self._applied  # type: ignore[attr-defined]
        k = bisect.bisect_right(self._clean_starts, j) - 1
        while k >= 0:
            c = applied[k]
            cs = self._clean_starts[k]
            ce = cs + len(c.after)
            if j >= ce:
                return c.end + (j - ce)
            return c.start if j == cs or j < ce else c.end
        return j

    def to_dict(self) -> dict[str, Any]:
        """The JSON report: text, changes and page markers, offsets in the original."""
        return {
            "text": self.text,
            "changes": [c.to_dict() for c in self.changes],
            "page_markers": [m.to_dict() for m in self.page_markers],
        }


def replay(original: str, changes: tuple[Change, ...] | list[Change]) -> str:
    """Apply the applied changes of a report to the original text.

    >>> replay("the. officers", [Change(3, 4, ".", "", "punctuation", "stray period", 0.9)])
    'the officers'
    """
    out: list[str] = []
    pos = 0
    for c in sorted((c for c in changes if c.applied), key=lambda c: (c.start, c.end)):
        if c.start < pos:
            raise ValueError(f"overlapping changes at {c.start}: report is not replayable")
        if original[c.start : c.end] != c.before:
            raise ValueError(
                f"change at {c.start}:{c.end} expects {c.before!r} but the text has "
                f"{original[c.start : c.end]!r}"
            )
        out.append(original[pos : c.start])
        out.append(c.after)
        pos = c.end
    out.append(original[pos:])
    return "".join(out)
