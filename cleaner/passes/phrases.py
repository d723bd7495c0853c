"""Latin and law-French phrases with one misread word: 'scire Jadas' -> 'scire facias'.

A set phrase of the law ("scire facias", "contra formam statuti", "nunc pro tunc",
"cestui que trust") is its own evidence: when every other word of the phrase stands
there exactly, a token in the place of the remaining word that no dictionary knows as
an English word and that OCR could have made of it (a weighted OCR edit cost of
:func:`cleaner.lexicon.spelling.ocr_cost` of at most :data:`MAX_COST`, and at most
:data:`MAX_COST_PER_LETTER` per letter) is that word. Single Latin words are no help on
their own ("formara" could be many things); the phrase around them is.

The phrases are the curated ones of ``dictionaries/legal_terms.txt`` (in
:attr:`cleaner.resources.Resources.legal`), of two to five words, each at least two
letters. A phrase is only found through a word of it that is not a common English word
("scire", "contra", "statuti"; not "in", "de", "pro"): the common ones alone are too weak
an anchor.

>>> from cleaner import clean
>>> clean("A scire Jadas will lie; contra formara statuti.", passes=("phrases",)).text
'A scire facias will lie; contra formam statuti.'
>>> clean("the form of a scire facias and forma pauperis", passes=("phrases",)).changes
()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from cleaner.lexicon.spelling import ocr_cost
from cleaner.lexicon.tokens import letter_counts, lowered_runs, runs_positions, unknown_runs
from cleaner.passes.base import Pass, PassContext
from cleaner.protect import protected_spans
from cleaner.types import Edit

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.resources import Resources

#: Words and what separates them (only spaces keep a phrase together).
WORD = regex.compile(r"\p{L}+")
#: Most an OCR misread of a phrase word may cost, in all and per letter of the word.
MAX_COST = 2.2
MAX_COST_PER_LETTER = 0.4
#: A phrase word at least this frequent in English is no anchor ("in", "pro", "de").
ANCHOR_MAX_FREQUENCY = 50_000_000
#: Most generic edits (Levenshtein) between a misread word and its phrase word, before the
#: OCR cost decides ("Jadas" / "facias": 3).
MAX_EDITS = 3
#: How far around a misread word its phrase is looked for (characters).
WINDOW = 100
#: The word before a position, one space between; the word after one. (``_PREV`` is
#: searched backwards, ``(?r)``: its one match ends at the position, found at the first try.)
_PREV = regex.compile(r"(?r)(\p{L}+) \Z")
_NEXT = regex.compile(r" (\p{L}+)")
#: Endings that inflect a phrase word rather than misread it.
INFLECTIONS = frozenset(["s", "es", "ed", "d", "ing", "'s", "’s"])
#: Words of a phrase.
MIN_WORDS, MAX_WORDS = 2, 5


class Phrases(Pass):
    """Latin and law-French phrases with one misread word: 'scire Jadas' -> 'scire facias'."""

    name = "phrases"
    description = "Set legal phrases with one misread word: 'scire Jadas' -> 'scire facias'."

    _anchors: dict[str, list[tuple[tuple[str, ...], int]]] | None = None
    _phrase_words: frozenset[str] | None = None
    _by_length: dict[int, list[str]] | None = None

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self._near_memo: dict[str, bool] = {}

    def _index(self) -> Mapping[str, list[tuple[tuple[str, ...], int]]]:
        """anchor word -> [(phrase words, the anchor's index in the phrase), ...], built once."""
        if self._anchors is None:
            english = self.resources.english.counts
            out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
            for term in self.resources.legal.counts:
                words = tuple(term.split(" "))
                if not MIN_WORDS <= len(words) <= MAX_WORDS:
                    continue
                if not all(w.isalpha() and len(w) >= 2 for w in words):
                    continue
                for i, w in enumerate(words):
                    if english.get(w, 0) < ANCHOR_MAX_FREQUENCY:
                        out.setdefault(w, []).append((words, i))
            self._anchors = out
        return self._anchors

    def _near(self, token: str) -> bool:
        """Is ``token`` within a few generic edits of some phrase word (a cheap filter
        before the OCR cost; memoized)?"""
        memo = self._near_memo
        hit = memo.get(token)
        if hit is None:
            if self._by_length is None:
                by_length: dict[int, list[str]] = {}
                for w in self._words():
                    by_length.setdefault(len(w), []).append(w)
                self._by_length = by_length
            n = len(token)
            limit = min(MAX_EDITS, max(1, (n + 1) // 2))
            hit = any(
                process.extractOne(
                    token,
                    self._by_length.get(k, ()),
                    scorer=Levenshtein.distance,
                    score_cutoff=limit,
                )
                is not None
                for k in range(n - limit, n + limit + 1)
            )
            if len(memo) > 100_000:
                memo.clear()
            memo[token] = hit
        return hit

    def _words(self) -> frozenset[str]:
        """Every word of every phrase."""
        if self._phrase_words is None:
            self._phrase_words = frozenset(
                w for entries in self._index().values() for words, _ in entries for w in words
            )
        return self._phrase_words

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        index = self._index()
        phrase_words = self._words()
        known = self.resources.known
        counts = letter_counts(text, ctx)
        _, lows = lowered_runs(counts)  # (lowered once per count, shared with other passes)
        if not any(map(index.__contains__, lows)):
            return []  # no anchor of any phrase in the document
        # the misread word is no known word, within a few edits of a word of a phrase
        unknown = unknown_runs(counts, known)
        near = [piece for piece in unknown if len(piece) >= 2 and self._near(piece.lower())]
        if not near:
            return []
        tokens: list[tuple[int, int, str]] = []
        seen: set[int] = set()
        for piece, starts in runs_positions(text, near, counts).items():
            for p in starts:
                before = _PREV.search(text, max(0, p - 40), p)
                after = _NEXT.match(text, p + len(piece), p + len(piece) + 40)
                if not (
                    (before is not None and before.group(1).lower() in phrase_words)
                    or (after is not None and after.group(1).lower() in phrase_words)
                ):
                    continue
                # the words around it, tokenized locally: (start, end, word)
                lo, hi = max(0, p - WINDOW), min(len(text), p + WINDOW)
                local = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, lo, hi)]
                # the window may cut a word at either end: those are dropped
                if lo and local and local[0][0] == lo:
                    local = local[1:]
                if hi < len(text) and local and local[-1][1] == hi:
                    local = local[:-1]
                for run in local:
                    if run[0] not in seen:
                        seen.add(run[0])
                        tokens.append(run)
        tokens.sort()
        lows = [t[2].lower() for t in tokens]
        hits = [i for i, w in enumerate(lows) if w in index]
        found: dict[int, list[tuple[float, str, tuple[str, ...]]]] = {}
        for j in hits:
            for words, k in index[lows[j]]:
                first = j - k
                last = first + len(words) - 1
                if first < 0 or last >= len(tokens):
                    continue
                if any(text[tokens[t][1] : tokens[t + 1][0]] != " " for t in range(first, last)):
                    continue  # only spaces hold a phrase together
                wrong = [t for t in range(first, last + 1) if lows[t] != words[t - first]]
                if len(wrong) != 1:
                    continue
                t = wrong[0]
                tok = tokens[t][2]
                meant = words[t - first]
                if lows[t] in known or len(tok) < 2:
                    continue  # a word of its own ("bona fide" of "bona fides")
                if lows[t].startswith(meant) and lows[t][len(meant) :] in INFLECTIONS:
                    continue  # the phrase inflected ("estoppels in pais")
                cost = ocr_cost(tok, meant)
                if cost <= min(MAX_COST, MAX_COST_PER_LETTER * len(meant)):
                    found.setdefault(t, []).append((cost, meant, words))
        if not found:
            return []
        spans = protected_spans(text, ctx)
        edits: list[Edit] = []
        for t, options in sorted(found.items()):
            start, end, tok = tokens[t]
            options.sort()
            cost, meant, words = options[0]
            if any(o[1] != meant and o[0] == cost for o in options[1:]):
                continue  # two phrases read it as two words, equally cheaply
            if spans.overlaps(start, end):
                continue
            # the token's capital is kept where the phrase is capitalized ("Gardian Ad
            # Litem", "the Coürt of Appeals"); else it is part of the misread ("scire Jadas")
            first = t - words.index(meant) if meant in words else t
            others = [tokens[u][2] for u in range(first, first + len(words)) if u != t]
            title = tok[:1].isupper() and all(o[:1].isupper() for o in others if len(o) > 3)
            after = meant.capitalize() if title else meant
            if after == tok:
                continue
            edits.append(
                Edit(
                    start,
                    end,
                    after,
                    f"misread word of the phrase {' '.join(words)!r} (OCR cost {cost:.1f})",
                    0.85,
                )
            )
        return edits
