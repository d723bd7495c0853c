"""Names, Latin and citations survive the whole default pipeline as printed.

Property-style tables: real surnames and given names (the US Census list the words pass
consults, sampled with a fixed seed, and names from opinions of every origin), Latin maxims
and citation forms, each in sentences an opinion would write, with no OCR damage around
them. Any applied change there corrupts what the court printed.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.resources import Resources

CLEANER = Cleaner()

NAME_SENTENCES = (
    "The witness, {n}, testified that he saw it.",
    "Defendant Jerome {n} was charged. {n} appealed.",
    "Officer {n} stopped the car; Mr. {n} and Ms. {n} were inside.",
    "STATE OF ARKANSAS v. JEROME {N}, Appellant.",
)

NAMES = [
    # accents that are real (Spanish, French, Nordic, Slavic)
    *[
        "José",
        "René",
        "María",
        "Martín",
        "Ángel",
        "Thérèse",
        "Hélène",
        "Søren",
        "Kieślowski",
        "Wałęsa",
        "Núñez",
    ],
    # one letter from a common English word
    *["Baek", "Weil", "Corne", "Avent", "Carlsen", "Hott", "Bach", "Lowe", "Thero"],
    # other origins
    *[
        "O'Brien",
        "D'Angelo",
        "McHenry",
        "DeShaney",
        "Nguyen",
        "Tsosie",
        "Yazzie",
        "Okonkwo",
        "Kowalczyk",
    ],
]


def _census_sample(k: int) -> list[str]:
    names = sorted(Resources().census_names)
    if not names:
        pytest.skip("dictionaries/census_names.tsv is missing")
    return [n.capitalize() for n in random.Random(20261205).sample(names, k)]


def _changes(text: str) -> list[tuple[str, str, str]]:
    return [(c.pass_name, c.before, c.after) for c in CLEANER.clean(text).changes if c.applied]


def _assert_survives(templates: tuple[str, ...], **fields: str) -> None:
    """Each of ``templates``, filled with ``fields``, comes out of the pipeline unchanged."""
    for template in templates:
        text = template.format(**fields)
        assert _changes(text) == [], text


@pytest.mark.parametrize("name", NAMES)
def test_names_survive(name: str) -> None:
    _assert_survives(NAME_SENTENCES, n=name, N=name.upper())


def test_census_names_survive() -> None:
    broken = [
        (name, _changes(text))
        for name in _census_sample(300)
        for text in (t.format(n=name, N=name.upper()) for t in NAME_SENTENCES[:2])
        if _changes(text)
    ]
    assert broken == []


MAXIMS = [
    "res ipsa loquitur",
    "nunc pro tunc",
    "expressio unius est exclusio alterius",
    "noscitur a sociis",
    "in pari delicto",
    "forum non conveniens",
    "de minimis non curat lex",
    "volenti non fit injuria",
    "damnum absque injuria",
    "falsus in uno, falsus in omnibus",
    "non obstante veredicto",
    "rebus sic stantibus",
    "expressum facit cessare tacitum",
    "leges posteriores priores contrarias abrogant",
    "actio personalis moritur cum persona",
    "vis major",
    "ne unques accouple",
    "quare clausum fregit",
    "sic utere tuo ut alienum non laedas",
    "nullum tempus occurrit regi",
]


@pytest.mark.parametrize("maxim", MAXIMS)
def test_latin_survives(maxim: str) -> None:
    _assert_survives(
        (
            "The doctrine of {x} applies here.",
            "{X} is the rule; see {x}, supra.",
        ),
        x=maxim,
        X=maxim[0].upper() + maxim[1:],
    )


CITATIONS = [
    "Miranda v. Arizona, 384 U.S. 436, 444, 86 S. Ct. 1602, 16 L. Ed. 2d 694 (1966)",
    "Marbury v. Madison, 5 U.S. (1 Cranch) 137, 2 L.Ed. 60 (1803)",
    "Commonwealth v. Hunt, 45 Mass. (4 Met.) 111 (1842)",
    "Ark. Code Ann. § 16-90-111 (Repl. 2006)",
    "28 U.S.C. §§ 1331, 1343(a)(3)",
    "Fed. R. Civ. P. 12(b)(6)",
    "735 ILCS 5/2-619",
    "2015 IL App (1st) 140892, ¶ 12",
    "2019 WL 1234567, at *3",
    "U.S.S.G. § 2B1.1(b)(1)(L)",
    "N.J.S.A. 2C:11-3a(1)",
    "Okla. Stat. tit. 21, § 701.7(A)",
    "3 Scam. 87",
    "4 Serg. & Rawle 456",
    "2 E. D. Smith 123",
    "7 Wigmore, Evidence § 2050 (Chadbourn rev. 1978)",
    "Case No. 2:13-cv-00123-JAD-GWF",
]


@pytest.mark.parametrize("citation", CITATIONS)
def test_citations_survive(citation: str) -> None:
    _assert_survives(("See {x}.", "The court cited {x}, and affirmed."), x=citation)


MODERN = [
    "e-mail",
    "texted",
    "Wi-Fi",
    "iCloud",
    "iPhone",
    "eHarmony",
    "Snapchat",
    "TikTok",
    "Venmo",
    "cryptocurrency",
    "COVID-19",
    "geofence",
    "fentanyl",
    "bodycam",
    "deepfake",
    "ransomware",
    "rideshare",
    "GoFundMe",
    "OnlyFans",
]


@pytest.mark.parametrize("word", MODERN)
def test_modern_words_survive(word: str) -> None:
    """The vocabulary of recent opinions, which older word lists lack."""
    _assert_survives(
        (
            "The defendant used {x} to contact her.",
            "Evidence showed that {x} was involved, and {x} mattered.",
        ),
        x=word,
    )


ABBREVIATIONS = [
    *["id.", "Id.", "ibid.", "cf.", "e.g.", "i.e.", "etc.", "viz.", "et al.", "et seq."],
    *["v.", "vs.", "Inc.", "Co.", "Corp.", "No.", "art.", "sec.", "ch.", "Ch.", "cl."],
    *["subd.", "para.", "p.", "pp.", "n.", "fn.", "App.", "Supp.", "Rev.", "vol.", "tit."],
    *["amend.", "Const.", "Stat.", "Ann.", "Dist.", "Div.", "a.m.", "p.m.", "Sept."],
    *["Mr.", "Jr.", "St.", "U.S.", "U.S.C.", "F.3d", "S.W.2d", "supra.", "cert. denied"],
    *["J.", "C.J.", "Esq.", "Hon.", "Br.", "Ex.", "Pl.", "Def.", "Dkt.", "ECF No."],
]


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS)
def test_abbreviations_survive(abbreviation: str) -> None:
    _assert_survives(
        (
            "The court relied on {x} the statute and then ruled.",
            "See {x} at 5; the court agreed.",
            "He wrote {x} and the others signed.",
        ),
        x=abbreviation,
    )


LEGAL_TERMS = [
    *["warrantless", "nonmovant", "coconspirators", "nondelegable", "nondischargeable"],
    *["nonhearsay", "nonjury", "nonprecedential", "nonrecourse", "postjudgment"],
    *["factfinder", "caselaw", "mootness", "overbreadth", "overbroad", "vacatur"],
    *["veniremember", "venirepersons", "lienholder", "lienor", "payor", "impleader"],
    *["redressability", "resentence", "trifurcated", "unadjudicated", "unredacted"],
    *["counterdefendant", "nonprivileged", "nonprobate", "nonretroactive", "Mirandized"],
    *["realty", "personalty"],
]


@pytest.mark.parametrize("term", LEGAL_TERMS)
def test_recent_legal_terms_survive(term: str) -> None:
    """Terms of modern opinions that older word lists lack ("warrantless" was made
    "warranties" in an Arkansas opinion of the corpus)."""
    _assert_survives(
        (
            "The court held that the {x} issue was preserved.",
            "We review {x} claims de novo, and {x} matters here.",
            "We note that {x} is not at issue here.",  # ("that really is": a common pair)
        ),
        x=term,
    )


#: A modern opinion written for this test (its citations are real, its text is not).
MODERN_OPINION = Path(__file__).parent / "data" / "modern_opinion.txt"


def test_a_clean_modern_opinion_is_left_as_printed() -> None:
    assert _changes(MODERN_OPINION.read_text(encoding="utf-8")) == []
