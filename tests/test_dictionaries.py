"""The dictionaries and their loading: contents, formats, cache, provenance rules."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from cleaner.lexicon import (
    BigramCounts,
    CaseName,
    CaseNameIndex,
    WordList,
    dictionaries_dir,
    normalize_case_name,
)
from cleaner.lexicon.cache import cached
from cleaner.resources import Resources
from tests.conftest import CORPUS_TEXT, SHARED, needs_shared

R = Resources()
DICT = dictionaries_dir()
#: The words of the seed opinion that must not be written into dictionaries/ (repo hook).
SEED_WORDS = re.compile(r"piold|immunily|Gr[uú]bbs|Pau-?luk|tjoxic|loeat", re.IGNORECASE)


@pytest.mark.parametrize(
    "word",
    [
        "Id.",
        "id",
        "supra",
        "certiorari",
        "mandamus",
        "S.Ct.",
        "S.Ct",
        "L.Ed.2d",
        "F.3d",
        "Cir.",
        "Cir",
        "habeas",
        "res",
        "judicata",
        "appellee",
        "estopped",
        "Ass'n",
        "Ark.",
        "N.E.2d",
        "Cal.Rptr.3d",
        "Supp",
        "pais",
        "labor",
        "offense",
        "neighbor",
        "court",
        "Fairchild",
        "affirmance",
        "non-resident",
        "Purtle",
    ],
)
def test_known(word: str) -> None:
    assert R.is_known(word), word


@pytest.mark.parametrize(
    "word",
    ["piold", "immunily", "tbe", "Avas", "tlie", "qxzvw", "nonrela-tives", "Tiieodoric"],
)
def test_unknown(word: str) -> None:
    assert not R.is_known(word), word


def test_frequencies_and_forms() -> None:
    assert R.frequency("the") > R.frequency("court") > R.frequency("estop") > 0
    assert R.frequency("labor") == 1  # a SCOWL word symspellpy lacks: known, rare
    assert R.legal.form("s.ct.") == "S.Ct." and R.legal.form("l.ed.2d") == "L.Ed.2d"
    assert R.corpus_words.form("purtle") == "Purtle"
    assert R.corpus_words.frequency("Purtle") >= 3  # opinions using it


def test_bigrams() -> None:
    assert R.bigrams.count("does", "not") > 1000 * max(R.bigrams.count("does", "hot"), 1) or (
        R.bigrams.count("does", "hot") == 0 and R.bigrams.count("does", "not") > 0
    )
    assert ("does", "not") in R.bigrams and R.bigrams["does", "not"] > 0
    assert R.corpus_bigrams.count("the", "court") > 100
    assert R.corpus_bigrams.count("in", "that") > R.corpus_bigrams.count("in", "ease")
    assert len(R.bigrams) > 200_000


def test_bigram_counts_mapping() -> None:
    b = BigramCounts.build([(("a", "b"), 2), (("A", "B"), 3), (("b", "c"), 1)])
    assert b["a", "b"] == 5 and b.count("B", "C") == 1 and len(b) == 2
    assert set(b) == {("a", "b"), ("b", "c")} and ("c", "a") not in b
    with pytest.raises(KeyError):
        b["c", "a"]
    assert BigramCounts.build([]).count("a", "b") == 0


def test_case_names_index() -> None:
    idx = R.case_names
    assert len(idx) > 500
    (miranda,) = idx.exact("Miranda v. Arizona")
    assert miranda.citation == "384 U.S. 436" and miranda.short == "Miranda"
    assert idx.exact("miranda vs arizona")
    assert idx.best("Mirnada v. Arizona") == miranda
    assert idx.best("Qwertyuiop v. Asdfgh") is None
    # narrowing: a query sees a small candidate set, never the whole index
    assert len(idx.candidates("Smith v. State")) < len(idx) / 2
    assert "miranda" in idx.words


def test_case_name_normalization() -> None:
    assert normalize_case_name("Smíth  vs. Jones, Inc.") == "smith v jones inc"
    idx = CaseNameIndex.build(
        [CaseName("Town of Castle Rock v. Gonzales", "Castle Rock", "1 U.S. 1")]
    )
    assert idx.exact("Castle Rock")[0].name.startswith("Town")


def test_malformed_lines_name_path_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "w.tsv"
    bad.write_text("# comment\ngood\t3\nbad line without count\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"w.tsv:3"):
        WordList.from_tsv(bad)
    cases = tmp_path / "c.tsv"
    cases.write_text("A v. B\tA\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"c.tsv:1"):
        CaseNameIndex.from_tsv(cases)


def test_cache_rebuilds_when_the_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    src = tmp_path / "w.tsv"
    src.write_text("alpha\t1\n", encoding="utf-8")
    calls: list[int] = []

    def build() -> WordList:
        calls.append(1)
        return WordList.from_tsv(src)

    assert "alpha" in cached("t", [src], build)
    assert "alpha" in cached("t", [src], build)
    assert len(calls) == 1  # the second load came from the pickle
    time.sleep(0.01)
    src.write_text("beta\t1\n", encoding="utf-8")
    assert "beta" in cached("t", [src], build)
    assert len(calls) == 2
    assert len(list((tmp_path / "cache").glob("t-*.pickle"))) == 1  # stale ones removed


def test_unwritable_cache_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "sub"))
    assert cached("t", [blocker], lambda: 42) == 42


DATA_FILES = [
    "legal.tsv",
    "english_extra.tsv",
    "proper_names.tsv",
    "census_names.tsv",
    "corpus_words.tsv",
    "corpus_bigrams.tsv",
    "case_names.tsv",
    "famous_cases.tsv",
    "legal_terms.txt",
]


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_are_committed_clean_and_seed_free(name: str) -> None:
    path = DICT / name
    text = path.read_text(encoding="utf-8")
    assert not SEED_WORDS.search(text), f"{name} holds a word of the seed opinion"
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert lines
    if name.endswith(".tsv"):
        width = {
            "legal.tsv": 3,
            "english_extra.tsv": 2,
            "proper_names.tsv": 2,
            "census_names.tsv": 2,
            "corpus_words.tsv": 3,
            "corpus_bigrams.tsv": 2,
            "case_names.tsv": 4,
            "famous_cases.tsv": 4,
        }[name]
        assert all(len(ln.split("\t")) == width for ln in lines), name


def test_curated_cases_leave_the_seed_unseen() -> None:
    """Cases the seed opinion cites are not in the hand-curated list (it stays a test)."""
    famous = (DICT / "famous_cases.tsv").read_text(encoding="utf-8")
    for name in ["DeShaney", "Behrens", "Sacramento", "Harker Heights", "Ketchum", "Ridgefield"]:
        assert name not in famous


@needs_shared
def test_corpus_words_recur_in_three_opinions() -> None:
    """Every mined word is used in >= 3 corpus opinions (the evidence rule), seed excluded."""
    texts = [
        p.read_text(encoding="utf-8").replace("\u00ad", "").lower()
        for p in sorted(CORPUS_TEXT.rglob("*.txt"))
    ]
    words = [
        ln.split("\t")[0]
        for ln in (DICT / "corpus_words.tsv").read_text().splitlines()
        if ln and not ln.startswith("#")
    ]
    assert len(words) > 100
    for w in words[::7]:
        pat = re.compile(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])")
        assert sum(1 for t in texts if pat.search(t)) >= 3, w
    seed = (SHARED / "corpus" / "seed").glob("*.txt")
    assert all(p.parent.name == "seed" for p in seed)


def test_proper_names_are_names_only() -> None:
    names = Resources().proper_names
    assert {"andrew", "vienna", "friday", "july", "ebay"} <= names
    assert not {"bill", "may", "will", "court", "english", "grant", "mark"} & names


def test_census_names_are_unknown_names() -> None:
    """US Census surnames and given names that no English or legal list knows."""
    resources = Resources()
    names = resources.census_names
    assert {"baek", "kowalczyk", "tsosie", "yazzie", "corne"} <= names
    assert not {"back", "court", "martin", "smith", "come"} & names
    assert not names & frozenset(resources.english.counts)  # (the corpus may know a few)
