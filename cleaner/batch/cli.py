"""``clean PATH... --out DIR``: the batch mode of the ``clean`` command.

Exit codes: 0 every document was cleaned; 1 some documents failed (listed in the errors file,
the others were cleaned), or a worker process died and the run stopped; 2 usage error; 3 an
input cannot be read at all.
"""

from __future__ import annotations

import argparse
import sys

from cleaner.config import Config

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


def run_batch(args: argparse.Namespace, config: Config) -> int:
    """Run the batch described by the parsed ``clean`` arguments; return the exit code."""
    from cleaner.batch.executors import WorkerDied
    from cleaner.batch.runner import BatchOptions, InputUnreadable, UsageError, run

    options = BatchOptions(
        paths=list(args.paths or []),
        config=config,
        out=args.out,
        in_place=bool(args.in_place),
        reports=args.reports,
        errors=getattr(args, "errors", None),
        jobs=args.jobs,
        resume=bool(args.resume),
        field=args.field,
        fmt=args.format,
        engine=args.engine,
        scheduler=args.scheduler,
        encoding_errors=args.encoding_errors,
    )
    try:
        summary = run(options)
    except UsageError as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except InputUnreadable as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_INPUT
    except WorkerDied as e:
        print(
            f"clean: error: {e}; the run stopped (what was done is recorded: move the document "
            "away and run again with --resume)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    for line in summary.lines():
        print(line, file=sys.stderr)
    return EXIT_FAILED if summary.exit_code else EXIT_OK
