//! Person names, found by patterns: a given name or a Chinese surname opening a
//! run of capitalised words, a title or honorific before the run, a role in
//! apposition after it, a photo credit `(Xinhua/Javed Dar)`. Then, once a name
//! has been seen, its parts alone (`Lebedev`) elsewhere in the article.

use super::words::Class;
use super::Context;
use super::{Candidate, StrongSpans, Tier};
use crate::lexicon::{fold_into, fold_key, TextMap, TextSet};
use crate::model::Span;
use crate::model::TokenKind;
use crate::model::{Label, Source};
use crate::text::capitalised;

/// Most names have at most this many parts (Luiz Inácio Lula da Silva).
const MAX_PARTS: usize = 6;

/// Whether token `i` can be part of a name: a capitalised word that is not a
/// function word, a title or another word never used as a name.
pub(super) fn name_part(cx: &Context, i: usize) -> bool {
    if !cx.is_word(i) || !cx.capitalised(i) || !cx.long(i) || cx.word(i).ends_with('.') {
        return false;
    }
    let w = &cx.lex.words;
    // An institution's head is no name part, unless it is a given name too
    // before a name (`Marine Le Pen`, not `Marine nationale`).
    let head = cx.is(i, Class::OrgHead)
        && !(cx.is(i, Class::GivenName)
            && cx.joined(i)
            && cx.capitalised(i + 1)
            && !w.adjective(&fold_key(cx.word(i + 1))));
    !(cx.is(i, Class::Blocker) || cx.is(i, Class::Title) || head)
}

/// Whether token `i` is a word glued to a `?` that stands for a lost letter.
fn lost_letter(cx: &Context, i: usize) -> bool {
    cx.glued(i) && cx.word(i + 1) == "?"
}

/// The last token of a word, past a glued `?` (`Sergue?`).
fn word_end(cx: &Context, i: usize) -> usize {
    if lost_letter(cx, i) {
        i + 1
    } else {
        i
    }
}

/// The given name of the lexicon that token `i` spells, if any, repaired when
/// the word lost a letter.
fn given_name(cx: &Context, i: usize) -> Option<Option<&'static str>> {
    if lost_letter(cx, i) {
        return cx
            .lex
            .words
            .given_name_stems
            .get(cx.key(i).as_ref())
            .map(|&name| Some(name));
    }
    cx.lex
        .words
        .given_names
        .contains(cx.key(i).as_ref())
        .then_some(None)
}

/// `al-Maliki`, `el-Sissi`: an Arabic article glued to a capitalised name.
fn article_name(cx: &Context, i: usize) -> bool {
    let word = cx.word(i);
    word.split_once('-').is_some_and(|(article, rest)| {
        cx.lex.words.particles.contains(article) && capitalised(rest)
    })
}

/// The last token of the run of name parts that starts with token `i`;
/// `places` holds the start of every known place, which `de` introduces
/// after a name (`le Spike Lee de Montfermeil`) rather than continues it.
pub(super) fn run_end(cx: &Context, i: usize, places: &TextSet<usize>) -> usize {
    let mut last = word_end(cx, i);
    let mut parts = 1;
    // Upper-case text has lost the case that ends a name (`EMMANUEL MACRON
    // RENCONTRE ...`): take the shortest name there (and, in `find`, trust a
    // title before it only when a given name opens it).
    let max_parts = if cx.all_caps(i) { 2 } else { MAX_PARTS };
    while parts < max_parts && cx.joined(last) {
        let next = last + 1;
        if name_part(cx, next) || article_name(cx, next) {
            last = word_end(cx, next);
        } else if (cx.is(next, Class::Particle) || capital_article(cx.word(next)))
            && cx.joined(next)
            && name_part(cx, next + 1)
            && !cx
                .tokens
                .get(next + 1)
                .is_some_and(|t| places.contains(&t.start()))
        {
            last = word_end(cx, next + 1);
        } else {
            break;
        }
        parts += 1;
    }
    last
}

/// `Le`, `La` capitalised inside a name (`Marine Le Pen`, `Jean-Yves Le
/// Drian`): a particle of the surname.
fn capital_article(word: &str) -> bool {
    matches!(word, "Le" | "La")
}

/// How many name parts tokens `first..=last` hold.
pub fn parts(cx: &Context, first: usize, last: usize) -> usize {
    (first..=last)
        .filter(|&k| cx.is_word(k) && !cx.is(k, Class::Particle))
        .count()
}

/// Whether token `i` is a title or role, possibly followed by a nationality
/// or another adjective (`le président kazakh`, `le sénateur démocrate`),
/// just before token `i + 1`.
fn title_before(cx: &Context, name: usize) -> bool {
    let w = &cx.lex.words;
    let Some(prev) = name.checked_sub(1) else {
        return false;
    };
    if !cx.joined(prev) {
        return false;
    }
    if cx.is(prev, Class::Title) {
        return true;
    }
    let adjective = !cx.capitalised(prev) && w.adjective(cx.key(prev).as_ref());
    adjective
        && prev
            .checked_sub(1)
            .is_some_and(|p| cx.joined(p) && cx.is(p, Class::Title))
}

/// Whether a title appears among the few tokens before the comma at `comma`
/// (`le président du comité exécutif de la CEI, Sergueï Lebedev`).
fn title_before_comma(cx: &Context, comma: usize) -> bool {
    let from = comma.saturating_sub(10);
    (from..comma)
        .rev()
        .take_while(|&k| cx.kind(k) != Some(TokenKind::Punct) || cx.word(k) == "'")
        .any(|k| cx.is(k, Class::Title) && !cx.capitalised(k))
}

/// Whether a role follows the name ending at `last` (`Bakhtiar Khakimov,
/// représentant spécial`).
fn title_after(cx: &Context, last: usize) -> bool {
    if cx.word(last + 1) != "," {
        return false;
    }
    let mut k = last + 2;
    if matches!(
        cx.key(k).as_ref(),
        "le" | "la" | "l'" | "un" | "une" | "ancien" | "ancienne"
    ) {
        k += 1;
    }
    // A role in apposition is written in lower case; a capitalised title
    // (`M.`, `Mme`) opens the next name instead (`à New York, M. Wang`).
    cx.is(k, Class::Title) && !cx.capitalised(k)
}

/// Whether a role with its article follows the one-word name ending at
/// `last` (`Barroso, le président de la Commission`): the apposition of a
/// person named by the surname alone.
fn role_with_article_after(cx: &Context, last: usize) -> bool {
    cx.word(last + 1) == ","
        && matches!(cx.key(last + 2).as_ref(), "le" | "la")
        && cx.is(last + 3, Class::Title)
        && !cx.capitalised(last + 3)
        && matches!(cx.key(last + 4).as_ref(), "de" | "du" | "des" | "d'")
}

/// `MD-83`, `A320`, `F-16`: capitals and digits, the designation of a model.
fn model_code(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(char::is_uppercase)
        && !word.chars().any(char::is_lowercase)
}

/// Whether token `i` follows `(Agency/` in a photo credit.
fn after_credit_slash(cx: &Context, i: usize) -> bool {
    i >= 3 && cx.word(i - 1) == "/" && cx.is_word(i - 2) && cx.word(i - 3) == "("
}

pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let place_spans: TextSet<(usize, usize)> = out
        .iter()
        .filter(|c| c.label == Label::Loc)
        .map(|c| (c.span.start, c.span.end))
        .collect();
    let places: TextSet<usize> = place_spans.iter().map(|&(start, _)| start).collect();
    let mut i = 0;
    while i < cx.tokens.len() {
        if !name_part(cx, i) {
            i += 1;
            continue;
        }
        let last = run_end(cx, i, &places);
        let n = parts(cx, i, last);
        let given = given_name(cx, i);
        // An all-caps word is an acronym (`l'ONG Greenpeace`), not the
        // surname `Ong`.
        let chinese = cx.is(i, Class::ChineseSurname)
            && !cx.all_caps(i)
            && cx.joined(i)
            && name_part(cx, i + 1)
            && !cx.all_caps(i + 1);
        let (found_last, rank) = if (given.is_some() && n >= 2)
            || (title_before(cx, i) && (given.is_some() || !cx.all_caps(i)))
            || after_credit_slash(cx, i)
        {
            (Some(last), 6)
        } else if chinese {
            (Some(word_end(cx, i + 1)), 5)
        } else if n >= 2
            && (title_after(cx, last)
                || (i > 0 && cx.word(i - 1) == "," && title_before_comma(cx, i - 1)))
        {
            (Some(last), 5)
        } else if n == 1 && role_with_article_after(cx, last) {
            (Some(last), 4)
        } else {
            (None, 0)
        };
        // A name after a work noun is the work's title (`la série James
        // Bond`); one before a model code is a maker's (`Douglas MD-83`).
        let work = i
            .checked_sub(1)
            .is_some_and(|p| cx.joined(p) && cx.is(p, Class::WorkNoun));
        let model = (i..=last).any(|k| model_code(cx.word(k)))
            || (cx.joined(last) && model_code(cx.word(last + 1)));
        let found_last = found_last.filter(|_| !((work || model) && !title_before(cx, i)));
        // A run that is no name may still hold one further on (`la CDU de
        // Friedrich Merz`): go on from its next word.
        let Some(found_last) = found_last else {
            i += 1;
            continue;
        };
        let (Some(first), Some(end)) = (cx.tokens.get(i), cx.tokens.get(found_last)) else {
            break;
        };
        // A known place spelt like a name (`Hong Kong`: surname `Hong`) is the
        // place, unless a title says it is a person.
        if place_spans.contains(&(first.start(), end.end())) && !title_before(cx, i) {
            i = found_last + 1;
            continue;
        }
        let mut c = Candidate::new(
            Span::new(first.start(), end.end()),
            Label::Per,
            Tier::Strong,
            rank,
        );
        c.canonical = repaired(cx, i, found_last).map(String::into_boxed_str);
        out.push(c);
        i = found_last + 1;
    }
}

/// The name of tokens `first..=last` with lost letters restored from the
/// given names (`Sergue? Lavrov` -> `Sergueï Lavrov`), when one was lost.
fn repaired(cx: &Context, first: usize, last: usize) -> Option<String> {
    if !(first..=last).any(|k| lost_letter(cx, k)) {
        return None;
    }
    let mut name = String::new();
    let mut k = first;
    while k <= last {
        if !name.is_empty() {
            name.push(' ');
        }
        match given_name(cx, k) {
            Some(Some(full)) if lost_letter(cx, k) => {
                name.push_str(full);
                k += 2;
            }
            _ => {
                name.push_str(cx.word(k));
                k += 1;
            }
        }
    }
    Some(name)
}

/// Parts of the names already found, alone elsewhere in the article
/// (`M. Lebedev`, `Lebedev`, `Qin`), as weak candidates.
pub fn surnames(cx: &Context, kept: &[Candidate]) -> Vec<Candidate> {
    let w = &cx.lex.words;
    // Made at its full size: growing it hashes every key again at each
    // doubling.
    let words = kept
        .iter()
        .filter(|c| c.label == Label::Per)
        .map(|c| {
            c.canonical
                .as_deref()
                .unwrap_or_else(|| c.span.text(cx.text))
        })
        .map(|name| name.split_whitespace().count())
        .sum();
    let mut parts: TextSet<String> = TextSet::with_capacity(words);
    // A particle and the part after it (`de` `santis`): `De Santis` alone
    // keeps its particle.
    // By particle, so that a token pair is looked up with no copy of its keys.
    let mut particled: TextMap<String, TextSet<String>> = TextMap::new();
    let mut key = String::new();
    for c in kept.iter().filter(|c| c.label == Label::Per) {
        let name = c
            .canonical
            .as_deref()
            .unwrap_or_else(|| c.span.text(cx.text));
        // Each word folded once, into one buffer: a key is copied only when
        // it is new to a set.
        let n = name.split_whitespace().count();
        let mut particle: Option<String> = None;
        for (k, word) in name.split_whitespace().enumerate() {
            key.clear();
            fold_into(word, &mut key);
            if let Some(p) = particle.take() {
                let after = particled.entry(p).or_default();
                if !after.contains(key.as_str()) {
                    after.insert(key.clone());
                }
            }
            if k + 1 < n && (w.particles.contains(key.as_str()) || capital_article(word)) {
                particle = Some(key.clone());
            }
            let surname_first = k == 0 && w.chinese_surnames.contains(key.as_str()) && n == 2;
            if key.chars().count() < 3 && !surname_first {
                continue;
            }
            if w.particles.contains(key.as_str())
                || (w.given_names.contains(key.as_str()) && !surname_first)
            {
                continue;
            }
            if !parts.contains(key.as_str()) {
                parts.insert(key.clone());
            }
        }
    }
    let mut out = Vec::new();
    if parts.is_empty() {
        return out;
    }
    let mut strong = StrongSpans::new(kept);
    for (i, t) in cx.tokens.iter().enumerate() {
        if strong.overlap(Span::new(t.start(), t.end())) {
            continue;
        }
        if name_part(cx, i) && parts.contains(cx.key(i).as_ref()) {
            let start = i
                .checked_sub(1)
                .filter(|&p| {
                    cx.joined(p)
                        && cx.capitalised(p)
                        && particled
                            .get(cx.key(p).as_ref())
                            .is_some_and(|parts| parts.contains(cx.key(i).as_ref()))
                })
                .and_then(|p| cx.tokens.get(p))
                .map_or(t.start(), |p| p.start());
            out.push(
                Candidate::new(Span::new(start, t.end()), Label::Per, Tier::Weak, 4)
                    .from(Source::Propagated),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entity, run};

    fn people(text: &str) -> Vec<String> {
        run(text, None)
            .into_iter()
            .filter(|(_, l)| *l == "PER")
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn given_name_and_surname() {
        assert_eq!(
            people("Hier, Sergueï Lebedev a parlé."),
            ["Sergueï Lebedev"]
        );
    }

    #[test]
    fn a_counterpart_is_a_role_before_a_name() {
        assert_eq!(
            people("Le ministre a reçu son homologue malien Kolvar Tessandi."),
            ["Kolvar Tessandi"]
        );
    }

    #[test]
    fn a_given_name_that_lost_its_last_letter_is_repaired() {
        // `ï` turned into `?` by a bad conversion; a `?` elsewhere is no letter.
        let text = "La ministre a reçu Sergue? Lavrov à Moscou. Pourquoi ? Lavrov sait.";
        let found = super::super::tests::entity(text, None, "Sergue? Lavrov");
        assert_eq!(
            found.and_then(|e| e.canonical).as_deref(),
            Some("Sergueï Lavrov")
        );
        assert!(!people(text).iter().any(|p| p.starts_with("Pourquoi")));
    }

    #[test]
    fn title_keeps_outside() {
        assert_eq!(
            people("le président kazakh Kassym-Jomart Tokaïev est venu"),
            ["Kassym-Jomart Tokaïev"]
        );
        assert_eq!(people("a estimé M. Lebedev."), ["Lebedev"]);
    }

    #[test]
    fn chinese_surname_first() {
        assert_eq!(
            people("le ministre chinois des Affaires étrangères, Qin Gang, a dit"),
            ["Qin Gang"]
        );
    }

    #[test]
    fn apposition_with_role() {
        assert_eq!(
            people("a déclaré Bakhtiar Khakimov, représentant spécial du président"),
            ["Bakhtiar Khakimov"]
        );
    }

    #[test]
    fn acronyms_are_not_names() {
        assert!(people("Pour l'ONG Greenpeace, la forêt brûle.").is_empty());
        assert!(people("Le premier train, un TGV reliant Paris à Milan").is_empty());
    }

    #[test]
    fn institutions_in_titles_are_no_titles() {
        assert!(people("dans la région Picardie et pour le parti Morena").is_empty());
        assert_eq!(
            people("le ministre des Affaires étrangères Wang Yi"),
            ["Wang Yi"]
        );
    }

    #[test]
    fn a_known_place_spelt_like_a_name_is_no_person() {
        assert!(people("La police de Hong Kong a arrêté un suspect.").is_empty());
        assert_eq!(
            people("Le chef de l'exécutif de Hong Kong, John Lee, a dit"),
            ["John Lee"]
        );
    }

    #[test]
    fn upper_case_names_are_short() {
        assert_eq!(
            people("LE PRÉSIDENT RENCONTRE EMMANUEL MACRON À PÉKIN"),
            ["EMMANUEL MACRON"]
        );
    }

    #[test]
    fn name_after_a_run_that_is_none() {
        assert_eq!(
            people("la CDU de Friedrich Merz remporte"),
            ["Friedrich Merz"]
        );
    }

    #[test]
    fn de_before_a_place_ends_the_name() {
        assert_eq!(people("Jean Dupont de Marseille a gagné"), ["Jean Dupont"]);
        assert_eq!(
            people("le général Charles de Gaulle"),
            ["Charles de Gaulle"]
        );
    }

    #[test]
    fn honorific_after_a_comma_is_no_apposition() {
        assert_eq!(people("à New York, M. Wang a dit"), ["Wang"]);
    }

    #[test]
    fn photo_credit() {
        assert!(people("(Xinhua/Javed Dar)").contains(&"Javed Dar".to_string()));
    }

    #[test]
    fn particles_inside_names() {
        assert_eq!(
            people("le président Luiz Inácio Lula da Silva est"),
            ["Luiz Inácio Lula da Silva"]
        );
    }

    #[test]
    fn surname_alone_after_full_name() {
        let found = people("Sergueï Lebedev est venu. Lebedev a parlé.");
        assert_eq!(found, ["Sergueï Lebedev", "Lebedev"]);
    }

    #[test]
    fn surname_alone_keeps_its_capitalised_particle() {
        let found = people("Le coach Marco De Falcone a parlé. De Falcone est parti.");
        assert_eq!(found, ["Marco De Falcone", "De Falcone"]);
    }

    #[test]
    fn works_and_models_are_no_people() {
        assert!(people("le nouvel épisode de la série Jean Valmont sort").is_empty());
        assert!(people("un appareil de type Douglas DC-9 a décollé").is_empty());
    }

    #[test]
    fn surname_alone_in_apposition_with_a_role() {
        assert_eq!(
            people("Pour eux, Valmontier, le président de la Commission, a dit"),
            ["Valmontier"]
        );
    }

    #[test]
    fn a_given_name_that_heads_institutions() {
        assert_eq!(people("selon Marine Le Guévenec"), ["Marine Le Guévenec"]);
        assert!(people("la Marine Nationale a dit").is_empty());
    }

    #[test]
    fn capitalised_article_inside_a_surname() {
        let found = people("Hier, Corinne Le Guévenec est venue. Le Guévenec a parlé.");
        assert_eq!(found, ["Corinne Le Guévenec", "Le Guévenec"]);
    }

    #[test]
    fn title_and_adjective_before_a_name() {
        assert_eq!(
            people("le sénateur démocrate Yerlan Brown a gagné"),
            ["Yerlan Brown"]
        );
    }

    #[test]
    fn mangled_given_name_is_repaired_in_canonical() {
        let text = "Sergue? Lavrov a dit.";
        let e = entity(text, None, "Sergue? Lavrov");
        assert_eq!(
            e.and_then(|e| e.canonical).as_deref(),
            Some("Sergueï Lavrov")
        );
    }
}
