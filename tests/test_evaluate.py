"""clean eval: metrics on hand-made examples (exact numbers), readers on tiny files, the CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.evaluate.cli import main
from cleaner.evaluate.edits import build_sample, read_edits
from cleaner.evaluate.gold import (
    EvalError,
    Sample,
    overproof_normalizer,
    parse_icdar,
    read_gold,
)
from cleaner.evaluate.metrics import Aligner, score
from cleaner.evaluate.systems import IdentitySystem, SymSpellSystem
from cleaner.types import Change

from .conftest import BENCHMARKS, ROOT, needs_shared


# -- metrics ----------------------------------------------------------------------------------
def test_cer_wer_fixed_broken_exact() -> None:
    # gold: 4 words, 19 chars. OCR: one wrong word ("tbe"). Output fixes it, breaks "sat".
    s = score(Sample("d", "tbe cat sat down", "the cat sat down"), "the cat sot down")
    assert (s.gold_chars, s.gold_words) == (16, 4)
    assert (s.ocr_char_dist, s.out_char_dist) == (1, 1)
    assert (s.ocr_word_dist, s.out_word_dist) == (1, 1)
    assert (s.fixed, s.broken, s.ocr_wrong, s.out_wrong) == (1, 1, 1, 1)
    summary = s.summary()
    assert summary["cer_before"] == pytest.approx(1 / 16)
    assert summary["cer_reduction"] == 0.0
    assert summary["fixed_per_10k"] == pytest.approx(2500.0)


def test_cer_reduction_and_whitespace_normalized() -> None:
    # line breaks and doubled spaces do not count; "Pau-\nluk" -> "Pauluk" is one fix
    s = score(Sample("d", "Mr.  Pau-\nluk came", "Mr. Pauluk came"), "Mr. Pauluk\ncame")
    assert s.ocr_char_dist == 2 and s.out_char_dist == 0
    assert s.summary()["cer_reduction"] == 1.0
    assert (s.fixed, s.broken) == (1, 0)
    assert s.summary()["wer_before"] == pytest.approx(2 / 3)


def test_identity_changes_nothing() -> None:
    s = score(Sample("d", "tbe cat", "the cat"), "tbe cat", clean_output="the cat")
    assert (s.fixed, s.broken, s.clean_changed, s.clean_words) == (0, 0, 0, 2)
    assert s.ocr_char_dist == s.out_char_dist == 1


def test_clean_input_changes_counted() -> None:
    s = score(Sample("d", "a b", "one two three four"), "a b", clean_output="one too three four")
    assert (s.clean_words, s.clean_changed) == (4, 1)
    assert s.summary()["clean_changes_per_10k"] == 2500.0


def test_per_pass_precision_from_changes() -> None:
    ocr, gold = "the. officers Id, came", "the officers Id. came"
    changes = [
        Change(3, 4, ".", "", "punctuation", "stray", 0.9),  # right
        Change(16, 17, ",", ".", "punctuation", "Id.", 0.9),  # right
        Change(18, 22, "came", "come", "words", "bad", 0.9),  # wrong
        Change(0, 3, "the", "The", "words", "suggestion", 0.5, applied=False),  # not scored
    ]
    s = score(Sample("d", ocr, gold), "the officers Id. come", changes)
    assert s.passes == {"punctuation": [2, 0, 0], "words": [0, 1, 0]}
    assert s.summary()["passes"]["punctuation"]["precision"] == 1.0
    assert s.summary()["passes"]["words"]["precision"] == 0.0


def test_errors_listed_broken_first_with_context() -> None:
    s = score(Sample("d", "tbe cat sat", "the cat sat"), "tbe cat sot", errors=True)
    kinds = sorted((e.kind, e.gold, e.ocr, e.output) for e in s.errors)
    assert kinds == [("broken", "sat", "sat", "sot"), ("missed", "the", "tbe", "tbe")]
    assert "[[sat]]" in next(e.context for e in s.errors if e.kind == "broken")


def test_aligner_maps_and_touches() -> None:
    a = Aligner("ab-\ncd ef", "abcd ef")
    assert a.map_start(7) == 5 and a.map_end(9) == 7
    assert a.touched(0, 6) and not a.touched(6, 9)


# -- ICDAR ------------------------------------------------------------------------------------
ICDAR = (
    "[OCR_toInput] Tbe quiek brown fox, 1o\n"
    "[OCR_aligned] Tbe quiek brown@ fox, 1o\n"
    "[ GS_aligned] The quick browns fox, ##\n"
)


def test_icdar_reader_alignment_and_hash_regions() -> None:
    [s] = parse_icdar(ICDAR, "x.txt")
    assert s.ocr == "Tbe quiek brown fox, 1o"
    assert s.gold == "The quick browns fox, ##"
    assert [(r.start, r.end, r.gstart, r.gend) for r in s.ignore] == [(21, 23, 22, 24)]
    sc = score(s, s.ocr)
    # the '#' word is out of every count: 4 gold words, 3 of them wrong in the OCR
    assert sc.gold_words == 4 and sc.ocr_wrong == 3
    assert sc.gold_chars == len("The quick browns fox, ") - 1 + 1  # placeholder not counted
    assert s.clean_input() == "The quick browns fox,  "


def test_icdar_hash_word_fully_ignored_even_if_changed() -> None:
    [s] = parse_icdar(ICDAR, "x.txt")
    a = score(s, "The quick browns fox, 10")
    assert (a.out_char_dist, a.fixed, a.broken) == (0, 3, 0)


def test_icdar_long_file_cut_into_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.evaluate.gold as gold

    monkeypatch.setattr(gold, "ICDAR_PIECE", 40)
    words = " ".join(f"word{i}" for i in range(30))
    text = f"[OCR_toInput] {words}\n[OCR_aligned] {words}\n[ GS_aligned] {words}\n"
    pieces = gold.parse_icdar(text, "long.txt")
    assert len(pieces) > 2
    assert "".join(p.ocr for p in pieces) == words
    assert pieces[0].name == "long.txt#1"


def test_icdar_bad_file() -> None:
    with pytest.raises(EvalError, match="missing"):
        parse_icdar("[OCR_toInput] abc\n", "bad.txt")


# -- BLN600, Overproof, pairs -------------------------------------------------------------------
def test_bln600_articles_and_csv(tmp_path: Path) -> None:
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "1.txt").write_text(
        "OCR Text: Tbe prisoner\nGround Truth: The prisoner\n\n"
        "OCR Text: was bro1ught up.\nGround Truth: was brought up.\n",
        encoding="utf-8",
    )
    [s] = read_gold("bln600", tmp_path)
    assert (s.ocr, s.gold) == ("Tbe prisoner\nwas bro1ught up.", "The prisoner\nwas brought up.")
    csv_path = tmp_path / "train.csv"
    csv_path.write_text(
        "Sample ID,Date,Publication,OCR Text,Ground Truth,CER\n"
        '1,1882,X,Tbe prisoner,The prisoner,0.1\n1,1882,X,"was bro1ught up.",was brought up.,0\n',
        encoding="utf-8",
    )
    [c] = read_gold("bln600", csv_path)
    assert (c.ocr, c.gold) == (s.ocr, s.gold)


def test_overproof_reader_and_hyphen_sites(tmp_path: Path) -> None:
    f = tmp_path / "allArticles.txt"
    f.write_text(
        "*$*OVERPROOF*$* 1 year 1843 type Article title T\n"
        "parish of Thorns-||@@||parish of Thorns-||@@||machine\n"
        "hope, near Mount||@@||hope, near Mount||@@||x\n"
        "in Police-court||@@||in Police-court||@@||x\n",
        encoding="utf-8",
    )
    [s] = read_gold("overproof", f)
    assert s.name == "allArticles.txt:1"
    assert s.gold.startswith("parish of Thorns-\nhope")
    # joined without or with the hyphen: both right; a same-line compound is kept
    for out in (
        "parish of Thornshope, near Mount\nin Police-court",
        "parish of Thorns-hope, near Mount in Police-court",
        s.ocr,
    ):
        assert score(s, out).out_char_dist == 0
    assert score(s, s.ocr.replace("Police-court", "Policecourt")).out_char_dist == 1


def test_overproof_normalizer_is_symmetric() -> None:
    n = overproof_normalizer("a Thorns-\nhope b")
    assert n("Thorns-\nhope") == n("Thornshope") == n("Thorns-hope") == "Thornshope"


def test_pairs_reader(tmp_path: Path) -> None:
    (tmp_path / "a.ocr.txt").write_text("tbe", encoding="utf-8")
    (tmp_path / "a.gold.txt").write_text("the", encoding="utf-8")
    [s] = read_gold("pairs", tmp_path)
    assert (s.name, s.ocr, s.gold) == ("a", "tbe", "the")
    (tmp_path / "b.ocr.txt").write_text("x", encoding="utf-8")
    with pytest.raises(EvalError, match=r"b\.gold\.txt"):
        read_gold("pairs", tmp_path)


# -- edit lists -------------------------------------------------------------------------------
OPINION = "The. officers came to Id, at once. Justice Grúbbs held, the officers agreed.\n"
SPEC = {
    "edits": [
        {"context": "The. off", "ocr": ".", "gold": ""},
        {"context": "Id, at", "ocr": ",", "gold": "."},
    ],
    "keep": [{"context": "Justice Grúbbs", "text": "Grúbbs", "why": "a name"}],
    "ignore": [{"context": "at once", "text": "once"}],
}


def _write_gold(tmp_path: Path, spec: dict[str, object], text: str = OPINION) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "era").mkdir(parents=True, exist_ok=True)
    doc = corpus / "era" / "op.txt"
    doc.write_text(text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    full = {
        "document": "era/op.txt",
        "sha256": hashlib.sha256(doc.read_bytes()).hexdigest(),
        "annotator": "test",
        "notes": "",
        **spec,
    }
    (gold / "op.json").write_text(json.dumps(full), encoding="utf-8")
    return gold


def test_edits_reader_builds_gold_and_regions(tmp_path: Path) -> None:
    gold = _write_gold(tmp_path, SPEC)
    [s] = read_edits(gold, corpus=tmp_path / "corpus")
    assert s.gold == "The officers came to Id. at once. Justice Grúbbs held, the officers agreed.\n"
    (k,) = s.keep
    assert s.ocr[k.start : k.end] == s.gold[k.gstart : k.gend] == "Grúbbs"
    (i,) = s.ignore
    assert s.ocr[i.start : i.end] == s.gold[i.gstart : i.gend] == "once"


def test_edits_scoring_keep_and_ignore(tmp_path: Path) -> None:
    [s] = read_edits(_write_gold(tmp_path, SPEC), corpus=tmp_path / "corpus")
    fixed_all = s.gold.replace("once", "ONCE")  # a change in the ignored span: not counted
    a = score(s, fixed_all)
    assert (a.out_char_dist, a.fixed, a.broken, a.keep_violated) == (0, 2, 0, 0)
    b = score(s, fixed_all.replace("Grúbbs", "Grubbs"))  # keep span changed: broken once
    assert (b.fixed, b.broken, b.keep_violated) == (2, 1, 1)
    c = score(s, fixed_all.replace("Grúbbs", "Grúbbs "))  # insertion at its edge: allowed
    assert (c.broken, c.keep_violated) == (0, 0)
    w = build_sample("w", "Justice Grúbbs held", {"keep": [{"context": "e G", "text": "e G"}]})
    d = score(w, "Justice  Grúbbs held")  # whitespace inside a keep span: no word broken
    assert (d.broken, d.keep_violated, d.out_char_dist) == (1, 1, 0)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"edits": [{"context": "officers", "ocr": "o", "gold": "O"}]}, "more than once"),
        ({"edits": [{"context": "nowhere", "ocr": "n", "gold": "N"}]}, "does not occur"),
        ({"edits": [{"context": "Id, at", "ocr": ";", "gold": "."}]}, "in its context"),
        ({"edits": [{"context": "Id, at", "ocr": "", "gold": "."}]}, "non-empty"),
        (
            {
                "edits": [
                    {"context": "Id, at", "ocr": "Id,", "gold": "Id."},
                    {"context": "Id, at", "ocr": ", ", "gold": ". "},
                ]
            },
            "overlaps",
        ),
        (
            {
                "edits": [{"context": "Id, at", "ocr": ",", "gold": "."}],
                "keep": [{"context": "Id, at", "text": "Id,"}],
            },
            r"keep\[0\]: overlaps",
        ),
    ],
)
def test_edits_validation_names_file_and_entry(
    tmp_path: Path, spec: dict[str, object], message: str
) -> None:
    gold = _write_gold(tmp_path, spec)
    with pytest.raises(EvalError, match=message) as err:
        read_edits(gold, corpus=tmp_path / "corpus")
    assert "op.json" in str(err.value)


def test_edits_sha_mismatch(tmp_path: Path) -> None:
    gold = _write_gold(tmp_path, SPEC)
    (tmp_path / "corpus" / "era" / "op.txt").write_text(OPINION + "x", encoding="utf-8")
    with pytest.raises(EvalError, match="sha256 mismatch"):
        read_edits(gold, corpus=tmp_path / "corpus")


def test_build_sample_insertions_need_an_anchor() -> None:
    s = build_sample(
        "x", "Id at once", {"edits": [{"context": "Id at", "ocr": "Id", "gold": "Id."}]}
    )
    assert s.gold == "Id. at once"


# -- systems and CLI ---------------------------------------------------------------------------
def test_symspell_baseline_keeps_case_and_punctuation() -> None:
    out, changes = SymSpellSystem().run("Tbe COURT, (held) tbat.")
    assert out == "The COURT, (held) that." and changes is None
    assert IdentitySystem().run("x") == ("x", None)


def test_cli_table_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.ocr.txt").write_text("Tbe officers came.", encoding="utf-8")
    (tmp_path / "a.gold.txt").write_text("The officers came.", encoding="utf-8")
    assert main(["--gold", "pairs", str(tmp_path), "--baseline", "identity", "--errors", "3"]) == 0
    out = capsys.readouterr().out
    assert "cleaner" in out and "identity" in out and "CER before" in out
    assert "remaining wrong words" in out
    assert main(["--gold", "pairs", str(tmp_path), "--per-document", "--no-clean-input"]) == 0
    assert "document (cleaner)" in capsys.readouterr().out
    args = ["--gold", "pairs", str(tmp_path), "--system", "cat", "--json", "--per-document"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents_detail"]["a"]["gold_words"] == 3
    row = data["systems"]["cat"]
    assert (row["documents"], row["fixed"], row["broken"]) == (1, 0, 0)
    assert row["cer_before"] == pytest.approx(1 / 18)


def test_cli_errors_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gold", "pairs", str(tmp_path / "missing")]) == 3
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["--gold", "nope", str(tmp_path)])
    assert e.value.code == 2
    (tmp_path / "a.ocr.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.gold.txt").write_text("x", encoding="utf-8")
    assert main(["--gold", "pairs", str(tmp_path), "--system", "exit 4"]) == 3
    assert "exited with 4" in capsys.readouterr().err


def test_clean_command_dispatches_eval(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cleaner.cli import main as clean_main

    (tmp_path / "a.ocr.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.gold.txt").write_text("x", encoding="utf-8")
    assert clean_main(["eval", "--gold", "pairs", str(tmp_path), "--skip", "quotes"]) == 0
    assert "cleaner" in capsys.readouterr().out


# -- real data (skipped without ../shared) ------------------------------------------------------
@needs_shared
def test_real_benchmarks_read() -> None:
    icdar = sorted((BENCHMARKS / "icdar2017-eng" / "eng_monograph").glob("*.txt"))[:3]
    for f in icdar:
        for s in read_gold("icdar", f):
            assert s.ocr and s.gold
    art = sorted((BENCHMARKS / "bln600" / "articles").glob("*.txt"))[0]
    assert read_gold("bln600", art)[0].gold
    assert len(read_gold("overproof", BENCHMARKS / "overproof" / "dataset2")) > 100


@needs_shared
def test_real_gold_edit_lists_validate() -> None:
    gold = ROOT / "corpus" / "gold"
    if not any(gold.glob("*.json")):
        pytest.skip("no gold edit lists yet")
    samples = read_gold("edits", gold)
    for s in samples:
        assert score(s, s.ocr).out_char_dist == score(s, s.ocr).ocr_char_dist
        assert score(s, s.gold).out_char_dist == 0


def test_moved_marker_judged_where_it_lands_and_wrong_changes_listed() -> None:
    ocr, gold = "the judg*290ments, were made", "the judgments, *290 were made"
    i = ocr.index("*290")
    moved = Change(i, i + 10, "*290ments,", "ments, *290", "star_pages", "moved", 1.0)
    j = ocr.index("made")
    bad = Change(j, j + 4, "made", "mode", "words", "bad", 0.9)
    out = "the judgments, *290 were mode"
    s = score(Sample("d", ocr, gold), out, [moved, bad], errors=True)
    assert s.passes == {"star_pages": [1, 0, 0], "words": [0, 1, 0]}
    [w] = s.wrong_changes
    assert (w.pass_name, w.before, w.after, w.window) == ("words", "made", "mode", "were made")


def test_icdar_gold_hyphen_sites_accept_both_readings() -> None:
    line = "the infor- mation was well- known"
    [s] = parse_icdar(f"[OCR_toInput] {line}\n[OCR_aligned] {line}\n[ GS_aligned] {line}\n", "h")
    for out in (line, "the information was well- known", "the infor-mation was well-known"):
        assert score(s, out).out_char_dist == 0, out
    assert score(s, "the infor mation was well- known").out_char_dist == 1


@settings(max_examples=60, deadline=None)
@given(ocr=st.text(max_size=60), gold=st.text(max_size=60), out=st.text(max_size=60))
def test_score_properties_on_arbitrary_text(ocr: str, gold: str, out: str) -> None:
    s = Sample("p", ocr, gold)
    same = score(s, ocr)
    assert (same.fixed, same.broken) == (0, 0)
    assert same.out_char_dist == same.ocr_char_dist
    perfect = score(s, gold)
    assert perfect.out_char_dist == perfect.out_word_dist == perfect.broken == 0
    any_out = score(s, out, errors=True, clean_output=out)
    assert any_out.fixed <= any_out.ocr_wrong and any_out.broken <= any_out.gold_words


@needs_shared
def test_cleaner_on_real_gold_improves_and_keeps_keep_spans() -> None:
    """The hand-annotated opinions: fewer errors after, and no span marked 'keep' is changed."""
    gold = ROOT / "corpus" / "gold"
    if not any(gold.glob("*.json")):
        pytest.skip("no gold edit lists yet")
    from cleaner.evaluate.cli import evaluate
    from cleaner.evaluate.systems import CleanerSystem

    total = evaluate(read_gold("edits", gold), [CleanerSystem()], clean_input=False)["cleaner"]
    assert total.out_char_dist < total.ocr_char_dist
    assert total.keep_violated == 0, "a 'keep' span of the gold was changed: see clean eval"


def test_untouched_words_paired_differently_are_neither_fixed_nor_broken() -> None:
    ocr = "born in hishouse, andhehadpaidallexpenses, and had put it out"
    gold = "born in his house, and he had paid all expenses, and had put it out"
    out = "born in his house, andhehadpaidallexpenses, and had put it out"
    s = score(Sample("d", ocr, gold), out)
    assert (s.fixed, s.broken) == (2, 0)
