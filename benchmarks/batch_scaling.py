"""Batch scaling: --jobs 1 vs 2, Dask LocalCluster 1 vs 2 workers, worker start-up, projection.

Usage: python benchmarks/batch_scaling.py [--replicate N] [--no-dask] [--json FILE]

The corpus text (../shared/corpus/text, 316 opinions) is copied N times into a temporary
directory (outside the project) so that each run lasts long enough to time. Numbers are
printed; the load average is printed too, since other processes on the machine change them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT  # replaced by a snapshot in main(): the passes are edited while we measure

SHARED = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "text"

CAP_CASES = 6_700_000  # cases in the Caselaw Access Project
CAP_PAGES = 40_000_000  # pages scanned (CAP's own figure: "over 40 million pages")


def make_corpus(tmp: Path, replicate: int) -> tuple[Path, int, int]:
    files = sorted(CORPUS.rglob("*.txt"))
    if not files:
        sys.exit(f"no corpus at {CORPUS} (set CLEANER_SHARED)")
    d = tmp / "corpus"
    nbytes = 0
    for r in range(replicate):
        for f in files:
            dst = d / f"r{r}" / f.relative_to(CORPUS)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst)
            nbytes += f.stat().st_size
    return d, len(files) * replicate, nbytes


def cpu_idle(seconds: float = 2.0) -> float:
    """Fraction of CPU time idle on the machine over ``seconds`` (Linux /proc/stat)."""

    def snap() -> tuple[int, int]:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)

    i0, t0 = snap()
    time.sleep(seconds)
    i1, t1 = snap()
    return (i1 - i0) / max(t1 - t0, 1)


def wait_idle(minutes: float, threshold: float = 0.85) -> float:
    """Wait (up to ``minutes``) until the machine is mostly idle; return the idle fraction."""
    deadline = time.monotonic() + minutes * 60
    idle = cpu_idle()
    while idle < threshold and time.monotonic() < deadline:
        idle = cpu_idle()
    return idle


def snapshot(tmp: Path) -> Path:
    """Copy cleaner/ and dictionaries/ so that every run (and every Dask worker, which
    imports the code when it starts) measures the same code."""
    snap = tmp / "code"
    shutil.copytree(
        ROOT / "cleaner", snap / "cleaner", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "dictionaries", snap / "dictionaries")
    return snap


def one(corpus: Path, out: Path, **kw: Any) -> tuple[float, Any]:
    from cleaner.batch.runner import BatchOptions, run
    from cleaner.config import Config

    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    s = run(BatchOptions(paths=[str(corpus)], config=Config(), out=str(out), **kw))
    return time.perf_counter() - t, s


def startup_fresh_process() -> float:
    """Seconds for a fresh interpreter to import cleaner and build + warm up a Cleaner."""
    code = (
        "import time; t=time.perf_counter();"
        "from cleaner.batch.worker import get_cleaner; from cleaner.config import Config;"
        "get_cleaner(Config()); print(time.perf_counter()-t)"
    )
    t = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(CODE)},
    )
    total = time.perf_counter() - t
    return min(total, float(p.stdout.strip()) + 0.05) if p.stdout.strip() else total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--replicate", type=int, default=2)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each setting (best is kept)")
    ap.add_argument(
        "--wait-idle", type=float, default=0, metavar="MIN", help="wait for an idle machine"
    )
    a = ap.parse_args(argv)
    res: dict[str, Any] = {"load_before": os.getloadavg()}
    global CODE
    with tempfile.TemporaryDirectory(prefix="clean-bench-") as tmp_s:
        tmp = Path(tmp_s)
        CODE = snapshot(tmp)
        sys.path.insert(0, str(CODE))
        os.environ["PYTHONPATH"] = str(CODE)
        import cleaner

        print(f"code: snapshot of {ROOT} at {time.strftime('%H:%M:%S')} ({cleaner.__file__})")
        corpus, ndocs, nbytes = make_corpus(tmp, a.replicate)
        mb = nbytes / 1e6
        print(f"corpus: {ndocs} documents, {mb:.1f} MB (corpus/text x{a.replicate})")
        res.update(docs=ndocs, mb=mb)

        fresh = [startup_fresh_process() for _ in range(3)]
        print(
            f"start-up of a fresh worker process (import + Cleaner + warm-up): "
            f"{min(fresh):.2f} s (best of 3; {', '.join(f'{x:.2f}' for x in fresh)})"
        )
        res["startup_fresh_s"] = fresh

        t1 = t2 = float("inf")
        for _ in range(a.repeat):  # interleaved, best of each: others' load comes and goes
            if a.wait_idle:
                print(f"  (CPU idle before the runs: {wait_idle(a.wait_idle):.0%})")
            x1, s1 = one(corpus, tmp / "o1", jobs=1)
            x2, s2 = one(corpus, tmp / "o2", jobs=2)
            print(f"  run: jobs 1 {x1:.1f} s, jobs 2 {x2:.1f} s")
            t1, t2 = min(t1, x1), min(t2, x2)
        assert s1.stats.to_dict() == s2.stats.to_dict()
        print(f"--jobs 1: {t1:.1f} s, {mb / t1:.2f} MB/s, {ndocs / t1:.0f} docs/s")
        print(
            f"--jobs 2: {t2:.1f} s, {mb / t2:.2f} MB/s, {ndocs / t2:.0f} docs/s "
            f"(workers' Cleaner build: {', '.join(f'{x:.2f}' for x in s2.worker_init)} s)"
        )
        print(f"speed-up jobs 2 / jobs 1: {t1 / t2:.2f}x")
        res.update(jobs1_s=t1, jobs2_s=t2, speedup_jobs=t1 / t2, worker_init=s2.worker_init)

        if not a.no_dask:
            import dask
            from distributed import Client, LocalCluster

            # as the CLI does for its own LocalCluster: no statistical profiler in workers
            dask.config.set({"distributed.worker.profile.enabled": False})

            clusters: dict[int, Any] = {}
            for n in (1, 2):
                t = time.perf_counter()
                clusters[n] = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"
                )
                Client(clusters[n]).close()  # type: ignore[no-untyped-call]
                print(f"dask LocalCluster of {n}: started in {time.perf_counter() - t:.1f} s")
            best = {1: float("inf"), 2: float("inf")}
            try:
                for _ in range(a.repeat):  # interleaved, best of each
                    if a.wait_idle:
                        print(f"  (CPU idle before the runs: {wait_idle(a.wait_idle):.0%})")
                    times = []
                    for n in (1, 2):
                        td, sd = one(
                            corpus,
                            tmp / f"d{n}",
                            engine="dask",
                            scheduler=clusters[n].scheduler_address,
                        )
                        if sd.stats.to_dict() != s1.stats.to_dict():
                            print("  (warning: dask output differs from --jobs 1)")
                        best[n] = min(best[n], td)
                        times.append(td)
                    print(f"  run: dask 1 worker {times[0]:.1f} s, 2 workers {times[1]:.1f} s")
            finally:
                for c in clusters.values():
                    c.close()
            for n in (1, 2):
                print(f"dask {n} worker(s): {best[n]:.1f} s, {mb / best[n]:.2f} MB/s")
                res[f"dask{n}_s"] = best[n]
            res["speedup_dask"] = res["dask1_s"] / res["dask2_s"]
            print(f"speed-up dask 2 / 1 workers: {res['speedup_dask']:.2f}x")

    # projection: all of CAP
    per_core = mb / t1
    eff = min(1.0, (t1 / t2) / 2)
    sample_case_kb = nbytes / ndocs / 1e3
    cap_gb = CAP_CASES * sample_case_kb / 1e6
    print(f"\nprojection (per-core {per_core:.2f} MB/s, 2-core parallel efficiency {eff:.0%}):")
    print(
        f"  CAP size: {CAP_CASES / 1e6:.1f}M cases x {sample_case_kb:.1f} KB (mean of the "
        f"316 sample cases) = {cap_gb:.0f} GB of text"
    )
    cap_gb_pages = CAP_PAGES * 3.5 / 1e6
    print(f"  upper estimate: {CAP_PAGES / 1e6:.0f}M pages x 3.5 KB = {cap_gb_pages:.0f} GB")
    for cores, label in (
        (32, "one 32-core machine"),
        (320, "Dask cluster, 10 x 32 cores"),
        (1024, "Dask cluster, 32 x 32 cores"),
    ):
        lo, hi = (gb * 1e3 / (per_core * cores * eff) / 3600 for gb in (cap_gb, cap_gb_pages))
        print(f"  {label}: {lo:.2f} h ({lo * 60:.0f} min) to {hi:.2f} h ({hi * 60:.0f} min)")
        res[f"hours_{cores}"] = (lo, hi)
    res.update(per_core_mb_s=per_core, cap_gb=cap_gb, load_after=os.getloadavg())
    print(f"load average before/after: {res['load_before']} / {res['load_after']}")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
