//! The data every stage reads and writes: spans, tokens, paragraphs and their
//! zones, article fields, entities, quotes, and the analysed document.
//!
//! Plain data with no behaviour beyond small accessors; it imports nothing of
//! the crate, so that every stage can depend on it and nothing else needs to.
//! All offsets are byte ranges of the text they were computed on.

use serde::{Deserialize, Serialize};

/// A `[start, end)` byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
}

impl TokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
        }
    }

    /// The kind of the discriminant `bits` (see [`Token`]).
    fn from_bits(bits: u64) -> TokenKind {
        match bits {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            3 => TokenKind::Symbol,
            4 => TokenKind::Url,
            _ => TokenKind::Email,
        }
    }

    pub fn parse(name: &str) -> Option<TokenKind> {
        Some(match name {
            "word" => TokenKind::Word,
            "number" => TokenKind::Number,
            "punct" => TokenKind::Punct,
            "symbol" => TokenKind::Symbol,
            "url" => TokenKind::Url,
            "email" => TokenKind::Email,
            _ => return None,
        })
    }
}

/// A token: a byte range of the text and its kind.
///
/// A text has about one token per 5.5 bytes, so the token array is the
/// largest part of a document: both offsets and the kind are packed into
/// eight bytes (30 bits an offset, 3 for the kind) instead of the 24 of two
/// `usize` and a byte. Texts are therefore limited to [`MAX_TEXT_BYTES`];
/// the entry points refuse longer ones.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// `start | end << OFFSET_BITS | kind << 2 * OFFSET_BITS`.
    bits: u64,
}

/// The bits of one offset in a [`Token`].
const OFFSET_BITS: u32 = 30;

/// The longest text, in bytes of UTF-8, whose offsets a [`Token`] can hold
/// (1 GiB less one byte).
pub const MAX_TEXT_BYTES: usize = (1 << OFFSET_BITS) - 1;

impl Token {
    /// A token over `start..end`. Offsets past [`MAX_TEXT_BYTES`] are
    /// clamped to it: the tokenizer reads no further, and the entry points
    /// refuse longer texts.
    pub fn new(start: usize, end: usize, kind: TokenKind) -> Token {
        let narrow = |at: usize| at.min(MAX_TEXT_BYTES) as u64;
        Token {
            bits: narrow(start) | narrow(end) << OFFSET_BITS | (kind as u64) << (2 * OFFSET_BITS),
        }
    }

    pub fn start(&self) -> usize {
        (self.bits & MAX_TEXT_BYTES as u64) as usize
    }

    pub fn end(&self) -> usize {
        (self.bits >> OFFSET_BITS & MAX_TEXT_BYTES as u64) as usize
    }

    pub fn kind(&self) -> TokenKind {
        TokenKind::from_bits(self.bits >> (2 * OFFSET_BITS))
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    pub fn len(&self) -> usize {
        self.end() - self.start()
    }

    pub fn is_empty(&self) -> bool {
        self.start() == self.end()
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("start", &self.start())
            .field("end", &self.end())
            .field("kind", &self.kind())
            .finish()
    }
}

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
    /// LOC: the standard French name. (Boxed strings: a long article has
    /// hundreds of thousands of entities, 16 bytes each fewer than `String`.)
    pub canonical: Option<Box<str>>,
    /// DATE and TIME: ISO 8601; MONEY: `<number> <currency code>`; PERCENT: the number.
    pub value: Option<Box<str>>,
    pub zone: Zone,
    pub source: Source,
}

/// Where an entity came from, so that a user can trade recall for precision:
/// a lexicon entry, a pattern on known words (a given name, a title, a month,
/// a currency), open-world evidence about an unknown name (its slot in the
/// sentence, a head word, a locative cue), or another mention of a name that
/// one of those established in the same article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Lexicon,
    /// Also the source of an entity read from JSON that gives none.
    #[default]
    Pattern,
    Evidence,
    Propagated,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Lexicon => "lexicon",
            Source::Pattern => "pattern",
            Source::Evidence => "evidence",
            Source::Propagated => "propagated",
        }
    }

    pub fn parse(s: &str) -> Option<Source> {
        Some(match s {
            "lexicon" => Source::Lexicon,
            "pattern" => Source::Pattern,
            "evidence" => Source::Evidence,
            "propagated" => Source::Propagated,
            _ => return None,
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_eight_bytes_and_holds_offsets_to_one_gib() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
        let t = Token::new(7, MAX_TEXT_BYTES, TokenKind::Word);
        assert_eq!(
            (t.start(), t.end(), t.len()),
            (7, MAX_TEXT_BYTES, MAX_TEXT_BYTES - 7)
        );
        assert_eq!(Token::new(3, 6, TokenKind::Word).text("un mot"), "mot");
    }

    #[test]
    fn every_kind_survives_packing() {
        let kinds = [
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Punct,
            TokenKind::Symbol,
            TokenKind::Url,
            TokenKind::Email,
        ];
        for kind in kinds {
            let t = Token::new(MAX_TEXT_BYTES - 1, MAX_TEXT_BYTES, kind);
            assert_eq!(
                (t.start(), t.end(), t.kind()),
                (MAX_TEXT_BYTES - 1, MAX_TEXT_BYTES, kind)
            );
        }
    }

    #[test]
    fn a_token_past_one_gib_is_clamped() {
        let t = Token::new(MAX_TEXT_BYTES + 5, MAX_TEXT_BYTES + 9, TokenKind::Word);
        assert_eq!((t.start(), t.end()), (MAX_TEXT_BYTES, MAX_TEXT_BYTES));
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
