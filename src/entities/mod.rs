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
use crate::model::{Entity, Label, Layout, Source};
use crate::model::{Token, TokenKind};
use crate::text::Keys;

/// The entity finders' view of one article: the stages' shared view, and
/// what the word lists say about each token.
struct Context<'a> {
    base: crate::text::Context<'a, Lexicons>,
    /// For each token, the classes of its key, as their index in
    /// `Words::class_sets` (`Words::classes`).
    classes: Vec<words::ClassesId>,
    /// For each token, its kind, case and line (see `Shape`).
    shapes: Vec<Shape>,
}

impl<'a> Context<'a> {
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        keys: &'a Keys,
        layout: &'a Layout,
        lex: &'a Lexicons,
    ) -> Self {
        let base = crate::text::Context::new(text, tokens, keys, layout, lex);
        let mut classes = Vec::with_capacity(tokens.len());
        let mut shapes = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            let id = lex.words.classes.get(base.key(i).as_ref());
            classes.push(id.copied().unwrap_or_default());
            let word = t.kind() == TokenKind::Word;
            shapes.push(Shape::of(base.word(i), word, base.joined(i)));
        }
        Context {
            base,
            classes,
            shapes,
        }
    }

    fn shape(&self, i: usize) -> Shape {
        self.shapes.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` is a word (`TokenKind::Word`).
    fn is_word(&self, i: usize) -> bool {
        self.shape(i).has(Shape::WORD)
    }

    /// `crate::text::capitalised` of token `i` (false past the end).
    fn capitalised(&self, i: usize) -> bool {
        self.shape(i).has(Shape::CAPITALISED)
    }

    /// `crate::text::all_caps` of token `i` (false past the end).
    fn all_caps(&self, i: usize) -> bool {
        self.shape(i).has(Shape::ALL_CAPS)
    }

    /// Whether token `i` has a lower-case letter.
    fn has_lower(&self, i: usize) -> bool {
        self.shape(i).has(Shape::LOWER)
    }

    /// Whether token `i` has two characters or more.
    fn long(&self, i: usize) -> bool {
        self.shape(i).has(Shape::LONG)
    }

    /// Whether token `i` holds a hyphen (`Lyon-Turin`, `mi-juin`).
    fn hyphenated(&self, i: usize) -> bool {
        self.shape(i).has(Shape::HYPHEN)
    }

    /// Whether token `i` opens with a lower-case letter.
    fn opens_lower(&self, i: usize) -> bool {
        self.shape(i).has(Shape::OPENS_LOWER)
    }

    /// Whether tokens `i` and `i + 1` are on the same line, read from the
    /// table rather than the text (it stands for the shared context's).
    fn joined(&self, i: usize) -> bool {
        self.shape(i).has(Shape::JOINED)
    }

    /// Whether token `i` is the first of its line.
    fn line_start(&self, i: usize) -> bool {
        i == 0 || !self.joined(i - 1)
    }

    /// The classes of token `i` (none past the end).
    fn classes(&self, i: usize) -> words::Classes {
        self.classes
            .get(i)
            .and_then(|&id| self.lex.words.class_sets.get(usize::from(id)))
            .copied()
            .unwrap_or_default()
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

/// What a token looks like, as bits: the finders ask about each token's
/// kind and case many times, and it is read from the text once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Shape(u8);

impl Shape {
    const WORD: u8 = 1;
    const CAPITALISED: u8 = 1 << 1;
    const ALL_CAPS: u8 = 1 << 2;
    const LOWER: u8 = 1 << 3;
    const LONG: u8 = 1 << 4;
    const JOINED: u8 = 1 << 5;
    const HYPHEN: u8 = 1 << 6;
    const OPENS_LOWER: u8 = 1 << 7;

    /// The shape of a token spelt `text`, a word or not, joined to the next
    /// token or not.
    fn of(text: &str, word: bool, joined: bool) -> Shape {
        let mut chars = text.chars();
        let first = chars.next();
        let long = chars.next().is_some();
        // On ASCII (most tokens) the Unicode tests are the byte tests.
        let (lower, letter) = if text.is_ascii() {
            let b = text.as_bytes();
            (
                b.iter().any(u8::is_ascii_lowercase),
                b.iter().any(u8::is_ascii_alphabetic),
            )
        } else {
            (
                text.chars().any(char::is_lowercase),
                text.chars().any(char::is_alphabetic),
            )
        };
        let hyphen = text.as_bytes().contains(&b'-');
        let flags = [
            (word, Shape::WORD),
            (first.is_some_and(char::is_uppercase), Shape::CAPITALISED),
            (letter && !lower, Shape::ALL_CAPS),
            (lower, Shape::LOWER),
            (long, Shape::LONG),
            (joined, Shape::JOINED),
            (hyphen, Shape::HYPHEN),
            (first.is_some_and(char::is_lowercase), Shape::OPENS_LOWER),
        ];
        Shape(
            flags
                .iter()
                .filter(|(on, _)| *on)
                .fold(0, |s, (_, f)| s | f),
        )
    }

    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
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
        let words = words::Words::default();
        Lexicons {
            gazetteer: gazetteer::Gazetteer::new(user, &words.lowercase_org_heads),
            words,
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
    // Boxed strings and a 32-bit index: 64 bytes a candidate, not 88 (a
    // long article has hundreds of thousands).
    canonical: Option<Box<str>>,
    value: Option<Box<str>>,
    /// ORG acronyms from the lexicon: the full names they stand for, as an
    /// index into the gazetteer's expansions.
    expansion: Option<u32>,
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

/// The strong candidates of a resolved list, asked about in the order of
/// the text. The passes run on the resolved list (surnames, acronyms,
/// propagation) add weak candidates only, and a resolved list is disjoint:
/// each of its strong candidates is taken again before any weak one, so a
/// weak candidate overlapping one is never kept and those passes skip it
/// before any look-up (in a list of people, most of their tokens).
struct StrongSpans<'a> {
    kept: &'a [Candidate],
    /// The first candidate not ending before the last span asked about.
    at: usize,
}

impl<'a> StrongSpans<'a> {
    /// `kept` is sorted by start and disjoint (what `resolve` returns).
    fn new(kept: &'a [Candidate]) -> Self {
        StrongSpans { kept, at: 0 }
    }

    /// Whether `span` overlaps a strong candidate; spans are asked about in
    /// the order of their starts.
    fn overlap(&mut self, span: Span) -> bool {
        while self
            .kept
            .get(self.at)
            .is_some_and(|c| c.span.end <= span.start)
        {
            self.at += 1;
        }
        self.kept
            .get(self.at..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.span.start < span.end)
            .any(|c| c.tier == Tier::Strong)
    }
}

/// The entities of the text, sorted and disjoint.
pub fn find(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    _sentences: &[Span],
    layout: &Layout,
) -> Vec<Entity> {
    let cx = Context::new(text, tokens, keys, layout, lex);
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
    // (`resolve` shrinks the list to its length: the few more are reserved
    // exactly, where `extend` would double the list's capacity.)
    let listed = evidence::coordinated(&cx, &kept);
    kept.reserve_exact(listed.len());
    kept.extend(listed);
    let mut kept = resolve(text.len(), kept);
    let more = people::surnames(&cx, &kept)
        .into_iter()
        .chain(organisations::acronym_mentions(&cx, &kept))
        .chain(evidence::propagate(&cx, &kept))
        .collect::<Vec<_>>();
    kept.reserve_exact(more.len());
    kept.extend(more);
    let mut kept = resolve(text.len(), kept);
    evidence::spell_out(&cx, &mut kept);
    canonical::fill(&cx, &mut kept);
    // The folded text and the token tables go before the entities are made.
    drop(cx);
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
/// index (ties keep the order they were found in). Offsets and indexes fit
/// in 32 bits (tokens do), which makes the key 16 bytes instead of 40.
type ResolveKey = (Tier, Reverse<u32>, Reverse<u8>, u32, u32);

/// A number as a 32-bit key (texts and candidate lists are shorter).
fn key32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A disjoint subset of the candidates, sorted by start.
fn resolve(len: usize, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // The order is sorted on small keys; the candidates (large, with their
    // strings) stay where they are, and the ones not taken are dropped in
    // place.
    let mut order: Vec<ResolveKey> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let length = c.span.end.saturating_sub(c.span.start);
            (
                c.tier,
                Reverse(key32(length)),
                Reverse(c.rank),
                key32(c.span.start),
                key32(i),
            )
        })
        .collect();
    order.sort_unstable();
    let mut taken = Bits::new(len);
    let mut keep = vec![false; candidates.len()];
    for &(.., i) in &order {
        let i = i as usize;
        let Some(c) = candidates.get(i) else {
            continue;
        };
        let span = c.span.start..c.span.end;
        if c.span.is_empty() || taken.any(span.clone()) != Some(false) {
            continue;
        }
        taken.insert_range(span);
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    drop((order, taken));
    let mut keep = keep.into_iter();
    candidates.retain(|_| keep.next() == Some(true));
    candidates.shrink_to_fit();
    // Kept candidates are disjoint and not empty: their starts differ, so
    // an unstable sort gives the one order.
    candidates.sort_unstable_by_key(|c| c.span.start);
    candidates
}

/// A set of numbers below a bound (byte offsets, token indexes), one bit
/// each: an eighth of a `Vec<bool>`.
struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// The empty set of numbers below `len`.
    fn new(len: usize) -> Self {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Whether `i` is in the set; `None` from the bound on.
    fn get(&self, i: usize) -> Option<bool> {
        if i >= self.len {
            return None;
        }
        self.words.get(i / 64).map(|w| w >> (i % 64) & 1 != 0)
    }

    /// Whether any number of `range` is in the set; `None` when the range
    /// goes past the bound.
    fn any(&self, range: std::ops::Range<usize>) -> Option<bool> {
        if range.end > self.len {
            return None;
        }
        Some(masks(range).any(|(k, mask)| self.words.get(k).is_some_and(|w| w & mask != 0)))
    }

    /// Adds the numbers of `range` (none from the bound on).
    fn insert_range(&mut self, range: std::ops::Range<usize>) {
        for (k, mask) in masks(range.start..range.end.min(self.len)) {
            if let Some(w) = self.words.get_mut(k) {
                *w |= mask;
            }
        }
    }
}

/// The words of a bit set that `range` covers, each with the mask of its
/// bits in the range: the set is read a word at a time, not a bit.
fn masks(range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, u64)> {
    let mut at = range.start;
    std::iter::from_fn(move || {
        if at >= range.end {
            return None;
        }
        let bit = at % 64;
        let n = (64 - bit).min(range.end - at);
        let mask = if n == 64 {
            u64::MAX
        } else {
            ((1u64 << n) - 1) << bit
        };
        let word = at / 64;
        at += n;
        Some((word, mask))
    })
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

    #[test]
    fn strong_spans_answer_for_strong_candidates_only() {
        let kept = [
            Candidate::new(Span::new(0, 5), Label::Per, Tier::Strong, 1),
            Candidate::new(Span::new(6, 8), Label::Per, Tier::Weak, 1),
            Candidate::new(Span::new(10, 12), Label::Org, Tier::Strong, 1),
        ];
        let mut strong = StrongSpans::new(&kept);
        let asked = [
            (0, 1),
            (4, 7),
            (5, 6),
            (6, 7),
            (9, 10),
            (9, 11),
            (11, 13),
            (12, 14),
        ];
        let answers: Vec<bool> = asked
            .iter()
            .map(|&(start, end)| strong.overlap(Span::new(start, end)))
            .collect();
        assert_eq!(
            answers,
            [true, true, false, false, false, true, true, false]
        );
    }

    /// `f` of the finders' context of `text`, read as one body paragraph.
    pub(super) fn with_context<R>(
        lex: &Lexicons,
        text: &str,
        published: Option<&str>,
        f: impl FnOnce(&Context) -> R,
    ) -> R {
        let tokens = crate::tokenize(text);
        let keys = crate::text::Keys::new(text, &tokens);
        let layout = layout_published(text, published);
        f(&Context::new(text, &tokens, &keys, &layout, lex))
    }

    /// The entities of `text` read as one body paragraph.
    fn entities(text: &str, published: Option<&str>) -> Vec<Entity> {
        let tokens = crate::tokenize(text);
        let sentences = crate::sentences(text, &tokens);
        find(
            &crate::Lexicons::builtin().entities,
            text,
            &tokens,
            &crate::text::Keys::new(text, &tokens),
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
    fn bits_hold_what_is_inserted_below_the_bound() {
        let mut bits = Bits::new(130);
        bits.insert_range(62..66);
        bits.insert_range(129..131);
        assert_eq!(bits.get(61), Some(false));
        assert_eq!(bits.get(62), Some(true));
        assert_eq!(bits.get(65), Some(true));
        assert_eq!(bits.get(66), Some(false));
        assert_eq!(bits.get(129), Some(true));
        assert_eq!(bits.get(130), None);
        assert_eq!(bits.any(0..62), Some(false));
        assert_eq!(bits.any(60..63), Some(true));
        assert_eq!(bits.any(100..131), None);
        let mut whole = Bits::new(200);
        whole.insert_range(64..192);
        assert_eq!(whole.any(0..64), Some(false));
        assert_eq!(whole.any(63..65), Some(true));
        assert_eq!(whole.any(191..200), Some(true));
        assert_eq!(whole.any(192..200), Some(false));
        whole.insert_range(195..300);
        assert_eq!(whole.get(199), Some(true));
        assert_eq!(whole.any(192..195), Some(false));
    }

    #[test]
    fn shapes_are_the_text_tests() {
        use crate::text::{all_caps, capitalised};
        for word in [
            "Chine", "OCS", "é", "É", "", "3", "M.", "l'", "Élysée", "ÉTAT", "x-Y", "mi-août",
        ] {
            let s = Shape::of(word, true, false);
            assert_eq!(s.has(Shape::CAPITALISED), capitalised(word), "{word}");
            assert_eq!(s.has(Shape::ALL_CAPS), all_caps(word), "{word}");
            assert_eq!(
                s.has(Shape::LOWER),
                word.chars().any(char::is_lowercase),
                "{word}"
            );
            assert_eq!(s.has(Shape::LONG), word.chars().nth(1).is_some(), "{word}");
            assert_eq!(s.has(Shape::HYPHEN), word.contains('-'), "{word}");
            assert_eq!(
                s.has(Shape::OPENS_LOWER),
                word.starts_with(char::is_lowercase),
                "{word}"
            );
        }
        assert!(Shape::of("a", true, true).has(Shape::JOINED));
        assert!(!Shape::of("a", false, false).has(Shape::WORD));
    }

    #[test]
    fn zone_is_set() {
        let text = "La Chine.";
        let tokens = crate::tokenize(text);
        let found = find(
            &crate::Lexicons::builtin().entities,
            text,
            &tokens,
            &Keys::new(text, &tokens),
            &[],
            &layout_published(text, None),
        );
        assert_eq!(found.first().map(|e| e.zone), Some(Zone::Body));
    }
}
