"""Tidy tables of analysed documents: pandas, polars and pyarrow.

One row per article, entity, quote, token or sentence; the `doc` column is
the document's position in the input, or its label in the index you pass
(for a pandas Series, its own index), so results join back to the input.
"""

from __future__ import annotations

from typing import Any, Hashable, Iterable, Sequence

from frnews._frnews import Document

TABLES = ("articles", "entities", "quotes", "tokens", "sentences")


def records(docs: Iterable[Document], what: str, index: Sequence[Hashable] | None = None) -> dict[str, list[Any]]:
    """Columns (name -> values) of the table `what` for `docs`."""
    if what not in TABLES:
        raise ValueError(f"what must be one of {', '.join(TABLES)}, not {what!r}")
    docs = list(docs)
    if index is not None and len(index) != len(docs):
        raise ValueError(f"index has {len(index)} labels for {len(docs)} documents")
    labels: Sequence[Hashable] = list(range(len(docs))) if index is None else index
    columns: dict[str, list[Any]] = {name: [] for name in _COLUMNS[what]}

    # `doc_label` is positional-only: the entities table has a column named `label`.
    def add(doc_label: Hashable, /, **row: Any) -> None:
        columns["doc"].append(doc_label)
        for name, value in row.items():
            columns[name].append(value)

    for label, doc in zip(labels, docs):
        if what == "articles":
            m = doc.meta
            add(label, title=m.title, published=m.published, dateline=m.dateline, agency=m.agency,
                body_start=m.body_start, body_end=m.body_end, article_id=m.article_id,
                n_chars=len(doc.text), n_sentences=len(doc.sentences), n_entities=len(doc.entities),
                n_quotes=len(doc.quotes), n_warnings=len(doc.warnings))
        elif what == "entities":
            for e in doc.entities:
                add(label, start=e.start, end=e.end, text=e.text, label=e.label,
                    canonical=e.canonical, value=e.value, zone=e.zone, source=e.source)
        elif what == "quotes":
            for q in doc.quotes:
                mention = q.speaker_mention
                add(label, start=q.start, end=q.end, text=q.text, kind=q.kind, speaker=q.speaker,
                    speaker_mention=mention.text if mention else None,
                    cue=q.cue.text if q.cue else None, zone=q.zone)
        elif what == "tokens":
            for t in doc.tokens:
                add(label, start=t.start, end=t.end, text=t.text, kind=t.kind, norm=t.norm)
        else:
            for s in doc.sentences:
                add(label, start=s.start, end=s.end, text=s.text)
    return columns


_COLUMNS = {
    "articles": ["doc", "title", "published", "dateline", "agency", "body_start", "body_end", "article_id",
                 "n_chars", "n_sentences", "n_entities", "n_quotes", "n_warnings"],
    "entities": ["doc", "start", "end", "text", "label", "canonical", "value", "zone", "source"],
    "quotes": ["doc", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "zone"],
    "tokens": ["doc", "start", "end", "text", "kind", "norm"],
    "sentences": ["doc", "start", "end", "text"],
}


def to_pandas(docs: Iterable[Document], what: str = "entities", *, index: Sequence[Hashable] | None = None) -> Any:
    """A pandas DataFrame of `what` (`articles`, `entities`, `quotes`, `tokens`, `sentences`)."""
    import pandas as pd

    columns = records(docs, what, index)
    frame = pd.DataFrame(columns)
    for name in ("start", "end", "body_start", "body_end"):
        if name in frame and what != "articles":
            frame[name] = frame[name].astype("int64")
    for name in ("label", "kind", "zone", "source"):
        if name in frame:
            frame[name] = frame[name].astype("category")
    return frame


def to_polars(docs: Iterable[Document], what: str = "entities", *, index: Sequence[Hashable] | None = None) -> Any:
    """A polars DataFrame of `what` (needs `pip install polars`)."""
    import polars as pl

    return pl.DataFrame(records(docs, what, index))


def to_arrow(docs: Iterable[Document], what: str = "entities", *, index: Sequence[Hashable] | None = None) -> Any:
    """A pyarrow Table of `what` (needs `pip install pyarrow`)."""
    import pyarrow as pa

    return pa.table(records(docs, what, index))
