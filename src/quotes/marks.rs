//! Quote marks and the regions they enclose.
//!
//! Marks are paired by their open/close roles, never by counting: `«`, `„`,
//! `‹` open and `»`, `›` close; `“ ”` and the straight `"` take their role from
//! the characters around them (a mark after a space and before a letter
//! opens, one after a letter and before a space or punctuation closes), and
//! an isolated straight mark closes an open straight mark or else opens one.
//! `’` and `'` are apostrophes, never marks.
//!
//! Pairing runs paragraph by paragraph with a stack, so each mark is pushed
//! and popped at most once: linear in the number of marks whatever their
//! balance. Only outermost regions are returned; inner ones are nested
//! quotes or terms inside a quote.

use crate::model::Span;
use crate::model::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `« »`
    Guillemet,
    /// `“ ” „`
    Curly,
    /// `‹ ›`
    Single,
    /// `"`
    Straight,
}

impl Family {
    fn index(self) -> usize {
        match self {
            Family::Guillemet => 0,
            Family::Curly => 1,
            Family::Single => 2,
            Family::Straight => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
}

/// An outermost quoted region of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ends first.
    pub close: Option<usize>,
    pub family: Family,
    /// The paragraph index (into the paragraph spans given to `regions`).
    pub paragraph: usize,
}

/// The family of a quote-mark token, if it is one.
pub fn family(token: &str) -> Option<Family> {
    match token {
        "«" | "»" => Some(Family::Guillemet),
        "“" | "”" | "„" => Some(Family::Curly),
        "‹" | "›" => Some(Family::Single),
        "\"" => Some(Family::Straight),
        _ => None,
    }
}

/// Whether a neighbour of a mark is a blank: white space or the edge of the text.
fn blank(c: Option<char>) -> bool {
    !matches!(c, Some(c) if !c.is_whitespace())
}

/// The role the neighbours of a mark give it, when they are clear.
fn role_by_context(before: Option<char>, after: Option<char>) -> Option<Role> {
    let open_side =
        blank(before) || matches!(before, Some('(' | '[' | '\'' | '’' | '-' | '–' | '—' | '/'));
    let close_side = blank(after)
        || matches!(
            after,
            Some(',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '…')
        );
    match (open_side, close_side) {
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        _ => None,
    }
}

/// The role of mark `token` at `span`, given whether a mark of its family is
/// open; `None` for a token that is no mark.
fn role(text: &str, span: Span, token: &str, family_open: bool) -> Option<Role> {
    let before = text.get(..span.start).and_then(|s| s.chars().next_back());
    let after = text.get(span.end..).and_then(|s| s.chars().next());
    let by_context = role_by_context(before, after);
    let toggle = if family_open { Role::Close } else { Role::Open };
    Some(match token {
        "«" | "„" | "‹" => Role::Open,
        "»" | "›" => Role::Close,
        // Curly marks are mostly “…”, but German-style „…“ and English-style
        // ”…” exist: context decides when it is clear.
        "“" => by_context.unwrap_or(Role::Open),
        "”" => by_context.unwrap_or(Role::Close),
        "\"" => by_context.unwrap_or(toggle),
        _ => return None,
    })
}

/// The outermost quoted regions of `paragraphs` (sorted, disjoint spans).
pub fn regions(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, Family)> = Vec::new();
    let mut open_count = [0usize; 4];
    let mut paragraph = 0;
    let flush = |stack: &mut Vec<(usize, Family)>,
                 counts: &mut [usize; 4],
                 out: &mut Vec<Region>,
                 paragraph: usize| {
        if let Some(&(open, family)) = stack.first() {
            out.push(Region {
                open,
                close: None,
                family,
                paragraph,
            });
        }
        stack.clear();
        *counts = [0; 4];
    };
    for (i, t) in tokens.iter().enumerate() {
        let word = t.text(text);
        let Some(fam) = family(word) else { continue };
        // Move to the paragraph holding this mark; unclosed marks of the
        // paragraphs left behind become regions without a close.
        let mut moved = false;
        while paragraphs
            .get(paragraph)
            .is_some_and(|p| p.end <= t.start())
        {
            paragraph += 1;
            moved = true;
        }
        if moved {
            let previous = paragraph.saturating_sub(1);
            flush(&mut stack, &mut open_count, &mut out, previous);
        }
        let family_open = open_count.get(fam.index()).is_some_and(|&n| n > 0);
        let Some(r) = role(text, Span::new(t.start(), t.end()), word, family_open) else {
            continue;
        };
        match r {
            Role::Open => {
                stack.push((i, fam));
                if let Some(n) = open_count.get_mut(fam.index()) {
                    *n += 1;
                }
            }
            Role::Close => {
                if !family_open {
                    // A stray closing mark: nothing of its family is open.
                    continue;
                }
                // Pop to the innermost open mark of the family; marks opened
                // inside it and never closed are dropped with it.
                while let Some((open, f)) = stack.pop() {
                    if let Some(n) = open_count.get_mut(f.index()) {
                        *n = n.saturating_sub(1);
                    }
                    if f == fam {
                        if stack.is_empty() {
                            out.push(Region {
                                open,
                                close: Some(i),
                                family: fam,
                                paragraph,
                            });
                        }
                        break;
                    }
                }
            }
        }
    }
    flush(&mut stack, &mut open_count, &mut out, paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions_of(text: &str) -> Vec<(String, bool)> {
        let tokens = crate::tokenize(text);
        let paragraphs = vec![Span::new(0, text.len())];
        regions(text, &tokens, &paragraphs)
            .into_iter()
            .map(|r| {
                let start = tokens[r.open].end();
                let end = r.close.map_or(text.len(), |c| tokens[c].start());
                (text[start..end].trim().to_string(), r.close.is_some())
            })
            .collect()
    }

    #[test]
    fn guillemets_pair_with_and_without_spaces() {
        assert_eq!(
            regions_of("« Oui », dit-il. «\u{a0}Non\u{a0}»."),
            [("Oui".to_string(), true), ("Non".to_string(), true)]
        );
    }

    #[test]
    fn straight_marks_take_their_role_from_context() {
        assert_eq!(
            regions_of("Il a dit \"oui\" et \"non\"."),
            [("oui".to_string(), true), ("non".to_string(), true)]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let r = regions_of("« Il a crié : ‹ Partez ! › puis “ rien ” », dit-elle.");
        assert_eq!(r.len(), 1);
        assert!(r[0].0.starts_with("Il a crié"));
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(regions_of("L’OCS et l'ONU ’ ").is_empty());
    }

    #[test]
    fn unclosed_mark_ends_with_its_paragraph() {
        let text = "Elle \"a acquis un profil, a-t-il ajouté.\nSuite « ici ».";
        let tokens = crate::tokenize(text);
        let nl = text.find('\n').unwrap();
        let paragraphs = vec![Span::new(0, nl), Span::new(nl + 1, text.len())];
        let r = regions(text, &tokens, &paragraphs);
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].close, r[0].paragraph), (None, 0));
        assert_eq!(r[1].paragraph, 1);
        assert!(r[1].close.is_some());
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert_eq!(regions_of("a » b » « c »"), [("c".to_string(), true)]);
    }

    #[test]
    fn many_unbalanced_marks_run_in_linear_time() {
        let text = "« ".repeat(100_000) + &"” ".repeat(100_000) + "\"a\" ";
        let start = std::time::Instant::now();
        let r = regions_of(&text);
        assert!(start.elapsed().as_secs() < 5);
        assert_eq!(r.len(), 1);
    }
}
