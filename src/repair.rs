//! Text repair: mojibake and other certain damage undone before analysis,
//! with a map back to the offsets of the text as given.
//!
//! Mojibake here is UTF-8 whose bytes were read one by one as Latin-1 or
//! Windows-1252 (`Ã©` for `é`, `â€™` for `’`). A run of characters is decoded
//! only when the bytes they stand for form one whole, valid UTF-8 sequence and
//! the run cannot be ordinary French (see [`plausible`]), so clean text is never
//! changed. Two other kinds of damage are certain: HTML character references
//! left in scraped text (`&eacute;`, `&#8217;`), and the `Ã` of `à` or the `Â`
//! of a no-break space whose second byte (U+00A0) was turned into a plain
//! space. Text damaged twice is undone by a second pass. Characters that
//! cannot be recovered (`?` inside a word, U+FFFD) are only reported.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Span;
use crate::model::Warning;

/// How many times text may have been damaged in a row (`Ã©` -> `ÃƒÂ©`).
const MAX_PASSES: usize = 3;

/// HTML named character references -> characters: the HTML standard's table,
/// not knowledge of French or of news that a user would extend, so it stays
/// with the code that reads it.
static ENTITIES: LazyLock<HashMap<&'static str, char>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../data/article/html_entities.tsv"))
        .filter_map(|r| {
            let code = u32::from_str_radix(r.get(1)?, 16).ok()?;
            Some((*r.first()?, char::from_u32(code)?))
        })
        .collect()
});

/// The longest reference, `&#x10FFFF;`, in characters.
const MAX_ENTITY_CHARS: usize = 10;

/// The repaired text and how to map its offsets back.
#[derive(Debug, Clone)]
pub struct Repaired<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// The edits of each pass, in order; each pass's spans point into the
    /// text before it (`orig`) and after it (`new`).
    passes: Vec<Vec<Edit>>,
}

/// One replaced run: `orig` in the text before the pass, `new` after it.
#[derive(Debug, Clone, Copy)]
struct Edit {
    orig: Span,
    new: Span,
}

impl<'a> Repaired<'a> {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the repaired text is the text as given (no pass changed it):
    /// its spans are then those of the text as given.
    pub fn is_unchanged(&self) -> bool {
        self.passes.is_empty()
    }

    /// A span of the repaired text as a span of the text as given. A boundary
    /// inside a repaired character maps to the edge of the run it came from.
    pub fn original_span(&self, span: Span) -> Span {
        let (mut start, mut end) = (span.start, span.end);
        for edits in self.passes.iter().rev() {
            start = map_back(edits, start, false);
            end = map_back(edits, end, true);
        }
        Span::new(start, end)
    }

    /// Characters that could not be recovered, as spans of the text as given.
    pub fn warnings(&self) -> Vec<Warning> {
        lost_characters(self.original)
    }
}

/// Repairs `text`.
pub fn repair(text: &str) -> Repaired<'_> {
    let mut current: Cow<'_, str> = Cow::Borrowed(text);
    let mut passes = Vec::new();
    for _ in 0..MAX_PASSES {
        match decode_pass(&current) {
            Some((fixed, edits)) => {
                current = Cow::Owned(fixed);
                passes.push(edits);
            }
            None => break,
        }
    }
    Repaired {
        original: text,
        text: current,
        passes,
    }
}

/// The repaired text alone.
pub fn repair_text(text: &str) -> String {
    repair(text).text().to_string()
}

/// Maps an offset of a pass's output back to its input.
fn map_back(edits: &[Edit], at: usize, is_end: bool) -> usize {
    let i = edits.partition_point(|e| e.new.end <= at);
    if let Some(e) = edits.get(i).filter(|e| e.new.start < at) {
        return if is_end { e.orig.end } else { e.orig.start };
    }
    match i.checked_sub(1).and_then(|j| edits.get(j)) {
        Some(prev) => at - prev.new.end + prev.orig.end,
        None => at,
    }
}

/// The character starting at byte `at` of `text`.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The character ending at byte `at` of `text`.
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// One left-to-right pass; `None` when nothing was decoded. It reads the
/// characters in place (no table of them: that would cost 16 bytes a
/// character), and the repaired copy is begun only at the first edit.
fn decode_pass(text: &str) -> Option<(String, Vec<Edit>)> {
    if text.is_ascii() && !text.contains('&') {
        return None;
    }
    let mut out = String::new();
    let mut edits = Vec::new();
    let mut copied = 0;
    let mut at = 0;
    // Where the run of mojibake characters looked at last ends: each run is
    // looked at once, from its first character.
    let mut run_end = 0;
    // Where the last mojibake sequence decoded ends.
    let mut mojibake_end = None;
    while let Some(c) = char_at(text, at) {
        // Every repair starts at `&` or outside ASCII (mojibake characters
        // all are): the ASCII before either is copied as it is.
        if c.is_ascii() && c != '&' {
            at = text
                .as_bytes()
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| !b.is_ascii() || b == b'&'))
                .map_or(text.len(), |n| at + n);
            continue;
        }
        if at >= run_end {
            let rest = text.get(at..).unwrap_or("");
            let (run, run_bytes) = rest
                .chars()
                .take_while(|&c| byte_of(c).is_some())
                .fold((0, 0), |(n, len), c| (n + 1, len + c.len_utf8()));
            run_end = at + run_bytes.max(c.len_utf8());
            // Two layers make four characters at least.
            if run >= 4 {
                let chars: Vec<(usize, char)> = rest
                    .get(..run_bytes)
                    .unwrap_or("")
                    .char_indices()
                    .map(|(i, c)| (at + i, c))
                    .collect();
                if let Some(pieces) = decode_layers(&chars) {
                    for (c, first, last) in pieces {
                        let (Some(&(from, _)), Some(&(to, last_char))) =
                            (chars.get(first), chars.get(last))
                        else {
                            continue;
                        };
                        begin_copy(&mut out, text);
                        out.push_str(text.get(copied..from).unwrap_or(""));
                        let new_start = out.len();
                        out.push(c);
                        let end = to + last_char.len_utf8();
                        edits.push(Edit {
                            orig: Span::new(from, end),
                            new: Span::new(new_start, out.len()),
                        });
                        copied = end;
                    }
                    at = run_end;
                    continue;
                }
            }
        }
        // Damage comes in runs: a sequence that could be clean French on
        // its own (`Î»`, a capital before a closing quote) is mojibake when
        // it touches mojibake (`Î»` inside `ΤεÎ»αμών`, Greek damaged).
        let fix = decode_sequence(text, at)
            .filter(|&(_, end, plausible)| {
                plausible || mojibake_end == Some(at) || decode_at(text, end).is_some()
            })
            .map(|(c, end, _)| (Some(c), end))
            .or_else(|| entity_at(text, at).map(|(c, end)| (Some(c), end)))
            .or_else(|| space_damage_at(text, at));
        if let Some((decoded, end)) = fix {
            if decoded.is_some() && end > at + c.len_utf8() {
                mojibake_end = Some(end);
            }
            begin_copy(&mut out, text);
            out.push_str(text.get(copied..at).unwrap_or(""));
            let new_start = out.len();
            out.extend(decoded);
            edits.push(Edit {
                orig: Span::new(at, end),
                new: Span::new(new_start, out.len()),
            });
            copied = end;
            at = end;
        } else {
            at += c.len_utf8();
        }
    }
    if edits.is_empty() {
        return None;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Some((out, edits))
}

/// Reserves the repaired copy of `text` before its first piece.
fn begin_copy(out: &mut String, text: &str) {
    if out.capacity() == 0 {
        out.reserve(text.len());
    }
}

/// The character encoded by the mojibake run starting at byte `at`, and
/// where the run ends.
fn decode_at(text: &str, at: usize) -> Option<(char, usize)> {
    decode_sequence(text, at).and_then(|(c, end, plausible)| plausible.then_some((c, end)))
}

/// The character that the mojibake sequence at `at` stands for, where the
/// sequence ends, and whether it is [`plausible`] as mojibake on its own.
fn decode_sequence(text: &str, at: usize) -> Option<(char, usize, bool)> {
    let mut chars = text.get(at..)?.chars();
    let first = chars.next()?;
    let lead = byte_of(first)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut shown = ['\0'; 4];
    let mut end = at + first.len_utf8();
    for (byte, shown_char) in bytes.iter_mut().zip(&mut shown).take(len).skip(1) {
        let c = chars.next()?;
        *byte = byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        *shown_char = c;
        end += c.len_utf8();
    }
    let decoded = std::str::from_utf8(bytes.get(..len)?)
        .ok()?
        .chars()
        .next()?;
    Some((decoded, end, plausible(lead, shown.get(1..len)?)))
}

/// A run of mojibake characters damaged more than once (`ÃƒÂ©`, `ÃƒÆ’Ã‚Â©`
/// for `é`): the characters it decodes to when each layer, read as the
/// bytes of one code page (Windows-1252 or Latin-1), is whole, valid UTF-8,
/// down to a layer that is no mojibake any more; each with the first and
/// last index in `run` of the characters it came from. `None` when fewer than
/// two layers decode in full: a run damaged once is left to [`decode_at`],
/// which weighs each sequence, and a layer that decodes only in part leaves
/// the whole run as it is.
fn decode_layers(run: &[(usize, char)]) -> Option<Vec<(char, usize, usize)>> {
    let mut layer: Vec<(char, usize, usize)> = run
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| (c, i, i))
        .collect();
    let mut depth = 0;
    while depth < MAX_PASSES {
        match decode_layer(&layer) {
            Some(next) => {
                layer = next;
                depth += 1;
            }
            None => break,
        }
    }
    (depth >= 2).then_some(layer)
}

/// One layer decoded: every character a byte of one code page, the bytes
/// whole UTF-8 sequences, and the characters the code page's own reading of
/// those bytes (a clean round trip).
fn decode_layer(layer: &[(char, usize, usize)]) -> Option<Vec<(char, usize, usize)>> {
    let bytes: Vec<u8> = layer
        .iter()
        .map(|&(c, ..)| byte_of(c))
        .collect::<Option<_>>()?;
    let round_trip =
        |read: fn(u8) -> char| layer.iter().zip(&bytes).all(|(&(c, ..), &b)| read(b) == c);
    if !round_trip(read_cp1252) && !round_trip(char::from) {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?;
    let mut out = Vec::new();
    for (at, c) in decoded.char_indices() {
        let (Some(&(_, first, _)), Some(&(_, _, last))) =
            (layer.get(at), layer.get(at + c.len_utf8() - 1))
        else {
            return None;
        };
        out.push((c, first, last));
    }
    Some(out)
}

/// The character Windows-1252 shows for `byte` (its five undefined bytes read
/// as the Latin-1 controls).
fn read_cp1252(byte: u8) -> char {
    CP1252
        .iter()
        .find(|&&(_, b)| b == byte)
        .map_or(char::from(byte), |&(c, _)| c)
}

/// The character of the HTML reference (`&eacute;`, `&#233;`, `&#xE9;`)
/// starting at byte `at`, and where the reference ends.
fn entity_at(text: &str, at: usize) -> Option<(char, usize)> {
    let after = text.get(at..)?.strip_prefix('&')?;
    // The `;` closing a name of at most MAX_ENTITY_CHARS characters.
    let (semicolon, _) = after
        .char_indices()
        .take(MAX_ENTITY_CHARS + 1)
        .find(|&(_, c)| c == ';')?;
    let name = after.get(..semicolon)?;
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // References to 128-159 mean the Windows-1252 characters, as
        // browsers read them (`&#146;` is `’`); its undefined bytes and
        // the other controls are no character.
        let c = match u8::try_from(code) {
            Ok(byte @ 0x80..=0x9F) => read_cp1252(byte),
            _ => char::from_u32(code)?,
        };
        Some(c).filter(|c| !c.is_control() || c.is_whitespace())?
    } else {
        *ENTITIES.get(name)?
    };
    Some((c, at + 1 + semicolon + 1))
}

/// `Ã` or `Â` followed by a plain space: the two bytes of `à` (C3 A0) or of a
/// no-break space (C2 A0) read as Latin-1, then U+00A0 turned into a space.
/// French has no word ending in `Ã` or `Â`; after a capital letter they may
/// end a foreign word in capitals (`IRMÃ`), so they are left there. `Ã`
/// becomes `à`; `Â` is dropped, the space standing for the no-break space.
/// Returns the replacement and where the damaged character ends.
fn space_damage_at(text: &str, at: usize) -> Option<(Option<char>, usize)> {
    let c = char_at(text, at)?;
    let end = at + c.len_utf8();
    if char_at(text, end)? != ' ' {
        return None;
    }
    let after_capital = char_before(text, at).is_some_and(char::is_uppercase);
    match c {
        'Ã' if !after_capital => Some((Some('à'), end)),
        'Â' if !after_capital => Some((None, end)),
        _ => None,
    }
}

/// Whether a valid run is mojibake rather than clean text. Clean French puts
/// a no-break space, a closing quote or a dash right after a word, and many
/// leads are French letters (`É`, `é`, `ï`): `né »` written with U+00A0 reads
/// as the bytes E9 A0 BB, a valid sequence. So a run whose lead is such a
/// letter is rejected when its continuation looks like that punctuation.
/// `Â` and `Ã` end no French word, so their runs are always mojibake.
fn plausible(lead: u8, continuation: &[char]) -> bool {
    match lead {
        0xC2 | 0xC3 => true,
        // Ä and Å (Latin Extended-A: `Å“` for `œ`), Ð and Ñ (Cyrillic)
        // end no French word.
        0xC4 | 0xC5 | 0xD0 | 0xD1 => true,
        0xC6..=0xDF => !continuation.iter().any(|&c| follows_word(c)),
        _ => match continuation {
            [first, second, ..] => !(follows_word(*first) && follows_word(*second)),
            _ => false,
        },
    }
}

/// Characters that clean French text puts right after a word.
fn follows_word(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '»' | '«' | '…' | '’' | '”' | '“' | '–' | '—' | '°'
    )
}

/// The byte a character stands for when UTF-8 was read as Latin-1 or
/// Windows-1252 (whose five undefined bytes read as the Latin-1 controls).
fn byte_of(c: char) -> Option<u8> {
    let code = u32::from(c);
    // The Windows-1252 characters are all past U+00FF.
    if code <= 0xFF {
        return u8::try_from(code).ok().filter(|&b| b >= 0x80);
    }
    CP1252.iter().find(|&&(ch, _)| ch == c).map(|&(_, b)| b)
}

/// The characters Windows-1252 gives bytes 0x80-0x9F (the others read as
/// their Latin-1 control).
const CP1252: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// U+FFFD, and runs of `?` standing for letters a bad conversion lost: inside
/// a word (`mett?e`, `cr??e`), at the start of a lower-case word (`?uvre`),
/// or ending a capitalised word right before another capitalised word
/// (`Sergue? Lavrov`). No rule can restore these with certainty, so they are
/// only reported, one warning a run. Only those two characters are looked
/// at, in place.
fn lost_characters(text: &str) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut from = 0;
    // U+FFFD is EF BF BD in UTF-8: its first byte is looked for, then the character.
    while let Some(found) = text
        .as_bytes()
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'?' || b == 0xEF))
    {
        let i = from + found;
        let Some(c) = char_at(text, i) else { break };
        if c != '?' && c != '\u{FFFD}' {
            from = i + c.len_utf8();
            continue;
        }
        let run = text
            .get(i..)
            .and_then(|s| s.find(|x| x != c))
            .map_or(text.len(), |n| i + n);
        let lost = c == '\u{FFFD}' || {
            let prev = char_before(text, i);
            let next = char_at(text, run);
            let inside =
                prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
            let word_start =
                !prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_lowercase);
            let name_end = prev.is_some_and(char::is_alphabetic)
                && next == Some(' ')
                && char_at(text, run + 1).is_some_and(char::is_uppercase)
                && capitalised_word_before(text, i);
            inside || word_start || name_end
        };
        if lost {
            warnings.push(Warning {
                span: Span::new(i, run),
                message: "character lost in a bad conversion".to_string(),
            });
        }
        from = run;
    }
    warnings
}

/// Whether the letters right before byte `at` form a capitalised word.
fn capitalised_word_before(text: &str, at: usize) -> bool {
    let mut letters = 0;
    let mut first = None;
    for c in text
        .get(..at)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
    {
        letters += 1;
        first = Some(c);
    }
    letters >= 2 && first.is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `s.encode("utf-8").decode("latin-1")`, done in Rust.
    fn as_latin1(s: &str) -> String {
        s.bytes().map(char::from).collect()
    }

    /// `s.encode("utf-8").decode("cp1252")`, undefined bytes read as Latin-1.
    fn as_cp1252(s: &str) -> String {
        s.bytes()
            .map(|b| {
                CP1252
                    .iter()
                    .find(|&&(_, x)| x == b)
                    .map_or(char::from(b), |&(c, _)| c)
            })
            .collect()
    }

    const SEED_LIKE: &[&str] = &[
        "MOSCOU, 7 juin (Xinhua) -- La Communauté des Etats indépendants (CEI) ",
        "est prête à renforcer son partenariat, a déclaré Sergueï Lebedev. ",
        "« L’OCS se fonde sur l’Esprit de Shanghai », a-t-il ajouté.\n",
        "Sous le thème « Renforcement du Dialogue Multilatéral – Vers une Paix » ",
        "le président kazakh Kassym-Jomart Tokaïev, l’œuvre, 6\u{202f}600 milliards ",
        "CHÂTEAU, ÉTÉ, Ça, naïve, Noël, où, 20 °C, 5,2 %, 100 €, — fin…",
        "Recep Tayyip Erdoğan, Ştefan, Łódź, Москва, Αθήνα, 中国 😀 ",
        "French.xinhuanet.com | Publié le 2018-06-07 à 13:25\r\n",
        "« Il est né » a dit l’élève, « créé » et « Sergueï ».",
    ];

    #[test]
    fn clean_text_is_unchanged() {
        for s in SEED_LIKE {
            assert_eq!(repair(s).text(), *s);
        }
    }

    #[test]
    fn latin1_and_cp1252_mojibake_is_decoded() {
        assert_eq!(repair_text("coopÃ©ration"), "coopération");
        assert_eq!(repair_text("lâ€™OCS"), "l’OCS");
        assert_eq!(repair_text("Â«Â\u{a0}ouiÂ\u{a0}Â»"), "«\u{a0}oui\u{a0}»");
    }

    #[test]
    fn html_references_are_decoded() {
        assert_eq!(
            repair_text("l&rsquo;OCS &amp; la CEI, &#233;t&#xE9;"),
            "l’OCS & la CEI, été"
        );
        for s in ["R&D", "AT&T; fin", "&inconnu;", "& ;"] {
            assert_eq!(repair_text(s), s);
        }
    }

    #[test]
    fn lost_no_break_space_after_a_lead_byte() {
        assert_eq!(repair_text("mise Ã  jour, 5Â %"), "mise à  jour, 5 %");
        assert_eq!(repair_text("dÃ©jÃ  vu"), "déjà  vu");
        assert_eq!(repair_text("IRMÃ É"), "IRMÃ É");
        let r = repair("Ã  Paris");
        let p = r.text().find("Paris").unwrap_or(0);
        assert_eq!(r.original_span(Span::new(p, p + 5)), Span::new(4, 9));
        let r = repair("5Â %");
        let pct = r.text().find('%').unwrap_or(0);
        assert_eq!(r.original_span(Span::new(pct, pct + 1)).text("5Â %"), "%");
    }

    #[test]
    fn double_encoding_is_undone() {
        let twice = as_cp1252(&as_cp1252("coopération, l’OCS"));
        assert_eq!(repair_text(&twice), "coopération, l’OCS");
    }

    #[test]
    fn triple_encoding_is_undone_with_exact_spans() {
        let e = "é";
        let thrice = as_cp1252(&as_cp1252(&as_cp1252(e)));
        assert_eq!(thrice, "ÃƒÆ’Ã‚Â©");
        assert_eq!(repair_text("d\u{e9}j\u{e0} ÃƒÆ’Ã‚Â©tÃƒÆ’Ã‚Â©"), "déjà été");
        let text = "« été » l’œuvre";
        let damaged = as_cp1252(&as_cp1252(&as_cp1252(text)));
        let r = repair(&damaged);
        assert_eq!(r.text(), text);
        // Each character maps back to its own damage, layers and all.
        let clean = r.text().to_string();
        for (i, c) in clean.char_indices() {
            let back = r.original_span(Span::new(i, i + c.len_utf8()));
            let once = as_cp1252(&c.to_string());
            assert_eq!(back.text(&damaged), as_cp1252(&as_cp1252(&once)));
        }
        // Latin-1 layers too.
        assert_eq!(
            repair_text(&as_latin1(&as_latin1("coopération"))),
            "coopération"
        );
    }

    #[test]
    fn layers_that_mix_code_pages_or_break_are_not_taken_for_deep_damage() {
        // `Ã©` read as bytes again gives a byte (E9) that opens no valid
        // sequence: one layer only, decoded as before.
        assert_eq!(repair_text("Ã©»"), "é»");
        // A clean run of French letters and punctuation is one valid layer
        // at most: left as it is.
        for s in ["né\u{a0}»", "ÉTÉ\u{a0}»", "«\u{a0}éé\u{a0}»"] {
            assert_eq!(repair_text(s), s);
        }
    }

    #[test]
    fn numeric_references_in_the_windows_1252_range() {
        assert_eq!(
            repair_text("l&#146;OCS &#150; 5 &#128; l&#x92;a&#133;"),
            "l’OCS – 5 € l’a…"
        );
        // Its undefined bytes and the C1 controls stay as written.
        for s in ["&#129;", "&#x8D;", "&#157;", "&#1;"] {
            assert_eq!(repair_text(s), s);
        }
        let text = "a&#146;b";
        let r = repair(text);
        let b = r.text().find('b').unwrap_or(0);
        assert_eq!(r.original_span(Span::new(1, b)).text(text), "&#146;");
        assert_eq!(r.original_span(Span::new(b, b + 1)).text(text), "b");
    }

    #[test]
    fn french_letters_before_punctuation_are_kept() {
        for s in [
            "né\u{a0}»",
            "ÉTÉ\u{a0}»",
            "créé…»",
            "Sergueï\u{a0}»",
            "L’ÉTÉ’",
        ] {
            assert_eq!(repair_text(s), s);
        }
    }

    #[test]
    fn a_sequence_that_could_be_clean_is_mojibake_among_mojibake() {
        // `λ` (CE BB) read as Latin-1 is `Î»`, a capital before a closing
        // quote; inside a damaged word, or before damage, it is damage.
        for s in ["Τελαμών", "λόγος", "Ωλ"] {
            assert_eq!(repair_text(&as_latin1(s)), s);
            assert_eq!(repair_text(&as_cp1252(s)), s);
        }
        assert_eq!(repair_text("ÎLE-DE-FRANCE»"), "ÎLE-DE-FRANCE»");
    }

    #[test]
    fn spans_map_back_to_the_damaged_text() {
        let damaged = "La coopÃ©ration lâ€™OCS";
        let r = repair(damaged);
        assert_eq!(r.text(), "La coopération l’OCS");
        let word = r.text().find("coopération").unwrap_or(0);
        let span = Span::new(word, word + "coopération".len());
        assert_eq!(r.original_span(span).text(damaged), "coopÃ©ration");
        let ocs = r.text().find("OCS").unwrap_or(0);
        let back = r.original_span(Span::new(ocs, ocs + 3));
        assert_eq!(back.text(damaged), "OCS");
        // Boundaries inside `é` map to the edges of the whole `Ã©`.
        let e = r.text().find('é').unwrap_or(0);
        let inside = r.original_span(Span::new(e + 1, e + 1));
        assert_eq!(inside.text(damaged), "Ã©");
    }

    #[test]
    fn lost_characters_are_reported() {
        let text = "Sergue? Lavrov va mettre en ?uvre. Quoi ? Rien\u{FFFD}. Cr??e ??";
        let spans: Vec<_> = repair(text)
            .warnings()
            .iter()
            .map(|w| w.span.text(text))
            .collect();
        assert_eq!(spans, ["?", "?", "\u{FFFD}", "??"]);
    }

    fn seed_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(SEED_LIKE), 1..6)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn repair_is_identity_on_clean_text(s in seed_like()) {
            let r = repair(&s);
            prop_assert_eq!(r.text(), s.as_str());
        }

        #[test]
        fn repair_undoes_latin1(s in seed_like()) {
            let damaged = as_latin1(&s);
            let r = repair(&damaged);
            prop_assert_eq!(r.text(), s.as_str());
            let all = r.original_span(Span::new(0, s.len()));
            prop_assert_eq!(all, Span::new(0, damaged.len()));
        }

        #[test]
        fn repair_undoes_cp1252(s in seed_like()) {
            let damaged = as_cp1252(&s);
            let r = repair(&damaged);
            prop_assert_eq!(r.text(), s.as_str());
        }

        #[test]
        fn mapped_spans_cover_the_damage_of_each_character(s in seed_like()) {
            let damaged = as_cp1252(&s);
            let r = repair(&damaged);
            for (i, c) in s.char_indices() {
                let back = r.original_span(Span::new(i, i + c.len_utf8()));
                prop_assert_eq!(back.text(&damaged), as_cp1252(&c.to_string()));
            }
        }
    }
}
