//! Canonical names, once all the article's entities are known.
//!
//! PER: the longest name of the article that holds every word of the mention
//! (`Lebedev` -> `Sergueï Lebedev`). ORG: an acronym's definition in the
//! article, else the lexicon's full name when the article writes it, else the
//! longest organisation of the article that the mention begins (`Samsung` ->
//! `Samsung Electronics`). LOC keeps the gazetteer's standard name.

use super::Candidate;
use super::Context;
use crate::lexicon::{fold_key, TextMap};
use crate::model::Label;

/// The words of a name, folded.
fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(fold_key).collect()
}

pub fn fill(cx: &Context, kept: &mut [Candidate]) {
    fill_people(cx, kept);
    fill_organisations(cx, kept);
}

fn fill_people(cx: &Context, kept: &mut [Candidate]) {
    // A name mentioned again and again is looked at once, so that the work
    // and the memory grow with the article's distinct names, not its
    // mentions: each mention is the index of its name, and each name has
    // its words and its last mention, where ties among the longest names
    // are broken.
    let mut mentions: Vec<u32> = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    {
        // The tables filled per mention or per word are made at their full
        // size: growing them hashes every key again at each doubling.
        let people = kept.iter().filter(|c| c.label == Label::Per).count();
        let mut index: TextMap<&str, u32> = TextMap::with_capacity(people);
        for (k, c) in kept.iter().filter(|c| c.label == Label::Per).enumerate() {
            let name = c
                .canonical
                .as_deref()
                .unwrap_or_else(|| c.span.text(cx.text));
            let next = u32::try_from(names.len()).unwrap_or(u32::MAX);
            let id = *index.entry(name).or_insert_with(|| {
                names.push(Name {
                    words: words(name),
                    name: name.to_string(),
                    last: 0,
                });
                next
            });
            if let Some(n) = names.get_mut(id as usize) {
                n.last = k;
            }
            mentions.push(id);
        }
    }
    let words_count = names.iter().map(|n| n.words.len()).sum();
    let sets = WordSets::new(names.iter().map(|n| &n.words), words_count);
    // Every name's set of words is a question; each name answers the
    // questions whose words it all holds, found by walking the trie of the
    // questions along the name's own words.
    let trie = Trie::new(&sets.sets);
    let mut best: Vec<Option<(PersonRank, usize, usize)>> = vec![None; trie.len()];
    for (id, (n, set)) in names.iter().zip(&sets.sets).enumerate() {
        // More words first; then a name not in capitals (CLAUDIA SHEINBAUM);
        // then the longer; then the last mentioned.
        let rank = (
            n.words.len(),
            n.name.chars().any(char::is_lowercase),
            n.name.len(),
        );
        trie.each_subset(set, |node| {
            if let Some(slot) = best.get_mut(node) {
                if slot.is_none_or(|(r, k, _)| (r, k) < (rank, n.last)) {
                    *slot = Some((rank, n.last, id));
                }
            }
        });
    }
    // The canonical of each name, once.
    let canonicals: Vec<Option<&str>> = names
        .iter()
        .zip(&sets.sets)
        .map(|(n, set)| {
            if n.words.is_empty() {
                return None;
            }
            let found = trie
                .node(set)
                .and_then(|node| best.get(node).copied().flatten())
                .and_then(|(.., id)| names.get(id));
            Some(found.map_or(n.name.as_str(), |f| f.name.as_str()))
        })
        .collect();
    let per = kept.iter_mut().filter(|c| c.label == Label::Per);
    for (c, &id) in per.zip(&mentions) {
        if let Some(Some(name)) = canonicals.get(id as usize) {
            c.canonical = Some((*name).into());
        }
    }
}

/// A distinct person's name of the article.
struct Name {
    name: String,
    /// Its words, folded.
    words: Vec<String>,
    /// The index of its last mention among the people's.
    last: usize,
}

/// How a person's name ranks as the canonical of the names it holds.
type PersonRank = (usize, bool, usize);

/// The distinct words of each name, as sorted numbers.
struct WordSets {
    sets: Vec<Vec<usize>>,
}

impl WordSets {
    /// The sets of `names`, which have `words` words in all.
    fn new<'a>(names: impl Iterator<Item = &'a Vec<String>>, words: usize) -> Self {
        let mut ids: TextMap<&str, usize> = TextMap::with_capacity(words);
        let sets = names
            .map(|words| {
                let mut set: Vec<usize> = words
                    .iter()
                    .map(|w| {
                        let next = ids.len();
                        *ids.entry(w.as_str()).or_insert(next)
                    })
                    .collect();
                set.sort_unstable();
                set.dedup();
                set
            })
            .collect();
        WordSets { sets }
    }
}

/// The sets of words asked about, as a trie over their sorted words: node 0
/// is the empty set; a node is a set asked about when `asked` says so.
struct Trie {
    children: TextMap<(usize, usize), usize>,
    asked: Vec<bool>,
}

impl Trie {
    fn new(sets: &[Vec<usize>]) -> Self {
        let mut trie = Trie {
            children: TextMap::with_capacity(sets.iter().map(Vec::len).sum()),
            asked: vec![false],
        };
        for set in sets {
            let mut node = 0;
            for &word in set {
                let next = trie.asked.len();
                node = *trie.children.entry((node, word)).or_insert(next);
                if node == next {
                    trie.asked.push(false);
                }
            }
            if let Some(asked) = trie.asked.get_mut(node) {
                *asked = true;
            }
        }
        trie
    }

    fn len(&self) -> usize {
        self.asked.len()
    }

    /// The node of `set`, if it is in the trie.
    fn node(&self, set: &[usize]) -> Option<usize> {
        set.iter()
            .try_fold(0, |node, &word| self.children.get(&(node, word)).copied())
    }

    /// Calls `f` with the node of every set asked about that `set` holds.
    /// Only subsets on a path of the trie are visited: at most as many as
    /// the trie has nodes, and no more than the subsets of `set`.
    fn each_subset(&self, set: &[usize], mut f: impl FnMut(usize)) {
        // (node, the first word of `set` still free to add).
        let mut stack = vec![(0, 0)];
        while let Some((node, from)) = stack.pop() {
            if node != 0 && self.asked.get(node) == Some(&true) {
                f(node);
            }
            for (j, word) in set.iter().enumerate().skip(from) {
                if let Some(&child) = self.children.get(&(node, *word)) {
                    stack.push((child, j + 1));
                }
            }
        }
    }
}

fn fill_organisations(cx: &Context, kept: &mut [Candidate]) {
    // Definitions given by the article: `Long Name (ACR)` set both canonicals.
    let mut defined: TextMap<String, String> = TextMap::new();
    // Every organisation name written in the article, folded, and the folded
    // names in the order they are first written.
    let mut written: TextMap<String, String> = TextMap::new();
    let mut order: Vec<String> = Vec::new();
    for c in kept.iter().filter(|c| c.label == Label::Org) {
        let surface = c.span.text(cx.text);
        if let Some(canonical) = &c.canonical {
            if **canonical != *surface {
                defined.insert(surface.to_string(), canonical.to_string());
            }
        }
        let key = fold_key(surface);
        if !written.contains_key(&key) {
            order.push(key.clone());
        }
        written.insert(key, surface.to_string());
    }
    // The longest name that goes on from each run of whole words a name
    // begins with, for `Samsung` -> `Samsung Electronics` (among names as
    // long, the first written).
    let mut longer_of: TextMap<&str, &String> = TextMap::new();
    for key in &order {
        let Some(name) = written.get(key) else {
            continue;
        };
        for (at, _) in key.match_indices(' ') {
            let Some(begun) = key.get(..at) else {
                continue;
            };
            longer_of
                .entry(begun)
                .and_modify(|longest| {
                    if name.len() > longest.len() {
                        *longest = name;
                    }
                })
                .or_insert(name);
        }
    }
    // Each organisation's canonical depends on the tables above and on its
    // own canonical only: set in place, with no copy of every canonical.
    for c in kept.iter_mut() {
        if c.label != Label::Org || c.canonical.is_some() {
            continue;
        }
        let surface = c.span.text(cx.text);
        if let Some(def) = defined.get(surface) {
            c.canonical = Some(def.as_str().into());
            continue;
        }
        let expanded = cx
            .lex
            .gazetteer
            .expansions(c.expansion)
            .iter()
            .filter_map(|name| written.get(&fold_key(name)))
            .max_by_key(|name| name.len());
        if let Some(name) = expanded {
            c.canonical = Some(name.as_str().into());
            continue;
        }
        let longer = longer_of.get(fold_key(surface).as_str());
        c.canonical = Some(longer.map_or(surface, |n| n.as_str()).into());
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::entity;

    fn canonical(text: &str, surface: &str) -> Option<String> {
        entity(text, None, surface).and_then(|e| e.canonical.map(String::from))
    }

    #[test]
    fn surname_gets_the_full_name() {
        let text = "Sergueï Lebedev est venu. M. Lebedev a parlé.";
        assert_eq!(
            canonical(text, "Lebedev").as_deref(),
            Some("Sergueï Lebedev")
        );
    }

    #[test]
    fn every_part_of_a_name_gets_the_fullest_name_holding_it() {
        let text = "Jean Pierre Dupont est venu avec Marie Curie. M. Pierre Dupont a parlé. \
                    M. Dupont est parti. Mme Curie est restée. M. Jean Dupont aussi.";
        for surface in ["Pierre Dupont", "Dupont", "Jean Dupont"] {
            assert_eq!(
                canonical(text, surface).as_deref(),
                Some("Jean Pierre Dupont"),
                "{surface}"
            );
        }
        assert_eq!(canonical(text, "Curie").as_deref(), Some("Marie Curie"));
        // A word the longer name lacks: no match.
        let text = "Jean Dupont est venu. M. Paul Dupont aussi.";
        assert_eq!(
            canonical(text, "Paul Dupont").as_deref(),
            Some("Paul Dupont")
        );
    }

    #[test]
    fn acronym_gets_its_definition() {
        let text = "La Communauté des Etats indépendants (CEI) est née. La CEI grandit.";
        let found: Vec<_> = {
            let tokens = crate::tokenize(text);
            super::super::find(
                &crate::Lexicons::builtin().entities,
                text,
                &tokens,
                &crate::text::Keys::new(text, &tokens),
                &[],
                &super::super::tests::layout_published(text, None),
            )
        };
        let cei: Vec<_> = found
            .iter()
            .filter(|e| e.span.text(text) == "CEI")
            .collect();
        assert_eq!(cei.len(), 2);
        assert!(cei
            .iter()
            .all(|e| e.canonical.as_deref() == Some("Communauté des Etats indépendants")));
    }

    #[test]
    fn lexicon_expansion_only_when_written() {
        let with = "Les Nations Unies et l'ONU.";
        assert_eq!(canonical(with, "ONU").as_deref(), Some("Nations Unies"));
        let without = "L'ONU a parlé.";
        assert_eq!(canonical(without, "ONU").as_deref(), Some("ONU"));
    }
}
