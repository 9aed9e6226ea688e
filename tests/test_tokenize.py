"""The Python tokenizer and sentence splitter: offsets and conventions."""

from __future__ import annotations

import pickle

import pytest

import frnews


def texts(tokens: list[frnews.Token]) -> list[str]:
    return [t.text for t in tokens]


def check_offsets(text: str, spans: list) -> None:
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "Sergueï Lebedev a estimé : « l’OCS est forte ».",
        "Le président 😀 a dit-il 🇫🇷 « très bien » à Qingdao.",
        "Ligne un.\r\nLigne deux, a-t-il ajouté.\r\n",
        "Combining e\u0301 marks and 2\u202f001 personnes.",
    ],
)
def test_offsets_are_str_indices(text: str) -> None:
    check_offsets(text, frnews.tokenize(text))
    check_offsets(text, frnews.sentences(text))


def test_gsd_conventions() -> None:
    assert texts(frnews.tokenize("l'OCS, a-t-il dit-il aujourd'hui.")) == [
        "l'", "OCS", ",", "a", "-t-il", "dit", "-il", "aujourd'hui", ".",
    ]
    assert texts(frnews.tokenize("Kassym-Jomart, M. Lebedev, 2 001 et 5,2 %")) == [
        "Kassym-Jomart", ",", "M.", "Lebedev", ",", "2 001", "et", "5,2", "%",
    ]


def test_kinds_and_norm() -> None:
    tokens = frnews.tokenize("l’OCS 13:25 % xinhuanet_french@news.cn french.xinhuanet.com !")
    assert [t.kind for t in tokens] == ["word", "word", "number", "symbol", "email", "url", "punct"]
    assert tokens[0].norm == "l'"
    assert frnews.tokenize("1\u00a0000")[0].norm == "1 000"


def test_sentences_keep_abbreviations_and_titles() -> None:
    text = "Un titre\n\nM. Lebedev est venu. Il est reparti."
    assert texts(frnews.sentences(text)) == ["Un titre", "M. Lebedev est venu.", "Il est reparti."]


def test_seed_tokens_cover_every_non_space_character(seeds: list[str]) -> None:
    for text in seeds:
        tokens = frnews.tokenize(text)
        check_offsets(text, tokens)
        covered = [False] * len(text)
        last_end = 0
        for t in tokens:
            assert t.start >= last_end and t.start < t.end, t
            last_end = t.end
            for i in range(t.start, t.end):
                covered[i] = True
        for i, ch in enumerate(text):
            assert covered[i] == (not ch.isspace()), (i, ch)


def test_seed_sentences_are_ordered_and_disjoint(seeds: list[str]) -> None:
    for text in seeds:
        spans = frnews.sentences(text)
        check_offsets(text, spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_objects_repr_compare_and_pickle() -> None:
    token = frnews.tokenize("Qingdao")[0]
    assert repr(token) == "Token('Qingdao', 0..7, word)"
    assert pickle.loads(pickle.dumps(token)) == token
    span = frnews.sentences("Il pleut.")[0]
    assert repr(span) == "Span('Il pleut.', 0..9)"
    assert pickle.loads(pickle.dumps(span)) == span
    assert len(token) == 7


def test_empty_and_whitespace() -> None:
    assert frnews.tokenize("") == []
    assert frnews.sentences(" \n\t ") == []


@pytest.mark.parametrize("bad", [None, b"bytes", 12, ["a"]])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        frnews.tokenize(bad)  # type: ignore[arg-type]


def test_lone_surrogate_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        frnews.tokenize("a\ud800b")
    assert issubclass(frnews.InputError, ValueError)
