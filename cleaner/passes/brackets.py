"""Misread alteration brackets: '[0]nly' -> '[O]nly', '[tjoxic' -> '[t]oxic'.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class Brackets(Pass):
    """Misread alteration brackets: '[0]nly' -> '[O]nly', '[tjoxic' -> '[t]oxic'."""

    name = "brackets"
    description = "Misread alteration brackets: '[0]nly' -> '[O]nly', '[tjoxic' -> '[t]oxic'."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
