"""Split words joined ("Ap-pellee" -> "Appellee"), merged words split ("agreementis").

OCR text keeps the hyphens of line-end hyphenation inside lines once the lines are
re-flowed: "es-topped", "ap-pellee", "pre-exist-ing". A hyphen is removed when the word
without it is evidenced (a dictionary word, or the document uses it elsewhere) and the
hyphenated form is not a plausible compound: a compound keeps its hyphen when its left part
is a prefix ("pre-", "co-", "non-") or a word and its right part is a word ("well-known",
"north-west", "state-created" stay). Where a word was broken twice, only the breaks that
are not compounds go ("pre-exist-ing" -> "pre-existing"). A hyphen at a line end ("exam-" +
newline + "ple") is joined the same way, and the line break moves after the word. So is one
whose line break became a space ("pri- soner", "thous- and"), and also when both pieces are
words but the joined word is far likelier than the pair ("how- ever", "de- ceased"), or when
neither piece is a word (halves of one misread word: "aecom- pauied"); a suspended hyphen
("pre- and post-trial") and a compound opinions write stay.

Words merged by a lost space are split when both parts are evidenced and the merged form
is unknown: one part must be a function word ("agreementis" -> "agreement is", "andan" ->
"and an"), or a name the document uses followed by "v"/"vs" ("Keattsvs." -> "Keatts vs.").

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("hyphenation",))
>>> c.clean("The ap-pellee was es-topped by a well-known rule.").text
'The appellee was estopped by a well-known rule.'
>>> c.clean("a pre-exist-ing danger; the agreementis void").text
'a pre-existing danger; the agreement is void'
>>> c.clean("the pri- soner, how- ever, was in pre- and post-trial custody").text
'the prisoner, however, was in pre- and post-trial custody'
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, filterfalse

import regex

from cleaner.lexicon.tokens import letter_counts
from cleaner.passes.base import Pass, PassContext
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
#: speck of a period may sit in the gap ("cut- . ting").
SPACED = regex.compile(
    r"(?<=^|[\s(\[“\"‘'’])(\p{L}+)-[ \t]+(?:\.[ \t]*)?(\p{L}+)(?=$|[\s.,;:!?)\]”\"’'-])"
)
HAS_SPACED = re.compile(r"[^\W\d_]-[ \t]")
#: A spaced hyphen between two words is joined when the document writes the joined word
#: this often ("garnishee debt- or" beside "debtor" x3).
DOC_JOINED = 3
#: What follows a suspended hyphen's conjunction: a hyphenated word ("pre- and post-trial").
SUSPENDED_FOLLOWS = regex.compile(r"[ \t]+\p{L}+-")
#: Runs of letters (the words of the lower-cased text, to find merged words in one pass).
LETTERS_RUN = re.compile(r"[^\W\d_]+")
#: Above this many merged words, one pass over the runs of letters beats a scan per word.
FIND_SCANS = 4
#: What may stand before and after a word we edit (spaces, brackets, quotes, punctuation);
#: anything else (digits, "@", "/", "_", a hyphen, a period before) means it is no word.
OPENERS = frozenset(' \t\n\r([“"‘—–')
CLOSERS = frozenset(' \t\n\r.,;:!?)]”"—–')
APOSTROPHES = frozenset("'’")


def _bounded(text: str, start: int, end: int) -> bool:
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
#: Words a lost space often glues to a neighbour ("agreementis", "andan", "ofthe").
FUNCTION_WORDS = frozenset(
    """a an and the of to in on at by for or as is be it was that this with not are his her
    which from has had been were its their""".split()  # noqa: SIM905
)
LONGEST_FUNCTION_WORD = max(map(len, FUNCTION_WORDS))
#: Google Books count above which an English word is a word in its own right, not a
#: fragment the frequency list happens to contain ("pau", "ing" are below it).
WORD_FREQUENCY = 1_000_000
VERSUS = frozenset({"v", "vs"})
#: How much likelier (as a share) the joined word must be than the pair for "how- ever".
JOINED_RATIO = 10
#: Words after a suspended hyphen ("pre- and post-trial", "first- or second-degree").
SUSPENDING = frozenset({"and", "or", "nor", "to"})
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: A split is only a suggestion when a word one edit away from the merged form is this many
#: times likelier (as a share of English words) than the split pair (as a share of English
#: pairs): "been" is 17x likelier than "be on", "almost" 8x than "at most".
MISREAD_RATIO = 3
#: English bigram count of a usual pair ("a series" 9e8, "to be" 3e10; "a the" is not).
COMMON_PAIR = 1_000_000
#: A split that leaves a function word next to its neighbour needs that pair in use:
#: "froma her" is not "from a her", "inan died" is not "in an died".
CONTEXT_PAIR = 100_000
ARTICLES = frozenset({"a", "an", "the"})
VERBS = frozenset("is was be are were been has had".split())  # noqa: SIM905
#: Words that do not end a clause: a split leaving one before punctuation is wrong.
CLAUSE_INNER = frozenset(
    "a an the of in on at by for to with from and or that".split()  # noqa: SIM905
)
PRONOUNS = frozenset("her him them it his its their our my your me us i he she we they".split())  # noqa: SIM905
DETERMINERS = frozenset("a an the this that these those his her its their our my your".split())  # noqa: SIM905
NEXT_WORD = re.compile(r" ([^\W\d_]+)")
PREV_WORD = re.compile(r"([^\W\d_]+) $")
#: A content word glued to a function word must be this frequent (Google Books count):
#: "the cry" from "thecry" (a misread "theory") is refused by length, "for mara" by this.
CONTENT_FREQUENCY = 2_000_000
#: Function words that are also prefixes ("inartificial", "abed", "online"): a split
#: needs the pair in real opinions (corpus bigrams), else it is only a suggestion.
PREFIX_LIKE = frozenset({"a", "an", "in", "on", "be", "to", "for", "with", "it"})
#: Inflections: "informations" is "information" + "s", not "in formations".
SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")


def _lowered(counts: Counter[str]) -> Counter[str]:
    """``counts`` with the words lower-cased (most already are: only the others are moved).

    >>> sorted(_lowered(Counter({"the": 2, "The": 1, "Act": 1})).items())
    [('act', 1), ('the', 3)]
    """
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


class _Judge:
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


def _choose(parts: list[str], judge: _Judge) -> tuple[frozenset[int], float] | None:
    """Which hyphens to remove (indices), with a confidence; None to keep all."""
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
    if all(judge.compound_ok(parts[i], parts[i + 1]) for i in range(n)):
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


def _fragments(left: str, right: str, judge: _Judge) -> bool:
    """Are both pieces of "aecom- pauied" no words (so the hyphen joins halves of one
    misread word)? Not before a capital ("Siergean- Bartholomew": maybe two names)."""
    if right[:1].isupper() or min(len(left), len(right)) < 2 or len(left) + len(right) < 5:
        return False
    return not judge.is_word(left) and not judge.is_word(right)


def _document_joins(left: str, right: str, judge: _Judge) -> bool:
    """Does the document itself write the joined word of "debt- or" often (3+ times), as a
    known word, and never the hyphenated compound?"""
    joined = (left + right).lower()
    if judge.doc.get(joined, 0) < DOC_JOINED or not judge.r.is_known(joined):
        return False
    return judge.doc.get(f"{left}-{right}".lower(), 0) == 0


def _joined_likelier(left: str, right: str, judge: _Judge) -> bool:
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
    unigram_total, bigram_total = _totals(r)
    pair = max(r.bigrams.count(left, right), r.corpus_bigrams.count(left, right), 1)
    return r.frequency(joined) / unigram_total > JOINED_RATIO * pair / bigram_total


@dataclass(frozen=True, slots=True)
class _Split:
    """Where a merged word (lower-cased) takes a space, and what its written form must be."""

    at: int
    confidence: float
    name: bool  # "Keattsvs": a capitalized name + "v"/"vs"; else all lower case on the left

    def fits(self, surface: str) -> bool:
        if self.name:
            return surface[0].isupper()
        return surface[: self.at].islower() and not surface[self.at + 1 :].isupper()


def _split_merged(low: str, judge: _Judge, resources: Resources) -> list[_Split]:
    """Where to insert a space in an unknown merged word (lower-cased), best first."""
    n = len(low)
    # a split leaves a function word on one side: only those cuts are tried
    cuts = sorted(
        {k for k in range(1, min(n, LONGEST_FUNCTION_WORD + 1)) if low[:k] in FUNCTION_WORDS}
        | {k for k in range(max(1, n - LONGEST_FUNCTION_WORD), n) if low[k:] in FUNCTION_WORDS}
    )
    if not cuts and low[-1:] != "v" and low[-2:] != "vs":
        return []  # no function word at either end, no "v"/"vs": nothing to split
    if any(low.endswith(s) and resources.is_known(low[: -len(s)]) for s in SUFFIXES):
        return []  # an inflection of a known word ("informations")
    out: list[_Split] = []
    # a name the document uses, glued to "v"/"vs": "Keattsvs."
    for k in (len(low) - 2, len(low) - 1):
        if k > 2 and low[k:] in VERSUS and judge.doc.get(low[:k], 0) >= 2:
            out.append(_Split(k, 0.9, name=True))
            break
    best: tuple[int, float, int] | None = None
    tie = False
    for k in cuts:
        left, right = low[:k], low[k:]
        content = [p for p in (left, right) if p not in FUNCTION_WORDS]
        if len(content) == 2:
            continue
        if not content and (left in ARTICLES or (left in VERBS and right in VERBS)):
            continue  # "a the", "a for", "is was": no English
        if content and (len(content[0]) < 4 or resources.frequency(content[0]) < CONTENT_FREQUENCY):
            continue
        if not (judge.is_word(left) and judge.is_word(right)):
            continue
        score = min(resources.frequency(left), resources.frequency(right))
        corpus = resources.corpus_bigrams.count(left, right)
        english = resources.bigrams.count(left, right)
        if content and (left in PREFIX_LIKE or len(right) <= 2):
            # "inpayment" is "in payment" but "inartificial" is a word, "testor" is not
            # "test or": the pair must be usual in real opinions (corpus bigrams)
            conf = 0.9 if corpus >= 2 else 0.6
        else:
            conf = 0.95 if corpus >= 2 or english >= COMMON_PAIR else 0.7
        if best is None or score > best[2]:
            best, tie = (k, conf, score), False
        elif score == best[2]:
            tie = True
    if best is not None and not tie:
        k, conf, _ = best
        if _misread_word(low, resources, exclude=(low[:k], low[k:])) > MISREAD_RATIO:
            # "beon" is "been" misread more likely than "be on"; "tobe" is "to be"
            conf = min(conf, 0.6)
        out.append(_Split(k, conf, name=False))
    return out


#: Memo of :func:`_misread_word` per Resources (a pure function of the word and the data).
_MISREAD: weakref.WeakKeyDictionary[Resources, dict[tuple[str, tuple[str, ...]], float]] = (
    weakref.WeakKeyDictionary()
)


def _misread_word(low: str, resources: Resources, exclude: tuple[str, ...] = ()) -> float:
    """:func:`_misread_ratio`, memoized per Resources."""
    memo = _MISREAD.get(resources)
    if memo is None:
        memo = _MISREAD[resources] = {}
    hit = memo.get((low, exclude))
    if hit is None:
        if len(memo) > 1 << 16:
            memo.clear()
        hit = memo[(low, exclude)] = _misread_ratio(low, resources, exclude)
    return hit


def _misread_ratio(low: str, resources: Resources, exclude: tuple[str, ...] = ()) -> float:
    """How much likelier a misread word is than the split: the frequency of the most
    frequent word one edit away ("beon" -> "been", "befor" -> "before"), relative to the
    split's bigram count, both as shares of their totals. A word one letter shorter (the
    merged form has a stray letter: "agreementis" -> "agreements") counts a third."""
    unigram_total, bigram_total = _totals(resources)

    def freq(word: str) -> int:
        return 0 if word in exclude else resources.frequency(word)

    shorter = max((freq(low[:i] + low[i + 1 :]) for i in range(len(low))), default=0)
    # the words one insertion or substitution away; only English words have a frequency
    # (the candidates are lower case: a set intersection finds them)
    edits = {low[:i] + c + low[i:] for i in range(len(low) + 1) for c in ALPHABET}
    edits.update(low[:i] + c + low[i + 1 :] for i in range(len(low)) for c in ALPHABET)
    edits.discard(low)
    hits = edits & resources.english.counts.keys()
    other = max((freq(w) for w in hits), default=0)
    pair = resources.bigrams.count(*exclude) if len(exclude) == 2 else 0
    rival = max(other, shorter / 3) / unigram_total
    return rival / max(pair / bigram_total, 1e-12)


_TOTALS: dict[int, tuple[int, int]] = {}


def _totals(resources: Resources) -> tuple[int, int]:
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
    a fast stdlib scan) instead of trying the pattern at every position: a match starts where
    the run of letters before such a hyphen starts."""
    last = 0
    for h in finder.finditer(text):
        hyphen = start = h.start() + (finder is HAS_SPACED)
        while start > 0 and text[start - 1].isalpha():  # isalpha is \p{L}
            start -= 1
        if start == hyphen or start < last:
            continue
        m = pattern.match(text, start)
        if m is not None:
            last = m.end()
            yield m


class Hyphenation(Pass):
    """Split words (Schu-macher, es-topped) joined; merged words (agreementis) split."""

    name = "hyphenation"
    description = "Split words (Schu-macher, es-topped) joined; merged words (agreementis) split."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        return list(self._propose(text, ctx))

    def _propose(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        low_text = text.lower()
        if len(low_text) != len(text):  # a few letters grow when lowered ("İ"): keep offsets
            low_text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        words = _lowered(letter_counts(text, ctx))
        spans = list(_compounds(text)) if "-" in text else []
        compounds = Counter(low_text[a:b] for a, b in spans)
        doc = _doc_counts(words, compounds)
        spaced = list(_line_end_matches(text, HAS_SPACED, SPACED)) if "- " in text else []
        for m in spaced:  # the pieces of "pri- soner" are no words of the document
            doc[m.group(1).lower()] -= 1
            doc[m.group(2).lower()] -= 1
        judge = _Judge(self.resources, doc)
        protected: Spans | None = None
        for start, end in spans:
            if not _bounded(text, start, end):
                continue
            whole = text[start:end]
            parts = whole.split("-")
            choice = _choose(parts, judge)
            if choice is None:
                continue
            if protected is None:
                protected = protected_spans(text, ctx)
            if protected.overlaps(start, end):
                continue
            removed, conf = choice
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
        yield from self._merged(text, low_text, ctx, judge, words)

    def _line_ends(self, text: str, ctx: PassContext, judge: _Judge) -> Iterator[Edit]:
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
        self, text: str, ctx: PassContext, judge: _Judge, matches: list[regex.Match[str]]
    ) -> Iterator[Edit]:
        """A line-end hyphen whose line break became a space ("pri- soner"): joined as at a
        line end; a suspended hyphen ("pre- and post-trial") stays."""
        protected = protected_spans(text, ctx)
        for m in matches:
            left, right = m.group(1), m.group(2)
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
            if choice is None or not choice[0]:
                continue
            reason = f"line-end hyphen of a split word, line break lost ({left}- {right})"
            yield Edit(m.end(1), m.start(2), "", reason, choice[1])

    def _merged(
        self, text: str, low_text: str, ctx: PassContext, judge: _Judge, words: Counter[str]
    ) -> Iterator[Edit]:
        splits: dict[str, list[_Split]] = {}
        for low in words.keys() - self.resources.known:
            if len(low) < 4 or judge.doc.get(low, 0) >= 3:
                continue  # short, or the document's own term
            found = _split_merged(low, judge, self.resources)
            if found:
                splits[low] = found
        if not splits:
            return
        protected = protected_spans(text, ctx)
        if len(splits) > FIND_SCANS:
            # one pass over the runs of letters, not a scan of the text per word: a place
            # _split_at accepts has no letter on either side, so it is a whole run (lowering
            # keeps letters letters), and every whole run is a place the scans would find
            # (the runs equal to a merged word, found by one pattern: no Python loop over
            # every run of the text; longest first, a whole run is what it matches)
            alternatives = "|".join(map(re.escape, sorted(splits, key=len, reverse=True)))
            runs = re.compile(f"(?<![^\\W\\d_])(?:{alternatives})(?![^\\W\\d_])")
            for m in runs.finditer(low_text):
                low = m.group()
                yield from self._split_at(text, protected, splits[low], low, m.start(), m.end())
            return
        for low, found in splits.items():
            start = low_text.find(low)
            while start >= 0:
                end = start + len(low)
                nxt = low_text.find(low, end)
                yield from self._split_at(text, protected, found, low, start, end)
                start = nxt

    def _split_at(
        self, text: str, protected: Spans, found: list[_Split], low: str, start: int, end: int
    ) -> Iterator[Edit]:
        """The space for one occurrence of a merged word, if its written form fits."""
        if not _bounded(text, start, end) or protected.overlaps(start, end):
            return
        surface = text[start:end]
        split = next((sp for sp in found if sp.fits(surface)), None)
        if split is None:
            return
        conf = split.confidence
        if not split.name and not self._fits_context(text, start, end, low, split.at):
            conf = min(conf, 0.6)
        at = start + split.at
        yield Edit(at, at, " ", f"words merged by a lost space ({surface})", conf)

    def _fits_context(self, text: str, start: int, end: int, low: str, at: int) -> bool:
        """Do the function words of a split go with the words around it? ("froma her" is
        not "from a her", "inan, and" not "in an, and", "the awitness" not "the a witness")."""
        left, right = low[:at], low[at:]
        nxt = NEXT_WORD.match(text, end)
        following = nxt.group(1).lower() if nxt is not None else None
        if right in CLAUSE_INNER and following is None:
            return False  # "an" or "from" before a comma or a line end
        if right in ARTICLES and following is not None:
            if following in FUNCTION_WORDS or following in PRONOUNS:
                return False  # "a her", "a the"
            if right in {"a", "an"} and not (
                self.resources.bigrams.count(right, following)
                or self.resources.corpus_bigrams.count(right, following)
            ):
                return False  # "an died": never seen together
        if left == "a":
            prev = PREV_WORD.search(text, max(0, start - 40), start)
            if prev is not None and prev.group(1).lower() in DETERMINERS:
                return False  # "the awitness"
        return True
