//! # frnews
//!
//! Structured data from French wire-news articles. The core is plain Rust
//! (no Python needed); the `python` feature adds the `frnews._frnews` module.
//!
//! The modules, in the order data flows (each imports only those above it):
//!
//! - [`offsets`], [`lexicon`]: byte to code-point offsets; word sets and folding.
//! - [`model`]: the data types every stage reads and writes.
//! - [`text`], [`dates`]: what several stages need about a text (folded keys,
//!   capitals) and the one grammar of French dates.
//! - the stages: [`repair`] -> [`tokenize`] -> [`sentences`] -> [`article`]
//!   (page layout and fields) -> [`entities`] -> [`quotes`].
//! - [`json`]: documents as JSON and back; [`pipeline`]: `analyze`, the
//!   stages run in order with their lexicons, and [`Pipeline`], the same
//!   with a user's lexicon entries.
//!
//! Every stage works in byte offsets into the text it is given;
//! [`offsets::OffsetMap`] converts them to code points at the Python boundary.

pub mod article;
pub mod dates;
pub mod entities;
pub mod json;
pub mod lexicon;
pub mod model;
pub mod offsets;
pub mod pipeline;
pub mod quotes;
pub mod repair;
pub mod sentences;
pub mod text;
pub mod tokenize;

#[cfg(feature = "python")]
mod python;

pub use entities::UserEntries;
pub use model::{
    Document, Entity, Label, Meta, Paragraph, Quote, QuoteKind, Role, Source, Span, Token,
    TokenKind, Warning, Zone, MAX_TEXT_BYTES,
};
pub use pipeline::{analyze, analyze_owned, sentences, tokenize, Lexicons, Pipeline, Stage};
