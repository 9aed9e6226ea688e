//! Article zones and fields.
//!
//! A page is read as a sequence of paragraphs (lines, joined where a sentence
//! wraps), each given a [`Role`] from features that hold on any news site
//! ([`page`]): running text has many function words and ends its sentences;
//! menus, widgets, tags and lists of other headlines do not; date lines,
//! bylines, captions and credits have their own shapes. The body is the run
//! of running text of the first copy, from its first paragraph (or the
//! dateline) to the first block of list-like lines; the title is the best
//! headline candidate above it, scored on its shape, its closeness to the
//! body and the date line, and the words it shares with the lead; the
//! publication date is the article's own date line nearest the headline.

mod dateline;
mod furniture;
mod header;
mod lines;
mod page;

use crate::lexicon::WordSet;
use crate::model::{Layout, Meta, Paragraph, Role, Span, Token};
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
    /// Boilerplate phrases (folded), and whether they must be the whole line;
    /// the length of the longest.
    boilerplate: Vec<(String, bool)>,
    boilerplate_len: usize,
    /// The first bytes of the boilerplate phrases (`furniture::is_boilerplate`).
    boilerplate_openings: WordSet<[u8; furniture::OPENING]>,
    /// News agencies (folded).
    agencies: WordSet,
    /// French function words (folded), for the share of them in a line; the
    /// length of the longest; those short enough packed (`page::pack`).
    function_words: WordSet,
    function_word_len: usize,
    packed_function_words: WordSet<u64>,
    /// Site-chrome menu words and phrases (folded).
    chrome_words: WordSet,
    chrome_phrases: aho_corasick::AhoCorasick,
    /// Markers of crawl and consultation dates (folded).
    crawl_markers: Vec<String>,
    /// Links that close the teaser of another article (folded).
    teaser_ends: WordSet,
}

impl Default for Lexicons {
    /// The built-in lists.
    fn default() -> Self {
        let (chrome_words, chrome_phrases) = page::chrome();
        let boilerplate = furniture::boilerplate();
        let function_words = page::function_words();
        Lexicons {
            header_markers: header::header_markers(),
            bylines: header::bylines(),
            places: dateline::places(),
            credit_markers: furniture::credit_markers(),
            boilerplate_len: boilerplate.iter().map(|(b, _)| b.len()).max().unwrap_or(0),
            boilerplate_openings: furniture::boilerplate_openings(&boilerplate),
            boilerplate,
            agencies: furniture::agencies(),
            function_word_len: function_words.iter().map(String::len).max().unwrap_or(0),
            packed_function_words: function_words
                .iter()
                .filter_map(|w| page::pack(w.len(), w.bytes()))
                .collect(),
            function_words,
            chrome_words,
            chrome_phrases,
            crawl_markers: page::crawl_markers(),
            teaser_ends: page::teaser_ends(),
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
/// A headline candidate has at least this many words (`INTERVIEW`,
/// `MONDE` are section labels).
const MIN_TITLE_WORDS: usize = 3;
/// Headline candidates are looked for among this many paragraphs above the body.
const MAX_CANDIDATES: usize = 40;
/// A headline of a usual length scores for it; a longer one against it.
const USUAL_TITLE_WORDS: std::ops::RangeInclusive<usize> = 4..=20;
/// A headline candidate needs this score.
const MIN_TITLE_SCORE: i32 = 2;
/// A site name at the top of the page has at most this many words.
const MAX_SITE_NAME_WORDS: usize = 4;
/// The lead is read over this many paragraphs to compare headlines with it.
const LEAD_PARAGRAPHS: usize = 2;
/// A standfirst is at most this many paragraphs above the first body paragraph.
const STANDFIRST_WINDOW: usize = 10;
/// A standfirst that is no sentence has at least this many words, this
/// share (percent) of them function words.
const MIN_STANDFIRST_WORDS: usize = 12;
const MIN_STANDFIRST_FUNCTION_SHARE: usize = 20;
/// A standfirst has at most this many words.
const MAX_STANDFIRST_WORDS: usize = 40;
/// A teaser repeats the lead's first words: this many of them.
const TEASER_WORDS: usize = 6;
/// An in-body heading or a listed headline is at most this long.
const MAX_HEADING_WORDS: usize = 15;
/// An inline link (`Lire aussi : <headline>`) has a headline of this many words.
const MIN_LINK_WORDS: usize = 3;
/// The opening of an inline link without a colon has at most this many words.
const MAX_LINK_MARKER_WORDS: usize = 3;

/// A date widget has its date in at most this many pieces.
const MAX_WIDGET_PIECES: usize = 4;
/// A caption under an image is one sentence of at most this many words.
const MAX_CAPTION_WORDS: usize = 25;

/// Features of one paragraph.
#[derive(Debug, Clone, Copy, Default)]
struct Feat {
    words: usize,
    /// The share (percent) of function words.
    function_share: usize,
    prose: bool,
    chrome: bool,
    caption: bool,
    /// Image residue (`![]() |`).
    image: bool,
    /// The date a dated header line gives, with its stamp.
    date: Option<header::Dated>,
    /// Text that opens the body: a dateline or a date lead.
    opens: bool,
}

/// The paragraphs of `text` with their zones and roles, and the article's fields.
pub fn layout(lex: &Lexicons, text: &str, _tokens: &[Token], _sentences: &[Span]) -> Layout {
    let (units, kinds) = units(lex, &lines::lines(text), text);
    let n = units.len();
    let utext = |i: usize| units.get(i).map_or("", |l| l.span.text(text));
    let kind = |i: usize| kinds.get(i).copied().unwrap_or(Kind::Text);
    // Each paragraph's features, worked out once: the steps below read
    // them many times.
    let mut feats: Vec<Feat> = Vec::with_capacity(n);
    for i in 0..n {
        let t = utext(i);
        let is_text = kind(i) == Kind::Text;
        let shape = page::Shape::of(lex, t);
        // A short sentence under an image is its caption.
        let after_image = feats.last().is_some_and(|f| f.image)
            && shape.words <= MAX_CAPTION_WORDS
            && t.ends_with('.')
            && !t.trim_end_matches('.').contains(". ");
        let chrome = is_text && page::is_chrome(lex, t, shape);
        let dateline = is_text && !chrome && dateline::parse(lex, t).is_some();
        let caption = is_text && !chrome && !dateline && (page::is_caption(lex, t) || after_image);
        feats.push(Feat {
            words: shape.words,
            function_share: shape.function_share,
            prose: is_text && page::is_prose(t, shape, chrome),
            chrome,
            caption,
            image: t.contains("!["),
            date: (kind(i) == Kind::Header)
                .then(|| header::header_date(lex, t))
                .flatten(),
            opens: is_text && !chrome && !caption && (dateline || dateline::date_lead(t).is_some()),
        });
    }
    // A date widget: the date in pieces on short lines (`23` / `Juil` / `2016`).
    let mut widget = vec![false; n];
    let mut i = 0;
    while i < n {
        let piece = |j: usize| {
            kind(j) == Kind::Text && feats.get(j).is_some_and(|f| (1..=2).contains(&f.words))
        };
        let run = (i..n.min(i + MAX_WIDGET_PIECES))
            .take_while(|&j| piece(j))
            .count();
        let found = (2..=run).rev().find_map(|k| {
            let joined: Vec<&str> = (i..i + k).map(utext).collect();
            header::date_only(&joined.join(" ")).map(|d| (k, d))
        });
        if let Some((k, d)) = found {
            if let Some(f) = feats.get_mut(i) {
                f.date = Some(d);
            }
            for w in widget.iter_mut().skip(i).take(k) {
                *w = true;
            }
            i += k;
        } else {
            i += 1;
        }
    }
    let feat = |i: usize| feats.get(i).copied().unwrap_or_default();
    let is_body = |i: usize| feat(i).prose && !feat(i).caption;
    let opens = |i: usize| feat(i).opens;

    // The first paragraph of the body: a dateline or the first running text,
    // past a standfirst (running text set apart from the body by the date
    // line, byline or a caption, or a teaser repeating the lead's words).
    // Without running text, the first short sentence (a page of one-line
    // paragraphs).
    let mut body_start = (0..n).find(|&i| opens(i) || is_body(i)).or_else(|| {
        (0..n).find(|&i| kind(i) == Kind::Text && is_short_sentence(utext(i), feat(i)))
    });
    let mut standfirst = None;
    while let Some(b) = body_start {
        if opens(b) {
            break;
        }
        let Some(v) = (b + 1..n.min(b + STANDFIRST_WINDOW)).find(|&i| opens(i) || is_body(i))
        else {
            break;
        };
        // A date line or byline sets a standfirst apart; a photo and its
        // caption only a standfirst shorter than the paragraph after it (a
        // photo also comes after the lead).
        let set_apart = (b + 1..v).any(|i| kind(i) == Kind::Byline || feat(i).date.is_some())
            || ((b + 1..v).any(|i| feat(i).caption || feat(i).image)
                && feat(b).words < feat(v).words);
        // Running text right above a dateline is a standfirst too; so is a
        // paragraph that stays in the header block, glued to the paragraph
        // below it, where the body's paragraphs are set apart by blank lines.
        let blank_before = |i: usize| units.get(i).is_some_and(|u| u.blank_before);
        let in_header_block = v == b + 1
            && !blank_before(b)
            && !blank_before(v)
            && v + 1 < n
            && blank_before(v + 1)
            && feat(b).words <= MAX_STANDFIRST_WORDS;
        if !set_apart && !in_header_block && !opens(v) && !starts_alike(utext(b), utext(v)) {
            break;
        }
        standfirst = Some(b);
        body_start = Some(v);
    }

    // Short sentences right above the first running text open the body
    // (`Sophie Binet dirige la CGT.`), as short lines between good ones do
    // in running text.
    if let Some(first) = body_start.filter(|&b| !opens(b)) {
        let mut b = first;
        while b > standfirst.map_or(0, |s| s + 1)
            && kind(b - 1) == Kind::Text
            && !feat(b - 1).caption
            && utext(b - 1).ends_with('.')
            && is_short_sentence(utext(b - 1), feat(b - 1))
        {
            b -= 1;
        }
        body_start = Some(b);
    }

    // The title: the best headline candidate above the standfirst or body.
    let top = standfirst.or(body_start).unwrap_or(n);
    // Whether a paragraph below the top repeats paragraph `i` (the same
    // words, so as many of them).
    let repeated_below = |i: usize| {
        let words = feat(i).words;
        (top..n).any(|j| {
            feat(j).words == words && utext(j).split_whitespace().eq(utext(i).split_whitespace())
        })
    };
    let candidate = |i: usize| {
        let f = feat(i);
        kind(i) == Kind::Text
            && !f.chrome
            && !f.caption
            && (MIN_TITLE_WORDS..=MAX_TITLE_WORDS).contains(&f.words)
            && !utext(i).ends_with(':')
            && (!utext(i).ends_with('.') || utext(i).ends_with("..."))
    };
    let candidates: Vec<usize> = (top.saturating_sub(MAX_CANDIDATES)..top)
        .filter(|&i| candidate(i))
        .collect();
    let nearest = candidates.last().copied();
    // The candidates' content words that the lead has: the lead is read
    // once, for the words of all candidates.
    let wanted: WordSet = candidates
        .iter()
        .flat_map(|&i| page::content_words(lex, utext(i)))
        .collect();
    let mut in_lead = WordSet::default();
    if let Some(b) = body_start.filter(|_| !wanted.is_empty()) {
        for i in (b..n)
            .filter(|&i| is_body(i) || i == b)
            .take(LEAD_PARAGRAPHS)
        {
            page::find_words(utext(i), &wanted, &mut in_lead);
        }
    }
    let header_line = |i: usize| feat(i).date.is_some() || kind(i) == Kind::Byline;
    // The first paragraph of text that is no chrome: lines above it are the
    // top of the page.
    let first_text = (0..n)
        .find(|&j| kind(j) == Kind::Text && !feat(j).chrome)
        .unwrap_or(n);
    let score = |i: usize| -> i32 {
        let f = feat(i);
        let shared: WordSet = page::content_words(lex, utext(i))
            .filter(|w| in_lead.contains(w))
            .collect();
        let mut s = i32::from(USUAL_TITLE_WORDS.contains(&f.words));
        s -= i32::from(f.words > *USUAL_TITLE_WORDS.end());
        s += shared.len().min(2) as i32;
        s += i32::from((i > 0 && header_line(i - 1)) || header_line(i + 1));
        s += i32::from(Some(i) == nearest);
        s += i32::from(repeated_below(i));
        let at_top = i <= first_text;
        s -= i32::from(at_top && f.words <= MAX_SITE_NAME_WORDS && shared.is_empty());
        s
    };
    // The best score; the nearer the body on a tie.
    let title = candidates
        .iter()
        .map(|&i| (score(i), i))
        .max()
        .filter(|&(s, _)| s >= MIN_TITLE_SCORE)
        .map(|(_, i)| i);

    // Still none: the body is the text after the headline.
    let body_start = body_start.or_else(|| {
        (title? + 1..n).find(|&i| kind(i) == Kind::Text && !feat(i).chrome && !feat(i).caption)
    });
    let Some(b) = body_start else {
        return title_only(lex, &units, text, &kinds, title);
    };
    // A long line of text between the headline and the body, not a
    // sentence of the body, is the standfirst.
    let standfirst = standfirst.or_else(|| {
        title.map(|t| t + 1).filter(|&s| {
            s < b
                && kind(s) == Kind::Text
                && !feat(s).chrome
                && !feat(s).caption
                && feat(s).words >= MIN_STANDFIRST_WORDS
                && feat(s).function_share >= MIN_STANDFIRST_FUNCTION_SHARE
        })
    });
    let copy_starts = copy_starts(&units, text, &kinds, title, body_start);
    let limit = copy_starts.first().copied().unwrap_or(n);

    // The body runs over running text, in-body headings, inline links,
    // credits and captions, to the first block of list-like lines.
    let mut body_units = vec![b];
    let mut headings = Vec::new();
    for i in b + 1..limit {
        let t = utext(i);
        let f = feat(i);
        let k = kind(i);
        let heading_at =
            |j: usize| j < limit && kind(j) == Kind::Text && heading_like(utext(j), feat(j));
        let body_at = |j: usize| j < limit && is_body(j);
        let body_follows = body_at(i + 1) || (heading_at(i + 1) && body_at(i + 2));
        if is_body(i) || (k == Kind::Text && is_short_sentence(t, f)) {
            body_units.push(i);
        } else if page::is_teaser_end(lex, t) {
            // `Lire la suite`: the paragraph before it, and its headline, are
            // the teaser of another article.
            if body_units.len() > 1 && body_units.last() == Some(&(i - 1)) {
                body_units.pop();
                if headings.last() == Some(&(i - 2)) {
                    headings.pop();
                }
            }
            break;
        } else if heading_at(i) && body_at(i + 1) {
            headings.push(i);
        } else if (k == Kind::Boilerplate && is_inline_link(t) && body_follows)
            || (soft(k, f) && (body_follows || (i + 1 < limit && soft(kind(i + 1), feat(i + 1)))))
        {
            continue;
        } else {
            break;
        }
    }
    let body_last = body_units.last().copied().unwrap_or(b);
    let mut is_heading = vec![false; n];
    for &h in headings.iter().filter(|&&h| h < body_last) {
        if let Some(x) = is_heading.get_mut(h) {
            *x = true;
        }
    }

    // Roles.
    let in_copy = |i: usize| copy_starts.first().is_some_and(|&c| i >= c);
    let roles: Vec<Role> = (0..n)
        .map(|i| {
            let f = feat(i);
            let k = kind(i);
            if in_copy(i) && matches!(k, Kind::Text | Kind::Header | Kind::Byline) {
                return Role::Copy;
            }
            match k {
                Kind::Id => return Role::Id,
                Kind::Credit => return Role::Credit,
                _ => {}
            }
            if f.caption {
                return Role::Caption;
            }
            if i < b {
                return if Some(i) == title {
                    Role::Headline
                } else if Some(i) == standfirst {
                    Role::Standfirst
                } else if f.date.is_some() || widget.get(i) == Some(&true) {
                    Role::DateLine
                } else if k == Kind::Byline {
                    Role::Byline
                } else if k == Kind::Boilerplate {
                    Role::EndMarker
                } else {
                    Role::Chrome
                };
            }
            if i <= body_last {
                return if i == b && dateline_alone(lex, utext(b)) {
                    Role::Dateline
                } else if is_heading.get(i) == Some(&true) {
                    Role::Heading
                } else if k == Kind::Boilerplate {
                    Role::List
                } else if f.chrome {
                    Role::Chrome
                } else {
                    Role::Body
                };
            }
            match k {
                Kind::Boilerplate | Kind::Header | Kind::Byline => Role::EndMarker,
                _ if f.chrome => Role::Chrome,
                _ if page::is_teaser_end(lex, utext(i)) => Role::EndMarker,
                _ => Role::List,
            }
        })
        .collect();

    let mut copies = Vec::new();
    for (j, &start) in copy_starts.iter().enumerate() {
        let end = copy_starts.get(j + 1).copied().unwrap_or(n);
        let last = (start..end)
            .rev()
            .find(|&i| roles.get(i) == Some(&Role::Copy));
        if let (Some(a), Some(z)) = (units.get(start), last.and_then(|l| units.get(l))) {
            copies.push(Span::new(a.span.start, z.span.end));
        }
    }

    let span_of = |i: usize| units.get(i).map(|u| u.span);
    let mut meta = Meta {
        title: title.and_then(span_of),
        standfirst: standfirst.and_then(span_of),
        byline: (0..b)
            .find(|&i| roles.get(i) == Some(&Role::Byline))
            .and_then(span_of),
        copies,
        ..Meta::default()
    };
    if let (Some(first), Some(end)) = (span_of(b), span_of(body_last)) {
        meta.body = Some(Span::new(first.start, end.end));
    }
    let lead_line = utext(b);
    let at = span_of(b).map_or(0, |s| s.start);
    let mut lead_date = None;
    if let Some(d) = dateline::parse(lex, lead_line) {
        meta.dateline = Some(Span::new(at + d.place.start, at + d.place.end));
        meta.agency = d.agency.map(|r| Span::new(at + r.start, at + r.end));
        lead_date = d.when;
    } else if let Some(d) = dateline::date_lead(lead_line) {
        meta.dateline = d.place.map(|r| Span::new(at + r.start, at + r.end));
        lead_date = Some(d.when);
    }

    // The article's own date line: the nearest one to the headline (or the
    // lead) with no chrome between them, a publication stamp before an
    // update; never a crawl date; else the date of the dateline.
    let anchor = title.unwrap_or(b);
    // Chrome paragraphs counted up to each paragraph, to tell in one step
    // whether chrome stands between a date line and the headline.
    let mut chrome_before = Vec::with_capacity(n + 1);
    chrome_before.push(0usize);
    for j in 0..n {
        let c = usize::from(
            (feat(j).chrome || kind(j) == Kind::Boilerplate) && widget.get(j) != Some(&true),
        );
        chrome_before.push(chrome_before.last().copied().unwrap_or(0) + c);
    }
    let chrome_between = |lo: usize, hi: usize| {
        // Paragraphs lo+1 .. hi-1.
        hi > lo + 1
            && chrome_before.get(hi).copied().unwrap_or(0)
                > chrome_before.get(lo + 1).copied().unwrap_or(0)
    };
    let own = |i: usize| {
        let (lo, hi) = if i < anchor { (i, anchor) } else { (anchor, i) };
        !page::is_crawl_date(lex, utext(i)) && !chrome_between(lo, hi)
    };
    let dated: Vec<(usize, header::Dated)> = (0..b)
        .filter_map(|i| Some((i, feat(i).date?)))
        .filter(|(i, d)| d.when.is_some() && own(*i))
        .collect();
    let pick = |stamp: header::Stamp| {
        dated
            .iter()
            .filter(|(_, d)| d.stamp == stamp)
            .min_by_key(|(i, _)| (i.abs_diff(anchor), std::cmp::Reverse(*i)))
            .and_then(|(_, d)| d.when)
    };
    let published = pick(header::Stamp::Published);
    let updated = pick(header::Stamp::Updated);
    meta.published = published.or(updated).or(lead_date).map(|w| w.iso());
    meta.updated = published.and(updated).map(|w| w.iso());
    meta.article_id = (body_last + 1..n)
        .find(|&i| kind(i) == Kind::Id)
        .and_then(span_of);
    for (i, unit) in units.iter().enumerate() {
        match kind(i) {
            Kind::Credit => meta.credits.push(unit.span),
            Kind::Boilerplate => meta.boilerplate.push(unit.span),
            Kind::Text => meta.credits.extend(
                furniture::inline_credits(lex, unit.span.text(text))
                    .into_iter()
                    .map(|r| Span::new(unit.span.start + r.start, unit.span.start + r.end)),
            ),
            _ => {}
        }
    }
    let paragraphs = units
        .iter()
        .zip(&roles)
        .map(|(u, &role)| Paragraph {
            span: u.span,
            zone: role.zone(),
            role,
        })
        .collect();
    Layout { paragraphs, meta }
}

/// A page without running text: its title, if one line scores as a headline.
fn title_only(
    lex: &Lexicons,
    units: &[Line],
    text: &str,
    kinds: &[Kind],
    title: Option<usize>,
) -> Layout {
    let roles = (0..units.len()).map(|i| {
        if Some(i) == title {
            Role::Headline
        } else {
            match kinds.get(i) {
                Some(Kind::Id) => Role::Id,
                Some(Kind::Credit) => Role::Credit,
                Some(Kind::Boilerplate) => Role::EndMarker,
                Some(Kind::Byline) => Role::Byline,
                _ if header::header_date(lex, units.get(i).map_or("", |u| u.span.text(text)))
                    .is_some() =>
                {
                    Role::DateLine
                }
                _ => Role::Chrome,
            }
        }
    });
    Layout {
        paragraphs: units
            .iter()
            .zip(roles)
            .map(|(u, role)| Paragraph {
                span: u.span,
                zone: role.zone(),
                role,
            })
            .collect(),
        meta: Meta {
            title: title.and_then(|t| units.get(t)).map(|u| u.span),
            ..Meta::default()
        },
    }
}

/// Whether two paragraphs open with the same words (a teaser repeating the lead).
fn starts_alike(a: &str, b: &str) -> bool {
    let first = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .take(TEASER_WORDS)
            .map(crate::lexicon::fold_key)
            .collect()
    };
    let (x, y) = (first(a), first(b));
    x.len() == TEASER_WORDS && x == y
}

/// A short line without a final full stop: an in-body heading, or one of a
/// list of headlines.
fn heading_like(line: &str, f: Feat) -> bool {
    !f.chrome
        && !f.caption
        && !f.prose
        && (1..=MAX_HEADING_WORDS).contains(&f.words)
        && !lines::ends_sentence(line)
        && !line.ends_with(':')
}

/// A short sentence of running text (`Il a refusé.`), or an item of an
/// enumeration (`les 3 et 4 mai, il sera à Lyon ;`): too short for prose,
/// but ending a sentence or a clause, with function words.
fn is_short_sentence(line: &str, f: Feat) -> bool {
    !f.chrome
        && !f.caption
        && f.words >= 2
        && (lines::ends_sentence(line) || line.ends_with(';'))
        && f.function_share > 0
}

/// `Lire aussi : <headline>`, `Lire aussi <headline>`: a link inside the body
/// (a boilerplate opening and a headline after it).
fn is_inline_link(line: &str) -> bool {
    match line.split_once(':') {
        Some((_, rest)) => lines::word_count(rest) >= MIN_LINK_WORDS,
        None => lines::word_count(line) >= MIN_LINK_WORDS + MAX_LINK_MARKER_WORDS,
    }
}

/// Lines the body runs through when running text follows them.
/// Credits, captions and image residue: other chrome (a comment counter, a
/// share bar) closes the article.
fn soft(kind: Kind, f: Feat) -> bool {
    kind == Kind::Credit || f.caption || f.image
}

/// Whether `line` is a dateline and nothing else.
fn dateline_alone(lex: &Lexicons, line: &str) -> bool {
    dateline::parse(lex, line).is_some_and(|d| d.end >= line.len())
}

/// Paragraphs: lines of text joined where a sentence wraps into the next
/// line (a date line or a byline starting in lower case is no such rest),
/// with their kinds.
fn units(lex: &Lexicons, lines: &[Line], text: &str) -> (Vec<Line>, Vec<Kind>) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The kind of each paragraph of one line (`None`: lines joined).
    let mut kinds: Vec<Option<Kind>> = Vec::with_capacity(lines.len());
    let mut joins_previous = false;
    for (i, line) in lines.iter().enumerate() {
        let kind = classify(lex, line.span.text(text));
        let is_text = kind == Kind::Text;
        match (out.last_mut(), kinds.last_mut()) {
            (Some(p), Some(k)) if joins_previous && is_text => {
                p.span.end = line.span.end;
                *k = None;
            }
            _ => {
                out.push(*line);
                kinds.push(Some(kind));
            }
        }
        joins_previous = is_text && wraps_into_next(lines, text, i);
    }
    // Joined lines are classified again, as one paragraph.
    let kinds = out
        .iter()
        .zip(kinds)
        .map(|(u, k)| k.unwrap_or_else(|| classify(lex, u.span.text(text))))
        .collect();
    (out, kinds)
}

/// The kind of one line, on its own.
fn classify(lex: &Lexicons, line: &str) -> Kind {
    // The words are counted once, up to a credit's bound, for every test
    // that bounds them: a dated header's and a byline's bounds are below it.
    const _: () = assert!(
        header::MAX_HEADER_WORDS <= furniture::MAX_CREDIT_WORDS
            && header::MAX_BYLINE_WORDS <= furniture::MAX_CREDIT_WORDS
    );
    kind_of(
        lex,
        line,
        lines::words_up_to(line, furniture::MAX_CREDIT_WORDS),
    )
}

/// The kind of `line`, of `words` words (or any number above a credit's
/// when it has more): the credit, dated-header and byline tests rule out a
/// line longer than theirs from the count, without counting again.
fn kind_of(lex: &Lexicons, line: &str, words: usize) -> Kind {
    // An id is one run of digits: the count spares longer lines its test.
    if words == 1 && furniture::is_id(line) {
        Kind::Id
    } else if furniture::is_boilerplate(lex, line) {
        Kind::Boilerplate
    } else if furniture::is_credit(lex, line, words) {
        Kind::Credit
    } else if header::is_site_name(line) || header::header_date_of(lex, line, words).is_some() {
        Kind::Header
    } else if header::is_byline(lex, line, words) {
        Kind::Byline
    } else {
        Kind::Text
    }
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
        let mut starts = Vec::new();
        for (i, line) in lines.iter().enumerate().skip(first + 1) {
            let t = line.span.text(text);
            // Comparing lengths first keeps the scan linear.
            let near = t.len().abs_diff(anchor_text.len()) <= anchor_text.len() / 4;
            if !near || !t.split_whitespace().eq(anchor_text.split_whitespace()) {
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

#[cfg(test)]
mod tests;
