//! Dates and clock times in French forms, with ISO 8601 values.
//!
//! Numeric forms (`2018-06-07`, `09/06`, `24/02/2025`, `2025-2027`, `13:25`,
//! `10h08`, `21 h 30`), day and month (`7 juin`, `1er avril`, `12 avril
//! 2005`), month and year (`octobre 2007`), a bare month (`janvier`), years in
//! year contexts (`en 1991`), weekdays (`jeudi`, `samedi et dimanche`) and
//! relative expressions (`mars dernier`, `l'an dernier`, `ce week-end`).
//! A date without a year takes the publication year; without that it is
//! written `--MM-DD`. Relative dates get no value.
//!
//! Around a core date, the words GUIDELINES "Settled cases" keep with it: a
//! determiner and a modifier (`ce samedi`, `6 novembre dernier`, `hier
//! soir`), a prefix (`fin juillet`, `début de 2012`, `mi-juin`, `mois de
//! mai`), the other end of a range (`28 mai au 3 juin 2018`, `janvier à
//! mai`, `21, 22 et 23 novembre`), the zone of a clock time (`00h02 GMT`:
//! `00:02Z`). Ranges and relative dates get no value; photo counters alone
//! on their line (`1/4`) are no dates.

use super::words::Class;
use super::words::DateWord;
use super::Context;
use super::{Candidate, Tier};
use crate::dates::{
    civil_date, clock, day, day_count, digits, full_month, iso_day, time_token, weekday_number,
    weekday_of, year, zone,
};
use crate::model::Label;
use crate::model::Span;
use crate::model::TokenKind;

/// Every candidate of this module is numeric or a closed word list, so it
/// outranks any name reading of the same words.
const RANK: u8 = 8;

/// A month name (lower case, or all capitals in a headline).
fn month(cx: &Context, i: usize) -> Option<u32> {
    // The list first: the case tests read the word, most tokens are no month.
    let month = cx.full_month(i)?;
    if cx.capitalised(i) && !cx.all_caps(i) {
        return None;
    }
    Some(month)
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

/// Whether token `i` may start a date: a number, or a word of one of the
/// lists `date_at` and `relative_start` read (a clock word, a weekday, a
/// month, a word of relative dates) or with a hyphen (`mi-juin`). Neither
/// finds anything at another token: most tokens are ruled out at once.
fn may_start_date(cx: &Context, i: usize) -> bool {
    if cx.kind(i) == Some(TokenKind::Number) || cx.hyphenated(i) {
        return true;
    }
    let classes = cx.classes(i);
    classes.is(Class::ClockWord)
        || classes.is(Class::Weekday)
        || classes.is(Class::RelativeDateStart)
        || classes.full_month.is_some()
        || classes.date_word.is_some()
}

pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let dater = Dater { year: cx.year };
    let w = &cx.lex.words;
    let mut i = 0;
    while i < cx.tokens.len() {
        if !may_start_date(cx, i) {
            i += 1;
            continue;
        }
        let matched = date_at(cx, &dater, i)
            .or_else(|| relative_start(cx, i).map(|last| (last, Label::Date, None)));
        if let Some((last, label, value)) = matched {
            let (first, last, value) = around(cx, &dater, i, last, label, value);
            let value = match label {
                Label::Date => anchored(cx, first, last, value),
                _ => value,
            };
            if let (Some(a), Some(b)) = (cx.tokens.get(first), cx.tokens.get(last)) {
                let mut c =
                    Candidate::new(Span::new(a.start(), b.end()), label, Tier::Strong, RANK);
                c.value = value.map(String::into_boxed_str);
                out.push(c);
            }
            i = last + 1;
            continue;
        }
        // Relative expressions from the list.
        if !cx.is(i, Class::RelativeDateStart) {
            i += 1;
            continue;
        }
        let key = cx.key(i);
        let phrase = w
            .relative_dates
            .get(key.as_ref())
            .into_iter()
            .flatten()
            .filter(|p| {
                (1..p.len())
                    .all(|k| cx.joined(i + k - 1) && p.get(k).is_some_and(|x| *x == cx.key(i + k)))
            })
            .map(Vec::len)
            .max();
        if let Some(n) = phrase {
            if let (Some(a), Some(b)) = (cx.tokens.get(i), cx.tokens.get(i + n - 1)) {
                let mut c = Candidate::new(
                    Span::new(a.start(), b.end()),
                    Label::Date,
                    Tier::Strong,
                    RANK,
                );
                c.value = anchored(cx, i, i + n - 1, None).map(String::into_boxed_str);
                out.push(c);
            }
            i += n;
            continue;
        }
        i += 1;
    }
}

/// The value of a date relative to the day of publication, when the article
/// prints that day with its year: `hier` is the day before, `ce soir` the day
/// itself, a weekday the nearest such day (`lundi prochain` the next one,
/// `lundi dernier` the one before), `mai dernier` the last May before,
/// `6 novembre dernier` the last 6 November, `l'an dernier` the year before.
/// Ranges (`samedi et dimanche`), weeks and seasons keep no value.
fn anchored(cx: &Context, first: usize, last: usize, value: Option<String>) -> Option<String> {
    let Some((year, month, day)) = cx.published.and_then(iso_day) else {
        return value;
    };
    let today = day_count(year, month, day);
    let keys: Vec<String> = (first..=last).map(|k| cx.key(k).into_owned()).collect();
    let mut words: &[String] = &keys;
    // `ce`, `cette`, `l'`: the day, the year of the article.
    let mut this = false;
    while let Some((w, rest)) = words.split_first() {
        match w.as_str() {
            "ce" | "cet" | "cette" => this = true,
            "le" | "la" | "l'" => {}
            _ => break,
        }
        words = rest;
    }
    let direction = match words.last().map(String::as_str) {
        Some("dernier" | "dernière" | "passé" | "passée") => Some(-1),
        Some("prochain" | "prochaine") => Some(1),
        _ => None,
    };
    if direction.is_some() {
        words = words.split_last().map_or(words, |(_, rest)| rest);
    }
    while words.last().is_some_and(|w| is_part_of_day(w)) {
        words = words.split_last().map_or(words, |(_, rest)| rest);
    }
    let day_value = |days: i64| {
        let (y, m, d) = civil_date(days);
        Some(format!("{y:04}-{m:02}-{d:02}"))
    };
    match words {
        // The core date already has its value: a past or coming one moves to
        // the year that makes it so.
        _ if value.is_some() => match (value.as_deref().and_then(month_and_day), direction) {
            (Some((m, Some(d))), Some(-1)) if (m, d) > (month, day) => shifted(value, -1),
            (Some((m, Some(d))), Some(1)) if (m, d) < (month, day) => shifted(value, 1),
            (Some((m, None)), Some(-1)) if m >= month => shifted(value, -1),
            (Some((m, None)), Some(1)) if m <= month => shifted(value, 1),
            _ => value,
        },
        [] if this => day_value(today),
        [w] => match w.as_str() {
            "hier" => day_value(today - 1),
            "avant-hier" => day_value(today - 2),
            "demain" => day_value(today + 1),
            "après-demain" => day_value(today + 2),
            "an" | "année" => match direction {
                Some(step) => Some(format!("{:04}", year + step)),
                None if this => Some(format!("{year:04}")),
                None => None,
            },
            _ => {
                if let Some(wanted) = weekday_number(w) {
                    let now = weekday_of(today);
                    let ahead = (wanted - now).rem_euclid(7);
                    let offset = match direction {
                        Some(1) => {
                            if ahead == 0 {
                                7
                            } else {
                                ahead
                            }
                        }
                        Some(_) => {
                            if ahead == 0 {
                                -7
                            } else {
                                ahead - 7
                            }
                        }
                        None if ahead > 3 => ahead - 7,
                        None => ahead,
                    };
                    day_value(today + offset)
                } else {
                    let m = full_month(w)?;
                    let y = match direction? {
                        -1 if m >= month => year - 1,
                        1 if m <= month => year + 1,
                        _ => year,
                    };
                    Some(format!("{y:04}-{m:02}"))
                }
            }
        },
        // `hier mardi`: the day before, whatever weekday follows.
        [h, w] if h == "hier" && weekday_number(w).is_some() => day_value(today - 1),
        _ => None,
    }
}

/// `matin`, `soir`, `après-midi`, `nuit` and the like.
fn is_part_of_day(key: &str) -> bool {
    matches!(
        key,
        "matin" | "soir" | "après-midi" | "midi" | "soirée" | "matinée" | "nuit"
    )
}

/// The month and (when given) day of a `YYYY-MM-DD` or `YYYY-MM` value.
fn month_and_day(value: &str) -> Option<(u32, Option<u32>)> {
    if let Some((_, m, d)) = iso_day(value) {
        return Some((m, Some(d)));
    }
    let month = value.get(5..7).filter(|m| digits(m) && value.len() == 7)?;
    Some((month.parse().ok()?, None))
}

/// A `YYYY-MM-DD` or `YYYY-MM` value moved by `years`.
fn shifted(value: Option<String>, years: i64) -> Option<String> {
    let value = value?;
    let year: i64 = value.get(..4)?.parse().ok()?;
    Some(format!("{:04}{}", year + years, value.get(4..)?))
}

fn date_word(cx: &Context, i: usize) -> Option<DateWord> {
    cx.date_word(i)
}

/// Whether token `i` is a day of the week (or a day named from today).
fn weekday_like(cx: &Context, i: usize) -> bool {
    cx.is(i, Class::Weekday) || date_word(cx, i) == Some(DateWord::Day)
}

/// Whether the token before `i` is on its line and a clock-time preposition
/// (`à 19 heures`, `vers midi`): without one, `3 h 30` is a duration.
fn at_clock(cx: &Context, i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| cx.joined(p) && date_word(cx, p) == Some(DateWord::At))
}

/// The last token of a date that none of the core forms starts: `hier`,
/// `ce matin`, `cette nuit`, `mi-juin`, `printemps 2012`, `premier semestre
/// 2012`.
fn relative_start(cx: &Context, i: usize) -> Option<usize> {
    let kind = date_word(cx, i)?;
    let next = |k: usize| cx.joined(k).then(|| date_word(cx, k + 1)).flatten();
    let year_after = |k: usize| cx.joined(k) && year(cx.word(k + 1)).is_some();
    if cx.capitalised(i) && !cx.all_caps(i) && kind != DateWord::Day {
        // Only `Hier` opens a sentence as a date; `Ce`, `Fin` capitalised
        // are taken up by `around` before a core date.
        if kind != DateWord::This {
            return None;
        }
    }
    match kind {
        DateWord::Day => Some(i),
        DateWord::This if next(i) == Some(DateWord::Part) => Some(i + 1),
        DateWord::Season if year_after(i) => Some(i + 1),
        DateWord::Ordinal if next(i) == Some(DateWord::Period) && year_after(i + 1) => Some(i + 2),
        _ => None,
    }
}

/// The first and last tokens and the value of the date `i..=last` with the
/// words around it that belong to it.
fn around(
    cx: &Context,
    dater: &Dater,
    i: usize,
    last: usize,
    label: Label,
    value: Option<String>,
) -> (usize, usize, Option<String>) {
    if label == Label::Time {
        if cx.joined(last) {
            if let (Some(z), Some(v)) = (zone(cx.word(last + 1)), value.as_ref()) {
                return (i, last + 1, Some(format!("{v}{z}")));
            }
        }
        return (i, last, value);
    }
    if label != Label::Date {
        return (i, last, value);
    }
    let (mut first, mut last, mut value) = (i, last, value);
    let before_at = |k: usize, n: usize| k.checked_sub(n).filter(|&p| (p..k).all(|q| cx.joined(q)));
    let before = |k: usize, n: usize| before_at(k, n).map(|p| cx.key(p));
    let weekday = weekday_like(cx, i);
    // The other end of a range: `au 3 juin 2018`, `à mai`, `à samedi`.
    if cx.joined(last) && matches!(cx.key(last + 1).as_ref(), "au" | "à") && cx.joined(last + 1) {
        let other = date_at(cx, dater, last + 2).filter(|&(_, l, _)| l == Label::Date);
        let same_kind = weekday == weekday_like(cx, last + 2);
        if let (Some((end, ..)), true) = (other, same_kind) {
            last = end;
            value = None;
        }
    }
    // `entre le 13 octobre et le 20 janvier`.
    if before(first, 2).is_some_and(|k| k == "entre")
        && cx.joined(last)
        && cx.key(last + 1) == "et"
        && cx.joined(last + 1)
        && matches!(cx.key(last + 2).as_ref(), "le" | "l'")
        && cx.joined(last + 2)
    {
        if let Some((end, Label::Date, _)) = date_at(cx, dater, last + 3) {
            last = end;
            value = None;
        }
    }
    // A modifier, a part of the day: `6 novembre dernier`, `lundi soir`.
    if cx.joined(last) && cx.is(last + 1, Class::Modifier) {
        last += 1;
    }
    if weekday_like(cx, last) && cx.joined(last) && date_word(cx, last + 1) == Some(DateWord::Part)
    {
        last += 1;
        value = None;
    }
    // Before: `ce samedi`, `hier mardi`, `fin juillet`, `début de 2012`,
    // `mois de mai`, `la nuit de vendredi à samedi`.
    let kind_before = |n: usize| before_at(first, n).and_then(|p| cx.date_word(p));
    let day_before = weekday && matches!(kind_before(1), Some(DateWord::This | DateWord::Day));
    if day_before || kind_before(1) == Some(DateWord::Prefix) {
        first -= 1;
        value = None;
    } else if before(first, 1).is_some_and(|k| matches!(k.as_ref(), "de" | "d'" | "du")) {
        let two = before(first, 2);
        if kind_before(2) == Some(DateWord::Prefix) {
            first -= 2;
            value = None;
        } else if two.as_deref() == Some("mois") && month(cx, first).is_some() {
            first -= 2;
        } else if weekday && two.as_deref() == Some("nuit") {
            first -= if before(first, 3).as_deref() == Some("la") {
                3
            } else {
                2
            };
            value = None;
        }
    }
    (first, last, value)
}

/// The date or time starting at token `i`: its last token, label and value.
fn date_at(cx: &Context, dater: &Dater, i: usize) -> Option<(usize, Label, Option<String>)> {
    let w = &cx.lex.words;
    let word = cx.word(i);
    let next_joined = |k: usize| cx.joined(k);
    if cx.kind(i) == Some(TokenKind::Number) {
        // A photo counter alone on its line (`1/4`) is no date.
        if word.contains('/') && word.len() <= 5 && cx.line_start(i) && !next_joined(i) {
            return None;
        }
        if let Some(v) = time_token(word) {
            return Some((i, Label::Time, Some(v)));
        }
        if let Some(v) = numeric_date(dater, word) {
            return Some((i, Label::Date, v));
        }
        // 19 heures, 19 heures 30, after a clock preposition.
        if digits(word)
            && word.len() <= 2
            && next_joined(i)
            && matches!(cx.key(i + 1).as_ref(), "heures" | "heure")
            && at_clock(cx, i)
        {
            let minutes =
                (next_joined(i + 1) && digits(cx.word(i + 2)) && cx.word(i + 2).len() == 2)
                    .then(|| cx.word(i + 2));
            let v = clock(word, minutes.unwrap_or(""))?;
            return Some((
                i + if minutes.is_some() { 2 } else { 1 },
                Label::Time,
                Some(v),
            ));
        }
        // 21 h 30
        if digits(word)
            && word.len() <= 2
            && next_joined(i)
            && cx.word(i + 1) == "h"
            && at_clock(cx, i)
        {
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
            // Days of one month (`les 3 et 4 juillet 2024`, `du 3 au 5 mai`,
            // `les 4, 5 et 7 août`): one date, no single value.
            let mut k = i;
            while next_joined(k)
                && cx.word(k + 1) == ","
                && next_joined(k + 1)
                && day(cx.word(k + 2)).is_some()
            {
                k += 2;
            }
            if next_joined(k)
                && matches!(cx.key(k + 1).as_ref(), "et" | "au")
                && next_joined(k + 1)
                && day(cx.word(k + 2)).is_some()
                && next_joined(k + 2)
                && month(cx, k + 3).is_some()
            {
                let with_year = next_joined(k + 3) && year(cx.word(k + 4)).is_some();
                return Some((k + if with_year { 4 } else { 3 }, Label::Date, None));
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
            let context = prev.is_some_and(|p| cx.is(p, Class::YearContext));
            let amount_after = next_joined(i)
                && (cx.is(i + 1, Class::Currency) || cx.is(i + 1, Class::Multiplier));
            if context && !amount_after {
                return Some((i, Label::Date, Some(format!("{y:04}"))));
            }
        }
        return None;
    }
    let clock_word = cx.is(i, Class::ClockWord);
    if let Some(v) = clock_word
        .then(|| w.clock_words.get(cx.key(i).as_ref()))
        .flatten()
    {
        if !cx.capitalised(i) && at_clock(cx, i) {
            return Some((i, Label::Time, Some((*v).to_string())));
        }
    }
    // `mi-juin`: a prefix glued to a month.
    if cx.hyphenated(i) {
        let key = cx.key(i);
        // A byte search: `split_once` on a char costs more on short keys.
        let hyphen = key.bytes().position(|b| b == b'-');
        if let Some((prefix, rest)) = hyphen.and_then(|h| Some((key.get(..h)?, key.get(h + 1..)?)))
        {
            let prefixed = w.date_words.get(prefix) == Some(&DateWord::Prefix);
            if prefixed && full_month(rest).is_some() && !cx.capitalised(i) {
                return Some((i, Label::Date, None));
            }
        }
    }
    if let Some(m) = month(cx, i) {
        if next_joined(i) {
            if let Some(y) = year(cx.word(i + 1)) {
                return Some((i + 1, Label::Date, Some(format!("{y:04}-{m:02}"))));
            }
            if cx.is(i + 1, Class::Modifier) {
                return Some((i + 1, Label::Date, None));
            }
        }
        if cx.capitalised(i) {
            return None;
        }
        return Some((i, Label::Date, dater.year.map(|y| format!("{y}-{m:02}"))));
    }
    if cx.is(i, Class::Weekday) {
        // A weekday before a full date belongs to it (jeudi 7 juin).
        if next_joined(i) {
            if let Some((last, Label::Date, value)) =
                day(cx.word(i + 1)).and_then(|_| date_at(cx, dater, i + 1))
            {
                return Some((last, Label::Date, value));
            }
            if cx.is(i + 1, Class::Modifier) {
                return Some((i + 1, Label::Date, None));
            }
            // `le lundi 6`: a weekday and the day of the month, unless a
            // noun counts with the number (`lundi 6 blessés`).
            let counted = next_joined(i + 1)
                && cx.is_word(i + 2)
                && !cx.capitalised(i + 2)
                && !cx.is(i + 2, Class::FunctionWord);
            if day(cx.word(i + 1)).is_some()
                && cx.kind(i + 1) == Some(TokenKind::Number)
                && !counted
            {
                return Some((i + 1, Label::Date, None));
            }
            if cx.key(i + 1) == "et" && next_joined(i + 1) && cx.is(i + 2, Class::Weekday) {
                return Some((i + 2, Label::Date, None));
            }
        }
        return Some((i, Label::Date, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entity, with_context};
    use super::*;

    #[test]
    fn tokens_ruled_out_start_no_date() {
        let text = "Le jeudi 7 juin 2018 à 19 heures 30, vers midi, hier soir, \
                    ce matin, à la mi-juin, au printemps 2012, au premier semestre 2012, \
                    les 3 et 4 juillet, 21 h 30, 12/05/2024, en 1991 : la réunion \
                    a eu lieu avant-hier, lundi ou Lundi, JUIN 2020.";
        let lex = &crate::Lexicons::builtin().entities;
        with_context(lex, text, Some("2018-06-07"), |cx| {
            let dater = Dater { year: cx.year };
            let mut ruled_out = 0;
            for i in 0..cx.tokens.len() {
                if !may_start_date(cx, i) {
                    ruled_out += 1;
                    assert!(date_at(cx, &dater, i).is_none(), "{}", cx.word(i));
                    assert!(relative_start(cx, i).is_none(), "{}", cx.word(i));
                }
            }
            assert!(ruled_out > 10 && ruled_out < cx.tokens.len() / 2);
        });
    }

    fn date(
        text: &str,
        published: Option<&str>,
        surface: &str,
    ) -> Option<(String, Option<String>)> {
        entity(text, published, surface)
            .map(|e| (e.label.as_str().to_string(), e.value.map(String::from)))
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
    fn relative_dates_have_no_value_without_a_dated_publication() {
        let text = "samedi et dimanche, ce week-end, l'an dernier, en mars dernier, jeudi";
        for (published, s) in [
            (Some("2018-06-07"), "samedi et dimanche"),
            (Some("2018-06-07"), "ce week-end"),
            (None, "l'an dernier"),
            (None, "mars dernier"),
            (Some("--06-07T10:08"), "jeudi"),
        ] {
            assert_eq!(
                date(text, published, s),
                Some(("DATE".to_string(), None)),
                "{s}"
            );
        }
    }

    #[test]
    fn relative_dates_take_their_value_from_the_day_of_publication() {
        // Published on Thursday 7 June 2018.
        let text = "Hier, ce soir, mardi, samedi, lundi prochain, jeudi dernier, Hier mardi, \
                    l'an dernier, cette année, en mars dernier, en juin dernier, \
                    en juillet prochain, le 6 novembre dernier, le 2 juin prochain, \
                    demain matin et ce week-end";
        let published = Some("2018-06-07T13:25");
        for (s, v) in [
            ("Hier", "2018-06-06"),
            ("ce soir", "2018-06-07"),
            ("mardi", "2018-06-05"),
            ("samedi", "2018-06-09"),
            ("lundi prochain", "2018-06-11"),
            ("jeudi dernier", "2018-05-31"),
            ("Hier mardi", "2018-06-06"),
            ("l'an dernier", "2017"),
            ("cette année", "2018"),
            ("mars dernier", "2018-03"),
            ("juin dernier", "2017-06"),
            ("juillet prochain", "2018-07"),
            ("6 novembre dernier", "2017-11-06"),
            ("2 juin prochain", "2019-06-02"),
            ("demain matin", "2018-06-08"),
        ] {
            assert_eq!(value(text, published, s).as_deref(), Some(v), "{s}");
        }
        assert_eq!(
            date(text, published, "ce week-end"),
            Some(("DATE".to_string(), None))
        );
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
    fn determiners_modifiers_and_prefixes_stay_with_the_date() {
        let text = "Ce samedi, hier soir, le 6 novembre dernier, fin juillet, jeudi matin, \
                    début de 2014, mi-juin, au mois de mai, cette nuit, Hier mardi, \
                    au printemps 2019, le premier semestre 2020, le lundi 6 avec eux";
        for s in [
            "Ce samedi",
            "hier soir",
            "6 novembre dernier",
            "fin juillet",
            "jeudi matin",
            "début de 2014",
            "mi-juin",
            "mois de mai",
            "cette nuit",
            "Hier mardi",
            "printemps 2019",
            "premier semestre 2020",
            "lundi 6",
        ] {
            assert_eq!(
                date(text, Some("2018-06-07"), s).map(|(l, _)| l).as_deref(),
                Some("DATE"),
                "{s}"
            );
        }
        assert_eq!(
            value(text, Some("2018-06-07"), "6 novembre dernier").as_deref(),
            Some("2017-11-06")
        );
        assert_eq!(
            date(text, Some("2018-06-07"), "fin juillet").and_then(|(_, v)| v),
            None
        );
        let text = "les deux premiers mois de 2024";
        assert!(date(text, None, "2024").is_some());
    }

    #[test]
    fn ranges_are_one_date_without_value() {
        let text = "du 28 mai au 3 juin 2018, de janvier à mai, les 4, 5 et 7 août, \
                    entre le 2 mars 2011 et le 5 avril 2012, dans la nuit de vendredi à samedi";
        for s in [
            "28 mai au 3 juin 2018",
            "janvier à mai",
            "4, 5 et 7 août",
            "2 mars 2011 et le 5 avril 2012",
            "la nuit de vendredi à samedi",
        ] {
            assert_eq!(
                date(text, Some("2018-06-07"), s),
                Some(("DATE".to_string(), None)),
                "{s}"
            );
        }
    }

    #[test]
    fn clock_times_keep_their_zone_and_durations_are_none() {
        let text = "à 00h02 GMT, vers 16 h 45, à 19 heures et vers midi; une autonomie de 3 h 30";
        assert_eq!(value(text, None, "00h02 GMT").as_deref(), Some("00:02Z"));
        assert_eq!(value(text, None, "16 h 45").as_deref(), Some("16:45"));
        assert_eq!(value(text, None, "19 heures").as_deref(), Some("19:00"));
        assert_eq!(value(text, None, "midi").as_deref(), Some("12:00"));
        assert_eq!(date(text, None, "3 h 30"), None);
    }

    #[test]
    fn photo_counters_are_no_dates() {
        let text = "Une photo du port\n1/4\nLe port le 09/06 au matin";
        assert_eq!(date(text, None, "1/4"), None);
        assert_eq!(value(text, None, "09/06").as_deref(), Some("--06-09"));
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
