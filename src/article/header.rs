//! Page-header lines: the site name (`french.xinhuanet.com`), the dated line
//! (`French.xinhuanet.com | Publié le 2018-06-07 à 13:25`, `Dernière mise à
//! jour à 10h08 le 09/06`) and the byline (`Par Marie Delcas`).

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{ends_sentence, words_up_to};
use crate::dates::{find_when, is_date_only, When};
use crate::lexicon::regex;
use crate::lexicon::{entries, fold_key, rows};

/// What the date of a header line tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Published,
    Updated,
}

/// Header markers (folded) with what their date is, longest first.
pub(super) fn header_markers() -> Vec<(String, Stamp)> {
    let mut markers: Vec<(String, Stamp)> =
        rows(include_str!("../../data/article/header_markers.tsv"))
            .filter_map(|r| {
                let stamp = match *r.get(1)? {
                    "published" => Stamp::Published,
                    _ => Stamp::Updated,
                };
                Some((fold_key(r.first()?), stamp))
            })
            .collect();
    markers.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
    markers
}

pub(super) fn bylines() -> Vec<String> {
    entries(include_str!("../../data/article/bylines.txt"))
        .map(fold_key)
        .collect()
}

/// A web address standing alone: `french.xinhuanet.com`, `www.lemonde.fr`.
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/?$")
});

/// Header lines are short: a dated line has a handful of words, and some
/// hundred characters at most (text with its spaces lost is one long word).
pub const MAX_HEADER_WORDS: usize = 24;
const MAX_HEADER_BYTES: usize = 400;
pub const MAX_BYLINE_WORDS: usize = 12;

/// A dated header line: what its date tells, and the date when it gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub stamp: Stamp,
    pub when: Option<When>,
}

/// The date a header line gives: a dated header, or a date standing alone.
/// The tests it runs (`dated`, `site_and_date` and the others below) take
/// a line already known to be no longer than a header line.
pub fn header_date(lex: &super::Lexicons, line: &str) -> Option<Dated> {
    header_date_of(lex, line, words_up_to(line, MAX_HEADER_WORDS))
}

/// [`header_date`] of a line of `words` words (counted up to
/// `MAX_HEADER_WORDS + 1` at least: `lines::words_up_to`).
pub fn header_date_of(lex: &super::Lexicons, line: &str, words: usize) -> Option<Dated> {
    // Each test below is for a header line: a longer line is ruled out once.
    if longer_than_header(line, words) {
        return None;
    }
    // A date standing alone, beside a source or told as `il y a 3 heures`
    // has a digit; a dated header or site names need none.
    let digit = line.chars().any(char::is_numeric);
    dated(lex, line)
        .or_else(|| digit.then(|| date_alone(line)).flatten())
        .or_else(|| site_and_date(line))
        .or_else(|| digit.then(|| source_and_date(line)).flatten())
        .or_else(|| dated_parts(lex, line))
        .or_else(|| digit.then(|| relative(line)).flatten())
}

/// Whether `line` is a date standing alone (`12/05/2024 14:30`): a header
/// before the body, giving the publication date.
pub fn date_only(line: &str) -> Option<Dated> {
    if longer_than_header(line, words_up_to(line, MAX_HEADER_WORDS)) {
        return None;
    }
    date_alone(line)
}

/// [`date_only`] of a line known to be no longer than a header line.
fn date_alone(line: &str) -> Option<Dated> {
    is_date_only(line).then(|| Dated {
        stamp: Stamp::Published,
        when: find_when(line),
    })
}

/// A site name and a date standing apart (`French.news.cn | 2023-05-06
/// 09:02:13`): the publication date.
fn site_and_date(line: &str) -> Option<Dated> {
    if !line.contains('|') {
        return None;
    }
    let mut parts = line.split('|').map(str::trim);
    let all = parts.clone().all(|p| SITE.is_match(p) || is_date_only(p));
    (all && parts.any(|p| SITE.is_match(p))).then(|| Dated {
        stamp: Stamp::Published,
        when: find_when(line),
    })
}

/// A source name before a date, set apart by `|`, two spaces, a comma or a
/// dash: `Xinhua | 30.01.2018 08h32`, `VNA  2016-07-23 02:20:48`.
static SOURCE_THEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(\p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*){0,2})(?:\s*[|,–—-]\s*|\s{2,})(.+)$")
});

/// A source name and a date (`Xinhua | 30.01.2018 08h32`, `VNA  2016-07-23
/// 02:20:48`, also the other way round): the publication date.
fn source_and_date(line: &str) -> Option<Dated> {
    let dated = |date: &str| {
        is_date_only(date).then(|| Dated {
            stamp: Stamp::Published,
            when: find_when(date),
        })
    };
    if let Some(c) = SOURCE_THEN_DATE.captures(line) {
        let source = c.get(1).map_or("", |m| m.as_str());
        // `Lundi, 3 mai`: a weekday or month is part of the date.
        if find_when(source).is_none() && !is_date_only(&format!("{source} 1 mai")) {
            if let Some(d) = c.get(2).and_then(|m| dated(m.as_str())) {
                return Some(d);
            }
        }
    }
    // The date first, then short parts: a source, a place and the weather,
    // a reading time (`12 juin 2022 · 3 min de lecture`).
    let (date, rest) = line.split_once(" | ").or_else(|| line.split_once(" · "))?;
    let short = rest
        .split(['|', '·'])
        .all(|p| (1..=MAX_SIDE_WORDS).contains(&p.split_whitespace().count()));
    (short && find_when(rest).is_none())
        .then(|| dated(date.trim()))
        .flatten()
}

/// A date line in parts, each a date or a dated header:
/// `Le 12/03/2019 à 14:05, mis à jour le 13/03/2019 à 09:00`. The first
/// part's date and stamp.
fn dated_parts(lex: &super::Lexicons, line: &str) -> Option<Dated> {
    if line.ends_with('.') {
        return None;
    }
    let parts: Vec<&str> = line
        .split([',', '|', '•', '·'])
        .flat_map(|p| p.split(" - "))
        .map(|p| {
            p.trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .trim()
        })
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut first = None;
    for part in &parts {
        let d = dated(lex, part).or_else(|| {
            is_date_only(part).then(|| Dated {
                stamp: Stamp::Published,
                when: find_when(part),
            })
        })?;
        first = first.or(Some(d));
    }
    first
}

/// `Il y a 3 heures`, `Publié il y a 20 min`: a date line whose date the page
/// does not print.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:\p{L}+ )?il y a \d+\s*(?:min(?:utes?)?|mn|h|heures?|j|jours?|semaines?|mois)\b")
});

/// A relative date line (`Il y a 3 heures`): a date line without a date.
fn relative(line: &str) -> Option<Dated> {
    RELATIVE.is_match(line).then_some(Dated {
        stamp: Stamp::Published,
        when: None,
    })
}

/// A part beside the date in a date line has at most this many words.
const MAX_SIDE_WORDS: usize = 4;

/// Whether `line`, of `words` words, is longer than a header line.
fn longer_than_header(line: &str, words: usize) -> bool {
    line.len() > MAX_HEADER_BYTES || words > MAX_HEADER_WORDS
}

/// Whether `line` is a site name, or site names separated by `|`.
pub fn is_site_name(line: &str) -> bool {
    line.split('|').all(|part| SITE.is_match(part.trim()))
}

/// The dated header `line` is, if it is one: a header marker opening the line
/// or one of its `|`-separated parts, in a short line that is no sentence.
fn dated(lex: &super::Lexicons, line: &str) -> Option<Dated> {
    if line.ends_with('.') {
        return None;
    }
    let stamp = line.split('|').find_map(|part| {
        let part = fold_key(part.trim());
        lex.header_markers
            .iter()
            .find(|(m, _)| {
                part.strip_prefix(m.as_str())
                    .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
            })
            .map(|&(_, stamp)| stamp)
    })?;
    Some(Dated {
        stamp,
        when: find_when(line),
    })
}

/// Whether `line` is a byline: a byline word, then a capitalised name, in a
/// short line without a final full stop; `words`: its words, counted up to
/// `MAX_BYLINE_WORDS + 1` at least (`lines::words_up_to`).
pub fn is_byline(lex: &super::Lexicons, line: &str, words: usize) -> bool {
    if words > MAX_BYLINE_WORDS || ends_sentence(line) {
        return false;
    }
    let folded = fold_key(line);
    lex.bylines.iter().any(|b| {
        folded.starts_with(b.as_str())
            && line
                .char_indices()
                .nth(b.chars().count())
                .and_then(|(i, _)| line.get(i..))
                .is_some_and(|rest| {
                    rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
                })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names() {
        assert!(is_site_name("french.xinhuanet.com"));
        assert!(is_site_name("www.lemonde.fr"));
        assert!(!is_site_name("La CEI souhaite renforcer sa coopération"));
    }

    #[test]
    fn dated_headers() {
        let d = dated(
            &crate::Lexicons::builtin().article,
            "French.xinhuanet.com | Publié le 2018-06-07 à 13:25",
        );
        assert_eq!(d.map(|d| d.stamp), Some(Stamp::Published));
        assert_eq!(
            d.and_then(|d| d.when).map(|w| w.iso()).as_deref(),
            Some("2018-06-07T13:25")
        );
        let d = dated(
            &crate::Lexicons::builtin().article,
            "Dernière mise à jour à 10h08 le 09/06",
        );
        assert_eq!(d.map(|d| d.stamp), Some(Stamp::Updated));
        assert!(dated(
            &crate::Lexicons::builtin().article,
            "Mis à jour le 12/05/2024 à 14h30"
        )
        .is_some());
    }

    #[test]
    fn a_sentence_is_no_header() {
        assert_eq!(
            dated(
                &crate::Lexicons::builtin().article,
                "Publié le 3 mai, le rapport de l'ONU indique que la faim recule."
            ),
            None
        );
        assert_eq!(
            dated(&crate::Lexicons::builtin().article, "Publiée en 2019"),
            None
        );
    }

    #[test]
    fn site_name_and_date() {
        let d = site_and_date("French.news.cn | 2023-05-06 09:02:13");
        assert_eq!(
            d.and_then(|d| d.when).map(|w| w.iso()).as_deref(),
            Some("2023-05-06T09:02")
        );
        assert_eq!(site_and_date("french.news.cn"), None);
        assert_eq!(site_and_date("Chine | Economie"), None);
    }

    #[test]
    fn source_name_and_date() {
        let iso = |l: &str| source_and_date(l).and_then(|d| d.when).map(|w| w.iso());
        assert_eq!(
            iso("Agence X | 04.03.2019 17h05").as_deref(),
            Some("2019-03-04T17:05")
        );
        assert_eq!(
            iso("ANP  2019-03-04 17:05:12").as_deref(),
            Some("2019-03-04T17:05")
        );
        assert_eq!(iso("12/05/2024 | Agence X").as_deref(), Some("2024-05-12"));
        assert_eq!(
            iso("3 mars 2020 · 4 min de lecture").as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(iso("Paris | Lyon"), None);
        assert_eq!(iso("Le conseil a voté le 12/05/2024"), None);
    }

    #[test]
    fn date_lines_in_parts_and_relative_dates() {
        let lex = &crate::Lexicons::builtin().article;
        let d = dated_parts(
            lex,
            "Le 04/03/2020 à 10:05, mis à jour le 05/03/2020 à 08:00",
        );
        assert_eq!(d.map(|d| d.stamp), Some(Stamp::Published));
        assert_eq!(
            d.and_then(|d| d.when).map(|w| w.iso()).as_deref(),
            Some("2020-03-04T10:05")
        );
        assert_eq!(dated_parts(lex, "Le 04/03/2020, le maire a parlé"), None);
        assert!(relative("Il y a 3 heures").is_some_and(|d| d.when.is_none()));
        assert!(relative("Publié il y a 20 min").is_some());
        assert_eq!(relative("Il y a trois ans, la ville a voté"), None);
    }

    #[test]
    fn bylines() {
        let byline = |line: &str| {
            let lex = &crate::Lexicons::builtin().article;
            is_byline(lex, line, words_up_to(line, MAX_BYLINE_WORDS))
        };
        assert!(byline("Par Marie Delcas (Bogota, correspondante)"));
        assert!(!byline("Par ailleurs, la CEI a signé un accord."));
        assert!(!byline("Par ailleurs la CEI"));
        let long = format!("Par Marie Delcas{}", " et Jean".repeat(5));
        assert!(!byline(&long));
    }
}
