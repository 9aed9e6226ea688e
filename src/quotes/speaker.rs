//! Who said it: the words of an attribution (a name, a pronoun, a role
//! phrase) and their resolution to the canonical name of a person or an
//! organisation.
//!
//! - A name is an entity: its canonical name.
//! - A pronoun (`il`, `-t-elle`, `selon lui`, `à son avis`) is the most recent
//!   speaker of the article whose gender fits, else the most recent person.
//! - A role phrase (`le représentant russe`) is the person named with that
//!   role earlier; with a demonstrative or `ancien`/`sortant` it is the most
//!   recent person; a body (`le ministère`) is the organisation of that kind
//!   named earlier; otherwise the phrase itself is the speaker.

use std::collections::HashMap;

use super::cues::{self, Gender, PronounKind};
use super::spans::Candidate;
use super::Doc;
use crate::model::Label;
use crate::model::Span;

/// The words that say who speaks, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A person or an organisation (entity index), with the tokens naming it.
    Entity {
        entity: usize,
        first: usize,
        last: usize,
    },
    Pronoun {
        token: usize,
        gender: Gender,
    },
    /// `on`, or a source that is no agent (`selon des informations`).
    Nobody,
    /// A noun phrase (token range) headed by a role or a body.
    Role {
        first: usize,
        last: usize,
    },
    /// The speaker of another candidate (a split quote's second part, a
    /// participle after an attribution: `, ajoutant que`).
    SameAs(usize),
    /// The speaker of the discourse (`Et de conclure : « ... »`).
    Discourse,
    Unknown,
}

/// Longest noun phrase looked at, in tokens.
const MAX_PHRASE: usize = 24;

/// How far back, in tokens, a pronoun or a role phrase looks for whom it
/// refers to: a few paragraphs, and a bound that keeps resolution linear in
/// the length of the text.
const REFERENCE_WINDOW: usize = 2000;

/// The subject named in tokens `first..=last` (after `selon`, after an
/// inverted verb, before a verb).
pub fn classify_phrase(doc: &Doc, first: usize, last: usize) -> Subject {
    if last < first || last - first > MAX_PHRASE {
        return Subject::Unknown;
    }
    if first == last {
        if let Some((gender, kind)) = doc.cx.lex.pronoun(&doc.key(first)) {
            return match kind {
                PronounKind::Impersonal => Subject::Nobody,
                _ => Subject::Pronoun {
                    token: first,
                    gender,
                },
            };
        }
    }
    let entity_subject = |e: usize| {
        let (a, b) = doc.entity_tokens.get(e).copied().unwrap_or((first, last));
        Subject::Entity {
            entity: e,
            first: honorific_start(doc, a).max(first),
            last: b,
        }
    };
    // A person named anywhere in the phrase is the speaker (le ministre
    // chinois des Affaires étrangères, Qin Gang).
    let mut org = None;
    for i in first..=last {
        if let Some(e) = doc.entity_starting(i) {
            match doc.label(e) {
                Some(Label::Per) => return entity_subject(e),
                Some(Label::Org) if org.is_none() => org = Some((i, e)),
                _ => {}
            }
        }
    }
    let head = phrase_head(doc, first, last);
    match (head, org) {
        // The phrase opens on the organisation's name (l'Institut ..., le
        // ministère chinois du Commerce).
        (_, Some((at, e))) if at <= first + 1 && !matches!(head, Some(h) if h <= at) => {
            entity_subject(e)
        }
        (Some(h), _) if doc.cx.lex.is_person_head(&doc.key(h)) => Subject::Role { first, last },
        (Some(h), Some((_, e))) if doc.cx.lex.is_non_agent(&doc.key(h)) => entity_subject(e),
        (Some(h), None) if doc.cx.lex.is_non_agent(&doc.key(h)) => Subject::Nobody,
        (Some(_), None) => Subject::Role { first, last },
        (Some(_), Some((_, e))) => entity_subject(e),
        // An organisation governed by a preposition is a complement (`à la
        // tête de l'OMC`), not who speaks.
        (None, Some((at, e))) if !governed(doc, at, first) => entity_subject(e),
        (None, Some(_)) => Subject::Unknown,
        (None, None) => Subject::Unknown,
    }
}

/// The head noun of a phrase: its first role, person, body or non-agent noun
/// among its first words.
fn phrase_head(doc: &Doc, first: usize, last: usize) -> Option<usize> {
    (first..=last.min(first + 4)).find(|&i| {
        let k = doc.key(i);
        doc.cx.lex.is_person_head(&k) || doc.cx.lex.is_body_head(&k) || doc.cx.lex.is_non_agent(&k)
    })
}

/// Where the name starting at token `a` starts with its honorific (M. Lebedev).
fn honorific_start(doc: &Doc, a: usize) -> usize {
    match a.checked_sub(1) {
        Some(h) if cues::honorific_gender(doc.word(h)).is_some() => h,
        _ => a,
    }
}

/// The subject after an inverted verb ending before token `from` (`, a
/// déclaré mardi à Xinhua le président ...`, `, précise le ministère`): the
/// first name, or determiner and role noun, that no preposition governs.
/// Returns the subject and the token after it.
pub fn subject_after(doc: &Doc, from: usize) -> Option<(Subject, usize)> {
    let sentence_end = doc.sentence(from.saturating_sub(1)).end;
    let limit = sentence_end.min(from + MAX_PHRASE).min(doc.len());
    let mut start = None;
    let mut i = from;
    while i < limit {
        if doc.is_punct(i) {
            return None;
        }
        let governed = i
            .checked_sub(1)
            .is_some_and(|p| p >= from && governs(&doc.key(p)));
        if !governed {
            let named = doc.entity_starting(i).is_some();
            let honorific = cues::honorific_gender(doc.word(i)).is_some()
                && doc.entity_starting(i + 1).is_some();
            // A determiner and a role or body noun before any complement
            // (`le porte-parole`, `les autorités locales`, not `les faits au
            // Parquet`).
            let determined = cues::is_determiner(&doc.key(i))
                && (doc.entity_starting(i + 1).is_some()
                    || (i + 1..(i + 4).min(limit))
                        .take_while(|&h| !doc.is_punct(h) && !governs(&doc.key(h)))
                        .any(|h| {
                            doc.cx.lex.is_person_head(&doc.key(h))
                                || doc.cx.lex.is_body_head(&doc.key(h))
                        }));
            if named || honorific || determined {
                start = Some(i);
                break;
            }
        }
        i += 1;
    }
    let start = start?;
    let end = phrase_end(doc, start, sentence_end);
    Some((classify_phrase(doc, start, end), end + 1))
}

/// Words after which a noun phrase is a complement, not a subject.
fn governs(key: &str) -> bool {
    cues::is_preposition(key) || matches!(key, "de" | "d'" | "du" | "des")
}

/// The last token of the noun phrase starting at `start`: it runs through
/// `de` complements, a bracketed acronym and an apposed name (`le ministre
/// ..., Qin Gang`), and stops at other punctuation, prepositions and verbs.
pub fn phrase_end(doc: &Doc, start: usize, limit: usize) -> usize {
    let limit = limit.min(start + MAX_PHRASE).min(doc.len());
    let mut end = start;
    let mut i = start + 1;
    while i < limit {
        let k = doc.key(i);
        if doc.is(i, "(") {
            // `(OMS)`: an acronym in brackets belongs to the name.
            if doc.is(i + 2, ")") && doc.speaker_entity(i + 1).is_some() {
                end = i + 2;
                i += 3;
                continue;
            }
            break;
        }
        if doc.is(i, ",") {
            // An apposed name: `, Qin Gang` or `, M. Qin`.
            let name = if cues::honorific_gender(doc.word(i + 1)).is_some() {
                i + 2
            } else {
                i + 1
            };
            match doc.entity_starting(name) {
                Some(e) if doc.label(e) == Some(Label::Per) => {
                    end = doc.entity_tokens.get(e).map_or(name, |t| t.1);
                }
                _ => {}
            }
            break;
        }
        // `des Finances et du Budget`: a coordinated complement.
        if k == "et" && matches!(doc.key(i + 1).as_ref(), "de" | "du" | "des" | "d'") {
            end = i;
            i += 1;
            continue;
        }
        // `la directrice de l'UNRWA au Liban`: a place in the role.
        if cues::is_preposition(&k) {
            let place = doc
                .entity_of
                .get(i + 1)
                .copied()
                .flatten()
                .filter(|&e| doc.label(e) == Some(Label::Loc))
                .and_then(|e| doc.entity_tokens.get(e))
                .filter(|t| t.0 == i + 1);
            if let Some(&(_, b)) = place {
                end = b;
                i = b + 1;
                continue;
            }
        }
        if doc.is_punct(i)
            || (cues::is_preposition(&k) && doc.entity_of.get(i).copied().flatten().is_none())
            || doc.cue_starting(i).is_some()
            // A relative or participial clause (`un diplomate ayant requis
            // l'anonymat`) describes the phrase; it is not part of it.
            || matches!(
                k.as_ref(),
                "qui" | "que" | "qu'" | "dont" | "et" | "ayant" | "étant"
            )
        {
            break;
        }
        end = i;
        i += 1;
    }
    end
}

/// The subject of the verb whose first token is `verb`: looking back over
/// auxiliaries and adverbs to a pronoun, a name (through apposed phrases
/// between commas: `Anjali Menon, une enseignante de 34 ans, raconte`) or a
/// role phrase opening the clause. A verb coordinated with `et` (`X a
/// reconnu ... et a annoncé que`) has the subject of the verb before.
pub fn subject_before(doc: &Doc, verb: usize) -> Subject {
    let sentence_start = doc.sentence(verb).start;
    let j = verb_group_start(doc, verb, sentence_start);
    let subject = subject_ending_before(doc, j, sentence_start);
    let coordinated = j
        .checked_sub(1)
        .filter(|&a| a > sentence_start && doc.key(a) == "et");
    match (subject, coordinated) {
        (Subject::Unknown, Some(and)) => {
            let previous = (sentence_start.max(and.saturating_sub(30))..and)
                .rev()
                .find(|&t| {
                    !doc.in_closed_region(t)
                        && doc.speaker_entity(t).is_none()
                        && (doc.cx.lex.is_auxiliary(&doc.key(t)) || doc.cue_starting(t).is_some())
                });
            previous.map_or(Subject::Unknown, |t| {
                let g = verb_group_start(doc, t, sentence_start);
                subject_ending_before(doc, g, sentence_start)
            })
        }
        (subject, _) => subject,
    }
}

/// The first token of the verb group ending with the verb at `verb`:
/// auxiliaries, adverbs and clitics before it.
fn verb_group_start(doc: &Doc, verb: usize, sentence_start: usize) -> usize {
    let mut j = verb;
    let mut skipped = 0;
    while let Some(p) = j.checked_sub(1) {
        let k = doc.key(p);
        if p < sentence_start || skipped > 6 {
            break;
        }
        if (doc.cx.lex.is_auxiliary(&k) || doc.cx.lex.is_verb_group_word(&k))
            && doc.speaker_entity(p).is_none()
        {
            j = p;
            skipped += 1;
        } else {
            break;
        }
    }
    j
}

/// The subject whose words end just before token `j`.
fn subject_ending_before(doc: &Doc, mut j: usize, sentence_start: usize) -> Subject {
    let mut fallback = Subject::Unknown;
    let mut steps = 0;
    while let Some(last) = j.checked_sub(1) {
        steps += 1;
        if last < sentence_start || steps > 6 {
            break;
        }
        if let Some((gender, kind)) = doc.cx.lex.pronoun(&doc.key(last)) {
            return match kind {
                PronounKind::Subject => Subject::Pronoun {
                    token: last,
                    gender,
                },
                PronounKind::Impersonal => Subject::Nobody,
                _ => fallback,
            };
        }
        if doc.is(last, ")") {
            // A bracketed acronym after the name: `L'OMS (Organisation ...)`.
            let open = (last.saturating_sub(12)..last)
                .rev()
                .find(|&o| doc.is(o, "("));
            match open {
                Some(o) if o > sentence_start => {
                    if let Some(e) = o.checked_sub(1).and_then(|p| doc.entity_ending(p)) {
                        return entity_before(doc, e);
                    }
                    j = o;
                    continue;
                }
                _ => return fallback,
            }
        }
        // The segment between the previous clause punctuation and `last`.
        let segment_end = if doc.is(last, ",") {
            match last.checked_sub(1) {
                Some(s) => s,
                None => return fallback,
            }
        } else {
            last
        };
        let mut segment_start = segment_end;
        while segment_start > sentence_start
            && segment_end - segment_start < MAX_PHRASE
            && !clause_break(doc, segment_start - 1)
        {
            segment_start -= 1;
        }
        if let Some(e) = doc.entity_ending(segment_end) {
            let a = doc.entity_tokens.get(e).map_or(segment_end, |t| t.0);
            if !governed(doc, a, segment_start) {
                return entity_before(doc, e);
            }
        }
        let phrase = classify_phrase(doc, segment_start, segment_end);
        match phrase {
            Subject::Entity { .. } | Subject::Pronoun { .. } => return phrase,
            Subject::Role { .. } if !doc.is(last, ",") => return phrase,
            Subject::Role { .. } => fallback = phrase,
            _ => {}
        }
        // An apposed phrase between commas: look further back.
        if segment_start > sentence_start && doc.is(segment_start - 1, ",") {
            j = segment_start;
        } else {
            return fallback;
        }
    }
    fallback
}

/// Whether the name starting at token `a` is governed by a preposition
/// (`à la tête de l'OMC`), looking no further back than `floor`.
fn governed(doc: &Doc, a: usize, floor: usize) -> bool {
    let Some(mut p) = a.checked_sub(1).filter(|&p| p >= floor) else {
        return false;
    };
    if cues::is_determiner(&doc.key(p)) {
        match p.checked_sub(1).filter(|&q| q >= floor) {
            Some(q) => p = q,
            None => return false,
        }
    }
    governs(&doc.key(p))
}

fn entity_before(doc: &Doc, e: usize) -> Subject {
    let (a, b) = doc.entity_tokens.get(e).copied().unwrap_or((0, 0));
    Subject::Entity {
        entity: e,
        first: honorific_start(doc, a),
        last: b,
    }
}

/// Punctuation that closes a clause for the backward scans.
fn clause_break(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i) && !doc.is(i, "'") && !doc.is(i, "’")
}

/// What a quote's speaker resolved to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    pub name: Option<String>,
    pub mention: Option<Span>,
    gender: Option<Gender>,
}

/// Resolves subjects in text order, keeping the speakers seen so far.
pub struct Resolver<'d> {
    doc: &'d Doc<'d>,
    candidates: &'d [Candidate],
    /// Speakers of the quotes kept so far: (first token, name, gender).
    history: Vec<(usize, String, Gender)>,
    genders: HashMap<String, Gender>,
    /// Person mentions with the role noun nearest them: (token, role stem, entity).
    roles: Vec<(usize, String, usize)>,
    memo: HashMap<usize, Said>,
}

impl<'d> Resolver<'d> {
    pub fn new(doc: &'d Doc<'d>, candidates: &'d [Candidate]) -> Self {
        let mut genders = HashMap::new();
        let mut roles = Vec::new();
        for (e, &(a, b)) in doc.entity_tokens.iter().enumerate() {
            if doc.label(e) != Some(Label::Per) || !doc.quotable(a) {
                continue;
            }
            let name = canonical(doc, e);
            if let Some(g) = a
                .checked_sub(1)
                .and_then(|h| cues::honorific_gender(doc.word(h)))
                .filter(|g| *g != Gender::Any)
            {
                genders.insert(name.clone(), g);
            }
            if let Some((role, gender)) = role_near(doc, a, b) {
                if gender != Gender::Any {
                    genders.entry(name.clone()).or_insert(gender);
                }
                roles.push((a, role, e));
            }
        }
        Resolver {
            doc,
            candidates,
            history: Vec::new(),
            genders,
            roles,
            memo: HashMap::new(),
        }
    }

    /// The speaker of kept candidate `k`, recorded for later pronouns.
    pub fn resolve_kept(&mut self, k: usize) -> Said {
        let said = self.resolve(k, 0);
        if let (Some(name), Some(c)) = (&said.name, self.candidates.get(k)) {
            let gender = said
                .gender
                .or_else(|| self.genders.get(name).copied())
                .unwrap_or(Gender::Any);
            if gender != Gender::Any {
                self.genders.entry(name.clone()).or_insert(gender);
            }
            self.history.push((c.anchor, name.clone(), gender));
        }
        said
    }

    fn resolve(&mut self, k: usize, depth: usize) -> Said {
        if let Some(s) = self.memo.get(&k) {
            return s.clone();
        }
        let Some(c) = self.candidates.get(k) else {
            return Said::default();
        };
        let doc = self.doc;
        let said = match c.subject {
            Subject::Entity {
                entity,
                first,
                last,
            } => Said {
                name: Some(canonical(doc, entity)),
                mention: doc.span(first, last),
                gender: None,
            },
            Subject::Pronoun { token, gender } => Said {
                name: self.pronoun(c.anchor, gender),
                mention: pronoun_span(doc, token),
                gender: Some(gender),
            },
            Subject::Role { first, last } => Said {
                name: self.role(c.anchor, first, last),
                mention: doc.span(first, last),
                gender: None,
            },
            Subject::SameAs(other) if depth < 4 && other != k => {
                let s = self.resolve(other, depth + 1);
                Said {
                    gender: s.gender,
                    ..s
                }
            }
            Subject::Discourse => Said {
                name: self.history.last().map(|h| h.1.clone()),
                mention: None,
                gender: None,
            },
            _ => Said::default(),
        };
        self.memo.insert(k, said.clone());
        said
    }

    /// The referent of a pronoun at token `at`: the latest speaker whose gender
    /// fits, else the latest person named before it.
    fn pronoun(&self, at: usize, gender: Gender) -> Option<String> {
        let fits = |g: Gender| gender == Gender::Any || g == Gender::Any || g == gender;
        let paragraph = self.doc.paragraph_of.get(at).copied().unwrap_or(0);
        let recent = |t: usize| {
            self.doc
                .paragraph_of
                .get(t)
                .is_some_and(|&p| p + 4 >= paragraph)
        };
        let speaker = self.history.iter().rev().take(8).find(|(t, name, g)| {
            *t <= at && recent(*t) && fits(self.genders.get(name).copied().unwrap_or(*g))
        });
        // A person named since that speaker, in this paragraph or the one
        // before, whose gender is known to be the pronoun's, is its referent
        // (`La directrice du PAM, Lauren Landis, a lancé un appel. « ... »,
        // a-t-elle déclaré.`).
        let named_since = self
            .latest_person(at, |name| {
                gender != Gender::Any && self.genders.get(name) == Some(&gender)
            })
            .filter(|(t, _)| {
                speaker.map_or(true, |(st, _, _)| *st < *t)
                    && self
                        .doc
                        .paragraph_of
                        .get(*t)
                        .is_some_and(|&p| p + 1 >= paragraph)
            });
        if let Some((_, name)) = named_since {
            return Some(name);
        }
        if let Some((_, name, _)) = speaker {
            return Some(name.clone());
        }
        self.latest_person(at, |name| {
            fits(self.genders.get(name).copied().unwrap_or(Gender::Any))
        })
        .map(|(_, name)| name)
    }

    /// The latest person named before token `at` in the news zones.
    fn latest_person(&self, at: usize, fits: impl Fn(&str) -> bool) -> Option<(usize, String)> {
        let doc = self.doc;
        let mut i = at;
        let mut seen = 0;
        while let Some(p) = i.checked_sub(1) {
            i = p;
            seen += 1;
            if seen > REFERENCE_WINDOW {
                break;
            }
            let Some(e) = doc.entity_ending(p) else {
                continue;
            };
            if doc.label(e) == Some(Label::Per) && doc.quotable(p) {
                let name = canonical(doc, e);
                if fits(&name) {
                    return Some((p, name));
                }
            }
        }
        None
    }

    /// A role phrase: the person named earlier with that role, the latest
    /// person for an anaphoric phrase, the body named earlier, or the phrase.
    fn role(&self, at: usize, first: usize, last: usize) -> Option<String> {
        let doc = self.doc;
        let phrase = doc.text_of(first, last);
        let Some(head) = phrase_head(doc, first, last) else {
            return Some(phrase);
        };
        let key = doc.key(head);
        if doc.cx.lex.is_body_head(&key) {
            // Every word after the head must be in the body's name too: `le
            // comité d'organisation` is not the `Comité international olympique`.
            let words: Vec<String> = (head + 1..=last)
                .map(|i| doc.key(i).to_string())
                .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
                .collect();
            return self.latest_body(first, &key, &words).or(Some(phrase));
        }
        let stem = role_stem(&key);
        let window_start = first.saturating_sub(REFERENCE_WINDOW);
        let before = self.roles.partition_point(|(t, _, _)| *t < first);
        if let Some((_, _, e)) = self
            .roles
            .get(..before)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|(t, _, _)| *t >= window_start)
            .find(|(_, role, _)| *role == stem)
        {
            return Some(canonical(doc, *e));
        }
        let anaphoric = (first..=last.min(first + 3)).any(|i| doc.cx.lex.is_anaphoric(&doc.key(i)));
        if anaphoric {
            if let Some((_, name)) = self.latest_person(at.min(first), |_| true) {
                return Some(name);
            }
        }
        Some(phrase)
    }

    /// The latest organisation before token `at` whose name holds `head` and
    /// every word of `words`.
    fn latest_body(&self, at: usize, head: &str, words: &[String]) -> Option<String> {
        let doc = self.doc;
        let window_start = at.saturating_sub(REFERENCE_WINDOW);
        let before = doc.entity_tokens.partition_point(|&(a, _)| a < at);
        for e in (0..before).rev() {
            let Some(&(a, _)) = doc.entity_tokens.get(e) else {
                continue;
            };
            if a < window_start {
                break;
            }
            if doc.label(e) != Some(Label::Org) || !doc.quotable(a) {
                continue;
            }
            let name = canonical(doc, e);
            let surface = doc
                .entities
                .get(e)
                .map(|x| x.span.text(doc.cx.text))
                .unwrap_or("");
            let holds = |s: &str| {
                let keys: Vec<String> = s
                    .split(|c: char| !c.is_alphanumeric())
                    .map(crate::lexicon::fold_key)
                    .collect();
                keys.iter().any(|w| w == head) && words.iter().all(|x| keys.contains(x))
            };
            if holds(surface) || holds(&name) {
                return Some(name);
            }
        }
        None
    }
}

/// The canonical name of entity `e`, else its surface.
fn canonical(doc: &Doc, e: usize) -> String {
    doc.entities
        .get(e)
        .map(|x| {
            x.canonical
                .clone()
                .unwrap_or_else(|| x.span.text(doc.cx.text).to_string())
        })
        .unwrap_or_default()
}

/// `-t-il` names its speaker with `il`.
fn pronoun_span(doc: &Doc, token: usize) -> Option<Span> {
    let t = doc.tokens.get(token)?;
    let word = t.text(doc.cx.text);
    let skip = word.rfind('-').map_or(0, |p| p + 1);
    Some(Span::new(t.start + skip, t.end))
}

/// A role noun without its feminine and plural endings (présidente ->
/// président, ministres -> ministre).
fn role_stem(key: &str) -> String {
    let k = key.strip_suffix('s').unwrap_or(key);
    let k = if k.ends_with("ente") || k.ends_with("ante") || k.ends_with("ée") {
        k.strip_suffix('e').unwrap_or(k)
    } else {
        k
    };
    k.to_string()
}

/// The role noun nearest a person's name: the last role noun in the words
/// just before it (`le président russe Vladimir Poutine`, `le ministre ...,
/// Qin Gang`), else the apposition after it (`Bakhtiar Khakimov, représentant
/// spécial`).
fn role_near(doc: &Doc, a: usize, b: usize) -> Option<(String, Gender)> {
    let mut i = a;
    let mut steps = 0;
    while let Some(p) = i.checked_sub(1) {
        steps += 1;
        if steps > 8 || (doc.is_punct(p) && !(p + 1 == a && doc.is(p, ","))) {
            break;
        }
        let k = doc.key(p);
        if doc.cx.lex.is_person_head(&k) && doc.speaker_entity(p).is_none() {
            return Some((role_stem(&k), role_gender(doc, p)));
        }
        i = p;
    }
    if doc.is(b + 1, ",") {
        let mut h = b + 2;
        if cues::is_determiner(&doc.key(h)) {
            h += 1;
        }
        let k = doc.key(h);
        if doc.cx.lex.is_person_head(&k) {
            return Some((role_stem(&k), role_gender(doc, h)));
        }
    }
    None
}

/// The gender a role noun gives its holder: its article (`la ministre`, `le
/// porte-parole`) or a feminine ending (`directrice`, `présidente`).
fn role_gender(doc: &Doc, role: usize) -> Gender {
    let key = doc.key(role);
    if key.ends_with("trice") || (key.ends_with('e') && role_stem(&key) != key.as_ref()) {
        return Gender::Feminine;
    }
    match role.checked_sub(1).map(|d| doc.key(d)).as_deref() {
        Some("la" | "une" | "cette") => Gender::Feminine,
        Some("le" | "un" | "ce") => Gender::Masculine,
        _ => Gender::Any,
    }
}
