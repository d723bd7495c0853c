"""Run a pass's proposal to a fixed point, so that the pass is idempotent by construction.

Character-level fixes interact: deleting a control character can leave a speck at a line's
end, which a second look would delete too. :func:`edits_to_fixpoint` re-runs ``propose`` on
its own output (a few rounds at most) with the engine's :class:`~cleaner.pipeline.Document`
and returns the composed edits in the coordinates of the input text, so the pipeline sees one
set of non-overlapping edits whose result the pass would not change again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cleaner.pipeline import Document, validate_edits
from cleaner.types import Edit


def edits_to_fixpoint(
    text: str,
    propose: Callable[[str], Iterable[Edit]],
    *,
    name: str,
    min_confidence: float,
    rounds: int = 4,
) -> list[Edit]:
    """The edits that take ``text`` to a text on which ``propose`` applies nothing more.

    Edits under ``min_confidence`` are kept as suggestions (not applied between rounds).

    >>> drop_x = lambda t: [Edit(i, i + 1, "", "x") for i, c in enumerate(t) if c == "x"]
    >>> edits_to_fixpoint("axb", drop_x, name="demo", min_confidence=0.8)
    [Edit(start=1, end=2, after='', reason='x', confidence=1.0)]
    """
    first = validate_edits(propose(text), len(text), name)
    applied = [
        e for e in first if e.confidence >= min_confidence and text[e.start : e.end] != e.after
    ]
    if not applied:
        return first
    # the usual case: a second look at the result finds nothing more to apply
    pieces: list[str] = []
    pos = 0
    for e in applied:
        pieces.append(text[pos : e.start])
        pieces.append(e.after)
        pos = e.end
    pieces.append(text[pos:])
    second_text = "".join(pieces)
    second = validate_edits(propose(second_text), len(second_text), name)
    if not any(
        e.confidence >= min_confidence and second_text[e.start : e.end] != e.after for e in second
    ):
        return first
    doc = Document(text)
    edits = first
    for _ in range(rounds):
        current = doc.text
        real = [e for e in edits if current[e.start : e.end] != e.after]
        if not real:
            break
        doc.apply(name, real, min_confidence)
        if not any(e.confidence >= min_confidence for e in real) or doc.text == current:
            break
        edits = validate_edits(propose(doc.text), len(doc.text), name)
    return [Edit(c.start, c.end, c.after, c.reason, c.confidence) for c in doc.result().changes]
