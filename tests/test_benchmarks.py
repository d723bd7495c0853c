"""The benchmark code runs on tiny synthetic input (fast); it measures, it asserts no speed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from .conftest import ROOT


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def _corpus(tmp_path: Path) -> list[Path]:
    paths = []
    for i, text in enumerate(
        ["The. officers came to Pau-\nluk's house.\n", "Justice Holmes wrote *12 the opinion.\n"]
    ):
        p = tmp_path / f"{i}.txt"
        p.write_text(text * 3, encoding="utf-8")
        paths.append(p)
    return paths


def test_speed_figures_and_report(tmp_path: Path) -> None:
    bench = _load()
    paths = _corpus(tmp_path)
    tp = bench.throughput(paths, anchors=False)
    assert tp["documents"] == 2 and tp["pipeline"] > 0 and tp["regex_words"] > 0
    shares = bench.pass_shares(paths)
    assert "words" in shares["passes"] and "(apply)" in shares["passes"]
    assert abs(sum(v["share"] for v in shares["passes"].values()) - 1.0) < 1e-6
    gr = bench.growth(paths, (100, 400))
    assert len(gr["sizes"]) == 2 and gr["ratio_largest_smallest"] > 0
    fig = {
        "throughput": tp,
        "pass_shares": shares,
        "growth": gr,
        "cold_start": {"median_s": 0.3, "runs_s": [0.3], "python_alone_s": 0.05},
        "rss": {"peak_rss_mb": 100.0},
        "quality": {"none": {"skipped": "no data"}},
    }
    text = bench.format_report(fig)
    assert "Throughput" in text and "Growth" in text and "skipped: no data" in text
    md = bench.format_markdown(fig)
    assert "| **cleaner, default pipeline** |" in md and "skipped: no data" in md


def test_timed_run_matches_pipeline() -> None:
    bench = _load()
    from cleaner import Cleaner, clean

    text = "The. officers came to Id, at once.\n"
    assert bench.timed_run(Cleaner(), text, {}) == clean(text)
