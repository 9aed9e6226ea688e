//! Amounts of money and percentages: a number, an optional scale word
//! (`millions`, `milliards`), `de`/`d'`, and a currency (`140 millions de
//! dollars` -> `140000000 USD`); a number and `%` or `pour cent` (`5,2 %` ->
//! `5.2`).

use super::Context;
use super::{Candidate, Tier};
use crate::model::Label;
use crate::model::Span;
use crate::model::TokenKind;

const RANK: u8 = 8;

/// The decimal digits of a French number (`3,5`, `150 000`), scaled by a
/// power of ten, as a plain decimal string (`3500000`).
fn scaled(number: &str, power: u32) -> Option<String> {
    let cleaned: String = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '.')
        .collect();
    let (int, frac) = cleaned.split_once(',').unwrap_or((&cleaned, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let power = power as usize;
    let mut digits = int.to_string();
    let moved = frac.get(..power.min(frac.len())).unwrap_or("");
    digits.push_str(moved);
    digits.extend(std::iter::repeat_n('0', power.saturating_sub(frac.len())));
    let rest = frac
        .get(power.min(frac.len())..)
        .unwrap_or("")
        .trim_end_matches('0');
    let int = digits.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    Some(if rest.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{rest}")
    })
}

/// The currency at token `i` (one or two words): its last token and code.
fn currency(cx: &Context, i: usize) -> Option<(usize, &'static str)> {
    let w = &cx.lex.words;
    if cx.joined(i) {
        let two = format!("{} {}", cx.key(i), cx.key(i + 1));
        if let Some(code) = w.currencies.get(&two) {
            return Some((i + 1, code));
        }
    }
    w.currencies.get(cx.key(i).as_ref()).map(|code| (i, *code))
}

pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let w = &cx.lex.words;
    for i in 0..cx.tokens.len() {
        if cx.kind(i) != Some(TokenKind::Number) || !cx.joined(i) {
            continue;
        }
        let number = cx.word(i);
        let found = if cx.word(i + 1) == "%" {
            scaled(number, 0).map(|v| (i + 1, Label::Percent, v))
        } else if cx.key(i + 1) == "pour" && cx.joined(i + 1) && cx.key(i + 2) == "cent" {
            scaled(number, 0).map(|v| (i + 2, Label::Percent, v))
        } else {
            let mut k = i + 1;
            let mut power = 0;
            if let Some(&p) = w.multipliers.get(cx.key(k).as_ref()) {
                power = p;
                if !cx.joined(k) {
                    continue;
                }
                k += 1;
                if matches!(cx.key(k).as_ref(), "de" | "d'") && cx.joined(k) {
                    k += 1;
                }
            }
            currency(cx, k).and_then(|(last, code)| {
                scaled(number, power).map(|v| (last, Label::Money, format!("{v} {code}")))
            })
        };
        let Some((last, label, value)) = found else {
            continue;
        };
        if let (Some(a), Some(b)) = (cx.tokens.get(i), cx.tokens.get(last)) {
            let mut c = Candidate::new(Span::new(a.start(), b.end()), label, Tier::Strong, RANK);
            c.value = Some(value.into());
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::entity;
    use super::scaled;

    fn value(text: &str, surface: &str) -> Option<(String, String)> {
        entity(text, None, surface).map(|e| {
            (
                e.label.as_str().to_string(),
                e.value.unwrap_or_default().into(),
            )
        })
    }

    #[test]
    fn numbers_scale_exactly() {
        assert_eq!(scaled("3,5", 9).as_deref(), Some("3500000000"));
        assert_eq!(scaled("150 000", 0).as_deref(), Some("150000"));
        assert_eq!(scaled("5,2", 0).as_deref(), Some("5.2"));
        assert_eq!(scaled("204,25", 1).as_deref(), Some("2042.5"));
    }

    #[test]
    fn money_with_scale_and_currency() {
        let text = "un prêt de 140 millions de dollars et 3,5 milliards d'euros, 150 000 euros";
        assert_eq!(
            value(text, "140 millions de dollars"),
            Some(("MONEY".into(), "140000000 USD".into()))
        );
        assert_eq!(
            value(text, "3,5 milliards d'euros"),
            Some(("MONEY".into(), "3500000000 EUR".into()))
        );
        assert_eq!(
            value(text, "150 000 euros"),
            Some(("MONEY".into(), "150000 EUR".into()))
        );
    }

    #[test]
    fn percentages() {
        let text = "une hausse de 5,2 % et de 12 pour cent";
        assert_eq!(value(text, "5,2 %"), Some(("PERCENT".into(), "5.2".into())));
        assert_eq!(
            value(text, "12 pour cent"),
            Some(("PERCENT".into(), "12".into()))
        );
    }
}
