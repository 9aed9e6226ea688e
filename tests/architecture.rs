//! The crate's layers: each top-level module of `src/` imports only modules
//! that come before it in `LAYERS`, the order data flows in. So there is no
//! import cycle, and no stage reads a stage that runs after it.
//!
//! The graph is read from the sources: every `crate::name` path (in `use`
//! items, groups `crate::{a, b::c}` included, and in expressions) outside
//! comments and unit-test code (`#[cfg(test)]` items and `tests.rs` files). A
//! name that `lib.rs` re-exports counts as the module that defines it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level modules, bottom first.
const LAYERS: &[&str] = &[
    // Below every stage: offsets, word lists, the data types, text helpers,
    // the date grammar.
    "offsets",
    "lexicon",
    "model",
    "text",
    "dates",
    // The stages, in pipeline order.
    "repair",
    "tokenize",
    "sentences",
    "article",
    "entities",
    "quotes",
    // On top: JSON conversion, the pipeline, the Python bindings.
    "json",
    "pipeline",
    "python",
];

/// `src/a/b.rs` -> `a`; `src/a.rs` -> `a`; `lib.rs` and test files -> None.
fn module_of(relative: &Path) -> Option<String> {
    if relative.file_name()? == "tests.rs" {
        return None;
    }
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

/// The source without comments, string literals' contents and `#[cfg(test)]` items.
fn production_code(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    // Drop each `#[cfg(test)]` item: up to the end of its braces, or its `;`.
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        cleaned.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = match (item.find('{'), item.find(';')) {
            (Some(open), semicolon) if semicolon.is_none_or(|s| open < s) => {
                let mut depth = 0usize;
                let mut end = item.len();
                for (i, c) in item.char_indices().skip(open) {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (_, Some(semicolon)) => semicolon + 1,
            _ => item.len(),
        };
        rest = &item[end..];
    }
    cleaned.push_str(rest);
    cleaned
}

/// Each path a `crate::` prefix opens: `crate::a::b` gives `a::b`; a group
/// `crate::{a, b::{c, d}}` gives `a` and `b::c`... (only the first two
/// segments matter).
fn crate_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1usize;
            let mut end = group.len();
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group[..end].chars().chain(std::iter::once(',')) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        paths.push(item.trim().to_string());
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            paths.push(rest[..end].to_string());
        }
    }
    paths.retain(|p| !p.is_empty());
    paths
}

/// The module a path starts in: `model::Span` -> `model`; `analyze` (a
/// re-export of `lib.rs`) -> the module it comes from.
fn target(
    path: &str,
    modules: &BTreeSet<String>,
    reexports: &BTreeMap<String, String>,
) -> Option<String> {
    let first = path.split("::").next()?.trim();
    let goes_on = path.contains("::");
    if goes_on && modules.contains(first) {
        return Some(first.to_string());
    }
    reexports
        .get(first)
        .cloned()
        .or_else(|| modules.contains(first).then(|| first.to_string()))
}

/// `pub use a::{X, Y};` and `pub use a::X;` of `lib.rs`: name -> module.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let code = production_code(lib);
    for item in code.split(';') {
        let Some(used) = item.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, rest)) = used.split_once("::") else {
            continue;
        };
        let rest = rest.trim().trim_start_matches('{').trim_end_matches('}');
        for name in rest.split(',') {
            let name = name.trim();
            if !name.is_empty() && !name.contains("::") {
                names.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    names
}

/// The import edges of the sources (relative path, text), module -> modules.
fn graph(sources: &[(String, String)], lib: &str) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = sources
        .iter()
        .filter_map(|(path, _)| module_of(Path::new(path)))
        .collect();
    let reexports = reexports(lib);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources {
        let Some(from) = module_of(Path::new(path)) else {
            continue;
        };
        let entry = edges.entry(from.clone()).or_default();
        for p in crate_paths(&production_code(text)) {
            if let Some(to) = target(&p, &modules, &reexports) {
                if to != from {
                    entry.insert(to);
                }
            }
        }
    }
    edges
}

/// Every edge that goes up (or sideways) the layers, and every module that
/// has no place in them.
fn violations(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut found = Vec::new();
    for (from, tos) in edges {
        let Some(r_from) = rank(from) else {
            found.push(format!("module `{from}` is in no layer of LAYERS"));
            continue;
        };
        for to in tos {
            match rank(to) {
                Some(r_to) if r_to < r_from => {}
                Some(_) => found.push(format!("`{from}` imports `{to}`, which comes after it")),
                None => found.push(format!("`{from}` imports `{to}`, which is in no layer")),
            }
        }
    }
    found
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let text = fs::read_to_string(&path).unwrap_or_default();
            out.push((relative.to_string_lossy().into_owned(), text));
        }
    }
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let edges = graph(&files, &lib);
    assert!(
        edges.len() >= LAYERS.len() - 1,
        "too few modules read: {edges:?}"
    );
    assert!(edges["pipeline"].contains("entities"), "{edges:?}");
    let found = violations(&edges);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_backward_import_is_caught() {
    let lib =
        "pub mod model; pub mod quotes; pub mod entities;\npub use pipeline::{analyze, tokenize};";
    let files = vec![
        ("model.rs".to_string(), "pub struct Span;".to_string()),
        ("quotes/mod.rs".to_string(), "pub fn find() {}".to_string()),
        (
            "entities/people.rs".to_string(),
            "use crate::{model::Span, text};\n// crate::quotes in a comment\nfn f() { crate::quotes::find(); }"
                .to_string(),
        ),
        (
            "tokenize.rs".to_string(),
            "fn g() {}\n#[cfg(test)]\nmod tests { use crate::analyze; }".to_string(),
        ),
        ("text.rs".to_string(), "fn h() { crate::tokenize(\"x\"); }".to_string()),
        ("quotes/tests.rs".to_string(), "use crate::pipeline;".to_string()),
    ];
    let edges = graph(&files, lib);
    assert_eq!(
        edges["entities"],
        BTreeSet::from([
            "model".to_string(),
            "quotes".to_string(),
            "text".to_string()
        ])
    );
    assert!(edges["tokenize"].is_empty(), "test code is left out");
    assert!(edges["quotes"].is_empty(), "tests.rs files are left out");
    assert_eq!(edges["text"], BTreeSet::from(["pipeline".to_string()]));
    let found = violations(&edges);
    assert_eq!(
        found,
        [
            "`entities` imports `quotes`, which comes after it".to_string(),
            "`text` imports `pipeline`, which comes after it".to_string(),
        ]
    );
}
