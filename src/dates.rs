//! The one grammar of French dates, shared by the page layout (date lines:
//! `Publié le 2018-06-07 à 13:25`, `Mis à jour le 1er octobre`) and the
//! entities (`7 juin`, `12/05/2024`, `13:25` in running text): month names,
//! the numeric forms, days, years and clock times, and their ISO 8601 values
//! (`2018-06-07T13:25`, or `--06-09T10:08` when the year is missing).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::lexicon::{regex, rows, WordMap, WordSet};

/// A month name or abbreviation -> (month number, whether it is an
/// abbreviation). Months are a closed class of the language, not knowledge a
/// user extends, so the grammar owns them.
static MONTHS: LazyLock<WordMap<String, (u32, bool)>> = LazyLock::new(|| {
    rows(include_str!("../data/dates/months.tsv"))
        .filter_map(|r| {
            let abbreviation = r.get(2) == Some(&"abbr");
            Some((
                r.first()?.to_lowercase(),
                (r.get(1)?.parse().ok()?, abbreviation),
            ))
        })
        .collect()
});

/// Time-zone words written after a clock time (`00h02 GMT`) -> their ISO
/// 8601 designator (`Z`).
static ZONES: LazyLock<WordMap<String, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../data/dates/zones.tsv"))
        .filter_map(|r| Some((r.first()?.to_string(), *r.get(1)?)))
        .collect()
});

/// The ISO 8601 designator of a time-zone word as written (`GMT` -> `Z`).
pub fn zone(word: &str) -> Option<&'static str> {
    ZONES.get(word).copied()
}

/// The alternation of the month names, longest first, for regexes; a name
/// ending in a letter ends a word (`oct` is no part of `octets`).
pub fn month_pattern() -> String {
    months_alternation(true)
}

/// [`month_pattern`] for a regex that has white space right after the
/// month: the space ends the word, so the names go without `\b`. A Unicode
/// word boundary keeps the regex from its fast engine on any text outside
/// ASCII (French text), and the slower one costs in proportion to the line.
pub fn month_pattern_before_space() -> String {
    months_alternation(false)
}

fn months_alternation(word_ends: bool) -> String {
    let mut names: Vec<&String> = MONTHS.keys().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| {
            if word_ends && n.ends_with(char::is_alphabetic) {
                format!(r"{}\b", regex::escape(n))
            } else {
                regex::escape(n)
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The number of a month name or abbreviation (`juin`, `janv.` -> 6, 1), any case.
pub fn month_number(name: &str) -> Option<u32> {
    MONTHS.get(&name.to_lowercase()).map(|&(n, _)| n)
}

/// The number of a month written in full (`juin`, `aout`), given in lower
/// case: in running text an abbreviation is too often something else.
pub fn full_month(key: &str) -> Option<u32> {
    MONTHS
        .get(key)
        .filter(|&&(_, abbreviation)| !abbreviation)
        .map(|&(n, _)| n)
}

/// The month names written in full, as `full_month` takes them, with their
/// number.
pub fn full_months() -> impl Iterator<Item = (&'static str, u32)> {
    MONTHS
        .iter()
        .filter(|(_, &(_, abbreviation))| !abbreviation)
        .map(|(name, &(n, _))| (name.as_str(), n))
}

/// Whether a string is ASCII digits only (and not empty).
pub fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A day of the month: `7`, `07`, `1er`.
pub fn day(s: &str) -> Option<u32> {
    let n: u32 = s.strip_suffix("er").unwrap_or(s).parse().ok()?;
    (digits(s.strip_suffix("er").unwrap_or(s)) && (1..=31).contains(&n)).then_some(n)
}

/// A plausible year: four digits from 1000 to 2199.
pub fn year(s: &str) -> Option<u32> {
    let n: u32 = s.parse().ok()?;
    (s.len() == 4 && digits(s) && (1000..2200).contains(&n)).then_some(n)
}

/// `HH:MM` from hour and minute strings (an empty minute is `00`).
pub fn clock(h: &str, m: &str) -> Option<String> {
    let h: u32 = h.parse().ok()?;
    let m: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    (h <= 23 && m <= 59).then(|| format!("{h:02}:{m:02}"))
}

/// A clock time written as one token: `13:25`, `10h08`, `20h`.
pub fn time_token(s: &str) -> Option<String> {
    let (h, m) = s.split_once(':').or_else(|| s.split_once('h'))?;
    if !digits(h) || h.len() > 2 || !(m.is_empty() || (digits(m) && m.len() == 2)) {
        return None;
    }
    clock(h, m)
}

/// The days of the week, Monday first (a closed class of the language).
const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// The day of the week of a lower-case weekday name, Monday = 0.
pub fn weekday_number(key: &str) -> Option<i64> {
    WEEKDAYS
        .iter()
        .position(|w| *w == key)
        .and_then(|i| i64::try_from(i).ok())
}

/// A civil date as a count of days since 1970-01-01 (negative before), for
/// counting days across months and years (H. Hinnant's algorithm).
pub fn day_count(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day count (the inverse of [`day_count`]).
pub fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// The day of the week of a day count, Monday = 0 (1970-01-01 was a Thursday).
pub fn weekday_of(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// The `YYYY-MM-DD` at the start of an ISO 8601 date (a publication date):
/// `2018-06-07T13:25` -> (2018, 6, 7); a date without a year gives none.
pub fn iso_day(iso: &str) -> Option<(i64, u32, u32)> {
    let y: i64 = iso.get(..4).filter(|y| digits(y))?.parse().ok()?;
    let m: u32 = iso.get(5..7).filter(|m| digits(m))?.parse().ok()?;
    let d: u32 = iso.get(8..10).filter(|d| digits(d))?.parse().ok()?;
    (iso.get(4..5) == Some("-") && iso.get(7..8) == Some("-") && date_of(None, m, d).is_some())
        .then_some((y, m, d))
}

/// `2018-06-07`.
/// `2018-06-07`, also as a timestamp `2019-03-12T14:05:00+01:00` (the clock
/// time in groups 4 and 5).
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b|\b)",
    )
});

/// `12 mai 2024`, `1er octobre`.
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(\d{{1,2}}|1er)\s+({})(?:\s+(\d{{4}}))?",
        month_pattern()
    ))
});

/// `24/02/2025`, `09/06`, `09-02-2018` (day first, as in French; with
/// dashes only with the year).
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?\b|\b(\d{1,2})-(\d{1,2})-(\d{4})\b")
});

/// `13:25`, `10h08`, `06 h 30`, `09:02:13`.
static TIME: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{1,2})\s?[:hH]\s?(\d{2})(?::\d{2})?\b"));

/// A calendar date, with a clock time when one is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct When {
    pub year: Option<u32>,
    pub month: u32,
    pub day: u32,
    pub time: Option<(u32, u32)>,
}

impl When {
    /// ISO 8601, `--MM-DD` when the year is unknown.
    pub fn iso(&self) -> String {
        let date = match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        };
        match self.time {
            Some((h, m)) => format!("{date}T{h:02}:{m:02}"),
            None => date,
        }
    }
}

/// A day and month (and year) as valid numbers.
pub fn date_of(year: Option<u32>, month: u32, day: u32) -> Option<When> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(When {
        year,
        month,
        day,
        time: None,
    })
}

/// The day of `1er` or `12`.
pub fn day_number(s: &str) -> Option<u32> {
    if s.eq_ignore_ascii_case("1er") {
        Some(1)
    } else {
        s.parse().ok()
    }
}

fn number(c: &Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

/// The first date in `line` and the clock time next to it, if any
/// (`Publié le 2018-06-07 à 13:25`, `Dernière mise à jour à 10h08 le 09/06`).
pub fn find_when(line: &str) -> Option<When> {
    let (mut when, date_span) = if let Some(c) = ISO_DATE.captures(line) {
        let mut when = date_of(number(&c, 1), number(&c, 2)?, number(&c, 3)?)?;
        if let (Some(h), Some(m)) = (number(&c, 4), number(&c, 5)) {
            if h < 24 && m < 60 {
                when.time = Some((h, m));
                return Some(when);
            }
        }
        (when, c.get(0)?.range())
    } else if let Some(c) = TEXT_DATE.captures(line) {
        let day = day_number(c.get(1)?.as_str())?;
        let month = month_number(c.get(2)?.as_str())?;
        (date_of(number(&c, 3), month, day)?, c.get(0)?.range())
    } else {
        let c = NUMERIC_DATE.captures(line)?;
        // The slashed form is groups 1-3, the dashed one 4-6.
        let g = if c.get(1).is_some() { 0 } else { 3 };
        (
            date_of(number(&c, g + 3), number(&c, g + 2)?, number(&c, g + 1)?)?,
            c.get(0)?.range(),
        )
    };
    when.time = TIME
        .captures_iter(line)
        .filter(|c| {
            c.get(0)
                .is_some_and(|m| m.end() <= date_span.start || m.start() >= date_span.end)
        })
        .find_map(|c| {
            let (h, m) = (number(&c, 1)?, number(&c, 2)?);
            (h < 24 && m < 60).then_some((h, m))
        });
    Some(when)
}

/// Weekday names and the small words around a date in a header.
const FILLER_WORDS: [&str; 15] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "le", "à", "a",
    "heure", "heures", "gmt", "utc", "maj",
];

/// The filler words, and the separators between the parts of a date line.
static DATE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:{})\b|[\s,|/:.–—()-]",
        FILLER_WORDS.join("|")
    ))
});

/// The words, in lower case, that a date standing alone can be made of: the
/// filler words, the month names (abbreviations without their full stop),
/// `er` (`1er`) and the letters of ISO dates and clock times (`T`, `Z`,
/// `14h30`).
static DATE_LINE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let months = MONTHS
        .keys()
        .flat_map(|m| m.split(|c: char| !c.is_alphabetic()));
    FILLER_WORDS
        .into_iter()
        .chain(months)
        .chain(["er", "t", "z", "h"])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
});

/// Whether `line` has a word of ASCII letters that no date line is made of
/// (see `DATE_LINE_WORDS`): such a line is no date standing alone, and
/// telling so costs less than the patterns, which read the line with a slow
/// engine when it holds a letter outside ASCII (their word boundaries are
/// Unicode ones).
fn has_other_word(line: &str) -> bool {
    let mut key = String::new();
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.is_ascii())
        .any(|w| {
            key.clear();
            key.push_str(w);
            key.make_ascii_lowercase();
            !DATE_LINE_WORDS.contains(key.as_str())
        })
}

/// Whether `line` is a date (and time) standing alone: `12/05/2024 14:30`,
/// `Lundi 12 mai 2024 - 14h30`.
pub fn is_date_only(line: &str) -> bool {
    // Every date pattern has a digit, and a date line no other words: most
    // lines are ruled out before the (costlier) patterns run.
    if !line.chars().any(char::is_numeric) || has_other_word(line) {
        return false;
    }
    let Some(date) = ISO_DATE
        .find(line)
        .or_else(|| TEXT_DATE.find(line))
        .or_else(|| NUMERIC_DATE.find(line))
    else {
        return false;
    };
    let rest = format!(
        "{} {}",
        line.get(..date.start()).unwrap_or(""),
        line.get(date.end()..).unwrap_or("")
    );
    let rest = TIME.replace_all(&rest, " ");
    DATE_FILLER.replace_all(&rest, "").is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_cross_months_years_and_leap_days() {
        assert_eq!(day_count(1970, 1, 1), 0);
        assert_eq!(civil_date(day_count(2024, 2, 28) + 1), (2024, 2, 29));
        assert_eq!(civil_date(day_count(2023, 12, 31) + 1), (2024, 1, 1));
        assert_eq!(civil_date(day_count(2100, 3, 1) - 1), (2100, 2, 28));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        for days in [-800_000, -1, 0, 59, 11_016, 20_000, 1_000_000] {
            let (y, m, d) = civil_date(days);
            assert_eq!(day_count(y, m, d), days);
        }
    }

    #[test]
    fn weekdays_of_known_dates() {
        // 14 July 1789 was a Tuesday; 1 January 2000 a Saturday.
        assert_eq!(weekday_of(day_count(1789, 7, 14)), 1);
        assert_eq!(weekday_of(day_count(2000, 1, 1)), 5);
        assert_eq!(weekday_number("samedi"), Some(5));
        assert_eq!(weekday_number("samedis"), None);
    }

    #[test]
    fn publication_days() {
        assert_eq!(iso_day("2018-06-07T13:25"), Some((2018, 6, 7)));
        assert_eq!(iso_day("2012-06-22"), Some((2012, 6, 22)));
        assert_eq!(iso_day("--06-09T10:08"), None);
        assert_eq!(iso_day("2018"), None);
        assert_eq!(iso_day("2018-13-01"), None);
    }

    fn iso(line: &str) -> Option<String> {
        find_when(line).map(|w| w.iso())
    }

    #[test]
    fn iso_header_with_time() {
        assert_eq!(
            iso("French.xinhuanet.com | Publié le 2018-06-07 à 13:25").as_deref(),
            Some("2018-06-07T13:25")
        );
    }

    #[test]
    fn day_month_without_year() {
        assert_eq!(
            iso("Dernière mise à jour à 10h08 le 09/06").as_deref(),
            Some("--06-09T10:08")
        );
    }

    #[test]
    fn numeric_date_with_year() {
        assert_eq!(
            iso("Publié le 24/02/2025 à 07h15").as_deref(),
            Some("2025-02-24T07:15")
        );
    }

    #[test]
    fn written_month() {
        assert_eq!(
            iso("Publié le 18 mars 2024 à 06h30").as_deref(),
            Some("2024-03-18T06:30")
        );
        assert_eq!(iso("Mis à jour le 1er octobre").as_deref(), Some("--10-01"));
    }

    #[test]
    fn dates_standing_alone() {
        assert!(is_date_only("12/05/2024 14:30"));
        assert!(is_date_only("Lundi 12 mai 2024 - 14h30"));
        assert!(is_date_only("2018-06-07 13:25 GMT"));
        assert!(!is_date_only(
            "Le 4 juillet 2024, Astana a accueilli le sommet"
        ));
        assert!(!is_date_only("12 mai 2024 : la grève"));
        // Words in capitals, a month's abbreviation and `1er` are date words.
        assert!(is_date_only("VENDREDI 1ER MARS 2024 À 9H05"));
        assert!(is_date_only("3 févr. 2024, 18h00"));
        assert!(is_date_only("3 sept. 2024 | 18:00 UTC"));
    }

    #[test]
    fn only_words_of_dates_make_a_date_line() {
        assert!(!has_other_word("Lundi 12 mai 2024 - 14h30 GMT"));
        assert!(!has_other_word("2021-11-05T08:40:00Z, 1er octobre"));
        assert!(has_other_word("12 mai 2024 Paris"));
        assert!(has_other_word("Le 12 mai, 3 personnes"));
        // A word with a letter outside ASCII is left to the patterns.
        assert!(!has_other_word("12 décembre, août, Été"));
    }

    #[test]
    fn iso_timestamp() {
        assert_eq!(
            iso("Publié le 2021-11-05T08:40:00+01:00").as_deref(),
            Some("2021-11-05T08:40")
        );
        assert!(is_date_only("2021-11-05T08:40:00Z"));
        assert!(is_date_only("5 novembre 2021 à 08:40 (MAJ 09:15)"));
    }

    #[test]
    fn dashed_numeric_date() {
        assert_eq!(
            iso("Mis à jour le 03-11-2017").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(iso("score final 3-1"), None);
    }

    #[test]
    fn abbreviated_month_without_dot() {
        assert_eq!(iso("Rabat, 4 sept (MAP)").as_deref(), Some("--09-04"));
        assert_eq!(iso("12 octets"), None);
    }

    #[test]
    fn no_date() {
        assert_eq!(iso("Publié hier"), None);
    }
}
