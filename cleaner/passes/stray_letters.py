"""A lone letter between words: a speck read as a letter, or the first letter of a split word.

OCR reads dirt, a broken rule or the tail of a long letter as a letter of its own: "he said
e that he", "the r prisoner". English has only two one-letter words, "a" and "I": a lone
lower-case letter between two lower-case words is no word. It is joined to the next word
when the two make a common word and the rest is none ("his o wn property" -> "his own
property", "the j udgment" -> "the judgment"); otherwise it is deleted when both neighbours
are dictionary words ("he said e that he" -> "he said that he"), unless it is a letter often a
short word misread ("m" and "n" for "in" and "a", "s" for "'s", "o" for "o'"), the tail
of the word before ("don t", "he d": elisions that lost the apostrophe; "ne t" net), what
is left of a word split off with a letter lost ("c oser" closer, "g ad" glad), or
what is left of a short word the neighbours need ("will b held": "will held" reads not,
"will be held" does), or, in a text not badly damaged, what is left of the word before it
read as the letter OCR confuses it with ("an j thing": "any thing"; measured: the opinion
corpus's one deletion of that kind was this; the three benchmarks lose nothing).

In a badly damaged text a column rule read as "I" opening a line before a capitalized word
is deleted too ("A LUNATIC.\nI On Wednesday"): the pronoun takes a lower-case word after it.

The pass runs last, when the words around the letter are as the other passes leave them
(so that a second run finds nothing new). Left alone: "a", "i" and "v" (versus); a letter
after a word that names labelled parts ("subparagraph g", "clause b", "Schedule c"), or one
the document itself uses as a label ("(c)"); letters next to digits, periods, hyphens or
apostrophes ("p. 5", "U. S. c.", "x-ray", "o'clock"); protected spans.

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("stray_letters",))
>>> c.clean("for his o wn property; he said e that the r prisoner m the dock").text
'for his own property; he said that the prisoner m the dock'
>>> c.clean("under subparagraph g of the plan; items (a) through (c) and c hereof").text
'under subparagraph g of the plan; items (a) through (c) and c hereof'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from cleaner.lexicon.spelling import CONFUSIONS
from cleaner.passes.base import Pass, PassContext
from cleaner.passes.words import damaged_prose
from cleaner.protect import protected_spans
from cleaner.types import Edit

#: A lone lower-case letter (not "a", "i", "v") between a word (a comma or semicolon may
#: follow it) and a lower-case word, all separated by single spaces.
LONE = regex.compile(r"(?<=(?<![\w'’.\-])(\p{L}+)[,;]?) ([b-hj-uw-z])(?= (\p{Ll}+)(?![\w'’\-]))")
#: The shape of :data:`LONE` (a fast stdlib prefilter).
ROUGH = re.compile(r" [b-hj-uw-z](?= [^\W\d_])")
#: Words after which a letter names a part: "subparagraph g", "Schedule c", "plan b".
LABELS = frozenset(
    """subparagraph paragraph subsection section sub clause item items schedule exhibit
    column appendix part note rule form class type grade letter plan lot lots block tract
    division subdivision article count line page map point option alternative group
    category series size vitamin hepatitis figure fig table chart unit row box""".split()  # noqa: SIM905
)
#: Letters that are often a short word misread, not a speck: "m"/"n"/"u" for "in", "a",
#: "s" for "'s" or "is", "o" for "o'" ("o clock"), "h"/"l"/"f" for "a", "I".
MISREAD_WORDS = frozenset("fhlmnosu")
#: Short words whose first letter may be all the OCR kept of them ("will b held": "be").
SHORT_WORDS = """be by to the it is in of on at as an or if so no up we he me my do go us and
for but not had has was are his her its""".split()  # noqa: SIM905
SHORT_WORDS_BY_LETTER: dict[str, tuple[str, ...]] = {
    c: tuple(w for w in SHORT_WORDS if w[0] == c) for c in {w[0] for w in SHORT_WORDS}
}
#: Words a lost apostrophe leaves before a "d" ("he d" he'd).
PRONOUNS = frozenset("i you he she it we they who that there".split())  # noqa: SIM905
#: A column rule read as "I" opening a line (or a quotation) before a capitalized word
#: ("SHOCKING MURDER BY A LUNATIC.\nI On Wednesday afternoon"): a pronoun "I" takes a
#: lower-case word after it. Only in a badly damaged text, and not before the words the
#: pronoun often opens a line with ("I Am", "I Have": this many pairs in English).
RULE_AS_I = regex.compile(r"(?m)(?:^|(?<=[\"“'‘(]))I (?=(\p{Lu}\p{Ll}+)\b)")
PRONOUN_PAIR = 100_000_000
#: A rest at least this frequent in English (Google Books count) is a word of its own, not
#: the tail of a split one: "o wn" is "own", "m any" is no "many" ("in any"); and a joined
#: word must be this frequent ("s nit" is no "snit", but maybe "suit").
COMMON_WORD = 1_000_000
#: ... and one of the commonest words ("any", "they"; not "thee"), for a letter that may be
#: what is left of the word before.
COMMONEST_WORD = 100_000_000
#: The letters OCR reads a lone letter for, cheaply (the spelling model's one-letter
#: confusions: "j" for "y").
_READ_AS: dict[str, tuple[str, ...]] = {}
for _seen, _meant, _cost in CONFUSIONS:
    if len(_seen) == len(_meant) == 1 and _cost <= 0.5 and _meant.isalpha():
        _READ_AS[_seen] = (*_READ_AS.get(_seen, ()), _meant)


class StrayLetters(Pass):
    """A lone letter between words: joined to a split word, or deleted as a speck."""

    name = "stray_letters"
    description = (
        "A lone letter between words: 'his o wn' -> 'his own', 'said e that' -> 'said that'."
    )
    #: it reads its neighbours as the passes leave them, and the settling run of
    #: punctuation may still mend one ("however, p that-there")
    settles_after = True

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if " " not in text:
            return []
        edits = self._lone_letters(text, ctx)
        if "I " in text:
            rules = list(self._rules_read_as_i(text, ctx))
            if rules:
                edits = sorted([*edits, *rules], key=lambda e: (e.start, e.end))
        return edits

    def _rules_read_as_i(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        matches = list(RULE_AS_I.finditer(text))
        if not matches:
            return
        if not damaged_prose(text, ctx, self.resources.known):
            return
        protected = protected_spans(text, ctx)
        for m in matches:
            if self.resources.bigrams.count("i", m.group(1).lower()) >= PRONOUN_PAIR:
                continue
            if not _after_a_sentence_or_heading(text, m.start()):
                continue  # "H\nI Orr": an initial of a list of names
            if not protected.overlaps(m.start(), m.end()):
                yield Edit(m.start(), m.end(), "", "column rule read as 'I' before a word", 0.85)

    def _lone_letters(self, text: str, ctx: PassContext) -> list[Edit]:
        # a stdlib scan for the shape, the full pattern only where it is
        matches = [m for h in ROUGH.finditer(text) if (m := LONE.match(text, h.start()))]
        if not matches:
            return []
        r = self.resources
        protected = protected_spans(text, ctx)
        edits: list[Edit] = []
        last = -1
        memo: list[bool] = []

        def damaged() -> bool:
            if not memo:
                memo.append(damaged_prose(text, ctx, self.resources.known))
            return memo[0]

        for m in matches:
            prev, letter, nxt = m.group(1), m.group(2), m.group(3)
            start, end = m.start(), m.end()
            if start < last or prev.lower() in LABELS or f"({letter})" in text:
                continue
            if len(prev) == 1 or len(nxt) == 1:
                continue  # a run of letters ("e t w") is garbage of another kind
            if self._tail(prev, letter):
                continue
            if protected.overlaps(start, end + 1 + len(nxt)):
                continue
            joined = letter + nxt
            if (
                len(joined) >= 3
                and r.frequency(joined) >= COMMON_WORD
                and r.frequency(nxt) < COMMON_WORD
            ):
                reason = f"a split word's first letter joined ({letter} {nxt})"
                edits.append(Edit(end, end + 1, "", reason, 0.9))
                last = end + 1
            elif (
                letter not in MISREAD_WORDS
                and r.is_known(prev)
                and r.is_known(nxt)
                and not self._short_word(prev, letter, nxt)
                and not self._lost_a_letter(prev, letter, nxt)
                and (damaged() or not self._ends_the_word_before(prev, letter))
            ):
                reason = f"a lone letter between words ({prev} {letter} {nxt})"
                edits.append(Edit(start, end, "", reason, 0.85))
                last = end
        return edits

    def _short_word(self, prev: str, letter: str, nxt: str) -> bool:
        """Is the letter what is left of a short word that fits both neighbours, which do
        not go together without it ("will b held": "be"; "an act t make": "to")? Then it is
        no speck, and stays for a reader."""
        bigrams = self.resources.bigrams
        a, b = prev.lower(), nxt.lower()
        if bigrams.count(a, b):
            return False  # "said e that": "said that" reads on
        return any(
            bigrams.count(a, w) and bigrams.count(w, b)
            for w in SHORT_WORDS_BY_LETTER.get(letter, ())
        )

    def _lost_a_letter(self, prev: str, letter: str, nxt: str) -> bool:
        """Is the letter the end of the word before or the start of the word after, split
        off with the letter in the space lost, the rest no common word ("closer and c oser":
        "closer"; "would g ad!y": "gladly")? Then deleting it loses what is left of a word. (A
        common rest says nothing: "the r prisoner" may be "their" or a speck.)

        >>> from cleaner.config import Config
        >>> from cleaner.resources import Resources
        >>> p = StrayLetters(Config(), Resources())
        >>> p._lost_a_letter("and", "c", "oser"), p._lost_a_letter("would", "g", "ad")
        (True, True)
        >>> p._lost_a_letter("said", "e", "that"), p._lost_a_letter("the", "r", "prisoner")
        (False, False)
        """
        frequency = self.resources.frequency
        head, tail = prev.lower(), nxt.lower()
        for c in "abcdefghijklmnopqrstuvwxyz":
            # the letter lost where the space is: "c(l)oser", "g(l)ad"
            if frequency(head + c + letter) >= COMMON_WORD and frequency(head) < COMMON_WORD:
                return True
            if frequency(letter + c + tail) >= COMMON_WORD and frequency(tail) < COMMON_WORD:
                return True
        return False

    def _ends_the_word_before(self, prev: str, letter: str) -> bool:
        """Does the letter, read as a letter OCR confuses it with, end the word before into
        one of the commonest words ("an j thing": "any thing")? Then it is what is left of
        that word."""
        frequency = self.resources.frequency
        low = prev.lower()
        return any(frequency(low + meant) >= COMMONEST_WORD for meant in _READ_AS.get(letter, ()))

    def _tail(self, prev: str, letter: str) -> bool:
        """Is the letter the tail of the word before: an elision that lost its apostrophe
        ("don t", "he d", "robb d") or a letter split off ("ne t" net, "ho d" hold)?"""
        low = prev.lower()
        if letter == "t" and low.endswith("n"):
            return True
        if letter == "d" and (low in PRONOUNS or self.resources.is_known(low + "ed")):
            return True
        return self.resources.is_known(low + letter)


def _after_a_sentence_or_heading(text: str, start: int) -> bool:
    """Does the line before ``start`` end a sentence or a heading in capitals (or is there
    none, or does a quotation open at ``start``)?"""
    if start > 0 and text[start - 1] != "\n":
        return True  # after an opening quotation mark
    end = max(start - 1, 0)
    line = text[text.rfind("\n", 0, end) + 1 : end].rstrip()
    if not line:
        return True
    if line[-1] in SENTENCE_ENDS:
        return True
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


#: What ends a sentence or a heading's line.
SENTENCE_ENDS = frozenset(".!?:;\"”’')")

__all__ = ["StrayLetters"]
