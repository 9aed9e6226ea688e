//! What the stages need about one text: its tokens, a case-folded copy with
//! the same byte offsets, where tokens start and end, and capitalisation tests.

use std::borrow::Cow;

use crate::lexicon::is_apostrophe;
use crate::model::Layout;
use crate::model::Span;
use crate::model::{Token, TokenKind};

/// One text as a stage reads it, with that stage's lexicons (`L`).
pub struct Context<'a, L> {
    pub text: &'a str,
    pub lex: &'a L,
    pub tokens: &'a [Token],
    /// `text` in lower case, each character kept at its byte length (a
    /// character whose lower case has another length is left as is), so that
    /// offsets in `folded` are offsets in `text`.
    pub folded: String,
    /// The tokens whose key (see `key`) is not their span of `folded`, those
    /// with a typographic apostrophe: one bit a token. The finders look a
    /// token's key up many times, so it is worked out once.
    rewritten_tokens: Vec<u64>,
    /// The keys of those tokens, apostrophes folded to `'`, one after the other.
    rewritten: String,
    /// For each of those tokens, in order: its index and its key's end in
    /// `rewritten` (its start is the end of the one before).
    rewritten_ends: Vec<(usize, usize)>,
    /// The publication year, when the article gives it.
    pub year: Option<&'a str>,
    /// The publication date as the layout gives it (ISO 8601), if any.
    pub published: Option<&'a str>,
    /// The place of the dateline, when the layout found one.
    pub dateline: Option<Span>,
}

impl<'a, L> Context<'a, L> {
    pub fn new(text: &'a str, tokens: &'a [Token], layout: &'a Layout, lex: &'a L) -> Self {
        let folded = fold_text(text);
        let mut rewritten = String::new();
        let mut rewritten_tokens = vec![0u64; tokens.len().div_ceil(64)];
        let mut rewritten_ends = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let s = folded.get(t.start()..t.end()).unwrap_or("");
            // The typographic apostrophes are all outside ASCII, and start
            // with byte 0xE2 (’, ‘) or 0xCA (ʼ), which no accented Latin
            // letter does: most words need no look at their chars.
            let maybe = s.bytes().any(|b| b == 0xE2 || b == 0xCA);
            if !maybe || !s.chars().any(|c| is_apostrophe(c) && c != '\'') {
                continue;
            }
            rewritten.extend(s.chars().map(|c| if is_apostrophe(c) { '\'' } else { c }));
            rewritten_ends.push((i, rewritten.len()));
            if let Some(bits) = rewritten_tokens.get_mut(i / 64) {
                *bits |= 1 << (i % 64);
            }
        }
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
            folded,
            rewritten_tokens,
            rewritten,
            rewritten_ends,
            year,
            published: layout.meta.published.as_deref(),
            dateline: layout.meta.dateline,
        }
    }

    /// The index of the token starting at byte `at`. Tokens are in order and
    /// disjoint, so a binary search finds it: no table as long as the text.
    pub fn token_starting(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start() < at);
        (self.tokens.get(i)?.start() == at).then_some(i)
    }

    /// The index of the token ending at byte `at`.
    pub fn token_ending(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end() < at);
        (self.tokens.get(i)?.end() == at).then_some(i)
    }

    /// The surface of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` in lower case, apostrophes folded to `'`.
    pub fn key(&self, i: usize) -> Cow<'_, str> {
        let rewritten = self
            .rewritten_tokens
            .get(i / 64)
            .is_some_and(|bits| bits & (1 << (i % 64)) != 0);
        let key = if rewritten {
            let k = self.rewritten_ends.partition_point(|&(j, _)| j < i);
            let start = k
                .checked_sub(1)
                .and_then(|p| self.rewritten_ends.get(p))
                .map_or(0, |&(_, end)| end);
            self.rewritten_ends
                .get(k)
                .and_then(|&(_, end)| self.rewritten.get(start..end))
        } else {
            self.tokens
                .get(i)
                .and_then(|t| self.folded.get(t.start()..t.end()))
        };
        Cow::Borrowed(key.unwrap_or(""))
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether tokens `i` and `i + 1` are on the same line (only spaces between).
    pub fn joined(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end()..b.start())
                .is_some_and(|gap| !gap.contains('\n')),
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

/// Lower case with byte offsets kept (see `Context::folded`).
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
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.make_ascii_lowercase();
    out
}

/// The key that `Context::key` gives a token spelt `word`: lower case as in
/// `fold_text`, apostrophes folded to `'`.
pub fn key_of(word: &str) -> String {
    fold_text(word)
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
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
    fn folding_keeps_offsets() {
        let text = "MOSCOU, Élysée l’OCS";
        let folded = fold_text(text);
        assert_eq!(folded.len(), text.len());
        assert_eq!(folded, "moscou, élysée l’ocs");
    }

    #[test]
    fn tokens_are_found_by_offset() {
        let text = "La Chine";
        let tokens = crate::tokenize(text);
        let layout = Layout::default();
        let cx = Context::new(text, &tokens, &layout, &());
        assert_eq!(cx.token_starting(3), Some(1));
        assert_eq!(cx.token_ending(8), Some(1));
        assert_eq!(cx.token_starting(4), None);
        assert_eq!(cx.token_ending(2), Some(0));
        assert_eq!(cx.token_ending(3), None);
        assert_eq!(cx.token_starting(99), None);
    }

    #[test]
    fn keys_fold_case_and_apostrophes() {
        let text = "L’OCS a dit l'an";
        let tokens = crate::tokenize(text);
        let layout = Layout::default();
        let cx = Context::new(text, &tokens, &layout, &());
        let keys: Vec<_> = (0..tokens.len() + 1)
            .map(|i| cx.key(i).into_owned())
            .collect();
        assert_eq!(keys, ["l'", "ocs", "a", "dit", "l'", "an", ""]);
    }
}
