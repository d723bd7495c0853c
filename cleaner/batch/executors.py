"""Engines that run tasks: in this process, a local process pool, or a Dask cluster.

Each engine maps :func:`cleaner.batch.worker.run_task` over a lazy stream of tasks with a
bounded number of tasks in flight (memory stays bounded however big the input is), in order
(streams) or as they complete (whole files).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from cleaner.batch.worker import (
    FilesTask,
    LinesTask,
    Options,
    Task,
    TaskResult,
    get_cleaner,
    pool_init,
    pool_run,
    run_task,
)


class Engine(Protocol):
    workers: int

    def map(self, tasks: Iterable[Task], *, ordered: bool) -> Iterator[TaskResult]: ...

    def close(self) -> None: ...

    def terminate(self) -> None: ...


class InlineEngine:
    """``--jobs 1``: everything in this process."""

    workers = 1

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        get_cleaner(opts.config)

    def map(self, tasks: Iterable[Task], *, ordered: bool) -> Iterator[TaskResult]:
        for t in tasks:
            yield run_task(t, self.opts)

    def close(self) -> None:
        pass

    def terminate(self) -> None:
        pass


class WorkerDied(RuntimeError):
    """A worker process died (killed, out of memory...) while cleaning the named documents."""


def describe(task: Task) -> str:
    if isinstance(task, FilesTask):
        return ", ".join(item[1] for item in task.items)
    if isinstance(task, LinesTask):
        return f"{task.source} lines {task.first}-{task.first + len(task.lines) - 1}"
    return f"{task.source} rows {task.first}-{task.first + len(task.values) - 1}"


class PoolEngine:
    """A local process pool; the initializer builds one Cleaner per worker.

    ``concurrent.futures`` rather than ``multiprocessing.Pool``: when a worker dies, the run
    stops with the names of the documents in flight instead of waiting forever.
    """

    def __init__(self, opts: Options, workers: int) -> None:
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pool = ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=pool_init, initargs=(opts,)
        )
        self.inflight = max(4, 3 * workers)

    def _result(self, fut: Future[TaskResult], task: Task, inflight: Iterable[Task]) -> TaskResult:
        try:
            return fut.result()
        except BrokenProcessPool:
            names = "; ".join(describe(t) for t in (task, *inflight))
            raise WorkerDied(
                f"a worker process died (killed? out of memory?) while cleaning one of: {names}"
            ) from None

    def map(self, tasks: Iterable[Task], *, ordered: bool) -> Iterator[TaskResult]:
        if ordered:
            q: deque[tuple[Future[TaskResult], Task]] = deque()
            for t in tasks:
                q.append((self.pool.submit(pool_run, t), t))
                if len(q) >= self.inflight:
                    f, task = q.popleft()
                    yield self._result(f, task, (x for _, x in q))
            while q:
                f, task = q.popleft()
                yield self._result(f, task, (x for _, x in q))
            return
        pending: dict[Future[TaskResult], Task] = {}

        def drain(limit: int) -> Iterator[TaskResult]:
            while len(pending) > limit:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    task = pending.pop(f)
                    yield self._result(f, task, pending.values())

        for t in tasks:
            pending[self.pool.submit(pool_run, t)] = t
            yield from drain(self.inflight - 1)
        yield from drain(0)

    def close(self) -> None:
        self.pool.shutdown(wait=True)

    def terminate(self) -> None:
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.terminate()


class DaskEngine:
    """Tasks submitted to a Dask cluster (an existing scheduler, or a LocalCluster)."""

    # distributed is untyped: its calls are typed Any here

    def __init__(self, opts: Options, workers: int, scheduler: str | None) -> None:
        from distributed import Client, LocalCluster

        from cleaner.batch.dask_plugin import CleanerPlugin

        self.opts = opts
        self.cluster: Any = None
        if scheduler:
            self.client = Client(scheduler)  # type: ignore[no-untyped-call]
        else:
            import dask

            # the statistical profiler samples every task thread every 10 ms: not needed here
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                )
            self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
        self.client.register_plugin(CleanerPlugin(opts.config), name="cleaner")
        info = self.client.scheduler_info()
        nthreads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
        self.workers = max(1, nthreads)
        self.inflight = max(4, 3 * self.workers)

    def _submit(self, task: Task) -> Any:
        return self.client.submit(run_task, task, self.opts, pure=False)

    def map(self, tasks: Iterable[Task], *, ordered: bool) -> Iterator[TaskResult]:
        from distributed import as_completed

        if ordered:
            q: deque[Any] = deque()
            for t in tasks:
                q.append(self._submit(t))
                if len(q) >= self.inflight:
                    yield q.popleft().result()
            while q:
                yield q.popleft().result()
            return
        ac = as_completed()  # type: ignore[no-untyped-call]
        n = 0
        for t in tasks:
            ac.add(self._submit(t))  # type: ignore[no-untyped-call]
            n += 1
            if n >= self.inflight:
                yield next(ac).result()
                n -= 1
        for f in ac:
            yield f.result()

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]
        if self.cluster is not None:
            self.cluster.close()

    def terminate(self) -> None:
        self.client.cancel(list(self.client.futures.values()))  # type: ignore[no-untyped-call]
        self.close()
