"""A disk cache for built dictionaries, so that a command-line start stays fast.

A built structure is pickled under the user's cache directory (``$CLEANER_CACHE_DIR``,
else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``), keyed by the name, a format
version, and the path, size and modification time of every source file. A changed source
file therefore rebuilds; an unwritable or corrupt cache is ignored (the structure is then
built in memory, which is slower but correct).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Bump when a cached structure's class or layout changes.
CACHE_FORMAT = 3


def cache_dir() -> Path:
    """Where built dictionaries are cached."""
    explicit = os.environ.get("CLEANER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


def _key(name: str, sources: Sequence[Path]) -> str:
    h = hashlib.sha256(f"{name}\0{CACHE_FORMAT}".encode())
    for p in sources:
        try:
            st = p.stat()
            h.update(f"\0{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"\0{p}\0missing".encode())
    return h.hexdigest()[:20]


def cached(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same sources."""
    if os.environ.get("CLEANER_NO_CACHE"):
        return build()
    path = cache_dir() / f"{name}-{_key(name, sources)}.pickle"
    was_enabled = gc.isenabled()
    gc.disable()  # loading creates ~10^5 objects and no cycles: collecting would only cost
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    except Exception:  # a missing, partial or stale-format cache: rebuild
        pass
    finally:
        if was_enabled:
            gc.enable()
    gc.disable()
    try:
        value = build()
    finally:
        if was_enabled:
            gc.enable()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
