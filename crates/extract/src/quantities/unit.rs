//! The counted noun: the head of the noun phrase after a number.
//!
//! There is no part-of-speech tagger here, so the head is found by shape. After a count
//! above one the head is plural: the first plural-looking word, extended over directly
//! following plurals ("human rights violations" → "violations"), with adjectives and
//! nationalities before it skipped, coordinated ones included ("25,000 Iranian and foreign
//! militias" → "militias"). After "one" and ordinals the head is the last word of the run
//! of content words ("the third largest city" → "city"). A partitive "of" moves to the noun
//! after it ("120,000 of its members"); "of them" / "of which" point back to the previous
//! counted noun, which the caller resolves.

use claimgraph_model::{Span, TokenKind};

use super::Ctx;
use super::lexicon::{
    is_function_word, is_irregular_plural, is_number_word, is_partitive_determiner, is_time_unit,
};

/// Which form of head noun to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Plural,
    Singular,
}

/// What follows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    None,
    Noun(Span),
    /// "of them", "of which": the noun of an earlier quantity.
    Antecedent,
    /// A hyphenated idiom ("one-off", "one-on-one").
    Idiom,
    /// A noun of time: the number is a duration or an age, which the timexes own.
    Time,
}

/// At most this many words are read after a number looking for its head.
const MAX_WORDS: usize = 6;

/// Finds the unit of the number phrase ending before token `j`; no token at or past
/// `limit` (the end of the sentence) is read.
pub(super) fn find(ctx: &Ctx<'_>, j: usize, limit: usize, mode: Mode) -> Unit {
    if j >= limit {
        return Unit::None;
    }
    // "a 10-member committee", "a 25,000-strong army", "a 16-year-old".
    if ctx.raw(j) == "-"
        && ctx.glued(j)
        && ctx.glued(j + 1)
        && ctx.is_word(j + 1)
        && !ctx.raw(j + 1).as_bytes().first().is_some_and(u8::is_ascii_digit)
    {
        let w = ctx.lw(j + 1);
        if is_time_unit(w) {
            return Unit::Time;
        }
        if is_function_word(w) {
            // "one-on-one", "one-off": an idiom, not a count of anything.
            return Unit::Idiom;
        }
        if w == "strong" {
            return noun_phrase(ctx, j + 2, limit, Mode::Singular);
        }
        let span = ctx.span(j + 1);
        return checked(ctx, span, j + 1);
    }
    if ctx.lw(j) == "of" {
        let k = j + 1;
        match ctx.lw(k) {
            "them" | "which" | "whom" | "those" | "these" => return Unit::Antecedent,
            "us" | "you" | "it" | "whose" => return Unit::None,
            w if is_partitive_determiner(w) => return noun_phrase(ctx, k + 1, limit, Mode::Plural),
            _ => return noun_phrase(ctx, k, limit, Mode::Plural),
        }
    }
    noun_phrase(ctx, j, limit, mode)
}

/// A head noun that turns out to be a time word makes the whole thing a duration.
fn checked(ctx: &Ctx<'_>, span: Span, last_token: usize) -> Unit {
    if is_time_unit(ctx.lw(last_token)) { Unit::Time } else { Unit::Noun(span) }
}

/// Reads the noun phrase from token `k` and returns its head.
fn noun_phrase(ctx: &Ctx<'_>, start: usize, limit: usize, mode: Mode) -> Unit {
    let mut k = start;
    let mut n_words = 0;
    // The head so far: its span and the token of its last part.
    let mut head: Option<(Span, usize)> = None;
    let mut after_conjunction = false;
    while k < limit && n_words < MAX_WORDS {
        let raw = ctx.raw(k);
        // A comma coordinates only lists of nationalities ("Iranian, Iraqi and Afghan
        // militias"); after anything else it ends the phrase ("the 1979 revolution, ...").
        let comma = raw == ","
            && ctx.kind(k) == Some(TokenKind::Punct)
            && k > 0
            && ctx.raw(k - 1).chars().next().is_some_and(char::is_uppercase);
        if comma || matches!(ctx.lw(k), "and" | "or" | "&") {
            // Coordinated modifiers before the head ("Iranian and foreign militias"); after
            // a plural head the coordination is a second noun phrase.
            if n_words == 0 || after_conjunction || (mode == Mode::Plural && head.is_some()) {
                break;
            }
            after_conjunction = true;
            k += 1;
            continue;
        }
        if !ctx.is_word(k) || raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            break;
        }
        let w = ctx.lw(k);
        let acronym = raw.len() >= 2 && raw.bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
        if (!acronym && is_function_word(w)) || is_number_word(w) {
            break;
        }
        // Hyphenated compounds are one word whose head is the last part ("Iranian-backed").
        let mut last = k;
        while ctx.raw(last + 1) == "-"
            && ctx.glued(last + 1)
            && ctx.glued(last + 2)
            && ctx.is_word(last + 2)
            && last + 2 < limit
        {
            last += 2;
        }
        let span = ctx.span(k).cover(ctx.span(last));
        // A possessive makes what came before a determiner: "14 of Iran's provinces".
        if ctx.lw(last + 1) == "'s" || ctx.raw(last + 1) == "’s" {
            head = None;
            n_words = 0;
            after_conjunction = false;
            k = last + 2;
            continue;
        }
        let last_word = ctx.raw(last);
        let plural = looks_plural(last_word, ctx.lw(last));
        match mode {
            Mode::Plural => {
                if plural {
                    head = Some((span, last));
                } else if head.is_some() {
                    break;
                }
            }
            Mode::Singular => {
                let lower = ctx.lw(last);
                if head.is_some() && looks_verbal(lower) {
                    break;
                }
                // Adverbs before the head are skipped: "one heavily congested network".
                if lower.len() > 4 && lower.ends_with("ly") {
                    k = last + 1;
                    continue;
                }
                head = Some((span, last));
            }
        }
        after_conjunction = false;
        n_words += 1;
        k = last + 1;
    }
    match head {
        Some((span, last)) => checked(ctx, span, last),
        None => Unit::None,
    }
}

/// Plural by shape: ends in a lowercase "s" but not "ss", "us", "is" ("status", "crisis"),
/// or an irregular plural ("people", "women", "police").
pub(super) fn looks_plural(raw: &str, lower: &str) -> bool {
    if is_irregular_plural(lower) {
        return true;
    }
    let b = raw.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b's' && !matches!(b[b.len() - 2], b's' | b'u' | b'i' | b'\'')
}

/// Past participles, gerunds and adverbs end a singular noun phrase ("one soldier killed").
fn looks_verbal(lower: &str) -> bool {
    lower.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ing") || lower.ends_with("ly"))
}
