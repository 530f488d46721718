//! The recognizer's resources, compiled into the binary and indexed once.
//!
//! Two tables: `words` maps a lowercased single token to bit flags (given name, title,
//! organization head word...), and `phrases` maps the lowercased first token of every
//! gazetteer name (countries, cities, demonyms, known organizations and events) to the
//! names starting with it, so that multi-token names are found by walking tokens without
//! an automaton. Both are the rules' evidence today and a statistical tagger's features
//! later.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use claimgraph_model::{EntityLabel, TokenKind};
use claimgraph_text::tokenize;
use claimgraph_text::words::{lower, push_lower};

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const LEXICON: &str = include_str!("../../data/lexicon.txt");

/// A first name (or an East Asian family name, which comes first).
pub const GIVEN: u32 = 1;
/// A family name.
pub const SURNAME: u32 = 1 << 1;
/// An ordinary word that starts sentences capitalized ("The", "However").
pub const COMMON: u32 = 1 << 2;
/// Makes a capitalized name an organization ("Council", "Corps").
pub const ORG_HEAD: u32 = 1 << 3;
/// Starts an organization name before "of" ("Ministry of ...").
pub const ORG_START: u32 = 1 << 4;
/// A title or role before a person's name ("President", "Gen").
pub const TITLE: u32 = 1 << 5;
/// Ends a place name ("Province", "River").
pub const PLACE_HEAD: u32 = 1 << 6;
/// Starts a place name ("Mount", "Gulf of").
pub const PLACE_START: u32 = 1 << 7;
/// Ends an event, law or award name ("War", "Act").
pub const MISC_HEAD: u32 = 1 << 8;
/// Starts an event name ("Operation", "Battle of").
pub const MISC_START: u32 = 1 << 9;
/// A lowercase particle inside personal names ("al", "bin", "von").
pub const PARTICLE: u32 = 1 << 10;
/// Capitalized but never a name by itself (months, weekdays, "I").
pub const NOT_NAME: u32 = 1 << 11;
/// A word that is only part of a title ("Foreign", "Deputy"), never one by itself.
pub const TITLE_MOD: u32 = 1 << 13;
/// Starts some gazetteer phrase.
pub const PHRASE_START: u32 = 1 << 12;

/// Any flag that makes a word look like part of a personal name.
pub const NAME_LIKE: u32 = GIVEN | SURNAME | PHRASE_START;

/// What a gazetteer phrase names. Declared in increasing priority: when two lists hold
/// the same name, the later kind wins ("Georgia" is a country before it is a city).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PhraseKind {
    City,
    Demonym,
    Region,
    Country,
    Misc,
    Org,
}

impl PhraseKind {
    pub fn label(self) -> EntityLabel {
        match self {
            PhraseKind::City | PhraseKind::Region | PhraseKind::Country => EntityLabel::Location,
            PhraseKind::Demonym | PhraseKind::Misc => EntityLabel::Misc,
            PhraseKind::Org => EntityLabel::Organization,
        }
    }
}

/// One gazetteer name after its first token.
#[derive(Debug)]
pub struct Phrase {
    /// Lowercased tokens after the first, as the tokenizer splits the name.
    pub rest: Box<[Box<str>]>,
    pub kind: PhraseKind,
    /// Written in capitals ("UN", "IRGC"): the text must be in capitals too, so that "Us"
    /// or "Who" at a sentence start is not a match.
    pub acronym: bool,
}

/// A small multiplicative hasher (the Fx hash of rustc) for short string keys: indexing
/// some 100,000 names with SipHash costs more than the rest of `Lexicon::new`. Keys are
/// compiled-in data, so hash flooding is not a concern.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The indexed resources.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FxMap<Box<str>, u32>,
    phrases: FxMap<Box<str>, Vec<Phrase>>,
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut lex = Lexicon {
            words: FxMap::with_capacity_and_hasher(80_000, Default::default()),
            phrases: FxMap::with_capacity_and_hasher(64_000, Default::default()),
        };
        for word in data_lines(COMMON_WORDS) {
            lex.add_flag(word, COMMON);
        }
        for name in data_lines(GIVEN_NAMES) {
            lex.add_flag(name, GIVEN);
        }
        for name in data_lines(SURNAMES) {
            lex.add_flag(name, SURNAME);
        }
        let mut scratch = String::new();
        lex.load_lexicon(&mut scratch);
        for line in data_lines(COUNTRIES) {
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or("");
            let kind = match fields.nth(1) {
                Some("continent" | "region") => PhraseKind::Region,
                _ => PhraseKind::Country,
            };
            lex.add_phrase(name, kind, &mut scratch);
        }
        let mut demonym_of: FxMap<&str, &str> = FxMap::default();
        for line in data_lines(DEMONYMS) {
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or("");
            demonym_of.entry(fields.next().unwrap_or("")).or_insert(word);
            lex.add_phrase(word, PhraseKind::Demonym, &mut scratch);
            if let Some(plural) = plural(word) {
                lex.add_phrase(&plural, PhraseKind::Demonym, &mut scratch);
            }
        }
        // "Central Africa" → "Central African", "Papua New Guinea" → "Papua New Guinean":
        // a place named by words before a place with a demonym has the compound demonym.
        for line in data_lines(COUNTRIES) {
            let name = line.split('\t').next().unwrap_or("");
            let Some((head, last)) = name.rsplit_once(' ') else { continue };
            let Some(word) = demonym_of.get(last) else { continue };
            if word.contains(' ') || head.ends_with(' ') {
                continue;
            }
            let compound = format!("{head} {word}");
            lex.add_phrase(&compound, PhraseKind::Demonym, &mut scratch);
            if let Some(plural) = plural(&compound) {
                lex.add_phrase(&plural, PhraseKind::Demonym, &mut scratch);
            }
        }
        for line in data_lines(CITIES) {
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or("");
            if lex.city_name_ok(name, false, &mut scratch) {
                lex.add_phrase(name, PhraseKind::City, &mut scratch);
            }
            for alt in fields.nth(5).unwrap_or("").split('|') {
                if lex.city_name_ok(alt, true, &mut scratch) {
                    lex.add_phrase(alt, PhraseKind::City, &mut scratch);
                }
            }
        }
        // Longest first, so that the first match found is the longest.
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lex
    }

    /// The flags of a lowercased word (0 when unknown).
    pub fn flags(&self, lower_word: &str) -> u32 {
        self.words.get(lower_word).copied().unwrap_or(0)
    }

    /// Gazetteer names whose first lowercased token is `lower_word`.
    pub fn phrases(&self, lower_word: &str) -> &[Phrase] {
        self.phrases.get(lower_word).map_or(&[], Vec::as_slice)
    }

    fn add_flag(&mut self, word: &str, flag: u32) {
        let key = lower(word);
        *self.words.entry(key.into_boxed_str()).or_insert(0) |= flag;
    }

    /// City names collide with ordinary and cue words ("Mission", "Temple", "Of"); such
    /// names would tag far more ordinary text than places, so they are left out. Alternate
    /// names are weaker still and also yield to personal names.
    fn city_name_ok(&self, name: &str, alternate: bool, scratch: &mut String) -> bool {
        if name.len() < 3 || name.chars().nth(2).is_none() {
            return false;
        }
        lower_into(scratch, name);
        let flags = self.flags(scratch);
        let blocking = COMMON | ORG_HEAD | TITLE | PLACE_HEAD | MISC_HEAD | NOT_NAME | PARTICLE;
        let blocking = if alternate { blocking | GIVEN | SURNAME | PHRASE_START } else { blocking };
        flags & blocking == 0
    }

    fn add_phrase(&mut self, name: &str, kind: PhraseKind, scratch: &mut String) {
        // Most names are letters and spaces: split those directly, and run the tokenizer
        // only on names with punctuation ("Guinea-Bissau", "U.S."), which are few.
        let simple = name.chars().all(|c| c.is_alphanumeric() || c == ' ');
        let (first_text, rest, single_word): (&str, Box<[Box<str>]>, bool) = if simple {
            let mut parts = name.split(' ').filter(|p| !p.is_empty());
            let Some(first) = parts.next() else { return };
            let rest: Box<[Box<str>]> = parts.map(|p| lower(p).into_boxed_str()).collect();
            let single = rest.is_empty() && !first.chars().all(|c| c.is_ascii_digit());
            (first, rest, single)
        } else {
            let tokens = tokenize(name);
            let Some(first) = tokens.first() else { return };
            let rest = tokens[1..].iter().map(|t| lower(t.span.slice(name)).into_boxed_str());
            let single = tokens.len() == 1 && first.kind == TokenKind::Word;
            (first.span.slice(name), rest.collect(), single)
        };
        lower_into(scratch, first_text);
        let acronym = single_word && claimgraph_text::words::is_all_caps(first_text);
        match self.words.get_mut(scratch.as_str()) {
            Some(flags) => *flags |= PHRASE_START,
            None => {
                self.words.insert(scratch.as_str().into(), PHRASE_START);
            }
        }
        let phrase = Phrase { rest, kind, acronym };
        let Some(list) = self.phrases.get_mut(scratch.as_str()) else {
            self.phrases.insert(scratch.as_str().into(), vec![phrase]);
            return;
        };
        match list.iter_mut().find(|p| p.rest == phrase.rest && p.acronym == acronym) {
            Some(existing) => existing.kind = existing.kind.max(kind),
            None => list.push(phrase),
        }
    }

    fn load_lexicon(&mut self, scratch: &mut String) {
        let mut flag = 0;
        let mut phrase_kind = None;
        for line in data_lines(LEXICON) {
            if let Some(section) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                (flag, phrase_kind) = match section {
                    "org_head" => (ORG_HEAD, None),
                    "org_start" => (ORG_START, None),
                    "title" => (TITLE, None),
                    "title_modifier" => (TITLE | TITLE_MOD, None),
                    "place_head" => (PLACE_HEAD, None),
                    "place_start" => (PLACE_START, None),
                    "misc_head" => (MISC_HEAD, None),
                    "misc_start" => (MISC_START, None),
                    "particle" => (PARTICLE, None),
                    "not_name" => (NOT_NAME, None),
                    "known_org" => (0, Some(PhraseKind::Org)),
                    "known_misc" => (0, Some(PhraseKind::Misc)),
                    _ => (0, None),
                };
                continue;
            }
            match phrase_kind {
                Some(kind) => self.add_phrase(line, kind, scratch),
                None if flag != 0 => self.add_flag(line, flag),
                None => {}
            }
        }
    }
}

/// `lower`, into a reused buffer.
fn lower_into(buf: &mut String, word: &str) {
    buf.clear();
    push_lower(buf, word);
}

/// Non-empty lines that are not `#` comments.
fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// "Iranian" → "Iranians", "Costa Rican" → "Costa Ricans"; none for "Chinese", "Swiss".
fn plural(word: &str) -> Option<String> {
    let no_plural = ["s", "sh", "ch", "x", "z", "ese", "ish", "ism", "ity"];
    let adjective_ic = word.ends_with("ic") && !word.ends_with("olic");
    if no_plural.iter().any(|end| word.ends_with(end)) || adjective_ic {
        return None;
    }
    Some(format!("{word}s"))
}
