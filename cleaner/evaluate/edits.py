"""Gold edit lists: hand corrections of real opinions, stored as edits, not as copies.

One JSON file per opinion, ``corpus/gold/<name>.json``::

    {"document": "ark-1986/32044078577194-0001.txt",   # path under <shared>/corpus/text
     "sha256": "<hex sha256 of that OCR file's bytes>",
     "annotator": "...", "notes": "...",
     "edits":  [{"context": "<occurs EXACTLY ONCE in the OCR text>",
                 "ocr": "<occurs exactly once in context>", "gold": "<its correction>"}],
     "keep":   [{"context": "...", "text": "<part of context that must NOT change>", "why": "..."}],
     "ignore": [{"context": "...", "text": "<doubtful span, excluded from scoring>"}]}

The gold text is the OCR text with every edit applied. ``keep`` spans changed by a system
count as broken; ``ignore`` spans are left out of every count. The reader checks everything
and raises :class:`~cleaner.evaluate.gold.EvalError` naming the file and the entry: a
context that is missing or not unique, an ``ocr``/``text`` not (exactly once) in its
context, overlapping entries, a sha256 that does not match the corpus file.

The corpus is ``--corpus DIR``, else ``$CLEANER_SHARED/corpus/text``, else
``../shared/corpus/text`` next to the project.

>>> ocr = "The. officers came to Id, at once."
>>> spec = {"edits": [{"context": "The. off", "ocr": ".", "gold": ""},
...                   {"context": "Id, at", "ocr": ",", "gold": "."}],
...         "keep": [{"context": "came to", "text": "came"}]}
>>> s = build_sample("x", ocr, spec)
>>> s.gold
'The officers came to Id. at once.'
>>> [(r.start, r.end, r.gstart, r.gend) for r in s.keep]
[(14, 18, 13, 17)]
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cleaner.evaluate.gold import EvalError, Region, Sample


def default_corpus() -> Path:
    """``$CLEANER_SHARED/corpus/text``, else ``../shared/corpus/text`` beside the project."""
    env = os.environ.get("CLEANER_SHARED")
    if env:
        return Path(env) / "corpus" / "text"
    project = Path(__file__).resolve().parent.parent.parent
    return project.parent / "shared" / "corpus" / "text"


def _find_once(hay: str, needle: str) -> list[int]:
    """Positions of ``needle`` in ``hay`` (overlapping), at most two: enough to say 'not once'."""
    out: list[int] = []
    i = hay.find(needle)
    while i >= 0 and len(out) < 2:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def _locate(ocr: str, where: str, entry: Mapping[str, Any], inner_key: str) -> tuple[int, int]:
    """The span of ``entry[inner_key]`` in the OCR text, found through ``entry['context']``."""
    context = entry.get("context")
    inner = entry.get(inner_key)
    if not isinstance(context, str) or not context:
        raise EvalError(f"{where}: 'context' must be a non-empty string")
    if not isinstance(inner, str) or not inner:
        raise EvalError(
            f"{where}: {inner_key!r} must be a non-empty string "
            "(for an insertion, include a neighbouring character in both sides)"
        )
    hits = _find_once(ocr, context)
    if len(hits) != 1:
        what = "does not occur" if not hits else "occurs more than once"
        raise EvalError(
            f"{where}: context {context!r} {what} in the OCR text (it must occur exactly once)"
        )
    inner_hits = _find_once(context, inner)
    if len(inner_hits) != 1:
        what = "does not occur" if not inner_hits else "occurs more than once"
        raise EvalError(
            f"{where}: {inner_key} {inner!r} {what} in its context {context!r} "
            "(it must occur exactly once)"
        )
    start = hits[0] + inner_hits[0]
    return start, start + len(inner)


def build_sample(name: str, ocr: str, spec: Mapping[str, Any]) -> Sample:
    """Apply an edit list (already parsed JSON) to ``ocr``: the Sample with gold and regions."""
    edits: list[tuple[int, int, str, str]] = []  # start, end, gold, where
    for k, e in enumerate(_entries(spec, "edits", name)):
        where = f"{name}: edits[{k}]"
        start, end = _locate(ocr, where, e, "ocr")
        gold = e.get("gold")
        if not isinstance(gold, str):
            raise EvalError(f"{where}: 'gold' must be a string")
        edits.append((start, end, gold, where))
    edits.sort()
    for a, b in itertools.pairwise(edits):
        if b[0] < a[1]:
            raise EvalError(f"{b[3]}: overlaps {a[3]} (spans {a[0]}:{a[1]} and {b[0]}:{b[1]})")
    out: list[str] = []
    pos = 0
    starts: list[tuple[int, int, int]] = []  # (ocr start, ocr end, delta before)
    delta = 0
    for start, end, gold, _ in edits:
        out.append(ocr[pos:start])
        out.append(gold)
        starts.append((start, end, delta))
        delta += len(gold) - (end - start)
        pos = end
    out.append(ocr[pos:])
    gold_text = "".join(out)

    ends = [e for _s, e, _d in starts]
    after = [d + len(g) - (e - s) for (s, e, d), (_s, _e, g, _w) in zip(starts, edits, strict=True)]

    def to_gold(i: int) -> int:
        """An OCR offset outside every edit, in gold coordinates."""
        k = bisect.bisect_right(ends, i)
        return i + (after[k - 1] if k else 0)

    def regions(key: str, inner: str) -> tuple[Region, ...]:
        found: list[Region] = []
        for k, e in enumerate(_entries(spec, key, name)):
            where = f"{name}: {key}[{k}]"
            start, end = _locate(ocr, where, e, inner)
            for s, t, _g, w in edits:
                if start < t and s < end:
                    raise EvalError(f"{where}: overlaps {w}; a {key} span must not contain an edit")
            label = str(e.get("why", "")) if key == "keep" else ""
            found.append(Region(start, end, to_gold(start), to_gold(end), label))
        return tuple(sorted(found, key=lambda r: r.start))

    keep = regions("keep", "text")
    ignore = regions("ignore", "text")
    return Sample(name, ocr, gold_text, ignore=ignore, keep=keep)


def _entries(spec: Mapping[str, Any], key: str, name: str) -> list[Mapping[str, Any]]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise EvalError(f"{name}: {key!r} must be a list of objects")
    return value


def read_edit_file(path: Path, corpus: Path) -> Sample:
    """Read and validate one edit list; the Sample is named after the JSON file."""
    name = path.name
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: cannot read ({e})") from None
    except json.JSONDecodeError as e:
        raise EvalError(f"{path}: invalid JSON at line {e.lineno}: {e.msg}") from None
    if not isinstance(spec, dict):
        raise EvalError(f"{path}: expected a JSON object")
    document = spec.get("document")
    if not isinstance(document, str) or not document:
        raise EvalError(f"{path}: 'document' (a path under the corpus) is required")
    doc_path = corpus / document
    try:
        data = doc_path.read_bytes()
    except OSError:
        raise EvalError(
            f"{path}: document {document!r} not found under {corpus} (use --corpus DIR)"
        ) from None
    sha = spec.get("sha256")
    actual = hashlib.sha256(data).hexdigest()
    if not isinstance(sha, str) or sha.lower() != actual:
        raise EvalError(
            f"{path}: sha256 mismatch for {document}: the file says {sha!r}, the corpus file "
            f"has {actual}; the edits were made on another version of the text"
        )
    text = data.decode("utf-8", "surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    return build_sample(name, text, spec)


def read_edits(path: Path, *, corpus: str | Path | None = None) -> list[Sample]:
    """Every ``*.json`` edit list in ``path`` (a folder or one file)."""
    root = Path(corpus) if corpus is not None else default_corpus()
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise EvalError(f"{path}: no *.json edit lists found")
    else:
        raise EvalError(f"{path}: no such file or directory")
    if not root.is_dir():
        raise EvalError(f"corpus folder {root} not found (use --corpus DIR or set CLEANER_SHARED)")
    return [read_edit_file(f, root) for f in files]
