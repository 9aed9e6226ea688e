//! Named entities: gazetteers and patterns, then canonical names.
//!
//! Every finder proposes candidates; `resolve` keeps a disjoint set (strong
//! candidates before weak ones, then the longest span, then the most specific
//! finder); `canonical` fills in the fullest names last, once the whole
//! article's entities are known.

mod amounts;
mod canonical;
mod dates;
mod evidence;
mod gazetteer;
mod organisations;
mod people;
mod words;

use std::cmp::Reverse;

pub use gazetteer::UserEntries;
use words::Class;

use crate::model::Span;
use crate::model::Token;
use crate::model::{Entity, Label, Layout, Source};

/// The entity finders' view of one article: the stages' shared view, and
/// what the word lists say about each token.
struct Context<'a> {
    base: crate::text::Context<'a, Lexicons>,
    /// For each token, the classes of its key (`Words::classes`).
    classes: Vec<words::Classes>,
}

impl<'a> Context<'a> {
    fn new(text: &'a str, tokens: &'a [Token], layout: &'a Layout, lex: &'a Lexicons) -> Self {
        let base = crate::text::Context::new(text, tokens, layout, lex);
        let classes = (0..tokens.len())
            .map(|i| {
                lex.words
                    .classes
                    .get(base.key(i).as_ref())
                    .copied()
                    .unwrap_or_default()
            })
            .collect();
        Context { base, classes }
    }

    /// The classes of token `i` (none past the end).
    fn classes(&self, i: usize) -> words::Classes {
        self.classes.get(i).copied().unwrap_or_default()
    }

    /// Whether the key of token `i` is in the list of `class`.
    fn is(&self, i: usize, class: Class) -> bool {
        self.classes(i).is(class)
    }

    /// The role of token `i` around dates, if it has one.
    fn date_word(&self, i: usize) -> Option<words::DateWord> {
        self.classes(i).date_word
    }

    /// The month token `i` names in full (`crate::dates::full_month`).
    fn full_month(&self, i: usize) -> Option<u32> {
        self.classes(i).full_month
    }
}

impl<'a> std::ops::Deref for Context<'a> {
    type Target = crate::text::Context<'a, Lexicons>;

    fn deref(&self) -> &Self::Target {
        &self.base
    }
}

/// What the entity stage knows: the gazetteer (places, organisations,
/// agencies) and the word lists of its patterns.
pub struct Lexicons {
    gazetteer: gazetteer::Gazetteer,
    words: words::Words,
}

impl Default for Lexicons {
    /// The built-in lexicons (`data/lexicons/`, `data/entities/`).
    fn default() -> Self {
        Lexicons::new(&UserEntries::default())
    }
}

impl Lexicons {
    /// The built-in lexicons with a user's names added and removed.
    pub fn new(user: &UserEntries) -> Self {
        Lexicons {
            gazetteer: gazetteer::Gazetteer::new(user),
            words: words::Words::default(),
        }
    }
}

/// How sure a finder is; a weak candidate never displaces a strong one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Strong,
    Weak,
}

/// A proposed entity.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    label: Label,
    tier: Tier,
    /// Breaks ties between spans of the same length: higher wins.
    rank: u8,
    canonical: Option<String>,
    value: Option<String>,
    /// ORG acronyms from the lexicon: the full names they stand for, as an
    /// index into the gazetteer's expansions.
    expansion: Option<usize>,
    source: Source,
}

impl Candidate {
    fn new(span: Span, label: Label, tier: Tier, rank: u8) -> Self {
        Candidate {
            span,
            label,
            tier,
            rank,
            canonical: None,
            value: None,
            expansion: None,
            source: Source::Pattern,
        }
    }

    /// The candidate with its source set.
    fn from(mut self, source: Source) -> Self {
        self.source = source;
        self
    }
}

/// The entities of the text, sorted and disjoint.
pub fn find(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    _sentences: &[Span],
    layout: &Layout,
) -> Vec<Entity> {
    let cx = Context::new(text, tokens, layout, lex);
    let mut candidates = Vec::new();
    gazetteer::find(&cx, &mut candidates);
    gazetteer::place_compounds(&cx, &mut candidates);
    gazetteer::datelines(&cx, &mut candidates);
    gazetteer::after_a(&cx, &mut candidates);
    organisations::find(&cx, &mut candidates);
    people::find(&cx, &mut candidates);
    dates::find(&cx, &mut candidates);
    amounts::find(&cx, &mut candidates);
    evidence::find(&cx, &mut candidates);
    organisations::bare_heads(&cx, &mut candidates);
    let mut kept = resolve(text.len(), candidates);
    // Names listed with known ones take their label; then names seen once
    // can be recognised elsewhere (Lebedev, OCS): passes over the tokens
    // that fill only free positions.
    let listed = evidence::coordinated(&cx, &kept);
    kept.extend(listed);
    let mut kept = resolve(text.len(), kept);
    let more = people::surnames(&cx, &kept)
        .into_iter()
        .chain(organisations::acronym_mentions(&cx, &kept))
        .chain(evidence::propagate(&cx, &kept))
        .collect::<Vec<_>>();
    kept.extend(more);
    let mut kept = resolve(text.len(), kept);
    evidence::spell_out(&cx, &mut kept);
    canonical::fill(&cx, &mut kept);
    kept.into_iter()
        .map(|c| Entity {
            span: c.span,
            label: c.label,
            canonical: c.canonical,
            value: c.value,
            zone: layout.zone_at(c.span.start),
            source: c.source,
        })
        .collect()
}

/// The order in which `resolve` takes candidates: strong first, then the
/// longest, the highest rank, the first in the text; last, the candidate's
/// index (ties keep the order they were found in).
type ResolveKey = (Tier, Reverse<usize>, Reverse<u8>, usize, usize);

/// A disjoint subset of the candidates, sorted by start.
fn resolve(len: usize, candidates: Vec<Candidate>) -> Vec<Candidate> {
    // The order is sorted on small keys, and the candidates (large, with
    // their strings) moved once; the index in the key keeps ties in the
    // order they were found, as a stable sort would.
    let mut order: Vec<ResolveKey> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let length = c.span.end - c.span.start;
            (c.tier, Reverse(length), Reverse(c.rank), c.span.start, i)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    let mut taken = vec![false; len];
    let mut kept = Vec::new();
    for c in order
        .iter()
        .filter_map(|&(.., i)| slots.get_mut(i).and_then(Option::take))
    {
        let Some(slots) = taken.get_mut(c.span.start..c.span.end) else {
            continue;
        };
        if c.span.is_empty() || slots.iter().any(|&t| t) {
            continue;
        }
        slots.iter_mut().for_each(|t| *t = true);
        kept.push(c);
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, Paragraph, Zone};

    pub(super) fn layout_published(text: &str, published: Option<&str>) -> Layout {
        Layout {
            paragraphs: vec![Paragraph {
                span: Span::new(0, text.len()),
                zone: Zone::Body,
                role: crate::Role::Body,
            }],
            meta: Meta {
                published: published.map(str::to_string),
                ..Meta::default()
            },
        }
    }

    /// The entities of `text` read as one body paragraph.
    fn entities(text: &str, published: Option<&str>) -> Vec<Entity> {
        let tokens = crate::tokenize(text);
        let sentences = crate::sentences(text, &tokens);
        find(
            &crate::Lexicons::builtin().entities,
            text,
            &tokens,
            &sentences,
            &layout_published(text, published),
        )
    }

    pub(super) fn entities_of(text: &str) -> Vec<Entity> {
        entities(text, None)
    }

    pub(super) fn run(text: &str, published: Option<&str>) -> Vec<(String, &'static str)> {
        entities(text, published)
            .into_iter()
            .map(|e| (e.span.text(text).to_string(), e.label.as_str()))
            .collect()
    }

    pub(super) fn entity(text: &str, published: Option<&str>, surface: &str) -> Option<Entity> {
        entities(text, published)
            .into_iter()
            .find(|e| e.span.text(text) == surface)
    }

    #[test]
    fn longer_span_wins_and_output_is_disjoint() {
        let text = "Le sommet de l'Organisation de coopération de Shanghai s'ouvre.";
        let found = run(text, None);
        assert!(found.contains(&("Organisation de coopération de Shanghai".to_string(), "ORG")));
        assert!(!found.iter().any(|(s, _)| s == "Shanghai"));
    }

    #[test]
    fn zone_is_set() {
        let text = "La Chine.";
        let tokens = crate::tokenize(text);
        let found = find(
            &crate::Lexicons::builtin().entities,
            text,
            &tokens,
            &[],
            &layout_published(text, None),
        );
        assert_eq!(found.first().map(|e| e.zone), Some(Zone::Body));
    }
}
