"""Star-page markers (*1127): detected, recorded, never glued to a word or number.

Case-law text from the Caselaw Access Project marks where a page of the printed reporter
begins with ``*`` and the page number, glued to the first word of the new page
("*998Edelman" at a line's start, "the *958respondent"), or even inside a word broken
across the page ("sentenc*936ing", "DeSha-*1127ney"), or before a number
("*934278 (1992)": page 934, then "278"). This pass finds them, reports each with
``ctx.report_marker`` and makes it a separate token:

- glued before a word: a space is inserted ("*1131Wojcik" -> "*1131 Wojcik");
- glued inside a word: the word is rejoined and the marker moved to the NEXT word boundary
  (the next whitespace after the word and its trailing punctuation:
  "re*1130quires" -> "requires *1130", "assess*454ment." -> "assessment. *454"). The next
  boundary is chosen because the word began on the earlier page and the marker must
  precede the first whole word of the new page, and because a token (word plus its
  punctuation) is never cut;
- a hyphen before a marker inside a word is a line-end hyphen (dropped) when the joined word
  is evidenced (dictionary, or written whole elsewhere in the document), or when neither half
  is a word ("DeSha-*1127ney" -> "DeShaney *1127"); it is kept when both halves are words
  ("double-*946enhancement" -> "double-enhancement *946");
- digits glued after the page number are split off only when the page sequence proves it:
  the previous marker + 1 (or the next marker - 1 for the first marker of a document) is a
  prefix and the whole digit run would be an implausible page jump
  ("*1128112 S.Ct." -> "*1128 112 S.Ct.");
- a marker between the two halves of a word ("Star-Tele *933 gram") is moved after the
  rejoined word when the dictionary or the document knows the joined word and one half is
  not a word.

With ``Config.page_markers == "strip"`` the markers are removed (words rejoined the same
way) and still reported. Westlaw/Lexis pin cites ("No. 07-CV-1681 at *10", "at *3") are not
page markers: a star after "at" that is not glued to a word and does not continue the page
sequence is left alone. The page labels seen are stored in ``ctx.state["star_pages.labels"]``.

>>> from cleaner import Cleaner
>>> Cleaner(passes=("star_pages",)).clean("the *932Defendant re*933quires it").text
'the *932 Defendant requires *933 it'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from cleaner.docwords import WordCursor
from cleaner.fixpoint import edits_to_fixpoint
from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit

#: a star followed by digits, not inside a run of stars or after a digit ("2*3")
CANDIDATE = regex.compile(r"(?<![\d*])\*(\d{1,8})")
#: "at *10", "at p. *3", "2005 WL 123456, *3", "LEXIS 45, at *2"
PIN_CONTEXT = regex.compile(
    r"(?:\bat\s+(?:p\.\s*)?|\b(?:WL|LEXIS|Lexis)\s+\d+\s*,\s*(?:at\s+)?)$", regex.IGNORECASE
)
MAX_LABEL_DIGITS = 5
#: a page jump larger than this between two markers of one document is not believed
MAX_JUMP = 100
HYPHENS = "-\u2010\u2011"
CLOSERS = ".,;:)]}!?\u2019\u201d-\u2013\u2014"
OPENERS = "([{\u201c\u2018\"'"


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int  # the star
    end: int  # end of the page label digits
    label: str
    confidence: float
    split: bool  # digits after the label belong to a number glued to it


def _glued_right(c: str) -> bool:
    """Is a marker followed by ``c`` glued to the next token (not a space, not a closer)?

    "<" (an HTML tag: ``>*650</span>``) is a boundary too.
    """
    return not c.isspace() and c not in CLOSERS and c != "<"


class StarPages(Pass):
    """Star-page markers (*1127): detected, recorded, never glued to a word or number.

    >>> from cleaner import Cleaner
    >>> Cleaner(passes=("star_pages",)).clean("DeSha-*1127ney v. Winnebago").text
    'DeShaney *1127 v. Winnebago'
    >>> Cleaner(passes=("star_pages",), page_markers="strip").clean("*998Edelman, for").text
    'Edelman, for'
    >>> Cleaner(passes=("star_pages",)).clean("No. 07-CV-1681 at *10 (D. Nev.)").text
    'No. 07-CV-1681 at *10 (D. Nev.)'
    """

    name = "star_pages"
    description = "Star-page markers (*1127): detected, recorded, never glued to a word or number."

    def propose(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        if "*" not in text:
            return
        markers = _find_markers(text)
        if not markers:
            return
        ctx.state["star_pages.labels"] = tuple(m.label for m in markers)
        for m in markers:
            ctx.report_marker(m.label, m.start, m.end)
        yield from edits_to_fixpoint(
            text, self._round, name=self.name, min_confidence=self.config.min_confidence
        )

    def _round(self, text: str) -> list[Edit]:
        strip = self.config.page_markers == "strip"
        fixer = _Fixer(text, self.resources.is_known, strip)
        return list(fixer.edits(_find_markers(text)))


def _find_markers(text: str) -> list[_Marker]:
    """The page markers of ``text`` in order, with labels from the page sequence."""
    cands = [(m.start(), m.end(), m.group(1)) for m in CANDIDATE.finditer(text)]
    n = len(text)
    out: list[_Marker] = []
    prev: int | None = None
    for k, (s, e, digits) in enumerate(cands):
        left = text[s - 1] if s > 0 else "\n"
        right = text[e] if e < n else "\n"
        if right == "*":
            continue  # "*12*1": a run of stars and digits, not a page marker
        glued_right = _glued_right(right)
        at_line_start = left == "\n" or text[text.rfind("\n", 0, s) + 1 : s].strip() == ""
        # the expected label: previous marker + 1, or (first marker) next candidate - 1
        expected: int | None = None
        if prev is not None:
            expected = prev + 1
        else:
            for _s2, _e2, d2 in cands[k + 1 : k + 4]:
                if len(d2) <= MAX_LABEL_DIGITS and d2[0] != "0":
                    expected = int(d2) - 1
                    break
        label, split, conf = digits, False, 0.95
        if expected is not None and expected > 0:
            exp = str(expected)
            whole_jump = int(digits) - (prev if prev is not None else expected)
            if (
                len(digits) > len(exp)
                and digits.startswith(exp)
                and digits[len(exp)] != "0"
                and (abs(whole_jump) > MAX_JUMP or len(digits) > MAX_LABEL_DIGITS)
            ):
                label, split = exp, True
                conf = 0.9 if prev is not None else 0.85
        if len(label) > MAX_LABEL_DIGITS or label[0] == "0":
            continue
        in_sequence = prev is not None and int(label) in (prev, prev + 1)
        before = text[max(0, s - 40) : s]
        pin = PIN_CONTEXT.search(before) and not (glued_right and right.isalpha())
        if pin and not split and not in_sequence:
            continue  # a Westlaw/Lexis pin cite ("at *10"), not a page of this reporter
        alone = len(cands) < 2
        if alone and len(label) < 3 and not at_line_start:
            continue  # one short star in a document ("do *1ti") is no evidence of pagination
        if not (glued_right or split or at_line_start or in_sequence):
            # a "*933" between words: a marker when the document has other candidates, or
            # when it has a page number's size and a word follows ("about *500." is money)
            nxt = text[e + 1] if e + 1 < n else ""
            if alone and not (right == " " and nxt.isalpha()):
                continue
            conf = 0.85
        end = s + 1 + len(label)
        out.append(_Marker(s, end, label, conf, split))
        prev = int(label)
    return out


class _Fixer(WordCursor):
    """Turns markers into edits (keep: separate tokens; strip: removed)."""

    def __init__(self, text: str, is_known: Callable[[str], bool], strip: bool) -> None:
        super().__init__(text, is_known)
        self.strip = strip

    def token_end(self, i: int) -> int:
        while i < self.n and not self.text[i].isspace():
            i += 1
        return i

    def edits(self, markers: list[_Marker]) -> Iterator[Edit]:
        last = 0
        starts = {m.start for m in markers}
        for m in markers:
            if m.start < last:
                continue  # swallowed by the previous marker's moved word
            for e in self.one(m, starts):
                if e.start < last:
                    break
                last = max(last, e.end)
                yield e

    def one(self, m: _Marker, starts: set[int]) -> list[Edit]:
        t, n = self.text, self.n
        s, e = m.start, m.end
        star = t[s:e]
        left = t[s - 1] if s > 0 else "\n"
        right = t[e] if e < n else "\n"
        glued_left = not left.isspace() and left != ">"
        glued_right = _glued_right(right)
        if (left.isalnum() or left in HYPHENS or left in OPENERS) and (glued_right or m.split):
            return self.inside_word(m, starts)
        joined = self.join_halves(m)
        if joined:
            return joined
        conf = m.confidence
        if self.strip:
            if glued_left and glued_right:
                return [Edit(s, e, " ", f"page marker {star} removed", conf)]
            if glued_left or glued_right:
                return [Edit(s, e, "", f"page marker {star} removed", conf)]
            if e < n and t[e] in " \t":
                return [Edit(s, e + 1, "", f"page marker {star} removed", conf)]
            if s > 0 and t[s - 1] in " \t":
                return [Edit(s - 1, e, "", f"page marker {star} removed", conf)]
            return [Edit(s, e, "", f"page marker {star} removed", conf)]
        edits: list[Edit] = []
        if glued_left:
            edits.append(
                Edit(s, s, " ", f"page marker {star} separated from the token before", conf)
            )
        if glued_right or m.split:
            why = "number split from" if m.split else "separated from"
            edits.append(Edit(e, e, " ", f"page marker {star} {why} the next token", conf))
        return edits

    def inside_word(self, m: _Marker, starts: set[int]) -> list[Edit]:
        """ "re*1130quires" -> "requires *1130"; "DeSha-*1127ney" -> "DeShaney *1127"."""
        t = self.text
        s, e = m.start, m.end
        star = t[s:e]
        w = self.token_end(e)
        inner = [i for i in starts if e <= i < w]
        if inner:
            w = min(inner)  # another marker in the same token: stop before it
        if "*" in t[e:w]:
            return []  # stars glued together ("*1*12"): not a word to rebuild
        edits: list[Edit] = []
        left = t[s - 1]
        if left in HYPHENS and s >= 2 and t[s - 2].isalpha() and e < self.n and t[e].isalpha():
            before, after = self.word_before(s - 1), self.word_after(e)
            joined = before + after
            hyphenated = f"{before}-{after}".lower()
            if self.known(joined) and not (self.is_known(before) and self.is_known(after)):
                edits.append(Edit(s - 1, s, "", f"line-end hyphen of {joined!r} dropped", 0.9))
            elif self.doc.has(hyphenated):
                pass  # the document writes it with a hyphen elsewhere
            elif not self.is_known(before) and not self.is_known(after):
                edits.append(Edit(s - 1, s, "", f"line-end hyphen of {joined!r} dropped", 0.8))
        tail = t[e:w]
        if self.strip:
            edits.append(Edit(s, e, "", f"page marker {star} removed from inside a word", 0.95))
            return edits
        edits.append(
            Edit(s, w, tail + " " + star, f"page marker {star} moved after the word it split", 0.95)
        )
        return edits

    def join_halves(self, m: _Marker) -> list[Edit]:
        """ "Star-Tele *933 gram" -> "Star-Telegram *933" when the joined word is evidenced."""
        t, n = self.text, self.n
        s, e = m.start, m.end
        star = t[s:e]
        if s > 0 and t[s - 1].isalpha():
            a = s
        elif s > 1 and t[s - 1] == " " and t[s - 2].isalpha():
            a = s - 1
        else:
            return []
        if e < n and t[e].isalpha():
            b = e
        elif e + 1 < n and t[e] == " " and t[e + 1].isalpha():
            b = e + 1
        else:
            return []
        before, after = self.word_before(a), self.word_after(b)
        joined = before + after
        if not self.known(joined) or (self.is_known(before) and self.is_known(after)):
            return []
        w = self.token_end(b)
        tail = t[b:w]
        after_text = tail if self.strip else tail + " " + star
        return [
            Edit(a, w, after_text, f"word {joined!r} split by page marker {star} rejoined", 0.85)
        ]
