"""`Document.from_dict` / `from_json` and the constructors accept only data
that keeps the library's invariants (issue 15, item 4): a wrong type is an
error naming the field, layers are sorted and disjoint, spans lie in the
text, lone surrogates are an `InputError` as in `analyze`."""

from __future__ import annotations

import json
from typing import Any

import pytest

import frnews

TEXT = "M. Jean Dupont a dit : « Oui » à Paris."


def base() -> dict[str, Any]:
    return frnews.analyze(TEXT).to_dict()


def with_field(path: str, value: Any) -> dict[str, Any]:
    d = base()
    *parents, last = path.split(".")
    target = d
    for p in parents:
        target = target[p]
    target[last] = value
    return d


@pytest.mark.parametrize(
    "path, value",
    [
        ("tokens", "abc"),
        ("tokens", 3),
        ("sentences", {"a": 1}),
        ("entities", "x"),
        ("quotes", 5),
        ("paragraphs", "p"),
        ("token_kinds", "word"),
        ("meta", "x"),
        ("meta", [1]),
        ("meta.body_start", -1),
        ("meta.body_start", "0"),
        ("meta.body_end", 1.5),
        ("meta.published", 2018),
        ("meta.credits", "x"),
        ("meta.title_span", "x"),
    ],
)
def test_a_wrong_type_is_an_error_naming_the_field(path: str, value: Any) -> None:
    field = path.split(".")[-1]
    with pytest.raises((ValueError, TypeError), match=field):
        frnews.Document.from_dict(with_field(path, value))
    with pytest.raises((ValueError, TypeError), match=field):
        frnews.Document.from_json(json.dumps(with_field(path, value)))


@pytest.mark.parametrize("field, value", [("canonical", 3), ("value", [1]), ("label", 7), ("zone", 2)])
def test_a_wrong_type_inside_an_entity_names_it(field: str, value: Any) -> None:
    d = base()
    assert d["entities"]
    d["entities"][0][field] = value
    with pytest.raises(ValueError, match=rf"entities\[0\]\.{field}"):
        frnews.Document.from_dict(d)


def test_an_entity_that_is_no_object_is_refused() -> None:
    d = base()
    d["entities"] = ["x"]
    with pytest.raises(ValueError, match=r"entities\[0\]"):
        frnews.Document.from_dict(d)


def test_the_same_entity_three_times_is_refused() -> None:
    d = base()
    d["entities"] = [d["entities"][0]] * 3
    with pytest.raises(ValueError, match="sorted and disjoint"):
        frnews.Document.from_dict(d)


@pytest.mark.parametrize(
    "field, spans",
    [
        ("sentences", [[0, 50], [10, 20]]),
        ("sentences", [[10, 20], [0, 5]]),
        ("tokens", [[0, 2], [1, 3]]),
        ("paragraphs", [{"start": 0, "end": 10, "zone": "body"}, {"start": 5, "end": 12, "zone": "body"}]),
    ],
)
def test_overlapping_or_unsorted_layers_are_refused(field: str, spans: list[Any]) -> None:
    d = {"text": "x" * 60, field: spans}
    with pytest.raises(ValueError, match=field):
        frnews.Document.from_dict(d)


@pytest.mark.parametrize(
    "data",
    [
        {"text": "abc", "sentences": [[0, 4]]},
        {"text": "abc", "meta": {"credits": [[2, 9]]}},
        {"text": "abc", "meta": {"body_start": 0, "body_end": 4}},
        {"text": "abc", "quotes": [{"start": 0, "end": 3, "kind": "direct", "speaker_mention_span": [1, 5]}]},
        {"text": "abc", "warnings": [{"start": 4, "end": 4, "message": "m"}]},
    ],
)
def test_out_of_bounds_spans_are_refused(data: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="past the end"):
        frnews.Document.from_dict(data)


def test_deep_nesting_is_a_value_error_not_a_recursion_error() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ValueError, match="nested"):
        frnews.Document.from_dict({"text": "abc", "tokens": deep})
    with pytest.raises(ValueError):
        frnews.Document.from_json('{"text": "abc", "tokens": ' + "[" * 100_000 + "]" * 100_000 + "}")


def test_other_python_types_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="set"):
        frnews.Document.from_dict({"text": "abc", "tokens": {1, 2}})
    with pytest.raises(TypeError, match="keys must be str"):
        frnews.Document.from_dict({"text": "abc", 3: []})


def test_valid_documents_still_round_trip() -> None:
    doc = frnews.analyze(TEXT)
    assert frnews.Document.from_dict(doc.to_dict()) == doc
    assert frnews.Document.from_json(doc.to_json()) == doc
    # Tuples are lists; missing and null fields are empty.
    d = {"text": "abc", "tokens": [(0, 3)], "sentences": None, "meta": None}
    assert [t.text for t in frnews.Document.from_dict(d).tokens] == ["abc"]


@pytest.mark.parametrize(
    "make",
    [
        lambda: frnews.Document.from_dict({"text": "a\ud800"}),
        lambda: frnews.Document.from_dict({"text": "abc", "entities": [
            {"start": 0, "end": 1, "label": "PER", "canonical": "\udfff"}]}),
        lambda: frnews.Document.from_dict({"text": "abc", "\ud800": 1}),
        lambda: frnews.Document.from_json('{"text": "a\ud800"}'),
        lambda: frnews.Document.from_json('{"text": "a\\ud800"}'),
        lambda: frnews.Token("a\ud800", 0, 2, "word"),
        lambda: frnews.Span("\ud800", 0, 1),
        lambda: frnews.Entity("\ud800", 0, 1, "PER"),
        lambda: frnews.Entity("ab", 0, 2, "PER", canonical="\ud800"),
    ],
)
def test_lone_surrogates_are_an_input_error_everywhere(make: Any) -> None:
    with pytest.raises(frnews.InputError, match="lone surrogates"):
        make()


@pytest.mark.parametrize(
    "make",
    [
        lambda: frnews.Token("abc", 5, 2, "word"),
        lambda: frnews.Token("abc", 0, 2, "word"),
        lambda: frnews.Span("abc", 0, 100),
        lambda: frnews.Span("abc", 3, 0),
        lambda: frnews.Entity("abc", 0, 4, "PER"),
        lambda: frnews.Paragraph("abc", 1, 2, "body"),
        lambda: frnews.Quote("abc", 0, 1, "direct"),
    ],
)
def test_constructors_refuse_spans_that_do_not_fit_their_text(make: Any) -> None:
    with pytest.raises(ValueError):
        make()


def test_consistent_constructions_are_accepted() -> None:
    t = frnews.Token("abc", 5, 8, "word")
    assert len(t) == 3 and t.text == "abc"
    s = frnews.Span("été", 1, 4)
    assert len(s) == 3
    assert frnews.Entity("Paris", 0, 5, "LOC", canonical="Paris").canonical == "Paris"
