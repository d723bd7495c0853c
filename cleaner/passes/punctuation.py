"""Stray punctuation between words: specks of periods, commas, apostrophes and hyphens.

OCR reads dirt on the page as punctuation. This pass removes a period, comma, apostrophe
or hyphen where grammar says it cannot belong:

- a period after a word that cannot end a sentence ("the. officers" -> "the officers"),
  or floating before a word ("so as .to" -> "so as to", "the . bill" -> "the bill"); a
  period and a space inside a word are a line-end hyphen misread ("sub. ject" ->
  "subject");
- doubled or clashing marks ("box,, and" -> "box, and", "Kennedy,. 439" -> "Kennedy, 439"),
  a comma set off by spaces ("by , the" -> "by the", "use , of" -> "use of") and one glued
  to an article ("deny the, validity" -> "deny the validity"); a comma glued between
  letters is a speck inside a word ("expens,es" -> "expenses") or a comma whose space was
  lost ("in common,being" -> "in common, being");
- an apostrophe after a word that is not a plural possessive, where no quotation could
  be closing ("ceiling' tiles" -> "ceiling tiles", "at 899’ (citation" -> "at 899 (citation");
  in a badly damaged text (:func:`cleaner.lexicon.tokens.badly_damaged`), a straight
  apostrophe glued to a function word, even where it could be a quotation's ("and 'if the'
  rope");
- a caret between two words ("not^only" -> "not only"), an asterisk glued to a word
  before a lower-case word, next to a function word ("entered as* in favor");
- a hyphen joining a word to a function word that never forms compounds
  ("but-not with" -> "but not with", "whether-the" -> "whether the"), and a hyphen after a
  dash ("— -particularly" -> "— particularly").

It keeps apostrophes that belong ("plaintiffs’ version", "harm’s", "’tis", "o'clock"),
abbreviations ("U.S.", "v.", "No.", "e.g.", "L.W.", "cert. denied", "the Ark. statute"),
ellipses (". . ."), and real compounds ("well-known", "pre-existing", "state-created",
"to-wit", "in-state"). A period after an ordinary word before a lower-case word is only
suggested (confidence 0.7): it may be an abbreviation no list knows. In a badly damaged
text it is applied before a word that seldom opens a sentence ("and", "to", "of", "was"),
and before a clause opener ("and", "but", "who", "where") it is a comma read as a period.

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("punctuation",))
>>> c.clean("In fact, the. officers made it worse so as .to constitute harm.").text
'In fact, the officers made it worse so as to constitute harm.'
>>> c.clean("ceiling' tiles; the' plaintiffs’ version, but-not with").text
'ceiling tiles; the plaintiffs’ version, but not with'
>>> c.clean("See Kennedy,. 439 F.3d at 1062; a box,, and by , the way.").text
'See Kennedy, 439 F.3d at 1062; a box, and by the way.'
>>> c.clean("the well-known U.S. rule, e.g., o'clock and ’tis . . . cert. denied").changes
()
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from cleaner.lexicon.tokens import SpanLike
from cleaner.passes.base import Pass, PassContext
from cleaner.passes.hyphenation import PREFIXES, totals
from cleaner.passes.words import damaged_prose
from cleaner.protect import Spans, protected_spans
from cleaner.quotemarks import LineQuotes, double_side, read_line
from cleaner.types import Edit


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that can neither end a sentence nor be followed by a comma: articles, most
#: prepositions, conjunctions and possessive determiners (English grammar, not a document).
NO_END: frozenset[str] = _words(
    """the an of and or nor for with from into onto upon unto than whether because although
    though whose their its his our your my at by as to"""
)

#: The subset of NO_END that cannot end a sentence even before a capital ("the. Court").
#: Prepositions are left out: they end sentences ("the decree appealed from. A decree").
NO_END_STRICT: frozenset[str] = _words(
    """the an and or nor than whether because although though whose their its"""
)

#: Function words that never form a hyphenated compound with an ordinary word
#: ("but-not", "whether-the", "of-the"). "to", "in", "by", "for", "on", "be" are left out:
#: "to-wit", "in-state", "by-law", "for-profit", "would-be" are real compounds.
NO_COMPOUND: frozenset[str] = _words(
    """the an and or of whether but than because although though which whom whose his their
    its were was are is that said not"""
)

#: A text with this many hyphens between a content word and a function word sets its
#: dashes tight (ICDAR 2017: 51 of 1,069 texts; BLN600 2 of 480; no opinion of the corpus,
#: whose specks are one or two a text).
TIGHT_DASHES = 3


def _ends_clause(word: str) -> bool:
    """Can ``word`` end a clause (before a dash): no article, preposition, conjunction or
    verb form of :data:`NO_END` and :data:`NO_COMPOUND`?"""
    return word not in NO_END and word not in NO_COMPOUND


#: Determiners: a word after them belongs to them ("the-price" is never "the — price").
DETERMINERS: frozenset[str] = _words("the an his their its our your my whose")

#: Poetic and dialect elisions ("th' accents", "tho' poets", "o' the").
ELIDED: frozenset[str] = _words("th tho thro o e ne")

#: A period between two lower-case words is removed when the word before it is at least
#: this frequent in English (the ~3,000 commonest words: no abbreviation) and the word
#: after it at least this frequent and no misread of a capitalized sentence start.
COMMON_BEFORE_PERIOD = 20_000_000
COMMON_AFTER_PERIOD = 100_000
#: Most an OCR misread may cost for a neighbour to count as the word it misreads.
MISREAD_COST = 0.5
#: Words that seldom open a sentence: in a badly damaged text a period between a word of
#: 4+ letters and one of these is a speck even when the word before is rare ("the
#: plaintiff. by his", "at the station. with the"). (Measured on the gold sets before a
#: lower-case word after a period: BLN600's OCR specks these, while ICDAR 2017's books
#: end sentences before "the", "it", "they" whose capital the OCR lost.)
SELDOM_OPEN: frozenset[str] = _words(
    "and to of was were with but him or on for by who whom whose where from at had been than"
)
#: Clause openers after a comma: in a badly damaged text, a mark before them that a
#: sentence cannot end at is a comma read as a period ("the prisoner. who resided" ->
#: "the prisoner, who resided"; an opinion's "bind parties. and privies" is a speck).
#: Measured (mark -> gold) before "and": BLN600 36 commas, 14 nothing, 2 periods;
#: ICDAR 2017 21 commas, 2 nothing, 5 periods.
AFTER_COMMA: frozenset[str] = _words("and but who whom whose where when")
#: Misreads of a capitalized first word of a sentence ("lie" for "He", "tlie" for "The").
CAPITAL_MISREADS: frozenset[str] = _words("lie tlie ihe tbe lt ile bnt iu lu ou tho")

#: Abbreviations that may stand before a lower-case word ("cert. denied", "et al. held").
#: General legal and English abbreviations, not words of any one document.
ABBREVIATIONS: frozenset[str] = _words(
    """al etc cert seq viz cf vs ex rel op cit ibid id ib supp ann stat stats rev app ch chap
    sec secs art arts cl pp vol vols no nos ed eds cir dist div ct cts dept corp co inc ltd
    jr sr esq approx misc gen gov govt assn bros ave st mr mrs ms dr hon messrs mt ft in lb
    lbs oz yd yds mi hr hrs min mins sq qr qrs fi fa sci cas ins ry mfg nat natl mun tp twp
    adm ad pl pls def defs deft defts pltf pltff fol ff ult inst prox jan feb mar apr jun
    jul aug sep sept oct nov dec am pm cong sess res reg regs pub amend const crim civ proc
    evid juris prac max pt pts par para subd subch subsec ord ords nw ne sw se mass surv et
    adr adx admr admx exr exx reh certif affd affg aff mod supra infra anor ors"""
)

#: Endings after which an apostrophe is part of the word ("goin'" when "going" is a word).
_WORD = r"[^\W\d_]+"

#: A period after a lower-case word, then a space and a word: "the. officers".
#: (A lower-case word before a lower-case one, or a strict no-end word before any word.)
PERIOD_AFTER = regex.compile(
    r"\.(?=[ ]\p{L})(?|(?<=(?<![\w.'’-])(\p{Ll}+)\.)(?=[ ](\p{Ll}[\p{L}'’-]*))"
    r"|(?<=(?<![\w.'’-])(" + "|".join(sorted(NO_END_STRICT)) + r")\.)(?=[ ](\p{L}[\p{L}'’-]*))"
    r"|(?<=(?<![\w.'’-])("
    + "|".join(sorted(w.capitalize() for w in NO_END_STRICT))
    + r")\.)(?=[ ](\p{Ll}[\p{L}'’-]*)))"
)
#: A period floating before a word: "so as .to", "the . bill".
PERIOD_BEFORE = regex.compile(
    r"\.(?<=(?<![\w.'’-])(\p{L}[\p{L}'’-]*,?)[ ]{1,2}\.)([ ]?)(?=(\p{Ll}{2,})\b)"
)
#: Doubled or clashing marks: ",,", ";;", ",." before a space and a word or number.
DOUBLED = regex.compile(r"(,[,.]|;;|;\.(?<=\p{L};\.))(?<=\w..)(?=[ ][\w(])")
#: A comma set off by spaces between lower-case words: "by , the", "beyond ,the".
SPACED_COMMA = regex.compile(r"[ ],(?<=(?<![\w.'’-])(\p{Ll}+)[ ],)[ ]?(?=(\p{Ll}+)\b)")
#: A comma glued to an article before a lower-case word: "of the, colliery", "by a, man".
#: (An article never ends a clause; "A," labels an exhibit and stays.) Measured: the
#: opinions' seven ("request to the, planning commission", "deny the, validity"), BLN600
#: "the," 35 of 35 and "a," 34 of 38 specks.
ARTICLE_COMMA = regex.compile(r"(?<![\w.'’-])(the|The|a),(?=[ ](\p{Ll}{2,})\b)")
#: An apostrophe after a word or a pin-cite page, before a space: "ceiling' tiles".
APOSTROPHE = regex.compile(
    r"(['’])(?=[ ][\p{Ll}(—–])"
    r"(?<=(?<![\w'’-])(\p{L}(?:[\p{L}-]*\p{L})?|\d+)['’])(?=[ ]([\p{Ll}(—–]))"
)
#: A hyphen joining two lower-case words, not part of a longer chain: "but-not".
HYPHEN = regex.compile(r"-(?<=(?<![\w\xad-])(\p{Ll}+)-)(\p{Ll}+)(?![\w\xad-]|\.\w)")
#: A dash later in the line: a hyphen before it may be the first dash of a pair.
LATER_DASH = regex.compile(r"—|–|--|\s-\s")
#: A space before a period or comma that ends a quotation: 'of harm ."Id.' -> 'of harm."Id.'.
SPACE_BEFORE_CLOSE = regex.compile(r"[\"”’](?<=[.,;:].)(?<=\p{Ll}[ ]..)")
#: A hyphen after a dash: "— -particularly".
DASH_HYPHEN = regex.compile(r"(?<![-—–])(?:[—–][ ]?|--[ ])(-)(?=\p{L})")

#: The word just before a position, on the same line.
PREV_WORD = regex.compile(r"(\p{L}+)[ ]\Z")
#: A short lower-case run after a word: a fragment when English hardly writes it ("to ing").
FRAGMENT_AFTER = regex.compile(r"[ ](\p{Ll}{1,4})(?![\w'’-])")
#: ... fewer times than this in Google Books ("ing": 1; "ly", "tion": 0).
FRAGMENT_FREQUENCY = 1000
#: Nouns that take a letter as a label ("Subpart a.", "clause b.").
LABELS: frozenset[str] = _words(
    """section subsection part subpart paragraph subparagraph clause subclause item schedule
    exhibit article appendix note footnote subdivision division chapter title rule count form
    line column class group type plan option question answer step point category"""
)
#: Two periods ending a word or a sentence: "a house.. On", "1856.." (not an ellipsis).
DOUBLE_PERIOD = regex.compile(r"\.\.(?<=\w\.\.)(?!\.)(?=\s|$|[\"”’)])")
#: A comma after a closed quotation that ends with its own comma: '“agreement,”, it'.
COMMA_AFTER_QUOTE = regex.compile(r",(?<=,(?:”|’’),)(?=[ ])")
#: "per cent," before a noun: the abbreviation's period read as a comma ("ten per cent, interest").
PER_CENT = regex.compile(r"(?<=\b[Pp]er[ ]cent)(,)(?=[ ](\p{Ll}+)\b)")
#: Words after which "per cent," really ends a clause.
CLAUSE_WORDS: frozenset[str] = _words(
    """and or nor but which that who whom whose if when while as although though so then
    there this these those the a an he she it they we you i its his her their"""
)
#: An apostrophe between a period and a comma: "ch. 52 Dig.',".
APOSTROPHE_IN_PUNCT = regex.compile(r"['’](?<=\.['’])(?=,)")
#: A period inside a word: "c.ourt" (join) or between two words: "persons.assemble".
PERIOD_INSIDE = regex.compile(
    r"\.(?=\p{Ll}{2})(?<=(?<![\w'’@/-])(?<![^ \n]\.)(\p{L}+)\.)(\p{Ll}{2,})(?![\w.'’@/-])"
)
#: A comma glued between two runs of letters, the second in lower case: a speck inside a
#: word ("expens,es", "t,he") or a comma whose space the OCR lost ("tenants in
#: common,being", "him,to allow"). Measured: the opinions' 30 such commas (all one or the
#: other; "Dren,nen", a name, stays), BLN600 77 of 93 gold "word, word".
GLUED_COMMA = regex.compile(
    r",(?=\p{Ll})(?<=(?<![\w'’.@/-])(\p{L}+),)(\p{Ll}+)(?![\w'’@/-]|\.\p{L})"
)
#: Words before which a glued comma after a name lost its space ("Kinman,but").
_CLAUSE_WORDS_AFTER_NAME = NO_END | AFTER_COMMA
#: Halves of a word split by a misread hyphen that are this common (Google Books count)
#: are two words ("Co. in", "for. a"); a rarer half is a fragment ("ing", "tain", "ject").
SPLIT_HALF_FREQUENCY = 5_000_000
#: A period, then a space, inside a word: a line-end hyphen read as a period, its line
#: break lost ("a most expe. rienced expert", "not sub. ject to").
PERIOD_FOR_HYPHEN = regex.compile(
    r"\.(?<=(?<![\p{L}.'’-])(\p{L}{2,})\.)[ ](\p{Ll}{3,})(?![\p{L}'’-])"
)
#: Function words that never take an apostrophe: neither possessive nor cut short.
NEVER_APOSTROPHE = """the of and to a in that was he she it his her for with as on at by had be
from which were is or an not but this they him have been who their said would when if into
upon there then what"""
#: A straight apostrophe glued to the start or end of such a word ("and 'if the' rope",
#: "examining 'the child"), in a badly damaged text: there OCR sprinkles them, and a
#: quotation it could open or close is likelier a speck than a quotation.
NEVER_APOSTROPHE_WORDS = frozenset(NEVER_APOSTROPHE.split())
FUNCTION_WORD_APOSTROPHE = regex.compile(
    r"(?<![^\s])'(?=(?:" + "|".join(NEVER_APOSTROPHE.split()) + r")(?!\p{L}))"
    r"|'(?<=(?<![\p{L}'’])(" + "|".join(NEVER_APOSTROPHE.split()) + r")')(?=\s)"
)
#: A straight apostrophe opening a lower-case word of 3+ letters ("with a, 'crowvbar",
#: "remembered 'healthy") ...
OPENING_APOSTROPHE = regex.compile(r"(?<![^\s])'(?=(\p{Ll}{3,})\b(?!['’-]))")
#: ... that no single quotation mark closes later in its paragraph (line).
CLOSING_SINGLE = regex.compile(r"[\p{L}.,!?;:]['’](?!\p{L})")
#: A column rule read as "I" before a heading in capitals ("I MURDER AND SUICIDE AT
#: CHATHAM."): in a badly damaged text only (an opinion's "I" may number a part).
RULE_READ_AS_I = regex.compile(r"(?m)^I (?=[A-Z]{2,}\b[^a-z\n]*$)")
#: An asterisk glued to a word's end mid-sentence, before a lower-case word: "entered as*
#: in favor" (not a star-page marker: no digits; a footnote mark ends a sentence).
STRAY_ASTERISK = regex.compile(r"\*(?<=(?<![\w*])(\p{L}{2,})\*)(?=[ ](\p{Ll}+)\b)")
#: A caret between two words: a speck for a space ("not^only", "before^the").
CARET_BETWEEN = regex.compile(r"\^(?<=(?<![\w^])(\p{L}+)\^)(\p{L}+)(?![\w^])")
#: A period glued before "vs." / "v.": "Berry.vs. Linton".
PERIOD_BEFORE_VS = regex.compile(r"\.(?<=(?<![\w.])\p{L}\p{Ll}+\.)(?=vs?\.[ ])")
#: Top-level domains: "example.com" is not two words.
DOMAINS: frozenset[str] = _words("com org net gov edu mil int uk us io info biz")
#: A hyphen stuck to a word after a function word: "for -which", "be in- writing".
HYPHEN_BEFORE = regex.compile(r"-(?<=(?<![\w'’-])(\p{Ll}+)[ ]-)(\p{Ll}+)(?![\w-])")
HYPHEN_AFTER = regex.compile(r"-(?<=(?<![\w'’-])(\p{Lu}?\p{Ll}+)-)(?=[ ](\p{Ll}+)\b)")
#: What follows a suspended hyphen's conjunction: a hyphenated word ("first- and second-").
SUSPENDED_FOLLOWS = regex.compile(r"[ ]\p{Ll}+[ ]+\p{L}+-")
#: Words that follow a suspended hyphen ("pre- and post-trial").
SUSPENDED: frozenset[str] = _words("and or nor to through")

#: An apostrophe between two words: "upon'the", "not'a", "one'hundred".
#: An apostrophe after a word's first letter: "w'here", "s'aid", "n'o" (not "a", "i",
#: "o", "e": "a'", "I'm", "o'er", "e'en"; "d'" and "l'" open French words and names).
APOSTROPHE_AFTER_LETTER = regex.compile(
    r"['’](?<=(?<![\w'’.-])([bcfghj-kmnp-tv-z])['’])(\p{Ll}{1,5})(?![\w'’-])"
)
#: ... and the word that makes, one of the commonest ("where", "said", "no", "with").
LETTER_SPECK_FREQUENCY = 100_000_000
APOSTROPHE_BETWEEN = regex.compile(r"['’](?<=(?<![\w'’-])(\p{Ll}{2,})['’])(\p{Ll}+)(?![\w'’-])")
#: ... in a badly damaged text also after an article ("A'girl", "a'passer") and before a
#: capitalized word ("or'Friday"): a name's "O'", "M'", "D'" has a capital before it.
APOSTROPHE_SPACE = regex.compile(
    r"['’](?<=(?<![\w'’-])(a|A|an|An|\p{Ll}{2,})['’])(\p{Lu}?\p{Ll}+)(?![\w'’-])"
)
#: A comma read for the period that ends a paragraph: after a lower-case word, at a line's
#: end, before a line that opens with a word that opens sentences ("the body was found,⏎The
#: defence set up", "appealed from the decree,⏎The appellants"). Only where lines are
#: paragraphs (:data:`PARAGRAPH_LINE`): in a text wrapped at a width a comma ends lines.
COMMA_ENDS_PARAGRAPH = regex.compile(
    r",(?<=(?<![\w.'’-])\p{Ll}+,)[ \t]*(?=\n(?:The|His|Her|He|She|They|We|There|This|It|In|On|At"
    r"|A|After|When|Mr|Mrs)\b)"
)
#: A line this long is a paragraph, not a line of a text wrapped at a width; a text whose
#: lines are paragraphs has a third of its non-blank lines this long.
PARAGRAPH_LINE = 120
#: A word this common (Google Books count) with an apostrophe inside that is no
#: contraction is the word with a speck: "up'on", "some'times", "combin'g".
SPECKED_WORD_FREQUENCY = 1_000_000
#: What follows an apostrophe in a contraction or elision ("don't", "we're", "ne'er").
CONTRACTION_ENDS: frozenset[str] = _words("s t d ll re ve m er em n am en st dst")
#: "i’" read for "r" inside a word: "chai’ge", "pai’ty", "vei’bally".
I_FOR_R = regex.compile(r"i’(?<=(?<![\w'’-])(\p{L}+)i’)(\p{Ll}+)(?![\w'’-])")

#: A straight apostrophe opening a word: "conceived that 'a signing", "our 'code".
STRAIGHT_OPENER = regex.compile(r"(?<![\w'’.,;:])'(?=(\p{Ll}+))")
#: A straight closing quote after a word: "'go home' now".
STRAIGHT_CLOSER = regex.compile(r"(?<=[\p{L}.,!?])'(?![\p{L}\d])")
#: Elisions that open with an apostrophe.
OPEN_ELISIONS: frozenset[str] = _words(
    "tis twas em til cause n round neath gainst bus buses phone cello possum coon fore prentice"
)
#: A straight quote standing alone between words: "[l. s.] ' David" (curly ones set
#: apart are often the spaced typography of a real quotation: "the word ‘ taxes ’").
LONE_MARK = regex.compile(r"'(?<=[^\s\d'‘’“”\"][ ]')(?=[ ][^\s'‘’“”\"])")
#: A quotation mark alone at the end of a paragraph: 'CHATTEN.” \'' (also after a "’",
#: which the quotes pass may make a "”": "“the’ '").
TRAILING_MARK = regex.compile(r"'(?<=[^\s'‘\"][ ]')(?=\n|\Z)")
#: An apostrophe glued before an opening double quote: "clerks: '“It".
MARK_BEFORE_OPEN = regex.compile(r"['’](?=“|‘[ ]?‘)(?<=(?:^|[\s(])['’])", regex.MULTILINE)
#: Two periods set apart before a new sentence: "its rendition. . Again" (not ". . .").
SPACED_DOUBLE_PERIOD = regex.compile(r"[ ]\.(?<=\p{L}\.[ ]\.)(?=[ ]\p{Lu})")

#: Quote characters, for telling a closing quote from a stray apostrophe.
OPEN_SINGLE = regex.compile(r"‘|(?<![\w'’])['’](?=\p{L})")


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the whole document says, fixed for one cleaning (see the rules that use it)."""

    typographic: bool  # its printer sets spaces before commas
    has_dash: bool  # it has a dash glyph, so a hyphen between words is no dash
    dialect: bool  # it writes elisions (an', wi', a')
    curly: bool  # it quotes with double marks, once is enough (a straight ' opens none)
    damaged: bool = False  # badly damaged OCR: an apostrophe on a function word is a speck
    paragraphs: bool = False  # its lines are paragraphs (not wrapped at a width)


class StrayPunctuation(Pass):
    """Stray periods, commas, apostrophes and hyphens between words (see the module)."""

    name = "punctuation"
    settles_after = True
    description = "Stray periods, apostrophes, commas and hyphens between words."

    def _known(self, word: str) -> bool:
        return self.resources.is_known(word)

    def _is_word(self, word: str) -> bool:
        """A word on its own: known, and of two letters or more unless "a" or "I"."""
        return (len(word) > 1 or word in ("a", "A", "I")) and self._known(word)

    def _plural(self, word: str) -> bool:
        """A regular plural of a known word of four letters or more ("recognizances")."""
        low = word.lower()
        return (
            len(low) >= 5
            and low.endswith("s")
            and not low.endswith("ss")
            and (self._known(low[:-1]) or (low.endswith("es") and self._known(low[:-2])))
        )

    def _reading(self, word: str) -> str | None:
        """The word as the word passes will read it: itself when known, else the cheap OCR
        misread the spelling model finds for it ("vwas" -> "was"), else None. (A rule that
        needs a known neighbour must see it in the first run as in the second, after the
        word passes repaired it: clean(clean(x)) == clean(x).)"""
        if self._known(word):
            return word.lower()
        if not word.isalpha() or not word.islower():
            return None
        found = self.resources.spelling.candidates(word)
        if not found or found[0].cost > MISREAD_COST:
            return None
        if len(found) > 1 and found[1].cost <= found[0].cost + 0.3:
            return None  # two readings: none is certain
        return found[0].word

    def _is_abbreviation(self, word: str) -> bool:
        low = word.lower()
        return len(low) <= 1 or low in ABBREVIATIONS or (low + ".") in self.resources.legal

    # -- the kinds of specks ------------------------------------------------------------
    def _hyphen_read_as_period(self, left: str, right: str) -> bool:
        """Are ``left`` and ``right`` one word split by a line-end hyphen that OCR read as a
        period? The whole is a known word and the halves are not both common words ("expe.
        rienced", "sub. ject", "walk. ing", "Cap. tain"; "Co. in", "for. a" are two words),
        nor an abbreviation and a function word ("ch. and", "Br. and")."""
        frequency = self.resources.frequency
        if right in NEVER_APOSTROPHE_WORDS and self._is_abbreviation(left):
            return False  # an abbreviation, then a function word ("ch. and", "Br. and")
        return self._known(left + right) and not (
            frequency(left) >= SPLIT_HALF_FREQUENCY and frequency(right) >= SPLIT_HALF_FREQUENCY
        )

    def _period_for_hyphen(self, text: str) -> Iterator[Edit]:
        for m in PERIOD_FOR_HYPHEN.finditer(text):
            if self._hyphen_read_as_period(m.group(1), m.group(2)):
                yield Edit(m.start(), m.start() + 2, "", "line-end hyphen read as a period", 0.9)

    def _period_after(self, text: str, facts: _Facts) -> Iterator[Edit]:
        for m in PERIOD_AFTER.finditer(text):
            word, nxt = m.group(1), m.group(2)
            if nxt.isalpha() and self._hyphen_read_as_period(word, nxt):
                continue  # one word: _period_for_hyphen joins it
            low = word.lower()
            if word == "a" and len(nxt) >= 2 and nxt[0].islower():
                # "in its nature a. criminal proceeding" ("a. m." has a one-letter next);
                # not a label: "Subpart a. of", "section a. provides", a list's "a."
                before = PREV_WORD.search(text, max(0, m.start(1) - 40), m.start(1))
                if (
                    before is not None
                    and before.group(1).islower()
                    and before.group(1) not in LABELS
                    and text[m.end() + 1 + len(nxt) : m.end() + 2 + len(nxt)] != "."
                ):
                    yield Edit(m.end(1), m.end(1) + 1, "", "stray period after 'a'", 0.9)
                continue
            if word[1:].islower() and low in NO_END_STRICT and word != low:
                # "The. evidence": a sentence may start with it, never end with it
                yield Edit(m.end(1), m.end(1) + 1, "", f"stray period after {word!r}", 0.9)
                continue
            if not word.islower() or self._is_abbreviation(word):
                continue  # "Ark. statute", "cert. denied", "a. m."
            dot = m.end(1)
            if text[max(0, m.start(1) - 3) : m.start(1)] == "et ":
                continue  # "et at." is "et al." misread: not a stray period
            if low == "pro" and text.startswith(" and con", dot + 1):
                continue  # "the arguments pro. and con.": the Latin idiom abbreviated
            if text[m.end() + 1 + len(nxt) : m.end() + 2 + len(nxt)] == ".":
                continue  # an abbreviation follows ("sale. lb. 131" for "Ib."): a citation
            lower_next = nxt[:1].islower()
            if low in NO_END:
                if low == "a" or (low == "in" and _after_number(text, m.start(1))):
                    continue
                # before a capital, a preposition may end a sentence ("appealed from. A")
                if lower_next or low in NO_END_STRICT:
                    yield Edit(dot, dot + 1, "", f"stray period after {word!r}", 0.95)
            elif lower_next and len(nxt) >= 2 and (reading := self._reading(nxt.strip("'’-"))):
                # a sentence never goes on in lower case; only an abbreviation could.
                # Applied between two common words ("to any. person", "was. decided");
                # otherwise only suggested: the word may be an abbreviation no list knows
                # ("fi. fas."), or an OCR'd capital ("lie" for "He") may start a sentence
                english = self.resources.english.counts
                common = (
                    english.get(low, 0) >= COMMON_BEFORE_PERIOD
                    and english.get(reading, 0) >= COMMON_AFTER_PERIOD
                    and nxt not in CAPITAL_MISREADS
                )
                conf = 0.85 if common else 0.75 if len(word) >= 4 else 0.7
                if facts.damaged and len(word) >= 4 and nxt in SELDOM_OPEN:
                    conf = 0.85  # where OCR sprinkles specks, before a word seldom opening one
                garbled = FRAGMENT_AFTER.match(text, m.end(2))
                if (
                    garbled is not None
                    and self.resources.frequency(garbled.group(1)) < FRAGMENT_FREQUENCY
                ):
                    conf = 0.7  # a garbled line goes on ("caused. to ing Mr. Mead"): no sentence
                if facts.damaged and nxt in AFTER_COMMA:
                    yield Edit(dot, dot + 1, ",", "comma read as a period before a clause", conf)
                else:
                    yield Edit(dot, dot + 1, "", "period before a lower-case word", conf)

    def _period_before(self, text: str) -> Iterator[Edit]:
        for m in _matches(PERIOD_BEFORE, text, (" .",), offset=1):
            prev, nxt = m.group(1), m.group(3)
            if not self._reading(nxt):
                continue
            if prev[:1].isupper() and (
                self.resources.english.counts.get(prev.lower(), 0) < COMMON_AFTER_PERIOD * 10
                or self._is_abbreviation(prev)
                or not prev[1:].islower()
            ):
                continue  # "20 Ark .in": an abbreviation's period set apart; "the Peace .in"
            conf = 0.95 if prev in NO_END else 0.9
            yield Edit(m.end(1), m.end(), " ", "stray period between words", conf)

    def _doubled(self, text: str) -> Iterator[Edit]:
        for m in _matches(DOUBLED, text, (",,", ",.", ";;", ";.")):
            mark = m.group(1)
            yield Edit(m.start(1), m.end(1), mark[0], f"doubled punctuation {mark!r}", 0.9)

    def _spaced_comma(self, text: str, facts: _Facts) -> Iterator[Edit]:
        typographic = facts.typographic
        for m in _matches(SPACED_COMMA, text, (" ,",)):
            prev, nxt = m.group(1), m.group(2)
            if not (self._known(prev) and self._known(nxt)):
                continue
            if prev in NO_END:
                yield Edit(m.start(), m.end(), " ", f"stray comma after {prev!r}", 0.9)
            elif m.group() == " ,":  # "beyond ,the": a speck glued to the next word
                yield Edit(m.start(), m.end(), " ", "stray comma before a word", 0.85)
            else:  # "described , in": keep the comma, drop the space before it
                # (older printers set spaces before commas: only a suggestion)
                conf = 0.7 if typographic else 0.75
                yield Edit(m.start(), m.end(), ", ", "space before a comma", conf)

    def _article_comma(self, text: str, facts: _Facts) -> Iterator[Edit]:
        for m in _matches(ARTICLE_COMMA, text, ("the, ", "The, ", "a, ")):
            article, nxt = m.group(1), m.group(2)
            if nxt == article.lower():
                continue  # "of the, the various": a repetition, not a speck
            if article == "a" and not facts.damaged:
                continue  # "clause a, which": a label may end a clause
            yield Edit(m.end() - 1, m.end(), "", f"stray comma after {article!r}", 0.9)

    def _elision(self, word: str) -> bool:
        """Could ``word'`` be an elision ("an'" and, "wi'" with, "a'" all, "goin'")?"""
        low = word.lower()
        if low != "an" and low in NO_END | NO_COMPOUND | {"in", "on"}:
            return False  # "to'", "in'": function words are not cut short
        if low.endswith("n") and self._known(low + "d"):
            return True  # "an'", "han'", "sen'"
        if len(low) > 3 and low.endswith("in") and self._known(low + "g"):
            return True  # "goin'"
        # "wi'", "gi'", "a'"; "yo'" you; "wan'", "bes'", "jus'" (a final "t"); "don'"
        return any(self._known(low + tail) for tail in ("th", "ve", "ll", "u", "t", "'t"))

    def _apostrophe(
        self, text: str, lines: _Lines, facts: _Facts, found: list[regex.Match[str]]
    ) -> Iterator[Edit]:
        dialect = facts.dialect
        for m in found:
            word, mark = m.group(2), m.group(1)
            pos = m.start(1)
            if word.isdigit():
                # a pin-cite page ("at 899’ (citation"), never feet or minutes ("10' wide")
                if mark != "’" or not text[max(0, m.start(2) - 3) : m.start(2)].endswith("at "):
                    continue
                conf = 0.9
            else:
                low = word.lower()
                if low[-1] in "sxz" or (len(low) < 2 and word != "a") or "-" in word:
                    continue  # plural possessive ("plaintiffs’"), "Sanchez'"
                if len(low) > 3 and low.endswith("in") and self._known(low + "g"):
                    continue  # "goin'" for "going"
                if not self._known(low) or self._known(low + mark) or self._known(low + "'"):
                    continue  # a name, "o'", "ma'am"
                conf = 0.9 if word.islower() else 0.85
                if low in ELIDED or (dialect and self._elision(word)):
                    conf = 0.7
                if text.startswith(" sake", m.end(1) + 1):
                    continue  # "for justice' sake", "for conscience' sake"
            if lines.quote_may_close(text, pos, mark):
                continue  # a closing quotation mark, or one the quotes pass must judge
            yield Edit(pos, pos + 1, "", "stray apostrophe after a word", conf)

    def _hyphen(self, text: str, facts: _Facts) -> Iterator[Edit]:
        has_dash = facts.has_dash
        matches = [
            m
            for m in HYPHEN.finditer(text)
            if m.group(1) in NO_COMPOUND or m.group(2) in NO_COMPOUND
        ]
        # a text that sets its dashes tight after a content word ("hideous pigs-the only",
        # "remarkable object-an immense", "goats-of course"): three or more such, where the
        # opinions have at most two specks; a content word's hyphen there is a dash
        tight_dashes = (
            sum(1 for m in matches if _ends_clause(m.group(1)) and not _ends_clause(m.group(2)))
            >= TIGHT_DASHES
        )
        for m in matches:
            a, b = m.group(1), m.group(2)
            if tight_dashes and _ends_clause(a):
                continue
            if (a in ("and", "or") or b in ("and", "or")) and not (
                a in NO_END | NO_COMPOUND and b in NO_END | NO_COMPOUND
            ):
                continue  # "cup-and-saucer", "brandy-and-water", "either-or"
            both = a in NO_END | NO_COMPOUND and b in NO_END | NO_COMPOUND
            nl = text.find("\n", m.end())
            if not both and LATER_DASH.search(
                text, m.end(), min(m.end() + 120, len(text) if nl < 0 else nl)
            ):
                continue  # "a young lady-the complainant—against whom": a dash pair
            if not (self._known(a) and self._known(b)):
                continue
            if self._known(f"{a}-{b}") or self._known(a + b):
                continue  # a real compound, or a split word for the hyphenation pass
            # a dash never follows "the", "his"; after "was", before "the" it can stand
            conf = 0.9 if has_dash or both or a in DETERMINERS else 0.7
            yield Edit(m.end(1), m.end(1) + 1, " ", "hyphen joining words", conf)

    def _space_before_close(self, text: str) -> Iterator[Edit]:
        for m in _matches(SPACE_BEFORE_CLOSE, text, (" .", " ,", " ;", " :"), offset=2):
            yield Edit(m.start() - 2, m.start() - 1, "", "space before closing punctuation", 0.85)

    def _double_period(self, text: str) -> Iterator[Edit]:
        if ".." not in text:
            return
        for m in DOUBLE_PERIOD.finditer(text):
            yield Edit(m.start(), m.end(), ".", "doubled period", 0.9)

    def _comma_after_quote(self, text: str) -> Iterator[Edit]:
        if ",”," not in text and ",’’," not in text:
            return
        for m in COMMA_AFTER_QUOTE.finditer(text):
            yield Edit(m.start(), m.end(), "", "comma repeated after a closing quote", 0.85)

    def _per_cent(self, text: str) -> Iterator[Edit]:
        if "cent," not in text:
            return
        for m in PER_CENT.finditer(text):
            if m.group(2) not in CLAUSE_WORDS and self._known(m.group(2)):
                yield Edit(m.start(1), m.end(1), ".", "'per cent.' before a noun", 0.85)

    def _apostrophe_in_punct(self, text: str) -> Iterator[Edit]:
        for m in _matches(APOSTROPHE_IN_PUNCT, text, (".',", ".’,"), offset=1):
            start = text.rfind("\n", 0, m.start()) + 1
            if not OPEN_SINGLE.search(text, start, m.start()):
                yield Edit(m.start(), m.end(), "", "apostrophe between a period and a comma", 0.85)

    def _asterisk(self, text: str) -> Iterator[Edit]:
        if "* " not in text:
            return
        for m in STRAY_ASTERISK.finditer(text):
            word, nxt = m.group(1), m.group(2)
            function = word.lower() in NO_END | NO_COMPOUND or nxt in NO_END | NO_COMPOUND
            if function and self._is_word(word) and self._known(nxt):
                yield Edit(m.start(), m.end(), "", "stray asterisk after a word", 0.85)

    def _caret(self, text: str) -> Iterator[Edit]:
        if "^" not in text:
            return
        for m in CARET_BETWEEN.finditer(text):
            left, right = m.group(1), m.group(2)
            # by shape alone (a later pass may fix "to^tlie" into "to^the": the verdict
            # must not depend on it); the joined word would be the other reading
            if len(left) > 1 and len(right) > 1 and not self._known(left + right):
                yield Edit(m.start(), m.start() + 1, " ", "caret between two words", 0.85)

    def _period_inside(self, text: str) -> Iterator[Edit]:
        for m in PERIOD_INSIDE.finditer(text):
            left, right = m.group(1), m.group(2)
            if right in DOMAINS:
                continue
            if len(left) == 1 and left.isupper():
                continue  # an initial: "U. S.and"
            joined = left + right
            if self._known(joined) and not (self._is_word(left) and self._is_word(right)):
                # "c.ourt", "t.he": the halves are not both words, the whole is ("a.part" is
                # "a part" or "apart": left alone)
                yield Edit(m.start(), m.start() + 1, "", "period inside a word", 0.85)
            elif (
                left.islower()
                and len(left) >= 2
                and self._known(left)
                and self._known(right)
                and not self._known(joined)
                and not self._is_abbreviation(left)
            ):
                yield Edit(m.start(), m.start() + 1, " ", "period between two words", 0.85)
        if ".v" in text:
            for m in PERIOD_BEFORE_VS.finditer(text):
                yield Edit(m.start(), m.end(), " ", "period glued before 'vs.'", 0.9)

    def _glued_comma(self, text: str) -> Iterator[Edit]:
        for m in GLUED_COMMA.finditer(text):
            left, right = m.group(1), m.group(2)
            words = self._is_word(left) and self._is_word(right)
            if len(left) + len(right) >= 3 and self._known(left + right) and not words:
                # "expens,es", "t,he": the halves are not both words, the whole is ("in,to"
                # is "in, to" or "into": left alone)
                yield Edit(m.start(), m.start() + 1, "", "comma inside a word", 0.85)
            elif words and not self._known(left + right) and min(len(left), len(right)) >= 2:
                if left.lower() in NO_END:  # "as to,the": no comma after "to"
                    yield Edit(m.start(), m.start() + 1, " ", "comma for a space", 0.85)
                else:
                    yield Edit(m.start(), m.start() + 1, ", ", "space lost after a comma", 0.85)
            elif left[:1].isupper() and right in _CLAUSE_WORDS_AFTER_NAME:
                # a name before a clause word: "Kinman,but", "Crabtree,relates" stays
                yield Edit(m.start(), m.start() + 1, ", ", "space lost after a comma", 0.85)

    def _stuck_hyphen(self, text: str, facts: _Facts) -> Iterator[Edit]:
        function_words = NO_END | NO_COMPOUND | {"in", "on"}
        for m in HYPHEN_BEFORE.finditer(text):
            prev, nxt = m.group(1), m.group(2)
            if not self._known(nxt) or self._known(f"{prev}-{nxt}"):
                continue
            if prev in function_words:
                yield Edit(
                    m.start(), m.start() + 1, "", f"hyphen stuck to a word after {prev!r}", 0.9
                )
            elif (
                facts.has_dash
                and len(nxt) >= 2
                and prev not in PREFIXES
                and self._is_word(prev)
                and not self._known(prev + nxt)
            ):
                # "for some -time", "the married -women": a speck, not a compound split by
                # a space ("pre -trial", "self -defence") nor a split word; in a text with
                # a dash glyph (without one, " -" may be its dash: "to speak -such was")
                yield Edit(m.start(), m.start() + 1, "", "hyphen stuck to a word's start", 0.85)
        for m in HYPHEN_AFTER.finditer(text):
            prev, nxt = m.group(1), m.group(2)
            low = prev.lower()
            if low in function_words and nxt not in SUSPENDED and self._known(nxt):
                yield Edit(m.start(), m.start() + 1, "", f"hyphen stuck to {prev!r}", 0.9)
            elif (
                nxt in NO_COMPOUND | NO_END
                and len(low) >= 3
                and self._known(low)
                and not self._known(low + nxt)
                and not self._known(f"{low}-{nxt}")
                and not (nxt in SUSPENDED and SUSPENDED_FOLLOWS.match(text, m.end()))
                and text[m.end() + 1 + len(nxt) : m.end() + 2 + len(nxt)] != "-"
            ):
                # "caused- to be issued", "entitled- to", "charged- with": a whole word
                # before a function word that makes no compound with it
                yield Edit(m.start(), m.start() + 1, "", f"hyphen before {nxt!r}", 0.85)

    def _word_to_pair(self, word: str, left: str, right: str) -> float:
        """How much likelier ``word`` is than the pair ``left right`` (as shares of all
        English words and pairs): "upon" 2.4x "up on", "maybe" 0.1x "may be"."""
        words, pairs = totals(self.resources)
        pair = max(self.resources.bigrams.count(left, right), 1) / pairs
        return (self.resources.frequency(word) / words) / pair

    def _apostrophe_for_space(self, text: str, facts: _Facts) -> Iterator[Edit]:
        if not facts.damaged or facts.dialect:
            return
        for m in _matches(APOSTROPHE_SPACE, text, ("'", "’")):
            left, right = m.group(1), m.group(2)
            if left.islower() and len(left) >= 2 and right.islower():
                continue  # the rule for two lower-case words (_apostrophe_between)
            if len(right) < 2 or right.lower() in CONTRACTION_ENDS or left.endswith("s"):
                continue
            if self._is_word(left.lower()) and self._is_word(right.lower()):
                yield Edit(m.start(), m.start() + 1, " ", "apostrophe between two words", 0.85)

    def _apostrophe_between(self, text: str) -> Iterator[Edit]:
        for m in _matches(APOSTROPHE_BETWEEN, text, ("'", "’")):
            left, right = m.group(1), m.group(2)
            if right in CONTRACTION_ENDS:
                continue  # "don't", "we're"
            if not any(v in right for v in "aeiou") and len(left) < 4:
                continue  # an abbreviation's tail: "adm’rs", "att'y", "gov't"
            whole = left + m.group(0) + right
            joined = left + right
            if self._known(whole) or self._known(left + "e" + right):
                continue  # "o'clock"; a poet's elided "e" ("wand'ring", "flow'rets")
            if left.endswith("s"):
                if (right in NO_END or right in NO_COMPOUND) and self._is_word(left):
                    # a plural possessive takes no article or conjunction after it: the
                    # mark stands for a lost space ("provides'that", "knows'the")
                    yield Edit(m.start(), m.start() + 1, " ", "apostrophe between two words", 0.9)
                elif (
                    self.resources.frequency(joined) >= SPECKED_WORD_FREQUENCY
                    and not self._is_word(left)
                    and not self._is_word(right)
                ):
                    # a common word with a speck inside ("als'o"); "plaintiffs’recovery"
                    # may want a space, "Jones's" is a possessive
                    yield Edit(m.start(), m.start() + 1, "", "apostrophe inside a word", 0.85)
                continue
            if left in ABBREVIATIONS and len(right) <= 2:
                continue  # an abbreviation's tail: "adm'r", "ex'rs"
            if self.resources.frequency(joined) >= SPECKED_WORD_FREQUENCY and (
                len(left) >= 4 or any(v in right for v in "aeiouy")
            ):
                # a common word with a speck inside ("up'on", "some'times", "decr'ee"), not
                # an abbreviation's tail ("gov't", "dep't": three letters before it); of two
                # words the likelier reading wins ("may'be" is "may be", "up'on" "upon")
                if not (self._is_word(left) and self._is_word(right)):
                    yield Edit(m.start(), m.start() + 1, "", "apostrophe inside a word", 0.85)
                    continue
                ratio = self._word_to_pair(joined, left, right)
                if ratio >= 2:
                    yield Edit(m.start(), m.start() + 1, "", "apostrophe inside a word", 0.85)
                if ratio > 0.5:
                    continue
            if len(right) == 1 and left not in NO_END | NO_COMPOUND:
                continue  # "ship'a" may be "ship's" misread
            if self._is_word(left) and (self._is_word(right) or self._plural(right)):
                yield Edit(m.start(), m.start() + 1, " ", "apostrophe between two words", 0.9)
        for m in _matches(APOSTROPHE_AFTER_LETTER, text, ("'", "’")):
            # "w'here", "s'aid", "n'o": one of the commonest words with a speck after its
            # first letter ("o'er", "e'en", "a'", "I'm" are no such letter)
            if self.resources.frequency(m.group(1) + m.group(2)) >= LETTER_SPECK_FREQUENCY:
                yield Edit(m.start(), m.start() + 1, "", "apostrophe inside a word", 0.85)
        if "i’" in text:
            for m in I_FOR_R.finditer(text):
                token = m.group(1) + "i’" + m.group(2)
                fixed = m.group(1) + "r" + m.group(2)
                if self._known(fixed) and not self._known(token.replace("’", "")):
                    yield Edit(
                        m.start(), m.start() + 2, "r", "'i’' read for 'r' inside a word", 0.9
                    )

    def _facts(
        self, text: str, apostrophes: list[regex.Match[str]], damaged: bool = False
    ) -> _Facts:
        # dialect or verse writes its elisions ("an'", "wi'", "a'"): three or more such in
        # one document say the apostrophes are the author's, not specks
        elisions = sum(1 for m in apostrophes if self._elision(m.group(2)))
        return _Facts(
            # a printer who sets a space before commas does it often: that is typography
            typographic=text.count(" , ") >= 3,
            # a text without any dash glyph may print its dashes as hyphens ("one-the")
            has_dash="—" in text or "–" in text or "--" in text,
            dialect=elisions >= 3,
            curly=_has_double_opener(text),
            damaged=damaged,
            # (the lines measured only when the rule that needs it could fire)
            paragraphs=",\n" in text
            and COMMA_ENDS_PARAGRAPH.search(text) is not None
            and _lines_are_paragraphs(text),
        )

    def _stray_openers(self, text: str, facts: _Facts) -> list[int]:
        """Straight apostrophes opening a word in a curly-quoted document, never closed.

        "it is conceived that 'a signing", "our 'code": where a document quotes with “ ”,
        a straight ' before a word that no straight ' closes later in the paragraph
        is a speck (an elision such as "'tis" excepted).
        """
        if "'" not in text or not facts.curly:
            return []
        out: list[int] = []
        for m in STRAIGHT_OPENER.finditer(text):
            if m.group(1) in OPEN_ELISIONS or not self._known(m.group(1)):
                continue
            nl = text.find("\n", m.end())
            if STRAIGHT_CLOSER.search(text, m.end(), len(text) if nl < 0 else nl):
                continue  # 'a quotation' in straight marks
            out.append(m.start())
        return out

    def _lone_marks(self, text: str, openers: list[int]) -> Iterator[Edit]:
        for p in openers:
            yield Edit(p, p + 1, "", "stray straight apostrophe before a word", 0.85)
        if " '" in text:
            for m in LONE_MARK.finditer(text):
                if not _other_single_marks(text, m.start()):
                    yield Edit(
                        m.start(), m.end() + 1, "", "quotation mark alone between words", 0.85
                    )
            for m in TRAILING_MARK.finditer(text):
                if not _other_single_marks(text, m.start()):
                    yield Edit(m.start() - 1, m.end(), "", "quotation mark alone at the end", 0.85)
        if "'“" in text or "’“" in text or "'‘" in text or "’‘" in text:
            for m in MARK_BEFORE_OPEN.finditer(text):
                yield Edit(m.start(), m.end(), "", "apostrophe before an opening quote", 0.9)
        if ". ." in text:
            for m in SPACED_DOUBLE_PERIOD.finditer(text):
                yield Edit(m.start(), m.end(), "", "doubled period", 0.85)

    def _comma_ends_paragraph(self, text: str, facts: _Facts) -> Iterator[Edit]:
        if facts.paragraphs and ",\n" in text:
            for m in COMMA_ENDS_PARAGRAPH.finditer(text):
                yield Edit(
                    m.start(), m.start() + 1, ".", "comma read for a paragraph's period", 0.85
                )

    def _rule_read_as_i(self, text: str, facts: _Facts) -> Iterator[Edit]:
        if facts.damaged and ("\nI " in text or text.startswith("I ")):
            for m in RULE_READ_AS_I.finditer(text):
                yield Edit(m.start(), m.end(), "", "column rule read as 'I' before a heading", 0.85)

    def _function_word_apostrophe(self, text: str, facts: _Facts) -> Iterator[Edit]:
        # (not in dialect: "an'" is "and", "a'" is "all" there)
        if facts.damaged and not facts.dialect and "'" in text:
            for m in FUNCTION_WORD_APOSTROPHE.finditer(text):
                if m.group(1) is not None and self._elision(m.group(1)):
                    continue  # "an'", "a'": an elision more often than a speck
                yield Edit(m.start(), m.end(), "", "stray apostrophe on a function word", 0.85)
            for m in OPENING_APOSTROPHE.finditer(text):
                if m.group(1) in OPEN_ELISIONS or m.group(1) in NEVER_APOSTROPHE_WORDS:
                    continue  # "'tis"; a function word: the rule above
                nl = text.find("\n", m.end())
                if CLOSING_SINGLE.search(text, m.end(), len(text) if nl < 0 else nl):
                    continue  # 'a quotation' it opens
                yield Edit(m.start(), m.end(), "", "unclosed apostrophe before a word", 0.85)

    def _dash_hyphen(self, text: str) -> Iterator[Edit]:
        for m in DASH_HYPHEN.finditer(text):
            yield Edit(m.start(1), m.end(1), "", "stray hyphen after a dash", 0.9)

    # -- the pass -----------------------------------------------------------------------
    def _candidates(
        self, text: str, facts: _Facts, apostrophes: list[regex.Match[str]] | None = None
    ) -> list[Edit]:
        """The candidate edits of ``text`` (``apostrophes``: its APOSTROPHE matches, if
        already found).

        Every rule must stay local to a line: what it matches and reads lies within one
        line and the line breaks around it (a rule that reads further must say so in
        :func:`_again`, whose settling run searches again only the lines changed since)."""
        if apostrophes is None:
            apostrophes = _apostrophes(text)
        openers = self._stray_openers(text, facts)
        lines = _Lines(text, frozenset(openers))
        return [
            *self._period_after(text, facts),
            *self._period_for_hyphen(text),
            *self._period_before(text),
            *self._doubled(text),
            *self._spaced_comma(text, facts),
            *self._article_comma(text, facts),
            *self._apostrophe(text, lines, facts, apostrophes),
            *self._hyphen(text, facts),
            *self._dash_hyphen(text),
            *self._space_before_close(text),
            *self._double_period(text),
            *self._comma_after_quote(text),
            *self._per_cent(text),
            *self._apostrophe_in_punct(text),
            *self._period_inside(text),
            *self._glued_comma(text),
            *self._caret(text),
            *self._asterisk(text),
            *self._stuck_hyphen(text, facts),
            *self._apostrophe_between(text),
            *self._apostrophe_for_space(text, facts),
            *self._lone_marks(text, openers),
            *self._function_word_apostrophe(text, facts),
            *self._rule_read_as_i(text, facts),
            *self._comma_ends_paragraph(text, facts),
        ]

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        apostrophes = _apostrophes(text)
        damaged = damaged_prose(text, ctx, self.resources.known)
        facts = self._facts(text, apostrophes, damaged)
        candidates = _again(text, ctx, facts, self._candidates)
        if candidates is not None:
            candidates.sort(key=_edit_order)
            if any(a != b and _edit_order(a) == _edit_order(b) for a, b in pairwise(candidates)):
                candidates = None  # (the first of two rivals is the rules' first: search all)
        if candidates is None:
            candidates = self._candidates(text, facts, apostrophes)
            doc = ctx.document
            if doc is not None and (doc.text is text or doc.text == text):
                # kept for the settling run (Pass.settles_after), which takes them over on
                # the lines the passes in between left alone
                ctx.state.setdefault(
                    _FIRST_RUN,
                    _FirstRun(doc.original, text, tuple(doc.spans), facts, tuple(candidates)),
                )
            candidates.sort(key=_edit_order)
        if not candidates:
            return []
        protected = protected_spans(text, ctx)  # only now: most texts have no candidate
        out: list[Edit] = []
        end = -1
        for e in candidates:
            if e.start < end or (out and e.start == out[-1].start == e.end):
                continue
            if protected.overlaps(e.start, e.end):
                continue
            out.append(e)
            end = e.end
        return self._stable(text, out, protected, facts)

    def _rescan(self, text: str, regions: list[tuple[int, int]], facts: _Facts) -> list[Edit]:
        """The candidates of the lines of ``text`` that our edits changed (document facts
        kept from the original, so that the answer is the whole text's answer there)."""
        out: list[Edit] = []
        for start, end in _line_bounds(text, regions):
            for e in self._candidates(text[start:end], facts):
                out.append(Edit(e.start + start, e.end + start, e.after, e.reason, e.confidence))
        return out

    def _stable(self, text: str, edits: list[Edit], protected: Spans, facts: _Facts) -> list[Edit]:
        """Reach a fixpoint: what a second run would do, do now (idempotence).

        Two specks side by side ("ceiling.ceiling .the") can hide each other from the
        patterns. The output is scanned again; an edit it still offers is added (mapped
        back to this text), unless it touches one of ours, which is then withdrawn.
        """
        threshold = self.config.min_confidence
        for _ in range(4):
            applied = [e for e in edits if e.confidence >= threshold]
            if not applied:
                return edits
            new, to_old, regions = _apply(text, applied)
            again = [e for e in self._rescan(new, regions, facts) if e.confidence >= threshold]
            if not again:
                return edits
            added: list[Edit] = []
            spots: list[int] = []
            for e in again:
                if any((a < e.end and e.start < b) or a < e.start < b for a, b in regions):
                    spots.append(to_old(e.start))  # it rewrites what we wrote
                    continue
                start, end = to_old(e.start), to_old(e.end)
                if not protected.overlaps(start, end):
                    added.append(Edit(start, end, e.after, e.reason, e.confidence))
            kept = [e for e in edits if not any(e.start - 3 <= p <= e.end + 3 for p in spots)]
            merged: list[Edit] = []
            last = -1
            for e in sorted([*kept, *added], key=lambda e: (e.start, e.end)):
                if e.start < last or (
                    merged and (merged[-1].start, merged[-1].end) == (e.start, e.end)
                ):
                    continue
                merged.append(e)
                last = e.end
            if merged == edits:
                return edits
            edits = merged
        return edits


#: Where a document's first run keeps its candidates (:class:`_FirstRun`).
_FIRST_RUN = "punctuation.first_run"


@dataclass(frozen=True, slots=True)
class _FirstRun:
    """The candidates of the pass's first run over a document, and what they were found in:
    the text, the pipeline's spans that made it from the original, the document's facts."""

    original: str
    text: str
    spans: tuple[SpanLike, ...]
    facts: _Facts
    candidates: tuple[Edit, ...]


def _again(
    text: str,
    ctx: PassContext,
    facts: _Facts,
    candidates: Callable[[str, _Facts], list[Edit]],
) -> list[Edit] | None:
    """The candidates of ``text`` (the document as later passes left it) from those of the
    pass's first run over the document, or None (no first run, other facts, ...).

    Every rule is local to a line: its matches, and what it reads around them, stay
    within one line (paragraph) and the line breaks around it, except that a line's last
    comma may look at the next line's first word (:data:`COMMA_ENDS_PARAGRAPH`, in a text
    whose lines are paragraphs only). So, with the document's facts unchanged, a line that
    is the same in both texts (and followed by a line the same in both, when that rule
    applies) has the same candidates in both (moved). The other lines are searched again,
    each with the line break before it and the line after it: the candidates are the whole
    text's, in some order (see :meth:`StrayPunctuation.propose`)."""
    doc = ctx.document
    first = ctx.state.get(_FIRST_RUN)
    if (
        doc is None
        or not isinstance(first, _FirstRun)
        or first.original is not doc.original
        or first.facts != facts
        or not (doc.text is text or doc.text == text)
    ):
        return None
    old = first.text
    regions = _changed_lines(old, first.spans, text, doc.spans, line_before=facts.paragraphs)
    if regions is None:
        return None
    out: list[Edit] = []
    # the first run's candidates on the lines left alone, moved
    k = 0
    shift = 0
    for e in sorted(first.candidates, key=_edit_order):
        while k < len(regions) and e.start > regions[k][1]:
            shift += (regions[k][3] - regions[k][2]) - (regions[k][1] - regions[k][0])
            k += 1
        if k < len(regions) and e.start >= regions[k][0]:
            continue  # on a changed line: searched again below
        if k < len(regions) and e.end >= regions[k][0]:
            return None  # (an edit across a line break: none of the rules makes one)
        out.append(Edit(e.start + shift, e.end + shift, e.after, e.reason, e.confidence))
    # the changed lines, searched again with the line breaks around them (and the line
    # after them, when the rule that reads it applies)
    # (nearby stretches searched together: a search costs more than a few lines)
    size = len(text)
    groups: list[list[tuple[int, int]]] = []
    for _, _, a, b in regions:
        if groups and a - groups[-1][-1][1] <= _NEAR_LINES:
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    for group in groups:
        lo = max(group[0][0] - 1, 0)
        b = group[-1][1]
        if facts.paragraphs:
            nl = text.find("\n", b + 1) if b < size else -1
            hi = size if nl < 0 else nl + 1
        else:
            hi = min(b + 1, size)
        for e in candidates(text[lo:hi], facts):
            p = e.start + lo
            if any(a <= p <= b for a, b in group):  # (not the lines between: kept above)
                out.append(Edit(p, e.end + lo, e.after, e.reason, e.confidence))
    return out


#: Changed stretches of lines this close (characters) are searched again together.
_NEAR_LINES = 600


def _changed_lines(
    old: str,
    old_spans: Sequence[SpanLike],
    new: str,
    new_spans: Sequence[SpanLike],
    *,
    line_before: bool = True,
) -> list[tuple[int, int, int, int]] | None:
    """The stretches of whole lines in which two texts of one document differ (each with
    the line before it, if ``line_before``), as ``(start, end)`` in ``old`` then in ``new``:
    a start is a line's first character, an end the line break after the last line (or the
    text's end), and between the stretches the texts are the same. From the spans that made
    each text from the original: only the spans not in both differ. None when the stretches
    do not line up (they always do: a safeguard)."""
    old_keys = {(s.ostart, s.oend, s.after) for s in old_spans}
    new_keys = {(s.ostart, s.oend, s.after) for s in new_spans}
    changed = sorted({(a, b) for a, b, _ in old_keys ^ new_keys})
    merged: list[list[int]] = []  # in the original
    for a, b in changed:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    to_old, to_new = _OriginalMap(old_spans), _OriginalMap(new_spans)
    regions: list[list[int]] = []
    for a, b in merged:
        s1, e1, s2, e2 = to_old.start(a), to_old.end(b), to_new.start(a), to_new.end(b)
        # whole lines, from the line before the first: its last comma may read this line
        lo = new.rfind("\n", 0, s2) + 1
        if lo > 0 and line_before:
            lo = new.rfind("\n", 0, lo - 1) + 1
        nl = new.find("\n", e2)
        hi = len(new) if nl < 0 else nl
        old_lo, old_hi = s1 - (s2 - lo), e1 + (hi - e2)  # (the same text around the change)
        if regions and lo <= regions[-1][3]:
            regions[-1][1], regions[-1][3] = old_hi, hi
        else:
            regions.append([old_lo, old_hi, lo, hi])
    for r in regions:
        a1, b1, a2, b2 = r
        if (
            a1 < 0
            or old[a1 - 1 : a1] not in ("", "\n")
            or old[b1 : b1 + 1] not in ("", "\n")
            or (a1 == 0) != (a2 == 0)
            or (b1 == len(old)) != (b2 == len(new))
        ):
            return None
    return [(a1, b1, a2, b2) for a1, b1, a2, b2 in regions]


class _OriginalMap:
    """Positions of the original (outside the spans) in a text the spans made from it: a
    region's start before an insertion there, its end after it."""

    def __init__(self, spans: Sequence[SpanLike]) -> None:
        self.keys = [(s.oend, s.ostart == s.oend) for s in spans]  # (sorted, as the spans)
        self.shifts = [0]
        for s in spans:
            self.shifts.append(self.shifts[-1] + len(s.after) - (s.oend - s.ostart))

    def start(self, p: int) -> int:
        return p + self.shifts[bisect.bisect_left(self.keys, (p, True))]

    def end(self, p: int) -> int:
        return p + self.shifts[bisect.bisect_right(self.keys, (p, True))]


def _edit_order(e: Edit) -> tuple[int, int, float]:
    """Candidates by position, the most confident first (then in the rules' order)."""
    return (e.start, e.end, -e.confidence)


def _lines_are_paragraphs(text: str) -> bool:
    """Are the lines of ``text`` paragraphs: is a third of its non-blank lines
    :data:`PARAGRAPH_LINE` characters or longer?"""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    return bool(lengths) and 3 * sum(n >= PARAGRAPH_LINE for n in lengths) >= len(lengths)


def _apostrophes(text: str) -> list[regex.Match[str]]:
    """The APOSTROPHE matches of ``text`` (found once: the facts and the edits use them)."""
    return list(_matches(APOSTROPHE, text, ("' ", "’ ")))


def _has_double_opener(text: str) -> bool:
    """Does ``text`` hold an opening double quotation mark, curly or straight, as the quotes
    pass reads them?

    (Read so that the quotes pass's repairs, which turn marks into their curly forms, never
    change the answer. The first one found answers: substring tests, then the straight
    marks read one by one only when there is no curly one.)
    """
    if "“" in text or "‘‘" in text or "‘ ‘" in text:
        return True
    i = text.find('"')
    while i >= 0:
        if double_side(text, i, 0, len(text)) == "“":
            return True
        i = text.find('"', i + 1)
    return False


def _line_bounds(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The distinct lines (paragraphs) of ``text`` that the ``spans`` touch."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        start = text.rfind("\n", 0, a) + 1
        if out and start < out[-1][1]:
            continue
        nl = text.find("\n", b)
        out.append((start, len(text) if nl < 0 else nl))
    return out


def _apply(text: str, edits: list[Edit]) -> tuple[str, Callable[[int], int], list[tuple[int, int]]]:
    """``text`` with sorted, non-overlapping ``edits`` applied, a map back to ``text``, and
    the spans of the new text that the edits wrote."""
    out: list[str] = []
    new_starts: list[int] = []
    pos = delta = 0
    for e in edits:
        out.append(text[pos : e.start])
        new_starts.append(e.start + delta)
        out.append(e.after)
        pos = e.end
        delta += len(e.after) - (e.end - e.start)
    out.append(text[pos:])

    def to_old(q: int) -> int:
        k = bisect.bisect_right(new_starts, q) - 1
        if k < 0:
            return q
        e = edits[k]
        new_end = new_starts[k] + len(e.after)
        return e.start if q < new_end else e.end + (q - new_end)

    regions = [(a, a + len(e.after)) for a, e in zip(new_starts, edits, strict=True)]
    return "".join(out), to_old, regions


def _matches(
    pattern: regex.Pattern[str], text: str, needles: tuple[str, ...], offset: int = 0
) -> Iterator[regex.Match[str]]:
    """Matches of ``pattern`` starting ``offset`` characters into an occurrence of a needle.

    ``str.find`` locates the rare needles far faster than a regex scan for the pattern's
    first character; the pattern (with its lookbehinds) is then tried only there.
    """
    positions: set[int] = set()
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            positions.add(i + offset)
            i = text.find(needle, i + 1)
    end = -1
    for p in sorted(positions):
        if p < end:
            continue
        m = pattern.match(text, p)
        if m is not None:
            end = m.end()
            yield m


#: A single quotation mark that is not an apostrophe inside a word.
_SINGLE_MARK = regex.compile(r"['‘’](?<!\p{L}['‘’](?=\p{L}))")


def _other_single_marks(text: str, pos: int) -> bool:
    """Does the paragraph of ``pos`` hold another single quotation mark (its pair, maybe)?

    Apostrophes inside words do not count, nor a ’ that closes a “ quotation (the quotes
    pass makes it ”): so the answer is the same before and after the quotes pass.
    """
    start = text.rfind("\n", 0, pos) + 1
    nl = text.find("\n", pos)
    end = len(text) if nl < 0 else nl
    others = [m.start() for m in _SINGLE_MARK.finditer(text, start, end) if m.start() != pos]
    if not others:
        return False
    closers = {p + k for p, mark in read_line(text, start, end).closers for k in range(len(mark))}
    return any(p not in closers for p in others)


#: The next quotation mark of any kind (not an apostrophe inside a word).
_ANY_QUOTE = regex.compile(r"[\"“”‘]|['’](?!\p{L})|(?<!\p{L})['’]")


def _not_open(text: str, at: int, end: int) -> bool:
    """Is the opening ‘ at ``at`` no single quotation still open at ``end``?

    It is not when the end of a quotation closed it ("by law.’ ”"), when it is a misread “
    (the next mark closes a double quotation: "be ‘prescribed by law.” ... a judicial'
    officer"), or when it is a speck set apart before a double one ("law; ‘ and ... “there").
    """
    m = _ANY_QUOTE.search(text, at + 1, end)
    if m is None:
        return False
    mark = m.group()
    if mark in "'’":
        # a curly ‘ closed by a quotation's end ("by law.’ ”"), not by an elision ("an' I",
        # "yo'"); straight quotes are left open (spaced ones pair unseen: "' Victoria and
        # Albert'")
        return text[at] == "‘" and (
            text[m.start() - 1 : m.start()] in (".", ",", "!", "?")
            or text.startswith((" ”", ' "', "”", '"'), m.end())
        )
    return mark in ('"', "”") or (mark == "“" and text[at + 1 : at + 2].isspace())


def _after_number(text: str, i: int) -> bool:
    """Is the word at ``i`` preceded by a number ("6 in. pipe")?"""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j].isdigit()


class _Lines:
    """Per-line quote facts: may an apostrophe at ``pos`` be a closing quotation mark?

    Read with :func:`cleaner.quotemarks.read_line`, as the quotes pass reads them.
    """

    def __init__(self, text: str, stray: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.stray = stray  # straight openers this pass deletes: they open nothing
        self._cache: dict[int, LineQuotes] = {}

    def quote_may_close(self, text: str, pos: int, mark: str) -> bool:
        start = text.rfind("\n", 0, pos) + 1
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        # an opening single quote before it in the paragraph: it may close that quotation
        if any(
            m.start() not in self.stray and not _not_open(text, m.start(), pos)
            for m in OPEN_SINGLE.finditer(text, start, pos)
        ):
            return True
        q = self._cache.get(start)
        if q is None:
            q = self._cache[start] = read_line(text, start, end)
        if any(p == pos for p, _ in q.closers):
            return True  # the quotes pass makes it the closing ”
        return any(a < pos < b for a, b in q.unresolved)
