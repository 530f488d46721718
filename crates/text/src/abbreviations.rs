//! Abbreviations that end with a period but do not end a sentence.
//!
//! Titles ("Mr.", "Gen."), month and weekday short forms ("Jan.", "Tue."), and common
//! Latin and business forms ("etc.", "Inc."). Compiled from general knowledge of English
//! style guides; each list says why its words are there.

/// Abbreviations almost always followed by a name or number: a period after them never
/// ends a sentence ("Gen. Soleimani", "No. 5").
pub const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
    "brig", "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "messrs", "mme", "mlle",
    "sr", "jr", "no", "nos", "vol", "pp", "fig", "art", "sec", "ch", "op", "cf", "vs", "v",
    "approx", "dept", "est", "gens", "lieut", "supt", "det", "insp", "atty", "amb", "cpl", "pvt",
    "rt", "sgt", "spc", "ave", "blvd", "rd", "hwy", "tel", "ext", "ca", "c",
];

/// Abbreviations that may end a sentence ("... Acme Inc. The company") but usually do not.
pub const SOMETIMES_FINAL: &[&str] = &[
    "inc", "corp", "ltd", "co", "llc", "plc", "bros", "etc", "al", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// True when `word` (without its period) is an abbreviation that never ends a sentence.
pub fn is_never_final(word: &str) -> bool {
    let key = word.trim_end_matches('.').to_ascii_lowercase();
    NEVER_FINAL.contains(&key.as_str())
}

/// True when `word` (without its period) is an abbreviation that may end a sentence.
pub fn is_sometimes_final(word: &str) -> bool {
    let key = word.trim_end_matches('.').to_ascii_lowercase();
    SOMETIMES_FINAL.contains(&key.as_str())
}
