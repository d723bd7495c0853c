"""The driver of a batch run: finds the inputs, feeds an engine, writes what comes back.

Whole files (.txt, .json, .xml) are cleaned and written by the workers; the driver records
them. Streams (.jsonl, .parquet) are read here and sent to the workers in chunks; the cleaned
chunks come back in order and the driver writes them to a hidden partial file next to the
output, renamed into place when the source is complete.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.batch.documents import GUESSED_COLUMNS, Outcome
from cleaner.batch.paths import (
    FORMATS,
    STATE_DIR,
    Rejected,
    Source,
    UnsafePath,
    format_of,
    safe_join,
    walk,
)
from cleaner.batch.state import Previous, RunState, Stats, fsync_file
from cleaner.batch.worker import CellsTask, FilesTask, LinesTask, Options, TaskResult
from cleaner.config import Config

FILES_PER_TASK = 8
BYTES_PER_TASK = 128 * 1024
LINES_PER_TASK = 64
#: How often the done-log is made durable (outputs, reports and errors first).
CHECKPOINT_SECONDS = 1.0


class UsageError(ValueError):
    """Bad options (exit 2)."""


class InputUnreadable(ValueError):
    """An input path cannot be read at all (exit 3)."""


@dataclass
class BatchOptions:
    paths: list[str]
    config: Config
    out: str | None = None
    in_place: bool = False
    reports: str | None = None
    errors: str | None = None
    jobs: int | None = None
    resume: bool = False
    field: str | None = None
    fmt: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    encoding_errors: str = "strict"
    progress: bool | None = None  # None: when stderr is a terminal


@dataclass
class Summary:
    stats: Stats
    seconds: float
    workers: int
    worker_init: list[float]
    resumed: Stats | None
    errors_path: Path
    reports_path: Path | None

    @property
    def exit_code(self) -> int:
        return 1 if self.stats.failed else 0

    def to_dict(self) -> dict[str, Any]:
        new_bytes = self.stats.nbytes - (self.resumed.nbytes if self.resumed else 0)
        return {
            **self.stats.to_dict(),
            "seconds": round(self.seconds, 3),
            "mb_per_s": round(new_bytes / 1e6 / self.seconds, 3) if self.seconds else None,
            "workers": self.workers,
            "worker_init_seconds": [round(x, 3) for x in self.worker_init],
            "resumed_documents": self.resumed.docs if self.resumed else 0,
            "errors": str(self.errors_path),
            "reports": str(self.reports_path) if self.reports_path else None,
        }

    def lines(self) -> list[str]:
        s = self.stats
        d = self.to_dict()
        mb = s.nbytes / 1e6
        new_docs = s.docs - (self.resumed.docs if self.resumed else 0)
        rate = (
            f"{d['mb_per_s']:.2f} MB/s, {new_docs / self.seconds:.1f} docs/s"
            if (self.seconds)
            else ""
        )
        out = [
            f"clean: {s.docs} documents ({mb:.1f} MB): {s.changed} changed, {s.failed} failed; "
            f"{self.seconds:.1f} s, {rate}, {self.workers} worker(s)"
        ]
        if self.resumed and self.resumed.docs:
            out.append(f"clean: resumed: {self.resumed.docs} documents were done before")
        if s.by_pass:
            per = ", ".join(f"{k} {v}" for k, v in sorted(s.by_pass.items()))
            out.append(f"clean: changes per pass: {per}")
        if s.notext:
            out.append(
                f"clean: {s.notext} JSON documents had no text field (copied unchanged; "
                "give --field if they should have one)"
            )
        extra = f"; {s.skipped} not placeable in XML markup" if s.skipped else ""
        out.append(f"clean: {s.suggested} suggestions not applied{extra}")
        if s.failed:
            out.append(f"clean: failed documents are listed in {self.errors_path}")
        return out


class Progress:
    """A one-line progress display on stderr (docs, MB, docs/s, MB/s, ETA); off if not a tty."""

    def __init__(self, enabled: bool, total_bytes: Iterator[int] | None = None) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.docs = 0
        self.nbytes = 0
        self.total: int | None = None
        if enabled and total_bytes is not None:
            threading.Thread(target=self._count, args=(total_bytes,), daemon=True).start()

    def _count(self, sizes: Iterator[int]) -> None:
        n = 0
        for x in sizes:
            n += x
        self.total = n

    def update(self, docs: int, nbytes: int) -> None:
        self.docs += docs
        self.nbytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        dt = max(now - self.start, 1e-9)
        rate = self.nbytes / dt
        eta = ""
        if self.total and rate > 0:
            left = max(self.total - self.nbytes, 0) / rate
            eta = f" | ETA {int(left // 3600)}:{int(left % 3600 // 60):02d}:{int(left % 60):02d}"
        sys.stderr.write(
            f"\r{self.docs} docs | {self.nbytes / 1e6:.1f} MB | {self.docs / dt:.1f} docs/s"
            f" | {rate / 1e6:.2f} MB/s{eta}   "
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


@dataclass(frozen=True)
class _Root:
    path: Path
    prefix: str
    source: Source | None  # an explicit file


def _roots(o: BatchOptions) -> list[_Root]:
    if not o.paths:
        raise UsageError("batch mode needs at least one input PATH (a directory or a file)")
    if o.fmt is not None and o.fmt not in FORMATS:
        raise UsageError(f"unknown --format {o.fmt!r}; valid: {', '.join(FORMATS)}")
    roots: list[_Root] = []
    for p in o.paths:
        path = Path(p)
        if not path.exists():
            raise InputUnreadable(f"{p}: no such file or directory")
        if not os.access(path, os.R_OK):
            raise InputUnreadable(f"{p}: permission denied")
        if path.is_dir():
            prefix = "" if len(o.paths) == 1 else path.resolve().name
            roots.append(_Root(path, prefix, None))
            continue
        fmt = o.fmt or format_of(path.name)
        if fmt is None:
            raise UsageError(f"{p}: cannot tell the format from the name; use --format")
        rel = path.name
        roots.append(_Root(path, rel, Source(path, rel, fmt, path.stat().st_size)))
    names = [r.prefix for r in roots]
    if len(set(names)) != len(names):
        raise UsageError("two inputs have the same name; their outputs would collide")
    return roots


def _state_dir(o: BatchOptions, roots: list[_Root]) -> Path:
    if o.out:
        return Path(o.out) / STATE_DIR
    first = roots[0]
    base = first.path if first.source is None else first.path.parent
    return base / STATE_DIR


def _fingerprint(o: BatchOptions) -> dict[str, Any]:
    import json

    fp = {
        "version": 1,
        "inputs": [str(Path(p).resolve()) for p in o.paths],
        "out": str(Path(o.out).resolve()) if o.out else None,
        "in_place": o.in_place,
        "config": dataclasses.asdict(o.config),
        "field": o.field,
        "format": o.fmt,
        "encoding_errors": o.encoding_errors,
        "reports": str(Path(o.reports).resolve()) if o.reports else None,
    }
    return dict(json.loads(json.dumps(fp)))  # as it reads back from run.json


class Batch:
    def __init__(self, o: BatchOptions) -> None:
        if bool(o.out) == bool(o.in_place):
            raise UsageError("give exactly one of --out DIR and --in-place")
        if o.jobs is not None and o.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        if o.scheduler and o.engine != "dask":
            raise UsageError("--scheduler needs --engine dask")
        if o.field:
            from cleaner.batch.documents import parse_field

            try:
                parse_field(o.field)
            except ValueError as e:
                raise UsageError(f"--field: {e}") from None
        self.o = o
        self.roots = _roots(o)
        self.out = Path(o.out) if o.out else None
        if self.out is not None:
            for r in self.roots:
                rp = r.path.resolve()
                if r.source is not None and rp.parent == self.out.resolve():
                    raise UsageError(f"{r.path}: the output would overwrite the input")
                if r.source is None and rp == self.out.resolve():
                    raise UsageError("--out is the input directory; use --in-place for that")
        self.state = RunState(
            _state_dir(o, self.roots),
            Path(o.reports) if o.reports else None,
            Path(o.errors) if o.errors else None,
            _fingerprint(o),
        )
        self.exclude = tuple(
            p.resolve()
            for p in (self.out, Path(o.reports) if o.reports else None, self.state.dir)
            if p is not None
        )
        self.opts = Options(o.config, o.field, o.encoding_errors, o.in_place)
        self.stats = Stats()
        self.prev = Previous()
        self.worker_init: dict[int, float] = {}
        self._streams: list[Source] = []
        self._rejected: list[Outcome] = []

    # -- inputs ------------------------------------------------------------------------------

    def sources(self) -> Iterator[Source | Rejected]:
        for r in self.roots:
            if r.source is not None:
                yield r.source
            else:
                yield from walk(r.path, r.prefix, self.o.fmt, self.exclude)

    def _dst(self, src: Source) -> Path:
        if self.o.in_place:
            return src.path
        assert self.out is not None
        return safe_join(self.out, src.rel)

    # -- the run -----------------------------------------------------------------------------

    def run(self) -> Summary:
        o = self.o
        if o.resume:
            prev_opts = self.state.previous_options()
            if prev_opts is not None and prev_opts != self.state.options:
                diff = sorted(
                    k for k in self.state.options if prev_opts.get(k) != self.state.options[k]
                )
                raise UsageError(
                    "--resume: the previous run in this directory used other options "
                    f"({', '.join(diff)}); run again without --resume to start afresh"
                )
            if prev_opts is not None:
                self.prev = self.state.load()
        resumed = self.prev.stats if o.resume else None
        self.stats.merge(self.prev.stats)
        self.state.open(resume=o.resume and bool(self.state.previous_options() is not None))
        engine = self._engine()
        show = sys.stderr.isatty() if o.progress is None else o.progress
        sizes = (s.size for s in self.sources() if isinstance(s, Source)) if show else None
        self.progress = Progress(show, sizes)
        t0 = time.monotonic()
        finished = False
        try:
            self._files(engine)
            for src in self._streams:
                if src.fmt == "jsonl":
                    self._jsonl(engine, src)
                else:
                    self._parquet(engine, src)
            finished = True
        finally:
            self.progress.close()
            try:
                self.state.close()
            finally:
                if finished:
                    engine.close()
                else:  # interrupted: do not wait for the tasks in flight
                    engine.terminate()
        seconds = time.monotonic() - t0
        summary = Summary(
            self.stats,
            seconds,
            engine.workers,
            sorted(self.worker_init.values()),
            resumed,
            self.state.errors_path,
            self.state.reports_path,
        )
        import json

        from cleaner.textio import write_atomic

        write_atomic(
            self.state.dir / "summary.json", json.dumps(summary.to_dict(), indent=1).encode()
        )
        return summary

    def _engine(self) -> Any:
        from cleaner.batch.executors import DaskEngine, InlineEngine, PoolEngine

        jobs = self.o.jobs or os.cpu_count() or 1
        if self.o.engine == "dask":
            return DaskEngine(self.opts, jobs, self.o.scheduler)
        if jobs == 1:
            return InlineEngine(self.opts)
        return PoolEngine(self.opts, jobs)

    def _account(self, res: TaskResult) -> Stats:
        pid, init = res.worker
        if pid and pid not in self.worker_init:
            self.worker_init[pid] = init
        stats = self.state.write_outcomes(res.outcomes)
        self.stats.merge(stats)
        self.progress.update(stats.docs, stats.nbytes)
        return stats

    def _fail(self, rel: str, reason: str) -> Outcome:
        return Outcome(rel, ok=False, reason=reason)

    # -- whole files ---------------------------------------------------------------------------

    def _file_tasks(self) -> Iterator[FilesTask]:
        self._streams = []
        batch: list[tuple[str, str, str, str]] = []
        size = 0
        failed: list[Outcome] = []
        for s in self.sources():
            if isinstance(s, Rejected):
                if self.prev.files.get(s.rel) is None:  # not already recorded as failed
                    failed.append(self._fail(s.rel, s.reason))
                continue
            if s.stream:
                self._streams.append(s)
                continue
            done = self.prev.files.get(s.rel)
            if done is not None:
                if not done or self.o.in_place:
                    continue
                try:
                    if self._dst(s).exists():
                        continue
                except UnsafePath:
                    pass
            try:
                dst = self._dst(s)
            except UnsafePath as e:
                failed.append(self._fail(s.rel, str(e)))
                continue
            batch.append((str(s.path), s.rel, str(dst), s.fmt))
            size += s.size
            if len(batch) >= FILES_PER_TASK or size >= BYTES_PER_TASK:
                yield FilesTask(tuple(batch))
                batch, size = [], 0
        if batch:
            yield FilesTask(tuple(batch))
        self._rejected = failed

    def _files(self, engine: Any) -> None:
        self._rejected = []
        last = time.monotonic()
        for res in engine.map(self._file_tasks(), ordered=False):
            stats = self._account(res)
            assert isinstance(res.task, FilesTask)
            done = [[o.source, o.ok] for o in res.outcomes]
            self.state.record({"t": "files", "done": done}, stats)
            if time.monotonic() - last > CHECKPOINT_SECONDS:
                self.state.checkpoint()
                last = time.monotonic()
        if self._rejected:
            stats = self.state.write_outcomes(self._rejected)
            self.stats.merge(stats)
            self.state.record(
                {"t": "files", "done": [[x.source, False] for x in self._rejected]}, stats
            )
        self.state.checkpoint()

    # -- JSONL ---------------------------------------------------------------------------------

    def _partial(self, src: Source) -> tuple[Path, Path]:
        final = self._dst(src)
        return final, final.with_name(f".{final.name}.partial")

    def _jsonl(self, engine: Any, src: Source) -> None:
        if src.rel in self.prev.complete:
            return
        try:
            final, partial = self._partial(src)
        except UnsafePath as e:
            self._record_failed(src, str(e))
            return
        partial.parent.mkdir(parents=True, exist_ok=True)
        rec = self.prev.lines.get(src.rel)
        start_line, in_off, out_off = 1, 0, 0
        if rec is not None and partial.exists() and partial.stat().st_size >= rec["out"]:
            start_line, in_off, out_off = rec["line"], rec["in"], rec["out"]
        try:
            inp = open(src.path, "rb")  # noqa: SIM115 (a with block follows)
        except OSError as e:
            self._record_failed(src, f"cannot read: {e.strerror}")
            return
        with inp, open(partial, "r+b" if out_off else "wb") as out:
            out.truncate(out_off)
            out.seek(out_off)
            inp.seek(in_off)

            def tasks() -> Iterator[LinesTask]:
                line_no = start_line
                pos = in_off
                while True:
                    lines: list[bytes] = []
                    size = 0
                    while len(lines) < LINES_PER_TASK and size < BYTES_PER_TASK:
                        raw = inp.readline()
                        if not raw:
                            break
                        lines.append(raw)
                        size += len(raw)
                    if not lines:
                        return
                    pos += size
                    yield LinesTask(src.rel, line_no, tuple(lines), pos)
                    line_no += len(lines)

            last = time.monotonic()
            for res in engine.map(tasks(), ordered=True):
                task = res.task
                assert isinstance(task, LinesTask)
                out.write(res.data)
                stats = self._account(res)
                self.state.record(
                    {
                        "t": "lines",
                        "source": src.rel,
                        "line": task.first + len(task.lines),
                        "in": task.end_offset,
                        "out": out.tell(),
                    },
                    stats,
                )
                if time.monotonic() - last > CHECKPOINT_SECONDS:
                    self.state.checkpoint(out)
                    last = time.monotonic()
            self.state.checkpoint(out)
            fsync_file(out)
        os.replace(partial, final)
        self.state.record({"t": "complete", "source": src.rel})
        self.state.checkpoint()

    def _record_failed(self, src: Source, reason: str) -> None:
        o = self._fail(src.rel, reason)
        o.nbytes = 0
        stats = self.state.write_outcomes([o])
        self.stats.merge(stats)
        self.state.record({"t": "complete", "source": src.rel}, stats)
        self.state.checkpoint()

    # -- Parquet -------------------------------------------------------------------------------

    def _parquet(self, engine: Any, src: Source) -> None:
        """Row group by row group into a partial file; a resumed run redoes an unfinished file."""
        if src.rel in self.prev.complete:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            final, partial = self._partial(src)
        except UnsafePath as e:
            self._record_failed(src, str(e))
            return
        try:
            pf = pq.ParquetFile(src.path)
        except Exception as e:
            self._record_failed(src, f"cannot read Parquet: {e}")
            return
        schema = pf.schema_arrow
        column = self.o.field or next((c for c in GUESSED_COLUMNS if c in schema.names), None)
        if column is None or column not in schema.names:
            self._record_failed(
                src, f"no text column (tried {column or ', '.join(GUESSED_COLUMNS)}); use --field"
            )
            return
        idx = schema.get_field_index(column)
        ftype = schema.field(idx).type
        if not (pa.types.is_string(ftype) or pa.types.is_large_string(ftype)):
            self._record_failed(src, f"column {column!r} is {ftype}, not a string column")
            return
        meta = pf.metadata
        compression = "snappy"
        if meta.num_row_groups and meta.num_columns:
            compression = meta.row_group(0).column(0).compression.lower()
            if compression == "uncompressed":
                compression = "none"
        partial.parent.mkdir(parents=True, exist_ok=True)
        tables: dict[int, Any] = {}
        stats_total = Stats()

        def tasks() -> Iterator[CellsTask]:
            row = 0
            for g in range(pf.num_row_groups):
                table = pf.read_row_group(g)
                tables[g] = table
                values = table.column(idx).to_pylist()
                ids = table.column("id").to_pylist() if "id" in schema.names else None
                if not values:
                    yield CellsTask(src.rel, row, column, (), g)
                i = 0
                while i < len(values):
                    j, size = i, 0
                    while j < len(values) and j - i < LINES_PER_TASK and size < BYTES_PER_TASK:
                        size += len(values[j] or "")
                        j += 1
                    yield CellsTask(
                        src.rel,
                        row + i,
                        column,
                        tuple(values[i:j]),
                        g,
                        tuple(ids[i:j]) if ids is not None else None,
                    )
                    i = j
                row += len(values)

        try:
            with pq.ParquetWriter(partial, schema, compression=compression) as writer:
                current: list[str | None] = []
                group = 0
                for res in engine.map(tasks(), ordered=True):
                    task = res.task
                    assert isinstance(task, CellsTask)
                    stats_total.merge(self._account(res))
                    current.extend(res.values)
                    table = tables[task.group]
                    if len(current) == table.num_rows:
                        arr = pa.array(current, type=ftype)
                        table = table.set_column(idx, schema.field(idx), arr)
                        writer.write_table(table, row_group_size=max(table.num_rows, 1))
                        del tables[task.group]
                        current = []
                        group += 1
        except Exception as e:
            partial.unlink(missing_ok=True)
            self._record_failed(src, f"Parquet: {type(e).__name__}: {e}")
            return
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, final)
        self.state.record({"t": "complete", "source": src.rel}, stats_total)
        self.state.checkpoint()


def run(o: BatchOptions) -> Summary:
    """Run a batch; raises :class:`UsageError` / :class:`InputUnreadable` before any work."""
    return Batch(o).run()
