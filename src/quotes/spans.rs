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

use super::cues::{self, PhraseKind, PronounKind, VerbCue};
use super::speaker::{self, Subject};
use super::Doc;
use crate::lexicon::{TextMap, TextSet};
use crate::model::{QuoteKind, Zone};

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
    let mut attributed_cues = TextSet::new();
    inverted(doc, &heads, &mut out, &mut attributed_cues);
    reported_clauses(doc, &mut out, &attributed_cues);
    introduced(doc, &mut out);
    colon_quotes(doc, &mut out);
    fragments(doc, &mut out);
    backward(doc, &mut out);
    continued(doc, &heads, &mut out);
    // The list grew by doubling; the speakers are resolved with it held.
    out.shrink_to_fit();
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
    // A headline's topic label (`Chômage : ...`, `Élection de 2012 : ...`)
    // is not content; a colon before a quote mark introduces the quote.
    if doc.zone(s.start) == Zone::Title {
        let label = (s.start + 1..s.end.min(s.start + 8))
            .find(|&c| doc.is(c, ":"))
            .filter(|&c| !doc.is_mark(c + 1) && c < i);
        if let Some(c) = label {
            return c + 1;
        }
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
        let sentence_end = doc.sentence(start).end;
        let end = speaker::phrase_end(doc, start, sentence_end);
        // `..., selon X, le trafic reprendra`: the source introduces the
        // clause after it, not the words before.
        let comma = next_comma(doc, end + 1, 8);
        let introduces = comma.is_some_and(|c| {
            !governs_word(&doc.key(c + 1))
                && c + 1 < sentence_end
                && words(doc, c + 1, sentence_end - 1, 3)
        });
        if introduces {
            return None;
        }
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
    // `lui avait dit X`, `leur a déclaré X`: an object clitic before the verb.
    let i = if matches!(
        doc.key(i).as_ref(),
        "lui" | "leur" | "nous" | "vous" | "m'" | "me" | "l'"
    ) && (doc.cx.lex.is_auxiliary(&doc.key(i + 1)) || doc.cue_starting(i + 1).is_some())
    {
        i + 1
    } else {
        i
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
fn inverted(doc: &Doc, heads: &[usize], out: &mut Vec<Candidate>, used: &mut TextSet<usize>) {
    // The end of the latest attribution of each sentence: content starts after it.
    let mut sentence_floor: TextMap<usize, usize> = TextMap::new();
    for c in 0..doc.len() {
        // The attribution follows a comma, or a closing mark directly (`« ...
        // » a indiqué Jean Dupont`, `» déclare-t-il`).
        // A source may also end the sentence without a comma (`... en hausse
        // selon la police.`).
        let trailing_source = !doc.is_punct(c)
            && !closing_mark(doc, c)
            && cues::phrase_at(&doc.cx, c + 1).is_some_and(|p| p.kind == PhraseKind::Source);
        let after_content = if doc.is(c, ",") {
            c
        } else if (closing_mark(doc, c) && doc.is_word(c + 1)) || trailing_source {
            c + 1
        } else {
            continue;
        };
        let Some(att) = attribution_at(doc, c) else {
            continue;
        };
        if trailing_source
            && (att.end..doc.sentence(c).end).any(|j| doc.is_word(j) && !doc.is(j, ","))
        {
            continue;
        }
        let sentence = doc.sentence_index(c).unwrap_or(0);
        let floor = sentence_floor.get(&sentence).copied().unwrap_or(0);
        // An incise: the attribution sits inside the clause it attributes
        // (`Le français, appuie-t-il, est classé troisième`, `Par ailleurs,
        // poursuit-il, une langue ...`).
        let after = incise_rest(doc, &att);
        let before = content_start(doc, c).max(floor);
        let content = match (content_before(doc, heads, after_content, floor), after) {
            (Some((_, _, QuoteKind::Direct)), _) => {
                content_before(doc, heads, after_content, floor)
            }
            (_, Some(last)) if doc.is(c, ",") && opens_nothing(doc, before, c) => {
                let first = att.end + 1;
                Some((first, last, kind_of(doc, first, last)))
            }
            // The attribution interrupts the clause early: what comes before
            // it is a subject or an opener, not a whole statement.
            (_, Some(last))
                if doc.is(c, ",") && before < c && c <= before + 10 && doc.quotable(before) =>
            {
                Some((before, last, kind_of(doc, before, last)))
            }
            (content, _) => content,
        };
        let Some(content) = content else {
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

/// A preposition or `de`: a word that continues a noun phrase, not a clause.
fn governs_word(key: &str) -> bool {
    cues::is_preposition(key) || matches!(key, "de" | "d'" | "du" | "des")
}

/// The last token of the clause that goes on after an attribution set
/// between commas, when it is one: words, not a complement of the verb
/// (`, lors de ...`), a participle (`, ajoutant que`), a relative clause
/// about the speaker (`, qui ...`) or a quote of its own.
fn incise_rest(doc: &Doc, att: &Attribution) -> Option<usize> {
    if !doc.is(att.end, ",") {
        return None;
    }
    let first = att.end + 1;
    let k = doc.key(first);
    // An apposition to the speaker (`, représentant spécial de ...`, `, le
    // président du club`) is no clause.
    let apposed = doc.cx.lex.is_person_head(&k)
        || (cues::is_determiner(&k) && doc.cx.lex.is_person_head(&doc.key(first + 1)));
    if !doc.is_word(first)
        || apposed
        || governs_word(&k)
        || matches!(
            k.as_ref(),
            "qui" | "que" | "qu'" | "dont" | "où" | "avant" | "près"
        )
        || doc.cue_starting(first).is_some()
    {
        return None;
    }
    let last = clause_end(doc, first)?;
    words(doc, first, last, 3).then_some(last)
}

/// Whether tokens `first..end` say nothing of their own before an incise:
/// only a connector (`Par ailleurs`), or a clause that ends on a relative
/// pronoun (`les soldats qui, dit-on, ...`).
fn opens_nothing(doc: &Doc, first: usize, end: usize) -> bool {
    let Some(last) = end.checked_sub(1) else {
        return false;
    };
    first + cues::connector_len(&doc.cx, first) >= end
        || matches!(doc.key(last).as_ref(), "qui" | "que" | "qu'")
}

/// Whether token `i` closes a quote-mark region.
fn closing_mark(doc: &Doc, i: usize) -> bool {
    doc.region_at(i).is_some_and(|r| r.close == Some(i))
}

/// The content ending before the attribution comma `c`: (first, last, kind).
fn content_before(
    doc: &Doc,
    heads: &[usize],
    c: usize,
    floor: usize,
) -> Option<(usize, usize, QuoteKind)> {
    let prev = c.checked_sub(1)?;
    let region = doc.region_index(prev);
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
            || matches!(doc.word(open - 1), "," | ":" | ";");
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
    // `... a critiqué la suggestion ; c'est une ingérence, a déclaré X`: the
    // content starts after the last semicolon.
    let start = (start..prev)
        .rev()
        .find(|&j| doc.is(j, ";") && !doc.in_closed_region(j))
        .map_or(start, |j| j + 1);
    if start > prev || !words(doc, start, prev, 3) || !doc.quotable(start) {
        return None;
    }
    // Right after another attribution, `et aux États-Unis, a annoncé X`
    // continues that attribution's words.
    if floor > 0 && start == floor && matches!(doc.key(start).as_ref(), "et" | "ou") {
        return None;
    }
    // `Un haut responsable de la ville, a confirmé ...`: a subject alone
    // before the comma is no content.
    if speaker::phrase_end(doc, start, c) >= prev
        && matches!(
            speaker::classify_phrase(doc, start, prev),
            Subject::Role { .. } | Subject::Entity { .. } | Subject::Name { .. }
        )
        && !(start..=prev).any(|j| doc.cx.lex.is_auxiliary(&doc.key(j)))
    {
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

/// A reported clause whose quote marks hold all of it (`a déclaré que « ...
/// »`, `Selon lui, « ... »`) is direct, spanned inside the marks; any other
/// is indirect or partial.
fn marked_clause(doc: &Doc, first: usize, last: usize) -> (usize, usize, QuoteKind) {
    // The region may hold several sentences (`Selon lui, « A. B. »`).
    let whole = doc
        .region_at(first)
        .filter(|r| r.open == first && r.close.is_some())
        .map(|r| doc.region_last(r))
        .filter(|&end| end >= last);
    match whole {
        Some(end) if end > first + 1 => {
            let inner = if closing_mark(doc, end) { end - 1 } else { end };
            (
                first + 1,
                trim_end(doc, first + 1, inner),
                QuoteKind::Direct,
            )
        }
        _ => (first, last, kind_of(doc, first, last)),
    }
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
    let limit = doc
        .sentence(from)
        .end
        .min(from + MAX_CLAUSE)
        .min(doc.paragraph(from).end);
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
        Some(Subject::Unknown) | None => {
            // `Le fisc défend la mesure, parlant d'un « effort »`: the noun
            // phrase opening the sentence, when there is one.
            match clause_subject(doc, content_start(doc, s.start), cue.first) {
                found @ (Subject::Entity { .. } | Subject::Role { .. } | Subject::Name { .. })
                    if !doc.in_closed_region(s.start) =>
                {
                    found
                }
                // A determiner and its noun opening the sentence, its verb
                // after them (`Le fisc défend ...`).
                _ => {
                    let start = content_start(doc, s.start);
                    let noun = start + 1;
                    let opens = cues::is_determiner(&doc.key(start))
                        && doc.is_word(noun)
                        && !doc.capitalised(noun)
                        && doc.is_word(noun + 1)
                        && !governs_word(&doc.key(noun + 1))
                        && noun + 1 < cue.first
                        && !doc.in_closed_region(start);
                    if opens {
                        Subject::Role {
                            first: start,
                            last: noun,
                        }
                    } else {
                        Subject::Discourse
                    }
                }
            }
        }
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
fn reported_clauses(doc: &Doc, out: &mut Vec<Candidate>, used: &TextSet<usize>) {
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
        // A feeling reported through an adjective is a statement only when
        // someone who can speak feels it (`Moscou se dit ouvert` names a
        // place).
        if adjective_report(doc, cue)
            && !matches!(
                subject,
                Subject::Entity { .. }
                    | Subject::Name { .. }
                    | Subject::Role { .. }
                    | Subject::Pronoun { .. }
            )
        {
            continue;
        }
        let (first, last, kind) = marked_clause(doc, first, last);
        out.push(Candidate {
            first,
            last,
            kind,
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
    // `il est bon de rappeler que`, `il est important de souligner que`.
    let impersonal_de = matches!(doc.key(before).as_ref(), "de" | "d'")
        && (2..=4).any(|back| {
            before.checked_sub(back).is_some_and(|b| {
                matches!(doc.key(b).as_ref(), "est" | "était" | "serait" | "sera")
                    && b.checked_sub(1).is_some_and(|i| doc.key(i) == "il")
            })
        });
    if impersonal_de {
        return true;
    }
    // `À noter que ...`, `À souligner, ...` opening a sentence.
    if matches!(doc.key(before).as_ref(), "à" | "a") && content_start(doc, before) == before {
        return true;
    }
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
    if adjective_report(doc, cue) {
        return Some(next);
    }
    // `a appelé à ce que ...`, `se félicite de ce que ...`.
    if matches!(doc.key(next).as_ref(), "à" | "de")
        && doc.key(next + 1) == "ce"
        && cues::is_que(&doc.key(next + 2))
    {
        return Some(next + 3);
    }
    if let Some(prep) = cue.object_infinitive {
        if let Some(first) = object_infinitive(doc, next, prep) {
            return Some(first);
        }
    }
    if cues::is_determiner(&doc.key(next)) {
        return None;
    }
    // A determiner that no preposition governs opens an object (`dévoile
    // les activités qu'il prépare`): its `que` is a relative pronoun.
    let object = |j: usize| {
        (cues::is_determiner(&doc.key(j)) || doc.key(j) == "quelques")
            && j.checked_sub(1).is_some_and(|p| !governs_word(&doc.key(p)))
    };
    let que = (next..next + 7)
        .take_while(|&j| {
            cues::is_que(&doc.key(j))
                || (!doc.is_punct(j)
                    && doc.cue_starting(j).is_none()
                    && doc.key(j) != "ce"
                    && !object(j)
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

/// Whether the cue is `se dire` or `se déclarer` before an adjective
/// (`s'est dit satisfait des résultats`, `se déclare prêt à ...`).
fn adjective_report(doc: &Doc, cue: &VerbCue) -> bool {
    let next = cue.last + 1;
    (cue.first..cue.last).any(|t| matches!(doc.key(t).as_ref(), "s'" | "se"))
        && doc.cx.lex.is_adjective_verb(&doc.key(cue.last))
        && doc.is_word(next)
        && !doc.capitalised(next)
        && !cues::is_determiner(&doc.key(next))
        && !governs_word(&doc.key(next))
        && !cues::is_que(&doc.key(next))
}

/// The infinitive clause after a verb like `appeler ... à`, `accuser ...
/// de` (`a appelé les habitants à rester`, `a demandé aux élus de ne pas
/// voter`, `menace de partir`): the object before the preposition is a noun
/// phrase of a few words, an apposition between commas included.
fn object_infinitive(doc: &Doc, next: usize, prep: cues::Prep) -> Option<usize> {
    let limit = doc.sentence(next).end.min(next + 14);
    let mut j = next;
    while j < limit {
        let k = doc.key(j);
        let opens = match prep {
            cues::Prep::A => k == "à",
            cues::Prep::De => matches!(k.as_ref(), "de" | "d'"),
        };
        if opens {
            let verb = j + 1;
            let negated = matches!(doc.key(verb).as_ref(), "ne" | "n'");
            let infinitive = doc.is_word(verb)
                && !doc.capitalised(verb)
                && (negated || doc.cx.lex.looks_infinitive(&doc.key(verb)));
            return infinitive.then_some(verb);
        }
        if (doc.is_punct(j) && !matches!(doc.word(j), "," | "'" | "’"))
            || doc.cue_starting(j).is_some()
            || cues::is_que(&k)
        {
            return None;
        }
        j += 1;
    }
    None
}

/// Form 3: `Selon X, ...`, `D'après X, ...`, `Pour X, ...`, `A son avis, ...`
/// opening a sentence.
fn introduced(doc: &Doc, out: &mut Vec<Candidate>) {
    for s in &doc.sentences {
        let start = content_start(doc, s.start);
        let start = start + cues::connector_len(&doc.cx, start);
        // The cue opens the sentence (after a connector: `Mais pour X, ...`);
        // a source cue may also open a clause inside it (`En 2009, selon X,
        // ...`, `car selon eux, ...`).
        let source_at =
            |i: usize| cues::phrase_at(&doc.cx, i).is_some_and(|p| p.kind == PhraseKind::Source);
        let inner = (start + 1..s.end.min(start + MAX_CLAUSE)).filter(|&i| {
            let b = i - 1;
            // What may come before a cue is punctuation (a stop, a closing
            // quote mark, a comma) or a conjunction: the token's kind tells
            // which to compare it with.
            if doc.is_punct(b) {
                let after_stop = matches!(doc.word(b), "." | "!" | "?") || closing_mark(doc, b);
                // A sentence the splitter missed (`».Pour X, ...`) opens with
                // any cue; inside a sentence only a source does.
                (after_stop && cues::phrase_at(&doc.cx, i).is_some() && doc.capitalised(i))
                    || (doc.is(b, ",") && source_at(i))
            } else {
                matches!(
                    doc.key(b).as_ref(),
                    "car" | "mais" | "et" | "que" | "qu'" | "qui" | "donc"
                ) && source_at(i)
            }
        });
        for i in std::iter::once(start).chain(inner) {
            introduced_at(doc, i, out);
        }
        // Keys fold ASCII letters only to ASCII letters: `comme` is the key
        // of a word that is `comme` in any case, read without the key.
        let comme = (start..s.end.min(start + MAX_CLAUSE)).filter(|&i| {
            doc.word(i).eq_ignore_ascii_case("comme")
                && (i == start || i.checked_sub(1).is_some_and(|b| doc.is(b, ",")))
        });
        for i in comme {
            introduced_by_comme(doc, i, out);
        }
    }
}

/// `comme le rappelle X, ...`, `comme l'a souligné X, « ... »`: the clause
/// after the incise is X's.
fn introduced_by_comme(doc: &Doc, i: usize, out: &mut Vec<Candidate>) {
    if !doc.quotable(i) || doc.in_closed_region(i) {
        return;
    }
    let mut j = i + 1;
    if matches!(doc.key(j).as_ref(), "le" | "l'") {
        j += 1;
    }
    if doc.cx.lex.is_auxiliary(&doc.key(j)) {
        j += 1;
    }
    let Some(cue) = doc.cue_starting(j) else {
        return;
    };
    let Some((subject, end)) = speaker::subject_after(doc, cue.last + 1) else {
        return;
    };
    if !doc.is(end, ",") {
        return;
    }
    let first = end + 1;
    let Some(last) = clause_end(doc, first) else {
        return;
    };
    if !words(doc, first, last, 3) {
        return;
    }
    let (first, last, kind) = marked_clause(doc, first, last);
    out.push(Candidate {
        first,
        last,
        kind,
        cue: Some((cue.first, cue.last)),
        subject,
        anchor: cue.first,
    });
}

/// The clause introduced by a prepositional cue at token `i`, if any.
fn introduced_at(doc: &Doc, i: usize, out: &mut Vec<Candidate>) {
    {
        if !doc.quotable(i) || doc.in_closed_region(i) {
            return;
        }
        let Some(p) = cues::phrase_at(&doc.cx, i) else {
            return;
        };
        let (subject, comma) = match p.kind {
            PhraseKind::Opinion => {
                if !doc.is(p.last + 1, ",") {
                    return;
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
                    return;
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
                    Subject::Entity { .. }
                        | Subject::Pronoun { .. }
                        | Subject::Role { .. }
                        | Subject::Name { .. }
                );
                // `Pour X` needs a speaker; `Selon X` a speaker or a source
                // of information (`selon les chiffres officiels`), not any
                // noun (`selon les époques`, `selon la bactérie en cause`).
                if (p.kind == PhraseKind::Topic && !speaks) || subject == Subject::Unknown {
                    return;
                }
                (subject, comma)
            }
        };
        let first = comma + 1;
        let Some(last) = clause_end(doc, first) else {
            return;
        };
        if !words(doc, first, last, 3) {
            return;
        }
        // `Pour Jean Dupont, son président : « ... »`: an apposition, the
        // quote comes after the colon.
        if doc.is(last + 1, ":") && apposition(doc, first, last) {
            return;
        }
        // `Selon l'AFP, le conseil a demandé que ...`: a verb of speech with
        // its own reported clause inside is the nearer attribution.
        let inner = (first..=last).any(|j| {
            doc.cue_starting(j).is_some_and(|c| {
                !c.participle && !doc.negated(c.first) && clause_after(doc, &c).is_some()
            })
        });
        if inner {
            return;
        }
        let (first, last, kind) = marked_clause(doc, first, last);
        out.push(Candidate {
            first,
            last,
            kind,
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
        .find(|&j| {
            doc.is_punct(j)
                && !matches!(doc.word(j), "(" | ")" | "'" | "’")
                // A comma inside a name (`Institut d'hydrologie, de
                // météorologie et ...`) ends nothing.
                && doc.speaker_entity(j).is_none()
        })
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
        // `avant de poursuivre « Vous êtes ... »`: a sentence in marks
        // right after its verb of speech, without a colon.
        if let Some(cue) = doc
            .cue_at(colon)
            .filter(|c| c.last == colon && doc.capitalised(r.open + 1))
        {
            let last = doc.region_last(r);
            let inner_last = if r.close.is_some() { last - 1 } else { last };
            if doc.quotable(r.open)
                && !doc.negated(cue.first)
                && words(doc, r.open + 1, inner_last, 4)
            {
                out.push(Candidate {
                    first: r.open + 1,
                    last: trim_end(doc, r.open + 1, inner_last),
                    kind: QuoteKind::Direct,
                    cue: Some((cue.first, cue.last)),
                    subject: subject_of(doc, cue, out),
                    anchor: cue.first,
                });
            }
            continue;
        }
        if !doc.is(colon, ":") || !doc.quotable(r.open) {
            continue;
        }
        let s = doc.sentence(colon);
        let lower = s.start.max(colon.saturating_sub(12));
        let cue = (lower..colon)
            .rev()
            .take_while(|&j| !doc.is_mark(j))
            .find_map(|j| doc.cue_starting(j));
        if cue.is_some_and(|c| doc.negated(c.first) || doc.in_closed_region(c.first)) {
            continue;
        }
        let last = doc.region_last(r);
        let inner_last = if r.close.is_some() { last - 1 } else { last };
        if inner_last <= r.open {
            continue;
        }
        let (subject, cue_span, anchor) = match cue {
            Some(cue) => (
                subject_of(doc, &cue, out),
                Some((cue.first, cue.last)),
                cue.first,
            ),
            // Without a verb of speech, a statement of a few words after a
            // colon is quoted all the same (`Jean Dupont a défendu sa décision
            // : « ... »`, `Pour l'association : « ... »`, a headline `Jean
            // Dupont : « ... »`); the clause before the colon names whoever
            // says it.
            None => {
                // `Le thème de l'année : « ... »`: a title word before the
                // colon introduces a name, not a statement.
                let titled = (colon.saturating_sub(3)..colon)
                    .any(|j| doc.cx.lex.is_title_trigger(&doc.key(j)));
                if titled || !words(doc, r.open + 1, inner_last, 5) {
                    continue;
                }
                let start = content_start(doc, colon).max(s.start);
                let subject = clause_subject(doc, start, colon);
                if subject == Subject::Unknown && doc.zone(colon) == Zone::Title {
                    continue;
                }
                (subject, None, start)
            }
        };
        out.push(Candidate {
            first: r.open + 1,
            last: trim_end(doc, r.open + 1, inner_last),
            kind: QuoteKind::Direct,
            cue: cue_span,
            subject,
            anchor,
        });
    }
}

/// The subject opening the clause `start..end` (`Jean Dupont a défendu`,
/// `Il a lâché`, `Pour l'association`, `Le ministre a répété`), before a
/// colon that introduces a quote; `Unknown` when the clause opens otherwise.
fn clause_subject(doc: &Doc, start: usize, end: usize) -> Subject {
    // `Alors que ..., il a lâché : « ... »`: the main clause after the last
    // comma first, else the sentence's start.
    let comma = (start.max(end.saturating_sub(MAX_CLAUSE))..end)
        .rev()
        .find(|&j| doc.is(j, ",") && !doc.in_closed_region(j));
    if let Some(c) = comma {
        let s = segment_subject(doc, c + 1, end);
        if s != Subject::Unknown {
            return s;
        }
    }
    segment_subject(doc, start, end)
}

fn segment_subject(doc: &Doc, start: usize, end: usize) -> Subject {
    let start = start + cues::connector_len(&doc.cx, start);
    if start >= end || matches!(doc.key(start).as_ref(), "que" | "qu'" | "qui" | "dont") {
        return Subject::Unknown;
    }
    if let Some(p) = cues::phrase_at(&doc.cx, start) {
        if p.kind == PhraseKind::Opinion {
            return Subject::Unknown;
        }
        let np = p.last + 1;
        let last = speaker::phrase_end(doc, np, end);
        return match speaker::classify_phrase(doc, np, last) {
            s @ (Subject::Entity { .. }
            | Subject::Pronoun { .. }
            | Subject::Role { .. }
            | Subject::Name { .. }) => s,
            _ => Subject::Unknown,
        };
    }
    if let Some((gender, PronounKind::Subject)) = doc.cx.lex.pronoun(&doc.key(start)) {
        return Subject::Pronoun {
            token: start,
            gender,
        };
    }
    let last = speaker::phrase_end(doc, start, end);
    match speaker::classify_phrase(doc, start, last) {
        s @ (Subject::Entity { .. } | Subject::Role { .. } | Subject::Name { .. }) => s,
        _ if last + 1 == end => speaker::noun_phrase(doc, start, last),
        _ => Subject::Unknown,
    }
}

/// Form 7: a backward attribution, the sentence after the content naming
/// its source with a noun of opinion (`C'est l'avis de Jean Dupont.`, `Le
/// constat est de l'économiste Jean Durand.`, `Le constat est le récit de
/// ...`): the sentence before, in the same paragraph, is that source's.
fn backward(doc: &Doc, out: &mut Vec<Candidate>) {
    for pair in doc.sentences.windows(2) {
        let [before, after] = pair else { continue };
        let t = after.start;
        if !doc.quotable(t)
            || doc.paragraph_index(t) != doc.paragraph_index(before.start)
            || doc.in_closed_region(t)
        {
            continue;
        }
        let opens = (doc.key(t) == "c'" && doc.key(t + 1) == "est")
            || matches!(doc.key(t).as_ref(), "le" | "la" | "l'");
        if !opens {
            continue;
        }
        let limit = after.end.min(t + 10);
        let Some(noun) = (t..limit).find(|&i| doc.cx.lex.is_backward_noun(&doc.key(i))) else {
            continue;
        };
        let Some(est) = (t..limit).find(|&i| doc.key(i) == "est") else {
            continue;
        };
        // The source after the last `de` of the copula's complement.
        let Some(de) =
            (noun.max(est) + 1..limit).find(|&i| matches!(doc.key(i).as_ref(), "de" | "d'" | "du"))
        else {
            continue;
        };
        let np = if matches!(doc.key(de + 1).as_ref(), "la" | "l'") {
            de + 2
        } else {
            de + 1
        };
        let end = speaker::phrase_end(doc, np, after.end);
        let subject = speaker::classify_phrase(doc, np, end);
        if !matches!(
            subject,
            Subject::Entity { .. } | Subject::Name { .. } | Subject::Role { .. }
        ) {
            continue;
        }
        let first = content_start(doc, before.start);
        let Some(last) = before.end.checked_sub(1) else {
            continue;
        };
        let last = trim_end(doc, first, last);
        if !words(doc, first, last, 3) {
            continue;
        }
        out.push(Candidate {
            first,
            last,
            kind: kind_of(doc, first, last),
            cue: Some((noun, noun)),
            subject,
            anchor: t,
        });
    }
}

/// Form 6: a quote in marks that opens a sentence with no attribution of
/// its own continues the source named just before: the speaker of the
/// previous quote of its paragraph or the paragraph before (`« A », a dit
/// X. « B ».`), else the subject of the sentence before it in its paragraph
/// (`Jean Dupont a demandé la parole. « ... »`).
fn continued(doc: &Doc, heads: &[usize], out: &mut Vec<Candidate>) {
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&k| out.get(k).map_or(0, |c| c.first));
    let mut next = 0;
    let mut previous: Option<usize> = None;
    let mut covered_to = 0;
    for (k, r) in doc.regions.iter().enumerate() {
        while let Some(&c) = order.get(next) {
            let Some(cand) = out.get(c) else { break };
            if cand.first > r.open {
                break;
            }
            covered_to = covered_to.max(cand.last);
            previous = Some(c);
            next += 1;
        }
        if heads.get(k).is_some_and(|&h| h != k) || r.open <= covered_to || !doc.quotable(r.open) {
            continue;
        }
        let last = doc.region_last(r);
        let inner_last = if r.close.is_some() { last - 1 } else { last };
        let opens_sentence = r.open == doc.sentence(r.open).start
            || r.open == doc.paragraph(r.open).start
            || r.open
                .checked_sub(1)
                .is_some_and(|p| matches!(doc.word(p), "." | "!" | "?") || closing_mark(doc, p));
        if !opens_sentence || !words(doc, r.open + 1, inner_last, 4) {
            continue;
        }
        let paragraph = doc.paragraph_index(r.open).unwrap_or(0);
        // The previous quote counts when it is in this paragraph, or in the
        // one before for a quote opening its paragraph: no narration between.
        let opens_paragraph = r.open == doc.paragraph(r.open).start;
        let near = previous.filter(|&c| {
            out.get(c).is_some_and(|cand| {
                doc.paragraph_index(cand.last)
                    .is_some_and(|p| p == paragraph || (opens_paragraph && p + 1 == paragraph))
            })
        });
        let subject = match near {
            Some(c) => Subject::SameAs(c),
            None => {
                let s = doc.sentence(r.open.saturating_sub(1));
                let p = doc.paragraph(r.open);
                if s.start < p.start || s.start >= r.open {
                    continue;
                }
                match clause_subject(doc, content_start(doc, s.start), r.open) {
                    s @ (Subject::Entity { .. }
                    | Subject::Pronoun { .. }
                    | Subject::Name { .. }) => s,
                    _ => continue,
                }
            }
        };
        let last = trim_end(doc, r.open + 1, inner_last);
        out.push(Candidate {
            first: r.open + 1,
            last,
            kind: QuoteKind::Direct,
            cue: None,
            subject,
            anchor: r.open,
        });
        // A run of quotes goes on with this one's source.
        previous = Some(out.len() - 1);
        covered_to = covered_to.max(last);
    }
}

/// Form 5: a fragment of two words or more in marks, lower case (not a name
/// or a title), after a verb of speech in its clause: `a dénoncé une réforme
/// « injuste et brutale »`, `saluant « un grand succès »`.
fn fragments(doc: &Doc, out: &mut Vec<Candidate>) {
    let mut next_free = 0;
    for (k, r) in doc.regions.iter().enumerate() {
        let Some(close) = r.close else { continue };
        let (first, last) = (r.open + 1, close.saturating_sub(1));
        if k < next_free || last < first || !doc.quotable(r.open) || !lower_fragment(doc, r.open) {
            continue;
        }
        let Some(cue) = fragment_cue(doc, r.open) else {
            continue;
        };
        // One word is enough after `qualifier ... de`, `traiter ... de`,
        // `décrire ... comme` (`a qualifié la situation de « préoccupante »`);
        // elsewhere it is more likely a term.
        let qualified = matches!(
            doc.key(r.open.saturating_sub(1)).as_ref(),
            "de" | "d'" | "comme"
        );
        if !words(doc, first, last, if qualified { 1 } else { 2 }) {
            continue;
        }
        // Several fragments of one clause make one partial quote, from the
        // first quoted word to the last (`un discours « truffé
        // d'incantations » et manquant « de courage »`).
        let mut end = last;
        let mut j = k + 1;
        while let Some(next) = doc.regions.get(j) {
            let Some(next_close) = next.close else { break };
            let gap_ok = next.open > end + 1
                && next.open <= end + 8
                && (end + 2..next.open).all(|t| {
                    doc.is_word(t) && !doc.capitalised(t) && doc.cue_starting(t).is_none()
                });
            if !gap_ok || !lower_fragment(doc, next.open) || next_close <= next.open + 1 {
                break;
            }
            end = next_close - 1;
            j += 1;
        }
        next_free = j;
        let subject = subject_of(doc, &cue, out);
        out.push(Candidate {
            first,
            last: end,
            kind: QuoteKind::Partial,
            cue: Some((cue.first, cue.last)),
            subject,
            anchor: cue.first,
        });
    }
}

/// Whether the region opening at `open` holds a lower-case fragment (not a
/// name or a title) that no title word introduces (`le thème « ... »`).
fn lower_fragment(doc: &Doc, open: usize) -> bool {
    let mut w = open + 1;
    while cues::is_determiner(&doc.key(w)) && doc.is_word(w + 1) {
        w += 1;
    }
    // A capitalised opening is a name or a title, unless the marks hold a
    // statement of several words (`a dénoncé un « Incident grave ! La
    // séance ... »`).
    let statement = doc
        .region_at(open)
        .and_then(|r| r.close)
        .is_some_and(|c| words(doc, open + 1, c, 6));
    if (doc.capitalised(w) && !statement) || !doc.is_word(w) {
        return false;
    }
    let before = open.saturating_sub(1);
    let trigger = doc.cx.lex.is_title_trigger(&doc.key(before))
        || (matches!(doc.key(before).as_ref(), "de" | "du" | "des" | "d'")
            && doc
                .cx
                .lex
                .is_title_trigger(&doc.key(before.saturating_sub(1))));
    !trigger
}

/// The verb of speech in the clause before a fragment opening at `open`:
/// within the 8 tokens before it (an apposition aside), with no punctuation
/// between them.
fn fragment_cue(doc: &Doc, open: usize) -> Option<VerbCue> {
    let s = doc.sentence(open);
    let mut j = open;
    let mut read = 0;
    let mut apposition_skipped = false;
    let cue = loop {
        if read >= 8 || j <= s.start {
            return None;
        }
        j -= 1;
        if doc.is_punct(j) {
            // `décrit sa fille, Jeanne Dupont, comme « ... »`: one apposition
            // of a few words between commas leaves the clause open.
            let opening = (!apposition_skipped && doc.is(j, ","))
                .then(|| {
                    (s.start.max(j.saturating_sub(MAX_APPOSITION + 1))..j)
                        .rev()
                        .find(|&c| doc.is_punct(c))
                })
                .flatten()
                // An apposed name or role (not an incise such as `quant à
                // elle`), as `apposition` reads one.
                .filter(|&c| doc.is(c, ",") && apposition(doc, c + 1, j - 1));
            match opening {
                Some(c) => {
                    apposition_skipped = true;
                    j = c;
                    continue;
                }
                None => return None,
            }
        }
        read += 1;
        if let Some(cue) = doc.cue_starting(j) {
            break cue;
        }
    };
    (!doc.negated(cue.first) && !doc.in_closed_region(cue.first)).then_some(cue)
}

/// An apposition skipped between a verb and its complement has at most this
/// many tokens.
const MAX_APPOSITION: usize = 6;
