"""Scoring one output against gold: CER, WER, words fixed and broken, keep spans, per-pass.

Definitions (all comparisons on :attr:`Sample.normalizer` output: ligatures unfolded and
whitespace runs collapsed; ignored regions replaced in OCR, gold and output by one identical
placeholder character; it counts nowhere, and a word containing it is left out):

- CER = Levenshtein distance over characters / gold characters; WER = the same over
  whitespace-delimited words / gold words. Totals are micro-averages (sums over documents).
- A gold word is *right* in a text when the word-level Levenshtein alignment of that text's
  words to the gold words matches it to an identical word (an ``equal`` block). *Fixed* =
  wrong in the OCR and right in the output through a word the system changed; *broken* =
  right in the OCR and wrong in the output, its OCR word changed by the system. (Words the
  system left alone are neither: when a line repeats words, "and he had ... and had", the
  two alignments may pair an untouched word with different gold words.) Punctuation is part
  of a word: ``Id,`` for ``Id.`` is a wrong word.
- A ``keep`` span (gold edit lists) that the output changes (any edit of the character
  alignment OCR -> output inside it) is a *keep violation*; it is added to *broken* unless a
  broken gold word already lies in it (no double count).
- Per pass (when the system reports changes, i.e. the cleaner): each applied change is scored
  alone on its window (the whitespace-delimited OCR words it touches and one word either side,
  so that a moved marker is judged where it lands) against the gold aligned to that window:
  *right* if applying it lowers the edit distance to gold, *wrong* if it raises it, *neutral*
  otherwise; changes touching an ignored region are not scored.

>>> s = score(Sample("d", "Tbe cat sat", "The cat sat"), "The cot sat")
>>> s.ocr_char_dist, s.out_char_dist, s.fixed, s.broken, s.gold_words
(1, 1, 1, 1, 3)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from rapidfuzz.distance import Levenshtein

from cleaner.evaluate.gold import Region, Sample
from cleaner.types import Change

PLACEHOLDER = "\x00"
_SCAN = 200  # longest word window scanned around a change


def _hint(a: Sequence[Any], b: Sequence[Any]) -> int:
    return max(32, abs(len(a) - len(b)) + (len(a) + len(b)) // 64)


def distance(a: Sequence[Any], b: Sequence[Any]) -> int:
    """Levenshtein distance (a banded search first: fast when the texts are close)."""
    return int(Levenshtein.distance(a, b, score_hint=_hint(a, b)))


class Aligner:
    """A character (or word) alignment of ``src`` to ``dst``: maps positions, finds changes.

    >>> a = Aligner("the. officers", "the officers")
    >>> a.map_start(5), a.map_end(13), a.touched(0, 3), a.touched(3, 5)
    (4, 12, False, True)
    """

    def __init__(self, src: Sequence[Any], dst: Sequence[Any]) -> None:
        if src == dst:
            ops: list[tuple[str, int, int, int, int]] = (
                [("equal", 0, len(src), 0, len(dst))] if len(src) else []
            )
        else:
            ops = [
                (o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
                for o in Levenshtein.opcodes(src, dst, score_hint=_hint(src, dst))
            ]
        self.ops = ops
        self.src_len = len(src)
        self.dst_len = len(dst)
        self._blocks = [op for op in ops if op[2] > op[1]]  # blocks with source text
        self._starts = [op[1] for op in self._blocks]
        self._diff = [(op[1], op[2]) for op in ops if op[0] != "equal"]
        self._diff_starts = [d[0] for d in self._diff]

    def map_start(self, i: int) -> int:
        """Where a span starting at source offset ``i`` starts in the destination."""
        if i >= self.src_len:
            return self.dst_len
        k = bisect.bisect_right(self._starts, i) - 1
        tag, i1, _i2, j1, _j2 = self._blocks[k]
        return j1 + (i - i1) if tag == "equal" else j1

    def map_end(self, i: int) -> int:
        """Where a span ending at source offset ``i`` ends in the destination."""
        if i <= 0:
            return 0
        k = bisect.bisect_left(self._starts, i) - 1
        tag, i1, _i2, j1, j2 = self._blocks[k]
        return j1 + (i - i1) if tag == "equal" else j2

    def touched(self, a: int, b: int) -> bool:
        """Does any edit change source ``[a, b)`` (an insertion counts strictly inside)?"""
        k = bisect.bisect_left(self._diff_starts, a) - 1
        for s, e in self._diff[max(k, 0) :]:
            if s >= b:
                break
            if (s < e and s < b and a < e) or (s == e and a < s < b):
                return True
        return False


@dataclass(frozen=True, slots=True)
class WordError:
    """A gold word the output gets wrong: ``broken`` (OCR had it right) or ``missed``."""

    document: str
    kind: str
    gold: str
    ocr: str
    output: str
    context: str

    def to_dict(self) -> dict[str, str]:
        return {
            "document": self.document,
            "kind": self.kind,
            "gold": self.gold,
            "ocr": self.ocr,
            "output": self.output,
            "context": self.context,
        }


@dataclass(frozen=True, slots=True)
class WrongChange:
    """An applied change that moved its window away from gold (for ``--errors``)."""

    document: str
    pass_name: str
    before: str
    after: str
    window: str
    gold: str

    def to_dict(self) -> dict[str, str]:
        return {
            "document": self.document,
            "pass": self.pass_name,
            "before": self.before,
            "after": self.after,
            "window": self.window,
            "gold": self.gold,
        }


@dataclass
class Score:
    """Counts for one document or (summed with ``+=``) for many."""

    documents: int = 0
    gold_chars: int = 0
    gold_words: int = 0
    ocr_char_dist: int = 0
    out_char_dist: int = 0
    ocr_word_dist: int = 0
    out_word_dist: int = 0
    ocr_wrong: int = 0
    out_wrong: int = 0
    fixed: int = 0
    broken: int = 0
    keep_spans: int = 0
    keep_violated: int = 0
    ignored_regions: int = 0
    clean_words: int = 0
    clean_changed: int = 0
    seconds: float = 0.0
    passes: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, wrong, neutral]
    errors: list[WordError] = field(default_factory=list)
    wrong_changes: list[WrongChange] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        for f in fields(self):
            if f.name == "passes":
                for name, counts in other.passes.items():
                    mine = self.passes.setdefault(name, [0, 0, 0])
                    for i, c in enumerate(counts):
                        mine[i] += c
            elif f.name == "errors":
                self.errors.extend(other.errors)
            elif f.name == "wrong_changes":
                self.wrong_changes.extend(other.wrong_changes)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    # -- rates ------------------------------------------------------------------------------
    @staticmethod
    def _ratio(a: float, b: float) -> float | None:
        return a / b if b else None

    def summary(self) -> dict[str, Any]:
        """The figures, as a JSON-ready dict (rates as fractions; None when undefined)."""
        cer_b = self._ratio(self.ocr_char_dist, self.gold_chars)
        cer_a = self._ratio(self.out_char_dist, self.gold_chars)
        per10k = 10_000 / self.gold_words if self.gold_words else None
        return {
            "documents": self.documents,
            "gold_chars": self.gold_chars,
            "gold_words": self.gold_words,
            "cer_before": cer_b,
            "cer_after": cer_a,
            "cer_reduction": (
                (self.ocr_char_dist - self.out_char_dist) / self.ocr_char_dist
                if self.ocr_char_dist
                else None
            ),
            "wer_before": self._ratio(self.ocr_word_dist, self.gold_words),
            "wer_after": self._ratio(self.out_word_dist, self.gold_words),
            "words_wrong_before": self.ocr_wrong,
            "words_wrong_after": self.out_wrong,
            "fixed": self.fixed,
            "broken": self.broken,
            "fixed_per_10k": self.fixed * per10k if per10k else None,
            "broken_per_10k": self.broken * per10k if per10k else None,
            "keep_spans": self.keep_spans,
            "keep_violated": self.keep_violated,
            "ignored_regions": self.ignored_regions,
            "clean_input_words": self.clean_words,
            "clean_input_changed_words": self.clean_changed,
            "clean_changes_per_10k": (
                self.clean_changed * 10_000 / self.clean_words if self.clean_words else None
            ),
            "seconds": round(self.seconds, 3),
            "passes": {
                name: {
                    "right": r,
                    "wrong": w,
                    "neutral": n,
                    "precision": r / (r + w) if r + w else None,
                }
                for name, (r, w, n) in sorted(self.passes.items())
            },
        }


def _mask(text: str, spans: Sequence[tuple[int, int]], masks: Sequence[str]) -> str:
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for (a, b), m in zip(spans, masks, strict=True):
        a = max(a, pos)
        b = max(b, a)
        out.append(text[pos:a])
        out.append(m)
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _masks(gold: str, ign: Sequence[Region]) -> list[str]:
    """The placeholder for each region, spaced as its gold is: a whole word stays a word."""
    out = []
    for r in ign:
        pre = " " if r.gstart == 0 or gold[r.gstart - 1].isspace() else ""
        post = " " if r.gend >= len(gold) or gold[r.gend].isspace() else ""
        out.append(pre + PLACEHOLDER + post)
    return out


def _right(src: list[str], gold: list[str]) -> tuple[list[bool], list[int], Aligner]:
    """Per gold word: right in ``src``? The index of its alignment block; the alignment."""
    right = [False] * len(gold)
    block = [0] * len(gold)
    al = Aligner(src, gold)
    for k, (tag, _i1, _i2, j1, j2) in enumerate(al.ops):
        for j in range(j1, j2):
            right[j] = tag == "equal"
            block[j] = k
    return right, block, al


def _src_index(al: Aligner, k: int, j: int) -> int:
    """The source word paired with gold word ``j`` in ``equal`` block ``k``."""
    _tag, i1, _i2, j1, _j2 = al.ops[k]
    return i1 + j - j1


def _words_of(al: Aligner, src: list[str], k: int, j: int) -> str:
    """The words of ``src`` aligned to gold word ``j`` (in alignment block ``k``)."""
    if not al.ops:
        return ""
    tag, i1, i2, j1, _j2 = al.ops[k]
    if tag == "equal":
        return src[i1 + j - j1]
    return " ".join(src[i1 : min(i2, i1 + 4)]) + (" …" if i2 - i1 > 4 else "")


def _token_index(norm_text: str) -> int:
    return len(norm_text.split())


def score(
    sample: Sample,
    output: str,
    changes: Sequence[Change] | None = None,
    *,
    errors: bool = False,
    clean_output: str | None = None,
) -> Score:
    """Score ``output`` (what a system made of ``sample.ocr``) against ``sample.gold``.

    ``changes`` (the cleaner's report) enables the per-pass figures; ``clean_output`` (what
    the system made of :meth:`Sample.clean_input`) the changes-on-clean-input figure.
    """
    norm = sample.normalizer
    ocr, gold = sample.ocr, sample.gold
    ign = sorted(sample.ignore, key=lambda r: r.start)
    op: Aligner | None = None
    if ign or sample.keep:
        op = Aligner(ocr, output)
    masks = _masks(gold, ign)
    mo = _mask(ocr, [(r.start, r.end) for r in ign], masks)
    mg = _mask(gold, [(r.gstart, r.gend) for r in ign], masks)
    mp = output
    if ign and op is not None:
        mp = _mask(output, [(op.map_start(r.start), op.map_end(r.end)) for r in ign], masks)
    no, ng, np_ = norm(mo), norm(mg), norm(mp)
    s = Score(documents=1, ignored_regions=len(ign))
    s.gold_chars = len(ng) - ng.count(PLACEHOLDER)
    s.ocr_char_dist = distance(no, ng)
    s.out_char_dist = distance(np_, ng)
    wo, wg, wp = no.split(), ng.split(), np_.split()
    s.gold_words = sum(PLACEHOLDER not in w for w in wg)
    s.ocr_word_dist = distance(wo, wg)
    s.out_word_dist = distance(wp, wg)
    right_o, block_o, oal = _right(wo, wg)
    right_p, block_p, pal = _right(wp, wg)
    # which OCR words the system left as they were (a word alignment OCR -> output)
    kept_o = [False] * len(wo)
    kept_p = [False] * len(wp)
    for tag, i1, i2, j1, j2 in (
        [("equal", 0, len(wo), 0, len(wp))] if wo == wp else Aligner(wo, wp).ops
    ):
        if tag == "equal":
            kept_o[i1:i2] = [True] * (i2 - i1)
            kept_p[j1:j2] = [True] * (j2 - j1)
    broken_at: list[int] = []
    for j, w in enumerate(wg):
        if PLACEHOLDER in w:
            continue
        if not right_o[j]:
            s.ocr_wrong += 1
        if not right_p[j]:
            s.out_wrong += 1
        # only words the system touched count: an untouched word that the alignment pairs
        # with another gold word (ties in repeated words) is neither fixed nor broken
        is_broken = right_o[j] and not right_p[j] and not kept_o[_src_index(oal, block_o[j], j)]
        if right_p[j] and not right_o[j] and not kept_p[_src_index(pal, block_p[j], j)]:
            s.fixed += 1
        elif is_broken:
            s.broken += 1
            broken_at.append(j)
        if errors and not right_p[j]:
            ctx = " ".join(wg[max(j - 5, 0) : j]) + f" [[{w}]] " + " ".join(wg[j + 1 : j + 6])
            kind = "broken" if is_broken else "missed"
            ocr_word = _words_of(oal, wo, block_o[j], j)
            s.errors.append(
                WordError(
                    sample.name,
                    kind,
                    w,
                    ocr_word,
                    _words_of(pal, wp, block_p[j], j),
                    ctx.replace(PLACEHOLDER, "…").strip(),
                )
            )
    # keep spans
    if sample.keep and op is not None:
        s.keep_spans = len(sample.keep)
        for r in sample.keep:
            if not op.touched(r.start, r.end):
                continue
            s.keep_violated += 1
            lo, hi = _gold_word_range(mg, ign, masks, r, norm)
            if not any(lo <= j < hi for j in broken_at):
                s.broken += 1
    # per pass
    if changes:
        og = Aligner(ocr, gold)
        for c in changes:
            if not c.applied:
                continue
            verdict = _judge(sample, og, c, ign, s.wrong_changes if errors else None)
            if verdict is not None:
                counts = s.passes.setdefault(c.pass_name, [0, 0, 0])
                counts[verdict] += 1
    # clean input
    if clean_output is not None:
        cg = norm(sample.clean_input()).split()
        s.clean_words = len(cg)
        s.clean_changed = distance(norm(clean_output).split(), cg)
    return s


def _gold_word_range(
    masked_gold: str, ign: Sequence[Region], masks: Sequence[str], r: Region, norm: Any
) -> tuple[int, int]:
    """Indices of the normalized gold words overlapping keep region ``r``."""

    def masked(i: int) -> int:
        shift = sum(
            len(m) - (x.gend - x.gstart) for x, m in zip(ign, masks, strict=True) if x.gend <= i
        )
        return i + shift

    a, b = masked(r.gstart), masked(r.gend)
    lo = _token_index(norm(masked_gold[:a]))
    if a > 0 and a < len(masked_gold) and not masked_gold[a - 1].isspace():
        lo -= 1
    hi = _token_index(norm(masked_gold[:b]))
    return max(lo, 0), max(hi, lo + 1)


def _word_left(text: str, i: int, words: int) -> int:
    """Start of the ``words``-th whitespace-delimited word left of ``i`` (its own is the first)."""
    stop = max(i - _SCAN, 0)
    for k in range(words):
        if k:
            while i > stop and text[i - 1].isspace():
                i -= 1
        while i > stop and not text[i - 1].isspace():
            i -= 1
    return i


def _word_right(text: str, i: int, words: int) -> int:
    stop = min(i + _SCAN, len(text))
    for k in range(words):
        if k:
            while i < stop and text[i].isspace():
                i += 1
        while i < stop and not text[i].isspace():
            i += 1
    return i


def _judge(
    sample: Sample,
    og: Aligner,
    c: Change,
    ign: Sequence[Region],
    wrong: list[WrongChange] | None = None,
) -> int | None:
    """0 right, 1 wrong, 2 neutral; None when the change touches an ignored region."""
    ocr = sample.ocr
    ws = _word_left(ocr, c.start, 2)
    we = _word_right(ocr, c.end, 2)
    for r in ign:
        if r.start < we and ws < r.end:
            return None
    gs, ge = og.map_start(ws), og.map_end(we)
    norm = sample.normalizer
    target = norm(sample.gold[gs:ge])
    before = distance(norm(ocr[ws:we]), target)
    after = distance(norm(ocr[ws : c.start] + c.after + ocr[c.end : we]), target)
    if after < before:
        return 0
    if after > before:
        if wrong is not None:
            wrong.append(
                WrongChange(
                    sample.name, c.pass_name, c.before, c.after, ocr[ws:we], sample.gold[gs:ge]
                )
            )
        return 1
    return 2
