"""Tidy tables of analysed documents: pandas, polars and pyarrow.

One row per article, entity, quote, token, sentence, paragraph or warning;
the `doc` column is the document's position in the input, or its label in
the index you pass (for a pandas Series, its own index), so results join back
to the input. A pandas `MultiIndex` gives one column per level instead of
`doc`, named after the levels (`doc_0`, `doc_1`, ... when unnamed).

Column types are fixed whatever the documents hold, so that tables of two
batches concatenate: offsets and counts are nullable integers (pandas
`Int64`), labels, zones, kinds and entity sources are categoricals with every possible value
as categories (polars `Enum`, Arrow dictionaries), everything else text.

A `None` in place of a document stands for a missing text: it gives no rows,
except an article row whose fields are all missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Iterator, Literal, Sequence

from frnews._frnews import Document, Span, arrow_tables

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

Table = Literal["articles", "entities", "quotes", "tokens", "sentences", "paragraphs", "warnings"]

# Every value the library gives (the stubs list the same ones).
LABELS = ("PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT")
ZONES = ("title", "header", "dateline", "body", "credit", "boilerplate", "copy", "id")
ROLES = ("chrome", "headline", "date_line", "dateline", "standfirst", "body", "caption", "heading", "list",
         "byline", "end_marker", "credit", "id", "copy")
QUOTE_KINDS = ("direct", "partial", "indirect")
TOKEN_KINDS = ("word", "number", "punct", "symbol", "url", "email")
SOURCES = ("lexicon", "pattern", "evidence", "propagated")


def _articles(doc: Document) -> list[Any]:
    return [doc]


# Each table: the rows of one document and its columns, each an attribute of
# the row's object (a span's text for a span); adding a field is adding its
# name here. Articles read the fields of `doc.meta` and counts of `doc`.
_TABLES: dict[str, tuple[Callable[[Document], Sequence[Any]], tuple[str, ...]]] = {
    "articles": (_articles, ("title", "published", "dateline", "agency", "body_start", "body_end",
                             "article_id", "n_chars", "n_sentences", "n_entities", "n_quotes",
                             "n_warnings")),
    "entities": (lambda d: d.entities, ("start", "end", "text", "label", "canonical", "value", "zone",
                                        "source")),
    "quotes": (lambda d: d.quotes, ("start", "end", "text", "kind", "speaker", "speaker_mention",
                                    "cue", "zone")),
    "tokens": (lambda d: d.tokens, ("start", "end", "text", "kind", "norm")),
    "sentences": (lambda d: d.sentences, ("start", "end", "text")),
    "paragraphs": (lambda d: d.paragraphs, ("start", "end", "text", "zone", "role")),
    "warnings": (lambda d: d.warnings, ("start", "end", "text", "message")),
}
TABLES: tuple[Table, ...] = ("articles", "entities", "quotes", "tokens", "sentences", "paragraphs", "warnings")

_INTEGERS = {"start", "end", "body_start", "body_end", "n_chars", "n_sentences", "n_entities", "n_quotes",
             "n_warnings"}
_CATEGORIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("entities", "label"): LABELS,
    ("entities", "zone"): ZONES,
    ("entities", "source"): SOURCES,
    ("quotes", "kind"): QUOTE_KINDS,
    ("quotes", "zone"): ZONES,
    ("tokens", "kind"): TOKEN_KINDS,
    ("paragraphs", "zone"): ZONES,
    ("paragraphs", "role"): ROLES,
}


def _article_field(doc: Document, name: str) -> Any:
    if name.startswith("n_"):
        return len(doc.text) if name == "n_chars" else len(getattr(doc, name[2:]))
    return getattr(doc.meta, name)


def _doc_columns(index: Sequence[Hashable] | None) -> list[str]:
    names = getattr(index, "names", None)
    if getattr(index, "nlevels", 1) > 1 and names is not None:
        return [str(n) if n is not None else f"doc_{i}" for i, n in enumerate(names)]
    return ["doc"]


def columns(what: Table, index: Sequence[Hashable] | None = None) -> list[str]:
    """The column names of the table `what`."""
    _check(what)
    return [*_doc_columns(index), *_TABLES[what][1]]


def _checked_doc_columns(docs: list[Document | None], what: Table,
                         index: Sequence[Hashable] | None) -> list[str]:
    """The document columns of the table `what` for `docs` labelled by
    `index`, once `index` is checked to fit them."""
    if index is not None and len(index) != len(docs):
        raise ValueError(f"index has {len(index)} labels for {len(docs)} documents")
    doc_columns = _doc_columns(index)
    clash = set(doc_columns) & set(_TABLES[what][1])
    if clash:
        raise ValueError(f"index level names {sorted(clash)} clash with the columns of the {what} table")
    return doc_columns


def records(docs: Iterable[Document | None], what: Table,
            index: Sequence[Hashable] | None = None) -> dict[str, list[Any]]:
    """Columns (name -> values) of the table `what` for `docs`."""
    _check(what)
    docs = list(docs)
    doc_columns = _checked_doc_columns(docs, what, index)
    labels: Sequence[Hashable] = list(range(len(docs))) if index is None else index
    rows_of, fields = _TABLES[what]
    out: dict[str, list[Any]] = {name: [] for name in [*doc_columns, *fields]}
    doc_values = [out[name] for name in doc_columns]
    field_values = [(name, out[name]) for name in fields]
    for label, doc in zip(labels, docs):
        if doc is None:
            if what != "articles":
                continue
            rows: Sequence[Any] = [None]
        else:
            rows = rows_of(doc)
        parts: tuple[Any, ...] = tuple(label) if len(doc_values) > 1 else (label,)  # type: ignore[arg-type]
        for row in rows:
            for values, part in zip(doc_values, parts):
                values.append(part)
            for name, values in field_values:
                if row is None:
                    values.append(None)
                elif what == "articles":
                    values.append(_article_field(row, name))
                else:
                    value = getattr(row, name)
                    values.append(value.text if isinstance(value, Span) else value)
    return out


def _check(what: str) -> None:
    if what not in _TABLES:
        raise ValueError(f"what must be one of {', '.join(TABLES)}, not {what!r}")


def _categories(what: str, name: str, values: list[Any]) -> list[str] | None:
    """The fixed categories of a column, and any value outside them (never lost)."""
    fixed = _CATEGORIES.get((what, name))
    if fixed is None:
        return None
    extra = sorted({v for v in values if v is not None} - set(fixed))
    return [*fixed, *extra]


def _import(module: str, extra: str, caller: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f"{caller} needs {module.split('.')[0]}: pip install 'frnews[{extra}]' "
                          f"(or 'frnews[all]')") from e


def _has_pyarrow() -> bool:
    """Whether pyarrow is installed: tables are then built in Rust
    (`arrow_tables`), else from the Python objects (`records`)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _arrow_table(docs: Iterable[Document | None], what: Table,
                 index: Sequence[Hashable] | None) -> tuple[pa.Table, list[str]]:
    """The table `what` built in Rust (`arrow_tables`), with only the columns
    of `columns(what)` and the positions of the documents in `doc`, and the
    names of the document columns. Labels are joined in by the callers,
    vectorised."""
    import pyarrow as pa

    docs = list(docs)
    doc_columns = _checked_doc_columns(docs, what, index)
    table = pa.table(arrow_tables(docs, tables=[what])[what])
    return table.select(["doc", *_TABLES[what][1]]), doc_columns


def _labels(index: Sequence[Hashable] | None, positions: Any, doc_columns: list[str]) -> dict[str, Any]:
    """The document columns of a pandas table: the labels of `index` at
    `positions` (numpy), each level of a `MultiIndex` in a column of its own."""
    if index is None:
        return {"doc": positions}
    import pandas as pd

    taken = (index if isinstance(index, pd.Index) else pd.Index(index)).take(positions)
    if len(doc_columns) > 1:
        return {name: taken.get_level_values(i).to_numpy() for i, name in enumerate(doc_columns)}
    return {"doc": taken.to_numpy()}


def to_pandas(docs: Iterable[Document | None], what: Table = "entities", *,
              index: Sequence[Hashable] | None = None) -> pd.DataFrame:
    """A pandas DataFrame of `what` (`articles`, `entities`, `quotes`, `tokens`,
    `sentences`, `paragraphs`, `warnings`); needs `pip install 'frnews[pandas]'`."""
    pd = _import("pandas", "pandas", "frnews.to_pandas")
    _check(what)
    if _has_pyarrow():
        import pyarrow as pa

        table, doc_columns = _arrow_table(docs, what, index)
        frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
        labels = _labels(index, table.column("doc").to_numpy(), doc_columns)
        fields = frame.drop(columns="doc")
        for name in fields.columns:
            fixed = _CATEGORIES.get((what, name))
            if fixed is not None:  # Arrow's dictionaries as the fixed categories
                fields[name] = pd.Categorical(fields[name], categories=fixed)
        out = pd.DataFrame(labels, index=fields.index)
        return pd.concat([out, fields], axis=1) if len(fields.columns) else out
    data = records(docs, what, index)
    series = {}
    for name, values in data.items():
        categories = _categories(what, name, values)
        if categories is not None:
            series[name] = pd.Categorical(values, categories=categories)
        elif name in _INTEGERS:
            series[name] = pd.array(values, dtype="Int64")
        else:
            series[name] = values
    return pd.DataFrame(series, columns=list(data))

def _labelled_arrow(docs: Iterable[Document | None], what: Table,
                    index: Sequence[Hashable] | None) -> pa.Table:
    """`_arrow_table` with the labels of `index` in the document columns."""
    table, doc_columns = _arrow_table(docs, what, index)
    if index is None:
        return table
    import pyarrow as pa

    positions = table.column("doc")
    # A MultiIndex (the only index with several document columns) by level.
    levels = [getattr(index, "get_level_values")(i) for i in range(len(doc_columns))] \
        if len(doc_columns) > 1 else [index]
    table = table.drop_columns(["doc"])
    for position, (name, labels) in enumerate(zip(doc_columns, levels)):
        table = table.add_column(position, name, pa.array(list(labels)).take(positions))
    return table


def to_polars(docs: Iterable[Document | None], what: Table = "entities", *,
              index: Sequence[Hashable] | None = None) -> pl.DataFrame:
    """A polars DataFrame of `what`; needs `pip install 'frnews[polars]'`."""
    pl = _import("polars", "polars", "frnews.to_polars")
    _check(what)
    if _has_pyarrow():
        frame = pl.from_arrow(_labelled_arrow(docs, what, index))
        return frame.with_columns(*(pl.col(name).cast(pl.Enum(list(categories)))
                                    for (table_name, name), categories in _CATEGORIES.items()
                                    if table_name == what))
    data = records(docs, what, index)
    series = []
    for name, values in data.items():
        categories = _categories(what, name, values)
        if categories is not None:
            dtype = pl.Enum(categories)
        elif name in _INTEGERS:
            dtype = pl.Int64
        elif name in _TABLES[what][1]:
            dtype = pl.String
        else:
            dtype = None
        series.append(pl.Series(name, values, dtype=dtype))
    return pl.DataFrame(series)


def to_arrow(docs: Iterable[Document | None], what: Table = "entities", *,
             index: Sequence[Hashable] | None = None) -> pa.Table:
    """A pyarrow Table of `what`; needs `pip install 'frnews[arrow]'`."""
    _import("pyarrow", "arrow", "frnews.to_arrow")
    _check(what)
    return _labelled_arrow(docs, what, index)


class Corpus:
    """Analysed documents with the labels of their input (a pandas Series'
    index): every table from one analysis. `Series.frnews.analyze()` returns
    one; `frnews.Corpus(docs, index=...)` makes one from documents.

    `corpus.documents` is the list of documents (`None` for a missing
    text); indexing, `len` and iteration go by label, like the Series of
    documents that `analyze()` used to return.
    """

    def __init__(self, docs: Iterable[Document | None], index: Sequence[Hashable] | None = None) -> None:
        self.documents: list[Document | None] = list(docs)
        if index is not None and len(index) != len(self.documents):
            raise ValueError(f"index has {len(index)} labels for {len(self.documents)} documents")
        self.index: Sequence[Hashable] = list(range(len(self.documents))) if index is None else index
        self._position: dict[Hashable, int] | None = None

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document | None]:
        return iter(self.documents)

    def __getitem__(self, label: Hashable) -> Document | None:
        """The document of the input labelled `label`."""
        if self._position is None:
            self._position = {key: i for i, key in enumerate(self.index)}
        return self.documents[self._position[label]]

    def __repr__(self) -> str:
        missing = sum(doc is None for doc in self.documents)
        return f"Corpus({len(self.documents)} documents, {missing} missing)"

    def table(self, what: Table) -> pd.DataFrame:
        """The pandas table `what` (`to_pandas`), joined to the input by its labels."""
        return to_pandas(self.documents, what, index=self.index)

    def articles(self) -> pd.DataFrame:
        return self.table("articles")

    def entities(self) -> pd.DataFrame:
        return self.table("entities")

    def quotes(self) -> pd.DataFrame:
        return self.table("quotes")

    def tokens(self) -> pd.DataFrame:
        return self.table("tokens")

    def sentences(self) -> pd.DataFrame:
        return self.table("sentences")

    def paragraphs(self) -> pd.DataFrame:
        return self.table("paragraphs")

    def warnings(self) -> pd.DataFrame:
        return self.table("warnings")

    def to_polars(self, what: Table = "entities") -> pl.DataFrame:
        return to_polars(self.documents, what, index=self.index)

    def to_arrow(self, what: Table = "entities") -> pa.Table:
        return to_arrow(self.documents, what, index=self.index)
