"""Batch mode: every input format, parallel = serial, resume, errors, atomicity, path safety.

The fixtures are small documents shaped like CAP's and CourtListener's (written here, not
copied). Expected outputs come from ``Cleaner(config).clean(text)`` on the same text, so the
tests do not depend on what the passes change.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner
from cleaner.batch.documents import find_strings, parse_field
from cleaner.batch.paths import UnsafePath, safe_join, safe_relative, write_atomic
from cleaner.batch.runner import BatchOptions, InputUnreadable, Summary, UsageError, run
from cleaner.batch.xmlbody import clean_xml
from cleaner.config import Config
from cleaner.textio import BOM
from tests.conftest import ROOT

CONFIG = Config()
NS = 'xmlns="http://nrs.harvard.edu/urn-3:HLS.Libr.US_Case_Law.Schema.Case_Body:v1"'

OCR = [
    "The. officers went to the house of Mr. Pau-\nluk and [0]nly found the door open.",
    "DeSha-*1127ney v. Winnebago County, 489 U.S. 189 (1989). Id, at 195.",
    "The court held that the \u25a0 motion was denied. \u201cWe affirm.\u201d",
    "Justice Holmes wrote for the Court.",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(CONFIG)


def clean_text(cleaner: Cleaner, text: str) -> str:
    return cleaner.clean(text).text


def api_xml(paragraphs: list[str], page: int = 12) -> str:
    ps = "\n    ".join(f'<p id="p{i}">{p}</p>' for i, p in enumerate(paragraphs))
    return (
        f'<casebody firstpage="{page}" lastpage="{page + 1}" {NS}>\n'
        f'  <parties id="b1">A v. B.</parties>\n  <opinion type="majority">\n'
        f'    <author id="b2">HOLMES, J.</author>\n    {ps}\n'
        f'    <p id="px">word <page-number label="{page + 1}">*{page + 1}</page-number>next '
        "<em>Pau-luk</em> the. end</p>\n  </opinion>\n</casebody>\n"
    )


def static_json(i: int) -> dict[str, Any]:
    return {
        "id": 8000 + i,
        "name": "A v. B",
        "analysis": {"ocr_confidence": 0.672, "char_count": 100},
        "casebody": {
            "judges": ["Before X, Judge."],
            "opinions": [
                {"type": "majority", "author": "HOOD, J.", "text": OCR[i % 4]},
                {"type": "dissent", "author": "Y, J.", "text": OCR[(i + 1) % 4]},
            ],
        },
    }


def api_json(i: int) -> dict[str, Any]:
    return {
        "id": 9000 + i,
        "name_abbreviation": "People v. Doe",
        "casebody": {"status": "ok", "data": api_xml([OCR[i % 4], OCR[(i + 2) % 4]])},
    }


def courtlistener_json(i: int) -> dict[str, Any]:
    return {
        "id": 891000 + i,
        "cluster": f"https://www.courtlistener.com/api/rest/v3/clusters/{i}/",
        "type": "010combined",
        "plain_text": OCR[i % 4],
        "html_with_citations": "<p>not touched</p>",
    }


def mets_xml() -> str:
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<mets xmlns="http://www.loc.gov/METS/">\n  <dmdSec ID="case"><mdWrap><xmlData>'
        "<case><name>Pau-luk the. name</name></case></xmlData></mdWrap></dmdSec>\n"
        '  <fileSec><fileGrp USE="casebody"><file><FContent><xmlData>\n'
        + api_xml([OCR[0], OCR[2]]).replace("<casebody", '<casebody pgmap="x"')
        + "</xmlData></FContent></file></fileGrp></fileSec>\n</mets>\n"
    )


def make_tree(root: Path) -> Path:
    """A small corpus of every format; returns its root."""
    (root / "txt" / "vol1").mkdir(parents=True)
    for i, t in enumerate(OCR):
        (root / "txt" / "vol1" / f"case{i}.txt").write_text(t, encoding="utf-8")
    (root / "txt" / "bom.txt").write_bytes((BOM + OCR[1] + "\r\n").encode())
    (root / "cap").mkdir()
    for i in range(3):
        (root / "cap" / f"static{i}.json").write_text(json.dumps(static_json(i), indent=1))
        (root / "cap" / f"api{i}.json").write_text(json.dumps(api_json(i), indent=2))
        (root / "cap" / f"cl{i}.json").write_text(json.dumps(courtlistener_json(i)))
    (root / "cap" / "mets.xml").write_text(mets_xml(), encoding="utf-8")
    with open(root / "cap" / "cases.jsonl", "w", encoding="utf-8") as f:
        for i in range(150):  # several tasks
            f.write(json.dumps(api_json(i) if i % 2 else static_json(i)) + "\n")
    write_parquet(root / "pq" / "opinions.parquet", 3)
    (root / "ignored.csv").write_text("a,b\n")
    return root


def write_parquet(path: Path, groups: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    schema = pa.schema(
        [("id", pa.int64()), ("text", pa.string()), ("court", pa.string())],
        metadata={b"origin": b"test"},
    )
    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        for g in range(groups):
            n = 70 + g
            ids = list(range(g * 1000, g * 1000 + n))
            texts = [None if k % 17 == 0 else OCR[k % 4] + f" ({k})" for k in ids]
            w.write_table(pa.table({"id": ids, "text": texts, "court": ["ark"] * n}, schema=schema))


def batch(paths: list[Path], out: Path | None, **kw: Any) -> Summary:
    kw.setdefault("jobs", 1)
    return run(
        BatchOptions(
            paths=[str(p) for p in paths], config=CONFIG, out=str(out) if out else None, **kw
        )
    )


def files_of(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".clean" not in p.parts
    }


def report_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tree(tmp_path_factory.mktemp("in"))


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Summary]:
    out = tmp_path_factory.mktemp("serial")
    summary = batch([corpus], out / "o", reports=str(out / "r"))
    return out, summary


# -- formats --------------------------------------------------------------------------------------


def test_txt(corpus: Path, serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    out = serial[0] / "o"
    for i, t in enumerate(OCR):
        got = (out / "txt" / "vol1" / f"case{i}.txt").read_text(encoding="utf-8")
        assert got == clean_text(cleaner, t)
    raw = (out / "txt" / "bom.txt").read_bytes()
    assert raw.startswith(BOM.encode())
    assert raw.decode()[1:] == clean_text(cleaner, OCR[1] + "\r\n")
    assert not (out / "ignored.csv").exists()


def test_cap_static_json(serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    for i in range(3):
        got = json.loads((serial[0] / "o" / "cap" / f"static{i}.json").read_text())
        want = static_json(i)
        for op in want["casebody"]["opinions"]:
            op["text"] = clean_text(cleaner, op["text"])
        assert got == want  # every other field (floats too) as it was


def test_cap_api_json(serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    for i in range(3):
        got = json.loads((serial[0] / "o" / "cap" / f"api{i}.json").read_text())
        want = api_json(i)
        want["casebody"]["data"] = clean_xml(want["casebody"]["data"], cleaner).xml
        assert got == want


def test_courtlistener_json(serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    for i in range(3):
        got = json.loads((serial[0] / "o" / "cap" / f"cl{i}.json").read_text())
        want = courtlistener_json(i)
        want["plain_text"] = clean_text(cleaner, want["plain_text"])
        assert got == want


def test_mets_xml(corpus: Path, serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    got = (serial[0] / "o" / "cap" / "mets.xml").read_text(encoding="utf-8")
    assert got == clean_xml(mets_xml(), cleaner).xml
    assert "<name>Pau-luk the. name</name>" in got  # outside <casebody>: untouched


def test_jsonl(serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    lines = (serial[0] / "o" / "cap" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 150
    for i in (0, 1, 2, 77, 149):
        got = json.loads(lines[i])
        if i % 2:
            want = api_json(i)
            want["casebody"]["data"] = clean_xml(want["casebody"]["data"], cleaner).xml
        else:
            want = static_json(i)
            for op in want["casebody"]["opinions"]:
                op["text"] = clean_text(cleaner, op["text"])
        assert got == want


def test_parquet(corpus: Path, serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    import pyarrow.parquet as pq

    src = pq.ParquetFile(corpus / "pq" / "opinions.parquet")
    dst = pq.ParquetFile(serial[0] / "o" / "pq" / "opinions.parquet")
    assert dst.schema_arrow.equals(src.schema_arrow, check_metadata=True)
    assert dst.num_row_groups == src.num_row_groups
    for g in range(src.num_row_groups):
        a, b = src.read_row_group(g), dst.read_row_group(g)
        assert a.num_rows == b.num_rows
        assert a.column("id") == b.column("id") and a.column("court") == b.column("court")
        want = [None if t is None else clean_text(cleaner, t) for t in a.column("text").to_pylist()]
        assert b.column("text").to_pylist() == want
    assert dst.metadata.row_group(0).column(1).compression == "ZSTD"


def test_reports(serial: tuple[Path, Summary], cleaner: Cleaner) -> None:
    out, summary = serial
    reports = report_lines(out / "r" / "changes.jsonl")
    assert summary.stats.failed == 0
    assert len(reports) == summary.stats.docs
    by = {(r["source"], r.get("at")): r for r in reports}
    r = by[("txt/vol1/case0.txt", None)]
    result = cleaner.clean(OCR[0])
    assert r["texts"] == [
        {"field": None, "changes": [c.to_dict() for c in result.changes], "page_markers": []}
    ]
    assert by[("cap/static1.json", None)]["id"] == 8001
    assert [t["field"] for t in by[("cap/static1.json", None)]["texts"]] == [
        "casebody.opinions[0].text",
        "casebody.opinions[1].text",
    ]
    assert by[("cap/cases.jsonl", "line 2")]["id"] == 9001
    assert by[("pq/opinions.parquet", "row 5")]["id"] == 5
    assert by[("pq/opinions.parquet", "row 70")]["id"] == 1000  # row group 2
    assert summary.stats.changed == sum(r["changed"] for r in reports)


def test_field_option(tmp_path: Path, cleaner: Cleaner) -> None:
    src = tmp_path / "docs.jsonl"
    rows = [{"meta": {"body": [{"t": OCR[0]}, {"t": OCR[1]}]}, "text": "not this"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert batch([src], tmp_path / "o", field="meta.body[].t").exit_code == 0
    got = json.loads((tmp_path / "o" / "docs.jsonl").read_text())
    assert got["text"] == "not this"
    assert [x["t"] for x in got["meta"]["body"]] == [clean_text(cleaner, t) for t in OCR[:2]]


@pytest.mark.parametrize(
    ("spec", "paths"),
    [
        ("text", ["text"]),
        ("a.b", ["a.b"]),
        ("a[].b", ["a[0].b", "a[1].b"]),
        ("a[1].b", ["a[1].b"]),
        ("a[5].b", []),
        ("missing.x", []),
    ],
)
def test_find_strings(spec: str, paths: list[str]) -> None:
    obj = {"text": "t", "a": [{"b": "x"}, {"b": "y"}], "n": 3}
    if spec == "a.b":
        obj = {"a": {"b": "z"}}
    assert [p for p, _, _ in find_strings(obj, spec)] == paths


def test_parse_field_errors() -> None:
    with pytest.raises(ValueError):
        parse_field("")
    with pytest.raises(ValueError):
        parse_field("a[x]")


# -- parallel, unchanged documents ----------------------------------------------------------------


def test_jobs_2_equals_jobs_1(corpus: Path, serial: tuple[Path, Summary], tmp_path: Path) -> None:
    s = batch([corpus], tmp_path / "o", reports=str(tmp_path / "r"), jobs=2)
    assert s.workers == 2 and len(s.worker_init) == 2
    assert files_of(tmp_path / "o") == files_of(serial[0] / "o")
    a = sorted(report_lines(tmp_path / "r" / "changes.jsonl"), key=json.dumps)
    b = sorted(report_lines(serial[0] / "r" / "changes.jsonl"), key=json.dumps)
    assert a == b
    assert s.stats.to_dict() == serial[1].stats.to_dict()


def test_unchanged_documents_are_copied_byte_for_byte(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    doc = {"id": 1, "plain_text": OCR[3], "x": 1.50}
    raw = json.dumps(doc, indent=3).encode()
    (tmp_path / "in" / "a.json").write_bytes(raw)
    (tmp_path / "in" / "b.txt").write_text(OCR[3])
    batch([tmp_path / "in"], tmp_path / "o")
    if Cleaner(CONFIG).clean(OCR[3]).changed:
        pytest.skip("the pipeline now changes the clean sentence")
    assert (tmp_path / "o" / "a.json").read_bytes() == raw
    assert (tmp_path / "o" / "b.txt").read_text() == OCR[3]


# -- failures -------------------------------------------------------------------------------------


def test_failures_are_recorded_and_the_run_goes_on(tmp_path: Path, cleaner: Cleaner) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(OCR[0])
    (d / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (d / "binary.txt").write_bytes(b"\x00\x01\x02")
    (d / "broken.xml").write_text(f"<casebody {NS}><p>a</judges></casebody>")
    (d / "nobody.xml").write_text("<mets><p>a</p></mets>")
    (d / "bad.json").write_text("{not json")
    (d / "nofield.json").write_text(json.dumps({"title": "x"}))
    (d / "CasesMetadata.json").write_text(json.dumps([{"id": 1, "name": "A v. B"}]))
    (d / "api.json").write_text(
        json.dumps({"casebody": {"data": f"<casebody {NS}><p>a</x></casebody>"}})
    )
    lines = [json.dumps({"text": OCR[0]}), "{oops", "", json.dumps({"text": OCR[1]})]
    (d / "l.jsonl").write_text("\n".join(lines) + "\n")
    s = batch([d], tmp_path / "o", reports=str(tmp_path / "r"))
    assert s.exit_code == 1
    errors = {
        (e["source"], e.get("at")): e["reason"]
        for e in report_lines(tmp_path / "o" / ".clean" / "errors.jsonl")
    }
    assert set(errors) == {
        ("latin1.txt", None),
        ("binary.txt", None),
        ("broken.xml", None),
        ("nobody.xml", None),
        ("bad.json", None),
        ("api.json", None),
        ("l.jsonl", "line 2"),
    }
    assert "invalid UTF-8" in errors[("latin1.txt", None)]
    assert "binary" in errors[("binary.txt", None)]
    assert "not well-formed" in errors[("broken.xml", None)]
    assert "casebody" in errors[("nobody.xml", None)]
    assert "malformed JSON" in errors[("l.jsonl", "line 2")]
    assert s.stats.failed == 7 and s.stats.docs == 12
    # JSON without a text field (metadata): copied as it is, counted, not failed
    assert s.stats.notext == 2
    assert (tmp_path / "o" / "CasesMetadata.json").read_bytes() == (
        d / "CasesMetadata.json"
    ).read_bytes()
    assert any("no text field" in line for line in s.lines())
    with pytest.raises(AssertionError):  # with an explicit --field it is a failure
        assert batch([d / "nofield.json"], tmp_path / "o2", field="body").exit_code == 0
    # failed whole files are not written; a failed line is kept as it was
    assert not (tmp_path / "o" / "latin1.txt").exists()
    out_lines = (tmp_path / "o" / "l.jsonl").read_text().split("\n")
    assert out_lines[1:3] == ["{oops", ""]
    assert json.loads(out_lines[3])["text"] == clean_text(cleaner, OCR[1])
    assert (tmp_path / "o" / "good.txt").read_text() == clean_text(cleaner, OCR[0])


def test_encoding_errors_replace(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "latin1.txt").write_bytes(b"caf\xe9 au lait")
    s = batch([tmp_path / "in"], tmp_path / "o", encoding_errors="replace")
    assert s.stats.failed == 0
    assert (tmp_path / "o" / "latin1.txt").exists()


def test_bad_parquet_is_a_failed_source(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "in" / "ok.txt").write_text("x")
    s = batch([tmp_path / "in"], tmp_path / "o", errors=str(tmp_path / "err.jsonl"))
    assert s.exit_code == 1
    assert "Parquet" in report_lines(tmp_path / "err.jsonl")[0]["reason"]


# -- usage and exit codes -------------------------------------------------------------------------


def test_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(InputUnreadable):
        batch([tmp_path / "missing"], tmp_path / "o")
    with pytest.raises(UsageError):
        batch([tmp_path / "a.txt"], tmp_path / "o", fmt="docx")
    with pytest.raises(UsageError):
        batch([tmp_path / "a.txt"], tmp_path / "o", in_place=True)
    with pytest.raises(UsageError):
        batch([tmp_path / "a.txt"], None)
    with pytest.raises(UsageError):
        batch([tmp_path], tmp_path)  # --out is the input directory
    with pytest.raises(UsageError):
        batch([tmp_path / "a.txt"], tmp_path / "o", jobs=0)
    (tmp_path / "b.dat").write_text("x")
    with pytest.raises(UsageError):
        batch([tmp_path / "b.dat"], tmp_path / "o")
    assert batch([tmp_path / "b.dat"], tmp_path / "o", fmt="txt").exit_code == 0


def test_cli_subprocess(tmp_path: Path, corpus: Path, serial: tuple[Path, Summary]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "o"
    p = subprocess.run(
        [sys.executable, "-m", "cleaner", str(corpus / "txt"), "--out", str(out), "--jobs", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    assert "documents" in p.stderr and "changed" in p.stderr
    assert p.stdout == ""
    assert files_of(out) == {
        k.removeprefix("txt/"): v
        for k, v in files_of(serial[0] / "o").items()
        if k.startswith("txt/")
    }
    p = subprocess.run(
        [sys.executable, "-m", "cleaner", str(tmp_path / "nope"), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert p.returncode == 3 and "no such file" in p.stderr


def test_out_inside_the_input(tmp_path: Path, cleaner: Cleaner) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(OCR[0])
    for _ in range(2):  # the second run must not read the first run's outputs
        s = batch([d], d / "clean", reports=str(d / "reports"))
        assert s.stats.docs == 1
    assert (d / "clean" / "a.txt").read_text() == clean_text(cleaner, OCR[0])


def test_in_place(tmp_path: Path, cleaner: Cleaner) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(OCR[0])
    (d / "b.jsonl").write_text(json.dumps({"text": OCR[1]}) + "\n")
    os.chmod(d / "a.txt", 0o640)
    s = batch([d], None, in_place=True)
    assert s.exit_code == 0
    assert (d / "a.txt").read_text() == clean_text(cleaner, OCR[0])
    assert json.loads((d / "b.jsonl").read_text())["text"] == clean_text(cleaner, OCR[1])
    assert (d / "a.txt").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in d.iterdir()) == [".clean", "a.txt", "b.jsonl"]


# -- atomic writes, path safety -------------------------------------------------------------------


def test_write_atomic_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.txt"
    target.write_text("old")

    def boom(*a: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]


def test_no_temporary_files_left(serial: tuple[Path, Summary]) -> None:
    names = [p.name for p in (serial[0] / "o").rglob("*")]
    assert not [n for n in names if n.endswith((".tmp", ".partial"))]


@pytest.mark.parametrize(
    "rel", ["../../x", "/etc/passwd", "a/../../b", "..", "", ".", "C:/x", "a/\x00b", "\\\\srv\\x"]
)
def test_unsafe_relative_paths(rel: str) -> None:
    with pytest.raises(UnsafePath):
        safe_relative(rel)


def test_safe_join(tmp_path: Path) -> None:
    assert safe_join(tmp_path, "a/./b.txt") == tmp_path.resolve() / "a" / "b.txt"
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePath):
        safe_join(out, "link/x.txt")


def test_symlinks_cannot_escape(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "s.txt").write_text("secret text")
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "ok.txt").write_text("x")
    (d / "escape").symlink_to(secret, target_is_directory=True)
    (d / "esc.txt").symlink_to(secret / "s.txt")
    out = tmp_path / "o"
    (out).mkdir()
    (out / "sub").symlink_to(secret, target_is_directory=True)  # an output dir leading outside
    s = batch([d], out)
    assert s.exit_code == 1
    reasons = report_lines(out / ".clean" / "errors.jsonl")
    assert {r["source"] for r in reasons} == {"escape", "esc.txt", "sub/ok.txt"}
    assert sorted(p.name for p in secret.iterdir()) == ["s.txt"]  # nothing written there


# -- resume ---------------------------------------------------------------------------------------

CRASH = textwrap.dedent(
    """
    import os, sys
    import cleaner.batch.runner as runner
    import cleaner.batch.worker as worker
    from cleaner.config import Config
    runner.CHECKPOINT_SECONDS = 0.0
    n = [0]
    real = worker.run_task
    def run_task(task, opts):
        n[0] += 1
        if n[0] > int(sys.argv[3]):
            os._exit(9)  # a hard crash: no cleanup at all
        return real(task, opts)
    worker.run_task = run_task
    import cleaner.batch.executors as ex
    ex.run_task = run_task
    runner.run(runner.BatchOptions(paths=[sys.argv[1]], config=Config(), out=sys.argv[2],
               reports=sys.argv[2] + "-reports", jobs=1))
    """
)


@pytest.mark.parametrize("crash_after", [1, 3, 6])
def test_resume_after_a_hard_crash(
    tmp_path: Path, corpus: Path, serial: tuple[Path, Summary], crash_after: int
) -> None:
    out = tmp_path / "o"
    p = subprocess.run(
        [sys.executable, "-c", CRASH, str(corpus), str(out), str(crash_after)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 9, p.stderr
    done = (out / ".clean" / "done.jsonl").read_text().splitlines()
    assert len(done) >= min(crash_after, 1) - 1
    s = batch([corpus], out, reports=str(tmp_path / "o-reports"), resume=True)
    assert s.exit_code == 0
    assert s.resumed is not None and s.resumed.docs > 0
    assert files_of(out) == files_of(serial[0] / "o")
    a = sorted(report_lines(tmp_path / "o-reports" / "changes.jsonl"), key=json.dumps)
    b = sorted(report_lines(serial[0] / "r" / "changes.jsonl"), key=json.dumps)
    assert a == b  # no document reported twice, none missing
    assert s.stats.to_dict() == serial[1].stats.to_dict()


def test_resume_in_the_middle_of_a_jsonl(tmp_path: Path, cleaner: Cleaner) -> None:
    src = tmp_path / "big.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": OCR[i % 4]}) + "\n" for i in range(300)))
    full = tmp_path / "full"
    batch([src], full)
    out = tmp_path / "o"
    p = subprocess.run(
        [sys.executable, "-c", CRASH, str(src), str(out), "3"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 9, p.stderr
    partial = out / ".big.jsonl.partial"
    assert partial.exists() and not (out / "big.jsonl").exists()
    records = report_lines(out / ".clean" / "done.jsonl")
    assert records and records[-1]["t"] == "lines"
    s = batch([src], out, reports=str(tmp_path / "o-reports"), resume=True)
    assert s.resumed is not None and s.resumed.docs == records[-1]["line"] - 1
    assert (out / "big.jsonl").read_bytes() == (full / "big.jsonl").read_bytes()
    assert not partial.exists()
    assert s.stats.docs == 300
    assert len(report_lines(tmp_path / "o-reports" / "changes.jsonl")) == 300


def test_resume_refuses_other_options(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x")
    batch([tmp_path / "in"], tmp_path / "o")
    with pytest.raises(UsageError, match="other options"):
        batch([tmp_path / "in"], tmp_path / "o", resume=True, field="body")
    s = batch([tmp_path / "in"], tmp_path / "o", resume=True)
    assert s.stats.docs == 1 and s.resumed is not None and s.resumed.docs == 1


def test_progress_line(capsys: pytest.CaptureFixture[str]) -> None:
    from cleaner.batch.runner import Progress

    p = Progress(True, iter([10_000_000]))
    p.last = -1.0
    import time

    time.sleep(0.05)
    p.update(5, 2_000_000)
    p.close()
    err = capsys.readouterr().err
    assert "5 docs" in err and "MB/s" in err and "docs/s" in err


def test_tasks_are_pulled_lazily() -> None:
    """A pool never holds more than a few tasks: the input is streamed, not loaded."""
    from cleaner.batch.executors import PoolEngine
    from cleaner.batch.worker import FilesTask, Options

    made = [0]

    def tasks() -> Any:
        for _ in range(10_000):
            made[0] += 1
            yield FilesTask(())

    engine = PoolEngine(Options(CONFIG), 2)
    try:
        it = engine.map(tasks(), ordered=False)
        for _ in range(5):
            next(it)
        assert made[0] <= 5 + engine.inflight + 1
        assert sum(1 for _ in it) == 10_000 - 5
    finally:
        engine.close()


def test_empty_input(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    s = batch([tmp_path / "in"], tmp_path / "o")
    assert s.exit_code == 0 and s.stats.docs == 0
    assert "0 documents" in s.lines()[0]


def test_a_dying_worker_stops_the_run_with_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed (e.g. out of memory) must not hang the run; it names the documents."""
    import cleaner.batch.worker as worker
    from cleaner.batch.executors import WorkerDied

    real = worker.process_file

    def process_file(item: Any, opts: Any, cleaner: Any) -> Any:
        if item[1] == "die.txt":
            os._exit(9)
        return real(item, opts, cleaner)

    monkeypatch.setattr(worker, "process_file", process_file)  # inherited by forked workers
    d = tmp_path / "in"
    d.mkdir()
    (d / "die.txt").write_text("x")
    with pytest.raises(WorkerDied, match=r"die\.txt"):
        batch([d], tmp_path / "o", jobs=2)
