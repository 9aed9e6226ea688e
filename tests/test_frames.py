"""Batch analysis and the pandas / polars / arrow tables."""

from __future__ import annotations

import pandas as pd
import pytest

import frnews


def test_analyze_batch_equals_a_loop(seeds: list[str]) -> None:
    texts = seeds * 3
    batch = frnews.analyze_batch(texts, n_threads=2, chunk_size=4)
    assert batch == [frnews.analyze(t) for t in texts]


def test_batch_accepts_generators_and_series(seeds: list[str]) -> None:
    from_gen = frnews.analyze_batch(t for t in seeds)
    from_series = frnews.analyze_batch(pd.Series(seeds, index=list("abcde")))
    assert from_gen == from_series == [frnews.analyze(t) for t in seeds]


def test_bad_item_is_named_by_its_index() -> None:
    with pytest.raises(TypeError, match=r"texts\[5\] must be a str"):
        frnews.analyze_batch(["a", "b", "c", "d", "e", None], chunk_size=2)  # type: ignore[list-item]


def test_batch_options_are_checked() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        frnews.analyze_batch(["a"], chunk_size=0)
    with pytest.raises(ValueError, match="n_threads"):
        frnews.analyze_batch(["a"], n_threads=0)


def test_progress_without_tqdm_writes_a_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_tqdm(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("tqdm"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    frnews.analyze_batch(["Il pleut."] * 3, progress=True)
    assert "3/3 articles" in capsys.readouterr().err


@pytest.mark.parametrize("what", ["articles", "entities", "quotes", "tokens", "sentences", "paragraphs",
                                  "warnings"])
def test_tables_have_a_doc_column_that_joins_back(seeds: list[str], what: str) -> None:
    docs = frnews.analyze_batch(seeds)
    labels = ["s0", "s1", "s2", "s3", "s4"]
    frame = frnews.to_pandas(docs, what, index=labels)
    assert frame.columns[0] == "doc"
    assert set(frame["doc"]) <= set(labels)
    if what == "articles":
        assert list(frame["doc"]) == labels
    if what in ("tokens", "sentences", "entities", "quotes", "paragraphs", "warnings"):
        texts = dict(zip(labels, seeds))
        for row in frame.itertuples():
            assert texts[row.doc][row.start : row.end] == row.text


def test_entities_table_has_a_source_column(seeds: list[str]) -> None:
    frame = frnews.to_pandas(frnews.analyze_batch(seeds), "entities")
    assert list(frame.columns)[-1] == "source"
    assert set(frame["source"]) <= {"lexicon", "pattern", "evidence", "propagated"}
    # Trading recall for precision: keep what a lexicon or a pattern found.
    sure = frame[frame["source"].isin(["lexicon", "pattern"])]
    assert 0 < len(sure) <= len(frame)


def test_tokens_table_counts(seeds: list[str]) -> None:
    docs = frnews.analyze_batch(seeds)
    assert len(frnews.to_pandas(docs, "tokens")) == sum(len(d.tokens) for d in docs)


def test_unknown_table_and_bad_index() -> None:
    docs = [frnews.analyze("Il pleut.")]
    with pytest.raises(ValueError, match="what must be one of"):
        frnews.to_pandas(docs, "words")
    with pytest.raises(ValueError, match="index has 2 labels"):
        frnews.to_pandas(docs, "tokens", index=["a", "b"])


def test_series_accessor(seeds: list[str]) -> None:
    import frnews.pandas  # noqa: F401  (registers the accessor)

    df = pd.DataFrame({"text": seeds}, index=[10, 11, 12, 13, 14])
    meta = df["text"].frnews.meta()
    assert list(meta.index) == [10, 11, 12, 13, 14]
    assert "published" in meta.columns
    sentences = df["text"].frnews.sentences()
    assert set(sentences["doc"]) == {10, 11, 12, 13, 14}
    analysed = df["text"].frnews.analyze()
    assert list(analysed.index) == [10, 11, 12, 13, 14]
    assert analysed[10] == frnews.analyze(seeds[0])
    assert list(analysed) == frnews.analyze_batch(seeds)
    for name in ("entities", "quotes", "tokens"):
        assert "doc" in getattr(df["text"].frnews, name)().columns


def test_polars_and_arrow(seeds: list[str]) -> None:
    docs = frnews.analyze_batch(seeds)
    pl_frame = frnews.to_polars(docs, "sentences")
    table = frnews.to_arrow(docs, "sentences")
    assert pl_frame.height == table.num_rows == sum(len(d.sentences) for d in docs)
    assert table.column_names == ["doc", "start", "end", "text"]


TEXTS = ["PARIS, 3 mars (AFP) - « Nous partirons », a déclaré Jean Dupont à Lyon.",
         "", "Le ministre Sergue? Lavrov est à Moscou depuis 2 jours.\n\nIl a dit qu'il restait."]


def test_offsets_are_nullable_integers_even_without_a_body() -> None:
    docs = frnews.analyze_batch(TEXTS)
    articles = frnews.to_pandas(docs, "articles")
    assert docs[1].meta.body_start is None
    for name in ("body_start", "body_end", "n_chars", "n_quotes"):
        assert str(articles[name].dtype) == "Int64", name
    assert articles["body_start"].isna().tolist() == [False, True, False]
    for what in ("entities", "quotes", "tokens", "sentences", "paragraphs", "warnings"):
        frame = frnews.to_pandas(docs, what)
        assert str(frame["start"].dtype) == str(frame["end"].dtype) == "Int64", what
        empty = frnews.to_pandas(docs[1:2], what)
        assert len(empty) == 0 and str(empty["start"].dtype) == "Int64", what


def test_categories_are_fixed_so_batches_concatenate_as_categoricals() -> None:
    one = frnews.to_pandas([frnews.analyze(TEXTS[0])], "entities")
    two = frnews.to_pandas([frnews.analyze("Il pleut à Paris.")], "entities")
    both = pd.concat([one, two], ignore_index=True)
    assert both["label"].dtype == "category" and both["zone"].dtype == "category"
    assert list(both["label"].cat.categories) == ["PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT"]
    assert list(both["zone"].cat.categories) == ["title", "header", "dateline", "body", "credit",
                                                 "boilerplate", "copy", "id"]
    quotes = frnews.to_pandas([frnews.analyze(TEXTS[0])], "quotes")
    assert list(quotes["kind"].cat.categories) == ["direct", "partial", "indirect"]
    tokens = frnews.to_pandas([frnews.analyze("Oui.")], "tokens")
    assert list(tokens["kind"].cat.categories) == ["word", "number", "punct", "symbol", "url", "email"]
    paragraphs = frnews.to_pandas([frnews.analyze(TEXTS[2])], "paragraphs")
    assert paragraphs["zone"].dtype == "category"
    assert paragraphs["role"].dtype == "category"


def test_the_fixed_categories_are_the_values_the_runtime_accepts() -> None:
    from frnews.frames import LABELS, QUOTE_KINDS, ROLES, TOKEN_KINDS, ZONES

    for label in LABELS:
        frnews.Entity("x", 0, 1, label)
    for zone in ZONES:
        frnews.Paragraph("x", 0, 1, zone)
    for role in ROLES:
        frnews.Paragraph("x", 0, 1, "body", role)
    for kind in QUOTE_KINDS:
        frnews.Quote("x", 0, 1, kind)
    for kind in TOKEN_KINDS:
        frnews.Token("x", 0, 1, kind)
    with pytest.raises(ValueError):
        frnews.Paragraph("x", 0, 1, "sidebar")


def test_a_multiindex_gives_one_column_per_level_and_joins_back() -> None:
    index = pd.MultiIndex.from_tuples([("afp", 1), ("afp", 2), ("tass", 1)], names=["outlet", "n"])
    df = pd.DataFrame({"text": TEXTS}, index=index)
    corpus = df["text"].frnews.analyze()
    entities = corpus.entities()
    assert list(entities.columns[:3]) == ["outlet", "n", "start"]
    joined = df.join(entities.set_index(["outlet", "n"]).add_prefix("entity_"), how="inner")
    assert len(joined) == len(entities)
    assert all(text[s:e] == t for text, s, e, t in
               joined[["text", "entity_start", "entity_end", "entity_text"]].itertuples(index=False))
    meta = df["text"].frnews.meta()
    assert meta.index.equals(index)
    unnamed = pd.Series(TEXTS, index=pd.MultiIndex.from_tuples([(1, "a"), (1, "b"), (2, "a")]))
    assert list(unnamed.frnews.analyze().sentences().columns[:2]) == ["doc_0", "doc_1"]


def test_analyze_returns_one_corpus_with_every_table() -> None:
    s = pd.Series(TEXTS, index=["a", "b", "c"])
    corpus = s.frnews.analyze()
    assert isinstance(corpus, frnews.Corpus) and len(corpus) == 3
    docs = frnews.analyze_batch(TEXTS)
    for what in ("articles", "entities", "quotes", "tokens", "sentences", "paragraphs", "warnings"):
        table = getattr(corpus, what)()
        pd.testing.assert_frame_equal(table, frnews.to_pandas(docs, what, index=["a", "b", "c"]))
    assert list(corpus.warnings()["text"]) == ["?"]
    assert corpus.to_arrow("quotes").num_rows == corpus.to_polars("quotes").height == len(corpus.quotes())
    for name in ("entities", "quotes", "meta", "tokens", "sentences"):
        assert "Analyses the whole Series on each call" in (getattr(frnews.pandas.FrnewsAccessor, name).__doc__ or "")


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_texts_give_empty_rows(missing: object) -> None:
    s = pd.Series([TEXTS[0], missing, TEXTS[2]], index=["a", "b", "c"], dtype=object)
    corpus = s.frnews.analyze()
    assert corpus["b"] is None
    articles = corpus.articles()
    assert list(articles["doc"]) == ["a", "b", "c"]
    assert articles.loc[1].drop("doc").isna().all()
    assert "b" not in set(corpus.entities()["doc"]) and len(corpus.entities()) > 0
    assert "b" not in set(s.frnews.tokens()["doc"])
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str"):
        frnews.analyze_batch(s)


def test_other_non_str_values_still_name_their_label() -> None:
    with pytest.raises(TypeError, match=r"texts\[1\] \(label 'b'\) must be a str or missing, not bytes"):
        pd.Series(["Oui.", b"non"], index=["a", "b"]).frnews.analyze()


def test_polars_and_arrow_types_are_fixed() -> None:
    import polars as pl
    import pyarrow as pa

    docs = frnews.analyze_batch(TEXTS)
    frame = frnews.to_polars(docs, "entities")
    assert frame.schema["start"] == pl.Int64 and isinstance(frame.schema["label"], pl.Enum)
    other = frnews.to_polars([frnews.analyze("Il pleut à Paris.")], "entities")
    assert pl.concat([frame, other]).height == frame.height + other.height
    table = frnews.to_arrow(docs, "articles")
    assert table.schema.field("body_start").type == pa.int64()
    assert table.column("body_start").null_count == 1
    ents = frnews.to_arrow(docs, "entities")
    assert pa.types.is_dictionary(ents.schema.field("label").type)
    other_ents = frnews.to_arrow([frnews.analyze("Il pleut à Paris.")], "entities")
    both = pa.concat_tables([ents, other_ents])
    assert both.num_rows == ents.num_rows + other_ents.num_rows
    assert pa.types.is_dictionary(both.schema.field("label").type)


@pytest.mark.parametrize("module,call", [
    ("pandas", lambda docs: frnews.to_pandas(docs)),
    ("polars", lambda docs: frnews.to_polars(docs)),
    ("pyarrow", lambda docs: frnews.to_arrow(docs)),
])
def test_a_missing_optional_dependency_names_the_extra(monkeypatch: pytest.MonkeyPatch, module: str,
                                                      call: object) -> None:
    import sys

    monkeypatch.setitem(sys.modules, module, None)
    extra = {"pyarrow": "arrow"}.get(module, module)
    with pytest.raises(ImportError, match=rf"pip install 'frnews\[{extra}\]'"):
        call([frnews.analyze("Oui.")])  # type: ignore[operator]


@pytest.mark.parametrize("what", frnews.frames.TABLES)
def test_tables_built_in_rust_equal_tables_built_from_the_objects(monkeypatch: pytest.MonkeyPatch,
                                                                   what: str) -> None:
    import polars as pl

    texts = [*TEXTS, "PARIS, 3 mai (Xinhua) -- « Oui », a dit M. Jean Dupont à Lyon, selon l'ONU."]
    docs: list[frnews.Document | None] = [*frnews.analyze_batch(texts), None]
    indexes = [None, [f"a{i}" for i in range(len(docs))], pd.RangeIndex(10, 10 + len(docs)),
               pd.MultiIndex.from_tuples([(i % 2, f"x{i}") for i in range(len(docs))], names=["k", None])]
    rust = [frnews.to_pandas(docs, what, index=index) for index in indexes]
    rust_polars = frnews.to_polars(docs, what)
    monkeypatch.setattr(frnews.frames, "_has_pyarrow", lambda: False)
    for index, frame in zip(indexes, rust):
        objects = frnews.to_pandas(docs, what, index=index)
        # A column of the objects' path with no value at all has no type.
        untyped = {name: frame[name].dtype for name in objects if objects[name].isna().all()}
        pd.testing.assert_frame_equal(frame, objects.astype(untyped))
    objects_polars = frnews.to_polars(docs, what)
    untyped_polars = {name: rust_polars.schema[name] for name in objects_polars.columns
                      if objects_polars[name].null_count() == objects_polars.height}
    assert rust_polars.equals(objects_polars.cast(untyped_polars))  # type: ignore[arg-type]
    assert rust_polars.schema == objects_polars.cast(untyped_polars).schema  # type: ignore[arg-type]


def test_empty_tables_keep_their_column_types() -> None:
    frame = frnews.to_pandas([frnews.analyze("Il pleut.")], "warnings")
    assert len(frame) == 0
    assert str(frame["doc"].dtype) == "int64" and str(frame["start"].dtype) == "Int64"
