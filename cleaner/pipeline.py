"""The engine: run passes, validate and apply their edits, keep the report exact.

The pipeline keeps the document as the ORIGINAL text plus a sorted list of non-overlapping
spans (original span -> replacement). Each pass sees the current text and proposes edits in
its coordinates; the pipeline validates them, splits them into applied edits and suggestions
by confidence, and composes them with the spans already there. An edit that overlaps an
earlier change is merged with it into one change (pass names joined with "+"), so the report
always replays exactly on the original.

This module imports no pass, no file format and no command line.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleaner.types import Change, Edit, PageMarker, Result

if TYPE_CHECKING:
    from cleaner.passes.base import Pass, PassContext


class OverlappingEditsError(ValueError):
    """A pass proposed overlapping or malformed edits: a bug in that pass."""


@dataclass(frozen=True, slots=True)
class _Span:
    """An applied change: original ``[ostart, oend)`` -> ``after``; ``cstart`` in current text."""

    ostart: int
    oend: int
    cstart: int
    after: str
    passes: tuple[str, ...]
    reasons: tuple[str, ...]
    confidence: float

    @property
    def cend(self) -> int:
        return self.cstart + len(self.after)


def _overlaps(a1: int, a2: int, b1: int, b2: int) -> bool:
    """Do two half-open spans overlap? An empty span overlaps a span it lies strictly inside."""
    if a1 == a2 and b1 == b2:
        return False
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def validate_edits(edits: Iterable[Edit], text_length: int, pass_name: str) -> list[Edit]:
    """Sort edits and check them; raise :class:`OverlappingEditsError` on a pass's bug."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    prev: Edit | None = None
    for e in ordered:
        if not 0 <= e.start <= e.end <= text_length:
            raise OverlappingEditsError(
                f"pass {pass_name!r} proposed an edit outside the text: {e!r} "
                f"(length {text_length})"
            )
        if not 0.0 <= e.confidence <= 1.0:
            raise OverlappingEditsError(f"pass {pass_name!r}: confidence out of [0, 1] in {e!r}")
        if prev is not None and (
            e.start < prev.end or (e.start == prev.start and e.end == prev.end)
        ):
            raise OverlappingEditsError(
                f"pass {pass_name!r} proposed overlapping edits: {prev!r} and {e!r}"
            )
        prev = e
    return ordered


class Document:
    """The state of one document while passes run over it."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.spans: list[_Span] = []
        self.suggestions: list[Change] = []
        self.markers: list[PageMarker] = []
        self._cstarts_cache: list[int] | None = None

    # -- mapping current positions to the original -------------------------------------
    def _cstarts(self) -> list[int]:
        """Current-text starts of the spans (cached until the spans change)."""
        if self._cstarts_cache is None:
            self._cstarts_cache = [s.cstart for s in self.spans]
        return self._cstarts_cache

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the current text to the original, widened over any change it cuts."""
        cstarts = self._cstarts()
        return self._map_pos(start, cstarts, left=True), self._map_pos(end, cstarts, left=False)

    def _map_pos(self, p: int, cstarts: list[int], *, left: bool) -> int:
        """Map current position ``p`` to the original.

        A start (``left``) maps after any deletion sitting at ``p``; an end maps before it,
        so that an edit next to a deleted span never swallows it.
        """
        if left:
            k = bisect.bisect_right(cstarts, p) - 1
            if k < 0:
                return p
            s = self.spans[k]
            if p >= s.cend:
                return s.oend + (p - s.cend)
            return s.ostart  # at the start of, or inside, a replacement
        k = bisect.bisect_left(cstarts, p) - 1
        if k < 0:
            return p
        s = self.spans[k]
        if p >= s.cend:
            return s.oend + (p - s.cend)
        return s.oend  # inside a replacement

    # -- applying a pass ------------------------------------------------------------------
    def apply(
        self,
        pass_name: str,
        edits: Sequence[Edit],
        min_confidence: float,
    ) -> None:
        text = self.text
        real = [e for e in edits if text[e.start : e.end] != e.after]
        applied = [e for e in real if e.confidence >= min_confidence]
        for e in real:
            if e.confidence < min_confidence:
                self._suggest(pass_name, e)
        if not applied:
            return
        self._compose(pass_name, applied)

    def _suggest(self, pass_name: str, e: Edit) -> None:
        cstarts = self._cstarts()
        lo, hi = e.start, e.end
        # widen over applied spans the suggestion cuts, so that it replays on the original
        k = max(bisect.bisect_right(cstarts, lo) - 1, 0)
        while k < len(self.spans) and self.spans[k].cstart <= hi:
            s = self.spans[k]
            if _overlaps(s.cstart, s.cend, lo, hi):
                lo, hi = min(lo, s.cstart), max(hi, s.cend)
            k += 1
        os_ = self._map_pos(lo, cstarts, left=True)
        oe = os_ if lo == hi else self._map_pos(hi, cstarts, left=False)
        after = self.text[lo : e.start] + e.after + self.text[e.end : hi]
        self.suggestions.append(
            Change(os_, oe, self.original[os_:oe], after, pass_name, e.reason, e.confidence, False)
        )

    def _compose(self, pass_name: str, edits: list[Edit]) -> None:
        if self._compose_apart(pass_name, edits):
            return
        old = self.spans
        text = self.text
        # 1. cluster old spans and new edits that overlap (both lists sorted, each disjoint)
        items: list[tuple[int, int, int, int]] = []  # (cstart, cend, kind 0=old 1=edit, index)
        items.extend((s.cstart, s.cend, 0, i) for i, s in enumerate(old))
        items.extend((e.start, e.end, 1, i) for i, e in enumerate(edits))
        items.sort(key=lambda t: (t[0], t[1], t[2]))
        clusters: list[list[tuple[int, int, int, int]]] = []
        ext_lo = ext_hi = -1
        for it in items:
            if clusters and _overlaps(ext_lo, ext_hi, it[0], it[1]):
                clusters[-1].append(it)
                ext_hi = max(ext_hi, it[1])
                continue
            # an empty item at the cluster's start/end with an empty extent: keep separate
            clusters.append([it])
            ext_lo, ext_hi = it[0], it[1]
        # 2. build new spans and the new text
        cstarts = self._cstarts()
        new_spans: list[_Span] = []
        out: list[str] = []
        pos = 0
        for cl in clusters:
            olds = [old[i] for (_, _, kind, i) in cl if kind == 0]
            news = [edits[i] for (_, _, kind, i) in cl if kind == 1]
            if not news:
                new_spans.append(olds[0])  # cstart fixed below
                continue
            lo = min(it[0] for it in cl)
            hi = max(it[1] for it in cl)
            piece: list[str] = []
            p = lo
            for e in news:
                piece.append(text[p : e.start])
                piece.append(e.after)
                p = e.end
            piece.append(text[p:hi])
            replacement = "".join(piece)
            out.append(text[pos:lo])
            out.append(replacement)
            pos = hi
            if olds:
                ostart = min(self._map_pos(lo, cstarts, left=True), olds[0].ostart)
                oend = max(self._map_pos(hi, cstarts, left=False), olds[-1].oend)
                passes = tuple(dict.fromkeys([p for s in olds for p in s.passes] + [pass_name]))
                reasons = tuple(r for s in olds for r in s.reasons) + tuple(e.reason for e in news)
                conf = min([s.confidence for s in olds] + [e.confidence for e in news])
            else:
                ostart = self._map_pos(lo, cstarts, left=True)
                oend = ostart if lo == hi else self._map_pos(hi, cstarts, left=False)
                passes = (pass_name,)
                reasons = tuple(dict.fromkeys(e.reason for e in news))
                conf = min(e.confidence for e in news)
            new_spans.append(_Span(ostart, oend, 0, replacement, passes, reasons, conf))
        out.append(text[pos:])
        self.text = "".join(out)
        # 3. recompute current starts; drop spans that became identity (change undone)
        fixed: list[_Span] = []
        delta = 0
        for s in new_spans:
            if self.original[s.ostart : s.oend] == s.after:
                continue
            fixed.append(
                _Span(
                    s.ostart, s.oend, s.ostart + delta, s.after, s.passes, s.reasons, s.confidence
                )
            )
            delta += len(s.after) - (s.oend - s.ostart)
        self.spans = fixed
        self._cstarts_cache = None

    def _compose_apart(self, pass_name: str, edits: list[Edit]) -> bool:
        """:meth:`_compose` when no edit overlaps an applied span (the usual case): every
        edit is a change of its own, every span stays as it is (shifted), so the spans and
        edits are merged in one walk. Returns False, changing nothing, when some edit
        overlaps a span (the general composition handles it)."""
        old = self.spans
        cstarts = self._cstarts()
        n = len(old)
        for e in edits:
            k = max(bisect.bisect_left(cstarts, e.start) - 1, 0)
            while k < n and cstarts[k] <= e.end:
                s = old[k]
                if _overlaps(s.cstart, s.cend, e.start, e.end):
                    return False
                k += 1
        text = self.text
        original = self.original
        fixed: list[_Span] = []
        out: list[str] = []
        pos = delta = 0
        k = 0
        for e in edits:
            # the spans before the edit, in the order (cstart, cend, span before edit)
            while k < n and (old[k].cstart, old[k].cend, 0) < (e.start, e.end, 1):
                delta = _keep_shifted(old[k], delta, fixed)
                k += 1
            out.append(text[pos : e.start])
            out.append(e.after)
            pos = e.end
            ostart = self._map_pos(e.start, cstarts, left=True)
            oend = ostart if e.start == e.end else self._map_pos(e.end, cstarts, left=False)
            if original[ostart:oend] == e.after:
                continue  # (never for an edit of unchanged text that changes it)
            fixed.append(
                _Span(
                    ostart, oend, ostart + delta, e.after, (pass_name,), (e.reason,), e.confidence
                )
            )
            delta += len(e.after) - (oend - ostart)
        while k < n:
            delta = _keep_shifted(old[k], delta, fixed)
            k += 1
        out.append(text[pos:])
        self.text = "".join(out)
        self.spans = fixed
        self._cstarts_cache = None
        return True

    def replay(self, changes: Sequence[Change]) -> None:
        """Add the ``changes`` of a cleaning of the current text (their spans in its
        coordinates, disjoint) as one more step: each keeps its passes, reason and
        confidence, the applied ones change the text and the suggestions stay suggestions,
        and the report still replays on the original.

        >>> doc = Document("tbe cat sat")
        >>> doc.apply("words", [Edit(0, 3, "the", "misread")], 0.8)
        >>> doc.replay([Change(4, 7, "cat", "hat", "real_words", "context", 0.85),
        ...             Change(8, 11, "sat", "set", "real_words", "weak", 0.6, False)])
        >>> doc.text, [(c.start, c.end, c.after, c.applied) for c in doc.result().changes]
        ('the hat sat', [(0, 3, 'the', True), (4, 7, 'hat', True), (8, 11, 'set', False)])
        """
        # the suggestions first, while the text is the one their spans are in; then the
        # applied changes from the last to the first (a change never moves the text before it)
        for c in changes:
            if not c.applied:
                self._suggest(c.pass_name, Edit(c.start, c.end, c.after, c.reason, c.confidence))
        for c in sorted(changes, key=lambda c: (c.start, c.end), reverse=True):
            if c.applied:
                edit = Edit(c.start, c.end, c.after, c.reason, c.confidence)
                self.apply(c.pass_name, [edit], 0.0)

    def add_marker(self, label: str, start: int, end: int) -> None:
        os_, oe = self.map_span(start, end)
        self.markers.append(PageMarker(label, os_, oe))

    # -- the result -----------------------------------------------------------------------
    def result(self) -> Result:
        applied = [
            Change(
                s.ostart,
                s.oend,
                self.original[s.ostart : s.oend],
                s.after,
                "+".join(s.passes),
                "; ".join(s.reasons),
                s.confidence,
                True,
            )
            for s in self.spans
        ]
        kept: list[Change] = []
        taken = [(c.start, c.end) for c in applied]  # sorted, disjoint
        for sug in self.suggestions:
            k = bisect.bisect_left(taken, (sug.start, sug.end))
            j = max(k - 1, 0)
            clash = False
            while j < len(taken) and taken[j][0] <= sug.end:
                a, b = taken[j]
                if _overlaps(a, b, sug.start, sug.end) or (a, b) == (sug.start, sug.end):
                    clash = True  # stale: a later change covers it, or an earlier suggestion
                    break
                j += 1
            if clash:
                continue
            kept.append(sug)
            taken.insert(k, (sug.start, sug.end))
        changes = sorted(applied + kept, key=lambda c: (c.start, c.end, not c.applied))
        markers = tuple(sorted(self.markers, key=lambda m: (m.start, m.end)))
        return Result(self.original, self.text, tuple(changes), markers)


def run(
    text: str, passes: Sequence[Pass], *, min_confidence: float, context: PassContext
) -> Result:
    """Run ``passes`` in order over ``text`` and return the exact result."""
    return run_document(text, passes, min_confidence=min_confidence, context=context).result()


def run_document(
    text: str, passes: Sequence[Pass], *, min_confidence: float, context: PassContext
) -> Document:
    """Run ``passes`` in order over ``text``; the document's state after them."""
    doc = Document(text)
    context.bind(doc)
    for p in schedule(passes, doc):
        run_pass(p, doc, context, min_confidence)
    return doc


def schedule(passes: Sequence[Pass], doc: Document) -> Iterator[Pass]:
    """The passes to run over ``doc``, in order (run each before asking for the next): all
    of them, then once more each pass that settles after the others
    (:attr:`Pass.settles_after`) if a later pass changed the text since it ran."""
    seen: dict[str, str] = {}  # what a pass that settles after left behind
    for p in passes:
        yield p
        if p.settles_after:
            seen[p.name] = doc.text
    for p in passes:
        if p.settles_after and seen[p.name] != doc.text:
            yield p


def run_pass(p: Pass, doc: Document, context: PassContext, min_confidence: float) -> None:
    """One pass over ``doc``: its edits proposed, validated and applied."""
    context.current_pass = p.name
    edits = validate_edits(p.propose(doc.text, context), len(doc.text), p.name)
    context.flush_markers()
    doc.apply(p.name, edits, min_confidence)


def _keep_shifted(s: _Span, delta: int, fixed: list[_Span]) -> int:
    """Append the applied span ``s`` to ``fixed``, moved to the clean offset that ``delta``
    (the length change of everything before it) gives; the new delta after it."""
    cstart = s.ostart + delta
    fixed.append(
        s
        if cstart == s.cstart
        else _Span(s.ostart, s.oend, cstart, s.after, s.passes, s.reasons, s.confidence)
    )
    return delta + len(s.after) - (s.oend - s.ostart)
