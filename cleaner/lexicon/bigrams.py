"""Counts of word pairs in a compact, read-only mapping (for real-word errors).

Pairs are stored as two sorted machine-integer arrays (pair key, count) over a word-id
table, so 250,000 pairs take ~4 MB and load from the cache in milliseconds; a lookup is
two dict hits and one C-level binary search.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class BigramCounts(Mapping[tuple[str, str], int]):
    """Lower-cased word pairs -> counts.

    >>> b = BigramCounts.build([(("does", "not"), 50), (("in", "that"), 9)])
    >>> b["does", "not"], b.get(("does", "hot"), 0), b.count("In", "That"), len(b)
    (50, 0, 9, 2)
    """

    words: tuple[str, ...]
    ids: Mapping[str, int]
    pair_keys: array[int]
    pair_counts: array[int]

    @classmethod
    def build(cls, pairs: Iterable[tuple[tuple[str, str], int]]) -> BigramCounts:
        """From ``((w1, w2), count)`` pairs (lower-cased here; repeated pairs are summed).

        Built with flat arrays and interned words, so that building from 250,000 pairs
        stays far under the memory a dict of tuples would take.
        """
        seen: dict[str, str] = {}
        firsts: list[str] = []
        seconds: list[str] = []
        counts: array[int] = array("q")
        for (a, b), c in pairs:
            a, b = a.lower(), b.lower()
            firsts.append(seen.setdefault(a, a))
            seconds.append(seen.setdefault(b, b))
            counts.append(c)
        words = tuple(sorted(seen))
        ids = {w: i for i, w in enumerate(words)}
        n = max(len(words), 1)
        keys = array("q", (ids[a] * n + ids[b] for a, b in zip(firsts, seconds, strict=True)))
        del firsts, seconds, seen
        out_keys: array[int] = array("q")
        out_counts: array[int] = array("q")
        for i in sorted(range(len(keys)), key=keys.__getitem__):
            if out_keys and out_keys[-1] == keys[i]:
                out_counts[-1] += counts[i]
            else:
                out_keys.append(keys[i])
                out_counts.append(counts[i])
        return cls(words, ids, out_keys, out_counts)

    def _key(self, a: str, b: str) -> int | None:
        ia = self.ids.get(a)
        ib = self.ids.get(b)
        if ia is None or ib is None:
            return None
        return ia * max(len(self.words), 1) + ib

    def count(self, a: str, b: str) -> int:
        """The count of the pair ``a b`` (any case; 0 when unseen)."""
        key = self._key(a.lower(), b.lower())
        if key is None:
            return 0
        i = bisect.bisect_left(self.pair_keys, key)
        return self.pair_counts[i] if i < len(self.pair_keys) and self.pair_keys[i] == key else 0

    def __getitem__(self, pair: tuple[str, str]) -> int:
        c = self.count(*pair)
        if c == 0:
            raise KeyError(pair)
        return c

    def __contains__(self, pair: object) -> bool:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            return False
        a, b = pair
        return isinstance(a, str) and isinstance(b, str) and self.count(a, b) > 0

    def __len__(self) -> int:
        return len(self.pair_keys)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        n = max(len(self.words), 1)
        for k in self.pair_keys:
            yield self.words[k // n], self.words[k % n]
