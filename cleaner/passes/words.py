"""Non-words corrected with an OCR confusion model; noise accents removed.

A token that no dictionary knows gets candidates from :mod:`cleaner.lexicon.spelling`
(one generic edit, up to two cheap OCR confusions: "rn"/"m", "cl"/"d", "e"/"c", "b"/"h",
"1"/"l", ..., or for long tokens two edits). The best candidate is applied only when the
evidence is strong: a clear margin over the runner-up and a confusion the cheaper the
rarer the word (a cheap one toward a word that is not rare; a typical one toward a word
the document itself uses or one of the commonest; an arbitrary edit only on long
lower-case tokens toward very common words). Weaker evidence is a suggestion (confidence
< 0.8); none is silence, unless the context settles it: of the common words the OCR could
have misread as the token, exactly one forms known pairs (English or opinion bigrams) with
the word before and the word after it ("he wae taken": only "was"). Not in a text in old
spelling ("beene", "giue", "tyme"), whose unknown words are mostly no misreads.

Never touched: words in any dictionary (archaic "shew", "connexion" are words), regular
old spellings ("publick", "controul"), inflections of real words ("estoppels"), words
glued by a lost space ("agreementis"), halves of split words ("possi- bility",
fragments before a soft hyphen or a star-page marker), elisions ("'twould"), protected
spans (citations, numbers, the user's list), tokens the document repeats (names, terms),
acronyms and abbreviations ("CCHD", "Sch."), party names around " v. ". Capitalized
tokens (possible names) change only toward the commonest words with the first letter
kept; inside quotations only the cheapest confusions apply.

Accents that are OCR specks on an English word ("Cóurt", "eithér") are removed; real ones
are kept: loanwords ("café", "résumé"), names whose plain form is no common word ("Peña"),
verse ("learnèd"), diaereses ("naïve"), and any spelling the document uses more than once.

>>> from cleaner import clean
>>> clean("the liabilily of the Cóurt is bn the lawn").text
'the liability of the Court is on the lawn'
>>> clean("the defence did shew the connexion; Peña ordered a café").text
'the defence did shew the connexion; Peña ordered a café'
>>> clean("a constable for hia failure to levy", passes=("words",)).text
'a constable for his failure to levy'
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import filterfalse, pairwise
from typing import TYPE_CHECKING, Any

import regex

from cleaner.fixpoint import edits_to_fixpoint
from cleaner.lexicon.spelling import Speller
from cleaner.lexicon.tokens import (
    TokenRounds,
    bmp_class,
    bmp_only,
    document_counts,
    document_damaged,
    everyday_words,
    letter_counts,
    run_positions,
    unknown_runs,
)
from cleaner.passes.base import Pass, PassContext
from cleaner.protect import Spans, protected_spans
from cleaner.types import Edit

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.resources import Resources

#: A word token: letters and digits, with alteration brackets inside ("proteet[ed]") and an
#: apostrophe tail ("court's").
TOKEN = re.compile(
    r"(?:\[[^\W\d_]{1,12}\])?[^\W_]+(?:\[[^\W\d_]{1,12}\][^\W_]*)*(?:['’][^\W\d_]+)*"
)
#: :data:`TOKEN` for a text without "[" (its bracket groups cannot match there): faster.
_PLAIN_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")


@functools.lru_cache(maxsize=2)
def _bmp_token(brackets: bool) -> re.Pattern[str]:
    """:data:`TOKEN` (``brackets``) or :data:`_PLAIN_TOKEN` for a text without characters
    beyond U+FFFF: the classes spelt out as ranges (a bitmap test per character, not a
    category look-up), the plain one's quantifiers possessive (its greedy first try is its
    match: nothing after a part is required). The same tokens, 1.3x as fast."""
    w, a = bmp_class(r"[^\W_]"), bmp_class(r"[^\W\d_]")
    if brackets:
        return re.compile(
            rf"(?:\[[{a}]{{1,12}}\])?[{w}]+(?:\[[{a}]{{1,12}}\][{w}]*)*(?:['’][{a}]+)*"
        )
    return re.compile(rf"[{w}]++(?:['’][{a}]++)*+")


def _token_pattern(text: str) -> re.Pattern[str]:
    """The fastest pattern that finds ``text``'s :data:`TOKEN` tokens."""
    brackets = "[" in text
    if bmp_only(text):
        return _bmp_token(brackets)
    return TOKEN if brackets else _PLAIN_TOKEN


#: A run of the characters that glue to a token (what :func:`_occurrences` looks around).
_RUN = re.compile(r"([\w\[\]]+)")
_RUN_HEAD = re.compile(r"[\w\[\]]+")
#: Unknown tokens times text length above which their offsets come from one index of the
#: text (:func:`_run_index`) rather than a ``str.find`` scan per token (measured break-even:
#: ~70 unknown tokens in a 60 KB text; the two give the same offsets).
_INDEX_WORK = 5_000_000
#: Double quotations (curly or straight), within one paragraph.
QUOTED = regex.compile(r"“[^”\n]{0,3000}”|\"[^\"\n]{0,3000}\"")
#: A lower-case word (and a comma) before a space: the next word is mid-sentence.
_MID_SENTENCE = re.compile(r"[a-z],?[ \t]+\Z")
#: Characters that join a token to a larger unit: hyphens (also soft and non-breaking),
#: invisible joiners, the "¬" of line-end splits, URL and e-mail punctuation.
JOINERS = frozenset("*-\u00ad\u2010\u2011\u200b\u200c\u200d\u2060¬/@#&_")
#: Names with an inner capital ("DeShaney", "McNeill", "LaFave"): not garbled tokens.
CAMEL_NAME = regex.compile(r"\p{Lu}\p{Ll}{1,2}\p{Lu}\p{Ll}+(?:['’]s)?")
#: A brand's style: "i" or "e" before a capitalized word ("iCloud", "eHarmony", "iPhone").
BRAND_STYLE = regex.compile(r"[ie]\p{Lu}\p{Ll}+(?:['’]s)?")
_HYPHEN_SPLIT_BEFORE = re.compile(r"[^\W\d_][-\u00ad\u2010¬][ \t]*\n?[ \t]*$")
_HYPHEN_SPLIT_AFTER = re.compile(r"[-\u00ad\u2010¬][ \t]*\n?[ \t]*[^\W\d_]")
_NEXT_WORD = re.compile(r"[.,'’]?[ \t]+([^\W\d_]+)")
_PREV_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[.,'’]?[ \t]+$")
#: "Ib." (ibidem, the reporter just cited) read as "lb.", in a citation list: "13 lb. 42;".
#: (The literal comes first, so that the regex engine finds it with a fast literal search.)
IBID = re.compile(r"lb\.(?<=\d lb\.|[;,] lb\.)(?= ?\d+(?:[;,.:)]|, \d|$))", re.MULTILINE)
IBID_REASON = "'Ib.' (ibidem) read as 'lb.' in a citation"
#: Ordinals and number-letter forms that are not OCR errors ("1st", "2d", "3rd", "10th").
ORDINAL = regex.compile(r"\d+(?:(?:st|nd|rd|th|d|n)s?|s)", regex.IGNORECASE)
#: Words always written with a capital: a lower-case token is no misread of them ("4(luly
#: served" is "duly", not "july"). ("march" and "may" are also lower-case words.)
CAPITALIZED_ONLY = frozenset(
    [
        "january",
        "february",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: Digits OCR makes of letters.
CONFUSABLE_DIGITS = frozenset("01568")
#: Combining marks that OCR specks produce (acute, grave, circumflex, ring, dot). A
#: diaeresis is left alone: it is real far more often ("naïve", "coöperate", "Zoë").
SPECK_MARKS = frozenset("\u0300\u0301\u0302\u030a\u0307")
#: A word shaped like a Spanish, Portuguese, Italian or French one ("maria", "martin",
#: "angel", "jose", "therese"), whose accent may be real: none of "w", "k", "sh", "gh", "ck",
#: "ou", a doubled consonant but "ll", "rr", "cc", "nn", "ss", "tt", or two consonants at
#: the end ("court", "witness" are no such words: "Cóurt", "witnéss" carry specks).
ROMANCE_SHAPED = re.compile(
    r"(?!.*(?:w|k|sh|gh|ck|ou|([bdfghjmpqvxz])\1|[b-df-hj-np-tv-z][b-df-hj-np-tv-z]$))"
    r"[a-zñç]+"
)
#: Titles before a surname ("Mr. Baek", "Officer Baek"): a capitalized word after one is
#: a name, whatever common word it is one letter from.
TITLES = frozenset(
    """mr mrs ms messrs miss dr rev hon officer deputy sheriff trooper detective sergeant
    sgt agent judge justice professor prof captain capt lieutenant lt corporal cpl
    governor gov senator sen representative rep""".split()  # noqa: SIM905
)
#: Words that follow a name in the name of a place or a body ("Thomas Street", "Monmouth
#: Court"): no surnames.
PLACE_WORDS = frozenset(
    """street road lane avenue square place row terrace crescent gardens park hill bridge
    river creek bay island county city town township parish court hall house hospital
    church chapel college school university station railway company bank office mills
    works district circuit""".split()  # noqa: SIM905
)
#: The word just before a place, and the period after it if any.
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)(\.?)[ \t]+$")
#: The metrical accent of verse on a past tense ("learnèd", "wingéd") is real.
METRICAL_ED = regex.compile(r"[èé]d$")
#: English words whose accents are real (their plain forms are also words).
REAL_ACCENTED = frozenset(
    [
        "café",
        "cafés",
        "résumé",
        "résumés",
        "fiancé",
        "fiancée",
        "fiancés",
        "naïve",
        "naïveté",
        "décor",
        "protégé",
        "protégée",
        "élite",
        "façade",
        "rôle",
        "cliché",
        "clichés",
        "exposé",
        "passé",
        "touché",
        "déjà",
        "vis-à-vis",
        "à",
        "la",
        "crème",
        "brûlée",
        "señor",
        "señora",
        "señorita",
        "jalapeño",
        "piñata",
        "coöperate",
        "coöperation",
        "reëlect",
        "soirée",
        "née",
        "entrée",
        "entrées",
        "communiqué",
        "communiqués",
        "attaché",
        "habitué",
        "sauté",
        "risqué",
        "outré",
        "blasé",
        # loanwords English print keeps accented (old reports, travel books, diplomacy)
        "débris",
        "régime",
        "régimes",
        "chargé",
        "dépôt",
        "dépôts",
        "depôt",
        "première",
        "premières",
        "rôles",
        "élan",
        "émigré",
        "émigrés",
        "début",
        "débuts",
        "débutante",
        "dénouement",
        "fête",
        "fêtes",
        "fêted",
        "tête",
        "état",
        "ménage",
        "négligé",
        "pâté",
        "aperçu",
        "garçon",
        "soupçon",
        "façades",
        "cañon",
        "cañons",
        "doña",
        "mañana",
        "señores",
        "résumé",
        "élites",
        "détour",
        "éclat",
        "séance",
        "séances",
        "naïf",
        "cortège",
        "précis",
    ]
)
#: Two-letter words a two-letter token may be corrected to ("bn" -> "on").
SHORT_WORDS = frozenset(
    [
        "on",
        "of",
        "to",
        "in",
        "is",
        "it",
        "be",
        "he",
        "an",
        "as",
        "at",
        "by",
        "or",
        "no",
        "so",
        "we",
        "me",
        "my",
        "do",
        "go",
        "up",
        "us",
    ]
)
#: Function words that OCR glues to a neighbour by losing a space.
FUNCTION_WORDS = frozenset(
    [
        *(
            [
                "a",
                "is",
                "an",
                "and",
                "the",
                "of",
                "to",
                "in",
                "on",
                "at",
                "by",
                "or",
                "as",
                "be",
                "was",
                "for",
                "that",
                "this",
                "with",
                "from",
                "not",
            ]
        ),
        *(
            [
                "he",
                "she",
                "it",
                "we",
                "they",
                "his",
                "her",
                "had",
                "has",
                "have",
                "so",
                "but",
                "are",
                "him",
                "who",
                "one",
                "its",
                "our",
                "may",
                "can",
                "any",
            ]
        ),
    ]
)
#: Regular endings: a known word plus one of these is a word, not a misread; "est" and
#: "eth" are the old second and third persons ("thou watchest", "it leaveth").
INFLECTIONS = (
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "ings",
    "er",
    "ers",
    "ly",
    "ment",
    "ments",
    "ness",
    "est",
    "eth",
    "less",
    "lessness",
)
#: Prefixes a known word takes to make a word the lists may lack, common in the law's
#: vocabulary ("nonmovant" aside: "nondelegable", "postjudgment", "coconspirator").
#: ("re", "un", "dis", "mis" make too many misreads look derived: "recaver", "mistrefs").
DERIVING_PREFIXES = (
    "non",
    "co",
    "pre",
    "post",
    "counter",
    "over",
    "under",
    "anti",
    "inter",
    "multi",
    "semi",
    "sub",
    "super",
)
#: ... and those that turn a final "y" into "i" ("importunities", "carried", "happily").
Y_INFLECTIONS = ("ies", "ied", "ier", "iers", "iest", "ily", "iness")
_STEM_FREQUENCY = 100_000
#: Words after which a capitalized word starts a sentence.
_SENTENCE_END = frozenset('.!?“"(\n')

_APPLY_COST = 0.6  # most a correction may cost and still be applied
_QUOTE_COST = 0.35  # ... inside a quotation
_NAME_COST = 0.35  # ... on a capitalized word (a possible name) toward a very common word
_NAME_COST_COMMON = 0.7  # ... toward one of the commonest words (5+ letters)
#: Words that open sentences and are no names: a capitalized misread of one of them at a
#: sentence start is corrected on a typical confusion ("Altbough", "Tlierefore").
SENTENCE_OPENERS = frozenset(
    """although however therefore whether whereas wherefore thereafter thereupon moreover
    furthermore nevertheless notwithstanding accordingly consequently because since while
    where when which what there these those this that they their then thus hence upon under
    after before during although neither either otherwise finally first second third""".split()  # noqa: SIM905
)
_NAME_TIER1 = 100_000_000  # a capitalized word: a cheap confusion toward the commonest words
_NAME_FREQUENCY = 500_000_000  # ... a typical one only at a sentence start, toward "the" & co.
_MARGIN = 0.3  # score lead over the runner-up
_SYSTEMATIC_COST = 0.35  # a repeated token: only a cheap confusion of a commonest word
_DISTANT_COST = 1.6  # most two generic edits may cost and be suggested (long tokens only)
_DISTANT_APPLY = 1.3  # ... and be applied
_TYPICAL_FREQUENCY = 100_000_000  # cost <= 0.6 without document support
_COMMON = 1_000_000  # a candidate this frequent in English needs no document support
_VERY_COMMON = 10_000_000  # ... and a capitalized token's correction must be this common
#: A weak verdict is settled by context (:meth:`NonWords._in_context`) among this many
#: best candidates, each costing at most this much and at least this common.
_LONE_MARGIN = 0.5  # a long token's lone candidate: its lead over the runner-up
#: Prefixes that make words the lists may lack ("mispleading", "unreturned").
_PREFIXES = (
    *("mis", "un", "non", "re", "pre", "dis", "over", "under", "out", "counter", "sub"),
    *("co", "inter", "semi", "anti", "post", "multi", "self"),
)
_LONE_LONG = 8  # ... a letter inserted or dropped only in a token this long
_LONE_RESHAPE = 0.5  # ... a confusion that changes the length ("iv" for "w") at most this
#: The days and the months: capitalized words that name no one.
CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december"}
)
#: Latin words that mark a Latin phrase around a token ("precludi non", "actio est").
LATIN_FUNCTION_WORDS = frozenset(
    {"non", "et", "ad", "de", "ex", "cum", "sine", "vel", "aut", "nec", "est", "sunt", "eo"}
    | {"qui", "quod", "quae", "ab", "pro", "per", "sub", "ut", "ne", "esse", "quo"}
)
#: Endings of Latin words ("pedis", "curiae", "factum"): an unknown neighbour so ending
#: makes a phrase Latin rather than damaged English.
LATIN_ENDING = re.compile(r"(?:us|um|ae|is|orum|arum|ibus|io|ii|em|am|ur)$")
#: ... and of Latin words beside a token (more endings: the verbs' "cessare", "abrogant")
LATIN_WORD_ENDING = re.compile(
    r"(?:us|um|ae|is|orum|arum|ibus|io|ii|em|am|as|ur|are|ere|ire|ant|unt)$"
)
_LONE_ANY = 7  # ... any one letter replaced only in a token this long
#: ... toward a word under :data:`_COMMON` only in a damaged text, and one this common at least
#: (BLN600: 20k rather than 100k, +31 fixed, 1 broken: "niehtdress", "lavatocies")
_LONE_RARE_FREQUENCY = 20_000
_LONE_TWO = 6  # ... two edits only in a token this long
_LONE_TWO_RESHAPE = 9  # ... and a length changed by two only in a token this long
_LONE_TWO_COST = 1.7  # ... costing at most this (not two arbitrary ones: "unrefuted")
_LONE_TWO_ANY = 8  # ... two arbitrary ones only in a token this long, toward a very common word
_LONE_TWO_CLEAN = 11  # ... and in a clean text too, in a token this long
_CONTEXT_CANDIDATES = 8
_CONTEXT_COST = 1.0
_CONTEXT_FREQUENCY = 1_000_000
#: In a badly damaged text, a candidate this many times likelier in its three words than
#: every other fitting one is the reading (see :meth:`NonWords._likeliest`). (BLN600: at
#: 20 rather than 100, 14 more readings, 12 right: "to ese if" -> "see", "oen their way".)
_CONTEXT_EVIDENCE = 20
#: Unknown words in old spelling ("beene", "giue") that mark a text as old-spelled.
_OLD_FORMS = 3
#: Opinion-corpus occurrences of a pair that show it is in use (fewer may be misreads).
_CORPUS_FIT = 5
#: The neighbour words, separated from the token by spaces only.
_PREV_PLAIN = re.compile(r"(?<![\w'’])([^\W\d_]+)[ \t]{1,3}$")
_NEXT_PLAIN = re.compile(r"[ \t]{1,3}([^\W\d_]+)(?![\w'’])")


def _plain_neighbours(text: str, start: int, end: int) -> list[str]:
    """The lower-case plain words just before and after ``[start, end)`` (those there are).

    >>> _plain_neighbours("the tacitum man", 4, 11), _plain_neighbours("tacitum, he", 0, 7)
    (['the', 'man'], [])
    """
    return [
        m.group(1).lower()
        for m in (
            _PREV_PLAIN.search(text, max(0, start - 40), start),
            _NEXT_PLAIN.match(text, end, end + 40),
        )
        if m is not None
    ]


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What to do with one distinct token, before its context is considered."""

    word: str  # the correction, lower-case
    cost: float
    margin: float
    common: bool
    frequency: int
    reason: str


def _strip_specks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    if not any(c in SPECK_MARKS for c in decomposed):
        return word
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in SPECK_MARKS))


def _shape(token: str, after: str, sentence_start: bool) -> str:
    """``after`` in the case pattern of ``token`` (mostly capitals -> all capitals).

    >>> _shape("LABoulR", "labour", False), _shape("tGamble", "gamble", False)
    ('LABOUR', 'Gamble')
    """
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return after
    n_upper = sum(c.isupper() for c in letters)
    if len(letters) > 1 and n_upper * 2 > len(letters):
        return after.upper()
    first = token[0]
    if len(token) > 1 and first.islower() and token[1].isupper() and after == token[1:].lower():
        return after[:1].upper() + after[1:]  # a noise letter before a capital
    if first.isupper() or (not first.isalpha() and sentence_start):
        return after[:1].upper() + after[1:]
    return after


#: Distinct unknown words an "o" for "e" explains that make a document's OCR one that reads
#: "e" as "o" (a typeface's worn "e"; Overproof's Australian newspapers) ...
E_AS_O_EVIDENCE = 2
#: ... and the share of its distinct lower-case words they must be (dialect and foreign
#: words, "hool", "sont", "nino", are explained by it far more rarely). (All its words, not
#: its unknown ones: a mended text must not show more of the confusion than its OCR did.)
E_AS_O_SHARE = 0.01
#: ... each turned into a word at least this common (Google Books count).
E_AS_O_COMMON = 1_000_000


#: :func:`reads_e_as_o`'s last answer: (the count, weakly, its resources, the answer) (the
#: words and real_words passes ask it of the same first count of a document).
_E_AS_O_LAST: list[tuple[weakref.ref[Any], Resources, bool]] = []


def _e_as_o_shape(bare: str) -> bool:
    """Could :meth:`NonWords._e_read_as_o` read ``bare`` in some document (letters, an "o")?"""
    return "o" in bare.lower() and bare.isalpha()


def reads_e_as_o(counts: Mapping[str, int], resources: Resources) -> bool:
    """Does the OCR whose words ``counts`` counts read "e" as "o": do two or more of its
    distinct unknown lower-case words (3+ letters), and one in a hundred of its distinct
    lower-case words, turn into common words when one "o" is made "e" ("woro" were, "aro"
    are, "havo" have)?"""
    if _E_AS_O_LAST and _E_AS_O_LAST[0][0]() is counts and _E_AS_O_LAST[0][1] is resources:
        return _E_AS_O_LAST[0][2]
    answer = _reads_e_as_o(counts, resources)
    with contextlib.suppress(TypeError):  # (a plain dict cannot be weakly referenced)
        _E_AS_O_LAST[:] = [(weakref.ref(counts), resources, answer)]
    return answer


def _reads_e_as_o(counts: Mapping[str, int], resources: Resources) -> bool:
    known, frequency = resources.known, resources.frequency
    hits = 0
    # the unknown ones, from the count's unknown runs (kept with the count: no look-up of
    # every word in the dictionaries)
    for w in unknown_runs(counts, known):
        if "o" not in w or len(w) < 3 or not w.islower() or not w.isalpha():
            continue
        for i, ch in enumerate(w):
            if ch == "o" and frequency(w[:i] + "e" + w[i + 1 :]) >= E_AS_O_COMMON:
                hits += 1
                break
    if hits < E_AS_O_EVIDENCE:
        return False  # (the usual answer: the words not counted, a loop over all of them)
    words = sum(1 for w in everyday_words(counts) if len(w) >= 3)
    return hits >= E_AS_O_SHARE * words


def o_read_for_e(w: str, resources: Resources) -> str | None:
    """The common word ``w`` is with some of its "o" made "e" ("woro" -> "were", not "wore":
    the commonest reading, 10x any other), or None.

    >>> from cleaner.resources import Resources
    >>> o_read_for_e("woro", Resources()), o_read_for_e("tonk", Resources())
    ('were', None)
    """
    at = [i for i, c in enumerate(w) if c == "o"]
    if not at or len(at) > 4:
        return None
    readings: list[tuple[int, str]] = []
    for k in range(1, 1 << len(at)):
        chars = list(w)
        for j, i in enumerate(at):
            if k >> j & 1:
                chars[i] = "e"
        word = "".join(chars)
        freq = resources.frequency(word)
        if freq >= E_AS_O_COMMON:
            readings.append((freq, word))
    if not readings:
        return None
    readings.sort(reverse=True)
    if len(readings) > 1 and readings[0][0] < 10 * readings[1][0]:
        return None
    return readings[0][1]


class NonWords(Pass):
    """Non-words corrected with an OCR confusion model; noise accents removed.

    >>> from cleaner import clean
    >>> clean("the fraud: a charge of iraud in that vear", passes=("words",)).text
    'the fraud: a charge of fraud in that year'
    """

    name = "words"
    description = "Non-words corrected with an OCR confusion model; noise accents removed."

    def __init__(self, config: Config, resources: Resources) -> None:
        super().__init__(config, resources)
        self._known: dict[str, bool] = {}
        self._verdicts: dict[str, _Verdict | None] = {}
        self._lower_verdicts: dict[str, _Verdict | None] = {}
        #: Tokens no document can change (known words, numbers, acronyms, tokens whose
        #: verdict is None): one C-level set difference skips them all.
        self._settled: set[str] = set()

    # -- per distinct token (memoized across documents) ----------------------------------
    def _is_known(self, w: str) -> bool:
        hit = self._known.get(w)
        if hit is None:
            r = self.resources
            hit = w in r.known
            if not hit and w[-2:] in ("'s", "’s") and len(w) > 3:
                hit = self._is_known(w[:-2])
            if not hit and ("'" in w or "’" in w):
                base = w.replace("’", "'")
                hit = base in r.english.counts
            if len(self._known) > 500_000:
                self._known.clear()
            self._known[w] = hit
        return hit

    def _verdict(self, w: str) -> _Verdict | None:
        if w in self._verdicts:
            return self._verdicts[w]
        v = self._decide(w, self.resources.spelling)
        if len(self._verdicts) > 200_000:
            self._verdicts.clear()
        self._verdicts[w] = v
        return v

    def _lower_verdict(self, w: str) -> _Verdict | None:
        """The verdict for a lower-case token whose best candidate is a name ("wae": "wac"):
        the candidates without the words only ever written with a capital."""
        if w in self._lower_verdicts:
            return self._lower_verdicts[w]
        v = self._decide(w, self.resources.spelling, self.resources.proper_names)
        if len(self._lower_verdicts) > 200_000:
            self._lower_verdicts.clear()
        self._lower_verdicts[w] = v
        return v

    def _settles(self, bare: str, low: str) -> bool:
        """Does :meth:`_occurrence` return None for ``bare`` in any document, anywhere?"""
        if len(bare) < 2 or len(bare) > 30:
            return True
        if bare.isdigit() or not any(c.isalpha() for c in bare):
            return True
        if self._is_known(low):
            return True
        if low in self._verdicts and self._verdicts[low] is None and not _e_as_o_shape(bare):
            return True  # (a document that reads "e" as "o" may still read it: "beon")
        if any(c.isdigit() for c in bare) and (
            ORDINAL.fullmatch(bare)
            or any(c.isdigit() and c not in CONFUSABLE_DIGITS for c in bare)
            or sum(c.isalpha() for c in bare) < 3
        ):
            return True
        letters = [c for c in bare if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters) and len(bare) <= 5

    def _systematic(self, bare: str, low: str) -> bool:
        """Is ``bare`` a misread the OCR repeats, though the document uses it 3+ times?

        Repetition says "a name or a term" ("Bovard", "Futch"), except for a cheap
        confusion of one of the commonest words: an engine that reads "the" as "tbe" does
        it on every page (66 times in the corpus), and no name is one stroke from "the".
        """
        if not (bare.islower() or (bare[:1].isupper() and bare[1:].islower())):
            return False
        if len(bare) < 3:
            return False
        v = self._verdict(low)
        return (
            v is not None
            and v.cost <= _SYSTEMATIC_COST
            and v.frequency >= _NAME_FREQUENCY
            and v.margin >= _MARGIN
            and not v.reason.startswith("accent")
        )

    def _split_part(self, text: str, start: int, end: int, w: str) -> bool:
        """Does ``w`` make a known word with the word before or after it ("pre vailed")?"""
        m = _NEXT_WORD.match(text, end)
        if m is not None and self._is_known(w + m.group(1).lower()):
            return True
        m = _PREV_WORD.search(text, max(0, start - 40), start)
        return m is not None and self._is_known(m.group(1).lower() + w)

    def _inflected(self, w: str, prefixed: bool = True) -> bool:
        """Is ``w`` a real word plus a regular ending ("estoppels", "leveeing",
        "warrantless"), or (``prefixed``) a known word of 5+ letters after a prefix
        ("nondelegable", "postjudgment")?

        The stem must be a word of 4+ letters that is not rare (a junk stem like "sal"
        or "bel" would excuse real misreads like "sald", "beld"), or a known word of 7+.
        """
        freq = self.resources.spelling.frequency
        for end in INFLECTIONS:
            if len(w) < len(end) + 4 or not w.endswith(end):
                continue
            stem = w[: -len(end)]
            if end == "d" and not stem.endswith("e"):
                continue
            for base in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
                if len(base) >= 4 and (freq(base) or 0) >= _STEM_FREQUENCY:
                    return True
                if len(base) >= 7 and self._is_known(base):
                    return True  # a long stem is no junk even when rare ("desponding")
        for end in Y_INFLECTIONS:  # "importunities", "carried": a "y" made "i"
            if w.endswith(end) and len(w) >= len(end) + 4:
                base = w[: -len(end)] + "y"
                if (freq(base) or 0) >= _STEM_FREQUENCY or (
                    len(base) >= 7 and self._is_known(base)
                ):
                    return True
        if prefixed:
            for head in DERIVING_PREFIXES:  # "nondelegable", "postjudgment"
                if w.startswith(head) and len(w) >= len(head) + 5:
                    base = w[len(head) :]
                    if (
                        (freq(base) or 0) >= _STEM_FREQUENCY
                        or (len(base) >= 7 and self._is_known(base))
                        or self._inflected(base, prefixed=False)
                    ):
                        return True
        return False

    def _after_name(self, text: str, start: int) -> bool:
        """Does a title ("Mr.", "Officer") or a name ("Jerome", a word only ever written
        with a capital) stand just before ``start``, so that a capitalized word there is
        a surname?

        >>> from cleaner.config import Config
        >>> from cleaner.resources import Resources
        >>> w = NonWords(Config(), Resources())
        >>> [w._after_name(t, t.index("Baek")) for t in ("Mr. Baek", "Jerome Baek", "the Baek")]
        [True, True, False]
        """
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            return False
        word = m.group(1)
        return word.lower() in TITLES or (
            m.group(2) == "" and word.lower() in self.resources.proper_names
        )

    def _thou_form(self, text: str, start: int, end: int, w: str) -> bool:
        """Is ``w`` (ending in "st") a verb's old second person beside "thou" ("thou
        knowst", "doest thou", "thou seest")?

        >>> from cleaner.config import Config
        >>> from cleaner.resources import Resources
        >>> v = NonWords(Config(), Resources())
        >>> t = "if thou knowst it, doest thou? thou mnst"
        >>> v._thou_form(t, 8, 14, "knowst"), v._thou_form(t, 19, 24, "doest")
        (True, True)
        >>> v._thou_form(t, 36, 40, "mnst")
        False
        """
        if "thou" not in _plain_neighbours(text, start, end):
            return False
        stems = [w[:-2], w[:-2] + "e"] if len(w) >= 5 else []  # "knowst", "lov(e)st"
        if w.endswith("est") and len(w) >= 5:
            stems.append(w[:-3])  # "doest", "seest"
        return any(self._is_known(stem) for stem in stems)

    def _speckled(self, counts: Iterable[str]) -> bool:
        """Does a lower-case word of ``counts`` carry an OCR speck (an accent on a known
        word: "thé", "offénders")?

        >>> from cleaner.config import Config
        >>> from cleaner.resources import Resources
        >>> w = NonWords(Config(), Resources())
        >>> w._speckled(["the", "Peña", "thé"]), w._speckled(["the", "Peña", "café"])
        (True, False)
        """
        for tok in counts:
            if tok.isascii() or not tok.islower():
                continue
            plain = _strip_specks(tok)
            if plain != tok and tok not in REAL_ACCENTED and self._is_known(plain):
                return True
        return False

    def _speck_on_word(self, bare: str) -> bool:
        """Is ``bare`` a known word of 4+ letters with an accent OCR put on it ("Justicé")?"""
        plain = _strip_specks(bare).lower()
        return (
            plain != bare.lower()
            and len(plain) >= 4
            and self._is_known(plain)
            and plain not in self.resources.proper_names
        )

    def _merged(self, w: str) -> bool:
        """Is ``w`` a known word glued to a function word ("agreementis", "ofthe")?"""
        for k in range(1, min(4, len(w) - 2) + 1):
            if w[-k:] in FUNCTION_WORDS and self._is_known(w[:-k]) and len(w) - k >= 3:
                return True
            if w[:k] in FUNCTION_WORDS and self._is_known(w[k:]) and len(w) - k >= 3:
                return True
            if w[:k] in FUNCTION_WORDS and w[k:] in FUNCTION_WORDS:
                return True  # "tobe", "ofthe"
        return False

    def _decide(
        self, w: str, speller: Speller, names: Container[str] = frozenset()
    ) -> _Verdict | None:
        plain = _strip_specks(w)
        if plain != w:
            if w in REAL_ACCENTED or METRICAL_ED.search(w) or not self._is_known(plain):
                return None
            freq = self.resources.frequency(plain)
            if freq < _STEM_FREQUENCY:
                return None  # "jupón" is no "jupon" (a rare word), most likely "upon"
            return _Verdict(plain, 0.1, 1.0, freq >= 5_000_000, freq, "accent is an OCR speck")
        if "'" in w or "’" in w:
            return None
        if self._merged(w):
            return None  # "agreementis": words merged by a lost space, not a misread
        cands = speller.candidates(w)
        if not cands or cands[0].cost > 1.0:
            cands = speller.distant(w) or cands  # two generic edits, long common words only
        if names:
            cands = tuple(c for c in cands if c.word not in names)
        if not cands:
            return None
        best = cands[0]
        if best.cost > _NAME_COST and self._inflected(w):
            return None  # "estoppels", "districted": a known word with a regular ending
        if _archaic(w, best.word):
            return None  # an old spelling ("publick", "controul"), not a misread
        if not w.isascii() and best.cost > 0.3:
            return None  # a real letter of another language ("Peña"), not a misread
        second = cands[1] if len(cands) > 1 else None
        margin = 1.0 if second is None else Speller.score(second) - Speller.score(best)
        return _Verdict(
            best.word,
            best.cost,
            margin,
            best.frequency >= _COMMON,
            best.frequency,
            f"non-word; OCR confusion (cost {best.cost:.2f})",
        )

    # -- per document ----------------------------------------------------------------------
    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        # to a fixed point: a correction settled by its neighbours may wait for a neighbour
        # this pass corrects too ("he wae takem": "takem" first, then "wae")
        # each round's tokens counted from the last round's and the edits it applied
        rounds = TokenRounds(_token_pattern, TOKEN, self.config.min_confidence, _lowered)

        def one_round(current: str) -> list[Edit]:
            try:
                edits = list(self._propose(current, ctx, rounds))
            except RecursionError:  # pragma: no cover - pathological input
                edits = []
            rounds.applied(current, edits)
            return edits

        return edits_to_fixpoint(
            text, one_round, name=self.name, min_confidence=self.config.min_confidence
        )

    def _propose(
        self, text: str, ctx: PassContext, rounds: TokenRounds | None = None
    ) -> Iterable[Edit]:
        if "lb." in text:
            ibid = [m for m in IBID.finditer(text)]
            if ibid:
                spans = protected_spans(text, ctx)
                for m in ibid:
                    if not spans.overlaps(m.start(), m.end()):
                        yield Edit(m.start(), m.start() + 1, "I", IBID_REASON, 0.9)
        if rounds is None:
            rounds = TokenRounds(_token_pattern, TOKEN, self.config.min_confidence, _lowered)
        exact = rounds.counts(text)
        if not exact:
            return
        recased: set[str] = set()
        for recase in self._mixed_case(text, ctx, exact):
            recased.add(text[recase.start : recase.end])
            yield recase
        settled = self._settled
        if len(settled) > 500_000:
            settled.clear()
        unknown: list[tuple[str, str, str]] = []  # (token, bare, lower-case)
        # (a C-level filter: most tokens are settled; a set difference would copy them all)
        fresh = filterfalse(settled.__contains__, exact)
        for tok in filterfalse(recased.__contains__, fresh) if recased else fresh:
            bare = tok.replace("[", "").replace("]", "") if "[" in tok or "]" in tok else tok
            low = bare.lower()
            if self._settles(bare, low):
                settled.add(tok)
            elif exact[bare] < 3:  # (one the document uses 3+ times is a name or a term)
                # the verdict (candidate search) waits until an occurrence passes the
                # cheap context checks: fragments of split words never pay for it
                unknown.append((tok, bare, low))
            elif self._systematic(bare, low):
                unknown.append((tok, bare, low))
        if not unknown:
            return
        lower = rounds.lower(text)
        # a text in old spelling ("beene", "giue", "tyme"): context does not settle its
        # unknown words, most of which are no misreads
        old_spelling = old_spelling_text([u[1] for u in unknown], self.resources.known)
        unknown = [u for u in unknown if lower[u[2]] < 3 or self._systematic(u[1], u[2])]
        if not unknown:
            return
        spans = protected_spans(text, ctx)
        quotes = _Quotations(text)
        known = self.resources.known

        def noisy() -> bool:  # asked of the rare long tokens only (kept per count)
            return document_damaged(text, ctx, known)

        def e_as_o() -> bool:  # does the document's OCR read "e" as "o"? (kept per count)
            return reads_e_as_o(document_counts(text, ctx), self.resources)

        @functools.cache
        def old_throughout() -> bool:  # old spelling throughout, not a few noise forms
            return old_spelling_share(document_counts(text, ctx), known) >= OLD_SPELLING_SHARE

        @functools.cache
        def speckled() -> bool:  # OCR specks on the document's lower-case words ("thé")
            return self._speckled(document_counts(text, ctx))

        found: list[tuple[int, int, str]] = []
        if len(unknown) * len(text) > _INDEX_WORK:
            # many unknown tokens in a long text: one index instead of a scan per token
            index = _run_index(text, {_head(u[0]) for u in unknown})
            for tok, _, _ in unknown:
                n = len(tok)
                for start in index.get(_head(tok), ()):
                    if text.startswith(tok, start) and _whole(text, start, n):
                        found.append((start, start + n, tok))
        else:
            for tok, _, _ in unknown:
                for start in _occurrences(text, tok):
                    found.append((start, start + len(tok), tok))
        found.sort()
        last = -1
        for start, end, tok in found:
            if start < last:
                continue
            edit = self._occurrence(
                text,
                start,
                end,
                tok,
                spans,
                quotes,
                exact,
                lower,
                old_spelling,
                noisy,
                e_as_o,
                old_throughout,
                speckled,
            )
            if edit is not None:
                last = end
                yield edit

    def _occurrence(
        self,
        text: str,
        start: int,
        end: int,
        tok: str,
        spans: Spans,
        quotes: _Quotations,
        exact: Counter[str],
        lower: Counter[str],
        old_spelling: bool,
        noisy: Callable[[], bool] = lambda: False,
        e_as_o: Callable[[], bool] = lambda: False,
        old_throughout: Callable[[], bool] = lambda: False,
        speckled: Callable[[], bool] = lambda: False,
    ) -> Edit | None:
        bare = tok.replace("[", "").replace("]", "")
        has_digit = any(c.isdigit() for c in bare)
        if has_digit:
            if ORDINAL.fullmatch(bare) or any(
                c.isdigit() and c not in CONFUSABLE_DIGITS for c in bare
            ):
                return None
            if sum(c.isalpha() for c in bare) < 3:
                return None
            # digits are protected as numbers: check the letters only
            if any(
                spans.overlaps(start + i, start + i + 1)
                for i, c in enumerate(tok)
                if not c.isdigit()
            ):
                return None
        elif spans.overlaps(start, end):
            return None
        nxt = text[end : end + 1]
        prev = text[start - 1 : start]
        if (
            prev.isalnum()
            or nxt.isalnum()
            or (prev and prev in JOINERS)
            or (nxt and nxt in JOINERS)
        ):
            return None  # part of a larger unit (hyphenated compound, URL, e-mail)
        before2 = text[start - 2 : start - 1]
        after2 = text[end + 1 : end + 2]
        if (prev and not prev.isspace() and before2.isalpha()) or (
            nxt and not nxt.isspace() and after2.isalpha() and nxt not in ".,;:!?"
        ):
            return None  # glued to letters by a noise mark ("afte~rnoon", "l)efendant")
        if (prev and prev in "'’‘") or (nxt and nxt in "'’" and not after2.isalpha()):
            return None  # an elision of verse or dialect ("'twould", "yoursel'")
        if _HYPHEN_SPLIT_BEFORE.search(text, max(0, start - 40), start) or (
            _HYPHEN_SPLIT_AFTER.match(text, end)
        ):
            return None  # a half of a word split at a line end ("possi- bility")
        letters = [c for c in bare if c.isalpha()]
        upper = len(letters) > 1 and all(c.isupper() for c in letters)
        if upper and len(bare) <= 5:
            return None  # an acronym ("CCHD", "LLC")
        if (
            nxt == "."
            and (bare[:1].isupper() or (len(bare) <= 4 and not _sentence_follows(text, end + 1)))
            and not self._speck_on_word(bare)
        ):
            return None  # an abbreviation ("Sch.", "Servs."), not a word with a speck ("Justicé.")
        w = bare.lower()
        if "o" in w and bare.isalpha() and not old_spelling and e_as_o():
            edit = self._e_read_as_o(text, start, end, bare, w)
            if edit is not None:
                return edit  # a confusion the document makes, however often it recurs
        if (lower[w] >= 3 or exact[bare] >= 3) and not self._systematic(bare, w):
            return None  # the document uses it: a name or a term
        if w.endswith("st") and self._thou_form(text, start, end, w):
            return None  # an old second person ("thou knowst", "doest thou")
        v = self._verdict(w)
        if v is None:
            return None
        if old_spelling and (
            self._spelling_of_its_time(w, v)
            or old_reading(w, v.word.__eq__)
            or (old_throughout() and old_reading(w, self._is_known))
        ):
            return None  # "haue", "neuer", "theyr" in a text in old spelling: as printed
        # "undrew" is no "andrew": a name takes a capital. Without the names the verdict
        # is a runner-up, which only the neighbours may settle ("wae": "was", not "wac")
        name_best = bare[:1].islower() and v.word in self.resources.proper_names
        if name_best:
            v = self._lower_verdict(w)
            if v is None:
                return None
        if v.word in CAPITALIZED_ONLY and bare[:1].islower():
            return None  # "luly" is no "july": the month takes a capital
        in_doc = lower[v.word] > 0
        j = start - 1
        while j >= 0 and text[j] in " \t[":
            j -= 1
        sentence_start = j < 0 or text[j] in _SENTENCE_END or text[j] in "”’'"
        # a garbled token (a capital after a small letter, a digit among letters) is no
        # name: "LABoulR", "tGamble", "Witn6ss" get the rules of lower-case words
        garbled = has_digit or (
            any(x.islower() and y.isupper() for x, y in pairwise(bare))
            and not CAMEL_NAME.fullmatch(bare)
        )
        if garbled and BRAND_STYLE.fullmatch(bare) and not noisy():
            return None  # a brand's style in a clean text ("iCloud", "eHarmony")
        capitalized = bare[:1].isupper() and not upper and not garbled
        upper = upper and not garbled
        caption = _near_v(text, start, end)
        quoted = quotes.overlaps(start, end)
        accent = v.reason.startswith("accent")

        strong = _strong(v, in_doc, len(bare), capitalized or upper, garbled) or (
            not (capitalized or upper or old_spelling)
            and self._lone_long(
                bare, w, v, loose=lambda: noisy() and self._english_beside(text, start, end)
            )
        )
        if accent:
            # an accented capitalized word: only when the plain form is a common word, no
            # name ("José", "René" keep their accents), the OCR puts specks on the
            # document's lower-case words too ("María", "Ángel" in a clean text are names),
            # and the document does not spell it this way again
            strong = (
                (v.common or not (capitalized or upper))
                and exact[bare] <= 1
                and not (
                    (capitalized or upper)
                    and (
                        v.word in self.resources.proper_names
                        or (ROMANCE_SHAPED.fullmatch(v.word) is not None and not speckled())
                    )
                )
            )
        elif capitalized or upper:
            # a capitalized unknown word is most often a name ("Husted", "Dutton"): only
            # confusions toward a very common word, keeping the first letter, once in the
            # document; the cheaper the confusion, the less common the word may be
            strong = (
                v.margin >= _MARGIN
                and (exact[bare] <= 1 or (sentence_start and self._systematic(bare, w)))
                and v.word[:1] == w[:1]
                and (
                    (v.cost <= _NAME_COST and v.frequency >= _NAME_TIER1)
                    or (
                        sentence_start
                        and v.cost <= _NAME_COST_COMMON
                        and v.frequency >= _NAME_FREQUENCY
                        and v.margin >= 0.5
                        and len(bare) >= 5
                    )
                    # a word that opens sentences and names nobody ("Altbough", "Tlierefore")
                    or (
                        sentence_start
                        and capitalized
                        and v.word in SENTENCE_OPENERS
                        and v.cost <= _APPLY_COST
                        and v.margin >= 0.5
                    )
                    # a day or a month, which names nobody ("Thuvsday", "Novemiber");
                    # not an old spelling ("Fryday")
                    or (
                        capitalized
                        and v.word in CALENDAR
                        and len(bare) >= 6
                        and v.cost <= 1.0
                        and v.margin >= 0.5
                        and not old_spelling
                        and not _swapped(w, v.word)
                        and not self._spelling_of_its_time(w, v)
                    )
                )
            )
            if capitalized and not sentence_start and w in self.resources.census_names:
                return None  # a surname or given name in mid-sentence ("Officer Baek")
            if caption or (capitalized and not sentence_start and not strong):
                return None
            if capitalized and _after_initial(text, start):
                return None  # a surname after initials ("R. H. Munday" is no "Monday")
            if capitalized and v.word not in PLACE_WORDS and self._after_name(text, start):
                return None  # a surname after a title or a given name ("Officer Baek")
        if _negation_from_glued_word(w, v.word, self._is_known):
            strong = False  # "issuffieient" is "is sufficient", not "insufficient"
        # a Latin word in a Latin phrase ("cessare tacitum", "actio personalis"): no misread
        latin = (
            not (capitalized or upper)
            and (LATIN_ENDING.search(w) is not None or w.endswith(("ant", "unt")))
            and self._latin_beside(text, start, end)
        )
        if latin:
            strong = False
        if quoted and not accent:
            strong = strong and v.cost <= _QUOTE_COST
        if name_best:
            strong = False
        if len(bare) <= 2 and not (v.word in SHORT_WORDS and v.cost <= 0.45):
            strong = False  # two letters are too little evidence, except for "bn" -> "on"
        settle = not (strong or caption or quoted or upper or accent or old_spelling or latin)
        if (
            settle
            and (not capitalized or (sentence_start and _after_sentence(text, start)))
            and not self._split_part(text, start, end, w)
        ):
            edit = self._in_context(text, start, end, bare, w, sentence_start, v.word, noisy)
            if edit is not None:
                return edit
        if (
            settle
            and not (capitalized or garbled or name_best)
            and len(bare) >= 4
            and bare.isalpha()
            and v.cost <= _APPLY_COST
            and v.margin >= _LONE_MARGIN
            and v.frequency >= _VERY_COMMON
            and noisy()
            and self._english_beside(text, start, end)
            and not self._spelling_of_its_time(w, v)
        ):
            # what the neighbours do not settle otherwise: a typical confusion toward a
            # common word well ahead of the rest, in a badly damaged English text ("camne"
            # came, "tcok" took); there the word need not be among the commonest nor one
            # the document uses
            strong = True
        weak_limit = _DISTANT_COST if len(bare) >= 8 else _APPLY_COST
        if not strong and (caption or upper or capitalized or v.cost > weak_limit):
            return None  # too weak even for a suggestion
        if self._split_part(text, start, end, w):
            return None  # "pre vailed": half of a word split by a space
        after = _shape(bare, v.word, sentence_start)
        if "[" in tok:
            return _bracketed_edit(tok, start, after, v, strong)
        conf = 0.9 if strong else min(0.7, 0.75 - v.cost * 0.3)
        conf = max(conf, 0.3)
        return Edit(start, end, after, v.reason, conf)

    def _e_read_as_o(self, text: str, start: int, end: int, bare: str, w: str) -> Edit | None:
        """In a document whose OCR reads "e" as "o": the common word the token is with some
        of its "o" made "e" ("woro" -> "were", "thoro" -> "there"); a capitalized token only
        at a sentence's start, toward one of the commonest words ("Gorman" is a name)."""
        reading = o_read_for_e(w, self.resources)
        if reading is None:
            return None
        capitalized = bare[:1].isupper()
        frequency = self.resources.frequency(reading)
        if len(w) <= 3 and frequency < _VERY_COMMON:
            return None  # "von" is no "ven"
        j = start - 1
        while j >= 0 and text[j] in " \t[":
            j -= 1
        sentence_start = j < 0 or text[j] in _SENTENCE_END or text[j] in "”’'"
        if capitalized and not (sentence_start and frequency >= _NAME_TIER1):
            return None  # a name ("Gorman" is no "German"), but "Thoro" opens a sentence
        if reading in CAPITALIZED_ONLY and not capitalized:
            return None
        reason = "non-word; 'e' read as 'o' (a confusion this document makes)"
        return Edit(start, end, _shape(bare, reading, sentence_start), reason, 0.9)

    def _in_context(
        self,
        text: str,
        start: int,
        end: int,
        bare: str,
        w: str,
        sentence_start: bool,
        verdict: str,
        noisy: Callable[[], bool] = lambda: False,
    ) -> Edit | None:
        """A weak verdict settled by the neighbours: of the common words the OCR could have
        misread as the token, exactly one forms known pairs with the word before and the
        word after it ("he wae taken": only "was" fits both "he _" and "_ taken"), or, where
        none fits both (or the token ends a clause), the best candidate is the only one that
        fits a side, and it is one of the commonest words ("see himn, and": only "him" fits
        "see _")."""
        prev = _PREV_PLAIN.search(text, max(0, start - 40), start)
        nxt = _NEXT_PLAIN.match(text, end, end + 40)
        if prev is None and nxt is None:
            return None
        if any(w[:k] in FUNCTION_WORDS and w[k:] in FUNCTION_WORDS for k in range(1, len(w))):
            return None  # "toa": two words merged ("to a"), no misread of one
        a = prev.group(1).lower() if prev is not None else None
        b = nxt.group(1).lower() if nxt is not None else None
        scored: list[tuple[int, str, int, float]] = []
        for c in self.resources.spelling.candidates(w)[:_CONTEXT_CANDIDATES]:
            if c.cost > _CONTEXT_COST or c.word == w or w in (c.word + "s", c.word + "es"):
                continue  # (a plural of a word the lists lack: "year olds")
            if c.frequency < (_CONTEXT_FREQUENCY if c.cost <= _APPLY_COST else _VERY_COMMON):
                continue
            fits = (a is not None and self._fits(a, c.word)) + (
                b is not None and self._fits(c.word, b)
            )
            scored.append((fits, c.word, c.frequency, c.cost))
        # an arbitrary edit only toward the commonest words (100M+); in a badly damaged
        # text toward common ones (10M+) too ("goni": "gone"), which there compete with the
        # commonest ("to mnet her": "meet" as well as "net"). What the commonest settle
        # alone is settled in any text (a text judged less damaged when cleaned again
        # must find nothing more to settle).
        commonest = [t for t in scored if t[3] <= _APPLY_COST or t[2] >= _TYPICAL_FREQUENCY]
        if len(w) <= 2 and max((t[0] for t in commonest), default=0) == 1:
            # a two-letter token fits one side only: not beside a function word, which
            # fits nearly any short word ("recover so ue of": "us of" says nothing)
            commonest = [
                t for t in commonest if self._fitting_side(a, b, t[1]) not in FUNCTION_WORDS
            ]
        word = self._settled_by(a, b, commonest, verdict, noisy)
        if len(commonest) < len(scored) and noisy():
            word = self._settled_by(a, b, scored, verdict, noisy) or word
        if word is None:
            return None
        if word in CAPITALIZED_ONLY and bare[:1].islower():
            return None
        after = _shape(bare, word, sentence_start)
        reason = f"non-word; OCR confusion, the only candidate that fits '{a} _ {b}'"
        return Edit(start, end, after, reason, 0.85)

    def _fitting_side(self, a: str | None, b: str | None, word: str) -> str | None:
        """The neighbour ``word`` forms a known pair with (``a`` before it, else ``b``)."""
        return a if a is not None and self._fits(a, word) else b

    def _mixed_case(self, text: str, ctx: PassContext, exact: Counter[str]) -> Iterator[Edit]:
        """A lower-case word with capitals inside ("plaintifF", "waS", "reMoved"), and "w"
        read as "AV" ("laAV", "beloAv"; "Avho", "Avas" mid-sentence): the lower-case word
        when it is a common one."""
        spans: Spans | None = None
        for tok in filterfalse(str.islower, exact):  # (a C-level filter: most are lower)
            if not (tok[:1].islower() or tok[:2] in ("Av", "AV")):
                continue
            if not (tok.isalpha() and len(tok) >= 2):
                continue
            low = tok.lower()
            initial = tok[:2] in ("Av", "AV") and tok[2:].islower() and len(tok) >= 4
            if initial:
                if self._is_known(low) or low in self.resources.census_names:
                    continue  # "Avon", "Avery", "Avent": names
                word = "w" + low[2:]
            elif not tok[:1].islower():
                continue
            elif tok[0] in "ei" and tok[2:].islower() and len(tok) > 3:
                continue  # a brand's style: "eBay", "iPhone"
            else:
                word = low.replace("av", "w") if ("AV" in tok or "Av" in tok) else low
                if self.resources.frequency(word) < _COMMON:
                    # "ll" read as "U" ("caUed", "aU"), "li"/"ll" as "H" ("deHuered"), "l"
                    # as "I" ("haIf", "smaI")
                    freq = self.resources.frequency
                    word = next((w for w in _capital_strokes(tok) if freq(w) >= _COMMON), word)
            if self.resources.frequency(word) < _COMMON and not (
                word in self.resources.known and exact[word] > 0
            ):
                continue
            if spans is None:
                spans = protected_spans(text, ctx)
            for start in _occurrences(text, tok):
                end = start + len(tok)
                if spans.overlaps(start, end) or text[end : end + 1] in JOINERS:
                    continue
                if start and text[start - 1] in JOINERS:
                    continue
                if len(tok) <= 3 and text[end : end + 1] == ".":
                    continue  # an abbreviation or a sum: "lOs." is "10s.", not "los."
                if initial and not _MID_SENTENCE.search(text, max(0, start - 40), start):
                    continue  # at a sentence start "Av" may begin a name
                yield Edit(start, end, word, f"letters in the wrong case ({tok!r})", 0.9)

    def _latin_beside(self, text: str, start: int, end: int) -> bool:
        """Does a Latin word stand beside ``[start, end)``: a Latin function word ("cum",
        "non") or a word no English list knows with a Latin ending ("personalis",
        "cessare")?

        >>> from cleaner.config import Config
        >>> from cleaner.resources import Resources
        >>> w = NonWords(Config(), Resources())
        >>> t = "expressum facit cessare tacitum; the tacitum man"
        >>> w._latin_beside(t, 24, 31), w._latin_beside(t, 37, 44)
        (True, False)
        """
        english = self.resources.english.counts
        return any(
            nb in LATIN_FUNCTION_WORDS
            or (nb not in english and LATIN_WORD_ENDING.search(nb) is not None)
            for nb in _plain_neighbours(text, start, end)
        )

    def _english_beside(self, text: str, start: int, end: int) -> bool:
        """Are the words beside ``[start, end)`` English ones: none of them a Latin word
        ("precludi non", "pcssessio pedis": a Latin ending), and not both unknown to the
        English lists (one garbled neighbour is the damage around it, not another language)?"""
        english = self.resources.english.counts
        foreign = 0
        for nb in _plain_neighbours(text, start, end):
            if nb in LATIN_FUNCTION_WORDS:
                return False
            if nb not in english:
                if LATIN_ENDING.search(nb):
                    return False  # "pedis", "curiae": likelier Latin than damage
                foreign += 1
        return foreign < 2

    def _loose_long(self, w: str, v: _Verdict) -> bool:
        """The wider reach of :meth:`_lone_long` in English prose: one arbitrary letter
        replaced in a 7+ letter token ("prosecation", "refubed"), or a typical confusion
        and one arbitrary edit in a 6+ letter one ("hcroby", "comtaissioner"; the length
        changed by two only from 9 letters). Two letters swapped ("flouride") are a slip of
        the pen, and "smilin" is speech, not a misread."""
        if len(w) >= _LONE_ANY and v.cost <= 1.0 and len(w) == len(v.word):
            pass
        elif (
            len(w) >= _LONE_TWO_ANY
            and abs(len(w) - len(v.word)) <= 1
            and v.frequency >= _VERY_COMMON
        ):
            pass  # two arbitrary letters of a long token, toward a very common word
        elif not (
            len(w) >= _LONE_TWO
            and v.cost <= _LONE_TWO_COST
            and abs(len(w) - len(v.word)) <= (2 if len(w) >= _LONE_TWO_RESHAPE else 1)
        ):
            return False
        if v.word == w + "g" and w.endswith("in"):
            return False  # a dropped "g" of speech ("smilin'", "stirrin'")
        # a compound is a reading only when its parts are as common as the candidate
        # ("sightline" stays; "prosecation" is no "prose" + "cation")
        return not (_swapped(w, v.word) or self._derived(w, parts_from=v.frequency))

    def _lone_long(
        self, bare: str, w: str, v: _Verdict, loose: Callable[[], bool] = lambda: False
    ) -> bool:
        """Is ``v`` a typical confusion of a long lower-case token toward a common word that
        no other word comes near ("drawets" -> "drawers", "stoleh" -> "stolen")?

        Six letters and one lone candidate leave little room for a rare real word; an
        old spelling ("deliuer", "iealous") and a human misspelling of another word (a
        letter doubled or undoubled: "preceeding", "proferred") are left alone.
        """
        if not (len(bare) >= 6 and bare.isalpha() and v.margin >= _LONE_MARGIN):
            return False
        if v.frequency < _COMMON:
            # a less common word ("remanded", "assaulting", "servitude") only by the wider
            # reach of a damaged English text, in a 7+ letter token
            return (
                v.frequency >= _LONE_RARE_FREQUENCY
                and len(w) >= _LONE_ANY
                and self._loose_long(w, v)
                and loose()
                and not self._spelling_of_its_time(w, v)
            )
        if (v.cost <= _APPLY_COST and (len(v.word) == len(w) or v.cost <= _LONE_RESHAPE)) or (
            # a letter too many in a long token ("unlawvful", "remanuded")
            v.cost <= 1.0 and len(bare) >= _LONE_LONG and len(w) == len(v.word) + 1
        ):
            if len(w) != len(v.word) and self._derived(w):
                return False  # "mispleading", "forgeman", "disputest": words the lists lack
        elif not (
            (self._loose_long(w, v) and loose())
            or (len(w) >= _LONE_TWO_CLEAN and self._far_misread(w, v))
        ):
            return False
        return not self._spelling_of_its_time(w, v)

    def _far_misread(self, w: str, v: _Verdict) -> bool:
        """Two arbitrary letters of a very long token (11+), in any text, toward a very
        common word no other comes near ("apjoointment", "corfsideration"): no word the
        lists lack is that close to one of the commonest. Not at the ending, where another
        form of the word stands ("considerance", "sustainance")."""
        stem = next((i for i, (x, y) in enumerate(zip(w, v.word, strict=False)) if x != y), len(w))
        return (
            abs(len(w) - len(v.word)) <= 1
            and v.frequency >= _VERY_COMMON
            and stem < min(len(w), len(v.word)) - 3
            and self._loose_long(w, v)
        )

    def _spelling_of_its_time(self, w: str, v: _Verdict) -> bool:
        """Is ``w`` an old spelling ("deliuer", "iealous", "chearful", "Fryday") or a
        human misspelling of ``v.word`` (a letter doubled or undoubled: "preceeding",
        "proferred") rather than a misread?"""
        if old_form(w, self.resources.known) or ("i" in w and self._is_known(w.replace("i", "j"))):
            return True
        if len(v.word) == len(w) and all(
            x + y in ("ae", "ea", "yi") for x, y in zip(w, v.word, strict=True) if x != y
        ):
            return True  # ("Fryday": "y" for "i")
        return any(map(self._is_known, _doubling_slips(w)))

    def _derived(self, w: str, parts_from: int = 0) -> bool:
        """Is ``w`` made of known parts: a prefix and a word ("mispleading"), two words
        ("forgeman"; each at least ``parts_from`` frequent in English, if given), an
        adverb of a known adjective ("foreseeably"), or a verb with an old ending
        ("disputest", "holdeth")?"""
        k = self._is_known
        if any(w.startswith(p) and k(w[len(p) :]) for p in _PREFIXES):
            return True
        if w.endswith(("ably", "ibly")) and k(w[:-1] + "e"):
            return True
        english = self.resources.english.counts
        if any(
            k(w[:i])
            and k(w[i:])
            and (not parts_from or min(english.get(w[:i], 0), english.get(w[i:], 0)) >= parts_from)
            for i in range(3, len(w) - 2)
        ):
            return True
        return w.endswith(("est", "eth")) and (k(w[:-3]) or k(w[:-2]))

    def _settled_by(
        self,
        a: str | None,
        b: str | None,
        scored: list[tuple[int, str, int, float]],
        verdict: str,
        noisy: Callable[[], bool],
    ) -> str | None:
        """The one candidate of ``scored`` (fits, word, frequency, cost) that its neighbours
        ``a`` and ``b`` settle, if any: the only one that fits both, or in a badly damaged
        text the likeliest of several that do; one side alone only confirms the verdict,
        and only toward one of the commonest words ("himn" -> "him")."""
        best = max((t[0] for t in scored), default=0)
        fitting = [(c, f) for n, c, f, _ in scored if n == best]
        if best == 2 and len(fitting) > 1 and a is not None and b is not None and noisy():
            # several fit both sides; in a badly damaged text, the one that makes the three
            # words far likelier than any other does ("the caee was": "case", not "cave")
            fitting = self._likeliest(a, b, fitting)
        if best == 0 or len(fitting) != 1:
            return None  # none, or several the context cannot tell apart
        word, frequency = fitting[0]
        if best == 1 and (word != verdict or frequency < _TYPICAL_FREQUENCY):
            return None  # one side picks no other word ("preceeding" stays)
        return word

    def _likeliest(self, a: str, b: str, fitting: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """Of candidates that fit "a _ b", the one whose three-word likelihood
        c(a, w) c(w, b) / c(w) is :data:`_CONTEXT_EVIDENCE` times any other's, alone; else
        all of them."""
        count = self.resources.bigrams.count
        scored = sorted(
            ((count(a, c) * count(c, b) / max(f, 1), c, f) for c, f in fitting), reverse=True
        )
        if scored[0][0] >= _CONTEXT_EVIDENCE * max(scored[1][0], 1e-9):
            return [(scored[0][1], scored[0][2])]
        return fitting

    def _fits(self, a: str, b: str) -> bool:
        """Is the pair ``a b`` in use: in the English bigram list, or often in opinions?"""
        r = self.resources
        return r.bigrams.count(a, b) > 0 or r.corpus_bigrams.count(a, b) >= _CORPUS_FIT


def old_form(w: str, known: Container[str]) -> bool:
    """Is ``w`` an old spelling of a known word: a final "e" ("beene", "owne"), "u" for
    "v" ("giue", "haue"), "y" for "i" ("tyme")?

    >>> old_form("giue", {"give"}), old_form("gave", {"give"})
    (True, False)
    """
    if len(w) < 4 or not w.isalpha():
        return False
    return (
        (w[-1] == "e" and w[:-1] in known and len(w) >= 5)
        or ("u" in w and w.replace("u", "v") in known)
        or ("v" in w and w.replace("v", "u") in known)
        or ("y" in w and w.replace("y", "i") in known)
    )


def damaged_prose(text: str, ctx: PassContext, known: Container[str]) -> bool:
    """The condition of the passes' damaged-text rules: the document is badly damaged
    (:func:`cleaner.lexicon.tokens.document_damaged`) and not in old spelling."""
    return document_damaged(text, ctx, known) and not old_spelling_text(
        letter_counts(text, ctx), known
    )


#: The share of old forms among a text's unknown lower-case words above which it is in old
#: spelling throughout: ICDAR's early modern books 0.1-0.7; the BLN600 newspapers whose
#: misreads pass for three old forms 0.02-0.05.
OLD_SPELLING_SHARE = 0.1


def old_spelling_share(counts: Iterable[str], known: Container[str]) -> float:
    """The share of old forms (:func:`old_form`) among the unknown lower-case runs of 4+
    letters of a text with these runs of letters.

    >>> old_spelling_share({"giue": 1, "tyme": 1, "xqzt": 1, "the": 9}, {"give", "time", "the"})
    0.6666666666666666
    """
    unknown = [w for w in unknown_runs(counts, known) if len(w) >= 4 and w.islower()]
    if not unknown:
        return 0.0
    return sum(1 for w in unknown if old_form(w, known)) / len(unknown)


def old_spelling_text(counts: Iterable[str], known: Container[str]) -> bool:
    """Is a text with these runs of letters in old spelling ("beene", "giue", "tyme")?
    Three distinct old forms among its unknown lower-case runs say so (names such as
    "Adolphe", "Jacoby" do not count).

    >>> old_spelling_text({"beene": 1, "giue": 2, "tyme": 1}, {"been", "give", "time"})
    True
    """
    n = 0
    for w in unknown_runs(counts, known):
        if w.islower() and old_form(w, known):
            n += 1
            if n >= _OLD_FORMS:
                return True
    return False


def _after_sentence(text: str, start: int) -> bool:
    """Does a sentence end (or the text start) before ``start``? (A line start is not one.)"""
    head = text[max(0, start - 8) : start].rstrip(" \t\n[“\"‘'")
    return not head or head[-1] in ".!?:"


def _lowered(exact: Counter[str]) -> Counter[str]:
    """The counts of ``exact`` by lower-case form (most tokens already are lower case: only
    the others are moved, a C-level filter finds them).

    >>> sorted(_lowered(Counter({"the": 2, "The": 1, "1st": 1, "A1": 1})).items())
    [('1st', 1), ('a1', 1), ('the', 3)]
    """
    lower = exact.copy()
    for tok in list(filterfalse(str.islower, exact)):
        n = lower.pop(tok)
        low = tok.lower()
        lower[low] = lower.get(low, 0) + n
    return lower


class _Quotations:
    """The double quotations of a text (:data:`QUOTED`), found on the first question about a
    line, in that line only: a quotation never spans a line break, so a line's matches are
    those of the whole text there (most documents never ask, the others ask of a few lines:
    a fifth of their text)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, Spans] = {}  # by the line's start

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` (within one line) overlap a quotation?"""
        text = self.text
        lo = text.rfind("\n", 0, start) + 1
        spans = self._lines.get(lo)
        if spans is None:
            nl = text.find("\n", lo)
            hi = len(text) if nl < 0 else nl
            spans = self._lines[lo] = Spans.merge(m.span() for m in QUOTED.finditer(text, lo, hi))
        return spans.overlaps(start, end)


def _occurrences(text: str, tok: str) -> Iterable[int]:
    """Start offsets where ``tok`` occurs as a whole token (as :data:`TOKEN` would match it)."""
    n = len(tok)
    p = text.find(tok)
    while p >= 0:
        if _whole(text, p, n):
            yield p
        p = text.find(tok, p + 1)


def _whole(text: str, p: int, n: int) -> bool:
    """Is ``text[p : p + n]`` a whole token (nothing glued before or after it)?"""
    before = text[p - 1] if p else ""
    after = text[p + n] if p + n < len(text) else ""
    whole = not (before and (before.isalnum() or before in "[]_"))
    glued = after.isalnum() or after in "[]_"
    tail = after in "'’" and text[p + n + 1 : p + n + 2].isalpha()
    if after and (glued or tail):
        whole = False
    if whole and before in "'’" and p >= 2 and text[p - 2].isalpha():
        whole = False
    return whole


def _head(tok: str) -> str:
    """The leading run of :data:`_RUN` characters of a token ("court" of "court's")."""
    m = _RUN_HEAD.match(tok)
    return tok if m is None else m.group()


def _run_index(text: str, heads: set[str]) -> dict[str, list[int]]:
    """Offsets of the runs of :data:`_RUN` characters of ``text`` that are in ``heads``.

    One split of the text, the runs selected with a C-level set test, and the offsets
    summed from the lengths of the pieces between them: linear in the text, whatever the
    number of heads (a token's whole occurrences all start such a run).

    >>> _run_index("an ab, ab'x [ab] ab", {"ab", "[ab]"})
    {'ab': [3, 7, 17], '[ab]': [12]}
    """
    return run_positions(text, heads, _RUN)


def _archaic(w: str, word: str) -> bool:
    """Is ``w`` an old spelling of ``word`` rather than a misread?

    Old opinions spell "publick", "controul", "surprize", "untill", "recompence",
    "befel": regular variants of orthography that OCR does not produce.

    >>> _archaic("publick", "public"), _archaic("controul", "control"), _archaic("rnold", "mold")
    (True, True, False)
    """
    if w == word + "k" and word.endswith("c"):
        return True
    if "ou" in w and (w.replace("oul", "ol", 1) == word or w.replace("our", "or", 1) == word):
        return True
    if len(w) == len(word) and (
        w.replace("z", "s") == word.replace("z", "s") or w.replace("ce", "se") == word
    ):
        return True
    if w.endswith("ll") and w[:-1] == word:
        return True
    return word.endswith("ll") and word[:-1] == w


def _capital_strokes(tok: str) -> Iterator[str]:
    """The lower-case words ``tok`` reads as when an inner "U" is "ll", an inner "H" is
    "li" or "ll" (the strokes of two tall letters run together) and an inner "I" is "l",
    "ll" or a speck.

    >>> list(_capital_strokes("caUed")), list(_capital_strokes("SaHsbury"))
    (['called'], ['salisbury', 'sallsbury'])
    """
    head, rest = tok[:1], tok[1:]
    if "U" in rest:
        yield (head + rest.replace("U", "ll")).lower()
    if "H" in rest:
        yield (head + rest.replace("H", "li")).lower()
        yield (head + rest.replace("H", "ll")).lower()
    if "I" in rest:
        yield (head + rest.replace("I", "l")).lower()
        yield (head + rest.replace("I", "ll")).lower()
        yield (head + rest.replace("I", "")).lower()  # a speck: "aInd", "defendantsI"


def _swapped(w: str, word: str) -> bool:
    """Is ``w`` ``word`` with two neighbouring letters swapped ("flouride")?

    >>> _swapped("flouride", "fluoride"), _swapped("flaoride", "fluoride")
    (True, False)
    """
    if len(w) != len(word):
        return False
    diff = [i for i, (x, y) in enumerate(zip(w, word, strict=True)) if x != y]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and w[diff[0]] == word[diff[1]]
        and w[diff[1]] == word[diff[0]]
    )


#: Spellings of early modern print and their modern forms (either way where both occur):
#: "u"/"v" ("haue", "vse"), "y" for "i" ("delyte"), "ee" ("beleeve", "seene"), "au"
#: ("chaunge"), "ey" ("countrey"), "ie" for "y" ("citie"), "en" for "in" ("encreased"),
#: "in" for "en" ("kitchin"), "re" for "er" ("remembre"), "ll"/"l" ("seuerall"), "e" for
#: "ea" and "ee" ("gretly", "stretes"), "y" for "u" ("chyrches").
_OLD_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("u", "v"),
    ("v", "u"),
    ("y", "i"),
    ("ee", "e"),
    ("ee", "ie"),
    ("au", "a"),
    ("ey", "y"),
    ("ie", "y"),
    ("en", "in"),
    ("in", "en"),
    ("re", "er"),
    ("ll", "l"),
    ("e", "ea"),
    ("e", "ee"),
    ("y", "u"),
)


def old_reading(w: str, is_word: Callable[[str], bool]) -> bool:
    """Is ``w`` a word as early modern print spelt it: up to three of the substitutions
    of :data:`_OLD_SPELLINGS`, and a final "e" ("eate", "eares"), make a word of it
    ("seuerall" several, "countrey" country)?

    >>> words = {"several", "country", "believe", "kitchen", "ears", "eat", "the"}
    >>> [old_reading(w, words.__contains__) for w in ("seuerall", "countrey", "beleeve")]
    [True, True, True]
    >>> [old_reading(w, words.__contains__) for w in ("kitchin", "eares", "eate", "tbe")]
    [True, True, True, False]
    >>> [old_reading(w, {"looked", "stopped"}.__contains__) for w in ("lookt", "stopt", "lost")]
    [True, True, False]
    """
    if len(w) < 3:
        return False  # ("iu" is no old "iv")
    seen = {w}
    frontier = {w}
    if len(w) >= 4 and w.endswith("e"):
        frontier.add(w[:-1])
    if len(w) >= 5 and w.endswith("es"):
        frontier.add(w[:-2] + "s")
    if len(w) >= 5 and w.endswith("t") and w[-2] not in "aeiout":
        # a past in "t" ("lookt", "matcht", "stopt" for "looked", "matched", "stopped")
        frontier.update((w[:-1] + "ed", w[:-1] + w[-2] + "ed"))
    for _ in range(3):
        nxt: set[str] = set()
        for form in frontier:
            for old, new in _OLD_SPELLINGS:
                i = form.find(old)
                while i >= 0:
                    cand = form[:i] + new + form[i + len(old) :]
                    if cand not in seen:
                        seen.add(cand)
                        nxt.add(cand)
                    i = form.find(old, i + 1)
        if any(map(is_word, frontier - {w})) or any(map(is_word, nxt)):
            return True
        frontier = nxt
    return False


def _doubling_slips(w: str) -> Iterable[str]:
    """The words ``w`` may be a slip of the pen for: a letter doubled ("preceeding"),
    undoubled ("ocurred"), or the doubling moved ("proferred" for "proffered").

    >>> "proffered" in set(_doubling_slips("proferred"))
    True
    """
    undoubled = [w[:i] + w[i + 1 :] for i in range(1, len(w)) if w[i] == w[i - 1]]
    yield from undoubled
    for base in (w, *undoubled):
        for i in range(len(base)):
            yield base[: i + 1] + base[i:]


def _strong(v: _Verdict, in_doc: bool, length: int, capital: bool, garbled: bool) -> bool:
    """Is the evidence for ``v`` strong enough to apply it (before context rules)?

    The cheaper the confusion, the rarer the word may be: a cheap OCR confusion
    (cost <= 0.35) needs a word of moderate frequency, a typical one (<= 0.6) a common
    word or one the document uses, a single arbitrary edit (<= 1.0) a very common word,
    a long lower-case token and a wide margin over the runner-up.
    """
    if v.margin < _MARGIN:
        return False
    if v.cost <= 0.35:
        return v.frequency >= 100_000 or in_doc
    if v.cost <= _APPLY_COST:
        # a typical confusion: the document itself uses the word, or it is among the
        # commonest (a rare real word like "glebe" must not become "globe")
        return in_doc or v.frequency >= (_COMMON if garbled else _TYPICAL_FREQUENCY)
    if v.cost <= 1.0:
        lead = 0.3 if v.frequency >= _NAME_FREQUENCY else 0.5
        return (
            not capital
            and length >= 4
            and v.margin >= lead
            and (v.frequency >= _VERY_COMMON or (in_doc and v.common))
        )
    if v.cost <= _DISTANT_APPLY:
        # two edits, one of them a typical confusion: a long lower-case token, one common
        # candidate far ahead of the rest, the length kept (legal words absent from the
        # dictionaries, "subrogated", "uncollectable", differ from their neighbours by
        # whole syllables; those stay suggestions)
        return (
            not capital
            and length >= 8
            and v.margin >= 0.5
            and v.frequency >= 1_000_000
            and abs(len(v.word) - length) <= 1
        )
    return False


def _sentence_follows(text: str, i: int) -> bool:
    """After a period at ``i - 1``: does a new sentence (or the end) follow?"""
    rest = text[i : i + 4].lstrip(" \t”’\"')")
    return not rest or rest[0].isupper() or rest[0] == "\n"


#: Negating prefixes a correction must not bring in where a short word was glued on.
_NEGATIONS = ("in", "im", "il", "ir", "un", "non", "dis")
#: Short words a lost space glues to the next ("issufficient" for "is sufficient").
_GLUED_SHORT_WORDS = frozenset(
    "is it if as at an on to so no do of or be he we me by my".split()  # noqa: SIM905
)


def _negation_from_glued_word(
    token: str, word: str, is_word: Callable[[str], bool] = lambda w: True
) -> bool:
    """Would correcting ``token`` to ``word`` turn a short word glued to the front into a
    negating prefix ("issuffieient" -> "insufficient" where the court wrote "is
    sufficient")? Such a correction reverses the meaning: only a suggestion. ("itijured"
    -> "injured" negates nothing: "jured" is no word.)

    >>> _negation_from_glued_word("issuffieient", "insufficient")
    True
    >>> [_negation_from_glued_word(*p) for p in (("uulawful", "unlawful"), ("isue", "issue"))]
    [False, False]
    >>> _negation_from_glued_word("itijured", "injured", {"sufficient"}.__contains__)
    False
    """
    head = token[:2].lower()
    if head not in _GLUED_SHORT_WORDS:
        return False
    return any(
        word.startswith(n) and not token.lower().startswith(n) and is_word(word[len(n) :])
        for n in _NEGATIONS
    )


def _after_initial(text: str, start: int) -> bool:
    """Does an initial (a lone capital and a period) stand just before ``start``?

    >>> _after_initial("R. H. Munday", 6), _after_initial("on Monday", 3)
    (True, False)
    >>> _after_initial("A.B. Munday", 5), _after_initial("Mr. Munday", 4)
    (True, False)

    ("Schedule A. Monday" reads as an initial too: a capitalized word there is left alone.)
    """
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 1 or j == start - 1 or text[j] != "." or not text[j - 1].isupper():
        return False
    return j < 2 or not text[j - 2].isalpha()


def _near_v(text: str, start: int, end: int) -> bool:
    """Is the token a party name around " v. " ("Deshaney v. Winnebago")?"""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return " v. " in after[:30] or before.rstrip().endswith((" v.", " vs.", " v"))


def _bracketed_edit(tok: str, start: int, after: str, v: _Verdict, strong: bool) -> Edit | None:
    """An edit of a word with alteration brackets ("proteet[ed]"): the bracketed letters stay."""
    bare = tok.replace("[", "").replace("]", "")
    p = 0
    while p < min(len(bare), len(after)) and bare[p] == after[p]:
        p += 1
    s = 0
    while s < min(len(bare), len(after)) - p and bare[-1 - s] == after[-1 - s]:
        s += 1
    # map bare offsets to token offsets
    pos = [i for i, c in enumerate(tok) if c not in "[]"]
    lo_b, hi_b = p, len(bare) - s
    if lo_b >= hi_b and len(after) == len(bare):
        return None
    t_lo = pos[lo_b] if lo_b < len(pos) else len(tok)
    t_hi = pos[hi_b - 1] + 1 if hi_b > lo_b else t_lo
    if "[" in tok[t_lo:t_hi] or "]" in tok[t_lo:t_hi]:
        return None
    # inside an alteration?
    depth = tok[:t_lo].count("[") - tok[:t_lo].count("]")
    if depth > 0:
        return None
    conf = 0.9 if strong else 0.6
    return Edit(start + t_lo, start + t_hi, after[p : len(after) - s], v.reason, conf)


__all__ = ["NonWords"]
