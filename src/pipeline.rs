//! The pipeline: raw text -> repair -> tokens -> sentences -> page layout ->
//! entities -> quotes -> `Document`.
//!
//! Every stage works on the repaired text in byte offsets; the spans are
//! mapped back to the text as given once, at the end.

use std::sync::LazyLock;

use crate::model::{Document, Entity, Meta, Paragraph, Quote, Span, Token};
use crate::{article, entities, quotes, repair};
// The stages `tokenize` and `sentences` are named by full path: this module
// also defines the functions of those names (the crate's public shortcuts).

/// Everything the stages know of French and of news pages, one part a stage.
/// Built once from the data files compiled into the crate (see
/// [`Lexicons::builtin`]) and passed down the pipeline: no stage reads a
/// lexicon of its own.
pub struct Lexicons {
    pub tokenizer: crate::tokenize::Lexicons,
    pub sentences: crate::sentences::Lexicons,
    pub article: article::Lexicons,
    pub entities: entities::Lexicons,
    pub quotes: quotes::Lexicons,
}

impl Default for Lexicons {
    /// The built-in lexicons, built anew (prefer [`Lexicons::builtin`]).
    fn default() -> Self {
        let tokenizer = crate::tokenize::Lexicons::default();
        let quotes = quotes::Lexicons::new(&tokenizer);
        Lexicons {
            tokenizer,
            sentences: crate::sentences::Lexicons::default(),
            article: article::Lexicons::default(),
            entities: entities::Lexicons::default(),
            quotes,
        }
    }
}

static BUILTIN: LazyLock<Lexicons> = LazyLock::new(Lexicons::default);

impl Lexicons {
    /// The built-in lexicons, built on first use and shared.
    pub fn builtin() -> &'static Lexicons {
        &BUILTIN
    }
}

/// Splits `text` into tokens with the built-in lexicons.
pub fn tokenize(text: &str) -> Vec<Token> {
    crate::tokenize::tokenize(&Lexicons::builtin().tokenizer, text)
}

/// The sentences of tokenized text, with the built-in lexicons.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    crate::sentences::sentences(&Lexicons::builtin().sentences, text, tokens)
}

/// Runs the whole pipeline on one article with the built-in lexicons.
pub fn analyze(text: &str) -> Document {
    analyze_with(Lexicons::builtin(), text)
}

/// Runs the whole pipeline on one article with the given lexicons.
pub fn analyze_with(lex: &Lexicons, text: &str) -> Document {
    let repaired = repair::repair(text);
    let work = repaired.text();
    let tokens = crate::tokenize::tokenize(&lex.tokenizer, work);
    let sentences = crate::sentences::sentences(&lex.sentences, work, &tokens);
    let layout = article::layout(&lex.article, work, &tokens, &sentences);
    let entities = entities::find(&lex.entities, work, &tokens, &sentences, &layout);
    let quotes = quotes::find(&lex.quotes, work, &tokens, &sentences, &layout, &entities);
    let back = |s: Span| repaired.original_span(s);
    Document {
        text: text.to_string(),
        tokens: tokens
            .into_iter()
            .map(|t| {
                let s = back(Span::new(t.start, t.end));
                Token {
                    start: s.start,
                    end: s.end,
                    kind: t.kind,
                }
            })
            .collect(),
        sentences: sentences.into_iter().map(back).collect(),
        paragraphs: layout
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                span: back(p.span),
                zone: p.zone,
                role: p.role,
            })
            .collect(),
        meta: Meta {
            title: layout.meta.title.map(back),
            published: layout.meta.published.clone(),
            dateline: layout.meta.dateline.map(back),
            agency: layout.meta.agency.map(back),
            body: layout.meta.body.map(back),
            credits: layout.meta.credits.iter().copied().map(back).collect(),
            article_id: layout.meta.article_id.map(back),
            boilerplate: layout.meta.boilerplate.iter().copied().map(back).collect(),
            copies: layout.meta.copies.iter().copied().map(back).collect(),
            byline: layout.meta.byline.map(back),
            standfirst: layout.meta.standfirst.map(back),
            updated: layout.meta.updated.clone(),
        },
        entities: entities
            .into_iter()
            .map(|e| Entity {
                span: back(e.span),
                ..e
            })
            .collect(),
        quotes: quotes
            .into_iter()
            .map(|q| Quote {
                span: back(q.span),
                speaker_mention: q.speaker_mention.map(back),
                cue: q.cue.map(back),
                ..q
            })
            .collect(),
        warnings: repaired.warnings(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spans_point_into_the_text_as_given() {
        let text = "Sergueï Lebedev a dit : « Oui ».\n";
        let doc = analyze(text);
        assert_eq!(doc.text, text);
        for t in &doc.tokens {
            assert!(text.get(t.start..t.end).is_some());
        }
        let json = doc.to_json();
        assert_eq!(json["tokens"][0], json!([0, 7]));
    }
}
