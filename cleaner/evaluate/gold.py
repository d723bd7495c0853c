"""Gold readers: each format becomes a list of :class:`Sample` (OCR text, gold text, regions).

Formats and the choices made for each (see docs/evaluation.md):

- ``icdar``: ICDAR 2017/2019 post-OCR files, three lines ``[OCR_toInput]``, ``[OCR_aligned]``,
  ``[ GS_aligned]``. The input is ``OCR_toInput``; the gold is ``GS_aligned`` without its ``@``
  padding. A run of ``#`` (characters with no gold) is widened to whole whitespace-delimited
  tokens and becomes an *ignore* region: excluded from every count, as the ICDAR evaluation
  skips tokens with ``#``. Files over :data:`ICDAR_PIECE` characters are cut at columns where
  both aligned lines have a space, into pieces scored (and cleaned) as documents of their own.
- ``bln600``: ``articles/<id>.txt`` (blocks ``OCR Text: ...`` / ``Ground Truth: ...``) or
  ``train.csv`` (rows grouped by ``Sample ID``); one article = one document, its sentences
  joined by newlines.
- ``overproof``: ``allArticles.txt``-style files: a ``*$*OVERPROOF*$*`` header per article,
  then lines ``ocr||@@||gold||@@||machine`` (the machine column is ignored). The gold keeps the
  paper's line-end hyphens; see :func:`hyphen_site_normalizer` for how that is scored (the
  same rule serves ICDAR and BLN600, whose gold keeps them as ``infor- mation``).
- ``pairs``: a folder of ``NAME.ocr.txt`` + ``NAME.gold.txt``.
- ``edits``: gold edit lists over the opinion corpus, :mod:`cleaner.evaluate.edits`.

>>> f = "[OCR_toInput] tbe cat\\n[OCR_aligned] tbe cat@\\n[ GS_aligned] the cats\\n"
>>> s = parse_icdar(f, "a")
>>> s[0].ocr, s[0].gold
('tbe cat', 'the cats')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.textio import InputError, read_path

#: The gold formats ``clean eval --gold`` reads.
FORMATS: tuple[str, ...] = ("icdar", "bln600", "overproof", "pairs", "edits")

#: ICDAR files longer than this (a few whole books) are scored in pieces of about half of it.
ICDAR_PIECE = 20_000

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_WS = re.compile(r"\s+")


class EvalError(Exception):
    """Unreadable or invalid gold, or a failing system; the message names file and entry."""


@dataclass(frozen=True, slots=True)
class Region:
    """A span of the OCR text ``[start, end)`` and its counterpart ``[gstart, gend)`` in gold."""

    start: int
    end: int
    gstart: int
    gend: int
    label: str = ""


def normalize(text: str) -> str:
    """What every comparison sees: ligatures unfolded, whitespace runs as one space.

    >>> normalize("  di\ufb00erent\\n  text ")
    'different text'
    """
    return _WS.sub(" ", text.translate(_LIGATURES)).strip()


@dataclass(frozen=True)
class Sample:
    """One document to score: what the system reads (``ocr``) and what it should write."""

    name: str
    ocr: str
    gold: str
    ignore: tuple[Region, ...] = ()
    keep: tuple[Region, ...] = ()
    normalizer: Callable[[str], str] = field(default=normalize, compare=False)

    def clean_input(self) -> str:
        """The gold as an input (for 'changes on clean input'), ignored regions left out."""
        if not self.ignore:
            return self.gold
        out: list[str] = []
        pos = 0
        for r in sorted(self.ignore, key=lambda r: r.gstart):
            out.append(self.gold[pos : r.gstart])
            out.append(" ")
            pos = r.gend
        out.append(self.gold[pos:])
        return "".join(out)


def _read(path: Path) -> str:
    try:
        return read_path(str(path), encoding_errors="replace").text
    except InputError as e:
        raise EvalError(str(e)) from None


def _files(path: Path, pattern: str) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise EvalError(f"{path}: no such file or directory")
    files = sorted(p for p in path.rglob(pattern) if p.is_file())
    if not files:
        raise EvalError(f"{path}: no {pattern} files found")
    return files


# -- ICDAR ------------------------------------------------------------------------------------
_ICDAR_TAGS = ("[OCR_toInput]", "[OCR_aligned]", "[ GS_aligned]")


def parse_icdar(text: str, name: str) -> list[Sample]:
    """Parse one ICDAR file into one Sample (or several pieces for a very long file)."""
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        for tag in _ICDAR_TAGS:
            if line.startswith(tag):
                value = line[len(tag) :]
                fields[tag] = value[1:] if value.startswith(" ") else value
    missing = [t for t in _ICDAR_TAGS if t not in fields]
    if missing:
        raise EvalError(f"{name}: not an ICDAR file, missing line(s) {', '.join(missing)}")
    raw, oal, gal = (fields[t].rstrip("\r") for t in _ICDAR_TAGS)
    if len(oal) != len(gal):
        raise EvalError(
            f"{name}: aligned lines differ in length ({len(oal)} and {len(gal)} characters)"
        )
    if oal.replace("@", "") != raw:
        raise EvalError(f"{name}: [OCR_aligned] without its '@' padding differs from [OCR_toInput]")
    # cut points: columns where both aligned lines have a space
    cuts = [0]
    if len(oal) > ICDAR_PIECE:
        step = ICDAR_PIECE // 2
        target = step
        for i in range(len(oal)):
            if i >= target and oal[i] == " " and gal[i] == " ":
                cuts.append(i + 1)
                target = i + step
        if len(oal) - cuts[-1] < step // 4 and len(cuts) > 1:
            cuts.pop()
    cuts.append(len(oal))
    samples = []
    for k in range(len(cuts) - 1):
        piece = f"{name}#{k + 1}" if len(cuts) > 2 else name
        samples.append(_icdar_piece(oal[cuts[k] : cuts[k + 1]], gal[cuts[k] : cuts[k + 1]], piece))
    return samples


def _icdar_piece(oal: str, gal: str, name: str) -> Sample:
    ocr = oal.replace("@", "")
    gold = gal.replace("@", "")
    # prefix counts of real characters per column
    o_at = [0] * (len(oal) + 1)
    g_at = [0] * (len(gal) + 1)
    for i in range(len(oal)):
        o_at[i + 1] = o_at[i] + (oal[i] != "@")
        g_at[i + 1] = g_at[i] + (gal[i] != "@")
    regions: list[Region] = []
    for m in re.finditer(r"#+", gal):
        s, e = m.start(), m.end()
        while s > 0 and not gal[s - 1].isspace() and not oal[s - 1].isspace():
            s -= 1
        while e < len(gal) and not gal[e].isspace() and not oal[e].isspace():
            e += 1
        if regions and o_at[s] <= regions[-1].end and g_at[s] <= regions[-1].gend:
            last = regions.pop()
            regions.append(Region(last.start, o_at[e], last.gstart, g_at[e], "#"))
        else:
            regions.append(Region(o_at[s], o_at[e], g_at[s], g_at[e], "#"))
    return Sample(name, ocr, gold, tuple(regions), normalizer=hyphen_site_normalizer(gold))


def read_icdar(path: Path) -> list[Sample]:
    out: list[Sample] = []
    for f in _files(path, "*.txt"):
        out.extend(parse_icdar(_read(f), _rel(f, path)))
    return out


def _rel(f: Path, root: Path) -> str:
    return f.name if root.is_file() else str(f.relative_to(root))


# -- BLN600 -----------------------------------------------------------------------------------
def parse_bln600_article(text: str, name: str) -> Sample:
    """Blocks ``OCR Text: ...`` / ``Ground Truth: ...``; continuation lines join their field."""
    ocr: list[str] = []
    gold: list[str] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("OCR Text:"):
            ocr.append(line[len("OCR Text:") :].strip())
            current = ocr
        elif line.startswith("Ground Truth:"):
            gold.append(line[len("Ground Truth:") :].strip())
            current = gold
        elif line.strip() and current is not None:
            current[-1] += " " + line.strip()
        elif not line.strip():
            current = None
    if len(ocr) != len(gold):
        raise EvalError(
            f"{name}: {len(ocr)} 'OCR Text:' blocks but {len(gold)} 'Ground Truth:' blocks"
        )
    if not ocr:
        raise EvalError(f"{name}: no 'OCR Text:' / 'Ground Truth:' blocks")
    g = "\n".join(gold)
    return Sample(name, "\n".join(ocr), g, normalizer=hyphen_site_normalizer(g))


def read_bln600_csv(path: Path) -> list[Sample]:
    docs: dict[str, tuple[list[str], list[str]]] = {}
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        need = {"Sample ID", "OCR Text", "Ground Truth"}
        if reader.fieldnames is None or not need <= set(reader.fieldnames):
            raise EvalError(f"{path}: a BLN600 CSV needs the columns {', '.join(sorted(need))}")
        for row in reader:
            o, g = docs.setdefault(row["Sample ID"], ([], []))
            o.append(row["OCR Text"].strip())
            g.append(row["Ground Truth"].strip())
    out = []
    for k, (o, g) in docs.items():
        gold = "\n".join(g)
        out.append(Sample(k, "\n".join(o), gold, normalizer=hyphen_site_normalizer(gold)))
    return out


def read_bln600(path: Path) -> list[Sample]:
    """A BLN600 folder (its ``articles/``), an articles folder, one article, or the CSV."""
    if path.is_file() and path.suffix.lower() == ".csv":
        return read_bln600_csv(path)
    if path.is_dir() and (path / "articles").is_dir():
        path = path / "articles"
    elif path.is_dir() and not any(path.glob("*.txt")) and (path / "train.csv").is_file():
        return read_bln600_csv(path / "train.csv")
    return [parse_bln600_article(_read(f), _rel(f, path)) for f in _files(path, "*.txt")]


# -- Overproof --------------------------------------------------------------------------------
_HY = "-\u2010\u00ac\u00ad"  # hyphen-minus, hyphen, not sign (old prints), soft hyphen
_HYPHEN_SITE = re.compile(rf"(\w+)[{_HY}]([ \t]*\n[ \t]*|[ \t]+)(\w+)")
_HYPHENATED = re.compile(rf"(\w+)[{_HY}]([ \t]*\n[ \t]*|[ \t]+)?(\w+)")


def hyphen_site_normalizer(gold: str) -> Callable[[str], str]:
    """The comparison for gold that keeps the print's line-end hyphens (Overproof, ICDAR, BLN600).

    Such gold writes ``Thorns-`` at a line end and ``hope`` on the next line (ICDAR and
    BLN600, whose lines were joined, write ``infor- mation``). It cannot say whether the hyphen
    was a line break (``Thornshope``) or a real compound (``Police-court``), so scoring either
    reading as wrong would be dishonest. At every such *site* of the gold both readings count
    as right: in all three texts (OCR, gold, output) a word hyphenated across a line end is
    joined without its hyphen, and ``X-Y`` or ``X- Y`` whose joined form is one of the gold's
    sites is joined too. Everywhere else hyphens are compared as written.

    >>> n = hyphen_site_normalizer("parish of Thorns-\\nhope, near")
    >>> n("parish of Thorns-\\nhope, near"), n("parish of Thornshope, near")
    ('parish of Thornshope, near', 'parish of Thornshope, near')
    >>> n("parish of Thorns-hope, near"), n("a well-known")
    ('parish of Thornshope, near', 'a well-known')
    >>> m = hyphen_site_normalizer("the infor- mation")
    >>> m("the information"), m("the infor-mation"), m("a well- known")
    ('the information', 'the information', 'a well- known')
    """
    sites = frozenset((m.group(1) + m.group(3)).lower() for m in _HYPHEN_SITE.finditer(gold))
    if not sites:
        return normalize

    def join(m: re.Match[str]) -> str:
        gap = m.group(2)
        if (gap is not None and "\n" in gap) or (m.group(1) + m.group(3)).lower() in sites:
            return m.group(1) + m.group(3)
        return m.group(0)

    def norm(text: str) -> str:
        return normalize(_HYPHENATED.sub(join, text))

    return norm


#: The name this normalizer had first; Overproof is where the problem is plainest.
overproof_normalizer = hyphen_site_normalizer


def parse_overproof(text: str, name: str) -> list[Sample]:
    samples: list[Sample] = []
    header: str | None = None
    ocr: list[str] = []
    gold: list[str] = []

    def flush() -> None:
        if header is not None and ocr:
            g = "\n".join(gold)
            samples.append(Sample(header, "\n".join(ocr), g, normalizer=hyphen_site_normalizer(g)))

    for n, line in enumerate(text.split("\n"), 1):
        if line.startswith("*$*OVERPROOF*$*"):
            flush()
            parts = line.split()
            header = f"{name}:{parts[1]}" if len(parts) > 1 else f"{name}:{n}"
            ocr, gold = [], []
        elif line.strip():
            cols = line.split("||@@||")
            if len(cols) < 2:
                raise EvalError(f"{name}:{n}: expected 'ocr||@@||gold[||@@||machine]'")
            if header is None:
                raise EvalError(f"{name}:{n}: text before the first *$*OVERPROOF*$* header")
            ocr.append(cols[0])
            gold.append(cols[1])
    flush()
    return samples


def read_overproof(path: Path) -> list[Sample]:
    out: list[Sample] = []
    for f in _files(path, "*.txt"):
        out.extend(parse_overproof(_read(f), _rel(f, path)))
    if not out:
        raise EvalError(f"{path}: no *$*OVERPROOF*$* articles found")
    return out


# -- pairs ------------------------------------------------------------------------------------
def read_pairs(path: Path) -> list[Sample]:
    """A folder of ``NAME.ocr.txt`` with ``NAME.gold.txt`` next to each."""
    out: list[Sample] = []
    for f in _files(path, "*.ocr.txt"):
        g = f.with_name(f.name[: -len(".ocr.txt")] + ".gold.txt")
        if not g.is_file():
            raise EvalError(f"{f}: no gold file {g.name} next to it")
        out.append(Sample(_rel(f, path)[: -len(".ocr.txt")], _read(f), _read(g)))
    return out


def read_gold(fmt: str, path: str | Path, *, corpus: str | Path | None = None) -> list[Sample]:
    """Read gold of format ``fmt`` (one of :data:`FORMATS`) at ``path``."""
    p = Path(path)
    if fmt == "icdar":
        return read_icdar(p)
    if fmt == "bln600":
        return read_bln600(p)
    if fmt == "overproof":
        return read_overproof(p)
    if fmt == "pairs":
        return read_pairs(p)
    if fmt == "edits":
        from cleaner.evaluate.edits import read_edits

        return read_edits(p, corpus=corpus)
    raise EvalError(f"unknown gold format {fmt!r}; valid: {', '.join(FORMATS)}")
