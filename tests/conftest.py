"""Shared fixtures: where ../shared is (tests that need it skip with a clear reason)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared"))
CORPUS_TEXT = SHARED / "corpus" / "text"
BENCHMARKS = SHARED / "benchmarks"

needs_shared = pytest.mark.skipif(
    not CORPUS_TEXT.is_dir(),
    reason=f"../shared corpus not found at {SHARED} (set CLEANER_SHARED); "
    "only CI and developers have it",
)


def corpus_files() -> list[Path]:
    """All corpus text files (seed included), sorted; empty without ../shared."""
    if not CORPUS_TEXT.is_dir():
        return []
    files = sorted(CORPUS_TEXT.rglob("*.txt"))
    seed = SHARED / "corpus" / "seed"
    if seed.is_dir():
        files += sorted(seed.glob("*.txt"))
    return files


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from the current output (review the diff before committing)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
