//! Places, organisations and agencies from the lexicons, found by walking a
//! trie of the folded entries from each token start.
//!
//! A hit counts when it starts and ends on token boundaries and its case fits
//! the entry: as listed, all in capitals (datelines `MOSCOU`, upper-case
//! headlines), or with only the first letter's case changed when that letter is
//! a capital (a sentence-initial `Mer de Chine`) or the entry is a multi-word
//! organisation (`ministère chinois du Commerce`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::words::Class;
use super::Context;
use super::{Candidate, Tier};
use crate::lexicon::{entries, fold_key, is_apostrophe, rows, WordMap, WordSet};
use crate::model::Span;
use crate::model::{Label, Source};
use crate::text::{all_caps, capitalised, fold_text, EntryTrie};

struct Entry {
    /// Built-in entries borrow the data compiled in; a user's are owned.
    surface: Cow<'static, str>,
    label: Label,
    canonical: Option<Cow<'static, str>>,
    /// Index into `Gazetteer::expansions` for an organisation's acronym.
    expansion: Option<u32>,
    /// An agency acronym that counts only after `(` or `/`.
    guarded: bool,
    /// Added by the user: ranks above every finder, so that it wins a tie.
    user: bool,
}

/// Names a user adds to the gazetteer, each with its canonical name if given,
/// and built-in entries to leave out (matched case- and accent-folded, as
/// written in the data files).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserEntries {
    pub people: Vec<(String, Option<String>)>,
    pub organisations: Vec<(String, Option<String>)>,
    pub places: Vec<(String, Option<String>)>,
    pub exclude: Vec<String>,
}

/// A user's entry outranks every finder (dates and amounts rank 8): the user
/// said what the name is.
const USER_RANK: u8 = 9;

pub(super) struct Gazetteer {
    /// The trie of the folded surfaces, walked from each token start.
    trie: Option<EntryTrie>,
    /// The trie of the surfaces that a token opening in lower case can
    /// start (`fits_lower_start`), walked from those tokens instead: most
    /// tokens of a text, and most entries are names that cannot start there.
    lower_trie: Option<EntryTrie>,
    /// For each pattern of `lower_trie`, its pattern in `trie`.
    lower_patterns: Vec<usize>,
    /// For each folded surface, the entries that fold to it.
    groups: Vec<Vec<Entry>>,
    /// For each pattern of the trie, its group.
    pattern_group: Vec<usize>,
    /// The group of each folded surface.
    group_of: WordMap<String, usize>,
    expansions: Vec<Vec<&'static str>>,
}

impl Gazetteer {
    /// The built-in lexicons with a user's entries added (they take precedence
    /// over built-in entries spelt alike) and removed. `lowercase_heads`: the
    /// heads of organisations also written in lower case (`case_fits`).
    pub(super) fn new(user: &UserEntries, lowercase_heads: &WordSet) -> Self {
        build(user, lowercase_heads)
    }

    /// The full names an acronym of the lexicon stands for.
    pub(super) fn expansions(&self, expansion: Option<u32>) -> &[&'static str] {
        expansion
            .and_then(|k| self.expansions.get(k as usize))
            .map_or(&[], Vec::as_slice)
    }
}

fn build(user: &UserEntries, lowercase_heads: &WordSet) -> Gazetteer {
    // A user's entries come first: of the entries that fold alike, the first
    // whose case fits wins.
    let mut entries_list: Vec<Entry> = [
        (Label::Per, &user.people),
        (Label::Org, &user.organisations),
        (Label::Loc, &user.places),
    ]
    .into_iter()
    .flat_map(|(label, names)| {
        names
            .iter()
            .filter(|(name, _)| !name.trim().is_empty())
            .map(move |(name, canonical)| Entry {
                surface: Cow::Owned(name.trim().to_string()),
                label,
                canonical: canonical.clone().map(Cow::Owned),
                expansion: None,
                guarded: false,
                user: true,
            })
    })
    .collect();
    let places = [
        include_str!("../../data/lexicons/countries.tsv"),
        include_str!("../../data/lexicons/cities.tsv"),
        include_str!("../../data/lexicons/regions.tsv"),
        include_str!("../../data/lexicons/areas.tsv"),
    ];
    for data in places {
        for row in rows(data) {
            let Some(&surface) = row.first() else {
                continue;
            };
            entries_list.push(Entry {
                surface: Cow::Borrowed(surface),
                label: Label::Loc,
                canonical: row
                    .get(1)
                    .copied()
                    .filter(|c| !c.is_empty())
                    .map(Cow::Borrowed),
                expansion: None,
                guarded: false,
                user: false,
            });
        }
    }
    let mut by_acronym: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for row in rows(include_str!("../../data/lexicons/organisations.tsv")) {
        let Some(&name) = row.first() else { continue };
        entries_list.push(Entry {
            surface: Cow::Borrowed(name),
            label: Label::Org,
            canonical: None,
            expansion: None,
            guarded: false,
            user: false,
        });
        for acronym in row.get(1).into_iter().flat_map(|a| a.split(',')) {
            let acronym = acronym.trim();
            if !acronym.is_empty() {
                by_acronym.entry(acronym).or_default().push(name);
            }
        }
    }
    let mut expansions = Vec::new();
    for (acronym, names) in by_acronym {
        entries_list.push(Entry {
            surface: Cow::Borrowed(acronym),
            label: Label::Org,
            canonical: None,
            expansion: u32::try_from(expansions.len()).ok(),
            guarded: false,
            user: false,
        });
        expansions.push(names);
    }
    let guarded: HashSet<&str> =
        entries(include_str!("../../data/entities/ambiguous_agencies.txt")).collect();
    for agency in entries(include_str!("../../data/lexicons/agencies.txt")) {
        entries_list.push(Entry {
            surface: Cow::Borrowed(agency),
            label: Label::Org,
            canonical: None,
            expansion: None,
            guarded: guarded.contains(agency),
            user: false,
        });
    }
    let mut index: WordMap<String, usize> = WordMap::default();
    let mut patterns: Vec<String> = Vec::new();
    let mut groups: Vec<Vec<Entry>> = Vec::new();
    let excluded: HashSet<String> = user.exclude.iter().map(|e| fold_text(e.trim())).collect();
    for entry in entries_list {
        let key = fold_text(&entry.surface);
        if !entry.user && excluded.contains(&key) {
            continue;
        }
        let id = *index.entry(key.clone()).or_insert_with(|| {
            patterns.push(key);
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(id) {
            group.push(entry);
        }
    }
    // The text keeps its typographic apostrophes: an entry written with one
    // kind of apostrophe is also looked for with the other.
    let mut all_patterns = patterns.clone();
    let mut pattern_group: Vec<usize> = (0..patterns.len()).collect();
    for (id, p) in patterns.iter().enumerate() {
        if p.contains('\'') {
            all_patterns.push(p.replace('\'', "’"));
            pattern_group.push(id);
        } else if p.contains('’') {
            all_patterns.push(p.replace('’', "'"));
            pattern_group.push(id);
        }
    }
    let lower_patterns: Vec<usize> = (0..all_patterns.len())
        .filter(|&p| {
            pattern_group
                .get(p)
                .and_then(|&g| groups.get(g))
                .is_some_and(|group| group.iter().any(|e| fits_lower_start(e, lowercase_heads)))
        })
        .collect();
    Gazetteer {
        trie: EntryTrie::new(&all_patterns),
        lower_trie: EntryTrie::new(lower_patterns.iter().filter_map(|&p| all_patterns.get(p))),
        lower_patterns,
        groups,
        pattern_group,
        group_of: index,
        expansions,
    }
}

/// Whether `surface` (the text) is written as `entry` allows.
fn case_fits(cx: &Context, entry: &Entry, surface: &str) -> bool {
    let same = |a: char, b: char| a == b || (is_apostrophe(a) && is_apostrophe(b));
    let mut e = entry.surface.chars();
    let mut s = surface.chars();
    let (Some(e0), Some(s0)) = (e.next(), s.next()) else {
        return false;
    };
    // Later words may be capitalised where the entry has them in lower case
    // (`Conseil des Affaires d'Etat`, `Nations Unies`), never the reverse.
    let rest_same = {
        let mut after_break = false;
        e.clone().count() == s.clone().count()
            && e.zip(s).all(|(a, b)| {
                let fits = same(a, b)
                    || (after_break && b.is_uppercase() && b.to_lowercase().eq(a.to_lowercase()));
                after_break = a == ' ' || a == '-' || is_apostrophe(a);
                fits
            })
    };
    if rest_same && same(e0, s0) {
        return true;
    }
    if all_caps(surface) && surface.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
        return true;
    }
    let first_case_only = e0.to_lowercase().eq(s0.to_lowercase());
    rest_same
        && first_case_only
        && (s0.is_uppercase() || lower_head_org(entry, &cx.lex.words.lowercase_org_heads))
}

/// `ministère chinois du Commerce` is written both ways; `l'agence de presse
/// Xinhua` or `la banque mondiale` in lower case are generic words.
fn lower_head_org(entry: &Entry, lowercase_heads: &WordSet) -> bool {
    entry.label == Label::Org
        && entry
            .surface
            .split_once(' ')
            .is_some_and(|(head, _)| lowercase_heads.contains(&fold_key(head)))
}

/// Whether `entry` may fit a surface opening in lower case. `case_fits` then
/// needs the entry to open with that very letter, or a lower-case head: the
/// surface is not in capitals, and a lower-case letter is no capital.
fn fits_lower_start(entry: &Entry, lowercase_heads: &WordSet) -> bool {
    entry.surface.chars().next().is_some_and(char::is_lowercase)
        || lower_head_org(entry, lowercase_heads)
}

pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let gz = &cx.lex.gazetteer;
    let Some(trie) = gz.trie.as_ref() else {
        return;
    };
    // A hit starts on a token. The hits are put in the order of a search
    // over the whole text (by end, then start), which `located` and others
    // rely on when they index the candidates.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (i, t) in cx.tokens.iter().enumerate() {
        let start = t.start();
        match gz.lower_trie.as_ref().filter(|_| cx.opens_lower(i)) {
            Some(lower) => lower.spelt_from(cx.text, start, |end, p| {
                if let Some(&pattern) = gz.lower_patterns.get(p) {
                    hits.push((end, start, pattern));
                }
            }),
            None => trie.spelt_from(cx.text, start, |end, pattern| {
                hits.push((end, start, pattern));
            }),
        }
    }
    hits.sort_unstable();
    for (end, start, pattern) in hits {
        if cx.token_ending(end).is_none() {
            continue;
        }
        let Some(surface) = cx.text.get(start..end) else {
            continue;
        };
        let Some(group) = gz
            .pattern_group
            .get(pattern)
            .and_then(|&g| gz.groups.get(g))
        else {
            continue;
        };
        let before = cx.text.get(..start).and_then(|b| b.chars().next_back());
        let Some(entry) = group.iter().find(|e| {
            case_fits(cx, e, surface) && (!e.guarded || matches!(before, Some('(' | '/')))
        }) else {
            continue;
        };
        let rank = match entry.label {
            _ if entry.user => USER_RANK,
            Label::Org => 3,
            _ => 2,
        };
        let mut c = Candidate::new(Span::new(start, end), entry.label, Tier::Strong, rank)
            .from(Source::Lexicon);
        c.canonical = entry.canonical.as_deref().map(Box::from);
        c.expansion = entry.expansion;
        out.push(c);
    }
}

/// Each place of a hyphenated compound of places (`la liaison Lyon-Turin`,
/// `coopération Chine-Afrique`); a compound listed whole (`Asie-Pacifique`)
/// is longer and wins over its parts.
pub fn place_compounds(cx: &Context, out: &mut Vec<Candidate>) {
    let gz = &cx.lex.gazetteer;
    for (i, t) in cx.tokens.iter().enumerate() {
        if !cx.is_word(i) || !cx.hyphenated(i) {
            continue;
        }
        let word = t.text(cx.text);
        let mut parts = Vec::new();
        let mut at = t.start();
        for part in word.split('-') {
            let place = gz
                .group_of
                .get(&fold_text(part))
                .and_then(|&g| gz.groups.get(g))
                .and_then(|group| {
                    group
                        .iter()
                        .find(|e| e.label == Label::Loc && case_fits(cx, e, part))
                });
            let Some(place) = place else {
                parts.clear();
                break;
            };
            parts.push((Span::new(at, at + part.len()), place.canonical.as_deref()));
            at += part.len() + 1;
        }
        if parts.len() < 2 {
            continue;
        }
        for (span, canonical) in parts {
            let mut c = Candidate::new(span, Label::Loc, Tier::Strong, 2).from(Source::Lexicon);
            c.canonical = canonical.map(Box::from);
            out.push(c);
        }
    }
}

/// The place of a dateline: the layout's, or capitals opening a line before
/// a comma and a date (`PORT-SOUDAN, 18 avril`), known or not.
pub fn datelines(cx: &Context, out: &mut Vec<Candidate>) {
    if let Some(span) = cx.dateline {
        out.push(Candidate::new(span, Label::Loc, Tier::Strong, 2));
    }
    for i in (0..cx.tokens.len()).filter(|&i| cx.line_start(i)) {
        let mut last = i;
        while caps_word(cx, last) && cx.joined(last) && caps_word(cx, last + 1) {
            last += 1;
        }
        if !caps_word(cx, last) || cx.word(last + 1) != "," || !cx.joined(last + 1) {
            continue;
        }
        let date = cx.key(last + 2);
        let dated = date.chars().next().is_some_and(|c| c.is_ascii_digit())
            || cx.full_month(last + 2).is_some()
            || cx.is(last + 2, Class::Weekday);
        if let (true, Some(a), Some(b)) = (dated, cx.tokens.get(i), cx.tokens.get(last)) {
            out.push(Candidate::new(
                Span::new(a.start(), b.end()),
                Label::Loc,
                Tier::Strong,
                2,
            ));
        }
    }
}

fn caps_word(cx: &Context, i: usize) -> bool {
    cx.is_word(i) && cx.all_caps(i) && cx.word(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// An unknown capitalised word after `à` names a place (`à Popayan`), unless
/// it reads as a person or another capitalised word follows; weak, so any
/// other reading wins.
pub fn after_a(cx: &Context, out: &mut Vec<Candidate>) {
    for i in 0..cx.tokens.len() {
        // `à` or `À`: the key without a look-up.
        if !matches!(cx.word(i), "à" | "À") || !cx.joined(i) {
            continue;
        }
        let k = i + 1;
        let word = cx.word(k);
        let name_like = cx.is_word(k)
            && capitalised(word)
            && !all_caps(word)
            && word.chars().count() >= 3
            && word.chars().all(|c| c.is_alphabetic() || c == '-');
        let excluded = cx.is(k, Class::Blocker)
            || cx.is(k, Class::GivenName)
            || cx.is(k, Class::Title)
            || cx.is(k, Class::OrgHead);
        let followed = cx.joined(k) && cx.capitalised(k + 1);
        if let (true, false, false, Some(t)) = (name_like, excluded, followed, cx.tokens.get(k)) {
            out.push(
                Candidate::new(Span::new(t.start(), t.end()), Label::Loc, Tier::Weak, 1)
                    .from(Source::Evidence),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, with_context};
    use super::*;

    /// The gazetteer's candidates in `text`, as (surface, label).
    fn hits(lex: &super::super::Lexicons, text: &str) -> Vec<(String, Label)> {
        with_context(lex, text, None, |cx| {
            let mut out = Vec::new();
            find(cx, &mut out);
            out.iter()
                .map(|c| (c.span.text(text).to_string(), c.label))
                .collect()
        })
    }

    #[test]
    fn tokens_in_lower_case_walk_only_the_entries_they_may_start() {
        let user = UserEntries {
            people: vec![("de Villepin".to_string(), None)],
            places: vec![("bande de gaza".to_string(), None)],
            ..UserEntries::default()
        };
        let lex = super::super::Lexicons::new(&user);
        let mut whole = super::super::Lexicons::new(&user);
        whole.gazetteer.lower_trie = None;
        let text = "la chine, pékin et MOSCOU ; le ministère chinois du Commerce, \
                    l'agence de presse xinhua, de Villepin, la bande de gaza, \
                    l’Afrique de l’Ouest, les états-unis et l'onu.";
        let found = hits(&lex, text);
        assert_eq!(found, hits(&whole, text));
        for expected in [
            "ministère chinois du Commerce",
            "de Villepin",
            "bande de gaza",
        ] {
            assert!(
                found.iter().any(|(s, _)| s == expected),
                "{expected}: {found:?}"
            );
        }
        assert!(!found
            .iter()
            .any(|(s, _)| s == "chine" || s == "pékin" || s == "xinhua"));
    }

    #[test]
    fn places_match_in_any_case_with_their_canonical() {
        let found = run("MOSCOU, 7 juin -- La Chine et Pékin.", None);
        assert!(found.contains(&("MOSCOU".to_string(), "LOC")));
        assert!(found.contains(&("Chine".to_string(), "LOC")));
    }

    #[test]
    fn lower_case_words_are_not_places() {
        let found = run("une chine de montagne", None);
        assert!(found.is_empty());
    }

    #[test]
    fn typographic_apostrophes_match() {
        let found = run("en Afrique de l’Ouest", None);
        assert!(found.contains(&("Afrique de l’Ouest".to_string(), "LOC")));
    }

    #[test]
    fn unknown_dateline_in_capitals() {
        let found = run("PORT-SOUDAN, 18 avril (AFP) -- Des combats", None);
        assert!(found.contains(&("PORT-SOUDAN".to_string(), "LOC")));
    }

    #[test]
    fn unknown_place_after_a() {
        let found = run("Il vit à Popayan depuis.", None);
        assert!(found.contains(&("Popayan".to_string(), "LOC")));
    }

    #[test]
    fn compounds_of_places_give_each_place() {
        let found = run(
            "la liaison Lyon-Turin et le forum Chine-Afrique en Asie-Pacifique",
            None,
        );
        let places: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            places,
            ["Lyon", "Turin", "Chine", "Afrique", "Asie-Pacifique"]
        );
        assert!(run("Kassym-Jomart Tokaïev", None)
            .iter()
            .all(|(_, l)| *l != "LOC"));
    }

    #[test]
    fn lower_case_organisations_only_after_a_lower_case_head() {
        let found = run(
            "selon le ministère chinois du Commerce et l'agence de presse Xinhua",
            None,
        );
        assert_eq!(
            found,
            [
                ("ministère chinois du Commerce".to_string(), "ORG"),
                ("Xinhua".to_string(), "ORG")
            ]
        );
    }

    #[test]
    fn later_words_may_gain_a_capital() {
        let found = run(
            "Le Conseil des Affaires d'Etat et le conseil des affaires d'Etat.",
            None,
        );
        assert_eq!(found, [("Conseil des Affaires d'Etat".to_string(), "ORG")]);
    }

    #[test]
    fn guarded_agency_needs_a_parenthesis() {
        assert!(run("(AP) --", None).contains(&("AP".to_string(), "ORG")));
        assert!(!run("Le AP est", None).contains(&("AP".to_string(), "ORG")));
    }
}
