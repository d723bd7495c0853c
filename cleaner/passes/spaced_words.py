"""Words split by a space: 'the j udgment' -> 'the judgment', 'includ ing' -> 'including'.

OCR splits a word where the print spaced its letters or a speck broke a letter: a piece
that is no word ("udgment", "includ", "nited") stands beside another piece with which it
makes a word. The space is removed when

* at least one piece of two or more letters is no known word (two words, "a lot", "in
  to", "for ever", are left as printed: the split may be real);
* a piece of one letter joins only a piece that is no word ("j udgment"; never "s and");
* a piece that is one of the commonest words ("on", "the", "in") joins nothing;
* the joined word is a common English word (frequency >= 100,000) or a word the document
  itself uses, and the piece that is a word joins only into a commoner word (>= 1,000,000)
  or a word of the document;
* the pieces are plain runs of letters, the second in lower case, with only spaces,
  punctuation or brackets around them (no hyphen, digit, apostrophe or period glued), and
  the piece can join only one neighbour.

>>> from cleaner import clean
>>> clean("fully authorize the j udgment and includ ing the fees", passes=("spaced_words",)).text
'fully authorize the judgment and including the fees'
>>> clean("a lot of the plaintiff s and in to the house", passes=("spaced_words",)).changes
()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import regex

from cleaner.lexicon.tokens import letter_counts, runs_positions, unknown_runs
from cleaner.passes.base import Pass, PassContext
from cleaner.protect import protected_spans
from cleaner.types import Edit

#: A run of letters right before a position, with exactly one space between (after a
#: hyphen only where that is a dash, "-Insp ector", not a compound's, "Police-con stable").
#: (Searched backwards, ``(?r)``: the one match there can be ends at the position, and is
#: found at the first try instead of after a try at every position of the window before it.)
_LEFT = regex.compile(r"(?r)(?<![\p{L}\p{N}'’.\u00ad*]|[\p{L}\p{N}.]-)(\p{L}+) \Z")
#: A run of letters right after a position, with exactly one space between.
_RIGHT = regex.compile(r" (\p{Ll}+)(?![\p{L}\p{N}'’\-\u00ad*]|\.\p{L})")
#: The joined word's English frequency: at least this much ...
MIN_JOINED = 100_000
#: ... and this much when the other piece is a word of its own.
MIN_JOINED_WITH_WORD = 1_000_000
#: A piece that is a word at least this frequent never joins a fragment ("on ly" beside
#: "witnesses", "the ses- sions": the fragment belongs elsewhere).
MAX_OTHER = 200_000_000
#: One-letter pieces that are words ("a", "I", "o").
LETTER_WORDS = frozenset("aAIoO")


class SpacedWords(Pass):
    """Words split by a space: 'the j udgment' -> 'the judgment'."""

    name = "spaced_words"
    description = "Words split by a space: 'the j udgment' -> 'the judgment'."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        known = self.resources.known
        counts = letter_counts(text, ctx)
        unknown = unknown_runs(counts, known)
        pieces = [
            k
            for k in unknown
            if len(k) >= 2 and (k.islower() or (k[:1].isupper() and k[1:].islower()))
        ]
        if not pieces:
            return []
        edits: dict[int, Edit] = {}
        for piece, starts in runs_positions(text, pieces, counts).items():
            for start in starts:
                edit = self._join(text, start, start + len(piece), counts)
                if edit is not None:
                    edits.setdefault(edit.start, edit)
        if not edits:
            return []
        spans = protected_spans(text, ctx)
        return [
            edits[k]
            for k in sorted(edits)
            if not spans.overlaps(edits[k].start - 1, edits[k].end + 1)
        ]

    def _join(self, text: str, start: int, end: int, counts: Mapping[str, int]) -> Edit | None:
        """The join of the piece at ``start:end`` with its one joinable neighbour, if any."""
        piece = text[start:end]
        options: list[tuple[int, str, bool]] = []
        left = _LEFT.search(text, max(0, start - 40), start)
        if left is not None and (piece.islower()):
            other = left.group(1)
            if other.islower() or (other[:1].isupper() and other[1:].islower()):
                ok = self._fits(other, other + piece, counts)
                if ok is not None:
                    options.append((start - 1, other + piece, ok))
        right = _RIGHT.match(text, end, min(len(text), end + 40))
        if right is not None:
            other = right.group(1)
            ok = self._fits(other, piece + other, counts)
            if ok is not None:
                options.append((end, piece + other, ok))
        if len(options) != 1:
            return None  # none, or both neighbours: the split is not clear
        at, joined, both_pieces = options[0]
        return Edit(
            at,
            at + 1,
            "",
            f"word split by a space: {joined!r}",
            0.9 if both_pieces else 0.85,
        )

    def _fits(self, other: str, joined: str, counts: Mapping[str, int]) -> bool | None:
        """Does ``joined`` make a word with the neighbour ``other``? (True when ``other``
        is no word either; None when it does not join.)"""
        low = other.lower()
        other_known = low in self.resources.known or other in LETTER_WORDS
        if len(other) == 1 and other not in LETTER_WORDS:
            other_known = False  # "j udgment": a letter of the word
        elif len(other) == 1:
            return None  # "a", "I": words of their own
        english_counts = self.resources.english.counts
        if english_counts.get(low, 0) >= MAX_OTHER:
            return None  # "on ly", "the ses": the commonest words stand on their own
        english = english_counts.get(joined.lower(), 0)
        in_doc = counts.get(joined, 0) + counts.get(joined.lower(), 0) >= 1
        floor = MIN_JOINED_WITH_WORD if other_known else MIN_JOINED
        if english < floor and not in_doc:
            return None
        return not other_known
