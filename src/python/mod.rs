//! The `frnews._frnews` extension module: thin conversions between the core
//! and Python, no logic of its own.

mod document;
mod errors;
mod pipeline;
mod types;

use std::sync::Arc;

use rayon::prelude::*;

use pyo3::prelude::*;

use crate::offsets::OffsetMap;
use errors::{guard, text_arg};
use types::{Span, Token};

/// Splits `text` into tokens (UD French-GSD conventions).
#[pyfunction]
fn tokenize(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Token>> {
    tokens_of(py, text, crate::tokenize)
}

/// The tokens of a text argument, by `split`, as Python tokens.
fn tokens_of(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    split: impl Fn(&str) -> Vec<crate::Token> + Sync,
) -> PyResult<Vec<Token>> {
    let text: Arc<str> = Arc::from(text_arg(text, "text")?);
    let tokens = py.detach(|| guard(|| split(&text)))?;
    let map = OffsetMap::new(&text);
    Ok(tokens
        .iter()
        .map(|t| Token::from_core(&text, &map, t))
        .collect())
}

/// Splits `text` into sentences.
#[pyfunction]
fn sentences(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Span>> {
    let text = text_arg(text, "text")?;
    let spans = py.detach(|| guard(|| crate::sentences(&text, &crate::tokenize(&text))))?;
    let map = OffsetMap::new(&text);
    Ok(spans
        .iter()
        .map(|s| Span::from_core(&text, &map, s))
        .collect())
}

/// Token and sentence offsets as `[start, end]` code-point pairs, without
/// building Python objects for each token: the fast path of the command line.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn token_and_sentence_offsets(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
) -> PyResult<(Vec<(usize, usize)>, Vec<(usize, usize)>)> {
    let text = text_arg(text, "text")?;
    py.detach(|| {
        guard(|| {
            let tokens = crate::tokenize(&text);
            let sentences = crate::sentences(&text, &tokens);
            let map = OffsetMap::new(&text);
            (
                tokens
                    .iter()
                    .map(|t| map.char_range(t.start, t.end))
                    .collect(),
                sentences
                    .iter()
                    .map(|s| map.char_range(s.start, s.end))
                    .collect(),
            )
        })
    })
}

/// Analyses one article: zones, fields, tokens, sentences, entities, quotes.
#[pyfunction]
fn analyze(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<document::Document> {
    let text = text_arg(text, "text")?;
    let doc = py.detach(|| guard(|| crate::analyze(&text)))?;
    Ok(document::Document::new(doc))
}

/// Analyses many articles on `n_threads` threads (all cores when `None`),
/// with the GIL released; results in input order.
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads=None))]
fn analyze_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
) -> PyResult<Vec<document::Document>> {
    analyze_texts(py, texts, n_threads, crate::analyze)
}

/// The texts of an iterable analysed by `analyze` on a thread pool, GIL released.
fn analyze_texts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    analyze: impl Fn(&str) -> crate::Document + Sync,
) -> PyResult<Vec<document::Document>> {
    let mut owned = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        owned.push(text_arg(&item?, &format!("texts[{i}]"))?);
    }
    let docs = py.detach(|| -> PyResult<Vec<crate::Document>> {
        let pool = rayon::ThreadPoolBuilder::new()
            // More threads than texts would only be idle (and a huge count
            // would exhaust the system).
            .num_threads(n_threads.map_or(0, |n| n.min(owned.len().max(1))))
            .build()
            .map_err(|e| errors::FrnewsError::new_err(e.to_string()))?;
        pool.install(|| owned.par_iter().map(|t| guard(|| analyze(t))).collect())
    })?;
    Ok(docs.into_iter().map(document::Document::new).collect())
}

/// The text with mojibake and certain typographic damage undone.
#[pyfunction]
fn repair(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    py.detach(|| guard(|| crate::repair::repair(&text).text().to_string()))
}

#[pymodule(gil_used = false)]
fn _frnews(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FrnewsError", m.py().get_type::<errors::FrnewsError>())?;
    m.add("InputError", m.py().get_type::<errors::InputError>())?;
    m.add_class::<Token>()?;
    m.add_class::<Span>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<document::Entity>()?;
    m.add_class::<document::Quote>()?;
    m.add_class::<document::Meta>()?;
    m.add_class::<document::Paragraph>()?;
    m.add_class::<document::TextWarning>()?;
    m.add_class::<pipeline::Pipeline>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(token_and_sentence_offsets, m)?)?;
    Ok(())
}
