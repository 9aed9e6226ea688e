"""The pandas Series accessor: `df["text"].frnews.entities()`.

Registered when `frnews` is imported after pandas, or by `import frnews.pandas`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from frnews.batch import analyze_batch
from frnews.frames import to_pandas


class FrnewsAccessor:
    """Analyses a Series of article texts; every table's `doc` column holds the
    Series' index labels, so it joins back to the frame it came from."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def analyze(self, *, n_threads: int | None = None, progress: bool = False) -> pd.Series:
        """A Series of `Document`s with the same index."""
        docs = analyze_batch(self._series, n_threads=n_threads, progress=progress)
        return pd.Series(docs, index=self._series.index, name=self._series.name, dtype=object)

    def _table(self, what: str, **options: Any) -> pd.DataFrame:
        docs = analyze_batch(self._series, **options)
        return to_pandas(docs, what, index=list(self._series.index))

    def entities(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        return self._table("entities", n_threads=n_threads, progress=progress)

    def quotes(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        return self._table("quotes", n_threads=n_threads, progress=progress)

    def meta(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        """One row per article with its fields, indexed like the Series."""
        return self._table("articles", n_threads=n_threads, progress=progress).set_index("doc")

    def tokens(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        return self._table("tokens", n_threads=n_threads, progress=progress)

    def sentences(self, *, n_threads: int | None = None, progress: bool = False) -> pd.DataFrame:
        return self._table("sentences", n_threads=n_threads, progress=progress)


def register() -> None:
    if "frnews" not in getattr(pd.Series, "_accessors", set()):
        pd.api.extensions.register_series_accessor("frnews")(FrnewsAccessor)


register()
