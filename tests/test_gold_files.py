"""Sanity of the hand-made gold edit lists in corpus/gold/ (see docs/gold.md).

Every context must occur exactly once in the OCR file, every ``ocr``/``text`` once in its context,
edits must not overlap each other (nor keep/ignore spans), and the file hash must match the corpus
file the annotation was made on. Skips without ../shared.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS_TEXT, ROOT, needs_shared

GOLD_DIR = ROOT / "corpus" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def _locate(text: str, context: str, sub: str) -> tuple[int, int]:
    assert text.count(context) == 1, f"context not unique ({text.count(context)}x): {context!r}"
    assert context.count(sub) == 1, f"{sub!r} occurs {context.count(sub)}x in {context!r}"
    start = text.index(context) + context.index(sub)
    return start, start + len(sub)


def test_gold_files_exist() -> None:
    assert len(GOLD_FILES) >= 6


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"document", "sha256", "annotator", "notes", "edits", "keep", "ignore"}
    for e in data["edits"]:
        assert {"context", "ocr", "gold"} <= set(e)
        assert e["ocr"] != e["gold"]
        assert len(e["context"]) < 200, "contexts must stay short (no copies of the documents)"
    for k in data["keep"] + data["ignore"]:
        assert {"context", "text"} <= set(k)


@needs_shared
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_matches_corpus(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = (CORPUS_TEXT / data["document"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == data["sha256"]
    text = raw.decode("utf-8")
    edits = sorted(_locate(text, e["context"], e["ocr"]) for e in data["edits"])
    for (_, end), (start, _) in itertools.pairwise(edits):
        assert end <= start, "edits overlap"
    for k in data["keep"] + data["ignore"]:
        s, t = _locate(text, k["context"], k["text"])
        assert not any(a < t and s < b for a, b in edits), f"{k['text']!r} overlaps an edit"
    assert "\u00ad" not in _apply(text, data["edits"]), "soft hyphen left in gold"


def _apply(text: str, edits: list[dict[str, str]]) -> str:
    spans = sorted((*_locate(text, e["context"], e["ocr"]), e["gold"]) for e in edits)
    out, pos = [], 0
    for start, end, gold in spans:
        out.append(text[pos:start])
        out.append(gold)
        pos = end
    out.append(text[pos:])
    return "".join(out)
