"""`frnews.Pipeline`: a user's entries in the lexicons, stages left out; on made-up text."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import frnews

TEXT = "Le groupe Vrakstel a reçu Oumbé à Trifouillis-sur-Loing. « Nous avançons », a gazouillé Oumbé."


def labelled(doc: frnews.Document) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label, e.canonical) for e in doc.entities]


def test_entries_as_names_or_mappings_are_found() -> None:
    nlp = frnews.Pipeline(
        people={"Oumbé": "Lyxandra Oumbé"},
        organisations=["Vrakstel"],
        places=("Trifouillis-sur-Loing",),
    )
    found = labelled(nlp.analyze(TEXT))
    assert ("Oumbé", "PER", "Lyxandra Oumbé") in found
    assert ("Vrakstel", "ORG", "Vrakstel") in found
    assert ("Trifouillis-sur-Loing", "LOC", None) in found
    assert ("Oumbé", "PER", None) not in labelled(frnews.analyze(TEXT))


def test_a_user_entry_takes_precedence_over_a_built_in_one() -> None:
    text = "Le ministre a salué Niger hier."
    assert ("Niger", "LOC") in [(t, lab) for t, lab, _ in labelled(frnews.analyze(text))]
    # `hier` is a date (GUIDELINES "Settled cases").
    assert labelled(frnews.Pipeline(people=["Niger"]).analyze(text)) == [("Niger", "PER", "Niger"),
                                                                       ("hier", "DATE", None)]


def test_exclude_removes_built_in_entries() -> None:
    text = "Le sommet se tient au Kazakhstan."
    assert any(e.label == "LOC" for e in frnews.analyze(text).entities)
    assert not any(e.label == "LOC" for e in frnews.Pipeline(exclude=["Kazakhstan"]).analyze(text).entities)


def test_speech_verbs_make_quotes() -> None:
    text = "« Nous allons gagner », a gazouillé le porte-parole du parti."
    assert frnews.analyze(text).quotes == []
    quotes = frnews.Pipeline(speech_verbs=["gazouillé"]).analyze(text).quotes
    assert [q.text for q in quotes] == ["Nous allons gagner"]


def test_disable_leaves_stages_out() -> None:
    text = "« Le plan avance », a déclaré Marie Dupont à Paris."
    full = frnews.analyze(text)
    no_quotes = frnews.Pipeline(disable=["quotes"]).analyze(text)
    assert no_quotes.quotes == [] and labelled(no_quotes) == labelled(full)
    no_entities = frnews.Pipeline(disable=("entities",)).analyze(text)
    assert no_entities.entities == [] and no_entities.tokens == full.tokens


def test_default_pipeline_equals_analyze(seeds: list[str]) -> None:
    nlp = frnews.Pipeline()
    for text in seeds:
        assert nlp.analyze(text).to_dict() == frnews.analyze(text).to_dict()
        assert nlp.tokenize(text) == frnews.tokenize(text)


def test_batch_equals_a_loop_and_threads_share_one_pipeline() -> None:
    nlp = frnews.Pipeline(people={"Oumbé": "Lyxandra Oumbé"})
    texts = [TEXT, "Oumbé est partie.", "", "Rien."] * 5
    one_by_one = [nlp.analyze(t).to_dict() for t in texts]
    assert [d.to_dict() for d in nlp.analyze_batch(texts, n_threads=2, chunk_size=3)] == one_by_one
    with ThreadPoolExecutor(4) as pool:
        assert [d.to_dict() for d in pool.map(nlp.analyze, texts)] == one_by_one


def test_pipeline_pickles_with_its_entries() -> None:
    nlp = frnews.Pipeline(people={"Oumbé": "Lyxandra Oumbé"}, disable=["quotes"])
    back = pickle.loads(pickle.dumps(nlp))
    assert back.analyze(TEXT).to_dict() == nlp.analyze(TEXT).to_dict()
    assert repr(back) == repr(nlp) == "Pipeline(people=1, disable=('quotes',))"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"people": "Oumbé"}, TypeError, "people must be a collection of str, not a str"),
        ({"organisations": 3}, TypeError, "organisations must be a collection of str, not int"),
        ({"people": {"Oumbé": 3}}, TypeError, "people['Oumbé'] must be a str"),
        ({"speech_verbs": [b"dit"]}, TypeError, "speech_verbs[0] must be a str"),
        ({"disable": ["tokens"]}, ValueError, 'unknown stage "tokens"'),
        ({"exclude": ["\ud800"]}, frnews.InputError, "exclude[0] holds lone surrogates"),
    ],
)
def test_bad_entries_are_refused_with_the_argument_named(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message.replace("[", r"\[").replace("(", r"\(")):
        frnews.Pipeline(**kwargs)
