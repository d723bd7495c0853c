"""Symbols misread for other symbols: '§200' -> '$200', '{Dig., ch. 5)' -> '(Dig., ch. 5)'.

Three confusions of old print, each repaired only where its shape and context leave no
doubt:

* "§" read for "$" before an amount of money. "§" glued to a number is also how many
  opinions cite a section ("Code, §390", "42 U.S.C. §1983"), so an amount needs evidence:
  a number with thousands separators ("§1,055": sections have none), a money word before
  it ("the sum of §200", "exceeds §200", "judgment for §407.11"), or the same figure
  already read as money in the document ("instead of §824.40" after "the sum of
  §824.40"). Never after a statute's name ("Code, §390", "Ann. §19-1603", "Stat.").
* "{" read for "(": an opening brace closed by a parenthesis on the same line
  ("{Edwards on Referees, 3.)", "7 Iowa {Clark), 136"). Law reports print no braces.
* "&" read as "dy", "Sf", "Sp", "Sr", "4*" between two names: "4 Harris dy McHenry" ->
  "4 Harris & McHenry", "Ang. Sp Ames" -> "Ang. & Ames", "Hall 4* Childress",
  "Garland <fe Randolph".
* "I" or "l" read for the day "1" of a date: "July I, 1924" -> "July 1, 1924".
* "I" or "l" read for a "1" of an ordinal number ("the Ist of June", "on the lst inst.",
  "the l9th", "2Ist"), where the suffix is the number's own ("1st", "19th", "21st"; "lth"
  and "Ith" stay): no English word has that shape.
* "}" read for "y" at the end of a word, often with a stray mark after it ("validit}'",
  "Monda}r", "the}!", "ma}"), when the word with "y" is a known word and no "{" opened
  before it on its line.
* "l." (pounds, librae) read as "1." after a sum: "a reward of 21." -> "2l.", "351. 6s." ->
  "35l. 6s.", where money words stand before it or shillings, pence or "per annum" follow.
* the figures of shillings or pence read as letters, beside a sum or after a money word:
  "2s. Gd." -> "2s. 6d.", "fined lOs." -> "10s." ("Id." cites and stays).
* U+FFFD glued to an amount ("the value of \ufffd100"): a currency sign the text's
  encoding lost, the "£" of English print ("$" is ASCII and survives), where a money word
  stands before it or the text writes sterling elsewhere.

>>> from cleaner import clean
>>> clean("in the sum of §1,055, after judgment for §407.11; Code, §390", passes=("symbols",)).text
'in the sum of $1,055, after judgment for $407.11; Code, §390'
>>> clean("in a court of law. {Edwards on Referees, 3.) the}' were", passes=("symbols",)).text
'in a court of law. (Edwards on Referees, 3.) they were'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from cleaner.lexicon.reporters import citation_spans
from cleaner.passes.base import Pass, PassContext
from cleaner.protect import Spans
from cleaner.types import Edit

#: "§" glued to a number (not "§§"): the number, and old-style cents after a space
#: ("§19,960 76").
SECTION_NUMBER = regex.compile(
    r"(?<!§)§(?=\d)(\d{1,3}(?:,\d{3})+|\d+)(\.\d\d(?![\d.\-]))?(?![\d\-–.]\d)"
)
#: A figure with thousands separators: never a section number.
THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3})+")
#: Words right before an amount of money (lower-case, the last one or two words).
MONEY_WORDS = frozenset(
    [
        "sum of",
        "amount of",
        "total of",
        "fine of",
        "fee of",
        "fees of",
        "price of",
        "value of",
        "balance of",
        "damages of",
        "bond of",
        "bail of",
        "rent of",
        "salary of",
        "wages of",
        "loan of",
        "judgment for",
        "judgment of",
        "verdict for",
        "verdict of",
        "note for",
        "check for",
        "amounting to",
        "amounts to",
        "amounted to",
        "paid",
        "pay",
        "pays",
        "paying",
        "owed",
        "owes",
        "owing",
        "exceeds",
        "exceeded",
        "exceeding",
        "exceed",
        "worth",
        "cost",
        "costs",
        "recover",
        "recovered",
        "less than",
        "more than",
    ]
)
#: The words before the "§", lower-cased: up to two, on the same line.
_WORDS_BEFORE = regex.compile(r"(?:(\p{L}+)[ \t]+)?(\p{L}+)[ \t]*\Z")
#: A statute's name just before the "§": "Code, §", "Ann. §", "U.S.C. §", "Stat. §".
STATUTE_BEFORE = regex.compile(
    r"(?i:code|codes|stat|stats|ann|u\.\s?s\.\s?c|c\.\s?f\.\s?r|rev|comp|laws|act|acts|"
    r"title|tit|sec|secs|section|sections|ch|chap|art|rule|rules|const)\W{0,3}\Z"
)
#: U+FFFD (a character the text's encoding lost) glued to an amount: "value of \ufffd100".
LOST_SIGN = regex.compile(r"\ufffd(?=\d)")
#: Words right before a sterling amount in the news of the day ("fined", "stealing",
#: "about", "won"), beside :data:`MONEY_WORDS`.
POUND_WORDS = frozenset(
    {"fined", "valued", "value", "about", "stealing", "stole", "won", "lose", "lost", "borrow"}
    | {"borrowed", "obtaining", "obtain", "containing", "received", "reward", "bail", "sum"}
)
#: Sterling written in figures or words elsewhere in the text: "5s.", "6d.", "10l.", "guineas".
STERLING = regex.compile(
    r"\b\d+[ ]?[sd]\.|\b\d+l\.|\b(?:guineas?|shillings?|pence|penny|sovereigns?|pounds?)\b"
)
#: A sum in pounds whose "l." (librae) was read "1.": "a reward of 21.", "4,0001. in money".
POUNDS_AS_ONE = regex.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*1|\d+1)(?=\.)")
#: What follows a sum in pounds: shillings or pence ("351. 6s."), "per annum", "in money".
AFTER_POUNDS = regex.compile(
    r"\.,?[ \t]+(?:\d+[sd]\.|[\dlIOoG]{1,3}[sd]\.|per[ \t]+ann|a[ \t]+(?:year|week|month)\b"
    r"|in[ \t]+(?:money|gold|silver|cash|notes)\b|each\b|damages\b|costs\b)"
)
#: Words right before a sum in pounds, beside :data:`MONEY_WORDS` and :data:`POUND_WORDS`.
BEFORE_POUNDS = frozenset(
    {"exceeding", "nearly", "upwards", "reward of", "legacy of", "payment of", "sum of"}
    | {"penalty of", "fine of", "value of", "amount of", "sureties", "sureties in", "for"}
    | {"himself in", "herself in", "surety in", "surety of", "sureties of", "recognisances in"}
    | {"over", "in all", "worth over", "of over", "upwards of"}
)
#: Shillings or pence whose figures were read as letters: "lOs." (10s.), "Gd." (6d.),
#: "Is." (1s.). Only beside a sum written right or after a money word.
STERLING_MISREAD = regex.compile(r"(?<![\w.'’])([lIOoG0-9]*[lIOoG][lIOoG0-9]*)([sd])\.(?![\w'’])")
DIGIT_FOR: dict[str, str] = {"l": "1", "I": "1", "O": "0", "o": "0", "G": "6"}
_FIGURE_SHAPES = frozenset("lIOoG0123456789")
#: A sum written right, just before or after: "2s. Gd.", "lOs. 6d.", "10l. lOs.".
SUM_BEFORE = regex.compile(r"(?<![\w.'’])(?:\d+[lsd1]|[\dlIOoG]+[sd])\.,?[ \t]+\Z")
SUM_AFTER = regex.compile(r"[ \t]+\d+[sd]\.")
#: Thousands groups and a fourth figure "1" after the last: "4,0001." is "4,000l." (a
#: group of four figures is no way to write a number).
GROUPED_AND_ONE = regex.compile(r"\d{1,3}(?:,\d{3})+1")
#: A year ("1871."): no sum.
YEAR = regex.compile(r"1[5-9]\d\d")
#: Words before a number that is no sum: a date, an age, an hour, a page or an item.
NOT_POUNDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "age", "aged", "to", "no", "nos", "p", "pp"}
    | {"page", "at", "chapter", "section", "vol", "year", "years", "in", "on", "till"}
)
#: "I"/"l" for the day "1" between a month and a year: "July I, 1924".
DAY_ONE = regex.compile(
    r"(?<=\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.) )[Il](?=,? \d{4}\b)"
)
#: "{" before a ")" on the same line with no brace in between.
BRACE_FOR_PAREN = regex.compile(r"\{(?=[^{}()\n]{1,200}\))")
#: A word ending in "}" (with a stray mark after it): "validit}'", "Monda}r", "ma}"; the
#: word is group 1. (The "}" comes first, the word is read backwards from it: the engine
#: finds the rare "}" with a fast literal search instead of trying every position.)
BRACE_FOR_Y = regex.compile(r"\}(?<=(?<![\w}])(\p{L}+)\})(?:['’!]{1,2}|r)?(?![\w}])")


#: "&" between two names ("Harris & McHenry", "Angell & Ames", "Hall & Childress") as
#: old print's OCR reads it: "dy", "Sf", "Sp", "Sr", "Sc", "4*", "<fe". Only between two
#: capitalized words (or abbreviations: "Ang. Sp Ames"), with single spaces.
AMPERSAND = regex.compile(
    r"(?<=\b\p{Lu}[\p{L}']*\.?[ ])(?<!\b(?:Mr|Mrs|Ms|Dr|St|Hon|Gen|Col|Capt|Rev)\.?[ ])"
    r"(dy|Sf|Sp|Sr|Sc|Sz|4\*|4>|<fe|<f|<\$\*)(?=[ ]\p{Lu}[\p{L}.])"
)

#: What every match of :data:`DAY_ONE` and of :data:`AMPERSAND` holds, as stdlib patterns
#: that find it many times as fast (a digit or capital as ASCII, or any other character:
#: a superset of ``\d`` and ``\p{Lu}`` in any Unicode version): a text without it is not
#: searched with the pattern, which tries its look-behind at every position.
_HAS_DAY_ONE = re.compile(r" [Il],? (?:[0-9]|[^\x00-\x7f]){4}")
_HAS_AMPERSAND = re.compile(r" (?:dy|S[fprcz]|4[*>]|<fe?|<\$\*) (?:[A-Z]|[^\x00-\x7f])")


def _words_before(text: str, at: int) -> tuple[str, str, str]:
    """The text before ``at`` on its line (40 characters at most), and its last word and
    last two words, lower-cased ("" when there are none)."""
    line_start = text.rfind("\n", max(0, at - 40), at) + 1
    before = text[max(line_start, at - 40) : at]
    w = _WORDS_BEFORE.search(before)
    if w is None:
        return before, "", ""
    last = w.group(2).lower()
    return before, last, f"{(w.group(1) or '').lower()} {last}"


#: An ordinal number with an "I" or "l" among its figures: "Ist", "lst", "l9th", "2Ist".
ORDINAL_MISREAD = re.compile(r"(?<![\w'’-])([0-9Il]*[Il][0-9Il]*)(st|nd|rd|th)(?![\w'’-])")
#: :data:`ORDINAL_MISREAD` without its look-behind and its "I or l" (both checked per match,
#: :func:`_ordinal_misreads`): a pattern that opens with a character class, which the engine
#: skips to with a fast scan instead of trying the look-behind at every position (4x as fast).
_ORDINAL_SHAPE = re.compile(r"([0-9Il][0-9Il]*)(st|nd|rd|th)(?![\w'’-])")
#: A character :data:`ORDINAL_MISREAD`'s look-behind rejects.
_WORDISH = re.compile(r"[\w'’-]")


def _ordinal_misreads(text: str) -> Iterator[re.Match[str]]:
    """``ORDINAL_MISREAD.finditer(text)``: the matches of :data:`_ORDINAL_SHAPE` that stand
    after no word character and hold an "I" or "l". (The same matches: every character of
    one is a word character, so none runs into a place the look-behind accepts.)

    >>> [m.group() for m in _ordinal_misreads("the Ist, 2Ist, x1st, 21st and l9th")]
    ['Ist', '2Ist', 'l9th']
    """
    for m in _ORDINAL_SHAPE.finditer(text):
        start = m.start()
        if start and _WORDISH.match(text, start - 1):
            continue
        figures = m.group(1)
        if "I" in figures or "l" in figures:
            yield m


def _ordinal_suffix(n: int) -> str:
    """The suffix of the ordinal ``n``: 1st, 2nd, 3rd, 4th, 11th, 21st.

    >>> [_ordinal_suffix(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 111)]
    ['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'th']
    """
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class Symbols(Pass):
    """Symbols misread for other symbols: '§200' -> '$200', '{' -> '(' (see the module)."""

    name = "symbols"
    #: again at the end: a money word a later pass repairs ("vPalue \ufffd1" -> "value")
    settles_after = True
    description = "Symbols misread for other symbols: '§200' -> '$200', '{Dig.)' -> '(Dig.)'."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        edits: list[Edit] = []
        if "§" in text:
            edits.extend(self._money(text))
        if _HAS_DAY_ONE.search(text):
            edits.extend(
                Edit(m.start(), m.end(), "1", "the day '1' of a date read as a letter", 0.9)
                for m in DAY_ONE.finditer(text)
            )
        if _HAS_AMPERSAND.search(text):
            edits.extend(
                Edit(
                    m.start(1), m.end(1), "&", f"'&' read as {m.group(1)!r} between two names", 0.85
                )
                for m in AMPERSAND.finditer(text)
            )
        parens: set[int] = set()
        for m in _ordinal_misreads(text):
            digits = m.group(1).replace("I", "1").replace("l", "1")
            if _ordinal_suffix(int(digits)) == m.group(2):
                reason = f"the figure '1' of an ordinal read as a letter: {m.group()!r}"
                edits.append(Edit(m.start(1), m.end(1), digits, reason, 0.9))
        if "{" in text:
            for m in BRACE_FOR_PAREN.finditer(text):
                parens.add(m.start())
                edits.append(Edit(m.start(), m.end(), "(", "'{' read for '(' (closed by ')')", 0.9))
        if "}" in text:
            edits.extend(self._brace_y(text, parens))
        if "\ufffd" in text:
            edits.extend(self._lost_pound(text))
        if "s." in text or "d." in text:
            edits.extend(self._sterling_misread(text))
        if "1." in text:
            pounds = list(self._pounds_as_one(text))
            if pounds:  # (the citations only then: a citation's page is no sum)
                found = ctx.state.get("citations.spans")  # the citation pass's, if of this text
                cites = (
                    found[1]
                    if isinstance(found, tuple) and found[0] == text
                    else citation_spans(text)
                )
                spans = Spans.merge(list(cites))
                edits.extend(e for e in pounds if not spans.overlaps(e.start - 1, e.end))
        edits.sort(key=lambda e: (e.start, e.end))
        return edits

    def _money(self, text: str) -> Iterable[Edit]:
        money: set[str] = set()
        pending: list[tuple[int, str]] = []
        for m in SECTION_NUMBER.finditer(text):
            at = m.start()
            before, last, two = _words_before(text, at)
            if STATUTE_BEFORE.search(before):
                continue
            figure = m.group(1) + (m.group(2) or "")
            cue = last in MONEY_WORDS or two in MONEY_WORDS
            if cue or THOUSANDS.fullmatch(m.group(1)):
                money.add(figure)
                yield Edit(at, at + 1, "$", "'§' read for '$' before an amount of money", 0.9)
            else:
                pending.append((at, figure))
        for at, figure in pending:
            if figure in money:
                yield Edit(
                    at, at + 1, "$", "'§' read for '$': the document's amount elsewhere", 0.85
                )

    def _lost_pound(self, text: str) -> Iterable[Edit]:
        """U+FFFD before an amount: a currency sign the encoding lost, and no "$" (ASCII
        survives any decoding): the "£" of English print. Only with evidence: a money word
        before it ("value of", "fined", "stealing"), sterling elsewhere in the text ("5s.",
        "guineas"), or the same loss before two amounts; never after a statute's name (a
        lost "§"). BLN600: 116 of 127 such are "£" in the gold (the rest no sign at all)."""
        found = list(LOST_SIGN.finditer(text))
        document = len(found) >= 2 or STERLING.search(text) is not None
        for m in found:
            at = m.start()
            before, last, two = _words_before(text, at)
            if STATUTE_BEFORE.search(before):
                continue
            cue = last in MONEY_WORDS or two in MONEY_WORDS or last in POUND_WORDS
            if cue or document:
                yield Edit(
                    at, at + 1, "£", "a currency sign the encoding lost, before an amount", 0.85
                )

    @staticmethod
    def _sterling_shapes(text: str) -> Iterable[regex.Match[str]]:
        """The matches of :data:`STERLING_MISREAD`, found from their "s." or "d." (a
        ``str.find`` per needle; the pattern is tried only where the letters before it can
        be figures), in order."""
        starts: set[int] = set()
        for needle in ("s.", "d."):
            i = text.find(needle)
            while i >= 0:
                j = i
                while j > 0 and i - j < 8 and text[j - 1] in _FIGURE_SHAPES:
                    j -= 1
                if j < i:
                    starts.add(j)
                i = text.find(needle, i + 2)
        for start in sorted(starts):
            m = STERLING_MISREAD.match(text, start)
            if m is not None:
                yield m

    def _sterling_misread(self, text: str) -> Iterable[Edit]:
        """Shillings or pence whose figures OCR read as letters ("2s. Gd." -> "2s. 6d.",
        "fined lOs." -> "10s."), beside a sum written right or after a money word."""
        for m in self._sterling_shapes(text):
            if m.group() == "Id.":
                continue  # "Id." (idem) cites the authority before
            figures = "".join(DIGIT_FOR.get(c, c) for c in m.group(1))
            if len(figures) > 1 and figures[0] == "0":
                continue
            before, last, _ = _words_before(text, m.start())
            cue = (
                SUM_BEFORE.search(before) is not None
                or SUM_AFTER.match(text, m.end()) is not None
                or last in MONEY_WORDS
                or last in POUND_WORDS
            )
            if cue:
                yield Edit(
                    m.start(1),
                    m.end(1),
                    figures,
                    f"figures of a sum read as letters ({m.group()!r})",
                    0.85,
                )

    def _pounds_as_one(self, text: str) -> Iterable[Edit]:
        """A sum in pounds printed "21." (l. for librae) and read "21.": the "1" before the
        period is the "l" where the words before it ask for money ("a reward of", "upwards
        of") or shillings, pence or "per annum" follow; never a year, a date, an age, an
        hour or a page. BLN600: the gold has "l" for 124 of 127 such, ICDAR 2017 for 4 of 7."""
        i = text.find("1.")
        while i >= 0:
            start = i
            while start > 0 and (text[start - 1].isdigit() or text[start - 1] == ","):
                start -= 1
            m = POUNDS_AS_ONE.match(text, start, i + 2)
            end = i + 1
            i = text.find("1.", i + 2)
            if m is None or m.end() != end:
                continue
            figure = m.group(1)
            if YEAR.fullmatch(figure):
                continue
            at = m.end() - 1
            _, last, two = _words_before(text, m.start())
            if last in NOT_POUNDS and two not in BEFORE_POUNDS:
                continue
            cue = (
                GROUPED_AND_ONE.fullmatch(figure) is not None
                or last in MONEY_WORDS
                or two in MONEY_WORDS
                or last in POUND_WORDS
                or last in BEFORE_POUNDS
                or two in BEFORE_POUNDS
                or AFTER_POUNDS.match(text, m.end()) is not None
            )
            if cue:
                yield Edit(at, at + 1, "l", "'l.' (pounds) read as '1.' after a sum", 0.85)

    def _brace_y(self, text: str, parens: set[int]) -> Iterable[Edit]:
        """'}' for 'y'; ``parens``: the "{" that are read for "(" (they open no brace)."""
        r = self.resources
        for m in BRACE_FOR_Y.finditer(text):
            start = m.start(1)
            line_start = text.rfind("\n", 0, start) + 1
            opened = text.find("{", line_start, start)
            while opened in parens:
                opened = text.find("{", opened + 1, start)
            if opened >= 0:
                continue  # it closes a brace: "{a, b}"
            word = m.group(1) + "y"
            if word.lower() in r.known:
                yield Edit(m.end(1), m.end(), "y", "'}' read for 'y' at a word's end", 0.9)


__all__ = ["Symbols"]
