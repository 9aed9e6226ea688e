//! Features of a line that hold on any news site: its length, the share of
//! French function words (running text has many, menus and headline lists
//! few: the jusText idea), final punctuation, capitalisation, separators,
//! site-chrome vocabulary, image residue and photo credits.

use super::lines::ends_sentence;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::{furniture, Lexicons};
use crate::lexicon::regex;
use crate::lexicon::{entries, fold_key, folded_set, rows, WordSet};

/// French function words (folded), every class.
pub(super) fn function_words() -> WordSet {
    crate::lexicon::function_words(false)
}

/// Chrome vocabulary: menu words, and phrases that make a line chrome
/// (folded), found all at once.
pub(super) fn chrome() -> (WordSet, AhoCorasick) {
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
    let phrases =
        AhoCorasick::new(&phrases).unwrap_or_else(|e| panic!("built-in chrome phrases: {e}"));
    (words, phrases)
}

/// Markers of crawl and consultation dates (folded).
pub(super) fn crawl_markers() -> Vec<String> {
    entries(include_str!("../../data/article/crawl_markers.txt"))
        .map(fold_key)
        .collect()
}

/// Links that close a teaser (folded).
pub(super) fn teaser_ends() -> WordSet {
    folded_set(include_str!("../../data/article/teaser_ends.txt"))
}

/// Running text: a line of at least this many words ...
const MIN_PROSE_WORDS: usize = 8;
/// ... with at least this share of function words (in percent) ...
const MIN_PROSE_FUNCTION_SHARE: usize = 20;
/// ... ending a sentence, unless it is this long.
const LONG_PROSE_WORDS: usize = 25;
/// `4 min`, `12 mn`.
static DURATION: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b\d{1,3}\s?(?:min|mn)\b"));
/// A duration widget is this short.
const MAX_DURATION_WORDS: usize = 5;
/// A question or exclamation this short may be a headline.
const MAX_QUESTION_WORDS: usize = 20;
/// A chrome phrase makes a line chrome only in a line this short.
const MAX_CHROME_PHRASE_WORDS: usize = 25;

/// The words of a line, with the punctuation around them stripped
/// (`l'OCS` gives `l'` and `OCS`).
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
}

/// What several tests read of a line, worked out in one pass over its words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// Its number of words (see `lines::word_count`).
    pub words: usize,
    /// The share (percent) of function words among its words.
    pub function_share: usize,
}

impl Shape {
    pub fn of(lex: &Lexicons, line: &str) -> Shape {
        let (mut all, mut n, mut fw) = (0usize, 0usize, 0usize);
        let mut key = String::new();
        let mut count = |raw: &str, ascii: bool| {
            all += 1;
            let (word, function) = ascii
                .then(|| ascii_function_word(lex, raw.as_bytes()))
                .flatten()
                .unwrap_or_else(|| function_word(lex, raw, &mut key));
            n += usize::from(word);
            fw += usize::from(function);
        };
        // The runs of non-whitespace, as `split_whitespace` gives them: split
        // at ASCII whitespace in a tight loop, then, in the rare run with
        // other characters, at the rest of whitespace.
        let mut rest = line;
        while !rest.is_empty() {
            let end = rest
                .bytes()
                .position(|b| matches!(b, b'\t'..=b'\r' | b' '))
                .unwrap_or(rest.len());
            let (run, after) = rest.split_at(end);
            if run.is_ascii() {
                if !run.is_empty() {
                    count(run, true);
                }
            } else {
                for w in run.split_whitespace() {
                    count(w, w.is_ascii());
                }
            }
            rest = after.get(1..).unwrap_or("");
        }
        Shape {
            words: all,
            function_share: (fw * 100).checked_div(n).unwrap_or(0),
        }
    }
}

/// Whether `raw` (a run of non-whitespace) counts as a word for the share
/// of function words, and whether it is a function word (`key`: a buffer).
fn function_word(lex: &Lexicons, raw: &str, key: &mut String) -> (bool, bool) {
    // `l'OCS`: the elided article counts as a function word.
    let (head, tail) = match raw.find(['\'', '’']) {
        Some(i) => (raw.get(..i).unwrap_or(""), raw.get(i..).unwrap_or("")),
        None => (raw, ""),
    };
    let w = head.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() && tail.is_empty() {
        return (false, false);
    }
    key.clear();
    crate::lexicon::fold_into(w, key);
    if !tail.is_empty() {
        key.push('\'');
    }
    // A key longer than every function word needs no look-up.
    (
        true,
        key.len() <= lex.function_word_len && lex.function_words.contains(key.as_str()),
    )
}

/// `function_word` for an ASCII `raw`, its key packed (see `pack`): most
/// words of a French text. `None` for a key too long to pack.
fn ascii_function_word(lex: &Lexicons, raw: &[u8]) -> Option<(bool, bool)> {
    let (head, elided) = match raw.iter().position(|&b| b == b'\'') {
        Some(i) => (raw.get(..i).unwrap_or(&[]), true),
        None => (raw, false),
    };
    let start = head
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(head.len());
    let end = head
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |i| i + 1);
    let w = head.get(start..end).unwrap_or(&[]);
    if w.is_empty() && !elided {
        return Some((false, false));
    }
    let len = w.len() + usize::from(elided);
    if len > lex.function_word_len {
        return Some((true, false));
    }
    let key = w
        .iter()
        .map(u8::to_ascii_lowercase)
        .chain(elided.then_some(b'\''));
    let packed = pack(len, key)?;
    Some((true, lex.packed_function_words.contains(&packed)))
}

/// A key of at most eight bytes (`len` of them) packed in an integer,
/// cheaper to hash and compare than a string. Zero bytes pad it: no
/// function word holds one, and a word's key ends with a letter, a digit or
/// an apostrophe, so no two keys pack alike.
pub(super) fn pack(len: usize, key: impl Iterator<Item = u8>) -> Option<u64> {
    (len <= 8).then(|| {
        key.take(len)
            .enumerate()
            .fold(0, |p, (i, b)| p | u64::from(b) << (8 * i))
    })
}

/// The share (percent) of function words among the words of `line`.
#[cfg(test)]
fn function_share(lex: &Lexicons, line: &str) -> usize {
    Shape::of(lex, line).function_share
}

/// Whether `line` reads as running text: long enough, with function words,
/// ending a sentence (or long), and no chrome (`chrome`: whether `is_chrome`
/// holds for it).
pub fn is_prose(line: &str, shape: Shape, chrome: bool) -> bool {
    let n = shape.words;
    !is_short_question(line, n)
        && n >= MIN_PROSE_WORDS
        && shape.function_share >= MIN_PROSE_FUNCTION_SHARE
        && (ends_sentence(line) || n >= LONG_PROSE_WORDS)
        && !chrome
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
pub fn is_chrome(lex: &Lexicons, line: &str, shape: Shape) -> bool {
    if line.contains("![") || is_duration(line, shape) || is_menu_bar(line) {
        return true;
    }
    let n = shape.words;
    let menu_words = &lex.chrome_words;
    if n <= MAX_CHROME_PHRASE_WORDS && has_chrome_phrase(lex, &fold_key(line)) {
        return true;
    }
    let no_function = shape.function_share == 0;
    let ends = ends_sentence(line);
    // With function words, only a line of menu words not ending a sentence
    // is chrome: running text is ruled out without reading its words.
    if !no_function && ends {
        return false;
    }
    // Menu words (and counters: `Réagir (4)`, `Vues : 1 245`) with nothing else.
    let mut all = 0usize;
    let mut menu = 0usize;
    let mut capitalised = 0usize;
    let mut key = String::new();
    for w in words(line) {
        if w.chars().all(|c| c.is_numeric()) {
            continue;
        }
        all += 1;
        key.clear();
        crate::lexicon::fold_into(w, &mut key);
        if menu_words.contains(&key) {
            menu += 1;
        } else if !no_function {
            // Not all menu words, and function words: no rule below holds.
            return false;
        }
        if w.chars().next().is_some_and(|c| !c.is_lowercase()) {
            capitalised += 1;
        }
    }
    if all == 0 {
        return n > 0 && !ends;
    }
    (menu == all && !ends)
        || (no_function && all >= 3 && menu * 2 >= all)
        || (no_function && all >= 4 && capitalised == all && !line.contains(':'))
}

/// Menu items separated by ` | `, ` • ` or ` / ` (two separators), or a
/// breadcrumb (one ` > `). Each separator is counted without overlaps, as
/// `str::matches` counts, in one pass over the line.
fn is_menu_bar(line: &str) -> bool {
    const SEPARATORS: [&[u8]; 3] = [b"| ", "\u{2022} ".as_bytes(), b"/ "];
    // Most lines have no separator at all, which substring searches (vector
    // code on long lines) tell before the count below reads every byte.
    if ![" | ", " \u{2022} ", " / ", " > "]
        .iter()
        .any(|sep| line.contains(sep))
    {
        return false;
    }
    let bytes = line.as_bytes();
    let mut count = 0usize;
    // Where the last counted match of each separator ends.
    let mut ends = [0usize; 3];
    for (i, pair) in bytes.windows(2).enumerate() {
        // A space, then a separator's first byte: most spaces are followed
        // by a letter.
        if !matches!(pair, [b' ', b'|' | b'>' | b'/' | 0xE2]) {
            continue;
        }
        let after = bytes.get(i + 1..).unwrap_or(&[]);
        if after.starts_with(b"> ") {
            return true;
        }
        for (sep, end) in SEPARATORS.iter().zip(ends.iter_mut()) {
            if i >= *end && after.starts_with(sep) {
                count += 1;
                *end = i + 1 + sep.len();
                if count >= 2 {
                    return true;
                }
            }
        }
    }
    false
}

/// A reading or listening time standing alone: `Durée : 2 min`,
/// `Lecture 4 min.`, `3 min de lecture`.
fn is_duration(line: &str, shape: Shape) -> bool {
    shape.words <= MAX_DURATION_WORDS
        && DURATION.is_match(line)
        && shape.function_share < MIN_PROSE_FUNCTION_SHARE + 10
}

/// Whether a chrome phrase occurs in `folded` at word boundaries. Each
/// phrase's occurrences are read as `str::match_indices` gives them (without
/// overlaps, from the left), all phrases in one pass.
fn has_chrome_phrase(lex: &Lexicons, folded: &str) -> bool {
    let finder = &lex.chrome_phrases;
    // Where the last occurrence read of each phrase ends.
    let mut ends = vec![0usize; finder.patterns_len()];
    finder.find_overlapping_iter(folded).any(|m| {
        let Some(end) = ends.get_mut(m.pattern().as_usize()) else {
            return false;
        };
        if m.start() < *end {
            return false;
        }
        *end = m.end();
        let before = folded.get(..m.start()).and_then(|s| s.chars().next_back());
        let after = folded.get(m.end()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a date line is a crawl or consultation date (`Consulté le ...`).
pub fn is_crawl_date(lex: &Lexicons, line: &str) -> bool {
    let folded = fold_key(line);
    lex.crawl_markers
        .iter()
        .any(|m| folded.contains(m.as_str()))
}

/// Whether `line` closes the teaser of another article (`Lire la suite`).
pub fn is_teaser_end(lex: &Lexicons, line: &str) -> bool {
    let folded = fold_key(line);
    let bare = folded.trim_end_matches(['.', '…', '>', '»', ' ', '\u{a0}']);
    lex.teaser_ends.contains(bare)
}

/// Whether `line` is a photo caption: a sentence followed by its credit
/// (`... du Henan. (Photo : Xinhua)`, `... 2023. © AFP`, `... d'artiste. Photo DR`).
pub fn is_caption(lex: &Lexicons, line: &str) -> bool {
    if line.contains('©') {
        return true;
    }
    let Some(i) = line.rfind(". ") else {
        return false;
    };
    line.get(i + 2..).is_some_and(|tail| {
        furniture::is_credit_line(lex, tail.trim()) || is_bare_photo_credit(tail)
    })
}

/// `Photo DR`, `Photo Drôme Sports`: a photo word and a short name.
fn is_bare_photo_credit(tail: &str) -> bool {
    // The short tests first: the tail of a long line is no credit.
    if tail.split_whitespace().nth(4).is_some() || ends_sentence(tail) {
        return false;
    }
    let folded = fold_key(tail.trim());
    folded.starts_with("photo ") || folded.starts_with("photos ")
}

/// Adds to `found` the words of `wanted` that `line` has (folded, as
/// `content_words` gives them).
pub fn find_words(line: &str, wanted: &WordSet, found: &mut WordSet) {
    // The lengths of the wanted words, to skip the look-up of most others.
    let lengths = wanted.iter().fold(0u64, |m, w| {
        m | 1u64.checked_shl(w.len() as u32).unwrap_or(0)
    });
    let long = wanted.iter().any(|w| w.len() >= 64);
    let maybe = |len: usize| {
        1u64.checked_shl(len as u32)
            .map_or(long, |bit| lengths & bit != 0)
    };
    let mut key = String::new();
    for w in words(line) {
        // An ASCII word folds to as many bytes: most are ruled out unfolded.
        if w.is_ascii() && !maybe(w.len()) {
            continue;
        }
        key.clear();
        crate::lexicon::fold_into(w, &mut key);
        if maybe(key.len()) && wanted.contains(&key) && !found.contains(&key) {
            found.insert(key.clone());
        }
    }
}

/// The content words of `line` (folded, not function words, at least four
/// letters), to compare a headline candidate with the lead.
pub fn content_words<'a>(lex: &'a Lexicons, line: &'a str) -> impl Iterator<Item = String> + 'a {
    words(line)
        .map(fold_key)
        .filter(|w| w.chars().count() >= 4 && !lex.function_words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicons {
        &crate::Lexicons::builtin().article
    }

    fn chrome_line(line: &str) -> bool {
        is_chrome(lex(), line, Shape::of(lex(), line))
    }

    fn prose_line(line: &str) -> bool {
        let shape = Shape::of(lex(), line);
        is_prose(line, shape, is_chrome(lex(), line, shape))
    }

    #[test]
    fn function_words_share() {
        assert!(function_share(lex(), "La Chine et la Russie sont convenues de coopérer.") >= 40);
        assert_eq!(function_share(lex(), "Politique Economie Société Monde"), 0);
        assert!(function_share(lex(), "l'OCS") > 0);
    }

    #[test]
    fn running_text() {
        assert!(prose_line(
            "Le maire a présenté lundi un plan de rénovation des écoles de la ville."
        ));
        assert!(!prose_line("Le maire présente son plan pour les écoles"));
        assert!(!prose_line(
            "Foot Rugby Basket Hand Cyclisme Résultats Vidéos"
        ));
        assert!(!prose_line(
            "Le village va-t-il perdre sa dernière école cette année ?"
        ));
        assert!(prose_line(
            "Le maire a parlé. Le village va-t-il perdre sa dernière école cette année ?"
        ));
    }

    #[test]
    fn chrome_lines() {
        assert!(chrome_line("Accueil | Monde | Sport | Culture"));
        assert!(chrome_line("Accueil > Économie > Entreprises"));
        assert!(chrome_line("Politique Economie Société Monde Culture"));
        assert!(chrome_line("Français English Español Deutsch"));
        assert!(chrome_line(
            "Envoyer à un ami | Imprimer | Taille du texte : A A"
        ));
        assert!(chrome_line("![]() | ![]() |"));
        assert!(chrome_line("Réagir (12)"));
        assert!(chrome_line("Vues : 3 410"));
        assert!(chrome_line("+ Créer mon blog"));
        assert!(chrome_line("Durée : 3 min"));
        assert!(!chrome_line("Il a couru 90 min"));
        assert!(!chrome_line("La ville de Lyon vote son budget"));
        assert!(!chrome_line("Le Sénégal Relève Sa Prévision De Croissance"));
        assert!(!chrome_line("Culture : le musée rouvre ses portes"));
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            lex(),
            "Un pêcheur relève ses filets sur le lac. (Photo : Agence X)"
        ));
        assert!(is_caption(
            lex(),
            "La nouvelle gare, vue d'artiste. Photo DR"
        ));
        assert!(is_caption(
            lex(),
            "Des manifestants à Lyon, le 2 mai. © Studio Y"
        ));
        assert!(!is_caption(
            lex(),
            "Le ministre a parlé. Il a ensuite quitté la salle."
        ));
    }

    #[test]
    fn crawl_dates_and_teasers() {
        assert!(is_crawl_date(lex(), "Consulté le 2021-04-02 10:12"));
        assert!(!is_crawl_date(lex(), "Publié le 2021-04-02 10:12"));
        assert!(is_teaser_end(lex(), "Lire la suite..."));
        assert!(is_teaser_end(lex(), "En savoir plus »"));
        assert!(!is_teaser_end(
            lex(),
            "Lire la suite du rapport sur le site du ministère"
        ));
    }

    #[test]
    fn words_split_at_every_space() {
        let line = "a\u{a0}b\u{2009}c\u{202f}d e\u{85}f\u{3000}g \t\u{b} h\u{a0}";
        assert_eq!(
            Shape::of(lex(), line).words,
            line.split_whitespace().count()
        );
    }

    #[test]
    fn chrome_phrases_read_as_match_indices() {
        let mut lex = lex().clone();
        lex.chrome_phrases = AhoCorasick::new(["a a", "b"]).unwrap();
        // `match_indices` finds `a a` at 1 only (inside `ba`), not at 3.
        assert!(!has_chrome_phrase(&lex, "ba a a"));
        assert!(has_chrome_phrase(&lex, "x a a"));
        assert!(has_chrome_phrase(&lex, "ab b"));
        assert!(!has_chrome_phrase(&lex, "abb"));
    }

    #[test]
    fn menu_separators_count_as_str_matches() {
        for line in [
            "a | | b",
            "a | b | c",
            "a / b",
            "a \u{2022} b \u{2022} c",
            "x > y",
            "a |  | b",
            "a / / / b",
            "a | b / c",
        ] {
            let count: usize = [" | ", " \u{2022} ", " / "]
                .iter()
                .map(|s| line.matches(s).count())
                .sum();
            assert_eq!(
                is_menu_bar(line),
                count >= 2 || line.contains(" > "),
                "{line}"
            );
        }
    }

    #[test]
    fn words_found_in_the_lead() {
        let wanted: WordSet =
            content_words(lex(), "Le port du Havre retrouve son trafic").collect();
        let mut found = WordSet::default();
        find_words("Au HAVRE, le trafic du port a repris.", &wanted, &mut found);
        let mut got: Vec<_> = found.into_iter().collect();
        got.sort();
        assert_eq!(got, ["havre", "port", "trafic"]);
    }

    #[test]
    fn lead_words() {
        let got: Vec<_> = content_words(lex(), "Le port du Havre retrouve son trafic").collect();
        assert_eq!(got, ["port", "havre", "retrouve", "trafic"]);
    }
}
