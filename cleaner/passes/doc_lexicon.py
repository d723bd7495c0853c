"""Rare variants of words the document repeats, corrected toward them.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class DocumentLexicon(Pass):
    """Rare variants of words the document repeats, corrected toward them."""

    name = "doc_lexicon"
    description = "Rare variants of words the document repeats, corrected toward them."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
