"""The package's types as a user's type checker sees them (mypy --strict)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GOOD = '''
import frnews
docs = frnews.analyze_batch(["Il pleut à Paris."])
reveal_type(frnews.to_polars(docs, "paragraphs"))
reveal_type(frnews.to_arrow(docs, "warnings"))
reveal_type(frnews.Entity.from_dict(docs[0].entities[0].to_dict()))
reveal_type(docs[0].entities[0].label)
'''

BAD = '''
import frnews
frnews.to_pandas(frnews.analyze_batch(["Il pleut."]), "words")
frnews.Entity("Paris", 0, 5, "CITY")
'''


def mypy(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
                          capture_output=True, text=True, cwd=tmp_path)


def test_tables_and_objects_are_typed(tmp_path: Path) -> None:
    out = mypy(tmp_path, GOOD).stdout
    assert 'Revealed type is "polars.dataframe.frame.DataFrame"' in out, out
    assert 'Revealed type is "frnews._frnews.Entity"' in out, out
    assert "Literal['PER']" in out and "Literal['PERCENT']" in out, out
    assert "error" not in out.replace("note:", ""), out


def test_what_and_labels_are_literals(tmp_path: Path) -> None:
    result = mypy(tmp_path, BAD)
    assert result.returncode == 1
    assert "user.py:3: error" in result.stdout and "Literal['words']" in result.stdout, result.stdout
    assert "user.py:4: error" in result.stdout and "Literal['CITY']" in result.stdout, result.stdout
