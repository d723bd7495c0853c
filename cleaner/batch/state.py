"""The state of a batch run: done-log, change reports, errors, and resuming honestly.

Files (under ``OUT/.clean/``, or ``ROOT/.clean/`` with ``--in-place``):

- ``run.json``: the options of the run; ``--resume`` refuses different options.
- ``done.jsonl``: records of the finished tasks, written AFTER the outputs, the report lines and
  the error lines it covers were flushed and fsync'd (at a checkpoint, about once a second).
  Each record carries the sizes of the reports and errors files at that point, so a resumed
  run cuts off lines written after the last record (they belong to work that is redone).
- ``errors.jsonl`` (or ``--errors FILE``): one line per failed document: source, at, reason.
- ``summary.json``: the summary of the last run.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cleaner.batch.documents import Outcome


@dataclass
class Stats:
    docs: int = 0
    changed: int = 0
    failed: int = 0
    nbytes: int = 0
    suggested: int = 0
    skipped: int = 0
    by_pass: Counter[str] = field(default_factory=Counter)
    notext: int = 0

    def add(self, o: Outcome) -> None:
        self.docs += 1
        self.nbytes += o.nbytes
        if not o.ok:
            self.failed += 1
            return
        self.changed += o.changed
        self.notext += o.notext
        self.suggested += o.suggested
        self.skipped += o.skipped
        self.by_pass.update({k: v for k, v in o.by_pass.items() if v})

    def merge(self, other: Stats) -> None:
        self.docs += other.docs
        self.changed += other.changed
        self.failed += other.failed
        self.nbytes += other.nbytes
        self.suggested += other.suggested
        self.skipped += other.skipped
        self.by_pass.update(other.by_pass)
        self.notext += other.notext

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.docs,
            "changed": self.changed,
            "failed": self.failed,
            "bytes": self.nbytes,
            "suggested": self.suggested,
            "skipped_in_markup": self.skipped,
            "changes_by_pass": dict(sorted(self.by_pass.items())),
            "without_text": self.notext,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stats:
        return cls(
            d.get("documents", 0),
            d.get("changed", 0),
            d.get("failed", 0),
            d.get("bytes", 0),
            d.get("suggested", 0),
            d.get("skipped_in_markup", 0),
            Counter(d.get("changes_by_pass", {})),
            d.get("without_text", 0),
        )


def fsync_file(f: IO[Any]) -> None:
    f.flush()
    os.fsync(f.fileno())


def _truncate(path: Path, size: int) -> None:
    if path.exists() and path.stat().st_size > size:
        with open(path, "r+b") as f:
            f.truncate(size)


@dataclass
class Previous:
    """What a previous run finished (read from its done-log)."""

    files: dict[str, bool] = field(default_factory=dict)  # rel -> ok
    lines: dict[str, dict[str, Any]] = field(default_factory=dict)  # last record per stream
    complete: set[str] = field(default_factory=set)
    stats: Stats = field(default_factory=Stats)


class RunState:
    """Writes the done-log, reports and errors; loads them to resume."""

    def __init__(
        self, state_dir: Path, reports: Path | None, errors: Path | None, options: dict[str, Any]
    ) -> None:
        self.dir = state_dir
        self.done_path = state_dir / "done.jsonl"
        self.run_path = state_dir / "run.json"
        self.errors_path = errors or state_dir / "errors.jsonl"
        self.reports_path = reports / "changes.jsonl" if reports else None
        self.options = options
        self.pending: list[dict[str, Any]] = []

    # -- starting ---------------------------------------------------------------------------

    def previous_options(self) -> dict[str, Any] | None:
        try:
            return dict(json.loads(self.run_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def load(self) -> Previous:
        """Read the done-log; cut reports/errors (and a torn last record) back to it."""
        prev = Previous()
        rep = err = 0
        good = 0
        if self.done_path.exists():
            with open(self.done_path, "rb") as f:
                for raw in f:
                    try:
                        rec = json.loads(raw)
                    except ValueError:
                        break
                    if not raw.endswith(b"\n"):
                        break
                    good += len(raw)
                    rep, err = rec.get("rep", rep), rec.get("err", err)
                    prev.stats.merge(Stats.from_dict(rec.get("stats", {})))
                    kind = rec.get("t")
                    if kind == "files":
                        for rel, ok in rec["done"]:
                            prev.files[rel] = bool(ok)
                    elif kind == "lines":
                        prev.lines[rec["source"]] = rec
                    elif kind == "complete":
                        prev.complete.add(rec["source"])
            _truncate(self.done_path, good)
        if self.reports_path is not None:
            _truncate(self.reports_path, rep)
        _truncate(self.errors_path, err)
        return prev

    def open(self, resume: bool) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        mode = "ab" if resume else "wb"
        if self.reports_path is not None:
            self.reports_path.parent.mkdir(parents=True, exist_ok=True)
        self.errors_path.parent.mkdir(parents=True, exist_ok=True)
        self.done = open(self.done_path, mode)  # noqa: SIM115 (closed in close())
        self.reports = (
            open(self.reports_path, mode)  # noqa: SIM115
            if self.reports_path
            else None
        )
        self.errors = open(self.errors_path, mode)  # noqa: SIM115 (closed in close())
        data = json.dumps(self.options, indent=1, sort_keys=True).encode()
        from cleaner.textio import write_atomic

        write_atomic(self.run_path, data)

    # -- while running ----------------------------------------------------------------------

    def write_outcomes(self, outcomes: list[Outcome]) -> Stats:
        stats = Stats()
        for o in outcomes:
            stats.add(o)
            if o.ok and o.report is not None and self.reports is not None:
                self.reports.write(o.report.encode("utf-8", "surrogatepass") + b"\n")
            if not o.ok:
                self.errors.write(o.error_line().encode("utf-8", "surrogatepass") + b"\n")
        return stats

    def record(self, rec: dict[str, Any], stats: Stats | None = None) -> None:
        """Queue a done-log record; it is written at the next checkpoint.

        Records queued between two checkpoints are merged (files: their lists joined; lines of
        one source: the last position kept), so the done-log grows by about one record a second.
        """
        rec["rep"] = self.reports.tell() if self.reports is not None else 0
        rec["err"] = self.errors.tell()
        st = Stats()
        if stats is not None:
            st.merge(stats)
        last = self.pending[-1] if self.pending else None
        if last is not None and last["t"] == rec["t"] == "files":
            last["done"].extend(rec["done"])
            last["rep"], last["err"] = rec["rep"], rec["err"]
            last["_stats"].merge(st)
        elif (
            last is not None
            and last["t"] == rec["t"] == "lines"
            and last["source"] == rec["source"]
        ):
            stats_so_far = last["_stats"]
            last.update(rec)
            stats_so_far.merge(st)
            last["_stats"] = stats_so_far
        else:
            rec["_stats"] = st
            self.pending.append(rec)

    def checkpoint(self, *streams: IO[Any]) -> None:
        """Make outputs, reports and errors durable, then the records that cover them."""
        if not self.pending:
            return
        for s in streams:
            fsync_file(s)
        if self.reports is not None:
            fsync_file(self.reports)
        fsync_file(self.errors)
        lines = []
        for rec in self.pending:
            st = rec.pop("_stats")
            if st.docs:
                rec["stats"] = st.to_dict()
            lines.append(json.dumps(rec, ensure_ascii=False))
        self.done.write(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
        fsync_file(self.done)
        self.pending.clear()

    def close(self) -> None:
        self.checkpoint()
        for f in (self.done, self.reports, self.errors):
            if f is not None:
                f.close()
