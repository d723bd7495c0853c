"""Golden files: the expected clean text and change report of sample documents.

When a pass changes on purpose, regenerate with ``python -m pytest tests/test_golden.py
--update-golden`` and REVIEW the diff of tests/golden/ before committing it.

- corpus/*.txt (the project's own samples): full clean text + JSON report.
- A selection of ../shared corpus documents: the change list only (no copy of the text),
  skipped when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from tests.conftest import CORPUS_TEXT, needs_shared

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = sorted((ROOT / "corpus").glob("*.txt"))

# One or two documents of each folder: eras, reporters and OCR engines differ.
SHARED_SELECTION = [
    "a2d-1953/0038-01.txt",
    "a2d-1953/0831-01.txt",
    "ark-1860/32044078573896-0001.txt",
    "ark-1860/32044078573896-0020.txt",
    "ark-1986/32044078577194-0001.txt",
    "ark-1986/32044078577194-0030.txt",
    "cap-api-mixed/bankruptcy_case_1.txt",
    "cap-vendor-mixed/32044057891608_redacted_CASEMETS_0001.txt",
    "ill-app-2005/5594088.txt",
]

CLEANER = Cleaner()


def _check(path: Path, actual: str, update: bool) -> None:
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {path} was missing and has been written: review it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs from its golden file (see --update-golden)"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_clean_text_and_report(sample: Path, update_golden: bool) -> None:
    r = CLEANER.clean(sample.read_text(encoding="utf-8"))
    _check(GOLDEN / f"{sample.stem}.clean.txt", r.text, update_golden)
    report = r.to_dict()
    del report["text"]
    _check(
        GOLDEN / f"{sample.stem}.report.json",
        json.dumps(report, ensure_ascii=False, indent=1) + "\n",
        update_golden,
    )


@needs_shared
@pytest.mark.parametrize("name", SHARED_SELECTION)
def test_shared_document_change_list(name: str, update_golden: bool) -> None:
    path = CORPUS_TEXT / name
    if not path.exists():
        pytest.skip(f"{name} not in this copy of ../shared")
    r = CLEANER.clean(path.read_text(encoding="utf-8"))
    lines = [
        json.dumps([c.start, c.end, c.before, c.after, c.pass_name, c.applied], ensure_ascii=False)
        for c in r.changes
    ]
    golden = GOLDEN / "shared" / (name.replace("/", "__") + ".changes.jsonl")
    _check(golden, "".join(line + "\n" for line in lines), update_golden)
