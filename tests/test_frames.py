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


@pytest.mark.parametrize("what", ["articles", "entities", "quotes", "tokens", "sentences"])
def test_tables_have_a_doc_column_that_joins_back(seeds: list[str], what: str) -> None:
    docs = frnews.analyze_batch(seeds)
    labels = ["s0", "s1", "s2", "s3", "s4"]
    frame = frnews.to_pandas(docs, what, index=labels)
    assert frame.columns[0] == "doc"
    assert set(frame["doc"]) <= set(labels)
    if what == "articles":
        assert list(frame["doc"]) == labels
    if what in ("tokens", "sentences", "entities", "quotes"):
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
    for name in ("entities", "quotes", "tokens"):
        assert "doc" in getattr(df["text"].frnews, name)().columns


def test_polars_and_arrow(seeds: list[str]) -> None:
    docs = frnews.analyze_batch(seeds)
    pl_frame = frnews.to_polars(docs, "sentences")
    table = frnews.to_arrow(docs, "sentences")
    assert pl_frame.height == table.num_rows == sum(len(d.sentences) for d in docs)
    assert table.column_names == ["doc", "start", "end", "text"]
