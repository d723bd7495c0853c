"""Misread alteration brackets: '[0]nly' -> '[O]nly', '[cjourt' -> '[c]ourt'.

Courts mark their alterations of a quotation with square brackets ("[O]nly", "the[ ]",
"assist[ed]"). OCR misreads them in three ways, each repaired only when a dictionary
confirms the word the repair produces:

* a digit for the altered letter: "[0]nly" -> "[O]nly", "[1]t" -> "[I]t";
* the closing bracket read as a letter ("j", "l", "1", "I", "|"): "[cjourt" -> "[c]ourt";
* one bracket lost: "“[Liability" -> "“[L]iability" (the altered capital),
  "“channels]”" -> "“channel[s]”", "assisted]" -> "assist[ed]" (a suffix alteration).

And a "]" that is no bracket at all: an "l" read as "]" ending a word that is no word
without it ("every materia] point" -> "every material point").

Well-formed alterations are never touched: "create[ ]", "funnel[ed]", "[a]", "[W]e",
"[sic]", "[footnote omitted]", and a bracket that closes a multi-word alteration.

>>> from cleaner import clean
>>> clean("“[0]nly the most” and “[cjourt held” and “[Liability for”", passes=("brackets",)).text
'“[O]nly the most” and “[c]ourt held” and “[L]iability for”'
>>> clean("the proper “channels]” and “assisted] him”", passes=("brackets",)).text
'the proper “channel[s]” and “assist[ed] him”'
>>> clean("create[ ] and funnel[ed] and [sic] and [W]e", passes=("brackets",)).text
'create[ ] and funnel[ed] and [sic] and [W]e'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from cleaner.passes.base import Pass, PassContext
from cleaner.protect import Spans, protected_spans
from cleaner.types import Edit

#: A digit inside alteration brackets, before the rest of a word: "[0]nly".
DIGIT_LETTER = regex.compile(r"\[([0158])\](\p{Ll}+)")
#: An opening bracket whose closing bracket was read as a letter: "[cjourt".
LOST_CLOSE_AS_LETTER = regex.compile(r"\[(\p{L})([jJlI1|])(\p{Ll}{2,})(?![\p{L}\]])")
#: An opening bracket with no closing one in its word: "[Liability".
LOST_CLOSE = regex.compile(r"\[(\p{Lu})(\p{Ll}{2,})(?![\p{L}\]\[])")
#: A word ending in a closing bracket with no opening one: "channels]".
LOST_OPEN = regex.compile(r"(?<![\p{L}\[])(\p{L}{3,})\]")
#: The letters right before a position (matched backwards): where a :data:`LOST_OPEN` match
#: ending at a given "]" can start.
_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}+")

_DIGIT_AS = {"0": "o", "1": "i", "5": "s", "8": "b"}
#: Suffixes a court supplies in brackets ("assist[ed]", "channel[s]", "hold[ing]").
SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "al", "ation", "n", "ies", "y")
#: A "]" ending a word is an "l" when the word with an "l" is at least this frequent in
#: English and the word without it is no English word ("materia]").
COMMON_WORD = 1_000_000
#: How far back a multi-word alteration may have opened.
_REACH = 200


class Brackets(Pass):
    """Misread alteration brackets: '[0]nly' -> '[O]nly', '[cjourt' -> '[c]ourt'."""

    name = "brackets"
    description = "Misread alteration brackets: '[0]nly' -> '[O]nly', '[cjourt' -> '[c]ourt'."

    def _known(self, word: str) -> bool:
        r = self.resources
        w = word.lower()
        return w in r.known

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if "[" not in text and "]" not in text:
            return []
        spans = protected_spans(text, ctx)
        edits: dict[int, Edit] = {}
        for e in self._edits(text):
            if spans.overlaps(e.start, e.end) and not _digit_only(text, e, spans):
                continue
            if all(not (e.start < o.end and o.start < e.end) for o in edits.values()):
                edits.setdefault(e.start, e)
        return sorted(edits.values(), key=lambda e: e.start)

    def _edits(self, text: str) -> Iterator[Edit]:
        for m in DIGIT_LETTER.finditer(text):
            letter = _DIGIT_AS[m.group(1)]
            if not self._known(letter + m.group(2)) or self._known(m.group(1) + m.group(2)):
                continue
            if _sentence_start(text, m.start()) or letter == "i":
                letter = letter.upper()
            yield Edit(m.start(1), m.end(1), letter, "digit read for an altered letter", 0.9)
        for m in LOST_CLOSE_AS_LETTER.finditer(text):
            head, mark, rest = m.group(1), m.group(2), m.group(3)
            if _closes_later(text, m.end()):
                continue
            if self._known(head + rest) and not self._known(head + mark + rest):
                yield Edit(m.start(2), m.end(2), "]", f"closing bracket read as {mark!r}", 0.9)
        for m in LOST_CLOSE.finditer(text):
            word = m.group(1) + m.group(2)
            if _closes_later(text, m.end()) or not self._known(word):
                continue
            if not _sentence_start(text, m.start()):
                continue  # a changed capital starts a quotation or a sentence
            yield Edit(m.end(1), m.end(1), "]", "closing bracket lost after altered capital", 0.85)
        for m in _lost_open(text):
            if _opened_before(text, m.start()):
                continue
            word = m.group(1)
            english = self.resources.english.counts
            if word.islower() and word not in english and english.get(word + "l", 0) >= COMMON_WORD:
                # no bracket at all: an "l" read as "]" ("every materia] point")
                yield Edit(m.end(1), m.end(1) + 1, "l", "'l' read as ']'", 0.85)
                continue
            if self._known(word) and not word[:1].isupper():
                fits = [
                    k
                    for k, suf in ((len(s), s) for s in SUFFIXES)
                    if len(word) - k >= 3 and word.lower().endswith(suf) and self._known(word[:-k])
                ]
            else:
                fits = []
            if not fits:
                continue
            k = min(fits)
            conf = 0.85 if len(fits) == 1 else 0.6
            at = m.end(1) - k
            yield Edit(at, at, "[", "opening bracket of a suffix alteration lost", conf)


def _lost_open(text: str) -> Iterator[regex.Match[str]]:
    """The matches of :data:`LOST_OPEN` (as ``finditer`` gives them), found from the "]"s.

    A match is a whole run of letters before a "]", so each "]" has at most one, starting
    where the letters before it start: only those places are tried (a scan of the text
    from every position is much slower).

    >>> [m.group(1) for m in _lost_open("the channels] and [ab] and x] and [sic] words]")]
    ['channels', 'words']
    """
    q = text.find("]")
    while q >= 0:
        m = _LETTERS_BEFORE.match(text, 0, q)
        if m is not None and m.end() == q:
            hit = LOST_OPEN.match(text, m.start())
            if hit is not None and hit.end() == q + 1:
                yield hit
        q = text.find("]", q + 1)


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] in "“\"‘'(":
        return True
    while j >= 0 and text[j] in " \t“\"‘'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n"


def _closes_later(text: str, end: int) -> bool:
    """Does a ']' close this bracket later on the line (a multi-word alteration)?"""
    window = text[end : end + _REACH]
    close = window.find("]")
    if close < 0:
        return False
    cut = min((window.find(c) for c in "[\n" if c in window[:close]), default=-1)
    return cut < 0


def _opened_before(text: str, start: int) -> bool:
    """Is there an unclosed '[' before ``start`` on the line (a multi-word alteration)?"""
    window = text[max(0, start - _REACH) : start]
    nl = window.rfind("\n")
    if nl >= 0:
        window = window[nl + 1 :]
    return window.rfind("[") > window.rfind("]")


def _digit_only(text: str, e: Edit, spans: Spans) -> bool:
    """Is the only protection a number span over the digit being replaced ("[0]nly")?"""
    if e.end - e.start != 1 or not text[e.start].isdigit():
        return False
    return not spans.overlaps(e.start - 1, e.start) and not spans.overlaps(e.end, e.end + 1)
