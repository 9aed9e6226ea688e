//! `Pipeline`: the pipeline with a user's lexicon entries, built once and
//! shared by every call (and thread) that uses it.

use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};

use super::arrow::ArrowTables;
use super::document::Document;
use super::errors::{guard, text_arg};
use super::tokens::Tokens;
use super::{analyze_texts, analyze_texts_arrow, tokens_of, ThreadPool};
use crate::{Stage, UserEntries};

/// The core pipeline, with its lexicons compiled once.
#[pyclass(frozen, module = "frnews._frnews")]
pub struct Pipeline {
    inner: Arc<crate::Pipeline>,
}

/// Names given as strings or as a mapping `{name: canonical}` (a `None`
/// canonical lets the article choose).
fn names(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<(String, Option<String>)>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(mapping) = value.cast::<PyMapping>() {
        let mut out = Vec::new();
        for item in mapping.items()?.iter() {
            let (name, canonical): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let name = text_arg(&name, &format!("{what} key"))?;
            let canonical = if canonical.is_none() {
                None
            } else {
                Some(text_arg(&canonical, &format!("{what}['{name}']"))?)
            };
            out.push((name, canonical));
        }
        return Ok(out);
    }
    Ok(words(Some(value), what)?
        .into_iter()
        .map(|n| (n, None))
        .collect())
}

/// A collection of strings (a bare `str` is refused: it would be read as its
/// characters).
fn words(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a collection of str, not a str"
        )));
    }
    let items = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a collection of str, not {}",
            value
                .get_type()
                .name()
                .map_or_else(|_| "?".to_string(), |n| n.to_string())
        ))
    })?;
    items
        .enumerate()
        .map(|(i, item)| text_arg(&item?, &format!("{what}[{i}]")))
        .collect()
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (*, people=None, organisations=None, places=None, speech_verbs=None, exclude=None, disable=None))]
    fn new(
        py: Python<'_>,
        people: Option<&Bound<'_, PyAny>>,
        organisations: Option<&Bound<'_, PyAny>>,
        places: Option<&Bound<'_, PyAny>>,
        speech_verbs: Option<&Bound<'_, PyAny>>,
        exclude: Option<&Bound<'_, PyAny>>,
        disable: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let entries = UserEntries {
            people: names(people, "people")?,
            organisations: names(organisations, "organisations")?,
            places: names(places, "places")?,
            exclude: words(exclude, "exclude")?,
        };
        let speech_verbs = words(speech_verbs, "speech_verbs")?;
        let disabled = words(disable, "disable")?
            .iter()
            .map(|name| {
                Stage::parse(name).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "disable: unknown stage {name:?} (the stages that can be left out are \"entities\" and \"quotes\")"
                    ))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let inner =
            py.detach(|| guard(|| crate::Pipeline::new(&entries, &speech_verbs, &disabled)))?;
        Ok(Pipeline {
            inner: Arc::new(inner),
        })
    }

    /// Analyses one article with this pipeline's lexicons.
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Document> {
        let text = text_arg(text, "text")?;
        let inner = &self.inner;
        let doc = py.detach(|| guard(|| inner.analyze_owned(text)))?;
        Ok(Document::new(doc))
    }

    /// Analyses many articles as `frnews._frnews.analyze_many` does, with
    /// this pipeline's lexicons.
    #[pyo3(signature = (texts, *, n_threads=None, pool=None, take=false))]
    fn analyze_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<usize>,
        pool: Option<&Bound<'_, ThreadPool>>,
        take: bool,
    ) -> PyResult<Vec<Document>> {
        let inner = Arc::clone(&self.inner);
        analyze_texts(py, texts, n_threads, pool, take, move |t| {
            inner.analyze_owned(t)
        })
    }

    /// Analyses many articles into Arrow tables, as `frnews.analyze_arrow`.
    #[pyo3(signature = (texts, n_threads=None, *, ids=None, pool=None, tables=None))]
    fn analyze_arrow(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<usize>,
        ids: Option<&Bound<'_, PyAny>>,
        pool: Option<&Bound<'_, ThreadPool>>,
        tables: Option<Vec<String>>,
    ) -> PyResult<ArrowTables> {
        let inner = Arc::clone(&self.inner);
        analyze_texts_arrow(py, texts, n_threads, ids, pool, tables, move |t| {
            inner.analyze_owned(t)
        })
    }

    /// Splits `text` into tokens.
    fn tokenize(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Tokens> {
        let inner = &self.inner;
        tokens_of(py, text, |t| inner.tokenize(t))
    }
}
