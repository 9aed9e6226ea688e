//! Word lists the entity patterns look tokens up in, loaded once.

use std::collections::HashMap;

use crate::lexicon::{entries, fold_key, folded_set, rows, WordMap, WordSet};

/// What a word does around a date (data/entities/date_words.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateWord {
    /// `fin`, `début`, `mi`: before a month, a year or a day.
    Prefix,
    /// `matin`, `soir`: a part of the day after a day.
    Part,
    /// `ce`, `cette`: before a day or a part of it.
    This,
    /// `hier`, `demain`: a day named from today.
    Day,
    /// `printemps`: before a year.
    Season,
    /// `semestre`: after an ordinal, before a year.
    Period,
    Ordinal,
    /// `à`, `vers`: before a clock time.
    At,
}

/// A word list that a token's key may be in; see [`Classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    GivenName,
    ChineseSurname,
    Title,
    Blocker,
    OrgHead,
    LowercaseOrgHead,
    AreaHead,
    OrgDescriptor,
    Particle,
    Link,
    Determiner,
    Weekday,
    Modifier,
    RelativeDateStart,
    SpeechVerb,
    PlaceNoun,
    FunctionWord,
    YearContext,
    WorkNoun,
    /// `toile`, `roman`: a work whose `de` complement names its maker.
    CreationNoun,
    Currency,
    Multiplier,
    ClockWord,
    /// The key of a word of `org_suffixes` (which are case-sensitive).
    OrgSuffix,
    CommonAcronym,
    AmbiguousAgency,
}

impl Class {
    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// What the word lists say about one key. The finders ask about the same
/// tokens dozens of times; a document's tokens are looked up once, in one
/// table (`Words::classes`), and then asked by a bit test.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Classes {
    bits: u32,
    /// The key's entry in `date_words`.
    pub date_word: Option<DateWord>,
    /// The month the key names in full (`dates::full_month`).
    pub full_month: Option<u32>,
}

impl Classes {
    pub fn is(&self, class: Class) -> bool {
        self.bits & class.bit() != 0
    }
}

pub struct Words {
    pub given_names: WordSet,
    pub chinese_surnames: WordSet,
    /// Titles and roles; a multi-word title is also listed by its last word
    /// (`premier ministre` -> `ministre`), the word right before a name.
    pub titles: WordSet,
    pub blockers: WordSet,
    pub nationalities: WordSet,
    pub org_heads: WordSet,
    pub lowercase_org_heads: WordSet,
    /// The lower-case heads that also name an area before a place
    /// (`département de la Gironde`).
    pub area_heads: WordSet,
    pub org_descriptors: WordSet,
    pub particles: WordSet,
    pub links: WordSet,
    pub determiners: WordSet,
    pub adjective_endings: Vec<&'static str>,
    pub weekdays: WordSet,
    pub modifiers: WordSet,
    /// Relative date expressions, as token keys, by their first key: a
    /// token is compared only with the expressions it can start.
    pub relative_dates: WordMap<String, Vec<Vec<String>>>,
    pub currencies: WordMap<String, &'static str>,
    pub multipliers: WordMap<String, u32>,
    /// Finite forms and participles of the verbs of speech (one word, not
    /// the infinitive nor the present participle), folded.
    pub speech_verbs: WordSet,
    /// Words closing a company name (`Air`, `Telecom`), case as written.
    pub org_suffixes: WordSet<&'static str>,
    /// Acronyms that name no organisation (`PIB`), case as written.
    pub common_acronyms: WordSet<&'static str>,
    /// Nouns introducing a place's name (`commune`, `pont`), folded.
    pub place_nouns: WordSet,
    /// Determiners, prepositions and conjunctions: the words that are no
    /// noun nor adjective before a name.
    pub function_words: WordSet,
    /// Agency acronyms that are also common words or other acronyms (`AP`).
    pub ambiguous_agencies: WordSet<&'static str>,
    /// Words before a bare year that make it a date (`en 1991`).
    pub year_contexts: WordSet,
    /// Nouns introducing a work's title (`série`, `film`).
    pub work_nouns: WordSet,
    /// Nouns of made works whose `de` complement is their maker, folded.
    pub creation_nouns: WordSet,
    /// Words that build dates around a core date, by what they do.
    pub date_words: WordMap<String, DateWord>,
    /// Words that name a clock time (`midi`) and its value.
    pub clock_words: WordMap<String, &'static str>,
    /// Given names keyed by their key less its last character, to repair a
    /// name whose last letter a bad conversion turned into `?` (`Sergue?`:
    /// `sergue` -> `Sergueï`).
    pub given_name_stems: WordMap<String, &'static str>,
    /// Every key of the lists above that a token is asked about, with the
    /// index of its classes in `class_sets`.
    pub classes: WordMap<String, ClassesId>,
    /// The distinct `Classes` of the keys, the empty one first: a document
    /// keeps two bytes a token instead of the sixteen of a `Classes`.
    pub class_sets: Vec<Classes>,
}

/// The index of a key's classes in `Words::class_sets` (0: none).
pub type ClassesId = u16;

impl Default for Words {
    /// The built-in lists.
    fn default() -> Self {
        let determiners = folded_set(include_str!("../../data/entities/determiners.txt"));
        let org_heads = folded_set(include_str!("../../data/lexicons/org_heads.txt"));
        // The last word of a multiword title stands for it just before a name
        // (`ministre des Affaires étrangères Wang Yi`), unless it is a determiner
        // (`numéro un`) or names an institution (`président du parti`: `le parti
        // Morena`, `la région Picardie` are no people).
        let mut titles = WordSet::default();
        for t in entries(include_str!("../../data/lexicons/titles.txt")) {
            let key = fold_key(t);
            if let Some(last) = key.split_whitespace().last() {
                if !determiners.contains(last) && !org_heads.contains(last) {
                    titles.insert(last.to_string());
                }
            }
            titles.insert(key);
        }
        let mut relative_dates: WordMap<String, Vec<Vec<String>>> = WordMap::default();
        for e in entries(include_str!("../../data/entities/relative_dates.txt")) {
            let keys: Vec<String> = e.split_whitespace().map(fold_key).collect();
            if let Some(first) = keys.first() {
                relative_dates.entry(first.clone()).or_default().push(keys);
            }
        }
        let mut words = Words {
            relative_dates,
            given_names: folded_set(include_str!("../../data/lexicons/given_names.txt")),
            chinese_surnames: folded_set(include_str!("../../data/lexicons/chinese_surnames.txt")),
            titles,
            blockers: folded_set(include_str!("../../data/lexicons/person_blockers.txt")),
            nationalities: rows(include_str!("../../data/lexicons/nationalities.tsv"))
                .filter_map(|r| r.first().map(|w| fold_key(w)))
                .collect(),
            org_heads,
            org_descriptors: folded_set(include_str!("../../data/entities/org_descriptors.txt")),
            lowercase_org_heads: rows(include_str!("../../data/entities/lowercase_org_heads.txt"))
                .filter_map(|r| r.first().map(|w| fold_key(w)))
                .collect(),
            area_heads: rows(include_str!("../../data/entities/lowercase_org_heads.txt"))
                .filter(|r| r.get(1) == Some(&"area"))
                .filter_map(|r| r.first().map(|w| fold_key(w)))
                .collect(),
            adjective_endings: entries(include_str!("../../data/entities/adjective_endings.txt"))
                .collect(),
            links: folded_set(include_str!("../../data/entities/name_links.txt")),
            determiners,
            particles: folded_set(include_str!("../../data/entities/name_particles.txt")),
            weekdays: folded_set(include_str!("../../data/entities/weekdays.txt")),
            modifiers: folded_set(include_str!("../../data/entities/date_modifiers.txt")),
            currencies: rows(include_str!("../../data/entities/currencies.tsv"))
                .filter_map(|r| Some((fold_key(r.first()?), *r.get(1)?)))
                .collect(),
            speech_verbs: rows(include_str!("../../data/lexicons/speech_verbs.tsv"))
                .filter_map(|r| {
                    let (form, lemma, flag) = (*r.first()?, *r.get(1)?, *r.get(2)?);
                    let finite = flag == "speech"
                        && !form.contains(' ')
                        && form != lemma
                        && !form.ends_with("ant");
                    finite.then(|| fold_key(form))
                })
                .collect(),
            org_suffixes: entries(include_str!("../../data/entities/org_suffixes.txt")).collect(),
            common_acronyms: entries(include_str!("../../data/entities/common_acronyms.txt"))
                .collect(),
            place_nouns: folded_set(include_str!("../../data/entities/place_nouns.txt")),
            function_words: crate::lexicon::function_words(true),
            ambiguous_agencies: entries(include_str!("../../data/entities/ambiguous_agencies.txt"))
                .collect(),
            year_contexts: folded_set(include_str!("../../data/entities/year_contexts.txt")),
            work_nouns: folded_set(include_str!("../../data/entities/work_nouns.txt")),
            creation_nouns: folded_set(include_str!("../../data/entities/creation_nouns.txt")),
            date_words: rows(include_str!("../../data/entities/date_words.tsv"))
                .filter_map(|r| {
                    let kind = match *r.get(1)? {
                        "prefix" => DateWord::Prefix,
                        "part" => DateWord::Part,
                        "this" => DateWord::This,
                        "day" => DateWord::Day,
                        "season" => DateWord::Season,
                        "period" => DateWord::Period,
                        "ordinal" => DateWord::Ordinal,
                        "at" => DateWord::At,
                        _ => return None,
                    };
                    Some((fold_key(r.first()?), kind))
                })
                .collect(),
            clock_words: rows(include_str!("../../data/entities/clock_words.tsv"))
                .filter_map(|r| Some((fold_key(r.first()?), *r.get(1)?)))
                .collect(),
            given_name_stems: given_name_stems(),
            multipliers: rows(include_str!("../../data/entities/multipliers.tsv"))
                .filter_map(|r| Some((fold_key(r.first()?), r.get(1)?.parse().ok()?)))
                .collect(),
            classes: WordMap::default(),
            class_sets: Vec::new(),
        };
        (words.classes, words.class_sets) = numbered(words.build_classes());
        words
    }
}

impl Words {
    /// The classes of every key in the lists.
    fn build_classes(&self) -> WordMap<String, Classes> {
        let mut classes: WordMap<String, Classes> = WordMap::default();
        let sets = [
            (Class::GivenName, &self.given_names),
            (Class::ChineseSurname, &self.chinese_surnames),
            (Class::Title, &self.titles),
            (Class::Blocker, &self.blockers),
            (Class::OrgHead, &self.org_heads),
            (Class::LowercaseOrgHead, &self.lowercase_org_heads),
            (Class::AreaHead, &self.area_heads),
            (Class::OrgDescriptor, &self.org_descriptors),
            (Class::Particle, &self.particles),
            (Class::Link, &self.links),
            (Class::Determiner, &self.determiners),
            (Class::Weekday, &self.weekdays),
            (Class::Modifier, &self.modifiers),
            (Class::SpeechVerb, &self.speech_verbs),
            (Class::PlaceNoun, &self.place_nouns),
            (Class::FunctionWord, &self.function_words),
            (Class::YearContext, &self.year_contexts),
            (Class::WorkNoun, &self.work_nouns),
            (Class::CreationNoun, &self.creation_nouns),
        ];
        for (class, set) in sets {
            for key in set {
                classes.entry(key.clone()).or_default().bits |= class.bit();
            }
        }
        // Lists of words as written: flagged under the key of each word, so
        // that only a token with that key is looked up in the list itself.
        let written = [
            (Class::OrgSuffix, &self.org_suffixes),
            (Class::CommonAcronym, &self.common_acronyms),
            (Class::AmbiguousAgency, &self.ambiguous_agencies),
        ];
        for (class, set) in written {
            for word in set {
                classes.entry(crate::text::key_of(word)).or_default().bits |= class.bit();
            }
        }
        let maps = [
            (
                Class::RelativeDateStart,
                self.relative_dates.keys().collect::<Vec<_>>(),
            ),
            (Class::Currency, self.currencies.keys().collect()),
            (Class::Multiplier, self.multipliers.keys().collect()),
            (Class::ClockWord, self.clock_words.keys().collect()),
        ];
        for (class, keys) in maps {
            for key in keys {
                classes.entry(key.clone()).or_default().bits |= class.bit();
            }
        }
        for (key, &kind) in &self.date_words {
            classes.entry(key.clone()).or_default().date_word = Some(kind);
        }
        for (key, month) in crate::dates::full_months() {
            classes.entry(key.to_string()).or_default().full_month = Some(month);
        }
        classes
    }

    /// Whether a lower-case word looks like an adjective (by its ending).
    pub fn adjective(&self, key: &str) -> bool {
        key.chars().count() >= 4
            && key.chars().all(|c| c.is_alphabetic() || c == '-')
            && (self.nationalities.contains(key)
                || self.adjective_endings.iter().any(|e| key.ends_with(e)))
    }
}

/// The keys with the index of their classes, and the distinct classes, the
/// empty one first. The lists give a few hundred distinct ones (a test
/// checks that they fit in a `ClassesId`).
fn numbered(classes: WordMap<String, Classes>) -> (WordMap<String, ClassesId>, Vec<Classes>) {
    let mut sets = vec![Classes::default()];
    let mut ids: HashMap<Classes, ClassesId> = HashMap::from([(Classes::default(), 0)]);
    let keys = classes
        .into_iter()
        .map(|(key, set)| {
            let next = ClassesId::try_from(sets.len()).unwrap_or(ClassesId::MAX);
            let id = *ids.entry(set).or_insert_with(|| {
                sets.push(set);
                next
            });
            (key, id)
        })
        .collect();
    (keys, sets)
}

/// Given names by their key less its last letter (see `Words::given_name_stems`).
fn given_name_stems() -> WordMap<String, &'static str> {
    // The `?` is a token of its own, glued to the end of the word, so only
    // the last letter can be the lost one: one key a name, where keys with a
    // hole at every letter held 2.7 MB.
    let mut stems = WordMap::default();
    for name in entries(include_str!("../../data/lexicons/given_names.txt")) {
        let mut key = fold_key(name);
        if key.pop().is_some() && !key.is_empty() {
            stems.entry(key).or_insert(name);
        }
    }
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> &'static Words {
        &crate::Lexicons::builtin().entities.words
    }

    #[test]
    fn open_world_lists_load() {
        let w = words();
        assert!(w.speech_verbs.contains("déclaré") && w.speech_verbs.contains("explique"));
        assert!(!w.speech_verbs.contains("déclarer"));
        assert!(w.org_suffixes.contains("Airlines") && w.place_nouns.contains("commune"));
    }

    #[test]
    fn lists_load() {
        assert!(words().given_names.contains("sergueï"));
        assert!(words().titles.contains("ministre"));
        assert_eq!(words().currencies.get("dollars"), Some(&"USD"));
    }

    #[test]
    fn classes_are_numbered_in_a_classes_id() {
        let w = words();
        assert!(w.class_sets.len() < usize::from(ClassesId::MAX));
        assert_eq!(w.class_sets.first(), Some(&Classes::default()));
        let id = w.classes.get("ministre").copied().unwrap_or(0);
        let set = w
            .class_sets
            .get(usize::from(id))
            .copied()
            .unwrap_or_default();
        assert!(set.is(Class::Title));
    }

    #[test]
    fn a_lost_letter_finds_the_given_name() {
        assert_eq!(words().given_name_stems.get("sergue"), Some(&"Sergueï"));
    }
}
