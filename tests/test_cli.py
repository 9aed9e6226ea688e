"""The `frnews` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_quotes_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("speaker") or out == "no quotes\n"


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/file.txt"]) == 2
    assert "cannot read /nonexistent/file.txt" in capsys.readouterr().err


def test_bad_jsonl_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text("not json\n", encoding="utf-8")
    assert main(["--jsonl", str(src)]) == 2
    assert "line 1" in capsys.readouterr().err


def test_console_script_and_module_entry_points() -> None:
    for cmd in (["frnews", str(SAMPLE)], [sys.executable, "-m", "frnews", str(SAMPLE)]):
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        assert "Sergueï" in out
