//! The `frnews._frnews` extension module: thin conversions between the core
//! and Python, no logic of its own.

mod arrow;
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

/// The texts of an iterable as owned strings, each checked.
fn texts_arg(texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let mut owned = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        owned.push(text_arg(&item?, &format!("texts[{i}]"))?);
    }
    Ok(owned)
}

/// A thread pool of `n_threads` threads (all cores when `None`) for `n_items`.
fn pool(n_threads: Option<usize>, n_items: usize) -> PyResult<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        // More threads than items would only be idle (and a huge count
        // would exhaust the system).
        .num_threads(n_threads.map_or(0, |n| n.min(n_items.max(1))))
        .build()
        .map_err(|e| errors::FrnewsError::new_err(e.to_string()))
}

/// The texts of an iterable analysed by `analyze` on a thread pool, GIL released.
fn analyze_texts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    analyze: impl Fn(&str) -> crate::Document + Sync,
) -> PyResult<Vec<document::Document>> {
    let owned = texts_arg(texts)?;
    let docs = py.detach(|| -> PyResult<Vec<crate::Document>> {
        pool(n_threads, owned.len())?
            .install(|| owned.par_iter().map(|t| guard(|| analyze(t))).collect())
    })?;
    Ok(docs.into_iter().map(document::Document::new).collect())
}

/// The texts of an iterable analysed by `analyze` and made into Arrow tables,
/// all on one thread pool with the GIL released.
fn analyze_texts_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    ids: Option<&Bound<'_, PyAny>>,
    analyze: impl Fn(&str) -> crate::Document + Sync,
) -> PyResult<arrow::ArrowTables> {
    // `None` stands for a missing text (as in the frames).
    let mut owned = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        owned.push(if item.is_none() {
            None
        } else {
            Some(text_arg(&item, &format!("texts[{i}]"))?)
        });
    }
    let ids = arrow::DocIds::extract(ids, owned.len())?;
    let tables = py.detach(|| -> PyResult<Vec<arrow::ArrowTable>> {
        pool(n_threads, owned.len())?.install(|| {
            let docs = owned
                .par_iter()
                .map(|t| t.as_deref().map(|t| guard(|| analyze(t))).transpose())
                .collect::<PyResult<Vec<_>>>()?;
            let refs: Vec<Option<&crate::Document>> = docs.iter().map(Option::as_ref).collect();
            arrow::build(&refs, &ids).map_err(arrow::arrow_error)
        })
    })?;
    arrow::ArrowTables::new(py, tables)
}

/// Analyses many articles (as `analyze_many`) and returns their tables as
/// Arrow data built in Rust: `articles`, `entities`, `quotes`, `tokens`,
/// `sentences`, `paragraphs`, `warnings`. A `None` text is a missing one: an
/// article row of nulls, no other row.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, *, ids=None))]
fn analyze_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    ids: Option<&Bound<'_, PyAny>>,
) -> PyResult<arrow::ArrowTables> {
    analyze_texts_arrow(py, texts, n_threads, ids, crate::analyze)
}

/// The Arrow tables of documents already analysed (`None` for a missing one).
#[pyfunction]
#[pyo3(signature = (docs, *, ids=None, n_threads=None))]
fn arrow_tables(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    n_threads: Option<usize>,
) -> PyResult<arrow::ArrowTables> {
    let mut held = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            held.push(None);
            continue;
        }
        let doc = item.cast::<document::Document>().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!("docs[{i}] must be a Document or None"))
        })?;
        held.push(Some(Arc::clone(&doc.get().inner)));
    }
    let ids = arrow::DocIds::extract(ids, held.len())?;
    let refs: Vec<Option<&crate::Document>> = held.iter().map(|d| d.as_deref()).collect();
    arrow::tables_of(py, &refs, &ids, n_threads)
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
    m.add_class::<arrow::ArrowTable>()?;
    m.add_class::<arrow::ArrowTables>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_tables, m)?)?;
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(token_and_sentence_offsets, m)?)?;
    Ok(())
}
