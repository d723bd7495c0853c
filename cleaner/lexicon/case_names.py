"""Known case names with their citations, indexed for exact and fuzzy lookup.

A query never scans all names: exact lookups go through a dict keyed by the normalized
name; fuzzy lookups first narrow to a small candidate set (names sharing a distinctive
party word, or the first three letters of the first party) and only then score with
rapidfuzz.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import regex

_V = regex.compile(r"\s+(?:v|vs|versus)\.?\s+", regex.IGNORECASE)
_NON_WORD = regex.compile(r"[^\p{L}\p{N}\s]+")
_SPACE = regex.compile(r"\s+")
_WORD = regex.compile(r"\p{L}[\p{L}'’]*")

#: Party words too common to narrow a search ("State v. Smith": "state" says nothing).
GENERIC_WORDS = frozenset(
    """the of and in re ex rel parte matter estate state states united people
    commonwealth county city town village district department dept board company co
    corp corporation inc ltd llc bank railroad railway r co insurance ins assn
    association national american new mutual trust first commissioner commission
    united city of v vs et al unknown heirs for by on to at a an""".split()  # noqa: SIM905
)


def normalize_case_name(name: str) -> str:
    """A case name reduced for comparison: no accents, lower case, "v" for "v."/"vs.".

    >>> normalize_case_name("DeShaney  v. Winnebago County Dep’t of Soc. Servs.")
    'deshaney v winnebago county dept of soc servs'
    >>> normalize_case_name("Smíth vs. Jones")
    'smith v jones'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = _V.sub(" v ", text)
    text = _NON_WORD.sub("", text)
    return str(_SPACE.sub(" ", text)).strip().lower()


def party_words(name: str) -> tuple[str, ...]:
    """The distinctive (non-generic) words of a case name, normalized, in order.

    >>> party_words("Town of Castle Rock v. Gonzales")
    ('castle', 'rock', 'gonzales')
    """
    norm = normalize_case_name(name)
    return tuple(w for w in norm.split() if w not in GENERIC_WORDS and len(w) > 1)


@dataclass(frozen=True, slots=True)
class CaseName:
    """A known case: full name, short form (as cited after the first time), citation."""

    name: str
    short: str
    citation: str
    source: str = ""


@dataclass(frozen=True)
class CaseNameIndex:
    """Known case names, with exact lookup and a small candidate set for fuzzy matching.

    >>> idx = CaseNameIndex.build([CaseName("Miranda v. Arizona", "Miranda", "384 U.S. 436")])
    >>> idx.exact("miranda  v  ARIZONA")[0].citation
    '384 U.S. 436'
    >>> [c.short for c in idx.candidates("Mirnda v. Arizona")]
    ['Miranda']
    >>> idx.best("Mirands v. Arizona").name
    'Miranda v. Arizona'
    >>> idx.best("Marbury v. Madison") is None
    True
    """

    entries: tuple[CaseName, ...]
    by_name: Mapping[str, tuple[int, ...]]
    by_word: Mapping[str, tuple[int, ...]]
    by_prefix: Mapping[str, tuple[int, ...]]
    #: Every distinctive party word, in its usual written form ("deshaney" -> "DeShaney").
    words: Mapping[str, str]

    @classmethod
    def build(cls, entries: Iterable[CaseName]) -> CaseNameIndex:
        kept: list[CaseName] = []
        seen: set[tuple[str, str]] = set()
        for e in entries:
            k = (normalize_case_name(e.name), e.citation)
            if k[0] and k not in seen:
                seen.add(k)
                kept.append(e)
        by_name: dict[str, list[int]] = {}
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}
        words: dict[str, str] = {}
        for i, e in enumerate(kept):
            for key in {normalize_case_name(e.name), normalize_case_name(e.short)} - {""}:
                by_name.setdefault(key, []).append(i)
            pw = party_words(e.name)
            for w in set(pw):
                by_word.setdefault(w, []).append(i)
            if pw:
                by_prefix.setdefault(pw[0][:3], []).append(i)
            for m in _WORD.finditer(e.name):
                w = m.group()
                low = normalize_case_name(w)
                if low in pw and w != low and not w.isupper():
                    words.setdefault(low, w)
                elif low in pw:
                    words.setdefault(low, low)
        return cls(
            tuple(kept),
            {k: tuple(v) for k, v in by_name.items()},
            {k: tuple(v) for k, v in by_word.items()},
            {k: tuple(v) for k, v in by_prefix.items()},
            words,
        )

    @classmethod
    def from_tsv(cls, path: Path) -> CaseNameIndex:
        """Parse ``name<TAB>short<TAB>citation[<TAB>source]`` lines (``#`` comments)."""
        entries: list[CaseName] = []
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) < 3 or not parts[0]:
                    raise ValueError(
                        f"{path}:{n}: expected 'name<TAB>short<TAB>citation[<TAB>source]', "
                        f"got {line!r}"
                    )
                entries.append(CaseName(parts[0], parts[1], parts[2], "\t".join(parts[3:])))
        return cls.build(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def exact(self, name: str) -> tuple[CaseName, ...]:
        """Cases whose full or short name equals ``name`` after normalization."""
        return tuple(self.entries[i] for i in self.by_name.get(normalize_case_name(name), ()))

    def candidates(self, name: str, limit: int = 200) -> tuple[CaseName, ...]:
        """A small set of cases that could be ``name`` misspelt (at most ``limit``).

        Cases sharing a distinctive party word, plus cases whose first party word starts
        with the same three letters; no scan of the whole index.
        """
        pw = party_words(name)
        found: dict[int, None] = {}
        for w in pw:
            for i in self.by_word.get(w, ()):
                found[i] = None
        if pw:
            for i in self.by_prefix.get(pw[0][:3], ()):
                found[i] = None
        return tuple(self.entries[i] for i in list(found)[:limit])

    def best(self, name: str, score_cutoff: float = 85.0) -> CaseName | None:
        """The known case most like ``name`` (rapidfuzz ratio >= cutoff), or None."""
        hit = self.exact(name)
        if hit:
            return hit[0]
        from rapidfuzz import fuzz, process

        cands = self.candidates(name)
        if not cands:
            return None
        norm = normalize_case_name(name)
        choices: list[str] = []
        owners: list[int] = []
        for k, c in enumerate(cands):
            for form in {normalize_case_name(c.name), normalize_case_name(c.short)} - {""}:
                choices.append(form)
                owners.append(k)
        m = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=score_cutoff)
        return None if m is None else cands[owners[m[2]]]
