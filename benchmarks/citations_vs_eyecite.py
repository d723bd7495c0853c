"""Compare the fast citation detector with eyecite on ../shared/corpus/text.

Reports recall and precision of our full citations against eyecite's FullCaseCitation
spans (exact span match, and overlap match), and the speed of both.

    .venv/bin/python benchmarks/citations_vs_eyecite.py [--corpus DIR] [--show N]
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from cleaner.lexicon.reporters import citation_pattern, find_citations

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "text"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=15, help="print this many misses of each kind")
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    if not files:
        print(f"no corpus at {args.corpus}")
        return 2
    logging.disable(logging.WARNING)  # eyecite logs "Unknown overlap case" on real text
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation

    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    citation_pattern()  # warm the detector (trie load) before timing
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    ours = [[(c.start, c.end) for c in find_citations(t) if not c.short] for t in texts]
    t_ours = time.perf_counter() - t0

    t0 = time.perf_counter()
    theirs = [
        [c.span() for c in get_citations(t) if isinstance(c, FullCaseCitation)] for t in texts
    ]
    t_eye = time.perf_counter() - t0

    exact = overlap_ours = overlap_theirs = n_ours = n_theirs = 0
    missed: list[str] = []
    extra: list[str] = []
    for t, o, e in zip(texts, ours, theirs, strict=True):
        so, se = set(o), set(e)
        exact += len(so & se)
        n_ours += len(so)
        n_theirs += len(se)
        for a, b in se:
            if any(x < b and a < y for x, y in so):
                overlap_theirs += 1
            else:
                missed.append(t[max(0, a - 30) : b + 10].replace("\n", " "))
        for a, b in so:
            if any(x < b and a < y for x, y in se):
                overlap_ours += 1
            else:
                extra.append(t[max(0, a - 30) : b + 10].replace("\n", " "))
    print(f"{len(files)} files, {size / 1e6:.2f} MB")
    print(f"eyecite full citations: {n_theirs}; ours: {n_ours}; exact-span agreement: {exact}")
    print(f"recall (exact span)    {exact / max(n_theirs, 1):.4f}")
    print(f"precision (exact span) {exact / max(n_ours, 1):.4f}")
    print(f"recall (overlap)       {overlap_theirs / max(n_theirs, 1):.4f}")
    print(f"precision (overlap)    {overlap_ours / max(n_ours, 1):.4f}")
    print(
        f"speed: ours {size / t_ours / 1e6:.1f} MB/s (pattern built once in {build:.2f} s); "
        f"eyecite {size / t_eye / 1e6:.2f} MB/s; ratio {t_eye / t_ours:.0f}x"
    )
    for title, rows in (("eyecite only", missed), ("ours only", extra)):
        print(f"\n{title}: {len(rows)}")
        for r in rows[: args.show]:
            print("   ", repr(r))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
