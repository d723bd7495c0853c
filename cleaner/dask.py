"""Cleaning inside Dask, for users whose data already is a Dask bag or dataframe.

Each worker process builds ONE :class:`~cleaner.Cleaner` per configuration, on first use
(dictionaries load once per process), and cleans its partitions with it.

>>> import dask.bag as db
>>> bag = db.from_sequence(["the court", "held"], npartitions=1)
>>> clean_bag(bag).compute(scheduler="sync")
['the court', 'held']

For a whole corpus on disk use the batch command instead (``clean DIR --out OUT --engine
dask --scheduler tcp://HOST:8786``), which also writes outputs, reports and a resumable
done-log; see docs/batch.md.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from cleaner.batch.worker import get_cleaner
from cleaner.config import Config, make_config

Output = Literal["text", "dict"]


def _clean_partition(texts: Any, config: Config, output: Output) -> list[Any]:
    cleaner = get_cleaner(config)
    out: list[Any] = []
    for t in texts:
        r = cleaner.clean(t)
        out.append(r.text if output == "text" else r.to_dict())
    return out


def clean_bag(
    bag: Any, *, output: Output = "text", config: Config | None = None, **options: Any
) -> Any:
    """A bag of texts -> a bag of clean texts (``output="text"``) or of reports
    (``output="dict"``: :meth:`Result.to_dict`, the clean text and its changes).

    ``options`` are those of :class:`~cleaner.Config` (``skip=("quotes",)``...).
    """
    if output not in ("text", "dict"):
        raise ValueError(f"output must be 'text' or 'dict', got {output!r}")
    cfg = make_config(config, **options)
    return bag.map_partitions(_clean_partition, cfg, output)


def _clean_frame(pdf: Any, column: str, config: Config, report_column: str | None) -> Any:
    cleaner = get_cleaner(config)
    pdf = pdf.copy()
    texts: list[Any] = []
    reports: list[str | None] = []
    for v in pdf[column].tolist():
        if isinstance(v, str):
            r = cleaner.clean(v)
            texts.append(r.text)
            d = r.to_dict()
            del d["text"]
            reports.append(json.dumps(d, ensure_ascii=False))
        else:  # None / NaN: nothing to clean
            texts.append(v)
            reports.append(None)
    pdf[column] = texts
    if report_column is not None:
        pdf[report_column] = reports
    return pdf


def clean_dataframe(
    ddf: Any,
    column: str,
    *,
    report_column: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> Any:
    """A Dask dataframe with ``column`` cleaned (missing values stay missing).

    With ``report_column``, a column of that name gets each row's change report (JSON text:
    changes and page markers, offsets in the original text). Needs pandas.
    """
    cfg = make_config(config, **options)
    if column not in ddf.columns:
        raise KeyError(f"no column {column!r}; columns: {', '.join(map(str, ddf.columns))}")
    meta = ddf._meta.copy()
    if report_column is not None:
        meta[report_column] = meta[column].astype(object)
    return ddf.map_partitions(_clean_frame, column, cfg, report_column, meta=meta)


__all__ = ["clean_bag", "clean_dataframe"]
