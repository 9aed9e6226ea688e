//! Quotes and who said them.

use crate::document::{Entity, Layout, Quote};
use crate::sentences::Span;
use crate::tokenize::Token;

/// The quotes of the text, sorted and disjoint.
pub fn find(
    _text: &str,
    _tokens: &[Token],
    _sentences: &[Span],
    _layout: &Layout,
    _entities: &[Entity],
) -> Vec<Quote> {
    Vec::new()
}
