"""Accuracy floors: the installed `frnews --jsonl` scored with the shared scorer on every gold set.

Each floor is the score reached when it was last raised; a change that drops below one fails here.
Raise a floor when you raise the score, never lower it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# (gold set, dotted path into `score.py news --json`, floor)
FLOORS = {
    "seeds": {
        "entities.micro.f1": 1.0,
        "entities.canonical_acc": 1.0,
        "entities.date_value_acc": 1.0,
        "quotes.detection.f1": 1.0,
        "quotes.attributed.f1": 1.0,
        "quotes.speaker_acc": 1.0,
        "meta.acc.title": 1.0,
        "meta.acc.published": 1.0,
        "meta.acc.dateline": 1.0,
        "meta.acc.agency": 1.0,
        "meta.acc.body_start": 1.0,
        "meta.acc.body_end": 1.0,
    },
    "tests_data": {
        "entities.micro.f1": 0.9848,
        "entities.canonical_acc": 0.9959,
        "entities.date_value_acc": 1.0,
        "quotes.detection.f1": 0.996,
        "quotes.attributed.f1": 0.9636,
        "quotes.speaker_acc": 0.9675,
        "meta.acc.title": 1.0,
        "meta.acc.published": 1.0,
        "meta.acc.dateline": 1.0,
        "meta.acc.agency": 1.0,
        "meta.acc.body_start": 1.0,
        "meta.acc.body_end": 1.0,
    },
    "wikinews_dev": {
        "entities.micro.f1": 0.9103,
        "entities.by_label.PER.f1": 0.9153,
        "entities.by_label.ORG.f1": 0.8521,
        "entities.by_label.LOC.f1": 0.9219,
        "entities.by_label.DATE.f1": 0.9642,
        "entities.canonical_acc": 0.9784,
        "entities.date_value_acc": 0.9757,
        "quotes.detection.f1": 0.9235,
        "quotes.attributed.f1": 0.8385,
        "quotes.speaker_acc": 0.908,
        "quotes.recall_by_kind.direct": 0.9701,
        "quotes.recall_by_kind.indirect": 0.8765,
        "quotes.recall_by_kind.partial": 0.7297,
        "meta.acc.title": 1.0,
        "meta.acc.published": 1.0,
        "meta.acc.dateline": 1.0,
        "meta.acc.agency": 1.0,
        "meta.acc.body_start": 0.9833,
        "meta.acc.body_end": 1.0,
    },
    # Page layouts of many kinds of sites (tests/data/layouts/README.md): meta only.
    "layouts": {
        "meta.acc.title": 1.0,
        "meta.acc.published": 1.0,
        "meta.acc.dateline": 1.0,
        "meta.acc.agency": 1.0,
        "meta.acc.body_start": 1.0,
        "meta.acc.body_end": 1.0,
    },
}


def gold_path(name: str, shared: Path) -> Path:
    if name == "tests_data":
        return ROOT / "tests" / "data" / "gold.jsonl"
    if name == "layouts":
        return ROOT / "tests" / "data" / "layouts" / "gold.jsonl"
    return shared / "data" / "gold" / f"{name}.jsonl"


def lookup(scores: dict, dotted: str) -> float:
    value = scores
    for key in dotted.split("."):
        value = value[key]
    return float(value)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_above_their_floors(name: str, shared: Path, tmp_path: Path) -> None:
    gold = gold_path(name, shared)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run(["frnews", "--jsonl", str(gold)], check=True, stdout=out)
    scores = json.loads(
        subprocess.run(
            [sys.executable, str(shared / "eval" / "score.py"), "news", str(gold), str(pred), "--json"],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    assert scores["missing_docs"] == []
    below = {
        key: (lookup(scores, key), floor)
        for key, floor in FLOORS[name].items()
        if lookup(scores, key) < floor
    }
    assert not below, f"{name}: score below its floor (got, floor): {below}"
