"""The words of a document, counted once and shared by the passes that need them.

``letter_counts(text, ctx)`` counts the runs of letters of ``text`` (stdlib ``re``: the
fastest way to see every word) and caches the count in ``ctx.state``. The count of the
document's ORIGINAL text is kept too: when a later pass receives a text the pipeline made
from it, only the neighbourhoods of the changes are counted again (the pipeline's spans say
where they are), so the count costs per change, not per character.

The count's order of keys is not the order of first occurrence in the text (a word a change
brings in comes last): callers must not depend on it.

>>> from cleaner.config import Config
>>> from cleaner.passes.base import PassContext
>>> from cleaner.resources import Resources
>>> ctx = PassContext(Config(), Resources())
>>> letter_counts("The court, the Court: 2d Cir.", ctx)["Court"]
1
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.passes.base import PassContext

#: Runs of letters: no digits, no underscore, no apostrophes or hyphens inside.
LETTERS = re.compile(r"[^\W\d_]+")
#: The letters that end a text (searched in a window before a position).
_TAIL = re.compile(r"[^\W\d_]+\Z")

#: Re-count from scratch when the changes touch more than this share of the text.
_MAX_CHANGED_SHARE = 0.25


def letter_counts(text: str, ctx: PassContext) -> Counter[str]:
    """How often each run of letters occurs in ``text`` (case kept); cached per text."""
    hit = ctx.state.get("lexicon.letters")
    if isinstance(hit, tuple) and hit[0] == text:
        return hit[1]  # type: ignore[no-any-return]
    counts = _incremental(text, ctx)
    if counts is None:
        counts = Counter(LETTERS.findall(text))
    ctx.state["lexicon.letters"] = (text, counts)
    return counts


def _run_start(text: str, i: int) -> int:
    """The start of the run of letters that ends at ``i`` (``i`` itself if none)."""
    while True:
        lo = max(0, i - 64)
        m = _TAIL.search(text, lo, i)
        if m is None:
            return i
        if m.start() > lo or lo == 0:
            return m.start()
        i = lo  # a run longer than the window: look further back


def _run_end(text: str, i: int) -> int:
    """The end of the run of letters that starts at ``i`` (``i`` itself if none)."""
    m = LETTERS.match(text, i)
    return i if m is None else m.end()


def _incremental(text: str, ctx: PassContext) -> Counter[str] | None:
    """The count of ``text`` from the count of the original and the pipeline's spans, or
    None when the context does not describe ``text`` (then the caller counts it all)."""
    doc = getattr(ctx, "_doc", None)
    if doc is None or (doc.text is not text and doc.text != text):
        return None
    original: str = doc.original
    spans = doc.spans
    if not spans:
        if original != text:
            return None
        base = ctx.state.get("lexicon.original")
        if isinstance(base, tuple) and base[0] is original:
            return base[1].copy()  # type: ignore[no-any-return]
        counts = Counter(LETTERS.findall(text))
        ctx.state["lexicon.original"] = (original, counts)
        return counts.copy()
    if sum(s.oend - s.ostart + len(s.after) for s in spans) > _MAX_CHANGED_SHARE * len(text):
        return None
    base = ctx.state.get("lexicon.original")
    if isinstance(base, tuple) and base[0] is original:
        counts = base[1].copy()
    else:
        first = Counter(LETTERS.findall(original))
        ctx.state["lexicon.original"] = (original, first)
        counts = first.copy()
    # clusters of spans whose neighbourhoods (widened to whole letter runs) touch, as
    # original [a, b) and current [c, d); outside the spans both texts are the same
    regions: list[list[int]] = []
    for s in spans:
        a = _run_start(original, s.ostart)
        b = _run_end(original, s.oend)
        c = s.cstart - (s.ostart - a)
        d = s.cstart + len(s.after) + (b - s.oend)
        if regions and a <= regions[-1][1]:
            last = regions[-1]
            # the widening reached into the previous cluster: merge them
            last[1], last[3] = b, d
        else:
            regions.append([a, b, c, d])
    removed = Counter(t for a, b, _, _ in regions for t in LETTERS.findall(original, a, b))
    added = Counter(t for _, _, c, d in regions for t in LETTERS.findall(text, c, d))
    for word, n in removed.items():
        left = counts[word] - n
        if left > 0:
            counts[word] = left
        else:
            del counts[word]
    counts.update(added)
    return counts
