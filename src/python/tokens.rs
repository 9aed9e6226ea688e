//! `Tokens`: the result of `tokenize`, a read-only list of `Token` that makes
//! each token's Python object only when it is read, as a spaCy `Doc` does:
//! a text's tokens cost eight bytes each until then, not a Python object.

use std::sync::Arc;

use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice, PyTuple};

use super::errors::text_arg;
use super::types::{py_repr, Token};
use crate::model::TokenKind;
use crate::offsets::{Checkpoints, OffsetMap};

/// The tokens of one text, in order: a sequence that behaves as a list of
/// `Token` (`len`, indexing, slicing, iteration, `==` with a list, pickling).
#[pyclass(frozen, sequence, module = "frnews._frnews")]
pub struct Tokens {
    source: Arc<str>,
    tokens: Vec<crate::Token>,
    checkpoints: Checkpoints,
}

/// Shown in full up to this many tokens, else the first and last few.
const REPR_TOKENS: usize = 6;

impl Tokens {
    pub fn new(source: Arc<str>, tokens: Vec<crate::Token>) -> Self {
        let checkpoints = Checkpoints::new(&source);
        Tokens {
            source,
            tokens,
            checkpoints,
        }
    }

    fn token(&self, i: usize) -> Option<Token> {
        let map = OffsetMap::with_checkpoints(&self.source, &self.checkpoints);
        self.tokens
            .get(i)
            .map(|t| Token::from_core(&self.source, 0, &map, t))
    }

    /// The position of `index` (negative from the end), if inside.
    fn position(&self, index: isize) -> Option<usize> {
        let n = isize::try_from(self.tokens.len()).ok()?;
        let i = if index < 0 { index + n } else { index };
        (0..n)
            .contains(&i)
            .then(|| usize::try_from(i).ok())
            .flatten()
    }

    /// Whether `other` (a list or a `Tokens`) holds equal tokens in order.
    fn equals(&self, other: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
        if let Ok(other) = other.cast::<Tokens>() {
            let other = other.get();
            let same = self.tokens.len() == other.tokens.len()
                && (0..self.tokens.len()).all(|i| self.token(i) == other.token(i));
            return Ok(Some(same));
        }
        let Ok(list) = other.cast::<PyList>() else {
            return Ok(None);
        };
        if list.len() != self.tokens.len() {
            return Ok(Some(false));
        }
        for (i, item) in list.iter().enumerate() {
            let Ok(item) = item.cast::<Token>() else {
                return Ok(Some(false));
            };
            if self.token(i).as_ref() != Some(item.get()) {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    }
}

#[pymethods]
impl Tokens {
    fn __len__(&self) -> usize {
        self.tokens.len()
    }

    /// A `Token` for an integer index, a list of them for a slice.
    fn __getitem__(&self, py: Python<'_>, index: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let n = isize::try_from(self.tokens.len()).unwrap_or(isize::MAX);
            let range = slice.indices(n)?;
            let picked: Vec<Token> = (0..range.slicelength)
                .filter_map(|k| {
                    let i = range.start + isize::try_from(k).ok()? * range.step;
                    self.token(usize::try_from(i).ok()?)
                })
                .collect();
            return Ok(picked.into_pyobject(py)?.into_any().unbind());
        }
        let Ok(index) = index.extract::<isize>() else {
            return Err(PyTypeError::new_err(format!(
                "token indices must be integers or slices, not {}",
                index.get_type().name()?
            )));
        };
        let token = self
            .position(index)
            .and_then(|i| self.token(i))
            .ok_or_else(|| PyIndexError::new_err("token index out of range"))?;
        Ok(Py::new(py, token)?.into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> TokensIterator {
        TokensIterator {
            tokens: slf.unbind(),
            next: 0,
        }
    }

    fn __richcmp__(
        &self,
        py: Python<'_>,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
    ) -> PyResult<Py<PyAny>> {
        let equal = match op {
            CompareOp::Eq | CompareOp::Ne => self.equals(other)?,
            _ => None,
        };
        Ok(match equal {
            Some(equal) => (equal == matches!(op, CompareOp::Eq))
                .into_pyobject(py)?
                .to_owned()
                .into_any()
                .unbind(),
            None => py.NotImplemented(),
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let n = self.tokens.len();
        let shown: Vec<usize> = if n <= REPR_TOKENS {
            (0..n).collect()
        } else {
            (0..REPR_TOKENS / 2).chain(n - REPR_TOKENS / 2..n).collect()
        };
        let mut parts = Vec::with_capacity(shown.len() + 1);
        for i in shown {
            if n > REPR_TOKENS && i == n - REPR_TOKENS / 2 {
                parts.push(format!("... {} more", n - REPR_TOKENS));
            }
            if let Some(t) = self.token(i) {
                parts.push(format!(
                    "Token({}, {}..{}, {})",
                    py_repr(py, t.text())?,
                    t.start,
                    t.end,
                    t.kind.as_str()
                ));
            }
        }
        Ok(format!("Tokens([{}])", parts.join(", ")))
    }

    /// Pickled as its text and each token's code-point offsets and kind.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let this = slf.get();
        let map = OffsetMap::with_checkpoints(&this.source, &this.checkpoints);
        let offsets: Vec<(usize, usize, &'static str)> = this
            .tokens
            .iter()
            .map(|t| {
                let (start, end) = map.char_range(t.start(), t.end());
                (start, end, t.kind().as_str())
            })
            .collect();
        let restore = py.get_type::<Tokens>().getattr("_restore")?;
        let args = (this.source.as_ref(), offsets).into_pyobject(py)?;
        Ok((restore, args))
    }

    /// The tokens of `text` at the given code-point offsets (what pickling
    /// keeps): sorted, disjoint, inside the text, of known kinds.
    #[staticmethod]
    fn _restore(text: &Bound<'_, PyAny>, tokens: Vec<(usize, usize, String)>) -> PyResult<Self> {
        let text = text_arg(text, "text")?;
        // Code point -> byte, for every code point and the end.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut core = Vec::with_capacity(tokens.len());
        let mut last_end = 0;
        for (k, (start, end, kind)) in tokens.into_iter().enumerate() {
            let kind = TokenKind::parse(&kind).ok_or_else(|| {
                PyValueError::new_err(format!("tokens[{k}]: unknown token kind {kind:?}"))
            })?;
            let (Some(&a), Some(&b)) = (bytes.get(start), bytes.get(end)) else {
                return Err(PyValueError::new_err(format!(
                    "tokens[{k}]: {start}..{end} is outside the text"
                )));
            };
            if start > end || start < last_end {
                return Err(PyValueError::new_err(format!(
                    "tokens[{k}]: {start}..{end} is not after the token before"
                )));
            }
            last_end = end;
            core.push(crate::Token::new(a, b, kind));
        }
        Ok(Tokens::new(Arc::from(text), core))
    }
}

/// Iterates over a `Tokens`, making each `Token` as it goes.
#[pyclass(module = "frnews._frnews")]
pub struct TokensIterator {
    tokens: Py<Tokens>,
    next: usize,
}

#[pymethods]
impl TokensIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> Option<Token> {
        let token = self.tokens.bind(py).get().token(self.next)?;
        self.next += 1;
        Some(token)
    }
}
