//! Byte offsets (used everywhere inside the core) to code-point offsets (what
//! Python's `str` indexes by). This is the only place that converts.
//!
//! A full byte->code-point table would cost four bytes per byte of text; instead
//! we keep the code-point count at every 64-byte block boundary and count the
//! few character starts inside the block on lookup: O(n/64) memory, O(1) lookups.

use std::borrow::Cow;

const BLOCK: usize = 64;

/// The code-point count of one text at every block boundary: what
/// [`OffsetMap`] needs besides the text. Owned, so that a document can count
/// once and convert on every later read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checkpoints(Option<Vec<usize>>);

impl Checkpoints {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Pure ASCII text needs none: both offsets coincide.
        if text.is_ascii() {
            return Checkpoints(None);
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut chars = 0usize;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(chars);
            chars += block.iter().filter(|&&b| is_char_start(b)).count();
        }
        checkpoints.push(chars);
        Checkpoints(Some(checkpoints))
    }
}

/// Converts byte offsets of one text into code-point offsets.
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    bytes: &'a [u8],
    /// `None` for pure ASCII text, where both offsets coincide.
    checkpoints: Option<Cow<'a, [usize]>>,
}

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str) -> Self {
        let Checkpoints(checkpoints) = Checkpoints::new(text);
        OffsetMap {
            bytes: text.as_bytes(),
            checkpoints: checkpoints.map(Cow::Owned),
        }
    }

    /// The map of `text` from its checkpoints, counted before (`Checkpoints::new(text)`).
    pub fn with_checkpoints(text: &'a str, checkpoints: &'a Checkpoints) -> Self {
        OffsetMap {
            bytes: text.as_bytes(),
            checkpoints: checkpoints.0.as_deref().map(Cow::Borrowed),
        }
    }

    /// Code-point offset of the byte offset `byte` (clamped to the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let Some(checkpoints) = &self.checkpoints else {
            return byte;
        };
        let block = byte / BLOCK;
        let base = checkpoints.get(block).copied().unwrap_or(0);
        let from = block * BLOCK;
        base + self
            .bytes
            .get(from..byte)
            .map_or(0, |s| s.iter().filter(|&&b| is_char_start(b)).count())
    }

    /// Converts a `[start, end)` byte range.
    pub fn char_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.char_offset(start), self.char_offset(end))
    }
}

/// Inverse mapping for inputs that arrive in code points (rarely needed: only
/// for spans given back by a user, as in `Document.from_dict`).
pub fn byte_offset(text: &str, char_offset: usize) -> usize {
    text.char_indices()
        .nth(char_offset)
        .map_or(text.len(), |(b, _)| b)
}

fn is_char_start(b: u8) -> bool {
    // UTF-8 continuation bytes are 0b10xx_xxxx.
    (b & 0xC0) != 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let map = OffsetMap::new(text);
        for (cp, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(b), cp, "byte {b} of {text:?}");
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        check_all("Hello world");
        assert_eq!(OffsetMap::new("abc").char_offset(99), 3);
    }

    #[test]
    fn accents_guillemets_emoji_crlf() {
        check_all("Sergueï « Lebedev » a dit 😀\r\nfin é\u{0301}");
    }

    #[test]
    fn long_text_crosses_blocks() {
        let text = "é😀a".repeat(200);
        check_all(&text);
    }

    #[test]
    fn byte_offset_inverts() {
        let text = "aé😀b";
        assert_eq!(byte_offset(text, 0), 0);
        assert_eq!(byte_offset(text, 2), 3);
        assert_eq!(byte_offset(text, 3), 7);
        assert_eq!(byte_offset(text, 4), 8);
        assert_eq!(byte_offset(text, 10), 8);
    }
}
