//! Organisation names no list holds: a capitalised head noun with its
//! complements (`Conseil de la jeunesse de l'OCS`, `ministère chinois du
//! Commerce`), and acronym definitions `Long Name (ACR)`, which make both an
//! organisation and the acronym one wherever the article uses it.

use super::words::Class;
use super::Context;
use super::{Candidate, StrongSpans, Tier};
use crate::lexicon::WordShapes;
use crate::lexicon::{TextMap, TextSet};
use crate::model::Span;
use crate::model::{Label, Source};
use crate::text::capitalised;

/// A name longer than this many tokens is not one name any more (the UN's
/// longest French names run to 17: `Office de secours et de travaux des
/// Nations unies pour les réfugiés de Palestine dans le Proche-Orient`).
const MAX_NAME_TOKENS: usize = 20;

/// `le`, `la`, `l'`, `les`: an article inside a name's complement.
fn definite_article(key: &str) -> bool {
    matches!(key, "la" | "l'" | "les" | "le")
}

/// A lower-case word that looks like an adjective.
fn adjective(cx: &Context, i: usize) -> bool {
    cx.is_word(i) && !cx.capitalised(i) && cx.lex.words.adjective(cx.key(i).as_ref())
}

/// A capitalised word that can continue a name.
fn capital_part(cx: &Context, i: usize) -> bool {
    cx.is_word(i) && cx.capitalised(i) && !cx.is(i, Class::Blocker) && cx.full_month(i).is_none()
}

/// Whether token `i` follows a lower-case word on its line: it opens no
/// sentence, heading or list item.
fn inside_sentence(cx: &Context, i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| cx.joined(p) && cx.is_word(p) && cx.has_lower(p))
}

/// The last token of the organisation name headed by token `i`, if one is.
fn headed_name(cx: &Context, i: usize) -> Option<usize> {
    let capital_head = cx.capitalised(i) && cx.is(i, Class::OrgHead);
    let lower_head = !cx.capitalised(i) && cx.is(i, Class::LowercaseOrgHead);
    if !capital_head && !lower_head {
        return None;
    }
    // A head that is also a given name, followed by capitalised words, opens
    // a person's name (`Marine Le Pen`), not an organisation's.
    if capital_head && cx.is(i, Class::GivenName) && cx.joined(i) && capital_part(cx, i + 1) {
        return None;
    }
    let mut anchor = None;
    let mut j = i;
    // Adjectives right after the head (Banque mondiale, ministère chinois).
    for _ in 0..2 {
        if cx.joined(j) && adjective(cx, j + 1) {
            j += 1;
            if capital_head {
                anchor = Some(j);
            }
        }
    }
    // Capitalised words right after a capitalised head (Forum Boao), up to
    // a given name (`la secrétaire au Trésor Janet Yellen`).
    while capital_head && cx.joined(j) && capital_part(cx, j + 1) && !cx.is(j + 1, Class::GivenName)
    {
        j += 1;
        anchor = Some(j);
    }
    // Complements: link, optional article, then words.
    while cx.joined(j) && j - i < MAX_NAME_TOKENS {
        let mut k = j + 1;
        let link = cx.key(k);
        if !cx.is(k, Class::Link) {
            break;
        }
        if link == "et" {
            k += 1;
            if !cx.joined(k - 1) || !cx.is(k, Class::Link) || cx.key(k) == "et" {
                break;
            }
        }
        if !cx.joined(k) {
            break;
        }
        k += 1;
        if definite_article(&cx.key(k)) && cx.joined(k) {
            k += 1;
        }
        if capital_part(cx, k) {
            j = k;
            anchor = Some(j);
            while cx.joined(j) && capital_part(cx, j + 1) {
                j += 1;
                anchor = Some(j);
            }
            if cx.joined(j) && adjective(cx, j + 1) {
                j += 1;
                anchor = Some(j);
            }
        } else if cx.is_word(k)
            && cx.word(k).chars().count() >= 3
            && cx.word(k).chars().all(|c| c.is_alphabetic() || c == '-')
        {
            j = k;
            while cx.joined(j) && adjective(cx, j + 1) {
                j += 1;
            }
            // A capitalised head inside a sentence is a name's, and so is
            // its complement in lower case (`le Conseil des ministres`, `le
            // Front de gauche`); opening a sentence it may be any noun.
            let first_complement = k <= i + 3;
            let of = matches!(link.as_ref(), "de" | "des" | "du" | "d'");
            let verb = cx.key(k).ends_with("er") || cx.key(k).ends_with("ir");
            if capital_head && inside_sentence(cx, i) && first_complement && of && !verb {
                anchor = Some(j);
            }
        } else {
            break;
        }
    }
    anchor
}

/// Whether the lower-case head at `head` is followed by nothing but a link
/// and a known place up to `last`: `département du Cauca` names an area, not
/// an office (`département d'Etat` is in the lexicon).
fn names_a_place(cx: &Context, head: usize, last: usize, places: &TextSet<(usize, usize)>) -> bool {
    // `université de Caen`, `ministère de France` name a body, whatever place follows.
    if cx.capitalised(head) || !cx.is(head, Class::AreaHead) {
        return false;
    }
    let Some(end) = cx.tokens.get(last).map(|t| t.end()) else {
        return false;
    };
    (head + 1..=last)
        .take_while(|&k| {
            let key = cx.key(k);
            cx.is(k, Class::Link) || definite_article(&key)
        })
        .last()
        .and_then(|k| cx.tokens.get(k + 1))
        .is_some_and(|t| places.contains(&(t.start(), end)))
}

/// The last token of the capitalised name right after a common noun that
/// says what kind of organisation it is (`l'ONG Greenpeace`, `l'hebdomadaire
/// Jeune Afrique`), past adjectives: its first and last tokens.
fn described_name(cx: &Context, i: usize) -> Option<(usize, usize)> {
    let descriptor = cx.key(i);
    let lower = !cx.capitalised(i) || descriptor == "ong";
    if !lower || !cx.is(i, Class::OrgDescriptor) || !cx.joined(i) {
        return None;
    }
    let mut last = None;
    let mut j = i;
    // Adjectives between (`l'entreprise américaine X`, `la milice populaire X`).
    for _ in 0..2 {
        if cx.joined(j) && adjective(cx, j + 1) {
            j += 1;
        }
    }
    // An article before the name (`le collectif la Quadrature du Net`).
    if cx.joined(j)
        && definite_article(&cx.key(j + 1))
        && cx.joined(j + 1)
        && capital_part(cx, j + 2)
    {
        j += 1;
    }
    let first = j + 1;
    while cx.joined(j) && j - i < MAX_NAME_TOKENS {
        let next = j + 1;
        // A given name after the first word opens a person (`l'agence Nova
        // Press Jean Dupont`).
        let person = last.is_some() && cx.is(next, Class::GivenName);
        if capital_part(cx, next) && !person {
            j = next;
            last = Some(j);
            continue;
        }
        // Inner words of a name: `du`, `de`, `and`, `&` between capitals
        // (`Quadrature du Net`, `Food and Chemical Toxicology`).
        let inner = matches!(
            cx.key(next).as_ref(),
            "du" | "de" | "des" | "and" | "&" | "of"
        );
        if last.is_some() && inner && cx.joined(next) && capital_part(cx, next + 1) {
            j = next + 1;
            last = Some(j);
            continue;
        }
        break;
    }
    last.map(|last| (first, last))
}

/// The last token of the name headed at `head` without a place complement
/// after its adjective: `Commission européenne de Bruxelles` names the
/// Commission (and the city), where `Impact de Montréal` has no adjective
/// and keeps its place.
fn without_trailing_place(
    cx: &Context,
    head: usize,
    last: usize,
    places: &TextSet<(usize, usize)>,
) -> usize {
    if !cx.capitalised(head) {
        return last;
    }
    let mut j = head;
    while j < last && adjective(cx, j + 1) {
        j += 1;
    }
    if j == head || !matches!(cx.key(j + 1).as_ref(), "de" | "d'") {
        return last;
    }
    let end = cx.tokens.get(last).map(|t| t.end());
    let place = cx.tokens.get(j + 2).zip(end);
    match place {
        Some((t, end)) if places.contains(&(t.start(), end)) => j,
        _ => last,
    }
}

/// An institution named by its head alone (`l'Assemblée`, `du Conseil`, `le
/// Parti`), capitalised after an article, not opening a sentence, followed
/// by no name: a weak organisation.
pub fn bare_heads(cx: &Context, out: &mut Vec<Candidate>) {
    for i in 1..cx.tokens.len() {
        if !cx.capitalised(i) || cx.all_caps(i) || !cx.is(i, Class::OrgHead) {
            continue;
        }
        let prev = cx.key(i - 1);
        let after_article = cx.joined(i - 1)
            && matches!(
                prev.as_ref(),
                "l'" | "le" | "la" | "du" | "au" | "notre" | "votre" | "leur" | "cette" | "ce"
            )
            && !cx.capitalised(i - 1);
        let named_after = cx.joined(i) && (cx.capitalised(i + 1) || cx.is(i + 1, Class::Link));
        if !after_article || named_after || cx.is(i, Class::GivenName) {
            continue;
        }
        if let Some(t) = cx.tokens.get(i) {
            out.push(
                Candidate::new(Span::new(t.start(), t.end()), Label::Org, Tier::Weak, 1)
                    .from(Source::Evidence),
            );
        }
    }
}

/// Whether a token looks like an acronym: OCS, G20, BAsD, or a capitalised
/// short word (Ideam, Morena) that must then share the name's initial.
fn acronym_like(word: &str) -> Option<bool> {
    let n = word.chars().count();
    if !(2..=10).contains(&n) || !capitalised(word) {
        return None;
    }
    if !word.chars().all(char::is_alphanumeric) {
        return None;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 {
        Some(true)
    } else if n >= 4 {
        Some(false)
    } else {
        None
    }
}

/// The initial of a word without its accent, in lower case.
fn initial(word: &str) -> Option<char> {
    let c = word.chars().next()?.to_lowercase().next()?;
    Some(match c {
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' | 'ä' => 'a',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'û' | 'ü' | 'ù' => 'u',
        'ç' => 'c',
        other => other,
    })
}

/// The first token of the name defined by the acronym in parentheses
/// opening at token `open`.
fn defined_name(cx: &Context, open: usize, acronym: &str, strict: bool) -> Option<usize> {
    let mut capitals = Vec::new();
    let mut k = open;
    while k > 0 && open - k < MAX_NAME_TOKENS {
        let prev = k - 1;
        if !cx.joined(prev) {
            break;
        }
        let word = cx.word(prev);
        if word == "," {
            if !cx.is(prev + 1, Class::Link) {
                break;
            }
        } else if !cx.is_word(prev) {
            break;
        } else if cx.is(prev, Class::Determiner) {
            let after_link = prev
                .checked_sub(1)
                .is_some_and(|p| matches!(cx.key(p).as_ref(), "de" | "pour" | "sur" | "dans"));
            if !after_link {
                break;
            }
        } else if cx.capitalised(prev)
            && (!cx.is(prev, Class::Blocker) || cx.is(prev, Class::OrgHead))
        {
            capitals.push(prev);
        }
        k = prev;
    }
    // The farthest capital with the acronym's initial, a head noun first
    // (`maire de Mexico et figure du Mouvement de régénération nationale
    // (Morena)` starts at `Mouvement`).
    let want = initial(acronym);
    let initial_matches = |c: &&usize| initial(cx.word(**c)) == want;
    let matching = capitals
        .iter()
        .rev()
        .filter(initial_matches)
        .find(|&&c| cx.is(c, Class::OrgHead))
        .or_else(|| capitals.iter().rev().find(initial_matches))
        .copied();
    // Without a matching initial, the acronym after a person's name is their
    // party or body (`Jean Dupont (PS)`), not the name's.
    let start = match matching {
        Some(s) => s,
        None if !strict => Some(*capitals.last()?).filter(|&s| !cx.is(s, Class::GivenName))?,
        None => return None,
    };
    // Two words at least, ending on a word.
    (open - start >= 2 && cx.is_word(open - 1)).then_some(start)
}

pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let places: TextSet<(usize, usize)> = out
        .iter()
        .filter(|c| c.label == Label::Loc)
        .map(|c| (c.span.start, c.span.end))
        .collect();
    for i in 0..cx.tokens.len() {
        if let Some(last) = headed_name(cx, i)
            .filter(|&last| !names_a_place(cx, i, last, &places))
            .map(|last| without_trailing_place(cx, i, last, &places))
        {
            if let (Some(a), Some(b)) = (cx.tokens.get(i), cx.tokens.get(last)) {
                out.push(Candidate::new(
                    Span::new(a.start(), b.end()),
                    Label::Org,
                    Tier::Strong,
                    3,
                ));
            }
        }
        if let Some((first, last)) = described_name(cx, i) {
            if let (Some(a), Some(b)) = (cx.tokens.get(first), cx.tokens.get(last)) {
                // Ranked above the person patterns: `Jeune` is a given name too.
                out.push(Candidate::new(
                    Span::new(a.start(), b.end()),
                    Label::Org,
                    Tier::Strong,
                    7,
                ));
            }
        }
        if cx.word(i) != "(" || cx.word(i + 2) != ")" || !cx.glued(i) || !cx.glued(i + 1) {
            continue;
        }
        let acronym = cx.word(i + 1);
        let Some(all_caps) = acronym_like(acronym) else {
            continue;
        };
        // A name in quote marks keeps them outside (`l'association "Cinéma
        // numérique ambulant" (CNA)`).
        let after_name = if i > 1 && matches!(cx.word(i - 1), "\"" | "»" | "”") {
            i - 1
        } else {
            i
        };
        let Some(start) = defined_name(cx, after_name, acronym, !all_caps) else {
            continue;
        };
        let (Some(a), Some(b), Some(acr)) = (
            cx.tokens.get(start),
            cx.tokens.get(after_name - 1),
            cx.tokens.get(i + 1),
        ) else {
            continue;
        };
        if places.contains(&(a.start(), b.end())) {
            continue;
        }
        let name = Span::new(a.start(), b.end());
        let long: Box<str> = name.text(cx.text).into();
        let mut def = Candidate::new(name, Label::Org, Tier::Strong, 7);
        def.canonical = Some(long.clone());
        let mut short = Candidate::new(
            Span::new(acr.start(), acr.end()),
            Label::Org,
            Tier::Strong,
            7,
        );
        short.canonical = Some(long);
        out.push(def);
        out.push(short);
    }
}

/// Acronyms defined in the article, wherever else it uses them, as weak
/// candidates carrying the definition.
pub fn acronym_mentions(cx: &Context, kept: &[Candidate]) -> Vec<Candidate> {
    let mut defined: TextMap<&str, &str> = TextMap::new();
    for c in kept.iter().filter(|c| c.label == Label::Org) {
        let surface = c.span.text(cx.text);
        if let Some(long) = c.canonical.as_deref() {
            if long != surface && acronym_like(surface).is_some() {
                defined.insert(surface, long);
            }
        }
    }
    let mut out = Vec::new();
    if defined.is_empty() {
        return out;
    }
    // A token spelt as an acronym has the first byte (a capital) and the
    // length of one: the others, most tokens, are not hashed.
    let acronyms = WordShapes::of(defined.keys().copied());
    let mut strong = StrongSpans::new(kept);
    for t in cx.tokens {
        let word = t.text(cx.text);
        if !acronyms.may_hold(word) || strong.overlap(Span::new(t.start(), t.end())) {
            continue;
        }
        if let Some(long) = defined.get(word) {
            let mut c = Candidate::new(Span::new(t.start(), t.end()), Label::Org, Tier::Weak, 4)
                .from(Source::Propagated);
            c.canonical = Some((*long).into());
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    fn orgs(text: &str) -> Vec<String> {
        run(text, None)
            .into_iter()
            .filter(|(_, l)| *l == "ORG")
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn head_with_complements() {
        assert_eq!(
            orgs("Le Conseil de la jeunesse de l’OCS a siégé."),
            ["Conseil de la jeunesse de l’OCS"]
        );
    }

    #[test]
    fn lower_case_ministry() {
        assert_eq!(
            orgs("selon le ministère chinois des Affaires étrangères lundi"),
            ["ministère chinois des Affaires étrangères"]
        );
    }

    #[test]
    fn acronym_definition_makes_two_and_spreads() {
        let found = orgs("le Cinéma numérique ambulant (CNA) tourne. Le CNA part.");
        assert_eq!(found, ["Cinéma numérique ambulant", "CNA", "CNA"]);
    }

    #[test]
    fn definition_starts_at_its_head_noun() {
        let found = orgs(
            "l'ancienne maire de Mexico et figure du Mouvement de régénération nationale (Morena)",
        );
        assert_eq!(found, ["Mouvement de régénération nationale", "Morena"]);
    }

    #[test]
    fn a_descriptor_makes_the_name_an_organisation() {
        assert_eq!(
            orgs("un entretien à l'hebdomadaire Jeune Afrique et à l'ONG Greenpeace"),
            ["Jeune Afrique", "Greenpeace"]
        );
        assert!(orgs("le groupe de travail").is_empty());
    }

    #[test]
    fn lower_case_head_before_a_place_is_no_organisation() {
        assert!(orgs("dans le département de la Gironde").is_empty());
        assert_eq!(
            orgs("le département d'Etat américain et le ministère de la Défense"),
            ["département d'Etat", "ministère de la Défense"]
        );
    }

    #[test]
    fn a_given_name_ends_the_name_after_its_head() {
        assert!(orgs("la secrétaire américaine au Trésor Janet Yellen").is_empty());
        assert_eq!(
            orgs("au Forum Boao pour l'Asie"),
            ["Forum Boao pour l'Asie"]
        );
    }

    #[test]
    fn quoted_name_before_its_acronym() {
        let found = orgs("organisée par l'association \"Cinéma numérique ambulant\" (CNA). Le CNA");
        assert_eq!(found, ["Cinéma numérique ambulant", "CNA", "CNA"]);
        let found = orgs("l'association « Cinéma numérique ambulant » (CNA)");
        assert_eq!(found, ["Cinéma numérique ambulant", "CNA"]);
    }

    #[test]
    fn a_party_after_a_person_is_no_definition() {
        let found = orgs("le député Jean Dupont (PS) a voté");
        assert_eq!(found, ["PS"]);
        assert!(
            super::super::tests::run("le député Jean Dupont (PS) a voté", None)
                .contains(&("Jean Dupont".to_string(), "PER"))
        );
    }

    #[test]
    fn a_given_name_heading_capitals_is_a_person() {
        assert!(orgs("la candidate Marine Tessier a dit").is_empty());
        assert_eq!(orgs("la Marine nationale"), ["Marine nationale"]);
    }

    #[test]
    fn descriptor_adjectives_and_lower_case_universities() {
        assert_eq!(
            orgs("la société américaine Zentrix et la revue Folia"),
            ["Zentrix", "Folia"]
        );
        assert_eq!(
            orgs("selon l'université de Caen et dans le département de la Gironde"),
            ["université de Caen"]
        );
    }

    #[test]
    fn descriptor_names_with_inner_words_and_articles() {
        assert_eq!(
            orgs("la revue Folia and Plant Studies a publié"),
            ["Folia and Plant Studies"]
        );
        assert_eq!(orgs("le collectif la Ruche du Net a dit"), ["Ruche du Net"]);
        assert_eq!(
            orgs("l'agence Nova Press Jean Dupont a dit"),
            ["Nova Press"]
        );
    }

    #[test]
    fn a_place_after_the_adjective_is_no_part_of_the_name() {
        let found = super::super::tests::run("la Commission européenne de Bruxelles a dit", None);
        assert!(found.contains(&("Commission européenne".to_string(), "ORG")));
        assert!(found.contains(&("Bruxelles".to_string(), "LOC")));
    }

    #[test]
    fn a_head_alone_after_an_article_is_an_institution() {
        assert_eq!(orgs("le président de l'Assemblée a parlé"), ["Assemblée"]);
        assert!(orgs("Le Conseil a siégé.").is_empty());
    }

    #[test]
    fn lower_case_complement_of_a_capitalised_head_inside_a_sentence() {
        assert_eq!(
            orgs("le président du Conseil des ministres a dit"),
            ["Conseil des ministres"]
        );
        assert!(orgs("Groupe de travail : les mesures").is_empty());
    }

    #[test]
    fn agency_in_parentheses_is_no_definition() {
        let found = orgs("MOSCOU, 7 juin (Xinhua) -- Bonjour");
        assert_eq!(found, ["Xinhua"]);
    }
}
