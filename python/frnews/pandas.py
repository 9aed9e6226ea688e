"""The pandas Series accessor: `df["text"].frnews.analyze().entities()`.

Registered when `frnews` is imported after pandas, or by `import frnews.pandas`.
"""

from __future__ import annotations

from typing import Any

try:
    import pandas as pd
except ImportError as e:
    raise ImportError("frnews.pandas needs pandas: pip install 'frnews[pandas]' (or 'frnews[all]')") from e

from frnews._frnews import Document
from frnews.batch import analyze_batch
from frnews.frames import Corpus, Table, columns


class FrnewsAccessor:
    """Analyses a Series of article texts. `analyze()` gives a `Corpus` with
    every table from one analysis; every table's `doc` column holds the
    Series' index labels (one column per level of a MultiIndex), so it joins
    back to the frame it came from. Missing values (`None`, `NaN`, `pd.NA`)
    give no rows (an article row of missing fields)."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def analyze(self, *, n_threads: int | None = None, progress: bool = False) -> Corpus:
        """Analyse the Series once: a `Corpus` with `.articles()`, `.entities()`,
        `.quotes()`, `.tokens()`, `.sentences()`, `.paragraphs()`, `.warnings()`."""
        values = list(self._series.array)
        present = []
        for i, value in enumerate(values):
            if isinstance(value, str):
                present.append(i)
            elif not _missing(value):
                label = self._series.index[i]
                raise TypeError(f"texts[{i}] (label {label!r}) must be a str or missing, "
                                f"not {type(value).__name__}")
        docs: list[Document | None] = [None] * len(values)
        analysed = analyze_batch([values[i] for i in present], n_threads=n_threads, progress=progress)
        for i, doc in zip(present, analysed):
            docs[i] = doc
        return Corpus(docs, index=self._series.index)

    def _table(self, what: Table, **options: Any) -> pd.DataFrame:
        return self.analyze(**options).table(what)

    def entities(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        """The entities table. Analyses the whole Series on each call: for
        several tables, `corpus = s.frnews.analyze()` once, then `corpus.entities()`."""
        return self._table("entities", n_threads=n_threads, progress=progress)

    def quotes(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        """The quotes table. Analyses the whole Series on each call (see `analyze`)."""
        return self._table("quotes", n_threads=n_threads, progress=progress)

    def meta(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        """One row per article with its fields, indexed like the Series.
        Analyses the whole Series on each call (see `analyze`)."""
        articles = self._table("articles", n_threads=n_threads, progress=progress)
        index = self._series.index
        return articles.set_index(columns("articles", index)[: index.nlevels])

    def tokens(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        """The tokens table. Analyses the whole Series on each call (see `analyze`)."""
        return self._table("tokens", n_threads=n_threads, progress=progress)

    def sentences(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        """The sentences table. Analyses the whole Series on each call (see `analyze`)."""
        return self._table("sentences", n_threads=n_threads, progress=progress)


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # an array-like value
        return False


def register() -> None:
    if "frnews" not in getattr(pd.Series, "_accessors", set()):
        pd.api.extensions.register_series_accessor("frnews")(FrnewsAccessor)


register()
