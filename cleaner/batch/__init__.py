"""Batch cleaning at corpus scale: directories, JSON/JSONL, CAP XML and Parquet; local or Dask.

The entry point is the ``clean PATH... --out DIR`` command (:func:`cleaner.batch.cli.run_batch`);
see docs/batch.md.
"""
