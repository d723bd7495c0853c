"""Split words (Pau-luk, es-topped) joined; merged words (agreementis) split.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class Hyphenation(Pass):
    """Split words (Pau-luk, es-topped) joined; merged words (agreementis) split."""

    name = "hyphenation"
    description = "Split words (Pau-luk, es-topped) joined; merged words (agreementis) split."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
