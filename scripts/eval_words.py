"""Measure the word-level passes: CER before/after, words fixed and broken per 10k.

Usage (from the project root)::

    .venv/bin/python scripts/eval_words.py bln600 [--passes words,real_words] [--limit N]
    .venv/bin/python scripts/eval_words.py born-digital
    .venv/bin/python scripts/eval_words.py seed

``bln600``: the train articles of ../shared/benchmarks/bln600 (OCR and gold per sentence,
cleaned as one document per article). ``born-digital``: clean court text; every changed
word counts as broken. ``seed``: prints the changes made to corpus/pauluk-v-savage.txt.
A word is *fixed* when it was wrong in the OCR and equals the gold after cleaning, *broken*
when it was right before and wrong after (words aligned 1:1 by a Levenshtein alignment).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from cleaner import Cleaner  # noqa: E402

WORDS = regex.compile(r"\S+")


def _pairs(ocr: list[str], gold: list[str]) -> dict[int, int]:
    """1:1 aligned word indices ocr -> gold (equal blocks and same-size replace blocks)."""
    out: dict[int, int] = {}
    for op in Levenshtein.opcodes(ocr, gold):
        if op.tag == "equal" or (
            op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start
        ):
            for k in range(op.src_end - op.src_start):
                out[op.src_start + k] = op.dest_start + k
    return out


def word_stats(ocr: str, clean: str, gold: str) -> tuple[int, int, int, list[tuple[str, str, str]]]:
    """(words, fixed, broken, examples of broken (before, after, gold))."""
    o, c, g = WORDS.findall(ocr), WORDS.findall(clean), WORDS.findall(gold)
    o2g, c2g, o2c = _pairs(o, g), _pairs(c, g), _pairs(o, c)
    fixed = broken = 0
    bad: list[tuple[str, str, str]] = []
    for i, w in enumerate(o):
        j = o2c.get(i)
        if j is None or c[j] == w:
            continue
        gi = o2g.get(i)
        gold_w = g[gi] if gi is not None else None
        gj = c2g.get(j)
        gold_c = g[gj] if gj is not None else None
        if gold_w is not None and w == gold_w and c[j] != gold_c:
            broken += 1
            bad.append((w, c[j], gold_w))
        elif gold_c is not None and c[j] == gold_c and w != gold_c:
            fixed += 1
    return len(o), fixed, broken, bad


def bln600(cleaner: Cleaner, limit: int | None) -> None:
    folder = SHARED / "benchmarks" / "bln600" / "articles"
    files = sorted(folder.glob("*.txt"))[:limit]
    d_before = d_after = chars = words = fixed = broken = 0
    examples: list[tuple[str, str, str]] = []
    nbytes = 0
    t = time.perf_counter()
    for f in files:
        ocr_lines: list[str] = []
        gold_lines: list[str] = []
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("OCR Text: "):
                ocr_lines.append(line[10:])
            elif line.startswith("Ground Truth: "):
                gold_lines.append(line[14:])
        ocr, gold = "\n".join(ocr_lines), "\n".join(gold_lines)
        clean = cleaner.clean(ocr).text
        nbytes += len(ocr.encode())
        d_before += Levenshtein.distance(ocr, gold)
        d_after += Levenshtein.distance(clean, gold)
        chars += len(gold)
        n, fx, br, bad = word_stats(ocr, clean, gold)
        words += n
        fixed += fx
        broken += br
        examples.extend(bad)
    secs = time.perf_counter() - t
    print(
        json.dumps(
            {
                "articles": len(files),
                "words": words,
                "cer_before": round(d_before / chars, 5),
                "cer_after": round(d_after / chars, 5),
                "cer_reduction_pct": round(100 * (d_before - d_after) / max(d_before, 1), 2),
                "fixed": fixed,
                "broken": broken,
                "fixed_per_10k": round(1e4 * fixed / max(words, 1), 1),
                "broken_per_10k": round(1e4 * broken / max(words, 1), 2),
                "MB_per_s": round(nbytes / secs / 1e6, 2),
            },
            indent=1,
        )
    )
    for e in examples[:60]:
        print("BROKEN", e)


def born_digital(cleaner: Cleaner) -> None:
    for f in sorted((SHARED / "corpus" / "born-digital").glob("*.json")):
        text = json.loads(f.read_text())["plain_text"]
        t = time.perf_counter()
        r = cleaner.clean(text)
        secs = time.perf_counter() - t
        n = len(WORDS.findall(text))
        applied = [c for c in r.changes if c.applied]
        print(
            f"{f.name}: {n} words, {len(applied)} applied changes "
            f"({1e4 * len(applied) / max(n, 1):.2f}/10k), {len(r.suggestions)} suggestions, "
            f"{len(text.encode()) / secs / 1e6:.2f} MB/s"
        )
        for c in r.changes:
            print("  ", c.applied, repr(c.before), "->", repr(c.after), c.pass_name, c.reason)


def seed(cleaner: Cleaner) -> None:
    text = (ROOT / "corpus" / "pauluk-v-savage.txt").read_text()
    r = cleaner.clean(text)
    for c in r.changes:
        ctx = text[max(0, c.start - 20) : c.end + 20].replace("\n", " ")
        print(
            c.applied,
            f"{c.confidence:.2f}",
            repr(c.before),
            "->",
            repr(c.after),
            c.pass_name,
            "|",
            ctx,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("bln600", "born-digital", "seed"))
    ap.add_argument("--passes", default="words,real_words,brackets,case_names")
    ap.add_argument("--limit", type=int)
    a = ap.parse_args()
    passes = None if a.passes == "all" else tuple(a.passes.split(","))
    cleaner = Cleaner(passes=passes)
    if a.what == "bln600":
        bln600(cleaner, a.limit)
    elif a.what == "born-digital":
        born_digital(cleaner)
    else:
        seed(cleaner)


if __name__ == "__main__":
    main()
