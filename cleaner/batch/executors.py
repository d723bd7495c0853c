"""Engines that run tasks: in this process, a local process pool, or a Dask cluster.

Each engine maps :func:`cleaner.batch.worker.run_task` over a lazy stream of tasks with a
bounded number of tasks in flight (memory stays bounded however big the input is), in order
(streams) or as they complete (whole files).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from cleaner.batch.worker import (
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


class PoolEngine:
    """A local ``multiprocessing`` pool; the initializer builds one Cleaner per worker."""

    def __init__(self, opts: Options, workers: int) -> None:
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pool = ctx.Pool(workers, initializer=pool_init, initargs=(opts,))
        self.inflight = max(4, 3 * workers)

    def map(self, tasks: Iterable[Task], *, ordered: bool) -> Iterator[TaskResult]:
        sem = threading.Semaphore(self.inflight)
        stop = threading.Event()

        def feed() -> Iterator[Task]:
            for t in tasks:
                while not sem.acquire(timeout=0.1):
                    if stop.is_set():
                        return
                yield t

        mapper = self.pool.imap if ordered else self.pool.imap_unordered
        try:
            for res in mapper(pool_run, feed()):
                sem.release()
                yield res
        finally:
            stop.set()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def terminate(self) -> None:
        self.pool.terminate()
        self.pool.join()


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
