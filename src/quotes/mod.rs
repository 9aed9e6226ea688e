//! Quotes and who said them (GUIDELINES.md, "Quotes").
//!
//! `marks` pairs quote marks into regions; `cues` finds verbs and
//! prepositional cues of speech; `spans` turns regions and cues into quote
//! candidates (direct, partial, indirect) with the words that name their
//! speaker; `speaker` resolves those words to a canonical name through the
//! entities, pronouns and role phrases. Every scan is bounded by a constant
//! window or walks the tokens once, so the stage is linear in the text.

mod cues;
mod marks;
mod spans;
mod speaker;

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{Entity, Label, Layout, Quote, Span, Token, TokenKind, Zone};
use crate::text::{Context, Keys};
pub use cues::Lexicons;

use cues::VerbCue;
use marks::Region;

/// The quotes of the text, sorted and disjoint.
pub fn find(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    sentences: &[Span],
    layout: &Layout,
    entities: &[Entity],
) -> Vec<Quote> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(lex, text, tokens, keys, sentences, layout, entities);
    let candidates = spans::candidates(&doc);
    let kept = spans::disjoint(&doc, &candidates);
    let mut resolver = speaker::Resolver::new(&doc, &candidates);
    // Reserved exactly: collecting would double the list as it grows.
    let mut quotes = Vec::with_capacity(kept.len());
    quotes.extend(kept.into_iter().filter_map(|k| {
        let c = candidates.get(k)?;
        let span = doc.span(c.first, c.last)?;
        let said = resolver.resolve_kept(k);
        Some(Quote {
            span,
            kind: c.kind,
            speaker: said.name,
            speaker_mention: said.mention,
            cue: c.cue.and_then(|(a, b)| doc.span(a, b)),
            zone: layout.zone_at(span.start),
        })
    }));
    quotes
}

/// One article as the quote finders see it: tokens with their folded keys,
/// sentences, paragraphs, entities and quote-mark regions, each indexed by
/// token.
pub(crate) struct Doc<'a> {
    pub cx: Context<'a, Lexicons>,
    pub tokens: &'a [Token],
    pub entities: &'a [Entity],
    /// Token ranges of the sentences.
    pub sentences: Vec<Range<usize>>,
    sentence_of: Runs,
    /// Token ranges and zones of the paragraphs.
    pub paragraphs: Vec<(Range<usize>, Zone)>,
    paragraph_of: Runs,
    /// For each entity, its first and last token.
    pub entity_tokens: Vec<(usize, usize)>,
    /// For each token, the entity covering it.
    entity_of: Runs,
    pub regions: Vec<Region>,
    /// For each token, the region covering it, marks included.
    region_of: Runs,
    pub cues: Vec<VerbCue>,
    /// For each token, the verb cue covering it.
    cue_of: Runs,
}

impl<'a> Doc<'a> {
    fn new(
        lex: &'a Lexicons,
        text: &'a str,
        tokens: &'a [Token],
        keys: &'a Keys,
        sentence_spans: &[Span],
        layout: &'a Layout,
        entities: &'a [Entity],
    ) -> Self {
        let n = tokens.len();
        let cx = Context::new(text, tokens, keys, layout, lex);
        let sentences = token_ranges(tokens, sentence_spans.iter().copied());
        let sentence_of = owner(n, &sentences);
        let paragraph_spans: Vec<Span> = layout.paragraphs.iter().map(|p| p.span).collect();
        let paragraph_ranges = token_ranges(tokens, paragraph_spans.iter().copied());
        let paragraph_of = owner(n, &paragraph_ranges);
        let paragraphs: Vec<(Range<usize>, Zone)> = paragraph_ranges
            .into_iter()
            .zip(layout.paragraphs.iter().map(|p| p.zone))
            .collect();
        let entity_ranges = token_ranges(tokens, entities.iter().map(|e| e.span));
        let entity_tokens: Vec<(usize, usize)> = entity_ranges
            .iter()
            .map(|r| (r.start, r.end.saturating_sub(1).max(r.start)))
            .collect();
        let mut entity_of = PerToken::none(n);
        for (e, r) in entity_ranges.into_iter().enumerate() {
            entity_of.set(r, e);
        }
        let entity_of = entity_of.runs();
        let regions = marks::regions(text, tokens, &paragraph_spans);
        let mut doc = Doc {
            cx,
            tokens,
            entities,
            sentences,
            sentence_of,
            paragraphs,
            paragraph_of,
            entity_tokens,
            entity_of,
            regions,
            region_of: Runs::default(),
            cues: Vec::new(),
            cue_of: Runs::default(),
        };
        doc.cues = cues::verb_cues(&doc.cx);
        let mut cue_of = PerToken::none(n);
        for (k, c) in doc.cues.iter().enumerate() {
            cue_of.set(c.first..c.last + 1, k);
        }
        doc.cue_of = cue_of.runs();
        let mut region_of = PerToken::none(n);
        for (k, r) in doc.regions.iter().enumerate() {
            region_of.set(r.open..doc.region_last(r) + 1, k);
        }
        doc.region_of = region_of.runs();
        doc
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Token `i` in lower case, apostrophes folded ("" past the end).
    pub fn key(&self, i: usize) -> Cow<'_, str> {
        self.cx.key(i)
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.cx.word(i)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind() == TokenKind::Word)
    }

    /// Whether token `i` is punctuation or a quote mark.
    pub fn is_punct(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind(), TokenKind::Punct | TokenKind::Symbol))
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == word
    }

    pub fn is_mark(&self, i: usize) -> bool {
        marks::family(self.word(i)).is_some()
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Byte span from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Option<Span> {
        let a = self.tokens.get(first)?;
        let b = self.tokens.get(last)?;
        (a.start() <= b.end()).then(|| Span::new(a.start(), b.end()))
    }

    pub fn text_of(&self, first: usize, last: usize) -> String {
        self.span(first, last)
            .map(|s| {
                s.text(self.cx.text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    /// The index of the sentence holding token `i` (the one before, for a
    /// token between sentences).
    pub fn sentence_index(&self, i: usize) -> Option<usize> {
        self.sentence_of.get(i)
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.sentence_index(i)
            .and_then(|s| self.sentences.get(s))
            .cloned()
            .unwrap_or(i..i + 1)
    }

    /// The index of the paragraph holding token `i` (the one before, for a
    /// token between paragraphs).
    pub fn paragraph_index(&self, i: usize) -> Option<usize> {
        self.paragraph_of.get(i)
    }

    pub fn paragraph(&self, i: usize) -> Range<usize> {
        self.paragraph_index(i)
            .and_then(|p| self.paragraphs.get(p))
            .map_or(i..i + 1, |(r, _)| r.clone())
    }

    /// The zone of the paragraph holding token `i`.
    pub fn zone(&self, i: usize) -> Zone {
        self.paragraph_index(i)
            .and_then(|p| self.paragraphs.get(p))
            .map_or(Zone::Body, |(_, z)| *z)
    }

    /// Whether token `i` is in a zone that reports news (title, body, its
    /// copy, the dateline paragraph), where quotes are looked for: a
    /// headline with an attribution is a quote (GUIDELINES, "Settled cases").
    pub fn quotable(&self, i: usize) -> bool {
        matches!(
            self.zone(i),
            Zone::Title | Zone::Body | Zone::Copy | Zone::Dateline
        )
    }

    /// The entity covering token `i`.
    pub fn entity_index(&self, i: usize) -> Option<usize> {
        self.entity_of.get(i)
    }

    /// The entity covering token `i`, if it is a person or an organisation.
    pub fn speaker_entity(&self, i: usize) -> Option<usize> {
        let e = self.entity_index(i)?;
        matches!(self.entities.get(e)?.label, Label::Per | Label::Org).then_some(e)
    }

    /// The speaking entity (PER, ORG) that ends at token `i`.
    pub fn entity_ending(&self, i: usize) -> Option<usize> {
        let e = self.speaker_entity(i)?;
        (self.entity_tokens.get(e)?.1 == i).then_some(e)
    }

    /// The speaking entity (PER, ORG) that starts at token `i`.
    pub fn entity_starting(&self, i: usize) -> Option<usize> {
        let e = self.speaker_entity(i)?;
        (self.entity_tokens.get(e)?.0 == i).then_some(e)
    }

    pub fn label(&self, e: usize) -> Option<Label> {
        self.entities.get(e).map(|e| e.label)
    }

    /// The last token of a region: its closing mark, or the end of its paragraph.
    pub fn region_last(&self, r: &Region) -> usize {
        r.close
            .unwrap_or_else(|| self.paragraph(r.open).end.saturating_sub(1).max(r.open))
    }

    /// The closed region covering token `i`: words inside it are the
    /// speaker's, not the narrator's.
    pub fn in_closed_region(&self, i: usize) -> bool {
        self.region_at(i).is_some_and(|r| r.close.is_some())
    }

    /// The index of the region covering token `i`, marks included.
    pub fn region_index(&self, i: usize) -> Option<usize> {
        self.region_of.get(i)
    }

    pub fn region_at(&self, i: usize) -> Option<&Region> {
        self.region_index(i).and_then(|k| self.regions.get(k))
    }

    /// The verb cue covering token `i`.
    pub fn cue_at(&self, i: usize) -> Option<&VerbCue> {
        self.cue_of.get(i).and_then(|k| self.cues.get(k))
    }

    /// The verb cue starting at token `i`.
    pub fn cue_starting(&self, i: usize) -> Option<VerbCue> {
        self.cue_at(i).filter(|c| c.first == i).copied()
    }

    /// Whether the verb starting at token `first` is negated: `ne`/`n'` just
    /// before it or before its auxiliary (n'a pas précisé, ne s'est pas exprimé).
    pub fn negated(&self, first: usize) -> bool {
        (1..=3).any(|back| {
            first
                .checked_sub(back)
                .is_some_and(|j| self.cx.lex.is_negation(&self.key(j)))
        })
    }
}

/// The token range of each span (tokens inside it), in one sweep.
fn token_ranges(tokens: &[Token], spans: impl Iterator<Item = Span>) -> Vec<Range<usize>> {
    spans
        .map(|s| {
            let a = tokens.partition_point(|t| t.start() < s.start);
            let b = tokens.partition_point(|t| t.end() <= s.end);
            a..b.max(a)
        })
        .collect()
}

/// For each of `n` tokens, the index of the range holding it (the previous
/// range for a token between ranges), as runs: made in one walk, with no
/// table of a value a token.
fn owner(n: usize, ranges: &[Range<usize>]) -> Runs {
    let mut current = 0;
    let mut r = 0;
    Runs::of((0..n).map(|i| {
        while ranges.get(r).is_some_and(|range| range.end <= i) && r + 1 < ranges.len() {
            r += 1;
        }
        if ranges.get(r).is_some_and(|range| range.start <= i) {
            current = r;
        }
        u32::try_from(current).unwrap_or(PerToken::NONE)
    }))
}

/// For each token, the index of what covers it (a sentence, an entity, a
/// region), in four bytes rather than the sixteen of an `Option<usize>`: the
/// table a `Runs` is made from, one at a time.
struct PerToken(Vec<u32>);

impl PerToken {
    /// Nothing covers the token (an index past `u32::MAX` is taken as none:
    /// a text of four billion tokens).
    const NONE: u32 = u32::MAX;

    fn none(n: usize) -> Self {
        PerToken(vec![Self::NONE; n])
    }

    /// Marks the tokens of `range` (those inside the text) as covered by `k`.
    fn set(&mut self, range: Range<usize>, k: usize) {
        let k = u32::try_from(k).unwrap_or(Self::NONE);
        let end = range.end.min(self.0.len());
        if let Some(slots) = self.0.get_mut(range.start.min(end)..end) {
            slots.fill(k);
        }
    }

    /// The table as runs of equal values.
    fn runs(self) -> Runs {
        Runs::of(self.0.into_iter())
    }
}

/// A [`PerToken`] table kept as runs of tokens with the same value: a run
/// spans a sentence, a paragraph, an entity or the gap between two, so the
/// five tables of a text take a few bytes per sentence or entity instead of
/// twenty per token (37 MB for a 10 MB text). Look-ups mostly move a token or
/// two from the last one: the last run found is tried first, then its next,
/// and only then a binary search.
#[derive(Default)]
struct Runs {
    /// The number of tokens.
    len: usize,
    /// The first token of each run, ascending; the first is token 0.
    starts: Vec<u32>,
    /// The value of each run (`PerToken::NONE` for none).
    values: Vec<u32>,
    /// The run of the last look-up.
    last: std::cell::Cell<usize>,
}

impl Runs {
    /// The runs of `values`, one a token.
    fn of(values: impl ExactSizeIterator<Item = u32>) -> Runs {
        let mut runs = Runs {
            len: values.len(),
            ..Runs::default()
        };
        for (i, k) in values.enumerate() {
            if runs.values.last() != Some(&k) {
                runs.starts.push(u32::try_from(i).unwrap_or(u32::MAX));
                runs.values.push(k);
            }
        }
        runs.starts.shrink_to_fit();
        runs.values.shrink_to_fit();
        runs
    }

    fn get(&self, i: usize) -> Option<usize> {
        if i >= self.len {
            return None;
        }
        let holds = |run: usize| {
            self.starts.get(run).is_some_and(|&s| s as usize <= i)
                && self.starts.get(run + 1).is_none_or(|&s| i < s as usize)
        };
        let last = self.last.get();
        let run = if holds(last) {
            last
        } else if holds(last + 1) {
            last + 1
        } else {
            self.starts
                .partition_point(|&s| s as usize <= i)
                .checked_sub(1)?
        };
        self.last.set(run);
        let &k = self.values.get(run)?;
        (k != PerToken::NONE)
            .then(|| usize::try_from(k).ok())
            .flatten()
    }
}

#[cfg(test)]
mod tests;
