"""What runs in a worker process (local pool or Dask): one Cleaner per process, built once.

A task is a chunk of work: several whole files (read, cleaned and written here, atomically),
or a run of lines of a JSONL file, or a run of cells of a Parquet column (cleaned here and
sent back in order to the driver, which writes the stream output).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cleaner.batch.documents import (
    DocumentError,
    Outcome,
    clean_json_bytes,
    clean_plain,
    clean_text_bytes,
)
from cleaner.batch.paths import write_atomic
from cleaner.config import Config

if TYPE_CHECKING:
    from cleaner import Cleaner

#: A text that makes every pass load what it loads lazily (dictionaries, tables).
WARM_UP = "The Court held that the de-\nfendant's motion, see 5 U.S. 137, was denied. *12 Id, at 3."

_CLEANERS: dict[Config, Cleaner] = {}
_INIT_SECONDS: dict[Config, float] = {}


def get_cleaner(config: Config) -> Cleaner:
    """The process's Cleaner for ``config``, built (and warmed up) on first use."""
    c = _CLEANERS.get(config)
    if c is None:
        from cleaner import Cleaner

        t = time.perf_counter()
        c = Cleaner(config)
        c.clean(WARM_UP)
        _INIT_SECONDS[config] = time.perf_counter() - t
        _CLEANERS[config] = c
    return c


def init_seconds(config: Config) -> float:
    return _INIT_SECONDS.get(config, 0.0)


@dataclass(frozen=True)
class Options:
    """What every task needs besides its data."""

    config: Config
    field: str | None = None
    encoding_errors: str = "strict"
    in_place: bool = False


@dataclass(frozen=True)
class FilesTask:
    """Whole files: (input path, path under --out, output path, format)."""

    items: tuple[tuple[str, str, str, str], ...]


@dataclass(frozen=True)
class LinesTask:
    """Consecutive lines of a JSONL source; ``first`` is the 1-based number of the first."""

    source: str
    first: int
    lines: tuple[bytes, ...]
    end_offset: int  # input byte offset after the last line (for resume)


@dataclass(frozen=True)
class CellsTask:
    """Consecutive cells of the text column of a Parquet source (``first``: 0-based row)."""

    source: str
    first: int
    column: str
    values: tuple[str | None, ...]
    group: int = 0  # the row group
    ids: tuple[object, ...] | None = None  # the "id" column, for the reports


Task = FilesTask | LinesTask | CellsTask


@dataclass
class TaskResult:
    task: Task
    outcomes: list[Outcome]
    data: bytes = b""  # LinesTask: the output lines
    values: list[str | None] = field(default_factory=list)  # CellsTask
    worker: tuple[int, float] = (0, 0.0)  # (pid, seconds to build the Cleaner)
    seconds: float = 0.0


def _split_ending(raw: bytes) -> tuple[bytes, bytes]:
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], b"\n"
    return raw, b""


def _internal(e: BaseException) -> str:
    return f"internal error: {type(e).__name__}: {e}"


def process_file(item: tuple[str, str, str, str], opts: Options, cleaner: Cleaner) -> Outcome:
    src, rel, dst, fmt = item
    out = Outcome(rel)
    try:
        data = Path(src).read_bytes()
    except OSError as e:
        out.ok, out.reason = False, f"cannot read: {e.strerror}"
        return out
    out.nbytes = len(data)
    try:
        if fmt == "json":
            new = clean_json_bytes(
                data, cleaner, out, field_spec=opts.field, encoding_errors=opts.encoding_errors
            )
        else:
            new = clean_text_bytes(
                data, cleaner, out, encoding_errors=opts.encoding_errors, as_xml=fmt == "xml"
            )
        if not (opts.in_place and new == data):
            write_atomic(dst, new)
    except DocumentError as e:
        out.ok, out.reason = False, str(e)
    except OSError as e:
        out.ok, out.reason = False, f"cannot write {dst}: {e.strerror}"
    except Exception as e:  # a bug in a pass must not stop a corpus run
        out.ok, out.reason = False, _internal(e)
    if not out.ok:
        out.report = None
        out.changed = False
        out.by_pass.clear()
    return out


def _lines(task: LinesTask, opts: Options, cleaner: Cleaner) -> TaskResult:
    outcomes: list[Outcome] = []
    pieces: list[bytes] = []
    for i, raw in enumerate(task.lines):
        body, ending = _split_ending(raw)
        if not body.strip():
            pieces.append(raw)  # a blank line is not a document; kept as it is
            continue
        out = Outcome(task.source, f"line {task.first + i}", nbytes=len(raw))
        try:
            new = clean_json_bytes(
                body, cleaner, out, field_spec=opts.field, encoding_errors=opts.encoding_errors
            )
            pieces.append(new + ending)
        except Exception as e:
            out.ok = False
            out.reason = str(e) if isinstance(e, DocumentError) else _internal(e)
            out.report, out.changed = None, False
            out.by_pass.clear()
            pieces.append(raw)  # the line is kept as it was: line N of the output is line N
        outcomes.append(out)
    return TaskResult(task, outcomes, data=b"".join(pieces))


def _cells(task: CellsTask, opts: Options, cleaner: Cleaner) -> TaskResult:
    outcomes: list[Outcome] = []
    values: list[str | None] = []
    for i, v in enumerate(task.values):
        out = Outcome(task.source, f"row {task.first + i}")
        out.nbytes = len(v.encode("utf-8", "surrogatepass")) if v else 0
        try:
            doc_id = task.ids[i] if task.ids is not None else None
            values.append(clean_plain(v, cleaner, out, task.column, doc_id))
        except Exception as e:
            out.ok, out.reason = False, _internal(e)
            out.report, out.changed = None, False
            out.by_pass.clear()
            values.append(v)
        outcomes.append(out)
    return TaskResult(task, outcomes, values=values)


def run_task(task: Task, opts: Options) -> TaskResult:
    """Run one task in this process (the entry point of every engine)."""
    cleaner = get_cleaner(opts.config)
    t = time.perf_counter()
    if isinstance(task, FilesTask):
        res = TaskResult(task, [process_file(item, opts, cleaner) for item in task.items])
    elif isinstance(task, LinesTask):
        res = _lines(task, opts, cleaner)
    else:
        res = _cells(task, opts, cleaner)
    res.seconds = time.perf_counter() - t
    res.worker = (os.getpid(), init_seconds(opts.config))
    return res


# -- the local process pool ---------------------------------------------------------------------

_POOL_OPTS: Options | None = None


def pool_init(opts: Options) -> None:
    """Pool initializer: build the Cleaner once in this worker process."""
    global _POOL_OPTS
    _POOL_OPTS = opts
    get_cleaner(opts.config)


def pool_run(task: Task) -> TaskResult:
    assert _POOL_OPTS is not None, "pool_init was not run"
    return run_task(task, _POOL_OPTS)
