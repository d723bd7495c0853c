"""A Dask worker plugin that builds the worker's Cleaner when the worker starts."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from cleaner.config import Config


class CleanerPlugin(WorkerPlugin):
    """Build (and warm up) one Cleaner per worker process, once."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        from cleaner.batch.worker import get_cleaner

        get_cleaner(self.config)
