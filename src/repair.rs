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

/// One left-to-right pass; `None` when nothing was decoded.
fn decode_pass(text: &str) -> Option<(String, Vec<Edit>)> {
    if text.is_ascii() && !text.contains('&') {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    let mut k = 0;
    while let Some(&(at, _)) = chars.get(k) {
        let fix = decode_at(&chars, k)
            .map(|(c, len)| (Some(c), len))
            .or_else(|| entity_at(&chars, k).map(|(c, len)| (Some(c), len)))
            .or_else(|| space_damage_at(&chars, k));
        if let Some((decoded, len)) = fix {
            let end = chars.get(k + len).map_or(text.len(), |&(i, _)| i);
            out.push_str(text.get(copied..at).unwrap_or(""));
            let new_start = out.len();
            out.extend(decoded);
            edits.push(Edit {
                orig: Span::new(at, end),
                new: Span::new(new_start, out.len()),
            });
            copied = end;
            k += len;
        } else {
            k += 1;
        }
    }
    if edits.is_empty() {
        return None;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Some((out, edits))
}

/// The character encoded by the mojibake run starting at `chars[k]`, and the
/// run's length in characters.
fn decode_at(chars: &[(usize, char)], k: usize) -> Option<(char, usize)> {
    let lead = byte_of(chars.get(k)?.1)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut shown = ['\0'; 4];
    for (j, (byte, shown_char)) in bytes
        .iter_mut()
        .zip(&mut shown)
        .enumerate()
        .take(len)
        .skip(1)
    {
        let c = chars.get(k + j)?.1;
        *byte = byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        *shown_char = c;
    }
    let decoded = std::str::from_utf8(bytes.get(..len)?)
        .ok()?
        .chars()
        .next()?;
    plausible(lead, shown.get(1..len)?).then_some((decoded, len))
}

/// The character of the HTML reference (`&eacute;`, `&#233;`, `&#xE9;`)
/// starting at `chars[k]`, and the reference's length in characters.
fn entity_at(chars: &[(usize, char)], k: usize) -> Option<(char, usize)> {
    if chars.get(k)?.1 != '&' {
        return None;
    }
    let name: String = chars
        .get(k + 1..)?
        .iter()
        .take(MAX_ENTITY_CHARS)
        .map(|&(_, c)| c)
        .take_while(|&c| c != ';')
        .collect();
    if chars.get(k + 1 + name.chars().count())?.1 != ';' {
        return None;
    }
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
    } else {
        *ENTITIES.get(name.as_str())?
    };
    Some((c, name.chars().count() + 2))
}

/// `Ã` or `Â` followed by a plain space: the two bytes of `à` (C3 A0) or of a
/// no-break space (C2 A0) read as Latin-1, then U+00A0 turned into a space.
/// French has no word ending in `Ã` or `Â`; after a capital letter they may
/// end a foreign word in capitals (`IRMÃ`), so they are left there. `Ã`
/// becomes `à`; `Â` is dropped, the space standing for the no-break space.
fn space_damage_at(chars: &[(usize, char)], k: usize) -> Option<(Option<char>, usize)> {
    let c = chars.get(k)?.1;
    if chars.get(k + 1)?.1 != ' ' {
        return None;
    }
    let after_capital = k
        .checked_sub(1)
        .and_then(|j| chars.get(j))
        .is_some_and(|&(_, p)| p.is_uppercase());
    match c {
        'Ã' if !after_capital => Some((Some('à'), 1)),
        'Â' if !after_capital => Some((None, 1)),
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
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
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
/// only reported, one warning a run.
fn lost_characters(text: &str) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ch = |j: Option<usize>| j.and_then(|j| chars.get(j)).map(|&(_, c)| c);
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        let run = chars
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(_, x)| x == c)
            .count()
            .max(1);
        let lost = match c {
            '\u{FFFD}' => true,
            '?' => {
                let prev = ch(k.checked_sub(1));
                let next = ch(Some(k + run));
                let inside =
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
                let word_start = !prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_lowercase);
                let name_end = prev.is_some_and(char::is_alphabetic)
                    && next == Some(' ')
                    && ch(Some(k + run + 1)).is_some_and(char::is_uppercase)
                    && capitalised_word_before(&chars, k);
                inside || word_start || name_end
            }
            _ => false,
        };
        if lost {
            let end = chars.get(k + run).map_or(text.len(), |&(j, _)| j);
            warnings.push(Warning {
                span: Span::new(i, end),
                message: "character lost in a bad conversion".to_string(),
            });
        }
        k += run;
    }
    warnings
}

/// Whether the letters right before index `k` form a capitalised word.
fn capitalised_word_before(chars: &[(usize, char)], k: usize) -> bool {
    let word: Vec<char> = chars
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.len() >= 2 && word.last().is_some_and(|c| c.is_uppercase())
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
