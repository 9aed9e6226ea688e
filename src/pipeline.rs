//! The pipeline: raw text -> repair -> tokens -> sentences -> page layout ->
//! entities -> quotes -> `Document`.
//!
//! Every stage works on the repaired text in byte offsets; the spans are
//! mapped back to the text as given once, at the end.

use std::sync::LazyLock;

use crate::entities::UserEntries;
use crate::model::{Document, Entity, Layout, Meta, Paragraph, Quote, Span, Token};
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
        Lexicons::new(&UserEntries::default(), &[])
    }
}

impl Lexicons {
    /// The built-in lexicons with a user's names (people, organisations,
    /// places: they take precedence over built-in entries spelt alike) and
    /// verb forms of speech added, and the entries of `names.exclude` removed
    /// from the gazetteer and the verbs of speech.
    pub fn new(names: &UserEntries, speech_verbs: &[String]) -> Self {
        let tokenizer = crate::tokenize::Lexicons::default();
        let quotes = quotes::Lexicons::new(&tokenizer, speech_verbs, &names.exclude);
        Lexicons {
            tokenizer,
            sentences: crate::sentences::Lexicons::default(),
            article: article::Lexicons::default(),
            entities: entities::Lexicons::new(names),
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
/// A text longer than [`crate::MAX_TEXT_BYTES`] (1 GiB) is analysed up to
/// that length (the Python entry points refuse it).
pub fn analyze(text: &str) -> Document {
    run(Lexicons::builtin(), Stages::ALL, text)
}

/// [`analyze`] of a text the caller gives up: it becomes the document's
/// text, where `analyze` copies it.
pub fn analyze_owned(text: String) -> Document {
    run_owned(Lexicons::builtin(), Stages::ALL, text)
}

/// A stage that a [`Pipeline`] can leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// No entities; quotes keep their speakers' words as written.
    Entities,
    /// No quotes.
    Quotes,
}

impl Stage {
    pub fn parse(name: &str) -> Option<Stage> {
        match name {
            "entities" => Some(Stage::Entities),
            "quotes" => Some(Stage::Quotes),
            _ => None,
        }
    }
}

/// Which of the optional stages run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stages {
    entities: bool,
    quotes: bool,
}

impl Stages {
    const ALL: Stages = Stages {
        entities: true,
        quotes: true,
    };
}

/// The pipeline with lexicons of its own (a user's names and verbs of speech
/// added to the built-in ones) and, if asked, stages left out. Built once;
/// shared across threads.
pub struct Pipeline {
    lexicons: Lexicons,
    stages: Stages,
}

impl Pipeline {
    /// See [`Lexicons::new`] for `names` and `speech_verbs`.
    pub fn new(names: &UserEntries, speech_verbs: &[String], disabled: &[Stage]) -> Self {
        Pipeline {
            lexicons: Lexicons::new(names, speech_verbs),
            stages: Stages {
                entities: !disabled.contains(&Stage::Entities),
                quotes: !disabled.contains(&Stage::Quotes),
            },
        }
    }

    pub fn analyze(&self, text: &str) -> Document {
        run(&self.lexicons, self.stages, text)
    }

    /// See [`analyze_owned`].
    pub fn analyze_owned(&self, text: String) -> Document {
        run_owned(&self.lexicons, self.stages, text)
    }

    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        crate::tokenize::tokenize(&self.lexicons.tokenizer, text)
    }

    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }
}

fn run(lex: &Lexicons, stages: Stages, text: &str) -> Document {
    let mut doc = analysis(lex, stages, text);
    doc.text = text.to_string();
    doc
}

fn run_owned(lex: &Lexicons, stages: Stages, text: String) -> Document {
    let mut doc = analysis(lex, stages, &text);
    doc.text = text;
    doc
}

/// The document of `text` with its text left empty: the callers put it in,
/// moved or copied, once the analysis has freed what it worked with.
fn analysis(lex: &Lexicons, stages: Stages, text: &str) -> Document {
    let repaired = repair::repair(text);
    let work = repaired.text();
    let tokens = crate::tokenize::tokenize(&lex.tokenizer, work);
    let sentences = crate::sentences::sentences(&lex.sentences, work, &tokens);
    let keys = crate::text::Keys::new(work, &tokens);
    let layout = article::layout(&lex.article, work, &tokens, &sentences);
    let entities = if stages.entities {
        entities::find(&lex.entities, work, &tokens, &keys, &sentences, &layout)
    } else {
        Vec::new()
    };
    let quotes = if stages.quotes {
        quotes::find(
            &lex.quotes,
            work,
            &tokens,
            &keys,
            &sentences,
            &layout,
            &entities,
        )
    } else {
        Vec::new()
    };
    let warnings = repaired.warnings();
    let Layout { paragraphs, meta } = layout;
    if repaired.is_unchanged() {
        // Every span is already one of the text as given: the lists are
        // the document's as they are, with no pass over them.
        return Document {
            text: String::new(),
            tokens,
            sentences,
            paragraphs,
            meta,
            entities,
            quotes,
            warnings,
        };
    }
    let back = |s: Span| repaired.original_span(s);
    Document {
        text: String::new(),
        tokens: tokens
            .into_iter()
            .map(|t| {
                let s = back(Span::new(t.start(), t.end()));
                Token::new(s.start, s.end, t.kind())
            })
            .collect(),
        sentences: sentences.into_iter().map(back).collect(),
        paragraphs: paragraphs
            .into_iter()
            .map(|p| Paragraph {
                span: back(p.span),
                ..p
            })
            .collect(),
        meta: Meta {
            title: meta.title.map(back),
            dateline: meta.dateline.map(back),
            agency: meta.agency.map(back),
            body: meta.body.map(back),
            credits: meta.credits.into_iter().map(back).collect(),
            article_id: meta.article_id.map(back),
            boilerplate: meta.boilerplate.into_iter().map(back).collect(),
            copies: meta.copies.into_iter().map(back).collect(),
            byline: meta.byline.map(back),
            standfirst: meta.standfirst.map(back),
            ..meta
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
        warnings,
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
            assert!(text.get(t.start()..t.end()).is_some());
        }
        let json = doc.to_json();
        assert_eq!(json["tokens"][0], json!([0, 7]));
    }

    fn names(
        people: &[(&str, Option<&str>)],
        organisations: &[(&str, Option<&str>)],
    ) -> UserEntries {
        let own = |v: &[(&str, Option<&str>)]| {
            v.iter()
                .map(|(n, c)| (n.to_string(), c.map(str::to_string)))
                .collect()
        };
        UserEntries {
            people: own(people),
            organisations: own(organisations),
            ..UserEntries::default()
        }
    }

    fn labelled(doc: &Document) -> Vec<(&str, &str, Option<&str>)> {
        doc.entities
            .iter()
            .map(|e| {
                (
                    e.span.text(&doc.text),
                    e.label.as_str(),
                    e.canonical.as_deref(),
                )
            })
            .collect()
    }

    #[test]
    fn user_names_are_found_with_their_canonical() {
        let text = "Le groupe Vrakstel a reçu Oumbé à Trifouillis-sur-Loing.";
        let mut user = names(&[("Oumbé", Some("Lyxandra Oumbé"))], &[("Vrakstel", None)]);
        user.places = vec![("Trifouillis-sur-Loing".to_string(), None)];
        let doc = Pipeline::new(&user, &[], &[]).analyze(text);
        let found = labelled(&doc);
        assert!(
            found.contains(&("Oumbé", "PER", Some("Lyxandra Oumbé"))),
            "{found:?}"
        );
        assert!(
            found.iter().any(|&(t, l, _)| t == "Vrakstel" && l == "ORG"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|&(t, l, _)| t == "Trifouillis-sur-Loing" && l == "LOC"),
            "{found:?}"
        );
    }

    #[test]
    fn a_user_entry_wins_over_a_built_in_one_spelt_alike() {
        // `Niger` is a built-in place; the user says it names a person here.
        let user = names(&[("Niger", None)], &[]);
        let doc = Pipeline::new(&user, &[], &[]).analyze("Le ministre a salué Niger hier.");
        // `hier` is a date (GUIDELINES "Settled cases").
        assert_eq!(
            labelled(&doc),
            [("Niger", "PER", Some("Niger")), ("hier", "DATE", None)]
        );
    }

    #[test]
    fn excluded_built_in_entries_are_not_found() {
        let text = "Le sommet se tient au Kazakhstan.";
        assert!(labelled(&analyze(text))
            .iter()
            .any(|&(t, ..)| t == "Kazakhstan"));
        let user = UserEntries {
            exclude: vec!["kazakhstan".to_string()],
            ..UserEntries::default()
        };
        let doc = Pipeline::new(&user, &[], &[]).analyze(text);
        assert!(
            !labelled(&doc).iter().any(|&(_, l, _)| l == "LOC"),
            "{:?}",
            labelled(&doc)
        );
    }

    #[test]
    fn user_verbs_of_speech_make_quotes() {
        let text = "« Nous allons gagner », a gazouillé le porte-parole du parti.";
        assert!(analyze(text).quotes.is_empty());
        let verbs = ["gazouillé".to_string()];
        let doc = Pipeline::new(&UserEntries::default(), &verbs, &[]).analyze(text);
        let quote = doc.quotes.first().map(|q| q.span.text(text));
        assert_eq!(quote, Some("Nous allons gagner"));
    }

    #[test]
    fn disabled_stages_give_nothing() {
        let text = "« Le plan avance », a déclaré Marie Dupont à Paris.";
        let full = analyze(text);
        assert!(!full.entities.is_empty() && !full.quotes.is_empty());
        let no_quotes = Pipeline::new(&UserEntries::default(), &[], &[Stage::Quotes]).analyze(text);
        assert_eq!(no_quotes.entities, full.entities);
        assert!(no_quotes.quotes.is_empty());
        let no_entities =
            Pipeline::new(&UserEntries::default(), &[], &[Stage::Entities]).analyze(text);
        assert!(no_entities.entities.is_empty());
        assert_eq!(no_entities.tokens, full.tokens);
    }

    #[test]
    fn the_default_pipeline_is_analyze() {
        let text = "MOSCOU, 7 juin (Xinhua) -- « Oui », a dit M. Lebedev.";
        let pipeline = Pipeline::new(&UserEntries::default(), &[], &[]);
        assert_eq!(pipeline.analyze(text), analyze(text));
        assert_eq!(pipeline.tokenize(text), tokenize(text));
    }
}
