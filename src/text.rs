//! What the stages need about one text: its tokens, their case-folded keys,
//! where tokens start and end, and capitalisation tests.

use std::borrow::Cow;
use std::cell::Cell;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Anchored;

use crate::lexicon::is_apostrophe;
use crate::model::Layout;
use crate::model::Span;
use crate::model::{Token, TokenKind};

/// One text as a stage reads it, with that stage's lexicons (`L`).
pub struct Context<'a, L> {
    pub text: &'a str,
    pub lex: &'a L,
    pub tokens: &'a [Token],
    keys: &'a Keys,
    /// The answer of the last token search (see `search`).
    last_search: Cell<usize>,
    /// The publication year, when the article gives it.
    pub year: Option<&'a str>,
    /// The publication date as the layout gives it (ISO 8601), if any.
    pub published: Option<&'a str>,
    /// The place of the dateline, when the layout found one.
    pub dateline: Option<Span>,
}

/// The keys of a text's tokens (see [`Context::key`]), worked out once for
/// every stage: the finders look a token's key up many times. A token with
/// neither a capital nor a typographic apostrophe is its own key; only the
/// others' are kept, so that no lower-case copy of the whole text is (it was
/// as large as the text).
pub struct Keys {
    /// The tokens whose key is not their text: one bit a token.
    rewritten_tokens: Vec<u64>,
    /// For each 64-token block of `rewritten_tokens`, the number of
    /// rewritten tokens before it: a token's place in `rewritten_ends` is
    /// that count plus the bits set before its own.
    rewritten_before: Vec<u32>,
    /// The keys of the rewritten tokens, one after the other.
    rewritten: String,
    /// For each rewritten token, in order, its key's end in `rewritten` (its
    /// start is the end of the one before). The keys are no longer than the
    /// text, so an offset fits in 32 bits (see `crate::MAX_TEXT_BYTES`).
    rewritten_ends: Vec<u32>,
}

impl Keys {
    pub fn new(text: &str, tokens: &[Token]) -> Keys {
        let mut rewritten = String::new();
        let mut rewritten_tokens = vec![0u64; tokens.len().div_ceil(64)];
        let mut rewritten_before = Vec::with_capacity(rewritten_tokens.len());
        let mut rewritten_ends = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if i % 64 == 0 {
                rewritten_before.push(u32::try_from(rewritten_ends.len()).unwrap_or(u32::MAX));
            }
            let word = t.text(text);
            // A word of lower-case ASCII, most of a French text, is its own
            // key; only words with a capital or outside ASCII are folded, and
            // those outside ASCII go through the Unicode tables.
            let start = rewritten.len();
            if word.is_ascii() {
                if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                rewritten.push_str(word);
                if let Some(key) = rewritten.get_mut(start..) {
                    key.make_ascii_lowercase();
                }
            } else {
                if word.chars().all(|c| key_char(c) == c) {
                    continue;
                }
                rewritten.extend(word.chars().map(key_char));
            }
            rewritten_ends.push(u32::try_from(rewritten.len()).unwrap_or(u32::MAX));
            if let Some(bits) = rewritten_tokens.get_mut(i / 64) {
                *bits |= 1 << (i % 64);
            }
        }
        Keys {
            rewritten_tokens,
            rewritten_before,
            rewritten,
            rewritten_ends,
        }
    }

    /// The key of token `i` when it is not the token's text.
    fn rewritten(&self, i: usize) -> Option<&str> {
        let block = i / 64;
        let bits = self.rewritten_tokens.get(block).copied().unwrap_or(0);
        if bits & (1 << (i % 64)) == 0 {
            return None;
        }
        let before = self.rewritten_before.get(block).copied().unwrap_or(0) as usize;
        let rank = before + (bits & ((1 << (i % 64)) - 1)).count_ones() as usize;
        let start = rank
            .checked_sub(1)
            .and_then(|r| self.rewritten_ends.get(r))
            .map_or(0, |&end| end as usize);
        let end = self
            .rewritten_ends
            .get(rank)
            .map_or(start, |&end| end as usize);
        Some(self.rewritten.get(start..end).unwrap_or(""))
    }
}

/// `items.partition_point(before)`, searched outwards from `from` (the
/// answer of an earlier search nearby): the range holding the answer doubles
/// away from `from`, so a search costs the log of the distance, not of the
/// length, and stays in the cache.
pub fn partition_from<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let n = items.len();
    let from = from.min(n);
    let is_before = |i: usize| items.get(i).is_some_and(&before);
    // The answer is in `low..=high`, which doubles away from `from`.
    let mut step = 1;
    let (low, high) = if is_before(from) {
        let mut low = from + 1;
        loop {
            let high = (low + step).min(n);
            if high == n || !is_before(high) {
                break (low, high);
            }
            low = high + 1;
            step *= 2;
        }
    } else {
        let mut high = from;
        loop {
            let low = high.saturating_sub(step);
            if low == 0 || is_before(low) {
                break (low, high);
            }
            high = low;
            step *= 2;
        }
    };
    low + items
        .get(low..high)
        .map_or(0, |part| part.partition_point(&before))
}

impl<'a, L> Context<'a, L> {
    /// `keys` are those of `text` and `tokens` ([`Keys::new`]).
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        keys: &'a Keys,
        layout: &'a Layout,
        lex: &'a L,
    ) -> Self {
        let year = layout
            .meta
            .published
            .as_deref()
            .and_then(|p| p.get(..4))
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
        Context {
            text,
            lex,
            tokens,
            keys,
            last_search: Cell::new(0),
            year,
            published: layout.meta.published.as_deref(),
            dateline: layout.meta.dateline,
        }
    }

    /// The index of the token starting at byte `at`. Tokens are in order and
    /// disjoint, so a binary search finds it: no table as long as the text.
    pub fn token_starting(&self, at: usize) -> Option<usize> {
        let i = self.search(|t| t.start() < at);
        (self.tokens.get(i)?.start() == at).then_some(i)
    }

    /// The index of the token ending at byte `at`.
    pub fn token_ending(&self, at: usize) -> Option<usize> {
        let i = self.search(|t| t.end() < at);
        (self.tokens.get(i)?.end() == at).then_some(i)
    }

    /// `self.tokens.partition_point(before)`, searched outwards from the
    /// answer of the last search: the finders mostly look up offsets near
    /// the last one, and a binary search over the tokens of a long text
    /// misses the cache at each of its steps.
    fn search(&self, before: impl Fn(&Token) -> bool) -> usize {
        let found = partition_from(self.tokens, self.last_search.get(), before);
        self.last_search.set(found);
        found
    }

    /// The indexes of the tokens that overlap bytes `start..end`.
    pub fn tokens_overlapping(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.search(|t| t.end() <= start);
        let last = self.search(|t| t.start() < end);
        first..last.max(first)
    }

    /// The surface of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` in lower case, apostrophes folded to `'`.
    pub fn key(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.keys.rewritten(i).unwrap_or_else(|| self.word(i)))
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind())
    }

    /// Whether tokens `i` and `i + 1` are on the same line (only spaces between).
    pub fn joined(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            // The gap is a few bytes: a loop over them, not a search.
            (Some(a), Some(b)) => self
                .text
                .as_bytes()
                .get(a.end()..b.start())
                .is_some_and(|gap| gap.iter().all(|&c| c != b'\n')),
            _ => false,
        }
    }

    /// Whether token `i` is glued to the next one (no space between).
    pub fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end() == b.start(),
            _ => false,
        }
    }

    /// Whether token `i` is the first of its line.
    pub fn line_start(&self, i: usize) -> bool {
        i == 0 || !self.joined(i - 1)
    }
}

/// `c` in lower case when that is one character of the same UTF-8 length,
/// else `c`: what folding does to each character, so that an offset in the
/// folded text is the same offset in the text.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // The accented small letters of French (and ÷): their own lower case,
    // without a look in the Unicode tables.
    if ('\u{df}'..='\u{ff}').contains(&c) {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// A character of a key: folded, apostrophes folded to `'`.
fn key_char(c: char) -> char {
    if is_apostrophe(c) {
        '\''
    } else {
        fold_char(c)
    }
}

/// Lower case with byte offsets kept (see [`fold_char`]).
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Runs of ASCII, most of a French text, are copied whole and lowered at
    // the end in one pass over the bytes; only the other characters go
    // through the Unicode tables.
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        let Some((ascii, tail)) = rest.split_at_checked(at) else {
            break;
        };
        out.push_str(ascii);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { break };
        out.push(fold_char(c));
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.make_ascii_lowercase();
    out
}

/// The bytes of `fold_text(text)`, made as they are read: the automata walk
/// the folded text without a copy of it. Each character's folded bytes take
/// the place of its own.
pub fn folded_bytes(text: &str) -> impl Iterator<Item = u8> + '_ {
    let mut folded = [0u8; 4];
    let mut in_char = 0;
    text.bytes().enumerate().map(move |(at, b)| {
        if b.is_ascii() {
            return b.to_ascii_lowercase();
        }
        // The first byte of a character folds it; the others read on.
        if text.is_char_boundary(at) {
            if let Some(c) = text.get(at..).and_then(|s| s.chars().next()) {
                fold_char(c).encode_utf8(&mut folded);
            }
            in_char = 0;
        } else {
            in_char += 1;
        }
        folded.get(in_char).copied().unwrap_or(b)
    })
}

/// Lexicon entries, folded as [`fold_text`] folds, in a trie that is walked
/// from the places where an entry may start (token starts) and left where no
/// entry goes on: a search over every byte would also find the many entries
/// that start inside a word, only to throw them away.
pub struct EntryTrie {
    nfa: NFA,
    /// The state after each first byte: a walk starts from every token, and
    /// one look-up here spares the automaton's first transition.
    first: Vec<StateID>,
}

impl EntryTrie {
    /// The trie of `patterns`, or `None` if they are more than an automaton
    /// can hold.
    pub fn new<P: AsRef<[u8]>>(patterns: impl IntoIterator<Item = P>) -> Option<EntryTrie> {
        let nfa = NFA::builder().prefilter(false).build(patterns).ok()?;
        let start = nfa.start_state(Anchored::Yes).ok()?;
        let first = (0..=u8::MAX)
            .map(|b| nfa.next_state(Anchored::Yes, start, b))
            .collect();
        Some(EntryTrie { nfa, first })
    }

    /// Calls `hit(end, pattern)` for each pattern that the folded text spells
    /// from `start`, shortest first; patterns spelt alike come in the order
    /// they were given.
    pub fn spelt_from(&self, text: &str, start: usize, mut hit: impl FnMut(usize, usize)) {
        let trie = &self.nfa;
        let Some(rest) = text.get(start..) else {
            return;
        };
        let mut state = StateID::ZERO;
        for (depth, b) in (1..).zip(folded_bytes(rest)) {
            state = match depth {
                1 => self
                    .first
                    .get(usize::from(b))
                    .copied()
                    .unwrap_or(StateID::ZERO),
                _ => trie.next_state(Anchored::Yes, state, b),
            };
            if trie.is_dead(state) {
                return;
            }
            if !trie.is_match(state) {
                continue;
            }
            // A state also holds the patterns that end it and start later:
            // those spelt by the whole walk are as long as the walk.
            for k in 0..trie.match_len(state) {
                let pattern = trie.match_pattern(state, k);
                if trie.pattern_len(pattern) == depth {
                    hit(start + depth, pattern.as_usize());
                }
            }
        }
    }
}

/// The key that `Context::key` gives a token spelt `word`: lower case as in
/// `fold_text`, apostrophes folded to `'`.
pub fn key_of(word: &str) -> String {
    word.chars().map(key_char).collect()
}

/// Whether a word starts with an upper-case letter.
pub fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word has letters and none of them is lower case (MOSCOU, OCS).
pub fn all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_from_any_place_finds_the_partition_point() {
        let items = [1, 3, 3, 5, 8, 13, 21, 34, 55];
        for from in 0..=items.len() + 2 {
            for at in 0..60 {
                assert_eq!(
                    partition_from(&items, from, |&x| x < at),
                    items.partition_point(|&x| x < at),
                    "from {from}, at {at}"
                );
            }
        }
        assert_eq!(partition_from(&[] as &[u8], 3, |_| true), 0);
    }

    #[test]
    fn folding_keeps_offsets() {
        let text = "MOSCOU, Élysée l’OCS";
        let folded = fold_text(text);
        assert_eq!(folded.len(), text.len());
        assert_eq!(folded, "moscou, élysée l’ocs");
    }

    #[test]
    fn the_trie_spells_entries_from_a_start_in_the_folded_text() {
        let trie = EntryTrie::new(["la paz", "la", "paz", "la"]).expect("a trie");
        let spelt = |text: &str, start: usize| {
            let mut hits = Vec::new();
            trie.spelt_from(text, start, |end, pattern| hits.push((end, pattern)));
            hits
        };
        // Shortest first, entries spelt alike in the order given; `paz`
        // ends the walk too but starts later.
        assert_eq!(spelt("LA PAZ!", 0), [(2, 1), (2, 3), (6, 0)]);
        assert_eq!(spelt("LA PAZ!", 3), [(6, 2)]);
        assert_eq!(spelt("à la", 0), []);
        assert_eq!(spelt("la", 7), []);
        // A one-byte entry ends on the first byte, read from the table of
        // first transitions.
        let short = EntryTrie::new(["a", "é", "ab"]).expect("a trie");
        for (text, expected) in [
            ("A b", vec![(1, 0)]),
            ("É", vec![(2, 1)]),
            ("ab", vec![(1, 0), (2, 2)]),
        ] {
            let mut hits = Vec::new();
            short.spelt_from(text, 0, |end, pattern| hits.push((end, pattern)));
            assert_eq!(hits, expected, "{text}");
        }
        assert!(EntryTrie::new(Vec::<String>::new()).is_some_and(|t| {
            let mut n = 0;
            t.spelt_from("la", 0, |_, _| n += 1);
            n == 0
        }));
    }

    /// `f` of the shared context of `text`, with no lexicons.
    fn with_context<R>(text: &str, f: impl FnOnce(&Context<()>) -> R) -> R {
        let tokens = crate::tokenize(text);
        let layout = Layout::default();
        let keys = Keys::new(text, &tokens);
        f(&Context::new(text, &tokens, &keys, &layout, &()))
    }

    #[test]
    fn tokens_are_found_by_offset() {
        with_context("La Chine", |cx| {
            assert_eq!(cx.token_starting(3), Some(1));
            assert_eq!(cx.token_ending(8), Some(1));
            assert_eq!(cx.token_starting(4), None);
            assert_eq!(cx.token_ending(2), Some(0));
            assert_eq!(cx.token_ending(3), None);
            assert_eq!(cx.token_starting(99), None);
        });
    }

    #[test]
    fn tokens_are_joined_on_a_line_and_glued_without_a_space() {
        with_context("La Chine,\nle 3  mai\r\nà Pékin", |cx| {
            let n = cx.tokens.len();
            let words: Vec<&str> = (0..n).map(|i| cx.word(i)).collect();
            assert_eq!(words, ["La", "Chine", ",", "le", "3", "mai", "à", "Pékin"]);
            let joined: Vec<bool> = (0..n).map(|i| cx.joined(i)).collect();
            assert_eq!(joined, [true, true, false, true, true, false, true, false]);
            let glued: Vec<bool> = (0..n).map(|i| cx.glued(i)).collect();
            assert_eq!(
                glued,
                [false, true, false, false, false, false, false, false]
            );
            assert!(cx.line_start(0) && cx.line_start(3) && cx.line_start(6) && !cx.line_start(1));
        });
    }

    #[test]
    fn token_searches_from_the_last_answer_find_what_a_binary_search_does() {
        let text = "Le ministre a dit, à Paris : « Oui ». M. Dupont l’a redit.\n\nFin.";
        with_context(text, |cx| {
            let tokens = cx.tokens;
            // Offsets forwards, backwards and jumping, so that every search
            // starts from another answer.
            let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
            offsets.extend((0..=text.len() + 2).rev());
            offsets.extend((0..200).map(|k| (k * 37) % (text.len() + 3)));
            for at in offsets {
                let starting = tokens.partition_point(|t| t.start() < at);
                let ending = tokens.partition_point(|t| t.end() < at);
                let expect = |i: usize, f: fn(&Token) -> usize| {
                    tokens.get(i).filter(|t| f(t) == at).map(|_| i)
                };
                assert_eq!(
                    cx.token_starting(at),
                    expect(starting, Token::start),
                    "{at}"
                );
                assert_eq!(cx.token_ending(at), expect(ending, Token::end), "{at}");
            }
        });
    }

    #[test]
    fn keys_fold_case_and_apostrophes() {
        with_context("L’OCS a dit l'an", |cx| {
            let keys: Vec<_> = (0..cx.tokens.len() + 1)
                .map(|i| cx.key(i).into_owned())
                .collect();
            assert_eq!(keys, ["l'", "ocs", "a", "dit", "l'", "an", ""]);
        });
    }

    #[test]
    fn small_accented_letters_fold_to_themselves() {
        for c in '\u{df}'..='\u{ff}' {
            let mut lower = c.to_lowercase();
            assert_eq!((lower.next(), lower.next()), (Some(c), None), "{c}");
            assert_eq!(fold_char(c), c);
        }
        assert_eq!(fold_char('É'), 'é');
        assert_eq!(fold_char('Ÿ'), 'ÿ');
    }

    #[test]
    fn folded_bytes_are_the_folded_text() {
        let text = "MOSCOU, Élysée l’OCS ÇA ΣΊΣΥΦΟΣ İz ẞ ﬁ 日本 Ǆ";
        let bytes: Vec<u8> = folded_bytes(text).collect();
        assert_eq!(bytes, fold_text(text).into_bytes());
        assert_eq!(folded_bytes("").count(), 0);
    }

    #[test]
    fn keys_are_found_past_the_first_blocks_of_tokens() {
        // Rewritten tokens (capitals) among plain ones, over several 64-token
        // blocks: each key is found by its rank among the rewritten.
        let words: Vec<String> = (0..300)
            .map(|i| match i % 7 {
                0 => format!("Nom{i}"),
                3 => format!("l’É{i}"),
                _ => format!("mot{i}"),
            })
            .collect();
        let text = words.join(" ");
        let tokens = crate::tokenize(&text);
        let layout = Layout::default();
        let keys = Keys::new(&text, &tokens);
        let cx = Context::new(&text, &tokens, &keys, &layout, &());
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(cx.key(i), key_of(t.text(&text)), "token {i}");
        }
    }
}
