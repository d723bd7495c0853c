"""cleaner: repair OCR damage in scanned US court opinions, with an exact change report.

>>> from cleaner import clean
>>> result = clean("the. officers")
>>> result.text
'the officers'
>>> [(c.before, c.after, c.pass_name) for c in result.changes]
[('.', '', 'punctuation')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from cleaner.config import DEFAULT_MIN_CONFIDENCE, Config, make_config
from cleaner.lexicon.tokens import document_damaged
from cleaner.passes import PASS_NAMES, Pass, PassContext, pass_class
from cleaner.pipeline import run, run_document
from cleaner.resources import Resources
from cleaner.types import Change, Edit, PageMarker, Result, replay

__version__ = "0.1.0"

#: At most this many more cleanings of a badly damaged text (see :meth:`Cleaner.clean`):
#: BLN600's, Overproof's and ICDAR 2017's damaged texts settle in one or two.
SETTLING_ROUNDS = 3


class Cleaner:
    """A configured pipeline; loads dictionaries once and cleans many texts.

    >>> c = Cleaner(skip=("quotes",))
    >>> c.clean("box,, and").text
    'box, and'
    >>> [r.text for r in c.clean_many(["one", "two"])]
    ['one', 'two']
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = make_config(config, **options)
        self.resources = Resources()
        self.passes: tuple[Pass, ...] = tuple(
            pass_class(name)(self.config, self.resources) for name in self.config.pass_names()
        )

    def clean(self, text: str) -> Result:
        """Clean ``text``: the passes in order, then, for a badly damaged text, more rounds.

        In a badly damaged text a repair often gives the evidence for another that an
        earlier pass needed (a word mended beside "lie" shows it was "he"; a document's own
        spelling of a word counted once more), so cleaning the clean text again would change
        it. Such a text is cleaned again until nothing changes (at most
        :data:`SETTLING_ROUNDS` more times), each round a fresh cleaning of the last one's
        text, its changes added to the one report: clean(clean(x)) == clean(x). Opinions
        are seldom so damaged and pay nothing for it.
        """
        ctx = PassContext(self.config, self.resources)
        min_confidence = self.config.min_confidence
        doc = run_document(text, self.passes, min_confidence=min_confidence, context=ctx)
        if doc.spans and document_damaged(text, ctx, self.resources.known):
            for _ in range(SETTLING_ROUNDS):
                again = run(
                    doc.text,
                    self.passes,
                    min_confidence=min_confidence,
                    context=PassContext(self.config, self.resources),
                )
                if not any(c.applied for c in again.changes):
                    break
                doc.replay(again.changes)
        return doc.result()

    def clean_many(self, texts: Iterable[str]) -> Iterator[Result]:
        for text in texts:
            yield self.clean(text)


@lru_cache(maxsize=8)
def _cached_cleaner(config: Config) -> Cleaner:
    return Cleaner(config)


def clean(text: str, **options: Any) -> Result:
    """Clean one text with the default pipeline (or ``options``, see :class:`Config`)."""
    return _cached_cleaner(make_config(None, **options)).clean(text)


__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "PASS_NAMES",
    "Change",
    "Cleaner",
    "Config",
    "Edit",
    "PageMarker",
    "Result",
    "__version__",
    "clean",
    "replay",
]
