"""The words of a document, counted once and shared by the passes that need them.

``letter_counts(text, ctx)`` counts the runs of letters of ``text`` (stdlib ``re``: the
fastest way to see every word) and caches the count in ``ctx.state`` for that exact text,
so that a later pass that receives the same text (nothing changed in between) does not
count again.

>>> from cleaner.config import Config
>>> from cleaner.passes.base import PassContext
>>> from cleaner.resources import Resources
>>> ctx = PassContext(Config(), Resources())
>>> letter_counts("The court, the Court: 2d Cir.", ctx)["Court"]
1
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.passes.base import PassContext

#: Runs of letters: no digits, no underscore, no apostrophes or hyphens inside.
LETTERS = re.compile(r"[^\W\d_]+")


def letter_counts(text: str, ctx: PassContext) -> Counter[str]:
    """How often each run of letters occurs in ``text`` (case kept); cached per text."""
    hit = ctx.state.get("lexicon.letters")
    if isinstance(hit, tuple) and hit[0] == text:
        return hit[1]  # type: ignore[no-any-return]
    counts = Counter(LETTERS.findall(text))
    ctx.state["lexicon.letters"] = (text, counts)
    return counts
