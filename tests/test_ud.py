"""Tokens and sentences scored on UD French-GSD dev with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import frnews

TOKEN_F1_MIN = 0.99
SENTENCE_F1_MIN = 0.93


def test_gsd_dev_scores(shared: Path, tmp_path: Path) -> None:
    score = shared / "eval" / "score.py"
    conllu = shared / "data" / "ud" / "fr_gsd" / "fr_gsd-ud-dev.conllu"
    docs = subprocess.run(
        [sys.executable, str(score), "ud-text", str(conllu)],
        check=True, capture_output=True, text=True,
    ).stdout
    texts = tmp_path / "texts.jsonl"
    texts.write_text(docs, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        subprocess.run(["frnews", "--jsonl", str(texts)], check=True, stdout=f)
    result = json.loads(
        subprocess.run(
            [sys.executable, str(score), "ud", str(conllu), str(pred), "--json"],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    assert result["tokens"]["f1"] >= TOKEN_F1_MIN, result
    assert result["sentences"]["f1"] >= SENTENCE_F1_MIN, result


def test_prediction_matches_the_object_api() -> None:
    text = "« Oui », a-t-il dit. Fin."
    line = json.dumps({"id": "x", "text": text}) + "\n"
    pred = json.loads(subprocess.run(["frnews", "--jsonl", "-"], input=line, check=True, capture_output=True, text=True).stdout)
    assert pred["tokens"] == [[t.start, t.end] for t in frnews.tokenize(text)]
    assert pred["sentences"] == [[s.start, s.end] for s in frnews.sentences(text)]
