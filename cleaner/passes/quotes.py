"""Quotes and dashes: mismatched closing quotes, dash spacing, straight vs curly.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class Quotes(Pass):
    """Quotes and dashes: mismatched closing quotes, dash spacing, straight vs curly."""

    name = "quotes"
    description = "Quotes and dashes: mismatched closing quotes, dash spacing, straight vs curly."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
