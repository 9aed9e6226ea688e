//! Reading the data files compiled into the crate.
//!
//! Every lexicon is a UTF-8 text file under `data/`, one entry a line, `#`
//! starting a comment line, fields separated by a tab. Each stage parses its
//! files into its own `Lexicons`; the pipeline builds them all once
//! (`pipeline::Lexicons::builtin`) and passes them down.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use regex::Regex;

/// A set of lexicon words. The lexicons are looked up for nearly every token,
/// so they hash with [`WordHasher`] rather than the standard SipHash.
pub type WordSet<K = String> = HashSet<K, BuildHasherDefault<WordHasher>>;
/// A map from lexicon words, hashed like [`WordSet`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A map filled from the text (an article's names, words, token positions).
/// An input can choose its keys, so the hash must be keyed at random, as
/// SipHash (the standard `HashMap`'s) is; aHash is, with a new key in each
/// process, at a fraction of SipHash's cost (a text of 280,000 distinct
/// names: 10% faster).
pub type TextMap<K, V> = ahash::AHashMap<K, V>;
/// A set filled from the text, hashed like [`TextMap`].
pub type TextSet<K> = ahash::AHashSet<K>;

/// The multiply-rotate hash of rustc (FxHash): a few instructions per eight
/// bytes where SipHash takes dozens. SipHash resists collisions crafted to
/// slow a table down, but only for a table filled from the input; the
/// lexicons are filled from our own data files and the text only queries
/// them, so no input can crowd their buckets.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The bytes in little-endian order, zero-padded, as
            // `u64::from_le_bytes` of a padded copy would give, without the
            // call to `memcpy` that copy costs on every short key.
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |word, &b| (word << 8) | u64::from(b));
            self.add(word);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A built-in pattern, compiled; a pattern of ours that does not compile is a
/// bug caught by the first test that loads it.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

/// French function words (`data/lexicons/function_words.tsv`): all of them
/// (`links_only` false), or only those that are neither noun nor adjective.
pub fn function_words(links_only: bool) -> WordSet {
    rows(include_str!("../data/lexicons/function_words.tsv"))
        .filter(|r| !links_only || r.get(1) == Some(&"link"))
        .filter_map(|r| r.first().map(|w| fold_key(w)))
        .collect()
}

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
pub fn folded_set(data: &'static str) -> WordSet {
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
    // An ASCII word (most words of a French text) folds as a block.
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        out.push(match c {
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            // The accented capitals of Latin-1 (`À` to `Þ`, but `×`) are
            // their small letter less 0x20, and the rest of the block has
            // no capitals: French accents fold without a table search.
            '\u{C0}'..='\u{DE}' if c != '\u{D7}' => {
                char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
            }
            '\u{80}'..='\u{FF}' => c,
            _ if is_apostrophe(c) => '\'',
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        });
    }
}

/// Apostrophes that French text uses interchangeably.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// The first bytes and the lengths of a set of words (lengths from 63 on
/// share a bit): a token that matches neither cannot be one of them and
/// need not be hashed (most tokens, for a set of names or acronyms).
pub struct WordShapes {
    first_bytes: [bool; 256],
    lengths: u64,
}

impl WordShapes {
    pub fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut shapes = WordShapes {
            first_bytes: [false; 256],
            lengths: 0,
        };
        for word in words {
            if let Some(slot) = word
                .bytes()
                .next()
                .and_then(|b| shapes.first_bytes.get_mut(usize::from(b)))
            {
                *slot = true;
            }
            shapes.lengths |= length_bit(word);
        }
        shapes
    }

    /// Whether `word` has the first byte and the length of one of the words.
    pub fn may_hold(&self, word: &str) -> bool {
        self.lengths & length_bit(word) != 0
            && word
                .bytes()
                .next()
                .is_some_and(|b| self.first_bytes.get(usize::from(b)) == Some(&true))
    }
}

fn length_bit(word: &str) -> u64 {
    1u64 << word.len().min(63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shapes_rule_out_other_first_bytes_and_lengths() {
        let shapes = WordShapes::of(["OMC", "Lebedev"].into_iter());
        assert!(shapes.may_hold("OMC") && shapes.may_hold("Lebedev"));
        // Same shape, another word: only the look-up tells.
        assert!(shapes.may_hold("ONU") && shapes.may_hold("Lucarne"));
        assert!(!shapes.may_hold("OTAN") && !shapes.may_hold("MC") && !shapes.may_hold(""));
        assert!(!WordShapes::of(std::iter::empty()).may_hold("OMC"));
    }

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
    fn word_sets_find_their_words() {
        let set = folded_set("Pékin\nun\naujourd’hui\nOrganisation de coopération\n");
        assert!(set.contains("pékin") && set.contains("aujourd'hui"));
        assert!(set.contains("organisation de coopération"));
        assert!(!set.contains("pékin ") && !set.contains("u") && !set.contains(""));
    }

    #[test]
    fn latin1_folds_as_the_unicode_tables_say() {
        for c in ('\u{80}'..='\u{FF}').chain("ÉcoleÀÎÔÛÇŒ’x".chars()) {
            let word = format!("a{c}B");
            let table: String = word.chars().flat_map(char::to_lowercase).collect();
            let expected = table.replace(is_apostrophe, "'");
            assert_eq!(fold_key(&word), expected, "{c:?}");
        }
    }

    #[test]
    fn fold_key_folds_case_and_apostrophes() {
        assert_eq!(fold_key("Aujourd’hui"), "aujourd'hui");
        assert_eq!(fold_key("ÉTAT-Major ʼİ"), "état-major 'i\u{307}");
    }
}
