"""Rare variants of words the document repeats, corrected toward them.

An opinion repeats its names and terms: a party's name thirty times, a doctrine on every
page. A rare form within a small OCR distance of such a frequent word is a misreading of
it: an accent speck ("Hollowéll" when the opinion writes "Hollowell" ten times), a lost inner
capital ("Deshaney" beside "DeShaney"), a confused letter ("Savagc" beside "Savage"). The
rare form is corrected toward the frequent one when it is itself no dictionary word, the
frequent word is used >= 3 times and far more often, and the difference is small; the
confidence grows with the frequency ratio and falls with the distance and with edits that
are not typical OCR confusions (those stay suggestions). Case variants that are writing
conventions are left alone: a capital at a sentence start, ALL CAPS headings.

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("doc_lexicon",))
>>> text = "Mr. Kowalczyk sued. " * 4 + "Then Kowalczvk appealed; KOWALCZYK won."
>>> c.clean(text).text.split(". ")[-1]
'Then Kowalczyk appealed; KOWALCZYK won.'
>>> c.clean("Néw York is new. " * 3).changes
()
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from cleaner.lexicon.tokens import (
    LETTERS,
    document_counts,
    document_damaged,
    letter_counts,
    unknown_runs,
)
from cleaner.passes.base import Pass, PassContext
from cleaner.passes.words import damaged_prose, reads_e_as_o
from cleaner.protect import protected_spans
from cleaner.resources import Resources
from cleaner.types import Edit

#: A word is only edited when it stands free: not glued to a hyphen, digit, bracket (the
#: brackets pass owns "[djamage"), identifier or URL character, nor after a period ("x.com").
NOT_BEFORE = frozenset("-‐'’_@/[].")
NOT_AFTER = frozenset("-‐_@/[]")

#: Single-letter OCR confusions (either direction): a substitution between these is typical.
OCR_SUBSTITUTIONS = frozenset(
    tuple(sorted(p))
    for p in [
        ("c", "e"),
        ("e", "o"),
        ("c", "o"),
        ("a", "o"),
        ("a", "e"),
        ("b", "h"),
        ("h", "k"),
        ("i", "l"),
        ("l", "t"),
        ("i", "t"),
        ("f", "t"),
        ("i", "j"),
        ("n", "u"),
        ("n", "r"),
        ("v", "y"),
        ("u", "v"),
        ("s", "a"),
        ("g", "q"),
        ("d", "cl"),
        ("m", "n"),
        ("r", "t"),
        ("h", "n"),
        ("b", "o"),
        ("c", "r"),
        ("s", "e"),
        ("f", "l"),
        ("i", "r"),
        ("z", "x"),
        ("f", "i"),
    ]
)
#: Multi-letter OCR confusions: the frequent form has the first, the variant the second.
OCR_SPLITS = (
    ("m", "rn"),
    ("m", "in"),
    ("m", "ni"),
    ("h", "li"),
    ("h", "ii"),
    ("u", "ii"),
    ("d", "cl"),
    ("w", "vv"),
    ("n", "ri"),
    ("k", "lc"),
    ("w", "av"),
)

MIN_ANCHOR = 3  # the frequent form is used at least this often
MIN_RATIO = 3  # ... and this many times as often as the variant
MAX_VARIANT = 2  # a variant used more often than this is a word of its own
#: Confidence of a lower-case variant one arbitrary letter (or two) from a document word,
#: in a badly damaged text (:func:`cleaner.lexicon.tokens.badly_damaged`); elsewhere a suggestion.
DAMAGED_CONFIDENCE = 0.85
MIN_LENGTH = 4


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case without accents: the key under which variants are grouped.

    >>> fold("Hollowéll"), fold("DeShaney")
    ('hollowell', 'deshaney')
    """
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _has_marks(word: str) -> bool:
    """Does ``word`` carry a combining mark (once decomposed)? (No ASCII word does.)"""
    if word.isascii():
        return False
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", word))


def _is_ocr_typical(variant: str, anchor: str) -> bool:
    """Is ``variant`` one OCR confusion away from ``anchor`` (both folded)?"""
    if len(variant) == len(anchor):
        diffs = [(a, b) for a, b in zip(anchor, variant, strict=True) if a != b]
        return len(diffs) == 1 and tuple(sorted(diffs[0])) in OCR_SUBSTITUTIONS
    for good, bad in OCR_SPLITS:
        for s, t in ((good, bad), (bad, good)):
            i = anchor.find(s)
            while i >= 0:
                if anchor[:i] + t + anchor[i + len(s) :] == variant:
                    return True
                i = anchor.find(s, i + 1)
    return False


def _o_for_e(variant: str, anchor: str) -> bool:
    """Does ``anchor`` differ from ``variant`` (same length) only by an "o" where the
    variant has an "e" ("balgownio" beside "balgownie")?

    >>> _o_for_e("balgownie", "balgownio"), _o_for_e("balgownio", "balgownie")
    (True, False)
    """
    if len(variant) != len(anchor):
        return False
    diffs = [(a, b) for a, b in zip(anchor, variant, strict=True) if a != b]
    return diffs == [("o", "e")]


def _ocr_neighbours(key: str) -> set[str]:
    """Readings of ``key`` with one multi-letter OCR confusion undone ("tiie" -> "the")."""
    out: set[str] = set()
    for good, bad in OCR_SPLITS:
        i = key.find(bad)
        while i >= 0:
            out.add(key[:i] + good + key[i + len(bad) :])
            i = key.find(bad, i + 1)
    return out


def _transfer_case(variant: str, anchor: str) -> str:
    """The anchor written in the variant's convention (ALL CAPS, sentence-start capital)."""
    if variant.isupper() and len(variant) > 1:
        return anchor.upper()
    if variant[0].isupper() and anchor[0].islower():
        return anchor[0].upper() + anchor[1:]
    return anchor


class _Anchor(NamedTuple):
    """A frequent word (a tuple: built for each frequent word the pass asks about)."""

    form: str  # the usual written form
    uses: int


class _Anchors:
    """The frequent words of a document (used >= :data:`MIN_ANCHOR` times) by folded key:
    ``uses``, a dictionary; each with its most used form (not ALL CAPS if avoidable; between
    forms used equally often, the one the text writes first), found when asked
    (:meth:`get`): the pass asks about a few of them, a document has thousands."""

    __slots__ = ("_counts", "_first", "_forms", "_made", "_text", "uses")

    def __init__(
        self,
        uses: dict[str, int],
        first: dict[str, str],
        forms: dict[str, list[str]],
        counts: Counter[str],
        text: str,
    ) -> None:
        self.uses = uses
        self._first = first  # a form of each key
        self._forms = forms  # every form, for the keys written more than one way
        self._counts = counts
        self._text = text
        self._made: dict[str, _Anchor] = {}

    def get(self, key: str) -> _Anchor | None:
        """The frequent word of ``key`` (its usual form and uses), or None."""
        uses = self.uses.get(key)
        if uses is None:
            return None
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = _Anchor(self._form(key), uses)
        return made

    def _form(self, key: str) -> str:
        """The usual written form of the frequent word ``key``."""
        written = self._forms.get(key)
        if written is None:
            return self._first[key]
        counts, text = self._counts, self._text
        best: tuple[bool, int] | None = None
        tied: list[str] = []
        for w in written:
            c = counts[w]
            rank = (not (w.isupper() and len(w) > 1), c)
            if best is None or rank > best:
                best, tied = rank, [w]
            elif rank == best:
                tied.append(w)
        return tied[0] if len(tied) == 1 else min(tied, key=lambda w: _first_token(text, w))


def _anchors(counts: Counter[str], text: str) -> tuple[_Anchors, dict[str, int]]:
    """The frequent words by folded key (:class:`_Anchors`), and the count of every folded
    key. Independent of the order of ``counts``.

    >>> anchors, folded = _anchors(Counter({"The": 2, "the": 5, "Café": 1, "cafe": 2}), "")
    >>> anchors.uses, anchors.get("the"), anchors.get("a"), folded
    ({'the': 7, 'cafe': 3}, _Anchor(form='the', uses=7), None, {'the': 7, 'cafe': 3})
    """
    folded: dict[str, int] = {}
    first: dict[str, str] = {}  # a form of each key
    forms: dict[str, list[str]] = {}  # every form, for the keys written more than one way
    get_first = first.get
    for w, c in counts.items():
        k = w.lower() if w.isascii() else fold(w)  # (fold, without the memo call)
        other = get_first(k)
        if other is None:
            first[k] = w
            folded[k] = c
        else:
            folded[k] += c
            if k in forms:
                forms[k].append(w)
            else:
                forms[k] = [other, w]
    uses = {k: n for k, n in folded.items() if n >= MIN_ANCHOR}
    return _Anchors(uses, first, forms, counts, text), folded


def _first_token(text: str, word: str) -> int:
    """Where ``word`` first stands in ``text`` as a whole run of letters."""
    size = len(text)
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or LETTERS.match(text[i - 1]) is None) and (
            j >= size or LETTERS.match(text[j]) is None
        ):
            return i
        i = text.find(word, i + 1)
    return size


def find_all(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``text`` (``str.find``: no pattern to compile)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


#: Above this many words, one pass over the runs of letters beats a ``str.find`` scan per word.
FIND_SCANS = 4


def _occurrences(text: str, words: Collection[str]) -> Iterator[tuple[str, int]]:
    """``(word, start)`` for the places that may be whole occurrences of ``words`` (runs of
    letters): a ``str.find`` scan per word when there are few words, else one scan of the
    runs of letters (the places a caller accepts, with no letter or digit on either side,
    are the same either way)."""
    if len(words) <= FIND_SCANS:
        for word in words:
            for start in find_all(text, word):
                yield word, start
        return
    for m in LETTERS.finditer(text):
        word = m.group()
        if word in words:
            yield word, m.start()


class DocumentLexicon(Pass):
    """Rare variants of words the document repeats, corrected toward them."""

    name = "doc_lexicon"
    description = "Rare variants of words the document repeats, corrected toward them."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        return list(self._propose(text, ctx))

    def _propose(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        counts = letter_counts(text, ctx)
        anchors, folded_counts = _anchors(counts, text)
        if not anchors.uses:
            return
        near_cache: dict[tuple[int, int], list[str]] = {}

        def by_len(n: int, limit: int) -> list[str]:
            """The anchors whose length is within ``limit`` of ``n`` (built on demand)."""
            hit = near_cache.get((n, limit))
            if hit is None:
                if not near_cache:
                    for key in anchors.uses:
                        near_cache.setdefault((len(key), -1), []).append(key)
                hit = [
                    k for m in range(n - limit, n + limit + 1) for k in near_cache.get((m, -1), ())
                ]
                near_cache[(n, limit)] = hit
            return hit

        @functools.cache
        def e_as_o() -> bool:
            """Does the OCR read "e" as "o" (read on the document as given)?"""
            return reads_e_as_o(document_counts(text, ctx), self.resources)

        known = self.resources.known

        @functools.cache
        def damaged() -> bool:
            """Is the document badly damaged (a rare name most likely a misread)?"""
            return document_damaged(text, ctx, known)

        fixes: dict[str, tuple[str, float, str]] = {}
        # the runs whose lower-case form no dictionary knows (kept with the count): a small
        # set to test instead of the dictionaries
        unknown = set(unknown_runs(counts, known))
        rare = [w for w, n in counts.items() if n <= MAX_VARIANT and len(w) >= MIN_LENGTH]
        # a lower-case ASCII dictionary word is never corrected (a frequent word of the same
        # key is only a case or accent variant, and those fix capitals and accents only)
        for word in [w for w in rare if w in unknown or not (w.isascii() and w.islower())]:
            key = word.lower() if word.isascii() else fold(word)
            if key not in anchors.uses and (
                folded_counts[key] > MAX_VARIANT or word not in unknown
            ):
                continue  # the common case: a rare dictionary word
            fix = self._correct(word, counts, folded_counts, anchors, by_len, e_as_o, damaged)
            if fix is not None:
                fixes[word] = fix
        if not fixes:
            return
        near_variants = [
            w
            for w, (after, conf, _) in fixes.items()
            if conf < DAMAGED_CONFIDENCE and w.islower() and Levenshtein.distance(w, after) <= 2
        ]
        if near_variants and damaged_prose(text, ctx, known):
            # in a badly damaged text a lower-case word one arbitrary letter (or two) from a
            # word the document uses 3x as often is a misread of it ("prisoter", "prisoner")
            for w in near_variants:
                after, _, reason = fixes[w]
                fixes[w] = (after, DAMAGED_CONFIDENCE, reason + "; the text is badly damaged")
        protected = protected_spans(text, ctx)
        size = len(text)
        for word, start in _occurrences(text, fixes):
            after, conf, reason = fixes[word]
            end = start + len(word)
            if start > 0 and (text[start - 1] in NOT_BEFORE or text[start - 1].isalnum()):
                continue
            if end < size and (text[end] in NOT_AFTER or text[end].isalnum()):
                continue
            if protected.overlaps(start, end):
                continue
            if self._sentence_case_only(text, start, word, after):
                continue
            yield Edit(start, end, after, reason, conf)

    @staticmethod
    def _sentence_case_only(text: str, start: int, word: str, after: str) -> bool:
        """A lower-case anchor does not lower a capital (a sentence start, a title)."""
        return word.lower() == after.lower() and word[0].isupper() and after[0].islower()

    def _correct(
        self,
        word: str,
        counts: Counter[str],
        folded_counts: dict[str, int],
        anchors: _Anchors,
        by_len: Callable[[int, int], list[str]],
        e_as_o: Callable[[], bool],
        damaged: Callable[[], bool] = lambda: False,
    ) -> tuple[str, float, str] | None:
        if len(word) < MIN_LENGTH or counts[word] > MAX_VARIANT:
            return None
        key = fold(word)
        r: Resources = self.resources
        same = anchors.get(key)
        if same is not None and same.form != word:
            # the same letters: an accent speck or a case variant
            others = same.uses - counts[word]
            if others < 2 or others < 2 * counts[word]:
                return None
            if _has_marks(word) and not _has_marks(same.form):
                if others < MIN_ANCHOR:
                    return None
                if word in r.english or word.lower() in r.legal or word in r.corpus_words:
                    return None
                after = _transfer_case(word, same.form)
                return after, 0.95, f"accent speck: the document writes {same.form!r}"
            if _has_marks(word) or _has_marks(same.form):
                return None  # never add an accent
            if word.isupper() or word.islower() or same.form.islower():
                return None  # headings, sentence starts, lower-case words: conventions
            inner_word = sum(c.isupper() for c in word[1:])
            inner_anchor = sum(c.isupper() for c in same.form[1:])
            if word[0].isupper() and same.form[0].isupper() and inner_word < inner_anchor:
                ratio = others / counts[word]
                conf = 0.9 if ratio >= 5 else 0.85 if ratio >= MIN_RATIO else 0.8
                return same.form, conf, f"lost inner capital: the document writes {same.form!r}"
            return None
        if same is not None or r.is_known(word) or folded_counts[key] > MAX_VARIANT:
            return None
        if word.isupper() or sum(c.isupper() for c in word[1:]) >= 3:
            return None  # headings, names in capitals ("McCARRY")
        if word[0].isupper() and key in r.census_names and not damaged():
            return None  # another person's name ("Carlsen" beside "Carlson")
        if "'" in word or "’" in word:
            return None  # headings; possessives and contractions ("it’s" is not "its")
        # a misread letter: first the OCR confusions ("tiie" -> "the"), then the nearest
        # frequent word at a small distance
        ocr_hits = {c for c in _ocr_neighbours(key) if c in anchors.uses}
        if len(ocr_hits) == 1:
            return self._finish(word, key, ocr_hits.pop(), 1, anchors, folded_counts)
        if ocr_hits:
            return None
        n = len(key)
        best: tuple[int, str] | None = None
        tie = False
        limit = 1 if n < 8 else 2
        near = by_len(n, limit)
        if not near:
            return None
        # the distances in C (rapidfuzz), every anchor within the limit
        for cand, d, _ in process.extract(
            key, near, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
        ):
            if best is None or d < best[0]:
                best, tie = (d, cand), False
            elif d == best[0]:
                tie = True
        if best is None or tie:
            return None
        if _o_for_e(key, best[1]) and e_as_o():
            return None  # the OCR reads "e" as "o": the frequent form is the misread one
        return self._finish(word, key, best[1], best[0], anchors, folded_counts)

    @staticmethod
    def _finish(
        word: str,
        key: str,
        cand: str,
        dist: int,
        anchors: _Anchors,
        folded_counts: dict[str, int],
    ) -> tuple[str, float, str] | None:
        anchor = anchors.get(cand)
        assert anchor is not None  # (a key of ``anchors.uses``)
        if cand in key or key in cand:
            return None  # a derived word ("repleading", "optionee"), not a misreading
        if word[0].isupper() and anchor.form[0].islower():
            return None  # a name ("Unger") beside a common word ("under")
        typical = _is_ocr_typical(key, cand)
        if cand[0] != key[0] and dist == 1 and not typical:
            return None
        ratio = anchor.uses / max(folded_counts[key], 1)
        if ratio < MIN_RATIO:
            return None
        conf = (0.92 if typical else 0.7) if dist == 1 else 0.65
        if ratio >= 10 and conf < 0.9:
            conf += 0.05
        if word[0].isupper() and not typical:
            conf = min(conf, 0.6)  # names differ by a letter: only a suggestion
        after = _transfer_case(word, anchor.form)
        return after, conf, f"rare variant of {anchor.form!r} ({anchor.uses}x in the document)"
