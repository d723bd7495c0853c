"""Citation punctuation pass: real snippets (minimal fixtures), negatives, properties, corpus."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, replay
from tests.conftest import corpus_files, needs_shared

ONLY = Cleaner(passes=("citations",))

POSITIVES = [
    (
        "government interest.’’ Id, at 849, 118 S.Ct. 1708.",
        "government interest.’’ Id. at 849, 118 S.Ct. 1708.",
    ),
    ("the same rule. id, at 12.", "the same rule. id. at 12."),
    (
        "the patron died. 227 F.3d 1082,1087 (9th Cir.2000).",
        "the patron died. 227 F.3d 1082, 1087 (9th Cir.2000).",
    ),
    (
        "Commonwealth v. Soares, 377 Mass. 461,472 (1979)",
        "Commonwealth v. Soares, 377 Mass. 461, 472 (1979)",
    ),
    ("Lewis, 523 U.S. at 848,849.", "Lewis, 523 U.S. at 848, 849."),
    ("People v. Brown, 973N.E.2d 1290 (1996)", "People v. Brown, 973 N.E.2d 1290 (1996)"),
    ("Patel v. Kent, 648 F.3d965, 972", "Patel v. Kent, 648 F.3d 965, 972"),
    ("Fisher vs. Hall et al. 1 Ark, 275; Heilman", "Fisher vs. Hall et al. 1 Ark. 275; Heilman"),
    (
        "Howell vs. Milligan, 13 lb. 42; Dillard vs. Noel, lb. 457, there",
        "Howell vs. Milligan, 13 Ib. 42; Dillard vs. Noel, Ib. 457, there",
    ),
    ("Berry vs. Linton, lb.-252; Heilman", "Berry vs. Linton, Ib. 252; Heilman"),
    ("the command of the writ. lb. sec. 75. And", "the command of the writ. Ib. sec. 75. And"),
    ("See Drake on Attachments, See. 707; Freeman", "See Drake on Attachments, Sec. 707; Freeman"),
    ("Dig. ch. 127, see. 7; 1 Eng. 4", "Dig. ch. 127, sec. 7; 1 Eng. 4"),
    (
        "Stearns v. Aguirre, 7 Cal., 443; 19 U. 8. Dig., 417",
        "Stearns v. Aguirre, 7 Cal., 443; 19 U. S. Dig., 417",
    ),
    ("Hastings vs. Barber, 3 Barb. 8. C. R. 492;", "Hastings vs. Barber, 3 Barb. S. C. R. 492;"),
    # a one-word reporter misread between a volume and a page (Arkansas 1860)
    ("it was taken. Ib.; 5 Ar/c. 265. The writ", "it was taken. Ib.; 5 Ark. 265. The writ"),
    ("The State vs. Paup et al. 13 Arle. 129, and", "The State vs. Paup et al. 13 Ark. 129, and"),
    ("Blakely vs. Bestor, 13 III. 708.", "Blakely vs. Bestor, 13 Ill. 708."),
    ("mortgage itself; (11 Mete. 458; 1 Cush. 482", "mortgage itself; (11 Metc. 458; 1 Cush. 482"),
    ("Stanley vs. Earl, 5 Litlell 285; Sims", "Stanley vs. Earl, 5 Littell 285; Sims"),
]

NEGATIVES = [
    "Id., at 5 (the older style keeps its comma)",
    "Id. at 849; id. at 195; Ibid.",
    "Identity, at least, is not in issue.",  # not "Id"
    "a verdict of $12,345 and 1,000 acres",
    "227 F.3d 1082, 1087 (9th Cir.2000)",
    "117 L.Ed.2d 261,100 (a later number smaller than the page is no pin)",
    "12 Ark. 5,500 (a pin 495 pages on is not trusted)",
    "232 P. 351 (1925); 42 U.S.C. § 1983",
    "See 489 U.S. 189, 195, 109 S.Ct. 998, 103 L.Ed.2d 249 (1989).",
    "In 1998 PA 12 was passed",  # no glue repair on a bare run of capitals
    "a fee of £11 6B. 4d. was paid",  # a one-letter "reporter" glued to a number
    "Davis vs. State, 15 Ohio, 72; Uhl vs. Doe, 29 Maine, 329; 1 McLean, 120",
    "a calf of 16 lb. 4 oz. and a 5 lb. bag",
    "See 16 Ark. Rep. 5; see 15 Wend. R. 3; as we see, 5 of them",
    "the jury, as you will see. The rule",
    "See footnote No. 8. R. Smith testified; Vol. 8. The",
    "a total of 8. Then, in Book 8. The",
    # reporters that reporters-db lacks are no misreads ("Vern." is Vernon's Chancery)
    "Gore vs. Knight, 2 Vern. 535; Stockton vs. Clark, 3 Mun. 68",
    "in 1868 Congress 300 men and 5 Acres 12 miles",  # no reporter one confusion away
    "",
]


@pytest.mark.parametrize(("before", "after"), POSITIVES)
def test_fixes(before: str, after: str) -> None:
    result = ONLY.clean(before)
    assert result.text == after
    assert replay(before, result.changes) == after


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    result = ONLY.clean(text)
    assert result.text == text
    assert not result.changes, result.changes


TOKENS = [
    " ",
    ",",
    ".",
    "Id",
    "id",
    " at ",
    "849",
    "1082",
    "1087",
    "F.3d",
    "U.S.",
    "S.Ct.",
    "N.E.2d",
    "973",
    "\n",
    "’’",
    "(",
    ")",
]
SOUP = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(SOUP)
def test_properties_on_citation_soup(text: str) -> None:
    r = ONLY.clean(text)
    assert replay(text, r.changes) == r.text
    assert ONLY.clean(r.text).text == r.text


@needs_shared
def test_corpus_counts() -> None:
    counts: Counter[str] = Counter()
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        r = ONLY.clean(text)
        assert replay(text, r.changes) == r.text
        counts.update(c.reason for c in r.changes)
    print(dict(counts))
    assert counts["'Id' takes a period before a pin cite"] >= 1
    assert counts["space after a comma in a pin cite"] >= 2
