//! The second pass, over mentions: links that need no context, only the names.
//!
//! Each rule keys mentions by a folded form in a hash map, so the pass stays linear in the
//! number of mentions however long the document is.
//! - same name: equal same-name keys and labels, or equal texts whatever the labels;
//! - short form: a person's surname (or a shorter tail of the name) links to the closest
//!   preceding full name with that surname; when none precedes, to the only full name
//!   with that surname that follows;
//! - acronym match: an acronym whose letters spell a long form used in the document;
//! - transliteration: equal skeletons ("Mujahedin-e-Khalq" / "Mujahedeen-e-Khalq").

use foldhash::{HashMap, HashMapExt};

use claimgraph_model::{AliasReason, EntityLabel, Mention, MentionSource};

use super::acronyms::LongForms;
use super::group::Groups;
use super::normalize::{is_function_word, skeleton, strip_the};

/// What the rules need to know about one mention.
#[derive(Debug)]
pub(crate) struct Info {
    /// Folded words.
    pub words: Vec<String>,
    /// Same-name key; acronyms keep only their letters ("U.S." and "US" agree).
    pub key: String,
    pub acronym: bool,
    /// The text as written, whitespace trimmed.
    pub text: String,
}

/// Words of a title that may precede a surname in a short form ("Mr. Masjedi").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "ayatollah",
    "general",
    "gen",
    "colonel",
    "col",
    "brigadier",
    "president",
    "minister",
    "sheikh",
    "imam",
    "mullah",
    "judge",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "commander",
    "lieutenant",
    "lt",
    "major",
    "maj",
    "captain",
    "capt",
    "admiral",
    "adm",
    "hojatoleslam",
    "cleric",
    "ambassador",
    "prime",
];

pub(crate) fn same_name(infos: &[Info], mentions: &[Mention], skip: &[bool], g: &mut Groups) {
    let mut by_key: HashMap<(&str, EntityLabel), usize> = HashMap::new();
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    for (idx, (info, mention)) in infos.iter().zip(mentions).enumerate() {
        if info.key.is_empty() || skip.get(idx).copied().unwrap_or(false) {
            continue;
        }
        let first = *by_key.entry((info.key.as_str(), mention.label)).or_insert(idx);
        let same_text = *by_text.entry(info.text.as_str()).or_insert(idx);
        if first != idx {
            g.link(idx, first, AliasReason::SameName);
        } else if same_text != idx {
            g.link(idx, same_text, AliasReason::SameName);
        }
    }
}

/// For each mention that is a short form of a person's full name, that full name.
pub(crate) fn short_forms(infos: &[Info], mentions: &[Mention]) -> Vec<Option<usize>> {
    let n = infos.len();
    let mut target = vec![None; n];
    // Words of the name without a leading title, for the candidates.
    let tail = |idx: usize| -> &[String] {
        let words = infos.get(idx).map_or(&[][..], |i| strip_the(&i.words));
        let skip = words.iter().take_while(|w| TITLES.contains(&w.as_str())).count();
        words.get(skip..).unwrap_or(&[])
    };
    let is_full = |idx: usize| {
        mentions.get(idx).is_some_and(|m| m.label == EntityLabel::Person)
            && tail(idx).iter().filter(|w| !is_function_word(w)).count() >= 2
    };
    // A short form is a person, or a weakly labelled capitalized word the recognizer
    // could not place; never a gazetteer place ("Jordan" after "Michael Jordan").
    let is_candidate = |idx: usize| {
        mentions.get(idx).is_some_and(|m| {
            m.label == EntityLabel::Person
                || matches!(m.source, MentionSource::Capitalization | MentionSource::Tagger)
        }) && !infos.get(idx).is_some_and(|i| i.acronym)
            && !tail(idx).is_empty()
    };
    // A shorter tail, or the same tail with fewer title words ("Qassem Soleimani" after
    // "General Qassem Soleimani").
    let is_suffix = |short: usize, full: usize| {
        let (s, f) = (tail(short), tail(full));
        let n_words = |i: usize| infos.get(i).map_or(0, |i| strip_the(&i.words).len());
        f.ends_with(s) && (s.len() < f.len() || n_words(short) < n_words(full))
    };
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for (idx, slot) in target.iter_mut().enumerate() {
        if is_candidate(idx) {
            let last = tail(idx).last().map_or("", String::as_str);
            if let Some(&full) = latest.get(last)
                && is_suffix(idx, full)
            {
                *slot = Some(full);
            }
        }
        if is_full(idx)
            && let Some(last) = tail(idx).last()
        {
            latest.insert(last.as_str(), idx);
        }
    }
    // Short forms before any full name: the only full name with that surname, if one.
    let mut only: HashMap<&str, Option<usize>> = HashMap::new();
    for idx in (0..n).filter(|&i| is_full(i)) {
        let Some(last) = tail(idx).last() else { continue };
        match only.get(last.as_str()) {
            None => {
                only.insert(last.as_str(), Some(idx));
            }
            Some(Some(first))
                if infos.get(*first).map(|i| &i.key) != infos.get(idx).map(|i| &i.key) =>
            {
                only.insert(last.as_str(), None);
            }
            Some(_) => {}
        }
    }
    for (idx, slot) in target.iter_mut().enumerate() {
        if slot.is_some() || !is_candidate(idx) {
            continue;
        }
        let last = tail(idx).last().map_or("", String::as_str);
        if let Some(Some(full)) = only.get(last)
            && *full > idx
            && is_suffix(idx, *full)
        {
            *slot = Some(*full);
        }
    }
    target
}

/// Links each distinct acronym to the long form it spells, the nearest one in the text.
/// Acronyms already defined in the text accept only strict matches.
pub(crate) fn acronym_match(infos: &[Info], g: &mut Groups) {
    let mut long_forms = LongForms::default();
    for (idx, info) in infos.iter().enumerate() {
        if !info.acronym {
            long_forms.add(idx, &info.words);
        }
    }
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for (idx, info) in infos.iter().enumerate() {
        if !info.acronym || seen.insert(info.key.as_str(), ()).is_some() {
            continue;
        }
        let defined = g.has_long(idx);
        if let Some(long) = long_forms.find(&info.key, idx, !defined) {
            g.link(idx, long, AliasReason::AcronymMatch);
        }
    }
}

/// Links names with equal transliteration skeletons and equal labels.
pub(crate) fn transliteration(infos: &[Info], mentions: &[Mention], skip: &[bool], g: &mut Groups) {
    let mut first: HashMap<(String, EntityLabel), usize> = HashMap::new();
    for (idx, (info, mention)) in infos.iter().zip(mentions).enumerate() {
        if info.acronym || skip.get(idx).copied().unwrap_or(false) {
            continue;
        }
        let Some(skel) = skeleton(&info.words) else { continue };
        let earlier = *first.entry((skel, mention.label)).or_insert(idx);
        if earlier != idx {
            g.link(idx, earlier, AliasReason::Transliteration);
        }
    }
}
