//! Page furniture around the story: credits (`(Xinhua/Javed Dar)`,
//! `Photo : AFP`, AFP's closing initials `jmo/cbn/ob`, Reuters' production
//! notes), site boilerplate (`Vous avez une question ? Contactez ...`) and the
//! trailing numeric article id.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::words_up_to;
use crate::lexicon::regex;
use crate::lexicon::{fold_key, folded_set, rows, WordSet};

/// Credit markers (folded), and whether they also open a bare line.
pub(super) fn credit_markers() -> Vec<(String, bool)> {
    rows(include_str!("../../data/article/credit_markers.tsv"))
        .filter_map(|r| Some((fold_key(r.first()?), *r.get(1)? == "line")))
        .collect()
}

/// Boilerplate phrases (folded), and whether they must be the whole line.
pub(super) fn boilerplate() -> Vec<(String, bool)> {
    rows(include_str!("../../data/article/boilerplate.tsv"))
        .filter_map(|r| Some((fold_key(r.first()?), *r.get(1)? == "whole")))
        .collect()
}

/// A boilerplate phrase is at least this many bytes long (a test checks it),
/// and its first bytes rule out most lines at once.
pub(super) const OPENING: usize = 3;

/// The first `OPENING` bytes of each boilerplate phrase.
pub(super) fn boilerplate_openings(phrases: &[(String, bool)]) -> WordSet<[u8; OPENING]> {
    phrases
        .iter()
        .filter_map(|(p, _)| p.as_bytes().first_chunk().copied())
        .collect()
}

pub(super) fn agencies() -> WordSet {
    folded_set(include_str!("../../data/lexicons/agencies.txt"))
}

/// AFP's closing initials of the writers and editors: `jmo/cbn/ob`, `bur-pjl/cls`.
static SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[a-z]{2,5}(?:[/-][a-z]{2,5})*/[a-z]{2,5}$"));

/// `Agency/Photographer` in a parenthesis: `Xinhua/Javed Dar`.
static AGENCY_SLASH: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\(\s*([\p{Lu}][^()/\d]{0,40})/\s*\p{Lu}[^()/]{0,60}\)"));

/// A trailing article id: a long run of digits standing alone.
static ID: LazyLock<Regex> = LazyLock::new(|| regex(r"^\d{6,}$"));

/// Credits are short.
pub const MAX_CREDIT_WORDS: usize = 25;
const MAX_BARE_CREDIT_WORDS: usize = 12;

/// Whether `line` is a credit.
pub fn is_credit_line(lex: &super::Lexicons, line: &str) -> bool {
    is_credit(lex, line, words_up_to(line, MAX_CREDIT_WORDS))
}

/// [`is_credit_line`] of a line of `words` words (counted up to
/// `MAX_CREDIT_WORDS + 1`: `lines::words_up_to`).
pub fn is_credit(lex: &super::Lexicons, line: &str, words: usize) -> bool {
    // A signature is one word, so a longer line is ruled out first.
    if words > MAX_CREDIT_WORDS {
        return false;
    }
    if SIGNATURE.is_match(line) {
        return true;
    }
    if let Some(inner) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        if inner.contains(['(', ')']) {
            return false;
        }
        return opens_with_marker(lex, inner, false) || is_agency_credit(lex, line, 0..line.len());
    }
    words <= MAX_BARE_CREDIT_WORDS && opens_with_marker(lex, line, true)
}

/// Whether `s` opens with a credit marker. A bare line needs a `line` marker
/// and a colon or `©` after it (`Photo : AFP`, `© AFP 2024`), so that
/// `Crédit Agricole a annoncé` stays text.
fn opens_with_marker(lex: &super::Lexicons, s: &str, bare: bool) -> bool {
    let folded = fold_key(s.trim_start());
    lex.credit_markers.iter().any(|(m, line)| {
        let Some(rest) = folded.strip_prefix(m.as_str()) else {
            return false;
        };
        if bare {
            *line && (m.starts_with('©') || rest.trim_start().starts_with([':', '©']))
        } else {
            !rest.starts_with(char::is_alphabetic)
        }
    })
}

/// Whether the `(Agency/Name)` at `range` of `text` names a known agency.
fn is_agency_credit(lex: &super::Lexicons, text: &str, range: Range<usize>) -> bool {
    text.get(range)
        .and_then(|s| AGENCY_SLASH.captures(s))
        .and_then(|c| c.get(1))
        .is_some_and(|m| lex.agencies.contains(&fold_key(m.as_str().trim())))
}

/// The `(Agency/Name)` credits inside a line of text, as byte ranges.
pub fn inline_credits(lex: &super::Lexicons, line: &str) -> Vec<Range<usize>> {
    // The slash is the rarer character of a credit: most lines are ruled
    // out without running the pattern.
    if !line.contains('/') {
        return Vec::new();
    }
    AGENCY_SLASH
        .find_iter(line)
        .map(|m| m.range())
        .filter(|r| is_agency_credit(lex, line, r.clone()))
        .collect()
}

/// Whether `line` is site boilerplate.
pub fn is_boilerplate(lex: &super::Lexicons, line: &str) -> bool {
    const TRAILING: [char; 4] = [':', '»', ' ', '\u{a0}'];
    // An ASCII opening folds byte for byte: unless it opens a phrase, or
    // the line is shorter than every phrase, the line holds none.
    let ruled_out = match line.as_bytes().first_chunk::<OPENING>() {
        Some(opening) => {
            opening.is_ascii()
                && !lex
                    .boilerplate_openings
                    .contains(&opening.map(|b| b.to_ascii_lowercase()))
        }
        None => line.is_ascii(),
    };
    if ruled_out {
        return false;
    }
    // Only the head of a line can hold a phrase: its first characters, one
    // more than the longest phrase has bytes (a character folds to one byte
    // or more), show the phrase and what follows it.
    let cut = line
        .char_indices()
        .nth(lex.boilerplate_len + 1)
        .map_or(line.len(), |(i, _)| i);
    let (head, rest) = line.split_at_checked(cut).unwrap_or((line, ""));
    let folded = fold_key(head);
    // A whole-line phrase: the rest must be trailing marks, which fold to
    // themselves (else the line is longer than any phrase).
    let bare = rest
        .trim_start_matches(TRAILING)
        .is_empty()
        .then(|| folded.trim_end_matches(TRAILING));
    lex.boilerplate.iter().any(|(b, whole)| {
        if *whole {
            bare == Some(b.as_str())
        } else {
            folded
                .strip_prefix(b.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
        }
    })
}

/// Whether `line` is an article id.
pub fn is_id(line: &str) -> bool {
    ID.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_credits() {
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "(Xinhua/Javed Dar)"
        ));
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "Photo : AFP"
        ));
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "(Photo : Xinhua)"
        ));
        assert!(!is_credit_line(
            &crate::Lexicons::builtin().article,
            "(CEI/OCS)"
        ));
    }

    #[test]
    fn production_notes() {
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "(Reportage Laura Benitez; version française Karim Ouazzani, édité par Sophie Lemaire)"
        ));
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "jmo/cbn/ob"
        ));
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "bur/pjl/cls"
        ));
        assert!(!is_credit_line(
            &crate::Lexicons::builtin().article,
            "Avec 28,5 % des voix, la CDU arrive en tête."
        ));
        assert!(!is_credit_line(
            &crate::Lexicons::builtin().article,
            "Crédit Agricole a annoncé une hausse."
        ));
        assert!(is_credit_line(
            &crate::Lexicons::builtin().article,
            "© AFP 2024"
        ));
    }

    #[test]
    fn credits_inside_a_line() {
        let line = "Le sommet de Qingdao (Xinhua/Li Xin) s'ouvre samedi.";
        let got: Vec<_> = inline_credits(&crate::Lexicons::builtin().article, line)
            .into_iter()
            .map(|r| &line[r])
            .collect();
        assert_eq!(got, ["(Xinhua/Li Xin)"]);
    }

    #[test]
    fn boilerplate_phrases_are_longer_than_their_opening() {
        let lex = &crate::Lexicons::builtin().article;
        assert!(lex.boilerplate.iter().all(|(p, _)| p.len() >= OPENING));
        assert!(is_boilerplate(lex, "PARTAGER"));
        assert!(is_boilerplate(lex, "À lire aussi : la suite"));
        assert!(!is_boilerplate(lex, "Le partage"));
        assert!(!is_boilerplate(lex, "Pa"));
    }

    #[test]
    fn boilerplate_lines() {
        assert!(is_boilerplate(
            &crate::Lexicons::builtin().article,
            "Vous avez une question, une remarque, des suggestions ? Contactez notre équipe"
        ));
        assert!(is_boilerplate(
            &crate::Lexicons::builtin().article,
            "Lire aussi : la CEI et l'OCS"
        ));
        assert!(!is_boilerplate(
            &crate::Lexicons::builtin().article,
            "La CEI souhaite renforcer sa coopération"
        ));
        assert!(is_boilerplate(
            &crate::Lexicons::builtin().article,
            "Partager"
        ));
        assert!(!is_boilerplate(
            &crate::Lexicons::builtin().article,
            "Partager le pouvoir reste difficile."
        ));
        assert!(is_boilerplate(
            &crate::Lexicons::builtin().article,
            "Mots-clés : Chine, Russie"
        ));
    }

    #[test]
    fn ids() {
        assert!(is_id("010020070770000000000000011107421372369851"));
        assert!(!is_id("2018"));
    }
}
