"""Text views of a :class:`cleaner.types.Result`."""

from __future__ import annotations

import bisect
import difflib
import json
from collections.abc import Iterator
from typing import Any

from cleaner.types import Result


def unified_diff(result: Result, path: str = "<stdin>") -> str:
    """A unified diff of original vs clean text, like ``black --diff``.

    >>> from cleaner.types import Change, Result
    >>> r = Result("a. b\\n", "a b\\n", (Change(1, 2, ".", "", "punctuation", "stray", 0.9),))
    >>> print(unified_diff(r, "x.txt"), end="")
    --- x.txt	(original)
    +++ x.txt	(cleaned)
    @@ -1 +1 @@
    -a. b
    +a b
    """
    if not result.changed:
        return ""
    a = result.original.splitlines(keepends=True)
    b = result.text.splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, f"{path}\t(original)", f"{path}\t(cleaned)", n=1)
    out: list[str] = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


class LineIndex:
    """Offsets -> 1-based (line, column), by binary search over line starts."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        i = text.find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1


def change_lines(result: Result, path: str = "<stdin>") -> Iterator[str]:
    """One line per change: ``path:line:col pass 'before' -> 'after' (confidence) reason``.

    Suggestions (not applied) say so after the confidence.
    """
    index = LineIndex(result.original)
    for c in result.changes:
        line, col = index.line_col(c.start)
        conf = f"{c.confidence:.2f}" if c.applied else f"{c.confidence:.2f}, not applied"
        yield f"{path}:{line}:{col} {c.pass_name} {c.before!r} -> {c.after!r} ({conf}) {c.reason}"


def json_report(result: Result, path: str | None = None) -> str:
    """The JSON report: ``{"text", "changes": [...], "page_markers": [...]}`` (offsets in the
    original text); ``"path"`` is added when given."""
    obj: dict[str, Any] = {}
    if path is not None:
        obj["path"] = path
    obj.update(result.to_dict())
    return json.dumps(obj, ensure_ascii=False)
