"""Clean the text of a CAP case body (XML) without touching its markup.

The case body (``<casebody>`` of the CAP API's ``casebody.data`` or of a vendor METS file) is
checked to be well-formed (lxml, no DTD, no network), then tokenized into tags and text nodes
on the RAW string, so that every byte of markup is kept as it was. The text of each block
element (``<p>``, ``<parties>``, ``<author>``...: the nearest non-inline element) is one line of
the document text, as in the corpus text files; inline elements (``<em>``, ``<page-number>``,
``<footnotemark>``, ``<extracted-citation>``...) are part of their block's line, so the passes
see ``*194`` star-page markers where the printed page broke. The document text is cleaned
ONCE (document-level evidence works) and each change is mapped back onto the text nodes:

- a change inside one text node is applied there (entities and ``\\r\\n`` are kept exact);
- a change that spans nodes is reduced to its differing part (common prefix/suffix trimmed,
  then a character diff); it is applied only if every differing part falls inside a single
  editable text node, and not if it would move text across a ``<page-number>`` (that would
  change the page the text is printed on: ``DeSha-*1127ney`` may lose its hyphen, but
  ``ney`` is not moved before the marker);
- the text of ``<page-number>``, ``<footnotemark>``, ``<bracketnum>`` and CDATA is never edited,
  and no change may cross a block boundary (the line break between blocks).

A change that cannot be placed is NOT applied; the report lists it with ``applied: false``
and ``skipped: "spans markup"``. The edited XML is parsed again before it is returned.

>>> from cleaner import Cleaner
>>> out = clean_xml('<casebody><p>one <em>two</em></p></casebody>', Cleaner())
>>> out.xml
'<casebody><p>one <em>two</em></p></casebody>'
>>> out.text
'one two'
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaner import Cleaner
    from cleaner.types import Result

#: Elements that are part of the line (block) of their parent.
INLINE = frozenset(
    {
        "em",
        "strong",
        "i",
        "b",
        "u",
        "sup",
        "sub",
        "span",
        "a",
        "small",
        "sc",
        "br",
        "page-number",
        "footnotemark",
        "bracketnum",
        "extracted-citation",
    }
)
#: Elements whose text is a label, never edited.
FROZEN = frozenset({"page-number", "footnotemark", "bracketnum"})

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_TAG_NAME = re.compile(r"</?\s*([^\s/>]+)")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);")
_RAW_CHAR = re.compile(r"&(?:#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|\r\n|.", re.S)
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
#: A line break inside a block with the white space around it (a no-break space too: after
#: the passes made it a space, the break would swallow it and the texts would disagree).
_BREAK = re.compile(r"[ \t\u00a0]*\n\s*")
_DOCTYPE = re.compile(r"<!DOCTYPE", re.I)


class XmlError(ValueError):
    """The XML cannot be cleaned safely (not well-formed, no case body, DOCTYPE...)."""


@dataclass(frozen=True)
class XmlResult:
    """The edited XML, the document text as the passes saw it and the clean text applied."""

    xml: str
    original_text: str
    text: str
    result: Result
    skipped: frozenset[int]  # indices into result.changes that were not applied

    @property
    def changed(self) -> bool:
        return self.text != self.original_text

    def report(self) -> dict[str, Any]:
        """``Result.to_dict()`` without the text; unplaceable changes marked as not applied."""
        changes = []
        for i, c in enumerate(self.result.changes):
            d = c.to_dict()
            if i in self.skipped:
                d["applied"] = False
                d["skipped"] = "spans markup"
            changes.append(d)
        return {
            "changes": changes,
            "page_markers": [m.to_dict() for m in self.result.page_markers],
        }


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED.get(name, m.group(0))


def unescape(raw: str) -> str:
    """The text of a raw text node: line ends normalized, predefined entities decoded."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in raw:
        raw = _ENTITY.sub(_entity, raw)
    return raw


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _local(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


def check_well_formed(xml: str) -> None:
    """Raise :class:`XmlError` with the parser's message if ``xml`` is not well-formed."""
    from lxml import etree

    if _DOCTYPE.search(xml):
        raise XmlError("DOCTYPE declarations are not supported")
    data = xml.encode("utf-8", "surrogatepass")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise XmlError(f"not well-formed XML: {e}") from None


@dataclass
class _Seg:
    node: int  # index into the piece list
    start: int  # offset in the document text
    end: int
    frozen: bool
    skip: int = 0  # characters of the node's text before the segment (outer whitespace)


#: Characters that show nothing: a block of only these (and spaces) has no line of text.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


class _Body:
    """The raw pieces of an XML string and the text segments of its case body."""

    def __init__(self, xml: str) -> None:
        self.pieces: list[str] = []
        self.is_text: list[bool] = []
        stack: list[tuple[str, int]] = []  # (local name, element id)
        blocks: dict[int, list[tuple[int, str, bool, int]]] = {}
        order: list[int] = []
        in_body = 0
        pos = 0
        elem = 0
        for m in _TOKEN.finditer(xml):
            if m.start() > pos:
                self._text(xml[pos : m.start()], stack, in_body, blocks, order, False)
            tok = m.group(0)
            self.pieces.append(tok)
            self.is_text.append(False)
            pos = m.end()
            if tok.startswith("<![CDATA["):
                self._cdata(tok, stack, in_body, blocks, order)
                continue
            if tok.startswith(("<!", "<?")):
                continue
            nm = _TAG_NAME.match(tok)
            if nm is None:
                continue
            name = _local(nm.group(1))
            if tok.startswith("</"):
                if stack:
                    if stack[-1][0] == "casebody":
                        in_body -= 1
                    stack.pop()
            elif not tok.endswith("/>"):
                elem += 1
                stack.append((name, elem))
                if name == "casebody":
                    in_body += 1
                    self.found_body = True
            elif name == "casebody":
                self.found_body = True
        if pos < len(xml):
            self._text(xml[pos:], stack, in_body, blocks, order, False)
        if not self.found_body:
            raise XmlError("no <casebody> element")
        # the document text: one line per block with visible text, in order of appearance
        lines: list[str] = []
        self.segs: list[_Seg] = []
        offset = 0
        for b in order:
            parts = blocks[b]
            full = "".join(t for _, t, _, _ in parts)
            lead = len(full) - len(full.lstrip())
            keep = len(full.strip())
            if not keep or not full.strip().strip(_INVISIBLE):
                continue  # no visible text (a soft hyphen alone is no line either)
            if lines:
                offset += 1  # the "\n" between blocks
            # the block's line is full[lead : lead + keep]: outer whitespace stays untouched
            pos_in_block = 0
            for node, text, frozen, node_off in parts:
                a = max(lead, pos_in_block)
                z = min(lead + keep, pos_in_block + len(text))
                if z > a:
                    self.segs.append(
                        _Seg(
                            node,
                            offset + a - lead,
                            offset + z - lead,
                            frozen,
                            node_off + a - pos_in_block,
                        )
                    )
                pos_in_block += len(text)
            lines.append(full[lead : lead + keep])
            offset += keep
        self.text = "\n".join(lines)
        self.seg_starts = [s.start for s in self.segs]

    found_body = False

    def _add(
        self,
        text: str,
        stack: list[tuple[str, int]],
        blocks: dict[int, list[tuple[int, str, bool, int]]],
        order: list[int],
        frozen: bool,
    ) -> None:
        block = 0
        for name, eid in reversed(stack):
            if name in FROZEN:
                frozen = True
            if name not in INLINE:
                block = eid
                break
        if block not in blocks:
            blocks[block] = []
            order.append(block)
        node = len(self.pieces) - 1
        if frozen or "\n" not in text:
            blocks[block].append((node, text, frozen, 0))
            return
        # a line break inside a block is layout of the XML file: the passes see one space
        pos = 0
        for m in _BREAK.finditer(text):
            if m.start() > pos:
                blocks[block].append((node, text[pos : m.start()], False, pos))
            blocks[block].append((node, " ", True, m.start()))
            pos = m.end()
        if pos < len(text):
            blocks[block].append((node, text[pos:], False, pos))

    def _text(
        self,
        raw: str,
        stack: list[tuple[str, int]],
        in_body: int,
        blocks: dict[int, list[tuple[int, str, bool, int]]],
        order: list[int],
        frozen: bool,
    ) -> None:
        self.pieces.append(raw)
        self.is_text.append(True)
        if in_body > 0:
            self._add(unescape(raw), stack, blocks, order, frozen)

    def _cdata(
        self,
        tok: str,
        stack: list[tuple[str, int]],
        in_body: int,
        blocks: dict[int, list[tuple[int, str, bool, int]]],
        order: list[int],
    ) -> None:
        if in_body > 0:
            self._add(tok[9:-3], stack, blocks, order, True)

    # -- placing edits -------------------------------------------------------------------

    def _place_simple(self, s: int, e: int, after: str) -> tuple[int, int, int, str] | None:
        """(segment index, local start, local end, after) if [s, e) fits one editable node."""
        k = bisect.bisect_right(self.seg_starts, s) - 1
        if e > s:
            if k < 0:
                return None
            seg = self.segs[k]
            if seg.frozen or e > seg.end or s >= seg.end:
                return None
            return (k, s - seg.start + seg.skip, e - seg.start + seg.skip, after)
        # an insertion: inside a segment, else at the end of the previous, else at a start
        for j in (k - 1, k, k + 1):
            if not 0 <= j < len(self.segs):
                continue
            seg = self.segs[j]
            if not seg.frozen and seg.start <= s <= seg.end:
                return (j, s - seg.start + seg.skip, s - seg.start + seg.skip, after)
        return None

    def place(self, s: int, e: int, before: str, after: str) -> list[tuple[int, int, int, str]]:
        """Where the change goes, as node edits; empty if it cannot be placed safely."""
        p = 0
        n = min(len(before), len(after))
        while p < n and before[p] == after[p]:
            p += 1
        q = 0
        while q < n - p and before[len(before) - 1 - q] == after[len(after) - 1 - q]:
            q += 1
        s2, e2 = s + p, e - q
        b2, a2 = before[p : len(before) - q], after[p : len(after) - q]
        simple = self._place_simple(s2, e2, a2)
        if simple is not None:
            return [simple]
        out = []
        ops = difflib.SequenceMatcher(None, b2, a2, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                continue
            placed = self._place_simple(s2 + i1, s2 + i2, a2[j1:j2])
            if placed is None:
                return []
            out.append(placed)
        # text must not move across a marker (it would change the page it is printed on)
        for k, seg in enumerate(self.segs):
            if (
                seg.frozen
                and s2 <= seg.start < seg.end <= e2
                and any(j < k for j, *_ in out)
                and any(j > k for j, *_ in out)
            ):
                return []
        return out

    def apply(self, edits: list[tuple[int, int, int, str]]) -> str:
        """The XML with the node edits applied (text escaped; markup untouched)."""
        by_node: dict[int, list[tuple[int, int, str]]] = {}
        for k, ls, le, after in edits:
            by_node.setdefault(self.segs[k].node, []).append((ls, le, after))
        pieces = list(self.pieces)
        for node, node_edits in by_node.items():
            raw = pieces[node]
            chars = _RAW_CHAR.findall(raw) if "&" in raw or "\r" in raw else list(raw)
            for ls, le, after in sorted(node_edits, key=lambda x: (x[0], x[1]), reverse=True):
                chars[ls:le] = [escape(after)]
            pieces[node] = "".join(chars)
        return "".join(pieces)


def extract_text(xml: str) -> str:
    """The document text of a case body: one line per block (raises :class:`XmlError`)."""
    check_well_formed(xml)
    return _Body(xml).text


def clean_xml(xml: str, cleaner: Cleaner) -> XmlResult:
    """Clean the case-body text of ``xml`` (raises :class:`XmlError` for unusable XML)."""
    check_well_formed(xml)
    body = _Body(xml)
    result = cleaner.clean(body.text)
    edits: list[tuple[int, int, int, str]] = []
    skipped: set[int] = set()
    applied_changes = []
    for i, c in enumerate(result.changes):
        if not c.applied:
            continue
        if c.before.count("\n") != c.after.count("\n"):
            # a line break moved or removed: the lines of the text are the XML's blocks, which
            # the markup keeps ("A\u00ad" + "A 0" stays two paragraphs)
            skipped.add(i)
            continue
        placed = body.place(c.start, c.end, c.before, c.after)
        if placed:
            edits.extend(placed)
            applied_changes.append(c)
        else:
            skipped.add(i)
    if not edits:
        return XmlResult(xml, body.text, body.text, result, frozenset(skipped))
    from cleaner.types import replay

    new_xml = body.apply(edits)
    try:
        check_well_formed(new_xml)
    except XmlError as e:  # pragma: no cover - a bug, never write broken markup
        raise XmlError(f"internal error: the cleaned XML is not well-formed ({e})") from None
    return XmlResult(
        new_xml, body.text, replay(body.text, applied_changes), result, frozenset(skipped)
    )
