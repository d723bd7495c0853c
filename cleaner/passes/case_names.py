"""Party names in citations matched against known case names.

(Not yet implemented: proposes nothing.)
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.passes.base import Pass, PassContext
from cleaner.types import Edit


class CaseNames(Pass):
    """Party names in citations matched against known case names."""

    name = "case_names"
    description = "Party names in citations matched against known case names."

    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        return ()
