"""Misspelt party names in citations: 'Deshaney, 489 U.S. at 195' -> 'DeShaney, ...'.

The party words of a case name cited before a citation ("X v. Y, 489 U.S. 189" or the
short form "X, 489 U.S. at 195") are compared with two sources of truth:

1. the same opinion: a party word that the document writes differently elsewhere
   ("Deshaney" once, "DeShaney" in the full citation and three more times). A variant
   differing only in case, or by a small OCR distance, from a form the document uses
   more often, and cited with the same volume and reporter, is corrected to it;
2. the known case names (``Resources.case_names``): an exact hit of the citation
   (volume, reporter, page) names the case; a party word within a small distance of the
   known name's word is corrected. Without a citation hit only a small candidate set of
   the index is consulted (never all names), and the result is a suggestion.

A party word is never changed into a different word that the document also uses as is,
nor when the evidence is only a fuzzy match (that stays a suggestion, confidence < 0.8).

>>> from cleaner import clean
>>> t = ("In DeShaney v. Winnebago County, 489 U.S. 189 (1989), and DeShaney, 489 U.S. at 201;"
...      " cf. Deshaney, 489 U.S. at 195.")
>>> clean(t, passes=("case_names",)).text.endswith("cf. DeShaney, 489 U.S. at 195.")
True
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import compress

import regex
from rapidfuzz.distance import Levenshtein

from cleaner.lexicon.case_names import CaseName
from cleaner.lexicon.reporters import Citation, find_citations
from cleaner.lexicon.spelling import ocr_cost
from cleaner.lexicon.tokens import bmp_only, regex_bmp_class
from cleaner.passes.base import Pass, PassContext
from cleaner.protect import protected_spans
from cleaner.types import Edit

#: A capitalized word of a party name (letters, inner apostrophes and periods).
PARTY_WORD = regex.compile(r"\p{Lu}[\p{L}'’]*\p{L}|\p{Lu}")

#: The case name right before a citation: "Deshaney v. Winnebago County, " or "Deshaney, ".
NAME_BEFORE = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}'’.&-]*"
    r"(?:[ \t]+(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|&|ex|rel\.|de|la|v\.|vs\.))*)"
    r"(?:,[ \t]*|[ \t]+\(?)(?:\d+[ \t]*)?$"
)
#: What a name's last character may be, and the characters a name is made of.
NAME_END = regex.compile(r"[\p{L}'’.&-]")
NOT_NAME = regex.compile(r"(?r)[^\p{L}'’.&\- \t]")
_TAIL_CHARS = frozenset(", \t(0123456789")
_WINDOW = 160
_SHORT = 4  # party words shorter than this are never corrected
_NAME_OCR_COST = 0.6  # most a party word's misread may cost (cleaner.lexicon.spelling)


@functools.lru_cache(maxsize=1)
def _bmp_party_word() -> re.Pattern[str]:
    """:data:`PARTY_WORD` for a text without characters beyond U+FFFF: a stdlib pattern
    with the ``regex`` module's own classes spelt out as ranges (the same matches, 1.5x as
    fast over a whole opinion)."""
    upper, letter = regex_bmp_class(r"\p{Lu}"), regex_bmp_class(r"\p{L}")
    return re.compile(f"[{upper}][{letter}'’]*[{letter}]|[{upper}]")


def _party_words(text: str) -> list[str]:
    """``PARTY_WORD.findall(text)``, with the fastest pattern that finds them."""
    if bmp_only(text):
        return _bmp_party_word().findall(text)
    words: list[str] = PARTY_WORD.findall(text)
    return words


def _citation_key(volume: str, reporter: str, page: str) -> str:
    return f"{volume} {''.join(reporter.split())} {page}"


class CaseNames(Pass):
    """Misspelt party names in citations, from the document and the known case names."""

    name = "case_names"
    description = "Misspelt party names in citations: 'Deshaney' -> 'DeShaney'."

    _by_citation: dict[str, tuple[CaseName, ...]] | None = None
    _best_memo: dict[str, CaseName | None] | None = None

    def _citation_index(self) -> Mapping[str, tuple[CaseName, ...]]:
        """Known cases by normalized citation (built once, one pass over the index)."""
        if self._by_citation is None:
            out: dict[str, list[CaseName]] = {}
            for e in self.resources.case_names.entries:
                parts = e.citation.split()
                if len(parts) >= 3:
                    key = _citation_key(parts[0], " ".join(parts[1:-1]), parts[-1])
                    out.setdefault(key, []).append(e)
            self._by_citation = {k: tuple(v) for k, v in out.items()}
        return self._by_citation

    def _best(self, name: str) -> CaseName | None:
        """The known case most like ``name`` (memoized: names recur within and across
        opinions, and the fuzzy search is the costliest step of this pass)."""
        memo = self._best_memo
        if memo is None:
            memo = self._best_memo = {}
        if name in memo:
            return memo[name]
        best = self.resources.case_names.best(name, score_cutoff=90.0)
        if len(memo) > 100_000:
            memo.clear()
        memo[name] = best
        return best

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if " v. " not in text and " U.S." not in text and not regex.search(r"\d \p{Lu}", text):
            return []
        cites = find_citations(text)
        if not cites:
            return []
        # the party words cited, and the reporters they are cited in
        named: list[tuple[Citation, list[tuple[int, int, str]]]] = []
        cited_with: dict[str, set[str]] = {}
        for c in cites:
            words = _name_words(text, c.start)
            if not words:
                continue
            named.append((c, words))
            vr = f"{c.volume} {''.join(c.reporter.split())}"
            for _, _, w in words:
                cited_with.setdefault(vr, set()).add(w)
        if not named:
            return []
        spans = protected_spans(text, ctx)
        # the forms of each party word in the document
        forms: Counter[str] = Counter(_party_words(text))
        # the forms of each lower-cased party word, for the cited words only (in forms
        # order; found by a C-level filter, not a Python loop over every form)
        cited = {w.lower() for _, words in named for _, _, w in words}
        by_lower: dict[str, list[str]] = {}
        for f in compress(forms, map(cited.__contains__, map(str.lower, forms))):
            by_lower.setdefault(f.lower(), []).append(f)
        edits: dict[int, Edit] = {}
        index = self._citation_index()
        for c, words in named:
            vr = f"{c.volume} {''.join(c.reporter.split())}"
            known = () if c.short else index.get(_citation_key(c.volume, c.reporter, c.page), ())
            known_words = [m.group() for k in known for m in PARTY_WORD.finditer(k.name)]
            fuzzy = False
            if not known_words and not c.short and len(words) >= 2:
                # no citation hit: a small candidate set of the index (never all names);
                # a match found this way is only a suggestion
                name = text[words[0][0] : words[-1][1]]
                if " v. " in name:
                    best = self._best(name)
                    if best is not None:
                        known_words = [m.group() for m in PARTY_WORD.finditer(best.name)]
                        fuzzy = True
            for s, e, w in words:
                if len(w) < _SHORT or s in edits or spans.overlaps(s, e):
                    continue
                own = {x for _, _, x in words}  # never toward another word of this name
                fix = _from_document(w, forms, by_lower, cited_with.get(vr, set()) - own)
                if fix is None and known_words:
                    fix = _from_known(w, known_words, forms)
                if fix is not None:
                    after, reason, conf = fix
                    if fuzzy and reason.startswith("party name as in the known case"):
                        reason, conf = "party name as in a similar known case", 0.6
                    edits[s] = Edit(s, e, after, reason, conf)
        return sorted(edits.values(), key=lambda e: e.start)


def _name_words(text: str, cite_start: int) -> list[tuple[int, int, str]]:
    """The party words of the case name right before a citation, with their spans."""
    lo = max(0, cite_start - _WINDOW)
    # The name ends at the last character that the tail after it (", ", " (", a number)
    # cannot hold, and starts after the last character a name cannot hold: searching only
    # there finds the same match (NAME_BEFORE looks at nothing before its start).
    end = cite_start - 1 if text[cite_start - 1 : cite_start] == "\n" else cite_start
    k = end - 1
    while k >= lo and text[k] in _TAIL_CHARS:
        k -= 1
    if k < lo or not NAME_END.match(text[k]):
        if k < lo or not text[k].isdecimal():  # (\\d beyond ASCII: the full search)
            return []
    else:
        bad = NOT_NAME.search(text, lo, k)
        if bad is not None:
            lo = bad.end()
    m = NAME_BEFORE.search(text[lo:cite_start])
    if m is None:
        return []
    base = lo + m.start("name")
    out = []
    for w in PARTY_WORD.finditer(m.group("name")):
        out.append((base + w.start(), base + w.end(), w.group()))
    return out


def _from_document(
    w: str, forms: Counter[str], by_lower: Mapping[str, list[str]], same_citation: set[str]
) -> tuple[str, str, float] | None:
    """A form of ``w`` the document uses more often (same letters, or within OCR reach).

    ``by_lower`` lists the forms of ``forms`` by their lower case (in ``forms`` order).
    """
    n = forms[w]
    best: tuple[str, str, float] | None = None
    for other in same_citation | set(by_lower.get(w.lower(), ())):
        if other == w or forms[other] <= n:
            continue
        if other.lower() == w.lower():
            if other.isupper() or w.isupper():
                continue  # "DESHANEY" in a caption is not a misspelling
            return other, "party name written as elsewhere in the opinion", 0.9
        if other in same_citation and len(w) >= 5 and _near(w, other):
            conf = 0.85 if forms[other] >= 2 and forms[w] == 1 else 0.6
            best = best or (other, "party name as cited elsewhere with this reporter", conf)
    return best


def _from_known(
    w: str, known_words: list[str], forms: Counter[str]
) -> tuple[str, str, float] | None:
    """The known case's word for ``w`` when the citation matched exactly."""
    if w in known_words:
        return None
    for k in known_words:
        if len(k) < _SHORT or k.isupper():
            continue
        if k.lower() == w.lower():
            return k, "party name as in the known case with this citation", 0.9
        if _near(w, k) and forms[w] <= 1:
            return k, "party name as in the known case with this citation", 0.85
    return None


def _near(a: str, b: str) -> bool:
    """Within OCR reach: at most two edits, first letter kept, and the edits
    are OCR-typical confusions ("Bcttison" / "Bettison"), not a spelling variant of a name
    ("Clark" / "Clarke") or another word ("Stave" / "State")."""
    if a[:1].lower() != b[:1].lower():
        return False
    d = Levenshtein.distance(a.lower(), b.lower())
    return d <= 2 and ocr_cost(a, b) <= _NAME_OCR_COST
