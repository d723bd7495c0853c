"""Build the dictionaries cleaner loads (run: ``.venv/bin/python dictionaries/build.py``).

Writes, next to this script (all sorted, one entry a line, diff-friendly):

- ``legal.tsv``: ``term<TAB>1<TAB>kind`` from ``legal_terms.txt`` (curated by hand),
  reporters-db (reporters, variants, journals, case-name abbreviations, states) and
  courts-db (citation strings).
- ``corpus_words.tsv``: ``word<TAB>opinions<TAB>occurrences`` mined from the real opinions
  in ``$CLEANER_SHARED/corpus/text`` (never ``corpus/seed``): words no English list has that
  recur in >= 3 opinions and are not a near variant (OCR-like or edit distance 1) of a much
  more frequent word; hyphenated compounds the same way.
- ``corpus_bigrams.tsv``: ``w1 w2<TAB>count`` for adjacent known words seen >= 2 times.
- ``census_names.tsv``: ``name<TAB>1``, the US Census 1990 surnames and given names that no
  English or legal list knows (from the ``names`` package).
- ``case_names.tsv``: ``name<TAB>short<TAB>citation<TAB>source`` from eyecite over the
  corpus plus ``famous_cases.tsv`` (curated by hand).

The corpus steps need the shared corpus; without it they are skipped and the committed
files are left as they are (``--only legal`` rebuilds just what needs no corpus).
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from cleaner.lexicon.case_names import GENERIC_WORDS, normalize_case_name  # noqa: E402
from cleaner.lexicon.words import WordList, load_bundled_english  # noqa: E402
from cleaner.passes.hyphenation import PREFIXES  # noqa: E402

SHARED = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared"))


WORD = regex.compile(r"(?<![\p{L}\p{M}\-'’])\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*(?![\p{L}\p{M}\-'’])")
HYPHENATED = regex.compile(r"(?<![\p{L}\-])\p{L}+(?:-\p{L}+)+(?![\p{L}\-])")
STAR = regex.compile(r"\*\d+")

#: OCR confusions used to find "near variants" of frequent words (both directions).
OCR_PAIRS = (
    ("rn", "m"),
    ("li", "h"),
    ("ii", "u"),
    ("in", "m"),
    ("cl", "d"),
    ("vv", "w"),
    ("c", "e"),
    ("b", "h"),
    ("l", "i"),
    ("l", "t"),
    ("f", "t"),
    ("n", "u"),
    ("o", "a"),
    ("e", "o"),
    ("ni", "m"),
    ("tl", "d"),
    ("fi", "h"),
    ("j", "i"),
    ("y", "v"),
    ("s", "a"),
    ("ii", "h"),
    ("av", "w"),
    ("a", "w"),
    ("u", "ii"),
)
ALPHABET = "abcdefghijklmnopqrstuvwxyz"

MIN_OPINIONS = 3
NEAR_VARIANT_RATIO = 5


def corpus_paths() -> list[Path]:
    """The corpus opinions, never the seed (also refused by content hash)."""
    text = SHARED / "corpus" / "text"
    if not text.is_dir():
        return []
    seed_hashes = {
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (SHARED / "corpus" / "seed").glob("*.txt")
    }
    return [
        p
        for p in sorted(text.rglob("*.txt"))
        if hashlib.sha256(p.read_bytes()).hexdigest() not in seed_hashes
    ]


def read_opinion(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    text = text.replace("\u00ad", "")
    return str(STAR.sub("", text))


# --------------------------------------------------------------------------- legal


def _variants(term: str) -> Iterator[tuple[str, str]]:
    """(form, role) for a term: itself, without its final period, closed up, its parts."""
    yield term, "term"
    if term.endswith(".") and len(term) > 2:
        yield term[:-1], "variant"
    if ". " in term:
        closed = term.replace(". ", ".")
        yield closed, "variant"
        if closed.endswith("."):
            yield closed[:-1], "variant"
    words = term.split()
    if len(words) > 1:
        for w in words:
            if len(w.strip(".")) > 1:
                yield w, "part"
                if w.endswith("."):
                    yield w[:-1], "part"
    for piece in regex.findall(r"\p{L}{2,}", term):
        if piece != term:
            yield piece, "part"


def build_legal() -> list[tuple[str, str]]:
    import courts_db
    import reporters_db

    sources: list[tuple[str, str]] = []
    for line in (HERE / "legal_terms.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            sources.append((line, "curated"))
    for abbrev, entries in reporters_db.REPORTERS.items():
        sources.append((abbrev, "reporter"))
        for e in entries:
            sources.extend((ed, "reporter") for ed in e.get("editions", {}))
            sources.extend((v, "reporter") for v in e.get("variations", {}))
    sources.extend((j, "journal") for j in reporters_db.JOURNALS)
    sources.extend((a, "abbreviation") for a in reporters_db.CASE_NAME_ABBREVIATIONS)
    sources.extend((a, "state") for a in reporters_db.STATE_ABBREVIATIONS)
    for court in courts_db.load_courts_db():
        cs = (court.get("citation_string") or "").strip()
        if cs:
            sources.append((cs, "court"))
    kinds: dict[str, str] = {}
    for term, kind in sources:
        for form, role in _variants(term):
            form = form.strip()
            if not form:
                continue
            label = kind if role == "term" else f"{kind}-{role}"
            kinds.setdefault(form, label)
    return sorted(kinds.items(), key=lambda kv: (kv[0].lower(), kv[0]))


def write_legal(rows: list[tuple[str, str]]) -> None:
    with (HERE / "legal.tsv").open("w", encoding="utf-8") as f:
        f.write("# Built by dictionaries/build.py from legal_terms.txt, reporters-db, courts-db.\n")
        f.write("# term<TAB>1<TAB>kind (kind: source, '-variant' / '-part' for derived forms)\n")
        for term, kind in rows:
            f.write(f"{term}\t1\t{kind}\n")


# --------------------------------------------------------------------------- english extra

#: SCOWL size 70 ("large") word lists, American and British (Debian wamerican-large,
#: wbritish-large): real words such as "corporators", "mispleading", "accessary",
#: "inartificial" that an OCR corrector must not take for errors.
SCOWL = (
    Path("/usr/share/dict/american-english-large"),
    Path("/usr/share/dict/british-english-large"),
)
#: ... whose words of one to three letters and acronyms are mostly abbreviations ("bn",
#: "oi", "fo", "ISBN") that OCR misreads collide with: those only from size 50 (Debian
#: wamerican).
SCOWL_SHORT = Path("/usr/share/dict/american-english")
SHORT = 3


def build_english_extra(english: set[str]) -> list[str]:
    """SCOWL words that symspellpy's list lacks ("labor", "offense", "corporators")."""
    out: set[str] = set()
    for path in (*SCOWL, SCOWL_SHORT):
        for line in path.read_text(encoding="utf-8").splitlines():
            w = line.strip()
            if not w or w.endswith("'s") or w.lower() in english:
                continue
            if path != SCOWL_SHORT and (len(w) <= SHORT or w.isupper()):
                continue  # (acronyms too: "ISBN" made "is bn" look like a split word)
            out.add(w)
    return sorted(out, key=lambda w: (w.lower(), w))


def write_word_list(filename: str, header: str, words: list[str]) -> None:
    """``words`` as ``word<TAB>1`` lines under ``header`` (comment lines) in ``filename``."""
    with (HERE / filename).open("w", encoding="utf-8") as f:
        f.write(header)
        for w in words:
            f.write(f"{w}\t1\n")


def write_english_extra(words: list[str]) -> None:
    write_word_list(
        "english_extra.tsv",
        "# Built by dictionaries/build.py from Debian's wamerican-large and"
        " wbritish-large (SCOWL, size 70):\n"
        "# words symspellpy's English list lacks (count 1 = known, frequency unknown).\n"
        "# Copyright 2000-2011 Kevin Atkinson; see dictionaries/README.md for the licence.\n",
        words,
    )


# --------------------------------------------------------------------------- proper names


def build_proper_names(english: set[str]) -> list[str]:
    """Words of symspellpy's (lower-case) English list that SCOWL writes only with a
    capital ("Andrew", "Vienna", "Friday", "eBay"): a lower-case token is never one of them
    ("undrew" is no "andrew"). Words SCOWL also writes in lower case ("bill", "may") and
    words it lacks are left out."""
    forms: dict[str, set[str]] = {}
    for path in (*SCOWL, SCOWL_SHORT):
        for line in path.read_text(encoding="utf-8").splitlines():
            w = line.strip()
            if w and not w.endswith("'s"):
                forms.setdefault(w.lower(), set()).add(w)
    return sorted(low for low, written in forms.items() if low in english and low not in written)


def write_proper_names(words: list[str]) -> None:
    write_word_list(
        "proper_names.tsv",
        "# Built by dictionaries/build.py: words of symspellpy's English list that SCOWL\n"
        "# (Debian wamerican-large, wbritish-large) writes only with a capital (names,\n"
        "# places, days, brands), lower-cased. Copyright 2000-2011 Kevin Atkinson; see\n"
        "# dictionaries/README.md for the licence.\n",
        words,
    )


def build_census_names(known: set[str]) -> list[str]:
    """The US Census Bureau's 1990 surnames and given names (88,799 + 5,494, from the
    ``names`` package), lower-cased: those of 4+ letters that no English or legal list
    knows ("baek", "kowalczyk", "tsosie"). A capitalized unknown token in mid-sentence that
    is one of them is a name, not a misread ("Officer Baek" is no "Back"). Names the seed
    opinion uses are left out, so that it stays an unseen test. Empty without ``names``."""
    try:
        import names as census  # type: ignore[import-untyped]
    except ImportError:
        return []
    folder = Path(census.__file__).parent
    seed = {
        w.lower()
        for p in (ROOT / "corpus").glob("*.txt")
        for w in WORD.findall(p.read_text(encoding="utf-8"))
    }
    out: set[str] = set()
    for name in ("dist.all.last", "dist.male.first", "dist.female.first"):
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            word = line.split()[0].lower() if line.strip() else ""
            if len(word) >= 4 and word.isalpha() and word not in known and word not in seed:
                out.add(word)
    return sorted(out)


def write_census_names(words: list[str]) -> None:
    write_word_list(
        "census_names.tsv",
        "# Built by dictionaries/build.py: the US Census Bureau's 1990 surnames and given\n"
        "# names (public domain; via the names package, MIT) of 4+ letters that no English\n"
        "# or legal list knows, lower-cased; the seed opinion's words left out.\n",
        words,
    )


# --------------------------------------------------------------------------- corpus words


def edits1(word: str) -> set[str]:
    """Words at edit distance 1, plus the OCR-confusion variants."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    out |= {a + c + b for a, b in splits for c in ALPHABET}
    for x, y in OCR_PAIRS:
        for s, t in ((x, y), (y, x)):
            i = word.find(s)
            while i >= 0:
                out.add(word[:i] + t + word[i + len(s) :])
                i = word.find(s, i + 1)
    out.discard(word)
    return out


def written_form(forms: Counter[str]) -> str:
    """The usual written form: the most frequent, preferring one that is not ALL CAPS."""
    ranked = forms.most_common()
    for form, _ in ranked:
        if not (form.isupper() and len(form) > 1):
            return form
    return ranked[0][0]


def plausible_shape(form: str) -> bool:
    """Rejects OCR-looking case mixtures ("tHe", "coUrt"); keeps "DeShaney", "McHenry"."""
    if form.islower() or form.isupper() or form.istitle():
        return True
    inner = sum(1 for c in form[1:] if c.isupper())
    return form[0].isupper() and inner == 1 and regex.match(r"(?:Mc|Mac|De|La|Le|Di|Van|O')", form)


def mine_corpus(
    paths: list[Path], english: set[str], legal: set[str]
) -> tuple[list[tuple[str, int, int]], dict[str, int], list[str]]:
    """(accepted words, corpus occurrence counts, the opinion texts)."""
    df: Counter[str] = Counter()
    occ: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    texts: list[str] = []
    for p in paths:
        text = read_opinion(p)
        texts.append(text)
        seen: set[str] = set()
        for m in WORD.finditer(text):
            w = m.group()
            low = w.lower()
            occ[low] += 1
            forms[low][w] += 1
            seen.add(low)
        for m in HYPHENATED.finditer(text):
            w = m.group()
            low = w.lower()
            occ[low] += 1
            forms[low][w] += 1
            seen.add(low)
        df.update(seen)

    def frequent_neighbour(low: str) -> str | None:
        mine = occ[low]
        if "-" in low:
            joined = low.replace("-", "")
            if occ.get(joined, 0) >= 3 * mine:
                return joined
            return None
        for n in edits1(low):
            if (n in english or n in legal or df.get(n, 0) >= MIN_OPINIONS) and occ.get(
                n, 0
            ) >= NEAR_VARIANT_RATIO * mine:
                return n
        return None

    accepted: list[tuple[str, int, int]] = []
    rejected = Counter[str]()
    for low, n_docs in df.items():
        if n_docs < MIN_OPINIONS or low in english or low in legal:
            continue
        form = written_form(forms[low])
        letters = low.replace("-", "").replace("'", "").replace("’", "")
        if len(letters) < 3 or not plausible_shape(form.replace("-", "")):
            rejected["shape"] += 1
            continue
        base = regex.sub(r"['’]s?$", "", low)
        if base != low and (base in english or base in legal):
            rejected["possessive of a known word"] += 1
            continue
        if "ii" in low:
            rejected["ii (OCR for h/u)"] += 1
            continue
        folded = unicode_letters(low)
        if folded != low and (folded in english or occ.get(folded, 0) > occ[low]):
            rejected["accented variant"] += 1
            continue
        parts = low.split("-")
        if "-" in low and not (
            parts[0] in PREFIXES
            or all(p in english or p in legal or df.get(p, 0) >= MIN_OPINIONS for p in parts)
        ):
            rejected["hyphenated non-words"] += 1
            continue
        if frequent_neighbour(low) is not None:
            rejected["near-variant"] += 1
            continue
        accepted.append((form, n_docs, occ[low]))
    print(f"corpus words: {len(accepted)} accepted, rejected {dict(rejected)}", file=sys.stderr)
    accepted.sort(key=lambda r: (r[0].lower(), r[0]))
    return accepted, dict(occ), texts


def write_corpus_words(rows: list[tuple[str, int, int]], n_docs: int) -> None:
    with (HERE / "corpus_words.tsv").open("w", encoding="utf-8") as f:
        f.write(
            f"# Built by dictionaries/build.py from {n_docs} corpus opinions (seed excluded).\n"
        )
        f.write("# word<TAB>opinions<TAB>occurrences; words no English list has, in >= ")
        f.write(f"{MIN_OPINIONS} opinions,\n# not a near variant of a {NEAR_VARIANT_RATIO}x more ")
        f.write("frequent word.\n")
        for form, docs, occ in rows:
            f.write(f"{form}\t{docs}\t{occ}\n")


def mine_bigrams(texts: Iterable[str], known: set[str]) -> list[tuple[str, str, int]]:
    counts: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for line in text.splitlines():
            prev: str | None = None
            prev_end = -1
            for m in WORD.finditer(line):
                w = m.group().lower()
                if prev is not None and line[prev_end : m.start()].isspace():
                    counts[prev, w] += 1
                prev, prev_end = w, m.end()
    rows = [(a, b, c) for (a, b), c in counts.items() if c >= 2 and a in known and b in known]
    rows.sort()
    return rows


def write_bigrams(rows: list[tuple[str, str, int]], n_docs: int) -> None:
    with (HERE / "corpus_bigrams.tsv").open("w", encoding="utf-8") as f:
        f.write(
            f"# Built by dictionaries/build.py from {n_docs} corpus opinions (seed excluded).\n"
        )
        f.write("# w1 w2<TAB>count: adjacent known words (lower case) seen >= 2 times.\n")
        for a, b, c in rows:
            f.write(f"{a} {b}\t{c}\n")


# --------------------------------------------------------------------------- case names

PARTY_JUNK = regex.compile(r"^[\W\d_]+|[\W_]+$")
GOVERNMENT = regex.compile(
    r"^(?:the\s+)?(?:state|people|commonwealth|united states|county|city|town|village|in re|"
    r"ex parte|matter)\b",
    regex.IGNORECASE,
)


def clean_party(name: str | None) -> str | None:
    if not name:
        return None
    name = " ".join(name.split())
    name = str(PARTY_JUNK.sub("", name))
    if not name or not (name[0].isupper() or name.startswith("in re")) or ":" in name:
        return None
    if any(c.isdigit() for c in name) or len(name) > 80:
        return None
    return name


def short_form(plaintiff: str, defendant: str) -> str:
    party = defendant if GOVERNMENT.match(plaintiff) else plaintiff
    return party.split(",")[0].strip()


def unicode_letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def mine_case_names(paths: list[Path], known: set[str]) -> list[tuple[str, str, str, str]]:
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation

    logging.disable(logging.WARNING)
    found: dict[tuple[str, str], dict[str, object]] = {}
    for p in paths:
        text = read_opinion(p)
        for c in get_citations(text):
            if not isinstance(c, FullCaseCitation):
                continue
            plaintiff = clean_party(c.metadata.plaintiff)
            defendant = clean_party(c.metadata.defendant)
            if not plaintiff or not defendant:
                continue
            name = f"{plaintiff} v. {defendant}"
            key = (normalize_case_name(name), str(c.corrected_citation()))  # type: ignore[no-untyped-call]
            entry = found.setdefault(
                key, {"name": name, "short": short_form(plaintiff, defendant), "docs": set()}
            )
            docs = entry["docs"]
            assert isinstance(docs, set)
            docs.add(p.name)
    rows: list[tuple[str, str, str, str]] = []
    for (_, citation), e in found.items():
        name = str(e["name"])
        docs = e["docs"]
        assert isinstance(docs, set)
        words = [w.lower() for w in regex.findall(r"\p{L}+", unicode_letters(name))]
        evidenced = all(w in known or w in GENERIC_WORDS or len(w) <= 2 for w in words)
        if len(docs) >= 2 or evidenced:
            rows.append((name, str(e["short"]), citation, f"corpus:{len(docs)}"))
    return rows


def famous_cases() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (HERE / "famous_cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, short, citation, year = line.split("\t")
            rows.append((name, short, citation, f"famous:{year}"))
    return rows


def write_case_names(rows: list[tuple[str, str, str, str]], n_docs: int) -> None:
    rows = sorted(set(rows), key=lambda r: (normalize_case_name(r[0]), r[2], r[3]))
    with (HERE / "case_names.tsv").open("w", encoding="utf-8") as f:
        f.write("# Built by dictionaries/build.py: famous_cases.tsv (curated) plus eyecite over\n")
        f.write(f"# {n_docs} corpus opinions (seed excluded); name<TAB>short<TAB>citation<TAB>")
        f.write("source\n# source 'corpus:N' = cited in N opinions; 'famous:YEAR' = curated.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["legal", "corpus", "cases"], action="append")
    args = parser.parse_args(argv)
    only = set(args.only or ["legal", "corpus", "cases"])
    legal_rows = build_legal()
    if "legal" in only:
        write_legal(legal_rows)
        print(f"legal.tsv: {len(legal_rows)} forms", file=sys.stderr)
    english = set(load_bundled_english().counts)
    if "legal" in only and all(p.is_file() for p in (*SCOWL, SCOWL_SHORT)):
        extra = build_english_extra(english)
        write_english_extra(extra)
        print(f"english_extra.tsv: {len(extra)} words", file=sys.stderr)
    if (HERE / "english_extra.tsv").is_file():
        english |= set(WordList.from_tsv(HERE / "english_extra.tsv").counts)
    if "legal" in only and all(p.is_file() for p in (*SCOWL, SCOWL_SHORT)):
        names = build_proper_names(english)
        write_proper_names(names)
        print(f"proper_names.tsv: {len(names)} words", file=sys.stderr)
    if "legal" in only:
        census = build_census_names(english | {t.lower() for t, _ in legal_rows})
        if census:
            write_census_names(census)
            print(f"census_names.tsv: {len(census)} names", file=sys.stderr)
        else:
            print("no names package: census_names.tsv left as it is", file=sys.stderr)
    if only == {"legal"}:
        return 0
    paths = corpus_paths()
    if not paths:
        print(f"no corpus at {SHARED}/corpus/text: corpus files left as they are", file=sys.stderr)
        if "cases" in only:
            print("case_names.tsv needs the corpus too; left as it is", file=sys.stderr)
        return 0
    legal = {t.lower() for t, _ in legal_rows}
    words, _occ, texts = mine_corpus(paths, english, legal)
    known = english | legal | {w.lower() for w, _, _ in words}
    if "corpus" in only:
        write_corpus_words(words, len(paths))
        bigrams = mine_bigrams(texts, known)
        write_bigrams(bigrams, len(paths))
        print(f"corpus_bigrams.tsv: {len(bigrams)} pairs", file=sys.stderr)
    if "cases" in only:
        cases = mine_case_names(paths, known) + famous_cases()
        write_case_names(cases, len(paths))
        print(f"case_names.tsv: {len(set(cases))} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
