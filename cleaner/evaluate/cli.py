"""``clean eval``: score the cleaner, a command or baselines against gold; table or JSON.

    clean eval --gold FORMAT PATH [--system CMD] [--baseline NAME ...] [--json]
               [--errors N] [--limit N] [--corpus DIR] [cleaner options]

Exit codes: 0 ok, 2 usage error, 3 unreadable or invalid gold, or a failing system.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from cleaner.argparsing import EXIT_INPUT, EXIT_OK, Parser, confidence, pass_names
from cleaner.config import CURLY_QUOTES_MODES, DEFAULT_MIN_CONFIDENCE, PAGE_MARKER_MODES, Config
from cleaner.evaluate.gold import FORMATS, EvalError, Sample, read_gold
from cleaner.evaluate.metrics import Score, WordError, WrongChange, score
from cleaner.evaluate.systems import (
    BASELINES,
    CleanerSystem,
    System,
    baseline,
    command_system,
)


def _baselines(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    bad = [n for n in names if n not in BASELINES]
    if bad:
        raise argparse.ArgumentTypeError(
            f"unknown baseline {bad[0]!r}; valid: {', '.join(BASELINES)}"
        )
    return names


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="clean eval",
        description="Score the cleaner (or a command, or baselines) against human gold: "
        "CER/WER before and after, words fixed and broken per 10,000 words, changes on clean "
        "input, per-pass precision.",
        epilog=f"Gold formats: {', '.join(FORMATS)}. Baselines: {', '.join(BASELINES)}. "
        "See docs/evaluation.md for the definitions.",
    )
    p.add_argument(
        "--gold",
        nargs=2,
        metavar=("FORMAT", "PATH"),
        required=True,
        help=f"the gold: FORMAT one of {', '.join(FORMATS)}; PATH a file or folder",
    )
    p.add_argument(
        "--system",
        metavar="CMD",
        help="score this shell command (raw text on stdin, clean text on stdout) "
        "instead of the cleaner",
    )
    p.add_argument(
        "--baseline",
        type=_baselines,
        action="append",
        default=[],
        metavar="NAME",
        help=f"also score a baseline (repeatable or comma-separated): {', '.join(BASELINES)}",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="list N remaining wrong words of the first system, broken ones first, "
        "and N of its wrong changes (by pass)",
    )
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N documents only")
    p.add_argument(
        "--per-document",
        action="store_true",
        help="also show the first system's figures for each document",
    )
    p.add_argument(
        "--corpus",
        metavar="DIR",
        help="opinion corpus for --gold edits (default: $CLEANER_SHARED/corpus/text or "
        "../shared/corpus/text)",
    )
    p.add_argument(
        "--no-clean-input",
        action="store_true",
        help="skip the run on the gold text (changes per 10,000 words on clean input)",
    )
    c = p.add_argument_group("cleaner options")
    c.add_argument("--passes", type=pass_names, metavar="A,B", help="run only these passes")
    c.add_argument("--skip", type=pass_names, default=(), metavar="A,B", help="skip these passes")
    c.add_argument(
        "--min-confidence",
        type=confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help=f"apply changes at or above X (default {DEFAULT_MIN_CONFIDENCE})",
    )
    c.add_argument("--page-markers", choices=PAGE_MARKER_MODES, default="keep")
    c.add_argument("--curly-quotes", choices=CURLY_QUOTES_MODES, default="auto")
    return p


def evaluate(
    samples: Sequence[Sample],
    systems: Sequence[System],
    *,
    errors: bool = False,
    clean_input: bool = True,
    per_document: list[tuple[str, Score]] | None = None,
) -> dict[str, Score]:
    """Run every system on every sample and sum the scores (per system name).

    ``per_document`` receives the first system's score of each document.
    """
    totals: dict[str, Score] = {}
    for k, system in enumerate(systems):
        total = Score()
        for sample in samples:
            t0 = time.perf_counter()
            output, changes = system.run(sample.ocr)
            elapsed = time.perf_counter() - t0  # the OCR run only
            clean_out = system.run(sample.clean_input())[0] if clean_input else None
            s = score(sample, output, changes, errors=errors and k == 0, clean_output=clean_out)
            s.seconds = elapsed
            if per_document is not None and k == 0:
                per_document.append((sample.name, s))
            total += s
        totals[system.name] = total
    return totals


def _pct(x: float | None, signed: bool = False) -> str:
    if x is None:
        return "-"
    return f"{x * 100:+.1f}%" if signed else f"{x * 100:.2f}%"


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def format_tables(
    gold: str, samples: Sequence[Sample], totals: dict[str, Score], n_errors: int
) -> str:
    """The terminal report: one row per system, per-pass precision, remaining errors."""
    lines: list[str] = []
    first = next(iter(totals.values()), Score()).summary()
    ignored = sum(len(s.ignore) for s in samples)
    keep = sum(len(s.keep) for s in samples)
    extra = f", {ignored:,} ignored regions" if ignored else ""
    extra += f", {keep:,} keep spans" if keep else ""
    lines.append(
        f"gold: {gold} ({first['documents']:,} documents, {first['gold_words']:,} words, "
        f"{first['gold_chars']:,} characters{extra})"
    )
    head = (
        f"{'system':<20}{'CER before':>11}{'CER after':>11}{'CER red.':>10}"
        f"{'WER before':>11}{'WER after':>11}{'fixed/10k':>10}{'broken/10k':>11}"
        f"{'clean chg/10k':>14}{'time s':>8}"
    )
    lines += ["", head, "-" * len(head)]
    for name, total in totals.items():
        s = total.summary()
        lines.append(
            f"{name:<20}{_pct(s['cer_before']):>11}{_pct(s['cer_after']):>11}"
            f"{_pct(s['cer_reduction'], signed=True):>10}{_pct(s['wer_before']):>11}"
            f"{_pct(s['wer_after']):>11}{_num(s['fixed_per_10k']):>10}"
            f"{_num(s['broken_per_10k']):>11}{_num(s['clean_changes_per_10k']):>14}"
            f"{s['seconds']:>8.1f}"
        )
    for name, total in totals.items():
        s = total.summary()
        if s["keep_spans"]:
            lines.append(
                f"{name}: {s['keep_violated']} of {s['keep_spans']} keep spans changed "
                "(counted as broken)"
            )
    for name, total in totals.items():
        passes = total.summary()["passes"]
        if not passes:
            continue
        lines += ["", f"per pass ({name}): each applied change scored alone against gold"]
        ph = f"{'pass':<28}{'right':>8}{'wrong':>8}{'neutral':>9}{'precision':>11}"
        lines += [ph, "-" * len(ph)]
        for pname, c in passes.items():
            prec = "-" if c["precision"] is None else f"{c['precision'] * 100:.1f}%"
            lines.append(f"{pname:<28}{c['right']:>8}{c['wrong']:>8}{c['neutral']:>9}{prec:>11}")
    if n_errors:
        errs = _ranked_errors(next(iter(totals.values()), Score()).errors, n_errors)
        name = next(iter(totals), "")
        lines += ["", f"remaining wrong words ({name}, broken first): {len(errs)} shown"]
        for e in errs:
            lines.append(
                f"  {e.kind:<7} {e.document}: gold {e.gold!r} ocr {e.ocr!r} -> {e.output!r}"
            )
            lines.append(f"          … {e.context} …")
        wrong = _ranked_changes(next(iter(totals.values()), Score()).wrong_changes, n_errors)
        if wrong:
            lines += [
                "",
                f"wrong changes ({name}: moved away from gold), by pass: {len(wrong)} shown",
            ]
            for w in wrong:
                lines.append(
                    f"  {w.pass_name:<12} {w.document}: {w.before!r} -> {w.after!r} in "
                    f"{w.window!r}, gold {w.gold!r}"
                )
    return "\n".join(lines)


def format_per_document(system: str, per_doc: Sequence[tuple[str, Score]]) -> str:
    head = (
        f"{'document (' + system + ')':<40}{'words':>8}{'CER before':>11}{'CER after':>10}"
        f"{'fixed':>7}{'broken':>7}{'keep chg':>9}"
    )
    lines = [head, "-" * len(head)]
    for name, sc in per_doc:
        s = sc.summary()
        keep = f"{s['keep_violated']}/{s['keep_spans']}" if s["keep_spans"] else "-"
        lines.append(
            f"{name[:39]:<40}{s['gold_words']:>8}{_pct(s['cer_before']):>11}"
            f"{_pct(s['cer_after']):>10}{s['fixed']:>7}{s['broken']:>7}{keep:>9}"
        )
    return "\n".join(lines)


def _ranked_errors(errors: list[WordError], n: int) -> list[WordError]:
    return sorted(errors, key=lambda e: e.kind != "broken")[:n]


def _ranked_changes(changes: list[WrongChange], n: int) -> list[WrongChange]:
    """Up to ``n`` wrong changes, round-robin over passes so that every pass shows some."""
    by_pass: dict[str, list[WrongChange]] = {}
    for w in changes:
        by_pass.setdefault(w.pass_name, []).append(w)
    out: list[WrongChange] = []
    k = 0
    while len(out) < n and any(k < len(v) for v in by_pass.values()):
        out.extend(v[k] for v in by_pass.values() if k < len(v))
        k += 1
    return sorted(out[:n], key=lambda w: w.pass_name)


def to_json(
    gold: str, samples: Sequence[Sample], totals: dict[str, Score], n_errors: int
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "gold": gold,
        "documents": len(samples),
        "systems": {name: total.summary() for name, total in totals.items()},
    }
    if n_errors:
        first = next(iter(totals.values()), Score())
        out["errors"] = [e.to_dict() for e in _ranked_errors(first.errors, n_errors)]
        out["wrong_changes"] = [w.to_dict() for w in _ranked_changes(first.wrong_changes, n_errors)]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    fmt, path = args.gold
    if fmt not in FORMATS:
        parser.error(f"unknown gold format {fmt!r}; valid: {', '.join(FORMATS)}")
    if args.errors < 0 or (args.limit is not None and args.limit < 1):
        parser.error("--errors must be >= 0 and --limit >= 1")
    names: list[str] = list(dict.fromkeys(n for group in args.baseline for n in group))
    try:
        samples = read_gold(fmt, path, corpus=args.corpus)
        if args.limit is not None:
            samples = samples[: args.limit]
        systems: list[System] = []
        if args.system:
            systems.append(command_system(args.system))
        else:
            config = Config(
                passes=args.passes,
                skip=args.skip,
                min_confidence=args.min_confidence,
                page_markers=args.page_markers,
                curly_quotes=args.curly_quotes,
            )
            systems.append(CleanerSystem(config))
        per_doc: list[tuple[str, Score]] | None = [] if args.per_document else None
        totals = evaluate(
            samples,
            systems,
            errors=args.errors > 0,
            clean_input=not args.no_clean_input,
            per_document=per_doc,
        )
        for n in names:  # built one by one, after the cleaner: their data must not slow it
            totals.update(evaluate(samples, [baseline(n)], clean_input=not args.no_clean_input))
    except EvalError as e:
        print(f"clean eval: error: {e}", file=sys.stderr)
        return EXIT_INPUT
    label = f"{fmt} {path}"
    if args.json:
        data = to_json(label, samples, totals, args.errors)
        if per_doc is not None:
            data["documents_detail"] = {
                name: {k: v for k, v in s.summary().items() if k != "passes"} for name, s in per_doc
            }
        print(json.dumps(data, indent=2))
    else:
        print(format_tables(label, samples, totals, args.errors))
        if per_doc is not None:
            print("\n" + format_per_document(next(iter(totals)), per_doc))
    return EXIT_OK
