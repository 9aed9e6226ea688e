//! French tokenizer following the surface conventions of Universal Dependencies
//! French-GSD: elisions split after the apostrophe, clitic pronouns split from
//! their verb, hyphenated words whole, numbers with inner spaces whole,
//! abbreviations keep their full stop.
//!
//! It scans the text once: whitespace-separated chunks are peeled from both ends
//! (punctuation, quote marks), and the core left is split at elisions and clitics.

use crate::lexicon::{self, fold_key, is_apostrophe, WordSet};
use crate::model::{Token, TokenKind};

/// The tokenizer's word lists (`data/tokenizer/`).
#[derive(Debug, Clone)]
pub struct Lexicons {
    abbreviations: WordSet<&'static str>,
    elisions: Vec<String>,
    apostrophe_words: WordSet,
    clitics: Vec<String>,
    hyphen_words: WordSet,
}

impl Default for Lexicons {
    /// The built-in lists.
    fn default() -> Self {
        let mut elisions: Vec<String> =
            lexicon::entries(include_str!("../data/tokenizer/elisions.txt"))
                .map(fold_key)
                .collect();
        // Longest first, so that `jusqu'` wins over a shorter prefix.
        elisions.sort_by_key(|e| std::cmp::Reverse(e.len()));
        let mut clitics: Vec<String> =
            lexicon::entries(include_str!("../data/tokenizer/clitics.txt"))
                .map(fold_key)
                .collect();
        clitics.sort_by_key(|c| std::cmp::Reverse(c.len()));
        Lexicons {
            abbreviations: lexicon::entries(include_str!("../data/tokenizer/abbreviations.txt"))
                .collect(),
            elisions,
            apostrophe_words: lexicon::folded_set(include_str!(
                "../data/tokenizer/apostrophe_words.txt"
            )),
            clitics,
            hyphen_words: lexicon::folded_set(include_str!("../data/tokenizer/hyphen_words.txt")),
        }
    }
}

/// Splits `text` into tokens (byte offsets, in order, disjoint).
pub fn tokenize(lex: &Lexicons, text: &str) -> Vec<Token> {
    // Token offsets are 32-bit: read no further than they reach.
    let text = within_token_reach(text);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii() {
            if ascii_separator(b) {
                pos += 1;
                continue;
            }
        } else {
            let Some(c) = text.get(pos..).and_then(|s| s.chars().next()) else {
                break;
            };
            if separator(c) {
                pos += c.len_utf8();
                continue;
            }
        }
        let (end, plain_head) = chunk_end(text, pos);
        if !(plain_head && split_plain_chunk(lex, text, pos, end, &mut tokens)) {
            split_chunk(lex, text, pos, end, &mut tokens);
        }
        pos = end;
    }
    merge_spaced_numbers(text, &mut tokens);
    tokens
}

/// Format characters that separate nothing and print nothing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// What separates chunks: white space, controls and invisible characters.
fn separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible(c)
}

/// [`separator`] for an ASCII byte: the ASCII white space and controls are
/// the bytes up to the space, and DEL.
fn ascii_separator(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

/// The end of the chunk starting at `start`, and whether all its characters
/// but the last are [plain](is_plain): what [`split_plain_chunk`] needs.
fn chunk_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut plain_head = true;
    let mut last_plain = true;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if ascii_separator(b) {
                return (at, plain_head);
            }
            plain_head &= last_plain;
            last_plain = b.is_ascii_alphanumeric();
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|s| s.chars().next()) else {
            break;
        };
        if separator(c) {
            return (at, plain_head);
        }
        plain_head &= last_plain;
        last_plain = is_plain(c);
        at += c.len_utf8();
    }
    (text.len(), plain_head)
}

/// A letter or digit that no rule of the tokenizer looks at: ASCII letters
/// and digits, and the Latin letters of U+00C0 to U+024F (all alphabetic,
/// none a mark, quote, dash or apostrophe) but for `×` and `÷`.
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || (('\u{C0}'..='\u{24F}').contains(&c) && !matches!(c, '×' | '÷'))
}

/// Tokenizes the chunk `text[start..end]` whose characters are all
/// [plain](is_plain) but maybe the last, when that last one is plain too
/// or a common mark after a word (`,` `;` `:` `!` `?` `)` or a full stop
/// no abbreviation keeps): the bulk of a text, taken without the rules
/// [`split_chunk`] tries, which leave such chunks as this does. Returns
/// false, having pushed nothing, for any other chunk.
fn split_plain_chunk(
    lex: &Lexicons,
    text: &str,
    start: usize,
    end: usize,
    tokens: &mut Vec<Token>,
) -> bool {
    let bytes = text.as_bytes();
    let Some(&last) = end.checked_sub(1).and_then(|i| bytes.get(i)) else {
        return false;
    };
    // A plain last character: ASCII alphanumeric, or a Latin letter whose
    // last byte is a continuation byte (any other non-ASCII character is
    // checked by decoding it).
    let core_end = if last.is_ascii_alphanumeric() {
        end
    } else if last.is_ascii() {
        let mark = matches!(last, b',' | b';' | b':' | b'!' | b'?' | b')')
            || (last == b'.' && !keeps_full_stop(lex, text.get(start..end).unwrap_or("")));
        if !mark || end - start < 2 {
            return false;
        }
        end - 1
    } else if text
        .get(start..end)
        .and_then(|s| s.chars().next_back())
        .is_some_and(is_plain)
    {
        end
    } else {
        return false;
    };
    let word = bytes.get(start..core_end).unwrap_or(&[]);
    tokens.push(Token::new(start, core_end, plain_kind(word)));
    if core_end < end {
        tokens.push(Token::new(core_end, end, TokenKind::Punct));
    }
    true
}

/// [`classify`] for a word of [plain](is_plain) characters: a number when
/// it starts with a digit and has at most three letters.
fn plain_kind(word: &[u8]) -> TokenKind {
    if !word.first().is_some_and(u8::is_ascii_digit) {
        return TokenKind::Word;
    }
    // Each letter is an ASCII letter or a two-byte Latin letter, whose
    // first byte is the only one at or above 0xC0.
    let letters = word
        .iter()
        .filter(|&&b| b.is_ascii_alphabetic() || b >= 0xC0)
        .count();
    if letters <= 3 {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// Opening punctuation peeled from the start of a chunk.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '«'
            | '"'
            | '“'
            | '„'
            | '‹'
            | '‘'
            | '\''
            | '’'
            | '¿'
            | '¡'
            | '*'
            | '<'
    )
}

/// Punctuation peeled from the end of a chunk (the full stop is handled apart).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '»'
            | '"'
            | '”'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '%'
            | '‰'
            | '*'
            | '>'
            | '’'
            | '\''
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−')
}

fn push(tokens: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    if start < end {
        let kind = classify(text.get(start..end).unwrap_or(""));
        tokens.push(Token::new(start, end, kind));
    }
}

/// Splits one whitespace-free chunk `text[start..end]`.
fn split_chunk(lex: &Lexicons, text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let lo = peel_leading(text, start, end, tokens);
    let mut hi = end;
    let trailing = peel_trailing(lex, text, lo, &mut hi);
    split_core(lex, text, lo, hi, tokens);
    for &(s, e) in trailing.iter().rev() {
        push(tokens, text, s, e);
    }
}

/// Emits leading punctuation, one mark a token (runs of dashes and `(...)`
/// whole); returns where the rest starts.
fn peel_leading(text: &str, mut lo: usize, hi: usize, tokens: &mut Vec<Token>) -> usize {
    while lo < hi {
        let s = text.get(lo..hi).unwrap_or("");
        if let Some(n) = special_prefix(s) {
            push(tokens, text, lo, lo + n);
            lo += n;
            continue;
        }
        let Some(c) = s.chars().next() else { break };
        let elided_alone = is_apostrophe(c) && s.len() == c.len_utf8();
        // `:«`, `,"`: a colon or comma typed without its space before an
        // opening quote mark is a token of its own.
        let glued_colon = matches!(c, ':' | ';' | ',')
            && s.get(c.len_utf8()..)
                .and_then(|r| r.chars().next())
                .is_some_and(|n| matches!(n, '«' | '“' | '„' | '"'));
        if glued_colon {
            push(tokens, text, lo, lo + c.len_utf8());
            lo += c.len_utf8();
            continue;
        }
        // A dash before a digit is a sign and stays with the number; any
        // other leading dash (dialogue, list) is a token of its own.
        if is_opener(c) || elided_alone || (is_dash(c) && !starts_signed_number(s)) {
            push(tokens, text, lo, lo + c.len_utf8());
            lo += c.len_utf8();
            continue;
        }
        break;
    }
    lo
}

/// Peels trailing punctuation off `[lo, hi)`, moving `hi`; the marks are
/// returned right to left.
fn peel_trailing(lex: &Lexicons, text: &str, lo: usize, hi: &mut usize) -> Vec<(usize, usize)> {
    let mut trailing = Vec::new();
    while lo < *hi {
        let s = text.get(lo..*hi).unwrap_or("");
        if let Some(n) = special_suffix(s) {
            if n < s.len() {
                trailing.push((*hi - n, *hi));
                *hi -= n;
                continue;
            }
            break;
        }
        let Some(c) = s.chars().next_back() else {
            break;
        };
        if c == '.' {
            if keeps_full_stop(lex, s) {
                break;
            }
            trailing.push((*hi - 1, *hi));
            *hi -= 1;
            continue;
        }
        if is_closer(c) && s.len() > c.len_utf8() {
            if is_apostrophe(c) && is_elision(lex, s) {
                break;
            }
            trailing.push((*hi - c.len_utf8(), *hi));
            *hi -= c.len_utf8();
            continue;
        }
        break;
    }
    trailing
}

/// `--`, `---`, `...`, `(...)`, `[...]` at the start of `s`: their byte length.
fn special_prefix(s: &str) -> Option<usize> {
    for special in ["(...)", "[...]", "(…)", "[…]", "...", "--"] {
        if s.starts_with(special) {
            if special == "--" {
                return Some(s.bytes().take_while(|&b| b == b'-').count());
            }
            if special == "..." {
                return Some(s.bytes().take_while(|&b| b == b'.').count());
            }
            return Some(special.len());
        }
    }
    None
}

fn special_suffix(s: &str) -> Option<usize> {
    for special in ["(...)", "[...]", "(…)", "[…]"] {
        if s.ends_with(special) {
            return Some(special.len());
        }
    }
    if s.ends_with("...") {
        return Some(s.bytes().rev().take_while(|&b| b == b'.').count());
    }
    if s.ends_with("--") {
        return Some(s.bytes().rev().take_while(|&b| b == b'-').count());
    }
    None
}

fn starts_signed_number(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if is_dash(c) || c == '+')
        && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether a word ending in `.` keeps it: abbreviations and initials.
fn keeps_full_stop(lex: &Lexicons, s: &str) -> bool {
    if s.len() <= MAX_LEXICON_WORD && lex.abbreviations.contains(s) {
        return true;
    }
    is_initials(s)
}

/// `J.`, `J.-P.`, `U.S.`: single capital letters each followed by a full stop.
fn is_initials(s: &str) -> bool {
    let mut chars = s.chars().peekable();
    let mut letters = 0;
    loop {
        match chars.next() {
            Some(c) if c.is_uppercase() => {}
            _ => return false,
        }
        if chars.next() != Some('.') {
            return false;
        }
        letters += 1;
        match chars.peek() {
            None => return letters > 0,
            Some(&c) if is_dash(c) => {
                chars.next();
            }
            Some(_) => {}
        }
    }
}

fn is_elision(lex: &Lexicons, s: &str) -> bool {
    if s.len() > MAX_LEXICON_WORD {
        return false;
    }
    let key = fold_key(s);
    lex.elisions.contains(&key)
}

/// Words longer than this (in bytes) are in no lexicon: looking them up
/// would only cost time on pathological input.
const MAX_LEXICON_WORD: usize = 64;

/// Addresses longer than this are not read as URLs or e-mails.
const MAX_ADDRESS: usize = 2048;

/// Splits the core of a chunk (no leading or trailing punctuation left):
/// addresses whole, then word by word at inner punctuation (`Xinhua/Javed`,
/// `commun.Le`), each word split at elisions and clitics. One left-to-right
/// pass: every character is looked at a bounded number of times.
fn split_core(lex: &Lexicons, text: &str, mut lo: usize, hi: usize, tokens: &mut Vec<Token>) {
    while lo < hi {
        let s = text.get(lo..hi).unwrap_or("");
        if s.len() <= MAX_ADDRESS && address_chars_only(s) && (is_email(s) || is_url(s)) {
            let kind = if is_email(s) {
                TokenKind::Email
            } else {
                TokenKind::Url
            };
            tokens.push(Token::new(lo, hi, kind));
            return;
        }
        match inner_break(s) {
            Some((a, b)) => {
                split_word(lex, text, lo, lo + a, tokens);
                push(tokens, text, lo + a, lo + b);
                lo = peel_leading(text, lo + b, hi, tokens);
            }
            None => {
                split_word(lex, text, lo, hi, tokens);
                return;
            }
        }
    }
}

/// Splits one word: elisions off its start (`l'`, `qu'`), clitic pronouns
/// off its end (`-t-il`), unless the whole is a word of its own.
fn split_word(lex: &Lexicons, text: &str, mut lo: usize, hi: usize, tokens: &mut Vec<Token>) {
    // Elisions end in an apostrophe and clitics start with a hyphen: a word
    // without either (no `-`, `'`, nor a byte that starts `’`, `‘` or `ʼ`)
    // is one token, told in one scan of its bytes.
    let plain = text
        .as_bytes()
        .get(lo..hi)
        .is_some_and(|w| !w.iter().any(|&b| matches!(b, b'-' | b'\'' | 0xE2 | 0xCA)));
    if plain {
        push(tokens, text, lo, hi);
        return;
    }
    while lo < hi {
        let s = text.get(lo..hi).unwrap_or("");
        if s.len() <= MAX_LEXICON_WORD && has_joiner(s) {
            let key = fold_key(s);
            if lex.apostrophe_words.contains(&key) || lex.hyphen_words.contains(&key) {
                push(tokens, text, lo, hi);
                return;
            }
        }
        let Some(n) = elision_prefix(lex, s) else {
            break;
        };
        push(tokens, text, lo, lo + n);
        lo = peel_leading(text, lo + n, hi, tokens);
    }
    if lo >= hi {
        return;
    }
    // Clitic pronouns after a verb: `dit-il`, `a-t-il`, `donne-le-moi`.
    let mut cut = hi;
    let mut clitic_cuts = Vec::new();
    while let Some(n) = clitic_suffix(lex, text.get(lo..cut).unwrap_or("")) {
        clitic_cuts.push(cut - n);
        cut -= n;
    }
    push(tokens, text, lo, cut);
    for &at in clitic_cuts.iter().rev() {
        let end = tokens_end_after(at, &clitic_cuts, hi);
        push(tokens, text, at, end);
    }
}

/// Whether `s` has a hyphen or an apostrophe: every entry of the lists of
/// words kept whole has one, so a word without is looked up in none of them.
fn has_joiner(s: &str) -> bool {
    s.chars().any(|c| c == '-' || is_apostrophe(c))
}

/// End of the clitic starting at `at`: the next cut after it, or the word end.
fn tokens_end_after(at: usize, cuts: &[usize], hi: usize) -> usize {
    cuts.iter().copied().filter(|&c| c > at).min().unwrap_or(hi)
}

/// Byte length of an elided word at the start of `s` (apostrophe included),
/// when more of a word follows it.
fn elision_prefix(lex: &Lexicons, s: &str) -> Option<usize> {
    // The longest elision (`quoiqu’`) is 9 bytes: look no further.
    let apostrophe = s
        .char_indices()
        .take_while(|&(i, _)| i < 12)
        .find(|&(_, c)| is_apostrophe(c))?;
    let (i, c) = apostrophe;
    let n = i + c.len_utf8();
    if n >= s.len() {
        return None;
    }
    let head = s.get(..n)?;
    if !is_elision(lex, head) {
        return None;
    }
    let next = s.get(n..)?.chars().next()?;
    (next.is_alphanumeric() || is_opener(next) || next == '.').then_some(n)
}

/// A punctuation mark that splits a core in two: its byte range in `s`.
fn inner_break(s: &str) -> Option<(usize, usize)> {
    // Scans lazily and stops at the first break, so that splitting a long
    // chunk break after break stays linear.
    let mut chars = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let p_opt = prev.replace(c);
        let (Some(p), Some(n)) = (p_opt, next) else {
            continue;
        };
        let splits = match c {
            // `09/06` and `1/2` stay whole; `Xinhua/Javed` does not.
            '/' => !(p.is_ascii_digit() && n.is_ascii_digit()),
            // A missing space after a full stop: `commun.Le` (not `Ph.D`).
            '.' => p.is_lowercase() && n.is_uppercase(),
            // `mot,mot` but not `5,2`.
            ',' | ';' => !(p.is_ascii_digit() && n.is_ascii_digit()),
            ':' => !(p.is_ascii_digit() && n.is_ascii_digit()),
            '«' | '»' | '"' | '“' | '”' | '(' | ')' | '[' | ']' | '!' | '?' | '…' => true,
            // `40°C`: the degree sign is a symbol of its own.
            '°' => p.is_ascii_digit(),
            // `discours--maintenant`: a double dash used as a parenthesis.
            '-' => n == '-',
            _ => false,
        };
        if splits && c == '-' {
            let run = s
                .get(i..)
                .map_or(0, |r| r.bytes().take_while(|&b| b == b'-').count());
            return Some((i, i + run));
        }
        if splits {
            return Some((i, i + c.len_utf8()));
        }
    }
    None
}

/// Byte length of a clitic pronoun ending `s` (`-il`, `-t-il`), when the
/// rest is a word and the whole is not a hyphenated word of its own.
fn clitic_suffix(lex: &Lexicons, s: &str) -> Option<usize> {
    // Every clitic starts with a hyphen.
    if s.len() > MAX_LEXICON_WORD || !s.contains('-') {
        return None;
    }
    let key = fold_key(s);
    if lex.hyphen_words.contains(&key) {
        return None;
    }
    let all_caps = s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    for clitic in &lex.clitics {
        if key.len() > clitic.len() && key.ends_with(clitic.as_str()) {
            // fold_key keeps byte lengths for ASCII hyphenated clitics, but
            // the original may differ in case only, so measure on `s`.
            let n = s
                .char_indices()
                .rev()
                .nth(clitic.chars().count() - 1)
                .map(|(i, _)| s.len() - i)?;
            let (verb, pronoun) = s.split_at(s.len() - n);
            let verb_ok = !verb.is_empty()
                && verb.chars().all(|c| c.is_alphabetic() || is_dash(c))
                && !verb.ends_with(is_dash);
            let pronoun_ok = all_caps || pronoun.chars().skip(1).all(|c| !c.is_uppercase());
            if verb_ok && pronoun_ok {
                return Some(n);
            }
        }
    }
    None
}

/// Whether `s` holds only characters that web and e-mail addresses use, and
/// one of the `.`, `@` or `:` every address has: a cheap test that fails
/// early on ordinary words and punctuation.
fn address_chars_only(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'.' | b'@' | b':'))
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'.'
                        | b'_'
                        | b'~'
                        | b':'
                        | b'/'
                        | b'?'
                        | b'#'
                        | b'@'
                        | b'%'
                        | b'&'
                        | b'='
                        | b'+'
                )
        })
}

fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
        && is_domain(domain)
}

fn is_url(s: &str) -> bool {
    let starts = |prefix: &str| {
        s.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if starts("http://") || starts("https://") || starts("www.") {
        return s.len() > 7;
    }
    let host = s.split('/').next().unwrap_or("");
    is_domain(host) && has_web_tld(host)
}

fn is_domain(s: &str) -> bool {
    let Some((_, tld)) = s.rsplit_once('.') else {
        return false;
    };
    tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && s.split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// Top-level domains common enough that `name.tld` is read as an address
/// rather than two words run together.
fn has_web_tld(host: &str) -> bool {
    const TLDS: &[&str] = &[
        "com", "net", "org", "fr", "cn", "info", "io", "gov", "edu", "int", "eu", "be", "ch", "ca",
        "ru", "uk", "de", "ma", "dz", "tn", "sn", "ci", "cm", "news", "tv",
    ];
    host.rsplit('.')
        .next()
        .is_some_and(|tld| TLDS.contains(&tld.to_ascii_lowercase().as_str()))
}

/// The kind of a token from its text.
pub fn classify(s: &str) -> TokenKind {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return TokenKind::Punct;
    };
    if s.chars().all(|c| !c.is_alphanumeric()) {
        let symbol = s.chars().count() == 1
            && !matches!(first, '%' | '‰')
            && matches!(
                first,
                '€' | '$'
                    | '£'
                    | '¥'
                    | '+'
                    | '='
                    | '&'
                    | '§'
                    | '°'
                    | '#'
                    | '@'
                    | '<'
                    | '>'
                    | '|'
                    | '~'
                    | '^'
                    | '©'
                    | '®'
                    | '™'
                    | '×'
                    | '÷'
                    | '±'
            );
        return if symbol || first == '%' || first == '‰' {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
    }
    let numeric_start = first.is_ascii_digit()
        || ((is_dash(first) || first == '+') && chars.next().is_some_and(|c| c.is_ascii_digit()));
    if numeric_start && s.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        return TokenKind::Number;
    }
    TokenKind::Word
}

/// The longest prefix of `text` that token offsets can reach
/// ([`crate::model::MAX_TEXT_BYTES`]), cut between characters.
fn within_token_reach(text: &str) -> &str {
    let mut end = text.len().min(crate::model::MAX_TEXT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

/// Joins numbers written with a space between groups of three digits:
/// `2 001`, `1 000 000`, `1 000,5` (space, no-break space or narrow no-break space).
/// In place: a second array of tokens would double the tokenizer's peak.
fn merge_spaced_numbers(text: &str, tokens: &mut Vec<Token>) {
    let mut kept: usize = 0;
    for i in 0..tokens.len() {
        let Some(&token) = tokens.get(i) else { break };
        if let Some(last) = kept.checked_sub(1).and_then(|k| tokens.get_mut(k)) {
            if can_extend_number(text, last, &token) {
                *last = Token::new(last.start(), token.end(), last.kind());
                continue;
            }
        }
        if let Some(slot) = tokens.get_mut(kept) {
            *slot = token;
        }
        kept += 1;
    }
    tokens.truncate(kept);
    tokens.shrink_to_fit();
}

fn can_extend_number(text: &str, left: &Token, right: &Token) -> bool {
    if left.kind() != TokenKind::Number || right.kind() != TokenKind::Number {
        return false;
    }
    let gap = text.get(left.end()..right.start()).unwrap_or("");
    let mut gap_chars = gap.chars();
    let one_space = matches!(
        gap_chars.next(),
        Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
    ) && gap_chars.next().is_none();
    if !one_space {
        return false;
    }
    let l = left.text(text);
    // The left side is a group of 1 to 3 digits, or a number already joined
    // whose last group has 3 digits.
    let last_group = l
        .rsplit([' ', '\u{a0}', '\u{202f}', '\u{2009}'])
        .next()
        .unwrap_or("");
    let first_group = l
        .split([' ', '\u{a0}', '\u{202f}', '\u{2009}'])
        .next()
        .unwrap_or("");
    let left_ok = last_group.bytes().all(|b| b.is_ascii_digit())
        && (1..=3).contains(&first_group.len())
        && first_group.bytes().all(|b| b.is_ascii_digit())
        && (last_group.len() == 3 || last_group == first_group);
    let r = right.text(text);
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    let rest = r.get(digits..).unwrap_or("");
    let right_ok = digits == 3
        && (rest.is_empty()
            || (rest.len() > 1
                && rest.starts_with([',', '.'])
                && rest.bytes().skip(1).all(|b| b.is_ascii_digit())));
    left_ok && right_ok
}

/// The typographic normal form of a token: curly apostrophes to `'`,
/// no-break and thin spaces to a plain space.
pub fn norm(s: &str) -> String {
    s.chars().map(norm_char).collect()
}

/// [`norm`] without a copy when the token is already in normal form.
pub fn norm_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| norm_char(c) == c) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(norm(s))
    }
}

fn norm_char(c: char) -> char {
    match c {
        '’' | 'ʼ' | '‘' => '\'',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' => ' ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        crate::tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn elisions_split_after_the_apostrophe() {
        assert_eq!(toks("l'OCS"), ["l'", "OCS"]);
        assert_eq!(toks("L’Organisation"), ["L’", "Organisation"]);
        assert_eq!(
            toks("jusqu'à lorsqu'il qu'elle"),
            ["jusqu'", "à", "lorsqu'", "il", "qu'", "elle"]
        );
        assert_eq!(toks("d'\"Esprit"), ["d'", "\"", "Esprit"]);
    }

    #[test]
    fn lexicon_entries_have_the_joiners_lookups_rely_on() {
        let lexicons = Lexicons::default();
        for word in lexicons
            .apostrophe_words
            .iter()
            .chain(&lexicons.hyphen_words)
        {
            assert!(has_joiner(word), "{word:?} has no hyphen or apostrophe");
        }
        for clitic in &lexicons.clitics {
            assert!(clitic.starts_with('-'), "clitic {clitic:?}");
        }
    }

    #[test]
    fn apostrophe_words_stay_whole() {
        assert_eq!(
            toks("aujourd'hui aujourd’hui"),
            ["aujourd'hui", "aujourd’hui"]
        );
        assert_eq!(toks("c'est-à-dire"), ["c'est-à-dire"]);
    }

    #[test]
    fn clitics_split_from_the_verb() {
        assert_eq!(toks("a-t-il dit-il"), ["a", "-t-il", "dit", "-il"]);
        assert_eq!(toks("Peut-on"), ["Peut", "-on"]);
        assert_eq!(toks("donne-le-moi"), ["donne", "-le", "-moi"]);
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        assert_eq!(
            toks("Kassym-Jomart Asie-Pacifique e-commerce peut-être rendez-vous"),
            [
                "Kassym-Jomart",
                "Asie-Pacifique",
                "e-commerce",
                "peut-être",
                "rendez-vous"
            ]
        );
    }

    #[test]
    fn numbers_dates_times() {
        assert_eq!(toks("2 001 personnes"), ["2 001", "personnes"]);
        assert_eq!(
            toks("1\u{a0}000,5 et 1\u{202f}000\u{202f}000"),
            ["1\u{a0}000,5", "et", "1\u{202f}000\u{202f}000"]
        );
        assert_eq!(
            toks("en 2018 200 personnes"),
            ["en", "2018", "200", "personnes"]
        );
        assert_eq!(
            toks("2018-06-07 09/06 13:25 10h08"),
            ["2018-06-07", "09/06", "13:25", "10h08"]
        );
        assert_eq!(
            toks("le 18e, le 1er G20"),
            ["le", "18e", ",", "le", "1er", "G20"]
        );
        assert_eq!(toks("5,2 % 5,2%"), ["5,2", "%", "5,2", "%"]);
        assert_eq!(crate::tokenize("10h08")[0].kind(), TokenKind::Number);
    }

    #[test]
    fn a_colon_glued_to_a_quote_mark_is_its_own_token() {
        assert_eq!(toks("a dit :« Oui »"), ["a", "dit", ":", "«", "Oui", "»"]);
        assert_eq!(toks("ici,\"non\""), ["ici", ",", "\"", "non", "\""]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(toks("M. Lebedev, etc."), ["M.", "Lebedev", ",", "etc."]);
        assert_eq!(
            toks("av. J.-C. et J.-P. Sartre."),
            ["av.", "J.-C.", "et", "J.-P.", "Sartre", "."]
        );
        assert_eq!(toks("Mme Dupont"), ["Mme", "Dupont"]);
    }

    #[test]
    fn urls_and_emails() {
        let t = crate::tokenize("à xinhuanet_french@news.cn et french.xinhuanet.com.");
        let kinds: Vec<_> = t.iter().map(|t| t.kind()).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Word,
                TokenKind::Email,
                TokenKind::Word,
                TokenKind::Url,
                TokenKind::Punct
            ]
        );
        assert_eq!(
            toks("https://www.lemonde.fr/a/b.html)"),
            ["https://www.lemonde.fr/a/b.html", ")"]
        );
    }

    #[test]
    fn punctuation_and_quotes() {
        assert_eq!(toks("(Xinhua) -- La"), ["(", "Xinhua", ")", "--", "La"]);
        assert_eq!(
            toks("civilisations (...) Sur"),
            ["civilisations", "(...)", "Sur"]
        );
        assert_eq!(toks("«\u{a0}Bonjour\u{a0}»"), ["«", "Bonjour", "»"]);
        assert_eq!(
            toks("\"sans aucun doute\" l'un"),
            ["\"", "sans", "aucun", "doute", "\"", "l'", "un"]
        );
        assert_eq!(
            toks("(Xinhua/Javed Dar)"),
            ["(", "Xinhua", "/", "Javed", "Dar", ")"]
        );
        assert_eq!(toks("fin... Puis…"), ["fin", "...", "Puis", "…"]);
        assert_eq!(toks("commun.Le"), ["commun", ".", "Le"]);
        assert_eq!(
            toks("discours--maintenant"),
            ["discours", "--", "maintenant"]
        );
        assert_eq!(toks("à 40°C"), ["à", "40", "°", "C"]);
        assert_eq!(toks("où l'on peut"), ["où", "l'on", "peut"]);
    }

    #[test]
    fn covers_every_non_space_character() {
        let text = "«\u{a0}Il a dit : \"l'OCS\" -- 😀 ok ! »\r\n\tfin";
        let tokens = crate::tokenize(text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for t in &tokens {
            assert!(t.start() >= last_end && t.start() < t.end());
            last_end = t.end();
            for c in covered.iter_mut().take(t.end()).skip(t.start()) {
                *c = true;
            }
        }
        for (i, c) in text.char_indices() {
            assert_eq!(covered[i], !c.is_whitespace(), "{c:?} at {i}");
        }
    }

    #[test]
    fn long_chunks_without_spaces_are_linear_and_do_not_overflow() {
        let text = "mot,mot/Mot\"l'OCS".repeat(100_000);
        let tokens = crate::tokenize(&text);
        assert!(tokens.len() > 500_000);
        assert_eq!(tokens.last().map(|t| t.text(&text)), Some("OCS"));
    }

    #[test]
    fn plain_characters_are_letters_no_rule_looks_at() {
        for c in ('\u{0}'..='\u{24F}').filter(|&c| is_plain(c)) {
            assert!(c.is_alphanumeric(), "{c:?}");
            assert!(c.is_ascii() || c.is_alphabetic(), "{c:?}");
            assert!(!separator(c) && !is_opener(c) && !is_closer(c), "{c:?}");
            assert!(!is_dash(c) && !is_apostrophe(c), "{c:?}");
            // Two bytes at most, no byte that `split_word` takes for a joiner.
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(bytes.len() <= 2, "{c:?}");
            assert!(!bytes
                .iter()
                .any(|b| matches!(b, b'-' | b'\'' | 0xE2 | 0xCA)));
        }
        assert!(!is_plain('×') && !is_plain('÷') && !is_plain('ʼ') && !is_plain('.'));
    }

    #[test]
    fn plain_chunks_split_as_the_general_rules_split_them() {
        let lex = Lexicons::default();
        let chunks = [
            "mot", "Élysée", "œuvre,", "fin.", "M.", "etc.", "J.", "U.S.", "2018", "18e", "1er,",
            "10h08", "G20.", "200km!", "abcd1?", "x)", "é:", "a;", "À", ",", ".", "×2", "mot…",
            "mot»", "l'un", "ÉTAT.", "2ème.", "a.b", "1234abcd",
        ];
        for chunk in chunks {
            let (end, plain_head) = chunk_end(chunk, 0);
            assert_eq!(end, chunk.len());
            let mut fast = Vec::new();
            let taken = plain_head && split_plain_chunk(&lex, chunk, 0, end, &mut fast);
            let mut general = Vec::new();
            split_chunk(&lex, chunk, 0, end, &mut general);
            let expected_plain = ["mot", "Élysée", "œuvre,", "fin.", "2018", "10h08", "x)"];
            assert!(taken || !expected_plain.contains(&chunk), "{chunk:?}");
            if taken {
                assert_eq!(fast, general, "{chunk:?}");
            } else {
                assert!(fast.is_empty(), "{chunk:?}");
            }
        }
    }

    #[test]
    fn norm_folds_typography() {
        assert_eq!(norm("l’OCS\u{a0}x"), "l'OCS x");
    }

    #[test]
    fn norm_cow_copies_only_what_changes() {
        assert!(matches!(
            norm_cow("déjà"),
            std::borrow::Cow::Borrowed("déjà")
        ));
        assert_eq!(norm_cow("aujourd’hui"), "aujourd'hui");
        assert!(matches!(
            norm_cow("12\u{202f}000"),
            std::borrow::Cow::Owned(_)
        ));
    }
}
