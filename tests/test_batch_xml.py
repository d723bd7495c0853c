"""Case-body XML: text extracted by blocks, changes placed in text nodes, markup kept exactly.

The placement tests use a fake cleaner (regex rules) so that they do not depend on what the
passes change; one test runs the real pipeline on CAP source files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.batch.xmlbody import XmlError, clean_xml, escape, extract_text
from cleaner.types import Change, Result, replay
from tests.conftest import SHARED, needs_shared

NS = 'xmlns="http://nrs.harvard.edu/urn-3:HLS.Libr.US_Case_Law.Schema.Case_Body:v1"'
_TAGS = re.compile(r"<[^>]*>")


@dataclass
class FakeCleaner:
    """Applies regex rules to the whole text, as one change per match."""

    rules: list[tuple[str, str]]

    def clean(self, text: str) -> Result:
        changes = []
        for pattern, repl in self.rules:
            for m in re.finditer(pattern, text):
                changes.append(
                    Change(m.start(), m.end(), m.group(0), m.expand(repl), "fake", "rule", 1.0)
                )
        changes.sort(key=lambda c: c.start)
        return Result(text, replay(text, changes), tuple(changes))


def body(inner: str) -> str:
    return f"<casebody {NS}>{inner}</casebody>"


@pytest.mark.parametrize(
    ("inner", "text"),
    [
        ("<p>one</p><p>two</p>", "one\ntwo"),
        ("<p>the <em>Pau-luk</em> case</p>", "the Pau-luk case"),
        ('<p>a <page-number label="5">*5</page-number>b</p>', "a *5b"),
        ("\n  <p>\n    indented\n  </p>\n", "indented"),
        ("<p>A &amp; B &#8212; C</p>", "A & B \u2014 C"),
        ("<p>one\n      two</p>", "one two"),
        ("<opinion>\n <author>X, J.</author>\n <p>y</p>\n</opinion>", "X, J.\ny"),
        ("<footnote label='1'><p>note</p></footnote>", "note"),
    ],
)
def test_extract(inner: str, text: str) -> None:
    assert extract_text(body(inner)) == text


@pytest.mark.parametrize(
    ("inner", "rules", "expected", "skipped"),
    [
        # inside one text node
        ("<p>the. officers</p>", [(r"the\. ", "the ")], "<p>the officers</p>", 0),
        # entities elsewhere in the node are kept as they were written
        ("<p>A &amp; B \u25a0 C</p>", [("\u25a0 ", "")], "<p>A &amp; B C</p>", 0),
        ("<p>x &#8212; fo0d</p>", [("fo0d", "food")], "<p>x &#8212; food</p>", 0),
        # inside an inline element
        ("<p>the <em>Pau-luk</em> case</p>", [("Pau-luk", "Pauluk")], None, 0),
        # a hyphen before a page break: the marker's text is kept, the hyphen goes
        (
            'DeSha-<page-number label="1127">*1127</page-number>ney',
            [(r"-(\*1127)", r"\1")],
            'DeSha<page-number label="1127">*1127</page-number>ney',
            0,
        ),
        # moving the marker would move the element: not applied
        (
            'DeSha-<page-number label="1127">*1127</page-number>ney',
            [(r"DeSha-\*1127ney", "DeShaney *1127")],
            'DeSha-<page-number label="1127">*1127</page-number>ney',
            1,
        ),
        # a space after a marker goes into the next text node
        (
            '<p><page-number label="675">*675</page-number>Clinton</p>',
            [(r"(\*675)(?=C)", r"\1 ")],
            '<p><page-number label="675">*675</page-number> Clinton</p>',
            0,
        ),
        # footnote marks are labels: never edited
        (
            "<p>guilty<footnotemark>1</footnotemark> x</p>",
            [("guilty1", "guilty")],
            "<p>guilty<footnotemark>1</footnotemark> x</p>",
            1,
        ),
        # no change crosses a block boundary
        ("<p>end-</p><p>ing</p>", [("-\ning", "ing")], "<p>end-</p><p>ing</p>", 1),
        # inserted text is escaped
        ("<p>AT</p>", [("AT", "A<T&")], "<p>A&lt;T&amp;</p>", 0),
        # CRLF inside a block: kept; an edit after it lands at the right place
        ("<p>one\r\ntwo x</p>", [("two x", "two y")], "<p>one\r\ntwo y</p>", 0),
        # CDATA is not edited
        ("<p><![CDATA[a0b]]> a0b</p>", [("a0b", "aob")], "<p><![CDATA[a0b]]> aob</p>", 1),
        # markup outside <casebody> is never touched
    ],
)
def test_place(
    inner: str, rules: list[tuple[str, str]], expected: str | None, skipped: int
) -> None:
    xml = body(inner if inner.startswith("<") else f"<p>{inner}</p>")
    if expected is not None and not expected.startswith("<p>"):
        expected = f"<p>{expected}</p>"
    out = clean_xml(xml, FakeCleaner(rules))  # type: ignore[arg-type]
    if expected is None:
        assert out.text == FakeCleaner(rules).clean(out.original_text).text
    else:
        assert out.xml == body(expected)
    assert len(out.skipped) == skipped
    assert _TAGS.findall(out.xml) == _TAGS.findall(xml)
    assert extract_text(out.xml) == out.text
    report = out.report()
    assert sum(1 for c in report["changes"] if c.get("skipped")) == skipped


def test_outside_casebody_untouched() -> None:
    xml = (
        "<?xml version='1.0' encoding='utf-8'?>\n<mets><name>fo0d</name>"
        f"<xmlData>{body('<p>fo0d</p>')}</xmlData><note>fo0d</note></mets>"
    )
    out = clean_xml(xml, FakeCleaner([("fo0d", "food")]))  # type: ignore[arg-type]
    assert out.xml == xml.replace("<p>fo0d</p>", "<p>food</p>")


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        (body("<p>a</judges>"), "not well-formed"),
        ('<!DOCTYPE x [<!ENTITY e "boom">]><casebody>&e;</casebody>', "DOCTYPE"),
        ("<mets><p>text</p></mets>", "no <casebody>"),
        ("", "not well-formed"),
    ],
)
def test_unusable_xml(xml: str, reason: str) -> None:
    with pytest.raises(XmlError, match=reason):
        clean_xml(xml, FakeCleaner([]))  # type: ignore[arg-type]


def test_unchanged_is_identical() -> None:
    xml = body(
        '\n  <p id="x">A &amp; B</p>\n  <p>c<em>d</em><page-number label="2">*2</page-number></p>\n'
    )
    out = clean_xml(xml, FakeCleaner([]))  # type: ignore[arg-type]
    assert out.xml == xml and not out.changed


@needs_shared
def test_real_pipeline_keeps_markup() -> None:
    src = SHARED / "corpus" / "source" / "cap-api-json"
    cleaner = Cleaner()
    for name in ("case_2.json", "bta_case_1.json", "per_curiam_example.json"):
        xml = json.loads((src / name).read_text(encoding="utf-8"))["casebody"]["data"]
        out = clean_xml(xml, cleaner)
        assert _TAGS.findall(out.xml) == _TAGS.findall(xml), name
        assert extract_text(out.xml) == out.text
        if not out.skipped:
            assert out.text == cleaner.clean(out.original_text).text


# characters allowed in XML 1.0 text (no controls but tab/newline, no surrogates, no FFFE/FFFF)
XML_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
) | st.sampled_from("\n\t -*[]().,;:'\"\u00ad\u25a0")
WORDS = st.text(XML_CHARS, max_size=40)
PIECE = st.one_of(
    WORDS.map(escape),
    WORDS.map(lambda w: f"<em>{escape(w)}</em>"),
    st.integers(1, 999).map(lambda n: f'<page-number label="{n}">*{n}</page-number>'),
    st.integers(1, 9).map(lambda n: f"<footnotemark>{n}</footnotemark>"),
)
PARAS = st.lists(st.lists(PIECE, max_size=6).map("".join), min_size=1, max_size=4)

_REAL = Cleaner()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAS)
def test_property_markup_survives_the_real_pipeline(paras: list[str]) -> None:
    xml = body("".join(f"<p>{p}</p>" for p in paras))
    out = clean_xml(xml, _REAL)
    assert _TAGS.findall(out.xml) == _TAGS.findall(xml)
    assert extract_text(out.xml) == out.text
    frozen = re.findall(r"<(page-number|footnotemark)[^>]*>([^<]*)<", xml)
    assert re.findall(r"<(page-number|footnotemark)[^>]*>([^<]*)<", out.xml) == frozen


def test_a_block_of_a_soft_hyphen_alone_is_no_line() -> None:
    """Found by hypothesis: the glyphs pass emptied it, and the text had a line the XML lacked."""
    xml = body("<p>0</p><p>\xad</p>")
    out = clean_xml(xml, _REAL)
    assert out.text == extract_text(out.xml) == "0"


def test_line_breaks_are_the_markups_own() -> None:
    """Found by hypothesis: a soft hyphen ending one paragraph joined the next one's word and
    moved a line break into it; in XML the lines are blocks, so neither edit lands."""
    xml = body("<p>A\xad</p><p>A 0</p>")
    out = clean_xml(xml, _REAL)
    assert out.text == extract_text(out.xml) == "A\xad\nA 0"


def test_a_no_break_space_before_a_line_break_is_layout() -> None:
    """Found by hypothesis: "0\\xa0\\n0" read "0\\xa0 0"; the no-break space made a space, the
    XML read back "0 0" while the text said "0  0"."""
    xml = body("<p>0\xa0\n0</p>")
    out = clean_xml(xml, _REAL)
    assert out.text == extract_text(out.xml) == "0 0"
