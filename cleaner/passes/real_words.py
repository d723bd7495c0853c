"""Real-word OCR errors from context: 'does hot itself' -> 'does not itself'.

A misread that happens to spell another word ("hot" for "not", "ease" for "case",
"tinder" for "under") passes every dictionary. The evidence is the context: neither pair
the token forms with its neighbours is known (symspellpy's Google Books bigrams, which
list only pairs seen 6.4M+ times, plus the opinion-corpus bigrams), while the pairs of a
common word one OCR confusion away are known on both sides. The strength of the evidence
is the likelihood ratio of the neighbours, P(neighbours | candidate) / P(neighbours |
token), with an unseen pair counted at 1/8 of the list's floor: at 100 or more the edit is
applied (confidence 0.85), from 3 it is a suggestion (0.6).

A token rarer than the list's floor ("bis", "tho": under 6.4M) has no pair in it, seen or
not, so the ratio above says nothing about it; for such a token (down to 500k) each
neighbour is instead weighed against its own frequency, P(pair | candidate) / P(neighbour):
both must favour the candidate, one strongly (x50), the product x1000, the candidate must
be one of the commonest words (500M+: "his", "the") and the opinions must favour it over
the token (a factor 3 over English). Measured: "for riot at", "to aver in", "who sailed
to" and "bail was" stay.

In a badly damaged text (3.5%+ of its lower-case words unknown; not in old spelling) a
misread that spells a word is far likelier than in an opinion, and the three words are
weighed directly: "that lie had" -> "he", "it bad been" -> "had" when the candidate forms
known pairs on both sides and makes the three 1000x likelier (:meth:`RealWords._noisy_edit`).
A few rare words that OCR often makes of the commonest ones (:data:`COMMON_MISREADS`) are
weighed so in any English text.

Candidates are restricted to very common words and to the cheap OCR confusions of
:mod:`cleaner.lexicon.spelling` (a reverse map built once: misreading -> common words).
Protected spans and capitalized words mid-sentence (names) are never touched.

Two misreads of short words are fixed from their fixed surroundings: "hi" read as "M" in
the pronouns between lower-case words ("brought Ms action"), and the judge's title "Hon."
read as "lion." before a name ("lion. John C. Murray, Circuit Judge").

>>> from cleaner import clean
>>> clean("on which defendants rely, does hot itself speak", passes=("real_words",)).text
'on which defendants rely, does not itself speak'
>>> clean("we drank hot water in that case", passes=("real_words",)).text
'we drank hot water in that case'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import compress

from cleaner.lexicon.spelling import misreadings
from cleaner.lexicon.tokens import (
    badly_damaged,
    document_counts,
    document_writes_elisions,
    letter_counts,
    lowered_runs,
    runs_positions,
)
from cleaner.passes.base import Pass, PassContext
from cleaner.passes.words import FUNCTION_WORDS, old_spelling_text, reads_e_as_o
from cleaner.protect import protected_spans
from cleaner.types import Edit

#: Words, with the text between them (so that a sentence or clause break is seen).
WORD = re.compile(r"[^\W\d_]+")
#: Characters that glue a word to a larger unit (hyphens, soft hyphens, joiners, brackets).
_GLUE = "*_'’-\u00ad\u2010\u2011\u200b\u200c\u200d\u2060¬/@[]"
_PREV = re.compile(r"(?<![\w'’])([^\W\d_]+)[ \t]{1,3}$")
_NEXT = re.compile(r"[ \t]{1,3}([^\W\d_]+)(?![\w'’])")
#: "hi" read as one "M" in the pronouns ("brought Ms action", "employed Mm to"): a capital
#: between two lower-case words is no title ("Ms." takes a period and a name). (The "M"
#: comes first, so that the engine finds it with a fast literal search: 30x faster.)
HI_AS_M = re.compile(r"M(?<=[a-z,;] M)(?=s |m |mself )(?=\w+ [a-z])")
#: "Hon." (the judge's title) read as "lion.": at the start of a line before a name
#: ("lion. John C. Murray, Circuit Judge"), or after "the" before initials ("the lion. T.
#: M. Shaw, Judge"); "lion" itself is never written so.
HON_AS_LION = re.compile(
    r"(?m)(?:^[ \t]*|(?<=\bthe ))[Ll]ion(?=\.[ ](?:[A-Z]\.[ ])+[A-Z][a-z]+)"
    r"|^[ \t]*[Ll]ion(?=\.[ ][A-Z][a-z]+[ ][A-Z](?:\.|[a-z]+,))"
)
#: "Mr." and "Mrs." as old print's OCR reads them before a name: a stroke added or read as a
#: digit ("Mir.", "MIr.", "Mlr.", "M1r.", "Mtr."), or the "M" read as "Ai"/"Al" ("Air.",
#: "Airs.", "Alr."). BLN600: 56 such, all "Mr."/"Mrs." in the gold; the opinions' two
#: "Airs. Hightower" are "Mrs." (checked), and ICDAR 2017's "Point of Air. Off" is a place.
TITLE_MISREAD = re.compile(r"(?<![\w.'’-])(?:M[iIl1t]r|A[il]r)(s?)(?=\.[ ]([A-Z][a-z]+))")
#: Capitalized words after a title's period that name nobody ("Point of Air. Off").
NOT_NAMES = frozenset({"off", "then", "there", "here", "now", "so", "yet"})
_NO_NAME_AFTER_TITLE = FUNCTION_WORDS | NOT_NAMES
#: Words before a noun that fit every noun (see :meth:`RealWords._propose`).
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "such", "any", "each", "every"}
    | {"no", "his", "her", "its", "their", "our"}
)
#: ... and the count a pair of one of them with a candidate must reach ("the case" 2.6G,
#: "the State"; not "a he" or "a not": "a lie," and "a riot," stay).
DETERMINER_PAIR = 200_000_000
#: The end of a sentence: a lower-case word (no "Mr.", "v.") or a number, its stop, spaces.
SENTENCE_END = re.compile(r"(?:(?<![^\W\d_])[a-z]{2,}|\d)[.!?][\"”’')]*[ \t]+$")
#: Symbols that glue to garbled OCR tokens.
_JUNK = frozenset("#$%^~|\\<>=+{}")
#: An abbreviation's period before a number: "sec. 387", "see. 5" (not a word to fix).
_ABBREVIATION_NUMBER = re.compile(r"\.[ \t]?\d")
#: An exclamation mark after a word (in old print, after a space): an interjection ends
#: there ("And lo !", "alas!"), which no bigram of the words before it can judge.
_EXCLAIMED = re.compile(r"[ \t]?!")
#: A candidate must be at least this frequent in English (the most common ~2,500 words).
TARGET_FREQUENCY = 30_000_000
#: A token must be at least this frequent to be weighed by the likelihood ratio: the bigram
#: list's floor (a rarer token has no pair in it by construction, so its unseen pairs say
#: nothing: "timber and cane from" became "came" at x243 when this was 2M).
MIN_TOKEN_FREQUENCY = 6_400_000
#: ... or at least this frequent for the evidence of :meth:`RealWords._rare_evidence` only
#: ("eases", "bis", "tho": rarer than the bigram list's floor).
RARE_MIN_TOKEN_FREQUENCY = 500_000
#: ... and at most this frequent: the commonest words ("be", "he", "in") fit almost any
#: context, so bigrams cannot tell their misreads apart (and checking them costs time).
MAX_TOKEN_FREQUENCY = 500_000_000
#: Most a confusion may cost.
MAX_COST = 0.5
#: The least count of symspellpy's bigram list: an unseen pair counts as this much.
_ABSENT = 6_400_000
#: What an unseen pair is counted as when weighing the evidence (below the list's floor).
_FLOOR = _ABSENT / 8
#: Likelihood ratio of the neighbours (candidate vs token) to apply, and to suggest.
#: (Measured on BLN600 train, the OCR and its gold fed as input: at 100, 74 words fixed,
#: 1 broken, 6 changes on the 233k-word gold; at 30, 92 / 5 / 10; at 1, 131 / 8 / 16.)
_EVIDENCE = 100.0
_EVIDENCE_SUGGEST = 3.0
#: For a token rarer than the bigram list's floor: the least evidence each neighbour must
#: give for the candidate.
_SIDE = 3.0
#: ... the most one of them must give, and the least their product (measured on the
#: opinion corpus: function-word neighbours give 9-35 a side, "for riot at" x912).
_SIDE_STRONG = 50.0
_RARE_EVIDENCE = 1000.0
#: ... and the opinions must favour the candidate over the token this much more than
#: English does (ICDAR 2017: "sailed" -> "failed", "bail" -> "ball" otherwise).
_RARE_DOMAIN = 3.0
#: ... and the candidate one of the commonest words ("his", "the", "and"; not "failed"
#: for "sailed", which the opinions' counts favour too).
_RARE_TARGET = 500_000_000
#: ... unless one neighbour is bound to the candidate (5000x likelier beside it than
#: anywhere: "does not", "cut off") and the other favours it too: then a common word
#: (50M+) whatever the opinions' counts ("the statute dues not require", "to be cut oft
#: from"; Overproof's "for the three mouths ending").
_BOUND_SIDE = 5000.0
_BOUND_EVIDENCE = 100_000.0
_BOUND_TARGET = 50_000_000
#: A token under this frequency whose pairs the list does hold ("ease": its unseen pairs
#: say little) may be weighed as :meth:`RealWords._uncommon_evidence` says: each side at
#: least x100, toward a word of at least 100M.
_UNCOMMON = 50_000_000
_UNCOMMON_SIDE = 100.0
_UNCOMMON_TARGET = 100_000_000
#: In a badly damaged text (:func:`cleaner.lexicon.tokens.badly_damaged`): the most a
#: confusion may cost (candidates of :data:`TARGET_FREQUENCY`+), and how much likelier the
#: candidate must make the three words (measured on BLN600 and Overproof: at 1000,
#: "that lie had", "it bad been"; "outside end did" is x660 and stays).
NOISY_MAX_COST = 0.6
NOISY_EVIDENCE = 1000.0
#: Most the opinions' own word frequencies may multiply the context evidence by.
DOMAIN_CAP = 30.0
#: Corpus occurrences of a pair with the token that show it fits (fewer may be misreads).
_CORPUS_FIT = 5
#: Weight of one opinion-corpus pair occurrence against Google Books counts.
_CORPUS_WEIGHT = 1_000_000
#: The document's own evidence: a word it uses this often (and this many times more often
#: than the token) ...
DOC_SUPPORT = 5
DOC_RATIO = 5
#: ... is a candidate for a known token one cheap OCR confusion away ("ease" in an
#: opinion that says "case" 30 times) if the token is not common in English ("far" fits
#: too many contexts to be judged on a bigram list) and no legal term ("en route", "et").
DOC_MAX_COST = 0.5
DOC_MAX_TOKEN_FREQUENCY = 20_000_000
#: ... and the candidate an English word at least this frequent.
DOC_TARGET_FREQUENCY = 100_000


#: Short words an "e" read as "o" makes, and the words they were ("tho" the, "bo" be).
#: Rare words that OCR makes of the commonest ones by a cheap confusion ("lie" he, "bad"
#: had, "tile"/"tire" the, "hut" but, "lad" had, "tier" her, "bead" head: BLN600 and ICDAR
#: 2017 both leave them): weighed as in a badly damaged text in any English text, where
#: the three-word evidence (x1000) keeps "an action will lie", "a bad debt", "the tire".
COMMON_MISREADS: frozenset[str] = frozenset(
    {"lie", "bad", "tile", "tire", "hut", "lad", "tier", "bead"}
)
E_AS_O_WORDS = {"tho": "the", "bo": "be", "ho": "he", "wo": "we"}
E_AS_O_TOKENS = ("tho", "bo", "ho", "wo", "Tho", "Ho", "Bo", "Wo")
E_AS_O = re.compile(r"(?<![\w'’-])(?:tho|bo|ho|wo|Tho|Ho|Bo|Wo)(?![\w'’-])")


class RealWords(Pass):
    """Real-word OCR errors from context: 'does hot itself' -> 'does not itself'."""

    name = "real_words"
    description = "Real-word OCR errors from context: 'does hot itself' -> 'does not itself'."

    _confusable: dict[str, tuple[tuple[str, float], ...]] | None = None
    _pairs: dict[tuple[str, str], int] | None = None
    _fit_memo: dict[tuple[str, str], int] | None = None
    _domain_counts: dict[str, int] | None = None
    _doc_confusable: dict[str, tuple[tuple[str, float], ...]] | None = None
    _noisy_confusable: dict[str, tuple[tuple[str, float], ...]] | None = None
    _total: float | None = None

    def _domain(self) -> Mapping[str, int]:
        """How often each word follows another in the opinion corpus: the prior of the
        opinions' own vocabulary ("case" 1,141 times, "ease" 6), built once."""
        if self._domain_counts is None:
            corpus = self.resources.corpus_bigrams
            counts: dict[str, int] = {}
            n = max(len(corpus.words), 1)
            words = corpus.words
            for k, c in zip(corpus.pair_keys, corpus.pair_counts, strict=True):
                w = words[k % n]
                counts[w] = counts.get(w, 0) + c
            self._domain_counts = counts
        return self._domain_counts

    def _map(self) -> Mapping[str, tuple[tuple[str, float], ...]]:
        """misreading -> ((common word, cost), ...): built once, its built form cached on disk.

        A rare word ("shew", "connexion") is more likely an archaic spelling in an old opinion
        than a misread, and the commonest ones fit every context: only misreadings of 500k to
        500M are keys."""
        if self._confusable is None:
            self._confusable = self._reverse_map(
                "real-words-map",
                MAX_COST,
                lambda seen, f: RARE_MIN_TOKEN_FREQUENCY <= f < MAX_TOKEN_FREQUENCY,
            )
        return self._confusable

    def _noisy_map(self) -> Mapping[str, tuple[tuple[str, float], ...]]:
        """misreading -> ((common word, cost), ...) for badly damaged texts: up to
        :data:`NOISY_MAX_COST`, and toward and from the commonest words too ("be" for "he",
        "end" for "and"); built once, its built form cached on disk."""
        if self._noisy_confusable is None:
            self._noisy_confusable = self._reverse_map(
                "real-words-noisy-map",
                NOISY_MAX_COST,
                lambda seen, f: f >= RARE_MIN_TOKEN_FREQUENCY and seen.isalpha(),
            )
        return self._noisy_confusable

    def _reverse_map(
        self, name: str, max_cost: float, takes: Callable[[str, int], bool]
    ) -> dict[str, tuple[tuple[str, float], ...]]:
        """misreading -> ((English word of :data:`TARGET_FREQUENCY`+, cost), ...), the
        misreadings up to ``max_cost`` that ``takes`` (misreading, its frequency) accepts,
        cheapest first; cached on disk under ``name``."""
        from importlib import resources as importlib_resources
        from pathlib import Path

        from cleaner.lexicon import spelling
        from cleaner.lexicon.cache import cached

        def build() -> dict[str, tuple[tuple[str, float], ...]]:
            english = self.resources.english.counts
            out: dict[str, list[tuple[str, float]]] = {}
            for word, freq in english.items():
                if freq < TARGET_FREQUENCY or not word.isalpha() or len(word) < 2:
                    continue
                for seen, cost in misreadings(word, max_cost).items():
                    if takes(seen, english.get(seen, 0)):
                        out.setdefault(seen, []).append((word, cost))
            return {k: tuple(sorted(v, key=lambda t: t[1])) for k, v in out.items()}

        source = importlib_resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
        sources = [Path(str(source)), Path(spelling.__file__), Path(__file__)]
        return cached(name, sources, build)

    def _noisy_edit(
        self, text: str, start: int, end: int, low: str, prev: str, nxt: str
    ) -> Edit | None:
        """In a badly damaged text: a token between two words, toward a common word one
        OCR confusion away that makes the three far likelier ("that lie had" -> "he",
        "it bad been" -> "had", "outside end did" -> "and").

        The three-word likelihood from the bigrams, c(prev, w) * c(w, next) / c(w), with an
        unseen pair counted at the list's floor; the candidate must form known pairs on both
        sides and make the three :data:`NOISY_EVIDENCE` times likelier than the token does:
        in a text where one word in ten is damaged, a misread that spells a word is likely
        enough for that. ("may be had", "the lamb lie down", "to end the" stay.)"""
        english = self.resources.english.counts
        f_tok = max(english.get(low, 1), 1)
        tok_left = max(self._pair(prev, low), _FLOOR)
        tok_right = max(self._pair(low, nxt), _FLOOR)
        tok_score = tok_left * tok_right / f_tok
        best: tuple[float, str] | None = None
        for cand, _cost in self._noisy_map().get(low, ()):
            left = self._pair(prev, cand)
            right = self._pair(cand, nxt) if left else 0
            if not (left and right):
                continue
            ratio = left * right / max(english.get(cand, 1), 1) / tok_score
            if best is None or ratio > best[0]:
                best = (ratio, cand)
        if best is None or best[0] < NOISY_EVIDENCE:
            return None
        ratio, cand = best
        return Edit(
            start,
            end,
            cand,
            f"real-word OCR error in a badly damaged text: {low!r} does not fit"
            f" '{prev} _ {nxt}'; {cand!r} does (evidence x{ratio:.0f})",
            0.85,
        )

    def _pair(self, a: str, b: str) -> int:
        """Count of the pair ``a b`` in English plus weighted opinion-corpus counts (memoized)."""
        memo = self._pairs
        if memo is None:
            memo = self._pairs = {}
        key = (a, b)
        n = memo.get(key)
        if n is None:
            r = self.resources
            n = r.bigrams.count(a, b)
            corpus = r.corpus_bigrams
            if len(corpus):
                n += corpus.count(a, b) * _CORPUS_WEIGHT
            if len(memo) > 500_000:
                memo.clear()
            memo[key] = n
        return n

    def _fits(self, a: str, b: str) -> int:
        """Count of a pair with the token: the opinion-corpus counts, mined from OCR, also
        hold the misreads themselves ("this ease" twice), so only a pair seen in English
        or 5+ times in the corpus says that the token fits."""
        memo = self._fit_memo
        if memo is None:
            memo = self._fit_memo = {}
        key = (a, b)
        hit = memo.get(key)
        if hit is not None:
            return hit
        r = self.resources
        n = r.bigrams.count(a, b)
        if not n:
            corpus = r.corpus_bigrams
            c = corpus.count(a, b) if len(corpus) else 0
            n = c * _CORPUS_WEIGHT if c >= _CORPUS_FIT else 0
        if len(memo) > 200_000:
            memo.clear()
        memo[key] = n
        return n

    def _doc_map(self) -> Mapping[str, tuple[tuple[str, float], ...]]:
        """known word -> ((English word it may be a cheap misread of, cost), ...), for the
        document's own evidence: built once, its built form cached on disk."""
        if self._doc_confusable is None:
            from pathlib import Path

            from cleaner.lexicon import data, spelling
            from cleaner.lexicon.cache import cached

            d = data.dictionaries_dir()
            sources = [
                data._symspell_file("frequency_dictionary_en_82_765.txt"),
                d / data.ENGLISH_EXTRA_FILE,
                d / data.LEGAL_FILE,
                d / data.CORPUS_WORDS_FILE,
                Path(spelling.__file__),
                Path(__file__),
            ]
            self._doc_confusable = cached("real-words-doc-map", sources, self._build_doc_map)
        return self._doc_confusable

    def _build_doc_map(self) -> dict[str, tuple[tuple[str, float], ...]]:
        r = self.resources
        known, english, legal = r.known, r.english.counts, r.legal.counts
        out: dict[str, list[tuple[str, float]]] = {}
        for word, freq in english.items():
            if freq < DOC_TARGET_FREQUENCY or not word.isalpha() or len(word) < 2:
                continue
            for seen, cost in misreadings(word, DOC_MAX_COST).items():
                if (
                    seen in known
                    and len(seen) <= 20
                    and english.get(seen, 0) < DOC_MAX_TOKEN_FREQUENCY
                    and seen not in legal
                ):
                    out.setdefault(seen, []).append((word, cost))
        return {k: tuple(sorted(v, key=lambda t: t[1])) for k, v in out.items()}

    def _doc_candidates(
        self, counts: Mapping[str, int], targets: Iterable[str]
    ) -> dict[str, tuple[tuple[str, float], ...]]:
        """Rare known tokens (of ``targets``, those in :meth:`_doc_map`) -> the document's
        frequent words one cheap confusion away.

        A misread that spells a real word ("ease", "mot", "dues", "Slate") is rare in the
        document that uses the word it misreads ("case", "not", "does", "State") often:
        the document's own counts are the prior a general bigram list lacks.
        """
        rev = self._doc_map()
        out: dict[str, tuple[tuple[str, float], ...]] = {}
        for tok in targets:
            w = tok.lower()
            if w in out:
                continue
            m = _cases(counts, w)
            if m > 2:
                continue
            found = []
            for cand, cost in rev[w]:
                n = _cases(counts, cand)
                if n >= DOC_SUPPORT and n >= m * DOC_RATIO:
                    found.append((cand, cost))
            if found:
                out[w] = tuple(found)
        return out

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        edits = self._propose(text, ctx)
        if "lion. " in text or "Lion. " in text:  # (a literal test: the pattern is slow)
            edits.extend(
                Edit(m.end() - 4, m.end(), "Hon", "'Hon.' (a judge's title) read as 'lion.'", 0.9)
                for m in HON_AS_LION.finditer(text)
            )
            edits.sort(key=lambda e: (e.start, e.end))
        if "r. " in text or "rs. " in text:
            found = [
                m for m in _title_shapes(text) if m.group(2).lower() not in _NO_NAME_AFTER_TITLE
            ]
            if found:
                spans = protected_spans(text, ctx)
                edits.extend(
                    Edit(
                        m.start(),
                        m.end(),
                        "Mr" + m.group(1),
                        f"'Mr{m.group(1)}.' read as {m.group()!r}. before a name",
                        0.9,
                    )
                    for m in found
                    # (a digit inside, "M1r", is protected as a number: not the title)
                    if "1" in m.group() or not spans.overlaps(m.start(), m.end())
                )
                edits.sort(key=lambda e: (e.start, e.end))
        if " M" in text:
            spans = protected_spans(text, ctx)
            edits.extend(
                Edit(m.start(), m.end(), "hi", "'hi' read as 'M' in a pronoun", 0.9)
                for m in HI_AS_M.finditer(text)
                if not spans.overlaps(m.start(), m.end() + 2)
            )
            edits.sort(key=lambda e: (e.start, e.end))
        counts = letter_counts(text, ctx)
        if any(t in counts for t in E_AS_O_TOKENS):  # (dictionary look-ups, no scan)
            edits.extend(self._e_read_as_o(text, ctx))
            edits.sort(key=lambda e: (e.start, e.end))
        kept: list[Edit] = []
        for e in edits:  # one edit per place
            if not kept or e.start >= kept[-1].end:
                kept.append(e)
        return kept

    def _e_read_as_o(self, text: str, ctx: PassContext) -> list[Edit]:
        """In a document whose OCR reads "e" as "o" (unknown words that one "o" made "e"
        turns into common ones: "woro", "aro", "havo"), the short words that confusion
        makes ("tho", "bo", "ho", "wo") are "the", "be", "he", "we" where the candidate
        forms known pairs with its neighbours ("to bo assessed"; "confers ho power" is "no")."""
        counts = document_counts(text, ctx)
        if not reads_e_as_o(counts, self.resources):
            return []
        spans = protected_spans(text, ctx)
        out: list[Edit] = []
        for m in E_AS_O.finditer(text):
            tok = m.group()
            cand = E_AS_O_WORDS[tok.lower()]
            start, end = m.start(), m.end()
            if spans.overlaps(start, end):
                continue
            prev = _neighbour(text, start, before=True)
            nxt = _neighbour(text, end, before=False)
            if tok[0].isupper():
                if prev is not None:
                    continue  # mid-sentence: a name ("Ho", "Bo")
                cand = cand.capitalize()
            low = cand.lower()
            left = prev is None or self._pair(prev, low) > 0
            right = nxt is None or self._pair(low, nxt) > 0
            if not (left and right) or (prev is None and nxt is None):
                continue
            reason = f"'e' read as 'o' (a confusion this document makes): {tok!r}"
            out.append(Edit(start, end, cand, reason, 0.85))
        return out

    def _propose(self, text: str, ctx: PassContext) -> list[Edit]:
        conf_map = self._map()
        counts = letter_counts(text, ctx)  # the words of WORD, shared with other passes
        keys, lows = lowered_runs(counts)  # (lowered once per count, shared with other passes)
        rev = self._doc_map()
        doc_map = self._doc_candidates(counts, compress(keys, map(rev.__contains__, lows)))
        noisy_map: Mapping[str, object] = {}
        known = self.resources.known
        if (
            badly_damaged(counts, known)
            and not old_spelling_text(counts, known)
            and not document_writes_elisions(text, ctx)
        ):
            noisy_map = self._noisy_map()
        elif (
            not COMMON_MISREADS.isdisjoint(lows)
            and not old_spelling_text(counts, known)
            and not document_writes_elisions(text, ctx)
        ):
            full = self._noisy_map()
            noisy_map = {k: full[k] for k in COMMON_MISREADS if k in full}
        if doc_map or noisy_map:
            targets = list(
                compress(keys, (k in conf_map or k in doc_map or k in noisy_map for k in lows))
            )
        else:  # (the usual case: a C-level test)
            targets = list(compress(keys, map(conf_map.__contains__, lows)))
        if not targets:
            return []
        spans = protected_spans(text, ctx)
        terms = self.resources.terms_of_art
        edits: list[Edit] = []
        found = sorted(
            (start, start + len(tok), tok)
            for tok, starts in runs_positions(text, targets, counts).items()
            for start in starts
            if _whole(text, start, len(tok))
        )
        for start, end, tok in found:
            low = tok.lower()
            noisy = low in noisy_map and tok.islower()
            # the token fits its context: the right neighbour first (a cheap match; the
            # left one is a search back, found only if the right one does not fit). Most
            # occurrences fit: tested first, unless the damaged-text rule below may apply
            nxt = _neighbour(text, end, before=False)
            fits_next = nxt is not None and self._fits(low, nxt) > 0
            if fits_next and not noisy:
                continue
            cands = conf_map.get(low)
            if spans.overlaps(start, end):
                continue
            if low in terms:
                continue  # a term of the law ("realty") is no misread
            if not (tok.islower() or (tok[:1].isupper() and tok[1:].islower())):
                continue
            if text[start - 1 : start] in ("[", "]") or text[end : end + 1] in ("[", "]"):
                continue  # part of an alteration ("[t]he")
            if _ABBREVIATION_NUMBER.match(text, end):
                continue  # an abbreviation before a number ("sec. 387")
            if _EXCLAIMED.match(text, end):
                continue  # an exclamation ends on it ("When lo ! upon the ground")
            if noisy:
                nb_prev = _neighbour(text, start, before=True) if nxt else None
                if nb_prev and nxt:
                    noisy_edit = self._noisy_edit(text, start, end, low, nb_prev, nxt)
                    if noisy_edit is not None:
                        edits.append(noisy_edit)
                        continue
            if fits_next:
                continue
            prev = _neighbour(text, start, before=True)
            if prev is None and nxt is None:
                continue
            # a determiner fits every noun: beside one alone ("of the ease, it"), that the
            # token fits says nothing, and only the document's own evidence may decide
            left_fits = prev is not None and self._fits(prev, low) > 0
            if left_fits and (prev not in DETERMINERS or nxt is not None):
                continue
            doc_edit = self._doc_supported(
                text, start, end, tok, prev, nxt, doc_map, counts, left_fits
            )
            if doc_edit is not None:
                edits.append(doc_edit)
                continue
            if not cands or left_fits:
                continue
            if tok[:1].isupper() and prev is not None:
                continue  # a capitalized word mid-sentence: a name or a title
            english = self.resources.english.counts
            f_tok = max(english.get(low, 1), 1)
            best: tuple[float, str, bool, float] | None = None
            for cand, _cost in cands:
                left1 = self._pair(prev, cand) if prev else 0
                right1 = self._pair(cand, nxt) if nxt else 0
                both = (left1 > 0 or prev is None) and (right1 > 0 or nxt is None)
                if not (left1 or right1):
                    continue
                # how much likelier the neighbours are after the candidate than after the
                # token: P(pair | word) with an unseen pair counted at the list's floor
                f_cand = max(english.get(cand, 1), 1)
                evidence = 1.0
                for n1 in (left1, right1) if prev and nxt else (left1 or right1,):
                    evidence *= (max(n1, _FLOOR) / f_cand) / (_FLOOR / f_tok)
                if f_tok < MIN_TOKEN_FREQUENCY:
                    evidence, both = 0.0, False  # only the rare evidence below speaks
                rare = 0.0
                if f_tok < _ABSENT and prev is not None and nxt is not None:
                    rare = self._rare_evidence(low, cand, prev, nxt, left1, right1, f_cand)
                elif f_tok < _UNCOMMON and prev is not None and nxt is not None:
                    rare = self._uncommon_evidence(low, cand, prev, nxt, left1, right1, f_cand)
                key = (both or rare > 0, max(evidence, rare))
                if best is None or key > (best[2] or best[3] > 0, max(best[0], best[3])):
                    best = (evidence, cand, both, rare)
            if best is None:
                continue
            evidence, cand, both, rare = best
            capital = tok[:1].isupper() or _opens_sentence(text, start)
            after = cand[:1].upper() + cand[1:] if capital else cand
            # the opinions' own word frequencies weigh in on applying, not on suggesting
            weighed = evidence * self._domain_factor(low, cand)
            if both and prev is not None and nxt is not None and weighed >= _EVIDENCE:
                evidence = weighed
                conf = 0.85
            elif rare > 0:
                evidence = rare
                conf = 0.85
            elif evidence >= _EVIDENCE_SUGGEST:
                conf = 0.6  # weaker context evidence: a suggestion
            else:
                continue
            edits.append(
                Edit(
                    start,
                    end,
                    after,
                    f"real-word OCR error: {tok!r} does not fit its neighbours; {after!r} does"
                    f" (evidence x{evidence:.0f})",
                    conf,
                )
            )
        return edits

    def _rare_evidence(
        self, low: str, cand: str, prev: str, nxt: str, left: int, right: int, f_cand: float
    ) -> float:
        """The evidence for ``cand`` over a token rarer than the bigram list's floor (which
        holds no pair of it, seen or not), or 0 when it is not strong enough to apply.

        Each neighbour is weighed against its own frequency (P(pair | token) taken as
        P(neighbour)); both must favour the candidate and one strongly (function words
        beside it favour any common word over a rare one: "for riot at", "to aver in"),
        and the opinions must favour the candidate over the token more than English does
        ("and bail was" stays; ICDAR 2017: "sailed" -> "failed" otherwise)."""
        if f_cand < _BOUND_TARGET:
            return 0.0  # (the commonest words only, below: no side to weigh)
        sides = (self._side(prev, left, f_cand), self._side(nxt, right, f_cand))
        if min(sides) >= _SIDE and max(sides) >= _BOUND_SIDE:
            # a bound pair: "dues not" -> "does not"
            bound = sides[0] * sides[1] * self._domain_factor(low, cand)
            if bound >= _BOUND_EVIDENCE:
                return bound
        if f_cand < _RARE_TARGET:
            return 0.0
        if min(sides) < _SIDE or max(sides) < _SIDE_STRONG:
            return 0.0
        domain = self._domain_factor(low, cand)
        evidence = sides[0] * sides[1] * domain
        if domain < _RARE_DOMAIN or evidence < _RARE_EVIDENCE:
            return 0.0
        return evidence

    def _uncommon_evidence(
        self, low: str, cand: str, prev: str, nxt: str, left: int, right: int, f_cand: float
    ) -> float:
        """The evidence for ``cand`` over a token that the bigram list holds only when its
        pairs are very common (6.4M-50M: "ease"): both neighbours strongly associated with
        the candidate ("a criminal ease should": x4000 and x200; "at their ease as" gives
        x40 on the right and stays), toward one of the commonest words the opinions favour."""
        if f_cand < _UNCOMMON_TARGET or self._domain_factor(low, cand) < _RARE_DOMAIN:
            return 0.0
        sides = (self._side(prev, left, f_cand), self._side(nxt, right, f_cand))
        if min(sides) < _UNCOMMON_SIDE:
            return 0.0
        return sides[0] * sides[1]

    def _side(self, neighbour: str, pair: int, f_cand: float) -> float:
        """How much likelier ``neighbour`` is beside the candidate than anywhere: P(pair |
        candidate) / P(neighbour), an unseen pair counted as no evidence either way."""
        if self._total is None:
            self._total = float(sum(self.resources.english.counts.values()))
        p_nb = max(self.resources.english.counts.get(neighbour, 1), 1) / self._total
        p_pair = pair / f_cand if pair else min(_FLOOR / f_cand, p_nb)
        return p_pair / p_nb

    def _domain_factor(self, tok: str, cand: str) -> float:
        """How much more the opinions favour ``cand`` over ``tok`` than English does (1 to
        :data:`DOMAIN_CAP`): "case" is 190x as frequent as "ease" in opinions, 17x in
        English, so the context evidence for "case" counts 11x."""
        dom = self._domain()
        english = self.resources.english.counts
        ratio_domain = (dom.get(cand, 0) + 1) / (dom.get(tok, 0) + 1)
        ratio_english = max(english.get(cand, 1), 1) / max(english.get(tok, 1), 1)
        return min(max(ratio_domain / ratio_english, 1.0), DOMAIN_CAP)

    def _doc_supported(
        self,
        text: str,
        start: int,
        end: int,
        tok: str,
        prev: str | None,
        nxt: str | None,
        doc_map: Mapping[str, tuple[tuple[str, float], ...]],
        counts: Mapping[str, int],
        token_fits_left: bool = False,
    ) -> Edit | None:
        """A token that fits neither neighbour, toward a word the document uses 10x as often
        that fits every neighbour there is (at least one): "in that ease were" -> "case"."""
        cands = doc_map.get(tok.lower())
        if not cands or text[end : end + 1] in _JUNK or text[start - 1 : start] in _JUNK:
            return None  # glued to junk ("tb# right"): garbled beyond one confusion
        capital = tok[:1].isupper()
        fitting: list[tuple[str, float]] = []
        for cand, cost in cands:
            if capital and prev is not None:
                # mid-sentence, a capitalized token may be a name: only toward a word the
                # document itself capitalizes as often ("The Slate" -> "The State")
                title = cand[:1].upper() + cand[1:]
                if counts.get(title, 0) < DOC_SUPPORT or counts.get(tok, 0) > 1:
                    continue
            left = self._fits(prev, cand) if prev else -1
            if token_fits_left and left < DETERMINER_PAIR:
                left = 0  # beside a determiner alone, only a very common pair counts
            right = self._fits(cand, nxt) if nxt else -1
            if left != 0 and right != 0:
                fitting.append((cand, cost))
        if len(fitting) != 1:
            return None  # none, or several the context cannot tell apart
        cand, cost = fitting[0]
        capital = capital or _opens_sentence(text, start)
        after = cand[:1].upper() + cand[1:] if capital else cand
        return Edit(
            start,
            end,
            after,
            f"real-word OCR error: {tok!r} does not fit its neighbours; {after!r}, which the"
            f" document uses often, does (cost {cost:.2f})",
            0.85,
        )


def _title_shapes(text: str) -> list[re.Match[str]]:
    """The matches of :data:`TITLE_MISREAD`, tried only two letters before an "r. " or
    "rs. " (``str.find``: the pattern's look-behind would be tried at every position)."""
    starts: set[int] = set()
    for needle in ("r. ", "rs. "):
        i = text.find(needle)
        while i >= 0:
            if i >= 2:
                starts.add(i - 2)
            i = text.find(needle, i + 1)
    return [m for p in sorted(starts) if (m := TITLE_MISREAD.match(text, p)) is not None]


def _cases(counts: Mapping[str, int], w: str) -> int:
    """How often the document writes ``w`` (lower-case) in lower case, capitalized or in
    capitals."""
    return counts.get(w, 0) + counts.get(w.capitalize(), 0) + counts.get(w.upper(), 0)


def _opens_sentence(text: str, start: int) -> bool:
    """Does a sentence end right before ``start`` ("present. lie hoped": "He" read as
    "lie", its capital lost in the misread)?

    >>> _opens_sentence("for the present. lie hoped", 17), _opens_sentence("Mr. lie", 4)
    (True, False)
    """
    return SENTENCE_END.search(text, max(0, start - 40), start) is not None


def _neighbour(text: str, at: int, *, before: bool) -> str | None:
    """The lower-cased neighbour word if only one to three spaces separate it."""
    m = _PREV.search(text, max(0, at - 48), at) if before else _NEXT.match(text, at, at + 48)
    return None if m is None else m.group(1).lower()


def _whole(text: str, p: int, n: int) -> bool:
    """Is ``text[p : p + n]`` a whole word (nothing glued before or after it)?"""
    before = text[p - 1] if p else ""
    after = text[p + n] if p + n < len(text) else ""
    glued_before = before.isalnum() or (before != "" and before in _GLUE)
    glued_after = after.isalnum() or (after != "" and after in _GLUE)
    return not glued_before and not glued_after
