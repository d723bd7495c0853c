"""Facts about the words of one document, for passes that want document evidence.

A pass that hesitates ("is 'Telegram' a word?") may accept a word the document writes
elsewhere. :class:`DocWords` answers such questions with one lower-cased copy of the text and
memoized look-ups, so the cost is paid only by documents that ask.

>>> d = DocWords("The Star-Telegram reported. Later the telegram came.")
>>> d.has("Telegram"), d.has("star-telegram"), d.has("tele")
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property


class DocWords:
    """Does the document write a word (or a hyphenated compound) somewhere? Memoized."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, bool] = {}

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    def has(self, word: str) -> bool:
        w = word.lower()
        hit = self._seen.get(w)
        if hit is None:
            hit = _contains_word(self.lower, w)
            self._seen[w] = hit
        return hit


def _contains_word(haystack: str, w: str) -> bool:
    """Is ``w`` in ``haystack`` as a whole word (not inside a longer one)?"""
    if not w:
        return False
    i = haystack.find(w)
    while i != -1:
        j = i + len(w)
        if (i == 0 or not haystack[i - 1].isalpha()) and (
            j >= len(haystack) or not haystack[j].isalpha()
        ):
            return True
        i = haystack.find(w, i + 1)
    return False


class WordCursor:
    """Word look-around in one text, with word evidence from dictionaries and the document.

    Shared by passes that inspect characters and ask about the words around them.

    >>> c = WordCursor("the Star-Tele gram", lambda w: w.lower() in {"telegram", "the"})
    >>> c.word_before(13), c.word_after(14), c.known("Telegram"), c.known("Gazette")
    ('Tele', 'gram', True, False)
    """

    def __init__(
        self, text: str, is_known: Callable[[str], bool], doc: DocWords | None = None
    ) -> None:
        self.text = text
        self.n = len(text)
        self.is_known = is_known
        self.doc = doc if doc is not None else DocWords(text)

    def known(self, word: str) -> bool:
        """Is ``word`` in a dictionary, or written elsewhere in the document?"""
        return bool(word) and (self.is_known(word) or self.doc.has(word))

    def word_before(self, i: int) -> str:
        """The run of letters that ends at ``i``."""
        j = i
        while j > 0 and self.text[j - 1].isalpha():
            j -= 1
        return self.text[j:i]

    def word_after(self, i: int) -> str:
        """The run of letters that starts at ``i``."""
        j = i
        while j < self.n and self.text[j].isalpha():
            j += 1
        return self.text[i:j]
