"""Quotes and dashes: mismatched closing quotes, missing closes, straight vs curly, dash spacing.

Each paragraph (line) is read as a sequence of quotation marks:

- a quotation opened with “ and closed with ’’ or a lone ’ gets its closing ”
  ("interest.’’ Id" -> "interest.” Id"; "the plaintiff’ in harm’s way" -> "the plaintiff”
  in harm’s way"), only when that ’ is the one mark that can close it: not an apostrophe
  inside a word ("harm’s"), not after a plural ("plaintiffs’": then it is a suggestion),
  and no ” closes the quotation later in the paragraph;
- a quotation opened right after "(" and never closed gets its ” before the ")" when the
  parenthesis holds nothing else ("(“Smith II)" -> "(“Smith II”)");
- straight quotes are made curly in a document that uses curly ones (``curly_quotes``:
  'auto' = only when the document is predominantly curly; 'always'; 'never'), where the
  side is certain from the neighbours ("court's" -> "court’s", '("CCHD”)' -> '(“CCHD”)');
- an em dash spaced on one side only follows the document's dominant style
  ("2003— then" -> "2003 — then" in a document that writes " — ").

Quotes inside citations and code-like tokens (URLs, ``a="b"``), feet and inches (5' 10")
are never touched.

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("quotes",))
>>> c.clean("by any “government interest.’’ Id. at 849.").text
'by any “government interest.” Id. at 849.'
>>> c.clean("when “the state placed the plaintiff’ in harm’s way that a duty attaches").text
'when “the state placed the plaintiff” in harm’s way that a duty attaches'
>>> c.clean("the “plaintiffs’ version” and ‘harm’s way’ stay").changes
()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from cleaner.passes.base import Pass, PassContext
from cleaner.protect import protected_spans
from cleaner.quotemarks import double_side, line_marks, read_line
from cleaner.types import Edit

#: What makes a token look like code or a URL: its quotes are not prose.
CODE_LIKE = regex.compile(r"[=<>{}\\_]|://|\w/\w")
#: Em dashes with their spacing: the dash and one character either side.
DASH = regex.compile(r"(?<=(.))—(?=(.))")
#: A hyphen read for the dash that opens a sentence or a heading's run-in text: glued to a
#: capitalized word, after a sentence's end or a quotation's close and a space, or at a
#: line's start after such a line or a heading's ("her property. -The prosecutrix",
#: "ROBBERY.\n-James Pincher", "aggravating. -Stephen's adm'r.", "Wednesday\n-The
#: convict", "-A lad named", "-T. J. George"); at a line's start also before a space
#: ("evidence.\n- We have": the space stays). A hyphen glued on both sides ("Ark.-Reps",
#: "H.S.H.-K.") or after a lower-case word on its line is left alone.
SENTENCE_DASH = regex.compile(
    r"-(?<=(?:[.!?,:;\"”)][ ]|(?:\A|[.!?,\"”)\p{L}])[ \t]*\n(?:[ \t]*\n)*|\A)-)"
    r"(?:(?=\p{Lu}\p{L}|[AI][ ]\p{Ll}|\p{Lu}\.[ ]?\p{Lu}\.)"
    r"|(?<=(?:\A|\n)[ \t]*-)(?=[ ]\p{Lu}\p{L}))"
)
#: Apostrophes inside words, curly and straight ("court’s", "court's").
#: (Only the shapes of contractions and possessives: specks between words, which the
#: punctuation pass removes, must not sway the count.)
INNER_CURLY = regex.compile(r"(?<=\p{L}{2})’(?i:s|t|d|ll|re|ve|m)(?!\p{L})")
INNER_STRAIGHT = regex.compile(r"(?<=\p{L}{2})'(?i:s|t|d|ll|re|ve|m)(?!\p{L})")
#: A straight apostrophe that belongs inside a word: a contraction or possessive ending, or
#: after a one-letter prefix ("o'clock", "O'Brien", "d'Arcy"). Matched from two characters
#: before the apostrophe.
INNER_APOSTROPHE = regex.compile(
    r"(?:\p{L}{2}'(?i:s|t|d|ll|re|ve|m|r)(?!\p{L})|(?<!\p{L})[oOdD]'(?:\p{Lu}|clock))"
)
#: An opening single quotation mark before a word.
OPEN_SINGLE = regex.compile(r"‘|(?<![\w'’])'(?=\p{L})")
#: A closing straight single quote after a word: "'go home' now".
CLOSE_SINGLE = regex.compile(r"(?<=[\p{L}.,!?])'(?![\p{L}\d])")
#: A year cut short by an apostrophe: "’90s", "the class of ’04" (not "'00'04-").
YEAR_ELISION = regex.compile(r"\d{2}s?(?![\w'’-])")
#: A word of four letters or more just before a position ("plaintiffs", not "as").
WORD_BEFORE = regex.compile(r"(?<!\p{L})\p{L}{4,}\Z")
#: Elisions that start with an apostrophe ("’tis", "’em").
ELISIONS: frozenset[str] = frozenset(["tis", "twas", "em", "til", "cause", "n", "round"])


def _lines_with_marks(
    text: str, triggers: tuple[str, ...]
) -> Iterator[tuple[int, int, list[tuple[int, str]]]]:
    """(line start, line end, quotation marks of the line) for each line, in order, that
    holds one of ``triggers`` (found with ``str.find``; the other lines are not read).

    A trigger is a mark itself (“, ", ') or lies in one (‘‘, ‘ ‘): a line with a trigger
    has a mark of that kind, and marks never span a line break.
    """
    found: set[tuple[int, int]] = set()
    size = len(text)
    for trigger in triggers:
        i = text.find(trigger)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            nl = text.find("\n", i)
            end = size if nl < 0 else nl
            found.add((start, end))
            i = text.find(trigger, end)
    for start, end in sorted(found):
        yield start, end, line_marks(text, start, end)


def _open_double(text: str, start: int, pos: int) -> bool:
    """Is a “ open at ``pos`` (opened after ``start`` and not closed)?"""
    o = text.rfind("“", start, pos)
    return o >= 0 and text.rfind("”", start, pos) < o


def _in_hyphen_list(text: str, pos: int) -> bool:
    """Is the line starting at ``pos`` an item of a list that a colon introduces: do the
    lines above it start with a hyphen too, up to a line that ends with ":"? (A run of
    paragraphs that each open with a dash follows a sentence, not a colon.)"""
    start = pos
    while start > 0:
        before = text.rfind("\n", 0, start - 1) + 1
        line = text[before : start - 1].strip()
        if not line.startswith("-"):
            return line.endswith(":")
        start = before
    return False


def _code_like(text: str, pos: int) -> bool:
    """Is the whitespace-delimited token at ``pos`` code-like (``a="b"``, a URL)?"""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return CODE_LIKE.search(text, start, end) is not None


class Quotes(Pass):
    """Quotes and dashes: mismatched closing quotes, dash spacing, straight vs curly."""

    name = "quotes"
    description = "Quotes and dashes: mismatched closing quotes, dash spacing, straight vs curly."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        edits: list[Edit] = []
        curly = self._curly_on(text)
        # only lines with an opening “, or straight quotes to make curly, need reading
        triggers = ("“", "‘‘", "‘ ‘") + ('"',) * curly[0] + ("'",) * curly[1]
        for start, end, marks in _lines_with_marks(text, triggers):
            edits.extend(self._line_edits(text, start, end, marks, curly))
        edits.extend(self._dash_edits(text))
        if not edits:
            return []
        protected = protected_spans(text, ctx)  # only now: most texts have no candidate
        edits.sort(key=lambda e: (e.start, e.end))
        out: list[Edit] = []
        for e in edits:
            if out and (e.start < out[-1].end or (e.start, e.end) == (out[-1].start, out[-1].end)):
                continue
            if protected.overlaps(e.start, max(e.end, e.start + 1)):
                continue
            if _code_like(text, e.start):
                continue
            out.append(e)
        return out

    # -- curly or straight --------------------------------------------------------------
    def _curly_on(self, text: str) -> tuple[bool, bool]:
        """Make straight (double, single) quotes curly? Decided separately for each."""
        mode = self.config.curly_quotes
        if mode == "never":
            return False, False
        if mode == "always":
            return True, True
        # opening marks only: closes are what this pass repairs (’’ and ’ become ”); ‘‘
        # counts as the “ it becomes. A straight quote opens or closes: hence 2 x.
        curly = 2 * (text.count("“") + text.count("‘‘") + text.count("‘ ‘"))
        straight = text.count('"')
        curly_apos = len(INNER_CURLY.findall(text))
        straight_apos = len(INNER_STRAIGHT.findall(text))
        return (
            curly >= 4 and curly >= 3 * straight,
            curly_apos >= 4 and curly_apos >= 3 * straight_apos,
        )

    # -- one paragraph ------------------------------------------------------------------
    def _line_edits(
        self,
        text: str,
        start: int,
        end: int,
        marks: list[tuple[int, str]],
        curly: tuple[bool, bool],
    ) -> Iterator[Edit]:
        for p, mark in marks:
            if (
                len(mark) > 1
                and mark[0] == "‘"
                and text[p + len(mark) : p + len(mark) + 1].isalpha()
            ):
                yield Edit(p, p + len(mark), "“", "two single quotes opening a quotation", 0.9)
        if curly[0] or curly[1]:
            yield from self._straight(text, start, end, marks, curly)
        yield from self._closers(text, start, end, marks)
        # straight double quotes read by their side, as they will be (a second run agrees)
        sided = [(p, double_side(text, p, start, end) if m == '"' else m) for p, m in marks]
        yield from self._missing_close(text, start, end, sided)

    def _closers(
        self, text: str, start: int, end: int, marks: list[tuple[int, str]]
    ) -> Iterator[Edit]:
        """“ closed by ’’ or by a lone ’ (see the module and :mod:`cleaner.quotemarks`)."""
        for p, mark in read_line(text, start, end, marks).closers:
            if mark == "’’":
                yield Edit(p, p + 2, "”", "quotation opened with “ closed with ’’", 0.95)
            else:
                conf = 0.7 if text[p - 1 : p] in ("s", "S") else 0.9
                yield Edit(p, p + 1, "”", "quotation opened with “ closed with ’", conf)

    def _missing_close(
        self, text: str, start: int, end: int, marks: list[tuple[int, str]]
    ) -> Iterator[Edit]:
        """ "(“Smith II)" -> "(“Smith II”)": the only open quotation, inside a parenthesis."""
        opens = [p for p, m in marks if m == "“"]
        for p in opens:
            if p == start or text[p - 1] != "(":
                continue
            close_paren = text.find(")", p, end)
            if close_paren < 0 or close_paren - p > 60:
                continue
            inner = text[p + 1 : close_paren]
            if not inner or any(ch in inner for ch in "“”\"’‘'()[]"):
                continue
            later = [m for q, m in marks if q > close_paren]
            if later and later[0] in ("”", "’’", "’", '"'):
                continue  # the next mark may close it: not unambiguous
            if not inner[-1].isalnum() or len(inner.split()) > 4:
                continue
            yield Edit(
                close_paren, close_paren, "”", "quotation in a parenthesis never closed", 0.85
            )

    def _straight(
        self,
        text: str,
        start: int,
        end: int,
        marks: list[tuple[int, str]],
        curly: tuple[bool, bool],
    ) -> Iterator[Edit]:
        """Straight quotes made curly where the side is certain."""
        pending_open = False  # a straight 'opening quote made ‘, waiting for its close
        pending_double = False  # a straight "opening quote made “ by this pass, still open
        for p, mark in marks:
            if not ((mark == '"' and curly[0]) or (mark == "'" and curly[1])):
                continue
            before = text[p - 1] if p > start else " "
            after = text[p + 1] if p + 1 < end else " "
            if before.isdigit():
                continue  # feet and inches: 5' 10"
            if mark == '"':
                side = double_side(text, p, start, end)
                if side and after.isalpha() and before in ".,;:!?":
                    if pending_double or _open_double(text, start, p):
                        # 'of harm ."Id.': the close of an open “, glued to the next sentence
                        pending_double = False
                        yield Edit(p, p + 1, "” ", "straight closing quote glued to a word", 0.85)
                elif side:
                    pending_double = side == "“"
                    yield Edit(p, p + 1, side, "straight quote in a curly document", 0.9)
                continue
            if before.isalpha() and after.isalpha():
                # "court's", "don't", "o'clock", "adm'r"; not junk inside a word ("full'admission")
                if INNER_APOSTROPHE.match(text, max(p - 2, start), end) or INNER_APOSTROPHE.match(
                    text, max(p - 1, start), end
                ):
                    yield Edit(p, p + 1, "’", "straight apostrophe in a curly document", 0.9)
            elif before.isalpha() and not after.isalnum():
                # "plaintiffs'" or the close of a 'quotation': both are ’ in curly type
                plural = before in "sS" and WORD_BEFORE.search(text, start, p) is not None
                if (plural or pending_open) and after not in "’'":
                    pending_open = False
                    yield Edit(p, p + 1, "’", "straight apostrophe in a curly document", 0.9)
            elif (before.isspace() or before in "(“—") and after.isalnum():
                word = regex.match(r"\w+", text[p + 1 : end])
                w = word.group().lower() if word else ""
                if w in ELISIONS or YEAR_ELISION.match(text, p + 1, end):
                    yield Edit(p, p + 1, "’", "straight apostrophe in a curly document", 0.85)
                elif CLOSE_SINGLE.search(text, p + 1, end):
                    pending_open = True
                    yield Edit(p, p + 1, "‘", "straight quote in a curly document", 0.85)

    # -- dashes -------------------------------------------------------------------------
    def _dash_edits(self, text: str) -> Iterator[Edit]:
        """Em dashes spaced on one side only take the document's style; a hyphen read for
        a sentence dash becomes the dash, in that style."""
        spaced = unspaced = 0
        misread = (
            [m.start() for m in SENTENCE_DASH.finditer(text)]
            if " -" in text or "\n-" in text or text.startswith("-")
            else []
        )
        one_sided: list[tuple[int, bool, bool]] = []
        for m in DASH.finditer(text):
            b, a = m.group(1), m.group(2)
            if b in "—-\n" or a in "—-\n":
                continue
            sb, sa = b == " ", a == " "
            if sb and sa:
                spaced += 1
            elif not sb and not sa:
                unspaced += 1
            else:
                one_sided.append((m.start(), sb, sa))
        styled = spaced + unspaced >= 3
        as_spaced = styled and (spaced >= 3 * max(unspaced, 1) if unspaced else spaced >= 3)
        as_unspaced = styled and (unspaced >= 3 * max(spaced, 1) if spaced else unspaced >= 3)
        for p in misread:
            reason = "hyphen read for a sentence dash"
            if p == 0 or text[p - 1] != " ":  # a line's first character
                if not _in_hyphen_list(text, p):
                    yield Edit(p, p + 1, "—", reason, 0.9)
            elif as_spaced:
                yield Edit(p, p + 1, "— ", reason, 0.9)
            elif as_unspaced:
                q = p - 1
                while q > 0 and text[q - 1] == " ":
                    q -= 1
                yield Edit(q, p + 1, "—", reason, 0.9)
            else:
                yield Edit(p, p + 1, "—", reason, 0.9)
        if not one_sided or not styled:
            return
        if as_spaced:
            for p, sb, _sa in one_sided:
                if sb:
                    yield Edit(p + 1, p + 1, " ", "dash spaced as in the document", 0.85)
                else:
                    yield Edit(p, p, " ", "dash spaced as in the document", 0.85)
        elif as_unspaced:
            for p, sb, _sa in one_sided:
                # the whole run of spaces goes ("—  ." would keep one for the next run)
                if sb:
                    q = p - 1
                    while q > 0 and text[q - 1] == " ":
                        q -= 1
                    yield Edit(q, p, "", "dash unspaced as in the document", 0.85)
                else:
                    q = p + 2
                    while q < len(text) and text[q] == " ":
                        q += 1
                    yield Edit(p + 1, q, "", "dash unspaced as in the document", 0.85)
