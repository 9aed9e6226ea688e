//! Article zones and fields.
//!
//! Web-scraped wire news puts furniture around the story: a site name, a
//! title, dated header lines, a byline, the dateline that opens the body,
//! photo credits, boilerplate, a second copy of title and body, a trailing
//! numeric id. Each line is first classified on its own ([`Kind`]); the page
//! is then read top-down: the preamble (title and header) before the first
//! line of running text, the body up to its last line of text, then what
//! follows (credits, boilerplate, repeated copies, the id).

mod dateline;
mod furniture;
mod header;
mod lines;

use crate::lexicon::WordSet;
use crate::model::{Layout, Meta, Paragraph, Span, Token, Zone};
use lines::Line;

/// What the layout stage knows of news pages (`data/article/`, and the place
/// and agency lexicons for datelines and credits).
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Header markers (folded) with what their date is, longest first.
    header_markers: Vec<(String, header::Stamp)>,
    /// Words that open a byline (folded).
    bylines: Vec<String>,
    /// Known places (folded), for datelines without an agency.
    places: WordSet,
    /// Credit markers (folded), and whether they also open a bare line.
    credit_markers: Vec<(String, bool)>,
    /// Boilerplate phrases (folded), and whether they must be the whole line.
    boilerplate: Vec<(String, bool)>,
    /// News agencies (folded).
    agencies: WordSet,
}

impl Default for Lexicons {
    /// The built-in lists.
    fn default() -> Self {
        Lexicons {
            header_markers: header::header_markers(),
            bylines: header::bylines(),
            places: dateline::places(),
            credit_markers: furniture::credit_markers(),
            boilerplate: furniture::boilerplate(),
            agencies: furniture::agencies(),
        }
    }
}

/// What a line is, on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A site name or a dated header line.
    Header,
    /// A byline (a header only before the body).
    Byline,
    Boilerplate,
    Credit,
    Id,
    Text,
}

/// A title has at most this many words; a longer line is running text.
const MAX_TITLE_WORDS: usize = 40;
/// A line of at most this many words above the title is a section kicker.
const MAX_KICKER_WORDS: usize = 2;
/// A title may end with `?` or `!` when it is this short.
const MAX_QUESTION_TITLE_WORDS: usize = 20;

/// The paragraphs of `text` with their zones, and the article's fields.
pub fn layout(lex: &Lexicons, text: &str, _tokens: &[Token], _sentences: &[Span]) -> Layout {
    let lines = lines::lines(text);
    let line_text = |i: usize| lines.get(i).map_or("", |l| l.span.text(text));
    let mut kinds: Vec<Kind> = (0..lines.len())
        .map(|i| classify(lex, line_text(i)))
        .collect();
    let n = lines.len();

    // The preamble: the title and header lines before the first running text.
    let mut title = None;
    let mut kicker = None;
    let mut body_start = None;
    for i in 0..n {
        if kinds.get(i) != Some(&Kind::Text) {
            continue;
        }
        let line = line_text(i);
        if dateline::parse(lex, line).is_some() || is_running_text(&lines, text, i) {
            body_start = Some(i);
            break;
        }
        if kicker.is_none() {
            kicker = Some(i);
        }
        if title.is_none() && lines::word_count(line) > MAX_KICKER_WORDS {
            title = Some(i);
        }
    }
    // A lone short line above the title is a section kicker (`INTERVIEW`);
    // without another line it is the title.
    let title = title.or(kicker);
    if body_start.is_none() {
        // No line reads as a sentence: the body is what follows the title.
        body_start = ((title.map_or(0, |t| t + 1))..n).find(|&i| kinds.get(i) == Some(&Kind::Text));
    }
    let first = body_start.unwrap_or(n);
    // After the preamble a byline-like line is text (`Par ailleurs ...`).
    for k in kinds.iter_mut().skip(first) {
        if *k == Kind::Byline {
            *k = Kind::Text;
        }
    }

    let copy_starts = copy_starts(&lines, text, &kinds, title, body_start);
    let body_limit = copy_starts.first().copied().unwrap_or(n);
    let body_last = (first..body_limit)
        .rev()
        .find(|&i| kinds.get(i) == Some(&Kind::Text));

    let mut zones: Vec<Zone> = kinds.iter().map(|&k| zone_of(k)).collect();
    for (i, zone) in zones.iter_mut().enumerate() {
        if i < first && matches!(kinds.get(i), Some(Kind::Text | Kind::Byline)) {
            *zone = if Some(i) == title {
                Zone::Title
            } else {
                Zone::Header
            };
        }
    }
    let mut copies = Vec::new();
    for (j, &start) in copy_starts.iter().enumerate() {
        let limit = copy_starts.get(j + 1).copied().unwrap_or(n);
        let last = (start..limit)
            .rev()
            .find(|&i| matches!(kinds.get(i), Some(Kind::Text | Kind::Header | Kind::Byline)));
        if let (Some(a), Some(b)) = (lines.get(start), last.and_then(|l| lines.get(l))) {
            copies.push(Span::new(a.span.start, b.span.end));
        }
        for i in start..limit {
            if matches!(kinds.get(i), Some(Kind::Text | Kind::Header | Kind::Byline)) {
                if let Some(z) = zones.get_mut(i) {
                    *z = Zone::Copy;
                }
            }
        }
    }

    let mut meta = Meta {
        title: title.and_then(|t| lines.get(t)).map(|l| l.span),
        copies,
        ..Meta::default()
    };
    let dated: Vec<header::Dated> = (0..first)
        .filter(|&i| kinds.get(i) == Some(&Kind::Header))
        .filter_map(|i| header_date(lex, line_text(i)))
        .collect();
    let mut published = header::published(&dated);
    if let (Some(b), Some(last)) = (body_start, body_last) {
        let (Some(start_line), Some(last_line)) = (lines.get(b), lines.get(last)) else {
            return Layout::default();
        };
        meta.body = Some(Span::new(start_line.span.start, last_line.span.end));
        if let Some(d) = dateline::parse(lex, start_line.span.text(text)) {
            let at = start_line.span.start;
            meta.dateline = Some(Span::new(at + d.place.start, at + d.place.end));
            meta.agency = d.agency.map(|r| Span::new(at + r.start, at + r.end));
            if published.is_none() {
                published = d.when;
            }
            if d.end >= start_line.span.end - start_line.span.start {
                if let Some(z) = zones.get_mut(b) {
                    *z = Zone::Dateline;
                }
            }
        }
    }
    meta.published = published.map(|w| w.iso());
    let after_body = body_last.map_or(first, |l| l + 1);
    meta.article_id = (after_body..n)
        .find(|&i| kinds.get(i) == Some(&Kind::Id))
        .and_then(|i| lines.get(i))
        .map(|l| l.span);
    for (i, line) in lines.iter().enumerate() {
        match kinds.get(i) {
            Some(Kind::Credit) => meta.credits.push(line.span),
            Some(Kind::Boilerplate) => meta.boilerplate.push(line.span),
            Some(Kind::Text) => meta.credits.extend(
                furniture::inline_credits(lex, line.span.text(text))
                    .into_iter()
                    .map(|r| Span::new(line.span.start + r.start, line.span.start + r.end)),
            ),
            _ => {}
        }
    }
    Layout {
        paragraphs: paragraphs(&lines, text, &zones),
        meta,
    }
}

/// The kind of one line, on its own.
fn classify(lex: &Lexicons, line: &str) -> Kind {
    if furniture::is_id(line) {
        Kind::Id
    } else if furniture::is_boilerplate(lex, line) {
        Kind::Boilerplate
    } else if furniture::is_credit_line(lex, line) {
        Kind::Credit
    } else if header::is_site_name(line) || header_date(lex, line).is_some() {
        Kind::Header
    } else if header::is_byline(lex, line) {
        Kind::Byline
    } else {
        Kind::Text
    }
}

/// The date a header line gives: a dated header, or a date standing alone.
fn header_date(lex: &Lexicons, line: &str) -> Option<header::Dated> {
    header::dated(lex, line)
        .or_else(|| header::date_only(line))
        .or_else(|| header::site_and_date(line))
}

/// The zone of a line of the body (or after it) of a given kind.
fn zone_of(kind: Kind) -> Zone {
    match kind {
        Kind::Header => Zone::Header,
        Kind::Boilerplate => Zone::Boilerplate,
        Kind::Credit => Zone::Credit,
        Kind::Id => Zone::Id,
        Kind::Byline | Kind::Text => Zone::Body,
    }
}

/// Whether line `i` reads as running text rather than a title: it ends a
/// sentence (a short question or exclamation may still be a title), it is too
/// long for a title, or it wraps into the next line.
fn is_running_text(lines: &[Line], text: &str, i: usize) -> bool {
    let Some(line) = lines.get(i).map(|l| l.span.text(text)) else {
        return false;
    };
    let words = lines::word_count(line);
    let question = line.trim_end().ends_with(['?', '!']);
    (lines::ends_sentence(line) && !(question && words <= MAX_QUESTION_TITLE_WORDS))
        || words > MAX_TITLE_WORDS
        || wraps_into_next(lines, text, i)
}

/// Whether line `i` stops mid-sentence and the next line carries it on.
fn wraps_into_next(lines: &[Line], text: &str, i: usize) -> bool {
    let (Some(line), Some(next)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    !next.blank_before
        && lines::ends_open(line.span.text(text))
        && lines::starts_lowercase(next.span.text(text))
}

/// The lines where a repeated copy of the article starts: a later line
/// repeating the title (or, when none does, the first body line), together
/// with the header lines right before it.
fn copy_starts(
    lines: &[Line],
    text: &str,
    kinds: &[Kind],
    title: Option<usize>,
    body_start: Option<usize>,
) -> Vec<usize> {
    let Some(first) = body_start else {
        return Vec::new();
    };
    let repeats = |anchor: usize| {
        let Some(anchor_text) = lines.get(anchor).map(|l| l.span.text(text)) else {
            return Vec::new();
        };
        let key = lines::normalized(anchor_text);
        let mut starts = Vec::new();
        for (i, line) in lines.iter().enumerate().skip(first + 1) {
            let t = line.span.text(text);
            // Comparing lengths first keeps the scan linear.
            let near = t.len().abs_diff(anchor_text.len()) <= anchor_text.len() / 4;
            if !near || lines::normalized(t) != key {
                continue;
            }
            let mut start = i;
            while start > first + 1 && kinds.get(start - 1) == Some(&Kind::Header) {
                start -= 1;
            }
            starts.push(start);
        }
        starts
    };
    let by_title = title.map(repeats).unwrap_or_default();
    if by_title.is_empty() {
        repeats(first)
    } else {
        by_title
    }
}

/// Paragraphs: each line with its zone, a line joined to the next where a
/// sentence wraps across them.
fn paragraphs(lines: &[Line], text: &str, zones: &[Zone]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(lines.len());
    let mut joins_previous = false;
    for (i, (line, &zone)) in lines.iter().zip(zones).enumerate() {
        match out.last_mut() {
            Some(p) if joins_previous && p.zone == zone => p.span.end = line.span.end,
            _ => out.push(Paragraph {
                span: line.span,
                zone,
            }),
        }
        joins_previous = wraps_into_next(lines, text, i);
    }
    out
}

#[cfg(test)]
mod tests;
