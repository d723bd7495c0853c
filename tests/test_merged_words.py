"""The merged_words pass: words merged by a lost space split; words and names survive."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from tests.conftest import passage
from tests.invariants import check_idempotent, check_result

MERGED = Cleaner(passes=("merged_words",))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # Arkansas 1860 opinions and CAP opinions
        ("and the whole agreementis completed", "and the whole agreement is completed"),
        ("filed andan appeal", "filed and an appeal"),
        ("the decree tobe made", "the decree to be made"),
        ("a man chargedwith manslaughter", "a man charged with manslaughter"),
        ("the slave, thatthe slave received", "the slave, that the slave received"),
        ("extending through aseries of years", "extending through a series of years"),
        (
            "In Keattsvs. Jones the court; Keatts held; Keatts",
            "In Keatts vs. Jones the court; Keatts held; Keatts",
        ),
        (
            "the amendment in Youngv. Garrett; Young held; Young said",
            "the amendment in Young v. Garrett; Young held; Young said",
        ),
        # a function word glued to a capitalized word (Arkansas 1860 and 1986 opinions)
        (
            "he neither called uponMrs. Gray to give; he charged thatMorrison entered. Morrison",
            "he neither called upon Mrs. Gray to give; he charged that Morrison entered. Morrison",
        ),
        (
            "Angell onLimitation, 400; theNevada Circuit Court",
            "Angell on Limitation, 400; the Nevada Circuit Court",
        ),
        # BLN600 police-court reports
        ("jewellery to the value of £100, ofjewellery and plate", None),
        ("to the dismay of all, the marshall said", None),  # words that end in a modal
        ("he was unableto say where", "he was unable to say where"),
        ("the chargesof felony were", "the charges of felony were"),
        ("the inspectorof police said", "the inspector of police said"),
        ("the jury returned averdict of guilty", "the jury returned a verdict of guilty"),
        ("the prisoner, hemade a statement", "the prisoner, he made a statement"),
        ("the courtshall have power to", "the court shall have power to"),  # modal verbs
        # two auxiliaries only when English pairs them that often
        ("the prisoner hadbeen drinking", "the prisoner had been drinking"),
        # Arkansas 1860 opinions
        (
            "as tenant or agent, judgment shouldhave been given against him",
            "as tenant or agent, judgment should have been given against him",
        ),
        (
            "that he was unsound whenhe let the plaintiff have him",
            "that he was unsound when he let the plaintiff have him",
        ),
    ],
)
def test_fixes(before: str, after: str | None) -> None:
    if after is None:
        after = before.replace("ofjewellery", "of jewellery")
    r = MERGED.clean(before)
    assert r.text == after, [(c.before, c.after, c.confidence) for c in r.changes]
    check_result(r)
    check_idempotent(MERGED, r)


@pytest.mark.parametrize(
    "text",
    [
        "in the most inartificial manner",  # a word of its own
        "the informations charged",  # an inflection of a known word
        "the debts of testor’s estate",
        "the thecry of the bill",  # a misread "theory": too short a content word
        "Mr. Hiscock and Mr. Andover came; Mr. Broughton left",  # names
        "the walkin closet",
        "what it iswas not said",  # two auxiliaries English seldom pairs
        "re-inpayment and inpayment-plan",  # glued to a hyphen
        "It wasin; it wasin; it wasin",  # used three times: the document's own
        "aUowance and aSked; McDonald and deVries; ofFspring",  # misreads, names
        # old spelling: "weare" and "aweary" were words ("beene", "giue", "tyme")
        "I would I had beene there; weare it and giue it; aweary of the tyme",
        "",
    ],
)
def test_leaves_alone(text: str) -> None:
    r = MERGED.clean(text)
    assert r.text == text, [(c.before, c.after) for c in r.changes]


def test_weak_split_is_only_a_suggestion() -> None:
    r = MERGED.clean("we are more lenient toprose appellants")
    assert r.text == r.original
    assert [c.applied for c in r.changes] in ([], [False])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["of", "the", "agreementis", "tobe", "Keatts", "vs.", ". ", " "])))
def test_invariants(parts: list[str]) -> None:
    r = MERGED.clean(" ".join(parts))
    check_result(r)
    check_idempotent(MERGED, r)


@pytest.mark.parametrize("noisy", [True, False])
def test_unusual_pair_is_applied_only_in_a_badly_damaged_text(noisy: bool) -> None:
    # "prisoner for": no bigram list pairs them; a lost space is likelier in damaged text
    text = passage(noisy, "evidence of the prisonerfor the defence")
    r = Cleaner(passes=("merged_words",)).clean(text)
    assert [(c.before, c.after, c.applied) for c in r.changes] == [("", " ", noisy)]
    assert ("prisoner for the defence" in r.text) is noisy
    check_result(r)


@pytest.mark.parametrize(
    ("words", "noisy", "expected"),
    [
        ("he wanted tosay that", True, "he wanted to say that"),
        ("he had afew pounds", True, "he had a few pounds"),
        ("he wanted tosay that", False, "he wanted tosay that"),
        ("he had afew pounds", False, "he had afew pounds"),
    ],
)
def test_short_common_word_counts_in_a_badly_damaged_text(
    words: str, noisy: bool, expected: str
) -> None:
    text = passage(noisy, "evidence, and " + words)
    r = Cleaner(passes=("merged_words",)).clean(text)
    assert expected in r.text
    check_result(r)


@pytest.mark.parametrize(
    ("words", "noisy", "expected"),
    [
        # BLN600: runs of words that lost every space, in a badly damaged text
        ("he said itisalleged that", True, "he said it is alleged that"),
        ("the courtgrantedadivorce to her", True, "the court granted a divorce to her"),
        ("they came soonafterwards to", True, "they came soon afterwards to"),
        ("he said itisalleged that", False, "he said itisalleged that"),
        # function words only, a misread of one word: no run of words
        ("he was notinis there", True, "he was notinis there"),
        ("he came befora the court", True, "befora the court"),
    ],
)
def test_runs_of_words_in_a_badly_damaged_text(words: str, noisy: bool, expected: str) -> None:
    text = passage(noisy, "evidence, and " + words)
    r = Cleaner(passes=("merged_words",)).clean(text)
    assert expected in r.text
    check_result(r)
    check_idempotent(Cleaner(passes=("merged_words",)), r)
