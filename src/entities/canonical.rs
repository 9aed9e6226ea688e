//! Canonical names, once all the article's entities are known.
//!
//! PER: the longest name of the article that holds every word of the mention
//! (`Lebedev` -> `Sergueï Lebedev`). ORG: an acronym's definition in the
//! article, else the lexicon's full name when the article writes it, else the
//! longest organisation of the article that the mention begins (`Samsung` ->
//! `Samsung Electronics`). LOC keeps the gazetteer's standard name.

use super::Candidate;
use super::Context;
use crate::lexicon::{fold_into, fold_key, TextMap};
use crate::model::Label;

pub fn fill(cx: &Context, kept: &mut [Candidate]) {
    fill_people(cx, kept);
    fill_organisations(cx, kept);
}

fn fill_people(cx: &Context, kept: &mut [Candidate]) {
    let count = kept.iter().filter(|c| c.label == Label::Per).count();
    let people = People::new(
        count,
        kept.iter()
            .filter(|c| c.label == Label::Per)
            .map(|c| name_of(cx.text, c)),
    );
    // Every name's set of words is a question; each name answers the
    // questions whose words it all holds, found by walking the trie of the
    // questions along the name's own words.
    let trie = Trie::new(
        people.sets.len(),
        people.names.iter().map(|n| people.set(n)),
    );
    let mut best: Vec<Option<(PersonRank, usize, u32)>> = vec![None; trie.len()];
    let mut stack = Vec::new();
    for (id, n) in (0u32..).zip(&people.names) {
        trie.each_subset(people.set(n), &mut stack, |node| {
            if let Some(slot) = best.get_mut(node as usize) {
                if slot.is_none_or(|(r, k, _)| (r, k) < (n.rank, n.last)) {
                    *slot = Some((n.rank, n.last, id));
                }
            }
        });
    }
    // The canonical of each name, once.
    let mut canonicals: Vec<Option<Box<str>>> = people
        .names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            if n.rank.0 == 0 {
                return None;
            }
            let found = trie
                .nodes
                .get(k)
                .and_then(|&node| best.get(node as usize).copied().flatten())
                .and_then(|(.., id)| people.names.get(id as usize));
            Some(found.unwrap_or(n).text.into())
        })
        .collect();
    // A name's last mention takes its canonical, the others a copy: a name
    // mentioned once (most, in a long list of people) is not copied.
    let last: Vec<usize> = people.names.iter().map(|n| n.last).collect();
    let mentions = people.mentions;
    let per = kept.iter_mut().filter(|c| c.label == Label::Per);
    for (k, (c, &id)) in per.zip(&mentions).enumerate() {
        let id = id as usize;
        let Some(slot) = canonicals.get_mut(id) else {
            continue;
        };
        if last.get(id) == Some(&k) {
            if let Some(name) = slot.take() {
                c.canonical = Some(name);
            }
        } else if let Some(name) = slot {
            c.canonical = Some(name.clone());
        }
    }
}

/// The name a PER candidate gives: its canonical if it has one (an
/// apposition's full name), else its text.
fn name_of<'a>(text: &'a str, c: &'a Candidate) -> &'a str {
    c.canonical.as_deref().unwrap_or_else(|| c.span.text(text))
}

/// The distinct names of the article's people, each with the set of its
/// folded words. A name mentioned again and again is looked at once, so that
/// the work and the memory grow with the article's distinct names, not its
/// mentions.
struct People<'a> {
    /// For each mention, the index of its name.
    mentions: Vec<u32>,
    names: Vec<Name<'a>>,
    /// The names' sets of words, one after the other: each a sorted run of
    /// word numbers without repeats.
    sets: Vec<u32>,
}

/// A distinct person's name of the article.
struct Name<'a> {
    text: &'a str,
    /// How it ranks as the canonical of the names it holds.
    rank: PersonRank,
    /// The index of its last mention among the people's, where ties among
    /// the longest are broken.
    last: usize,
    /// Its set of words in `People::sets`.
    set: std::ops::Range<usize>,
}

/// More words first; then a name not in capitals (CLAUDIA SHEINBAUM); then
/// the longer.
type PersonRank = (usize, bool, usize);

impl<'a> People<'a> {
    /// The people of `mentions`, the names of the `count` PER entities in
    /// order.
    fn new(count: usize, mentions: impl Iterator<Item = &'a str>) -> Self {
        let mut people = People {
            mentions: Vec::new(),
            names: Vec::new(),
            sets: Vec::new(),
        };
        // Both tables are made at the count of mentions (the most names
        // there can be, and about as many words as names share them):
        // growing them hashes every key again at each doubling, and the
        // names' keys lie all over the text, a cache miss each in a long
        // list of people.
        let mut index: TextMap<&str, u32> = TextMap::with_capacity(count);
        // Word numbers by folded word: a word is copied when it is new to the
        // article only, folded in one reused buffer.
        let mut words: TextMap<String, u32> = TextMap::with_capacity(count);
        let mut key = String::new();
        let mut set = Vec::new();
        for (k, name) in mentions.enumerate() {
            let next = u32::try_from(people.names.len()).unwrap_or(u32::MAX);
            let id = *index.entry(name).or_insert_with(|| {
                set.clear();
                for word in name.split_whitespace() {
                    key.clear();
                    fold_into(word, &mut key);
                    let id = match words.get(key.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = u32::try_from(words.len()).unwrap_or(u32::MAX);
                            words.insert(key.clone(), id);
                            id
                        }
                    };
                    set.push(id);
                }
                let count = set.len();
                set.sort_unstable();
                set.dedup();
                let start = people.sets.len();
                people.sets.extend_from_slice(&set);
                let end = people.sets.len();
                let rank = (count, name.chars().any(char::is_lowercase), name.len());
                people.names.push(Name {
                    text: name,
                    rank,
                    last: k,
                    set: start..end,
                });
                next
            });
            if let Some(n) = people.names.get_mut(id as usize) {
                n.last = k;
            }
            people.mentions.push(id);
        }
        people
    }

    fn set(&self, name: &Name) -> &[u32] {
        self.sets.get(name.set.clone()).unwrap_or_default()
    }
}

/// The sets of words asked about, as a trie over their sorted words: node 0
/// is the empty set; a node is a set asked about when `asked` says so.
struct Trie {
    children: TextMap<(u32, u32), u32>,
    asked: Vec<bool>,
    /// The node of each set, in the order they were given.
    nodes: Vec<u32>,
}

impl Trie {
    /// The trie of `sets`, which hold `words` words in all (the most nodes
    /// it can have below the root: its table is made at that size).
    fn new<'a>(words: usize, sets: impl Iterator<Item = &'a [u32]>) -> Self {
        let mut trie = Trie {
            children: TextMap::with_capacity(words),
            asked: vec![false],
            nodes: Vec::new(),
        };
        for set in sets {
            let mut node = 0;
            for &word in set {
                let next = u32::try_from(trie.asked.len()).unwrap_or(u32::MAX);
                node = *trie.children.entry((node, word)).or_insert(next);
                if node == next {
                    trie.asked.push(false);
                }
            }
            if let Some(asked) = trie.asked.get_mut(node as usize) {
                *asked = true;
            }
            trie.nodes.push(node);
        }
        trie
    }

    fn len(&self) -> usize {
        self.asked.len()
    }

    /// Calls `f` with the node of every set asked about that `set` holds.
    /// Only subsets on a path of the trie are visited: at most as many as
    /// the trie has nodes, and no more than the subsets of `set`. `stack`
    /// is working space, kept by the caller from one call to the next.
    fn each_subset(&self, set: &[u32], stack: &mut Vec<(u32, usize)>, mut f: impl FnMut(u32)) {
        // (node, the first word of `set` still free to add).
        stack.clear();
        stack.push((0, 0));
        while let Some((node, from)) = stack.pop() {
            if node != 0 && self.asked.get(node as usize) == Some(&true) {
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
