"""Protected spans: an update from an earlier text of the document equals a fresh scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.passes.base import PassContext
from cleaner.pipeline import Document, validate_edits
from cleaner.protect import protected_spans
from cleaner.resources import Resources
from cleaner.types import Edit

PIECES = ["489", "U.S.", "189", "S.Ct.", "998", "F.3d", "at", "*12", "1.2", "the", "§", "2d"]
TEXT = st.lists(st.sampled_from([*PIECES, " ", " ", ", ", "\n", "."]), max_size=40).map("".join)


def _fresh(text: str) -> tuple[tuple[int, int], ...]:
    ctx = PassContext(Config(), Resources())
    ctx.bind(Document(text))
    return protected_spans(text, ctx).spans


@st.composite
def _edits(draw: st.DrawFn, text: str) -> list[Edit]:
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits: list[Edit] = []
    end = -1
    for a, b in zip(points[::2], points[1::2], strict=False):
        if a <= end:
            continue
        after = draw(st.sampled_from(["", "\n", " ", "7", "U.S. 5", "x", "*3"]))
        edits.append(Edit(a, b, after, "r", 0.9))
        end = b
    return edits


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_update_from_an_earlier_text_equals_a_fresh_scan(text: str, data: st.DataObject) -> None:
    doc = Document(text)
    ctx = PassContext(Config(), Resources())
    ctx.bind(doc)
    for i in range(4):
        assert protected_spans(doc.text, ctx).spans == _fresh(doc.text)
        edits = validate_edits(data.draw(_edits(doc.text), label=f"pass{i}"), len(doc.text), "p")
        doc.apply(f"p{i}", edits, 0.5)
    assert protected_spans(doc.text, ctx).spans == _fresh(doc.text)
