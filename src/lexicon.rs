//! Reading the data files compiled into the crate.
//!
//! Every lexicon is a UTF-8 text file under `data/`, one entry a line, `#`
//! starting a comment line, fields separated by a tab. The files are parsed
//! once, on first use, by the `LazyLock`s of the modules that own them.

use std::collections::HashSet;

/// The entries of a lexicon file: trimmed, without blank and comment lines.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The tab-separated fields of each entry (each field trimmed).
pub fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    entries(data).map(|line| line.split('\t').map(str::trim).collect())
}

/// The entries as a set of lower-case strings, with typographic apostrophes
/// folded to `'` so that `aujourd’hui` and `aujourd'hui` look up alike.
pub fn folded_set(data: &'static str) -> HashSet<String> {
    entries(data).map(fold_key).collect()
}

/// The key under which a word is looked up in a folded set.
pub fn fold_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    fold_into(word, &mut key);
    key
}

/// Appends the key of `word` (see [`fold_key`]) to `out`, so that a caller
/// looking up many words can reuse one buffer.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        // ASCII first: most of a French text, and its case folding is a
        // byte operation.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_apostrophe(c) {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Apostrophes that French text uses interchangeably.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blanks_are_skipped() {
        let data = "# comment\n\nun\n  deux \n";
        assert_eq!(entries(data).collect::<Vec<_>>(), ["un", "deux"]);
    }

    #[test]
    fn rows_split_on_tabs() {
        let data = "Pékin\tPékin\nBeijing\tPékin\n";
        let r: Vec<_> = rows(data).collect();
        assert_eq!(r[1], ["Beijing", "Pékin"]);
    }

    #[test]
    fn fold_key_folds_case_and_apostrophes() {
        assert_eq!(fold_key("Aujourd’hui"), "aujourd'hui");
        assert_eq!(fold_key("ÉTAT-Major ʼİ"), "état-major 'i\u{307}");
    }
}
