"""Word lists and dictionaries, loaded once into fast structures."""

from cleaner.lexicon.words import WordList, load_bundled_english

__all__ = ["WordList", "load_bundled_english"]
