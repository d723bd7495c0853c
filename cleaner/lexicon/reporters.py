"""A fast detector of case citations ("489 U.S. 189", "109 S.Ct. 998", "648 F.3d 965").

eyecite finds citations well but costs ~70 ms per 22 KB opinion. This module builds ONE
character trie from every reporter abbreviation of reporters-db (editions and their
variations: "S. Ct.", "S.Ct.", "S Ct", ...): a cheap pattern finds candidates (a volume,
then a capital), the trie is walked one character at a time from there (never 3,600
alternatives tried), and a small pattern reads separator and page after each possible
reporter end, longest first. The trie is cached on disk, so start-up costs no compile.
Whitespace inside a reporter is relaxed as eyecite relaxes it ("N. Y. S. 2d" matches
"N.Y.S.2d"), and a volume or page glued to the reporter by OCR ("973N.E.2d 1290",
"F.3d965") is still found, with the glue visible in the match groups.

>>> [c.text for c in find_citations("See 489 U.S. 189, 195, 109 S.Ct. 998 (1989).")]
['489 U.S. 189', '109 S.Ct. 998']
>>> c = find_citations("Munger, 227 F.3d 1082,1087 (9th Cir.2000)")[0]
>>> c.volume, c.reporter, c.page, c.short
('227', 'F.3d', '1082', False)
>>> [c.text for c in find_citations("Patel, 648 F.3d at 974; 42 U.S.C. § 1983")]
['648 F.3d at 974']

The trie is built on first use (~0.1 s) and cached on disk (see cleaner.lexicon.cache).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

#: horizontal whitespace allowed inside a reporter abbreviation and around it
_HS = r"[^\S\n]"


def reporter_strings() -> frozenset[str]:
    """Every reporter abbreviation of reporters-db: editions and their variations."""
    import reporters_db

    out: set[str] = set()
    for sources in reporters_db.REPORTERS.values():
        for source in sources:
            out.update(source["editions"])
            out.update(source.get("variations", {}))
    return frozenset(s.strip() for s in out if s.strip())


def _normalise(reporter: str) -> str:
    """The reporter without whitespace: the key of the trie and of reporter lookups."""
    return "".join(reporter.split())


@lru_cache(maxsize=1)
def edition_names() -> frozenset[str]:
    """The canonical edition abbreviations of reporters-db ("Ark.", "S. Ct.", "McLean")."""
    import reporters_db

    return frozenset(
        e.strip()
        for sources in reporters_db.REPORTERS.values()
        for s in sources
        for e in s["editions"]
    )


def is_edition(token: str) -> bool:
    """Is ``token`` exactly a canonical edition abbreviation?

    >>> is_edition("Ark."), is_edition("Ark"), is_edition("McLean"), is_edition("McLean.")
    (True, False, True, False)
    """
    return token in edition_names()


@lru_cache(maxsize=1)
def reporter_keys() -> frozenset[str]:
    """Whitespace-free forms of all reporter abbreviations (for membership tests)."""
    return frozenset(_normalise(s) for s in reporter_strings())


def is_reporter(token: str) -> bool:
    """Is ``token`` a reporter abbreviation (any spacing)?

    >>> is_reporter("S. Ct."), is_reporter("S.Ct."), is_reporter("L.Ed.2d"), is_reporter("Court")
    (True, True, True, False)
    """
    return _normalise(token) in reporter_keys()


#: where a citation may start: a volume number, then a capital (cheap first stage)
_CANDIDATE = regex.compile(r"(?<![\w.,/*-])[1-9]\d{0,3}[^\S\n]{0,2}[A-Z(]")

#: the volume at a candidate, and the blanks before the reporter
_HEAD = re.compile(r"(?P<volume>[1-9]\d{0,3})" + _HS + r"{0,2}(?=[A-Z(])")

#: what follows a reporter: separator, optional "at", the page
_TAIL = re.compile(
    r"(?P<sep>" + _HS + r"{0,2},?" + _HS + r"{0,2})"
    r"(?:(?P<at>at" + _HS + r"{1,2}(?:p(?:age|\.)?" + _HS + r")?))?"
    r"(?<![.\d])(?P<page>\d{1,6}|_{2,})(?![\d_])"
)

#: a trie node: (edges {char: (blank allowed before it, child)}, a reporter ends here)
_Node = tuple[dict[str, tuple[bool, "_Node"]], bool]


def _build_trie() -> _Node:
    """The reporter abbreviations as a character trie (blanks left out, as in the key).

    A blank is allowed before a character wherever some reporter has a blank or a period
    before it ("N. Y. S. 2d" matches "N.Y.S.2d" and "N.Y.S. 2d").
    """
    root: _Node = ({}, False)
    ends: set[int] = set()
    blank_ok: set[tuple[int, str]] = set()
    nodes: dict[int, _Node] = {id(root): root}
    for s in sorted(reporter_strings()):
        node = root
        prev = ""
        for ch in s:
            if ch.isspace():
                prev = " "
                continue
            edges = node[0]
            if ch not in edges:
                child: _Node = ({}, False)
                nodes[id(child)] = child
                edges[ch] = (False, child)
            if prev in (" ", "."):
                blank_ok.add((id(node), ch))
            node = edges[ch][1]
            prev = ch
        ends.add(id(node))

    def freeze(node: _Node) -> _Node:
        edges = {
            ch: ((id(node), ch) in blank_ok, freeze(child)) for ch, (_, child) in node[0].items()
        }
        return (edges, id(node) in ends)

    return freeze(root)


@lru_cache(maxsize=1)
def _trie() -> _Node:
    from importlib.util import find_spec

    from cleaner.lexicon.cache import cached

    spec = find_spec("reporters_db")  # located, not imported: the cache hit needs no JSON
    origin = spec.origin if spec is not None and spec.origin else "reporters_db"
    source = Path(origin).parent / "data" / "reporters.json"
    return cached("reporter-trie", [source], _build_trie)


def _is_blank(c: str) -> bool:
    return c.isspace() and c != "\n"


def _reporter_ends(text: str, q: int, node: _Node, out: list[int]) -> None:
    """Positions where a reporter starting at the walk's origin may end, longest first
    (the order in which a regex alternation of the trie would try them)."""
    n = len(text)
    while True:
        edges, is_end = node
        if is_end:
            out.append(q)
        if q >= n:
            break
        c = text[q]
        if _is_blank(c):
            e = edges.get(text[q + 1]) if q + 1 < n else None
            if e is None or not e[0]:
                break
            q += 2
        else:
            e = edges.get(c)
            if e is None:
                break
            q += 1
        node = e[1]
    out.reverse()


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    volume: tuple[int, int]
    reporter: tuple[int, int]
    sep: str
    at: bool
    page: tuple[int, int]


def _match_at(text: str, start: int) -> _Match | None:
    """The citation starting at ``start`` (a candidate), or None."""
    head = _HEAD.match(text, start)
    if head is None:
        return None
    rstart = head.end()
    ends: list[int] = []
    _reporter_ends(text, rstart, _trie(), ends)
    for rend in ends:
        if rend == rstart:
            continue
        tail = _TAIL.match(text, rend)
        if tail is None:
            continue
        m = _Match(
            start,
            tail.end(),
            head.span("volume"),
            (rstart, rend),
            tail.group("sep"),
            tail.group("at") is not None,
            tail.span("page"),
        )
        return m if _valid(text, m) else None
    return None


def citation_pattern() -> _Node:
    """Build (or load from the cache) the detector's reporter trie; returns it.

    Kept for callers that warm the detector up before timing it.
    """
    return _trie()


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation found in a text: its span and parts (``short`` for "648 F.3d at 974")."""

    start: int
    end: int
    text: str
    volume: str
    reporter: str
    page: str
    short: bool
    volume_glued: bool
    page_glued: bool


def _valid(text: str, m: _Match) -> bool:
    rep = text[m.reporter[0] : m.reporter[1]]
    if not rep[0].isalpha() and rep[0] != "(":
        return False
    # glued to the volume ("973N.E.2d"), a reporter must look like one: with a period
    # and two letters at least ("1998ND", "£11 6B. 4d." are no citations)
    if m.reporter[0] == m.volume[1]:
        return "." in rep and sum(c.isalpha() for c in rep) >= 2
    return True


#: the last text scanned and its matches: passes ask for the citations and for the
#: protected spans of one text in turn (a pure function of the text, so safe to reuse)
_last: tuple[str, list[_Match]] | None = None


def _matches(text: str) -> list[_Match]:
    global _last
    last = _last
    if last is not None and last[0] == text:
        return last[1]
    out = _scan(text)
    _last = (text, out)
    return out


def _scan(text: str) -> list[_Match]:
    out: list[_Match] = []
    pos = 0
    for cand in _CANDIDATE.finditer(text):
        start = cand.start()
        if start < pos:
            continue
        m = _match_at(text, start)
        if m is None:
            continue
        pos = m.end
        out.append(m)
    return out


def find_citations(text: str) -> list[Citation]:
    """All full and short citations in ``text``, in order, non-overlapping."""
    return [
        Citation(
            m.start,
            m.end,
            text[m.start : m.end],
            text[m.volume[0] : m.volume[1]],
            text[m.reporter[0] : m.reporter[1]],
            text[m.page[0] : m.page[1]],
            m.at,
            m.reporter[0] == m.volume[1],
            not m.at and not m.sep,
        )
        for m in _matches(text)
    ]


def citation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the citations of ``text`` (for protected spans; same as find_citations)."""
    return [(m.start, m.end) for m in _matches(text)]


__all__ = [
    "Citation",
    "citation_pattern",
    "citation_spans",
    "edition_names",
    "find_citations",
    "is_edition",
    "is_reporter",
    "reporter_keys",
    "reporter_strings",
]
