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

use super::cues::{self, Gender, PronounKind};
use super::spans::Candidate;
use super::Doc;
use crate::lexicon::TextMap;
use crate::model::{Label, Span, Zone};

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
    /// Capitalised words in a speaker slot that no entity covers (`Moody's`,
    /// `V. Durand`): a name all the same.
    Name {
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

/// A document's issuer is named this many tokens after it at most: past a
/// participle and a date (`un reportage diffusé mardi 3 juillet par la
/// chaîne X`).
const ISSUER_REACH: usize = 11;

/// The entities that start before token `at` and within the reference
/// window, nearest first (indices into `doc.entity_tokens`).
fn entities_before<'d>(doc: &'d Doc<'_>, at: usize) -> impl Iterator<Item = usize> + 'd {
    let window_start = at.saturating_sub(REFERENCE_WINDOW);
    let before = doc.entity_tokens.partition_point(|&(a, _)| a < at);
    (0..before).rev().take_while(move |&e| {
        doc.entity_tokens
            .get(e)
            .is_some_and(|t| t.0 >= window_start)
    })
}

/// The subject named in tokens `first..=last` (after `selon`, after an
/// inverted verb, before a verb).
pub fn classify_phrase(doc: &Doc, first: usize, last: usize) -> Subject {
    if last < first || last - first > MAX_PHRASE {
        return Subject::Unknown;
    }
    // `Mais le premier ministre`, `Par ailleurs, Jean Dupont`: the connector
    // is not the speaker's.
    let skip = cues::connector_len(&doc.cx, first);
    if skip > 0 && first + skip <= last {
        return classify_phrase(doc, first + skip, last);
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
    // `Jeanne Durand la présidente du club`: a name no entity covers, then
    // its role.
    if let Some(end) = (first..last).rev().find(|&k| name_like(doc, first, k)) {
        if !doc.capitalised(end + 1) {
            return Subject::Name { first, last: end };
        }
    }
    let head = phrase_head(doc, first, last);
    match (head, org) {
        // The phrase opens on the organisation's name (l'Institut ..., le
        // ministère chinois du Commerce).
        (_, Some((at, e))) if at <= first + 1 && !matches!(head, Some(h) if h <= at) => {
            entity_subject(e)
        }
        (Some(h), _) if doc.cx.lex.is_person_head(&doc.key(h)) => Subject::Role {
            first: determiner_before(doc, first, h),
            last,
        },
        (Some(h), Some((_, e))) if doc.cx.lex.is_non_agent(&doc.key(h)) => entity_subject(e),
        // `selon les chiffres du ministère`, `selon un communiqué de la
        // police`: a source that names no speaker speaks for the body after
        // `de` or `par`, if any.
        (Some(h), None) if doc.cx.lex.is_non_agent(&doc.key(h)) => {
            issuer_in_phrase(doc, h, last).unwrap_or(Subject::Nobody)
        }
        // `le classement établi par Reporters sans frontières`: a document
        // speaks for the name or body after `par` or `de`.
        (Some(h), None) if doc.cx.lex.is_document(&doc.key(h)) => issuer_in_phrase(doc, h, last)
            .unwrap_or(Subject::Role {
                first: determiner_before(doc, first, h),
                last,
            }),
        (Some(h), None) => Subject::Role {
            first: determiner_before(doc, first, h),
            last,
        },
        (Some(_), Some((_, e))) => entity_subject(e),
        // An organisation governed by a preposition is a complement (`à la
        // tête de l'OMC`), not who speaks.
        (None, Some((at, e))) if !governed(doc, at, first) => entity_subject(e),
        (None, Some(_)) => Subject::Unknown,
        (None, None) if name_like(doc, first, last) => Subject::Name { first, last },
        (None, None) => Subject::Unknown,
    }
}

/// Who issued the document or source headed by token `h`, in a phrase
/// ending at `last`: the name after `par` or `de` (`établi par Reporters
/// sans frontières`), else a phrase headed by a body or a person there
/// (`de la police municipale`, `des anciens salariés`).
fn issuer_in_phrase(doc: &Doc, h: usize, last: usize) -> Option<Subject> {
    (h + 1..last)
        .filter(|&i| matches!(doc.key(i).as_ref(), "par" | "de" | "d'" | "du" | "des"))
        .find_map(|by| {
            let start = by + 1;
            if let Some(k) = (start..=last).rev().find(|&k| name_like(doc, start, k)) {
                return Some(Subject::Name {
                    first: start,
                    last: k,
                });
            }
            // `de presse`: a bare noun after `de` tells a kind (`communiqué
            // de presse`), a determined one an issuer (`du ministère`).
            let determined = matches!(doc.key(by).as_ref(), "du" | "des")
                || cues::is_determiner(&doc.key(start));
            let head = phrase_head(doc, start, last).filter(|_| determined)?;
            let k = doc.key(head);
            // `des` keeps its plural (`des anciens salariés`: no one named);
            // `du ministère` reads as `le ministère`.
            let first = if doc.key(by) == "des" { by } else { start };
            (doc.cx.lex.is_person_head(&k) || doc.cx.lex.is_body_head(&k))
                .then_some(Subject::Role { first, last })
        })
}

/// A plural pronoun or determiner (`ils`, `-t-elles`, `des`, `plusieurs`).
fn plural_word(key: &str) -> bool {
    matches!(
        key,
        "ils"
            | "elles"
            | "-ils"
            | "-t-ils"
            | "-elles"
            | "-t-elles"
            | "eux"
            | "les"
            | "des"
            | "ces"
            | "plusieurs"
            | "certains"
            | "certaines"
            | "quelques"
            | "d'autres"
            | "leurs"
    )
}

/// Whether a plural determiner opens token `i` (`des`, `d'autres`).
fn plural_at(doc: &Doc, i: usize) -> bool {
    plural_word(&doc.key(i)) || (doc.key(i) == "d'" && doc.key(i + 1) == "autres")
}

/// A noun phrase opening with a determiner or a quantifier (`des
/// scientifiques russes`, `plusieurs leaders de la rébellion`) in a subject
/// slot: its words are the speaker when nothing else names one.
pub fn noun_phrase(doc: &Doc, first: usize, last: usize) -> Subject {
    let start = first + cues::connector_len(&doc.cx, first);
    let opens = cues::is_determiner(&doc.key(start))
        || matches!(
            doc.key(start).as_ref(),
            "plusieurs" | "certains" | "certaines" | "quelques" | "nombre" | "d'autres"
        )
        || (doc.key(start) == "d'" && doc.key(start + 1) == "autres");
    let plain = last > start
        && last - start <= 8
        && doc.is_word(start + 1)
        && (start..=last).all(|i| {
            doc.is_word(i) && !doc.cx.lex.is_auxiliary(&doc.key(i)) && doc.cue_starting(i).is_none()
        });
    if opens && plain && cues::is_determiner(&doc.key(start)) && doc.capitalised(start + 1) {
        // `le Conseil national syrien`: a name without its article.
        Subject::Role {
            first: start + 1,
            last,
        }
    } else if opens && plain {
        Subject::Role { first: start, last }
    } else {
        Subject::Unknown
    }
}

/// Whether tokens `first..=last` are a name the entity stage may not know:
/// an optional honorific, then capitalised words (particles, initials and
/// apostrophes between them), the first of which can start a name.
pub fn name_like(doc: &Doc, first: usize, last: usize) -> bool {
    if last < first || last - first > 6 {
        return false;
    }
    let start = if cues::honorific_gender(doc.word(first)).is_some() {
        first + 1
    } else {
        first
    };
    if start > last || !doc.capitalised(start) || !doc.capitalised(last) {
        return false;
    }
    let key = doc.key(start);
    // A title standing alone (`PDG`, `Président`) is a role, not a name.
    if doc.cx.lex.is_name_blocker(&key)
        || doc.cx.lex.pronoun(&key).is_some()
        || cues::is_determiner(&key)
        || (start == last && doc.cx.lex.is_person_head(&key))
    {
        return false;
    }
    // One plain capitalised word opening a sentence may be any word
    // (`Indépendant depuis 2007, ...`); it is a name when it looks like one
    // (`Moody's`, `OCDE`, `McKinsey`).
    let opens = start == doc.sentence(start).start
        || start == first + cues::connector_len(&doc.cx, doc.sentence(start).start)
            && first == doc.sentence(start).start;
    if start == last && opens {
        let w = doc.word(start);
        let inner_capital = w.chars().skip(1).any(char::is_uppercase);
        let possessive = matches!(doc.word(start + 1), "'" | "’") || w.contains(['\'', '’']);
        if !inner_capital && !possessive {
            return false;
        }
    }
    if doc.entity_index(start).is_some() {
        return false;
    }
    // A place may end a name (`Météo France`), no person or organisation.
    (start..=last).all(|i| {
        let w = doc.word(i);
        doc.speaker_entity(i).is_none()
            && (doc.capitalised(i)
                || doc.cx.lex.is_name_particle(&doc.key(i))
                || matches!(w, "'" | "’" | "-" | "." | "s"))
    })
}

/// Where the noun phrase with head `head` starts: at its determiner when
/// words come before it (`ajoute le documentaire`), else at `first`.
fn determiner_before(doc: &Doc, first: usize, head: usize) -> usize {
    (first..head)
        .find(|&i| cues::is_determiner(&doc.key(i)))
        .unwrap_or(first)
}

/// Whether token `h` is a noun that can head a speaker: a role, a person,
/// a body, an organisation of any name or a document.
fn speaking_head(doc: &Doc, h: usize) -> bool {
    let k = doc.key(h);
    let lex = doc.cx.lex;
    lex.is_person_head(&k) || lex.is_body_head(&k) || lex.is_generic_body(&k) || lex.is_document(&k)
}

/// The head noun of a phrase: its first role, person, body or non-agent noun
/// among its first words.
fn phrase_head(doc: &Doc, first: usize, last: usize) -> Option<usize> {
    (first..=last.min(first + 4)).find(|&i| {
        let k = doc.key(i);
        doc.cx.lex.is_person_head(&k)
            || doc.cx.lex.is_body_head(&k)
            || doc.cx.lex.is_generic_body(&k)
            || doc.cx.lex.is_document(&k)
            || doc.cx.lex.is_non_agent(&k)
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
            let named = doc.entity_starting(i).is_some() || name_like(doc, i, i);
            let honorific = cues::honorific_gender(doc.word(i)).is_some()
                && (doc.entity_starting(i + 1).is_some() || doc.capitalised(i + 1));
            // A determiner and a role or body noun before any complement
            // (`le porte-parole`, `les autorités locales`, not `les faits au
            // Parquet`).
            let determined = cues::is_determiner(&doc.key(i))
                && (doc.entity_starting(i + 1).is_some()
                    || (i + 1..(i + 4).min(limit))
                        .take_while(|&h| !doc.is_punct(h) && !governs(&doc.key(h)))
                        .any(|h| speaking_head(doc, h)));
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
        // `le rapport publié par Transparence Globale`, `un sondage paru
        // dans le quotidien Le Figaro`: the participle of a document's
        // making, then its agent or outlet, are part of its phrase.
        if making_participle(&k) && matches!(doc.key(i + 1).as_ref(), "par" | "dans") {
            i += 1;
            continue;
        }
        if k == "par" && doc.capitalised(i + 1) {
            end = i + 1;
            i += 2;
            continue;
        }
        if i > start && making_participle(&doc.key(i - 1)) && matches!(k.as_ref(), "par" | "dans") {
            // Lower-case words (`le quotidien`), then the agent's name.
            let agent = (i + 1..(i + 4).min(limit))
                .take_while(|&j| {
                    (doc.is_word(j) && !doc.capitalised(j)) || doc.entity_starting(j).is_some()
                })
                .find_map(|j| doc.entity_starting(j))
                .filter(|&e| matches!(doc.label(e), Some(Label::Org | Label::Per)))
                .and_then(|e| doc.entity_tokens.get(e));
            if let Some(&(_, b)) = agent {
                end = b;
                i = b + 1;
                continue;
            }
        }
        // `la directrice de l'UNRWA au Liban`: a place in the role.
        if cues::is_preposition(&k) {
            let place = doc
                .entity_index(i + 1)
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
            || (cues::is_preposition(&k) && doc.entity_index(i).is_none())
            || doc.cue_starting(i).is_some()
            // A relative or participial clause (`un diplomate ayant requis
            // l'anonymat`) describes the phrase; it is not part of it.
            || matches!(
                k.as_ref(),
                "qui" | "que" | "qu'" | "dont" | "et" | "ayant" | "étant" | "ne" | "n'"
            )
        {
            break;
        }
        end = i;
        i += 1;
    }
    end
}

/// A past participle that tells how a document came out (`publié`,
/// `réalisé`, `paru`, `conduite`): the forms in -é of verbs in -er, and a few
/// others.
fn making_participle(key: &str) -> bool {
    cues::is_er_participle(key) || matches!(key, "paru" | "parue" | "conduit" | "conduite")
}

/// The subject of the verb whose first token is `verb`: looking back over
/// auxiliaries and adverbs to a pronoun, a name (through apposed phrases
/// between commas: `Anjali Menon, une enseignante de 34 ans, raconte`) or a
/// role phrase opening the clause. A verb coordinated with `et` (`X a
/// reconnu ... et a annoncé que`) has the subject of the verb before.
pub fn subject_before(doc: &Doc, verb: usize) -> Subject {
    let sentence_start = doc.sentence(verb).start;
    let j = verb_group_start(doc, verb, sentence_start);
    let coordinated = j
        .checked_sub(1)
        .filter(|&a| a > sentence_start && doc.key(a) == "et");
    // `X a créé une route et appelle à ...`: the subject of the verb before
    // `et` first.
    let subject = if coordinated.is_some() {
        Subject::Unknown
    } else {
        subject_ending_before(doc, j, sentence_start)
    };
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
        // `X a lui écrit`, `X a elle relevé`: a stressed pronoun after the
        // auxiliary stresses the subject, it is not one.
        let stressed = matches!(k.as_ref(), "lui" | "elle" | "eux" | "elles")
            && p.checked_sub(1)
                .is_some_and(|a| doc.cx.lex.is_auxiliary(&doc.key(a)));
        // An object clitic just before the auxiliary or the verb (`l'avait
        // appelé`, `lui a dit`, `les a prévenus`).
        let clitic = j == verb || doc.cx.lex.is_auxiliary(&doc.key(j));
        let stressed = stressed
            || (clitic
                && matches!(
                    k.as_ref(),
                    "l'" | "le"
                        | "la"
                        | "les"
                        | "lui"
                        | "leur"
                        | "me"
                        | "m'"
                        | "te"
                        | "t'"
                        | "nous"
                        | "vous"
                )
                && j == p + 1);
        if (doc.cx.lex.is_auxiliary(&k) || doc.cx.lex.is_verb_group_word(&k) || stressed)
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
        // `le documentaire qui précise`: the antecedent of `qui` speaks.
        if doc.key(last) == "qui" && last > sentence_start {
            j = last;
            continue;
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
                // `Jean Dupont, PDG de la société Alpha, a dit`, `Marie
                // Durand, ex-députée UMP, a dit`: an organisation or place
                // closing a phrase apposed between commas, after the noun
                // that heads it, is that noun's complement; the name before
                // the apposition is the subject.
                let apposed = doc.is(last, ",")
                    && a > segment_start
                    && !cues::is_determiner(&doc.key(segment_start))
                    && doc.label(e) != Some(Label::Per);
                if apposed && segment_start > sentence_start {
                    if let Some(named) = name_before_comma(doc, segment_start - 1, sentence_start) {
                        return named;
                    }
                }
                return entity_before(doc, e);
            }
        }
        let phrase = match classify_phrase(doc, segment_start, segment_end) {
            Subject::Unknown => noun_phrase(doc, segment_start, segment_end),
            phrase => phrase,
        };
        // `Jean Dupont, le président du club, a dit`: the name before the
        // apposed role is the subject.
        if matches!(phrase, Subject::Role { .. }) && segment_start > sentence_start {
            if let Some(named) = name_before_comma(doc, segment_start - 1, sentence_start) {
                return named;
            }
        }
        match phrase {
            Subject::Entity { .. } | Subject::Pronoun { .. } | Subject::Name { .. } => {
                return phrase
            }
            Subject::Role { .. } if !doc.is(last, ",") => return phrase,
            Subject::Role { .. } => fallback = phrase,
            _ => {}
        }
        // An apposed phrase between commas: look further back, unless the
        // segment opens a new clause (`..., mais le conseil a dit`).
        let new_clause = matches!(
            doc.key(segment_start).as_ref(),
            "mais" | "et" | "or" | "puis"
        ) && segment_end > segment_start;
        if segment_start > sentence_start && doc.is(segment_start - 1, ",") && !new_clause {
            j = segment_start;
        } else {
            return fallback;
        }
    }
    fallback
}

/// The name (entity or capitalised words) ending just before the comma at
/// token `comma` and opening its clause.
fn name_before_comma(doc: &Doc, comma: usize, sentence_start: usize) -> Option<Subject> {
    if !doc.is(comma, ",") {
        return None;
    }
    let end = comma.checked_sub(1)?;
    let mut start = end;
    while start > sentence_start && end - start < 8 && !clause_break(doc, start - 1) {
        start -= 1;
    }
    // The apposition belongs to the name next to it, a complement too
    // (`avec Jean Dupont, le ministre du budget, qui a déclaré`).
    if let Some(e) = doc.entity_ending(end) {
        let a = doc.entity_tokens.get(e).map_or(end, |t| t.0);
        if a >= start && doc.label(e) == Some(Label::Per) {
            return Some(entity_before(doc, e));
        }
    }
    let start = start + cues::connector_len(&doc.cx, start);
    // One capitalised word before an apposed role is a name (`Dupont, le
    // président du club, a dit`), even at the start of the sentence.
    let single = start == end
        && doc.capitalised(start)
        && doc.entity_index(start).is_none()
        && !doc.cx.lex.is_name_blocker(&doc.key(start))
        && doc.cx.lex.pronoun(&doc.key(start)).is_none();
    (single || name_like(doc, start, end)).then_some(Subject::Name {
        first: start,
        last: end,
    })
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
    /// Speakers of the quotes kept so far named by a plural phrase (`des
    /// analystes`, `les syndicats`): (first token, name).
    plural_history: Vec<(usize, String)>,
    genders: TextMap<String, Gender>,
    /// Person mentions with the role noun nearest them: (token, role stem, entity).
    roles: Vec<(usize, String, usize)>,
    /// The candidates that another one says the same as (`Subject::SameAs`),
    /// with their speaker once found, so that both get one answer whatever
    /// the history is when the second asks. Every other candidate is
    /// resolved once (the kept ones are distinct): keeping theirs too held a
    /// copy of each speaker, 6 MB for a 10 MB text.
    memo: TextMap<usize, Option<Said>>,
}

impl<'d> Resolver<'d> {
    pub fn new(doc: &'d Doc<'d>, candidates: &'d [Candidate]) -> Self {
        let mut genders = TextMap::new();
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
            // A French given name tells the gender (`Christian Jacob`).
            let given = name
                .split_whitespace()
                .next()
                .and_then(|w| doc.cx.lex.given_gender(&crate::lexicon::fold_key(w)));
            if let Some(g) = given.filter(|_| b > a) {
                genders.entry(name.clone()).or_insert(g);
            }
        }
        Resolver {
            doc,
            candidates,
            history: Vec::new(),
            plural_history: Vec::new(),
            genders,
            roles,
            memo: candidates
                .iter()
                .filter_map(|c| match c.subject {
                    Subject::SameAs(other) => Some((other, None)),
                    _ => None,
                })
                .collect(),
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
            let plural = said
                .mention
                .and_then(|m| m.text(self.doc.cx.text).split_whitespace().next())
                .is_some_and(|w| plural_word(&crate::lexicon::fold_key(w)));
            if plural {
                self.plural_history.push((c.anchor, name.clone()));
            }
        }
        said
    }

    fn resolve(&mut self, k: usize, depth: usize) -> Said {
        if let Some(Some(s)) = self.memo.get(&k) {
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
                name: Some(
                    self.surname_speaker(first, last)
                        .unwrap_or_else(|| canonical(doc, entity)),
                ),
                mention: doc.span(first, last),
                gender: None,
            },
            Subject::Pronoun { token, gender } => Said {
                name: self.sentence_subject(token, gender).or_else(|| {
                    if plural_word(&doc.key(token)) {
                        self.plural(c.anchor, token)
                    } else {
                        self.pronoun(c.anchor, gender)
                    }
                }),
                mention: pronoun_span(doc, token),
                gender: Some(gender),
            },
            Subject::Role { first, last } => Said {
                name: self.role(c.anchor, first, last),
                mention: doc.span(first, last),
                gender: None,
            },
            Subject::Name { first, last } => Said {
                name: Some(self.name(first, last)),
                mention: doc.span(first, last),
                gender: cues::honorific_gender(doc.word(first)).filter(|g| *g != Gender::Any),
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
        if let Some(slot) = self.memo.get_mut(&k) {
            *slot = Some(said.clone());
        }
        said
    }

    /// The referent of a plural pronoun (`ils`, `disent-ils`): the latest
    /// speaker named by a plural phrase in this paragraph or the one before,
    /// else a plural noun phrase opening the sentence before (`D'autres
    /// orateurs refusent ... Il est, disent-ils, ...`); never one person.
    fn plural(&self, at: usize, token: usize) -> Option<String> {
        let doc = self.doc;
        let paragraph = doc.paragraph_index(at).unwrap_or(0);
        // The nearer first: a plural subject opening the sentence before,
        // then the latest plural speaker.
        let here = doc.sentence(token);
        let previous_subject = here.start.checked_sub(1).and_then(|p| {
            let previous = doc.sentence(p);
            let start = previous.start + cues::connector_len(&doc.cx, previous.start);
            if previous.start >= here.start || !plural_at(doc, start) {
                return None;
            }
            let end = phrase_end(doc, start, previous.end);
            match noun_phrase(doc, start, end) {
                Subject::Role { first, last } => Some(doc.text_of(first, last)),
                _ => None,
            }
        });
        previous_subject.or_else(|| {
            self.plural_history
                .iter()
                .rev()
                .find(|(t, _)| {
                    *t <= at && doc.paragraph_index(*t).is_some_and(|p| p + 1 >= paragraph)
                })
                .map(|(_, name)| name.clone())
        })
    }

    /// A surname alone (`Dupont`, `M. Dupont`) refers to the recent speaker
    /// of that surname, when there is one: two people of one family may be
    /// named in an article, and the one who speaks goes on speaking.
    fn surname_speaker(&self, first: usize, last: usize) -> Option<String> {
        let doc = self.doc;
        let start = if cues::honorific_gender(doc.word(first)).is_some() {
            first + 1
        } else {
            first
        };
        if start != last {
            return None;
        }
        let surname = doc.key(last);
        let spoke = self
            .history
            .iter()
            .rev()
            .take(8)
            .find(|(t, name, _)| {
                *t < first
                    && name
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| crate::lexicon::fold_key(w) == surname.as_ref())
            })
            .map(|(_, name, _)| name.clone());
        // Else the latest full name before it that ends with the surname.
        spoke.or_else(|| {
            entities_before(doc, first)
                .find(|&e| {
                    doc.label(e) == Some(Label::Per)
                        && doc
                            .entity_tokens
                            .get(e)
                            .is_some_and(|&(a, b)| b > a && doc.key(b) == surname)
                })
                .map(|e| canonical(doc, e))
        })
    }

    /// The subject opening the sentence of a pronoun that comes later in it
    /// (`L'ONG Human Rights Watch publie un rapport dans lequel elle
    /// dévoile que ...`): a person or an organisation named in its first
    /// words, whose gender fits.
    fn sentence_subject(&self, token: usize, gender: Gender) -> Option<String> {
        let doc = self.doc;
        let s = doc.sentence(token);
        let start = s.start + cues::connector_len(&doc.cx, s.start);
        if token < start + 3 {
            return None;
        }
        let e = (start..token.min(start + 5)).find_map(|i| doc.entity_starting(i))?;
        let a = doc.entity_tokens.get(e)?.0;
        if governed(doc, a, start) || doc.in_closed_region(a) {
            return None;
        }
        let name = canonical(doc, e);
        let fits = match doc.label(e) {
            Some(Label::Per) => {
                let g = self.genders.get(&name).copied().unwrap_or(Gender::Any);
                gender == Gender::Any || g == Gender::Any || g == gender
            }
            _ => true,
        };
        fits.then_some(name)
    }

    /// The referent of a pronoun at token `at`: the latest speaker whose gender
    /// fits, else the latest person named before it.
    fn pronoun(&self, at: usize, gender: Gender) -> Option<String> {
        let fits = |g: Gender| gender == Gender::Any || g == Gender::Any || g == gender;
        let paragraph = self.doc.paragraph_index(at).unwrap_or(0);
        let recent = |t: usize| {
            self.doc
                .paragraph_index(t)
                .is_some_and(|p| p + 4 >= paragraph)
        };
        let speaker = self.history.iter().rev().take(8).find(|(t, name, g)| {
            *t <= at && recent(*t) && fits(self.genders.get(name).copied().unwrap_or(*g))
        });
        // A person named since that speaker, in this paragraph or the one
        // before, whose gender is known to be the pronoun's, is its referent
        // (`La directrice du PAM, Lauren Landis, a lancé un appel. « ... »,
        // a-t-elle déclaré.`).
        let named_since = self
            .latest_person_where(at, true, |name| {
                gender != Gender::Any && self.genders.get(name) == Some(&gender)
            })
            .filter(|(t, _)| {
                speaker.is_none_or(|(st, _, _)| *st < *t)
                    && self
                        .doc
                        .paragraph_index(*t)
                        .is_some_and(|p| p + 1 >= paragraph)
            });
        if let Some((_, name)) = named_since {
            return Some(name);
        }
        if let Some((_, name, _)) = speaker {
            return Some(name.clone());
        }
        let fit = |name: &str| fits(self.genders.get(name).copied().unwrap_or(Gender::Any));
        let free = self.latest_person_where(at, true, fit);
        // A subject named in the paragraph or the one before wins over a
        // complement named since.
        let free = free.filter(|(t, _)| {
            self.doc
                .paragraph_index(*t)
                .is_some_and(|p| p + 1 >= paragraph)
        });
        free.or_else(|| self.latest_person(at, fit))
            .map(|(_, name)| name)
    }

    /// Capitalised words in a speaker slot: the canonical name of the latest
    /// person or organisation named before with the same last word (`V.
    /// Durand` after `Valérie Durand`), else the words without honorific.
    fn name(&self, first: usize, last: usize) -> String {
        let doc = self.doc;
        let start = if cues::honorific_gender(doc.word(first)).is_some() {
            first + 1
        } else {
            first
        };
        let surname = doc.key(last);
        let earlier = entities_before(doc, first).find(|&e| {
            doc.speaker_entity(doc.entity_tokens.get(e).map_or(0, |t| t.0))
                .is_some()
                && doc
                    .entity_tokens
                    .get(e)
                    .is_some_and(|t| doc.key(t.1) == surname)
        });
        earlier.map_or_else(|| doc.text_of(start, last), |e| canonical(doc, e))
    }

    /// The latest organisation named before token `at`, within the window.
    fn latest_org(&self, at: usize) -> Option<String> {
        let doc = self.doc;
        entities_before(doc, at)
            .find(|&e| {
                doc.label(e) == Some(Label::Org)
                    && doc.entity_tokens.get(e).is_some_and(|t| doc.quotable(t.0))
            })
            .map(|e| canonical(doc, e))
    }

    /// The issuer of a document named by `head` before token `at`: the
    /// organisation or person after an earlier mention of the same noun
    /// (`le rapport de l'ONG` ... `le rapport`; `un rapport publié par`),
    /// else the latest organisation.
    fn issuer(&self, at: usize, head: &str) -> Option<String> {
        let doc = self.doc;
        let window_start = at.saturating_sub(REFERENCE_WINDOW);
        let named_after = |p: usize| {
            (p + 1..=p + ISSUER_REACH)
                .take_while(|&j| !doc.is_punct(j))
                .find_map(|j| {
                    doc.entity_starting(j)
                        .filter(|&e| doc.label(e) != Some(Label::Loc))
                        .filter(|_| (j.saturating_sub(5)..j).any(|g| governs(&doc.key(g))))
                })
        };
        let mut i = at;
        while let Some(p) = i.checked_sub(1) {
            i = p;
            if p < window_start {
                break;
            }
            if doc.key(p) != head {
                continue;
            }
            if let Some(e) = named_after(p) {
                return Some(canonical(doc, e));
            }
        }
        // A headline announces what its article names (`..., selon un
        // reportage` / `Un reportage diffusé par la chaîne X`).
        if doc.zone(at) == Zone::Title {
            let end = (at + REFERENCE_WINDOW).min(doc.len());
            return (at + 1..end)
                .filter(|&p| doc.key(p) == head && doc.zone(p) != Zone::Title)
                .find_map(named_after)
                .map(|e| canonical(doc, e));
        }
        self.latest_org(at)
    }

    /// The latest person named before token `at` in the news zones.
    fn latest_person(&self, at: usize, fits: impl Fn(&str) -> bool) -> Option<(usize, String)> {
        self.latest_person_where(at, false, fits)
    }

    /// The latest person named before token `at`; with `free`, only one that
    /// no preposition governs (a subject or an apposition, not `a voté pour
    /// Jean Dupont`): a subject pronoun takes up a subject.
    fn latest_person_where(
        &self,
        at: usize,
        free: bool,
        fits: impl Fn(&str) -> bool,
    ) -> Option<(usize, String)> {
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
            let a = doc.entity_tokens.get(e).map_or(p, |t| t.0);
            let floor = a.saturating_sub(2);
            // The agent after `par` acts as a subject does.
            let agent = honorific_start(doc, a)
                .checked_sub(1)
                .is_some_and(|g| doc.key(g) == "par");
            if doc.label(e) == Some(Label::Per)
                && doc.quotable(p)
                && !(free && !agent && governed(doc, honorific_start(doc, a), floor))
            {
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
        // A short definite phrase: the article, the head and at most one
        // adjective (`le groupe`, `l'ONG`, `le rapport`, `l'universitaire`,
        // `le même chercheur`).
        let short = last <= head + 1
            && head > first
            && matches!(
                doc.key(first).as_ref(),
                "le" | "la" | "l'" | "ce" | "cet" | "cette"
            )
            && !(head + 1..=last).any(|i| governs(&doc.key(i)));
        let headline = doc.zone(first) == Zone::Title;
        // A document speaks for whoever issued it; one the article does not
        // tie to an issuer (`d'autres témoignages`) names no speaker.
        if doc.cx.lex.is_document(&key) {
            return (short || headline)
                .then(|| self.issuer(first, &key))
                .flatten();
        }
        if doc.cx.lex.is_generic_body(&key) && !doc.cx.lex.is_body_head(&key) {
            if short {
                return self.latest_org(first).or(Some(phrase));
            }
            return Some(phrase);
        }
        if doc.cx.lex.is_body_head(&key) {
            // Every word after the head must be in the body's name too: `le
            // comité d'organisation` is not the `Comité international olympique`.
            let words: Vec<String> = (head + 1..=last)
                .map(|i| doc.key(i).to_string())
                .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
                .collect();
            let generic = (doc.cx.lex.is_generic_body(&key) && short)
                .then(|| self.latest_org(first))
                .flatten();
            return self
                .latest_body(first, &key, &words)
                .or(generic)
                .or(Some(phrase));
        }
        // `des analystes`, `un diplomate`, `plusieurs témoins`: an
        // indefinite phrase introduces someone new, it refers to nobody named.
        if matches!(
            doc.key(first).as_ref(),
            "des" | "un" | "une" | "plusieurs" | "certains" | "certaines" | "quelques" | "d'autres"
        ) || (doc.key(first) == "d'" && doc.key(first + 1) == "autres")
        {
            return Some(phrase);
        }
        let stem = role_stem(&key);
        // A headline's role phrase names whom the article names with it
        // (`le maire de Lyon appelle ...` / `Le maire de Lyon, Jean Dupont,`).
        if headline {
            let from = self.roles.partition_point(|(t, _, _)| *t <= last);
            let ahead = self
                .roles
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|(t, _, _)| *t < first + REFERENCE_WINDOW)
                .find(|(_, role, _)| *role == stem);
            if let Some((_, _, e)) = ahead {
                return Some(canonical(doc, *e));
            }
        }
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
        // `l'universitaire`, `le chercheur`: a definite noun for a person
        // alone refers to someone already in the article, the latest speaker
        // or person whose gender fits. An office (`le ministre`) refers only
        // to whoever was named with it.
        if short && !doc.cx.lex.is_title_head(&key) {
            let gender = role_gender(doc, head);
            if let Some(name) = self.pronoun(at.min(first), gender) {
                return Some(name);
            }
        }
        Some(phrase)
    }

    /// The latest organisation before token `at` whose name holds `head` and
    /// every word of `words`.
    fn latest_body(&self, at: usize, head: &str, words: &[String]) -> Option<String> {
        let doc = self.doc;
        for e in entities_before(doc, at) {
            let Some(&(a, _)) = doc.entity_tokens.get(e) else {
                continue;
            };
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
                .as_deref()
                .unwrap_or_else(|| x.span.text(doc.cx.text))
                .to_string()
        })
        .unwrap_or_default()
}

/// `-t-il` names its speaker with `il`.
fn pronoun_span(doc: &Doc, token: usize) -> Option<Span> {
    let t = doc.tokens.get(token)?;
    let word = t.text(doc.cx.text);
    let skip = word.rfind('-').map_or(0, |p| p + 1);
    Some(Span::new(t.start() + skip, t.end()))
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
        // A verb between the role and the name: the role is someone else's
        // (`le maire appelle à voter Dupont`).
        if doc.cue_starting(p).is_some() || doc.cx.lex.is_auxiliary(&k) {
            break;
        }
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
