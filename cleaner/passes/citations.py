"""Citation punctuation: 'Id,' -> 'Id.', '1082,1087' -> '1082, 1087', glued reporters.

Only where the citation grammar is certain:

- "Id, at 849" -> "Id. at 849": "Id" before "at <page>" is always the abbreviation, which
  takes a period ("Id., at 5", an older style, is left alone);
- a pin cite glued to the first page of a full or short citation, when it reads as a
  later page of the same opinion: "227 F.3d 1082,1087" -> "227 F.3d 1082, 1087"
  ("12,345" as a number, or a pin before the first page, is left alone);
- a reporter's period read as a comma, when reporters-db's edition name has the period
  and the bare form is only a variation: "1 Ark, 275" -> "1 Ark. 275" ("29 Maine, 329"
  and "1 McLean, 120" stay);
- "lb." for "Ib." (ibidem) in a list of citations: "13 lb. 42" -> "13 Ib. 42",
  "lb.-252" -> "Ib. 252" (not before ounces: "16 lb. 4 oz.");
- "See." for "Sec." before a number ("Attachments, See. 707": "see" takes no period
  before what it cites), and "8." for the "S." of an abbreviation ("19 U. 8. Dig.");
- a volume or page glued to a reporter abbreviation that reporters-db knows:
  "973N.E.2d 1290" -> "973 N.E.2d 1290", "648 F.3d965" -> "648 F.3d 965".

Citations are found by the fast detector of :mod:`cleaner.lexicon.reporters`.

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("citations",))
>>> c.clean("interest. Id, at 849, 118 S.Ct. 1708.").text
'interest. Id. at 849, 118 S.Ct. 1708.'
>>> c.clean("Munger, 227 F.3d 1082,1087 (9th Cir.2000); 973N.E.2d 1290").text
'Munger, 227 F.3d 1082, 1087 (9th Cir.2000); 973 N.E.2d 1290'
>>> c.clean("Id., at 5; $12,345; 489 U.S. at 195, 109 S.Ct. 998").changes
()
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import regex

from cleaner.lexicon.reporters import (
    Citation,
    find_citations,
    is_edition,
    is_reporter,
    reporter_strings,
)
from cleaner.lexicon.spelling import misreadings
from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit

#: "Id, at 849" / "id, at 5" / "Ibid, at 3": the comma misread for a period.
ID_COMMA = regex.compile(r"[Ii](?<![\w.][Ii])(?:d|bid)(,)(?=[ ]at[ ]\d)")
#: A second page glued to the first by a comma: ",1087" (also a range ",1087-88").
GLUED_PIN = regex.compile(r",(\d{1,5})(?![\d,])")

#: "lb." for the short form "Ib." (ibidem) in a list of citations: "13 lb. 42", "Noel, lb. 457".
IB = regex.compile(
    r"(?<![\w.])lb\.(?=[ -](?:\d+(?![\d ]*oz)|secs?\.)|,[ ]\p{Lu})(?<=(?:[;,(.]|\d)[ ]lb\.)"
)

#: "See. 707", "see. 125": "Sec." (section) read as "See." before a number ("see" takes no
#: period before what it cites). Group 1 is the misread "e", captured in the look-behind:
#: the literal "ee." comes first, whole, so that the engine finds it with a fast literal
#: search (a group around the second "e" left it trying every "e" of the text: 4x slower).
SEE_FOR_SEC = regex.compile(r"ee\.(?<=(?<![\w.])[Ss]e(e)\.)(?=[ ]?\d)")
#: "U. 8. Dig.", "Barb. 8. C. R.": the letter "S" of an abbreviation read as "8" (after "U."
#: or a capitalized abbreviation, before another abbreviation).
EIGHT_FOR_S = regex.compile(
    r"(?:(?<=\bU\.[ ]?)|(?<=\b(?!(?:No|Vol|Art|Sec|Ch|Chap|Par|Pt|Fig|Id|Ib|Nos)\.)"
    r"\p{Lu}\p{Ll}{2,6}\.[ ]))8(?=\.[ ]?\p{Lu}\p{Ll}{0,4}\.)"
)

#: a pin cite more than this many pages after the first page is not trusted
MAX_PIN_DISTANCE = 150

#: A capitalized token between a volume and a page ("5 Ar/c. 265", "3 Mete. 51"): where
#: reporters-db knows no reporter so spelt, a misread one may stand.
BETWEEN_VOLUME_AND_PAGE = regex.compile(
    r"(?<![\w.,/-])[1-9]\d{0,3}[ ](\p{Lu}[^\s\d,;:()\[\]]{1,12})[ ](?=[1-9]\d{0,4}(?![\w.]\w))"
)
#: A one-word reporter abbreviation ("Ark.", "Metc.", "Cranch"): the ones misread here.
ONE_WORD_REPORTER = regex.compile(r"\p{Lu}\p{Ll}+\.?")
#: Most a misreading of a reporter's letters may cost (:func:`misreadings`): only the
#: cheapest, which make no other abbreviation ("Mete." for "Metc."; reporters-db lacks
#: many old English reporters, and "2 Vern." (Vernon) is no misread "Verm." at 0.5).
MISREAD_REPORTER_COST = 0.35
#: "k" split in two by OCR ("Ar/c.", "Arle.", "Arlt."), besides the confusions of words.
K_SPLITS = ("lc", "le", "lt", "/c", "l<", "li")


class CitationPunctuation(Pass):
    """Citation punctuation: 'Id,' -> 'Id.', '1082,1087' -> '1082, 1087' (see the module)."""

    name = "citations"
    description = "Citation punctuation: 'Id,' -> 'Id.', '1082,1087' -> '1082, 1087'."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        edits: list[Edit] = []
        if "d, at " in text:  # (every ID_COMMA match holds it; 'i' alone is everywhere)
            edits.extend(
                Edit(m.start(1), m.end(1), ".", "'Id' takes a period before a pin cite", 0.95)
                for m in ID_COMMA.finditer(text)
            )
        if "lb." in text:
            for m in IB.finditer(text):
                edits.append(
                    Edit(m.start(), m.start() + 1, "I", "'Ib.' (ibidem) misread as 'lb.'", 0.85)
                )
                if text[m.end()] == "-":  # "lb.-252": a speck between it and its page
                    edits.append(Edit(m.end(), m.end() + 1, " ", "hyphen for a space", 0.85))
        if "ee." in text:
            edits.extend(
                Edit(m.start(1), m.end(1), "c", "'Sec.' (section) read as 'See.'", 0.9)
                for m in SEE_FOR_SEC.finditer(text)
            )
        if "8." in text:
            edits.extend(
                Edit(m.start(), m.end(), "S", "'S.' of an abbreviation read as '8.'", 0.85)
                for m in EIGHT_FOR_S.finditer(text)
            )
        edits.extend(self._misread_reporters(text))
        cites = find_citations(text)
        # the protected spans of this text need the same citations: share them
        ctx.state["citations.spans"] = (text, [(c.start, c.end) for c in cites])
        for cite in cites:
            edits.extend(self._citation_edits(text, cite))
        edits.sort(key=lambda e: (e.start, e.end))
        out: list[Edit] = []
        for e in edits:
            if out and e.start < out[-1].end:
                continue
            out.append(e)
        return out

    @staticmethod
    def _misread_reporters(text: str) -> Iterator[Edit]:
        """A reporter's abbreviation misread between a volume and a page: the token is no
        reporter, and exactly one one-word reporter reads so by one cheap OCR confusion
        ("5 Ar/c. 265" -> "5 Ark. 265", "3 Mete. 51" -> "3 Metc. 51", "III." -> "Ill.")."""
        for m in BETWEEN_VOLUME_AND_PAGE.finditer(text):
            token = m.group(1)
            if is_reporter(token):
                continue
            reporter = misread_reporters().get(token)
            if reporter is not None:
                yield Edit(
                    m.start(1),
                    m.end(1),
                    reporter,
                    f"reporter abbreviation misread: {reporter!r} between volume and page",
                    0.9,
                )

    def _citation_edits(self, text: str, cite: Citation) -> Iterator[Edit]:
        vol_end = cite.start + len(cite.volume)
        if cite.volume_glued:
            yield Edit(vol_end, vol_end, " ", "space between volume and reporter", 0.9)
        if cite.page_glued:
            page_start = cite.end - len(cite.page)
            yield Edit(page_start, page_start, " ", "space between reporter and page", 0.9)
        rep = cite.reporter
        rep_end = cite.start + cite.text.find(rep, len(cite.volume)) + len(rep)
        if (
            not cite.short
            and not rep.endswith(".")
            and text.startswith(", ", rep_end)
            and is_edition(rep + ".")
            and not is_edition(rep)
        ):
            # "1 Ark, 275": the abbreviation's period read as a comma ("Maine, 329" stays)
            yield Edit(rep_end, rep_end + 1, ".", "reporter abbreviation takes a period", 0.85)
        m = GLUED_PIN.match(text, cite.end)
        if m and cite.page.isdigit():
            first, pin = int(cite.page), int(m.group(1))
            if first <= pin <= first + MAX_PIN_DISTANCE and not (
                len(cite.page) <= 3 and len(m.group(1)) == 3 and pin - first > 99
            ):
                yield Edit(cite.end, cite.end + 1, ", ", "space after a comma in a pin cite", 0.9)


@functools.cache
def misread_reporters() -> dict[str, str]:
    """misreading -> the one-word reporter abbreviation it is a misreading of, for those
    that misread only one reporter (built once, on first need: ~40 ms)."""
    found: dict[str, set[str]] = {}
    for reporter in reporter_strings():
        if not ONE_WORD_REPORTER.fullmatch(reporter):
            continue
        core = reporter.rstrip(".")
        period = reporter[len(core) :]
        readings = set(misreadings(core, MISREAD_REPORTER_COST))
        readings.update(core.replace("k", split) for split in K_SPLITS if "k" in core)
        readings.update(core[:i] + "I" + core[i + 1 :] for i, c in enumerate(core) if c == "l")
        readings.add(core.replace("l", "I"))  # "III." for "Ill."
        for seen in readings:
            found.setdefault(seen + period, set()).add(reporter)
    return {
        seen: next(iter(reporters))
        for seen, reporters in found.items()
        if len(reporters) == 1 and not is_reporter(seen)
    }
