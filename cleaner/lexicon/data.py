"""Where the built dictionaries are, and how each is loaded (through the disk cache).

The data files live in the repository's ``dictionaries/`` directory (built by
``dictionaries/build.py``, committed); ``$CLEANER_DICTIONARIES`` points elsewhere. A
missing file gives an empty list, so the character-level passes work without any data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from importlib import resources as importlib_resources
from pathlib import Path

from cleaner.lexicon.bigrams import BigramCounts
from cleaner.lexicon.cache import cached
from cleaner.lexicon.case_names import CaseNameIndex
from cleaner.lexicon.words import WordList, load_bundled_english

#: The built files in ``dictionaries/`` (see dictionaries/README.md for their formats).
LEGAL_FILE = "legal.tsv"
CORPUS_WORDS_FILE = "corpus_words.tsv"
CORPUS_BIGRAMS_FILE = "corpus_bigrams.tsv"
CASE_NAMES_FILE = "case_names.tsv"
ENGLISH_EXTRA_FILE = "english_extra.tsv"
PROPER_NAMES_FILE = "proper_names.tsv"
CENSUS_NAMES_FILE = "census_names.tsv"


def dictionaries_dir() -> Path:
    """The directory of built dictionaries (``$CLEANER_DICTIONARIES`` overrides)."""
    explicit = os.environ.get("CLEANER_DICTIONARIES")
    if explicit:
        return Path(explicit)
    checkout = Path(__file__).resolve().parents[2] / "dictionaries"
    if checkout.is_dir():
        return checkout  # a clone, or an editable install
    # an installed wheel: setuptools data-files put them under the environment's prefix
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "cleaner" / "dictionaries"
        if installed.is_dir():
            return installed
    return checkout


def _symspell_file(name: str) -> Path:
    return Path(str(importlib_resources.files("symspellpy") / name))


def _wordlist(filename: str) -> WordList:
    path = dictionaries_dir() / filename
    if not path.is_file():
        return WordList({})
    return cached(filename, [path], lambda: WordList.from_tsv(path))


def _build_english(extra: Path) -> WordList:
    base = load_bundled_english()
    if not extra.is_file():
        return base
    more = WordList.from_tsv(extra)
    counts = dict(base.counts)
    forms: dict[str, str] = {}
    for w, c in more.counts.items():
        if w not in counts:
            counts[w] = c
            if w in more.forms:
                forms[w] = more.forms[w]
    return WordList(counts, forms)


def load_english() -> WordList:
    """symspellpy's English list (82,765 words, Google Books counts) plus the SCOWL words
    it lacks ("labor", "offense"; count 1), cached."""
    extra = dictionaries_dir() / ENGLISH_EXTRA_FILE
    sources = [_symspell_file("frequency_dictionary_en_82_765.txt"), extra]
    return cached("english", sources, lambda: _build_english(extra))


def load_legal() -> WordList:
    """Legal terms, Latin, abbreviations, reporters and courts (count 1 = present)."""
    return _wordlist(LEGAL_FILE)


def load_proper_names() -> WordList:
    """English words that are only ever written with a capital ("andrew", "vienna"), cached."""
    return _wordlist(PROPER_NAMES_FILE)


def load_terms_of_art() -> frozenset[str]:
    """The single words of the hand-curated legal vocabulary (``legal.tsv`` rows of kind
    "curated"), lower-cased, 4+ letters: words of the law ("realty", "mandamus") that no
    OCR confusion made (not the reporters' and journals' abbreviations); cached."""
    path = dictionaries_dir() / LEGAL_FILE
    if not path.is_file():
        return frozenset()

    def build() -> frozenset[str]:
        out: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2] == "curated":
                word = parts[0].lower()
                if len(word) >= 4 and word.isalpha():
                    out.add(word)
        return frozenset(out)

    return cached("terms-of-art", [path], build)


def load_census_names() -> WordList:
    """US Census surnames and given names no English list knows ("baek"), cached."""
    return _wordlist(CENSUS_NAMES_FILE)


def load_corpus_words() -> WordList:
    """Words mined from real opinions; the count is the number of opinions using it."""
    return _wordlist(CORPUS_WORDS_FILE)


def _read_bigram_lines(path: Path, sep: str | None) -> Iterator[tuple[tuple[str, str], int]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split(sep) if sep else line.split()
            if sep:
                words = parts[0].split(" ")
                rest = parts[1:]
            else:
                words, rest = parts[:2], parts[2:]
            try:
                if len(words) != 2 or not rest:
                    raise ValueError
                count = int(rest[0])
            except ValueError:
                raise ValueError(f"{path}:{n}: expected 'word word count', got {line!r}") from None
            yield (words[0], words[1]), count


def load_bigrams() -> BigramCounts:
    """symspellpy's English bigram counts (243,342 pairs, Google Books), cached."""
    path = _symspell_file("frequency_bigramdictionary_en_243_342.txt")
    return cached("bigrams", [path], lambda: BigramCounts.build(_read_bigram_lines(path, None)))


def load_corpus_bigrams() -> BigramCounts:
    """Word pairs mined from real opinions (``w1 w2<TAB>count``), cached."""
    path = dictionaries_dir() / CORPUS_BIGRAMS_FILE
    if not path.is_file():
        return BigramCounts.build([])
    return cached(
        "corpus_bigrams", [path], lambda: BigramCounts.build(_read_bigram_lines(path, "\t"))
    )


def load_case_names() -> CaseNameIndex:
    """Known case names with citations (mined with eyecite + famous cases), cached."""
    path = dictionaries_dir() / CASE_NAMES_FILE
    if not path.is_file():
        return CaseNameIndex.build([])
    return cached("case_names", [path], lambda: CaseNameIndex.from_tsv(path))
