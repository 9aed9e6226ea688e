//! The Python classes: frozen, comparable, picklable, with a useful `repr`.
//! Offsets are code-point indices into the text as passed in.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};

use super::errors::span_text;
use crate::model::TokenKind;
use crate::offsets::OffsetMap;
use crate::tokenize;

/// A token of the text.
#[pyclass(frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone)]
pub struct Token {
    /// The text the token was cut from, shared by the tokens of one call,
    /// and the token's bytes in it: a token costs no string of its own until
    /// its `text` is read.
    source: Arc<str>,
    bytes: (usize, usize),
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    pub kind: TokenKind,
}

impl PartialEq for Token {
    fn eq(&self, other: &Self) -> bool {
        (self.text(), self.start, self.end, self.kind)
            == (other.text(), other.start, other.end, other.kind)
    }
}

impl Eq for Token {}

impl Hash for Token {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.text(), self.start, self.end, self.kind).hash(state);
    }
}

#[pymethods]
impl Token {
    #[new]
    fn new(text: &Bound<'_, PyAny>, start: usize, end: usize, kind: &str) -> PyResult<Self> {
        let text = span_text(text, start, end)?;
        let kind = TokenKind::parse(kind)
            .ok_or_else(|| PyValueError::new_err(format!("unknown token kind {kind:?}")))?;
        Ok(Token {
            source: Arc::from(text.as_str()),
            bytes: (0, text.len()),
            start,
            end,
            kind,
        })
    }

    /// The token as written.
    #[getter(text)]
    fn py_text(&self) -> &str {
        self.text()
    }

    /// `word`, `number`, `punct`, `symbol`, `url` or `email`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The typographic normal form: `’` -> `'`, no-break spaces -> space.
    #[getter]
    fn norm(&self) -> String {
        tokenize::norm(self.text())
    }

    fn __getnewargs__(&self) -> (String, usize, usize, &'static str) {
        (
            self.text().to_string(),
            self.start,
            self.end,
            self.kind.as_str(),
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Token({}, {}..{}, {})",
            py_repr(py, self.text())?,
            self.start,
            self.end,
            self.kind.as_str()
        ))
    }

    fn __len__(&self) -> usize {
        self.end - self.start
    }
}

impl Token {
    /// `token` of `text` (shared with the other tokens of the text).
    /// The token of a text whose bytes from `base` on are `source` (the
    /// whole text, or the stretch a run of tokens covers).
    pub fn from_core(
        source: &Arc<str>,
        base: usize,
        map: &OffsetMap<'_>,
        token: &crate::Token,
    ) -> Self {
        let (start, end) = map.char_range(token.start(), token.end());
        Token {
            source: Arc::clone(source),
            bytes: (token.start() - base, token.end() - base),
            start,
            end,
            kind: token.kind(),
        }
    }

    pub fn text(&self) -> &str {
        self.source.get(self.bytes.0..self.bytes.1).unwrap_or("")
    }
}

/// A span of the text: a sentence, a paragraph, a zone.
#[pyclass(frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Span {
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}

#[pymethods]
impl Span {
    #[new]
    fn new(text: &Bound<'_, PyAny>, start: usize, end: usize) -> PyResult<Self> {
        let text = span_text(text, start, end)?;
        Ok(Span { text, start, end })
    }

    fn __getnewargs__(&self) -> (String, usize, usize) {
        (self.text.clone(), self.start, self.end)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Span({}, {}..{})",
            py_repr(py, &self.text)?,
            self.start,
            self.end
        ))
    }

    fn __len__(&self) -> usize {
        self.end - self.start
    }
}

impl Span {
    pub fn from_core(text: &str, map: &OffsetMap<'_>, span: &crate::Span) -> Self {
        let (start, end) = map.char_range(span.start, span.end);
        Span {
            text: span.text(text).to_string(),
            start,
            end,
        }
    }
}

/// Python's own `repr` of a string, so that reprs read as Python literals.
pub fn py_repr(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_string())
}

/// `to_dict`, `to_json`, `from_dict` and `from_json` for plain-data classes.
/// The work is done by `frnews._plain` from the class's constructor
/// signature, so a field added to a constructor is converted with no change
/// here.
macro_rules! plain_data {
    ($($class:ty),* $(,)?) => {$(
        #[pymethods]
        impl $class {
            /// The fields as plain data (nested spans as dicts), the keyword
            /// arguments of the constructor: `type(x).from_dict(x.to_dict()) == x`.
            fn to_dict(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
                plain(slf.py(), "to_dict", (slf,))
            }

            /// `to_dict()` as a JSON string.
            fn to_json(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
                plain(slf.py(), "to_json", (slf,))
            }

            /// Rebuilds the object from `to_dict()` output.
            #[classmethod]
            fn from_dict(cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                plain(cls.py(), "from_dict", (cls, data))
            }

            /// Rebuilds the object from `to_json()` output.
            #[classmethod]
            fn from_json(cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                plain(cls.py(), "from_json", (cls, data))
            }
        }
    )*};
}

fn plain<'py>(
    py: Python<'py>,
    function: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Py<PyAny>> {
    Ok(py
        .import("frnews._plain")?
        .call_method1(function, args)?
        .unbind())
}

plain_data!(
    Token,
    Span,
    super::document::Entity,
    super::document::Quote,
    super::document::Meta,
    super::document::Paragraph,
    super::document::TextWarning,
);
