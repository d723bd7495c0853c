"""Words merged by a lost space: 'agreementis' -> 'agreement is', 'ofthe' -> 'of the'.

OCR drops the narrow space of a tight line, and a function word fuses with its neighbour.
No spelling correction mends such a token: it is two words. A space is inserted when the
merged form is no known word, used fewer than three times in the document, and

* exactly one cut leaves a function word on one side ("agreement is", "and an") and an
  evidenced word on the other (a common English word of 4+ letters, a legal term, a word
  the document uses); two function words only when English pairs them ("to be", not
  "a the" or "is was"); not an inflection of a known word ("informations");
* the pair is in use in English or in opinions; a function word that is also a prefix
  ("in", "a", "be": "inartificial", "abed") needs the pair in real opinions;
* no word one edit away is far likelier than the pair ("beon" is "been" misread, not
  "be on"; "atmost" is "almost");
* the function words fit the words around ("froma her", "the awitness" stay);
* or a name the document uses is glued to "v"/"vs" ("Keattsvs." -> "Keatts vs.");
* or a function word is glued to a capitalized word that is known or that the document
  writes on its own ("uponMrs", "thatMorrison"): the capital inside is the evidence.

Weaker evidence is a suggestion (confidence 0.6). In a badly damaged text
(:func:`cleaner.lexicon.tokens.badly_damaged`) an unusual pair is split, not suggested
("prisonerfor"), and a very common 3-letter word counts as evidenced ("tosay", "afew").

>>> from cleaner import clean
>>> clean("the agreementis void, andan appeal lies", passes=("merged_words",)).text
'the agreement is void, and an appeal lies'
>>> clean("a most inartificial pleading; he was beon time", passes=("merged_words",)).text
'a most inartificial pleading; he was beon time'
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import filterfalse, pairwise

from cleaner.lexicon.tokens import document_damaged, letter_counts, runs_positions, unknown_runs
from cleaner.passes.base import Pass, PassContext
from cleaner.passes.hyphenation import (
    Judge,
    bounded,
    document_judge,
    lower_text,
    lowered_counts,
    totals,
)
from cleaner.passes.words import damaged_prose, old_spelling_text
from cleaner.protect import Spans, protected_spans
from cleaner.resources import Resources
from cleaner.types import Edit

#: Above this many merged words, one pass over the runs of letters beats a scan per word.
FIND_SCANS = 4

#: Words a lost space often glues to a neighbour ("agreementis", "andan", "ofthe").
FUNCTION_WORDS = frozenset(
    """a an and the of to in on at by for or as is be it was that this with not are his her
    which from has had been were its their""".split()  # noqa: SIM905
)
#: More function words a lost space glues to a neighbour in narrative text ("hemade",
#: "shouldhave", "whenhe", "nodoubt"); not in a text of old spelling ("weare").
MORE_FUNCTION_WORDS = frozenset(
    """he she who we they you him them me my no have would should could will when there
    into upon said but may shall must""".split()  # noqa: SIM905
)
ALL_FUNCTION_WORDS = FUNCTION_WORDS | MORE_FUNCTION_WORDS
LONGEST_FUNCTION_WORD = max(map(len, ALL_FUNCTION_WORDS))
#: Short function words that end no English word when glued to a common word
#: ("inspectorof", "unableto"): the pair needs no evidence from opinions.
ENDS_NO_WORD = frozenset({"of", "to"})
#: "a" + a word of 5+ letters: English must use the pair this often ("a verdict").
ARTICLE_PAIR = 10_000_000
VERSUS = frozenset({"v", "vs"})
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: A split is only a suggestion when a word one edit away from the merged form is this many
#: times likelier (as a share of English words) than the split pair (as a share of English
#: pairs): "been" is 17x likelier than "be on", "almost" 8x than "at most".
MISREAD_RATIO = 3
#: The confidence of a split into a function word and a common word that no bigram list
#: pairs ("prisonerfor"): a suggestion, applied in a badly damaged text
#: (:func:`cleaner.lexicon.tokens.badly_damaged`) at :data:`DAMAGED_CONFIDENCE`.
UNUSUAL_PAIR = 0.7
DAMAGED_CONFIDENCE = 0.85
#: English bigram count of a usual pair ("a series" 9e8, "to be" 3e10; "a the" is not).
COMMON_PAIR = 1_000_000
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
#: ... of 3 letters in a badly damaged text, when this common ("tosay", "sawthe"; "afew":
#: "a" then takes a word of 3+ letters, not 5+)
SHORT_CONTENT_FREQUENCY = 50_000_000
#: Function words that are also prefixes ("inartificial", "abed", "online"): a split
#: needs the pair in real opinions (corpus bigrams), else it is only a suggestion.
PREFIX_LIKE = frozenset({"a", "an", "in", "on", "be", "to", "for", "with", "it"})
#: Two auxiliaries glued are English only when this common a pair ("had been" 3G, "has
#: had"; "is was" 20M is a clause boundary, no pair to split into).
VERB_PAIR = 400_000_000
#: Inflections: "informations" is "information" + "s", not "in formations".
SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")


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


#: A lower-case word glued to a capitalized one ("uponMrs", "thatMorrison").
_CAMEL = re.compile(r"([a-z]{2,5})([A-Z][a-z]{2,})")
#: ... and what may not stand right before or after it ("co.uponMrs", "thatMorrison's").
_GLUED_BEFORE = frozenset("'’.-")
_GLUED_AFTER = frozenset("'’-")
#: Function words that may be glued so ("a" is not: "aUowance", "aSked" are misreads).
CAMEL_HEADS = ALL_FUNCTION_WORDS - {"a"}


def _cuts(low: str, function: frozenset[str]) -> list[int]:
    """Where ``low`` leaves a function word on one side of a cut, in order.

    >>> _cuts("agreementis", FUNCTION_WORDS), _cuts("thatthe", FUNCTION_WORDS)
    ([1, 9], [4])
    """
    n = len(low)
    return sorted(
        {k for k in range(1, min(n, LONGEST_FUNCTION_WORD + 1)) if low[:k] in function}
        | {k for k in range(max(1, n - LONGEST_FUNCTION_WORD), n) if low[k:] in function}
    )


def _has_cut(low: str) -> bool:
    """Could the unknown word ``low`` split at all: 4+ letters, a function word at one end,
    or "v"/"vs" at its end?"""
    if len(low) < 4:
        return False
    return low[-1] == "v" or low[-2:] == "vs" or bool(_cuts(low, ALL_FUNCTION_WORDS))


def _split_merged(
    low: str, judge: Judge, resources: Resources, old_spelling: bool = False, damaged: bool = False
) -> list[_Split]:
    """Where to insert a space in an unknown merged word (lower-cased), best first.
    (In a text of old spelling only the commonest function words count: "weare",
    "withall", "aweary" were words then; in a badly damaged one, ``damaged``, an unusual
    pair is applied and a very common 3-letter word is evidence.)"""
    function = FUNCTION_WORDS if old_spelling else ALL_FUNCTION_WORDS
    # a split leaves a function word on one side: only those cuts are tried
    cuts = _cuts(low, function)
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
        content = [p for p in (left, right) if p not in function]
        if len(content) == 2:
            continue
        if not content and (
            left in ARTICLES
            or (
                left in VERBS
                and right in VERBS
                and resources.bigrams.count(left, right) < VERB_PAIR
            )
        ):
            continue  # "a the", "a for", "is was": no English ("had been" is)
        if content:
            freq = resources.frequency(content[0])
            shortest = 3 if damaged and freq >= SHORT_CONTENT_FREQUENCY else 4
            if len(content[0]) < shortest or freq < CONTENT_FREQUENCY:
                continue
        if not (judge.is_word(left) and judge.is_word(right)):
            continue
        score = min(resources.frequency(left), resources.frequency(right))
        corpus = resources.corpus_bigrams.count(left, right)
        english = resources.bigrams.count(left, right)
        if content and left == "a" and not old_spelling and len(right) >= (3 if damaged else 5):
            # "averdict", "awitness": no English word starts so ("aweary" is old)
            conf = 0.9 if corpus >= 2 or english >= ARTICLE_PAIR else 0.6
        elif content and (left in PREFIX_LIKE or (len(right) <= 2 and right not in ENDS_NO_WORD)):
            # "inpayment" is "in payment" but "inartificial" is a word, "testor" is not
            # "test or": the pair must be usual in real opinions (corpus bigrams)
            conf = 0.9 if corpus >= 2 else 0.6
        else:
            unusual = DAMAGED_CONFIDENCE if damaged else UNUSUAL_PAIR
            conf = 0.95 if corpus >= 2 or english >= COMMON_PAIR else unusual
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
    unigram_total, bigram_total = totals(resources)

    def freq(word: str) -> int:
        return 0 if word in exclude else resources.frequency(word)

    shorter = max((freq(low[:i] + low[i + 1 :]) for i in range(len(low))), default=0)
    other = max(map(freq, _english_one_letter_away(low, resources)), default=0)
    pair = resources.bigrams.count(*exclude) if len(exclude) == 2 else 0
    rival = max(other, shorter / 3) / unigram_total
    return rival / max(pair / bigram_total, 1e-12)


#: In a badly damaged text, a run of words that lost every space between them
#: ("itisalleged", "soonafterwards", "courtgrantedadivorce") is cut into at most this many.
MOST_PARTS = 4
#: ... each pair of neighbours used this often in English (or twice in opinions)
SEGMENT_PAIR = 1_000_000
#: ... and no word one edit from the whole this common (a misread, not a run of words)
SEGMENT_RIVAL = 1_000_000


def _segment_part(part: str, resources: Resources) -> int:
    """The frequency that ranks ``part`` as a piece of a run of words, 0 if no piece: a
    function word (ranked first), a common word of 4+ letters, a very common one of 3."""
    if part in ALL_FUNCTION_WORDS:
        return 1 << 62
    freq = resources.frequency(part)
    if (len(part) >= 4 and freq >= CONTENT_FREQUENCY) or (
        len(part) == 3 and freq >= SHORT_CONTENT_FREQUENCY
    ):
        return freq
    return 0


def _segment(low: str, resources: Resources) -> tuple[str, ...] | None:
    """The words of a run that lost its spaces (lower case), or None: the fewest pieces,
    then the commonest rarest piece; every neighbouring pair usual in English or opinions,
    one piece a content word of 4+ letters, no lone letter but "a" before a content word.

    >>> r = Resources()
    >>> _segment("itisalleged", r), _segment("soonafterwards", r), _segment("notinis", r)
    (('it', 'is', 'alleged'), ('soon', 'afterwards'), None)
    """
    best: dict[int, tuple[int, int, tuple[str, ...]] | None] = {len(low): (0, 1 << 63, ())}
    for i in range(len(low) - 1, -1, -1):
        found: tuple[int, int, tuple[str, ...]] | None = None
        for j in range(i + 1, len(low) + 1):
            rest = best.get(j)
            rank = _segment_part(low[i:j], resources) if rest is not None else 0
            if rest is None or not rank or rest[0] >= MOST_PARTS:
                continue
            cand = (rest[0] + 1, min(rank, rest[1]), (low[i:j], *rest[2]))
            if found is None or (cand[0], -cand[1]) < (found[0], -found[1]):
                found = cand
        best[i] = found
    whole = best[0]
    if whole is None or whole[0] < 2:
        return None
    parts = whole[2]
    if not any(p not in ALL_FUNCTION_WORDS and len(p) >= 4 for p in parts):
        return None  # "notinis", "theinan": function words only
    for k, p in enumerate(parts):
        if len(p) == 1 and (p != "a" or k + 1 == len(parts) or parts[k + 1] in ALL_FUNCTION_WORDS):
            return None
    for a, b in pairwise(parts):
        if (
            resources.bigrams.count(a, b) < SEGMENT_PAIR
            and resources.corpus_bigrams.count(a, b) < 2
        ):
            return None
    if _one_edit_rival(low, resources) >= SEGMENT_RIVAL:
        return None  # a misread of one word ("befora" is "before", not "be for a")
    return parts


def _english_one_letter_away(low: str, resources: Resources) -> set[str]:
    """The English words one letter inserted into or replaced in ``low`` (lower case: a set
    intersection finds them among the English list's words)."""
    edits = {low[:i] + c + low[i:] for i in range(len(low) + 1) for c in ALPHABET}
    edits.update(low[:i] + c + low[i + 1 :] for i in range(len(low)) for c in ALPHABET)
    edits.discard(low)
    return edits & resources.english.counts.keys()


def _one_edit_rival(low: str, resources: Resources) -> int:
    """The frequency of the commonest English word one edit from ``low``."""
    near = _english_one_letter_away(low, resources)
    near.update(low[:i] + low[i + 1 :] for i in range(len(low)))  # (deleted: 0 if no word)
    near.discard(low)
    return max(map(resources.frequency, near), default=0)


class MergedWords(Pass):
    """Words merged by a lost space: 'agreementis' -> 'agreement is'."""

    name = "merged_words"
    description = "Words merged by a lost space: 'agreementis' -> 'agreement is'."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        if not text:
            return []
        camel = self._camel(text, ctx)
        counts = letter_counts(text, ctx)
        words = lowered_counts(counts)
        # only unknown words that could split at all pay for the document's evidence
        unknown = [low for low in self._unknown(counts, words) if _has_cut(low)]
        runs = self._runs(text, ctx, words)
        if not unknown and not runs:
            return camel
        judge, _ = document_judge(text, ctx, self.resources, words)
        edits = list(self._merged(text, lower_text(text), ctx, judge, unknown))
        if runs:
            edits = self._with_runs(text, ctx, edits, runs)
        if camel:  # the capital inside is the stronger evidence
            at = {e.start for e in camel}
            edits = sorted([e for e in edits if e.start not in at] + camel, key=lambda e: e.start)
        return edits

    def _unknown(self, counts: Counter[str], words: Counter[str]) -> set[str]:
        """``words.keys() - known``: the words of ``words`` (``counts`` lower-cased) that no
        dictionary knows, from the count's unknown runs (kept with the count) instead of a
        look-up of every word in the dictionaries. The same set, built and pruned alike
        from ``words``' keys, so iterated in the same order."""
        unknown = {run.lower() for run in unknown_runs(counts, self.resources.known)}
        return words.keys() - (words.keys() - unknown)

    def _runs(self, text: str, ctx: PassContext, words: Counter[str]) -> dict[str, tuple[str, ...]]:
        """In a badly damaged text, the unknown lower-case words that are runs of words which
        lost their spaces ("itisalleged"), with their words."""
        counts = letter_counts(text, ctx)
        known = self.resources.known
        if not damaged_prose(text, ctx, known):
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for low in self._unknown(counts, words):
            if not 6 <= len(low) <= MOST_PARTS * 10 or words[low] >= 3 or low not in counts:
                continue  # (lower-case occurrences only)
            if any(low.endswith(s) and self.resources.is_known(low[: -len(s)]) for s in SUFFIXES):
                continue  # an inflection of a known word
            parts = _segment(low, self.resources)
            if parts is not None and not (len(parts) == 2 and set(parts) & ALL_FUNCTION_WORDS):
                out[low] = parts  # (two words with a function word: _merged decides)
        return out

    def _with_runs(
        self, text: str, ctx: PassContext, edits: list[Edit], runs: dict[str, tuple[str, ...]]
    ) -> list[Edit]:
        """``edits`` with the spaces of the runs of words added (lower-case occurrences)."""
        protected = protected_spans(text, ctx)
        taken = {e.start for e in edits}
        added: list[Edit] = []
        counts = letter_counts(text, ctx)
        for low, starts in runs_positions(text, list(runs), counts).items():
            parts = runs[low]
            for start in starts:
                end = start + len(low)
                if text[start:end] != low or not bounded(text, start, end):
                    continue
                if protected.overlaps(start, end) or any(start <= t <= end for t in taken):
                    continue
                at = start
                for part in parts[:-1]:
                    at += len(part)
                    reason = f"words merged by lost spaces ({low})"
                    added.append(Edit(at, at, " ", reason, DAMAGED_CONFIDENCE))
        return sorted([*edits, *added], key=lambda e: e.start) if added else edits

    def _camel(self, text: str, ctx: PassContext) -> list[Edit]:
        """A function word glued to a capitalized word: "uponMrs", "thatMorrison",
        "onLimitation". The capital inside is the evidence; the capitalized part must be a
        known word or one the document writes on its own ("Morrison"), and the whole no
        word ("ofFspring" is "offspring" misread)."""
        known = self.resources.known
        counts = letter_counts(text, ctx)
        # the runs of letters of that shape (a C-level filter over the document's runs,
        # no scan of the text)
        cut: dict[str, int] = {}
        for run in filterfalse(str.islower, counts):
            m = _CAMEL.fullmatch(run) if run[:1].islower() else None
            if m is None:
                continue
            head, rest = m.group(1), m.group(2)
            if head not in CAMEL_HEADS or run.lower() in known:
                continue
            if rest.lower() not in known and counts.get(rest, 0) < 1:
                continue
            cut[run] = len(head)
        if not cut:
            return []
        spans = protected_spans(text, ctx)
        out: list[Edit] = []
        for run, starts in runs_positions(text, list(cut), counts).items():
            for start in starts:
                end = start + len(run)
                before, after = text[start - 1 : start], text[end : end + 1]
                if before in _GLUED_BEFORE or before.isdigit() or after in _GLUED_AFTER:
                    continue
                if spans.overlaps(start, end):
                    continue
                at = start + cut[run]
                out.append(Edit(at, at, " ", f"words merged by a lost space ({run})", 0.9))
        return sorted(out, key=lambda e: e.start)

    def _merged(
        self, text: str, low_text: str, ctx: PassContext, judge: Judge, unknown: list[str]
    ) -> Iterator[Edit]:
        splits: dict[str, list[_Split]] = {}
        counts = letter_counts(text, ctx)
        old_spelling = old_spelling_text(counts, self.resources.known)
        # in a badly damaged text a lost space is likelier than an unusual pair of words
        damaged = not old_spelling and document_damaged(text, ctx, self.resources.known)
        for low in unknown:
            if judge.doc.get(low, 0) >= 3:
                continue  # short, or the document's own term
            found = _split_merged(low, judge, self.resources, old_spelling, damaged)
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
        if not bounded(text, start, end) or protected.overlaps(start, end):
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
