"""The ``clean`` command: argument parsing and exit codes only.

Exit codes: 0 ok; 1 changes found under ``--check`` (or, in a batch, documents failed);
2 usage error; 3 input error (missing file, directory, binary data, invalid UTF-8).

``clean eval ...`` runs the evaluation command (see ``clean eval --help``); a file named
``eval`` is passed as ``./eval``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import IO

from cleaner import __version__
from cleaner.argparsing import (
    EXIT_CHANGES,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    confidence,
    pass_names,
)
from cleaner.config import (
    CURLY_QUOTES_MODES,
    DEFAULT_MIN_CONFIDENCE,
    PAGE_MARKER_MODES,
    Config,
)
from cleaner.passes import PASS_NAMES
from cleaner.textio import ENCODING_ERRORS, DecodedText, InputError, decode, read_path, write_atomic


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="clean",
        description="Repair OCR damage in court opinions; print clean text, a diff or a report.",
        epilog="Exit codes: 0 ok, 1 changes under --check (batch: some documents failed), "
        "2 usage error, 3 input error. Subcommand: 'clean eval --help'.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="input files ('-' or none: stdin)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the clean text to FILE")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--diff", action="store_true", help="print a unified diff instead of the text"
    )
    mode.add_argument(
        "--report", choices=("text", "json"), help="print the change report instead of the text"
    )
    p.add_argument("--check", action="store_true", help="exit 1 if anything would change")
    p.add_argument(
        "--page-markers",
        choices=PAGE_MARKER_MODES,
        default="keep",
        help="keep star-page markers as separate tokens (default) or strip them",
    )
    p.add_argument(
        "--curly-quotes",
        choices=CURLY_QUOTES_MODES,
        default="auto",
        help="make straight quotes curly: auto (when the document is mostly curly), always, never",
    )
    p.add_argument(
        "--min-confidence",
        type=confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help=f"apply changes at or above X (default {DEFAULT_MIN_CONFIDENCE})",
    )
    p.add_argument("--passes", type=pass_names, metavar="A,B", help="run only these passes")
    p.add_argument("--skip", type=pass_names, default=(), metavar="A,B", help="skip these passes")
    p.add_argument(
        "--protect-file",
        metavar="FILE",
        help="a file of words or phrases (one per line) never to change",
    )
    p.add_argument(
        "--encoding-errors",
        choices=ENCODING_ERRORS,
        default="strict",
        help="invalid UTF-8: error (strict, default) or replace with U+FFFD, reported",
    )
    p.add_argument("--list-passes", action="store_true", help="list the passes and exit")
    p.add_argument("--version", action="version", version=f"clean {__version__}")
    batch = p.add_argument_group("batch mode (a directory, JSONL, JSON, XML or Parquet input)")
    batch.add_argument("--out", metavar="DIR", help="write cleaned documents under DIR")
    batch.add_argument("--in-place", action="store_true", help="overwrite the inputs")
    batch.add_argument("--reports", metavar="DIR", help="write per-document change reports (JSONL)")
    batch.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes")
    batch.add_argument("--resume", action="store_true", help="skip documents already done")
    batch.add_argument(
        "--errors", metavar="FILE", help="failed documents (JSONL; default DIR/.clean/errors.jsonl)"
    )
    batch.add_argument(
        "--field",
        default=None,
        metavar="PATH",
        help="dotted path of the text field in JSON/JSONL/Parquet inputs",
    )
    batch.add_argument(
        "--format",
        default=None,
        metavar="FMT",
        help="input format (default: guessed from the path)",
    )
    batch.add_argument("--engine", choices=("local", "dask"), default="local")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address")
    return p


def _read_protect_file(path: str) -> tuple[str, ...]:
    decoded = read_path(path)
    return tuple(
        line.strip()
        for line in decoded.text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _write(stream: IO[bytes], text: str) -> None:
    stream.write(text.encode("utf-8", "backslashreplace"))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "eval":
        from cleaner.evaluate.cli import main as eval_main

        return eval_main(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)

    if args.list_passes:
        from cleaner.passes import pass_class

        for name in PASS_NAMES:
            print(f"{name:{max(map(len, PASS_NAMES))}} {pass_class(name).description}")
        return EXIT_OK

    try:
        protect = _read_protect_file(args.protect_file) if args.protect_file else ()
    except InputError as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_INPUT
    config = Config(
        passes=args.passes,
        skip=args.skip,
        min_confidence=args.min_confidence,
        page_markers=args.page_markers,
        curly_quotes=args.curly_quotes,
        protect=protect,
    )

    if args.out or args.in_place:
        if args.output or args.diff or args.report:
            parser.error(
                "--out/--in-place (batch mode) cannot be combined with -o, --diff or --report"
            )
        from cleaner.batch.cli import run_batch

        return run_batch(args, config)
    if args.jobs is not None or args.resume or args.engine != "local" or args.reports:
        parser.error("--jobs, --resume, --engine and --reports need batch mode (--out DIR)")

    paths = args.paths or ["-"]
    if args.output and len(paths) > 1:
        parser.error("-o/--output takes one input; use --out DIR for several")
    if paths.count("-") > 1:
        parser.error("stdin ('-') can be read only once")

    # Read everything first: an input error leaves nothing half-written.
    inputs: list[tuple[str, DecodedText]] = []
    try:
        for path in paths:
            if path == "-":
                data = sys.stdin.buffer.read()
                inputs.append(
                    ("<stdin>", decode(data, "<stdin>", encoding_errors=args.encoding_errors))
                )
            else:
                inputs.append((path, read_path(path, encoding_errors=args.encoding_errors)))
    except InputError as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_INPUT

    from cleaner import Cleaner
    from cleaner.report import change_lines, json_report, unified_diff

    cleaner = Cleaner(config)
    out = sys.stdout.buffer
    any_change = False
    pieces: list[str] = []
    for name, decoded in inputs:
        result = cleaner.clean(decoded.text)
        any_change = any_change or result.changed
        if args.diff:
            pieces.append(unified_diff(result, name))
        elif args.report == "text":
            pieces.extend(line + "\n" for line in change_lines(result, name))
        elif args.report == "json":
            pieces.append(json_report(result, name if len(inputs) > 1 else None) + "\n")
        elif args.check:
            if result.changed:
                print(f"would clean {name}", file=sys.stderr)
        elif args.output:
            write_atomic(args.output, decoded.encode(result.text))
        else:
            out.write(decoded.encode(result.text))
    for piece in pieces:
        _write(out, piece)
    out.flush()
    if args.check:
        return EXIT_CHANGES if any_change else EXIT_OK
    return EXIT_OK


def entry_point() -> None:
    """The console script: exit with :func:`main`'s code; a closed pipe is not an error."""
    try:
        code = main()
    except BrokenPipeError:
        code = EXIT_OK
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)


__all__ = ["EXIT_CHANGES", "EXIT_INPUT", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]
