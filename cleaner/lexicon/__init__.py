"""Word lists and dictionaries, loaded once into fast structures (cached on disk)."""

from cleaner.lexicon.bigrams import BigramCounts
from cleaner.lexicon.case_names import CaseName, CaseNameIndex, normalize_case_name, party_words
from cleaner.lexicon.data import (
    dictionaries_dir,
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
from cleaner.lexicon.words import WordList, load_bundled_english

__all__ = [
    "BigramCounts",
    "CaseName",
    "CaseNameIndex",
    "WordList",
    "dictionaries_dir",
    "load_bigrams",
    "load_bundled_english",
    "load_case_names",
    "load_census_names",
    "load_corpus_bigrams",
    "load_corpus_words",
    "load_english",
    "load_legal",
    "load_proper_names",
    "load_terms_of_art",
    "normalize_case_name",
    "party_words",
]
