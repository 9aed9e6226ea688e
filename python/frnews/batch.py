"""Analysing many articles: chunks of texts to the native thread pool.

The native call releases the GIL and runs rayon across the documents of a
chunk; chunking keeps memory bounded when the input is a generator or a huge
Series, and lets a progress bar advance between chunks.
"""

from __future__ import annotations

import sys
import time
from itertools import islice
from typing import Callable, Iterable, Iterator

from frnews._frnews import Document, analyze_many

DEFAULT_CHUNK_SIZE = 512


def iter_analyze(
    texts: Iterable[str],
    *,
    n_threads: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool = False,
) -> Iterator[Document]:
    """Yield the analysis of each text, in input order, `chunk_size` at a time.

    Accepts any iterable of `str` (a list, a generator, a pandas Series).
    A non-`str` item raises `TypeError` naming its index in the input.
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
    """`iter_analyze` with the native batch call to use (the default pipeline's or a `Pipeline`'s)."""
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if n_threads is not None and n_threads < 1:
        raise ValueError(f"n_threads must be at least 1 or None, not {n_threads}")
    total = _length(texts)
    bar = _ProgressBar(total) if progress else None
    iterator = iter(_values(texts))
    offset = 0
    try:
        while True:
            chunk = list(islice(iterator, chunk_size))
            if not chunk:
                break
            try:
                docs = analyze_many(chunk, n_threads=n_threads)
            except (TypeError, ValueError) as e:
                raise type(e)(_renumber(str(e), offset)) from None
            offset += len(chunk)
            if bar is not None:
                bar.update(len(chunk))
            yield from docs
    finally:
        if bar is not None:
            bar.close()


def analyze_batch(
    texts: Iterable[str],
    *,
    n_threads: int | None = None,
    progress: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> list[Document]:
    """Analyse many texts on `n_threads` threads (all cores by default).

    Results come in input order and equal a loop of `analyze`.
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
