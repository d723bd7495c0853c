"""Glyph noise: stray specks, soft hyphens, ligatures, zero-width/control characters, NBSP.

Character-level damage that needs no reading of the words, or only a dictionary look-up
to decide between two harmless readings:

- **soft hyphens** (U+00AD) are invisible by definition: dropped inside a word
  ("au\\xadthority" -> "authority"), after a real hyphen ("check-\\xadwriting" ->
  "check-writing"); after punctuation they stand for the line break they replaced
  ("second,\\xadwhere" -> "second, where") unless the dictionary shows the punctuation was a
  speck inside one word ("limita.\\xadtion" -> "limitation"); at a line end the word is
  joined and the line break moved after it;
- **stray specks** "■", "•", "▪", "●"... alone between words, at a line's start or end, or
  glued to a word's edge are deleted; a "•" that starts an item of a real list (a
  neighbouring line starts with a bullet too) survives; "¡"/"¿" glued before a known English
  word are deleted unless the sentence closes with "!"/"?" (Spanish); a lone "£" between
  words (not before an amount) is a speck; "©"/"®" glued inside a word where "o" makes a
  common word ("t©" -> "to") are misread letters; a "~" glued to a word is a speck
  ("prin~ted" -> "printed", "he ~termed"), or a lost space between two words ("on~the");
- **ligatures** (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) are spelled out; **zero-width** characters and a U+FEFF
  inside the text (not a leading BOM) are deleted; **control characters** are deleted
  (tab, newline, the CR of CRLF and a form feed -- pdftotext's page break -- are kept; a
  lone CR in a LF document and a vertical tab become a line break; C1 characters that are
  Windows-1252 punctuation become that punctuation);
  **NBSP** and the other fixed-width spaces become a plain space;
- **lone surrogates** (invalid input bytes under ``--encoding-errors replace``) become
  U+FFFD, the report naming the byte ("invalid UTF-8 byte 0xE9 replaced"); a surrogate
  pair left in a string is joined into its character.

It never touches "§", "¶", "©" before a year, "†", "‡", "*", accented letters or a "¿"/"¡"
that is not glued to a known word (a standalone "¿" is often a misread "¼").

>>> from cleaner import Cleaner
>>> Cleaner(passes=("glyphs",)).clean("the au\\xadthority of ■the court").text
'the authority of the court'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from cleaner.docwords import DocWords, WordCursor
from cleaner.fixpoint import edits_to_fixpoint
from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit

SOFT_HYPHEN = "\u00ad"
#: invisible characters deleted outright (U+FEFF at offset 0 is a BOM and is kept)
INVISIBLE = "\u00ad\u200b\u2060\ufeff\u180e"
JOINERS = "\u200c\u200d"
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
#: C1 controls that are Windows-1252 punctuation decoded as Latin-1
CP1252 = {
    "\x85": "\u2026",
    "\x91": "\u2018",
    "\x92": "\u2019",
    "\x93": "\u201c",
    "\x94": "\u201d",
    "\x96": "\u2013",
    "\x97": "\u2014",
}
#: C0 controls but tab, newline, CR (handled apart) and form feed (pdftotext's page break)
CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
C1 = "".join(chr(c) for c in range(0x80, 0xA0))
#: specks that are never part of a word
STRONG_SPECKS = "\u25a0\u25a1\u25aa\u25ab\u25cf\u2022\u25e6\u2219"
BULLET_STARTS = STRONG_SPECKS + "-*\u2013\u2014\u2043\u25b8\u25ba\u27a2\u2713"
WEAK_SPECKS = "\u00a1\u00bf"  # ¡ ¿ (real in Spanish)
MISREAD_O = "\u00a9\u00ae"  # © ®
TILDE = "~"  # a speck glued to a word (no English word has one; a URL's "/~" is no word)

#: every character this pass looks at, in one class (one fast scan)
TRIGGER = re.compile(
    f"[{INVISIBLE}{STRONG_SPECKS}{re.escape(JOINERS)}{''.join(LIGATURES)}{SPACES}"
    f"{re.escape(CONTROLS)}\r{C1}{WEAK_SPECKS}{MISREAD_O}{TILDE}\u00a3\ud800-\udfff]"
)
#: characters handled as a run (a speck "••", a soft hyphen next to a zero-width space)
RUN_CLASSES = (frozenset(INVISIBLE), frozenset(STRONG_SPECKS), frozenset(JOINERS))
STAR_BEFORE = re.compile(r"\*\d+$")
STAR_AFTER = re.compile(r"\*\d")
WORD_CHARS = re.compile(r"[^\W\d_]+")
OPENERS = "([{\"'\u2018\u201c\u00ab"
#: "Mc\xadKenzie": prefixes of names written with a capital inside
NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz"})
#: non-blank lines looked at above and below a line-initial bullet for other list items
LIST_WINDOW = 4
#: a word must be this frequent (symspell English counts) for a weak speck to be deleted
COMMON = 1_000_000
#: ... and the word before it this frequent (clean context, not garbage around a lost letter)
COMMON_PREV = 10_000_000


def _is_hspace(c: str) -> bool:
    return c == " " or c == "\t" or c in SPACES


class GlyphNoise(Pass):
    """Glyph noise: stray specks, soft hyphens, ligatures, zero-width/control characters, NBSP.

    >>> from cleaner import Cleaner
    >>> c = Cleaner(passes=("glyphs",))
    >>> c.clean("check-\\xadwriting \\ufb01le \\u00a7\\u00a01983").text
    'check-writing file \\xa7 1983'
    >>> c.clean("delays \\u2022 amounting").text
    'delays amounting'
    """

    name = "glyphs"
    description = (
        "Glyph noise: stray specks, soft hyphens, ligatures, zero-width/control characters, NBSP."
    )

    def propose(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        if not TRIGGER.search(text):
            return
        doc = DocWords(text)

        def one_round(current: str) -> list[Edit]:
            run = _Run(current, self.resources.is_known, self.resources.frequency, doc)
            return list(run.edits())

        yield from edits_to_fixpoint(
            text, one_round, name=self.name, min_confidence=self.config.min_confidence
        )


class _Run(WordCursor):
    """The edits of one text (a helper object so the handlers share the text)."""

    def __init__(
        self,
        text: str,
        is_known: Callable[[str], bool],
        frequency: Callable[[str], int],
        doc: DocWords,
    ) -> None:
        super().__init__(text, is_known, doc)
        self.frequency = frequency
        self.has_lf = "\n" in text
        #: the document's line ending, for a vertical tab that becomes a line break
        self.newline = (
            "\r\n" if "\r\n" in text else "\n" if self.has_lf or "\r" not in text else "\r"
        )

    # -- helpers ------------------------------------------------------------------------
    def ch(self, i: int) -> str:
        """The character at ``i``, or a newline outside the text."""
        return self.text[i] if 0 <= i < self.n else "\n"

    def token_before(self, i: int) -> str:
        """The whitespace-delimited token ending at ``i``."""
        j = i
        while j > 0 and not self.text[j - 1].isspace():
            j -= 1
        return self.text[j:i]

    def hspace_end(self, i: int) -> int:
        while i < self.n and _is_hspace(self.text[i]):
            i += 1
        return i

    def hspace_start(self, i: int) -> int:
        while i > 0 and _is_hspace(self.text[i - 1]):
            i -= 1
        return i

    def at_line_start(self, i: int) -> bool:
        j = self.hspace_start(i)
        return j == 0 or self.text[j - 1] in "\n\r"

    def at_line_end(self, i: int) -> bool:
        j = self.hspace_end(i)
        return j >= self.n or self.text[j] in "\n\r"

    def line_starts_with_bullet(self, line_start: int) -> bool:
        j = self.hspace_end(line_start)
        if j >= self.n or self.text[j] not in BULLET_STARTS:
            return False
        return not STAR_AFTER.match(self.text, j)  # "*294" starts a page, not a list item

    def neighbour_line_is_bullet(self, i: int) -> bool:
        """Does one of the nearby non-blank lines start with a bullet (a real list)?

        The window (``LIST_WINDOW`` non-blank lines above and below) lets a list item wrap
        over a few lines; it is symmetric, so deleting a lone speck never changes the
        verdict on another line.
        """
        t = self.text
        seen = 0
        ls = t.rfind("\n", 0, i)
        while ls > 0 and seen < LIST_WINDOW:
            prev = t.rfind("\n", 0, ls)
            if t[prev + 1 : ls].strip():
                if self.line_starts_with_bullet(prev + 1):
                    return True
                seen += 1
            ls = prev
        seen = 0
        le = t.find("\n", i)
        while le != -1 and seen < LIST_WINDOW:
            nxt = t.find("\n", le + 1)
            end = self.n if nxt == -1 else nxt
            if t[le + 1 : end].strip():
                if self.line_starts_with_bullet(le + 1):
                    return True
                seen += 1
            le = nxt
        return False

    # -- the scan -------------------------------------------------------------------------
    def edits(self) -> Iterator[Edit]:
        last = 0
        t, n = self.text, self.n
        for m in TRIGGER.finditer(t):
            a, b = m.span()
            if a < last:
                continue
            for cls in RUN_CLASSES:
                if t[a] in cls:
                    while b < n and t[b] in cls:
                        b += 1
                    break
            for e in self.handle(a, b):
                if e.start < last:
                    continue
                last = max(e.end, last)
                yield e

    def handle(self, a: int, b: int) -> list[Edit]:
        c = self.text[a]
        if c in INVISIBLE:
            return self.invisible(a, b)
        if c in STRONG_SPECKS:
            return self.strong_speck(a, b)
        if c in JOINERS:
            return self.joiner(a, b)
        if c in LIGATURES:
            return [Edit(a, b, LIGATURES[c], f"ligature {c!r} spelled out", 0.99)]
        if c in SPACES:
            name = "no-break space" if c == "\u00a0" else f"fixed-width space U+{ord(c):04X}"
            return [Edit(a, b, " ", f"{name} -> space", 0.99)]
        if "\ud800" <= c <= "\udfff":
            return self.surrogate(a)
        if c == "\r":
            return self.carriage_return(a)
        if c in CONTROLS:
            return self.control(a)
        if c in C1:
            if c in CP1252:
                reason = f"Windows-1252 character U+{ord(c):04X} read as {CP1252[c]!r}"
                return [Edit(a, b, CP1252[c], reason, 0.9)]
            return [Edit(a, b, "", f"C1 control character U+{ord(c):04X} deleted", 0.9)]
        if c in WEAK_SPECKS:
            return self.weak_speck(a)
        if c in MISREAD_O:
            return self.misread_o(a)
        if c == "\u00a3":
            return self.pound(a)
        if c == TILDE:
            return self.tilde(a)
        return []  # pragma: no cover - the trigger only matches the classes above

    # -- handlers -------------------------------------------------------------------------
    def surrogate(self, a: int) -> list[Edit]:
        t = self.text
        c = t[a]
        if "\ud800" <= c <= "\udbff" and a + 1 < self.n and "\udc00" <= t[a + 1] <= "\udfff":
            pair = t[a : a + 2].encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            return [Edit(a, a + 2, pair, "surrogate pair joined into one character", 0.95)]
        if "\udc80" <= c <= "\udcff":
            byte = ord(c) - 0xDC00
            return [Edit(a, a + 1, "\ufffd", f"invalid UTF-8 byte 0x{byte:02X} replaced", 1.0)]
        return [Edit(a, a + 1, "\ufffd", f"lone surrogate U+{ord(c):04X} replaced", 1.0)]

    def carriage_return(self, a: int) -> list[Edit]:
        nxt = self.ch(a + 1) if a + 1 < self.n else ""
        if nxt == "\n" or not self.has_lf:
            return []  # CRLF, or a CR-only (old Mac) document: line endings are kept
        if nxt == "\r" or (a > 0 and self.text[a - 1] == "\n"):
            return [Edit(a, a + 1, "", "stray carriage return deleted", 0.9)]
        return [Edit(a, a + 1, "\n", "lone carriage return in a LF document -> newline", 0.85)]

    def control(self, a: int) -> list[Edit]:
        c = self.text[a]
        if c == "\x0b":  # a vertical tab is a manual line break (word processors)
            near_break = self.ch(a - 1) in "\n\r" or (a + 1 < self.n and self.ch(a + 1) in "\n\r")
            if a > 0 and a + 1 < self.n and not near_break:
                reason = "vertical tab -> line break"
                return [Edit(a, a + 1, self.newline, reason, 0.9)]
        return [Edit(a, a + 1, "", f"control character U+{ord(c):04X} deleted", 0.99)]

    def joiner(self, a: int, b: int) -> list[Edit]:
        # ZWJ/ZWNJ shape Arabic, Indic and emoji text: only delete them in Latin text
        p, n = self.ch(a - 1), self.ch(b)
        if (p.isascii() or p in SPACES) and (n.isascii() or n in SPACES):
            return [Edit(a, b, "", "zero-width joiner in Latin text deleted", 0.95)]
        return []

    def invisible(self, a: int, b: int) -> list[Edit]:
        t = self.text
        if a == 0 and t[0] == "\ufeff":
            a = 1  # a leading BOM is the file's, not noise
            if a == b:
                return []
        run = t[a:b]
        if SOFT_HYPHEN not in run:
            names = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in run}))
            return [Edit(a, b, "", f"zero-width character {names} deleted", 0.99)]
        return self.soft_hyphen(a, b)

    def soft_hyphen(self, a: int, b: int) -> list[Edit]:
        p, n = self.ch(a - 1), self.ch(b)
        if a == 0 or b >= self.n:
            return [Edit(a, b, "", "soft hyphen at the text's edge deleted", 0.99)]
        if p.isalpha() and (n in "\n\r" or _is_hspace(n)):
            return self.soft_hyphen_break(a, b)
        if p in "-\u2010\u2011":
            return self.soft_hyphen_after_hyphen(a, b)
        if p.isalnum() and n.isalnum():
            left = self.word_before(a)
            if (
                p.islower()
                and n.isupper()
                and len(left) >= 2
                and left not in NAME_PREFIXES
                and self.word_after(b)[1:].islower()
            ):
                # "vs\xadRogers": a lower-case word, then a capitalized one: two words
                reason = "soft hyphen between a word and a capitalized word stands for a space"
                return [Edit(a, b, " ", reason, 0.85)]
            return [Edit(a, b, "", "soft hyphen inside a word deleted", 0.99)]
        if p in ".,;:" and n.isalnum():
            left, right = self.word_before(a - 1), self.word_after(b)
            joined = left + right
            if (
                p in ".,"
                and left
                and right
                and self.known(joined)
                and not self.is_known(right)
                and (len(left) <= 2 or not self.is_known(left))
            ):
                return [
                    Edit(
                        a - 1,
                        b,
                        "",
                        f"speck {p!r} and soft hyphen inside {joined!r} deleted",
                        0.85,
                    )
                ]
            return [Edit(a, b, " ", "soft hyphen after punctuation stands for a line break", 0.9)]
        return [Edit(a, b, "", "soft hyphen deleted", 0.95)]

    def soft_hyphen_after_hyphen(self, a: int, b: int) -> list[Edit]:
        """ "check-\xadwriting" keeps its hyphen; "Ap-\xadpellee" was a line-end hyphen.

        The soft hyphen marks where a line broke; the hyphen before it is dropped only when
        the dictionary (or the document) knows the joined word and one half is not a word.
        """
        left, right = self.word_before(a - 1), self.word_after(b)
        joined = left + right
        if (
            left
            and right
            and self.known(joined)
            and not (self.is_known(left) and self.is_known(right))
            and not self.doc.has(f"{left}-{right}")
        ):
            return [Edit(a - 1, b, "", f"line-end hyphen of {joined!r} dropped", 0.9)]
        return [Edit(a, b, "", "soft hyphen after a real hyphen deleted", 0.99)]

    def soft_hyphen_break(self, a: int, b: int) -> list[Edit]:
        """A soft hyphen before a space or a line break: the word was broken there."""
        t = self.text
        k = self.hspace_end(b)
        newline = ""
        if k < self.n and t[k] == "\r" and k + 1 < self.n and t[k + 1] == "\n":
            newline, k = "\r\n", k + 2
        elif k < self.n and t[k] == "\n":
            newline, k = "\n", k + 1
        if newline:
            k = self.hspace_end(k)
        left, right = self.word_before(a), self.word_after(k)
        if not right:
            return [Edit(a, b, "", "soft hyphen before a break deleted", 0.95)]
        joined = left + right
        evidenced = self.known(joined)
        if not newline:
            if evidenced and not (self.is_known(left) and self.is_known(right)):
                return [Edit(a, k, "", f"word broken at a soft hyphen rejoined: {joined!r}", 0.9)]
            return [Edit(a, b, "", "soft hyphen before a space deleted", 0.95)]
        # a line-end soft hyphen: join the word and move the line break after it
        conf = 0.95 if evidenced else 0.85
        tail = k
        while tail < self.n and not t[tail].isspace():
            tail += 1
        if TRIGGER.search(t, k, tail):
            tail = self.n  # other noise in the word: join the lines rather than overlap it
        edits = [
            Edit(a, k, "", f"word broken at a line-end soft hyphen rejoined: {joined!r}", conf)
        ]
        if tail < self.n and _is_hspace(t[tail]):
            end = self.hspace_end(tail)
            if end < self.n and t[end] in "\r\n":
                pass  # the word ends its line already: the old break merges lines, keep theirs
            else:
                edits.append(
                    Edit(tail, end, newline, "line break moved after the rejoined word", conf)
                )
        return edits

    def strong_speck(self, a: int, b: int) -> list[Edit]:
        t = self.text
        speck = t[a:b]
        p, n = self.ch(a - 1), self.ch(b)
        start, end = self.at_line_start(a), self.at_line_end(b)
        if start and end:
            return []  # a line of its own: a separator or a list marker, not a speck
        if start:
            if "\u2022" in speck and self.neighbour_line_is_bullet(a):
                return []  # an item of a real list
            if self.neighbour_line_is_bullet(a) and speck[0] in BULLET_STARTS:
                return []
            conf = 0.85 if "\u2022" in speck else 0.9
            return [
                Edit(a, self.hspace_end(b), "", f"stray {speck!r} at a line's start deleted", conf)
            ]
        if end:
            return [
                Edit(self.hspace_start(a), b, "", f"stray {speck!r} at a line's end deleted", 0.9)
            ]
        # a star-page marker next to the speck will be made a separate token: a boundary
        p_space = p.isspace() or bool(STAR_BEFORE.search(t, max(0, a - 9), a))
        n_space = n.isspace() or bool(STAR_AFTER.match(t, b))
        if p_space and n_space:
            return [Edit(a, self.hspace_end(b), "", f"stray {speck!r} between words deleted", 0.9)]
        if (p_space or p in OPENERS) and not n_space:
            return [Edit(a, b, "", f"stray {speck!r} before a word deleted", 0.9)]
        if not p_space and n_space:
            return [Edit(a, b, "", f"stray {speck!r} after a word deleted", 0.85)]
        return []  # inside a token ("a•b", dotted leaders): may be a separator

    def weak_speck(self, a: int) -> list[Edit]:
        """A "¡"/"¿" in English text: a speck before a known word, or a misread letter.

        Nothing is done in a sentence that closes Spanish-style with "!"/"?", nor when the
        evidence is ambiguous ("wa¿" could be "was", "way", "war"...).
        """
        t = self.text
        c = t[a]
        close = "!" if c == "\u00a1" else "?"
        line_end = t.find("\n", a)
        window = t[a : (a + 300 if line_end == -1 else min(line_end, a + 300))]
        if close in window:
            return []  # ¿...? / ¡...!: Spanish
        p = self.ch(a - 1)
        before, after = self.word_before(a), self.word_after(a + 1)
        if not before and p == " " and len(after) >= 2 and self.is_known(after):
            # the speck is noise in clean text only: after a common word, mid-line (a "¡" that
            # starts a line or follows garbage is usually a lost letter, "Fi ¡clay" = Friday)
            prev = self.token_before(a - 1).rstrip(",.;:")
            if not prev.isalpha() or self.frequency(prev) < COMMON_PREV:
                return []
            common = self.frequency(after) >= COMMON
            reason = f"stray {c!r} before {after!r} deleted"
            return [Edit(a, a + 1, "", reason, 0.85 if common else 0.6)]
        if len(before) + len(after) < 3 or not (before + after).islower():
            return []
        # a misread letter: exactly one letter makes a common word
        fits = [
            letter
            for letter in "abcdefghijklmnopqrstuvwxyz"
            if self.frequency(before + letter + after) >= COMMON
        ]
        if len(fits) == 1 and self.frequency(before + after) < COMMON:
            word = before + fits[0] + after
            return [Edit(a, a + 1, fits[0], f"{c!r} misread for {fits[0]!r} in {word!r}", 0.85)]
        return []

    def misread_o(self, a: int) -> list[Edit]:
        """ "t©" -> "to": a © or ® glued to lower-case letters where "o" makes a common word."""
        t = self.text
        i, j = a, a + 1
        while i > 0 and t[i - 1].isalpha():
            i -= 1
        while j < self.n and t[j].isalpha():
            j += 1
        before, after = t[i:a], t[a + 1 : j]
        if not (before + after) or not (before + after).islower():
            return []
        word = before + "o" + after
        freq = self.frequency(word)
        if freq < COMMON:
            return []
        # "o" must be twice as likely as another round letter ("th©": "tho"/"the")
        rivals = max(self.frequency(before + v + after) for v in "aceu")
        if rivals * 2 > freq:
            return []
        return [Edit(a, a + 1, "o", f"{t[a]!r} misread for 'o' in {word!r}", 0.85)]

    def tilde(self, a: int) -> list[Edit]:
        """A "~" glued to a word is a speck: "prin~ted", "he ~termed", "the~ sad" lose it;
        between two words that make no word together it stood for a space ("on~the")."""
        p, n = self.ch(a - 1), self.ch(a + 1)
        if p.isalpha() and n.isalpha():
            left, right = self.word_before(a), self.word_after(a + 1)
            if (
                not self.known(left + right)
                and len(left) >= 2
                and len(right) >= 2
                and self.is_known(left)
                and self.is_known(right)
            ):
                return [Edit(a, a + 1, " ", "'~' between two words stands for a space", 0.85)]
            return [Edit(a, a + 1, "", "'~' inside a word deleted", 0.9)]
        if (p.isalpha() and (n.isspace() or n in ".,;:!?")) or (p.isspace() and n.isalpha()):
            return [Edit(a, a + 1, "", "'~' glued to a word deleted", 0.9)]
        return []

    def pound(self, a: int) -> list[Edit]:
        """A "£" alone between words (not before an amount) is a speck."""
        p, n = self.ch(a - 1), self.ch(a + 1)
        if not (p == " " and n == " ") or self.at_line_start(a):
            return []
        k = self.hspace_end(a + 1)
        nxt = self.word_after(k)
        if not (self.ch(k) == "\u00a3" or len(nxt) >= 2):
            return []
        return [Edit(a, k, "", "stray '£' between words deleted", 0.85)]
