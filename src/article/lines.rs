//! The lines of a page and how they read: ending a sentence, wrapping into
//! the next line.

use crate::model::Span;

/// A non-blank line, trimmed (`\r` and no-break spaces included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
    /// Whether a blank line (or the start of the text) comes right before.
    pub blank_before: bool,
}

/// The non-blank lines of `text`.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut blank_before = true;
    for line in text.split_inclusive('\n') {
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_start < trimmed_end {
            out.push(Line {
                span: Span::new(trimmed_start, trimmed_end),
                blank_before,
            });
            blank_before = false;
        } else {
            blank_before = true;
        }
        start += line.len();
    }
    out
}

/// Whether `line` ends a sentence: a final `.`, `!`, `?` or `…`, possibly
/// followed by closing quote marks or brackets.
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| {
        matches!(c, '»' | '"' | '”' | '’' | '\'' | ')' | ']') || c.is_whitespace()
    })
    .ends_with(['.', '!', '?', '…'])
}

/// Whether `line` stops mid-sentence, so that a next line starting in lower
/// case continues it (a sentence wrapped by the page).
pub fn ends_open(line: &str) -> bool {
    !ends_sentence(line) && !line.ends_with(':')
}

/// Whether `line` starts in lower case (the rest of a wrapped sentence).
pub fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// The number of words of `line`.
pub fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Whether `line` has more than `n` words: counting stops there, so that a
/// long paragraph costs no more than a short one to rule out.
pub fn more_words_than(line: &str, n: usize) -> bool {
    // The words of `split_whitespace`, counted in one loop over the
    // characters: the layout asks this of every line, several times.
    let mut words = 0;
    let mut in_word = false;
    for c in line.chars() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_splits() {
        let lines = [
            "",
            "  ",
            "un",
            " un  deux\u{a0}trois\u{2009}",
            "a\tb\nc d\u{3000}e\u{85}f\u{1680}g\u{205f}h",
            "l'OCS — 3 « été » ¶",
        ];
        for line in lines {
            let words = line.split_whitespace().count();
            for n in 0..7 {
                assert_eq!(more_words_than(line, n), words > n, "{line:?} {n}");
            }
        }
    }

    #[test]
    fn lines_are_trimmed_and_know_blank_lines() {
        let text = "Titre\r\n\r\n\u{a0}\nCorps.\nSuite.\n";
        let got: Vec<_> = lines(text)
            .iter()
            .map(|l| (l.span.text(text), l.blank_before))
            .collect();
        assert_eq!(got, [("Titre", true), ("Corps.", true), ("Suite.", false)]);
    }

    #[test]
    fn sentence_ends_through_closing_marks() {
        assert!(ends_sentence("a-t-il dit. »"));
        assert!(ends_sentence("(Photo.)"));
        assert!(!ends_sentence("Un sommet aux résultats concrets"));
    }

    #[test]
    fn open_lines_wrap() {
        assert!(ends_open("le théâtre du sommet de"));
        assert!(!ends_open("Il a dit :"));
        assert!(starts_lowercase("l’Organisation"));
    }
}
