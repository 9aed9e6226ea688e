"""`Document.to_spacy`: a spaCy `Doc` with frnews tokens, entities, sentence
starts and quotes (spaCy is an optional dependency)."""

from __future__ import annotations

from typing import Any


def to_spacy(doc: Any, nlp_or_vocab: Any) -> Any:
    try:
        from spacy.tokens import Doc as SpacyDoc
        from spacy.tokens import Span as SpacySpan
        from spacy.vocab import Vocab
    except ImportError as e:
        raise ImportError("Document.to_spacy needs spaCy: pip install spacy") from e
    vocab = nlp_or_vocab if isinstance(nlp_or_vocab, Vocab) else getattr(nlp_or_vocab, "vocab", None)
    if not isinstance(vocab, Vocab):
        raise TypeError("to_spacy takes a spaCy Language (nlp) or Vocab")
    text: str = doc.text
    tokens = doc.tokens
    words = [t.text for t in tokens]
    spaces = [
        i + 1 < len(tokens) and tokens[i + 1].start > t.end for i, t in enumerate(tokens)
    ]
    sentence_starts = {s.start for s in doc.sentences}
    out = SpacyDoc(vocab, words=words, spaces=spaces,
                   sent_starts=[t.start in sentence_starts for t in tokens])
    # frnews offsets index the original text; spaCy's index its own text,
    # built from tokens and single spaces: map through token positions.
    start_of = {t.start: i for i, t in enumerate(tokens)}
    end_of = {t.end: i + 1 for i, t in enumerate(tokens)}

    def span(s: Any, label: str) -> Any:
        first, last = start_of.get(s.start), end_of.get(s.end)
        if first is None or last is None or first >= last:
            return None
        return SpacySpan(out, first, last, label=label)

    ents = [e for e in (span(e, e.label) for e in doc.entities) if e is not None]
    out.ents = ents
    quote_spans = []
    for q in doc.quotes:
        s = span(q, q.speaker or "UNKNOWN")
        if s is not None:
            quote_spans.append(s)
    out.spans["quotes"] = quote_spans
    out.user_data["frnews_text"] = text
    return out
