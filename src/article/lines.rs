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

/// The number of words of `line` (as `split_whitespace` splits), or
/// `cap + 1` if it has more: counting stops there, so that a long paragraph
/// costs no more than a short one to rule out.
pub fn words_up_to(line: &str, cap: usize) -> usize {
    // One loop over the bytes: the layout asks this of every line.
    let mut words = 0;
    let mut in_word = false;
    for (at, &b) in line.as_bytes().iter().enumerate() {
        let space = match b {
            b'\t'..=b'\r' | b' ' => true,
            0..=0x7f => false,
            // A continuation byte is part of the character begun before it.
            0x80..=0xbf => continue,
            // The whitespace outside ASCII (U+0085, U+00A0, U+1680,
            // U+2000-U+205F, U+3000) starts with one of these bytes; an
            // accented letter, the most of a French text's other
            // characters, is not decoded.
            0xc2 | 0xe1 | 0xe2 | 0xe3 => line
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_whitespace),
            _ => false,
        };
        if !space && !in_word {
            words += 1;
            if words > cap {
                break;
            }
        }
        in_word = !space;
    }
    words
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
                assert_eq!(words_up_to(line, n), words.min(n + 1), "{line:?} {n}");
            }
        }
    }

    #[test]
    fn every_character_separates_words_as_split_whitespace_says() {
        // Each character between words, alone and doubled, and at the ends:
        // the byte tests must agree with `char::is_whitespace` everywhere.
        for c in (0..=0x3100)
            .chain(0xfe00..=0x1_0100)
            .filter_map(char::from_u32)
        {
            for line in [
                format!("un{c}deux trois"),
                format!("{c}{c}un{c}{c}"),
                format!("é{c}ç"),
                c.to_string(),
            ] {
                let words = line.split_whitespace().count();
                for n in 0..4 {
                    assert_eq!(words_up_to(&line, n), words.min(n + 1), "{c:?} {n}");
                }
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
