"""Split words joined ("Ap-pellee" -> "Appellee"), merged words split ("agreementis").

OCR text keeps the hyphens of line-end hyphenation inside lines once the lines are
re-flowed: "es-topped", "ap-pellee", "pre-exist-ing". A hyphen is removed when the word
without it is evidenced (a dictionary word, or the document uses it elsewhere) and the
hyphenated form is not a plausible compound: a compound keeps its hyphen when its left part
is a prefix ("pre-", "co-", "non-") or a word and its right part is a word ("well-known",
"north-west", "state-created" stay). Where a word was broken twice, only the breaks that
are not compounds go ("pre-exist-ing" -> "pre-existing"). A hyphen at a line end ("exam-" +
newline + "ple") is joined the same way, and the line break moves after the word.

Words merged by a lost space are split when both parts are evidenced and the merged form
is unknown: one part must be a function word ("agreementis" -> "agreement is", "andan" ->
"and an"), or a name the document uses followed by "v"/"vs" ("Keattsvs." -> "Keatts vs.").

>>> from cleaner import Cleaner
>>> c = Cleaner(passes=("hyphenation",))
>>> c.clean("The ap-pellee was es-topped by a well-known rule.").text
'The appellee was estopped by a well-known rule.'
>>> c.clean("a pre-exist-ing danger; the agreementis void").text
'a pre-existing danger; the agreement is void'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import combinations

import regex

from cleaner.passes.base import Pass, PassContext
from cleaner.protect import protected_spans
from cleaner.resources import Resources
from cleaner.types import Edit

#: A word of letters broken by in-line hyphens ("Pau-luk", "pre-exist-ing").
HYPHENATED = regex.compile(
    r"(?<=^|[\s(\[“\"‘—–])\p{L}+(?:-\p{L}+)+(?=$|[\s.,;:!?)\]”\"—–]|['’]s?\b)"
)
#: A word broken at a line end: "exam-" newline "ple".
LINE_END = regex.compile(
    r"(?<=^|[\s(\[“\"‘])(\p{L}+)-[ \t]*\n[ \t]*(\p{L}+)(?=$|[\s.,;:!?)\]”\"’])"
)
#: Any word, for counting the document's vocabulary.
WORD = regex.compile(r"(?<![\p{L}\p{M}\-])\p{L}[\p{L}\p{M}]*(?![\p{L}\p{M}\-])")
#: A candidate merged word: letters only, 4 or more, optionally a final period ("Keattsvs.").
MERGED = regex.compile(r"(?<=^|[\s(\[“\"‘])(\p{L}{4,})(?=$|[\s.,;:!?)\]”\"’])")

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
#: Google Books count above which an English word is a word in its own right, not a
#: fragment the frequency list happens to contain ("pau", "ing" are below it).
WORD_FREQUENCY = 1_000_000
VERSUS = frozenset({"v", "vs"})
#: A content word glued to a function word must be this frequent (Google Books count):
#: "the cry" from "thecry" (a misread "theory") is refused by length, "for mara" by this.
CONTENT_FREQUENCY = 2_000_000
#: Function words that are also prefixes ("inartificial", "abed", "online"): a split
#: needs the pair in real opinions (corpus bigrams), else it is only a suggestion.
PREFIX_LIKE = frozenset({"a", "an", "in", "on", "be", "to", "for", "with", "it"})
#: Inflections: "informations" is "information" + "s", not "in formations".
SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")


def _doc_counts(text: str) -> Counter[str]:
    """Lower-cased words of the document, hyphenated forms counted whole ("pre-emption")."""
    counts = Counter(m.group().lower() for m in WORD.finditer(text))
    if "-" in text:
        counts.update(m.group().lower() for m in HYPHENATED.finditer(text))
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
        if left.lower() in PREFIXES:
            return len(right) >= 3 and self.evidenced(right)
        return self.is_word(left) and self.is_word(right)


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


def _split_merged(word: str, judge: _Judge, resources: Resources) -> tuple[int, float] | None:
    """Where to insert a space in an unknown merged word, with a confidence."""
    low = word.lower()
    if any(low.endswith(s) and resources.is_known(low[: -len(s)]) for s in SUFFIXES):
        return None  # an inflection of a known word ("informations")
    if word[0].isupper():
        # a name the document uses, glued to "v"/"vs": "Keattsvs."
        for k in range(len(word) - 2, len(word) - 1 + 1):
            if k > 2 and low[k:] in VERSUS and judge.doc.get(low[:k], 0) >= 2:
                return k, 0.9
        return None
    best: tuple[int, float, int] | None = None
    tie = False
    for k in range(1, len(word)):
        left, right = low[:k], low[k:]
        content = [p for p in (left, right) if p not in FUNCTION_WORDS]
        if len(content) == 2:
            continue
        if content and (len(content[0]) < 4 or resources.frequency(content[0]) < CONTENT_FREQUENCY):
            continue
        if not (judge.is_word(left) and judge.is_word(right)):
            continue
        if word[k].isupper() and not word[:k].islower():
            continue
        score = min(resources.frequency(left), resources.frequency(right))
        corpus = resources.corpus_bigrams.count(left, right)
        english = resources.bigrams.count(left, right)
        if content and (left in PREFIX_LIKE or len(right) <= 2):
            # "inpayment" is "in payment" but "inartificial" is a word, "testor" is not
            # "test or": the pair must be usual in real opinions (corpus bigrams)
            conf = 0.9 if corpus >= 2 else 0.6
        else:
            conf = 0.95 if corpus or english else 0.7
        if best is None or score > best[2]:
            best, tie = (k, conf, score), False
        elif score == best[2]:
            tie = True
    if best is None or tie:
        return None
    return best[0], best[1]


class Hyphenation(Pass):
    """Split words (Pau-luk, es-topped) joined; merged words (agreementis) split."""

    name = "hyphenation"
    description = "Split words (Pau-luk, es-topped) joined; merged words (agreementis) split."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        return list(self._propose(text, ctx))

    def _propose(self, text: str, ctx: PassContext) -> Iterator[Edit]:
        protected = protected_spans(text, ctx)
        judge = _Judge(self.resources, _doc_counts(text))
        for m in HYPHENATED.finditer(text):
            if protected.overlaps(m.start(), m.end()):
                continue
            parts = m.group().split("-")
            choice = _choose(parts, judge)
            if choice is None:
                continue
            removed, conf = choice
            pos = m.start()
            for i, part in enumerate(parts[:-1]):
                pos += len(part)
                if i in removed:
                    reason = f"in-line hyphen of a split word ({m.group()})"
                    yield Edit(pos, pos + 1, "", reason, conf)
                pos += 1
        for m in LINE_END.finditer(text):
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
        for m in MERGED.finditer(text):
            word = m.group(1)
            if protected.overlaps(m.start(), m.end()) or self.resources.is_known(word):
                continue
            if judge.doc.get(word.lower(), 0) >= 3:
                continue  # the document's own term
            split = _split_merged(word, judge, self.resources)
            if split is None:
                continue
            k, conf = split
            at = m.start() + k
            yield Edit(at, at, " ", f"words merged by a lost space ({word})", conf)
