"""`Document.to_spacy` and `Document.from_spacy`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import frnews

spacy = pytest.importorskip("spacy")

GOLD = Path(__file__).resolve().parent / "data" / "gold.jsonl"


@pytest.fixture(scope="module")
def nlp() -> object:
    return spacy.blank("fr")


def gold_texts(shared: Path) -> list[str]:
    files = [*sorted((shared / "data" / "gold").glob("*.jsonl")), GOLD]
    return [json.loads(line)["text"] for f in files
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_same_offsets(doc: frnews.Document, sd: object) -> None:
    assert sd.text == doc.text  # type: ignore[attr-defined]
    for t in doc.tokens:
        span = sd.char_span(t.start, t.end)  # type: ignore[attr-defined]
        assert span is not None and span.text == t.text, t
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_ or None, e._.value, e._.zone)
            for e in sd.ents] == [  # type: ignore[attr-defined]
        (e.start, e.end, e.label, e.canonical, e.value, e.zone) for e in doc.entities]
    quotes = sd.spans["quotes"]  # type: ignore[attr-defined]
    assert [(q.start_char, q.end_char, q._.kind, q._.speaker, q._.zone) for q in quotes] == [
        (q.start, q.end, q.kind, q.speaker, q.zone) for q in doc.quotes]
    for q, fq in zip(quotes, doc.quotes):
        for name in ("cue", "speaker_mention"):
            ours, theirs = getattr(fq, name), getattr(q._, name)
            assert (ours is None and theirs is None) or (theirs.start_char, theirs.end_char) == (ours.start, ours.end)
    sents = [s for s in sd.sents]  # type: ignore[attr-defined]
    assert len(sents) == len(doc.sentences)
    for s, fs in zip(sents, doc.sentences):
        words = [t for t in s if t._.kind is not None]
        assert (words[0].idx, words[-1].idx + len(words[-1])) == (fs.start, fs.end)


def test_text_and_offsets_are_exact_on_every_gold_text(shared: Path, nlp: object) -> None:
    texts = gold_texts(shared)
    assert len(texts) > 80
    for text in texts:
        doc = frnews.analyze(text)
        sd = doc.to_spacy(nlp)
        assert sd.text == doc.text
        check_same_offsets(doc, sd)
        assert frnews.Document.from_spacy(sd) == doc


@pytest.mark.parametrize("text", [
    "",
    "  \n Début d'article.\n\n\u00a0Fin  . \r\n",
    "Le train Rio-Paris, a-t-il dit : « Oui, c'est fini ».\n\nLe ministre Sergue? Lavrov.",
])
def test_whitespace_and_cut_tokens(text: str, nlp: object) -> None:
    doc = frnews.analyze(text)
    sd = doc.to_spacy(nlp)
    check_same_offsets(doc, sd)
    assert frnews.Document.from_spacy(sd) == doc


def test_a_token_holding_two_entities_is_cut_and_joined_back(nlp: object) -> None:
    doc = frnews.analyze("Le TGV Lyon-Turin partira de Lyon.")
    assert "Lyon-Turin" in [t.text for t in doc.tokens]
    sd = doc.to_spacy(nlp)
    assert [t.text for t in sd][2:5] == ["Lyon", "-", "Turin"]
    assert [t._.continues for t in sd][2:5] == [False, True, True]
    assert [e.text for e in sd.ents][:2] == ["Lyon", "Turin"]
    assert frnews.Document.from_spacy(sd).tokens == doc.tokens


def test_extensions_and_spans(seeds: list[str], nlp: object) -> None:
    doc = frnews.analyze(seeds[1])
    sd = doc.to_spacy(nlp)
    assert [(e.text, e.label_) for e in sd.ents] == [(e.text, e.label) for e in doc.entities]
    assert [e.kb_id_ for e in sd.ents][:2] == [e.canonical for e in doc.entities][:2]
    assert [p._.zone for p in sd.spans["paragraphs"]] == [p.zone for p in doc.paragraphs]
    assert sd._.meta["title"] == doc.meta.title
    assert [q.label_ for q in sd.spans["quotes"]] == [q.speaker or "UNKNOWN" for q in doc.quotes]
    assert doc.to_spacy(nlp.vocab).text == sd.text  # type: ignore[attr-defined]


def test_what_to_spacy_stores_survives_to_bytes(seeds: list[str], nlp: object) -> None:
    from spacy.tokens import Doc, DocBin

    doc = frnews.analyze(seeds[0])
    again = Doc(nlp.vocab).from_bytes(doc.to_spacy(nlp).to_bytes())  # type: ignore[attr-defined]
    assert frnews.Document.from_spacy(again) == doc
    box = DocBin(store_user_data=True)
    box.add(doc.to_spacy(nlp))
    (restored,) = DocBin().from_bytes(box.to_bytes()).get_docs(nlp.vocab)  # type: ignore[attr-defined]
    assert frnews.Document.from_spacy(restored) == doc


def test_from_another_spacy_doc_keeps_its_entities_with_our_labels(nlp: object) -> None:
    from spacy.tokens import Span

    sd = nlp("Emmanuel Macron est à Paris avec Google.\nIl pleut.")  # type: ignore[operator]
    sd.ents = [Span(sd, 0, 2, label="PER", kb_id="Emmanuel Macron"), Span(sd, 4, 5, label="LOC"),
               Span(sd, 6, 7, label="MISC")]
    sd[8].is_sent_start = True
    doc = frnews.Document.from_spacy(sd)
    assert doc.text == sd.text
    assert [(e.text, e.label, e.canonical, e.zone) for e in doc.entities] == [
        ("Emmanuel Macron", "PER", "Emmanuel Macron", "body"), ("Paris", "LOC", None, "body")]
    assert [t.text for t in doc.tokens] == [t.text for t in sd if not t.is_space]
    assert [t.kind for t in doc.tokens][-1] == "punct"
    assert [s.text for s in doc.sentences] == ["Emmanuel Macron est à Paris avec Google.", "Il pleut."]
    assert doc.quotes == [] and doc.meta == frnews.Meta()


def test_from_spacy_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="spacy.tokens.Doc"):
        frnews.Document.from_spacy("text")


def test_to_spacy_without_spacy_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "spacy.tokens", None)
    with pytest.raises(ImportError, match=r"pip install 'frnews\[spacy\]'"):
        frnews.analyze("Il pleut.").to_spacy(object())


def test_to_spacy_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="Language"):
        frnews.analyze("Il pleut.").to_spacy(object())
