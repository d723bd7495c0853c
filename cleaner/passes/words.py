"""Non-words corrected with an OCR confusion model; noise accents removed.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class NonWords(Pass):
    """Non-words corrected with an OCR confusion model; noise accents removed."""

    name = "words"
    description = "Non-words corrected with an OCR confusion model; noise accents removed."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
