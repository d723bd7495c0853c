"""Inputs of a batch and where their outputs go, never outside the output directory.

>>> safe_relative("a/b.txt")
'a/b.txt'
>>> safe_relative("../../x")
Traceback (most recent call last):
...
cleaner.batch.paths.UnsafePath: '../../x': goes up out of the output directory
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: Input formats and the file name endings that select them in a directory walk.
FORMATS: dict[str, tuple[str, ...]] = {
    "txt": (".txt",),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "xml": (".xml",),
    "parquet": (".parquet", ".pq"),
}
#: Formats whose documents are streamed (many documents per file).
STREAM_FORMATS = frozenset({"jsonl", "parquet"})
#: The hidden directory of a run's state under --out (done-log, errors, summary).
STATE_DIR = ".clean"


_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write through a temporary file and a rename (never half a file), with normal permissions.

    The mode is the existing file's (``--in-place``) or the one the umask gives a new file.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class UnsafePath(ValueError):
    """A path from the input that would write outside the output directory."""


def format_of(name: str) -> str | None:
    low = name.lower()
    for fmt, exts in FORMATS.items():
        if low.endswith(exts):
            return fmt
    return None


def safe_relative(rel: str) -> str:
    """Check a relative output path: no absolute path, no '..', no empty or odd parts."""
    if "\x00" in rel:
        raise UnsafePath(f"{rel!r}: NUL in path")
    p = PurePosixPath(rel.replace("\\", "/"))
    if p.is_absolute() or rel.startswith(("/", "\\")) or (len(rel) > 1 and rel[1] == ":"):
        raise UnsafePath(f"{rel!r}: absolute path")
    if any(part == ".." for part in p.parts):
        raise UnsafePath(f"{rel!r}: goes up out of the output directory")
    parts = [x for x in p.parts if x not in ("", ".")]
    if not parts:
        raise UnsafePath(f"{rel!r}: empty path")
    return "/".join(parts)


def safe_join(root: str | os.PathLike[str], rel: str) -> Path:
    """``root/rel``, refusing anything that lands outside ``root`` (symlinks resolved)."""
    rel = safe_relative(rel)
    base = Path(root).resolve()
    target = base / rel
    # resolve what exists of the parent chain: a symlinked directory must stay inside
    resolved = target.parent.resolve()
    if resolved != base and base not in resolved.parents:
        raise UnsafePath(f"{rel!r}: resolves outside the output directory (symlink?)")
    if target.is_symlink():
        raise UnsafePath(f"{rel!r}: the output is a symlink")
    return target


@dataclass(frozen=True)
class Source:
    """One input file: where it is, its path under --out and its format."""

    path: Path
    rel: str
    fmt: str
    size: int

    @property
    def stream(self) -> bool:
        return self.fmt in STREAM_FORMATS


@dataclass(frozen=True)
class Rejected:
    """A file found in an input tree that is not processed, and why (recorded as failed)."""

    path: Path
    rel: str
    reason: str


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def walk(
    root: Path, prefix: str, fmt: str | None, exclude: tuple[Path, ...]
) -> Iterator[Source | Rejected]:
    """The input files under ``root`` in a stable (sorted) order, streamed.

    Hidden files and directories (names starting with '.') are skipped, and so are the
    ``exclude`` directories (the output, reports and state directories). A symlink that
    resolves outside ``root`` is rejected.
    """
    real_root = root.resolve()
    stack: list[tuple[Path, str]] = [(root, prefix)]
    while stack:
        d, rel_d = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name, reverse=True)
        except OSError as e:
            yield Rejected(d, rel_d or ".", f"cannot list directory: {e.strerror}")
            continue
        dirs: list[tuple[Path, str]] = []
        for entry in reversed(entries):
            if entry.name.startswith("."):
                continue
            p = Path(entry.path)
            rel = f"{rel_d}/{entry.name}" if rel_d else entry.name
            if entry.is_symlink():
                target = p.resolve()
                if not _inside(target, real_root):
                    yield Rejected(p, rel, "symlink points outside the input directory")
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                rp = p.resolve()
                if any(_inside(rp, x) for x in exclude):
                    continue
                dirs.append((p, rel))
                continue
            f = format_of(entry.name)
            if f is None or (fmt is not None and f != fmt):
                continue
            try:
                size = entry.stat().st_size
            except OSError as e:
                yield Rejected(p, rel, f"cannot stat: {e.strerror}")
                continue
            yield Source(p, rel, f, size)
        stack.extend(reversed(dirs))
