//! The exception hierarchy and the guard that keeps Rust panics out of Python.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

create_exception!(
    _frnews,
    FrnewsError,
    PyException,
    "Base class of the errors raised by frnews."
);
create_exception!(
    _frnews,
    InputError,
    PyValueError,
    "The input text cannot be analysed (for example, it holds lone surrogates)."
);

/// Runs `f`, turning a panic into a `FrnewsError` that carries its message.
pub fn guard<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        FrnewsError::new_err(format!("internal error in frnews: {message}"))
    })
}

/// The text argument of an API function as an owned Rust string, with a clear
/// `TypeError` for a non-`str` and `InputError` (a `ValueError`) for a string
/// that is not valid Unicode (lone surrogates).
pub fn text_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let Ok(s) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a str, not {}",
            value
                .get_type()
                .name()
                .map_or_else(|_| "unknown".to_string(), |n| n.to_string())
        )));
    };
    let text = s.to_cow().map_err(|_| {
        InputError::new_err(format!(
            "{what} holds lone surrogates and is not valid Unicode; \
             clean it with text.encode('utf-8', 'replace').decode('utf-8')"
        ))
    })?;
    // Token offsets are packed into 30 bits (see `crate::Token`).
    if text.len() > crate::MAX_TEXT_BYTES {
        return Err(InputError::new_err(format!(
            "{what} is {} bytes of UTF-8; frnews takes at most {} (1 GiB)",
            text.len(),
            crate::MAX_TEXT_BYTES
        )));
    }
    Ok(text.into_owned())
}

/// The `text` of a constructed token, span, entity, paragraph or quote: a
/// `str` without lone surrogates, as long in code points as `start..end`.
pub fn span_text(value: &Bound<'_, PyAny>, start: usize, end: usize) -> PyResult<String> {
    let text = text_arg(value, "text")?;
    if start > end {
        return Err(PyValueError::new_err(format!(
            "start ({start}) is after end ({end})"
        )));
    }
    let n = text.chars().count();
    if end - start != n {
        return Err(PyValueError::new_err(format!(
            "text has {n} characters but start..end ({start}..{end}) spans {}",
            end - start
        )));
    }
    Ok(text)
}

/// An optional string argument (`canonical`, `value`, `speaker`): `None`, or
/// a `str` without lone surrogates.
pub fn opt_text_arg(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match value {
        Some(v) if !v.is_none() => text_arg(v, what).map(Some),
        _ => Ok(None),
    }
}
