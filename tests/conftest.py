"""Shared fixtures: the seed articles and the gold files in ../shared."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRNEWS_SHARED", ROOT.parent / "shared"))
SEEDS = sorted((SHARED / "data" / "seeds").glob("*.txt"))


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> list[str]:
    return seed_texts()


@pytest.fixture(scope="session")
def gold_seeds(shared: Path) -> list[dict]:
    path = shared / "data" / "gold" / "seeds.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
