//! `Document` and the classes it hands out: `Entity`, `Quote`, `Meta`,
//! `Paragraph`, `Warning`. The document keeps the core's byte-offset result
//! and converts to code points when a field is read, so that tokens stay a
//! compact array until someone asks for them.

use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

use super::errors::{opt_text_arg, span_text, text_arg, InputError};
use super::types::{py_repr, Span, Token};
use crate::offsets::{Checkpoints, OffsetMap};

/// An analysed article. Offsets are `str` indices into `text`.
#[pyclass(frozen, module = "frnews._frnews")]
pub struct Document {
    pub inner: Arc<crate::Document>,
    /// The text's code-point counts, made once: every getter converts with them.
    checkpoints: Checkpoints,
}

impl Document {
    pub fn new(doc: crate::Document) -> Self {
        let checkpoints = Checkpoints::new(&doc.text);
        Document {
            inner: Arc::new(doc),
            checkpoints,
        }
    }

    /// The offset map of the text, from the counts made at construction.
    fn map(&self) -> OffsetMap<'_> {
        OffsetMap::with_checkpoints(&self.inner.text, &self.checkpoints)
    }

    /// The tokens `start..stop` (clamped to those there are).
    fn tokens_in(&self, start: usize, stop: usize) -> Vec<Token> {
        let tokens = self
            .inner
            .tokens
            .get(window(start, stop, self.inner.tokens.len()))
            .unwrap_or_default();
        // The tokens share one copy of the text they cover, not of the whole.
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return Vec::new();
        };
        let base = first.start();
        let source: Arc<str> = Arc::from(self.inner.text.get(base..last.end()).unwrap_or(""));
        let map = self.map();
        tokens
            .iter()
            .map(|t| Token::from_core(&source, base, &map, t))
            .collect()
    }

    /// The sentences `start..stop` (clamped to those there are).
    fn sentences_in(&self, start: usize, stop: usize) -> Vec<Span> {
        let text = &self.inner.text;
        let map = self.map();
        self.inner
            .sentences
            .get(window(start, stop, self.inner.sentences.len()))
            .unwrap_or_default()
            .iter()
            .map(|s| span_of(text, &map, s))
            .collect()
    }

    /// The paragraphs `start..stop` (clamped to those there are).
    fn paragraphs_in(&self, start: usize, stop: usize) -> Vec<Paragraph> {
        let text = &self.inner.text;
        let map = self.map();
        self.inner
            .paragraphs
            .get(window(start, stop, self.inner.paragraphs.len()))
            .unwrap_or_default()
            .iter()
            .map(|p| {
                let s = span_of(text, &map, &p.span);
                Paragraph {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    zone: p.zone.as_str(),
                    role: p.role.as_str(),
                }
            })
            .collect()
    }

    /// The entities `start..stop` (clamped to those there are).
    fn entities_in(&self, start: usize, stop: usize) -> Vec<Entity> {
        let text = &self.inner.text;
        let map = self.map();
        self.inner
            .entities
            .get(window(start, stop, self.inner.entities.len()))
            .unwrap_or_default()
            .iter()
            .map(|e| {
                let s = span_of(text, &map, &e.span);
                Entity {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    label: e.label.as_str(),
                    canonical: e.canonical.as_deref().map(String::from),
                    value: e.value.as_deref().map(String::from),
                    zone: e.zone.as_str(),
                    source: e.source.as_str(),
                }
            })
            .collect()
    }

    /// The quotes `start..stop` (clamped to those there are).
    fn quotes_in(&self, start: usize, stop: usize) -> Vec<Quote> {
        let text = &self.inner.text;
        let map = self.map();
        self.inner
            .quotes
            .get(window(start, stop, self.inner.quotes.len()))
            .unwrap_or_default()
            .iter()
            .map(|q| {
                let s = span_of(text, &map, &q.span);
                Quote {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    kind: q.kind.as_str(),
                    speaker: q.speaker.clone(),
                    speaker_mention: q.speaker_mention.map(|m| span_of(text, &map, &m)),
                    cue: q.cue.map(|c| span_of(text, &map, &c)),
                    zone: q.zone.as_str(),
                }
            })
            .collect()
    }

    /// The warnings `start..stop` (clamped to those there are).
    fn warnings_in(&self, start: usize, stop: usize) -> Vec<TextWarning> {
        let text = &self.inner.text;
        let map = self.map();
        self.inner
            .warnings
            .get(window(start, stop, self.inner.warnings.len()))
            .unwrap_or_default()
            .iter()
            .map(|w| {
                let s = span_of(text, &map, &w.span);
                TextWarning {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    message: w.message.clone(),
                }
            })
            .collect()
    }
}

/// The positions `start..stop` of `len` rows, clamped to them.
fn window(start: usize, stop: usize, len: usize) -> std::ops::Range<usize> {
    let stop = stop.min(len);
    start.min(stop)..stop
}

fn span_of(text: &str, map: &OffsetMap<'_>, s: &crate::Span) -> Span {
    Span::from_core(text, map, s)
}

#[pymethods]
impl Document {
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    #[getter]
    fn tokens(&self) -> Vec<Token> {
        self.tokens_in(0, usize::MAX)
    }

    #[getter]
    fn sentences(&self) -> Vec<Span> {
        self.sentences_in(0, usize::MAX)
    }

    #[getter]
    fn paragraphs(&self) -> Vec<Paragraph> {
        self.paragraphs_in(0, usize::MAX)
    }

    #[getter]
    fn meta(&self) -> Meta {
        let text = &self.inner.text;
        let map = self.map();
        let m = &self.inner.meta;
        let words = |s: &Option<crate::Span>| {
            s.map(|s| {
                s.text(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let spans = |v: &Vec<crate::Span>| v.iter().map(|s| span_of(text, &map, s)).collect();
        Meta {
            title: words(&m.title),
            published: m.published.clone(),
            dateline: words(&m.dateline),
            agency: words(&m.agency),
            body_start: m.body.map(|b| map.char_offset(b.start)),
            body_end: m.body.map(|b| map.char_offset(b.end)),
            credits: spans(&m.credits),
            article_id: words(&m.article_id),
            boilerplate: spans(&m.boilerplate),
            copies: spans(&m.copies),
            byline: words(&m.byline),
            standfirst: words(&m.standfirst),
            updated: m.updated.clone(),
        }
    }

    #[getter]
    fn entities(&self) -> Vec<Entity> {
        self.entities_in(0, usize::MAX)
    }

    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        self.quotes_in(0, usize::MAX)
    }

    #[getter]
    fn warnings(&self) -> Vec<TextWarning> {
        self.warnings_in(0, usize::MAX)
    }

    /// The number of rows of a layer (`tokens`, `sentences`, `paragraphs`,
    /// `entities`, `quotes`, `warnings`), and the objects of rows
    /// `start..stop`: the command line writes the table of a long article a
    /// slice at a time, never holding an object for each of its rows.
    #[pyo3(name = "_rows", signature = (layer, start=0, stop=None))]
    fn rows(
        &self,
        py: Python<'_>,
        layer: &str,
        start: usize,
        stop: Option<usize>,
    ) -> PyResult<(usize, Py<PyAny>)> {
        let stop = stop.unwrap_or(usize::MAX);
        let d = &self.inner;
        let any = |o: Bound<'_, PyAny>| o.unbind();
        Ok(match layer {
            "tokens" => (
                d.tokens.len(),
                any(self.tokens_in(start, stop).into_pyobject(py)?),
            ),
            "sentences" => (
                d.sentences.len(),
                any(self.sentences_in(start, stop).into_pyobject(py)?),
            ),
            "paragraphs" => (
                d.paragraphs.len(),
                any(self.paragraphs_in(start, stop).into_pyobject(py)?),
            ),
            "entities" => (
                d.entities.len(),
                any(self.entities_in(start, stop).into_pyobject(py)?),
            ),
            "quotes" => (
                d.quotes.len(),
                any(self.quotes_in(start, stop).into_pyobject(py)?),
            ),
            "warnings" => (
                d.warnings.len(),
                any(self.warnings_in(start, stop).into_pyobject(py)?),
            ),
            _ => {
                return Err(PyValueError::new_err(format!(
                "no layer {layer:?}: tokens, sentences, paragraphs, entities, quotes or warnings"
            )))
            }
        })
    }

    /// The document as plain Python data, in the JSON shape of the shared
    /// evaluation (`tokens` and `sentences` as `[start, end]` pairs), with
    /// its `format_version`.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        json_to_py(py, &self.versioned_json())
    }

    /// The document as a JSON string (the shape of `to_dict`).
    fn to_json(&self) -> String {
        self.versioned_json().to_string()
    }

    /// Rebuilds a document from `to_dict()` output.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Document> {
        let value = py_to_json(data, &mut Vec::new())?;
        Self::from_value(&value)
    }

    /// Rebuilds a document from `to_json()` output.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Document> {
        let data = text_arg(data, "data")?;
        let value: serde_json::Value = serde_json::from_str(&data).map_err(|e| {
            // `"\ud800"` written as an escape: the same error as a lone
            // surrogate in a `str`.
            if lone_surrogate_escape(&data) {
                InputError::new_err(format!("data holds lone surrogates (escaped): {e}"))
            } else {
                PyValueError::new_err(e.to_string())
            }
        })?;
        Self::from_value(&value)
    }

    /// The article as HTML: entities highlighted by label, quotes marked by
    /// kind with their speaker after them, zones other than the body dimmed.
    /// At most `max_chars` characters of the text (`None`: all of it); a
    /// truncated view says so at its end.
    #[pyo3(signature = (max_chars=Some(100_000)))]
    fn to_html(slf: &Bound<'_, Self>, max_chars: Option<usize>) -> PyResult<String> {
        slf.py()
            .import("frnews.display")?
            .call_method1("document_html", (slf, max_chars))?
            .extract()
    }

    /// The notebook view: `to_html()`.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.call_method0("to_html")?.extract()
    }

    /// A `spacy.tokens.Doc` with frnews tokens, entities, sentence starts and
    /// quotes in `doc.spans["quotes"]` (the speaker as each span's label).
    fn to_spacy(slf: &Bound<'_, Self>, nlp_or_vocab: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        Ok(slf
            .py()
            .import("frnews.spacy_interop")?
            .call_method1("to_spacy", (slf, nlp_or_vocab))?
            .unbind())
    }

    /// A `Document` from a `spacy.tokens.Doc`: exact for one made by
    /// `to_spacy`; for any other, its text, tokens, sentences and the
    /// entities labelled `PER`, `ORG`, `LOC`, `DATE`, `TIME`, `MONEY` or
    /// `PERCENT`.
    #[classmethod]
    fn from_spacy(cls: &Bound<'_, PyType>, doc: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        Ok(cls
            .py()
            .import("frnews.spacy_interop")?
            .call_method1("from_spacy", (cls, doc))?
            .unbind())
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<(Py<PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?.unbind();
        Ok((from_json, (slf.get().to_json(),)))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Document>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let title = match self.inner.meta.title {
            Some(t) => py_repr(py, t.text(&self.inner.text))?,
            None => "None".to_string(),
        };
        Ok(format!(
            "Document(title={title}, chars={}, tokens={}, sentences={}, entities={}, quotes={})",
            self.inner.text.chars().count(),
            self.inner.tokens.len(),
            self.inner.sentences.len(),
            self.inner.entities.len(),
            self.inner.quotes.len(),
        ))
    }
}

/// The version of the `to_dict` format; format 1 had no `format_version`.
pub const FORMAT_VERSION: u64 = 2;

impl Document {
    fn versioned_json(&self) -> serde_json::Value {
        let mut value = self.inner.to_json();
        if let Some(fields) = value.as_object_mut() {
            fields.insert("format_version".to_string(), FORMAT_VERSION.into());
        }
        value
    }

    fn from_value(value: &serde_json::Value) -> PyResult<Document> {
        match value.get("format_version") {
            None | Some(serde_json::Value::Null) => {}
            Some(v)
                if v.as_u64()
                    .is_some_and(|n| (1..=FORMAT_VERSION).contains(&n)) => {}
            Some(v) => {
                return Err(PyValueError::new_err(format!(
                    "format_version {v} is not one this frnews reads (1 to {FORMAT_VERSION}): \
                     upgrade frnews"
                )))
            }
        }
        let doc = crate::Document::from_json(value).map_err(PyValueError::new_err)?;
        Ok(Document::new(doc))
    }
}

/// Whether JSON text holds a `\uXXXX` escape of a surrogate that is not
/// one half of a pair (a high one right before a low one).
fn lone_surrogate_escape(data: &str) -> bool {
    let escape = |at: usize| -> Option<u32> {
        let hex = data.get(at + 2..at + 6)?;
        data.get(at..at + 2)
            .filter(|&u| u == "\\u")
            .and_then(|_| u32::from_str_radix(hex, 16).ok())
    };
    let bytes = data.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b != b'\\' {
            at += 1;
            continue;
        }
        match escape(at) {
            Some(0xD800..=0xDBFF) => {
                if !matches!(escape(at + 6), Some(0xDC00..=0xDFFF)) {
                    return true;
                }
                at += 12;
            }
            Some(0xDC00..=0xDFFF) => return true,
            Some(_) => at += 6,
            // `\\` and the other one-character escapes.
            None => at += 2,
        }
    }
    false
}

/// How deep `from_dict` data may nest: a document is four levels deep.
const MAX_DEPTH: usize = 32;

/// Where in the data a value is, for error messages.
enum Step {
    Key(String),
    Index(usize),
}

fn path(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push_str("data");
    }
    out
}

/// Python data (dict, list, tuple, str, int, float, bool, None) as JSON,
/// without `json.dumps`: a lone surrogate is an `InputError`, a value of
/// another type a `TypeError` and nesting deeper than a document can be a
/// `ValueError`, each naming where it is.
fn py_to_json(value: &Bound<'_, PyAny>, at: &mut Vec<Step>) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if at.len() > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "`{}` is nested more than {MAX_DEPTH} deep: no document is",
            path(at)
        )));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = value.cast::<PyInt>() {
        if let Ok(n) = i.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = i.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return Err(PyValueError::new_err(format!(
            "`{}`: {} is too large",
            path(at),
            i.repr()?
        )));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| {
                PyValueError::new_err(format!("`{}`: {} is no number", path(at), f.value()))
            });
    }
    if value.cast::<PyString>().is_ok() {
        return text_arg(value, &format!("`{}`", path(at))).map(Value::String);
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in dict.iter() {
            if k.cast::<PyString>().is_err() {
                return Err(PyTypeError::new_err(format!(
                    "`{}`: keys must be str, not {}",
                    path(at),
                    k.get_type().name()?
                )));
            }
            let key = text_arg(&k, &format!("a key of `{}`", path(at)))?;
            at.push(Step::Key(key.clone()));
            let v = py_to_json(&v, at)?;
            at.pop();
            map.insert(key, v);
        }
        return Ok(Value::Object(map));
    }
    if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
        let mut items = Vec::new();
        for (i, item) in value.try_iter()?.enumerate() {
            at.push(Step::Index(i));
            items.push(py_to_json(&item?, at)?);
            at.pop();
        }
        return Ok(Value::Array(items));
    }
    Err(PyTypeError::new_err(format!(
        "`{}`: a {} cannot be part of a document",
        path(at),
        value.get_type().name()?
    )))
}

/// Converts JSON to Python objects (dict, list, str, int, float, bool, None).
pub fn json_to_py(py: Python<'_>, value: &serde_json::Value) -> PyResult<Py<PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any().unbind(),
            (None, Some(f)) => PyFloat::new(py, f).into_any().unbind(),
            _ => py.None(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// A paragraph of the page and the zone it belongs to.
#[pyclass(frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Paragraph {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// `title`, `header`, `dateline`, `body`, `credit`, `boilerplate`, `copy` or `id`.
    #[pyo3(get)]
    zone: &'static str,
    /// What the paragraph does on the page: `chrome`, `headline`, `date_line`,
    /// `dateline`, `standfirst`, `body`, `caption`, `heading`, `list`,
    /// `byline`, `end_marker`, `credit`, `id` or `copy`.
    #[pyo3(get)]
    role: &'static str,
}

#[pymethods]
impl Paragraph {
    /// Without a role, the paragraph gets the usual role of its zone.
    #[new]
    #[pyo3(signature = (text, start, end, zone, role=None))]
    fn new(
        text: &Bound<'_, PyAny>,
        start: usize,
        end: usize,
        zone: &str,
        role: Option<&str>,
    ) -> PyResult<Self> {
        let zone = zone_name(zone)?;
        let role = match role {
            Some(r) => crate::Role::parse(r)
                .ok_or_else(|| PyValueError::new_err(format!("unknown role {r:?}")))?,
            None => serde_json::from_value::<crate::Zone>(serde_json::Value::String(zone.into()))
                .map(crate::Role::of_zone)
                .map_err(|_| PyValueError::new_err(format!("unknown zone {zone:?}")))?,
        };
        Ok(Paragraph {
            text: span_text(text, start, end)?,
            start,
            end,
            zone,
            role: role.as_str(),
        })
    }

    fn __getnewargs__(&self) -> (String, usize, usize, &'static str, &'static str) {
        (
            self.text.clone(),
            self.start,
            self.end,
            self.zone,
            self.role,
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Paragraph({}, {}..{}, {}, {})",
            py_repr(py, &shorten(&self.text))?,
            self.start,
            self.end,
            self.zone,
            self.role
        ))
    }
}

/// A named entity.
#[pyclass(frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Entity {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// `PER`, `ORG`, `LOC`, `DATE`, `TIME`, `MONEY` or `PERCENT`.
    #[pyo3(get)]
    label: &'static str,
    #[pyo3(get)]
    canonical: Option<String>,
    #[pyo3(get)]
    value: Option<String>,
    #[pyo3(get)]
    zone: &'static str,
    /// Where the entity came from: `lexicon`, `pattern`, `evidence` (an
    /// unknown name recognised by its context) or `propagated` (another
    /// mention of a name found so in the same article).
    #[pyo3(get)]
    source: &'static str,
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (text, start, end, label, canonical=None, value=None, zone="body", source="pattern"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: &Bound<'_, PyAny>,
        start: usize,
        end: usize,
        label: &str,
        canonical: Option<&Bound<'_, PyAny>>,
        value: Option<&Bound<'_, PyAny>>,
        zone: &str,
        source: &str,
    ) -> PyResult<Self> {
        let text = span_text(text, start, end)?;
        let canonical = opt_text_arg(canonical, "canonical")?;
        let value = opt_text_arg(value, "value")?;
        let label = crate::Label::parse(label)
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity label {label:?}")))?
            .as_str();
        let source = crate::Source::parse(source)
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity source {source:?}")))?
            .as_str();
        Ok(Entity {
            text,
            start,
            end,
            label,
            canonical,
            value,
            zone: zone_name(zone)?,
            source,
        })
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
    ) -> (
        String,
        usize,
        usize,
        &'static str,
        Option<String>,
        Option<String>,
        &'static str,
        &'static str,
    ) {
        (
            self.text.clone(),
            self.start,
            self.end,
            self.label,
            self.canonical.clone(),
            self.value.clone(),
            self.zone,
            self.source,
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut s = format!(
            "Entity({}, {}..{}, {}",
            py_repr(py, &self.text)?,
            self.start,
            self.end,
            self.label
        );
        if let Some(c) = self.canonical.as_ref().filter(|c| **c != self.text) {
            s += &format!(", canonical={}", py_repr(py, c)?);
        }
        if let Some(v) = &self.value {
            s += &format!(", value={}", py_repr(py, v)?);
        }
        Ok(s + ")")
    }
}

/// A reported statement and who made it.
#[pyclass(frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Quote {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// `direct`, `partial` or `indirect`.
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    speaker: Option<String>,
    #[pyo3(get)]
    speaker_mention: Option<Span>,
    #[pyo3(get)]
    cue: Option<Span>,
    #[pyo3(get)]
    zone: &'static str,
}

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (text, start, end, kind, speaker=None, speaker_mention=None, cue=None, zone="body"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: &Bound<'_, PyAny>,
        start: usize,
        end: usize,
        kind: &str,
        speaker: Option<&Bound<'_, PyAny>>,
        speaker_mention: Option<Span>,
        cue: Option<Span>,
        zone: &str,
    ) -> PyResult<Self> {
        let kind = match kind {
            "direct" => "direct",
            "partial" => "partial",
            "indirect" => "indirect",
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown quote kind {other:?}"
                )))
            }
        };
        Ok(Quote {
            text: span_text(text, start, end)?,
            start,
            end,
            kind,
            speaker: opt_text_arg(speaker, "speaker")?,
            speaker_mention,
            cue,
            zone: zone_name(zone)?,
        })
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
    ) -> (
        String,
        usize,
        usize,
        &'static str,
        Option<String>,
        Option<Span>,
        Option<Span>,
        &'static str,
    ) {
        (
            self.text.clone(),
            self.start,
            self.end,
            self.kind,
            self.speaker.clone(),
            self.speaker_mention.clone(),
            self.cue.clone(),
            self.zone,
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let speaker = match &self.speaker {
            Some(s) => py_repr(py, s)?,
            None => "None".to_string(),
        };
        Ok(format!(
            "Quote({}, {}..{}, {}, speaker={speaker})",
            py_repr(py, &shorten(&self.text))?,
            self.start,
            self.end,
            self.kind
        ))
    }
}

/// The article's fields.
#[pyclass(frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Meta {
    #[pyo3(get)]
    title: Option<String>,
    #[pyo3(get)]
    published: Option<String>,
    #[pyo3(get)]
    dateline: Option<String>,
    #[pyo3(get)]
    agency: Option<String>,
    #[pyo3(get)]
    body_start: Option<usize>,
    #[pyo3(get)]
    body_end: Option<usize>,
    #[pyo3(get)]
    credits: Vec<Span>,
    #[pyo3(get)]
    article_id: Option<String>,
    #[pyo3(get)]
    boilerplate: Vec<Span>,
    #[pyo3(get)]
    copies: Vec<Span>,
    /// Unscored fields, where the page shows them.
    #[pyo3(get)]
    byline: Option<String>,
    #[pyo3(get)]
    standfirst: Option<String>,
    #[pyo3(get)]
    updated: Option<String>,
}

#[pymethods]
impl Meta {
    #[new]
    #[pyo3(signature = (title=None, published=None, dateline=None, agency=None, body_start=None,
                        body_end=None, credits=Vec::new(), article_id=None, boilerplate=Vec::new(),
                        copies=Vec::new(), byline=None, standfirst=None, updated=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        title: Option<String>,
        published: Option<String>,
        dateline: Option<String>,
        agency: Option<String>,
        body_start: Option<usize>,
        body_end: Option<usize>,
        credits: Vec<Span>,
        article_id: Option<String>,
        boilerplate: Vec<Span>,
        copies: Vec<Span>,
        byline: Option<String>,
        standfirst: Option<String>,
        updated: Option<String>,
    ) -> Self {
        Meta {
            title,
            published,
            dateline,
            agency,
            body_start,
            body_end,
            credits,
            article_id,
            boilerplate,
            copies,
            byline,
            standfirst,
            updated,
        }
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<(Py<PyAny>, Py<PyAny>)> {
        let py = slf.py();
        let m = slf.get();
        let any = |o: Bound<'_, PyAny>| o.unbind();
        let args = PyTuple::new(
            py,
            [
                any(m.title.clone().into_pyobject(py)?),
                any(m.published.clone().into_pyobject(py)?),
                any(m.dateline.clone().into_pyobject(py)?),
                any(m.agency.clone().into_pyobject(py)?),
                any(m.body_start.into_pyobject(py)?),
                any(m.body_end.into_pyobject(py)?),
                any(m.credits.clone().into_pyobject(py)?),
                any(m.article_id.clone().into_pyobject(py)?),
                any(m.boilerplate.clone().into_pyobject(py)?),
                any(m.copies.clone().into_pyobject(py)?),
                any(m.byline.clone().into_pyobject(py)?),
                any(m.standfirst.clone().into_pyobject(py)?),
                any(m.updated.clone().into_pyobject(py)?),
            ],
        )?
        .into_any()
        .unbind();
        Ok((slf.get_type().into_any().unbind(), args))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let opt = |v: &Option<String>| -> PyResult<String> {
            v.as_ref()
                .map_or(Ok("None".to_string()), |s| py_repr(py, s))
        };
        let body = match (self.body_start, self.body_end) {
            (Some(start), Some(end)) => format!("{start}..{end}"),
            _ => "None".to_string(),
        };
        Ok(format!(
            "Meta(title={}, published={}, dateline={}, agency={}, body={body})",
            opt(&self.title)?,
            opt(&self.published)?,
            opt(&self.dateline)?,
            opt(&self.agency)?,
        ))
    }
}

/// A stretch of text that could not be analysed as written.
#[pyclass(name = "Warning", frozen, eq, hash, module = "frnews._frnews")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TextWarning {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    message: String,
}

#[pymethods]
impl TextWarning {
    #[new]
    fn new(text: String, start: usize, end: usize, message: String) -> Self {
        TextWarning {
            text,
            start,
            end,
            message,
        }
    }

    fn __getnewargs__(&self) -> (String, usize, usize, String) {
        (
            self.text.clone(),
            self.start,
            self.end,
            self.message.clone(),
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Warning({}, {}..{}, {})",
            py_repr(py, &self.text)?,
            self.start,
            self.end,
            py_repr(py, &self.message)?
        ))
    }
}

/// The static name of a zone given by name.
fn zone_name(name: &str) -> PyResult<&'static str> {
    serde_json::from_value::<crate::Zone>(serde_json::Value::String(name.to_string()))
        .map(crate::Zone::as_str)
        .map_err(|_| PyValueError::new_err(format!("unknown zone {name:?}")))
}

/// The first 60 characters of a long text, for reprs.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
