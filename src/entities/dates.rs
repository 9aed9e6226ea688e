//! Dates and clock times in French forms, with ISO 8601 values.
//!
//! Numeric forms (`2018-06-07`, `09/06`, `24/02/2025`, `2025-2027`, `13:25`,
//! `10h08`, `21 h 30`), day and month (`7 juin`, `1er avril`, `12 avril
//! 2005`), month and year (`octobre 2007`), a bare month (`janvier`), years in
//! year contexts (`en 1991`), weekdays (`jeudi`, `samedi et dimanche`) and
//! relative expressions (`mars dernier`, `l'an dernier`, `ce week-end`).
//! A date without a year takes the publication year; without that it is
//! written `--MM-DD`. Relative dates get no value.

use super::Context;
use super::{Candidate, Tier};
use crate::dates::{clock, day, digits, full_month, time_token, year};
use crate::model::Label;
use crate::model::Span;
use crate::model::TokenKind;
use crate::text::{all_caps, capitalised};

/// Every candidate of this module is numeric or a closed word list, so it
/// outranks any name reading of the same words.
const RANK: u8 = 8;

/// A month name (lower case, or all capitals in a headline).
fn month(cx: &Context, i: usize) -> Option<u32> {
    let word = cx.word(i);
    if capitalised(word) && !all_caps(word) {
        return None;
    }
    full_month(cx.key(i).as_ref())
}

struct Dater<'a> {
    year: Option<&'a str>,
}

impl Dater<'_> {
    /// A month and day, completed with the publication year when the text
    /// gives none.
    fn day_value(&self, y: Option<u32>, m: u32, d: u32) -> String {
        match (y, self.year) {
            (Some(y), _) => format!("{y:04}-{m:02}-{d:02}"),
            (None, Some(p)) => format!("{p}-{m:02}-{d:02}"),
            (None, None) => format!("--{m:02}-{d:02}"),
        }
    }
}

/// A numeric date token: ISO, `dd/mm`, `dd/mm/yyyy`, or a range of years.
fn numeric_date(dater: &Dater, s: &str) -> Option<Option<String>> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    match parts.as_slice() {
        [y, m, d] if s.contains('-') && y.len() == 4 => {
            let (y, m, d) = (year(y)?, m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
            ((1..=12).contains(&m) && (1..=31).contains(&d))
                .then(|| Some(format!("{y:04}-{m:02}-{d:02}")))
        }
        [d, m, y] if s.contains('/') => {
            let (d, m, y) = (day(d)?, m.parse::<u32>().ok()?, year(y)?);
            (1..=12)
                .contains(&m)
                .then(|| Some(dater.day_value(Some(y), m, d)))
        }
        [d, m] if s.contains('/') && d.len() <= 2 && m.len() <= 2 => {
            let (d, m) = (day(d)?, m.parse::<u32>().ok()?);
            (1..=12)
                .contains(&m)
                .then(|| Some(dater.day_value(None, m, d)))
        }
        [a, b] if s.contains('-') => {
            let (a, b) = (year(a)?, year(b)?);
            (a < b && b - a < 100).then_some(None)
        }
        _ => None,
    }
}

pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let dater = Dater { year: cx.year };
    let w = &cx.lex.words;
    let mut i = 0;
    while i < cx.tokens.len() {
        let matched = date_at(cx, &dater, i);
        if let Some((last, label, value)) = matched {
            if let (Some(a), Some(b)) = (cx.tokens.get(i), cx.tokens.get(last)) {
                let mut c = Candidate::new(Span::new(a.start, b.end), label, Tier::Strong, RANK);
                c.value = value;
                out.push(c);
            }
            i = last + 1;
            continue;
        }
        // Relative expressions from the list.
        let key = cx.key(i);
        if !w.relative_date_starts.contains(key.as_ref()) {
            i += 1;
            continue;
        }
        let phrase = w
            .relative_dates
            .iter()
            .filter(|p| p.first().is_some_and(|f| *f == key))
            .filter(|p| {
                (1..p.len())
                    .all(|k| cx.joined(i + k - 1) && p.get(k).is_some_and(|x| *x == cx.key(i + k)))
            })
            .map(Vec::len)
            .max();
        if let Some(n) = phrase {
            if let (Some(a), Some(b)) = (cx.tokens.get(i), cx.tokens.get(i + n - 1)) {
                out.push(Candidate::new(
                    Span::new(a.start, b.end),
                    Label::Date,
                    Tier::Strong,
                    RANK,
                ));
            }
            i += n;
            continue;
        }
        i += 1;
    }
}

/// The date or time starting at token `i`: its last token, label and value.
fn date_at(cx: &Context, dater: &Dater, i: usize) -> Option<(usize, Label, Option<String>)> {
    let w = &cx.lex.words;
    let word = cx.word(i);
    let next_joined = |k: usize| cx.joined(k);
    if cx.kind(i) == Some(TokenKind::Number) {
        if let Some(v) = time_token(word) {
            return Some((i, Label::Time, Some(v)));
        }
        if let Some(v) = numeric_date(dater, word) {
            return Some((i, Label::Date, v));
        }
        // 21 h 30
        if digits(word) && word.len() <= 2 && next_joined(i) && cx.word(i + 1) == "h" {
            let minutes =
                if next_joined(i + 1) && digits(cx.word(i + 2)) && cx.word(i + 2).len() == 2 {
                    Some(cx.word(i + 2))
                } else {
                    None
                };
            let v = clock(word, minutes.unwrap_or(""))?;
            return Some((
                i + if minutes.is_some() { 2 } else { 1 },
                Label::Time,
                Some(v),
            ));
        }
        if let Some(d) = day(word) {
            // Two days of one month (`les 3 et 4 juillet 2024`, `du 3 au 5
            // mai`): one date, no single value.
            if next_joined(i)
                && matches!(cx.key(i + 1).as_ref(), "et" | "au")
                && next_joined(i + 1)
                && day(cx.word(i + 2)).is_some()
                && next_joined(i + 2)
                && month(cx, i + 3).is_some()
            {
                let with_year = next_joined(i + 3) && year(cx.word(i + 4)).is_some();
                return Some((i + if with_year { 4 } else { 3 }, Label::Date, None));
            }
            if next_joined(i) {
                if let Some(m) = month(cx, i + 1) {
                    let y = if next_joined(i + 1) {
                        year(cx.word(i + 2))
                    } else {
                        None
                    };
                    let last = if y.is_some() { i + 2 } else { i + 1 };
                    return Some((last, Label::Date, Some(dater.day_value(y, m, d))));
                }
            }
        }
        if let Some(y) = year(word) {
            let prev = i.checked_sub(1).filter(|&p| cx.joined(p));
            let context =
                prev.is_some_and(|p| cx.lex.words.year_contexts.contains(cx.key(p).as_ref()));
            let amount_after = next_joined(i)
                && (w.currencies.contains_key(cx.key(i + 1).as_ref())
                    || w.multipliers.contains_key(cx.key(i + 1).as_ref()));
            if context && !amount_after {
                return Some((i, Label::Date, Some(format!("{y:04}"))));
            }
        }
        return None;
    }
    if let Some(m) = month(cx, i) {
        if next_joined(i) {
            if let Some(y) = year(cx.word(i + 1)) {
                return Some((i + 1, Label::Date, Some(format!("{y:04}-{m:02}"))));
            }
            if w.modifiers.contains(cx.key(i + 1).as_ref()) {
                return Some((i + 1, Label::Date, None));
            }
        }
        if capitalised(word) {
            return None;
        }
        return Some((i, Label::Date, dater.year.map(|y| format!("{y}-{m:02}"))));
    }
    if w.weekdays.contains(cx.key(i).as_ref()) {
        // A weekday before a full date belongs to it (jeudi 7 juin).
        if next_joined(i) {
            if let Some((last, Label::Date, value)) =
                day(cx.word(i + 1)).and_then(|_| date_at(cx, dater, i + 1))
            {
                return Some((last, Label::Date, value));
            }
            if w.modifiers.contains(cx.key(i + 1).as_ref()) {
                return Some((i + 1, Label::Date, None));
            }
            if cx.key(i + 1) == "et"
                && next_joined(i + 1)
                && w.weekdays.contains(cx.key(i + 2).as_ref())
            {
                return Some((i + 2, Label::Date, None));
            }
        }
        return Some((i, Label::Date, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::entity;

    fn date(
        text: &str,
        published: Option<&str>,
        surface: &str,
    ) -> Option<(String, Option<String>)> {
        entity(text, published, surface).map(|e| (e.label.as_str().to_string(), e.value))
    }

    fn value(text: &str, published: Option<&str>, surface: &str) -> Option<String> {
        date(text, published, surface).and_then(|(_, v)| v)
    }

    #[test]
    fn day_month_takes_the_publication_year() {
        let text = "MOSCOU, 7 juin (Xinhua) --";
        assert_eq!(
            value(text, Some("2018-06-07T13:25"), "7 juin").as_deref(),
            Some("2018-06-07")
        );
        assert_eq!(
            value(text, Some("--06-07T10:08"), "7 juin").as_deref(),
            Some("--06-07")
        );
        assert_eq!(value(text, None, "7 juin").as_deref(), Some("--06-07"));
    }

    #[test]
    fn full_dates_and_article_outside() {
        let text = "signé le 12 avril 2005 et le 1er avril.";
        assert_eq!(
            value(text, None, "12 avril 2005").as_deref(),
            Some("2005-04-12")
        );
        assert_eq!(
            value(text, Some("2024"), "1er avril").as_deref(),
            Some("2024-04-01")
        );
    }

    #[test]
    fn numeric_forms() {
        let text = "Publié le 2018-06-07 à 13:25, mis à jour 09/06 10h08 et 24/02/2025 à 21 h 30";
        assert_eq!(
            value(text, None, "2018-06-07").as_deref(),
            Some("2018-06-07")
        );
        assert_eq!(value(text, None, "13:25").as_deref(), Some("13:25"));
        assert_eq!(value(text, None, "09/06").as_deref(), Some("--06-09"));
        assert_eq!(value(text, None, "10h08").as_deref(), Some("10:08"));
        assert_eq!(
            value(text, None, "24/02/2025").as_deref(),
            Some("2025-02-24")
        );
        assert_eq!(value(text, None, "21 h 30").as_deref(), Some("21:30"));
    }

    #[test]
    fn month_year_and_years() {
        let text = "en octobre 2007, créée en 1991, le plan 2025-2027 coûte 2030 euros";
        assert_eq!(
            value(text, None, "octobre 2007").as_deref(),
            Some("2007-10")
        );
        assert_eq!(value(text, None, "1991").as_deref(), Some("1991"));
        assert_eq!(
            date(text, None, "2025-2027"),
            Some(("DATE".to_string(), None))
        );
        assert_eq!(date(text, None, "2030"), None);
    }

    #[test]
    fn relative_dates_have_no_value() {
        let text = "samedi et dimanche, ce week-end, l'an dernier, en mars dernier, jeudi";
        for s in [
            "samedi et dimanche",
            "ce week-end",
            "l'an dernier",
            "mars dernier",
            "jeudi",
        ] {
            assert_eq!(
                date(text, Some("2018-06-07"), s),
                Some(("DATE".to_string(), None)),
                "{s}"
            );
        }
    }

    #[test]
    fn two_days_of_a_month_are_one_date() {
        let text = "le sommet des 3 et 4 juillet 2024 puis du 10 au 12 mai";
        for s in ["3 et 4 juillet 2024", "10 au 12 mai"] {
            assert_eq!(
                date(text, Some("2024-03-18"), s),
                Some(("DATE".to_string(), None)),
                "{s}"
            );
        }
    }

    #[test]
    fn bare_month_takes_the_year_when_known() {
        let text = "depuis janvier, les prix";
        assert_eq!(
            value(text, Some("2024-03-18"), "janvier").as_deref(),
            Some("2024-01")
        );
        assert_eq!(
            date(text, None, "janvier"),
            Some(("DATE".to_string(), None))
        );
    }
}
