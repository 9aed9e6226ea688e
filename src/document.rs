//! The analysed article and the pipeline that builds it.
//!
//! raw text -> repair -> tokens -> sentences -> article zones -> entities ->
//! quotes. Every stage works on the repaired text in byte offsets; the spans
//! are mapped back to the text as given once, at the end.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::offsets::OffsetMap;
use crate::sentences::Span;
use crate::tokenize::Token;
use crate::{article, entities, quotes, repair};

/// The part of a page a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    Title,
    Header,
    Dateline,
    Body,
    Credit,
    Boilerplate,
    Copy,
    Id,
}

impl Zone {
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Title => "title",
            Zone::Header => "header",
            Zone::Dateline => "dateline",
            Zone::Body => "body",
            Zone::Credit => "credit",
            Zone::Boilerplate => "boilerplate",
            Zone::Copy => "copy",
            Zone::Id => "id",
        }
    }
}

/// What a paragraph does on the page, read from features that hold on any
/// site (see `article`). Each role falls in one [`Zone`]: chrome, link lists,
/// bylines and end markers in `boilerplate`, standfirst and headings in
/// `body`, captions in `credit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Site name, menus, widgets, counters, section labels.
    Chrome,
    Headline,
    /// A line giving the article's date (`Publié le ...`), or another date of the page.
    DateLine,
    /// A dateline standing alone (`MOSCOU, 7 juin (Xinhua) --`).
    Dateline,
    Standfirst,
    #[default]
    Body,
    Caption,
    Heading,
    /// A list of links or headlines, or a line of one.
    List,
    Byline,
    /// A line that closes the article: tags, share and comment widgets, list headers.
    EndMarker,
    Credit,
    Id,
    Copy,
}

impl Role {
    pub const ALL: [Role; 14] = [
        Role::Chrome,
        Role::Headline,
        Role::DateLine,
        Role::Dateline,
        Role::Standfirst,
        Role::Body,
        Role::Caption,
        Role::Heading,
        Role::List,
        Role::Byline,
        Role::EndMarker,
        Role::Credit,
        Role::Id,
        Role::Copy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chrome => "chrome",
            Role::Headline => "headline",
            Role::DateLine => "date_line",
            Role::Dateline => "dateline",
            Role::Standfirst => "standfirst",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Heading => "heading",
            Role::List => "list",
            Role::Byline => "byline",
            Role::EndMarker => "end_marker",
            Role::Credit => "credit",
            Role::Id => "id",
            Role::Copy => "copy",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The zone a paragraph of this role is in.
    pub fn zone(self) -> Zone {
        match self {
            Role::Chrome | Role::List | Role::Byline | Role::EndMarker => Zone::Boilerplate,
            Role::Headline => Zone::Title,
            Role::DateLine => Zone::Header,
            Role::Dateline => Zone::Dateline,
            Role::Standfirst | Role::Body | Role::Heading => Zone::Body,
            Role::Caption | Role::Credit => Zone::Credit,
            Role::Id => Zone::Id,
            Role::Copy => Zone::Copy,
        }
    }

    /// The most likely role of a paragraph known only by its zone.
    pub fn of_zone(zone: Zone) -> Role {
        match zone {
            Zone::Title => Role::Headline,
            Zone::Header => Role::DateLine,
            Zone::Dateline => Role::Dateline,
            Zone::Body => Role::Body,
            Zone::Credit => Role::Credit,
            Zone::Boilerplate => Role::EndMarker,
            Zone::Copy => Role::Copy,
            Zone::Id => Role::Id,
        }
    }
}

/// A paragraph (a line of the page, or lines joined where a sentence wraps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub zone: Zone,
    pub role: Role,
}

/// Article fields (GUIDELINES.md, "Article fields").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<Span>,
    /// ISO 8601: `2018-06-07T13:25`, `2018-06-07`, or `--06-09T10:08` without a year.
    pub published: Option<String>,
    /// The place of the dateline, as written.
    pub dateline: Option<Span>,
    pub agency: Option<Span>,
    /// The first copy of the body, dateline included.
    pub body: Option<Span>,
    pub credits: Vec<Span>,
    pub article_id: Option<Span>,
    pub boilerplate: Vec<Span>,
    pub copies: Vec<Span>,
    /// Unscored fields, where the page shows them: the byline line, the
    /// standfirst, and the date of the last update (ISO 8601 as `published`).
    pub byline: Option<Span>,
    pub standfirst: Option<Span>,
    pub updated: Option<String>,
}

/// The zones of an article and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub paragraphs: Vec<Paragraph>,
    pub meta: Meta,
}

impl Layout {
    /// The zone of the paragraph holding byte `at` (body when none does).
    pub fn zone_at(&self, at: usize) -> Zone {
        let i = self.paragraphs.partition_point(|p| p.span.end <= at);
        self.paragraphs
            .get(i)
            .filter(|p| p.span.start <= at)
            .map_or(Zone::Body, |p| p.zone)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    Per,
    Org,
    Loc,
    Date,
    Time,
    Money,
    Percent,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "PER" => Label::Per,
            "ORG" => Label::Org,
            "LOC" => Label::Loc,
            "DATE" => Label::Date,
            "TIME" => Label::Time,
            "MONEY" => Label::Money,
            "PERCENT" => Label::Percent,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// PER and ORG: the fullest name of the same referent in the article;
    /// LOC: the standard French name.
    pub canonical: Option<String>,
    /// DATE and TIME: ISO 8601; MONEY: `<number> <currency code>`; PERCENT: the number.
    pub value: Option<String>,
    pub zone: Zone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// The canonical name of the speaker, a role phrase, or `None`.
    pub speaker: Option<String>,
    pub speaker_mention: Option<Span>,
    /// The verb or expression of speech.
    pub cue: Option<Span>,
    pub zone: Zone,
}

/// Something in the text that could not be analysed as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub span: Span,
    pub message: String,
}

/// An analysed article. Spans are byte ranges of `text`, the text as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub text: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Paragraph>,
    pub meta: Meta,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub warnings: Vec<Warning>,
}

/// Runs the whole pipeline on one article.
pub fn analyze(text: &str) -> Document {
    let repaired = repair::repair(text);
    let work = repaired.text();
    let tokens = crate::tokenize(work);
    let sentences = crate::sentences(work, &tokens);
    let layout = article::layout(work, &tokens, &sentences);
    let entities = entities::find(work, &tokens, &sentences, &layout);
    let quotes = quotes::find(work, &tokens, &sentences, &layout, &entities);
    let back = |s: Span| repaired.original_span(s);
    Document {
        text: text.to_string(),
        tokens: tokens
            .into_iter()
            .map(|t| {
                let s = back(Span::new(t.start, t.end));
                Token {
                    start: s.start,
                    end: s.end,
                    kind: t.kind,
                }
            })
            .collect(),
        sentences: sentences.into_iter().map(back).collect(),
        paragraphs: layout
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                span: back(p.span),
                zone: p.zone,
                role: p.role,
            })
            .collect(),
        meta: Meta {
            title: layout.meta.title.map(back),
            published: layout.meta.published.clone(),
            dateline: layout.meta.dateline.map(back),
            agency: layout.meta.agency.map(back),
            body: layout.meta.body.map(back),
            credits: layout.meta.credits.iter().copied().map(back).collect(),
            article_id: layout.meta.article_id.map(back),
            boilerplate: layout.meta.boilerplate.iter().copied().map(back).collect(),
            copies: layout.meta.copies.iter().copied().map(back).collect(),
            byline: layout.meta.byline.map(back),
            standfirst: layout.meta.standfirst.map(back),
            updated: layout.meta.updated.clone(),
        },
        entities: entities
            .into_iter()
            .map(|e| Entity {
                span: back(e.span),
                ..e
            })
            .collect(),
        quotes: quotes
            .into_iter()
            .map(|q| Quote {
                span: back(q.span),
                speaker_mention: q.speaker_mention.map(back),
                cue: q.cue.map(back),
                ..q
            })
            .collect(),
        warnings: repaired.warnings(),
    }
}

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
                       "canonical": e.canonical, "value": e.value, "zone": e.zone.as_str()})
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
                    .and_then(crate::tokenize::TokenKind::parse)
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
        let doc = analyze("Sergueï Lebedev a dit : « Oui ». french.xinhuanet.com\nFin 😀.");
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

    #[test]
    fn spans_point_into_the_text_as_given() {
        let text = "Sergueï Lebedev a dit : « Oui ».\n";
        let doc = analyze(text);
        assert_eq!(doc.text, text);
        for t in &doc.tokens {
            assert!(text.get(t.start..t.end).is_some());
        }
        let json = doc.to_json();
        assert_eq!(json["tokens"][0], json!([0, 7]));
    }

    #[test]
    fn zone_at_finds_the_paragraph() {
        let layout = Layout {
            paragraphs: vec![
                Paragraph {
                    span: Span::new(0, 5),
                    zone: Zone::Title,
                    role: Role::Headline,
                },
                Paragraph {
                    span: Span::new(6, 20),
                    zone: Zone::Body,
                    role: Role::Body,
                },
            ],
            meta: Meta::default(),
        };
        assert_eq!(layout.zone_at(2), Zone::Title);
        assert_eq!(layout.zone_at(10), Zone::Body);
    }
}
