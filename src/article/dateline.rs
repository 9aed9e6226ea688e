//! The dateline that opens a dispatch: `MOSCOU, 7 juin (Xinhua) --`,
//! `BEIJING (Xinhua) --`, `Genève, le 12 mai 2024 (Reuters) —`,
//! `ELDORET (Kenya), 3 mai (AFP) -`, `PORT-SOUDAN, 18 avril -`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{
    date_of, day_number, month_number, month_pattern, month_pattern_before_space, When,
};
use crate::lexicon::regex;
use crate::lexicon::{fold_key, rows, WordSet};

/// Known places (cities, countries, regions), folded, for bare datelines.
pub(super) fn places() -> WordSet {
    [
        include_str!("../../data/lexicons/cities.tsv"),
        include_str!("../../data/lexicons/countries.tsv"),
        include_str!("../../data/lexicons/regions.tsv"),
    ]
    .into_iter()
    .flat_map(rows)
    .filter_map(|r| r.first().map(|s| fold_key(s)))
    .collect()
}

/// A place: capitalised words, with the particles of place names between
/// them (`NEW DELHI`, `PORT-SOUDAN`, `Rio de Janeiro`).
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\p{Lu}[\p{L}'’.]*(?:[ -](?:(?:de|du|des|la|le|les|sur|en|el|al|d'|d’|l'|l’) ?)?\p{Lu}[\p{L}'’.]*){0,4}",
    )
});

/// A parenthesis: a country after the place, or the agency.
static PAREN: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*\(([^()\d]{2,40})\)"));

/// `, Kenya` after the place.
static COUNTRY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^,\s*\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?"));

/// `, 7 juin`, `, le 12 mai 2024`, `, 1er octobre`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^,\s*(?:le\s+)?(\d{{1,2}}|1er)\s+({})(?:\s+(\d{{4}}))?",
        month_pattern()
    ))
});

/// The dash that closes the dateline.
/// `-`, `--`, `—`, also after a full stop (`(ACP).- `).
static DASH: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*\.?\s*(?:--|—|–|―|-)(?:\s+|$)"));

/// A date opening the body, the place after it: `14 août 2012. -`,
/// `3 octobre 2012. - Montréal -`, `21 septembre 2012, France. -`.
static DATE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(\d{{1,2}}|1er)\s+({})\s+(\d{{4}})(?:,\s*(?-i:(\p{{Lu}}[\p{{L}}'’-]*(?: \p{{Lu}}[\p{{L}}'’-]*){{0,3}})))?\s*\.?\s*(?:--|—|–|-)\s+",
        month_pattern_before_space()
    ))
});

/// A place standing between dashes after a date lead: `Montréal - `.
static LEAD_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(\p{Lu}[\p{L}'’.]*(?:[ -](?:(?:de|du|des|la|le|les|sur|en) )?\p{Lu}[\p{L}'’.]*){0,3})\s+(?:--|—|–|-)\s+",
    )
});

/// A date lead: its date, its place if it gives one, where it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLead {
    pub when: When,
    pub place: Option<Range<usize>>,
    pub end: usize,
}

/// The date lead at the start of `line`, if it has one.
pub fn date_lead(line: &str) -> Option<DateLead> {
    // It opens with the day (a decimal digit, so a numeric character): other
    // lines are ruled out without running the pattern.
    if !line.starts_with(char::is_numeric) {
        return None;
    }
    let c = DATE_LEAD.captures(line)?;
    let day = day_number(c.get(1)?.as_str())?;
    let month = month_number(c.get(2)?.as_str())?;
    let year = c.get(3).and_then(|m| m.as_str().parse().ok());
    let when = date_of(year, month, day)?;
    let mut end = c.get(0)?.end();
    let mut place = c.get(4).map(|m| m.range());
    if place.is_none() {
        if let Some(p) = LEAD_PLACE.captures(line.get(end..).unwrap_or("")) {
            place = p.get(1).map(|m| shift(m.range(), end));
            end += p.get(0)?.end();
        }
    }
    Some(DateLead { when, place, end })
}

/// A dateline, in byte ranges of the line it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: Range<usize>,
    pub agency: Option<Range<usize>>,
    pub when: Option<When>,
    /// Where the dateline ends (after its dash and the spaces that follow).
    pub end: usize,
}

/// What may open the rest of a dateline after its place, spaces aside: the
/// parenthesis of a country or agency, the comma of a country or date, the
/// dash (after a stop at most).
const AFTER_PLACE: [char; 7] = ['(', ',', '.', '-', '—', '–', '―'];

/// The dateline at the start of `line`, if it has one.
pub fn parse(lex: &super::Lexicons, line: &str) -> Option<Dateline> {
    // The place opens with a capital (`\p{Lu}` is one): most lines are ruled
    // out without running the pattern.
    if !line.starts_with(char::is_uppercase) {
        return None;
    }
    let place = PLACE.find(line)?.range();
    let mut at = place.end;
    let rest = |at: usize| line.get(at..).unwrap_or("");
    // After the place come a parenthesis, a comma (the country, the date) or
    // the dash, each after spaces at most: `Le président a dit` is ruled
    // out here rather than by each pattern in turn.
    if !rest(at).trim_start().starts_with(AFTER_PLACE) {
        return None;
    }
    let mut first_paren = None;
    if let Some(c) = PAREN.captures(rest(at)) {
        first_paren = c.get(1).map(|m| shift(m.range(), at));
        at += c.get(0)?.end();
    }
    // `NAIROBI, Kenya, 3 mai (AP) -`: a country after a comma, kept only when
    // a date or the agency follows it.
    if let Some(q) = COUNTRY.find(rest(at)) {
        let after = rest(at + q.end());
        if DATE.is_match(after) || PAREN.is_match(after) {
            at += q.end();
        }
    }
    let mut when = None;
    if let Some(c) = DATE.captures(rest(at)) {
        let day = day_number(c.get(1)?.as_str())?;
        let month = month_number(c.get(2)?.as_str())?;
        let year = c.get(3).and_then(|m| m.as_str().parse().ok());
        when = Some(date_of(year, month, day)?);
        at += c.get(0)?.end();
    }
    let mut agency = None;
    if let Some(c) = PAREN.captures(rest(at)) {
        agency = c.get(1).map(|m| shift(m.range(), at));
        at += c.get(0)?.end();
    } else if when.is_none() {
        // `BEIJING (Xinhua) --`: the only parenthesis is the agency.
        agency = first_paren;
    }
    let dash = DASH.find(rest(at))?;
    let mut end = at + dash.end();
    // `ABIDJAN - (AIP) -`: the agency after the first dash.
    if agency.is_none() {
        if let Some(c) = PAREN.captures(rest(end)) {
            let after = end + c.get(0)?.end();
            if let Some(d) = DASH.find(rest(after)) {
                agency = c.get(1).map(|m| shift(m.range(), end));
                end = after + d.end();
            }
        }
    }
    let name = line.get(place.clone())?;
    let agency = agency
        .and_then(|r| trim(line, r))
        .filter(|r| line.get(r.clone()).is_some_and(is_agency_name));
    // A bare `PLACE -` is a dateline only for a known place in capitals:
    // `PSG - OM` is a headline.
    let bare = !name.chars().any(char::is_lowercase) && lex.places.contains(&fold_key(name));
    (bare || when.is_some() || agency.is_some()).then_some(Dateline {
        place,
        agency,
        when,
        end,
    })
}

/// An agency name as datelines write it: one to four words, capitalised.
fn is_agency_name(name: &str) -> bool {
    let name = name.trim();
    name.chars().next().is_some_and(char::is_uppercase) && name.split_whitespace().count() <= 4
}

/// `r` without the whitespace at its ends (`( Xinhua )` -> `Xinhua`).
fn trim(line: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = line.get(r.clone())?;
    let start = r.start + (s.len() - s.trim_start().len());
    Some(start..(r.start + s.trim_end().len()).max(start))
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        let d = parse(&crate::Lexicons::builtin().article, line)?;
        Some((
            line[d.place.clone()].to_string(),
            d.agency.map(|r| line[r].to_string()),
            d.when.map(|w| w.iso()),
            line[d.end..].to_string(),
        ))
    }

    fn expect(line: &str, place: &str, agency: Option<&str>, when: Option<&str>, rest: &str) {
        assert_eq!(
            fields(line),
            Some((
                place.to_string(),
                agency.map(str::to_string),
                when.map(str::to_string),
                rest.to_string()
            )),
            "{line}"
        );
    }

    #[test]
    fn xinhua_dateline() {
        expect(
            "MOSCOU, 7 juin (Xinhua) -- La CEI",
            "MOSCOU",
            Some("Xinhua"),
            Some("--06-07"),
            "La CEI",
        );
    }

    #[test]
    fn agency_span_has_no_spaces_at_its_ends() {
        expect(
            "PARIS, 3 mai (\r Xinhua ) -- Il pleut.",
            "PARIS",
            Some("Xinhua"),
            Some("--05-03"),
            "Il pleut.",
        );
    }

    #[test]
    fn agency_without_date() {
        expect(
            "BEIJING (Xinhua) -- Les échanges",
            "BEIJING",
            Some("Xinhua"),
            None,
            "Les échanges",
        );
    }

    #[test]
    fn afp_dateline_with_single_dash() {
        expect(
            "PARIS, 3 mars (AFP) - La CGT",
            "PARIS",
            Some("AFP"),
            Some("--03-03"),
            "La CGT",
        );
        expect(
            "MEXICO, 1er octobre (AFP) - Claudia",
            "MEXICO",
            Some("AFP"),
            Some("--10-01"),
            "Claudia",
        );
        expect(
            "NEW DELHI, 31 juillet (AFP) - Au moins",
            "NEW DELHI",
            Some("AFP"),
            Some("--07-31"),
            "Au moins",
        );
    }

    #[test]
    fn reuters_dateline_with_full_date() {
        expect(
            "Genève, le 12 mai 2024 (Reuters) — L'OMS",
            "Genève",
            Some("Reuters"),
            Some("2024-05-12"),
            "L'OMS",
        );
    }

    #[test]
    fn dateline_without_agency() {
        expect(
            "PORT-SOUDAN, 18 avril - Au moins",
            "PORT-SOUDAN",
            None,
            Some("--04-18"),
            "Au moins",
        );
        expect(
            "BEYROUTH, 22 novembre 2024 – L’Office",
            "BEYROUTH",
            None,
            Some("2024-11-22"),
            "L’Office",
        );
    }

    #[test]
    fn country_after_the_place() {
        expect(
            "ELDORET (Kenya), 3 mai (AFP) - Des",
            "ELDORET",
            Some("AFP"),
            Some("--05-03"),
            "Des",
        );
    }

    #[test]
    fn country_after_a_comma() {
        expect(
            "NAIROBI, Kenya, 3 mai (AP) — Des",
            "NAIROBI",
            Some("AP"),
            Some("--05-03"),
            "Des",
        );
        expect(
            "Bamako, Mali (AMAP) - Le",
            "Bamako",
            Some("AMAP"),
            None,
            "Le",
        );
    }

    #[test]
    fn dateline_standing_alone() {
        expect(
            "MOSCOU, 7 juin (Xinhua) --",
            "MOSCOU",
            Some("Xinhua"),
            Some("--06-07"),
            "",
        );
    }

    #[test]
    fn a_date_in_the_first_sentence_is_no_dateline() {
        assert_eq!(
            parse(
                &crate::Lexicons::builtin().article,
                "Le 4 juillet 2024, Astana, la capitale du Kazakhstan"
            ),
            None
        );
        assert_eq!(
            parse(
                &crate::Lexicons::builtin().article,
                "La Chine et la Russie sont convenues jeudi"
            ),
            None
        );
        assert_eq!(
            parse(
                &crate::Lexicons::builtin().article,
                "Paris - Lyon : le match"
            ),
            None
        );
        assert_eq!(
            parse(&crate::Lexicons::builtin().article, "PSG - OM : le choc"),
            None
        );
    }

    fn lead(line: &str) -> Option<(String, Option<String>, String)> {
        let d = date_lead(line)?;
        Some((
            d.when.iso(),
            d.place.map(|r| line[r].to_string()),
            line[d.end..].to_string(),
        ))
    }

    #[test]
    fn date_leads() {
        assert_eq!(
            lead("9 mars 2011. - Un séisme a frappé"),
            Some(("2011-03-09".into(), None, "Un séisme a frappé".into()))
        );
        assert_eq!(
            lead("1er mai 2013. - Lyon - Les syndicats"),
            Some((
                "2013-05-01".into(),
                Some("Lyon".into()),
                "Les syndicats".into()
            ))
        );
        assert_eq!(
            lead("4 avril 2010, Belgique. - Selon un rapport"),
            Some((
                "2010-04-04".into(),
                Some("Belgique".into()),
                "Selon un rapport".into()
            ))
        );
        assert_eq!(lead("9 mars 2011, un séisme a frappé le pays."), None);
        assert_eq!(lead("12 mai 2024 : la grève"), None);
    }

    #[test]
    fn agency_after_the_dash_and_dash_after_a_stop() {
        expect(
            "DAKAR - (APS) - Le ministre",
            "DAKAR",
            Some("APS"),
            None,
            "Le ministre",
        );
        expect(
            "LOME, 3 mai (ATOP).- Le port",
            "LOME",
            Some("ATOP"),
            Some("--05-03"),
            "Le port",
        );
    }

    #[test]
    fn after_the_place_every_pattern_opens_with_a_mark_the_shortcut_knows() {
        // What may follow the place, after spaces: any other first character
        // fails every pattern, as `parse` assumes when it stops early.
        let others =
            ('\u{0}'..='\u{2100}').filter(|c| !c.is_whitespace() && !AFTER_PLACE.contains(c));
        for c in others {
            for rest in [
                format!("{c}, 7 juin (AFP) -- Texte"),
                format!(" \u{a0}{c}(Xinhua) - Texte"),
            ] {
                assert!(!PAREN.is_match(&rest), "{rest:?}");
                assert!(!COUNTRY.is_match(&rest), "{rest:?}");
                assert!(!DATE.is_match(&rest), "{rest:?}");
                assert!(!DASH.is_match(&rest), "{rest:?}");
            }
        }
        for rest in [
            "(AFP) -", ", Kenya", ", 3 mai", " . - ", "— ", "– ", "― ", "-- ",
        ] {
            let opens = rest.trim_start().starts_with(AFTER_PLACE);
            let matched = PAREN.is_match(rest)
                || COUNTRY.is_match(rest)
                || DATE.is_match(rest)
                || DASH.is_match(rest);
            assert!(opens && matched, "{rest:?}");
        }
        assert_eq!(
            parse(&crate::Lexicons::builtin().article, "le PARIS - Texte"),
            None
        );
    }

    #[test]
    fn bare_dateline_of_a_known_place() {
        expect(
            "PARIS - Le gouvernement",
            "PARIS",
            None,
            None,
            "Le gouvernement",
        );
    }
}
