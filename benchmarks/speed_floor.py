"""Where the default pipeline's time goes, and how fast it could be in this design.

    .venv/bin/python benchmarks/speed_floor.py     # about a minute on one core

Prints, on the opinion corpus (``$CLEANER_SHARED/corpus/text``, one process = one core):

1. The pipeline's throughput (MB/s, best of 3 warm rounds).
2. The shared word index every word-level pass starts from: one split of the text into runs of
   letters, their count, and the runs no dictionary knows (MB/s of that alone).
3. Each pass alone: the corpus's bytes over the pass's own time (propose + validation), i.e.
   how fast the pipeline would be if that pass were its only work.
4. The C-level share: under ``cProfile``, the time inside built-in functions (``regex`` and
   ``re`` scans, ``str.find``, dictionary and set look-ups, ``Counter``) against the whole;
   the pipeline's throughput divided by that share is what it would reach if every line of
   Python cost nothing (a rough bound: the profiler weighs Python calls more than builtins).

These are figures, not tests: they say whether a throughput target is within reach of a
pipeline of separate passes written in Python, not whether the code is fast enough.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time
from collections import Counter
from itertools import compress
from operator import not_
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.lexicon.tokens import letter_split  # noqa: E402
from cleaner.passes.base import PassContext  # noqa: E402
from cleaner.pipeline import Document, schedule, validate_edits  # noqa: E402

MB = 1_000_000


def _best(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    corpus = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared")) / "corpus" / "text"
    paths = sorted(corpus.rglob("*.txt")) if corpus.is_dir() else []
    if not paths:
        print(f"no opinion corpus at {corpus}: set CLEANER_SHARED")
        return 1
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    cleaner = Cleaner()
    for t in texts:  # warm: dictionaries loaded, memos filled
        cleaner.clean(t)
    print(f"{len(texts)} opinions, {nbytes / MB:.2f} MB")

    pipeline_s = _best(lambda: [cleaner.clean(t) for t in texts])
    print(f"1. default pipeline: {nbytes / MB / pipeline_s:.2f} MB/s")

    known = cleaner.resources.known

    def word_index() -> None:
        for t in texts:
            counts = Counter(letter_split(t)[1::2])
            keys = list(counts)
            list(compress(keys, map(not_, map(known.__contains__, map(str.lower, keys)))))

    print(f"2. shared word index alone: {nbytes / MB / _best(word_index):.1f} MB/s")

    per_pass: dict[str, float] = {}
    for t in texts:
        ctx = PassContext(cleaner.config, cleaner.resources)
        doc = Document(t)
        ctx.bind(doc)
        for p in schedule(cleaner.passes, doc):
            ctx.current_pass = p.name
            t0 = time.perf_counter()
            edits = validate_edits(p.propose(doc.text, ctx), len(doc.text), p.name)
            ctx.flush_markers()
            per_pass[p.name] = per_pass.get(p.name, 0.0) + time.perf_counter() - t0
            doc.apply(p.name, edits, cleaner.config.min_confidence)
    print("3. each pass alone (MB/s if it were the pipeline's only work):")
    for name, s in sorted(per_pass.items(), key=lambda kv: -kv[1]):
        print(f"   {name:14s} {nbytes / MB / s:7.1f}")

    profile = cProfile.Profile()
    profile.enable()
    for t in texts:
        cleaner.clean(t)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())
    builtin = sum(v[2] for (fn, _, _), v in stats.items() if fn == "~")
    share = builtin / total
    print(
        f"4. time inside built-in functions: {100 * share:.0f}% (under cProfile); "
        f"with Python-level logic free: {nbytes / MB / pipeline_s / share:.1f} MB/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
