"""The invariants every `Document` keeps, whatever its text (issue 8):
spans inside the text and equal to their slice, the sorted and disjoint
layers sorted and disjoint, and the dict shape round-tripping."""

from __future__ import annotations

from typing import Any, Iterable

import frnews


def check_spans(text: str, what: str, spans: Iterable[Any]) -> None:
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), (what, s, len(text))
        assert text[s.start : s.end] == s.text, (what, s)


def check_sorted_disjoint(what: str, spans: list[Any]) -> None:
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start, (what, a, b)


def check_pairs(text: str, what: str, pairs: Iterable[list[int] | None]) -> None:
    for pair in pairs:
        if pair is not None:
            start, end = pair
            assert 0 <= start <= end <= len(text), (what, pair, len(text))


def check_document(doc: frnews.Document) -> None:
    text = doc.text
    quote_parts = [part for q in doc.quotes for part in (q.speaker_mention, q.cue) if part is not None]
    meta = doc.meta
    layers = {
        "token": doc.tokens,
        "sentence": doc.sentences,
        "paragraph": doc.paragraphs,
        "entity": doc.entities,
        "quote": doc.quotes,
    }
    for what, spans in layers.items():
        check_spans(text, what, spans)
        check_sorted_disjoint(what, spans)
    assert all(t.start < t.end for t in doc.tokens)
    check_spans(text, "speaker mention or cue", quote_parts)
    check_spans(text, "meta", [*meta.credits, *meta.boilerplate, *meta.copies])
    check_spans(text, "warning", doc.warnings)

    d = doc.to_dict()
    m = d["meta"]
    check_pairs(text, "meta", [m["title_span"], m["dateline_span"], m["agency_span"], m["article_id_span"]])
    if meta.body_start is not None:
        assert meta.body_end is not None
        assert 0 <= meta.body_start <= meta.body_end <= len(text)
    for field in ("dateline", "agency", "article_id"):
        span = m[f"{field}_span"]
        if span is not None:
            assert text[span[0] : span[1]] == getattr(meta, field), field
    if m["title_span"] is not None:
        a, b = m["title_span"]
        # The title is its span with whitespace runs made single spaces.
        assert meta.title is not None and meta.title.split() == text[a:b].split()

    assert frnews.Document.from_dict(d) == doc
    assert frnews.Document.from_json(doc.to_json()) == doc
