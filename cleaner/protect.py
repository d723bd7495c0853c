"""Protected spans: text no pass may "correct" (citations, numbers, page markers, ...).

``protected_spans(text, ctx)`` returns the sorted, merged spans of ``text`` that passes
must leave alone unless they own that kind of text (the citation pass edits citation
punctuation; the star-page pass edits markers). The result is cached per text in
``ctx.state`` so that several passes share one computation.

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
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from cleaner.lexicon.reporters import citation_spans
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
    """The protected spans of ``text`` (cached per text for the document being cleaned)."""
    cache = ctx.state.setdefault("protect.cache", {})
    assert isinstance(cache, dict)
    hit = cache.get(text)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    spans: list[tuple[int, int]] = [m.span() for m in NUMBER.finditer(text)]
    if "*" in text:  # (a substring test is much cheaper than a regex scan)
        spans.extend([m.span() for m in STAR_PAGE.finditer(text)])
    if "§" in text or "¶" in text:
        spans.extend([m.span() for m in SECTION.finditer(text)])
    spans.extend(_user_spans(text, ctx.config.protect))
    found = ctx.state.get("citations.spans")  # the citation pass's, if of this very text
    if isinstance(found, tuple) and found[0] == text:
        spans.extend(found[1])
    else:
        spans.extend(citation_spans(text))
    result = Spans.merge(spans)
    cache.clear()
    cache[text] = result
    return result
