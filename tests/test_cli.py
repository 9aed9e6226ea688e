"""The `frnews` command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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
    assert capsys.readouterr().err.startswith(f"frnews: error: {src}:1: not JSON (")


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


# ---------------------------------------------------------------------------
# The installed `frnews` in a subprocess: inputs, errors, outputs, signals.

ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
PARIS = "PARIS, 3 mars (AFP) - Léon Blum est à Berlin."


def frnews_cmd(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run(["frnews", *args], text=True, timeout=300, **kwargs)


def error_of(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a user error prints, after checking status 2 and no output."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("frnews: error: ")
    return lines[0]


def jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "b", "text": 5}', '"text" must be a string, not a number'),
        ('{"id": "b", "text": null}', '"text" must be a string, not null'),
        ('{"id": "b", "text": ["a"]}', '"text" must be a string, not an array'),
        ('{"id": "b", "text": "x\\ud800y"}', "lone surrogate"),
        ('{"id": "\\udc80", "text": "x"}', "lone surrogate"),
        ('{"id": null, "text": "x"}', '"id" must be a string or an integer, not null'),
        ('{"text": "x"}', 'not a JSON object with "id" and "text"'),
        ("[1, 2]", 'not a JSON object with "id" and "text"'),
        ('{"id": "b", "text": "x"', "not JSON ("),
    ],
)
@pytest.mark.parametrize("command", [["--jsonl"], ["analyze"], ["quotes"]])
def test_a_bad_jsonl_record_is_one_line_and_status_2(tmp_path: Path, line: str, message: str, command: list[str]) -> None:
    src = tmp_path / "in.jsonl"
    # A good record first: nothing is written all the same.
    src.write_text(json.dumps({"id": "a", "text": "Il pleut."}) + "\n" + line + "\n", encoding="utf-8")
    assert error_of(frnews_cmd(*command, str(src))).startswith(f"frnews: error: {src}:2: {message}")


def test_skip_errors_reports_each_bad_input_and_exits_1(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Il pleut."}\n{"id": "b", "text": 5}\n\n{"id": "c", "text": "M. Dupont est venu."}\n'
        '{"id": "d", "text": "x\\ud800"}\nnot json\n',
        encoding="utf-8",
    )
    result = frnews_cmd("--jsonl", str(src), "--skip-errors")
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "c"]
    assert [line.split(": ", 3)[2] for line in result.stderr.splitlines()[:-1]] == [
        f"skipped {src}:2", f"skipped {src}:5", f"skipped {src}:6",
    ]
    assert result.stderr.splitlines()[-1] == "frnews: warning: 3 inputs skipped"


def test_jsonl_lines_equal_to_dict(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES[:5]] + ["", "😀 « Oui », a dit M. Dupont.\r\n"]
    src = jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(texts)])
    result = frnews_cmd("--jsonl", str(src))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [{"id": str(i), **frnews.analyze(t).to_dict()} for i, t in enumerate(texts)]


def test_encodings(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(PARIS.encode("latin-1"))
    assert "latin.txt: not valid utf-8: byte 0xe9 at offset 23; try --encoding auto" in error_of(
        frnews_cmd("analyze", str(latin))
    )
    for encoding, warning in (("latin-1", ""), ("cp1252", ""), ("auto", f"frnews: warning: {latin}: not UTF-8, read as Windows-1252\n")):
        result = frnews_cmd("analyze", str(latin), "--encoding", encoding)
        assert result.returncode == 0 and result.stderr == warning
        assert json.loads(result.stdout)["text"] == PARIS
    # `auto`: Windows-1252 where it defines a byte, Latin-1 for its five holes.
    cp = tmp_path / "cp.txt"
    cp.write_bytes(b"l\x92\xe9t\xe9 \x80 \x81\x8d\x8f\x90\x9d")
    result = frnews_cmd("analyze", str(cp), "--encoding", "auto")
    assert json.loads(result.stdout)["text"] == "l’été € \x81\x8d\x8f\x90\x9d"
    # `auto` on UTF-8: the BOM goes, offsets count from the first letter.
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + PARIS.encode("utf-8"))
    result = frnews_cmd("analyze", str(bom), "--encoding", "auto")
    assert result.stderr == ""
    assert json.loads(result.stdout)["tokens"][0] == [0, 5]
    assert frnews_cmd("analyze", str(bom), "--encoding", "klingon").returncode == 2
    # JSON Lines in another encoding, decoded line by line.
    lines = tmp_path / "latin.jsonl"
    lines.write_bytes((json.dumps({"id": "x", "text": PARIS}, ensure_ascii=False) + "\n").encode("latin-1"))
    result = frnews_cmd("--jsonl", str(lines), "--encoding", "auto")
    assert result.returncode == 0 and json.loads(result.stdout)["text"] == PARIS
    assert result.stderr == f"frnews: warning: {lines}:1: not UTF-8, read as Windows-1252\n"


def make_corpus(tmp_path: Path) -> Path:
    """Two articles, one in a sub-directory, a directory named like a text
    file, and files that are not `.txt`."""
    corpus = tmp_path / "corpus"
    (corpus / "deeper").mkdir(parents=True)
    (corpus / "folder.txt").mkdir()
    (corpus / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "deeper" / "b.txt").write_text(PARIS, encoding="utf-8")
    (corpus / "notes.md").write_text("pas un article", encoding="utf-8")
    return corpus


def test_directories_everywhere(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    a, b = str(corpus / "a.txt"), str(corpus / "deeper" / "b.txt")
    shown = frnews_cmd(str(corpus))
    assert shown.returncode == 0, shown.stderr
    assert [line for line in shown.stdout.splitlines() if line.startswith("== /")] == [f"== {a}", f"== {b}"]
    assert "Léon Blum" in shown.stdout
    quotes = frnews_cmd("quotes", str(corpus))
    assert quotes.returncode == 0
    assert quotes.stdout.startswith(f"== {a}\nspeaker") and f"== {b}\nno quotes\n" in quotes.stdout
    predictions = frnews_cmd("--jsonl", str(corpus))
    assert [json.loads(line)["id"] for line in predictions.stdout.splitlines()] == [a, b]
    docs = frnews_cmd("analyze", str(corpus))
    assert [json.loads(line)["id"] for line in docs.stdout.splitlines()] == [a, b]


def test_an_unreadable_input_stops_the_run_unless_skipped(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    (corpus / "deeper" / "c.txt").write_bytes(PARIS.encode("latin-1"))
    missing = str(tmp_path / "missing.txt")
    out = tmp_path / "out.csv"
    for command in (["analyze", "--table", "entities", "-o", str(out)], ["quotes"], []):
        line = error_of(frnews_cmd(*command, str(corpus), missing))
        assert line.startswith(f"frnews: error: {corpus / 'deeper' / 'c.txt'}: not valid utf-8")
        if command[:1] == ["analyze"]:
            assert not out.exists()  # nothing written
        result = frnews_cmd(*command, str(corpus), missing, "--skip-errors")
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            f"frnews: warning: skipped {corpus / 'deeper' / 'c.txt'}: not valid utf-8: byte 0xe9 at offset 23; try --encoding auto",
            f"frnews: warning: skipped {missing}: No such file or directory",
            "frnews: warning: 2 inputs skipped",
        ]
    import pandas as pd

    assert set(pd.read_csv(out)["doc"]) == {str(corpus / "a.txt"), str(corpus / "deeper" / "b.txt")}


def test_output_errors_are_one_line(tmp_path: Path) -> None:
    line = error_of(frnews_cmd("analyze", str(SAMPLE), "--table", "entities", "-o", str(tmp_path / "no" / "out.csv")))
    assert line == f"frnews: error: {tmp_path / 'no' / 'out.csv'}: no such directory: {tmp_path / 'no'}"
    assert error_of(frnews_cmd("analyze", str(SAMPLE), "-o", "/dev/full")) == (
        "frnews: error: /dev/full: No space left on device"
    )
    with open("/dev/full", "w") as full:
        result = frnews_cmd(str(SAMPLE), stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr == "frnews: error: standard output: No space left on device\n"
    # stdout closed from the start (`frnews FILE >&-`).
    result = frnews_cmd(str(SAMPLE), stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr == "frnews: error: standard output is closed\n"
    assert frnews_cmd("analyze", str(SAMPLE), "--threads", "0").returncode == 2


def test_a_reader_closing_the_pipe_is_no_error(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "many.jsonl", [{"id": i, "text": SAMPLE.read_text(encoding="utf-8")} for i in range(100)])
    for command in (["--jsonl", str(src)], ["analyze", str(src)], [str(src)], ["analyze", str(src), "--table", "tokens"]):
        with subprocess.Popen(["frnews", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            assert len(proc.stdout.read(10)) == 10  # `| head -c 10`
            proc.stdout.close()
            err = proc.stderr.read()
            assert proc.wait(timeout=120) == 0
        assert err == b""


def test_out_file_to_dev_stdout_is_written_in_place() -> None:
    result = frnews_cmd("analyze", str(SAMPLE), "--table", "entities", "-o", "/dev/stdout", "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "doc,start,end,text,label,canonical,value,zone,source"


def test_a_failed_write_leaves_the_previous_output(tmp_path: Path) -> None:
    import resource

    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES), encoding="utf-8")
    for name in ("out.csv", "out.parquet"):
        out = tmp_path / name
        assert frnews_cmd("analyze", str(SAMPLE), "--table", "entities", "-o", str(out)).returncode == 0
        before = out.read_bytes()
        out.chmod(0o640)

        def small_files() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (32_000, 32_000))

        result = frnews_cmd("analyze", str(big), str(big), "--table", "tokens", "-o", str(out), preexec_fn=small_files)
        assert error_of(result) == f"frnews: error: {out}: File too large"
        assert out.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
        # A complete run replaces it, keeping its permissions.
        assert frnews_cmd("analyze", str(big), "--table", "tokens", "-o", str(out)).returncode == 0
        assert out.read_bytes() != before and out.stat().st_mode & 0o777 == 0o640


def test_ctrl_c_stops_the_command_line_quietly(tmp_path: Path) -> None:
    import signal
    import time

    src = jsonl(tmp_path / "many.jsonl", [{"id": i, "text": SAMPLE.read_text(encoding="utf-8")} for i in range(5_000)])
    out = tmp_path / "out.csv"
    out.write_text("previous\n", encoding="utf-8")
    with subprocess.Popen(
        ["frnews", "analyze", str(src), "--table", "entities", "-o", str(out), "--progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as proc:
        assert proc.stderr is not None
        proc.stderr.read(len("\rfrnews: "))  # the progress bar: analysis has begun
        proc.send_signal(signal.SIGINT)
        sent = time.perf_counter()
        assert proc.wait(timeout=30) == 130
        elapsed = time.perf_counter() - sent
        assert "Traceback" not in proc.stderr.read()
    assert elapsed < 1.0, elapsed
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl", "out.csv"]


def test_jsonl_input_is_analysed_as_it_is_read() -> None:
    # 600 lines on a pipe left open: the first chunk's results come out
    # before the input ends (with --skip-errors stdin is not checked first).
    line = json.dumps({"id": "x", "text": "M. Dupont est venu à Lyon."}) + "\n"
    with subprocess.Popen(
        ["frnews", "--jsonl", "-", "--skip-errors"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(line * 600)
        proc.stdin.flush()
        first = proc.stdout.readline()
        assert json.loads(first)["id"] == "x"
        proc.stdin.close()
        rest = proc.stdout.read()
        assert proc.wait(timeout=60) == 0
    assert len(rest.splitlines()) == 599


def test_stdin_is_checked_before_anything_is_written() -> None:
    good = json.dumps({"id": "x", "text": "Il pleut."}) + "\n"
    result = frnews_cmd("--jsonl", "-", input=good * 3 + '{"id": "y", "text": 1}\n')
    assert error_of(result) == 'frnews: error: <stdin>:4: "text" must be a string, not a number'
    result = frnews_cmd("analyze", "-", input=good * 3)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 3


def test_help_lists_every_command() -> None:
    out = frnews_cmd("--help").stdout
    for command in ("frnews PATH...", "frnews quotes PATH...", "frnews analyze PATH...", "frnews --jsonl IN.jsonl"):
        assert command in out
    for option in ("--encoding", "--skip-errors", "--threads"):
        assert option in out and option in frnews_cmd("analyze", "--help").stdout
        assert option in frnews_cmd("quotes", "--help").stdout


# ---------------------------------------------------------------------------
# Memory: peak RSS of the installed command on big inputs.

MEASURE = (
    "import resource, subprocess, sys\n"
    "with open(sys.argv[1], 'wb') as out:\n"
    "    code = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n"
)


def peak_rss(tmp_path: Path, *command: str) -> int:
    """Peak resident bytes of `command`, its output to a file."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path / "measure.out"), *command],
        capture_output=True, text=True, check=True, timeout=600,
    )
    code, peak = result.stdout.split()
    assert code == "0", result.stderr
    return int(peak)


def corpus_text(size: int) -> str:
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES) + "\n\n"
    text = one * (size // len(one.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


@pytest.fixture(scope="module")
def ten_mb(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Peak RSS on one 10 MB text: the library alone and the command line."""
    tmp = tmp_path_factory.mktemp("memory")
    text = corpus_text(10_000_000)
    txt = tmp / "big.txt"
    txt.write_text(text, encoding="utf-8")
    src = jsonl(tmp / "big.jsonl", [{"id": "big", "text": text}])
    library = "import sys, frnews; frnews.analyze(open(sys.argv[1], encoding='utf-8').read())"
    return {
        "size": len(text.encode("utf-8")),
        "version": peak_rss(tmp, "frnews", "--version"),
        "library": peak_rss(tmp, sys.executable, "-c", library, str(txt)),
        "jsonl": peak_rss(tmp, "frnews", "--jsonl", str(src)),
        "analyze": peak_rss(tmp, "frnews", "analyze", str(txt), "--table", "entities", "-o", str(tmp / "e.csv")),
    }


def test_the_command_line_adds_little_memory_to_the_analysis(ten_mb: dict[str, Any]) -> None:
    # Output is streamed from Rust: --jsonl on one 10 MB text used to add 94x
    # the input over `frnews.analyze` itself (JSON built as Python objects).
    size = ten_mb["size"]
    assert ten_mb["jsonl"] - ten_mb["library"] < 5 * size, ten_mb
    assert ten_mb["analyze"] - ten_mb["library"] < 5 * size, ten_mb


def test_analyze_stays_under_ten_times_the_input(ten_mb: dict[str, Any]) -> None:
    # Issue 15: peak RSS over that of `frnews --version`, on one 10 MB text.
    assert ten_mb["analyze"] - ten_mb["version"] < 10 * ten_mb["size"], ten_mb


@pytest.mark.xfail(
    reason="--jsonl peaks at ~8.7x the input: the finished document's layers alone (tokens 1.5x, entities 1.4x, "
    "sentences, paragraphs and quotes 0.8x) with the text (1x) and the lexicons (0.6x) are 5.3x, before the "
    "stages' working sets (the quote stage's ~2.8x at the peak)",
    strict=True,
)
def test_jsonl_stays_under_five_times_the_input(ten_mb: dict[str, Any]) -> None:
    assert ten_mb["jsonl"] - ten_mb["version"] < 5 * ten_mb["size"], ten_mb


def test_memory_stays_bounded_on_a_long_jsonl(tmp_path: Path) -> None:
    # Ten times the articles, about the same peak: read a chunk at a time.
    articles = [p.read_text(encoding="utf-8") for p in ARTICLES]
    small = jsonl(tmp_path / "small.jsonl", [{"id": i, "text": t} for i, t in enumerate(articles * 80)])
    large = jsonl(tmp_path / "large.jsonl", [{"id": i, "text": t} for i, t in enumerate(articles * 800)])
    grown = peak_rss(tmp_path, "frnews", "--jsonl", str(large)) - peak_rss(tmp_path, "frnews", "--jsonl", str(small))
    assert grown < 0.5 * (large.stat().st_size - small.stat().st_size), grown


def test_write_json_line_is_to_json_streamed() -> None:
    import io

    from frnews._frnews import write_json_line

    # Over 64 KB of accents and emoji: pieces are cut between characters.
    text = ("« Été », a dit M. Dupont 😀 à Lyon.\n\n" * 3000) + SAMPLE.read_text(encoding="utf-8")
    doc = frnews.analyze(text)
    out = io.StringIO()
    write_json_line(out, doc)
    assert out.getvalue() == doc.to_json() + "\n"
    out = io.StringIO()
    write_json_line(out, doc, "a1")
    assert json.loads(out.getvalue()) == {"id": "a1", **doc.to_dict()}

    class Full(io.StringIO):
        def write(self, s: str) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_json_line(Full(), doc)
    with pytest.raises(TypeError, match="^id must be a str, not int$"):
        write_json_line(io.StringIO(), doc, 5)  # type: ignore[arg-type]
