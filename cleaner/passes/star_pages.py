"""Star-page markers (*1127): detected, recorded, never glued to a word or number.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class StarPages(Pass):
    """Star-page markers (*1127): detected, recorded, never glued to a word or number."""

    name = "star_pages"
    description = "Star-page markers (*1127): detected, recorded, never glued to a word or number."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
