//! Canonical names, once all the article's entities are known.
//!
//! PER: the longest name of the article that holds every word of the mention
//! (`Lebedev` -> `Sergueï Lebedev`). ORG: an acronym's definition in the
//! article, else the lexicon's full name when the article writes it, else the
//! longest organisation of the article that the mention begins (`Samsung` ->
//! `Samsung Electronics`). LOC keeps the gazetteer's standard name.

use std::collections::HashMap;

use super::Candidate;
use super::Context;
use crate::lexicon::fold_key;
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
    // Each name with its words; indexed by word for the look-up.
    let names: Vec<(String, Vec<String>)> = kept
        .iter()
        .filter(|c| c.label == Label::Per)
        .map(|c| {
            let name = c
                .canonical
                .clone()
                .unwrap_or_else(|| c.span.text(cx.text).to_string());
            let w = words(&name);
            (name, w)
        })
        .collect();
    // A name mentioned again and again is looked at once, so that the work
    // grows with the article's distinct names, not its mentions. The copy
    // kept is the last, where ties among the longest names are broken.
    let mut last_mention: HashMap<&str, usize> = HashMap::new();
    for (k, (name, _)) in names.iter().enumerate() {
        last_mention.insert(name.as_str(), k);
    }
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (name, w)) in names.iter().enumerate() {
        if last_mention.get(name.as_str()) != Some(&k) {
            continue;
        }
        for word in w {
            by_word.entry(word.as_str()).or_default().push(k);
        }
    }
    let per = kept.iter_mut().filter(|c| c.label == Label::Per);
    for (c, (own, own_words)) in per.zip(&names) {
        let Some(last) = own_words.last() else {
            continue;
        };
        let best = by_word
            .get(last.as_str())
            .into_iter()
            .flatten()
            .filter_map(|&k| names.get(k))
            .filter(|(_, w)| own_words.iter().all(|o| w.contains(o)))
            // More words first; then a name not in capitals (CLAUDIA SHEINBAUM).
            .max_by_key(|(name, w)| (w.len(), name.chars().any(char::is_lowercase), name.len()));
        c.canonical = Some(best.map_or_else(|| own.clone(), |(name, _)| name.clone()));
    }
}

fn fill_organisations(cx: &Context, kept: &mut [Candidate]) {
    // Definitions given by the article: `Long Name (ACR)` set both canonicals.
    let mut defined: HashMap<String, String> = HashMap::new();
    // Every organisation name written in the article, folded.
    let mut written: HashMap<String, String> = HashMap::new();
    for c in kept.iter().filter(|c| c.label == Label::Org) {
        let surface = c.span.text(cx.text);
        if let Some(canonical) = &c.canonical {
            if canonical != surface {
                defined.insert(surface.to_string(), canonical.clone());
            }
        }
        written.insert(fold_key(surface), surface.to_string());
    }
    // Longer names by their first word, for `Samsung` -> `Samsung Electronics`.
    let mut by_first: HashMap<String, Vec<&String>> = HashMap::new();
    for name in written.values() {
        if let Some(first) = name.split_whitespace().next() {
            by_first.entry(fold_key(first)).or_default().push(name);
        }
    }
    let mut canonicals = Vec::new();
    for c in kept.iter() {
        if c.label != Label::Org {
            canonicals.push(c.canonical.clone());
            continue;
        }
        let surface = c.span.text(cx.text);
        if let Some(canonical) = &c.canonical {
            canonicals.push(Some(canonical.clone()));
            continue;
        }
        if let Some(def) = defined.get(surface) {
            canonicals.push(Some(def.clone()));
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
            canonicals.push(Some(name.clone()));
            continue;
        }
        let folded = fold_key(surface);
        let longer = surface
            .split_whitespace()
            .next()
            .and_then(|first| by_first.get(&fold_key(first)))
            .into_iter()
            .flatten()
            .filter(|name| {
                let n = fold_key(name);
                n.starts_with(&folded)
                    && n.get(folded.len()..)
                        .is_some_and(|rest| rest.starts_with(' '))
            })
            .max_by_key(|name| name.len());
        canonicals.push(Some(
            longer.map_or_else(|| surface.to_string(), |n| (*n).clone()),
        ));
    }
    for (c, canonical) in kept.iter_mut().zip(canonicals) {
        c.canonical = canonical;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::entity;

    fn canonical(text: &str, surface: &str) -> Option<String> {
        entity(text, None, surface).and_then(|e| e.canonical)
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
    fn acronym_gets_its_definition() {
        let text = "La Communauté des Etats indépendants (CEI) est née. La CEI grandit.";
        let found: Vec<_> = {
            let tokens = crate::tokenize(text);
            super::super::find(
                &crate::Lexicons::builtin().entities,
                text,
                &tokens,
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
