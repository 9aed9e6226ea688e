"""Analysing many articles: chunks of texts to the native thread pool.

The native call releases the GIL and runs rayon across the documents of a
chunk; chunking keeps memory bounded when the input is a generator or a huge
Series, and lets a progress bar advance between chunks.
"""

from __future__ import annotations

import operator
import sys
import time
from typing import Any, Callable, Iterable, Iterator

from frnews._frnews import Document, ThreadPool, analyze_many, available_cores

DEFAULT_CHUNK_SIZE = 512
# A chunk also closes once its texts hold this many characters, so that a
# corpus of huge articles keeps a few of them in memory at a time.
CHUNK_CHARS = 16_000_000


def iter_analyze(
    texts: Iterable[str],
    *,
    n_threads: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool = False,
) -> Iterator[Document]:
    """Yield the analysis of each text, in input order, `chunk_size` at a time.

    Accepts any iterable of `str` (a list, a generator, a pandas Series), but
    not a bare `str`. A non-`str` item raises `TypeError` naming its index in
    the input. `n_threads` above the number of cores (or of texts) is capped.
    """
    return _iter_chunks(texts, analyze_many, n_threads=n_threads, chunk_size=chunk_size, progress=progress)


def _iter_chunks(
    texts: Iterable[str],
    analyze_many: Callable[..., list[Document]],
    *,
    n_threads: int | None,
    chunk_size: int,
    progress: bool,
) -> Iterator[Document]:
    """`iter_analyze` with the native batch call to use (the default
    pipeline's or a `Pipeline`'s); the arguments are checked at once."""
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(
            f"texts must be an iterable of str, not {type(texts).__name__}; "
            "for one text, use frnews.analyze(text)"
        )
    chunk_size = _positive("chunk_size", chunk_size)
    if n_threads is not None:
        n_threads = _positive("n_threads", n_threads, none="an int or None")
    total = _length(texts)
    try:
        iterator = iter(_values(texts))
    except TypeError:
        raise TypeError(f"texts must be an iterable of str, not {type(texts).__name__}") from None
    return _analyze_chunks(analyze_many, iterator, total, n_threads, chunk_size, progress)


def _analyze_chunks(
    analyze_many: Callable[..., list[Document]],
    iterator: Iterator[Any],
    total: int | None,
    n_threads: int | None,
    chunk_size: int,
    progress: bool,
) -> Iterator[Document]:
    # One pool for the whole call: as many threads as asked, cores allow and
    # texts (at most a chunk of them) can use; the global pool when unset.
    pool = None
    if n_threads is not None:
        pool = ThreadPool(min(n_threads, available_cores(), chunk_size, total or chunk_size))
    bar = _ProgressBar(total) if progress else None
    offset = 0
    try:
        while True:
            chunk = _chunk(iterator, chunk_size)
            if not chunk:
                break
            n = len(chunk)
            try:
                # `take`: the chunk's strings are freed once copied into Rust.
                docs = analyze_many(chunk, pool=pool, take=True)
            except (TypeError, ValueError) as e:
                raise type(e)(_renumber(str(e), offset)) from None
            offset += n
            if bar is not None:
                bar.update(n)
            yield from docs
    finally:
        if bar is not None:
            bar.close()


def _chunk(iterator: Iterator[Any], chunk_size: int) -> list[Any]:
    """The next `chunk_size` items, or fewer once they hold `CHUNK_CHARS` characters."""
    chunk: list[Any] = []
    chars = 0
    for item in iterator:
        chunk.append(item)
        if isinstance(item, str):
            chars += len(item)
        if len(chunk) >= chunk_size or chars >= CHUNK_CHARS:
            break
    return chunk


def _positive(name: str, value: Any, *, none: str = "an int") -> int:
    """`value` as an int of at least 1, or an error naming the argument."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be {none}, not bool")
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be {none}, not {type(value).__name__}") from None
    if number < 1:
        raise ValueError(f"{name} must be at least 1, not {number}")
    return number


def analyze_batch(
    texts: Iterable[str],
    *,
    n_threads: int | None = None,
    progress: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> list[Document]:
    """Analyse many texts on `n_threads` threads (all cores by default).

    Results come in input order and equal a loop of `analyze`. Ctrl-C stops
    the batch at once with `KeyboardInterrupt`.
    """
    return list(iter_analyze(texts, n_threads=n_threads, chunk_size=chunk_size, progress=progress))


def _values(texts: Iterable[str]) -> Iterable[str]:
    # A pandas Series iterates over its values; `.values` avoids index lookups.
    values = getattr(texts, "values", None)
    return values if values is not None and not callable(values) else texts


def _length(texts: Iterable[str]) -> int | None:
    try:
        return len(texts)  # type: ignore[arg-type]
    except TypeError:
        return None


def _renumber(message: str, offset: int) -> str:
    """`texts[3] must be a str` within a chunk -> the index in the whole input."""
    prefix = "texts["
    if message.startswith(prefix) and "]" in message:
        index, rest = message[len(prefix):].split("]", 1)
        if index.isdigit():
            return f"{prefix}{int(index) + offset}]{rest}"
    return message


class _ProgressBar:
    """tqdm when it is installed, else a plain line on stderr; articles/s."""

    def __init__(self, total: int | None) -> None:
        self.done = 0
        self.total = total
        self.start = time.perf_counter()
        try:
            from tqdm.auto import tqdm
        except ImportError:
            self.tqdm = None
        else:
            self.tqdm = tqdm(total=total, unit="article", unit_scale=True, desc="frnews")

    def update(self, n: int) -> None:
        self.done += n
        if self.tqdm is not None:
            self.tqdm.update(n)
            return
        rate = self.done / max(time.perf_counter() - self.start, 1e-9)
        of = f"/{self.total}" if self.total is not None else ""
        sys.stderr.write(f"\rfrnews: {self.done}{of} articles, {rate:,.0f} articles/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.tqdm is not None:
            self.tqdm.close()
        else:
            sys.stderr.write("\n")
