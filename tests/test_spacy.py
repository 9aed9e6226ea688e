"""`Document.to_spacy`."""

from __future__ import annotations

import sys

import pytest

import frnews


def test_to_spacy_keeps_tokens_entities_sentences_quotes(seeds: list[str]) -> None:
    import spacy
    nlp = spacy.blank("fr")
    doc = frnews.analyze(seeds[1])
    sdoc = doc.to_spacy(nlp)
    assert [t.text for t in sdoc] == [t.text for t in doc.tokens]
    assert len(list(sdoc.sents)) == len(doc.sentences)
    assert [(e.text, e.label_) for e in sdoc.ents] == [(e.text, e.label) for e in doc.entities]
    assert len(sdoc.spans["quotes"]) == len(doc.quotes)
    assert doc.to_spacy(nlp.vocab).text == sdoc.text


def test_to_spacy_without_spacy_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "spacy.tokens", None)
    with pytest.raises(ImportError, match="pip install spacy"):
        frnews.analyze("Il pleut.").to_spacy(object())


def test_to_spacy_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="Language"):
        frnews.analyze("Il pleut.").to_spacy(object())
