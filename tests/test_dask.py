"""Dask, for real: a LocalCluster of 2 worker processes gives the same output as a local run.

Marked ``dask`` (deselect with ``-m 'not dask'``); runs by default. About 15-30 s.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner
from cleaner.batch.runner import BatchOptions, run
from cleaner.config import Config
from tests.test_batch import OCR, files_of, make_tree, report_lines

pytestmark = pytest.mark.dask


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as c,
        distributed.Client(c) as client,
    ):
        yield c, client


def test_batch_on_a_cluster_equals_local(cluster: Any, tmp_path: Path) -> None:
    c, _ = cluster
    corpus = make_tree(tmp_path / "in")
    local = run(
        BatchOptions(
            paths=[str(corpus)],
            config=Config(),
            out=str(tmp_path / "local"),
            reports=str(tmp_path / "local-r"),
            jobs=1,
        )
    )
    remote = run(
        BatchOptions(
            paths=[str(corpus)],
            config=Config(),
            out=str(tmp_path / "dask"),
            reports=str(tmp_path / "dask-r"),
            engine="dask",
            scheduler=c.scheduler_address,
        )
    )
    assert remote.exit_code == local.exit_code == 0
    assert remote.workers == 2
    assert len(remote.worker_init) == 2  # both workers did some of the work
    assert files_of(tmp_path / "dask") == files_of(tmp_path / "local")
    a = sorted(report_lines(tmp_path / "dask-r" / "changes.jsonl"), key=json.dumps)
    b = sorted(report_lines(tmp_path / "local-r" / "changes.jsonl"), key=json.dumps)
    assert a == b
    assert remote.stats.to_dict() == local.stats.to_dict()


def test_engine_dask_starts_its_own_cluster(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i, t in enumerate(OCR):
        (tmp_path / "in" / f"{i}.txt").write_text(t)
    s = run(
        BatchOptions(
            paths=[str(tmp_path / "in")],
            config=Config(),
            out=str(tmp_path / "o"),
            engine="dask",
            jobs=2,
        )
    )
    assert s.exit_code == 0 and s.workers == 2
    cleaner = Cleaner()
    for i, t in enumerate(OCR):
        assert (tmp_path / "o" / f"{i}.txt").read_text() == cleaner.clean(t).text


def test_clean_bag(cluster: Any) -> None:
    import dask.bag as db

    from cleaner.dask import clean_bag

    _ = cluster  # its Client is the default one: compute() runs there
    texts = OCR * 5
    bag = db.from_sequence(texts, npartitions=4)  # type: ignore[no-untyped-call]
    cleaner = Cleaner()
    assert clean_bag(bag).compute() == [cleaner.clean(t).text for t in texts]
    dicts = clean_bag(bag, output="dict").compute()
    assert dicts == [cleaner.clean(t).to_dict() for t in texts]
    skipped = clean_bag(bag, skip=("quotes",)).compute()
    assert skipped == [Cleaner(skip=("quotes",)).clean(t).text for t in texts]
    with pytest.raises(ValueError):
        clean_bag(bag, output="html")  # type: ignore[arg-type]


def test_clean_dataframe(cluster: Any) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed (dask.dataframe needs it)")
    import dask.dataframe as dd

    from cleaner.dask import clean_dataframe

    texts = [*OCR, None, *OCR[:3]]
    pdf = pd.DataFrame({"id": range(8), "text": texts})
    ddf = dd.from_pandas(pdf, npartitions=3)  # type: ignore[no-untyped-call]
    got = clean_dataframe(ddf, "text", report_column="report").compute()
    cleaner = Cleaner()
    got_texts = [None if pd.isna(t) else t for t in got["text"].tolist()]
    assert got_texts == [None if t is None else cleaner.clean(t).text for t in texts]
    assert pd.isna(got["report"].iloc[4])
    report = json.loads(got["report"].iloc[0])
    assert report["changes"] == [c.to_dict() for c in cleaner.clean(OCR[0]).changes]
    with pytest.raises(KeyError):
        clean_dataframe(ddf, "nope")
