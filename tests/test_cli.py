"""The `clean` command, in-process (main(argv) -> int) and once as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.cli import EXIT_CHANGES, EXIT_INPUT, EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "pauluk-v-savage.txt"


class _Std:
    def __init__(self, data: bytes = b"") -> None:
        self.buffer = io.BytesIO(data)


def run_cli(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: bytes = b""
) -> tuple[int, bytes, str]:
    out = _Std()
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdin", _Std(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    try:
        code = main(argv)
    except SystemExit as e:  # argparse --version/--help/errors
        code = int(e.code or 0)
    return code, out.buffer.getvalue(), err.getvalue()


def test_stdin_to_stdout_keeps_clean_text(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_cli(monkeypatch, [], b"Justice Holmes\n")
    assert code == EXIT_OK and out == b"Justice Holmes\n"


def test_json_report_has_the_documented_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_cli(monkeypatch, ["--report", "json", str(SAMPLE)])
    assert code == EXIT_OK
    obj = json.loads(out)
    assert set(obj) == {"text", "changes", "page_markers"}
    for c in obj["changes"]:
        assert set(c) == {
            "start",
            "end",
            "before",
            "after",
            "pass",
            "reason",
            "confidence",
            "applied",
        }


def test_check_exits_0_on_clean_input(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, _ = run_cli(monkeypatch, ["--check", "-"], b"Plain text.\n")
    assert code == EXIT_OK


def test_check_exits_1_when_something_would_change(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, _ = run_cli(monkeypatch, ["--check", "-"], "au\u00adthority\n".encode())
    assert code == EXIT_CHANGES


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--passes", "nope"], "valid passes: glyphs"),
        (["--skip", "glyphs,bogus"], "unknown pass 'bogus'"),
        (["--min-confidence", "2"], "between 0 and 1"),
        (["--page-markers", "drop"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_and_say_why(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], fragment: str
) -> None:
    code, _, err = run_cli(monkeypatch, argv)
    assert code == EXIT_USAGE
    assert fragment in err


def test_input_errors_exit_3_with_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9\n".encode("latin-1"))
    for path, fragment in [
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a directory"),
        (binary, "binary"),
        (latin, "invalid UTF-8 at byte 3"),
    ]:
        code, out, err = run_cli(monkeypatch, [str(path)])
        assert code == EXIT_INPUT, path
        assert fragment in err and err.count("\n") == 1
        assert out == b""


def test_nothing_half_written_when_a_later_input_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine\n")
    code, out, _ = run_cli(monkeypatch, [str(good), str(tmp_path / "missing.txt")])
    assert code == EXIT_INPUT and out == b""


def test_encoding_errors_replace_reports_the_replacement(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9 au lait\n")
    code, out, _ = run_cli(
        monkeypatch, ["--encoding-errors", "replace", "--report", "json", str(latin)]
    )
    assert code == EXIT_OK
    obj = json.loads(out)
    assert obj["text"] == "caf\ufffd au lait\n"
    assert any(c["after"] == "\ufffd" for c in obj["changes"])


def test_crlf_and_bom_are_preserved(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\ufeffFirst line.\r\nSecond line.\r\n".encode()
    code, out, _ = run_cli(monkeypatch, ["-"], data)
    assert code == EXIT_OK and out == data


def test_output_file_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, _ = run_cli(monkeypatch, ["-o", str(target), "-"], b"text\n")
    assert code == EXIT_OK and out == b"" and target.read_bytes() == b"text\n"


def test_version(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _out, _ = run_cli(monkeypatch, ["--version"])
    assert code == EXIT_OK


def test_real_subprocess_diff_on_the_sample() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "--diff", str(SAMPLE)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == EXIT_OK, proc.stderr
    if proc.stdout:
        assert proc.stdout.startswith(b"--- ")


def test_output_file_gets_ordinary_permissions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    target = tmp_path / "out.txt"
    umask = os.umask(0o022)
    try:
        code, _, _ = run_cli(monkeypatch, ["-o", str(target), "-"], b"text\n")
    finally:
        os.umask(umask)
    assert code == EXIT_OK and (target.stat().st_mode & 0o777) == 0o644


def test_protect_file_keeps_listed_words_through_the_whole_pipeline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = "preferable to one with piold, but the. officers saw mold and mold\n"
    code, out, _ = run_cli(monkeypatch, ["-"], text.encode())
    assert code == EXIT_OK and b"piold" not in out  # fixed without protection
    protect = tmp_path / "protect.txt"
    protect.write_text("# names and words never to change\npiold\n")
    code, out, _ = run_cli(monkeypatch, ["--protect-file", str(protect), "-"], text.encode())
    assert code == EXIT_OK
    assert b"with piold," in out and b"the officers" in out


def test_missing_protect_file_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run_cli(monkeypatch, ["--protect-file", "/nonexistent/protect.txt", "-"], b"x")
    assert code == EXIT_INPUT and "no such file" in err
