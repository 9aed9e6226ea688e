//! A document written as JSON piece by piece: the bytes of
//! `Document::to_json().to_string()` without building the `serde_json::Value`
//! tree first, whose nodes cost about a hundred bytes per token. The command
//! line writes every document this way, so its memory is the document's own.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Serialize as DeriveSerialize;

use crate::offsets::OffsetMap;
use crate::{Document, Span};

impl Document {
    /// Writes the document as JSON: exactly the bytes of
    /// `self.to_json().to_string()`, preceded inside the object by an `"id"`
    /// entry when `id` is given (a prediction line of GUIDELINES.md).
    pub fn write_json<W: Write>(&self, writer: W, id: Option<&str>) -> io::Result<()> {
        let view = DocumentJson {
            doc: self,
            map: OffsetMap::new(&self.text),
            id,
        };
        serde_json::to_writer(writer, &view).map_err(io::Error::from)
    }
}

struct DocumentJson<'a> {
    doc: &'a Document,
    map: OffsetMap<'a>,
    id: Option<&'a str>,
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
    copies: Vec<(usize, usize)>,
    credits: Vec<(usize, usize)>,
    dateline: Option<&'a str>,
    dateline_span: Option<(usize, usize)>,
    published: Option<&'a str>,
    title: Option<String>,
    title_span: Option<(usize, usize)>,
}

#[derive(DeriveSerialize)]
struct EntityJson<'a> {
    canonical: Option<&'a str>,
    end: usize,
    label: &'static str,
    start: usize,
    text: &'a str,
    value: Option<&'a str>,
    zone: &'static str,
}

#[derive(DeriveSerialize)]
struct ParagraphJson {
    end: usize,
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
                        start,
                        text: e.span.text(text),
                        value: e.value.as_deref(),
                        zone: e.zone.as_str(),
                    }
                })
            }),
        )?;
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
                copies: pairs(&meta.copies),
                credits: pairs(&meta.credits),
                dateline: meta.dateline.map(|s| s.text(text)),
                dateline_span: meta.dateline.as_ref().map(pair),
                published: meta.published.as_deref(),
                title: meta.title.map(|s| {
                    s.text(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                title_span: meta.title.as_ref().map(pair),
            },
        )?;
        out.serialize_entry(
            "paragraphs",
            &Seq(|| {
                doc.paragraphs.iter().map(|p| {
                    let (start, end) = pair(&p.span);
                    ParagraphJson {
                        end,
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
mod tests {
    use crate::analyze;

    fn written(doc: &crate::Document, id: Option<&str>) -> String {
        let mut out = Vec::new();
        doc.write_json(&mut out, id).unwrap();
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
            assert_eq!(written(&doc, None), doc.to_json().to_string(), "{text:?}");
        }
    }

    #[test]
    fn the_id_comes_first() {
        let doc = analyze("Il pleut.");
        let line = written(&doc, Some("a\"b"));
        assert!(line.starts_with(r#"{"id":"a\"b","entities":"#), "{line}");
        let mut value: serde_json::Value = serde_json::from_str(&line).unwrap();
        value.as_object_mut().unwrap().remove("id");
        assert_eq!(value, doc.to_json());
    }
}
