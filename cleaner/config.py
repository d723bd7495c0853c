"""Options of a cleaning, with defaults, validation and the pass registry lookups."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

PageMarkerMode = Literal["keep", "strip"]
CurlyQuotesMode = Literal["auto", "always", "never"]

#: Changes whose confidence is under this are reported as suggestions, not applied.
#: 0.8 is chosen so that a pass must have positive evidence (a dictionary hit, a document
#: repetition, a certain grammar) to apply an edit; guesses from one weak cue stay below it.
DEFAULT_MIN_CONFIDENCE = 0.8

PAGE_MARKER_MODES: tuple[str, ...] = ("keep", "strip")
CURLY_QUOTES_MODES: tuple[str, ...] = ("auto", "always", "never")


@dataclass(frozen=True, kw_only=True)
class Config:
    """All options of a cleaning. Unknown values raise ``ValueError`` naming the valid ones.

    >>> Config(skip=("quotes",)).pass_names()[-1] != "quotes"
    True
    """

    passes: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    page_markers: PageMarkerMode = "keep"
    curly_quotes: CurlyQuotesMode = "auto"
    protect: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        from cleaner.passes import PASS_NAMES

        if self.passes is not None:
            object.__setattr__(self, "passes", tuple(self.passes))
        object.__setattr__(self, "skip", tuple(self.skip))
        object.__setattr__(self, "protect", tuple(self.protect))
        for name in (self.passes or ()) + self.skip:
            if name not in PASS_NAMES:
                raise ValueError(f"unknown pass {name!r}; valid passes: {', '.join(PASS_NAMES)}")
        if self.page_markers not in PAGE_MARKER_MODES:
            raise ValueError(
                f"unknown page_markers {self.page_markers!r}; valid: {', '.join(PAGE_MARKER_MODES)}"
            )
        if self.curly_quotes not in CURLY_QUOTES_MODES:
            raise ValueError(
                f"unknown curly_quotes {self.curly_quotes!r}; "
                f"valid: {', '.join(CURLY_QUOTES_MODES)}"
            )
        if not 0.0 <= float(self.min_confidence) <= 1.0:
            raise ValueError(f"min_confidence must be in [0, 1], got {self.min_confidence!r}")

    def pass_names(self) -> tuple[str, ...]:
        """The passes to run, in pipeline order (the registry's order, whatever was asked)."""
        from cleaner.passes import PASS_NAMES

        wanted = set(self.passes) if self.passes is not None else set(PASS_NAMES)
        return tuple(n for n in PASS_NAMES if n in wanted and n not in self.skip)

    def with_options(self, **options: Any) -> Config:
        return replace(self, **options)


def make_config(config: Config | None = None, **options: Any) -> Config:
    """A Config from keyword options; unknown keywords raise ``TypeError`` listing the valid."""
    valid = sorted(Config.__dataclass_fields__)
    unknown = sorted(set(options) - set(valid))
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; valid: {', '.join(valid)}")
    base = config or Config()
    return replace(base, **options) if options else base
