"""`Document.to_spacy` and `Document.from_spacy` (spaCy is an optional
dependency: `pip install 'frnews[spacy]'`).

The spaCy `Doc` has exactly the document's text: its words are the frnews
tokens with their trailing spaces, the other whitespace (line breaks,
no-break spaces, double spaces) as whitespace tokens of its own. A token cut
by the boundary of an entity, a quote or another span (`Rio-Paris` holding
two places) becomes several spaCy tokens, so that every span is a spaCy
`Span` with the same character offsets.

What spaCy has no attribute for is in extensions, registered on first use:

- `token._.kind`: the frnews token kind (`None` on whitespace tokens);
  `token._.continues`: the spaCy token continues the previous one's frnews
  token.
- `doc.ents`, with `ent.kb_id_` the canonical name, `ent._.value`, `ent._.zone`,
  `ent._.source`.
- `doc.spans["quotes"]`, labelled with the speaker (`UNKNOWN` when none),
  with `q._.kind`, `q._.speaker`, `q._.speaker_mention` and `q._.cue` (spaCy
  spans or `None`), `q._.zone`.
- `doc.spans["paragraphs"]` (labelled with the zone, `p._.zone`, `p._.role`),
  `doc.spans["warnings"]` (labelled with the message), `doc._.meta` (the
  article fields in the shape of `Document.to_dict()["meta"]`).

Everything is kept as plain data in the `Doc`, so `Doc.to_bytes` and
`DocBin(store_user_data=True)` keep it.
"""

from __future__ import annotations

from typing import Any

from frnews.frames import LABELS

# Marks a Doc made by `to_spacy`; its value is the version of this layout.
MARK = "frnews.to_spacy"
VERSION = 1


def _spacy() -> Any:
    try:
        import spacy.tokens
    except ImportError as e:
        raise ImportError("Document.to_spacy and from_spacy need spaCy: pip install 'frnews[spacy]' "
                          "(or 'frnews[all]')") from e
    return spacy


def _stored_span(name: str) -> Any:
    def get(span: Any) -> Any:
        offsets = span.doc.user_data.get((MARK, name, span.start_char, span.end_char))
        return None if offsets is None else span.doc.char_span(offsets[0], offsets[1])
    return get


def _register() -> None:
    from spacy.tokens import Doc, Span, Token

    wanted: list[tuple[Any, str, dict[str, Any]]] = [
        (Token, "kind", {"default": None}),
        (Token, "continues", {"default": False}),
        (Span, "value", {"default": None}),
        (Span, "zone", {"default": None}),
        (Span, "role", {"default": None}),
        (Span, "source", {"default": None}),
        (Span, "kind", {"default": None}),
        (Span, "speaker", {"default": None}),
        (Span, "speaker_mention", {"getter": _stored_span("speaker_mention")}),
        (Span, "cue", {"getter": _stored_span("cue")}),
        (Doc, "meta", {"default": None}),
    ]
    for cls, name, options in wanted:
        if not cls.has_extension(name):
            cls.set_extension(name, **options)
            continue
        _default, method, getter, _setter = cls.get_extension(name)
        if method is not None or (getter is None) != ("getter" not in options):
            raise ValueError(f"spaCy's {cls.__name__}._.{name} is registered by another package in a way "
                             "frnews cannot use")


def to_spacy(doc: Any, nlp_or_vocab: Any) -> Any:
    spacy = _spacy()
    from spacy.tokens import Doc as SpacyDoc
    from spacy.vocab import Vocab

    vocab = nlp_or_vocab if isinstance(nlp_or_vocab, Vocab) else getattr(nlp_or_vocab, "vocab", None)
    if not isinstance(vocab, Vocab):
        raise TypeError("to_spacy takes a spaCy Language (nlp) or Vocab")
    _register()
    text: str = doc.text
    entities, quotes, paragraphs, warnings = doc.entities, doc.quotes, doc.paragraphs, doc.warnings
    inner = [*entities, *quotes, *paragraphs, *warnings,
             *(q.cue for q in quotes if q.cue is not None),
             *(q.speaker_mention for q in quotes if q.speaker_mention is not None)]
    cuts = sorted({offset for s in inner for offset in (s.start, s.end)})
    sentence_starts = {s.start for s in doc.sentences}
    words: list[str] = []
    spaces: list[bool] = []
    kinds: list[str | None] = []
    continues: list[bool] = []
    starts: list[bool | int | None] = []

    def add(start: int, end: int, kind: str | None, continued: bool = False, sentence: bool = False) -> None:
        words.append(text[start:end])
        spaces.append(False)
        kinds.append(kind)
        continues.append(continued)
        starts.append(sentence)

    def between(start: int, end: int) -> None:
        """The text between two tokens: a trailing space, then a whitespace token."""
        if start < end and words and text[start] == " " and not spaces[-1]:
            spaces[-1] = True
            start += 1
        if start < end:
            add(start, end, None)

    position = 0
    ci = 0
    for t in doc.tokens:
        between(position, t.start)
        while ci < len(cuts) and cuts[ci] <= t.start:
            ci += 1
        piece = t.start
        while ci < len(cuts) and cuts[ci] < t.end:
            add(piece, cuts[ci], t.kind, piece > t.start, piece == t.start and t.start in sentence_starts)
            piece = cuts[ci]
            ci += 1
        add(piece, t.end, t.kind, piece > t.start, piece == t.start and t.start in sentence_starts)
        position = t.end
    between(position, len(text))
    if starts:
        # Whitespace before the first sentence belongs to it, as in spaCy.
        first = starts.index(True) if True in starts else 0
        starts[first] = False
        starts[0] = True
    out = SpacyDoc(vocab, words=words, spaces=spaces, sent_starts=starts if sentence_starts else None)
    for token, kind, continued in zip(out, kinds, continues):
        if kind is not None:
            token._.kind = kind
        if continued:
            token._.continues = True

    def span(s: Any, label: str = "", kb_id: str = "") -> Any:
        result = out.char_span(s.start, s.end, label=label, kb_id=kb_id)
        if result is None:  # cannot happen: the tokens were cut at every span boundary
            raise ValueError(f"{s!r} does not fall on token boundaries")
        return result

    ents = []
    for e in entities:
        ent = span(e, e.label, e.canonical or "")
        ent._.value = e.value
        ent._.zone = e.zone
        ent._.source = e.source
        ents.append(ent)
    out.ents = ents
    user_data: dict[Any, Any] = out.user_data
    quote_spans = []
    for q in quotes:
        qs = span(q, q.speaker or "UNKNOWN")
        qs._.kind, qs._.speaker, qs._.zone = q.kind, q.speaker, q.zone
        for name, inner_span in (("cue", q.cue), ("speaker_mention", q.speaker_mention)):
            if inner_span is not None:
                user_data[(MARK, name, q.start, q.end)] = [inner_span.start, inner_span.end]
        quote_spans.append(qs)
    out.spans["quotes"] = quote_spans
    paragraph_spans = []
    for p in paragraphs:
        ps = span(p, p.zone)
        ps._.zone, ps._.role = p.zone, p.role
        paragraph_spans.append(ps)
    out.spans["paragraphs"] = paragraph_spans
    out.spans["warnings"] = [span(w, w.message) for w in warnings]
    out._.meta = doc.to_dict()["meta"]
    out.user_data[MARK] = VERSION
    return out


def from_spacy(cls: Any, sd: Any) -> Any:
    spacy = _spacy()
    if not isinstance(sd, spacy.tokens.Doc):
        raise TypeError(f"from_spacy takes a spacy.tokens.Doc, not {type(sd).__name__}")
    _register()
    exact = sd.user_data.get(MARK) is not None
    text: str = sd.text
    tokens: list[list[int]] = []
    kinds: list[str] = []
    counted: list[bool] = []  # per spaCy token: part of an frnews token
    for t in sd:
        kind = t._.kind if exact else (None if t.is_space else "")
        counted.append(kind is not None)
        if kind is None:
            continue
        if exact and t._.continues and tokens:
            tokens[-1][1] = t.idx + len(t)
            continue
        tokens.append([t.idx, t.idx + len(t)])
        kinds.append(kind)
    sentences = []
    if sd.has_annotation("SENT_START"):
        for sent in sd.sents:
            inside = [t for t in sent if counted[t.i]]
            if inside:
                sentences.append([inside[0].idx, inside[-1].idx + len(inside[-1])])
    data: dict[str, Any] = {"text": text, "tokens": tokens, "sentences": sentences}
    if exact:
        data["token_kinds"] = kinds
    if not exact:
        data["entities"] = [{"start": e.start_char, "end": e.end_char, "label": e.label_,
                             "canonical": e.kb_id_ or None} for e in sd.ents if e.label_ in LABELS]
        return cls.from_dict(data)
    data["entities"] = [{"start": e.start_char, "end": e.end_char, "label": e.label_,
                         "canonical": e.kb_id_ or None, "value": e._.value, "zone": e._.zone,
                         "source": e._.source}
                        for e in sd.ents if e.label_ in LABELS]
    quotes = []
    for q in sd.spans["quotes"] if "quotes" in sd.spans else []:
        mention, cue = q._.speaker_mention, q._.cue
        quotes.append({"start": q.start_char, "end": q.end_char, "kind": q._.kind, "speaker": q._.speaker,
                       "speaker_mention_span": None if mention is None else [mention.start_char, mention.end_char],
                       "cue": None if cue is None else [cue.start_char, cue.end_char], "zone": q._.zone})
    data["quotes"] = quotes
    data["paragraphs"] = [{"start": p.start_char, "end": p.end_char, "zone": p._.zone or p.label_,
                           "role": p._.role}
                          for p in (sd.spans["paragraphs"] if "paragraphs" in sd.spans else [])]
    data["warnings"] = [{"start": w.start_char, "end": w.end_char, "message": w.label_}
                        for w in (sd.spans["warnings"] if "warnings" in sd.spans else [])]
    data["meta"] = sd._.meta or {}
    return cls.from_dict(data)
