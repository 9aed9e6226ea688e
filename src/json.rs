//! Documents as JSON, in the shape of GUIDELINES.md with code-point offsets
//! (Python `str` indices), and back.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Serialize as DeriveSerialize;
use serde_json::{json, Value};

use crate::model::{
    Document, Entity, Label, Meta, Paragraph, Quote, Role, Source, Span, Token, TokenKind, Warning,
    Zone,
};
use crate::offsets::OffsetMap;

impl Document {
    /// The document in the JSON shape of GUIDELINES.md, offsets in code points
    /// (Python `str` indices). Extra fields (`zone`, `cue`, `paragraphs`,
    /// `warnings`) are ignored by the scorer.
    pub fn to_json(&self) -> Value {
        let map = OffsetMap::new(&self.text);
        let pair = |s: &Span| {
            let (a, b) = map.char_range(s.start, s.end);
            json!([a, b])
        };
        let text_of = |s: &Option<Span>| s.map(|s| s.text(&self.text).to_string());
        let meta = &self.meta;
        let (body_start, body_end) = match meta.body {
            Some(b) => {
                let (a, e) = map.char_range(b.start, b.end);
                (json!(a), json!(e))
            }
            None => (Value::Null, Value::Null),
        };
        json!({
            "text": self.text,
            "tokens": self.tokens.iter().map(|t| pair(&Span::new(t.start(), t.end()))).collect::<Vec<_>>(),
            "token_kinds": self.tokens.iter().map(|t| t.kind().as_str()).collect::<Vec<_>>(),
            "sentences": self.sentences.iter().map(pair).collect::<Vec<_>>(),
            "paragraphs": self.paragraphs.iter().map(|p| {
                let (a, b) = map.char_range(p.span.start, p.span.end);
                json!({"start": a, "end": b, "zone": p.zone.as_str(), "role": p.role.as_str()})
            }).collect::<Vec<_>>(),
            "meta": {
                "title": text_of(&meta.title).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
                "title_span": meta.title.as_ref().map(pair),
                "dateline_span": meta.dateline.as_ref().map(pair),
                "agency_span": meta.agency.as_ref().map(pair),
                "article_id_span": meta.article_id.as_ref().map(pair),
                "published": meta.published,
                "dateline": text_of(&meta.dateline),
                "agency": text_of(&meta.agency),
                "body_start": body_start,
                "body_end": body_end,
                "credits": meta.credits.iter().map(pair).collect::<Vec<_>>(),
                "article_id": text_of(&meta.article_id),
                "boilerplate": meta.boilerplate.iter().map(pair).collect::<Vec<_>>(),
                "copies": meta.copies.iter().map(pair).collect::<Vec<_>>(),
                "byline": text_of(&meta.byline),
                "byline_span": meta.byline.as_ref().map(pair),
                "standfirst": text_of(&meta.standfirst),
                "standfirst_span": meta.standfirst.as_ref().map(pair),
                "updated": meta.updated,
            },
            "entities": self.entities.iter().map(|e| {
                let (a, b) = map.char_range(e.span.start, e.span.end);
                json!({"start": a, "end": b, "label": e.label.as_str(), "text": e.span.text(&self.text),
                       "canonical": e.canonical, "value": e.value, "zone": e.zone.as_str(),
                       "source": e.source.as_str()})
            }).collect::<Vec<_>>(),
            "quotes": self.quotes.iter().map(|q| {
                let (a, b) = map.char_range(q.span.start, q.span.end);
                json!({"start": a, "end": b, "kind": q.kind.as_str(), "text": q.span.text(&self.text),
                       "speaker": q.speaker,
                       "speaker_mention": q.speaker_mention.map(|s| s.text(&self.text).to_string()),
                       "speaker_mention_span": q.speaker_mention.as_ref().map(pair),
                       "cue": q.cue.as_ref().map(pair),
                       "zone": q.zone.as_str()})
            }).collect::<Vec<_>>(),
            "warnings": self.warnings.iter().map(|w| {
                let (a, b) = map.char_range(w.span.start, w.span.end);
                json!({"start": a, "end": b, "text": w.span.text(&self.text), "message": w.message})
            }).collect::<Vec<_>>(),
        })
    }
}

/// Reading a document back from its JSON shape (`to_json`), code-point
/// offsets converted to bytes. Used for `from_dict` and unpickling. Every
/// field must have its type (a missing field or `null` is empty), every span
/// must lie in the text, and the layers the library keeps sorted and
/// disjoint (tokens, sentences, paragraphs, entities, quotes) must be so: an
/// error names the field that is not.
impl Document {
    pub fn from_json(value: &Value) -> Result<Document, String> {
        let Value::Object(_) = value else {
            return Err(format!(
                "a document must be an object, not {}",
                type_name(value)
            ));
        };
        let text = value["text"]
            .as_str()
            .ok_or_else(|| format!("`text` must be a string, not {}", type_name(&value["text"])))?
            .to_string();
        if text.len() > crate::MAX_TEXT_BYTES {
            return Err(format!(
                "`text` is {} bytes of UTF-8; a document holds at most {} (1 GiB)",
                text.len(),
                crate::MAX_TEXT_BYTES
            ));
        }
        let r = Reader {
            to_byte: ByteOffsets::new(&text),
        };
        let meta_json = &value["meta"];
        if !meta_json.is_null() && !meta_json.is_object() {
            return Err(format!(
                "`meta` must be an object, not {}",
                type_name(meta_json)
            ));
        }
        // `title`, `dateline`, `agency` and `article_id` are given as text:
        // found again by position where the document keeps it.
        let find = |field: &str| -> Result<Option<Span>, String> {
            let Some(wanted) = opt_string(&meta_json[field], &format!("meta.{field}"))? else {
                return Ok(None);
            };
            Ok(text
                .find(&wanted)
                .map(|start| Span::new(start, start + wanted.len())))
        };
        let body = match (&meta_json["body_start"], &meta_json["body_end"]) {
            (Value::Null, Value::Null) => None,
            (a, b) => {
                let a = offset(a, "meta.body_start")?;
                let b = offset(b, "meta.body_end")?;
                Some(r.span_of(a, b, "meta.body_start")?)
            }
        };
        let kinds = list(&value["token_kinds"], "token_kinds")?;
        let tokens = list(&value["tokens"], "tokens")?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let s = r.span(v, &format!("tokens[{i}]"))?;
                // Without `token_kinds` (a hand-made dict), the kind is read
                // off the token's text.
                let kind = match kinds.get(i) {
                    None => crate::tokenize::classify(s.text(&text)),
                    Some(k) => k
                        .as_str()
                        .and_then(TokenKind::parse)
                        .ok_or_else(|| format!("`token_kinds[{i}]`: unknown token kind {k}"))?,
                };
                Ok(Token::new(s.start, s.end, kind))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let paragraphs = objects(&value["paragraphs"], "paragraphs")?
            .map(|(v, at)| {
                Ok(Paragraph {
                    span: r.span(v, &at)?,
                    zone: zone(&v["zone"], &at)?,
                    // Documents written before roles existed: the role of the zone.
                    role: match opt_string(&v["role"], &format!("{at}.role"))? {
                        Some(role) => Role::parse(&role)
                            .ok_or_else(|| format!("`{at}.role`: unknown role {role:?}"))?,
                        None => Role::of_zone(zone(&v["zone"], &at)?),
                    },
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let entities = objects(&value["entities"], "entities")?
            .map(|(v, at)| {
                let label = &v["label"];
                Ok(Entity {
                    span: r.span(v, &at)?,
                    label: label
                        .as_str()
                        .and_then(Label::parse)
                        .ok_or_else(|| format!("`{at}.label`: unknown entity label {label}"))?,
                    canonical: opt_string(&v["canonical"], &format!("{at}.canonical"))?
                        .map(String::into_boxed_str),
                    value: opt_string(&v["value"], &format!("{at}.value"))?
                        .map(String::into_boxed_str),
                    zone: zone(&v["zone"], &at)?,
                    source: match opt_string(&v["source"], &format!("{at}.source"))? {
                        None => Source::default(),
                        Some(s) => Source::parse(&s)
                            .ok_or_else(|| format!("`{at}.source`: unknown source {s:?}"))?,
                    },
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let quotes = objects(&value["quotes"], "quotes")?
            .map(|(v, at)| {
                Ok(Quote {
                    span: r.span(v, &at)?,
                    kind: serde_json::from_value(v["kind"].clone())
                        .map_err(|_| format!("`{at}.kind`: unknown quote kind {}", v["kind"]))?,
                    speaker: opt_string(&v["speaker"], &format!("{at}.speaker"))?,
                    speaker_mention: r.opt_span(
                        &v["speaker_mention_span"],
                        &format!("{at}.speaker_mention_span"),
                    )?,
                    cue: r.opt_span(&v["cue"], &format!("{at}.cue"))?,
                    zone: zone(&v["zone"], &at)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let warnings = objects(&value["warnings"], "warnings")?
            .map(|(v, at)| {
                Ok(Warning {
                    span: r.span(v, &at)?,
                    message: opt_string(&v["message"], &format!("{at}.message"))?
                        .unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let sentences = r.spans(&value["sentences"], "sentences")?;
        let token_spans: Vec<Span> = tokens
            .iter()
            .map(|t| Span::new(t.start(), t.end()))
            .collect();
        sorted_disjoint(&token_spans, "tokens")?;
        sorted_disjoint(&sentences, "sentences")?;
        sorted_disjoint(
            &paragraphs.iter().map(|p| p.span).collect::<Vec<_>>(),
            "paragraphs",
        )?;
        sorted_disjoint(
            &entities.iter().map(|e| e.span).collect::<Vec<_>>(),
            "entities",
        )?;
        sorted_disjoint(&quotes.iter().map(|q| q.span).collect::<Vec<_>>(), "quotes")?;
        let meta_span = |field: &str| -> Result<Option<Span>, String> {
            let given = r.opt_span(
                &meta_json[format!("{field}_span")],
                &format!("meta.{field}_span"),
            )?;
            match given {
                Some(s) => Ok(Some(s)),
                None => find(field),
            }
        };
        Ok(Document {
            tokens,
            sentences,
            paragraphs,
            meta: Meta {
                title: meta_span("title")?,
                published: opt_string(&meta_json["published"], "meta.published")?,
                dateline: meta_span("dateline")?,
                agency: meta_span("agency")?,
                body,
                credits: r.spans(&meta_json["credits"], "meta.credits")?,
                article_id: meta_span("article_id")?,
                boilerplate: r.spans(&meta_json["boilerplate"], "meta.boilerplate")?,
                copies: r.spans(&meta_json["copies"], "meta.copies")?,
                byline: meta_span("byline")?,
                standfirst: meta_span("standfirst")?,
                updated: opt_string(&meta_json["updated"], "meta.updated")?,
            },
            entities,
            quotes,
            warnings,
            text,
        })
    }
}

/// The JSON type of a value, for error messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A list field (missing or `null`: empty).
fn list<'v>(v: &'v Value, field: &str) -> Result<&'v [Value], String> {
    match v {
        Value::Null => Ok(&[]),
        Value::Array(items) => Ok(items),
        other => Err(format!(
            "`{field}` must be a list, not {}",
            type_name(other)
        )),
    }
}

/// A list field of objects, each with its place (`entities[3]`).
fn objects<'v>(
    v: &'v Value,
    field: &'v str,
) -> Result<impl Iterator<Item = (&'v Value, String)>, String> {
    let items = list(v, field)?;
    if let Some((i, bad)) = items.iter().enumerate().find(|(_, x)| !x.is_object()) {
        return Err(format!(
            "`{field}[{i}]` must be an object, not {}",
            type_name(bad)
        ));
    }
    Ok(items
        .iter()
        .enumerate()
        .map(move |(i, x)| (x, format!("{field}[{i}]"))))
}

/// A string field or `null`.
fn opt_string(v: &Value, field: &str) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        other => Err(format!(
            "`{field}` must be a string or null, not {}",
            type_name(other)
        )),
    }
}

/// A zone (missing or `null`: the body).
fn zone(v: &Value, at: &str) -> Result<Zone, String> {
    if v.is_null() {
        return Ok(Zone::Body);
    }
    serde_json::from_value(v.clone()).map_err(|_| format!("`{at}.zone`: unknown zone {v}"))
}

/// A code-point offset: a whole number, not negative.
fn offset(v: &Value, field: &str) -> Result<usize, String> {
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("`{field}` must be a whole number not below 0, not {v}"))
}

/// Whether the spans are sorted and none overlaps the next.
fn sorted_disjoint(spans: &[Span], field: &str) -> Result<(), String> {
    match spans
        .windows(2)
        .position(|w| matches!(w, [a, b] if a.end > b.start))
    {
        Some(i) => Err(format!(
            "`{field}[{}]` overlaps or comes before `{field}[{i}]`: the {field} must be sorted and disjoint",
            i + 1
        )),
        None => Ok(()),
    }
}

/// Spans read against one text.
struct Reader {
    to_byte: ByteOffsets,
}

impl Reader {
    /// A span given as `[start, end]` or as an object with `start` and `end`.
    fn span(&self, v: &Value, at: &str) -> Result<Span, String> {
        let (a, b) = match v {
            Value::Array(pair) if pair.len() == 2 => (
                pair.first().unwrap_or(&Value::Null),
                pair.get(1).unwrap_or(&Value::Null),
            ),
            Value::Object(o) => (
                o.get("start").unwrap_or(&Value::Null),
                o.get("end").unwrap_or(&Value::Null),
            ),
            other => {
                return Err(format!(
                    "`{at}` must be a [start, end] pair, not {}",
                    type_name(other)
                ))
            }
        };
        let a = offset(a, &format!("{at}.start"))?;
        let b = offset(b, &format!("{at}.end"))?;
        self.span_of(a, b, at)
    }

    fn span_of(&self, a: usize, b: usize, at: &str) -> Result<Span, String> {
        let in_text = |o: usize| self.to_byte.byte(o).map_err(|e| format!("`{at}`: {e}"));
        let (start, end) = (in_text(a)?, in_text(b)?);
        if start > end {
            return Err(format!("`{at}`: the span {a}..{b} ends before it starts"));
        }
        Ok(Span::new(start, end))
    }

    fn opt_span(&self, v: &Value, at: &str) -> Result<Option<Span>, String> {
        if v.is_null() {
            Ok(None)
        } else {
            self.span(v, at).map(Some)
        }
    }

    fn spans(&self, v: &Value, field: &str) -> Result<Vec<Span>, String> {
        list(v, field)?
            .iter()
            .enumerate()
            .map(|(i, x)| self.span(x, &format!("{field}[{i}]")))
            .collect()
    }
}

/// Code-point offsets of one text back to byte offsets.
struct ByteOffsets {
    starts: Vec<usize>,
}

impl ByteOffsets {
    fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        ByteOffsets { starts }
    }

    fn byte(&self, char_offset: usize) -> Result<usize, String> {
        self.starts
            .get(char_offset)
            .copied()
            .ok_or_else(|| format!("offset {char_offset} is past the end of the text"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trips() {
        let doc = crate::analyze("Sergueï Lebedev a dit : « Oui ». french.xinhuanet.com\nFin 😀.");
        let back = Document::from_json(&doc.to_json()).unwrap();
        assert_eq!(back, doc);
    }

    fn error_of(v: Value) -> String {
        Document::from_json(&v).err().unwrap_or_default()
    }

    #[test]
    fn wrong_types_name_their_field() {
        for (v, field) in [
            (json!({"text": "abc", "tokens": "abc"}), "`tokens`"),
            (json!({"text": "abc", "entities": "x"}), "`entities`"),
            (json!({"text": "abc", "meta": "x"}), "`meta`"),
            (
                json!({"text": "abc", "meta": {"body_start": -1, "body_end": 2}}),
                "meta.body_start",
            ),
            (
                json!({"text": "abc", "meta": {"body_start": "0", "body_end": 2}}),
                "meta.body_start",
            ),
            (
                json!({"text": "abc", "meta": {"published": 2018}}),
                "meta.published",
            ),
            (
                json!({"text": "abc", "entities": [{"start": 0, "end": 1, "label": "PER", "canonical": 3}]}),
                "entities[0].canonical",
            ),
            (json!([1]), "object"),
        ] {
            let e = error_of(v);
            assert!(e.contains(field), "{e:?} should name {field}");
        }
    }

    #[test]
    fn layers_must_be_sorted_and_disjoint() {
        let e = json!({"start": 0, "end": 1, "label": "PER"});
        let same_three_times = json!({"text": "abc", "entities": [e, e, e]});
        assert!(error_of(same_three_times).contains("sorted and disjoint"));
        let nested = json!({"text": "x".repeat(60), "sentences": [[0, 50], [10, 20]]});
        assert!(error_of(nested).contains("`sentences[1]`"));
        let touching = json!({"text": "abcd", "sentences": [[0, 2], [2, 4]]});
        assert!(Document::from_json(&touching).is_ok());
    }

    #[test]
    fn from_json_rejects_bad_spans() {
        let bad = json!({"text": "abc", "sentences": [[2, 99]]});
        assert!(Document::from_json(&bad).is_err());
        let backwards = json!({"text": "abc", "meta": {"body_start": 3, "body_end": 1}});
        assert!(Document::from_json(&backwards).is_err());
    }
}

// A document written as JSON piece by piece: the bytes of
// `Document::to_json().to_string()` without building the `serde_json::Value`
// tree first, whose nodes cost about a hundred bytes per token. The command
// line writes every document this way, so its memory is the document's own.

impl Document {
    /// Writes the document as JSON: exactly the bytes of
    /// `self.to_json().to_string()` with a `"format_version"` entry among the
    /// others when one is given, all preceded inside the object by an `"id"`
    /// entry when `id` is given (a prediction line of GUIDELINES.md).
    pub fn write_json<W: Write>(
        &self,
        writer: W,
        id: Option<&str>,
        format_version: Option<u64>,
    ) -> io::Result<()> {
        let view = DocumentJson {
            doc: self,
            map: OffsetMap::new(&self.text),
            id,
            format_version,
        };
        serde_json::to_writer(writer, &view).map_err(io::Error::from)
    }
}

struct DocumentJson<'a> {
    doc: &'a Document,
    map: OffsetMap<'a>,
    id: Option<&'a str>,
    format_version: Option<u64>,
}

/// A sequence serialised from a fresh iterator, never collected.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

// The entries of each object come in the order of `to_json` (a sorted map).

#[derive(DeriveSerialize)]
struct MetaJson<'a> {
    agency: Option<&'a str>,
    agency_span: Option<(usize, usize)>,
    article_id: Option<&'a str>,
    article_id_span: Option<(usize, usize)>,
    body_end: Option<usize>,
    body_start: Option<usize>,
    boilerplate: Vec<(usize, usize)>,
    byline: Option<&'a str>,
    byline_span: Option<(usize, usize)>,
    copies: Vec<(usize, usize)>,
    credits: Vec<(usize, usize)>,
    dateline: Option<&'a str>,
    dateline_span: Option<(usize, usize)>,
    published: Option<&'a str>,
    standfirst: Option<&'a str>,
    standfirst_span: Option<(usize, usize)>,
    title: Option<String>,
    title_span: Option<(usize, usize)>,
    updated: Option<&'a str>,
}

#[derive(DeriveSerialize)]
struct EntityJson<'a> {
    canonical: Option<&'a str>,
    end: usize,
    label: &'static str,
    source: &'static str,
    start: usize,
    text: &'a str,
    value: Option<&'a str>,
    zone: &'static str,
}

#[derive(DeriveSerialize)]
struct ParagraphJson {
    end: usize,
    role: &'static str,
    start: usize,
    zone: &'static str,
}

#[derive(DeriveSerialize)]
struct QuoteJson<'a> {
    cue: Option<(usize, usize)>,
    end: usize,
    kind: &'static str,
    speaker: Option<&'a str>,
    speaker_mention: Option<&'a str>,
    speaker_mention_span: Option<(usize, usize)>,
    start: usize,
    text: &'a str,
    zone: &'static str,
}

#[derive(DeriveSerialize)]
struct WarningJson<'a> {
    end: usize,
    message: &'a str,
    start: usize,
    text: &'a str,
}

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let text = doc.text.as_str();
        let map = &self.map;
        let pair = |s: &Span| map.char_range(s.start, s.end);
        let pairs = |v: &[Span]| v.iter().map(pair).collect::<Vec<_>>();
        let meta = &doc.meta;
        let mut out = serializer.serialize_map(None)?;
        if let Some(id) = self.id {
            out.serialize_entry("id", id)?;
        }
        out.serialize_entry(
            "entities",
            &Seq(|| {
                doc.entities.iter().map(|e| {
                    let (start, end) = pair(&e.span);
                    EntityJson {
                        canonical: e.canonical.as_deref(),
                        end,
                        label: e.label.as_str(),
                        source: e.source.as_str(),
                        start,
                        text: e.span.text(text),
                        value: e.value.as_deref(),
                        zone: e.zone.as_str(),
                    }
                })
            }),
        )?;
        if let Some(version) = self.format_version {
            out.serialize_entry("format_version", &version)?;
        }
        out.serialize_entry(
            "meta",
            &MetaJson {
                agency: meta.agency.map(|s| s.text(text)),
                agency_span: meta.agency.as_ref().map(pair),
                article_id: meta.article_id.map(|s| s.text(text)),
                article_id_span: meta.article_id.as_ref().map(pair),
                body_end: meta.body.map(|b| map.char_offset(b.end)),
                body_start: meta.body.map(|b| map.char_offset(b.start)),
                boilerplate: pairs(&meta.boilerplate),
                byline: meta.byline.map(|s| s.text(text)),
                byline_span: meta.byline.as_ref().map(pair),
                copies: pairs(&meta.copies),
                credits: pairs(&meta.credits),
                dateline: meta.dateline.map(|s| s.text(text)),
                dateline_span: meta.dateline.as_ref().map(pair),
                published: meta.published.as_deref(),
                standfirst: meta.standfirst.map(|s| s.text(text)),
                standfirst_span: meta.standfirst.as_ref().map(pair),
                title: meta.title.map(|s| {
                    s.text(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                title_span: meta.title.as_ref().map(pair),
                updated: meta.updated.as_deref(),
            },
        )?;
        out.serialize_entry(
            "paragraphs",
            &Seq(|| {
                doc.paragraphs.iter().map(|p| {
                    let (start, end) = pair(&p.span);
                    ParagraphJson {
                        end,
                        role: p.role.as_str(),
                        start,
                        zone: p.zone.as_str(),
                    }
                })
            }),
        )?;
        out.serialize_entry(
            "quotes",
            &Seq(|| {
                doc.quotes.iter().map(|q| {
                    let (start, end) = pair(&q.span);
                    QuoteJson {
                        cue: q.cue.as_ref().map(pair),
                        end,
                        kind: q.kind.as_str(),
                        speaker: q.speaker.as_deref(),
                        speaker_mention: q.speaker_mention.map(|s| s.text(text)),
                        speaker_mention_span: q.speaker_mention.as_ref().map(pair),
                        start,
                        text: q.span.text(text),
                        zone: q.zone.as_str(),
                    }
                })
            }),
        )?;
        out.serialize_entry("sentences", &Seq(|| doc.sentences.iter().map(pair)))?;
        out.serialize_entry("text", text)?;
        out.serialize_entry(
            "token_kinds",
            &Seq(|| doc.tokens.iter().map(|t| t.kind().as_str())),
        )?;
        out.serialize_entry(
            "tokens",
            &Seq(|| {
                doc.tokens
                    .iter()
                    .map(|t| map.char_range(t.start(), t.end()))
            }),
        )?;
        out.serialize_entry(
            "warnings",
            &Seq(|| {
                doc.warnings.iter().map(|w| {
                    let (start, end) = pair(&w.span);
                    WarningJson {
                        end,
                        message: &w.message,
                        start,
                        text: w.span.text(text),
                    }
                })
            }),
        )?;
        out.end()
    }
}

#[cfg(test)]
mod write_tests {
    use crate::analyze;

    fn written(doc: &crate::Document, id: Option<&str>, version: Option<u64>) -> String {
        let mut out = Vec::new();
        doc.write_json(&mut out, id, version).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn same_bytes_as_the_json_value() {
        let texts = [
            "",
            "PARIS, 3 mars (AFP) - « Nous viendrons », a déclaré M. Jean Dupont, \
             ministre de l'Économie, à l'ONU. Il a ajouté que 3 % suffisaient.\n\n\
             Le Conseil de sécurité se réunira le 4 avril 2021 à 15h00 pour 20 millions d'euros.",
            "Titre du jour\n\nLYON, 2 mai 2019 (AFP) -\n\nLe maire a dit qu'il pleuvait.\n\n\
             Ã©tÃ© &amp; lÃ \u{a0}: « oui ».\n\nLe maire a dit qu'il pleuvait.\n\n© AFP",
            "😀 \"Bonjour\\\" \u{1}\t\r\n",
        ];
        for text in texts {
            let doc = analyze(text);
            let mut value = doc.to_json();
            assert_eq!(written(&doc, None, None), value.to_string(), "{text:?}");
            value
                .as_object_mut()
                .unwrap()
                .insert("format_version".to_string(), 7.into());
            assert_eq!(written(&doc, None, Some(7)), value.to_string(), "{text:?}");
        }
    }

    #[test]
    fn the_id_comes_first() {
        let doc = analyze("Il pleut.");
        let line = written(&doc, Some("a\"b"), None);
        assert!(line.starts_with(r#"{"id":"a\"b","entities":"#), "{line}");
        let mut value: serde_json::Value = serde_json::from_str(&line).unwrap();
        value.as_object_mut().unwrap().remove("id");
        assert_eq!(value, doc.to_json());
    }
}
