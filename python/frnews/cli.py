"""The `frnews` command line.

    frnews FILE...              fields, entities, quotes, sentences and tokens, readably
    frnews quotes FILE...       who said what: a table of speaker, kind and text
    frnews analyze PATH... [-o OUT] [--table T] [--format F]
                                files, directories or .jsonl in; JSON Lines, CSV or
                                Parquet of articles, entities or quotes out
    frnews --jsonl IN.jsonl     prediction lines (GUIDELINES.md format) on stdout
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TextIO

import frnews
from frnews.batch import analyze_batch
from frnews.frames import TABLES, records, to_pandas

EXIT_USAGE = 2


class InputFileError(Exception):
    """A file named on the command line cannot be read."""


def read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise InputFileError(f"cannot read {path}: {e}") from e


def read_jsonl(path: str) -> Iterator[tuple[str, str]]:
    """Yield `(id, text)` from a JSON Lines file of `{"id", "text"}` objects."""
    text = sys.stdin.read() if path == "-" else read_text(path)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield str(record["id"]), record["text"]
        except (ValueError, KeyError, TypeError) as e:
            raise InputFileError(f"{path}, line {number}: not a {{'id', 'text'}} object ({e})") from e


def prediction(doc_id: str, text: str) -> dict[str, Any]:
    """One prediction line in the format of GUIDELINES.md."""
    return {"id": doc_id, **frnews.analyze(text).to_dict()}


def one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show_quotes(doc: frnews.Document, out: TextIO) -> None:
    """Who said what: speaker, kind and text of each quote, once (a repeated
    copy of the article is left out)."""
    rows = [(q.speaker or "(unknown)", q.kind, q.text) for q in doc.quotes if q.zone != "copy"]
    if not rows:
        out.write("no quotes\n")
        return
    width = max(len(r[0]) for r in rows)
    out.write(f"{'speaker':<{width}}  {'kind':<8}  text\n")
    for speaker, kind, text in rows:
        out.write(f"{speaker:<{width}}  {kind:<8}  {one_line(text, 100)}\n")


def show(text: str, out: TextIO) -> None:
    """Article fields, entities and quotes, then each sentence with its tokens."""
    doc = frnews.analyze(text)
    meta = doc.meta
    out.write("== article\n")
    for field in ("title", "published", "dateline", "agency", "body_start", "body_end", "article_id"):
        value = getattr(meta, field)
        if value is not None:
            out.write(f"  {field:<11} {value}\n")
    out.write(f"== entities ({len(doc.entities)})\n")
    for e in doc.entities:
        extra = "".join(f"  {k}={v}" for k, v in (("canonical", e.canonical), ("value", e.value)) if v and v != e.text)
        out.write(f"  {e.start:>6}-{e.end:<6} {e.label:<7} {e.text}{extra}\n")
    out.write(f"== quotes ({len(doc.quotes)})\n")
    show_quotes(doc, out)
    out.write("== sentences and tokens\n")
    tokens = doc.tokens
    t = 0
    for number, sentence in enumerate(doc.sentences, 1):
        out.write(f"[{number}] {sentence.start}-{sentence.end}  {' '.join(sentence.text.split())}\n")
        while t < len(tokens) and tokens[t].start < sentence.end:
            token = tokens[t]
            out.write(f"      {token.start:>6}-{token.end:<6} {token.kind:<7} {token.text}\n")
            t += 1


def quotes_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="frnews quotes", description="Who said what in each file.")
    parser.add_argument("files", nargs="+", help="text files")
    args = parser.parse_args(argv)

    def work() -> None:
        for path in args.files:
            if len(args.files) > 1:
                sys.stdout.write(f"== {path}\n")
            show_quotes(frnews.analyze(read_text(path)), sys.stdout)

    return report_errors(work)


def report_errors(work: Callable[[], None]) -> int:
    """Run `work`: an unreadable input exits with status 2 and a message; a
    reader closing the pipe early (`frnews file | head`) is no error."""
    try:
        work()
    except InputFileError as e:
        print(f"frnews: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()
    return 0


def iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    """`(id, text)` for each input: a text file (its path is the id), every
    `.txt` file under a directory, or the lines of a `.jsonl` file."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*.txt")):
                yield str(child), read_text(str(child))
        elif p.suffix == ".jsonl" or path == "-":
            yield from read_jsonl(path)
        else:
            yield path, read_text(path)


def analyze_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="frnews analyze",
        description="Analyse articles and write a table of articles, entities or quotes.",
    )
    parser.add_argument("paths", nargs="+", help="text files, directories of .txt files, or .jsonl files ('-' for stdin)")
    parser.add_argument("-o", "--output", help="output file (default: stdout, JSON Lines or CSV only)")
    parser.add_argument("--table", choices=["documents", *TABLES], default="documents",
                        help="what to write: whole documents (JSON Lines) or one table (default: documents)")
    parser.add_argument("--format", choices=["jsonl", "csv", "parquet"],
                        help="output format (default: from the output's extension, else jsonl)")
    parser.add_argument("--threads", type=int, default=None, help="threads (default: all cores)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: when stderr is a terminal)")
    args = parser.parse_args(argv)
    fmt = args.format or {".csv": "csv", ".parquet": "parquet"}.get(Path(args.output or "").suffix, "jsonl")
    if args.table == "documents" and fmt != "jsonl":
        parser.error("whole documents are written as JSON Lines; choose --table for csv or parquet")
    if fmt == "parquet" and not args.output:
        parser.error("parquet needs an output file (-o)")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        inputs = list(iter_inputs(args.paths))
        ids = [doc_id for doc_id, _ in inputs]
        docs = analyze_batch([text for _, text in inputs], n_threads=args.threads, progress=progress)
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output and fmt != "parquet" else sys.stdout
        try:
            if args.table == "documents":
                for doc_id, doc in zip(ids, docs):
                    out.write(json.dumps({"id": doc_id, **doc.to_dict()}, ensure_ascii=False) + "\n")
            elif fmt == "jsonl":
                columns = records(docs, args.table, ids)
                for row in zip(*columns.values()):
                    out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
            elif fmt == "csv":
                columns = records(docs, args.table, ids)
                writer = csv.writer(out)
                writer.writerow(columns)
                writer.writerows(zip(*columns.values()))
            else:
                to_pandas(docs, args.table, index=ids).to_parquet(args.output, index=False)
        finally:
            if out is not sys.stdout:
                out.close()
    except InputFileError as e:
        print(f"frnews: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except ImportError as e:
        print(f"frnews: error: {e} (parquet needs: pip install pandas pyarrow)", file=sys.stderr)
        return EXIT_USAGE
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frnews",
        description="French wire-news articles as structured data.",
    )
    parser.add_argument("files", nargs="*", help="text files to show tokens and sentences of")
    parser.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help="read {'id', 'text'} lines ('-' for stdin) and write prediction lines to stdout",
    )
    parser.add_argument("--version", action="version", version=f"frnews {frnews.__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["quotes"]:
        return quotes_main(argv[1:])
    if argv[:1] == ["analyze"]:
        return analyze_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.files and not args.jsonl:
        parser.print_usage(sys.stderr)
        print("frnews: error: give text files or --jsonl IN.jsonl", file=sys.stderr)
        return EXIT_USAGE
    out = sys.stdout

    def work() -> None:
        if args.jsonl:
            for doc_id, text in read_jsonl(args.jsonl):
                out.write(json.dumps(prediction(doc_id, text), ensure_ascii=False) + "\n")
        for path in args.files:
            text = read_text(path)
            if len(args.files) > 1:
                out.write(f"== {path}\n")
            show(text, out)

    return report_errors(work)


if __name__ == "__main__":
    sys.exit(main())
