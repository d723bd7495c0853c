"""A word list with frequencies: membership and frequency lookups, case-insensitive."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path


@dataclass(frozen=True)
class WordList:
    """Lower-cased words with corpus frequencies.

    ``forms`` maps a lower-cased word to its usual written form when that is not plain
    lower case (``"deshaney" -> "DeShaney"``, ``"s.ct." -> "S.Ct."``).

    >>> w = WordList({"court": 10})
    >>> "Court" in w, w.frequency("COURT"), w.frequency("qxzvw")
    (True, 10, 0)
    """

    counts: Mapping[str, int]
    forms: Mapping[str, str] = field(default_factory=dict)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.counts

    def frequency(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def form(self, word: str) -> str | None:
        """The usual written form of ``word`` (None when unknown)."""
        low = word.lower()
        if low not in self.counts:
            return None
        return self.forms.get(low, low)

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

    @classmethod
    def from_tsv(cls, path: Path) -> WordList:
        """Parse a built list: ``word<TAB>count[<TAB>note...]`` lines, ``#`` comments.

        The word keeps its written form (recorded in ``forms`` when not lower case); a
        malformed line raises ValueError naming ``path:line``.
        """
        counts: dict[str, int] = {}
        forms: dict[str, str] = {}
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                try:
                    if len(parts) < 2 or not parts[0]:
                        raise ValueError
                    count = int(parts[1])
                except ValueError:
                    raise ValueError(
                        f"{path}:{n}: expected 'word<TAB>count[<TAB>note]', got {line!r}"
                    ) from None
                word = parts[0]
                low = word.lower()
                if low not in counts or count > counts[low]:
                    if word != low:
                        forms[low] = word
                    elif low in forms and count > counts.get(low, 0):
                        del forms[low]
                counts[low] = max(counts.get(low, 0), count)
        return cls(counts, forms)


def load_bundled_english() -> WordList:
    """symspellpy's bundled English frequency list (82,765 words)."""
    ref = importlib_resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    with ref.open(encoding="utf-8") as f:
        return WordList.from_lines(f, source=str(ref))
