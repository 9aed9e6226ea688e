//! Sentence splitting over tokens.
//!
//! A sentence ends at a paragraph break, or after `.`, `!`, `?`, `...`, `…`
//! (and the closing quote marks or brackets right after it) when the next
//! token opens a sentence: a capital, a digit, an opening quote mark or a dash.
//! Abbreviations and initials carry their full stop inside their token, so
//! `M. Lebedev` never splits. A single line break inside a sentence (scraped
//! text wraps lines) does not split when the line ends on a word that cannot
//! end a sentence or the next line starts in lower case.

use crate::lexicon::{self, WordMap, WordSet};
use crate::model::{Span, Token, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// A subject pronoun: opens a sentence even with no punctuation before it.
    Pronoun,
    /// Opens a sentence after `;`.
    AfterSemicolon,
}

/// The sentence splitter's word lists (`data/tokenizer/`).
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Words that open a sentence, and how strongly.
    openers: WordMap<String, Opener>,
    /// Words a sentence cannot end on (a line break after them wraps a sentence).
    non_final_words: WordSet,
}

impl Default for Lexicons {
    /// The built-in lists.
    fn default() -> Self {
        Lexicons {
            openers: lexicon::rows(include_str!("../data/tokenizer/sentence_openers.txt"))
                .filter_map(|row| {
                    let strength = match *row.get(1)? {
                        "pronoun" => Opener::Pronoun,
                        _ => Opener::AfterSemicolon,
                    };
                    Some((lexicon::fold_key(row.first()?), strength))
                })
                .collect(),
            non_final_words: lexicon::folded_set(include_str!(
                "../data/tokenizer/non_final_words.txt"
            )),
        }
    }
}

/// Splits tokenized text into sentences, given as token index ranges.
pub fn sentence_token_ranges(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let closing_quotes = closing_straight_quotes(text, tokens);
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let end_of_sentence = boundary_after(lex, text, tokens, &closing_quotes, i);
        if let Some(last) = end_of_sentence {
            ranges.push(first..last + 1);
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if first < tokens.len() {
        ranges.push(first..tokens.len());
    }
    ranges
}

/// Sentences as byte spans, from the first token's start to the last token's end.
pub fn sentences(lex: &Lexicons, text: &str, tokens: &[Token]) -> Vec<Span> {
    sentence_token_ranges(lex, text, tokens)
        .into_iter()
        .filter_map(|r| {
            let start = tokens.get(r.start)?.start();
            let end = tokens.get(r.end.checked_sub(1)?)?.end();
            Some(Span::new(start, end))
        })
        .collect()
}

/// If a sentence ends with token `i` (or with closing marks right after it),
/// the index of its last token.
fn boundary_after(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    closing_quotes: &[bool],
    i: usize,
) -> Option<usize> {
    let token = tokens.get(i)?;
    let Some(next) = tokens.get(i + 1) else {
        return Some(i);
    };
    let newlines = line_breaks(text.get(token.end()..next.start()).unwrap_or(""));
    let word = token.text(text);
    let next_text = next.text(text);
    if newlines >= 2 {
        return Some(i);
    }
    if newlines == 1 {
        let continues = !is_final_punct(word)
            && (starts_lowercase(next_text)
                || lex.non_final_words.contains(&lexicon::fold_key(word))
                || matches!(word, "," | ";" | ":" | "«" | "(" | "-" | "–" | "—"));
        return (!continues).then_some(i);
    }
    if newlines == 0 {
        match capitalised_opener(lex, next_text) {
            Some(_) if word == ";" => return Some(i),
            Some(Opener::Pronoun)
                if matches!(token.kind(), TokenKind::Word | TokenKind::Number)
                    && !word.ends_with('.') =>
            {
                return Some(i)
            }
            _ => {}
        }
    }
    // A full stop then a lower-case word ends a sentence when the word before
    // the stop is long enough not to be an unlisted abbreviation (`env.`,
    // `boul.`): scraped and user text often drops the capital.
    if word == "."
        && starts_lowercase(next_text)
        && next.kind() == TokenKind::Word
        && i.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| p.end() == token.start() && p.text(text).chars().count() >= 5)
    {
        return Some(i);
    }
    if !is_final_punct(word) {
        // `etc.` carries its full stop; it ends a sentence before a capital.
        if word == "etc." && opens_sentence(text, tokens, i + 1) {
            return Some(i);
        }
        return None;
    }
    // Closing marks right after the final punctuation belong to this sentence.
    let mut last = i;
    while let Some(t) = tokens.get(last + 1) {
        let s = t.text(text);
        let attached = t.start() == tokens.get(last).map_or(0, |p| p.end());
        let closes = matches!(s, "»" | "”" | "›" | ")" | "]")
            || (matches!(s, "\"" | "'") && attached)
            || closing_quotes.get(last + 1).copied().unwrap_or(false);
        if !closes {
            break;
        }
        last += 1;
    }
    if last + 1 >= tokens.len() {
        return Some(last);
    }
    let after = tokens.get(last + 1)?;
    let gap = text
        .get(tokens.get(last)?.end()..after.start())
        .unwrap_or("");
    if gap.contains('\n') {
        return Some(last);
    }
    opens_sentence(text, tokens, last + 1).then_some(last)
}

/// The line breaks in the gap between two tokens: `\n`, `\r`, `\r\n` (one
/// break) and the paragraph separator.
fn line_breaks(gap: &str) -> usize {
    // Most gaps are one space: nothing to count.
    if gap.len() <= 1 && !gap.starts_with(['\n', '\r']) {
        return 0;
    }
    gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count()
        + gap.matches('\u{2029}').count()
}

/// For each token, whether it is a straight `"` that closes a quotation: one
/// preceded by an odd number of straight quotes in its paragraph (one pass).
fn closing_straight_quotes(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut closing = vec![false; tokens.len()];
    let mut open = false;
    let mut prev_end = 0;
    for (t, closes) in tokens.iter().zip(closing.iter_mut()) {
        // Byte scans: the gaps are short, mostly one space.
        let bytes = text.as_bytes();
        if bytes
            .get(prev_end..t.start())
            .is_some_and(|gap| gap.contains(&b'\n'))
        {
            open = false;
        }
        prev_end = t.end();
        if bytes.get(t.range()) == Some(b"\"") {
            *closes = open;
            open = !open;
        }
    }
    closing
}

/// The opener class of a capitalised (not all-caps) word.
fn capitalised_opener(lex: &Lexicons, word: &str) -> Option<Opener> {
    let mut chars = word.chars();
    // Most words start in lower case: test the first letter before the rest.
    if !chars.next()?.is_uppercase() || chars.any(char::is_uppercase) {
        return None;
    }
    lex.openers.get(&lexicon::fold_key(word)).copied()
}

fn is_final_punct(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "?!" | "!?")
        || (s.len() >= 3 && s.bytes().all(|b| b == b'.'))
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Whether token `j` can start a sentence.
fn opens_sentence(text: &str, tokens: &[Token], j: usize) -> bool {
    let Some(t) = tokens.get(j) else {
        return true;
    };
    let s = t.text(text);
    let Some(c) = s.chars().next() else {
        return false;
    };
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    if t.kind() == TokenKind::Punct {
        return matches!(
            c,
            '«' | '"' | '“' | '„' | '‹' | '(' | '[' | '-' | '–' | '—' | '¿' | '¡'
        );
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokenize};

    #[test]
    fn line_breaks_count_each_convention_once() {
        assert_eq!(line_breaks(""), 0);
        assert_eq!(line_breaks(" "), 0);
        assert_eq!(line_breaks("\n"), 1);
        assert_eq!(line_breaks("\r"), 1);
        assert_eq!(line_breaks(" \r\n\r\n "), 2);
        assert_eq!(line_breaks("\u{2029}"), 1);
    }

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        sentences(text, &tokens)
            .iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn splits_after_final_punctuation_before_a_capital() {
        assert_eq!(
            sents("Il pleut. Elle part! Vraiment? Oui."),
            ["Il pleut.", "Elle part!", "Vraiment?", "Oui."]
        );
    }

    #[test]
    fn no_split_after_abbreviations_or_initials() {
        assert_eq!(
            sents("M. Lebedev est venu. J.-P. Sartre aussi."),
            ["M. Lebedev est venu.", "J.-P. Sartre aussi."]
        );
    }

    #[test]
    fn no_split_inside_numbers_or_before_lower_case() {
        assert_eq!(
            sents("Il a 5,2 % de plus... et puis rien."),
            ["Il a 5,2 % de plus... et puis rien."]
        );
    }

    #[test]
    fn quotation_that_continues_does_not_split() {
        assert_eq!(
            sents("« Nous sommes prêts. », a-t-il dit. \"C'est fini.\" Elle part."),
            [
                "« Nous sommes prêts. », a-t-il dit.",
                "\"C'est fini.\"",
                "Elle part."
            ]
        );
    }

    #[test]
    fn splits_before_opening_quote_or_dash() {
        assert_eq!(
            sents("Il a dit. \"Non\", a-t-elle répondu."),
            ["Il a dit.", "\"Non\", a-t-elle répondu."]
        );
        assert_eq!(sents("Fin. -- Suite"), ["Fin.", "-- Suite"]);
    }

    #[test]
    fn paragraph_breaks_and_titles() {
        assert_eq!(
            sents("Un titre sans point\n\nMOSCOU, 7 juin (Xinhua) -- Le texte.\nUne autre ligne"),
            [
                "Un titre sans point",
                "MOSCOU, 7 juin (Xinhua) -- Le texte.",
                "Une autre ligne"
            ]
        );
    }

    #[test]
    fn capitalised_openers_without_a_full_stop() {
        assert_eq!(
            sents("un lieu superbe Il faut y aller"),
            ["un lieu superbe", "Il faut y aller"]
        );
        assert_eq!(
            sents("la pollution ; Le poème est né."),
            ["la pollution ;", "Le poème est né."]
        );
        assert_eq!(sents("la Chine ; Paris a dit"), ["la Chine ; Paris a dit"]);
        assert_eq!(sents("le journal Le Monde"), ["le journal Le Monde"]);
    }

    #[test]
    fn wrapped_line_inside_a_sentence() {
        assert_eq!(
            sents("le théâtre du sommet de\nl’Organisation de Coopération. Fin."),
            [
                "le théâtre du sommet de\nl’Organisation de Coopération.",
                "Fin."
            ]
        );
        assert_eq!(
            sents("le sommet de\nShanghai. Fin."),
            ["le sommet de\nShanghai.", "Fin."]
        );
        assert_eq!(
            sents("Un titre\nLe corps.\r\nSuite."),
            ["Un titre", "Le corps.", "Suite."]
        );
    }
}
