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


#: A passage of badly OCR'd newspaper text (BLN600): many of its words are no words.
NOISY_PASSAGE = (
    "soe nor the victim's body hRs been found. La g Fr asnce calls attention to the lact"
    " that the jury gave a negative answer in the case of Pel's first wife, in whose"
    " remains distinct traces of arsenic woro discovered, and a an aflirmative answer in"
    " the indictment against the Y, prisoner for the murder of Eliso Boehiner, althoughl"
    " in n, the latter case the a cusaltion was only supported by rs medical {word}. Lro"
    " Franca also calls attention to nt the lamentable defenco that wasv made on the"
    " prisoner's ce beihalf."
)
#: The same sentence in a clean text.
CLEAN_PASSAGE = (
    "The jury gave a negative answer in the case of the first wife, in whose remains"
    " distinct traces of arsenic were discovered, and an affirmative answer in the"
    " indictment against the prisoner for the murder of the second, although in the"
    " latter case the accusation was only supported by the medical {word}. The court"
    " also calls attention to the lamentable defence that was made on his behalf."
)


def passage(noisy: bool, word: str) -> str:
    """:data:`NOISY_PASSAGE` (a badly damaged text) or :data:`CLEAN_PASSAGE`, with ``word``
    (the snippet under test) in its slot."""
    return (NOISY_PASSAGE if noisy else CLEAN_PASSAGE).format(word=word)
