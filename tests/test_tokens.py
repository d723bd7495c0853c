"""The shared word counts and the badly-damaged measure (cleaner.lexicon.tokens)."""

from __future__ import annotations

from collections import Counter

from cleaner.config import Config
from cleaner.lexicon.tokens import badly_damaged, document_damaged, letter_counts
from cleaner.passes.base import PassContext
from cleaner.pipeline import Document
from cleaner.resources import Resources
from tests.conftest import CLEAN_PASSAGE, NOISY_PASSAGE

RESOURCES = Resources()
NOISY = NOISY_PASSAGE.format(word="evidence")
CLEAN = CLEAN_PASSAGE.format(word="evidence")


def test_badly_damaged_separates_the_passages() -> None:
    known = RESOURCES.known
    assert badly_damaged(Counter(NOISY.split()), known)
    assert not badly_damaged(Counter(CLEAN.split()), known)
    # asked again of the same count: the kept answer
    counts = Counter(NOISY.split())
    assert badly_damaged(counts, known) is badly_damaged(counts, known)


def test_document_damaged_judges_the_ocr_as_given() -> None:
    ctx = PassContext(Config(), RESOURCES)
    ctx.bind(Document(NOISY))
    letter_counts(NOISY, ctx)  # the first count of the document: kept
    # a later pass sees a mended text: the document is still the damaged one it was
    assert document_damaged(CLEAN, ctx, RESOURCES.known)
    # without a base (a pass run on its own), the text at hand is judged
    assert not document_damaged(CLEAN, PassContext(Config(), RESOURCES), RESOURCES.known)


def test_a_text_that_writes_elisions_is_not_judged_damaged() -> None:
    # dialect or verse spells its own way ("wery", "leetle"): its unknown words are no
    # evidence of damage (ICDAR 2017: Dickens)
    dialect = NOISY + " 'Tis so, an' I ain't goin' there."
    ctx = PassContext(Config(), RESOURCES)
    ctx.bind(Document(dialect))
    letter_counts(dialect, ctx)
    assert badly_damaged(letter_counts(dialect, ctx), RESOURCES.known)
    assert not document_damaged(dialect, ctx, RESOURCES.known)
    # one elision ("o'clock" is none) says nothing
    once = NOISY + " 'Tis so at ten o'clock."
    ctx = PassContext(Config(), RESOURCES)
    ctx.bind(Document(once))
    assert document_damaged(once, ctx, RESOURCES.known)
