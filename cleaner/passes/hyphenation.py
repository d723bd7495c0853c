"""Split words joined: "Ap-pellee" -> "Appellee", "pri- soner" -> "prisoner".

OCR text keeps the hyphens of line-end hyphenation inside lines once the lines are
re-flowed: "es-topped", "ap-pellee", "pre-exist-ing". A hyphen is removed when the word
without it is evidenced (a dictionary word, or the document uses it elsewhere) and the
hyphenated form is not a plausible compound: a compound keeps its hyphen when its left part
is a prefix ("pre-", "co-", "non-") or a word and its right part is a word ("well-known",
"north-west", "state-created" stay). Where a word was broken twice, only the breaks that
are not compounds go ("pre-exist-ing" -> "pre-existing"). A hyphen at a line end ("exam-" +
newline + "ple") is joined the same way, and the line break moves after the word. So is one
whose line break became a space ("pri- soner", "thous- and", "Police-con- stable"), and
also when both pieces are words but the joined word is far likelier than the pair ("how-
ever", "de- ceased"), or when neither piece is a word (halves of one misread word: "aecom-
pauied"); a suspended hyphen
("pre- and post-trial") and a compound opinions write stay. (Words merged by a lost
space, "agreementis", are the merged_words pass's business.)

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("hyphenation",))
>>> c.clean("The ap-pellee was es-topped by a well-known rule.").text
'The appellee was estopped by a well-known rule.'
>>> c.clean("a pre-exist-ing danger").text
'a pre-existing danger'
>>> c.clean("the pri- soner, how- ever, was in pre- and post-trial custody").text
'the prisoner, however, was in pre- and post-trial custody'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations, filterfalse

import regex

from cleaner.lexicon.tokens import LetterCounts, letter_counts
from cleaner.passes.base import Pass, PassContext
from cleaner.passes.words import FUNCTION_WORDS, damaged_prose
from cleaner.protect import Spans, protected_spans
from cleaner.resources import Resources
from cleaner.types import Edit

#: A word of letters broken by in-line hyphens ("Schu-macher", "pre-exist-ing"), matched at
#: the start of a letter run next to a hyphen (hyphens are found with ``str.find``).
HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
#: A word broken at a line end: "exam-" newline "ple".
LINE_END = regex.compile(
    r"(?<=^|[\s(\[“\"‘])(\p{L}+)-[ \t]*\n[ \t]*(\p{L}+)(?=$|[\s.,;:!?)\]”\"’])"
)
HAS_LINE_END = re.compile(r"-[ \t]*\n")
#: A word broken at a line end whose line break became a space: "pri- soner". The right
#: piece may start a compound ("Ber- nard-street") or take a possessive ("pri- soner's"); a
#: speck of a period or comma may sit in the gap ("cut- . ting", "improve-. ments", "reman-,
#: ded"); the left piece may end one ("Police-con- stable", "house-break- ing": BLN600 has 21
#: such, none a suspended hyphen).
#: In a quotation printed with a mark at the start of each of its lines, that line's mark
#: sits in the gap too ("valuable considera- “ tion"): see :data:`RUNNING_QUOTE`.
SPACED = regex.compile(
    r"(?<=^|[\s(\[“\"‘'’]|(?<=\p{L}{2})-)"
    r"(\p{L}+)-(?:[ \t]+(?:\.[ \t]*|[“‘][ \t]+)?|[.,][ \t]+)(\p{L}+)(?=$|[\s.,;:!?)\]”\"’'-])"
)
#: Old reports print a long quotation with an opening mark at the start of each of its
#: lines; once the lines are joined, those marks stand between two lower-case words
#: ("purchasers “ of the said lands"). A paragraph with such a mark is one whose split words
#: may hold one in their gap ("considera- “ tion" -> "consideration"); elsewhere a mark
#: after a hyphen opens a quotation.
RUNNING_QUOTE = regex.compile(r"\p{Ll}[ \t]+[“‘][ \t]+\p{Ll}")
#: The hyphens of SPACED: after a letter, before a space. (The hyphen comes first, so that the
#: engine finds it with a fast literal search instead of trying the letter class at every
#: position: 60x as fast.)
HAS_SPACED = re.compile(r"-(?<=[^\W\d_]-)[.,]?[ \t]")
#: A spaced hyphen between two words is joined when the document writes the joined word
#: this often ("garnishee debt- or" beside "debtor" x3).
DOC_JOINED = 3
#: What follows a suspended hyphen's conjunction: a hyphenated word ("pre- and post-trial").
SUSPENDED_FOLLOWS = regex.compile(r"[ \t]+\p{L}+-")
#: What may stand before and after a word we edit (spaces, brackets, quotes, punctuation);
#: anything else (digits, "@", "/", "_", a hyphen, a period before) means it is no word.
OPENERS = frozenset(' \t\n\r([“"‘—–')
CLOSERS = frozenset(' \t\n\r.,;:!?)]”"—–')
APOSTROPHES = frozenset("'’")


def bounded(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a free-standing word (a possessive "’s" may follow)?"""
    if start > 0 and text[start - 1] not in OPENERS:
        return False
    if end >= len(text) or text[end] in CLOSERS:
        return True
    if text[end] in APOSTROPHES:
        after = end + 1
        if after < len(text) and text[after] in "sS":
            after += 1
        return after >= len(text) or not text[after].isalnum()
    return False


def _compounds(text: str) -> Iterator[tuple[int, int]]:
    """Spans of letter runs joined by in-line hyphens, found from the hyphens."""
    done = 0
    i = text.find("-")
    while i >= 0:
        if i >= done and i > 0 and text[i - 1].isalpha() and text[i + 1 : i + 2].isalpha():
            start = i - 1
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            m = HYPHENATED.match(text, start)
            if m is not None:
                done = m.end()
                yield m.span()
        i = text.find("-", max(i + 1, done))


#: Prefixes written with a hyphen in compounds ("pre-existing", "co-counsel", "non-suit").
PREFIXES = frozenset(
    """a ante anti auto bi by co counter cross de dis e ex extra hyper inter intra macro
    mal micro mid mini multi neo non off on out over post pre pro pseudo quasi re self semi
    sub super trans tri ultra un under vice well ill half all""".split()  # noqa: SIM905
)
#: Words of one or two letters that may stand alone (other short pieces are fragments).
SHORT_WORDS = frozenset(
    """a i an as at be by do go he if in is it me my no of on or so to up us we ox""".split()  # noqa: SIM905
)
#: Google Books count above which an English word is a word in its own right, not a
#: fragment the frequency list happens to contain ("pau", "ing" are below it).
WORD_FREQUENCY = 1_000_000
#: A join of pieces that are no words ("fidu-ciai-y"): this long at least, and at most this
#: cheap a confusion from a common word.
MISREAD_JOINED = 8
MISREAD_JOINED_COST = 0.35
MISREAD_JOINED_FREQUENCY = 100_000
#: ... and for the halves of a word split at a lost line break, one of them a word ("con-
#: corned"): a typical confusion toward a common word.
SPACED_MISREAD_COST = 0.6
SPACED_MISREAD_FREQUENCY = 1_000_000
#: How much likelier (as a share) the joined word must be than the pair for "how- ever".
JOINED_RATIO = 10
#: Words after a suspended hyphen ("pre- and post-trial", "first- or second-degree").
SUSPENDING = frozenset({"and", "or", "nor", "to"})


def lowered_counts(counts: Counter[str]) -> Counter[str]:
    """``counts`` with the words lower-cased (most already are: only the others are moved).
    Of a shared count of :func:`~cleaner.lexicon.tokens.letter_counts`, built once and
    shared too (hyphenation and merged_words ask it of the same count): never change it.

    >>> sorted(lowered_counts(Counter({"the": 2, "The": 1, "Act": 1})).items())
    [('act', 1), ('the', 3)]
    """
    if isinstance(counts, LetterCounts):
        return counts.derived("hyphenation.lowered", _lowered)
    return _lowered(counts)


def _lowered(counts: Counter[str]) -> Counter[str]:
    words = counts.copy()
    for w in list(filterfalse(str.islower, counts)):  # (C-level filter: most are lower)
        n = words.pop(w)
        low = w.lower()
        words[low] = words.get(low, 0) + n
    return words


def _doc_counts(words: Counter[str], compounds: Counter[str]) -> Counter[str]:
    """Lower-cased words of the document; hyphenated forms counted whole ("pre-emption"),
    their pieces not counted as words ("macher" of "Schu-macher" is no word)."""
    counts = words.copy()
    for compound, c in compounds.items():
        counts[compound] += c
        for part in compound.split("-"):
            counts[part] -= c
    return counts


class Judge:
    """Word evidence for one document: dictionaries plus the document's own vocabulary."""

    def __init__(self, resources: Resources, doc: Counter[str]) -> None:
        self.r = resources
        self.doc = doc
        self._memo: dict[str, bool] = {}

    def is_word(self, piece: str) -> bool:
        """A piece that can stand alone as a word (not a fragment of one)."""
        low = piece.lower()
        hit = self._memo.get(low)
        if hit is None:
            if len(low) <= 2:
                hit = low in SHORT_WORDS
            else:
                hit = (
                    self.r.frequency(low) >= WORD_FREQUENCY
                    or (len(low) >= 4 and (low in self.r.legal or low in self.r.corpus_words))
                    or self.doc.get(low, 0) >= 2
                )
            self._memo[low] = hit
        return hit

    def evidenced(self, word: str) -> bool:
        """A joined form that exists: any dictionary, or used elsewhere in the document."""
        return self.r.is_known(word) or self.doc.get(word.lower(), 0) >= 1

    def compound_ok(self, left: str, right: str) -> bool:
        a = left.lower()
        if a in PREFIXES:
            if a[-1] in "aeiou" and right[:1].lower() == a[-1]:
                return True  # the hyphen keeps two vowels apart: "co-ordinate", "re-enter"
            return len(right) >= 3 and self.evidenced(right)
        if self.is_word(left) and self.is_word(right):
            return True
        # rarer words that English uses together ("law-suit"), not fragments
        b = right.lower()
        return (
            min(len(a), len(b)) >= 4
            and a in self.r.known
            and b in self.r.known
            and (self.r.bigrams.count(a, b) > 0 or self.r.corpus_bigrams.count(a, b) > 0)
        )


#: The last text :func:`lower_text` lowered, and its lower case: hyphenation and merged_words
#: ask it of the same text in turn (a pure function of the text, so safe to reuse).
_last_lowered: tuple[str, str] | None = None


def lower_text(text: str) -> str:
    """``text`` lower-cased, offsets kept (a letter that grows when lowered, "İ", stays).

    >>> lower_text("The Court")
    'the court'
    """
    global _last_lowered
    last = _last_lowered
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    _last_lowered = (text, low)
    return low


def document_judge(
    text: str, ctx: PassContext, resources: Resources, words: Counter[str] | None = None
) -> tuple[Judge, list[tuple[int, int]]]:
    """The word evidence of one document (its lower-cased words, hyphenated forms counted
    whole), and the spans of its hyphenated words. (``words``: its lower-cased letter runs,
    if the caller has them.)"""
    if words is None:
        words = lowered_counts(letter_counts(text, ctx))
    spans, compounds = _hyphenated(text, ctx)
    return Judge(resources, _doc_counts(words, compounds)), spans


def _hyphenated(text: str, ctx: PassContext) -> tuple[list[tuple[int, int]], Counter[str]]:
    """The spans of the hyphenated words of ``text``, and their lower-cased forms counted;
    kept per text (hyphenation and merged_words ask them of the same text): never change
    them."""
    hit = ctx.state.get("hyphenation.compounds")
    if isinstance(hit, tuple) and (hit[0] is text or hit[0] == text):
        return hit[1], hit[2]
    spans = list(_compounds(text)) if "-" in text else []
    low_text = lower_text(text) if spans else ""
    compounds = Counter(low_text[a:b] for a, b in spans)
    ctx.state["hyphenation.compounds"] = (text, spans, compounds)
    return spans, compounds


def _choose(
    parts: list[str], judge: Judge, *, in_line: bool = False
) -> tuple[frozenset[int], float] | None:
    """Which hyphens to remove (indices), with a confidence; None to keep all. ``in_line``:
    the hyphen stands inside a line, where the print set it, so two dictionary words no
    rarer than their join are a compound there (:func:`_dictionary_compound`: "window-sill",
    "raw-boned", "passers-by") that only the document's own joins may undo."""
    n = len(parts) - 1
    if n > 4:
        return None
    whole = "-".join(parts)
    if whole.lower() in judge.r.corpus_words or whole.lower() in judge.r.legal:
        return None  # a compound real opinions use
    joined = "".join(parts)
    n_hyphenated = judge.doc.get(whole.lower(), 0)
    n_joined = judge.doc.get(joined.lower(), 0)
    if n_hyphenated >= 2 and n_joined == 0:
        return None  # the document's own spelling, used consistently ("pre-emption")
    if (joined.isupper() or min(map(len, parts)) == 1) and n_joined <= n_hyphenated:
        return None  # acronyms ("CA-RA"), letters ("T-l"): only the document can say
    if all(judge.compound_ok(parts[i], parts[i + 1]) for i in range(n)) or (
        in_line and n == 1 and _dictionary_compound(parts[0], parts[1], judge)
    ):
        # both sides are words ("north-west"): only the document's own usage, mostly
        # joined, can say it was one word
        if n_joined >= 2 and n_joined > n_hyphenated and judge.r.is_known(joined):
            return frozenset(range(n)), 0.85
        return None
    for k in range(1, n + 1):  # remove as few hyphens as possible
        best: tuple[frozenset[int], float] | None = None
        for removed in combinations(range(n), k):
            segments: list[str] = []
            cur = parts[0]
            for i in range(n):
                if i in removed:
                    cur += parts[i + 1]
                else:
                    segments.append(cur)
                    cur = parts[i + 1]
            segments.append(cur)
            last = len(segments) - 1
            if not all(
                judge.evidenced(s) or (i < last and s.lower() in PREFIXES)
                for i, s in enumerate(segments)
            ):
                continue
            if not all(
                judge.compound_ok(segments[i], segments[i + 1]) for i in range(len(segments) - 1)
            ):
                continue
            joins = [s for s in segments if s.lower() not in PREFIXES]
            if not all(judge.r.is_known(s) for s in joins) and n_joined < n_hyphenated:
                continue  # only the document says so, and it mostly writes the hyphen
            in_doc = all(judge.doc.get(s.lower(), 0) >= 1 for s in joins)
            in_dict = all(judge.r.is_known(s) for s in joins)
            conf = 0.97 if in_doc and in_dict else 0.95 if in_doc else 0.9
            if best is None or conf > best[1]:
                best = (frozenset(removed), conf)
            elif conf == best[1]:
                return None  # two equally good readings: do not guess
        if best is not None:
            return best
    return None


#: Particles that end a compound of a word ("passers-by", "stand-by", "lean-to").
PARTICLES = frozenset("by in on up out off to".split())  # noqa: SIM905
#: Words that are also endings ("fathom-less", "herds-men", "worship-ped") and beginnings
#: ("con-tented", "com-pared") of words a line end split: no compound's evidence.
_AFFIX_WORDS = frozenset(
    "less ness ment ful ship hood dom ward wards men man ped ing con com".split()  # noqa: SIM905
)


def _dictionary_compound(left: str, right: str, judge: Judge) -> bool:
    """Are ``left`` and ``right`` a compound by the dictionaries alone: two known lower-case
    words of 3+ letters, or a word and a particle, each at least as common as their join
    ("window-sill", "wild-fowl", "passers-by")? (A capital makes a name split at a line end
    more likely: "Blooming-ton", "Washing-ton".)

    >>> from cleaner.resources import Resources
    >>> judge = Judge(Resources(), Counter())
    >>> [_dictionary_compound(a, b, judge) for a, b in [("window", "sill"), ("passers", "by")]]
    [True, True]
    >>> [_dictionary_compound(a, b, judge) for a, b in [("visit", "ing"), ("con", "tempt")]]
    [False, False]
    """
    if not (left.islower() and right.islower()):
        return False
    joined = left + right
    if joined in judge.r.legal or joined in judge.r.corpus_words:
        return False  # a word of the opinions, a line end's split ("appel-lee")
    if left in PREFIXES or left in _AFFIX_WORDS or right in _AFFIX_WORDS:
        return False
    known = judge.r.is_known
    if len(left) < 3 or not known(left):
        return False
    if right not in PARTICLES and (len(right) < 3 or not known(right)):
        return False
    # a word split at a line end is commoner than its pieces ("visit-ing", "con-tempt",
    # "appel-lee"); a compound is rarer written joined than either of its words
    frequency = judge.r.frequency
    return frequency(joined) <= min(frequency(left), frequency(right))


def _misread_whole(
    parts: list[str],
    judge: Judge,
    *,
    pieces_may_be_words: bool = False,
    max_cost: float = MISREAD_JOINED_COST,
    min_frequency: int = MISREAD_JOINED_FREQUENCY,
) -> bool:
    """Are the lower-case pieces of "fidu-ciai-y", "pcr-emptory" no words and no prefixes,
    while their join is a long token one cheap OCR confusion from a common word, the only
    one that near ("fiduciary", "peremptory")? ("co-defeudants" keeps its prefix's hyphen.)"""
    if not all(p.islower() for p in parts):
        return False
    if not pieces_may_be_words and any(p in PREFIXES or judge.is_word(p) for p in parts):
        return False
    joined = "".join(parts)
    if len(joined) < MISREAD_JOINED or judge.r.is_known(joined):
        return False
    best = judge.r.spelling.candidates(joined)[:2]
    return (
        len(best) > 0
        and best[0].cost <= max_cost
        and best[0].frequency >= min_frequency
        and (len(best) == 1 or best[1].cost > best[0].cost)
    )


def _misread_join(left: str, right: str, judge: Judge) -> bool:
    """Are "con- corned", "pro- ceodings" the halves of one misread word split at a lost
    line break: their join no word, one cheap OCR confusion from a common word that is the
    only one that near ("concerned", "proceedings"), and no hyphenated compound the
    document writes?"""
    if not (left.islower() and right.islower()):
        return False
    if judge.doc.get(f"{left}-{right}", 0):
        return False
    return _misread_whole(
        [left, right],
        judge,
        pieces_may_be_words=True,
        max_cost=SPACED_MISREAD_COST,
        min_frequency=SPACED_MISREAD_FREQUENCY,
    )


def _fragments(left: str, right: str, judge: Judge) -> bool:
    """Are both pieces of "aecom- pauied" no words (so the hyphen joins halves of one
    misread word)? Not before a capital ("Siergean- Bartholomew": maybe two names)."""
    if right[:1].isupper() or min(len(left), len(right)) < 2 or len(left) + len(right) < 5:
        return False
    return not judge.is_word(left) and not judge.is_word(right)


def _word_then_fragment(left: str, right: str, judge: Judge) -> bool:
    """Is "annoy- mous" a word's start that happens to spell a word, then a fragment that
    is none ("In- speotors", "Law- rasce")? In a badly damaged text that is one misread word
    split at a lost line break, joined for the words pass to read. Not after a function
    word ("the- wilful": a speck after a whole word), nor the other way round ("Thi- week":
    a garbled word before a whole one)."""
    if right[:1].isupper() or len(left) < 2 or len(right) < 3:
        return False
    if left.lower() in FUNCTION_WORDS:
        return False
    return judge.is_word(left) and not judge.is_word(right)


def _document_joins(left: str, right: str, judge: Judge) -> bool:
    """Does the document itself write the joined word of "debt- or" often (3+ times), as a
    known word, and never the hyphenated compound?"""
    joined = (left + right).lower()
    if judge.doc.get(joined, 0) < DOC_JOINED or not judge.r.is_known(joined):
        return False
    return judge.doc.get(f"{left}-{right}".lower(), 0) == 0


def _joined_likelier(left: str, right: str, judge: Judge) -> bool:
    """Is the joined word of "how- ever" far likelier than the two words or a compound?
    (Its share of English words against the pair's share of English pairs.)"""
    r = judge.r
    whole = f"{left}-{right}".lower()
    if whole in r.corpus_words or whole in r.legal or judge.doc.get(whole, 0) > 0:
        return False  # a compound real opinions (or this one) write: "cross-examination"
    a = left.lower()
    if a in PREFIXES and a[-1] in "aeiou" and right[:1].lower() == a[-1]:
        return False  # the hyphen keeps two vowels apart: "re- enter"
    joined = (left + right).lower()
    if not r.is_known(joined):
        return False
    unigram_total, bigram_total = totals(r)
    pair = max(r.bigrams.count(left, right), r.corpus_bigrams.count(left, right), 1)
    return r.frequency(joined) / unigram_total > JOINED_RATIO * pair / bigram_total


_TOTALS: dict[int, tuple[int, int]] = {}


def totals(resources: Resources) -> tuple[int, int]:
    """Sums of the English unigram and bigram counts (to compare them as shares)."""
    key = id(resources)
    hit = _TOTALS.get(key)
    if hit is None:
        hit = (
            max(sum(resources.english.counts.values()), 1),
            max(sum(resources.bigrams.pair_counts), 1),
        )
        _TOTALS.clear()
        _TOTALS[key] = hit
    return hit


def _line_end_matches(
    text: str, finder: re.Pattern[str] = HAS_LINE_END, pattern: regex.Pattern[str] = LINE_END
) -> Iterator[regex.Match[str]]:
    """The matches of LINE_END (or SPACED), found from the line-end hyphens (``HAS_LINE_END``,
    or ``HAS_SPACED``: fast stdlib scans whose matches start at the hyphen) instead of trying
    the pattern at every position: a match starts where the run of letters before such a
    hyphen starts."""
    last = 0
    for h in finder.finditer(text):
        hyphen = start = h.start()
        while start > 0 and text[start - 1].isalpha():  # isalpha is \p{L}
            start -= 1
        if start == hyphen or start < last:
            continue
        m = pattern.match(text, start)
        if m is not None:
            last = m.end()
            yield m


_VOWELS = frozenset("aeiouy")


#: A rhyming pair whose join is this common is a word a line end split ("main-tain").
RHYME_JOIN_FREQUENCY = 1_000_000


def _reduplicated(a: str, b: str, frequency: Callable[[str], int] = lambda w: 0) -> bool:
    """Are ``a`` and ``b`` the halves of a reduplicated compound: the same word ("so-so"), a
    vowel changed ("zig-zag", "knick-knack", "criss-cross"), or a rhyme on new first
    consonants ("hodge-podge", "helter-skelter", "willy-nilly") whose join is no common
    word ("main-tain", "Lon-don" are split words)?

    >>> [_reduplicated(*p) for p in (("zig", "zag"), ("hodge", "podge"), ("so", "so"))]
    [True, True, True]
    >>> [_reduplicated(*p) for p in (("ap", "pellee"), ("well", "known"), ("re", "enter"))]
    [False, False, False]
    >>> _reduplicated("main", "tain", {"maintain": 32_942_067}.get)
    False
    """
    if len(a) < 2 or len(b) < 2:
        return False
    if a == b:
        return True
    if b.endswith("s") and len(b) > len(a) and _reduplicated(a, b[:-1], frequency):
        return True  # a plural ("knick-knacks")
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS:
            return True
    ra, rb = a.lstrip("bcdfghjklmnpqrstvwxz"), b.lstrip("bcdfghjklmnpqrstvwxz")
    return (
        len(ra) >= 2
        and ra == rb
        and ra != a
        and ra != b
        and (frequency(a + b) or 0) < RHYME_JOIN_FREQUENCY
    )


def _has_spaced(text: str) -> bool:
    """Might ``text`` hold a :data:`SPACED` match (a literal test before the scan)?"""
    return "- " in text or "-, " in text or "-. " in text


def _running_quotes(text: str, pos: int) -> bool:
    """Does the paragraph (line) of ``pos`` print a quotation with a mark at the start of
    each of its lines (:data:`RUNNING_QUOTE`)?

    >>> _running_quotes("for purchasers “ of the lands, a considera- “ tion", 40)
    True
    >>> _running_quotes("He said- “ the lands are his”", 5)
    False
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return RUNNING_QUOTE.search(text, start, len(text) if end < 0 else end) is not None


class Hyphenation(Pass):
    """Split words (Schu-macher, es-topped, pri- soner) joined."""

    name = "hyphenation"
    description = "Split words (Schu-macher, es-topped, pri- soner) joined."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        return list(self._propose(text, ctx))

    def _propose(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        judge, spans = document_judge(text, ctx, self.resources)
        spaced = list(_line_end_matches(text, HAS_SPACED, SPACED)) if _has_spaced(text) else []
        for m in spaced:  # the pieces of "pri- soner" are no words of the document
            judge.doc[m.group(1).lower()] -= 1
            judge.doc[m.group(2).lower()] -= 1
        protected: Spans | None = None
        for start, end in spans:
            if not bounded(text, start, end):
                continue
            whole = text[start:end]
            parts = whole.split("-")
            if len(parts) == 2 and _reduplicated(
                parts[0].lower(), parts[1].lower(), judge.r.frequency
            ):
                continue  # a rhyming or ablaut pair: "zig-zag", "hodge-podge", "so-so"
            choice = _choose(parts, judge, in_line=True)
            if choice is None and _misread_whole(parts, judge):
                # "fidu-ciai-y": pieces of one misread word (the words pass fixes it)
                choice = frozenset(range(len(parts) - 1)), 0.85
            if choice is None:
                continue
            if protected is None:
                protected = protected_spans(text, ctx)
            if protected.overlaps(start, end):
                continue
            removed, conf = choice
            if not whole.isupper():
                # a capital after a hyphen: a name's or a brand's ("Wi-Fi", "Tragi-Comedy")
                removed = frozenset(i for i in removed if not parts[i + 1][:1].isupper())
            pos = start
            for i, part in enumerate(parts[:-1]):
                pos += len(part)
                if i in removed:
                    yield Edit(pos, pos + 1, "", f"in-line hyphen of a split word ({whole})", conf)
                pos += 1
        if HAS_LINE_END.search(text):
            yield from self._line_ends(text, ctx, judge)
        if spaced:
            yield from self._spaced(text, ctx, judge, spaced)

    def _line_ends(self, text: str, ctx: PassContext, judge: Judge) -> Iterator[Edit]:
        protected = protected_spans(text, ctx)
        for m in _line_end_matches(text):
            if protected.overlaps(m.start(), m.end()):
                continue
            left, right = m.group(1), m.group(2)
            choice = _choose([left, right], judge)
            if choice is None or not choice[0]:
                continue
            end_word = m.end()
            reason = f"line-end hyphen of a split word ({left}-{right})"
            yield Edit(m.end(1), m.start(2), "", reason, choice[1])
            # move the line break after the joined word
            nxt = regex.match(r"[^\s]*([ \t]+)", text[end_word:])
            if nxt is not None and "\n" not in text[end_word : end_word + nxt.end()]:
                s = end_word + nxt.start(1)
                yield Edit(s, s + 1, "\n", "line break moved after a joined word", choice[1])

    def _spaced(
        self, text: str, ctx: PassContext, judge: Judge, matches: list[regex.Match[str]]
    ) -> Iterator[Edit]:
        """A line-end hyphen whose line break became a space ("pri- soner"): joined as at a
        line end; a suspended hyphen ("pre- and post-trial") stays."""
        protected = protected_spans(text, ctx)
        known = self.resources.known

        def damaged() -> bool:  # (asked of a word and a fragment only)
            return damaged_prose(text, ctx, known)

        for m in matches:
            left, right = m.group(1), m.group(2)
            if len(left) == 1 and left.isupper() and right[:1].isupper():
                continue  # initials ("Captain A- C. Gleig")
            gap = text[m.end(1) : m.start(2)]
            if ("“" in gap or "‘" in gap) and not _running_quotes(text, m.start()):
                continue  # a quotation opens after a dash
            if gap[1:2] in (".", ",") and not judge.is_word(left + right):
                continue  # a speck stuck to the hyphen: the join must be a word ("reman-, ded")
            # "pre- and post-trial": a hyphenated word follows ("debt- or, greatly" no)
            suspended = SUSPENDED_FOLLOWS.match(text, m.end()) is not None
            if (
                right.lower() in SUSPENDING
                and judge.is_word(left)
                and (suspended or not _document_joins(left, right, judge))
            ):
                continue
            if protected.overlaps(m.start(), m.end()):
                continue
            choice = _choose([left, right], judge)
            if choice is None and _joined_likelier(left, right, judge):
                choice = frozenset({0}), 0.9  # "how- ever", "de- ceased": no compounds
            if choice is None and _fragments(left, right, judge):
                choice = frozenset({0}), 0.85  # "re- manided": the words pass may fix it
            if choice is None and _document_joins(left, right, judge):
                choice = frozenset({0}), 0.85  # "garnishee debt- or" where "debtor" is used
            if choice is None and _misread_join(left, right, judge):
                choice = frozenset({0}), 0.85  # "con- corned": the words pass fixes it
            if choice is None and _word_then_fragment(left, right, judge) and damaged():
                choice = frozenset({0}), 0.85  # "annoy- mous", "In- speotors"
            if choice is None or not choice[0]:
                continue
            reason = f"line-end hyphen of a split word, line break lost ({left}- {right})"
            yield Edit(m.end(1), m.start(2), "", reason, choice[1])
