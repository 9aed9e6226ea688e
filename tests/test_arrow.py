"""`analyze_arrow`: the tables built in Rust against the documents' own values."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pytest

import frnews
from frnews import _frnews
from frnews.frames import TABLES, records

ROOT = Path(__file__).resolve().parent
LABELS = ["PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT"]
SOURCES = ["lexicon", "pattern", "evidence", "propagated"]
ZONES = ["title", "header", "dateline", "body", "credit", "boilerplate", "copy", "id"]
TOKEN_KINDS = ["word", "number", "punct", "symbol", "url", "email"]
QUOTE_KINDS = ["direct", "partial", "indirect"]
ROLES = ["chrome", "headline", "date_line", "dateline", "standfirst", "body", "caption", "heading", "list",
         "byline", "end_marker", "credit", "id", "copy"]
CATEGORIES = {
    "entities": {"label": LABELS, "zone": ZONES, "source": SOURCES},
    "quotes": {"kind": QUOTE_KINDS, "zone": ZONES},
    "tokens": {"kind": TOKEN_KINDS},
    "paragraphs": {"zone": ZONES, "role": ROLES},
}


@pytest.fixture(scope="module")
def corpus(shared: Path) -> list[str]:
    """Every shared gold text and the texts of tests/data."""
    texts = []
    for name in ("seeds.jsonl", "wikinews_dev.jsonl"):
        lines = (shared / "data" / "gold" / name).read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    for folder in ("articles", "regressions"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / folder).glob("*.txt"))]
    return texts


@pytest.fixture(scope="module")
def analysed(corpus: list[str]) -> tuple[list[frnews.Document], Any]:
    return frnews.analyze_batch(corpus), frnews.analyze_arrow(corpus)


def rows(table: pa.Table, columns: list[str]) -> list[tuple[Any, ...]]:
    return list(zip(*(table.column(c).to_pylist() for c in columns)))


@pytest.mark.parametrize("what", TABLES)
def test_each_table_equals_the_documents_frames(analysed: tuple[list[frnews.Document], Any], what: str) -> None:
    docs, tables = analysed
    table = pa.table(getattr(tables, what))
    expected = records(docs, what)
    columns = list(expected)
    # The columns of the frames, in their order, then those they lack.
    assert table.column_names[: len(columns)] == columns
    assert table.num_rows == len(expected["doc"]) > 0
    assert rows(table, columns) == list(zip(*expected.values()))
    # Same values and types as frnews.to_arrow.
    reference = frnews.to_arrow(docs, what)
    for name in columns:
        assert table.column(name).type == reference.column(name).type, name
        assert table.column(name).equals(reference.column(name)), name


@pytest.mark.parametrize("what", TABLES)
def test_pandas_through_pyarrow_matches_to_pandas(analysed: tuple[list[frnews.Document], Any], what: str) -> None:
    docs, tables = analysed
    frame = pa.table(getattr(tables, what)).to_pandas()
    reference = frnews.to_pandas(docs, what)
    for name in reference.columns:
        got, want = frame[name], reference[name]
        if isinstance(want.dtype, pd.CategoricalDtype):
            assert isinstance(got.dtype, pd.CategoricalDtype)
            assert list(got.cat.categories) == list(want.cat.categories) == CATEGORIES[what][name]
        assert [None if pd.isna(v) else v for v in got] == [None if pd.isna(v) else v for v in want], name


def test_missing_documents_give_an_article_row_of_nulls(seeds: list[str]) -> None:
    texts = [seeds[0], None, seeds[1]]
    tables = frnews.analyze_arrow(texts)
    docs = [frnews.analyze(seeds[0]), None, frnews.analyze(seeds[1])]
    for what in TABLES:
        table = pa.table(tables[what])
        reference = frnews.to_arrow(docs, what)
        for name in reference.column_names:
            # (to_arrow types an empty `doc` column as null.)
            assert table.column(name).to_pylist() == reference.column(name).to_pylist(), (what, name)
            if reference.column(name).type != pa.null():
                assert table.column(name).type == reference.column(name).type, (what, name)
        assert pa.table(frnews.arrow_tables(docs)[what]).equals(table)
    articles = pa.table(tables.articles)
    assert articles.slice(1, 1).to_pylist()[0] == {name: 1 if name == "doc" else None for name in articles.column_names}
    assert 1 not in pa.table(tables.tokens).column("doc").to_pylist()
    with pytest.raises(TypeError, match=r"docs\[0\] must be a Document or None"):
        frnews.arrow_tables(["text"])  # type: ignore[list-item]


def test_extra_columns_equal_the_objects(analysed: tuple[list[frnews.Document], Any]) -> None:
    docs, tables = analysed
    articles = pa.table(tables.articles)
    assert articles.column("n_tokens").to_pylist() == [len(d.tokens) for d in docs]
    assert articles.column("n_paragraphs").to_pylist() == [len(d.paragraphs) for d in docs]
    quotes = pa.table(tables.quotes)
    spans = [(q.speaker_mention, q.cue) for d in docs for q in d.quotes]
    assert rows(quotes, ["speaker_mention_start", "speaker_mention_end", "cue_start", "cue_end"]) == [
        (m and m.start, m and m.end, c and c.start, c and c.end) for m, c in spans
    ]
    assert any(m is not None for m, _ in spans) and any(m is None for m, _ in spans)
    paragraphs = pa.table(tables.paragraphs)
    assert rows(paragraphs, ["doc", "start", "end", "text", "zone"]) == [
        (i, p.start, p.end, p.text, p.zone) for i, d in enumerate(docs) for p in d.paragraphs
    ]
    warnings = pa.table(tables.warnings)
    assert rows(warnings, ["doc", "start", "end", "text", "message"]) == [
        (i, w.start, w.end, w.text, w.message) for i, d in enumerate(docs) for w in d.warnings
    ]


def test_arrow_tables_of_documents_equal_analyze_arrow(
    corpus: list[str], analysed: tuple[list[frnews.Document], Any]
) -> None:
    docs, tables = analysed
    again = frnews.arrow_tables(docs)
    for what in tables.names:
        assert pa.table(again[what]).equals(pa.table(tables[what]))


def test_only_the_tables_asked_for_are_built(
    corpus: list[str], analysed: tuple[list[frnews.Document], Any]
) -> None:
    docs, tables = analysed
    some = frnews.arrow_tables(docs, tables=["tokens", "entities", "tokens"])
    assert some.names == ["entities", "tokens"]  # in the order of all tables, once each
    assert repr(some).startswith("ArrowTables(entities=")
    for what in some.names:
        assert pa.table(some[what]).equals(pa.table(tables[what]))
    with pytest.raises(KeyError, match=r"table 'quotes' was not built \(tables=\['entities', 'tokens'\]\)"):
        some.quotes
    with pytest.raises(KeyError, match="no table 'token'; the tables are articles, entities"):
        frnews.arrow_tables(docs, tables=["token"])
    one = frnews.analyze_arrow(corpus[:3], tables=["articles"])
    assert one.names == ["articles"] and pa.table(one.articles).num_rows == 3
    assert frnews.Pipeline().analyze_arrow(corpus[:1], tables=["quotes"]).names == ["quotes"]
    assert frnews.arrow_tables(docs, tables=[]).names == []


def test_schema_types() -> None:
    tables = frnews.analyze_arrow(["Paris, 3 mai (AFP) - Jean Dupont a dit : « Oui. »"])
    tokens = pa.schema(tables.tokens)
    assert tokens.field("start").type == pa.int64() and tokens.field("doc").type == pa.int64()
    assert tokens.field("kind").type == pa.dictionary(pa.int16(), pa.string())
    entities = pa.table(tables.entities).schema
    assert entities.field("canonical").nullable and entities.field("value").nullable
    assert not entities.field("label").nullable
    assert pa.table(tables.quotes).schema.field("speaker").nullable
    assert pa.table(tables.articles).schema.field("body_start").type == pa.int64()


def test_categories_are_fixed_across_batches() -> None:
    people = frnews.analyze_arrow(["Jean Dupont a parlé hier."])
    places = frnews.analyze_arrow(["Il a plu le 3 mai 2020 à Marseille."])
    a, b = pa.table(people.entities), pa.table(places.entities)
    assert set(a.column("label").to_pylist()) != set(b.column("label").to_pylist())
    for table in (a, b):
        for chunk in table.column("label").chunks:
            assert chunk.dictionary.to_pylist() == LABELS
    both = pa.concat_tables([a, b])
    assert both.column("label").to_pylist() == a.column("label").to_pylist() + b.column("label").to_pylist()
    assert list(both.to_pandas()["label"].cat.categories) == LABELS
    frames = pl.concat([pl.DataFrame(people.entities), pl.DataFrame(places.entities)])
    assert frames["label"].to_list() == both.column("label").to_pylist()


def test_empty_input() -> None:
    tables = frnews.analyze_arrow([])
    for what in tables.names:
        table = pa.table(tables[what])
        assert table.num_rows == 0 and len(tables[what]) == 0
        assert table.schema == pa.schema(tables[what])
        assert pl.DataFrame(tables[what]).height == 0
    assert list(pa.table(tables.entities).to_pandas()["label"].cat.categories) == LABELS


def test_a_text_without_entities() -> None:
    tables = frnews.analyze_arrow(["il pleut et il vente."])
    assert pa.table(tables.entities).num_rows == 0
    assert pa.table(tables.quotes).num_rows == 0
    assert pa.table(tables.tokens).column("text").to_pylist() == ["il", "pleut", "et", "il", "vente", "."]
    assert pa.table(tables.articles).column("n_entities").to_pylist() == [0]


def test_offsets_are_code_points() -> None:
    text = "Émile Zoltán a fêté 🎉 à Montréal.\r\nLe « maire » l’a dit\u00a0: « C’est fini. »\r\n"
    tables = frnews.analyze_arrow([text, "plain ascii", text])
    tokens = pa.table(tables.tokens)
    for doc, start, end, token, norm in rows(tokens, ["doc", "start", "end", "text", "norm"]):
        assert [text, "plain ascii", text][doc][start:end] == token
        assert norm == token.replace("’", "'").replace("\u00a0", " ")
    doc = frnews.analyze(text)
    assert rows(tokens.filter(pc.equal(tokens["doc"], 2)), ["start", "end", "kind"]) == [
        (t.start, t.end, t.kind) for t in doc.tokens
    ]
    assert any(t.text == "🎉" for t in doc.tokens)
    assert pa.table(tables.articles).column("n_chars").to_pylist() == [len(text), 11, len(text)]
    for what in ("sentences", "entities", "paragraphs"):
        table = pa.table(tables[what])
        for d, start, end, span in rows(table, ["doc", "start", "end", "text"]):
            assert [text, "plain ascii", text][d][start:end] == span


def test_ids_replace_positions() -> None:
    texts = ["Jean Dupont est venu.", "Marie Curie aussi."]
    by_str = frnews.analyze_arrow(texts, ids=["a", "b"])
    assert pa.table(by_str.articles).column("doc").to_pylist() == ["a", "b"]
    assert set(pa.table(by_str.tokens).column("doc").to_pylist()) == {"a", "b"}
    by_int = frnews.analyze_arrow(texts, ids=[10, 20])
    assert pa.table(by_int.articles).column("doc").to_pylist() == [10, 20]
    assert pa.schema(by_int.tokens).field("doc").type == pa.int64()
    with pytest.raises(ValueError, match="2 documents"):
        frnews.analyze_arrow(texts, ids=[1])
    with pytest.raises(TypeError, match="all int or all str"):
        frnews.analyze_arrow(texts, ids=[1, "b"])
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str"):
        frnews.analyze_arrow(["ok", 3])  # type: ignore[list-item]


def test_readers_polars_and_pandas(seeds: list[str]) -> None:
    tables = frnews.analyze_arrow(seeds)
    table = pa.table(tables.tokens)
    # polars reads a stream as a struct Series in `from_arrow`, a frame in `DataFrame`.
    assert pl.from_arrow(tables.tokens).struct.unnest().equals(pl.DataFrame(tables.tokens))
    assert pl.DataFrame(tables.tokens).height == table.num_rows
    frame = pl.DataFrame(tables.entities)
    assert frame.columns == pa.table(tables.entities).column_names
    assert frame["start"].dtype == pl.Int64
    # A stream can be read again: each call makes a new one.
    assert pa.table(tables.tokens).equals(table)
    assert pa.RecordBatchReader.from_stream(tables.tokens).read_all().equals(table)
    assert "tokens" in repr(tables) and repr(tables.tokens).startswith("ArrowTable('tokens'")
    assert tables["tokens"].num_rows == table.num_rows
    with pytest.raises(KeyError, match="no table"):
        tables["nope"]


def test_threads_and_batches_do_not_change_the_tables(corpus: list[str]) -> None:
    texts = (corpus * (600 // len(corpus) + 1))[:600]
    one, two = frnews.analyze_arrow(texts, n_threads=1), frnews.analyze_arrow(texts, n_threads=2)
    pooled = frnews.analyze_arrow(texts, pool=_frnews.ThreadPool(2))
    assert one.tokens.num_batches >= 2
    for what in one.names:
        assert pa.table(one[what]).equals(pa.table(two[what]))
        assert pa.table(one[what]).equals(pa.table(pooled[what]))
    assert pa.table(one.articles).column("doc").to_pylist() == list(range(600))


def test_pipeline_analyze_arrow() -> None:
    nlp = frnews.Pipeline(people={"Oumbé": "Lyxandra Oumbé"})
    tables = nlp.analyze_arrow(["Oumbé est arrivée."])
    assert rows(pa.table(tables.entities), ["text", "label", "canonical"]) == [("Oumbé", "PER", "Lyxandra Oumbé")]


def test_the_gil_is_released_while_a_batch_runs(seeds: list[str]) -> None:
    texts = seeds * 40
    ticks = 0
    running = True

    def spin() -> None:
        nonlocal ticks
        while running:
            ticks += 1

    thread = threading.Thread(target=spin)
    thread.start()
    try:
        time.sleep(0.05)
        before = ticks
        start = time.perf_counter()
        frnews.analyze_arrow(texts, n_threads=1)
        elapsed = time.perf_counter() - start
        during = ticks - before
    finally:
        running = False
        thread.join()
    # A thread that held the GIL for the whole call would leave the counter
    # still; here Python code runs all along.
    assert elapsed > 0.05
    assert during > 1000
