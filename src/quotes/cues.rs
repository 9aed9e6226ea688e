//! Cues of reported speech: verbs of speech (a trie of the folded forms
//! walked from each token start, hits kept on token ends), prepositional cues
//! (`selon`, `d'après`, `pour`, `à son avis`) and the small word classes the
//! attribution patterns need.

use crate::lexicon::{entries, fold_key, folded_set, rows, WordMap, WordSet, WordShapes};
use crate::text::{Context, EntryTrie};

/// A verb of speech found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbCue {
    /// First and last token of the form (`s'est dit` is three tokens).
    pub first: usize,
    pub last: usize,
    /// The verb also has a common sense that is not speech (`noter`,
    /// `poursuivre`): it counts only in attribution position.
    pub ambiguous: bool,
    /// A present participle (`ajoutant`, `estimant`): its subject is the
    /// subject of the main clause.
    pub participle: bool,
    /// An infinitive (`Et de conclure`, `se bornant à rappeler`).
    pub infinitive: bool,
    /// The verb reports through `object + à/de + infinitive` (`a appelé
    /// les habitants à rester`).
    pub object_infinitive: Option<Prep>,
}

/// What a prepositional cue says about its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// `selon X`, `d'après X`: X is the source, before or after the content.
    Source,
    /// `Pour X, ...`: X's view, only when X can speak.
    Topic,
    /// `A son avis, ...`: the possessive names the speaker.
    Opinion,
}

/// A prepositional cue: its tokens and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseCue {
    pub first: usize,
    pub last: usize,
    pub kind: PhraseKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Subject,
    Inverted,
    Stressed,
    Possessive,
    Impersonal,
}

struct VerbEntry {
    ambiguous: bool,
    participle: bool,
    infinitive: bool,
    object_infinitive: Option<Prep>,
}

/// The preposition that opens an infinitive clause after a verb of speech
/// and its object (`appeler ... à`, `accuser ... de`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prep {
    A,
    De,
}

/// What the quote stage knows: verbs and phrases of speech and the word
/// classes of attribution (`data/quotes/`, `data/lexicons/speech_verbs.tsv`).
pub struct Lexicons {
    verbs: Option<EntryTrie>,
    verb_entries: Vec<VerbEntry>,
    phrases: Vec<(Vec<String>, PhraseKind)>,
    pronouns: WordMap<String, (Gender, PronounKind)>,
    auxiliaries: WordSet,
    conjunction_words: WordSet,
    negations: WordSet,
    verb_group_words: WordSet,
    title_triggers: WordSet,
    /// Head nouns of the titles of data/lexicons/titles.txt and the person
    /// nouns of data/quotes/person_nouns.txt.
    person_heads: WordSet,
    /// The heads of the titles alone (`ministre`, `président`): offices, not
    /// common nouns for people.
    title_heads: WordSet,
    body_heads: WordSet,
    anaphoric: WordSet,
    non_agents: WordSet,
    not_infinitives: WordSet,
    connectors: Vec<Vec<String>>,
    generic_bodies: WordSet,
    documents: WordSet,
    backward: WordSet,
    name_blockers: WordSet,
    particles: WordSet,
    /// French given names by gender (the masculine and feminine groups of
    /// data/lexicons/given_names.txt).
    given_genders: WordMap<String, Gender>,
    adjective_verbs: WordSet,
    /// The first word of each phrase cue and of each connector: most
    /// tokens start neither, and are told so by one look-up. A phrase's
    /// first word gives the phrases it starts (indices into `phrases`), so
    /// that a `de` or an `à` is compared with the few phrases it opens.
    phrase_starts: WordMap<String, Vec<usize>>,
    /// The shapes of the keys of `phrase_starts`: a token of another shape
    /// (most tokens) is told so without a look-up.
    phrase_start_shapes: WordShapes,
    connector_starts: WordSet,
}

impl Default for Lexicons {
    /// The built-in lexicons, phrases split by the built-in tokenizer.
    fn default() -> Self {
        Lexicons::new(&crate::tokenize::Lexicons::default(), &[], &[])
    }
}

impl Lexicons {
    /// The built-in lexicons, phrases split by `tokenizer`, with a user's
    /// verb forms of speech added (written as in `data/lexicons/speech_verbs.tsv`:
    /// `tweeté`, `twitte`, without an auxiliary) and forms removed
    /// (folded, as in `data/lexicons/speech_verbs.tsv`).
    pub fn new(
        tokenizer: &crate::tokenize::Lexicons,
        speech_verbs: &[String],
        exclude: &[String],
    ) -> Self {
        build(tokenizer, speech_verbs, exclude)
    }
}

fn build(
    tokenizer: &crate::tokenize::Lexicons,
    speech_verbs: &[String],
    exclude: &[String],
) -> Lexicons {
    let mut patterns: Vec<String> = Vec::new();
    let mut verb_entries = Vec::new();
    let object_infinitives: WordMap<String, Prep> =
        rows(include_str!("../../data/quotes/object_infinitives.tsv"))
            .filter_map(|row| {
                let prep = match *row.get(1)? {
                    "à" => Prep::A,
                    _ => Prep::De,
                };
                Some((fold_key(row.first()?), prep))
            })
            .collect();
    let excluded: WordSet = exclude.iter().map(|e| fold_key(e.trim())).collect();
    // A user's form has no lemma: it is read as the form it is (a participle
    // when it ends in `-ant`), never as ambiguous.
    let user_rows = speech_verbs
        .iter()
        .map(|form| form.trim())
        .filter(|form| !form.is_empty())
        .map(|form| vec![form, ""]);
    let builtin_rows = rows(include_str!("../../data/lexicons/speech_verbs.tsv")).filter(|row| {
        row.first()
            .is_some_and(|form| !excluded.contains(&fold_key(form)))
    });
    // The user's forms borrow from the call, the built-in ones from the
    // binary: rows of one type for both.
    let builtin_rows = builtin_rows.map(|row| row.into_iter().collect::<Vec<&str>>());
    for row in user_rows.chain(builtin_rows) {
        let (Some(&form), Some(&lemma)) = (row.first(), row.get(1)) else {
            continue;
        };
        let form = fold_key(form);
        let last_word = form.rsplit(' ').next().unwrap_or("").to_string();
        let whole_lemma = form == fold_key(lemma);
        let single = !form.contains(' ');
        let entry = || VerbEntry {
            ambiguous: row.get(2).is_some_and(|f| *f == "ambiguous"),
            participle: last_word.ends_with("ant") && !lemma.ends_with("ant"),
            // The whole form is the lemma: `faire savoir`, `se dire`, not
            // `fait savoir`.
            infinitive: whole_lemma
                || (single && last_word == fold_key(lemma).rsplit(' ').next().unwrap_or("")),
            object_infinitive: object_infinitives.get(&fold_key(lemma)).copied(),
        };
        // Typographic apostrophes are matched too: the folded text keeps them.
        if form.contains('\'') {
            patterns.push(form.replace('\'', "’"));
            verb_entries.push(entry());
        }
        patterns.push(form);
        verb_entries.push(entry());
    }
    let verbs = EntryTrie::new(&patterns);
    let phrases: Vec<(Vec<String>, PhraseKind)> =
        rows(include_str!("../../data/quotes/cue_phrases.tsv"))
            .filter_map(|row| {
                let keys = phrase_keys(tokenizer, row.first()?);
                let kind = match *row.get(1)? {
                    "source" => PhraseKind::Source,
                    "topic" => PhraseKind::Topic,
                    _ => PhraseKind::Opinion,
                };
                Some((keys, kind))
            })
            .collect();
    let pronouns = rows(include_str!("../../data/quotes/pronouns.tsv"))
        .filter_map(|row| {
            let gender = match *row.get(1)? {
                "m" => Gender::Masculine,
                "f" => Gender::Feminine,
                _ => Gender::Any,
            };
            let kind = match *row.get(2)? {
                "subject" => PronounKind::Subject,
                "inverted" => PronounKind::Inverted,
                "stressed" => PronounKind::Stressed,
                "possessive" => PronounKind::Possessive,
                _ => PronounKind::Impersonal,
            };
            Some((fold_key(row.first()?), (gender, kind)))
        })
        .collect();
    // The head noun of each title: its first word when that word is a title
    // or a person noun by itself (`président` in `président de la
    // République`), else its second word (`ministre` in `premier ministre`,
    // `représentant` in `haut représentant`). `Son Excellence` or `Sa
    // Majesté` open with a determiner, which heads nothing.
    let titles: Vec<Vec<String>> = entries(include_str!("../../data/lexicons/titles.txt"))
        .map(|t| t.split(' ').map(fold_key).collect())
        .collect();
    let nouns = folded_set(include_str!("../../data/quotes/person_nouns.txt"));
    let mut single = nouns.clone();
    single.extend(
        titles
            .iter()
            .filter(|t| t.len() == 1)
            .filter_map(|t| t.first().cloned()),
    );
    let mut person_heads = single.clone();
    let mut title_heads = WordSet::default();
    for t in &titles {
        let head = match (t.first(), t.get(1)) {
            (Some(first), _) if single.contains(first) => Some(first),
            (Some(_), Some(second)) if single.contains(second) => Some(second),
            (Some(first), None) => Some(first),
            _ => None,
        };
        if let Some(head) = head.filter(|h| !is_determiner(h)) {
            person_heads.insert(head.clone());
            if !nouns.contains(head) {
                title_heads.insert(head.clone());
            }
        }
    }
    let connectors: Vec<Vec<String>> = entries(include_str!("../../data/quotes/connectors.txt"))
        .map(|c| phrase_keys(tokenizer, c))
        .collect();
    let mut phrase_starts: WordMap<String, Vec<usize>> = WordMap::default();
    for (k, (keys, _)) in phrases.iter().enumerate() {
        if let Some(first) = keys.first() {
            phrase_starts.entry(first.clone()).or_default().push(k);
        }
    }
    let connector_starts: WordSet = connectors
        .iter()
        .filter_map(|k| k.first().cloned())
        .collect();
    Lexicons {
        verbs,
        verb_entries,
        phrases,
        pronouns,
        auxiliaries: folded_set(include_str!("../../data/quotes/auxiliaries.txt")),
        conjunction_words: folded_set(include_str!("../../data/quotes/conjunction_words.txt")),
        negations: folded_set(include_str!("../../data/quotes/negations.txt")),
        verb_group_words: folded_set(include_str!("../../data/quotes/verb_group_words.txt")),
        title_triggers: folded_set(include_str!("../../data/quotes/title_triggers.txt")),
        person_heads,
        title_heads,
        body_heads: folded_set(include_str!("../../data/quotes/body_nouns.txt")),
        anaphoric: folded_set(include_str!("../../data/quotes/anaphoric_markers.txt")),
        non_agents: folded_set(include_str!("../../data/quotes/non_agents.txt")),
        not_infinitives: folded_set(include_str!("../../data/quotes/not_infinitives.txt")),
        connectors,
        generic_bodies: folded_set(include_str!("../../data/quotes/generic_bodies.txt")),
        documents: folded_set(include_str!("../../data/quotes/document_nouns.txt")),
        backward: folded_set(include_str!("../../data/quotes/backward_nouns.txt")),
        name_blockers: folded_set(include_str!("../../data/lexicons/person_blockers.txt")),
        particles: folded_set(include_str!("../../data/entities/name_particles.txt")),
        given_genders: given_genders(include_str!("../../data/lexicons/given_names.txt")),
        adjective_verbs: folded_set(include_str!("../../data/quotes/adjective_verbs.txt")),
        phrase_start_shapes: WordShapes::of(phrase_starts.keys().map(String::as_str)),
        phrase_starts,
        connector_starts,
    }
}

/// The given names of the groups whose header says `(masculins)` or
/// `(féminins)`, with that gender.
fn given_genders(data: &str) -> WordMap<String, Gender> {
    let mut out = WordMap::default();
    let mut gender = None;
    for line in data.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('#') {
            gender = if header.contains("(masculins)") {
                Some(Gender::Masculine)
            } else if header.contains("(féminins)") {
                Some(Gender::Feminine)
            } else if header.trim().is_empty() {
                gender
            } else {
                None
            };
            continue;
        }
        if let (Some(g), false) = (gender, line.is_empty()) {
            out.insert(fold_key(line), g);
        }
    }
    out
}

/// The folded keys of the tokens of a phrase (`d'après` -> `d'`, `après`).
fn phrase_keys(tokenizer: &crate::tokenize::Lexicons, phrase: &str) -> Vec<String> {
    crate::tokenize::tokenize(tokenizer, phrase)
        .iter()
        .map(|t| fold_key(t.text(phrase)))
        .collect()
}

/// The number of tokens of the connector starting at token `i` (`Mais`, `Par
/// ailleurs`, `De son côté`), with the comma after it; 0 when none.
pub fn connector_len(cx: &Context<Lexicons>, i: usize) -> usize {
    if !cx.lex.connector_starts.contains(cx.key(i).as_ref()) {
        return 0;
    }
    let len = cx
        .lex
        .connectors
        .iter()
        .filter(|keys| {
            keys.iter()
                .enumerate()
                .all(|(k, w)| cx.key(i + k) == w.as_str())
        })
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    if len > 0 && cx.key(i + len) == "," {
        len + 1
    } else {
        len
    }
}

/// The verbs of speech of the text, in order, disjoint (longest first).
pub fn verb_cues(cx: &Context<Lexicons>) -> Vec<VerbCue> {
    let lx = cx.lex;
    let Some(verbs) = lx.verbs.as_ref() else {
        return Vec::new();
    };
    let mut out: Vec<VerbCue> = Vec::new();
    for (first, t) in cx.tokens.iter().enumerate() {
        if out.last().is_some_and(|previous| previous.last >= first) {
            continue;
        }
        // The longest verb from this token that ends on a token end; of
        // forms spelt alike, the first listed.
        let mut best: Option<(usize, usize)> = None;
        verbs.spelt_from(cx.text, t.start(), |end, pattern| {
            if let Some(last) = cx.token_ending(end) {
                if best.is_none_or(|(longest, _)| last > longest) {
                    best = Some((last, pattern));
                }
            }
        });
        let Some((last, entry)) = best.and_then(|(last, p)| Some((last, lx.verb_entries.get(p)?)))
        else {
            continue;
        };
        if last == first && nominal_participle(cx, first) {
            continue;
        }
        out.push(VerbCue {
            first,
            last,
            ambiguous: entry.ambiguous,
            participle: entry.participle,
            infinitive: entry.infinitive,
            object_infinitive: entry.object_infinitive,
        });
    }
    out
}

/// Whether `key` has the ending of a past participle of a verb in -er
/// (`publié`, `communiquées`).
pub fn is_er_participle(key: &str) -> bool {
    ["é", "ée", "és", "ées"].iter().any(|e| key.ends_with(e))
}

/// Whether the past participle of a verb in -er at token `i` is a noun:
/// right after a determiner (`le communiqué`, `un exposé`, `du communiqué`),
/// where a verb would need an auxiliary between them (`l'a communiqué`).
fn nominal_participle(cx: &Context<Lexicons>, i: usize) -> bool {
    is_er_participle(&cx.key(i))
        && i.checked_sub(1).is_some_and(|d| {
            let before = cx.key(d);
            is_determiner(&before) || matches!(before.as_ref(), "du" | "au" | "aux")
        })
}

/// The prepositional cue starting at token `i`, if any (longest first).
pub fn phrase_at(cx: &Context<Lexicons>, i: usize) -> Option<PhraseCue> {
    let lx = cx.lex;
    let key = cx.key(i);
    if !lx.phrase_start_shapes.may_hold(&key) {
        return None;
    }
    let starting = lx.phrase_starts.get(key.as_ref())?;
    starting
        .iter()
        .filter_map(|&k| lx.phrases.get(k))
        .filter(|(keys, _)| {
            keys.iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| cx.key(i + k) == w.as_str())
        })
        .max_by_key(|(keys, _)| keys.len())
        .map(|(keys, kind)| PhraseCue {
            first: i,
            last: i + keys.len().saturating_sub(1),
            kind: *kind,
        })
}

impl Lexicons {
    pub fn pronoun(&self, key: &str) -> Option<(Gender, PronounKind)> {
        self.pronouns.get(key).copied()
    }

    pub fn is_auxiliary(&self, key: &str) -> bool {
        self.auxiliaries.contains(key)
    }

    /// A word that makes a following `que` a conjunction (`pour que`, `alors que`).
    pub fn is_conjunction_word(&self, key: &str) -> bool {
        self.conjunction_words.contains(key)
    }

    pub fn is_negation(&self, key: &str) -> bool {
        self.negations.contains(key)
    }

    pub fn is_verb_group_word(&self, key: &str) -> bool {
        self.verb_group_words.contains(key)
    }

    pub fn is_title_trigger(&self, key: &str) -> bool {
        self.title_triggers.contains(key)
    }

    /// A role or a noun for a person, also with `ex-` (`l'ex-président`).
    pub fn is_person_head(&self, key: &str) -> bool {
        self.person_heads.contains(key)
            || key
                .strip_prefix("ex-")
                .is_some_and(|k| self.person_heads.contains(k))
    }

    /// The head of a title (`ministre`, `présidente`), an office rather than
    /// a common noun for a person (`chercheur`, `agricultrice`).
    pub fn is_title_head(&self, key: &str) -> bool {
        self.title_heads.contains(key)
    }

    /// A noun for an organisation of any name (`le groupe`, `l'ONG`).
    pub fn is_generic_body(&self, key: &str) -> bool {
        self.generic_bodies.contains(key)
    }

    /// A noun of a document that speaks for its issuer (`le rapport`).
    pub fn is_document(&self, key: &str) -> bool {
        self.documents.contains(key)
    }

    /// A noun of opinion that attributes the sentence before (`C'est l'avis de`).
    pub fn is_backward_noun(&self, key: &str) -> bool {
        self.backward.contains(key)
    }

    /// A capitalised word that never starts a name (`Les`, `Cette`, `Lundi`).
    pub fn is_name_blocker(&self, key: &str) -> bool {
        self.name_blockers.contains(key)
    }

    /// A lower-case particle inside a name (`da`, `von`, `al`).
    /// A form of `se dire`, `se déclarer` that takes an adjective.
    pub fn is_adjective_verb(&self, key: &str) -> bool {
        self.adjective_verbs.contains(key)
    }

    /// The gender of a French given name (`jean` -> masculine).
    pub fn given_gender(&self, key: &str) -> Option<Gender> {
        self.given_genders.get(key).copied()
    }

    pub fn is_name_particle(&self, key: &str) -> bool {
        self.particles.contains(key)
    }

    pub fn is_body_head(&self, key: &str) -> bool {
        self.body_heads.contains(key)
    }

    pub fn is_anaphoric(&self, key: &str) -> bool {
        self.anaphoric.contains(key) || key.starts_with("ex-")
    }

    pub fn is_non_agent(&self, key: &str) -> bool {
        self.non_agents.contains(key)
    }

    /// Whether a word looks like an infinitive (apprécier, compter, vouloir,
    /// avoir, être, dire, prendre, mettre, poursuivre).
    pub fn looks_infinitive(&self, key: &str) -> bool {
        if self.not_infinitives.contains(key) || key.chars().count() < 4 {
            return false;
        }
        ["er", "ir", "oir", "dre", "ire", "tre", "vre", "ure"]
            .iter()
            .any(|end| key.ends_with(end))
    }
}

/// Determiners that open a noun phrase.
pub fn is_determiner(key: &str) -> bool {
    matches!(
        key,
        "le" | "la"
            | "l'"
            | "les"
            | "un"
            | "une"
            | "des"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "notre"
            | "votre"
    )
}

/// Prepositions that start a complement, not a subject (a déclaré mardi à
/// Xinhua le président ...).
pub fn is_preposition(key: &str) -> bool {
    matches!(
        key,
        "à" | "a"
            | "au"
            | "aux"
            | "devant"
            | "lors"
            | "dans"
            | "en"
            | "chez"
            | "avec"
            | "pour"
            | "sur"
            | "par"
            | "vers"
            | "contre"
            | "entre"
            | "pendant"
            | "depuis"
            | "après"
            | "avant"
            | "sous"
            | "selon"
            | "sans"
            | "auprès"
    )
}

/// Honorifics before a name (M. Lebedev, Mme Binet, Me Dubreuil-Sarr).
pub fn honorific_gender(word: &str) -> Option<Gender> {
    match word {
        "M." | "MM." | "Monsieur" => Some(Gender::Masculine),
        "Mme" | "Mme." | "Mmes" | "Mlle" | "Madame" => Some(Gender::Feminine),
        "Me" | "Dr" | "Dr." | "Pr" | "Pr." | "Mgr" => Some(Gender::Any),
        _ => None,
    }
}

/// `que` and `qu'` (with either apostrophe, folded).
pub fn is_que(key: &str) -> bool {
    matches!(key, "que" | "qu'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layout, Token};
    use crate::text::Keys;

    /// `f` of the context of `text` (as the quote stage reads it) and its tokens.
    fn with_context<T>(text: &str, f: impl FnOnce(&Context<Lexicons>, &[Token]) -> T) -> T {
        let tokens = crate::tokenize(text);
        let layout = Layout::default();
        let keys = Keys::new(text, &tokens);
        let lex = &crate::Lexicons::builtin().quotes;
        f(&Context::new(text, &tokens, &keys, &layout, lex), &tokens)
    }

    fn cues_of(text: &str) -> Vec<String> {
        with_context(text, |cx, tokens| {
            verb_cues(cx)
                .iter()
                .map(|c| text[tokens[c.first].start()..tokens[c.last].end()].to_string())
                .collect()
        })
    }

    #[test]
    fn verbs_start_and_end_on_tokens_and_the_longest_wins() {
        // `dit` inside `interdit` is no cue; `faire savoir` is one cue, not
        // `faire` then nothing.
        assert_eq!(
            cues_of("On a interdit, a-t-il dit. Il veut faire savoir, dit-il."),
            ["dit", "faire savoir", "dit"]
        );
    }

    #[test]
    fn verbs_match_whole_tokens_with_both_apostrophes() {
        assert_eq!(
            cues_of("Il a déclaré, s’est dit ravi, estimant que, Dites"),
            ["déclaré", "s’est dit", "estimant"]
        );
    }

    #[test]
    fn participles_and_infinitives_are_marked() {
        let c = with_context("ajoutant conclure ajouté", |cx, _| verb_cues(cx));
        assert!(c[0].participle && !c[0].infinitive);
        assert!(c[1].infinitive && c[1].ambiguous);
        assert!(!c[2].participle && !c[2].infinitive);
    }

    #[test]
    fn phrases_take_the_longest_match() {
        with_context("A son avis, selon lui", |cx, _| {
            assert_eq!(
                phrase_at(cx, 0).map(|p| (p.last, p.kind)),
                Some((2, PhraseKind::Opinion))
            );
            assert_eq!(
                phrase_at(cx, 4).map(|p| (p.last, p.kind)),
                Some((4, PhraseKind::Source))
            );
            assert_eq!(phrase_at(cx, 1), None);
        });
    }

    #[test]
    fn infinitives() {
        assert!(crate::Lexicons::builtin()
            .quotes
            .looks_infinitive("apprécier"));
        assert!(crate::Lexicons::builtin()
            .quotes
            .looks_infinitive("vouloir"));
        assert!(crate::Lexicons::builtin()
            .quotes
            .looks_infinitive("poursuivre"));
        assert!(!crate::Lexicons::builtin().quotes.looks_infinitive("hier"));
        assert!(!crate::Lexicons::builtin().quotes.looks_infinitive("la"));
    }
}
