"""How a paragraph's quotation marks pair up: which quotation is open, which ’ closes it.

Shared by two passes that must read a paragraph the same way: the quotes pass turns the
one ’ that can close a “ quotation into ” ("the plaintiff’ in harm’s way" -> "the
plaintiff” in"), and the punctuation pass must not delete that ’ as a stray apostrophe,
nor any apostrophe in a quotation whose close is uncertain. Because both decide from the
same reading, cleaning the output again changes nothing.

A straight double quote counts as an opening or closing mark by its neighbours, whether
or not the quotes pass will make it curly, so the reading is the same before and after.

>>> text = "when “the state placed the plaintiff’ in harm’s way that a duty attaches"
>>> q = read_line(text, 0, len(text))
>>> [text[p : p + len(m)] for p, m in q.closers], q.unresolved
(['’'], ())
>>> text = "“the plaintiffs’ claim and the officers’ acts"
>>> read_line(text, 0, len(text)).unresolved
((0, 45),)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: The quotation marks of a line. A ’ before a letter is an apostrophe ("harm’s", "’tis").
QUOTE_MARK = regex.compile(r"’’|‘[ ]?‘|[“”‘\"']|’(?!\p{L})")

#: What may follow a closing quotation mark.
CLOSE_AFTER = frozenset(" \t)]}.,;:!?—–-…")


def _word_char(ch: str) -> bool:
    return ch.isalnum()


def double_side(text: str, p: int, start: int, end: int) -> str:
    """The curly form of the straight double quote at ``p``: "“", "”", or "" if unsure."""
    before = text[p - 1] if p > start else " "
    after = text[p + 1] if p + 1 < end else " "
    if before.isdigit():
        return ""  # inches: 10"
    if before.isspace() or before in "([{—–“‘":
        return "“" if after.isalnum() or after in "[‘'" else ""
    if (after.isspace() or after in ")]}.,;:!?—–”’") and (
        before.isalnum() or before in ".,;:!?)]’'…"
    ):
        return "”"
    if before in ".,;:!?" and after.isalpha():
        return "”"  # 'of harm ."Id.': a close glued to the next sentence
    return ""


@dataclass(frozen=True, slots=True)
class LineQuotes:
    """What the quotation marks of one line say.

    ``closers``: (position, mark) of each ’ or ’’ that is the one mark able to close an
    open “ quotation. ``unresolved``: spans where a “ is open and nothing certain closes
    it (an apostrophe there may be its close).
    """

    closers: tuple[tuple[int, str], ...]
    unresolved: tuple[tuple[int, int], ...]


def line_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text, start, end)]


def read_line(
    text: str, start: int, end: int, marks: list[tuple[int, str]] | None = None
) -> LineQuotes:
    """Pair the quotation marks of ``text[start:end]`` (one paragraph)."""
    if marks is None:
        marks = line_marks(text, start, end)
    closers: list[tuple[int, str]] = []
    unresolved: list[tuple[int, int]] = []
    open_at = -1  # position of an open “
    single_open = False
    outer_single = False  # a ‘ opened before the “: a ’ may close it instead ("‘the “Id’")
    candidates: list[tuple[int, str]] = []

    def settle(until: int) -> None:
        if len(candidates) == 1:
            closers.append(candidates[0])
        else:
            unresolved.append((open_at, until))

    for p, raw in marks:
        if raw == '"':
            mark = double_side(text, p, start, end)
        elif len(raw) > 1 and raw[0] == "‘":
            mark = "“"  # two opening singles: "‘‘judgments”", "‘ ‘judgments”"
        else:
            mark = raw
        before = text[p - 1] if p > start else " "
        after = text[p + len(raw)] if p + len(raw) < end else " "
        if mark == "“":
            if open_at >= 0:
                settle(p)
            open_at, single_open, candidates = p, False, []
        elif mark == "”":
            open_at, single_open, candidates = -1, False, []
        elif open_at < 0:
            if mark == "‘" or (mark == "'" and not _word_char(before) and _word_char(after)):
                outer_single = True
            elif mark in ("’", "'") and not _word_char(after):
                outer_single = False
            continue
        elif mark == "’’":
            if not single_open:
                candidates.append((p, mark))
        elif mark == "‘" or (mark == "'" and not _word_char(before)):
            single_open = True
        elif mark in ("’", "'"):
            if _word_char(after):
                continue  # an apostrophe inside a word
            if single_open:
                single_open = False  # closes an inner ‘quotation’
                continue
            if outer_single:
                outer_single = False  # may close the ‘quotation’ around the “ one
                continue
            if mark == "’" and _word_char(before) and after in CLOSE_AFTER:
                candidates.append((p, mark))
    if open_at >= 0:
        settle(end)
    return LineQuotes(tuple(closers), tuple(unresolved))


__all__ = ["CLOSE_AFTER", "QUOTE_MARK", "LineQuotes", "double_side", "line_marks", "read_line"]
