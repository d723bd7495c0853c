"""The star_pages pass: CAP page markers found, reported, made separate tokens or stripped.

Fixtures are minimal rewrites of real snippets (the seed opinion, ill-app-2005,
cap-api-mixed), with negatives (Westlaw pin cites, footnote stars, arithmetic).
"""

from __future__ import annotations

import collections
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.types import Result, replay
from tests.conftest import corpus_files, needs_shared

KEEP = Cleaner(passes=("star_pages",))
STRIP = Cleaner(passes=("star_pages",), page_markers="strip")


def labels(r: Result) -> list[str]:
    return [m.label for m in r.page_markers]


@pytest.mark.parametrize(
    ("before", "keep", "strip", "pages"),
    [
        (
            "In DeSha-*1127ney v. Winnebago County",
            "In DeShaney *1127 v. Winnebago County",
            "In DeShaney v. Winnebago County",
            ["1127"],
        ),
        (
            "harm. *1127 See 503 U.S. at 125-30, *1128112 S.Ct. 1061; cf.",
            "harm. *1127 See 503 U.S. at 125-30, *1128 112 S.Ct. 1061; cf.",
            "harm. See 503 U.S. at 125-30, 112 S.Ct. 1061; cf.",
            ["1127", "1128"],
        ),
        (
            "that \u201caffirmative action\u201d re*1130quires the state actor",
            "that \u201caffirmative action\u201d requires *1130 the state actor",
            "that \u201caffirmative action\u201d requires the state actor",
            ["1130"],
        ),
        (
            "plaintiffs have alleged that *1131Wojcik and Savage",
            "plaintiffs have alleged that *1131 Wojcik and Savage",
            "plaintiffs have alleged that Wojcik and Savage",
            ["1131"],
        ),
        (
            "reported by the Star-Tele *933 gram that day",
            "reported by the Star-Telegram *933 that day",
            "reported by the Star-Telegram that day",
            ["933"],
        ),
        (
            "filed October 3, 2005.\n*998Edelman, Combs, for appellant.",
            "filed October 3, 2005.\n*998 Edelman, Combs, for appellant.",
            "filed October 3, 2005.\nEdelman, Combs, for appellant.",
            ["998"],
        ),
        (
            "evidence at a sentenc*936ing hearing as it is",
            "evidence at a sentencing *936 hearing as it is",
            "evidence at a sentencing hearing as it is",
            ["936"],
        ),
        (
            "in the offense. The double-*946enhancement rule is",
            "in the offense. The double-enhancement *946 rule is",
            "in the offense. The double-enhancement rule is",
            ["946"],
        ),
        (
            "the court disagrees with this assess*454ment. Frankenstein found",
            "the court disagrees with this assessment. *454 Frankenstein found",
            "the court disagrees with this assessment. Frankenstein found",
            ["454"],
        ),
        (
            "*933Two employees saw it. 609 N.E.2d 252, *934278 (1992)",
            "*933 Two employees saw it. 609 N.E.2d 252, *934 278 (1992)",
            "Two employees saw it. 609 N.E.2d 252, 278 (1992)",
            ["933", "934"],
        ),
        (
            "*104The judge. 58 Mass. App. Ct. 155, 157-*105160 (2003).",
            "*104 The judge. 58 Mass. App. Ct. 155, 157-160 *105 (2003).",
            "The judge. 58 Mass. App. Ct. 155, 157-160 (2003).",
            ["104", "105"],
        ),
        (
            "*194Thomas, J., dissenting.\n*195 Accordingly,*195 I respectfully dissent.",
            "*194 Thomas, J., dissenting.\n*195 Accordingly, *195 I respectfully dissent.",
            "Thomas, J., dissenting.\nAccordingly, I respectfully dissent.",
            ["194", "195", "195"],
        ),
        (
            "who is not a *935stranger and *936\u201ccontrolled expenses\u201d and *937$40,000",
            "who is not a *935 stranger and *936 \u201ccontrolled expenses\u201d and *937 $40,000",
            "who is not a stranger and \u201ccontrolled expenses\u201d and $40,000",
            ["935", "936", "937"],
        ),
        (
            "Patel, 648 F.3d at *1132975-76 (refusing) *1133the",
            "Patel, 648 F.3d at *1132 975-76 (refusing) *1133 the",
            "Patel, 648 F.3d at 975-76 (refusing) the",
            ["1132", "1133"],
        ),
    ],
)
def test_markers(before: str, keep: str, strip: str, pages: list[str]) -> None:
    rk, rs = KEEP.clean(before), STRIP.clean(before)
    assert rk.text == keep
    assert rs.text == strip
    assert labels(rk) == pages and labels(rs) == pages
    for m in rk.page_markers:
        assert before[m.start : m.end] == "*" + m.label
    # idempotent in both modes, and a kept marker is recognized again
    assert KEEP.clean(keep).text == keep
    assert STRIP.clean(strip).text == strip


@pytest.mark.parametrize(
    "text",
    [
        "Savage, No. 07-CV-1681 at *10 (D. Nev. Oct. 7, 2013)",
        "See id. at *3.",
        "2005 WL 123456, at *4-5; 2010 U.S. Dist. LEXIS 4567, *12",
        "a footnote sign*",
        "the product 2*3 = 6 and 4 * 5",
        "rated ***** by critics",
        "x *12 y",  # a lone two-digit star with no page sequence around it
        "but it would do *1ti The defendant",  # one short star glued to garbage
        "amounting altogether to about *500. It",  # money with a misread sign
        "the well-known, pre-existing *1127 marker kept between spaces",
        "*1127 at the start of a line\nand *1128 kept.",
        '<span class="star-pagination">*650</span> Carlos <span>*651</span>',
    ],
)
def test_survives(text: str) -> None:
    assert KEEP.clean(text).text == text


def test_pin_cite_is_not_reported_but_real_markers_are() -> None:
    text = "*1129the Health District. Savage, No. 07-CV-1681 at *10 (D. Nev. 2013). *1130Next"
    r = KEEP.clean(text)
    assert labels(r) == ["1129", "1130"]
    assert "at *10 (D. Nev." in r.text


def test_hyphen_kept_when_document_writes_it() -> None:
    text = "the Kowal-ski rule. Under the Kowal-*12ski rule *13the"
    assert KEEP.clean(text).text == "the Kowal-ski rule. Under the Kowal-ski *12 rule *13 the"


def test_page_sequence_in_state() -> None:
    from cleaner.passes.base import PassContext

    ctx = PassContext(KEEP.config, KEEP.resources)
    list(KEEP.passes[0].propose("*12Foo and *13bar", ctx))
    assert ctx.state["star_pages.labels"] == ("12", "13")


def test_markers_offsets_map_to_original_through_glyphs() -> None:
    c = Cleaner(passes=("glyphs", "star_pages"))
    text = "a\u00adb \u2022 *998Edelman"
    r = c.clean(text)
    (m,) = r.page_markers
    assert text[m.start : m.end] == "*998"


# -- properties ------------------------------------------------------------------------
TOKENS = [*"*0123456789 -\n.,aZt(\u201c$", "at ", "WL ", "*12", "*13", "re", "quires", "Tele"]
STARRY = st.lists(st.one_of(st.sampled_from(TOKENS), st.characters()), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(STARRY, st.sampled_from([KEEP, STRIP]))
def test_property_replay_and_idempotence(text: str, cleaner: Cleaner) -> None:
    r = cleaner.clean(text)
    assert replay(r.original, r.changes) == r.text
    assert cleaner.clean(r.text).text == r.text
    for m in r.page_markers:
        assert text[m.start : m.end] == "*" + m.label


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_property_arbitrary_unicode(text: str) -> None:
    r = KEEP.clean(text)
    assert replay(text, r.changes) == r.text


# -- the real corpus ---------------------------------------------------------------------
@needs_shared
def test_corpus_no_crash_idempotent_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files()
    counts: collections.Counter[str] = collections.Counter()
    markers = 0
    stars = 0
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text("utf-8", "surrogateescape")
        stars += len(re.findall(r"(?<![\d*])\*\d", text))
        for cleaner in (KEEP, STRIP):
            r = cleaner.clean(text)
            assert replay(text, r.changes) == r.text, f
            assert cleaner.clean(r.text).text == r.text, f
            assert not re.search(r"\*\d+[^\W\d_]|[^\W\d_]\*\d", r.text), f
        markers += len(r.page_markers)
        for c in r.changes:
            counts[re.sub(r"'[^']*'|\*\d+", "X", c.reason)] += 1
    elapsed = time.perf_counter() - t0
    with capsys.disabled():
        print(f"\nstar_pages on {len(files)} corpus files ({elapsed:.1f}s): {stars} stars, ")
        print(f"  {markers} page markers reported; edits in strip mode:")
        for kind, n in counts.most_common():
            print(f"  {n:5d}  {kind}")
    assert markers >= 150
    assert elapsed < 10
