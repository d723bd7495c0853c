"""Real-word errors ('does hot itself') from context.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class RealWords(Pass):
    """Real-word errors ('does hot itself') from context."""

    name = "real_words"
    description = "Real-word errors ('does hot itself') from context."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
