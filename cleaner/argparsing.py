"""What the command-line entry points share: exit codes and argument types.

>>> pass_names("glyphs, quotes")
('glyphs', 'quotes')
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

EXIT_OK = 0
EXIT_CHANGES = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


class Parser(argparse.ArgumentParser):
    """argparse with the documented usage-error exit code (2) and a one-line message."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def pass_names(value: str) -> tuple[str, ...]:
    """A comma-separated list of pass names; an unknown one is an error listing the valid."""
    from cleaner.passes import PASS_NAMES

    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in PASS_NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown pass {unknown[0]!r}; valid passes: {', '.join(PASS_NAMES)}"
        )
    return names


def confidence(value: str) -> float:
    """A number between 0 and 1."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return x
