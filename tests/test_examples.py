"""The examples: the notebook executes, the scripts pass `mypy --strict`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_quickstart_notebook_executes() -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("frnews-doc" in h for h in html)
    # The entity chart counts each mention once: the body only.
    chart = next(c.source for c in nb.cells if "plot.barh" in c.source)
    assert 'entities["zone"] == "body"' in chart


def test_example_scripts_pass_mypy_strict() -> None:
    scripts = sorted(str(p) for p in EXAMPLES.glob("*.py"))
    assert scripts
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", *scripts],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_example_script_runs() -> None:
    out = subprocess.run([sys.executable, str(EXAMPLES / "who_said_what.py")],
                         check=True, capture_output=True, text=True).stdout
    assert out.strip()
