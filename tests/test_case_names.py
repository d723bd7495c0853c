"""The case_names pass: misspelt party names in citations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import corpus_files, needs_shared
from tests.invariants import check_idempotent, check_result

NAMES = Cleaner(passes=("case_names",))
OPINION = (
    "In DeShaney v. Winnebago County, 489 U.S. 189 (1989), the Court held. "
    "(quoting DeShaney, 489 U.S. at 201). cf. {name}, 489 U.S. at 195."
)


def test_document_form_wins() -> None:
    r = NAMES.clean(OPINION.format(name="Deshaney"))
    assert r.text == OPINION.format(name="DeShaney")
    check_result(r)


def test_ocr_variant_cited_with_same_reporter() -> None:
    text = (
        "Collins v. City of Harker Heights, 503 U.S. 115 (1992). In Collins, the Court. "
        "Collins, 503 U.S. at 120. Colins, 503 U.S. at 125."
    )
    r = NAMES.clean(text)
    assert "Collins, 503 U.S. at 125" in r.text, [(c.before, c.after) for c in r.changes]


@pytest.mark.parametrize(
    "text",
    [
        OPINION.format(name="DeShaney"),
        "Smith v. Jones, 1 U.S. 1; Smyth v. Jones, 2 U.S. 2",  # two different cases
        "DESHANEY v. WINNEBAGO, 489 U.S. 189; DeShaney, 489 U.S. at 190",
        "no citations here, Deshaney",
        "Wrape Stave Co. v. Arkansas State Game, 238 S.W.2d 950; State, 238 S.W.2d at 951",
    ],
)
def test_leaves_alone(text: str) -> None:
    r = NAMES.clean(text)
    assert r.text == text, [(c.before, c.after) for c in r.changes]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "DeShaney",
                "Deshaney",
                "v.",
                "Winnebago",
                ",",
                "489",
                "U.S.",
                "189",
                "at",
                "195",
                "(1989)",
                ";",
                "Collins",
                "Colins",
                "\n",
            ]
        ),
        max_size=30,
    )
)
def test_soup(words: list[str]) -> None:
    r = NAMES.clean(" ".join(words))
    check_result(r)
    check_idempotent(NAMES, r)


@needs_shared
def test_corpus_counts() -> None:
    applied = 0
    for f in corpus_files()[:40]:
        r = NAMES.clean(f.read_text(encoding="utf-8", errors="replace"))
        check_result(r)
        applied += len(r.applied_changes)
    assert applied < 40


def _with_known(*cases: tuple[str, str, str]) -> Cleaner:
    from cleaner.lexicon.case_names import CaseName, CaseNameIndex

    c = Cleaner(passes=("case_names",))
    index = CaseNameIndex.build(CaseName(n, s, cit) for n, s, cit in cases)
    c.resources.__dict__["case_names"] = index  # replace the cached property's value
    return c


def test_exact_citation_hit_names_the_case() -> None:
    c = _with_known(("Adams v. Sims", "Adams", "238 Ark. 696"))
    r = c.clean("See Adams v. Sirns, 238 Ark. 696 (1964).")
    assert r.text == "See Adams v. Sims, 238 Ark. 696 (1964).", r.changes
    assert r.changes[0].confidence >= 0.8


def test_fuzzy_match_without_citation_hit_is_a_suggestion() -> None:
    c = _with_known(("Kennedy v. City of Ridgefield", "Kennedy", "439 F.3d 1055"))
    text = "See Kennedy v. City of Ridgefeld, 440 F.3d 1055 (2006)."
    r = c.clean(text)
    assert r.text == text
    assert all(not ch.applied for ch in r.changes)


def test_spelling_variant_of_a_name_is_not_a_misread() -> None:
    c = _with_known(("Clarke v. Crosland", "Clarke", "17 Ark. 43"))
    text = "See Clark vs. Crosland, 17 Ark. 43."
    assert c.clean(text).text == text


def test_other_case_same_reporter_is_left_alone() -> None:
    c = _with_known(("Adams v. Sims", "Adams", "238 Ark. 696"))
    text = "See Adams v. Simpson, 238 Ark. 700 (1964)."
    assert c.clean(text).text == text
