"""The pass registry: every pass by name, in pipeline order.

The order matters: characters first (glyph noise, page markers), then in-word splits and
punctuation, then word-level repairs that need clean tokens, then quotes.
"""

from __future__ import annotations

import importlib

from cleaner.passes.base import Pass, PassContext

#: (name, module) in pipeline order; each module defines one Pass subclass with that name.
REGISTRY: tuple[tuple[str, str], ...] = (
    ("glyphs", "cleaner.passes.glyphs"),
    ("star_pages", "cleaner.passes.star_pages"),
    ("spaced_words", "cleaner.passes.spaced_words"),
    ("hyphenation", "cleaner.passes.hyphenation"),
    ("merged_words", "cleaner.passes.merged_words"),
    ("punctuation", "cleaner.passes.punctuation"),
    ("symbols", "cleaner.passes.symbols"),
    ("citations", "cleaner.passes.citations"),
    ("quotes", "cleaner.passes.quotes"),
    ("brackets", "cleaner.passes.brackets"),
    ("doc_lexicon", "cleaner.passes.doc_lexicon"),
    ("words", "cleaner.passes.words"),
    ("phrases", "cleaner.passes.phrases"),
    ("case_names", "cleaner.passes.case_names"),
    ("real_words", "cleaner.passes.real_words"),
    ("stray_letters", "cleaner.passes.stray_letters"),
)

PASS_NAMES: tuple[str, ...] = tuple(name for name, _ in REGISTRY)


def pass_class(name: str) -> type[Pass]:
    """The Pass subclass registered under ``name``."""
    modules = dict(REGISTRY)
    if name not in modules:
        raise ValueError(f"unknown pass {name!r}; valid passes: {', '.join(PASS_NAMES)}")
    module = importlib.import_module(modules[name])
    for obj in vars(module).values():
        if isinstance(obj, type) and issubclass(obj, Pass) and getattr(obj, "name", None) == name:
            return obj
    raise LookupError(f"module {modules[name]} defines no Pass named {name!r}")


__all__ = ["PASS_NAMES", "REGISTRY", "Pass", "PassContext", "pass_class"]
