"""The `frnews` command line.

    frnews PATH...              fields, entities, quotes, sentences and tokens, readably
    frnews quotes PATH...       who said what: a table of speaker, kind and text
    frnews analyze PATH... [-o OUT] [--table T] [--format F]
                                JSON Lines, CSV or Parquet of articles, entities,
                                quotes, tokens or sentences
    frnews --jsonl IN.jsonl     prediction lines (GUIDELINES.md format) on stdout

A PATH is a text file, a directory (every regular `*.txt` file below it), a
`.jsonl` file of `{"id", "text"}` lines, or `-` for such lines on stdin.
Inputs are read as they are analysed, a chunk at a time, on every core.

Every bad input or output ends the run with status 2 and one line
`frnews: error: FILE[:LINE]: message`; by default all inputs are checked
before anything is written. With `--skip-errors` each bad input is reported,
left out, and the run exits with status 1. A reader closing the pipe early
(`frnews ... | head`) ends the run quietly with status 0; Ctrl-C with 130.
An output file is written under a temporary name beside it and renamed when
complete, so a failed run leaves the previous file as it was.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import ctypes
import json
import os
import re
import stat
import sys
import tempfile
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO, Callable, Iterable, Iterator, Sequence, TextIO

import frnews
from frnews._frnews import write_json_line
from frnews.batch import iter_analyze
from frnews.frames import TABLES, records

EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

AUTO = "auto"
# Windows-1252 leaves five bytes undefined; `auto` reads them as Latin-1
# (the C1 control characters), as browsers do.
codecs.register_error("frnews-latin1", lambda e: (e.object[e.start : e.end].decode("latin-1"), e.end))  # type: ignore[attr-defined]

_SURROGATE = re.compile("[\ud800-\udfff]")


class UserError(Exception):
    """A bad input, a bad output or a bad option: `frnews: error: <message>`, status 2."""


def error_line(message: str) -> None:
    if sys.stderr is not None:
        print(f"frnews: error: {message}", file=sys.stderr)


def warning_line(message: str) -> None:
    if sys.stderr is not None:
        print(f"frnews: warning: {message}", file=sys.stderr)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class Inputs:
    """The `(id, text)` records of the paths named on the command line.

    A text file's id is its path; a JSON Lines record's id is its `id`. In
    strict mode (the default) `check()` reads everything once, keeping
    nothing, so that a bad input stops the run before anything is written;
    with `skip_errors` each bad input is reported as it comes and left out.
    """

    def __init__(self, sources: Sequence[tuple[str, bool]], encoding: str, skip_errors: bool) -> None:
        # (path, as_jsonl): `as_jsonl` reads a file as JSON Lines whatever its name.
        self.sources = list(sources)
        self.encoding = encoding
        self.skip_errors = skip_errors
        self.skipped = 0
        self.quiet = False
        self.stdin: BinaryIO | None = None

    def check(self) -> int:
        """Reads every input once and returns their number; raises
        `UserError` on the first bad one unless bad inputs are skipped."""
        if not self.skip_errors and any(path == "-" for path, _ in self.sources):
            # Read twice: keep a copy of stdin on disk, not in memory.
            spool = tempfile.TemporaryFile()
            stdin = sys.stdin.buffer if sys.stdin is not None else None
            if stdin is None:
                raise UserError("standard input is closed")
            while block := stdin.read(1 << 20):
                spool.write(block)
            self.stdin = spool
        if self.skip_errors:
            return -1
        self.quiet = True
        try:
            return sum(1 for _ in self.records())
        finally:
            self.quiet = False

    def records(self) -> Iterator[tuple[str, str]]:
        for path, as_jsonl in self.sources:
            if path == "-":
                yield from self._jsonl("<stdin>", self._stdin())
                continue
            p = Path(path)
            if p.is_dir():
                for child in self._walk(path):
                    yield from self._text_file(child)
            elif as_jsonl or p.suffix == ".jsonl":
                try:
                    f = open(path, "rb")
                except OSError as e:
                    self._bad(path, e.strerror or str(e))
                    continue
                with f:
                    yield from self._jsonl(path, f)
            else:
                yield from self._text_file(path)

    def _stdin(self) -> BinaryIO:
        if self.stdin is not None:
            self.stdin.seek(0)
            return self.stdin
        if sys.stdin is None:
            raise UserError("standard input is closed")
        return sys.stdin.buffer

    def _bad(self, where: str, message: str) -> None:
        if not self.skip_errors:
            raise UserError(f"{where}: {message}")
        self.skipped += 1
        warning_line(f"skipped {where}: {message}")

    def _warn(self, message: str) -> None:
        if not self.quiet:
            warning_line(message)

    def _walk(self, directory: str) -> list[str]:
        """Every regular `*.txt` file below `directory`, in path order."""
        found: list[str] = []

        def unreadable(e: OSError) -> None:
            self._bad(e.filename or directory, e.strerror or str(e))

        for root, _dirs, files in os.walk(directory, onerror=unreadable, followlinks=False):
            for name in files:
                if name.endswith(".txt"):
                    full = os.path.join(root, name)
                    if os.path.isfile(full):
                        found.append(full)
        return sorted(found)

    def _text_file(self, path: str) -> Iterator[tuple[str, str]]:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            self._bad(path, e.strerror or str(e))
            return
        text = self._decode(path, data, first=True, warned=[False])
        del data
        if text is not None:
            # Handed over (see `analysed`).
            record = [(path, text)]
            del text
            yield record.pop()

    def _decode(self, where: str, data: bytes, *, first: bool, warned: list[bool]) -> str | None:
        if self.encoding == AUTO:
            try:
                return data.decode("utf-8-sig" if first else "utf-8")
            except UnicodeDecodeError:
                if not warned[0]:
                    warned[0] = True
                    self._warn(f"{where}: not UTF-8, read as Windows-1252")
                return data.decode("cp1252", errors="frnews-latin1")
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError as e:
            hint = "; try --encoding auto" if codecs.lookup(self.encoding).name == "utf-8" else ""
            self._bad(where, f"not valid {self.encoding}: byte 0x{data[e.start]:02x} at offset {e.start}{hint}")
            return None

    def _jsonl(self, path: str, f: BinaryIO) -> Iterator[tuple[str, str]]:
        warned = [False]
        for number, raw in enumerate(f, 1):
            where = f"{path}:{number}"
            line = self._decode(where, raw, first=number == 1, warned=warned)
            del raw
            if line is None or not line.strip():
                continue
            record = self._record(where, line)
            del line
            if record is not None:
                # Handed over (see `analysed`).
                box = [record]
                del record
                yield box.pop()

    def _record(self, where: str, line: str) -> tuple[str, str] | None:
        try:
            record = json.loads(line)
        except ValueError as e:
            reason = f"{e.msg} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else str(e)
            self._bad(where, f"not JSON ({reason})")
            return None
        if not isinstance(record, dict) or "text" not in record or "id" not in record:
            self._bad(where, 'not a JSON object with "id" and "text"')
            return None
        text, doc_id = record["text"], record["id"]
        if not isinstance(text, str):
            self._bad(where, f'"text" must be a string, not {_json_type(text)}')
        elif isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            self._bad(where, f'"id" must be a string or an integer, not {_json_type(doc_id)}')
        elif _SURROGATE.search(text) or _SURROGATE.search(str(doc_id)):
            self._bad(where, "lone surrogate (an escape such as \\ud800 without its pair) is not valid Unicode")
        else:
            return str(doc_id), text
        return None


class _Counted:
    """An iterable with a known length, for the progress bar's total."""

    def __init__(self, items: Iterable[str], n: int) -> None:
        self.items = items
        self.n = n

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __len__(self) -> int:
        return self.n


def analysed(inputs: Inputs, total: int, threads: int | None, progress: bool = False) -> Iterator[tuple[str, frnews.Document]]:
    """`(id, document)` for each record, read and analysed a chunk at a time on every core."""
    ids: deque[str] = deque()

    def texts() -> Iterator[str]:
        # Each text is handed over: a suspended generator holds its locals,
        # and a 10 MB text held here (as a `str`, up to 40 MB) while it is
        # analysed would be freed only after. `iter_analyze` frees its copy
        # of a chunk's texts once they are in Rust.
        for doc_id, text in inputs.records():
            ids.append(doc_id)
            box = [text]
            del text
            yield box.pop()

    source: Iterable[str] = texts() if total < 0 else _Counted(texts(), total)
    for doc in iter_analyze(source, n_threads=threads, progress=progress):
        yield ids.popleft(), doc


def chunks(items: Iterable[tuple[str, frnews.Document]], size: int = 256) -> Iterator[tuple[list[str], list[frnews.Document]]]:
    """`(ids, documents)` of `size` documents at a time: the rows of a table are made a chunk at a time."""
    ids: list[str] = []
    docs: list[frnews.Document] = []
    for doc_id, doc in items:
        ids.append(doc_id)
        docs.append(doc)
        if len(docs) >= size:
            yield ids, docs
            ids, docs = [], []
    if docs:
        yield ids, docs


ROWS_PER_PART = 4096


class _Rows:
    """One document's rows of a table, or a slice of them, where `records`
    reads a document: the table of a long article is made a slice at a time."""

    def __init__(self, table: str, rows: Sequence[Any]) -> None:
        setattr(self, table, rows)


def table_parts(items: Iterable[tuple[str, frnews.Document]], table: str) -> Iterator[tuple[list[str], list[Any]]]:
    """`(ids, documents)` to make the rows of `table` from, about `ROWS_PER_PART`
    rows at a time (256 documents at most): a chunk of short articles, or a
    slice of a long one's rows. The columns of a part are Python objects, ten
    times the size of the document's own data: a whole table of a 10 MB
    article would hold over 100 MB of them."""
    if table == "articles":
        yield from chunks(items)
        return
    ids: list[str] = []
    parts: list[Any] = []
    n_rows = 0
    for doc_id, doc in items:
        # Only a part's objects at a time: those of all 187,000 entities of a
        # 10 MB article are 40 MB.
        start = 0
        while True:
            total, part = doc._rows(table, start, start + ROWS_PER_PART)
            if not part:
                break
            ids.append(doc_id)
            parts.append(_Rows(table, part))
            n_rows += len(part)
            if n_rows >= ROWS_PER_PART or len(parts) >= 256:
                yield ids, parts
                ids, parts, n_rows = [], [], 0
            start += len(part)
            if start >= total:
                break
    if parts:
        yield ids, parts


# ---------------------------------------------------------------- output


def _stdout(binary: bool) -> IO[Any]:
    # Python sets sys.stdout to None when descriptor 1 is closed at start.
    if sys.stdout is None:
        raise UserError("standard output is closed")
    return sys.stdout.buffer if binary else sys.stdout


@contextmanager
def output(path: str | None, *, binary: bool = False) -> Iterator[Any]:
    """The file to write results to.

    `None` is stdout. A regular file, or one that does not exist yet, is
    written under a temporary name in its directory and renamed over it when
    complete; anything else (a device such as /dev/full, a FIFO, /dev/stdout)
    is written in place. A write error becomes a `UserError` naming the target.
    """
    label = path or "standard output"
    mode = "wb" if binary else "w"
    text_args: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
    try:
        if path is None:
            out = _stdout(binary)
            yield out
            out.flush()
            return
        target = os.path.realpath(path)
        try:
            st: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            st = None
        if path.startswith(("/dev/", "/proc/")) or (st is not None and not stat.S_ISREG(st.st_mode)):
            with open(path, mode, **text_args) as f:
                yield f
            return
        directory = os.path.dirname(target)
        if not os.path.isdir(directory):
            raise UserError(f"{path}: no such directory: {os.path.dirname(path) or '.'}")
        fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".part")
        try:
            with os.fdopen(fd, mode, **text_args) as f:
                yield f
            os.chmod(temp, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
            os.replace(temp, target)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
    except BrokenPipeError:
        raise
    except OSError as e:
        raise UserError(f"{label}: {e.strerror or e}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run(work: Callable[[], int]) -> int:
    """Runs a command: every `UserError` is one line and status 2; a closed
    pipe is status 0, silently; Ctrl-C is status 130."""
    try:
        return work()
    except UserError as e:
        error_line(str(e))
        return EXIT_USAGE
    except BrokenPipeError:
        # Whatever is still buffered goes nowhere, and exit does not complain.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, AttributeError, ValueError):
            pass
        return 0
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def finished(inputs: Sequence[Inputs]) -> int:
    skipped = sum(i.skipped for i in inputs)
    if skipped:
        warning_line(f"{skipped} input{'s' if skipped > 1 else ''} skipped")
        return EXIT_SKIPPED
    return 0


# --------------------------------------------------------------- commands


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


def show(doc: frnews.Document, out: TextIO) -> None:
    """Article fields, entities and quotes, then each sentence with its tokens."""
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


def _threads(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _encoding(value: str) -> str:
    if value == AUTO:
        return value
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {value!r}") from None
    return value


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", type=_encoding, default="utf-8",
        help="encoding of the inputs (default: utf-8); 'auto': UTF-8 (a BOM removed), else Windows-1252, with a warning",
    )
    parser.add_argument(
        "--skip-errors", action="store_true",
        help="report each bad input, leave it out, go on, and exit with status 1 (default: stop with status 2 before writing anything)",
    )
    parser.add_argument("--threads", type=_threads, default=None, help="threads (default: all cores)")


PATHS_HELP = "text files, directories (their *.txt files), .jsonl files of {'id', 'text'} lines, '-' for JSON Lines on stdin"


def show_command(argv: Sequence[str], prog: str, write: Callable[[frnews.Document, TextIO], None], description: str) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    add_input_options(parser)
    args = parser.parse_args(argv)
    inputs = Inputs([(p, False) for p in args.paths], args.encoding, args.skip_errors)
    headers = len(args.paths) > 1 or any(p == "-" or p.endswith(".jsonl") or os.path.isdir(p) for p in args.paths)

    def work() -> int:
        total = inputs.check()
        with output(None) as out:
            for doc_id, doc in analysed(inputs, total, args.threads):
                if headers:
                    out.write(f"== {doc_id}\n")
                write(doc, out)
        return finished([inputs])

    return run(work)


def quotes_main(argv: Sequence[str]) -> int:
    return show_command(argv, "frnews quotes", lambda doc, out: show_quotes(doc, out), "Who said what in each article.")


def analyze_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="frnews analyze",
        description="Analyse articles and write whole documents or one table of articles, entities, quotes, tokens or sentences.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    parser.add_argument("-o", "--output", help="output file (default: stdout, JSON Lines or CSV only)")
    parser.add_argument("--table", choices=["documents", *TABLES], default="documents",
                        help="what to write: whole documents (JSON Lines) or one table (default: documents)")
    parser.add_argument("--format", choices=["jsonl", "csv", "parquet"],
                        help="output format (default: from the output's extension, else jsonl)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: when stderr is a terminal)")
    add_input_options(parser)
    args = parser.parse_args(argv)
    fmt = args.format or {".csv": "csv", ".parquet": "parquet"}.get(Path(args.output or "").suffix, "jsonl")
    if args.table == "documents" and fmt != "jsonl":
        parser.error("whole documents are written as JSON Lines; choose --table for csv or parquet")
    if fmt == "parquet" and not args.output:
        parser.error("parquet needs an output file (-o)")
    progress = bool(sys.stderr is not None and sys.stderr.isatty()) if args.progress is None else args.progress
    inputs = Inputs([(p, False) for p in args.paths], args.encoding, args.skip_errors)

    def work() -> int:
        writer = _parquet_writer() if fmt == "parquet" else None
        total = inputs.check()
        with output(args.output, binary=fmt == "parquet") as out:
            docs = analysed(inputs, total, args.threads, progress)
            if args.table == "documents":
                for doc_id, doc in docs:
                    write_json_line(out, doc, doc_id)
            elif fmt == "jsonl":
                for ids, chunk in table_parts(docs, args.table):
                    columns = records(chunk, args.table, ids)
                    for row in zip(*columns.values()):
                        out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
            elif fmt == "csv":
                rows = csv.writer(out)
                rows.writerow(records([], args.table))
                for ids, chunk in table_parts(docs, args.table):
                    rows.writerows(zip(*records(chunk, args.table, ids).values()))
            else:
                assert writer is not None
                writer(out, args.table, table_parts(docs, args.table))
        return finished([inputs])

    return run(work)


def _parquet_writer() -> Callable[[BinaryIO, str, Iterable[tuple[list[str], list[Any]]]], None]:
    """Writes a table as Parquet, one row group per part of `table_parts`."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise UserError(f"{e} (parquet needs: pip install pyarrow)") from None

    def column_type(name: str) -> Any:
        if name in ("start", "end", "body_start", "body_end") or name.startswith("n_"):
            return pa.int64()
        if name in ("label", "kind", "zone"):
            return pa.dictionary(pa.int32(), pa.string())
        return pa.string()

    def write(out: BinaryIO, table: str, parts: Iterable[tuple[list[str], list[Any]]]) -> None:
        schema = pa.schema([(name, column_type(name)) for name in records([], table)])
        with pq.ParquetWriter(out, schema) as writer:
            for ids, docs in parts:
                writer.write_table(pa.table(records(docs, table, ids), schema=schema))

    return write


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frnews",
        description="French wire-news articles as structured data.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""commands:
  frnews PATH...                show each article's fields, entities, quotes, sentences, tokens
  frnews quotes PATH...         who said what: speaker, kind and text of each quote
  frnews analyze PATH... [-o OUT] [--table T] [--format F]
                                whole documents (JSON Lines) or a table (JSON Lines, CSV,
                                Parquet) of articles, entities, quotes, tokens or sentences
  frnews --jsonl IN.jsonl       prediction lines for the shared scorer, on stdout

A PATH is a text file, a directory (its *.txt files), a .jsonl file of
{"id", "text"} lines, or '-' for such lines on stdin. `frnews quotes --help`
and `frnews analyze --help` list their options.

exit status: 0 done, 1 some inputs skipped (--skip-errors), 2 an error
(nothing written when an input is bad), 130 interrupted.""",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="articles to show (see below)")
    parser.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help="read {'id', 'text'} lines ('-' for stdin; or a directory of .txt files) and write prediction lines to stdout",
    )
    add_input_options(parser)
    parser.add_argument("--version", action="version", version=f"frnews {frnews.__version__}")
    return parser


# glibc's mallopt parameter for the size from which blocks are mapped apart.
M_MMAP_THRESHOLD = -3


def fix_mmap_threshold() -> None:
    """Keeps glibc mapping blocks of 128 KB and more apart, as it does at start.

    By default it raises that threshold to the size of each such block freed,
    so that once a text has been read and freed, the next texts and token
    arrays of many MB come from the heap, where freed memory stays with the
    process: a 10 MB article peaked 75 MB higher than `frnews.analyze` of it.
    Only the command line does this: it owns its process.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(M_MMAP_THRESHOLD, 128 * 1024)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    fix_mmap_threshold()
    if argv[:1] == ["quotes"]:
        return quotes_main(argv[1:])
    if argv[:1] == ["analyze"]:
        return analyze_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.paths and not args.jsonl:
        parser.print_usage(sys.stderr)
        error_line("give articles to show, or --jsonl IN.jsonl (frnews --help lists the commands)")
        return EXIT_USAGE
    predictions = Inputs([(args.jsonl, True)] if args.jsonl else [], args.encoding, args.skip_errors)
    shown = Inputs([(p, False) for p in args.paths], args.encoding, args.skip_errors)
    headers = len(args.paths) > 1 or any(p == "-" or p.endswith(".jsonl") or os.path.isdir(p) for p in args.paths)

    def work() -> int:
        totals = (predictions.check(), shown.check())
        with output(None) as out:
            for doc_id, doc in analysed(predictions, totals[0], args.threads):
                write_json_line(out, doc, doc_id)
            for doc_id, doc in analysed(shown, totals[1], args.threads):
                if headers:
                    out.write(f"== {doc_id}\n")
                show(doc, out)
        return finished([predictions, shown])

    return run(work)


if __name__ == "__main__":
    sys.exit(main())
