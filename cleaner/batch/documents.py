"""One document of a batch: find its text fields, clean them, serialize it like the input.

A document is a text file, one JSON file (CAP static export, CAP API, CourtListener), one line
of a JSONL file, one vendor METS XML file or one row of a Parquet file. Every text field of it
is cleaned by the same :class:`~cleaner.Cleaner`; the change report of the document is one
JSON line (see :func:`report_line`).

Text fields are named by dotted paths; ``[]`` walks every element of a list and ``[2]`` one:

>>> obj = {"casebody": {"opinions": [{"text": "a"}, {"text": "b"}]}}
>>> [p for p, _, _ in find_strings(obj, "casebody.opinions[].text")]
['casebody.opinions[0].text', 'casebody.opinions[1].text']
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cleaner.batch.xmlbody import XmlError, clean_xml
from cleaner.textio import InputError, decode

if TYPE_CHECKING:
    from cleaner import Cleaner
    from cleaner.types import Result

#: Fields tried in order when ``--field`` is not given (the first one present is used).
GUESSED_FIELDS: tuple[str, ...] = (
    "casebody.data",  # CAP API: case-body XML (or, with body_format=text, an object)
    "casebody.data.opinions[].text",
    "casebody.opinions[].text",  # CAP static export
    "plain_text",  # CourtListener opinion
    "text",
    "opinion_text",
    "body",
)
#: Columns tried in order for Parquet inputs without ``--field``.
GUESSED_COLUMNS: tuple[str, ...] = ("text", "plain_text", "opinion_text", "body", "content")

_PART = re.compile(r"([^.\[\]]+)|\[(\d*)\]")


class DocumentError(ValueError):
    """This document cannot be cleaned (the reason is recorded in the errors file)."""


class NoText(DocumentError):
    """No text field was found where the field was guessed (metadata files, arrays...)."""


def parse_field(spec: str) -> list[str | int | None]:
    """``"a.b[].c"`` -> ``["a", "b", None, "c"]`` (None: every element, int: one element)."""
    parts: list[str | int | None] = []
    pos = 0
    spec = spec.strip()
    while pos < len(spec):
        if spec[pos] == ".":
            pos += 1
            continue
        m = _PART.match(spec, pos)
        if m is None:
            raise ValueError(f"bad field path {spec!r} at {pos}")
        if m.group(1) is not None:
            parts.append(m.group(1))
        else:
            parts.append(int(m.group(2)) if m.group(2) else None)
        pos = m.end()
    if not parts:
        raise ValueError("empty field path")
    return parts


def find_strings(obj: Any, spec: str) -> Iterator[tuple[str, Any, str | int]]:
    """(concrete path, container, key) of every string value at ``spec`` in ``obj``."""
    parts = parse_field(spec)

    def walk(node: Any, i: int, path: str) -> Iterator[tuple[str, Any, str | int]]:
        part = parts[i]
        last = i == len(parts) - 1
        if isinstance(part, str):
            if not isinstance(node, dict) or part not in node:
                return
            keys: list[Any] = [part]
        elif not isinstance(node, list):
            return
        elif part is None:
            keys = list(range(len(node)))
        else:
            keys = [part] if part < len(node) else []
        for k in keys:
            p = f"{path}.{k}" if isinstance(k, str) else f"{path}[{k}]"
            p = p.lstrip(".")
            value = node[k]
            if last:
                if isinstance(value, str):
                    yield (p, node, k)
            else:
                yield from walk(value, i + 1, p)

    yield from walk(obj, 0, "")


def _looks_xml(value: str) -> bool:
    head = value.lstrip()[:200]
    return head.startswith("<?xml") or head.startswith("<casebody")


@dataclass
class Outcome:
    """What happened to one document (sent back from the workers)."""

    source: str  # path relative to the input root (as mirrored under --out)
    locator: str | None = None  # "line 12" / "row 7" inside a JSONL / Parquet source
    ok: bool = True
    reason: str | None = None
    nbytes: int = 0  # bytes of the input document
    changed: bool = False
    by_pass: Counter[str] = field(default_factory=Counter)  # applied changes per pass
    suggested: int = 0
    skipped: int = 0  # changes that could not be placed in XML markup
    notext: bool = False  # a JSON document without any of the guessed text fields
    report: str | None = None  # the JSON line of the change report

    def error_line(self) -> str:
        d: dict[str, Any] = {"source": self.source}
        if self.locator:
            d["at"] = self.locator
        d["reason"] = self.reason
        return json.dumps(d, ensure_ascii=False)


def _count(out: Outcome, result: Result) -> None:
    for c in result.changes:
        if c.applied:
            out.by_pass[c.pass_name] += 1
        else:
            out.suggested += 1


def _part(field_path: str | None, report: dict[str, Any]) -> dict[str, Any]:
    return {"field": field_path, **report}


def _result_report(result: Result) -> dict[str, Any]:
    d = result.to_dict()
    del d["text"]
    return d


def report_line(out: Outcome, doc_id: Any, parts: list[dict[str, Any]]) -> str:
    """One JSON line per document: where it is, whether it changed, the changes per text."""
    d: dict[str, Any] = {"source": out.source}
    if out.locator:
        d["at"] = out.locator
    if doc_id is not None:
        d["id"] = doc_id
    d["changed"] = out.changed
    d["texts"] = parts
    return json.dumps(d, ensure_ascii=False)


# -- one text ----------------------------------------------------------------------------------


def clean_text_value(
    value: str, path: str | None, as_xml: bool, cleaner: Cleaner, out: Outcome
) -> tuple[str, dict[str, Any]]:
    """Clean one string field (plain text or case-body XML); count into ``out``."""
    if as_xml:
        try:
            xr = clean_xml(value, cleaner)
        except XmlError as e:
            raise DocumentError(f"{path or 'xml'}: {e}") from None
        _count(out, xr.result)
        out.skipped += len(xr.skipped)
        for i in xr.skipped:
            c = xr.result.changes[i]
            out.by_pass[c.pass_name] -= 1
            out.suggested += 1
        if xr.changed:
            out.changed = True
        return xr.xml, _part(path, xr.report())
    result = cleaner.clean(value)
    _count(out, result)
    if result.changed:
        out.changed = True
    return result.text, _part(path, _result_report(result))


def clean_json_object(
    obj: Any, field_spec: str | None, cleaner: Cleaner, out: Outcome
) -> list[dict[str, Any]]:
    """Clean the text fields of a parsed JSON document in place; the report parts."""
    specs = (field_spec,) if field_spec else GUESSED_FIELDS
    for spec in specs:
        found = list(find_strings(obj, spec))
        if not found:
            continue
        parts = []
        for path, container, key in found:
            value = container[key]
            as_xml = _looks_xml(value) and (field_spec is not None or spec == "casebody.data")
            if spec == "casebody.data" and not as_xml:
                raise DocumentError(
                    "casebody.data is neither case-body XML nor an object; "
                    "give the field with --field"
                )
            new, part = clean_text_value(value, path, as_xml, cleaner, out)
            container[key] = new
            parts.append(part)
        return parts
    if field_spec:
        raise DocumentError(f"no text at field {field_spec!r}")
    raise NoText(f"no text field found (tried {', '.join(GUESSED_FIELDS)}); use --field")


# -- JSON style ---------------------------------------------------------------------------------

_FIRST_KEY = re.compile(r'\s*\{\s*"(?:[^"\\]|\\.)*"(\s*):(\s*)')
_INDENT = re.compile(r"\{\s*?\n([ \t]+)\"")


@dataclass(frozen=True)
class JsonStyle:
    """How a JSON text was written, to write it back the same way (as far as json can)."""

    indent: int | str | None
    separators: tuple[str, str]
    ensure_ascii: bool

    @classmethod
    def of(cls, raw: str) -> JsonStyle:
        m = _INDENT.match(raw.lstrip())
        indent: int | str | None = None
        if m:
            ws = m.group(1)
            indent = len(ws) if set(ws) == {" "} else ws
        k = _FIRST_KEY.match(raw)
        if indent is not None:
            seps = (",", ": ")
        elif k and (k.group(1) or k.group(2)):
            seps = (", ", ": ")
        elif k:
            seps = (",", ":")
        else:
            seps = (", ", ": ")
        return cls(indent, seps, raw.isascii())

    def dumps(self, obj: Any) -> str:
        return json.dumps(
            obj, indent=self.indent, separators=self.separators, ensure_ascii=self.ensure_ascii
        )


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


# -- whole documents ---------------------------------------------------------------------------


def doc_id_of(obj: Any) -> Any:
    if isinstance(obj, dict):
        v = obj.get("id")
        if isinstance(v, (str, int)) and not isinstance(v, bool):
            return v
    return None


def clean_json_bytes(
    data: bytes,
    cleaner: Cleaner,
    out: Outcome,
    *,
    field_spec: str | None,
    encoding_errors: str,
) -> bytes:
    """A JSON document (file or JSONL line, without its line end) -> its cleaned bytes."""
    try:
        decoded = decode(data, out.source, encoding_errors=encoding_errors)
    except InputError as e:
        raise DocumentError(str(e).removeprefix(f"{out.source}: ")) from None
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as e:
        raise DocumentError(f"malformed JSON: {e}") from None
    try:
        parts = clean_json_object(obj, field_spec, cleaner, out)
    except NoText:
        # not a document (CAP's CasesMetadata.json, VolumeMetadata.json...): copied as it is
        out.notext = True
        out.report = report_line(out, doc_id_of(obj), [])
        return data
    out.report = report_line(out, doc_id_of(obj), parts)
    if not out.changed:
        return data
    style = JsonStyle.of(decoded.text)
    text = style.dumps(obj)
    if decoded.text.endswith("\n") and not text.endswith("\n"):
        text += "\n"
    return decoded.encode(text)


def clean_text_bytes(
    data: bytes, cleaner: Cleaner, out: Outcome, *, encoding_errors: str, as_xml: bool = False
) -> bytes:
    """A text (or XML) file -> its cleaned bytes (BOM and undecodable bytes kept)."""
    try:
        decoded = decode(data, out.source, encoding_errors=encoding_errors)
    except InputError as e:
        raise DocumentError(str(e).removeprefix(f"{out.source}: ")) from None
    new, part = clean_text_value(decoded.text, None, as_xml, cleaner, out)
    out.report = report_line(out, None, [part])
    if not out.changed:
        return data
    return decoded.encode(new)


def clean_plain(
    value: str | None, cleaner: Cleaner, out: Outcome, column: str, doc_id: Any = None
) -> str | None:
    """One Parquet cell (None stays None)."""
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        doc_id = str(doc_id)
    if value is None:
        out.report = report_line(out, doc_id, [])
        return None
    new, part = clean_text_value(value, column, False, cleaner, out)
    out.report = report_line(out, doc_id, [part])
    return new
