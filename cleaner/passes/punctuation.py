"""Stray periods, apostrophes, commas and hyphens between words.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class StrayPunctuation(Pass):
    """Stray periods, apostrophes, commas and hyphens between words."""

    name = "punctuation"
    description = "Stray periods, apostrophes, commas and hyphens between words."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
