//! # frnews
//!
//! Structured data from French wire-news articles. The core is plain Rust
//! (no Python needed); the `python` feature adds the `frnews._frnews` module.
//!
//! Every stage works in byte offsets into the text it is given;
//! [`offsets::OffsetMap`] converts them to code points at the Python boundary.

pub mod article;
pub mod document;
pub mod entities;
pub mod lexicon;
pub mod offsets;
pub mod quotes;
pub mod repair;
pub mod sentences;
pub mod tokenize;

#[cfg(feature = "python")]
mod python;

pub use document::{
    analyze, Document, Entity, Label, Meta, Paragraph, Quote, QuoteKind, Role, Zone,
};
pub use sentences::{sentences, Span};
pub use tokenize::{tokenize, Token, TokenKind};
