"""Shared data for passes (dictionaries, word lists), loaded lazily and once per Cleaner.

Passes reach all knowledge of words through this object, never by loading files
themselves. Every property is computed on first use and cached (in memory, and its built
form on disk: see :mod:`cleaner.lexicon.cache`), so a pipeline of character-level passes
starts instantly and a word-level one starts in tens of milliseconds.

The built dictionaries behind the properties live in ``dictionaries/`` and are loaded by
:mod:`cleaner.lexicon`; ``dictionaries/README.md`` says where each comes from.

>>> r = Resources()
>>> r.is_known("certiorari"), r.is_known("Court"), r.is_known("labor"), r.is_known("qxzvw")
(True, True, True, False)
>>> r.legal.form("l.ed.2d"), r.case_names.exact("Miranda v. Arizona")[0].citation
('L.Ed.2d', '384 U.S. 436')
>>> r.frequency("the") > r.frequency("estop") > 0
True
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from cleaner.lexicon import (
    BigramCounts,
    CaseNameIndex,
    WordList,
    load_bigrams,
    load_case_names,
    load_census_names,
    load_corpus_bigrams,
    load_corpus_words,
    load_english,
    load_legal,
    load_proper_names,
    load_terms_of_art,
)

if TYPE_CHECKING:
    from cleaner.lexicon.spelling import Speller


class Resources:
    """Lazily loaded data shared by the passes of one :class:`cleaner.Cleaner`."""

    @cached_property
    def english(self) -> WordList:
        """English words with frequencies (symspellpy's 82,765; SCOWL's extras count 1)."""
        return load_english()

    @cached_property
    def legal(self) -> WordList:
        """Legal vocabulary: terms, Latin phrases, abbreviations, reporters, courts.

        Abbreviations are stored with and without their final period ("s.ct." and "s.ct");
        phrases ("res judicata") also as their single words. ``legal.form(w)`` gives the
        usual written form ("S.Ct.").
        """
        return load_legal()

    @cached_property
    def corpus_words(self) -> WordList:
        """Words mined from real opinions; the count is the number of opinions using it.

        ``corpus_words.form(w)`` is the usual written form ("DeShaney", "McHenry").
        """
        return load_corpus_words()

    @cached_property
    def proper_names(self) -> frozenset[str]:
        """Lower-cased English words only ever written with a capital: names, places, days,
        brands ("andrew", "vienna", "friday", "ebay"). A lower-case token is none of them."""
        return frozenset(load_proper_names().counts)

    @cached_property
    def terms_of_art(self) -> frozenset[str]:
        """Single words of the hand-curated legal vocabulary, lower-cased, 4+ letters
        ("realty", "mandamus"): no real-word error makes them."""
        return load_terms_of_art()

    @cached_property
    def census_names(self) -> frozenset[str]:
        """Lower-cased US Census surnames and given names that no English or legal list
        knows ("baek", "kowalczyk"): a capitalized one in mid-sentence is a name."""
        return frozenset(load_census_names().counts)

    @cached_property
    def known(self) -> frozenset[str]:
        """Every lower-cased word of every dictionary (english, legal, corpus_words), one set."""
        return frozenset(self.english.counts).union(self.legal.counts, self.corpus_words.counts)

    def is_known(self, word: str) -> bool:
        """Is ``word`` (any case) in any dictionary? (One set lookup.)"""
        return word.lower() in self.known

    def frequency(self, word: str) -> int:
        """English frequency of ``word`` (Google Books count; 0 when not an English word)."""
        return self.english.frequency(word)

    @cached_property
    def bigrams(self) -> BigramCounts:
        """Counts of lower-cased English word pairs (symspellpy's 243,342 Google Books pairs).

        A ``Mapping[tuple[str, str], int]``; ``bigrams.count(w1, w2)`` is any-case and 0
        when unseen.
        """
        return load_bigrams()

    @cached_property
    def corpus_bigrams(self) -> BigramCounts:
        """Counts of lower-cased word pairs in real opinions (counts are occurrences)."""
        return load_corpus_bigrams()

    @cached_property
    def spelling(self) -> Speller:
        """Spelling candidates for unknown tokens, ranked by the OCR confusion model.

        See :mod:`cleaner.lexicon.spelling` (owned by the words passes); memoized per token.
        """
        from cleaner.lexicon.spelling import Speller

        return Speller.for_resources(self)

    @cached_property
    def case_names(self) -> CaseNameIndex:
        """Known case names with citations: ``exact(name)``, ``candidates(name)``, ``best``."""
        return load_case_names()
