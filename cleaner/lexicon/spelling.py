"""Spelling candidates for OCR'd words, ranked by an OCR confusion model.

Two parts:

* :func:`ocr_cost` — a weighted edit distance in which the confusions OCR typically makes
  ("rn" read for "m", "cl" for "d", "li" for "h", "e" for "c", "0" for "o", ...) cost much
  less than an arbitrary edit. It is the channel model ``P(seen | meant)`` of the corrector.
* :class:`Speller` — candidate generation against the dictionaries of
  :class:`cleaner.resources.Resources`: every word within one generic edit of the token
  (Norvig's neighbourhood intersected with the known-word set in C; only hits are
  costed) plus every word reachable by up to two cheap OCR-confusion rewrites, scored by
  channel cost and dictionary frequency, memoized per distinct token. For long tokens
  with nothing closer, :meth:`Speller.distant` asks a small symspellpy index (distance 2)
  of the common long words, whose built form is cached on disk.

Why not a symspellpy index over everything: measured on this machine, building
symspellpy's index of the 82,765-word list takes 1.1 s (prefix 5) to 3.9 s (prefix 7),
unpickling it 0.24-1.9 s, and a ``Verbosity.ALL`` lookup at distance 2 costs 3-4 ms per
word — an opinion has 50-100 distinct unknown tokens, so that alone would limit the
pipeline to well under 1 MB/s. Generic distance-2 candidates are also the ones that break
words (plain symspellpy breaks ~96 words per 10k on BLN600). The neighbourhood plus the
confusion rewrites cost ~0.3 ms per new token, need no index (start-up is free) and keep
exactly the candidates an OCR engine could have produced.

>>> ocr_cost("rnold", "mold") < ocr_cost("bold", "mold")
True
>>> sp = Speller([{"mold", "old", "court"}],
...              {"mold": 5_000_000, "old": 9_000_000, "court": 9_000_000}.get)
>>> sp.candidates("rnold")[0].word
'mold'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaner.resources import Resources

#: (what the OCR printed, what the page had, cost). Costs are in units of one arbitrary edit
#: (1.0). Pairs are applied in the direction given; most are listed both ways.
CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    # shapes made of vertical strokes
    ("rn", "m", 0.2),
    ("m", "rn", 0.3),
    ("pi", "m", 0.35),
    ("ni", "m", 0.4),
    ("in", "m", 0.45),
    ("iii", "m", 0.4),
    ("ii", "u", 0.3),
    ("ti", "u", 0.45),
    ("ii", "n", 0.4),
    ("ri", "n", 0.4),
    ("u", "ii", 0.5),
    ("n", "ri", 0.5),
    ("n", "u", 0.4),
    ("u", "n", 0.4),
    ("vv", "w", 0.2),
    ("vr", "w", 0.5),
    ("iv", "w", 0.5),
    ("tv", "w", 0.5),
    ("w", "vv", 0.4),
    ("cl", "d", 0.3),
    ("d", "cl", 0.4),
    ("li", "h", 0.3),
    ("h", "li", 0.4),
    ("l", "f", 0.6),
    ("ln", "h", 0.45),
    # round letters
    ("e", "c", 0.3),
    ("c", "e", 0.3),
    ("o", "c", 0.45),
    ("c", "o", 0.4),
    ("o", "e", 0.5),
    ("e", "o", 0.5),
    ("a", "o", 0.5),
    ("o", "a", 0.5),
    ("a", "e", 0.6),
    ("e", "a", 0.6),
    ("b", "h", 0.3),
    ("h", "b", 0.3),
    ("b", "o", 0.45),
    ("o", "b", 0.5),
    ("d", "b", 0.6),
    ("b", "d", 0.6),
    ("h", "n", 0.5),
    ("n", "h", 0.5),
    ("h", "k", 0.5),
    ("k", "h", 0.5),
    ("g", "q", 0.5),
    ("q", "g", 0.5),
    ("s", "a", 0.7),
    # thin letters
    ("l", "i", 0.3),
    ("i", "l", 0.3),
    ("l", "t", 0.35),
    ("t", "l", 0.4),
    ("i", "t", 0.5),
    ("t", "i", 0.5),
    ("f", "t", 0.4),
    ("t", "f", 0.4),
    ("i", "f", 0.5),
    ("f", "i", 0.6),
    ("f", "s", 0.5),
    ("s", "f", 0.5),
    ("j", "i", 0.4),
    ("i", "j", 0.5),
    ("l", "j", 0.6),
    ("j", "f", 0.5),
    # mined from the aligned ICDAR 2017 OCR/gold pairs (each seen 100+ times there):
    # "tiie" the, "fiom" from, "aie" are
    ("ii", "h", 0.35),
    ("i", "r", 0.35),
    ("j", "y", 0.35),
    # an "i" or "h" after "w" read as "d" / "di" (a font of old reports: "wdth" with,
    # "wdiich" which, "followdng" following; 17 in ten opinions of one volume)
    ("wd", "wi", 0.35),
    ("wdi", "wh", 0.35),
    ("r", "t", 0.6),
    ("t", "r", 0.6),
    ("r", "n", 0.6),
    ("v", "y", 0.4),
    ("y", "v", 0.4),
    ("u", "v", 0.5),
    ("v", "u", 0.5),
    ("fi", "ñ", 0.3),
    ("ñ", "fi", 0.2),
    ("ſ", "s", 0.1),
    # mined from the aligned BLN600 OCR/gold pairs (what the cleaner left): the strokes of
    # an "h" read as "il" ("tile" the, "whicil" which)
    ("il", "h", 0.35),
    # mined from the same alignments (what the cleaner left, 2026-12; BLN600 / ICDAR 2017
    # counts) and seen in the opinions' gold ("dues not", "common lav", "mot being",
    # "article of tire constitution"): "v" for "w" (29/20), "n" and "m" (39+22/11+6),
    # "o" and "u" (17+10/24+53), "ir" for "h" (13/30). ("a" and "u", 121+14/87+135, is
    # left out: it links too many real words, "farther" and "further", "cat" and "cut")
    ("v", "w", 0.5),
    ("n", "m", 0.5),
    ("m", "n", 0.5),
    ("o", "u", 0.5),
    ("u", "o", 0.5),
    ("ir", "h", 0.4),
    # mined from the same alignments again (2026-12-05; BLN600 / ICDAR 2017 / Overproof):
    # a stroke after "m" or "w" ("fromn" from, "somne" some, "wvhole" whole: 49+22 in
    # BLN600), "a" for "s" and "n" ("aent" sent, "maa" man: 40+38) and "n" for "a" ("nnd"
    # and: 14); each gains on all three sets with no word broken. ("e" and "s", "wae" was,
    # 94+21, is left out: cheap, it settled an opinion's "so ue of" as "so us of".)
    ("mn", "m", 0.4),
    ("wv", "w", 0.3),
    ("a", "s", 0.7),
    ("a", "n", 0.6),
    ("n", "a", 0.6),
    # mined again (2026-12-05, sixth round): the arch of an "h" lost after "t" or "w"
    # ("tle" the, "tlat" that, "wlich" which: BLN600 22 "tle" made "tie" by l/i). Only
    # after "t" and "w": a plain "l" -> "h" (0.4-0.55) gains on BLN600 but makes "lollowed"
    # two-way ("followed", "hollowed") in an opinion and loses "lound" found on Overproof.
    ("tl", "th", 0.4),
    ("wl", "wh", 0.4),
    # digits and letters
    ("0", "o", 0.2),
    ("1", "l", 0.2),
    ("1", "i", 0.3),
    ("5", "s", 0.3),
    ("6", "b", 0.5),
    ("8", "b", 0.6),
    ("4", "a", 0.7),
)

#: Cost of deleting a character the OCR added (thin marks are cheap to have been added).
_NOISE_INSERT = {
    "i": 0.6,
    "l": 0.6,
    "t": 0.7,
    "r": 0.7,
    "1": 0.6,
    "0": 0.8,
    "5": 0.8,
    "'": 0.5,
    ".": 0.5,
}
#: Cost of inserting a character the OCR lost.
_LOST = {"i": 0.6, "l": 0.6, "t": 0.7, "r": 0.7, "e": 0.8, "f": 0.8}

_SUB: dict[tuple[str, str], float] = {}
for _seen, _meant, _cost in CONFUSIONS:
    _SUB[(_seen, _meant)] = min(_cost, _SUB.get((_seen, _meant), 9.0))
_MAX_SEEN = max(len(s) for s, _, _ in CONFUSIONS)
_MAX_MEANT = max(len(m) for _, m, _ in CONFUSIONS)

#: Letters tried by the one-edit generator.
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def ocr_cost(seen: str, meant: str) -> float:
    """Weighted edit distance from the word ``meant`` to what OCR printed, ``seen``.

    Lower-case both first. Arbitrary edits cost 1; confusions of :data:`CONFUSIONS` less.

    >>> ocr_cost("tbe", "the"), ocr_cost("cl", "d"), ocr_cost("xyz", "xyz")
    (0.3, 0.3, 0.0)
    """
    s = seen.lower()
    m = meant.lower()
    n, k = len(s), len(m)
    inf = float("inf")
    d = [[inf] * (k + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        row = d[i]
        for j in range(k + 1):
            cur = row[j]
            if cur == inf:
                continue
            if i < n and j < k:
                c = 0.0 if s[i] == m[j] else 1.0
                if cur + c < d[i + 1][j + 1]:
                    d[i + 1][j + 1] = cur + c
                if (
                    i + 1 < n
                    and j + 1 < k
                    and s[i] == m[j + 1]
                    and s[i + 1] == m[j]
                    and cur + 1.0 < d[i + 2][j + 2]
                ):
                    d[i + 2][j + 2] = cur + 1.0
            if i < n:  # a character OCR added
                c = _NOISE_INSERT.get(s[i], 1.0)
                if cur + c < d[i + 1][j]:
                    d[i + 1][j] = cur + c
            if j < k:  # a character OCR lost
                c = _LOST.get(m[j], 1.0)
                if cur + c < row[j + 1]:
                    row[j + 1] = cur + c
            for a in range(1, _MAX_SEEN + 1):
                if i + a > n:
                    break
                ss = s[i : i + a]
                for b in range(1, _MAX_MEANT + 1):
                    if j + b > k:
                        break
                    c2 = _SUB.get((ss, m[j : j + b]))
                    if c2 is not None and cur + c2 < d[i + a][j + b]:
                        d[i + a][j + b] = cur + c2
    return round(d[n][k], 4)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A dictionary word that the OCR may have misread as the token."""

    word: str
    cost: float
    frequency: int


def _rewrites(
    word: str,
    base: float,
    out: dict[str, float],
    by_seen: Mapping[str, tuple[tuple[str, float], ...]],
) -> list[tuple[str, float]]:
    """Add every one-confusion rewrite of ``word`` to ``out`` (cost = base + rule cost)."""
    made: list[tuple[str, float]] = []
    n = len(word)
    for i in range(n):
        for a in range(1, _MAX_SEEN + 1):
            if i + a > n:
                break
            rules = by_seen.get(word[i : i + a])
            if rules:
                head, tail = word[:i], word[i + a :]
                for meant, cost in rules:
                    v = head + meant + tail
                    c = base + cost
                    if c < out.get(v, 99.0):
                        out[v] = c
                        made.append((v, c))
    return made


_BY_SEEN: dict[str, tuple[tuple[str, float], ...]] = {}
#: The cheapest confusions (cost <= 0.3): the only ones tried as a second rewrite.
_BY_SEEN_CHEAP: dict[str, tuple[tuple[str, float], ...]] = {}
for (_s, _m), _c in _SUB.items():
    _BY_SEEN[_s] = (*_BY_SEEN.get(_s, ()), (_m, _c))
    if _c <= 0.3:
        _BY_SEEN_CHEAP[_s] = (*_BY_SEEN_CHEAP.get(_s, ()), (_m, _c))


def edits1(word: str) -> set[str]:
    """Norvig's one-edit neighbourhood (deletes, transposes, replaces, inserts), fast."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in ALPHABET)
    out.update(a + c + b for a, b in splits for c in ALPHABET)
    return out


def edit1_cost(word: str, other: str) -> float:
    """The cost of the single edit turning ``other`` into ``word`` (OCR saw ``word``).

    >>> edit1_cost("tbe", "the"), edit1_cost("wvas", "was"), edit1_cost("liabilily", "liability")
    (0.3, 1.0, 0.35)
    """
    n, k = len(word), len(other)
    i = 0
    while i < min(n, k) and word[i] == other[i]:
        i += 1
    if n == k:
        if i + 1 < n and word[i + 1 :] != other[i + 1 :]:
            return 1.0  # a transposition
        return _SUB.get((word[i], other[i]), 1.0)
    if n == k + 1:  # OCR added word[i]
        return _NOISE_INSERT.get(word[i], 1.0)
    return _LOST.get(other[i], 1.0)  # OCR lost other[i]


def variants(word: str) -> dict[str, float]:
    """Strings the OCR could have printed ``word`` for, with an upper bound of the cost.

    Up to two confusions (the second one cheap), with their costs. The one-generic-edit
    neighbourhood (:func:`edits1`) is checked separately by :class:`Speller` and costed
    only for the words it finds (:func:`edit1_cost`).

    >>> v = variants("tbe")
    >>> v["the"], v["toe"]
    (0.3, 0.45)
    """
    out: dict[str, float] = {}
    for v, c in _rewrites(word, 0.0, out, _BY_SEEN):
        if c <= 0.35:  # two confusions only when both are cheap
            _rewrites(v, c, out, _BY_SEEN_CHEAP)
    out.pop(word, None)
    return out


class Speller:
    """Candidates for unknown lower-case tokens, memoized per token.

    ``vocabularies`` are set-like collections of known lower-case words (dict key views or
    sets: candidates are found with one C-level set intersection each); ``frequency(word)``
    gives a word's count. Candidates are sorted best first by :meth:`score`.
    """

    def __init__(
        self,
        vocabularies: Sequence[AbstractSet[str]],
        frequency: Callable[[str], int | None],
        *,
        max_cost: float = 1.2,
        cache_size: int = 200_000,
    ) -> None:
        self.vocabularies = tuple(vocabularies)
        self.frequency = frequency
        self.max_cost = max_cost
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        self._cache_size = cache_size
        self._index: Any = None
        self._distant_words: Callable[[], dict[str, int]] = dict

    def known(self, word: str) -> bool:
        return any(word in v for v in self.vocabularies)

    def candidates(self, token: str) -> tuple[Candidate, ...]:
        """Known words the OCR could have turned into ``token``, best first."""
        hit = self._memo.get(token)
        if hit is not None:
            return hit
        result = self._candidates(token)
        if len(self._memo) >= self._cache_size:
            self._memo.clear()
        self._memo[token] = result
        return result

    def _candidates(self, token: str) -> tuple[Candidate, ...]:
        w = token.lower()
        if not w or len(w) > 40:
            return ()
        pool = variants(w)
        near = edits1(w) if len(w) >= 3 else set()
        near.discard(w)
        keys = pool.keys() | near
        hits: set[str] = set()
        for vocab in self.vocabularies:
            hits.update(keys & vocab)
        found: list[Candidate] = []
        for c in hits:
            if len(c) < 2:
                continue
            cost = pool.get(c, 99.0)
            if c in near:
                cost = min(cost, edit1_cost(w, c))
            cost = round(cost, 4)
            if cost <= self.max_cost:
                found.append(Candidate(c, cost, int(self.frequency(c) or 0)))
        found.sort(key=lambda c: (self.score(c), c.word))
        return tuple(found)

    def distant(self, token: str) -> tuple[Candidate, ...]:
        """Common long words two generic edits from ``token`` (symspellpy), best first.

        For tokens of :data:`DISTANT_MIN_LENGTH` letters or more that :meth:`candidates`
        finds nothing for ("caipentbr"): only words of one letter less or more and a
        frequency of at least :data:`DISTANT_MIN_FREQUENCY` are indexed, so the index is
        small (~19k words, built in ~1 s once and then loaded from the disk cache) and a
        lookup costs ~0.1 ms.
        Ranked by the OCR cost (:func:`ocr_cost`), then frequency.
        """
        w = token.lower()
        key = "\0" + w
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        found: list[Candidate] = []
        if len(w) >= DISTANT_MIN_LENGTH and w.isalpha() and w.isascii():
            from symspellpy import Verbosity

            for item in self._symspell().lookup(w, Verbosity.ALL, 2):
                if item.term != w:
                    found.append(Candidate(item.term, ocr_cost(w, item.term), int(item.count)))
        found.sort(key=lambda c: (self.score(c), c.word))
        result = tuple(found)
        self._memo[key] = result
        return result

    def _symspell(self) -> Any:
        if self._index is None:
            self._index = _load_symspell(self._distant_words)
        return self._index

    @staticmethod
    def score(c: Candidate, bonus: float = 0.0) -> float:
        """Lower is better: channel cost minus a log-frequency prior (and any bonus)."""
        return c.cost - 0.12 * math.log10(c.frequency + 1) - bonus

    @classmethod
    def for_resources(cls, resources: Resources) -> Speller:
        """A speller over all dictionaries of ``resources``.

        Words only in the legal or corpus lists get a nominal frequency (a legal term counts
        like a moderately common word; a corpus word by the number of opinions using it).
        """
        english = resources.english.counts
        legal = resources.legal.counts
        corpus = resources.corpus_words.counts

        def frequency(w: str) -> int:
            f = english.get(w)
            if f:
                return f
            if w in legal:
                return 2_000_000
            n = corpus.get(w, 0)
            return min(n * 200_000, 20_000_000)

        speller = cls([resources.known], frequency)

        def distant_words() -> dict[str, int]:
            return {
                w: c
                for w, c in english.items()
                if c >= DISTANT_MIN_FREQUENCY and len(w) >= DISTANT_MIN_LENGTH - 1 and w.isalpha()
            }

        speller._distant_words = distant_words
        return speller


#: Shortest token the distance-2 search is tried for, and the least frequency of its words
#: (from 6 letters: "hcroby", "oblnined"; the words pass applies what it finds for tokens
#: under 8 letters only in badly damaged texts, or when both edits are cheap confusions).
DISTANT_MIN_LENGTH = 6
DISTANT_MIN_FREQUENCY = 1_000_000
#: symspellpy prefix length: 5 keeps the index (and its load from the cache) small.
_PREFIX = 5


def _load_symspell(words: Callable[[], dict[str, int]]) -> Any:
    """symspellpy's index of the common long words, its built form cached on disk."""
    from importlib import resources as importlib_resources
    from pathlib import Path

    from symspellpy import SymSpell

    from cleaner.lexicon.cache import cached

    def build() -> tuple[dict[str, list[str]], dict[str, int], int]:
        sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=_PREFIX)
        for w, c in words().items():
            sym.create_dictionary_entry(w, c)
        return dict(sym._deletes), dict(sym._words), sym._max_length

    source = importlib_resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    deletes, counts, max_length = cached(
        "spelling-symspell", [Path(__file__), Path(str(source))], build
    )
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=_PREFIX)
    sym._deletes = deletes
    sym._words = counts
    sym._max_length = max_length
    return sym


_BY_MEANT: dict[str, tuple[tuple[str, float], ...]] = {}
for (_s, _m), _c in _SUB.items():
    _BY_MEANT[_m] = (*_BY_MEANT.get(_m, ()), (_s, _c))
_MAX_MEANT_LEN = max(len(m) for m in _BY_MEANT)


def misreadings(word: str, max_cost: float = 0.5) -> dict[str, float]:
    """What one OCR confusion could turn ``word`` into (lower-case), with its cost.

    >>> misreadings("case")["ease"], misreadings("not")["hot"]
    (0.3, 0.5)
    """
    out: dict[str, float] = {}
    n = len(word)
    for i in range(n):
        for a in range(1, _MAX_MEANT_LEN + 1):
            if i + a > n:
                break
            for seen, cost in _BY_MEANT.get(word[i : i + a], ()):
                if cost <= max_cost:
                    v = word[:i] + seen + word[i + a :]
                    if cost < out.get(v, 99.0):
                        out[v] = cost
    out.pop(word, None)
    return out
