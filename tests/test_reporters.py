"""The fast citation detector: snippets, speed, and agreement with eyecite on the corpus."""

from __future__ import annotations

import time

import pytest

from cleaner.lexicon.reporters import find_citations, is_reporter
from tests.conftest import corpus_files, needs_shared

FOUND = [
    ("See 489 U.S. 189, 195 (1989).", "489 U.S. 189"),
    ("116 S.Ct. 834, 133 L.Ed.2d 773", "116 S.Ct. 834"),
    ("133 L.Ed.2d 773 (1996)", "133 L.Ed.2d 773"),
    ("5 N. Y. S. 2d 12", "5 N. Y. S. 2d 12"),  # spaced print style
    ("126 S. Ct. 1910", "126 S. Ct. 1910"),
    ("648 F.3d at 974", "648 F.3d at 974"),  # short cite
    ("288 Ark. 91, 671 S.W.2d 164", "288 Ark. 91"),
    ("359 Ill. App. 3d 1004", "359 Ill. App. 3d 1004"),
    ("973N.E.2d 1290", "973N.E.2d 1290"),  # volume glued by OCR
    ("648 F.3d965", "648 F.3d965"),  # page glued by OCR
]

NOT_FOUND = [
    "42 U.S.C. § 1983",  # a statute, not a reporter
    "No. 07-CV-1681 at *10",
    "*1128112 S.Ct.",  # a star page glued to a volume: the star-page pass splits it
    "648 F.3d at *1132975",
    "in 2003 the Court held",
    "the 9th Cir. 2000",
]


@pytest.mark.parametrize(("text", "cite"), FOUND)
def test_finds(text: str, cite: str) -> None:
    assert cite in [c.text for c in find_citations(text)]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_does_not_find(text: str) -> None:
    assert find_citations(text) == []


def test_parts() -> None:
    (c,) = find_citations("Munger, 227 F.3d 1082,1087")
    assert (c.volume, c.reporter, c.page, c.short) == ("227", "F.3d", "1082", False)
    (s,) = find_citations("Patel, 648 F.3d at 974")
    assert s.short and s.page == "974"
    (g,) = find_citations("973N.E.2d 1290")
    assert g.volume_glued and not g.page_glued


def test_is_reporter() -> None:
    assert is_reporter("S. Ct.") and is_reporter("S.Ct.") and is_reporter("F.3d")
    assert not is_reporter("Court") and not is_reporter("U.S.C.")


def test_fast() -> None:
    text = "Behrens v. Pelletier, 516 U.S. 299, 313, 116 S.Ct. 834, 133 L.Ed.2d 773 (1996). " * 20
    text += "The state-created danger doctrine requires affirmative conduct by officials. " * 200
    find_citations(text)  # build the pattern
    t0 = time.perf_counter()
    for _ in range(20):
        find_citations(text)
    rate = 20 * len(text) / (time.perf_counter() - t0)
    assert rate > 5e6, f"{rate / 1e6:.1f} MB/s"  # ~50 MB/s measured; margin for slow CI


@needs_shared
def test_agrees_with_eyecite_on_a_sample() -> None:
    """Full citations: recall and precision against eyecite on a sample of the corpus.

    (benchmarks/citations_vs_eyecite.py runs the whole corpus and prints the figures.)
    """
    import logging

    logging.disable(logging.WARNING)
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation

    files = corpus_files()[::10]
    ours = theirs = both = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        o = {(c.start, c.end) for c in find_citations(text) if not c.short}
        e = {c.span() for c in get_citations(text) if isinstance(c, FullCaseCitation)}
        ours, theirs, both = ours + len(o), theirs + len(e), both + len(o & e)
    assert theirs > 50
    assert both / theirs >= 0.97, (both, theirs)
    assert both / ours >= 0.97, (both, ours)
