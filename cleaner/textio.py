"""Reading input files as text, honestly: binary, invalid UTF-8, BOM and line endings."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"
ENCODING_ERRORS = ("strict", "replace")


class InputError(Exception):
    """An input that cannot be read as text; the message says what and what to do."""


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with what must be restored on output (the BOM).

    Invalid bytes decoded with ``encoding_errors="replace"`` are kept as lone surrogates
    (``surrogateescape``) so that the cleaning reports their replacement as changes.
    """

    text: str
    bom: bool

    def encode(self, clean_text: str) -> bytes:
        return ((BOM if self.bom else "") + clean_text).encode("utf-8", "surrogateescape")


def decode(data: bytes, name: str, *, encoding_errors: str = "strict") -> DecodedText:
    """Decode UTF-8 input; raise :class:`InputError` for binary data or invalid UTF-8."""
    if encoding_errors not in ENCODING_ERRORS:
        raise ValueError(
            f"unknown encoding_errors {encoding_errors!r}; valid: {', '.join(ENCODING_ERRORS)}"
        )
    nul = data.find(b"\x00", 0, 1 << 16)
    if nul >= 0:
        raise InputError(f"{name}: looks like binary data (NUL byte at offset {nul}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if encoding_errors == "strict":
            raise InputError(
                f"{name}: invalid UTF-8 at byte {e.start} ({data[e.start : e.start + 1]!r}); "
                "use --encoding-errors replace to go on"
            ) from None
        text = data.decode("utf-8", "surrogateescape")
    bom = text.startswith(BOM)
    return DecodedText(text[1:] if bom else text, bom)


def read_path(path: str, *, encoding_errors: str = "strict") -> DecodedText:
    """Read and decode one file; raise :class:`InputError` with a one-line reason."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(
            f"{path}: is a directory, expected a text file (use --out DIR for a batch)"
        ) from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    return decode(data, path, encoding_errors=encoding_errors)


def _default_mode(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would give: the file's own if it exists, else
    0o666 less the umask (mkstemp's 0o600 would hide the output from other users)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _default_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
