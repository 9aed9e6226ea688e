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


def _is_space(c: str) -> bool:
    # Unicode White_Space, as the core trims: Python's isspace() also counts
    # the information separators U+001C..U+001F.
    return c.isspace() and c not in "\x1c\x1d\x1e\x1f"


def check_trimmed(text: str, what: str, pairs: Iterable[tuple[int, int]]) -> None:
    """Entities and article fields start and end on a non-space."""
    for start, end in pairs:
        if start < end:
            assert not _is_space(text[start]) and not _is_space(text[end - 1]), (what, text[start:end])


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
    fields = [m["title_span"], m["dateline_span"], m["agency_span"], m["article_id_span"]]
    check_pairs(text, "meta", fields)
    # Spans are trimmed in the repaired text: mapped back, a mojibake pair
    # such as `Ã\x85` (for `Å`) may end on a character that is a space.
    if frnews.repair(text) == text:
        check_trimmed(text, "meta", [(a, b) for a, b in filter(None, fields)])
        check_trimmed(text, "entity", [(e.start, e.end) for e in doc.entities])
    if meta.body_start is not None:
        assert meta.body_end is not None
        assert 0 <= meta.body_start <= meta.body_end <= len(text)
    for field in ("title", "dateline", "agency", "article_id"):
        span = m[f"{field}_span"]
        if span is not None:
            # `Meta` gives a field as its span with whitespace runs made
            # single spaces.
            value = getattr(meta, field)
            assert value is not None and value.split() == text[span[0] : span[1]].split(), field

    assert frnews.Document.from_dict(d) == doc
    assert frnews.Document.from_json(doc.to_json()) == doc
