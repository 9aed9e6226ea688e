//! The invariants every result of the core keeps on any text, shared by the
//! fuzz target (`fuzz/`) and the regression test replaying its findings
//! (`tests/regressions.rs`). A broken invariant panics with what broke.

use frnews::{Document, Span};

/// Runs every entry point on `text` and checks its results.
pub fn check_all(text: &str) {
    check_tokens_and_sentences(text);
    check_repair(text);
    check_document(&frnews::analyze(text));
}

/// `tokenize` and `sentences`, called alone as the Python API does.
pub fn check_tokens_and_sentences(text: &str) {
    let tokens = frnews::tokenize(text);
    let token_spans: Vec<Span> = tokens
        .iter()
        .map(|t| Span::new(t.start(), t.end()))
        .collect();
    check_spans(text, "token", &token_spans);
    check_sorted_disjoint(text, "token", &token_spans);
    for t in &token_spans {
        assert!(t.start < t.end, "empty token {t:?} in {text:?}");
    }
    let sentences = frnews::sentences(text, &tokens);
    check_spans(text, "sentence", &sentences);
    check_sorted_disjoint(text, "sentence", &sentences);
}

/// `repair`: a valid text, and spans of it mapped back inside the original.
pub fn check_repair(text: &str) {
    let repaired = frnews::repair::repair(text);
    let fixed = repaired.text();
    let whole = repaired.original_span(Span::new(0, fixed.len()));
    check_spans(text, "repaired whole", &[whole]);
    let mapped: Vec<Span> = fixed
        .char_indices()
        .map(|(i, c)| repaired.original_span(Span::new(i, i + c.len_utf8())))
        .collect();
    check_spans(text, "repaired character", &mapped);
    let warnings: Vec<Span> = repaired.warnings().iter().map(|w| w.span).collect();
    check_spans(text, "repair warning", &warnings);
}

/// Every span of a document within its text; tokens, sentences, paragraphs,
/// entities and quotes sorted and disjoint; the JSON shape round-trips.
pub fn check_document(doc: &Document) {
    let text = doc.text.as_str();
    let tokens: Vec<Span> = doc
        .tokens
        .iter()
        .map(|t| Span::new(t.start(), t.end()))
        .collect();
    let paragraphs: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
    let entities: Vec<Span> = doc.entities.iter().map(|e| e.span).collect();
    let quotes: Vec<Span> = doc.quotes.iter().map(|q| q.span).collect();
    let quote_parts: Vec<Span> = doc
        .quotes
        .iter()
        .flat_map(|q| q.speaker_mention.into_iter().chain(q.cue))
        .collect();
    let meta = &doc.meta;
    let meta_spans: Vec<Span> = [
        meta.title,
        meta.dateline,
        meta.agency,
        meta.body,
        meta.article_id,
    ]
    .into_iter()
    .flatten()
    .chain(meta.credits.iter().copied())
    .chain(meta.boilerplate.iter().copied())
    .chain(meta.copies.iter().copied())
    .collect();
    let warnings: Vec<Span> = doc.warnings.iter().map(|w| w.span).collect();
    for (what, spans) in [
        ("token", &tokens),
        ("sentence", &doc.sentences),
        ("paragraph", &paragraphs),
        ("entity", &entities),
        ("quote", &quotes),
        ("speaker mention or cue", &quote_parts),
        ("meta", &meta_spans),
        ("warning", &warnings),
    ] {
        check_spans(text, what, spans);
    }
    for (what, spans) in [
        ("token", &tokens),
        ("sentence", &doc.sentences),
        ("paragraph", &paragraphs),
        ("entity", &entities),
        ("quote", &quotes),
    ] {
        check_sorted_disjoint(text, what, spans);
    }
    let fields: Vec<Span> = [meta.title, meta.dateline, meta.agency, meta.article_id]
        .into_iter()
        .flatten()
        .collect();
    // Spans are trimmed in the repaired text: mapped back, a mojibake pair
    // such as `Ã\u{85}` (for `Å`) may end on a character that is a space.
    if frnews::repair::repair(text).text() == text {
        check_trimmed(text, "field", &fields);
        check_trimmed(text, "entity", &entities);
    }
    let back = Document::from_json(&doc.to_json())
        .unwrap_or_else(|e| panic!("from_json(to_json) failed on {text:?}: {e}"));
    assert!(
        back == *doc,
        "to_json/from_json changed the document of {text:?}"
    );
}

fn check_spans(text: &str, what: &str, spans: &[Span]) {
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{what} {s:?} out of bounds ({} bytes) in {text:?}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} {s:?} not on character boundaries in {text:?}"
        );
    }
}

fn check_sorted_disjoint(text: &str, what: &str, spans: &[Span]) {
    for pair in spans.windows(2) {
        let [a, b] = pair else { continue };
        assert!(
            a.end <= b.start,
            "{what}s {a:?} and {b:?} overlap or are out of order in {text:?}"
        );
    }
}

/// Entities and article fields start and end on a non-space.
fn check_trimmed(text: &str, what: &str, spans: &[Span]) {
    for s in spans {
        let inner = s.text(text);
        assert!(
            inner.trim() == inner,
            "{what} {s:?} {inner:?} has spaces at its ends in {text:?}"
        );
    }
}
