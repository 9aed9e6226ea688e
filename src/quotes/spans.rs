//! Quote candidates: the content of each reported statement, its kind, its
//! cue and the words that name its speaker.
//!
//! The forms of French news, in the order they are looked for:
//! 1. content, then an inverted attribution after a comma (`« ... », a-t-il
//!    dit`, `..., a déclaré jeudi le ministre ...`, `..., selon l'ONU`); the
//!    content is the quote-mark region just before the comma (direct) or the
//!    sentence up to the comma (indirect, or partial when it holds marks);
//!    a quote that resumes after the attribution (`« A », dit-il, « B »`) is
//!    a second direct quote of the same speaker;
//! 2. a verb of speech then `que` (`a déclaré mercredi que ...`) or an
//!    infinitive (`a dit apprécier ...`): the clause after it;
//! 3. `Selon X, ...`, `Pour X, ...`, `A son avis, ...`: the clause after;
//! 4. a verb of speech then a colon and a quote (`a déclaré : « ... »`);
//! 5. a fragment in marks next to a verb of speech (`a qualifié la
//!    situation de « très préoccupante »`).
//!
//! Overlapping candidates keep the longest; a quote never overlaps another.

use std::collections::{HashMap, HashSet};

use super::cues::{self, PhraseKind, PronounKind, VerbCue};
use super::speaker::{self, Subject};
use super::Doc;
use crate::model::QuoteKind;

/// A proposed quote: its content tokens, kind, cue and subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub first: usize,
    pub last: usize,
    pub kind: QuoteKind,
    pub cue: Option<(usize, usize)>,
    pub subject: Subject,
    /// Where the attribution is: pronouns look back from here.
    pub anchor: usize,
}

/// An inverted attribution after a comma.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    cue: (usize, usize),
    subject: Subject,
    /// The token after the attribution.
    end: usize,
}

/// Longest stretch a clause scan walks, in tokens.
const MAX_CLAUSE: usize = 200;

pub fn candidates(doc: &Doc) -> Vec<Candidate> {
    let mut out = Vec::new();
    let heads = region_chains(doc);
    let mut attributed_cues = HashSet::new();
    inverted(doc, &heads, &mut out, &mut attributed_cues);
    reported_clauses(doc, &mut out, &attributed_cues);
    introduced(doc, &mut out);
    colon_quotes(doc, &mut out);
    fragments(doc, &mut out);
    out
}

/// The candidates kept: longest first, none overlapping, in text order.
pub fn disjoint(doc: &Doc, candidates: &[Candidate]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    let span = |k: usize| candidates.get(k).and_then(|c| doc.span(c.first, c.last));
    order.sort_by_key(|&k| {
        let len = span(k).map_or(0, |s| s.end - s.start);
        (std::cmp::Reverse(len), k)
    });
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for k in order {
        let Some(s) = span(k) else { continue };
        if s.is_empty() {
            continue;
        }
        // The kept span starting last before `s.end` is the only one that can
        // overlap `s`, since kept spans are disjoint.
        let overlaps = taken
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &end)| end > s.start);
        if !overlaps {
            taken.insert(s.start, s.end);
            kept.push((s.start, s.end, k));
        }
    }
    kept.sort_unstable();
    kept.into_iter().map(|(_, _, k)| k).collect()
}

/// For each region, the first region of the multi-paragraph quote it
/// continues: a quote whose paragraph ends unclosed and without attribution
/// goes on when the next paragraph opens with a mark of the same family.
fn region_chains(doc: &Doc) -> Vec<usize> {
    let mut heads: Vec<usize> = (0..doc.regions.len()).collect();
    for k in 1..doc.regions.len() {
        let (Some(prev), Some(cur)) = (doc.regions.get(k - 1), doc.regions.get(k)) else {
            continue;
        };
        let continues = prev.close.is_none()
            && prev.family == cur.family
            && prev.paragraph + 1 == cur.paragraph
            && doc.paragraph(cur.open).start == cur.open
            && !(prev.open..=doc.region_last(prev))
                .any(|c| doc.is(c, ",") && attribution_at(doc, c).is_some());
        if continues {
            let head = heads.get(k - 1).copied().unwrap_or(k);
            if let Some(slot) = heads.get_mut(k) {
                *slot = head;
            }
        }
    }
    heads
}

/// The first token of the content of sentence `s`: after a dateline
/// (`MOSCOU, 7 juin (Xinhua) --`) when the sentence opens its paragraph.
fn content_start(doc: &Doc, i: usize) -> usize {
    let s = doc.sentence(i);
    if doc.paragraph(s.start).start != s.start {
        return s.start;
    }
    (s.start..s.end.min(s.start + 15))
        .find(|&d| matches!(doc.word(d), "--" | "-" | "—" | "–" | "―"))
        .map_or(s.start, |d| d + 1)
}

/// The inverted attribution after the comma at token `comma`, if any.
fn attribution_at(doc: &Doc, comma: usize) -> Option<Attribution> {
    let i = comma + 1;
    if !doc.quotable(i) || doc.in_closed_region(i) {
        return None;
    }
    if let Some(p) = cues::phrase_at(&doc.cx, i) {
        if p.kind != PhraseKind::Source {
            return None;
        }
        let start = p.last + 1;
        if doc.is_punct(start) {
            return None;
        }
        let end = speaker::phrase_end(doc, start, doc.sentence(start).end);
        return Some(Attribution {
            cue: (p.first, p.last),
            subject: speaker::classify_phrase(doc, start, end),
            end: end + 1,
        });
    }
    if doc.cx.lex.is_negation(&doc.key(i)) {
        return None;
    }
    let inverted_pronoun = |t: usize| match doc.cx.lex.pronoun(&doc.key(t)) {
        Some((gender, PronounKind::Inverted)) => Some(Subject::Pronoun { token: t, gender }),
        Some((_, PronounKind::Impersonal)) if doc.word(t).starts_with('-') => Some(Subject::Nobody),
        _ => None,
    };
    let aux = doc.cx.lex.is_auxiliary(&doc.key(i));
    // `a-t-il ajouté`, `avait-il lancé`.
    if aux {
        if let Some(subject) = inverted_pronoun(i + 1) {
            let cue = verb_after(doc, i + 2)?;
            return Some(Attribution {
                cue: (i, cue.last),
                subject,
                end: cue.last + 1,
            });
        }
    }
    // `observe-t-elle`, `dit-elle`, `s'est-il félicité`.
    if let Some(cue) = doc.cue_starting(i) {
        if let Some(subject) = inverted_pronoun(cue.last + 1) {
            return Some(Attribution {
                cue: (cue.first, cue.last),
                subject,
                end: cue.last + 2,
            });
        }
        if let Some(subject) = (cue.first..=cue.last).find_map(inverted_pronoun) {
            return Some(Attribution {
                cue: (cue.first, cue.last),
                subject,
                end: cue.last + 1,
            });
        }
    }
    // `a déclaré jeudi le ministre ...`, `précise le ministère`.
    let cue = if aux {
        verb_after(doc, i + 1)?
    } else {
        doc.cue_starting(i)?
    };
    if cue.participle || cue.infinitive {
        return None;
    }
    let next = cue.last + 1;
    if cues::is_que(&doc.key(next)) {
        return None;
    }
    let (subject, end) = speaker::subject_after(doc, next)?;
    Some(Attribution {
        cue: (i, cue.last),
        subject,
        end,
    })
}

/// The verb of speech at token `i` or after up to three adverbs.
fn verb_after(doc: &Doc, i: usize) -> Option<VerbCue> {
    (i..i + 4)
        .take_while(|&j| doc.is_word(j))
        .find_map(|j| doc.cue_starting(j))
}

/// Form 1: content before an inverted attribution.
fn inverted(doc: &Doc, heads: &[usize], out: &mut Vec<Candidate>, used: &mut HashSet<usize>) {
    // The end of the latest attribution of each sentence: content starts after it.
    let mut sentence_floor: HashMap<usize, usize> = HashMap::new();
    for c in 0..doc.len() {
        if !doc.is(c, ",") {
            continue;
        }
        let Some(att) = attribution_at(doc, c) else {
            continue;
        };
        let sentence = doc.sentence_of.get(c).copied().unwrap_or(0);
        let floor = sentence_floor.get(&sentence).copied().unwrap_or(0);
        let Some(content) = content_before(doc, heads, c, floor) else {
            continue;
        };
        used.insert(att.cue.1);
        let k = out.len();
        out.push(Candidate {
            first: content.0,
            last: content.1,
            kind: content.2,
            cue: Some(att.cue),
            subject: att.subject,
            anchor: att.cue.0,
        });
        sentence_floor.insert(sentence, att.end);
        // `« A », a-t-elle dit lors de ..., « B ».`: B is hers too.
        let resumed = (att.end..att.end + 25)
            .take_while(|&j| j < doc.sentence(c).end)
            .find(|&j| doc.is_punct(j) && !doc.is(j, "'") && !doc.is(j, "’"));
        if let Some(p) = resumed.filter(|&p| doc.is(p, ",")) {
            if let Some(r) = doc.region_at(p + 1).filter(|r| r.open == p + 1) {
                let last = doc.region_last(r);
                let inner_last = if r.close.is_some() { last - 1 } else { last };
                if inner_last > r.open {
                    out.push(Candidate {
                        first: r.open + 1,
                        last: trim_end(doc, r.open + 1, inner_last),
                        kind: QuoteKind::Direct,
                        cue: Some(att.cue),
                        subject: Subject::SameAs(k),
                        anchor: att.cue.0,
                    });
                }
            }
        }
    }
}

/// The content ending before the attribution comma `c`: (first, last, kind).
fn content_before(
    doc: &Doc,
    heads: &[usize],
    c: usize,
    floor: usize,
) -> Option<(usize, usize, QuoteKind)> {
    let prev = c.checked_sub(1)?;
    let region = doc.region_of.get(prev).copied().flatten();
    let closed_here = region.filter(|&k| doc.regions.get(k).is_some_and(|r| r.close == Some(prev)));
    let open_here = region.filter(|&k| {
        doc.regions
            .get(k)
            .is_some_and(|r| r.close.is_none() && r.open < prev)
    });
    if let Some(k) = closed_here.or(open_here) {
        let head = heads.get(k).copied().unwrap_or(k);
        let open = doc.regions.get(head)?.open;
        let inner_last = if closed_here.is_some() {
            prev - 1
        } else {
            prev
        };
        let start = content_start(doc, open).max(floor);
        let opens_clause = open <= start
            || open == doc.paragraph(open).start
            || matches!(doc.word(open - 1), "," | ":");
        if opens_clause {
            return (inner_last > open).then(|| {
                (
                    open + 1,
                    trim_end(doc, open + 1, inner_last),
                    QuoteKind::Direct,
                )
            });
        }
        return words(doc, start, inner_last, 3)
            .then(|| (start, trim_end(doc, start, inner_last), QuoteKind::Partial));
    }
    let start = content_start(doc, c).max(floor);
    if start > prev || !words(doc, start, prev, 3) || !doc.quotable(start) {
        return None;
    }
    // `Le président français, Emmanuel Macron, a félicité ...`: a name in
    // apposition before the comma is the subject of the verb, not content.
    if let Some(e) = doc.entity_ending(prev) {
        let a = doc.entity_tokens.get(e).map_or(prev, |t| t.0);
        if a <= start || doc.is(a - 1, ",") {
            return None;
        }
    }
    let last = trim_end(doc, start, prev);
    Some((start, last, kind_of(doc, start, last)))
}

/// Whether tokens `first..=last` hold at least `n` words.
fn words(doc: &Doc, first: usize, last: usize, n: usize) -> bool {
    (first..=last).filter(|&i| doc.is_word(i)).take(n).count() >= n
}

/// Indirect, or partial when the content holds quote marks.
fn kind_of(doc: &Doc, first: usize, last: usize) -> QuoteKind {
    if (first..=last).any(|i| doc.is_mark(i)) {
        QuoteKind::Partial
    } else {
        QuoteKind::Indirect
    }
}

/// The last token of a content ending at `last`, without trailing
/// punctuation (a final full stop, a comma, a lone opening mark).
fn trim_end(doc: &Doc, first: usize, mut last: usize) -> usize {
    while last > first
        && (matches!(
            doc.word(last),
            "." | "," | ";" | ":" | "-" | "–" | "—" | "--"
        ) || doc.region_at(last).is_some_and(|r| r.open == last))
    {
        last -= 1;
    }
    last
}

/// The last token of the clause starting at `from`: up to the end of the
/// sentence, a `;`, a colon before a quote, or a comma before another cue
/// (`, estimant que`, `, a-t-il ajouté`).
fn clause_end(doc: &Doc, from: usize) -> Option<usize> {
    let limit = doc.sentence(from).end.min(from + MAX_CLAUSE);
    let mut last = None;
    let mut j = from;
    while j < limit {
        let w = doc.word(j);
        if matches!(w, "." | "!" | "?" | ";") && !doc.in_closed_region(j) {
            break;
        }
        if w == "," {
            let participle = doc.cue_starting(j + 1).is_some_and(|c| c.participle);
            if participle || attribution_at(doc, j).is_some() {
                break;
            }
        }
        if w == ":" && doc.region_at(j + 1).is_some_and(|r| r.open == j + 1) {
            break;
        }
        // `a affirmé que ... et a qualifié ...`: a second verb of speech of
        // the same speaker ends the clause.
        if doc.key(j) == "et"
            && doc.cx.lex.is_auxiliary(&doc.key(j + 1))
            && doc.cue_starting(j + 2).is_some()
        {
            break;
        }
        last = Some(j);
        j += 1;
    }
    let last = last?;
    Some(trim_end(doc, from, last))
}

/// The subject of a participle or infinitive cue (`, estimant que`, `Et de
/// conclure`): the speaker of the latest attribution of its sentence, else
/// the subject of the sentence's first verb, else the discourse's speaker.
fn main_subject(doc: &Doc, cue: &VerbCue, out: &[Candidate]) -> Subject {
    let s = doc.sentence(cue.first);
    if let Some(k) = out
        .iter()
        .rposition(|c| c.anchor >= s.start && c.anchor < cue.first)
    {
        return Subject::SameAs(k);
    }
    let main = (s.start..cue.first).find(|&t| {
        !doc.in_closed_region(t)
            && doc.speaker_entity(t).is_none()
            && (doc.cx.lex.is_auxiliary(&doc.key(t))
                || doc
                    .cue_starting(t)
                    .is_some_and(|c| !c.participle && !c.infinitive))
    });
    match main.map(|t| speaker::subject_before(doc, t)) {
        Some(Subject::Unknown) | None => Subject::Discourse,
        Some(subject) => subject,
    }
}

fn subject_of(doc: &Doc, cue: &VerbCue, out: &[Candidate]) -> Subject {
    if cue.participle || cue.infinitive {
        main_subject(doc, cue, out)
    } else {
        speaker::subject_before(doc, cue.first)
    }
}

/// Form 2: `que` clauses and infinitives after a verb of speech.
fn reported_clauses(doc: &Doc, out: &mut Vec<Candidate>, used: &HashSet<usize>) {
    for cue in &doc.cues {
        if used.contains(&cue.last)
            || !doc.quotable(cue.first)
            || doc.in_closed_region(cue.first)
            || doc.negated(cue.first)
            || impersonal(doc, cue.first)
        {
            continue;
        }
        let Some(first) = clause_after(doc, cue) else {
            continue;
        };
        let Some(last) = clause_end(doc, first) else {
            continue;
        };
        if !words(doc, first, last, 2) {
            continue;
        }
        let subject = subject_of(doc, cue, out);
        out.push(Candidate {
            first,
            last,
            kind: kind_of(doc, first, last),
            cue: Some((cue.first, cue.last)),
            subject,
            anchor: cue.first,
        });
    }
}

/// Whether token `j` opens a subordinate clause that is not reported speech:
/// a conjunction word before `que` (`pour que`, `alors que`) or before an
/// infinitive (`pour vérifier que`); `estime pour sa part que` goes on.
fn subordinate(doc: &Doc, j: usize) -> bool {
    doc.cx.lex.is_conjunction_word(&doc.key(j))
        && (cues::is_que(&doc.key(j + 1))
            || (!doc.capitalised(j + 1) && doc.cx.lex.looks_infinitive(&doc.key(j + 1))))
}

/// Whether the verb of speech at `verb` is passive or impersonal (`il a été
/// révélé que`, `il est à noter que`): the construction names no speaker.
fn impersonal(doc: &Doc, verb: usize) -> bool {
    let Some(before) = verb.checked_sub(1) else {
        return false;
    };
    match doc.key(before).as_ref() {
        "été" => true,
        "à" => before
            .checked_sub(1)
            .is_some_and(|b| matches!(doc.key(b).as_ref(), "est" | "était" | "sera")),
        _ => false,
    }
}

/// The first token of the reported clause after a verb of speech: after
/// `que` (a few complements may come between: `a indiqué dans la soirée
/// qu'`, but no object: `a souligné l'importance de ce que`), or an
/// infinitive (`a dit apprécier`, `a promis de poursuivre`).
fn clause_after(doc: &Doc, cue: &VerbCue) -> Option<usize> {
    let next = cue.last + 1;
    if cues::is_determiner(&doc.key(next)) {
        return None;
    }
    let que = (next..next + 7)
        .take_while(|&j| {
            cues::is_que(&doc.key(j))
                || (!doc.is_punct(j)
                    && doc.cue_starting(j).is_none()
                    && doc.key(j) != "ce"
                    && !subordinate(doc, j))
        })
        .find(|&j| cues::is_que(&doc.key(j)));
    if let Some(q) = que {
        return Some(q + 1);
    }
    if cue.ambiguous || cue.participle || cue.infinitive {
        return None;
    }
    let verb = if matches!(doc.key(next).as_ref(), "de" | "d'") {
        next + 1
    } else {
        next
    };
    (doc.is_word(verb) && !doc.capitalised(verb) && doc.cx.lex.looks_infinitive(&doc.key(verb)))
        .then_some(verb)
}

/// Form 3: `Selon X, ...`, `D'après X, ...`, `Pour X, ...`, `A son avis, ...`
/// opening a sentence.
fn introduced(doc: &Doc, out: &mut Vec<Candidate>) {
    for s in &doc.sentences {
        let i = content_start(doc, s.start);
        if !doc.quotable(i) || doc.in_closed_region(i) {
            continue;
        }
        let Some(p) = cues::phrase_at(&doc.cx, i) else {
            continue;
        };
        let (subject, comma) = match p.kind {
            PhraseKind::Opinion => {
                if !doc.is(p.last + 1, ",") {
                    continue;
                }
                let gender = doc
                    .cx
                    .lex
                    .pronoun(&doc.key(p.last.saturating_sub(1)))
                    .map_or(cues::Gender::Any, |g| g.0);
                (
                    Subject::Pronoun {
                        token: p.last.saturating_sub(1),
                        gender,
                    },
                    p.last + 1,
                )
            }
            PhraseKind::Source | PhraseKind::Topic => {
                let np = p.last + 1;
                let Some(comma) = next_comma(doc, np, 20) else {
                    continue;
                };
                // `Selon la ministre, Marina Silva, ...`: the apposition
                // belongs to the source.
                let comma = match next_comma(doc, comma + 1, 12) {
                    Some(c2) if apposition(doc, comma + 1, c2 - 1) => c2,
                    _ => comma,
                };
                // The source ends before a clause that describes it
                // (`Selon un diplomate ayant requis l'anonymat, ...`).
                let subject =
                    speaker::classify_phrase(doc, np, speaker::phrase_end(doc, np, comma));
                let speaks = matches!(
                    subject,
                    Subject::Entity { .. } | Subject::Pronoun { .. } | Subject::Role { .. }
                );
                // `Pour X` needs a speaker; `Selon X` a speaker or a source
                // of information (`selon les chiffres officiels`), not any
                // noun (`selon les époques`, `selon la bactérie en cause`).
                if (p.kind == PhraseKind::Topic && !speaks) || subject == Subject::Unknown {
                    continue;
                }
                (subject, comma)
            }
        };
        let first = comma + 1;
        let Some(last) = clause_end(doc, first) else {
            continue;
        };
        if !words(doc, first, last, 3) {
            continue;
        }
        out.push(Candidate {
            first,
            last,
            kind: kind_of(doc, first, last),
            cue: Some((p.first, p.last)),
            subject,
            anchor: p.first,
        });
    }
}

/// The next comma from token `from`, within `max` tokens and before any
/// other punctuation but brackets and apostrophes.
fn next_comma(doc: &Doc, from: usize, max: usize) -> Option<usize> {
    (from..from + max)
        .take_while(|&j| j < doc.sentence(from).end)
        .find(|&j| doc.is_punct(j) && !matches!(doc.word(j), "(" | ")" | "'" | "’"))
        .filter(|&j| doc.is(j, ","))
}

/// Whether tokens `first..=last` between commas are an apposed name or
/// noun phrase (`, Marina Silva,`, `, l'agence sanitaire de l'Union africaine,`),
/// not a clause.
fn apposition(doc: &Doc, first: usize, last: usize) -> bool {
    if last < first {
        return false;
    }
    let named = doc
        .entity_starting(first)
        .or_else(|| doc.entity_starting(first + 1))
        .and_then(|e| doc.entity_tokens.get(e))
        .is_some_and(|&(_, b)| b == last);
    // `, la directrice du programme,` or, without article, `, chercheur au
    // Centre ...,`.
    let headed = (cues::is_determiner(&doc.key(first))
        && (first + 1..=last.min(first + 3)).any(|j| {
            let k = doc.key(j);
            doc.cx.lex.is_person_head(&k) || doc.cx.lex.is_body_head(&k)
        }))
        || doc.cx.lex.is_person_head(&doc.key(first));
    let phrase = headed
        && (first..=last).all(|j| {
            !doc.cx.lex.is_auxiliary(&doc.key(j))
                && doc.cue_starting(j).is_none()
                && !doc.is_mark(j)
        });
    named || phrase
}

/// Form 4: `a déclaré : « ... »`, `Et de conclure : « ... »`.
fn colon_quotes(doc: &Doc, out: &mut Vec<Candidate>) {
    for r in &doc.regions {
        let Some(colon) = r.open.checked_sub(1) else {
            continue;
        };
        if !doc.is(colon, ":") || !doc.quotable(r.open) {
            continue;
        }
        let s = doc.sentence(colon);
        let lower = s.start.max(colon.saturating_sub(12));
        let Some(cue) = (lower..colon)
            .rev()
            .take_while(|&j| !doc.is_mark(j))
            .find_map(|j| doc.cue_starting(j))
        else {
            continue;
        };
        if doc.negated(cue.first) || doc.in_closed_region(cue.first) {
            continue;
        }
        let last = doc.region_last(r);
        let inner_last = if r.close.is_some() { last - 1 } else { last };
        if inner_last <= r.open {
            continue;
        }
        let subject = subject_of(doc, &cue, out);
        out.push(Candidate {
            first: r.open + 1,
            last: trim_end(doc, r.open + 1, inner_last),
            kind: QuoteKind::Direct,
            cue: Some((cue.first, cue.last)),
            subject,
            anchor: cue.first,
        });
    }
}

/// Form 5: a fragment of two words or more in marks, lower case (not a name
/// or a title), after a verb of speech in its clause: `a dénoncé une réforme
/// « injuste et brutale »`, `saluant « un grand succès »`.
fn fragments(doc: &Doc, out: &mut Vec<Candidate>) {
    for r in &doc.regions {
        let Some(close) = r.close else { continue };
        let (first, last) = (r.open + 1, close.saturating_sub(1));
        if last < first || !doc.quotable(r.open) {
            continue;
        }
        // One word is enough after `qualifier ... de` (`a qualifié la
        // situation de « préoccupante »`); elsewhere it is more likely a term.
        let qualified = doc.key(r.open.saturating_sub(1)) == "de"
            && (r.open.saturating_sub(8)..r.open).any(|j| doc.key(j).starts_with("qualifi"));
        if !words(doc, first, last, if qualified { 1 } else { 2 }) {
            continue;
        }
        // The first word after a determiner is lower case: not a name.
        let mut w = first;
        while cues::is_determiner(&doc.key(w)) && w < last {
            w += 1;
        }
        if doc.capitalised(w) {
            continue;
        }
        let before = r.open.saturating_sub(1);
        // `le thème « ... »`, `l'opération de « ... »`.
        let trigger = doc.cx.lex.is_title_trigger(&doc.key(before))
            || (matches!(doc.key(before).as_ref(), "de" | "du" | "des" | "d'")
                && doc
                    .cx
                    .lex
                    .is_title_trigger(&doc.key(before.saturating_sub(1))));
        if trigger {
            continue;
        }
        let s = doc.sentence(r.open);
        let lower = s.start.max(r.open.saturating_sub(8));
        let Some(cue) = (lower..r.open)
            .rev()
            .take_while(|&j| !doc.is_punct(j))
            .find_map(|j| doc.cue_starting(j))
        else {
            continue;
        };
        if doc.negated(cue.first) || doc.in_closed_region(cue.first) {
            continue;
        }
        let subject = subject_of(doc, &cue, out);
        out.push(Candidate {
            first,
            last,
            kind: QuoteKind::Partial,
            cue: Some((cue.first, cue.last)),
            subject,
            anchor: cue.first,
        });
    }
}
