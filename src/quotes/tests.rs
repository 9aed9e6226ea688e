//! End-to-end checks of the quote forms of French news, through `analyze`.

use crate::document::QuoteKind;

/// (text, kind, speaker) of each quote of `text`.
fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let doc = crate::analyze(text);
    doc.quotes
        .iter()
        .map(|q| {
            (
                q.span.text(&doc.text).to_string(),
                q.kind,
                q.speaker.clone(),
            )
        })
        .collect()
}

#[test]
fn direct_quote_with_inverted_pronoun() {
    let q =
        quotes("Sergueï Lebedev est à Moscou.\n\n« La coopération est utile », a-t-il relevé.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "La coopération est utile");
    assert_eq!(q[0].1, QuoteKind::Direct);
    assert_eq!(q[0].2.as_deref(), Some("Sergueï Lebedev"));
}
