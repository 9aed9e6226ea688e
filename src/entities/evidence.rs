//! Open-world evidence: names that no lexicon knows, recognised by where they
//! stand or by a word that says what they are.
//!
//! - A person: a capitalised name of two to four words in a speaker slot
//!   (`Souha Arafat a déclaré`, `a expliqué Timor Goksel`, `selon Ana Ruiz`),
//!   or whose surname stands alone in one (`Kiro Quennec ... Quennec a dit`);
//!   an initial before a surname (`B. Obama`, `J-M Ayrault`); the maker of a
//!   work (`une toile de Renoir`); a name listed with a known person (`Jean
//!   Dupont, Ana Ruiz et Li Wei`).
//! - An organisation: a capitalised name closed by a word that says what kind
//!   of body it is (`Dana Air`, `Free Mobile`, `... Facilities Council`); an
//!   unknown acronym in running text (`le BEA`), weakly.
//! - A place: a capitalised name after a noun that introduces one (`la
//!   commune de X`, `la province X`, `le pont X`, `l'aéroport international
//!   X`, `près de X`); a name listed with known places.
//! - Then what one mention establishes holds for the name's other mentions in
//!   the article (`propagate`).
//!
//! Evidence never overrides a lexicon entry: a run that a lexicon candidate
//! covers in part is left to the lexicon. Sentence-initial capitals, headings
//! and all-caps lines are no evidence by themselves: every rule needs a cue.

use std::cell::Cell;
use std::collections::hash_map::Entry;

use super::people::{name_part, parts, run_end};
use super::words::Class;
use super::Context;
use super::{key32, Bits, Candidate, StrongSpans, Tier};
use crate::lexicon::WordShapes;

use crate::lexicon::{fold_key, is_apostrophe, TextMap, TextSet};
use crate::model::{Label, Source, Span, TokenKind};
use crate::text::{all_caps, capitalised, partition_from};

/// A person's name found by its slot has at most this many parts.
const MAX_SLOT_PARTS: usize = 4;

/// A place or company name found by its cue has at most this many words.
const MAX_CUED_WORDS: usize = 6;

/// How many names sharing a first word `propagate` keeps: enough for any
/// article, and a bound on the work per token.
const MAX_NAMES_PER_WORD: usize = 8;

/// The tokens that a candidate `keep` selects covers.
fn covered_tokens(cx: &Context, out: &[Candidate], keep: impl Fn(&Candidate) -> bool) -> Bits {
    let mut covered = Bits::new(cx.tokens.len());
    for c in out.iter().filter(|c| keep(c)) {
        covered.insert_range(cx.tokens_overlapping(c.span.start, c.span.end));
    }
    covered
}

/// Whether any of tokens `first..=last` is covered (or the run goes past
/// the end).
fn covered(lexical: &Bits, first: usize, last: usize) -> bool {
    lexical.any(first..last + 1).is_none_or(|c| c)
}

fn span_of(cx: &Context, first: usize, last: usize) -> Option<Span> {
    Some(Span::new(
        cx.tokens.get(first)?.start(),
        cx.tokens.get(last)?.end(),
    ))
}

/// Whether token `i` is a form of a verb of speech (not an infinitive, nor a
/// present participle: those have no subject of their own).
fn speech_verb(cx: &Context, i: usize) -> bool {
    cx.is(i, Class::SpeechVerb)
}

/// Whether a speech verb follows the name ending at `last`: `X a déclaré`,
/// `X avait indiqué`, `X explique`.
fn speech_after(cx: &Context, last: usize) -> bool {
    if !cx.joined(last) {
        return false;
    }
    let next = last + 1;
    if matches!(cx.key(next).as_ref(), "a" | "avait" | "aurait") {
        return cx.joined(next) && speech_verb(cx, next + 1);
    }
    speech_verb(cx, next)
}

/// Whether the name starting at `first` follows a speech verb (`a expliqué
/// X`, `explique X`) or `selon`, `d'après`.
fn speech_before(cx: &Context, first: usize) -> bool {
    let Some(prev) = first.checked_sub(1) else {
        return false;
    };
    if !cx.joined(prev) {
        return false;
    }
    let key = cx.key(prev);
    if key == "selon" {
        return true;
    }
    if key == "après" {
        return prev.checked_sub(1).is_some_and(|p| cx.key(p) == "d'");
    }
    key == "d'après" || speech_verb(cx, prev)
}

/// Whether tokens `first..=last` read as a person's name: two to four name
/// parts, none in capitals (an acronym or a heading), none known to a lexicon.
fn person_like(cx: &Context, first: usize, last: usize, lexical: &Bits) -> bool {
    let words = (first..=last).filter(|&k| cx.is_word(k)).count();
    // A given name inside the run opens another name (`l'agence Nova Press
    // Jean Dupont`): the people patterns take it from there.
    let inner_given = (first + 1..=last).any(|k| cx.is(k, Class::GivenName));
    (2..=MAX_SLOT_PARTS).contains(&parts(cx, first, last))
        && !inner_given
        && words <= MAX_SLOT_PARTS + 1
        && !(first..=last).any(|k| cx.all_caps(k))
        && !covered(lexical, first, last)
}

/// `B.`, `V.`: a capital letter and a full stop, glued. `M.` is Monsieur.
fn initial_with_stop(cx: &Context, i: usize) -> Option<usize> {
    let word = cx.word(i);
    let mut chars = word.chars();
    let letter = chars.next()?;
    if !letter.is_uppercase() || letter == 'M' {
        return None;
    }
    match chars.as_str() {
        "." => Some(i),
        "" if cx.glued(i) && cx.word(i + 1) == "." => Some(i + 1),
        _ => None,
    }
}

/// `J-M`, `J.-M.`: initials of a compound given name.
fn compound_initials(word: &str) -> bool {
    // Nearly every token fails on its first character or has no hyphen: no
    // need to split it.
    if !word.chars().next().is_some_and(char::is_uppercase) || !word.contains('-') {
        return false;
    }
    word.split('-').all(|p| {
        let mut c = p.strip_suffix('.').unwrap_or(p).chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    })
}

/// People by their slot and by an initial before a surname.
fn people(cx: &Context, lexical: &Bits, out: &mut Vec<Candidate>) {
    let places = TextSet::new();
    // Names of two parts or more outside a slot, and single name parts in
    // one: the second may make the first a person.
    let mut unslotted: Vec<(usize, usize)> = Vec::new();
    let mut lone_speakers: TextSet<&str> = TextSet::new();
    let mut i = 0;
    while i < cx.tokens.len() {
        // An initial and a surname: `B. Obama`, `J-M Ayrault`.
        let initial_end = initial_with_stop(cx, i)
            .or_else(|| {
                // Its shape first: a capital and a hyphen, which most tokens lack.
                (cx.capitalised(i) && cx.hyphenated(i) && compound_initials(cx.word(i)))
                    .then_some(i)
            })
            .filter(|&e| cx.joined(e) && name_part(cx, e + 1));
        if let Some(e) = initial_end {
            let last = run_end(cx, e + 1, &places);
            if !covered(lexical, e + 1, last) && !cx.all_caps(e + 1) {
                if let Some(span) = span_of(cx, i, last) {
                    out.push(
                        Candidate::new(span, Label::Per, Tier::Strong, 6).from(Source::Evidence),
                    );
                }
                i = last + 1;
                continue;
            }
        }
        if !name_part(cx, i) {
            i += 1;
            continue;
        }
        let last = run_end(cx, i, &places);
        let slot = speech_before(cx, i) || speech_after(cx, last);
        if person_like(cx, i, last, lexical) {
            if slot {
                if let Some(span) = span_of(cx, i, last) {
                    out.push(
                        Candidate::new(span, Label::Per, Tier::Strong, 5).from(Source::Evidence),
                    );
                }
            } else {
                unslotted.push((i, last));
            }
        } else if slot
            && parts(cx, i, last) == 1
            && !covered(lexical, i, last)
            && !cx.all_caps(last)
        {
            // `De Lanvaux a dit`: a particle capitalised at the start.
            lone_speakers.insert(cx.word(last));
        }
        i = last + 1;
    }
    // A surname standing alone as a speaker (`Quennec a indiqué`) says that
    // the article's name ending with it is a person's (`Kiro Quennec`),
    // wherever that name stands.
    for (first, last) in unslotted {
        if lone_speakers.contains(cx.word(last)) {
            if let Some(span) = span_of(cx, first, last) {
                out.push(Candidate::new(span, Label::Per, Tier::Strong, 5).from(Source::Evidence));
            }
        }
    }
}

/// Makers of works: a name right after `de` following a noun of a made work
/// (`une toile de Renoir`, `un roman de Victor Hugo`); the list it opens
/// (`de Monet, Degas et Sisley`) takes the label through `coordinated`.
fn authors(cx: &Context, lexical: &Bits, out: &mut Vec<Candidate>) {
    let places = TextSet::new();
    for i in 0..cx.tokens.len() {
        if !cx.is(i, Class::CreationNoun)
            || !cx.joined(i)
            || !matches!(cx.key(i + 1).as_ref(), "de" | "d'")
            || !cx.joined(i + 1)
        {
            continue;
        }
        let first = i + 2;
        if !name_part(cx, first) || cx.all_caps(first) {
            continue;
        }
        let last = run_end(cx, first, &places);
        if parts(cx, first, last) > MAX_SLOT_PARTS || covered(lexical, first, last) {
            continue;
        }
        if let Some(span) = span_of(cx, first, last) {
            out.push(Candidate::new(span, Label::Per, Tier::Strong, 5).from(Source::Evidence));
        }
    }
}

/// A capitalised word that can stand inside a company name.
fn company_word(cx: &Context, i: usize) -> bool {
    cx.is_word(i) && cx.capitalised(i) && !cx.is(i, Class::Blocker) && !cx.is(i, Class::Determiner)
}

/// Organisations closed by a word that says what they are (`Dana Air`).
fn companies(cx: &Context, out: &mut Vec<Candidate>) {
    for k in 1..cx.tokens.len() {
        if !cx.is(k, Class::OrgSuffix) || !cx.lex.words.org_suffixes.contains(cx.word(k)) {
            continue;
        }
        let mut first = k;
        let mut words = 1;
        while first > 0 && words < MAX_CUED_WORDS {
            let prev = first - 1;
            if !cx.joined(prev) {
                break;
            }
            if company_word(cx, prev) {
                first = prev;
                words += 1;
                continue;
            }
            // `Science & Technology`, `Investment and Securities`.
            let inner = matches!(cx.word(prev), "&" | "and" | "of" | "for");
            if inner && prev > 0 && cx.joined(prev - 1) && company_word(cx, prev - 1) {
                first = prev - 1;
                words += 2;
                continue;
            }
            break;
        }
        if first == k {
            continue;
        }
        if let Some(span) = span_of(cx, first, k) {
            out.push(Candidate::new(span, Label::Org, Tier::Strong, 7).from(Source::Evidence));
        }
    }
}

/// Whether token `i` is an acronym no list holds, in running text: all
/// capitals, two to six letters, not a Roman numeral, with a word in lower
/// case on the same line (no heading, no menu in capitals).
fn unknown_acronym(cx: &Context, i: usize) -> bool {
    let word = cx.word(i);
    // The case first: it stops at the first lower-case letter, where
    // counting the characters reads the whole word.
    if !cx.is_word(i)
        || !word.chars().all(|c| c.is_uppercase())
        || !(2..=6).contains(&word.chars().count())
        || word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        || (cx.is(i, Class::CommonAcronym) && cx.lex.words.common_acronyms.contains(word))
        || (cx.is(i, Class::AmbiguousAgency) && cx.lex.words.ambiguous_agencies.contains(word))
        || cx.is(i, Class::OrgDescriptor)
    {
        return false;
    }
    let lower = |k: usize| cx.is_word(k) && cx.has_lower(k);
    let before = i.checked_sub(1).is_some_and(|p| cx.joined(p) && lower(p));
    let after = cx.joined(i) && lower(i + 1);
    // After a common noun an acronym names a kind or a product (`une carte
    // SD`, `la licence GPL`, `le maïs OGM`), not a body; after a function
    // word or an adjective (`du BEA`, `l'organisation séparatiste ETA`) it
    // names one.
    let after_noun = i.checked_sub(1).is_some_and(|p| {
        let key = cx.key(p);
        cx.joined(p)
            && cx.is_word(p)
            && !cx.capitalised(p)
            && !cx.is(p, Class::FunctionWord)
            && !cx.lex.words.adjective(key.as_ref())
    });
    // After a number it is a unit or what is counted (`0,04 UA`, `12 PME`).
    let after_number = i
        .checked_sub(1)
        .is_some_and(|p| cx.joined(p) && cx.kind(p) == Some(TokenKind::Number));
    (before || after) && !after_noun && !after_number
}

fn acronyms(cx: &Context, lexical: &Bits, out: &mut Vec<Candidate>) {
    for i in 0..cx.tokens.len() {
        if lexical.get(i).unwrap_or(true) || !unknown_acronym(cx, i) {
            continue;
        }
        if let Some(span) = span_of(cx, i, i) {
            out.push(Candidate::new(span, Label::Org, Tier::Weak, 1).from(Source::Evidence));
        }
    }
}

/// A capitalised word that can stand in a place's name.
fn place_word(cx: &Context, i: usize) -> bool {
    cx.is_word(i)
        && cx.capitalised(i)
        && cx.long(i)
        && !cx.all_caps(i)
        && !cx.is(i, Class::Blocker)
        && !cx.is(i, Class::Title)
        && cx.full_month(i).is_none()
        && !cx.is(i, Class::Weekday)
}

/// The first token of the name after the place noun at `i`: past one
/// adjective (`l'aéroport international`) and a `de`, `du`, `d'`.
fn after_place_noun(cx: &Context, i: usize) -> Option<usize> {
    let mut k = i;
    if cx.joined(k) && !cx.capitalised(k + 1) && cx.lex.words.adjective(cx.key(k + 1).as_ref()) {
        k += 1;
    }
    if cx.joined(k) && matches!(cx.key(k + 1).as_ref(), "de" | "du" | "d'" | "des") {
        k += 1;
    }
    (cx.joined(k) && place_word(cx, k + 1)).then_some(k + 1)
}

/// `Charlotte (Caroline du Nord)`, `Cascais (Portugal)`: a capitalised word
/// before a known place in parentheses is a place in it.
fn located(cx: &Context, lexical: &Bits, out: &mut Vec<Candidate>) {
    let known: TextMap<usize, usize> = out
        .iter()
        .filter(|c| c.label == Label::Loc && c.source == Source::Lexicon)
        .map(|c| (c.span.start, c.span.end))
        .collect();
    let mut more = Vec::new();
    for i in 0..cx.tokens.len() {
        // The parenthesis first: it rules out nearly every token at once.
        if cx.word(i + 1) != "(" || !cx.glued(i + 1) {
            continue;
        }
        if !place_word(cx, i) || lexical.get(i).unwrap_or(true) || !cx.joined(i) {
            continue;
        }
        let inside = cx.tokens.get(i + 2).and_then(|t| known.get(&t.start()));
        let closed = inside
            .and_then(|&end| cx.token_ending(end))
            .is_some_and(|k| cx.word(k + 1) == ")" && cx.glued(k));
        if let (true, Some(span)) = (closed, span_of(cx, i, i)) {
            more.push(Candidate::new(span, Label::Loc, Tier::Strong, 7).from(Source::Evidence));
        }
    }
    out.extend(more);
}

/// Places after a noun that introduces one, and after `près de`.
fn places(cx: &Context, lexical: &Bits, out: &mut Vec<Candidate>) {
    for i in 0..cx.tokens.len() {
        if cx.capitalised(i) {
            continue;
        }
        let key = cx.key(i);
        let first = if cx.is(i, Class::PlaceNoun) {
            after_place_noun(cx, i)
        } else if key == "près" && cx.joined(i) && matches!(cx.key(i + 1).as_ref(), "de" | "d'") {
            Some(i + 2).filter(|&k| cx.joined(i + 1) && place_word(cx, k))
        } else {
            None
        };
        let Some(first) = first else { continue };
        let mut last = first;
        let mut words = 1;
        while words < MAX_CUED_WORDS && cx.joined(last) {
            let next = last + 1;
            if place_word(cx, next) {
                last = next;
            } else if cx.is(next, Class::Particle) && cx.joined(next) && place_word(cx, next + 1) {
                last = next + 1;
            } else {
                break;
            }
            words += 1;
        }
        // A name another word continues (`la ville de Jean Dupont`'s people
        // pattern, a lexicon place) is left to that reading.
        if covered(lexical, first, last) {
            continue;
        }
        if let Some(span) = span_of(cx, first, last) {
            out.push(Candidate::new(span, Label::Loc, Tier::Strong, 7).from(Source::Evidence));
        }
    }
}

/// A known organisation of one word with capitalised words after it names a
/// branch or a product line of it, one organisation: `HP France`, `Bouygues
/// Travaux Publics`, `Michelin Amérique du Nord`.
fn branches(cx: &Context, out: &mut Vec<Candidate>) {
    let branch_word = |k: usize| {
        cx.is_word(k)
            && cx.capitalised(k)
            && !cx.all_caps(k)
            && !cx.is(k, Class::Blocker)
            && !cx.is(k, Class::GivenName)
            && !cx.is(k, Class::Weekday)
            && !cx.is(k, Class::OrgHead)
            // `Jean-Marc`, `Gilles-Éric`: a compound given name opens a person.
            && !cx.word(k).split_once('-').is_some_and(|(a, b)| capitalised(a) && capitalised(b))
    };
    // Known places, by their first token: a branch may be one (`HP France`).
    let places: TextMap<usize, usize> = out
        .iter()
        .filter(|c| c.label == Label::Loc && c.source == Source::Lexicon)
        .filter_map(|c| Some((c.span.start, cx.token_ending(c.span.end)?)))
        .collect();
    let mut more = Vec::new();
    for c in out
        .iter()
        .filter(|c| c.label == Label::Org && matches!(c.source, Source::Lexicon | Source::Evidence))
    {
        let (Some(first), Some(mut last)) =
            (cx.token_starting(c.span.start), cx.token_ending(c.span.end))
        else {
            continue;
        };
        if first != last {
            continue;
        }
        let mut words = 0;
        while words < 4 && cx.joined(last) {
            let place_end = cx
                .tokens
                .get(last + 1)
                .and_then(|t| places.get(&t.start()))
                .copied();
            if let Some(end) = place_end {
                last = end;
            } else if branch_word(last + 1) {
                last += 1;
            } else if matches!(cx.key(last + 1).as_ref(), "du" | "de")
                && words > 0
                && cx.joined(last + 1)
                && branch_word(last + 2)
            {
                last += 2;
            } else {
                break;
            }
            words += 1;
        }
        if words == 0 {
            continue;
        }
        if let Some(span) = span_of(cx, first, last) {
            more.push(Candidate::new(span, Label::Org, Tier::Strong, 3).from(Source::Evidence));
        }
    }
    out.extend(more);
}

/// Every open-world finder that needs no other entity.
pub fn find(cx: &Context, out: &mut Vec<Candidate>) {
    let lexical = covered_tokens(cx, out, |c| c.source == Source::Lexicon);
    // A person's slot holds no organisation that a pattern found.
    let named = covered_tokens(cx, out, |c| {
        c.source == Source::Lexicon || c.label == Label::Org
    });
    people(cx, &named, out);
    authors(cx, &named, out);
    companies(cx, out);
    acronyms(cx, &lexical, out);
    branches(cx, out);
    places(cx, &lexical, out);
    located(cx, &lexical, out);
}

/// One item of a list: a kept entity or a free run of name parts.
struct Item {
    first: usize,
    last: usize,
    label: Option<Label>,
}

/// Names listed with known people or known places take their label: in
/// `Jean Dupont, Ana Ruiz et Li Wei`, `Milan, Giverny et Londres`, every
/// item is of one kind. Only free positions are filled; a list with both
/// people and places, or with organisations, says nothing.
pub fn coordinated(cx: &Context, kept: &[Candidate]) -> Vec<Candidate> {
    // `kept` is sorted by start and disjoint: the kept candidate starting at
    // a token is found by a search from the last one found (the tokens are
    // read in order), with no table as long as the text.
    let last_found = Cell::new(0);
    let starting = |at: usize| {
        let k = partition_from(kept, last_found.get(), |c| c.span.start < at);
        last_found.set(k);
        kept.get(k).filter(|c| c.span.start == at)
    };
    let taken = covered_tokens(cx, kept, |_| true);
    let places = TextSet::new();
    let item_at = |i: usize| -> Option<Item> {
        // A kept candidate starting at token `i` covers it: a free token
        // (most) needs no search.
        if taken.get(i)? {
            let c = starting(cx.tokens.get(i)?.start())?;
            let last = cx.token_ending(c.span.end)?;
            return Some(Item {
                first: i,
                last,
                label: Some(c.label),
            });
        }
        if !name_part(cx, i) || cx.all_caps(i) {
            return None;
        }
        let last = run_end(cx, i, &places);
        if covered(&taken, i, last) {
            return None;
        }
        Some(Item {
            first: i,
            last,
            label: None,
        })
    };
    let mut out = Vec::new();
    let mut items = Vec::new();
    let mut i = 0;
    while i < cx.tokens.len() {
        let Some(item) = item_at(i) else {
            i += 1;
            continue;
        };
        items.clear();
        items.push(item);
        let mut conjoined = false;
        while let Some(last) = items.last().map(|it| it.last) {
            let mut k = last + 1;
            if !cx.joined(last) || !matches!(cx.word(k), "," | "et") {
                break;
            }
            if cx.word(k) == "," && cx.joined(k) && cx.key(k + 1) == "et" {
                k += 1;
            }
            conjoined |= cx.key(k) == "et";
            if !cx.joined(k) {
                break;
            }
            match item_at(k + 1) {
                Some(next) => items.push(next),
                None => break,
            }
        }
        let end = items.last().map_or(i, |it| it.last);
        // The label of the known items, when they all have one.
        let mut labels = items.iter().filter_map(|it| it.label);
        let first_label = labels.next();
        let label = first_label.filter(|&l| labels.all(|other| other == l));
        // A list ends on `et`; commas alone may be appositions (`la série
        // Jean Dupont, Le Grand Bleu,`).
        if let (true, Some(label @ (Label::Per | Label::Loc))) = (conjoined, label) {
            for it in items.iter().filter(|it| it.label.is_none()) {
                // A lone capitalised word opening a sentence is no name by
                // itself (`Ensuite, Jean Dupont ...`).
                let opens = it.first == 0
                    || cx.line_start(it.first)
                    || matches!(cx.word(it.first - 1), "." | "!" | "?" | ":");
                if opens && it.first == it.last {
                    continue;
                }
                if let Some(span) = span_of(cx, it.first, it.last) {
                    out.push(Candidate::new(span, label, Tier::Weak, 1).from(Source::Evidence));
                }
            }
        }
        i = end + 1;
    }
    out
}

/// The other mentions of every name that a pattern or evidence found, with
/// the same surface, as weak candidates: one good cue labels every mention.
pub fn propagate(cx: &Context, kept: &[Candidate]) -> Vec<Candidate> {
    let source = |c: &Candidate| {
        matches!(c.source, Source::Pattern | Source::Evidence)
            && matches!(c.label, Label::Per | Label::Org | Label::Loc)
    };
    // Whether the `n` tokens from `a` are spelt as the `n` from `b`.
    let same = |a: usize, b: usize, n: usize| (0..n).all(|k| cx.word(a + k) == cx.word(b + k));
    // The names by their first word: for each first word, its names in
    // the order they come, as a list linked through `table` (no list of
    // its own for each of tens of thousands of words).
    let mut table: Vec<NameLink> = Vec::new();
    // At its full size: growing it hashes every key again at each doubling.
    let mut names: TextMap<&str, (u32, u32)> =
        TextMap::with_capacity(kept.iter().filter(|c| source(c)).count());
    for (k, c) in kept.iter().enumerate().filter(|(_, c)| source(c)) {
        let (Some(first), Some(last)) =
            (cx.token_starting(c.span.start), cx.token_ending(c.span.end))
        else {
            continue;
        };
        let Some(n) = (last + 1).checked_sub(first).filter(|&n| n > 0) else {
            continue;
        };
        let link = NameLink {
            first: key32(first),
            tokens: key32(n),
            candidate: key32(k),
            next: None,
        };
        let at = key32(table.len());
        match names.entry(cx.word(first)) {
            Entry::Vacant(e) => {
                e.insert((at, at));
                table.push(link);
            }
            Entry::Occupied(mut e) => {
                let (head, tail) = *e.get();
                let full = chain(&table, head).nth(MAX_NAMES_PER_WORD - 1).is_some();
                if full
                    || chain(&table, head)
                        .any(|l| l.tokens as usize == n && same(l.first as usize, first, n))
                {
                    continue;
                }
                if let Some(t) = table.get_mut(tail as usize) {
                    t.next = Some(at);
                }
                e.get_mut().1 = at;
                table.push(link);
            }
        }
    }
    // Most tokens have neither the first byte nor the length of a first
    // word, and are not hashed.
    let heads = WordShapes::of(names.keys().copied());
    let mut out = Vec::new();
    // The first candidate of `kept` that does not start before token `i`:
    // `kept` is sorted by start and disjoint, and the tokens are read in
    // order, so whether a source has a span is read there, with no set of
    // every span and no search.
    let mut at = 0;
    let mut strong = StrongSpans::new(kept);
    for (i, t) in cx.tokens.iter().enumerate() {
        let word = cx.word(i);
        if !heads.may_hold(word) || strong.overlap(Span::new(t.start(), t.end())) {
            continue;
        }
        let Some(&(head, _)) = names.get(word) else {
            continue;
        };
        for link in chain(&table, head) {
            let (first, n) = (link.first as usize, link.tokens as usize);
            let Some(found_by) = kept.get(link.candidate as usize) else {
                continue;
            };
            let fits = (0..n)
                .all(|k| cx.word(i + k) == cx.word(first + k) && (k + 1 == n || cx.joined(i + k)));
            let Some(span) = span_of(cx, i, i + n - 1).filter(|_| fits) else {
                continue;
            };
            while kept.get(at).is_some_and(|c| c.span.start < span.start) {
                at += 1;
            }
            if kept.get(at).is_some_and(|c| c.span == span && source(c)) {
                continue;
            }
            let mut c =
                Candidate::new(span, found_by.label, Tier::Weak, 3).from(Source::Propagated);
            c.canonical.clone_from(&found_by.canonical);
            out.push(c);
        }
    }
    out
}

/// A name that `propagate` looks for, in the list of the names sharing its
/// first word: its first token, its number of tokens (its surfaces are the
/// text's), the candidate that found it (label and canonical) and the next
/// name of the list.
#[derive(Clone, Copy)]
struct NameLink {
    first: u32,
    tokens: u32,
    candidate: u32,
    next: Option<u32>,
}

/// The names of the list of `table` that starts at `head`, in order.
fn chain(table: &[NameLink], head: u32) -> impl Iterator<Item = NameLink> + '_ {
    let mut at = Some(head);
    std::iter::from_fn(move || {
        let link = table.get(at? as usize)?;
        at = link.next;
        Some(*link)
    })
}

/// Words that an acronym skips (`Bureau d'enquêtes et d'analyses`: BEA).
fn acronym_skips(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "des"
            | "d"
            | "la"
            | "le"
            | "les"
            | "l"
            | "et"
            | "pour"
            | "en"
            | "au"
            | "aux"
            | "sur"
            | "of"
            | "and"
            | "the"
            | "for"
            | "&"
    )
}

/// The initials of a name's words, hyphenated parts apart (`Hewlett-Packard`:
/// HP), in upper case.
fn initials_of(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || is_apostrophe(c))
        .filter(|w| !w.is_empty() && !acronym_skips(&fold_key(w)))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The letters of an initial token (`B.`: B; `J-M`: JM).
fn initial_letters(word: &str) -> String {
    word.chars().filter(|c| c.is_uppercase()).collect()
}

/// Gives an unknown acronym the name it stands for, when the article writes
/// a name whose initials spell it (`BEA` and `Bureau d'enquêtes et
/// d'analyses`), and a name with an initial the full name the article gives
/// (`B. Obama` and `Barack Obama`). Run before `canonical::fill`, which then
/// spreads the names found.
pub fn spell_out(cx: &Context, kept: &mut [Candidate]) {
    let mut orgs: TextMap<char, Vec<(String, String)>> = TextMap::new();
    let mut people: TextMap<String, Vec<String>> = TextMap::new();
    for c in kept.iter() {
        let name = c
            .canonical
            .as_deref()
            .unwrap_or_else(|| c.span.text(cx.text));
        match c.label {
            Label::Org if name.contains([' ', '-']) => {
                let initials = initials_of(name);
                if let Some(first) = initials.chars().next() {
                    let list = orgs.entry(first).or_default();
                    if list.len() < MAX_NAMES_PER_WORD * 4 {
                        list.push((initials, name.to_string()));
                    }
                }
            }
            Label::Per if !name.contains('.') => {
                let words: Vec<&str> = name.split_whitespace().collect();
                if let (true, Some(last)) = (words.len() >= 2, words.last()) {
                    let list = people.entry(fold_key(last)).or_default();
                    if list.len() < MAX_NAMES_PER_WORD {
                        list.push(name.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    for c in kept.iter_mut() {
        let surface = c.span.text(cx.text);
        if c.label == Label::Org
            && c.canonical.is_none()
            && c.expansion.is_none()
            && all_caps(surface)
            && !surface.contains(' ')
        {
            let letters: String = surface.chars().filter(|ch| ch.is_alphabetic()).collect();
            let names = letters.chars().next().and_then(|f| orgs.get(&f));
            let exact = names
                .into_iter()
                .flatten()
                .find(|(initials, _)| *initials == letters);
            let prefix = || {
                names
                    .into_iter()
                    .flatten()
                    .find(|(initials, _)| initials.starts_with(&letters))
            };
            if let Some((_, name)) = exact.or_else(prefix) {
                c.canonical = Some(name.as_str().into());
            }
        }
        if c.label == Label::Per && c.canonical.is_none() {
            let mut words = surface.split_whitespace();
            let (Some(initial), Some(last)) = (words.next(), surface.split_whitespace().last())
            else {
                continue;
            };
            // Most names open with no initial: told before its letters are
            // copied.
            let dotted = initial.ends_with('.');
            let compound = !dotted && compound_initials(initial);
            if !dotted && !compound {
                continue;
            }
            let letters = initial_letters(initial);
            if !(compound || letters.chars().count() == 1 || compound_initials(initial)) {
                continue;
            }
            let full = people
                .get(&fold_key(last))
                .into_iter()
                .flatten()
                .find(|name| {
                    name.split_whitespace()
                        .next()
                        .is_some_and(|first| initials_of(first) == letters)
                });
            if let Some(full) = full {
                c.canonical = Some(full.as_str().into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entity, run};
    use crate::model::Source;

    fn labelled(text: &str, label: &str) -> Vec<String> {
        run(text, None)
            .into_iter()
            .filter(|(_, l)| *l == label)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn subject_of_a_speech_verb_is_a_person() {
        assert_eq!(
            labelled("Hier, Souha Arafat a déclaré que tout allait bien.", "PER"),
            ["Souha Arafat"]
        );
        let e = entity(
            "Hier, Souha Arafat a déclaré que tout allait bien.",
            None,
            "Souha Arafat",
        );
        assert_eq!(e.map(|e| e.source), Some(Source::Evidence));
    }

    #[test]
    fn inverted_subject_and_selon_are_speaker_slots() {
        assert_eq!(
            labelled("« Rien ne change », a expliqué Tarek Oubrou.", "PER"),
            ["Tarek Oubrou"]
        );
        assert_eq!(
            labelled("Selon Ilkka Saarinen, le projet avance.", "PER"),
            ["Ilkka Saarinen"]
        );
    }

    #[test]
    fn a_surname_alone_in_a_slot_makes_its_full_name_a_person() {
        assert_eq!(
            labelled(
                "Kiro Quennec est arrivé premier. Quennec a indiqué que la mer était forte.",
                "PER"
            ),
            ["Kiro Quennec", "Quennec"]
        );
        // A particle capitalised at the start of the sentence.
        assert_eq!(
            labelled(
                "Tavo de Lanvaux est arrivé troisième. De Lanvaux a déclaré qu'il repartirait.",
                "PER"
            ),
            ["Tavo de Lanvaux", "De Lanvaux"]
        );
        // Without the lone surname in a slot, the name says nothing.
        assert!(labelled(
            "Kiro Quennec est arrivé premier. Quennec reste en tête.",
            "PER"
        )
        .is_empty());
    }

    #[test]
    fn no_slot_no_person() {
        assert!(labelled("Le Grand Bleu sort en salle.", "PER").is_empty());
        // An acronym or a known place in the slot is no person.
        assert!(labelled("a déclaré Nouvelle-Zélande Rugby", "PER").is_empty());
    }

    #[test]
    fn a_plural_place_noun_introduces_a_list_of_places() {
        assert_eq!(
            labelled(
                "Il a plu dans les comtés de Velmora, Quintaro et Sallès.",
                "LOC"
            ),
            ["Velmora", "Quintaro", "Sallès"]
        );
    }

    #[test]
    fn an_acronym_after_a_number_is_a_unit_not_a_body() {
        assert!(labelled("Le fonds a placé 100 MEUR pendant un an.", "ORG").is_empty());
        assert!(labelled("La planète tourne à 0,04 UX de son étoile.", "ORG").is_empty());
        assert_eq!(labelled("Le rapport du BEA est paru.", "ORG"), ["BEA"]);
    }

    #[test]
    fn the_maker_of_a_work_is_a_person() {
        assert_eq!(
            labelled(
                "Le musée montre des toiles de Vernalot et un roman de Jules Ardrane.",
                "PER"
            ),
            ["Vernalot", "Jules Ardrane"]
        );
        // The list the name opens is of people too.
        assert_eq!(
            labelled(
                "On y voit des œuvres de Vernalot, Quibert et Sallenave.",
                "PER"
            ),
            ["Vernalot", "Quibert", "Sallenave"]
        );
        // A known place is no maker; a work's title is no name (`le film X`).
        assert!(labelled("un film de Paris et le film Grand Bleu", "PER").is_empty());
    }

    #[test]
    fn initial_and_surname() {
        assert_eq!(
            labelled("Pour B. Obemba, la réforme est faite.", "PER"),
            ["B. Obemba"]
        );
        assert_eq!(
            labelled("le discours de J-M Ferrandou a duré", "PER"),
            ["J-M Ferrandou"]
        );
    }

    #[test]
    fn compound_initials_are_capitals_between_hyphens() {
        use super::compound_initials;
        for yes in ["J-M", "J.-M.", "J.-M", "A-B-C", "É-J"] {
            assert!(compound_initials(yes), "{yes}");
        }
        for no in [
            "J",
            "J.",
            "JM",
            "J-",
            "-M",
            "J-Ma",
            "j-M",
            "Jean-Marc",
            "J--M",
            "",
        ] {
            assert!(!compound_initials(no), "{no}");
        }
    }

    #[test]
    fn company_closed_by_its_kind() {
        assert_eq!(
            labelled("Un avion de Zonda Air s'est posé.", "ORG"),
            ["Zonda Air"]
        );
        assert_eq!(
            labelled("le Marine Research and Policy Council a publié", "ORG"),
            ["Marine Research and Policy Council"]
        );
    }

    #[test]
    fn unknown_acronym_in_running_text() {
        assert_eq!(labelled("Le rapport du BPQE est paru.", "ORG"), ["BPQE"]);
        assert!(labelled("Le PIB a reculé au chapitre IV.", "ORG").is_empty());
        assert!(labelled("GRANDE VICTOIRE DU FCQ", "ORG").is_empty());
    }

    #[test]
    fn a_known_organisation_and_its_branch() {
        assert_eq!(
            labelled("le patron de Renault Trucks Amérique du Nord a dit", "ORG"),
            ["Renault Trucks Amérique du Nord"]
        );
        assert_eq!(
            labelled("le PDG de Renault Jean Dupont", "ORG"),
            ["Renault"]
        );
    }

    #[test]
    fn place_after_a_place_noun() {
        assert_eq!(
            labelled(
                "dans la commune de Vrelanque et sur l'île de Tobrali",
                "LOC"
            ),
            ["Vrelanque", "Tobrali"]
        );
        assert_eq!(
            labelled("près de l'aéroport international Ouro-Bendi", "LOC"),
            ["Ouro-Bendi"]
        );
        assert_eq!(labelled("le pont Amélie a brûlé", "LOC"), ["Amélie"]);
        assert_eq!(
            labelled(
                "au musée du Vrelanque et lors de la prise de Tobrali",
                "LOC"
            ),
            ["Vrelanque", "Tobrali"]
        );
    }

    #[test]
    fn acronyms_and_initials_get_the_name_they_stand_for() {
        let text = "Le Bureau d'enquêtes et d'analyses de l'Aviation publie. Le BEA conclut.";
        let e = entity(text, None, "BEA");
        assert_eq!(
            e.and_then(|e| e.canonical).as_deref(),
            Some("Bureau d'enquêtes et d'analyses de l'Aviation")
        );
        let text = "Jean-Marc Ferrandou est venu. Le discours de J-M Ferrandou a duré.";
        let e = entity(text, None, "J-M Ferrandou");
        assert_eq!(
            e.and_then(|e| e.canonical).as_deref(),
            Some("Jean-Marc Ferrandou")
        );
    }

    #[test]
    fn acronym_after_a_common_noun_is_no_organisation() {
        assert!(labelled("une carte SDQ et la licence GPLX", "ORG").is_empty());
        assert_eq!(
            labelled("l'organisation séparatiste BQRN a frappé", "ORG"),
            ["BQRN"]
        );
    }

    #[test]
    fn commas_alone_make_no_list() {
        assert!(labelled("la série Jean Dupont, Grand Bleu, sort", "PER")
            .iter()
            .all(|p| p != "Grand Bleu"));
    }

    #[test]
    fn a_place_in_a_known_place() {
        assert_eq!(
            labelled(
                "Il est attendu à Charlotte (Caroline du Nord) demain.",
                "LOC"
            ),
            ["Charlotte", "Caroline du Nord"]
        );
    }

    #[test]
    fn lists_take_the_label_of_their_known_items() {
        assert_eq!(
            labelled("avec Jean Dupont, Tadeo Urquiza et Marie Curie", "PER"),
            ["Jean Dupont", "Tadeo Urquiza", "Marie Curie"]
        );
        assert_eq!(
            labelled("les villes de Lyon, Vrelanque et Marseille", "LOC"),
            ["Lyon", "Vrelanque", "Marseille"]
        );
    }

    #[test]
    fn one_cue_labels_every_mention() {
        let text = "Ouria Tessam a déclaré qu'elle partait. Plus tard, Ouria Tessam est revenue.";
        assert_eq!(labelled(text, "PER"), ["Ouria Tessam", "Ouria Tessam"]);
        let found = super::super::tests::entities_of(text);
        let sources: Vec<Source> = found.iter().map(|e| e.source).collect();
        assert_eq!(sources, [Source::Evidence, Source::Propagated]);
    }
}
