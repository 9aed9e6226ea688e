//! Features of a line that hold on any news site: its length, the share of
//! French function words (running text has many, menus and headline lists
//! few: the jusText idea), final punctuation, capitalisation, separators,
//! site-chrome vocabulary, image residue and photo credits.

use std::sync::LazyLock;

use super::furniture;
use super::lines::{ends_sentence, word_count};
use crate::lexicon::{entries, fold_key, folded_set, rows, WordSet};

static FUNCTION_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| folded_set(include_str!("../../data/article/function_words.txt")));

/// Chrome vocabulary: menu words, and phrases that make a line chrome.
static CHROME: LazyLock<(WordSet, Vec<String>)> = LazyLock::new(|| {
    let mut words = WordSet::default();
    let mut phrases = Vec::new();
    for r in rows(include_str!("../../data/article/chrome.tsv")) {
        match (r.first(), r.get(1)) {
            (Some(w), Some(&"word")) => {
                words.insert(fold_key(w));
            }
            (Some(p), Some(_)) => phrases.push(fold_key(p)),
            _ => {}
        }
    }
    (words, phrases)
});

static CRAWL: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/article/crawl_markers.txt"))
        .map(fold_key)
        .collect()
});

static TEASER_ENDS: LazyLock<WordSet> =
    LazyLock::new(|| folded_set(include_str!("../../data/article/teaser_ends.txt")));

/// Running text: a line of at least this many words ...
const MIN_PROSE_WORDS: usize = 8;
/// ... with at least this share of function words (in percent) ...
const MIN_PROSE_FUNCTION_SHARE: usize = 20;
/// ... ending a sentence, unless it is this long.
const LONG_PROSE_WORDS: usize = 25;
/// A question or exclamation this short may be a headline.
const MAX_QUESTION_WORDS: usize = 20;
/// A chrome phrase makes a line chrome only in a line this short.
const MAX_CHROME_PHRASE_WORDS: usize = 16;

/// The words of a line, with the punctuation around them stripped
/// (`l'OCS` gives `l'` and `OCS`).
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
}

/// The share (percent) of function words among the words of `line`.
pub fn function_share(line: &str) -> usize {
    let (mut n, mut fw) = (0usize, 0usize);
    let mut key = String::new();
    for raw in line.split_whitespace() {
        // `l'OCS`: the elided article counts as a function word.
        let (head, tail) = match raw.find(['\'', '’']) {
            Some(i) => (raw.get(..i).unwrap_or(""), raw.get(i..).unwrap_or("")),
            None => (raw, ""),
        };
        let w = head.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() || !tail.is_empty() {
            n += 1;
            key.clear();
            crate::lexicon::fold_into(w, &mut key);
            if !tail.is_empty() {
                key.push('\'');
            }
            if FUNCTION_WORDS.contains(&key) {
                fw += 1;
            }
        }
    }
    (fw * 100).checked_div(n).unwrap_or(0)
}

/// Whether `line` reads as running text: long enough, with function words,
/// ending a sentence (or long).
pub fn is_prose(line: &str) -> bool {
    let n = word_count(line);
    !is_short_question(line, n)
        && n >= MIN_PROSE_WORDS
        && function_share(line) >= MIN_PROSE_FUNCTION_SHARE
        && (ends_sentence(line) || n >= LONG_PROSE_WORDS)
        && !is_chrome(line)
}

/// A single short question or exclamation reads as a headline, not as the
/// body (`Fin de la traque du boson ?`, `X : « le meilleur reste à venir ! »`).
fn is_short_question(line: &str, words: usize) -> bool {
    let bare =
        line.trim_end_matches(|c: char| matches!(c, '»' | '"' | '”' | ')') || c.is_whitespace());
    words <= MAX_QUESTION_WORDS
        && bare.ends_with(['?', '!'])
        && !bare.trim_end_matches(['?', '!']).contains(['.', '?', '!'])
}

/// Whether `line` is site chrome: a menu (items separated by `|`, `>` or
/// `•`, or capitalised menu words without function words), a breadcrumb, a
/// widget or counter, image residue, or a line with a chrome phrase.
pub fn is_chrome(line: &str) -> bool {
    if line.contains("![") {
        return true;
    }
    let separators = line.matches(" | ").count()
        + line.matches(" > ").count()
        + line.matches(" • ").count()
        + line.matches(" / ").count();
    let n = word_count(line);
    if separators >= 2 || (separators == 1 && line.contains(" > ")) {
        return true;
    }
    let folded = fold_key(line);
    let (menu_words, phrases) = &*CHROME;
    if n <= MAX_CHROME_PHRASE_WORDS && phrases.iter().any(|p| contains_words(&folded, p)) {
        return true;
    }
    // Menu words (and counters: `Réagir (4)`, `Vues : 1 245`) with nothing else.
    let mut all = 0usize;
    let mut menu = 0usize;
    let mut capitalised = 0usize;
    for w in words(line) {
        if w.chars().all(|c| c.is_numeric()) {
            continue;
        }
        all += 1;
        if menu_words.contains(&fold_key(w)) {
            menu += 1;
        }
        if w.chars().next().is_some_and(|c| !c.is_lowercase()) {
            capitalised += 1;
        }
    }
    if all == 0 {
        return n > 0 && !ends_sentence(line);
    }
    let no_function = function_share(line) == 0;
    (menu == all && !ends_sentence(line))
        || (no_function && all >= 3 && menu * 2 >= all)
        || (no_function && all >= 4 && capitalised == all && !line.contains(':'))
}

/// Whether `phrase` occurs in `folded` at word boundaries.
fn contains_words(folded: &str, phrase: &str) -> bool {
    folded.match_indices(phrase).any(|(i, _)| {
        let before = folded.get(..i).and_then(|s| s.chars().next_back());
        let after = folded
            .get(i + phrase.len()..)
            .and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a date line is a crawl or consultation date (`Consulté le ...`).
pub fn is_crawl_date(line: &str) -> bool {
    let folded = fold_key(line);
    CRAWL.iter().any(|m| folded.contains(m.as_str()))
}

/// Whether `line` closes the teaser of another article (`Lire la suite`).
pub fn is_teaser_end(line: &str) -> bool {
    let folded = fold_key(line);
    let bare = folded.trim_end_matches(['.', '…', '>', '»', ' ', '\u{a0}']);
    TEASER_ENDS.contains(bare)
}

/// Whether `line` is a photo caption: a sentence followed by its credit
/// (`... du Henan. (Photo : Xinhua)`, `... 2023. © AFP`, `... d'artiste. Photo DR`).
pub fn is_caption(line: &str) -> bool {
    if line.contains('©') {
        return true;
    }
    let Some(i) = line.rfind(". ") else {
        return false;
    };
    line.get(i + 2..)
        .is_some_and(|tail| furniture::is_credit_line(tail.trim()) || is_bare_photo_credit(tail))
}

/// `Photo DR`, `Photo Drôme Sports`: a photo word and a short name.
fn is_bare_photo_credit(tail: &str) -> bool {
    let folded = fold_key(tail.trim());
    (folded.starts_with("photo ") || folded.starts_with("photos "))
        && word_count(tail) <= 4
        && !ends_sentence(tail)
}

/// The content words of `line` (folded, not function words, at least four
/// letters), to compare a headline candidate with the lead.
pub fn content_words(line: &str) -> impl Iterator<Item = String> + '_ {
    words(line)
        .map(fold_key)
        .filter(|w| w.chars().count() >= 4 && !FUNCTION_WORDS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_share() {
        assert!(function_share("La Chine et la Russie sont convenues de coopérer.") >= 40);
        assert_eq!(function_share("Politique Economie Société Monde"), 0);
        assert!(function_share("l'OCS") > 0);
    }

    #[test]
    fn running_text() {
        assert!(is_prose(
            "Le maire a présenté lundi un plan de rénovation des écoles de la ville."
        ));
        assert!(!is_prose("Le maire présente son plan pour les écoles"));
        assert!(!is_prose(
            "Foot Rugby Basket Hand Cyclisme Résultats Vidéos"
        ));
        assert!(!is_prose(
            "Le village va-t-il perdre sa dernière école cette année ?"
        ));
        assert!(is_prose(
            "Le maire a parlé. Le village va-t-il perdre sa dernière école cette année ?"
        ));
    }

    #[test]
    fn chrome_lines() {
        assert!(is_chrome("Accueil | Monde | Sport | Culture"));
        assert!(is_chrome("Accueil > Économie > Entreprises"));
        assert!(is_chrome("Politique Economie Société Monde Culture"));
        assert!(is_chrome("Français English Español Deutsch"));
        assert!(is_chrome(
            "Envoyer à un ami | Imprimer | Taille du texte : A A"
        ));
        assert!(is_chrome("![]() | ![]() |"));
        assert!(is_chrome("Réagir (12)"));
        assert!(is_chrome("Vues : 3 410"));
        assert!(is_chrome("+ Créer mon blog"));
        assert!(!is_chrome("La ville de Lyon vote son budget"));
        assert!(!is_chrome("Le Sénégal Relève Sa Prévision De Croissance"));
        assert!(!is_chrome("Culture : le musée rouvre ses portes"));
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "Un pêcheur relève ses filets sur le lac. (Photo : Agence X)"
        ));
        assert!(is_caption("La nouvelle gare, vue d'artiste. Photo DR"));
        assert!(is_caption("Des manifestants à Lyon, le 2 mai. © Studio Y"));
        assert!(!is_caption(
            "Le ministre a parlé. Il a ensuite quitté la salle."
        ));
    }

    #[test]
    fn crawl_dates_and_teasers() {
        assert!(is_crawl_date("Consulté le 2021-04-02 10:12"));
        assert!(!is_crawl_date("Publié le 2021-04-02 10:12"));
        assert!(is_teaser_end("Lire la suite..."));
        assert!(is_teaser_end("En savoir plus »"));
        assert!(!is_teaser_end(
            "Lire la suite du rapport sur le site du ministère"
        ));
    }

    #[test]
    fn lead_words() {
        let got: Vec<_> = content_words("Le port du Havre retrouve son trafic").collect();
        assert_eq!(got, ["port", "havre", "retrouve", "trafic"]);
    }
}
