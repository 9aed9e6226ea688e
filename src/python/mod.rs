//! The `frnews._frnews` extension module: thin conversions between the core
//! and Python, no logic of its own.

mod arrow;
mod document;
mod errors;
mod pipeline;
mod tokens;
mod types;

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use rayon::prelude::*;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::offsets::OffsetMap;
use errors::{guard, text_arg};
use tokens::Tokens;
use types::{Span, Token};

/// Splits `text` into tokens (UD French-GSD conventions).
#[pyfunction]
fn tokenize(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Tokens> {
    tokens_of(py, text, crate::tokenize)
}

/// The tokens of a text argument, by `split`.
fn tokens_of(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    split: impl Fn(&str) -> Vec<crate::Token> + Sync,
) -> PyResult<Tokens> {
    let text: Arc<str> = Arc::from(text_arg(text, "text")?);
    let tokens = py.detach(|| guard(|| split(&text)))?;
    Ok(Tokens::new(text, tokens))
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
                    .map(|t| map.char_range(t.start(), t.end()))
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
    let doc = py.detach(|| guard(|| crate::analyze_owned(text)))?;
    Ok(document::Document::new(doc))
}

/// A rayon pool built once for a whole `analyze_batch` call and handed to
/// `analyze_many` for each chunk.
#[pyclass(frozen, module = "frnews._frnews")]
struct ThreadPool {
    pool: Arc<rayon::ThreadPool>,
}

#[pymethods]
impl ThreadPool {
    /// A pool of `n_threads` threads, at most the number of cores.
    #[new]
    fn new(n_threads: usize) -> PyResult<Self> {
        Ok(ThreadPool {
            pool: Arc::new(build_pool(n_threads)?),
        })
    }

    #[getter]
    fn n_threads(&self) -> usize {
        self.pool.current_num_threads()
    }
}

/// The number of cores this process may run on.
#[pyfunction]
fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

fn build_pool(n_threads: usize) -> PyResult<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        // More threads than cores would only compete for them (and a huge
        // count would exhaust the system).
        .num_threads(n_threads.clamp(1, available_cores()))
        .build()
        .map_err(|e| errors::FrnewsError::new_err(e.to_string()))
}

/// How often a waiting batch looks for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Analyses many articles with the GIL released, on `pool` (a `ThreadPool`),
/// else on a pool of `n_threads` threads (capped at the number of texts and
/// cores), else on all cores; results in input order. The calling thread
/// waits for the workers and checks for signals meanwhile, so that Ctrl-C
/// stops the batch at once (texts already started finish in the background).
/// With `take`, `texts` (a list) is emptied once its texts are copied, so
/// that strings nothing else holds are freed before the analysis runs.
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads=None, pool=None, take=false))]
fn analyze_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    pool: Option<&Bound<'_, ThreadPool>>,
    take: bool,
) -> PyResult<Vec<document::Document>> {
    analyze_texts(py, texts, n_threads, pool, take, crate::analyze_owned)
}

/// The texts of an iterable analysed by `analyze` as `analyze_many` says:
/// on `pool`, else on `n_threads` threads, else on all cores; GIL released,
/// signals checked while waiting. Each text's copy is moved into its document.
fn analyze_texts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    pool: Option<&Bound<'_, ThreadPool>>,
    take: bool,
    analyze: impl Fn(String) -> crate::Document + Send + Sync + 'static,
) -> PyResult<Vec<document::Document>> {
    let taken = if take {
        Some(texts.cast::<PyList>().map_err(|_| {
            PyTypeError::new_err("texts must be a list when take=True (it is emptied)")
        })?)
    } else {
        None
    };
    let mut owned = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        owned.push(text_arg(&item?, &format!("texts[{i}]"))?);
    }
    if let Some(list) = taken {
        // A text of 10 MB is 10 to 40 MB as a `str`: free it before the
        // analysis peaks, not after.
        list.del_slice(0, list.len())?;
    }
    let n = owned.len();
    let docs = run_batch(py, n_threads, pool, n, move |stop| {
        owned
            .into_par_iter()
            .map(|t| {
                if stop.load(Ordering::Relaxed) {
                    return Err(errors::FrnewsError::new_err("cancelled"));
                }
                // The code-point counts too are made on the pool, not
                // one text after the other with the GIL held.
                guard(|| document::Document::new(analyze(t)))
            })
            .collect::<PyResult<Vec<document::Document>>>()
    })?;
    Ok(docs)
}

/// Runs `job` on `pool`, else on a pool of `n_threads` threads (capped at
/// `n_items` and the cores), else on all cores, with the GIL released; the
/// calling thread waits and checks for signals meanwhile, and on Ctrl-C sets
/// the flag `job` is given (texts already started finish in the background).
fn run_batch<T: Send + 'static>(
    py: Python<'_>,
    n_threads: Option<usize>,
    pool: Option<&Bound<'_, ThreadPool>>,
    n_items: usize,
    job: impl FnOnce(&AtomicBool) -> PyResult<T> + Send + 'static,
) -> PyResult<T> {
    let pool = match (pool, n_threads) {
        (Some(p), _) => Some(Arc::clone(&p.get().pool)),
        (None, Some(n)) => Some(Arc::new(build_pool(n.min(n_items))?)),
        (None, None) => None,
    };
    let cancelled = Arc::new(AtomicBool::new(false));
    let (sender, mut receiver) = mpsc::channel();
    let stop = Arc::clone(&cancelled);
    let job = move || {
        // The caller is gone when it was interrupted: nothing to report then.
        let _ = sender.send(job(&stop));
    };
    match &pool {
        Some(p) => p.spawn(job),
        None => rayon::spawn(job),
    }
    loop {
        let (back, received) = py.detach(move || {
            let received = receiver.recv_timeout(SIGNAL_CHECK);
            (receiver, received)
        });
        receiver = back;
        match received {
            Ok(result) => return result,
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    cancelled.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(errors::FrnewsError::new_err(
                    "internal error in frnews: a worker thread stopped",
                ))
            }
        }
    }
}

/// The texts of an iterable analysed by `analyze` and made into Arrow tables
/// in the same job, as `analyze_texts` runs it.
fn analyze_texts_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    ids: Option<&Bound<'_, PyAny>>,
    pool: Option<&Bound<'_, ThreadPool>>,
    tables: Option<Vec<String>>,
    analyze: impl Fn(String) -> crate::Document + Send + Sync + 'static,
) -> PyResult<arrow::ArrowTables> {
    let names = arrow::table_names(tables)?;
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
    let n = owned.len();
    let tables = run_batch(py, n_threads, pool, n, move |stop| {
        let docs = owned
            .into_par_iter()
            .map(|t| {
                if stop.load(Ordering::Relaxed) {
                    return Err(errors::FrnewsError::new_err("cancelled"));
                }
                t.map(|t| guard(|| analyze(t))).transpose()
            })
            .collect::<PyResult<Vec<_>>>()?;
        let refs: Vec<Option<&crate::Document>> = docs.iter().map(Option::as_ref).collect();
        guard(|| arrow::build(&names, &refs, &ids))?.map_err(arrow::arrow_error)
    })?;
    arrow::ArrowTables::new(py, tables)
}

/// Analyses many articles (as `analyze_many`) and returns their tables as
/// Arrow data built in Rust: `articles`, `entities`, `quotes`, `tokens`,
/// `sentences`, `paragraphs`, `warnings` (or only those named in `tables`).
/// A `None` text is a missing one: an article row of nulls, no other row.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, *, ids=None, pool=None, tables=None))]
fn analyze_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    ids: Option<&Bound<'_, PyAny>>,
    pool: Option<&Bound<'_, ThreadPool>>,
    tables: Option<Vec<String>>,
) -> PyResult<arrow::ArrowTables> {
    analyze_texts_arrow(
        py,
        texts,
        n_threads,
        ids,
        pool,
        tables,
        crate::analyze_owned,
    )
}

/// The Arrow tables of documents already analysed (`None` for a missing
/// one): all of them, or those named in `tables`.
#[pyfunction]
#[pyo3(signature = (docs, *, ids=None, n_threads=None, tables=None))]
fn arrow_tables(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    n_threads: Option<usize>,
    tables: Option<Vec<String>>,
) -> PyResult<arrow::ArrowTables> {
    let names = arrow::table_names(tables)?;
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
    let n = held.len();
    let tables = run_batch(py, n_threads, None, n, move |_| {
        let refs: Vec<Option<&crate::Document>> = held.iter().map(|d| d.as_deref()).collect();
        guard(|| arrow::build(&names, &refs, &ids))?.map_err(arrow::arrow_error)
    })?;
    arrow::ArrowTables::new(py, tables)
}

/// Writes `{"id": id, **doc.to_dict()}` (without `id` when it is `None`;
/// the bytes of `doc.to_json()` then) and
/// a newline to `file`, anything with a `write(str)` method, in pieces of
/// 64 KB: no Python object is built for the document's parts, and the
/// JSON is never whole in memory. Errors of `file.write` propagate.
#[pyfunction]
#[pyo3(signature = (file, doc, id=None))]
fn write_json_line(
    file: &Bound<'_, PyAny>,
    doc: &Bound<'_, document::Document>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let id = id.map(|v| text_arg(v, "id")).transpose()?;
    let mut out = PyWriter::new(file);
    let written = doc
        .get()
        .inner
        .write_json(&mut out, id.as_deref(), Some(document::FORMAT_VERSION))
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match (written, out.error.take()) {
        (_, Some(e)) => Err(e),
        (Ok(()), None) => Ok(()),
        (Err(e), None) => Err(errors::FrnewsError::new_err(format!(
            "internal error in frnews: {e}"
        ))),
    }
}

/// `io::Write` onto a Python text file: bytes are buffered and handed to
/// `file.write` as `str`, cut at character boundaries.
struct PyWriter<'a, 'py> {
    file: &'a Bound<'py, PyAny>,
    buffer: Vec<u8>,
    /// The exception `file.write` raised, given back to Python as it was.
    error: Option<PyErr>,
}

const WRITE_PIECE: usize = 1 << 16;

impl<'a, 'py> PyWriter<'a, 'py> {
    fn new(file: &'a Bound<'py, PyAny>) -> Self {
        PyWriter {
            file,
            buffer: Vec::with_capacity(WRITE_PIECE),
            error: None,
        }
    }

    /// Hands the complete characters of the buffer to Python.
    fn drain(&mut self) -> io::Result<()> {
        let complete = match std::str::from_utf8(&self.buffer) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let (head, _) = self.buffer.split_at(complete);
        let piece = std::str::from_utf8(head).map_err(io::Error::other)?;
        if let Err(e) = self.file.call_method1("write", (piece,)) {
            self.error = Some(e);
            return Err(io::Error::other("file.write failed"));
        }
        self.buffer.drain(..complete);
        Ok(())
    }
}

impl Write for PyWriter<'_, '_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= WRITE_PIECE {
            self.drain()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()
    }
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
    m.add_class::<Tokens>()?;
    m.add_class::<tokens::TokensIterator>()?;
    m.add_class::<ThreadPool>()?;
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
    m.add_function(wrap_pyfunction!(available_cores, m)?)?;
    m.add_function(wrap_pyfunction!(write_json_line, m)?)?;
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(token_and_sentence_offsets, m)?)?;
    Ok(())
}
