//! Columnar output: the documents of a batch as Arrow record batches built in
//! Rust, handed to Python through the Arrow PyCapsule interface
//! (`__arrow_c_stream__`), so that a table of a million tokens costs no Python
//! object per token.
//!
//! Tables and columns (README, "Many articles"): the columns of
//! `frnews.to_pandas(docs, what)`, in its order, then the columns it lacks.
//! Offsets are code points into the text (`int64`, like the frames and Python
//! `int`s); labels, zones and kinds are dictionaries with `int16` keys (as
//! `frnews.to_arrow` makes them) over the full fixed set of names, so every
//! batch of every call has the same dictionary. A missing document (`None`)
//! has an article row of nulls and no other row.

use std::ffi::CString;
use std::sync::Arc;

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::Int16Type;
use arrow_array::{
    ArrayRef, DictionaryArray, Int16Array, RecordBatch, RecordBatchIterator, StringArray,
};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyInt, PyString};
use rayon::prelude::*;

use super::errors::{text_arg, FrnewsError};
use crate::model::Source;
use crate::offsets::OffsetMap;
use crate::{Label, QuoteKind, Role, TokenKind, Zone};

/// The names of the tables, in the order `ArrowTables` lists them.
pub const TABLES: [&str; 7] = [
    "articles",
    "entities",
    "quotes",
    "tokens",
    "sentences",
    "paragraphs",
    "warnings",
];

/// At most this many documents, and about this many bytes of text, go into
/// one record batch: batches are built in parallel, and string offsets (`i32`)
/// stay far from their limit.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 64 << 20;

/// A closed set of names stored as a dictionary column.
trait Category: Copy {
    /// Every name, in the order of the dictionary.
    const NAMES: &'static [&'static str];
    /// The position of the name in `NAMES`.
    fn code(self) -> i16;
}

impl Category for Label {
    const NAMES: &'static [&'static str] =
        &["PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT"];
    fn code(self) -> i16 {
        match self {
            Label::Per => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Date => 3,
            Label::Time => 4,
            Label::Money => 5,
            Label::Percent => 6,
        }
    }
}

impl Category for Zone {
    const NAMES: &'static [&'static str] = &[
        "title",
        "header",
        "dateline",
        "body",
        "credit",
        "boilerplate",
        "copy",
        "id",
    ];
    fn code(self) -> i16 {
        match self {
            Zone::Title => 0,
            Zone::Header => 1,
            Zone::Dateline => 2,
            Zone::Body => 3,
            Zone::Credit => 4,
            Zone::Boilerplate => 5,
            Zone::Copy => 6,
            Zone::Id => 7,
        }
    }
}

impl Category for Role {
    const NAMES: &'static [&'static str] = &[
        "chrome",
        "headline",
        "date_line",
        "dateline",
        "standfirst",
        "body",
        "caption",
        "heading",
        "list",
        "byline",
        "end_marker",
        "credit",
        "id",
        "copy",
    ];
    fn code(self) -> i16 {
        // `Role::ALL` is in the order of `NAMES`.
        Role::ALL
            .iter()
            .position(|&r| r == self)
            .and_then(|i| i16::try_from(i).ok())
            .unwrap_or(0)
    }
}

impl Category for TokenKind {
    const NAMES: &'static [&'static str] = &["word", "number", "punct", "symbol", "url", "email"];
    fn code(self) -> i16 {
        match self {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
            TokenKind::Symbol => 3,
            TokenKind::Url => 4,
            TokenKind::Email => 5,
        }
    }
}

impl Category for Source {
    const NAMES: &'static [&'static str] = &["lexicon", "pattern", "evidence", "propagated"];
    fn code(self) -> i16 {
        match self {
            Source::Lexicon => 0,
            Source::Pattern => 1,
            Source::Evidence => 2,
            Source::Propagated => 3,
        }
    }
}

impl Category for QuoteKind {
    const NAMES: &'static [&'static str] = &["direct", "partial", "indirect"];
    fn code(self) -> i16 {
        match self {
            QuoteKind::Direct => 0,
            QuoteKind::Partial => 1,
            QuoteKind::Indirect => 2,
        }
    }
}

/// The caller's ids of the documents, or their positions in the input.
pub enum DocIds {
    Positions,
    Ints(Vec<i64>),
    Strs(Vec<String>),
}

impl DocIds {
    /// `ids` as given to `analyze_arrow`: `None`, or one `int` or `str` per
    /// text (all of one type).
    pub fn extract(ids: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<DocIds> {
        let Some(ids) = ids.filter(|v| !v.is_none()) else {
            return Ok(DocIds::Positions);
        };
        if ids.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "ids must be a sequence of int or of str, not a str",
            ));
        }
        let items = ids
            .try_iter()?
            .collect::<PyResult<Vec<Bound<'_, PyAny>>>>()?;
        if items.len() != n {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "ids has {} labels for {n} documents",
                items.len()
            )));
        }
        let Some(first) = items.first() else {
            return Ok(DocIds::Ints(Vec::new()));
        };
        if first.is_instance_of::<PyString>() {
            let strs = items
                .iter()
                .enumerate()
                .map(|(k, i)| {
                    if i.is_instance_of::<PyString>() {
                        text_arg(i, &format!("ids[{k}]"))
                    } else {
                        Err(mixed_ids())
                    }
                })
                .collect::<PyResult<_>>()?;
            Ok(DocIds::Strs(strs))
        } else {
            let ints = items
                .iter()
                .map(|i| {
                    if i.is_instance_of::<PyInt>() {
                        i.extract::<i64>()
                    } else {
                        Err(mixed_ids())
                    }
                })
                .collect::<PyResult<_>>()?;
            Ok(DocIds::Ints(ints))
        }
    }

    fn data_type(&self) -> DataType {
        match self {
            DocIds::Strs(_) => DataType::Utf8,
            DocIds::Positions | DocIds::Ints(_) => DataType::Int64,
        }
    }
}

/// An Arrow error as the Python exception of frnews' internal errors.
pub fn arrow_error(e: ArrowError) -> PyErr {
    FrnewsError::new_err(format!("internal error in frnews: {e}"))
}

fn mixed_ids() -> PyErr {
    PyTypeError::new_err("ids must be all int or all str")
}

/// The `doc` column of one batch.
enum DocColumn<'a> {
    Ints(Int64Builder, &'a DocIds),
    Strs(StringBuilder, &'a [String]),
}

impl<'a> DocColumn<'a> {
    fn new(ids: &'a DocIds) -> Self {
        match ids {
            DocIds::Strs(strs) => DocColumn::Strs(StringBuilder::new(), strs),
            other => DocColumn::Ints(Int64Builder::new(), other),
        }
    }

    /// One row of document `i` (its position in the whole input).
    fn push(&mut self, i: usize) {
        match self {
            DocColumn::Ints(b, DocIds::Ints(ints)) => b.append_option(ints.get(i).copied()),
            DocColumn::Ints(b, _) => b.append_value(i64::try_from(i).unwrap_or(i64::MAX)),
            DocColumn::Strs(b, strs) => b.append_option(strs.get(i)),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            DocColumn::Ints(mut b, _) => Arc::new(b.finish()),
            DocColumn::Strs(mut b, _) => Arc::new(b.finish()),
        }
    }
}

/// A dictionary column over the fixed names of `C`.
struct CategoryColumn<C: Category> {
    keys: Vec<i16>,
    _names: std::marker::PhantomData<C>,
}

impl<C: Category> CategoryColumn<C> {
    fn new() -> Self {
        CategoryColumn {
            keys: Vec::new(),
            _names: std::marker::PhantomData,
        }
    }

    fn push(&mut self, value: C) {
        self.keys.push(value.code());
    }

    fn data_type() -> DataType {
        DataType::Dictionary(Box::new(DataType::Int16), Box::new(DataType::Utf8))
    }

    fn finish(self) -> Result<ArrayRef, ArrowError> {
        let values: ArrayRef = Arc::new(StringArray::from(C::NAMES.to_vec()));
        Ok(Arc::new(DictionaryArray::<Int16Type>::try_new(
            Int16Array::from(self.keys),
            values,
        )?))
    }
}

/// A document of a batch, or the position of a missing one.
enum Slot<'a> {
    Present(Doc<'a>),
    Missing(usize),
}

/// A document of a batch: its position in the input, the result, its offset map.
struct Doc<'a> {
    index: usize,
    doc: &'a crate::Document,
    map: OffsetMap<'a>,
}

impl Doc<'_> {
    fn offset(&self, byte: usize) -> i64 {
        i64::try_from(self.map.char_offset(byte)).unwrap_or(i64::MAX)
    }

    fn text(&self, span: &crate::Span) -> &str {
        span.text(&self.doc.text)
    }

    /// A field's words joined by single spaces (as `Document.meta` gives them).
    fn words(&self, span: &Option<crate::Span>) -> Option<String> {
        span.map(|s| {
            self.text(&s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
}

fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

fn int64(name: &str) -> Field {
    field(name, DataType::Int64, false)
}

/// A count of the articles table: null for a missing document.
fn count_field(name: &str) -> Field {
    field(name, DataType::Int64, true)
}

fn utf8(name: &str, nullable: bool) -> Field {
    field(name, DataType::Utf8, nullable)
}

/// The schema of table `name`, with the `doc` column of type `doc`.
pub fn schema(name: &str, doc: DataType) -> Option<SchemaRef> {
    let doc = field("doc", doc, false);
    let label = || field("label", CategoryColumn::<Label>::data_type(), false);
    let zone = || field("zone", CategoryColumn::<Zone>::data_type(), false);
    let fields = match name {
        "articles" => vec![
            doc,
            utf8("title", true),
            utf8("published", true),
            utf8("dateline", true),
            utf8("agency", true),
            field("body_start", DataType::Int64, true),
            field("body_end", DataType::Int64, true),
            utf8("article_id", true),
            count_field("n_chars"),
            count_field("n_sentences"),
            count_field("n_entities"),
            count_field("n_quotes"),
            count_field("n_warnings"),
            count_field("n_tokens"),
            count_field("n_paragraphs"),
        ],
        "entities" => vec![
            doc,
            int64("start"),
            int64("end"),
            utf8("text", false),
            label(),
            utf8("canonical", true),
            utf8("value", true),
            zone(),
            field("source", CategoryColumn::<Source>::data_type(), false),
        ],
        "quotes" => vec![
            doc,
            int64("start"),
            int64("end"),
            utf8("text", false),
            field("kind", CategoryColumn::<QuoteKind>::data_type(), false),
            utf8("speaker", true),
            utf8("speaker_mention", true),
            utf8("cue", true),
            zone(),
            field("speaker_mention_start", DataType::Int64, true),
            field("speaker_mention_end", DataType::Int64, true),
            field("cue_start", DataType::Int64, true),
            field("cue_end", DataType::Int64, true),
        ],
        "tokens" => vec![
            doc,
            int64("start"),
            int64("end"),
            utf8("text", false),
            field("kind", CategoryColumn::<TokenKind>::data_type(), false),
            utf8("norm", false),
        ],
        "sentences" => vec![doc, int64("start"), int64("end"), utf8("text", false)],
        "paragraphs" => vec![
            doc,
            int64("start"),
            int64("end"),
            utf8("text", false),
            zone(),
            field("role", CategoryColumn::<Role>::data_type(), false),
        ],
        "warnings" => vec![
            doc,
            int64("start"),
            int64("end"),
            utf8("text", false),
            utf8("message", false),
        ],
        _ => return None,
    };
    Some(Arc::new(Schema::new(fields)))
}

/// `start`, `end` and `text` columns of spans.
struct Spans {
    start: Int64Builder,
    end: Int64Builder,
    text: StringBuilder,
}

impl Spans {
    fn new() -> Self {
        Spans {
            start: Int64Builder::new(),
            end: Int64Builder::new(),
            text: StringBuilder::new(),
        }
    }

    fn push(&mut self, d: &Doc<'_>, span: &crate::Span) {
        self.start.append_value(d.offset(span.start));
        self.end.append_value(d.offset(span.end));
        self.text.append_value(d.text(span));
    }

    fn finish(mut self) -> [ArrayRef; 3] {
        [
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.text.finish()),
        ]
    }
}

/// A nullable `start`/`end` pair of columns.
struct OptionalRange {
    start: Int64Builder,
    end: Int64Builder,
}

impl OptionalRange {
    fn new() -> Self {
        OptionalRange {
            start: Int64Builder::new(),
            end: Int64Builder::new(),
        }
    }

    fn push(&mut self, d: &Doc<'_>, span: Option<crate::Span>) {
        self.start.append_option(span.map(|s| d.offset(s.start)));
        self.end.append_option(span.map(|s| d.offset(s.end)));
    }

    fn push_null(&mut self) {
        self.start.append_null();
        self.end.append_null();
    }

    fn finish(mut self) -> [ArrayRef; 2] {
        [Arc::new(self.start.finish()), Arc::new(self.end.finish())]
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn articles(slots: &[Slot<'_>], mut ids: DocColumn<'_>) -> Vec<ArrayRef> {
    let mut title = StringBuilder::new();
    let mut published = StringBuilder::new();
    let mut dateline = StringBuilder::new();
    let mut agency = StringBuilder::new();
    let mut body = OptionalRange::new();
    let mut article_id = StringBuilder::new();
    let mut counts: [Int64Builder; 7] = std::array::from_fn(|_| Int64Builder::new());
    for slot in slots {
        let d = match slot {
            Slot::Present(d) => d,
            Slot::Missing(index) => {
                ids.push(*index);
                for column in [
                    &mut title,
                    &mut published,
                    &mut dateline,
                    &mut agency,
                    &mut article_id,
                ] {
                    column.append_null();
                }
                body.push_null();
                for column in &mut counts {
                    column.append_null();
                }
                continue;
            }
        };
        let (doc, m) = (d.doc, &d.doc.meta);
        ids.push(d.index);
        title.append_option(d.words(&m.title));
        published.append_option(m.published.as_deref());
        dateline.append_option(d.words(&m.dateline));
        agency.append_option(d.words(&m.agency));
        body.push(d, m.body);
        article_id.append_option(d.words(&m.article_id));
        let values = [
            d.offset(doc.text.len()),
            count(doc.sentences.len()),
            count(doc.entities.len()),
            count(doc.quotes.len()),
            count(doc.warnings.len()),
            count(doc.tokens.len()),
            count(doc.paragraphs.len()),
        ];
        for (column, value) in counts.iter_mut().zip(values) {
            column.append_value(value);
        }
    }
    let [body_start, body_end] = body.finish();
    let mut columns: Vec<ArrayRef> = vec![
        ids.finish(),
        Arc::new(title.finish()),
        Arc::new(published.finish()),
        Arc::new(dateline.finish()),
        Arc::new(agency.finish()),
        body_start,
        body_end,
        Arc::new(article_id.finish()),
    ];
    columns.extend(counts.iter_mut().map(|c| Arc::new(c.finish()) as ArrayRef));
    columns
}

fn entities(docs: &[&Doc<'_>], mut ids: DocColumn<'_>) -> Result<Vec<ArrayRef>, ArrowError> {
    let mut spans = Spans::new();
    let mut label = CategoryColumn::<Label>::new();
    let mut canonical = StringBuilder::new();
    let mut value = StringBuilder::new();
    let mut zone = CategoryColumn::<Zone>::new();
    let mut source = CategoryColumn::<Source>::new();
    for d in docs {
        for e in &d.doc.entities {
            ids.push(d.index);
            spans.push(d, &e.span);
            label.push(e.label);
            canonical.append_option(e.canonical.as_deref());
            value.append_option(e.value.as_deref());
            zone.push(e.zone);
            source.push(e.source);
        }
    }
    let [start, end, text] = spans.finish();
    Ok(vec![
        ids.finish(),
        start,
        end,
        text,
        label.finish()?,
        Arc::new(canonical.finish()),
        Arc::new(value.finish()),
        zone.finish()?,
        source.finish()?,
    ])
}

fn quotes(docs: &[&Doc<'_>], mut ids: DocColumn<'_>) -> Result<Vec<ArrayRef>, ArrowError> {
    let mut spans = Spans::new();
    let mut kind = CategoryColumn::<QuoteKind>::new();
    let mut speaker = StringBuilder::new();
    let mut mention = StringBuilder::new();
    let mut cue = StringBuilder::new();
    let mut zone = CategoryColumn::<Zone>::new();
    let mut mention_range = OptionalRange::new();
    let mut cue_range = OptionalRange::new();
    for d in docs {
        for q in &d.doc.quotes {
            ids.push(d.index);
            spans.push(d, &q.span);
            kind.push(q.kind);
            speaker.append_option(q.speaker.as_deref());
            mention.append_option(q.speaker_mention.map(|s| d.text(&s)));
            cue.append_option(q.cue.map(|s| d.text(&s)));
            zone.push(q.zone);
            mention_range.push(d, q.speaker_mention);
            cue_range.push(d, q.cue);
        }
    }
    let [start, end, text] = spans.finish();
    let [mention_start, mention_end] = mention_range.finish();
    let [cue_start, cue_end] = cue_range.finish();
    Ok(vec![
        ids.finish(),
        start,
        end,
        text,
        kind.finish()?,
        Arc::new(speaker.finish()),
        Arc::new(mention.finish()),
        Arc::new(cue.finish()),
        zone.finish()?,
        mention_start,
        mention_end,
        cue_start,
        cue_end,
    ])
}

fn tokens(docs: &[&Doc<'_>], mut ids: DocColumn<'_>) -> Result<Vec<ArrayRef>, ArrowError> {
    let n: usize = docs.iter().map(|d| d.doc.tokens.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let mut start = Int64Builder::with_capacity(n);
    let mut end = Int64Builder::with_capacity(n);
    let mut text = StringBuilder::with_capacity(n, bytes);
    let mut kind = CategoryColumn::<TokenKind>::new();
    let mut norm = StringBuilder::with_capacity(n, bytes);
    for d in docs {
        for t in &d.doc.tokens {
            let written = t.text(&d.doc.text);
            ids.push(d.index);
            start.append_value(d.offset(t.start()));
            end.append_value(d.offset(t.end()));
            text.append_value(written);
            kind.push(t.kind());
            norm.append_value(crate::tokenize::norm_cow(written));
        }
    }
    Ok(vec![
        ids.finish(),
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(text.finish()),
        kind.finish()?,
        Arc::new(norm.finish()),
    ])
}

fn sentences(docs: &[&Doc<'_>], mut ids: DocColumn<'_>) -> Vec<ArrayRef> {
    let mut spans = Spans::new();
    for d in docs {
        for s in &d.doc.sentences {
            ids.push(d.index);
            spans.push(d, s);
        }
    }
    let [start, end, text] = spans.finish();
    vec![ids.finish(), start, end, text]
}

fn paragraphs(docs: &[&Doc<'_>], mut ids: DocColumn<'_>) -> Result<Vec<ArrayRef>, ArrowError> {
    let mut spans = Spans::new();
    let mut zone = CategoryColumn::<Zone>::new();
    let mut role = CategoryColumn::<Role>::new();
    for d in docs {
        for p in &d.doc.paragraphs {
            ids.push(d.index);
            spans.push(d, &p.span);
            zone.push(p.zone);
            role.push(p.role);
        }
    }
    let [start, end, text] = spans.finish();
    Ok(vec![
        ids.finish(),
        start,
        end,
        text,
        zone.finish()?,
        role.finish()?,
    ])
}

fn warnings(docs: &[&Doc<'_>], mut ids: DocColumn<'_>) -> Vec<ArrayRef> {
    let mut spans = Spans::new();
    let mut message = StringBuilder::new();
    for d in docs {
        for w in &d.doc.warnings {
            ids.push(d.index);
            spans.push(d, &w.span);
            message.append_value(&w.message);
        }
    }
    let [start, end, text] = spans.finish();
    vec![ids.finish(), start, end, text, Arc::new(message.finish())]
}

/// The record batch of each table of `schemas` (named as `names`) for one
/// run of documents.
fn batches(
    names: &[&'static str],
    schemas: &[SchemaRef],
    slots: &[Slot<'_>],
    ids: &DocIds,
) -> Result<Vec<RecordBatch>, ArrowError> {
    let docs: Vec<&Doc<'_>> = slots
        .iter()
        .filter_map(|s| match s {
            Slot::Present(d) => Some(d),
            Slot::Missing(_) => None,
        })
        .collect();
    let docs = docs.as_slice();
    names
        .iter()
        .zip(schemas)
        .map(|(name, schema)| {
            let ids = DocColumn::new(ids);
            let columns = match *name {
                "articles" => articles(slots, ids),
                "entities" => entities(docs, ids)?,
                "quotes" => quotes(docs, ids)?,
                "tokens" => tokens(docs, ids)?,
                "sentences" => sentences(docs, ids),
                "paragraphs" => paragraphs(docs, ids)?,
                "warnings" => warnings(docs, ids),
                _ => return Err(ArrowError::SchemaError(format!("no table {name}"))),
            };
            RecordBatch::try_new(Arc::clone(schema), columns)
        })
        .collect()
}

/// The tables named in `wanted` (in `TABLES` order, each once), or all of
/// them; a name that is no table is a `KeyError` listing the tables.
pub fn table_names(wanted: Option<Vec<String>>) -> PyResult<Vec<&'static str>> {
    let Some(wanted) = wanted else {
        return Ok(TABLES.to_vec());
    };
    if let Some(unknown) = wanted.iter().find(|w| !TABLES.contains(&w.as_str())) {
        return Err(PyKeyError::new_err(format!(
            "no table '{unknown}'; the tables are {}",
            TABLES.join(", ")
        )));
    }
    Ok(TABLES
        .into_iter()
        .filter(|t| wanted.iter().any(|w| w == t))
        .collect())
}

/// The tables `names` (see [`table_names`]) of `docs` (the result of the
/// texts in input order), built on the current thread pool, one record batch
/// per run of documents.
pub fn build(
    names: &[&'static str],
    docs: &[Option<&crate::Document>],
    ids: &DocIds,
) -> Result<Vec<ArrowTable>, ArrowError> {
    let schemas = names
        .iter()
        .map(|name| {
            schema(name, ids.data_type())
                .ok_or_else(|| ArrowError::SchemaError(format!("no table {name}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Runs of documents: at most BATCH_DOCS, and about BATCH_BYTES of text.
    let mut runs = Vec::new();
    let (mut from, mut bytes) = (0, 0);
    for (i, doc) in docs.iter().enumerate() {
        let size = doc.map_or(0, |d| d.text.len());
        if i > from && (i - from >= BATCH_DOCS || bytes + size > BATCH_BYTES) {
            runs.push(from..i);
            (from, bytes) = (i, 0);
        }
        bytes += size;
    }
    // Without documents, one empty batch: it still carries the dictionaries.
    if from < docs.len() || runs.is_empty() {
        runs.push(from..docs.len());
    }
    let per_run = runs
        .into_par_iter()
        .map(|run| {
            let start = run.start;
            let slots: Vec<Slot<'_>> = docs
                .get(run)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(k, doc)| match doc {
                    Some(doc) => Slot::Present(Doc {
                        index: start + k,
                        doc,
                        map: OffsetMap::new(&doc.text),
                    }),
                    None => Slot::Missing(start + k),
                })
                .collect();
            batches(names, &schemas, &slots, ids)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut tables: Vec<ArrowTable> = names
        .iter()
        .zip(&schemas)
        .map(|(name, schema)| ArrowTable {
            name,
            schema: Arc::clone(schema),
            batches: Vec::with_capacity(per_run.len()),
        })
        .collect();
    for run in per_run {
        for (table, batch) in tables.iter_mut().zip(run) {
            table.batches.push(batch);
        }
    }
    Ok(tables)
}

/// One table: its schema and record batches. Read it with `pyarrow.table(t)`,
/// `polars.DataFrame(t)` or anything that takes the Arrow PyCapsule interface.
#[pyclass(frozen, module = "frnews._frnews")]
pub struct ArrowTable {
    name: &'static str,
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowTable {
    /// The table's name (`tokens`, `entities`, ...).
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }

    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// The number of record batches the stream yields.
    #[getter]
    fn num_batches(&self) -> usize {
        self.batches.len()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    /// The table as an Arrow C stream (a PyCapsule named `arrow_array_stream`);
    /// each call makes a new stream over the same batches. `requested_schema`
    /// is accepted and ignored, as the interface allows.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(
            self.batches.clone().into_iter().map(Ok),
            Arc::clone(&self.schema),
        );
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new(py, stream, Some(c"arrow_array_stream".to_owned()))
    }

    /// The table's schema as an Arrow C schema (a PyCapsule named `arrow_schema`).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.schema.as_ref())
            .map_err(|e| FrnewsError::new_err(e.to_string()))?;
        PyCapsule::new(py, schema, Some(CString::from(c"arrow_schema")))
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowTable('{}', rows={}, columns=[{}])",
            self.name,
            self.num_rows(),
            self.column_names().join(", ")
        )
    }
}

/// The tables of a batch of documents, one attribute each.
#[pyclass(frozen, module = "frnews._frnews")]
pub struct ArrowTables {
    tables: Vec<Py<ArrowTable>>,
}

impl ArrowTables {
    pub fn new(py: Python<'_>, tables: Vec<ArrowTable>) -> PyResult<Self> {
        Ok(ArrowTables {
            tables: tables
                .into_iter()
                .map(|t| Py::new(py, t))
                .collect::<PyResult<_>>()?,
        })
    }

    fn table(&self, py: Python<'_>, name: &str) -> PyResult<Py<ArrowTable>> {
        if let Some(t) = self.tables.iter().find(|t| t.get().name == name) {
            return Ok(t.clone_ref(py));
        }
        Err(PyKeyError::new_err(if TABLES.contains(&name) {
            let built: Vec<String> = self.names().iter().map(|n| format!("'{n}'")).collect();
            format!(
                "table '{name}' was not built (tables=[{}])",
                built.join(", ")
            )
        } else {
            format!("no table '{name}'; the tables are {}", TABLES.join(", "))
        }))
    }
}

#[pymethods]
impl ArrowTables {
    /// The names of the tables built.
    #[getter]
    fn names(&self) -> Vec<&'static str> {
        self.tables.iter().map(|t| t.get().name).collect()
    }

    /// One row per article: its fields and counts.
    #[getter]
    fn articles(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "articles")
    }

    #[getter]
    fn entities(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "entities")
    }

    #[getter]
    fn quotes(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "quotes")
    }

    #[getter]
    fn tokens(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "tokens")
    }

    #[getter]
    fn sentences(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "sentences")
    }

    #[getter]
    fn paragraphs(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "paragraphs")
    }

    #[getter]
    fn warnings(&self, py: Python<'_>) -> PyResult<Py<ArrowTable>> {
        self.table(py, "warnings")
    }

    fn __getitem__(&self, py: Python<'_>, name: &str) -> PyResult<Py<ArrowTable>> {
        self.table(py, name)
    }

    fn __repr__(&self) -> String {
        let sizes: Vec<String> = self
            .tables
            .iter()
            .map(|t| format!("{}={}", t.get().name, t.get().num_rows()))
            .collect();
        format!("ArrowTables({})", sizes.join(", "))
    }
}
