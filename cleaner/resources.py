"""Shared data for passes (dictionaries, word lists), loaded lazily and once per Cleaner."""

from __future__ import annotations

from functools import cached_property

from cleaner.lexicon import WordList, load_bundled_english


class Resources:
    """Lazily loaded data shared by the passes of one :class:`cleaner.Cleaner`.

    Nothing is loaded until a pass asks for it, so a pipeline of character-level passes
    starts instantly.
    """

    @cached_property
    def english(self) -> WordList:
        """English words with frequencies (lower-cased)."""
        return load_bundled_english()
