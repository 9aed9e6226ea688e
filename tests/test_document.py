"""`frnews.analyze` and the `Document` it returns."""

from __future__ import annotations

import pickle

import pytest

import frnews


def test_every_span_points_into_the_text(seeds: list[str]) -> None:
    for text in seeds + ["Sergueï 😀 « Lebedev » a dit.\r\nFin."]:
        doc = frnews.analyze(text)
        assert doc.text == text
        spans = [*doc.tokens, *doc.sentences, *doc.paragraphs, *doc.entities, *doc.quotes, *doc.warnings]
        for s in spans:
            assert 0 <= s.start <= s.end <= len(text)
            assert text[s.start : s.end] == s.text


def test_dict_json_and_pickle_round_trip(seeds: list[str]) -> None:
    for text in seeds:
        doc = frnews.analyze(text)
        assert frnews.Document.from_dict(doc.to_dict()) == doc
        assert frnews.Document.from_json(doc.to_json()) == doc
        assert pickle.loads(pickle.dumps(doc)) == doc


def test_to_dict_has_the_evaluation_shape() -> None:
    d = frnews.analyze("Il pleut. Oui.").to_dict()
    assert d["tokens"][0] == [0, 2]
    assert d["sentences"] == [[0, 9], [10, 14]]
    assert {"meta", "entities", "quotes", "text"} <= d.keys()
    assert {"title", "published", "dateline", "agency", "body_start", "body_end"} <= d["meta"].keys()


def test_entities_say_where_they_came_from() -> None:
    text = "Hier, Ouria Tessam a déclaré que Paris attendait. Plus tard, Ouria Tessam est partie."
    doc = frnews.analyze(text)
    sources = {e.text: e.source for e in doc.entities}
    assert sources["Paris"] == "lexicon"
    assert [e.source for e in doc.entities if e.text == "Ouria Tessam"] == ["evidence", "propagated"]
    assert all(e.source in ("lexicon", "pattern", "evidence", "propagated") for e in doc.entities)
    d = doc.to_dict()
    assert {e["source"] for e in d["entities"]} <= {"lexicon", "pattern", "evidence", "propagated"}
    assert frnews.Document.from_dict(d) == doc
    # A dict without sources (older output, hand-made gold) still loads.
    for e in d["entities"]:
        del e["source"]
    assert {e.source for e in frnews.Document.from_dict(d).entities} == {"pattern"}
    e = frnews.Entity("Paris", 0, 5, "LOC", source="lexicon")
    assert e.source == "lexicon" and frnews.Entity("Paris", 0, 5, "LOC").source == "pattern"
    assert pickle.loads(pickle.dumps(e)) == e
    with pytest.raises(ValueError, match="unknown entity source"):
        frnews.Entity("Paris", 0, 5, "LOC", source="guess")


def test_lost_characters_are_warnings_not_changes() -> None:
    text = "le ministre Sergue? Lavrov va mettre en ?uvre le plan."
    doc = frnews.analyze(text)
    assert [(w.start, w.text) for w in doc.warnings] == [(18, "?"), (40, "?")]
    assert doc.text == text


def test_repr() -> None:
    doc = frnews.analyze("Il pleut.")
    assert repr(doc).startswith("Document(title=None, chars=9, tokens=3, sentences=1")
    assert repr(doc.meta) == "Meta(title=None, published=None, dateline=None, agency=None, body=0..9)"
    assert repr(frnews.Meta()) == "Meta(title=None, published=None, dateline=None, agency=None, body=None)"


def test_from_dict_rejects_bad_offsets() -> None:
    with pytest.raises(ValueError, match="past the end"):
        frnews.Document.from_dict({"text": "abc", "sentences": [[0, 10]]})


@pytest.mark.parametrize("bad", [None, b"bytes", 3.5])
def test_analyze_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        frnews.analyze(bad)  # type: ignore[arg-type]


def test_every_object_pickles(seeds: list[str]) -> None:
    doc = frnews.analyze(seeds[1] + "\nSergue? Lavrov.")
    objects = [doc, doc.meta, *doc.tokens[:20], *doc.sentences[:5], *doc.paragraphs[:5],
               *doc.entities, *doc.quotes, *doc.warnings]
    for obj in objects:
        assert pickle.loads(pickle.dumps(obj)) == obj, obj


def _analyze_title(text: str) -> frnews.Document:
    return frnews.analyze(text)


def test_documents_cross_spawned_processes(seeds: list[str]) -> None:
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        docs = pool.map(_analyze_title, seeds)
    assert docs == [frnews.analyze(t) for t in seeds]


def test_meta_to_dict() -> None:
    meta = frnews.analyze("Il pleut.").meta
    d = meta.to_dict()
    assert set(d) == {"title", "published", "dateline", "agency", "body_start", "body_end",
                      "credits", "article_id", "boilerplate", "copies", "byline", "standfirst", "updated"}
    assert frnews.Meta(**{k: v for k, v in d.items() if k not in ("credits", "boilerplate", "copies")}) == meta


def plain_objects(doc: frnews.Document) -> list[object]:
    return [doc.meta, *doc.tokens, *doc.sentences, *doc.paragraphs, *doc.entities, *doc.quotes, *doc.warnings]


def test_every_object_converts_to_plain_data_and_back(seeds: list[str]) -> None:
    import json

    doc = frnews.analyze(seeds[1] + "\nSergue? Lavrov.")
    objects = plain_objects(doc)
    assert {type(o).__name__ for o in objects} == {"Meta", "Token", "Span", "Paragraph", "Entity", "Quote",
                                                   "Warning"}
    for obj in objects:
        cls = type(obj)
        data = obj.to_dict()  # type: ignore[attr-defined]
        assert json.loads(json.dumps(data)) == data, obj
        assert cls.from_dict(data) == obj, obj  # type: ignore[attr-defined]
        assert cls.from_json(obj.to_json()) == obj, obj  # type: ignore[attr-defined]


def test_plain_data_shapes() -> None:
    doc = frnews.analyze("« Oui », a dit Jean Dupont.")
    q = doc.quotes[0]
    assert q.to_dict() == {"text": "Oui", "start": 2, "end": 5, "kind": "direct", "speaker": "Jean Dupont",
                           "speaker_mention": {"text": "Jean Dupont", "start": 15, "end": 26},
                           "cue": {"text": "a dit", "start": 9, "end": 14}, "zone": "body"}
    assert doc.tokens[0].to_dict() == {"text": "«", "start": 0, "end": 1, "kind": "punct"}
    meta = frnews.Meta(title="T", credits=[frnews.Span("AFP", 3, 6)])
    assert meta.to_dict()["credits"] == [{"text": "AFP", "start": 3, "end": 6}]
    assert frnews.Meta.from_dict({"title": "T"}) == frnews.Meta(title="T")


def test_from_dict_names_unknown_fields_and_bad_values() -> None:
    with pytest.raises(ValueError, match=r"Entity has no field 'colour'"):
        frnews.Entity.from_dict({"text": "Paris", "start": 0, "end": 5, "label": "LOC", "colour": "red"})
    with pytest.raises(ValueError, match="unknown entity label"):
        frnews.Entity.from_dict({"text": "Paris", "start": 0, "end": 5, "label": "CITY"})
    with pytest.raises(TypeError, match="takes a dict"):
        frnews.Span.from_dict([1, 2])  # type: ignore[arg-type]


def test_document_dict_has_a_format_version_and_reads_the_previous_format(seeds: list[str]) -> None:
    doc = frnews.analyze(seeds[0])
    data = doc.to_dict()
    assert data["format_version"] == 2
    previous = {k: v for k, v in data.items() if k != "format_version"}  # format 1: no version
    assert frnews.Document.from_dict(previous) == doc
    assert frnews.Document.from_dict({**data, "format_version": 1}) == doc
    assert '"format_version":2' in doc.to_json()
    with pytest.raises(ValueError, match="format_version 3 is not one this frnews reads"):
        frnews.Document.from_dict({**data, "format_version": 3})


def test_paragraph_roles_and_unscored_fields() -> None:
    text = ("Accueil | Sète | Agde | Sports\nSète rénove le quai de la Marine\nPar Anne Roux\n"
            "Publié le 05/04/2021 à 18h20\nMis à jour le 06/04/2021 à 09h00\n"
            "Le conseil municipal de Sète a voté lundi la rénovation du quai de la Marine.\n"
            "Partager cet article\n")
    doc = frnews.analyze(text)
    assert [p.role for p in doc.paragraphs] == [
        "chrome", "headline", "byline", "date_line", "date_line", "body", "end_marker"]
    assert [p.zone for p in doc.paragraphs] == [
        "boilerplate", "title", "boilerplate", "header", "header", "body", "boilerplate"]
    assert doc.meta.byline == "Par Anne Roux"
    assert doc.meta.updated == "2021-04-06T09:00"
    assert doc.meta.standfirst is None
    again = frnews.Document.from_dict(doc.to_dict())
    assert [p.role for p in again.paragraphs] == [p.role for p in doc.paragraphs]
    assert again.meta == doc.meta
    p = doc.paragraphs[0]
    assert frnews.Paragraph(p.text, p.start, p.end, p.zone, p.role) == p
    assert frnews.Paragraph("Titre", 0, 5, "title").role == "headline"
    with pytest.raises(ValueError):
        frnews.Paragraph("Titre", 0, 5, "title", "banner")


def test_rows_give_a_slice_of_each_layer_as_its_getter_does() -> None:
    doc = frnews.analyze("« Il pleut », a déclaré Jean Dupont à Paris.\n\nLe 3 mai, l'ONU a parlé.")
    for layer in ("tokens", "sentences", "paragraphs", "entities", "quotes", "warnings"):
        rows = getattr(doc, layer)
        assert doc._rows(layer) == (len(rows), rows)
        for start, stop in ((0, 2), (1, 4), (3, 100), (100, 200), (2, 1)):
            assert doc._rows(layer, start, stop) == (len(rows), rows[start:stop]), (layer, start, stop)
    # A slice's tokens keep their own text and offsets into the whole text.
    _, tokens = doc._rows("tokens", 5, 9)
    assert [t.text for t in tokens] == [doc.text[t.start : t.end] for t in tokens] == [t.text for t in doc.tokens[5:9]]
    with pytest.raises(ValueError, match='no layer "meta": tokens, sentences'):
        doc._rows("meta")
