"""The Python tokenizer and sentence splitter: offsets and conventions."""

from __future__ import annotations

import pickle
from collections.abc import Sequence

import pytest

import frnews


def texts(tokens: Sequence[frnews.Token]) -> list[str]:
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


def test_tokens_behave_as_a_list() -> None:
    text = "Sergueï Lebedev l’a dit, a-t-il ajouté à Qingdao."
    tokens = frnews.tokenize(text)
    as_list = list(tokens)
    assert isinstance(tokens, frnews.Tokens) and isinstance(tokens, Sequence)
    assert len(tokens) == len(as_list) == 12
    assert tokens == as_list and as_list == tokens and not tokens != as_list
    assert tokens != as_list[:-1] and tokens != as_list[::-1] and tokens != [1] * 12
    assert tokens == frnews.tokenize(text) and tokens != frnews.tokenize(text + " Oui.")
    assert (tokens == "abc") is False and tokens != ("a",)
    for i in range(-len(as_list), len(as_list)):
        assert tokens[i] == as_list[i]
    for cut in [slice(None), slice(2, 5), slice(None, None, -2), slice(-3, None), slice(40, 50)]:
        assert tokens[cut] == as_list[cut]
    assert [t.text for t in tokens] == [t.text for t in as_list]
    assert as_list[3] in tokens and list(reversed(tokens)) == as_list[::-1]
    check_offsets(text, tokens)
    with pytest.raises(IndexError):
        tokens[12]
    with pytest.raises(IndexError):
        tokens[-13]
    with pytest.raises(TypeError, match="integers or slices"):
        tokens["1"]  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        hash(tokens)


def test_tokens_repr_and_pickle() -> None:
    short = frnews.tokenize("Il pleut.")
    assert repr(short) == "Tokens([Token('Il', 0..2, word), Token('pleut', 3..8, word), Token('.', 8..9, punct)])"
    long = frnews.tokenize(" ".join(["mot"] * 10))
    assert repr(long).count("Token(") == 6 and "... 4 more" in repr(long)
    for tokens in [short, long, frnews.tokenize(""), frnews.tokenize("L’été 😀 à Zürich.")]:
        back = pickle.loads(pickle.dumps(tokens))
        assert isinstance(back, frnews.Tokens) and back == tokens


@pytest.mark.parametrize(
    "parts",
    [[(0, 9, "word")], [(0, 2, "word"), (1, 3, "word")], [(3, 2, "word")], [(0, 2, "verb")]],
)
def test_unpickling_checks_the_tokens(parts: list) -> None:
    with pytest.raises(ValueError, match=r"tokens\[\d\]"):
        frnews.Tokens._restore("Il pleut", parts)


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
