"""Citation punctuation: 'Id,' -> 'Id.', '1082,1087' -> '1082, 1087'.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class CitationPunctuation(Pass):
    """Citation punctuation: 'Id,' -> 'Id.', '1082,1087' -> '1082, 1087'."""

    name = "citations"
    description = "Citation punctuation: 'Id,' -> 'Id.', '1082,1087' -> '1082, 1087'."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
