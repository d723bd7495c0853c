"""A word list with frequencies: membership and frequency lookups, case-insensitive."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources as importlib_resources


@dataclass(frozen=True)
class WordList:
    """Lower-cased words with corpus frequencies.

    >>> w = WordList({"court": 10})
    >>> "Court" in w, w.frequency("COURT"), w.frequency("piold")
    (True, 10, 0)
    """

    counts: Mapping[str, int]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.counts

    def frequency(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def __len__(self) -> int:
        return len(self.counts)

    @classmethod
    def from_lines(cls, lines: Iterable[str], source: str = "<words>") -> WordList:
        """Parse ``word<space>count`` lines; a malformed line raises ValueError with path:line."""
        counts: dict[str, int] = {}
        for n, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) == 1:
                counts[parts[0].lower()] = counts.get(parts[0].lower(), 0) + 1
                continue
            try:
                count = int(parts[-1])
            except ValueError:
                raise ValueError(f"{source}:{n}: expected 'word count', got {line!r}") from None
            word = " ".join(parts[:-1]).lower()
            counts[word] = counts.get(word, 0) + count
        return cls(counts)


def load_bundled_english() -> WordList:
    """symspellpy's bundled English frequency list (82,765 words)."""
    ref = importlib_resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    with ref.open(encoding="utf-8") as f:
        return WordList.from_lines(f, source=str(ref))
