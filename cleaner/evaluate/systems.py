"""The systems ``clean eval`` scores: the cleaner, any command, and the baselines.

A system turns raw OCR text into clean text; the cleaner also returns its change report
(for the per-pass figures). Baselines (what a user would otherwise reach for):

- ``identity``: the OCR unchanged (the 'before' row; its figures must be zero changes).
- ``ftfy``: ``ftfy.fix_text`` (mojibake and Unicode repair).
- ``symspell``: every alphabetic word symspellpy's English dictionary does not know is
  replaced by its top suggestion (``lookup``, edit distance 2, memoized); case pattern
  (lower, Title, UPPER) and all punctuation are kept.
- ``symspell-compound``: ``lookup_compound`` on each line, symspellpy's documented use for
  noisy text (it lower-cases and drops punctuation: that is what it does).

>>> IdentitySystem().run("tbe cat")
('tbe cat', None)
"""

from __future__ import annotations

import importlib.resources
import shlex
import subprocess
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import regex

from cleaner.config import Config
from cleaner.evaluate.gold import EvalError
from cleaner.types import Change

BASELINES: tuple[str, ...] = ("identity", "ftfy", "symspell", "symspell-compound")

_ALPHA_WORD = regex.compile(r"(?<![\w'])\p{L}+(?![\w])")


class System(Protocol):
    name: str

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        """Clean ``text``; the change report when the system has one."""
        ...


class CleanerSystem:
    """This project's cleaner with a :class:`~cleaner.config.Config`."""

    def __init__(self, config: Config | None = None, name: str = "cleaner") -> None:
        from cleaner import Cleaner

        self.name = name
        self.cleaner = Cleaner(config)

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        result = self.cleaner.clean(text)
        return result.text, result.changes


class CommandSystem:
    """Any command reading raw text on stdin and writing clean text on stdout (UTF-8)."""

    def __init__(self, command: str, timeout: float = 600.0) -> None:
        self.name = command if len(command) <= 24 else command[:23] + "…"
        self.command = command
        self.timeout = timeout

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        try:
            proc = subprocess.run(
                self.command,
                shell=True,
                input=text.encode("utf-8", "surrogateescape"),
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise EvalError(
                f"system {self.command!r} timed out after {self.timeout:.0f} s"
            ) from None
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise EvalError(
                f"system {self.command!r} exited with {proc.returncode}"
                + (f": {err[-1]}" if err else "")
            )
        return proc.stdout.decode("utf-8", "replace"), None


class IdentitySystem:
    name = "identity"

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        return text, None


class FtfySystem:
    name = "ftfy"

    def __init__(self) -> None:
        try:
            import ftfy
        except ImportError:
            raise EvalError("the ftfy baseline needs ftfy: pip install 'cleaner[eval]'") from None
        self._fix = ftfy.fix_text

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        return self._fix(text), None


@lru_cache(maxsize=1)
def load_symspell() -> Any:
    """symspellpy with its bundled English unigram and bigram dictionaries (loaded once)."""
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    files = importlib.resources.files("symspellpy")
    sym.load_dictionary(str(files / "frequency_dictionary_en_82_765.txt"), 0, 1)
    sym.load_bigram_dictionary(str(files / "frequency_bigramdictionary_en_243_342.txt"), 0, 2)
    return sym


def _recase(word: str, suggestion: str) -> str:
    if len(word) > 1 and word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class SymSpellSystem:
    """symspellpy ``lookup`` on unknown words only, keeping case and punctuation.

    >>> SymSpellSystem().run("Tbe court held")[0]
    'The court held'
    """

    name = "symspell"

    def __init__(self) -> None:
        from symspellpy import Verbosity

        self._sym = load_symspell()
        self._words = self._sym.words
        self._top = Verbosity.TOP
        self._memo: dict[str, str] = {}

    def correct(self, word: str) -> str:
        hit = self._memo.get(word)
        if hit is not None:
            return hit
        low = word.lower()
        out = word
        if low not in self._words:
            found = self._sym.lookup(low, self._top, max_edit_distance=2)
            if found:
                out = _recase(word, found[0].term)
        self._memo[word] = out
        return out

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        return _ALPHA_WORD.sub(lambda m: self.correct(m.group(0)), text), None


class SymSpellCompoundSystem:
    """symspellpy ``lookup_compound`` per line (max edit distance 2), as documented."""

    name = "symspell-compound"

    def __init__(self) -> None:
        self._sym = load_symspell()

    def run(self, text: str) -> tuple[str, Sequence[Change] | None]:
        out: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                found = self._sym.lookup_compound(line, max_edit_distance=2)
                out.append(found[0].term if found else line)
            else:
                out.append(line)
        return "\n".join(out), None


def baseline(name: str) -> System:
    """A baseline system by name (one of :data:`BASELINES`)."""
    if name == "identity":
        return IdentitySystem()
    if name == "ftfy":
        return FtfySystem()
    if name == "symspell":
        return SymSpellSystem()
    if name == "symspell-compound":
        return SymSpellCompoundSystem()
    raise EvalError(f"unknown baseline {name!r}; valid: {', '.join(BASELINES)}")


def command_system(command: str) -> CommandSystem:
    if not shlex.split(command):
        raise EvalError("--system needs a command")
    return CommandSystem(command)
