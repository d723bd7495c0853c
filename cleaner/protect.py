"""Protected spans: text no pass may "correct" (citations, numbers, page markers, ...).

``protected_spans(text, ctx)`` returns the sorted, merged spans of ``text`` that passes
must leave alone unless they own that kind of text (the citation pass edits citation
punctuation; the star-page pass edits markers). The result is cached per text in
``ctx.state`` so that several passes share one computation, and the spans of a later text
of the document are updated from it: only the lines the pipeline changed since are scanned.

Protected: page markers, numbers, section symbols, the user's protect list, and case
citations found by the fast reporter detector (``cleaner.lexicon.reporters``): full
("109 S.Ct. 998", "133 L.Ed.2d 773") and short ("648 F.3d at 974") citations, from the
volume to the page, so that word passes leave "S.Ct.", "L.Ed.2d", "F.3d" alone.

>>> from cleaner.config import Config
>>> from cleaner.resources import Resources
>>> ctx = PassContext(Config(), Resources())
>>> text = "See 489 U.S. 189, 109 S.Ct. 998."
>>> s = protected_spans(text, ctx)
>>> s.contains(text.index("S.Ct.")), s.contains(text.index("See"))
(True, False)
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from cleaner.lexicon.reporters import citation_spans
from cleaner.lexicon.tokens import _SpanLike
from cleaner.passes.base import PassContext

STAR_PAGE = regex.compile(r"(?<![\w*])\*\d{1,5}(?!\d)")
NUMBER = regex.compile(r"\d+(?:[.,:/-]\d+)*")
SECTION = regex.compile(r"[§¶]+\s*[\w.()-]+")


@dataclass(frozen=True)
class Spans:
    """Sorted, non-overlapping spans with fast overlap queries.

    >>> s = Spans.merge([(5, 8), (0, 2), (7, 9)])
    >>> s.spans, s.overlaps(2, 5), s.overlaps(1, 3), s.contains(6)
    (((0, 2), (5, 9)), False, True, True)
    """

    spans: tuple[tuple[int, int], ...]

    @classmethod
    def merge(cls, spans: Iterable[tuple[int, int]]) -> Spans:
        out: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return cls(tuple(out))

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with a protected span?"""
        k = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        if k >= 0 and self.spans[k][1] > start:
            return True
        return k + 1 < len(self.spans) and self.spans[k + 1][0] < end

    def contains(self, i: int) -> bool:
        return self.overlaps(i, i + 1)


def _user_spans(text: str, terms: tuple[str, ...]) -> Iterable[tuple[int, int]]:
    for term in terms:
        for m in regex.finditer(regex.escape(term), text):
            yield m.span()


def protected_spans(text: str, ctx: PassContext) -> Spans:
    """The protected spans of ``text`` (cached per text for the document being cleaned).

    A later text of the same document is mostly the earlier one: when no protected span
    can cross a line break (no section sign, no user terms), only the lines that the
    pipeline changed since are scanned again (:func:`_update`)."""
    cache = ctx.state.setdefault("protect.cache", {})
    assert isinstance(cache, dict)
    hit = cache.get(text)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    result = _update(text, ctx)
    if result is None:
        spans = _spans(text, ctx)
        found = ctx.state.get("citations.spans")  # the citation pass's, if of this text
        if isinstance(found, tuple) and found[0] == text:
            spans.extend(found[1])
        else:
            spans.extend(citation_spans(text))
        result = Spans.merge(spans)
    cache.clear()
    cache[text] = result
    doc = ctx.document
    if doc is not None and (doc.text is text or doc.text == text) and _by_lines(text, ctx):
        # the base of later updates: this text, as the pipeline's spans describe it
        ctx.state["protect.base"] = (doc.original, text, result, tuple(doc.spans))
    return result


def _spans(text: str, ctx: PassContext) -> list[tuple[int, int]]:
    """The protected spans of ``text`` but its citations, unmerged."""
    spans: list[tuple[int, int]] = [m.span() for m in NUMBER.finditer(text)]
    if "*" in text:  # (a substring test is much cheaper than a regex scan)
        spans.extend([m.span() for m in STAR_PAGE.finditer(text)])
    if "§" in text or "¶" in text:
        spans.extend([m.span() for m in SECTION.finditer(text)])
    spans.extend(_user_spans(text, ctx.config.protect))
    return spans


def _by_lines(text: str, ctx: PassContext) -> bool:
    """Can no protected span of ``text`` cross a line break? (Numbers, star pages and
    citations never do; a section sign's reference and a user's term may.)"""
    return not ctx.config.protect and "§" not in text and "¶" not in text


#: Scan from scratch when the lines to scan again are more than this share of the text.
_MAX_RESCAN_SHARE = 0.5


def _update(text: str, ctx: PassContext) -> Spans | None:
    """The protected spans of ``text`` from those of an earlier text of the same document
    (the base), or None when there is no usable base.

    The two texts differ only where their applied changes differ; the lines around those
    places are scanned again, the spans elsewhere are the base's, shifted. That is exact
    because no protected span crosses a line break (see :func:`_by_lines`) and every
    pattern looks at most one character around its match, the line break itself.
    """
    doc = ctx.document
    if doc is None or (doc.text is not text and doc.text != text) or not _by_lines(text, ctx):
        return None
    base = ctx.state.get("protect.base")
    if not (isinstance(base, tuple) and base[0] is doc.original):
        return None
    base_text: str = base[1]
    base_result: Spans = base[2]
    base_spans = base[3]
    spans = doc.spans
    # the changes of one text and not the other (original coordinates), merged
    # (as multisets: two passes may each insert at one place)
    then = Counter((s.ostart, s.oend, s.after) for s in base_spans)
    now = Counter((s.ostart, s.oend, s.after) for s in spans)
    differ = sorted((a, b) for a, b, _ in (then - now) + (now - then))
    if not differ:
        return None  # (the same changes: the same text, a cache miss by identity only)
    merged: list[list[int]] = []
    for a, b in differ:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    # each stretch in both texts, widened to whole lines (between the stretches the texts
    # are the same, so the widening agrees); stretches whose lines touch are joined
    regions: list[list[int]] = []  # [start, end in base_text, start, end in text]
    in_base, in_text = _Offsets(base_spans), _Offsets(spans)
    for a, b in merged:
        a1, b1 = in_base.start(a), in_base.end(b)
        a2, b2 = in_text.start(a), in_text.end(b)
        a1, b1 = _line_start(base_text, a1), _line_end(base_text, b1)
        a2, b2 = _line_start(text, a2), _line_end(text, b2)
        if regions and a2 <= regions[-1][3]:
            regions[-1][1] = max(regions[-1][1], b1)
            regions[-1][3] = max(regions[-1][3], b2)
        else:
            regions.append([a1, b1, a2, b2])
    if sum(r[3] - r[2] for r in regions) > _MAX_RESCAN_SHARE * len(text):
        return None
    out: list[tuple[int, int]] = []
    old = base_result.spans
    k = 0
    shift = 0
    for a1, b1, a2, b2 in regions:
        while k < len(old) and old[k][0] < a1:
            out.append((old[k][0] + shift, old[k][1] + shift))
            k += 1
        while k < len(old) and old[k][0] < b1:
            k += 1  # inside the lines scanned again
        piece = text[a2:b2]
        found = _spans(piece, ctx)
        found.extend(citation_spans(piece, remember=False))
        # (a line break separates these from the base's spans: merged on their own)
        out.extend((s + a2, e + a2) for s, e in Spans.merge(found).spans)
        shift = b2 - b1
    out.extend((s + shift, e + shift) for s, e in old[k:])
    return Spans(tuple(out))


class _Offsets:
    """Original positions (with no change strictly around them) in the text of ``spans``."""

    def __init__(self, spans: Sequence[_SpanLike]) -> None:
        self.ostarts = [s.ostart for s in spans]
        self.oends = [s.oend for s in spans]
        self.deltas = [0]  # the growth of the text by the first k changes
        for s in spans:
            self.deltas.append(self.deltas[-1] + len(s.after) - (s.oend - s.ostart))

    def start(self, p: int) -> int:
        """``p`` in the text, before the changes that insert at ``p``."""
        k = bisect.bisect_left(self.oends, p)
        while k < len(self.oends) and self.oends[k] == p and self.ostarts[k] < p:
            k += 1
        return p + self.deltas[k]

    def end(self, p: int) -> int:
        """``p`` in the text, after the changes that insert at ``p``."""
        k = bisect.bisect_left(self.ostarts, p)
        while k < len(self.ostarts) and self.ostarts[k] == p == self.oends[k]:
            k += 1
        return p + self.deltas[k]


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j
