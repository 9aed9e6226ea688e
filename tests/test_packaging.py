"""Packaging: the licence, the `[all]` extra, messages for missing extras."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_license_file_matches_the_metadata() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "frnews contributors" in text
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_all_extra_holds_every_optional_dependency() -> None:
    tomllib = pytest.importorskip("tomllib")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    runtime = {dep for name, deps in extras.items() if name not in ("all", "test") for dep in deps}
    assert runtime and set(extras["all"]) == runtime


def test_frnews_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.delitem(sys.modules, "frnews.pandas", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'frnews\[pandas\]'"):
        importlib.import_module("frnews.pandas")
