"""Shared data for passes (dictionaries, word lists), loaded lazily and once per Cleaner.

Passes reach all knowledge of words through this object, never by loading files
themselves. Every property is computed on first use and cached, so a pipeline of
character-level passes starts instantly.

(The properties below are the contract the word-level passes code against; the built
dictionaries behind them live in ``dictionaries/`` and are loaded by ``cleaner.lexicon``.)
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from cleaner.lexicon import WordList, load_bundled_english


class Resources:
    """Lazily loaded data shared by the passes of one :class:`cleaner.Cleaner`."""

    @cached_property
    def english(self) -> WordList:
        """General English words with frequencies (lower-cased)."""
        return load_bundled_english()

    @cached_property
    def legal(self) -> WordList:
        """Legal vocabulary: terms, Latin phrases, abbreviations, reporters, courts."""
        return WordList({})

    @cached_property
    def corpus_words(self) -> WordList:
        """Words mined from real opinions; the count is the number of opinions using it."""
        return WordList({})

    def is_known(self, word: str) -> bool:
        """Is ``word`` (any case) in any dictionary?"""
        return word in self.english or word in self.legal or word in self.corpus_words

    def frequency(self, word: str) -> int:
        """English frequency of ``word`` (0 when unknown)."""
        return self.english.frequency(word)

    @cached_property
    def bigrams(self) -> Mapping[tuple[str, str], int]:
        """Counts of lower-cased word pairs, for real-word errors."""
        return {}

    @cached_property
    def case_names(self) -> Any:
        """Known case names with citations (see ``cleaner.lexicon``)."""
        return None
