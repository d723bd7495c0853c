"""The glyphs pass: specks, soft hyphens, ligatures, invisible and control characters.

Fixtures are minimal rewrites of real snippets of ../shared/corpus/text (ark-1860, ark-1986,
a2d-1953, cap-api-mixed), with negatives that must survive untouched.
"""

from __future__ import annotations

import collections
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.types import replay
from tests.conftest import corpus_files, needs_shared

GLYPHS = Cleaner(passes=("glyphs",))


def clean(text: str) -> str:
    return GLYPHS.clean(text).text


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # soft hyphens (ark-1986 / ark-1860 OCR)
        ("the au\xadthority of", "the authority of"),
        ("a check-\xadwriting scheme", "a check-writing scheme"),
        ("to serve three-\xadfourths of his", "to serve three-fourths of his"),
        ("Ark. Stat. Ann. § 80-\xad4609 (Supp.", "Ark. Stat. Ann. § 80-4609 (Supp."),
        ("including Mc\xadKenzie. We", "including McKenzie. We"),
        ("IS ARBI\xadTRARY AND", "IS ARBITRARY AND"),
        ("1 lb. 316; Rogers vs\xadRogers, 14 Wend.", "1 lb. 316; Rogers vs Rogers, 14 Wend."),
        ("Trustees vs. Mac\xadConnell 12", "Trustees vs. MacConnell 12"),
        ("judgment for Ap-\xadpellee, dissolved", "judgment for Appellee, dissolved"),
        ("and, second,\xadwhere he receives", "and, second, where he receives"),
        ("Sheppard, 197 N.J.\xadSuper. 411", "Sheppard, 197 N.J. Super. 411"),
        ("87 A.L.R.\xad2d 271", "87 A.L.R. 2d 271"),
        ("the period of limita.\xadtion is five", "the period of limitation is five"),
        ("commercial in,\xadtercourse, carried", "commercial intercourse, carried"),
        ("the au\xad\nthority of the court", "the authority\nof the court"),
        ("the au\xad\r\nthority of the\r\ncourt", "the authority\r\nof the\r\ncourt"),
        ("the au\xad thority of", "the authority of"),
        # strong specks between, before, after words and at line edges
        ("Appellant admits delays \u2022 amounting to", "Appellant admits delays amounting to"),
        ("that the \u25a0best evidence", "that the best evidence"),
        ("and that \u2022they were not", "and that they were not"),
        ("claims the benefit of \u25a0the statute", "claims the benefit of the statute"),
        ("Obviously, then, Greenwood &\u2022 Co., and", "Obviously, then, Greenwood & Co., and"),
        ("for appellee. \u2022\nAppeal from", "for appellee.\nAppeal from"),
        ("as follows:\n\u2022 On the 15th day of March", "as follows:\nOn the 15th day of March"),
        ("proven.\n\u25a0 It is doubtless true", "proven.\nIt is doubtless true"),
        ("1. \u2022 The jurisdiction of a", "1. The jurisdiction of a"),
        # weak specks glued before a known word
        ("would recover the $11,000 out \u00a1of coal", "would recover the $11,000 out of coal"),
        ("belonging to the State, \u00a1and commonly", "belonging to the State, and commonly"),
        ("has not been served, \u00bfthe mere silence", "has not been served, the mere silence"),
        (
            "vested in him under the Rule, \u00bfxcept that",
            "vested in him under the Rule, except that",
        ),
        # pound-sign specks between words, not before amounts
        ("any right of \u00a3 dower thereby", "any right of dower thereby"),
        (
            "judicial character. \u00a3 \u00a3 The constitution",
            "judicial character. The constitution",
        ),
        # (c)/(r) read for "o"
        ("began to run \u00a9n the accrual", "began to run on the accrual"),
        ("she had no power t\u00ae accomplish", "she had no power to accomplish"),
        # a tilde glued to a word (BLN600 newspapers): a speck, or a lost space
        ("our portion is prin~ted first", "our portion is printed first"),
        ("upon what he ~termed the poisoned", "upon what he termed the poisoned"),
        ("to learn the~ sad news", "to learn the sad news"),
        ("bankers, of L~ombard-street", "bankers, of Lombard-street"),
        ("an inquest was opened on~the body", "an inquest was opened on the body"),
        # ligatures, invisible characters, spaces, controls
        (
            "the \ufb01rst \ufb02oor and \ufb00ect \ufb03ce \ufb04e",
            "the first floor and ffect ffice ffle",
        ),
        ("zero\u200bwidth and word\u2060joiner", "zerowidth and wordjoiner"),
        ("inside\ufefftext", "insidetext"),
        ("\u00a7\u00a01983", "\u00a7 1983"),
        ("narrow\u202fspace", "narrow space"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("curly \x93quote\x94 and \x92", "curly \u201cquote\u201d and \u2019"),
        ("line one.\x0bline two", "line one.\nline two"),
        ("mixed\rline endings\n", "mixed\nline endings\n"),
        ("caf\udce9 au lait", "caf\ufffd au lait"),
    ],
)
def test_fixes(before: str, after: str) -> None:
    assert clean(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "\u00a7 1983 and \u00a7\u00a7 34-1214; \u00b6 12",
        "Copyright \u00a9 2005 West; Reg\u00ae mark",
        "a dagger\u2020 and double dagger\u2021; see note *",
        "Jos\u00e9 Ram\u00edrez and M\u00fcller v. Pe\u00f1a",
        "\u00bfQu\u00e9 pasa? dijo el testigo. \u00a1Alto!",
        "the N. E. \u00bf of sec. 8, in T. 6 N.",  # a misread "¼": not a speck
        "The plaintiff\u2019s proposition wa\u00bf correct",  # a misread letter: not ours
        "\u2022 first item\n\u2022 second item\n",  # a real list
        "Items:\n\u2022 one\n\u2022 two\n\u2022 three",
        "Held:\n\u2022 the first item wraps\n  over two lines\n\n\u2022 the second one\n",
        "\u2022\n",  # a line of its own
        "paid \u00a3 100 sterling and \u00a3 s. d. accounts",
        "first line\r\nsecond line\r\n",
        "old mac\rfile\rwith CR only",
        "tabs\tare kept\n",
        "page one\n\x0cpage two: a form feed is pdftotext's page break\n",
        "\ufeffa leading BOM is the file's",
        "Ross\u2019\u00aeclaim",
        "particulars to th\u00a9 Auctioneer",  # "tho" or "the": ambiguous
        "in this shape the deed was\n\u00bfned and sealed",  # a lost letter at a line start
        "held at the Beach on Fi \u00a1clay last",  # garbage around it: a lost letter
        "Renme (\u00a1Newcastle), Smith",
        "dotted leaders 1857 ......\u2022'...... 15 70",
        "emoji \U0001f468\u200d\U0001f469",
        "Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "the well-known, pre-existing right-of-way",
        "see http://www.law.edu/~smith and approximately ~5 miles; a ~ b",  # no word's edge
    ],
)
def test_survives(text: str) -> None:
    assert clean(text) == text


def test_invalid_byte_reason_names_the_byte() -> None:
    r = GLYPHS.clean("caf\udce9")
    (change,) = r.changes
    assert change.reason == "invalid UTF-8 byte 0xE9 replaced" and change.after == "\ufffd"


def test_weak_evidence_is_a_suggestion() -> None:
    r = GLYPHS.clean("the plea might not have been \u00bfrood.")
    assert r.text == "the plea might not have been \u00bfrood."
    (sug,) = r.suggestions
    assert sug.confidence < 0.8 and sug.after == ""


def test_every_edit_has_reason_and_confidence() -> None:
    r = GLYPHS.clean("a\xadb \u2022 c \ufb01 \x00 \u00a0 \udc80 \u25a0d")
    assert r.changes
    for c in r.changes:
        assert c.reason and 0.0 < c.confidence <= 1.0


def test_crlf_document_stays_crlf() -> None:
    text = "First\xad line.\r\nSecond \u2022 line.\r\n"
    out = clean(text)
    assert out == "First line.\r\nSecond line.\r\n"
    assert out.count("\r\n") == 2 and "\r" not in out.replace("\r\n", "")


# -- properties ------------------------------------------------------------------------
NOISY = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("ab -.,;\n\r\t*")
            + list("\xad\u2022\u25a0\u00a1\u00bf\u00a3\u00a9\u00ae")
            + list("\u200b\u200d\ufeff\u00a0\ufb01\x00\x0c\x92\x81\udce9\ud800\udc00")
        ),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(NOISY)
def test_property_replay_and_idempotence(text: str) -> None:
    r = GLYPHS.clean(text)
    assert replay(r.original, r.changes) == r.text
    assert GLYPHS.clean(r.text).text == r.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=80))
def test_property_arbitrary_unicode(text: str) -> None:
    r = GLYPHS.clean(text)
    assert replay(text, r.changes) == r.text
    assert GLYPHS.clean(r.text).text == r.text
    assert not re.search("[\ud800-\udfff]", r.text)


# -- the real corpus ---------------------------------------------------------------------
@needs_shared
def test_corpus_no_crash_idempotent_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files()
    counts: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    size = 0
    for f in files:
        text = f.read_text("utf-8", "surrogateescape")
        size += len(text)
        r = GLYPHS.clean(text)
        assert replay(text, r.changes) == r.text, f
        assert GLYPHS.clean(r.text).text == r.text, f
        for c in r.changes:
            kind = re.sub(r"'[^']*'|U\+\w+", "X", c.reason)
            counts[f"{kind} ({'applied' if c.applied else 'suggested'})"] += 1
    elapsed = time.perf_counter() - t0
    with capsys.disabled():
        print(f"\nglyphs on {len(files)} corpus files ({size / 1e6:.1f} M chars, {elapsed:.1f}s):")
        for kind, n in counts.most_common():
            print(f"  {n:5d}  {kind}")
    assert counts, "the corpus has soft hyphens and specks: the pass must find some"
    assert elapsed < 10
