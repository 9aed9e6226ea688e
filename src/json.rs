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
            "tokens": self.tokens.iter().map(|t| pair(&Span::new(t.start, t.end))).collect::<Vec<_>>(),
            "token_kinds": self.tokens.iter().map(|t| t.kind.as_str()).collect::<Vec<_>>(),
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
/// offsets converted to bytes. Used for `from_dict` and unpickling.
impl Document {
    pub fn from_json(value: &Value) -> Result<Document, String> {
        let text = value["text"]
            .as_str()
            .ok_or("`text` must be a string")?
            .to_string();
        let to_byte = ByteOffsets::new(&text);
        let span = |v: &Value| -> Result<Span, String> {
            let (a, b) = match v {
                Value::Array(pair) if pair.len() == 2 => (
                    pair.first().and_then(Value::as_u64),
                    pair.get(1).and_then(Value::as_u64),
                ),
                Value::Object(o) => (
                    o.get("start").and_then(Value::as_u64),
                    o.get("end").and_then(Value::as_u64),
                ),
                _ => (None, None),
            };
            let (Some(a), Some(b)) = (a, b) else {
                return Err(format!("not a span: {v}"));
            };
            let (a, b) = (to_byte.byte(a as usize)?, to_byte.byte(b as usize)?);
            if a > b {
                return Err(format!("span ends before it starts: {v}"));
            }
            Ok(Span::new(a, b))
        };
        let spans = |v: &Value| -> Result<Vec<Span>, String> {
            v.as_array()
                .map_or(Ok(Vec::new()), |items| items.iter().map(&span).collect())
        };
        let opt_span = |v: &Value| -> Result<Option<Span>, String> {
            if v.is_null() {
                Ok(None)
            } else {
                span(v).map(Some)
            }
        };
        let opt_string = |v: &Value| v.as_str().map(str::to_string);
        let zone = |v: &Value| -> Result<Zone, String> {
            serde_json::from_value(v.clone()).map_err(|_| format!("unknown zone {v}"))
        };
        let items = |v: &Value| v.as_array().cloned().unwrap_or_default();
        let meta_json = &value["meta"];
        // `title`, `dateline`, `agency` and `article_id` are given as text:
        // found again by position where the document keeps it.
        let find = |field: &str| -> Option<Span> {
            let wanted = meta_json[field].as_str()?;
            let start = text.find(wanted)?;
            Some(Span::new(start, start + wanted.len()))
        };
        let body = match (
            meta_json["body_start"].as_u64(),
            meta_json["body_end"].as_u64(),
        ) {
            (Some(a), Some(b)) => Some(span(&json!([a, b]))?),
            _ => None,
        };
        let kinds = items(&value["token_kinds"]);
        let tokens = items(&value["tokens"])
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let s = span(v)?;
                // Without `token_kinds` (a hand-made dict), the kind is read
                // off the token's text.
                let kind = kinds
                    .get(i)
                    .and_then(Value::as_str)
                    .and_then(TokenKind::parse)
                    .unwrap_or_else(|| crate::tokenize::classify(s.text(&text)));
                Ok(Token {
                    start: s.start,
                    end: s.end,
                    kind,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let paragraphs = items(&value["paragraphs"])
            .iter()
            .map(|v| {
                Ok(Paragraph {
                    span: span(v)?,
                    zone: zone(&v["zone"])?,
                    // Documents written before roles existed: the role of the zone.
                    role: match v["role"].as_str() {
                        Some(r) => Role::parse(r).ok_or_else(|| format!("unknown role {r:?}"))?,
                        None => Role::of_zone(zone(&v["zone"])?),
                    },
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let entities = items(&value["entities"])
            .iter()
            .map(|v| {
                Ok(Entity {
                    span: span(v)?,
                    label: v["label"]
                        .as_str()
                        .and_then(Label::parse)
                        .ok_or_else(|| format!("unknown label in {v}"))?,
                    canonical: opt_string(&v["canonical"]),
                    value: opt_string(&v["value"]),
                    zone: if v["zone"].is_null() {
                        Zone::Body
                    } else {
                        zone(&v["zone"])?
                    },
                    source: match v["source"].as_str() {
                        None => Source::default(),
                        Some(s) => {
                            Source::parse(s).ok_or_else(|| format!("unknown source in {v}"))?
                        }
                    },
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let quotes = items(&value["quotes"])
            .iter()
            .map(|v| {
                Ok(Quote {
                    span: span(v)?,
                    kind: serde_json::from_value(v["kind"].clone())
                        .map_err(|_| format!("unknown quote kind in {v}"))?,
                    speaker: opt_string(&v["speaker"]),
                    speaker_mention: opt_span(&v["speaker_mention_span"])?,
                    cue: opt_span(&v["cue"])?,
                    zone: if v["zone"].is_null() {
                        Zone::Body
                    } else {
                        zone(&v["zone"])?
                    },
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let warnings = items(&value["warnings"])
            .iter()
            .map(|v| {
                Ok(Warning {
                    span: span(v)?,
                    message: opt_string(&v["message"]).unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Document {
            tokens,
            sentences: spans(&value["sentences"])?,
            paragraphs,
            meta: Meta {
                title: opt_span(&meta_json["title_span"])?.or_else(|| find("title")),
                published: opt_string(&meta_json["published"]),
                dateline: opt_span(&meta_json["dateline_span"])?.or_else(|| find("dateline")),
                agency: opt_span(&meta_json["agency_span"])?.or_else(|| find("agency")),
                body,
                credits: spans(&meta_json["credits"])?,
                article_id: opt_span(&meta_json["article_id_span"])?.or_else(|| find("article_id")),
                boilerplate: spans(&meta_json["boilerplate"])?,
                copies: spans(&meta_json["copies"])?,
                byline: opt_span(&meta_json["byline_span"])?.or_else(|| find("byline")),
                standfirst: opt_span(&meta_json["standfirst_span"])?.or_else(|| find("standfirst")),
                updated: opt_string(&meta_json["updated"]),
            },
            entities,
            quotes,
            warnings,
            text,
        })
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
            &Seq(|| doc.tokens.iter().map(|t| t.kind.as_str())),
        )?;
        out.serialize_entry(
            "tokens",
            &Seq(|| doc.tokens.iter().map(|t| map.char_range(t.start, t.end))),
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
