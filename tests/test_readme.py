"""The README's Python examples run as doctests, in order, from the checkout's
root, so that they cannot drift from the library. Blocks without `>>>` (the
Dask and PySpark recipes, covered by tests/test_dask.py and the frames tests)
must still compile."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def python_blocks() -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1))
            for m in re.finditer(r"^```python\n(.*?)^```", text, re.S | re.M)]


def test_readme_examples_are_doctests_that_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    blocks = [(line, code) for line, code in python_blocks() if ">>>" in code]
    assert len(blocks) >= 4
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # One session: a block uses the names of the blocks before it.
    names: dict[str, object] = {"__name__": "readme"}
    for line, code in blocks:
        test = doctest.DocTestParser().get_doctest(code, names, "README.md", str(README), line - 1)
        runner.run(test, out=report.append, clear_globs=False)
        names.update(test.globs)
    assert runner.failures == 0, "".join(report)
    assert runner.tries >= 15


def test_the_other_python_blocks_compile() -> None:
    others = [(line, code) for line, code in python_blocks() if ">>>" not in code]
    assert others
    for line, code in others:
        compile(code, f"README.md:{line}", "exec")
