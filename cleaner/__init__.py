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
from cleaner.passes import PASS_NAMES, Pass, PassContext, pass_class
from cleaner.pipeline import run
from cleaner.resources import Resources
from cleaner.types import Change, Edit, PageMarker, Result, replay

__version__ = "0.1.0"


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
        ctx = PassContext(self.config, self.resources)
        return run(text, self.passes, min_confidence=self.config.min_confidence, context=ctx)

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
