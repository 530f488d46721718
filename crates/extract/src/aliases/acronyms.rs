//! Acronyms: what looks like one, and whether its letters spell a long form.
//!
//! The matcher follows Schwartz and Hearst (2003) loosely: letters are matched in order
//! against the words of the long form, function words ("of", "and", the Persian "e") may
//! be skipped or may give their initial ("MOIS", Ministry Of Intelligence and Security),
//! every content word must give its initial, and a loose pass also lets one word give a
//! prefix of several letters ("CENTCOM", CENTral COMmand). A few leading words may be
//! skipped so that "Iran's Islamic Revolutionary Guard Corps" still spells "IRGC".

use foldhash::HashMap;

use super::normalize::{is_function_word, strip_the};

/// Acronyms longer than this are not matched (bounds the dynamic program).
const MAX_ACRONYM: usize = 12;
/// Long forms with more words than this are not matched.
const MAX_WORDS: usize = 16;
/// Leading words of a long form that may be left out of its acronym.
const MAX_SKIPPED_LEADING: usize = 2;
/// Distinct long forms tried per first letter when looking an acronym up.
const MAX_CANDIDATES: usize = 64;

/// True for a token that reads as an acronym: "IRGC", "U.S.", "MeK"; at least two capitals,
/// at most one lowercase letter, starting with a capital, 2 to 12 letters.
pub(crate) fn is_acronym_word(word: &str) -> bool {
    let mut upper = 0;
    let mut lower = 0;
    for ch in word.chars() {
        if ch.is_uppercase() {
            upper += 1;
        } else if ch.is_lowercase() {
            lower += 1;
        } else if !(ch == '.' || ch.is_ascii_digit()) {
            return false;
        }
    }
    word.chars().next().is_some_and(char::is_uppercase)
        && upper >= 2
        && lower <= 1
        && upper + lower <= MAX_ACRONYM
}

/// True when a mention's text is one acronym, possibly possessive ("IRGC's").
pub(crate) fn is_acronym_text(text: &str) -> bool {
    let trimmed = text.trim();
    let base = trimmed.strip_suffix("'s").or_else(|| trimmed.strip_suffix("’s")).unwrap_or(trimmed);
    is_acronym_word(base)
}

/// Does `acronym` (its folded letters) spell the long form `words` (folded)? `loose` also
/// lets a word give a prefix of several letters.
pub(crate) fn spells(acronym: &str, words: &[String], loose: bool) -> bool {
    let acr: Vec<char> = acronym.chars().collect();
    let words = strip_the(words);
    if acr.len() < 2 || acr.len() > MAX_ACRONYM || words.len() > MAX_WORDS {
        return false;
    }
    let word_chars: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let function: Vec<bool> = words.iter().map(|w| is_function_word(w)).collect();
    let n = acr.len();
    let m = words.len();
    // ok[i * (m + 1) + w]: acr[i..] can be read from words[w..].
    let mut ok = vec![false; (n + 1) * (m + 1)];
    let at = |i: usize, w: usize| i * (m + 1) + w;
    ok[at(n, m)] = true;
    for w in (0..m).rev() {
        for i in (0..=n).rev() {
            let skip = function[w] && ok[at(i, w + 1)];
            let mut take = false;
            if i < n && word_chars[w].first() == Some(&acr[i]) {
                take = ok[at(i + 1, w + 1)];
                if loose && !take {
                    let mut p = 1;
                    while !take
                        && i + p < n
                        && word_chars[w].get(p).is_some_and(|&c| c == acr[i + p])
                    {
                        p += 1;
                        take = ok[at(i + p, w + 1)];
                    }
                }
            }
            ok[at(i, w)] = skip || take;
        }
    }
    let content = |from: usize| function[from..].iter().filter(|f| !**f).count();
    (0..=MAX_SKIPPED_LEADING.min(m.saturating_sub(1)))
        .any(|start| content(start) >= 2 && !function[start] && ok[at(0, start)])
}

/// The folded letters of an acronym ("U.S." → "us", "MeK" → "mek").
pub(crate) fn letters(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// True for a long form: at least two content words.
pub(crate) fn is_long_form(words: &[String]) -> bool {
    words.iter().filter(|w| !is_function_word(w)).count() >= 2
}

/// Long forms of one document, bucketed by the initials an acronym could start with, so
/// that an acronym is compared with a bounded number of candidates.
#[derive(Debug, Default)]
pub(crate) struct LongForms {
    /// Distinct long forms: folded words and the indices of the mentions using them.
    forms: Vec<(Vec<String>, Vec<usize>)>,
    by_key: HashMap<String, usize>,
    by_initial: HashMap<char, Vec<usize>>,
}

impl LongForms {
    /// Registers mention `idx` with folded `words`; mentions must come in text order.
    pub(crate) fn add(&mut self, idx: usize, words: &[String]) {
        let words = strip_the(words);
        if !is_long_form(words) || words.len() > MAX_WORDS {
            return;
        }
        let key = words.join(" ");
        if let Some(&form) = self.by_key.get(&key) {
            if let Some(entry) = self.forms.get_mut(form) {
                entry.1.push(idx);
            }
            return;
        }
        let form = self.forms.len();
        self.by_key.insert(key, form);
        self.forms.push((words.to_vec(), vec![idx]));
        let mut initials: Vec<char> =
            words.iter().take(MAX_SKIPPED_LEADING + 1).filter_map(|w| w.chars().next()).collect();
        initials.dedup();
        for initial in initials {
            let bucket = self.by_initial.entry(initial).or_default();
            if bucket.len() < MAX_CANDIDATES && bucket.last() != Some(&form) {
                bucket.push(form);
            }
        }
    }

    /// The mention of the long form that `acronym` spells nearest to position `near`: the
    /// closest one before it, else the first one after. Strict matches win over loose ones.
    pub(crate) fn find(&self, acronym: &str, near: usize, allow_loose: bool) -> Option<usize> {
        let first = acronym.chars().next()?;
        let bucket = self.by_initial.get(&first)?;
        for loose in [false, true] {
            if loose && !allow_loose {
                break;
            }
            let mut best_before: Option<usize> = None;
            let mut best_after: Option<usize> = None;
            for &form in bucket {
                let Some((words, uses)) = self.forms.get(form) else { continue };
                if !spells(acronym, words, loose) {
                    continue;
                }
                let split = uses.partition_point(|&u| u < near);
                if let Some(&before) = split.checked_sub(1).and_then(|s| uses.get(s)) {
                    best_before = best_before.max(Some(before));
                }
                if let Some(&after) = uses.get(split) {
                    best_after = Some(best_after.map_or(after, |b: usize| b.min(after)));
                }
            }
            if best_before.is_some() || best_after.is_some() {
                return best_before.or(best_after);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn strict(acr: &str, long: &str) -> bool {
        spells(&letters(acr), &words(long), false)
    }

    fn loose(acr: &str, long: &str) -> bool {
        spells(&letters(acr), &words(long), true)
    }

    #[test]
    fn acronym_words() {
        assert!(is_acronym_word("IRGC"));
        assert!(is_acronym_word("U.S."));
        assert!(is_acronym_word("MeK"));
        assert!(!is_acronym_word("McCain"));
        assert!(!is_acronym_word("I"));
        assert!(!is_acronym_word("Iran"));
        assert!(!is_acronym_word("/"));
        assert!(is_acronym_text("IRGC's"));
    }

    #[test]
    fn initials() {
        assert!(strict("IRGC", "Islamic Revolutionary Guard Corps"));
        assert!(strict("PMOI", "People’s Mojahedin Organization of Iran"));
        assert!(strict("NCRI", "the National Council of Resistance of Iran"));
        assert!(strict("MEK", "Mujahedin-e-Khalq"));
        assert!(strict("MOIS", "Ministry of Intelligence and Security"));
        assert!(strict("MBS", "Mohammed bin Salman"));
        assert!(strict("IRGC", "Iran's Islamic Revolutionary Guard Corps"));
        assert!(!strict("IRGC", "Revolutionary Guards"));
        assert!(!strict("UN", "United States"));
        assert!(!strict("US", "Iran"));
        assert!(!strict("CENTCOM", "Central Command"));
        assert!(loose("CENTCOM", "Central Command"));
        assert!(!loose("NIAC", "National Council"));
    }
}
