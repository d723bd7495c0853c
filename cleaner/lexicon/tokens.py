"""The words of a document, counted once and shared by the passes that need them.

``letter_counts(text, ctx)`` counts the runs of letters of ``text`` (stdlib ``re``: the
fastest way to see every word) and caches the count in ``ctx.state``. The first count of a
document is kept as a base: when a later pass receives a text the pipeline changed since,
only the neighbourhoods of the changes are counted again (the pipeline's spans, then and
now, say where they are), so the second count costs per change, not per character. The
count (a :class:`LetterCounts`) also says where given runs stand (:func:`runs_positions`):
from the split of the base text and the same regions, again without a scan of the text.

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

import bisect
import contextlib
import functools
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, islice
from operator import not_
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from cleaner.passes.base import PassContext

T = TypeVar("T")

#: A letter (what a run of letters is made of).
LETTER_CLASS = r"[^\W\d_]"
#: Runs of letters: no digits, no underscore, no apostrophes or hyphens inside.
LETTERS = re.compile(r"[^\W\d_]+")
#: :data:`LETTERS` as a split pattern (the runs kept).
LETTER_SPLIT = re.compile(r"([^\W\d_]+)")
#: Runs from which :func:`runs_positions` asks the count's :class:`RunLocator` (whose cost
#: grows with the text, not the runs) rather than scanning for each run (on the opinion
#: corpus the two cost the same at about 20 runs).
LOCATE_RUNS = 16
#: Runs times text length above which their offsets come from one split of the text
#: rather than a ``str.find`` scan per run (a 1 MB document with 2,000 unknown words).
INDEX_WORK = 20_000_000


class SpanLike(Protocol):
    """What the count (and punctuation's settling run) needs of the pipeline's spans
    (original -> changed text)."""

    @property
    def ostart(self) -> int: ...
    @property
    def oend(self) -> int: ...
    @property
    def cstart(self) -> int: ...
    @property
    def after(self) -> str: ...


def _bmp_ranges(pattern: str, engine: Callable[[str], Any] = re.compile) -> str:
    """The characters up to U+FFFF that the one-character ``pattern`` takes, as the body of
    a character class of ranges (each character tested against the pattern itself, as
    ``engine`` compiles it, so the two agree by construction)."""
    one = engine(pattern)
    ranges: list[tuple[int, int]] = []
    for i in range(0x10000):
        if one.fullmatch(chr(i)) is not None:
            if ranges and ranges[-1][1] == i - 1:
                ranges[-1] = (ranges[-1][0], i)
            else:
                ranges.append((i, i))
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


def _bmp_letters() -> str:
    """The characters up to U+FFFF that :data:`LETTERS` takes, as a character class body."""
    return _bmp_ranges(LETTER_CLASS)


@functools.lru_cache(maxsize=8)
def bmp_class(pattern: str) -> str:
    r"""The one-character class ``pattern`` (``"[^\W_]"``) spelt out as ranges of the
    characters up to U+FFFF it takes, for texts without characters beyond U+FFFF
    (:func:`bmp_only`): the engine tests a bitmap instead of a category look-up per
    character (about 1.8x as fast). Built once, and cached on disk.

    >>> spelt = bmp_class(r"[^\W_]")
    >>> re.fullmatch(f"[{spelt}]+", "Peña2") is not None, re.fullmatch(f"[{spelt}]", "_")
    (True, None)
    """
    from cleaner.lexicon.cache import cached

    if pattern == LETTER_CLASS:
        return cached(f"bmp-letters-{unicodedata.unidata_version}", [], _bmp_letters)
    key = "".join(f"{ord(c):x}" for c in pattern)
    name = f"bmp-class-{key}-{unicodedata.unidata_version}"
    return cached(name, [], lambda: _bmp_ranges(pattern))


@functools.lru_cache(maxsize=8)
def regex_bmp_class(pattern: str) -> str:
    r""":func:`bmp_class` of a pattern of the ``regex`` module (``"\p{Lu}"``), taken from
    that module (whose Unicode version may differ from the stdlib's): a stdlib pattern
    with the class spelt out finds what the ``regex`` one finds in a text without
    characters beyond U+FFFF, faster. Built once, and cached on disk (per ``regex``
    version).

    >>> spelt = regex_bmp_class(r"\p{Lu}")
    >>> re.fullmatch(f"[{spelt}]+", "ÉA") is not None, re.fullmatch(f"[{spelt}]", "a")
    (True, None)
    """
    import regex

    from cleaner.lexicon.cache import cached

    key = "".join(f"{ord(c):x}" for c in pattern)
    name = f"bmp-regex-class-{key}-{regex.__version__}"
    return cached(name, [], lambda: _bmp_ranges(pattern, regex.compile))


def bmp_only(text: str) -> bool:
    """Has ``text`` no character beyond U+FFFF (so :func:`bmp_class` patterns apply)?"""
    return text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


@functools.lru_cache(maxsize=1)
def _bmp_letter_split() -> re.Pattern[str]:
    """:data:`LETTER_SPLIT` for texts without characters beyond U+FFFF: the class spelt out
    as ranges, which the engine tests with a bitmap (1.8x as fast as ``[^\\W\\d_]``, whose
    every character is a category look-up). Built once, and cached on disk."""
    return re.compile(f"([{bmp_class(LETTER_CLASS)}]+)")


def letter_split(text: str) -> list[str]:
    """``LETTER_SPLIT.split(text)``: the runs of letters at the odd indices.

    >>> letter_split("Peña's 2d ſtate")
    ['', 'Peña', "'", 's', ' 2', 'd', ' ', 'ſtate', '']
    """
    if bmp_only(text):
        return _bmp_letter_split().split(text)  # (no character beyond U+FFFF)
    return LETTER_SPLIT.split(text)


#: Re-count from scratch when the changes touch more than this share of the text.
_MAX_CHANGED_SHARE = 0.25


class _Split:
    """A text cut by :data:`LETTER_SPLIT`: its runs of letters at the odd indices, what
    lies between them at the even ones."""

    __slots__ = ("parts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts: list[str] = letter_split(text)

    def runs(self) -> Iterator[str]:
        """The runs of letters, in the order of the text."""
        return islice(self.parts, 1, None, 2)

    def positions(self, wanted: Container[str]) -> Iterator[tuple[str, int]]:
        """``(run, offset)`` of the runs in ``wanted``, in the order of the text: the runs
        selected with a C-level membership test, each offset the first place after the last
        one where the run stands whole (any whole occurrence before it would be a wanted
        run found before it). A ``str.find`` scan skips the text between two wanted runs
        faster than the lengths of the pieces between them are summed.

        >>> list(_Split("hot, the hot2 shot hot").positions({"hot"}))
        [('hot', 0), ('hot', 9), ('hot', 19)]
        """
        parts, text = self.parts, self.text
        size = len(text)
        pos = 0
        for i in compress(range(1, len(parts), 2), map(wanted.__contains__, self.runs())):
            run = parts[i]
            n = len(run)
            p = text.find(run, pos)
            while (p and _is_letter(text[p - 1])) or (p + n < size and _is_letter(text[p + n])):
                p = text.find(run, p + 1)  # (inside a longer run: "hot" of "shot")
            yield run, p
            pos = p + n


@dataclass(frozen=True, slots=True)
class RunLocator:
    """Where runs of letters stand in ``text``, without a scan of it: the runs of the
    document's base text (counted in full, :class:`_Split`) outside the regions changed
    since, moved by the length those regions gained, and the runs inside the regions of
    ``text``. The regions are the ones the incremental count uses (whole runs in the
    original), given in the base text (``base_starts``/``base_ends``) and in ``text``.

    >>> from cleaner.config import Config
    >>> from cleaner.passes.base import PassContext
    >>> from cleaner.pipeline import Document
    >>> from cleaner.resources import Resources
    >>> from cleaner.types import Edit
    >>> doc = Document("the hot dog, the hotel; the cat")
    >>> ctx = PassContext(Config(), Resources())
    >>> ctx.bind(doc)
    >>> _ = letter_counts(doc.text, ctx)  # the base, split in full
    >>> doc.apply("demo", [Edit(4, 7, "cold", "a change")], 0.8)
    >>> letter_counts(doc.text, ctx).locator.find({"the", "cold", "cat", "hot"})
    {'the': [0, 14, 25], 'cold': [4], 'cat': [29]}
    """

    text: str
    base: _Split
    base_starts: tuple[int, ...] = ()
    base_ends: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def find(self, wanted: Container[str]) -> dict[str, list[int]]:
        """The ascending offsets in ``text`` of each run of ``wanted`` that stands there,
        the runs in the order of their first occurrence."""
        out: dict[str, list[int]] = {}
        base_starts = self.base_starts
        if not base_starts:
            for run, p in self.base.positions(wanted):
                out.setdefault(run, []).append(p)
            return out
        found: list[tuple[int, str]] = []
        base_ends, ends = self.base_ends, self.ends
        for run, p in self.base.positions(wanted):
            k = bisect.bisect_right(base_starts, p) - 1
            if k >= 0:
                if p < base_ends[k]:
                    continue  # inside a changed region: found below, in the new text
                p += ends[k] - base_ends[k]
            found.append((p, run))
        for a, b in zip(self.starts, ends, strict=True):
            found.extend((m.start(), m.group()) for m in LETTERS.finditer(self.text, a, b))
        found.sort()
        for p, run in found:
            if run in wanted:
                out.setdefault(run, []).append(p)
        return out


class LetterCounts(Counter[str]):
    """A :func:`letter_counts` count, which also knows where its runs stand in the text it
    counted (:attr:`locator`; None on a copy or a count built otherwise).

    The passes of a document share the count, so it never changes once made; what they
    derive from it may be kept with it (:meth:`derived`).
    """

    locator: RunLocator | None = None
    #: For a count made from an earlier one (:func:`letter_counts`' incremental count): that
    #: count, the runs taken out of it and the runs put in (what it derives may be updated
    #: from that count's instead of built again: :func:`damage_counts`).
    origin: tuple[LetterCounts, list[str], list[str]] | None = None
    _derived: dict[str, object] | None = None

    def derived(self, name: str, build: Callable[[LetterCounts], T]) -> T:
        """``build(self)``, built once per count under ``name`` and kept with it (the result
        is shared too: never change it).

        >>> counts = LetterCounts("abca")
        >>> counts.derived("letters", len), counts.derived("letters", sorted)
        (3, 3)
        """
        kept = self._derived
        if kept is None:
            kept = self._derived = {}
        if name not in kept:
            kept[name] = build(self)
        return kept[name]  # type: ignore[return-value]


def letter_counts(text: str, ctx: PassContext) -> Counter[str]:
    """How often each run of letters occurs in ``text`` (case kept); cached per text."""
    hit = ctx.state.get("lexicon.letters")
    if isinstance(hit, tuple) and hit[0] == text:
        return hit[1]  # type: ignore[no-any-return]
    counts = _incremental(text, ctx)
    if counts is None:
        split = _Split(text)
        counts = LetterCounts(split.runs())
        counts.locator = RunLocator(text, split)
        doc = ctx.document
        if doc is not None and (doc.text is text or doc.text == text):
            # the base of later updates: this text, as the pipeline's spans describe it
            ctx.state["lexicon.base"] = (doc.original, split, counts, tuple(doc.spans))
            # ... and the document's first count, kept (see document_counts)
            ctx.state.setdefault("lexicon.first", (doc.original, counts))
    ctx.state["lexicon.letters"] = (text, counts)
    return counts


def _run_start(text: str, i: int) -> int:
    """The start of the run of letters that ends at ``i`` (``i`` itself if none)."""
    while i > 0:
        c = text[i - 1]
        # c in [^\W\d_] (checked against every code point): a letter, or a numeric that
        # is no decimal digit ("²")
        if not (c.isalpha() or (c.isalnum() and not c.isdecimal())):
            break
        i -= 1
    return i


def _run_end(text: str, i: int) -> int:
    """The end of the run of letters that starts at ``i`` (``i`` itself if none)."""
    m = LETTERS.match(text, i)
    return i if m is None else m.end()


def _mapper(spans: Sequence[SpanLike]) -> tuple[list[int], list[int]]:
    return [s.oend for s in spans], [s.cstart + len(s.after) for s in spans]


def _to_text(p: int, oends: list[int], cends: list[int], *, end: bool) -> int:
    """Original position ``p`` (outside the changes) in the changed text. A change that
    inserts at ``p`` counts as after a region's start and before its end."""
    k = (bisect.bisect_right(oends, p) if end else bisect.bisect_left(oends, p)) - 1
    return p if k < 0 else p - oends[k] + cends[k]


def _incremental(text: str, ctx: PassContext) -> LetterCounts | None:
    """The count of ``text`` from the count of an earlier text of the same document (the
    base) and the pipeline's spans then and now, or None when there is no usable base."""
    doc = ctx.document
    if doc is None or (doc.text is not text and doc.text != text):
        return None
    base = ctx.state.get("lexicon.base")
    if not (isinstance(base, tuple) and base[0] is doc.original):
        return None
    original: str = doc.original
    base_split: _Split = base[1]
    base_text = base_split.text
    base_counts: Counter[str] = base[2]
    base_spans: tuple[SpanLike, ...] = base[3]
    spans: Sequence[SpanLike] = doc.spans
    if sum(s.oend - s.ostart + len(s.after) for s in spans) > _MAX_CHANGED_SHARE * len(text):
        return None
    # the original stretches that either text changed, widened to whole runs of letters:
    # outside them the base, the original and the text are the same
    intervals = sorted(
        [(s.ostart, s.oend) for s in base_spans] + [(s.ostart, s.oend) for s in spans]
    )
    regions: list[list[int]] = []
    for ostart, oend in intervals:
        a = _run_start(original, ostart)
        b = _run_end(original, oend)
        if regions and a <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], b)
        else:
            regions.append([a, b])
    base_map = _mapper(base_spans)
    now_map = _mapper(spans)
    base_starts = [_to_text(a, *base_map, end=False) for a, _ in regions]
    base_ends = [_to_text(b, *base_map, end=True) for _, b in regions]
    starts = [_to_text(a, *now_map, end=False) for a, _ in regions]
    ends = [_to_text(b, *now_map, end=True) for _, b in regions]
    removed: list[str] = []
    added: list[str] = []
    for k in range(len(regions)):
        removed.extend(LETTERS.findall(base_text, base_starts[k], base_ends[k]))
        added.extend(LETTERS.findall(text, starts[k], ends[k]))
    counts = LetterCounts(base_counts)
    _move(counts, removed, added)
    if isinstance(base_counts, LetterCounts):
        counts.origin = (base_counts, removed, added)
    counts.locator = RunLocator(
        text, base_split, tuple(base_starts), tuple(base_ends), tuple(starts), tuple(ends)
    )
    return counts


def run_positions(text: str, wanted: Container[str], runs: re.Pattern[str]) -> dict[str, list[int]]:
    r"""Offsets of the runs of ``runs`` (a pattern with ONE capturing group around the run)
    in ``text`` that are in ``wanted``.

    One split of the text, the runs selected with a C-level membership test, and the offsets
    summed from the lengths of the pieces between them: linear in the text, whatever the
    number of wanted runs.

    >>> run_positions("hot, the hot2 shot hot", {"hot"}, re.compile(r"([^\W\d_]+)"))
    {'hot': [0, 9, 19]}
    """
    parts = runs.split(text)
    out: dict[str, list[int]] = {}
    pos = prev = 0
    picked = map(wanted.__contains__, islice(parts, 1, None, 2))
    for i in compress(range(1, len(parts), 2), picked):
        pos += sum(map(len, parts[prev:i]))
        prev = i
        out.setdefault(parts[i], []).append(pos)
    return out


def whole_runs(text: str, run: str, count: int) -> list[int]:
    """Offsets where ``run`` stands as a whole run of letters (``[^\\W\\d_]+``) in ``text``,
    which :func:`letter_counts` counted ``count`` times: ``str.find`` scans stop at the last.

    >>> whole_runs("hot, the hot2 shot hot", "hot", 3)
    [0, 9, 19]
    """
    out: list[int] = []
    n = len(run)
    p = text.find(run)
    while p >= 0 and len(out) < count:
        before = text[p - 1] if p else ""
        after = text[p + n : p + n + 1]
        if not _is_letter(before) and not _is_letter(after):
            out.append(p)
        p = text.find(run, p + 1)
    return out


def _is_letter(c: str) -> bool:
    return c.isalnum() and not c.isdecimal()


def runs_positions(
    text: str, runs: Sequence[str], counts: Mapping[str, int]
) -> dict[str, list[int]]:
    """Offsets of each of ``runs`` (runs of letters that :func:`letter_counts` counted in
    ``text``) where it stands whole. Many runs in a long text: the runs found, in the order
    of their first occurrence; else every run of ``runs``, in that order.

    A ``str.find`` scan per run, or one split of the text when there are many runs in a
    long text; from :data:`LOCATE_RUNS` runs on, when ``counts`` is a count of
    :func:`letter_counts`, its :class:`RunLocator` (no scan of the text).

    >>> runs_positions("hot, the hot2 shot hot", ["hot"], {"hot": 3})
    {'hot': [0, 9, 19]}
    """
    many = len(runs) * len(text) > INDEX_WORK
    locator = counts.locator if isinstance(counts, LetterCounts) else None
    if (
        locator is not None
        and len(runs) >= LOCATE_RUNS
        and (locator.text is text or locator.text == text)
    ):
        found = locator.find(set(runs))
        return found if many else {r: found.get(r, []) for r in runs}
    if many:
        return run_positions(text, set(runs), LETTER_SPLIT)
    return {r: whole_runs(text, r, counts[r]) for r in runs}


def lowered_runs(counts: Iterable[str]) -> tuple[list[str], list[str]]:
    """The runs of ``counts`` and their lower-case forms, aligned; built once per
    :class:`LetterCounts` (the passes of a document mostly share one count; never change
    the lists).

    >>> lowered_runs(["The", "court"])
    (['The', 'court'], ['the', 'court'])
    """
    if isinstance(counts, LetterCounts):
        return counts.derived("tokens.lowered_runs", _lowered_runs)
    return _lowered_runs(counts)


def _lowered_runs(counts: Iterable[str]) -> tuple[list[str], list[str]]:
    keys = list(counts)
    return keys, list(map(str.lower, keys))


def unknown_runs(counts: Iterable[str], known: Container[str]) -> list[str]:
    """The runs of ``counts`` whose lower-case form ``known`` lacks (one C-level filter);
    built once per :class:`LetterCounts` and ``known`` (never change the list). Of a count
    made from an earlier one, the earlier count's that it still holds, then its new runs
    that ``known`` lacks (so not in the count's order: callers must not depend on it).

    >>> unknown_runs(["The", "tbe", "Court"], {"the", "court"})
    ['tbe']
    """
    if isinstance(counts, LetterCounts):
        runs: list[str] = _kept_answer(
            counts, known, "tokens.unknown_runs", _unknown_runs, _moved_unknown
        )
        return runs
    return _unknown_runs(counts, known)


def _moved_unknown(counts: LetterCounts, known: Container[str]) -> list[str]:
    """:func:`unknown_runs` of a count made from an earlier one, from the earlier's."""
    assert counts.origin is not None
    base, _, added = counts.origin
    hit = [k for k in unknown_runs(base, known) if k in counts]
    fresh = dict.fromkeys(added)  # (the runs new to the count are among these)
    hit.extend(k for k in fresh if k not in base and k.lower() not in known)
    return hit


def _unknown_runs(counts: Iterable[str], known: Container[str]) -> list[str]:
    keys, lows = lowered_runs(counts)
    return list(compress(keys, map(not_, map(known.__contains__, lows))))


def _per_lexicon(counts: LetterCounts) -> list[tuple[Container[str], object]]:
    """A count's answers per lexicon (``known``): (lexicon, answer) pairs (one in practice)."""
    return []


def _kept_for(kept: list[tuple[Container[str], object]], known: Container[str]) -> Any:
    """The answer kept for ``known`` (the very object), or None."""
    for lexicon, answer in kept:
        if lexicon is known:
            return answer
    return None


def _kept_answer(
    counts: LetterCounts,
    known: Container[str],
    name: str,
    fresh: Callable[[LetterCounts, Container[str]], object],
    moved: Callable[[LetterCounts, Container[str]], object],
) -> Any:
    """The answer ``name`` for ``counts`` and ``known``, kept with the count: worked out
    ``fresh`` for a first count, or ``moved`` from the earlier count's for one made from it."""
    kept = counts.derived(name, _per_lexicon)
    hit = _kept_for(kept, known)
    if hit is None:
        hit = fresh(counts, known) if counts.origin is None else moved(counts, known)
        kept.append((known, hit))
    return hit


#: Share of unknown lower-case words from which a text counts as badly damaged (see
#: :func:`badly_damaged`): above the worst of the 316 opinions of the corpus (2.8%).
DAMAGED_SHARE = 0.035
#: Its answers, per count (the passes of one document share one count of its text): by the
#: count's id, with a weak reference that tells a live count from a dead one's reused id (a
#: Counter is no dictionary key: it is unhashable).
_DAMAGED: dict[int, tuple[weakref.ref[Any], object, bool]] = {}
#: Answers kept at most (the counts of the documents in flight).
_DAMAGED_KEPT = 64


def everyday_words(counts: Iterable[str]) -> list[str]:
    """The runs of ``counts`` in lower case and of 2+ letters (``str.isalpha``), in its
    order; built once per :class:`LetterCounts` (several passes ask it of a document's
    first count).

    >>> everyday_words(["The", "a", "court", "ſtate", "x²"])
    ['court', 'ſtate']
    """
    if isinstance(counts, LetterCounts):
        return counts.derived("tokens.everyday", _everyday_words)
    return _everyday_words(counts)


def _everyday_words(counts: Iterable[str]) -> list[str]:
    return [t for t in counts if t.islower() and len(t) >= 2 and t.isalpha()]


def badly_damaged(counts: Mapping[str, int], known: Container[str]) -> bool:
    """Is the text whose words ``counts`` counts so damaged that an unknown long word is most
    likely a misread, and a rare reading of a common word likelier than elsewhere?

    The share of its lower-case words (2+ letters) that are words of 3+ letters ``known``
    lacks, counted from a prior of 1 unknown word in 100 (an opinion's rate: a short text
    says little), at least 3.5%: opinions, where an unknown word is as often a term the
    lists lack, stay under it (the worst of the corpus at 2.8%); BLN600's OCR'd
    newspapers are at 2% to 14% (10th to 90th percentile; median 4.5%). (Two-letter words
    count among all words, so that a mended text is judged no more damaged: "lie" mended
    to "he" stays a word of the text.)

    >>> badly_damaged({"the": 40, "court": 40, "held": 15, "teh": 5}, {"the", "court", "held"})
    False
    >>> badly_damaged({"the": 40, "court": 40, "held": 10, "teh": 10}, {"the", "court", "held"})
    True
    """
    hit = _DAMAGED.get(id(counts))  # the same count asked again (by the next pass)
    if hit is not None and hit[0]() is counts and hit[1] is known:
        return hit[2]
    total, unknown = damage_counts(counts, known)
    result = unknown + 1 >= DAMAGED_SHARE * (total + 100)
    with contextlib.suppress(TypeError):  # (a plain dict cannot be weakly referenced)
        ref = weakref.ref(counts)
        if len(_DAMAGED) >= _DAMAGED_KEPT:
            _DAMAGED.clear()
        _DAMAGED[id(counts)] = (ref, known, result)
    return result


def damage_counts(counts: Mapping[str, int], known: Container[str]) -> tuple[int, int]:
    """What :func:`badly_damaged` weighs: the lower-case words of 2+ letters
    (:func:`everyday_words`) and those of them of 3+ letters ``known`` lacks, counted with
    repetition. Of a :class:`LetterCounts` made from an earlier one, the earlier count's
    figures moved by the runs taken out and put in (the same sums: whether a run counts is
    a property of the run alone); kept with the count.

    >>> damage_counts({"the": 4, "The": 1, "teh": 2, "a": 3, "of": 2}, {"the", "of"})
    (8, 2)
    """
    if not isinstance(counts, LetterCounts):
        return _damage_counts(counts, known)
    figures: tuple[int, int] = _kept_answer(
        counts, known, "tokens.damage_counts", _damage_counts, _moved_damage
    )
    return figures


def _moved_damage(counts: LetterCounts, known: Container[str]) -> tuple[int, int]:
    """:func:`damage_counts` of a count made from an earlier one: the earlier's figures
    moved by the runs taken out and put in."""
    assert counts.origin is not None
    base, removed, added = counts.origin
    total, unknown = damage_counts(base, known)
    total_in, unknown_in = _damage_runs(added, known)
    total_out, unknown_out = _damage_runs(removed, known)
    return total + total_in - total_out, unknown + unknown_in - unknown_out


def _damage_counts(counts: Mapping[str, int], known: Container[str]) -> tuple[int, int]:
    everyday = everyday_words(counts)
    total = sum(map(counts.__getitem__, everyday))
    if isinstance(counts, LetterCounts):
        # (the unknown runs, if already found, are far fewer than the words)
        words = [t for t in unknown_runs(counts, known) if t.islower() and len(t) >= 3]
        unknown = sum(map(counts.__getitem__, filter(str.isalpha, words)))
    else:
        words = [t for t in everyday if len(t) >= 3]  # (shorter ones are rarely misreads)
        unknown = sum(
            map(counts.__getitem__, compress(words, map(not_, map(known.__contains__, words))))
        )
    return total, unknown


def _damage_runs(runs: list[str], known: Container[str]) -> tuple[int, int]:
    """:func:`damage_counts` of a list of runs (each once per occurrence)."""
    everyday = _everyday_words(runs)
    return len(everyday), sum(1 for t in everyday if len(t) >= 3 and t not in known)


def document_damaged(text: str, ctx: PassContext, known: Container[str]) -> bool:
    """:func:`badly_damaged` of the document as the OCR gave it, not as the passes have
    mended it so far: the first count of the document (:func:`letter_counts`' base, before
    the word passes), else ``text``'s count. Every pass and every round then judges the
    document alike; a second cleaning, of a mended text, is judged no more damaged (what the
    first did not change, the second does not).

    A text that writes elisions (:func:`writes_elisions`: dialect, verse) spells in its own
    way: it is not judged so, whatever its count of unknown words ("wery", "leetle").

    >>> from cleaner.config import Config
    >>> from cleaner.passes.base import PassContext
    >>> from cleaner.resources import Resources
    >>> document_damaged("The court held so.", PassContext(Config(), Resources()), {"the"})
    False
    """
    if not badly_damaged(document_counts(text, ctx), known):
        return False
    return not document_writes_elisions(text, ctx)


#: Elisions of speech and verse: "goin'", "'em", "'tis", "'twas", "an'", "o' the", "th'",
#: "ain't", "'ere".
ELISION = re.compile(
    r"(?i)(?<![\w'’])(?:\w+in['’]|['’]em|['’]t(?:is|was|will|would)|an['’]|o['’](?=[ ])"
    r"|th['’]|ain['’]t|['’]ere)(?![\w'’])"
)
#: Elisions from which a text writes its own spelling (dialect, verse).
ELISIONS = 2


def writes_elisions(text: str) -> bool:
    """Does ``text`` write the elisions of speech or verse (:data:`ELISIONS` or more)? Its
    unknown words are then as likely its own spelling ("wengeance", "leetle", "darlint")
    as misreads (ICDAR 2017: Dickens, Shakespeare).

    >>> writes_elisions("'Tis true, an' I ain't goin' there.")
    True
    >>> writes_elisions("The court's order, o'clock, and the plaintiffs' claims.")
    False
    """
    # An elision is a whole run of word characters and apostrophes (the look-arounds see to
    # it) with an apostrophe in it: the pattern is tried at the start of each run that holds
    # one (found from its apostrophes), not at every position of the text (6x as fast).
    found = 0
    end = -1  # the end of the last run tried
    for mark in _APOSTROPHE.finditer(text):
        at = mark.start()
        if at < end:
            continue  # a second apostrophe of that run
        start = at
        while start > 0 and _ELISION_CHAR.match(text, start - 1) is not None:
            start -= 1
        run = _ELISION_RUN.match(text, at)  # (from the apostrophe: never None)
        end = at + 1 if run is None else run.end()
        if ELISION.match(text, start) is not None:
            found += 1
            if found >= ELISIONS:
                return True
    return False


#: What an :data:`ELISION` is made of: a word character or an apostrophe (a run of them).
_ELISION_CHAR = re.compile(r"[\w'’]")
_ELISION_RUN = re.compile(r"[\w'’]+")
_APOSTROPHE = re.compile(r"['’]")


def document_writes_elisions(text: str, ctx: PassContext) -> bool:
    """:func:`writes_elisions` of the document as the OCR gave it (its apostrophes are
    evidence the passes may mend away), else of ``text``; asked once per document."""
    doc = ctx.document
    source = doc.original if doc is not None else text
    hit = ctx.state.get("lexicon.elisions")
    if isinstance(hit, tuple) and hit[0] is source:
        return bool(hit[1])
    answer = writes_elisions(source)
    ctx.state["lexicon.elisions"] = (source, answer)
    return answer


def document_counts(text: str, ctx: PassContext) -> Counter[str]:
    """The document's first count of words (:func:`letter_counts`' base: the OCR as given,
    before the word passes), else ``text``'s count. Evidence about the OCR itself (how
    damaged it is, which confusions it makes) is read there: the passes mend it away."""
    doc = ctx.document
    first = ctx.state.get("lexicon.first")
    if doc is not None and isinstance(first, tuple) and first[0] is doc.original:
        return first[1]  # type: ignore[no-any-return]
    return letter_counts(text, ctx)


#: Characters no token of :class:`TokenRounds` contains: its tokenization of what follows
#: one of them does not depend on what precedes it.
_TOKEN_BREAKS = (" ", "\n")
#: :class:`TokenRounds` counts in full when the windows around the edits exceed this share.
_MAX_WINDOW_SHARE = 0.25


class TokenRounds:
    r"""The tokens of the texts a pass sees in the rounds of a fixed point
    (:func:`~cleaner.fixpoint.edits_to_fixpoint`), by exact and by lower-case form: counted
    in full in the first round, then from the previous round's counts and the edits that
    round applied (:meth:`applied`), the tokens of a window around each edit counted again.

    ``pattern(text)`` is the pattern that tokenizes ``text``; ``window`` one that tokenizes
    any text alike (e.g. without the faster choices ``pattern`` makes from the whole
    text), used on the windows. Neither may match a space or a newline: a window runs
    between two of them (or an end of the text), where a scan of the text starts afresh.
    ``lowered(counts)`` is the count by lower-case form, which must give a token's count to
    the token itself when it is lower case (``str.islower``), else to ``token.lower()``.
    The counts are equal to the full counts; their order of keys is not the text's.

    >>> rounds = TokenRounds(lambda t: re.compile(r"\w+"), re.compile(r"\w+"), 0.8)
    >>> sorted(rounds.counts("The cat, the hat").items())
    [('The', 1), ('cat', 1), ('hat', 1), ('the', 1)]
    >>> from cleaner.types import Edit
    >>> rounds.applied("The cat, the hat", [Edit(4, 7, "Cat", "demo")])
    >>> sorted(rounds.counts("The Cat, the hat").items())
    [('Cat', 1), ('The', 1), ('hat', 1), ('the', 1)]
    >>> sorted(rounds.lower("The Cat, the hat").items())
    [('cat', 1), ('hat', 1), ('the', 2)]
    """

    def __init__(
        self,
        pattern: Callable[[str], re.Pattern[str]],
        window: re.Pattern[str],
        min_confidence: float,
        lowered: Callable[[Counter[str]], Counter[str]] | None = None,
    ) -> None:
        self.pattern = pattern
        self.window = window
        self.min_confidence = min_confidence
        self.lowered = lowered or _lowered_counts
        self._text: str | None = None  # the last text counted ...
        self._exact: Counter[str] = Counter()  # ... its counts
        self._lower: Counter[str] | None = None  # ... by lower-case form, once asked
        # the changes from the text before: the tokens removed, the tokens added, and that
        # text's lower-case count (None: counted in full)
        self._delta: tuple[list[str], list[str], Counter[str] | None] | None = None
        self._next: list[tuple[int, int, str]] | None = None  # edits applied to the last

    def counts(self, text: str) -> Counter[str]:
        """``text``'s tokens by exact form (never change the count)."""
        if text is self._text:
            return self._exact
        delta = self._changes(text)
        if delta is None:
            exact = Counter(self.pattern(text).findall(text))
            self._delta = None
        else:
            removed, added = delta
            exact = _moved(self._exact, removed, added)
            self._delta = (removed, added, self._lower)
        self._text, self._exact, self._lower, self._next = text, exact, None, None
        return exact

    def lower(self, text: str) -> Counter[str]:
        """``text``'s tokens by lower-case form (never change the count)."""
        exact = self.counts(text)
        if self._lower is None:
            removed, added, before = self._delta or ([], [], None)
            if before is not None:
                self._lower = _moved(
                    before, list(map(_lower_key, removed)), list(map(_lower_key, added))
                )
            else:
                self._lower = self.lowered(exact)
        return self._lower

    def applied(self, text: str, edits: Iterable[Any]) -> None:
        """The edits a round proposed in ``text`` (the last one counted): those the fixed
        point applies (confident enough, changing the text) make the next round's text."""
        if text is not self._text:
            self._next = None
            return
        self._next = sorted(
            (e.start, e.end, e.after)
            for e in edits
            if e.confidence >= self.min_confidence and text[e.start : e.end] != e.after
        )

    def _changes(self, text: str) -> tuple[list[str], list[str]] | None:
        """The tokens the applied edits took from the last text and brought into ``text``,
        or None when ``text`` is no such text or the edits are too many."""
        old, edits = self._text, self._next
        if old is None or not edits:
            return None
        # the windows: from just after a break before an edit to the break after it,
        # merged when they overlap or touch (an insertion before a window's break)
        windows: list[list[int]] = []  # [lo, hi, index of the first edit, of the last + 1]
        for k, (start, end, _) in enumerate(edits):
            lo = max(old.rfind(b, 0, start) for b in _TOKEN_BREAKS) + 1
            ends = [p for p in (old.find(b, end) for b in _TOKEN_BREAKS) if p >= 0]
            hi = min(ends) if ends else len(old)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
                windows[-1][3] = k + 1
            else:
                windows.append([lo, hi, k, k + 1])
        if sum(hi - lo for lo, hi, _, _ in windows) > _MAX_WINDOW_SHARE * len(old):
            return None
        # the next text, spliced; and each window's place in it
        pieces: list[str] = []
        pos = shift = 0
        placed: list[tuple[int, int]] = []
        for lo, hi, first, stop in windows:
            before = shift
            for start, end, after in edits[first:stop]:
                pieces.append(old[pos:start])
                pieces.append(after)
                pos = end
                shift += len(after) - (end - start)
            placed.append((lo + before, hi + shift))
        pieces.append(old[pos:])
        if "".join(pieces) != text:
            return None  # not the text those edits make
        findall = self.window.findall
        removed: list[str] = []
        added: list[str] = []
        for (lo, hi, _, _), (nlo, nhi) in zip(windows, placed, strict=True):
            removed.extend(findall(old, lo, hi))
            added.extend(findall(text, nlo, nhi))
        return removed, added


def _moved(counts: Counter[str], removed: list[str], added: list[str]) -> Counter[str]:
    """A copy of ``counts`` without ``removed`` and with ``added`` (no key left at 0)."""
    out = Counter(counts)
    _move(out, removed, added)
    return out


def _move(counts: Counter[str], removed: list[str], added: list[str]) -> None:
    """Take ``removed`` out of ``counts`` and put ``added`` in, in place (no key left at 0)."""
    for tok, n in Counter(removed).items():
        left = counts[tok] - n
        if left > 0:
            counts[tok] = left
        else:
            del counts[tok]
    counts.update(added)


def _same(tok: str) -> str:
    return tok


def _lower_key(tok: str) -> str:
    """Where a lower-case count puts ``tok`` (lower case already: itself)."""
    return tok if tok.islower() else tok.lower()


def _lowered_counts(exact: Counter[str]) -> Counter[str]:
    lower: Counter[str] = Counter()
    for tok, n in exact.items():
        lower[_lower_key(tok)] += n
    return lower
