"""The `frnews` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import frnews
from frnews.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample_article.txt"


def test_show_prints_sentences_and_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "MOSCOU, 7 juin (Xinhua) -- La Communauté" in out
    assert "url     french.xinhuanet.com" in out


def test_jsonl_writes_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Il pleut. Oui."}) + "\n", encoding="utf-8")
    assert main(["--jsonl", str(src)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["id"] == "a"
    assert line["tokens"] == [[0, 2], [3, 8], [8, 9], [10, 13], [13, 14]]
    assert line["sentences"] == [[0, 9], [10, 14]]
    assert {"meta", "entities", "quotes"} <= line.keys()


def test_quotes_table_leaves_out_the_repeated_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SAMPLE)]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    doc = frnews.analyze(SAMPLE.read_text(encoding="utf-8"))
    assert len(rows) == sum(q.zone != "copy" for q in doc.quotes) < len(doc.quotes)
    assert rows[0].startswith("Sergueï Lebedev  indirect  La Communauté des Etats indépendants (CEI)")


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/file.txt"]) == 2
    assert capsys.readouterr().err == "frnews: error: /nonexistent/file.txt: No such file or directory\n"


def test_bad_jsonl_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text("not json\n", encoding="utf-8")
    assert main(["--jsonl", str(src)]) == 2
    assert "line 1" in capsys.readouterr().err


def test_console_script_and_module_entry_points() -> None:
    for cmd in (["frnews", str(SAMPLE)], [sys.executable, "-m", "frnews", str(SAMPLE)]):
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        assert "Sergueï" in out


def test_analyze_directory_to_csv_and_parquet(tmp_path: Path) -> None:
    import pandas as pd

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "b.txt").write_text("PARIS, 3 mars (AFP) - Emmanuel Macron est à Berlin.", encoding="utf-8")
    csv = tmp_path / "entities.csv"
    assert main(["analyze", str(articles), "--table", "entities", "-o", str(csv), "--no-progress"]) == 0
    frame = pd.read_csv(csv)
    assert set(frame["doc"]) == {str(articles / "a.txt"), str(articles / "b.txt")}
    b = frame[frame["doc"] == str(articles / "b.txt")]
    assert list(zip(b["text"], b["label"])) == [("PARIS", "LOC"), ("3 mars", "DATE"), ("AFP", "ORG"),
                                                ("Emmanuel Macron", "PER"), ("Berlin", "LOC")]
    parquet = tmp_path / "articles.parquet"
    assert main(["analyze", str(articles), "--table", "articles", "-o", str(parquet), "--no-progress"]) == 0
    meta = pd.read_parquet(parquet).set_index("doc")
    assert meta.loc[str(articles / "b.txt"), "agency"] == "AFP"
    assert meta.loc[str(articles / "a.txt"), "published"] == "2018-06-07T13:25"


def test_analyze_jsonl_input_keeps_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "news.jsonl"
    lines = [{"id": "x1", "text": "M. Wang Yi est arrivé à Pékin."}, {"id": "x2", "text": "Il pleut."}]
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["analyze", str(src), "--table", "entities", "--format", "jsonl", "--no-progress"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["doc"], r["text"], r["label"]) for r in rows] == [("x1", "Wang Yi", "PER"), ("x1", "Pékin", "LOC")]


def test_analyze_progress_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs.jsonl"
    assert main(["analyze", str(SAMPLE), "-o", str(out), "--progress"]) == 0
    assert "article/s" in capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert doc["meta"]["dateline"] == "MOSCOU"
