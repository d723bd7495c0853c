"""Glyph noise: stray specks, soft hyphens, ligatures, zero-width/control characters, NBSP.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class GlyphNoise(Pass):
    """Glyph noise: stray specks, soft hyphens, ligatures, zero-width/control characters, NBSP."""

    name = "glyphs"
    description = (
        "Glyph noise: stray specks, soft hyphens, ligatures, zero-width/control characters, NBSP."
    )

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
