//! Abbreviations that end with a period but do not end a sentence.
//!
//! Titles ("Mr.", "Gen."), month and weekday short forms ("Jan.", "Tue."), and common
//! Latin and business forms ("etc.", "Inc."), and words that abbreviate only before a
//! number ("No. 5", "Art. 12"). Compiled from general knowledge of English
//! style guides; each list says why its words are there.

/// Abbreviations almost always followed by a name, number or example: a period after them
/// never ends a sentence ("Gen. Soleimani", "vs. Chelsea", "e.g. The Times"). One-letter
/// abbreviations and initials ("b. 1950", "J. Smith") are decided by the splitter.
pub const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
    "brig", "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "messrs", "mme", "mlle",
    "vol", "pp", "cf", "vs", "approx", "dept", "est", "gens", "lieut", "supt", "det", "insp",
    "atty", "amb", "cpl", "pvt", "rt", "spc", "blvd", "hwy", "ca", "e.g", "i.e", "viz", "assoc",
    "asst", "univ", "govt", "eds", "ibid", "esp", "incl", "p.s",
];

/// Abbreviations that are also ordinary words ("art", "no", "sec") and are abbreviations
/// only before a number: "No. 5", "Art. 12", "Fig. 3", "ch. 4".
pub const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "art", "arts", "sec", "secs", "ch", "chap", "op", "fig", "figs", "eq", "eqs",
    "ext", "tel", "nr", "ref", "refs", "para", "pt", "pts", "ed", "div", "dist",
];

/// Abbreviations that may end a sentence ("... Acme Inc. The company") but usually do not.
pub const SOMETIMES_FINAL: &[&str] = &[
    "inc", "corp", "ltd", "co", "llc", "plc", "bros", "etc", "al", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "jr", "sr", "ph.d",
    "m.d", "b.a", "m.a", "d.c",
];

/// True when `word` (without its period) is an abbreviation that never ends a sentence.
pub fn is_never_final(word: &str) -> bool {
    let key = word.trim_end_matches('.').to_ascii_lowercase();
    NEVER_FINAL.contains(&key.as_str())
}

/// True when `word` (without its period) is an abbreviation only before a number.
pub fn is_before_number(word: &str) -> bool {
    let key = word.trim_end_matches('.').to_ascii_lowercase();
    BEFORE_NUMBER.contains(&key.as_str())
}

/// True when `word` (without its period) is an abbreviation that may end a sentence.
pub fn is_sometimes_final(word: &str) -> bool {
    let key = word.trim_end_matches('.').to_ascii_lowercase();
    SOMETIMES_FINAL.contains(&key.as_str())
}
