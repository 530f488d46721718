//! Quantities in digits and words, with the noun they count.
//!
//! One left-to-right pass over the tokens. At each token the stage tries, in order: a
//! currency before the number ("$", "US$", "EUR"), a number phrase ([`number`]), a percent
//! or currency after it, and then the counted noun ([`unit`]). Filters drop what is a
//! number but not an amount: years and days of dates, clock times, numbers inside the
//! given timex spans, phone numbers and identifiers ("F-16", "Resolution 2231",
//! "kilometer 20", "0100", seven or more bare digits), list markers, and durations
//! ("six years", "a 16-year-old"), which belong to the timexes.
//!
//! Conventions:
//! - vague amounts are ranges (see [`number`]: "dozens" 24..=99, "hundreds of thousands"
//!   200,000..=999,999, "several" 3..=9, "a few" 2..=5);
//! - ordinals are emitted as [`QuantityKind::Ordinal`]: digits always ("the 20th"), words
//!   ("third") only after a determiner ("the third round"), since "first" and "second"
//!   are mostly adverbs or the time unit, and "a third" is a fraction;
//! - "one" is a quantity only when it counts something ("one of the founders", "one
//!   soldier"), never after "no", "any", "the", "every";
//! - money and percentages carry no unit: the currency is in the kind;
//! - "of them" / "of which" take the noun of the previous counted quantity of the same or
//!   the previous sentence, and `unit_span` then points at that earlier noun.
//!
//! Cost: a fixed-size lowercase copy of every token is made once; every look-up is a
//! `match` on it. Each number phrase reads a bounded window of tokens, so the pass is
//! linear in the input.

mod currency;
mod lexicon;
mod number;
mod unit;

use claimgraph_model::{Quantity, QuantityKind, Span, Timex, Token, TokenKind};

use crate::{Input, QuantityRecognizer};
use lexicon::{
    blocks_one, is_clock_word, is_fraction_word, is_function_word, is_label_noun, is_month, ordinal,
};
use number::{Amount, Core, parse_core, parse_digits};
use unit::{Mode, Unit};

/// The rule-based quantity recognizer.
#[derive(Debug, Default)]
pub struct RuleQuantities {}

impl RuleQuantities {
    pub fn new() -> RuleQuantities {
        RuleQuantities {}
    }
}

impl QuantityRecognizer for RuleQuantities {
    fn find(&self, input: &Input<'_>, timexes: &[Timex]) -> Vec<Quantity> {
        let ctx = Ctx::new(input.text, input.tokens);
        let mut taken: Vec<Span> = timexes.iter().map(|t| t.span).collect();
        taken.sort_unstable();
        let mut scan = Scan {
            ctx: &ctx,
            taken,
            taken_pos: 0,
            last_noun: None,
            first_content_cache: None,
            out: Vec::new(),
        };
        let n = input.tokens.len();
        let sentences = input.sentences;
        let mut sentence = 0;
        let mut i = 0;
        while i < n {
            while sentence + 1 < sentences.len() && sentences[sentence].token_end <= i {
                sentence += 1;
            }
            let bounds = match sentences.get(sentence) {
                Some(s) if s.token_start <= i && i < s.token_end => {
                    (s.token_start, s.token_end.min(n))
                }
                _ => (0, n),
            };
            let next = scan.at(i, sentence, bounds);
            i = next.max(i + 1);
        }
        scan.out
    }
}

/// A token's text in lowercase: the text itself when it is short ASCII with no capital
/// (most tokens), else lowercased into a fixed buffer; empty for long or non-ASCII
/// tokens, which no table holds.
#[derive(Debug, Clone, Copy)]
struct Lower<'a> {
    borrowed: &'a str,
    bytes: [u8; 15],
    len: u8,
}

impl<'a> Lower<'a> {
    fn new(raw: &'a str) -> Lower<'a> {
        let mut lower = Lower { borrowed: "", bytes: [0; 15], len: 0 };
        if raw.len() <= lower.bytes.len() && raw.is_ascii() {
            if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.borrowed = raw;
                return lower;
            }
            for (dst, src) in lower.bytes.iter_mut().zip(raw.bytes()) {
                *dst = src.to_ascii_lowercase();
            }
            #[allow(clippy::cast_possible_truncation)]
            {
                lower.len = raw.len() as u8;
            }
        }
        lower
    }

    fn as_str(&self) -> &str {
        if self.len == 0 {
            return self.borrowed;
        }
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

/// The tokens with their lowercase forms; every accessor answers out of range with an
/// empty value instead of panicking.
#[derive(Debug)]
struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: Vec<Lower<'a>>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, tokens: &'a [Token]) -> Ctx<'a> {
        let lower = tokens.iter().map(|t| Lower::new(t.span.slice(text))).collect();
        Ctx { text, tokens, lower }
    }

    fn lw(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", Lower::as_str)
    }

    fn raw(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    fn span(&self, i: usize) -> Span {
        self.tokens.get(i).map_or_else(Span::default, |t| t.span)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Token `i` exists and touches the previous one.
    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Token `i` is a capitalized month name.
    fn is_month(&self, i: usize) -> bool {
        self.raw(i).as_bytes().first().is_some_and(u8::is_ascii_uppercase) && is_month(self.lw(i))
    }
}

/// The state of the pass.
struct Scan<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// Timex spans, sorted; `taken_pos` only moves forward.
    taken: Vec<Span>,
    taken_pos: usize,
    /// The last counted noun and its sentence, for "of them" / "of which".
    last_noun: Option<(Span, usize)>,
    /// (sentence start, its first word or number) of the last sentence asked about.
    first_content_cache: Option<(usize, usize)>,
    out: Vec<Quantity>,
}

impl Scan<'_, '_> {
    /// Looks for a quantity starting at token `i`; returns the token to continue from.
    fn at(&mut self, i: usize, sentence: usize, (s_start, s_end): (usize, usize)) -> usize {
        let ctx = self.ctx;
        // A currency before the number.
        let mut prefix: Option<(&'static str, usize)> = None; // (code, first number token)
        let raw = ctx.raw(i);
        if let Some(code) = currency::symbol(raw) {
            prefix = Some((code, i + 1));
        } else if ctx.is_word(i) {
            if let Some(code) =
                currency::dollar_prefix(raw).filter(|_| ctx.raw(i + 1) == "$" && ctx.glued(i + 1))
            {
                prefix = Some((code, i + 2));
            } else if let Some(code) = currency::iso_code(raw).filter(|_| ctx.is_number(i + 1)) {
                prefix = Some((code, i + 1));
            }
        }
        let core_at = prefix.map_or(i, |(_, at)| at);
        if prefix.is_some() && !ctx.is_number(core_at) && !starts_with_digit(ctx.raw(core_at)) {
            return i + 1;
        }

        // Chains of digits glued by punctuation: ranges ("10-15"), or dates, times, phone
        // numbers and scores, which are skipped whole.
        let mut core = None;
        if ctx.is_number(core_at) {
            match self.digit_chain(core_at) {
                Chain::Single => {}
                Chain::Skip(end) => return end,
                Chain::Range(c) => core = Some(c),
            }
        }
        let Some(mut core) = core.or_else(|| parse_core(ctx, core_at)) else {
            return i + 1;
        };
        if !core.amount.is_finite() {
            return core.end;
        }
        let start = prefix.map_or(core.start, |_| i);
        let mut end = core.end;

        // What comes after the number: percent, then currency.
        let mut kind = QuantityKind::Count;
        if core.ordinal {
            kind = QuantityKind::Ordinal;
        } else if let Some((code, _)) = prefix {
            kind = QuantityKind::Money(code.to_string());
        } else if core.percent {
            kind = QuantityKind::Percent;
        } else if let Some(after) = percent_after(ctx, end) {
            kind = QuantityKind::Percent;
            end = after;
        } else if let Some((code, after, factor)) = currency_after(ctx, end, core.vague_plural) {
            kind = QuantityKind::Money(code.to_string());
            end = after;
            if factor != 1.0 {
                core.amount = match core.amount {
                    Amount::Exact(v) => Amount::Exact(v * factor),
                    Amount::Range(lo, hi) => Amount::Range(lo * factor, hi * factor),
                };
            }
        }
        if core.needs_money && !matches!(kind, QuantityKind::Money(_)) {
            return core.end;
        }
        let span = ctx.span(start).cover(ctx.span(end.saturating_sub(1).max(start)));
        if self.in_timex(span) {
            return end;
        }
        let counted = matches!(kind, QuantityKind::Count | QuantityKind::Ordinal);
        let first_content = self.first_content(s_start, s_end);
        if counted && self.not_an_amount(&core, first_content) {
            return core.end;
        }

        // The counted noun.
        let mut unit = Unit::None;
        if counted {
            let mode = match core.amount {
                Amount::Exact(v) if core.ordinal || v == 1.0 => Mode::Singular,
                _ => Mode::Plural,
            };
            unit = unit::find(ctx, end, s_end, mode);
            if unit == Unit::Time || (unit == Unit::Idiom && core.lone_one) {
                return end;
            }
            if core.lone_one && unit == Unit::None {
                return end;
            }
            if is_year(&core) && !(matches!(unit, Unit::Noun(_)) && self.count_not_year(&core)) {
                return end;
            }
        }
        let (unit_text, unit_span) = match unit {
            Unit::Noun(span) => {
                if !core.ordinal {
                    self.last_noun = Some((span, sentence));
                }
                (Some(span.slice(ctx.text).to_string()), Some(span))
            }
            Unit::Antecedent => match self.last_noun {
                Some((span, s)) if s + 1 >= sentence => {
                    (Some(span.slice(ctx.text).to_string()), Some(span))
                }
                _ => (None, None),
            },
            Unit::None | Unit::Time | Unit::Idiom => (None, None),
        };
        let (value, min, max) = match core.amount {
            Amount::Exact(v) => (Some(v), None, None),
            Amount::Range(lo, hi) => (None, Some(lo), Some(hi)),
        };
        self.out.push(Quantity { span, kind, value, min, max, unit: unit_text, unit_span });
        end
    }

    /// True when `span` overlaps a timex. Spans are asked in text order.
    fn in_timex(&mut self, span: Span) -> bool {
        while self.taken.get(self.taken_pos).is_some_and(|t| t.end <= span.start) {
            self.taken_pos += 1;
        }
        self.taken[self.taken_pos.min(self.taken.len())..]
            .iter()
            .take_while(|t| t.start < span.end)
            .any(|t| t.overlaps(span))
    }

    /// Number tokens glued to each other by punctuation, from `i`.
    fn digit_chain(&self, i: usize) -> Chain {
        let ctx = self.ctx;
        let mut end = i + 1;
        let mut parts = 1;
        let mut only_hyphens = true;
        while matches!(ctx.raw(end), "-" | "–" | "/" | ":" | "." | ",")
            && ctx.glued(end)
            && ctx.glued(end + 1)
            && ctx.is_number(end + 1)
            && parts < 64
        {
            only_hyphens &= matches!(ctx.raw(end), "-" | "–");
            parts += 1;
            end += 2;
        }
        if parts == 1 {
            return Chain::Single;
        }
        if parts == 2 && only_hyphens {
            let (Some(a), Some(b)) = (parse_digits(ctx.raw(i)), parse_digits(ctx.raw(i + 2)))
            else {
                return Chain::Skip(end);
            };
            let year_like = a.plain && a.len == 4;
            if !year_like
                && !a.leading_zero
                && !b.leading_zero
                && a.value < b.value
                && b.value < 1e6
            {
                return Chain::Range(Core::new(i, end, Amount::Range(a.value, b.value)));
            }
        }
        Chain::Skip(end)
    }

    /// A bare four-digit number between 1000 and 2100 before a plural noun is still
    /// mostly a year ("its 2004 results", "hopes 2005 sales will"): news style writes counts
    /// that large with a comma. It counts only when nothing marks it as a year and it is
    /// round or follows an approximation or a partitive ("of 1000 women", "some 1500 troops").
    fn count_not_year(&self, core: &Core) -> bool {
        let ctx = self.ctx;
        let prev = core.start.checked_sub(1).map_or("", |p| ctx.lw(p));
        if matches!(
            prev,
            "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "that"
                | "last"
                | "'s"
                | "a"
                | "an"
                | "whose"
        ) {
            return false;
        }
        let round = core.digits.is_some_and(|d| d.value % 100.0 == 0.0);
        round
            || matches!(
                prev,
                "of" | "about"
                    | "some"
                    | "nearly"
                    | "over"
                    | "than"
                    | "around"
                    | "approximately"
                    | "almost"
                    | "roughly"
                    | "least"
                    | "only"
                    | "just"
                    | "estimated"
                    | "up"
            )
    }

    /// Numbers that are labels, identifiers, days of dates, clock times, or names.
    /// The first word or number of the sentence starting at token `s_start`, cached so
    /// that a sentence opening with a long run of punctuation is walked once.
    fn first_content(&mut self, s_start: usize, s_end: usize) -> usize {
        if let Some((start, first)) = self.first_content_cache
            && start == s_start
        {
            return first;
        }
        let ctx = self.ctx;
        let first = (s_start..s_end).find(|&k| ctx.is_word(k) || ctx.is_number(k)).unwrap_or(s_end);
        self.first_content_cache = Some((s_start, first));
        first
    }

    /// `first_content` is the first word or number of the sentence.
    fn not_an_amount(&self, core: &Core, first_content: usize) -> bool {
        let ctx = self.ctx;
        let i = core.start;
        let prev = i.checked_sub(1);
        let prev_raw = prev.map_or("", |p| ctx.raw(p));
        let prev_lw = prev.map_or("", |p| ctx.lw(p));
        let next_lw = ctx.lw(core.end);
        let sentence_initial = i <= first_content;

        if let Some(d) = core.digits {
            if d.leading_zero || (d.plain && d.len >= 7) {
                return true;
            }
            // "(202) 555-0100", list markers "(1)", "2.", "3)".
            if prev_raw == "(" && ctx.raw(core.end) == ")" {
                return true;
            }
            let line_start = i == 0 || ctx.tokens.get(i).is_some_and(|t| t.newlines_before > 0);
            if line_start && matches!(ctx.raw(core.end), "." | ")") && ctx.glued(core.end) {
                return true;
            }
            // Two numbers side by side: phone numbers, tables, scores.
            if ctx.is_number(core.end) || prev.is_some_and(|p| ctx.is_number(p)) {
                return true;
            }
            // Year after a word that introduces one.
            if is_year(core)
                && matches!(
                    prev_lw,
                    "in" | "since"
                        | "from"
                        | "until"
                        | "till"
                        | "by"
                        | "during"
                        | "after"
                        | "before"
                        | "year"
                        | "circa"
                        | "mid"
                        | "early"
                        | "late"
                        | "to"
                        | "summer"
                        | "spring"
                        | "autumn"
                        | "fall"
                        | "winter"
                        | "fiscal"
                )
            {
                return true;
            }
            // The year of a date whose day the timexes missed: "November 30, 2007 states".
            if is_year(core)
                && prev_raw == ","
                && i >= 2
                && (ctx.is_number(i - 2) || ctx.is_month(i - 2) || ordinal_digits(ctx.raw(i - 2)))
            {
                return true;
            }
        }
        if matches!(prev_raw, "+" | "#" | "№" | "'" | "’") && ctx.glued(i) {
            return true;
        }
        // "F-16", "COVID-19", "Su-35": a number glued by a hyphen or slash to what precedes.
        if matches!(prev_raw, "-" | "–" | "/")
            && ctx.glued(i)
            && prev.is_some_and(|p| ctx.glued(p) && p > 0)
        {
            return true;
        }
        if is_clock_word(next_lw) || (ctx.raw(core.end) == ":" && ctx.is_number(core.end + 1)) {
            return true;
        }
        // Fractions: "one-third", "two-thirds".
        if ctx.raw(core.end) == "-"
            && ctx.glued(core.end)
            && ctx.glued(core.end + 1)
            && is_fraction_word(ctx.lw(core.end + 1))
        {
            return true;
        }
        // Days of dates: "February 14", "14 February", "the 20th of June", "Feb. 14".
        if let Amount::Exact(v) = core.amount {
            let day_like = (1.0..=31.0).contains(&v) && v.fract() == 0.0;
            let month_before = prev.is_some_and(|p| {
                ctx.is_month(p) || (ctx.raw(p) == "." && p > 0 && ctx.is_month(p - 1))
            });
            let month_after =
                ctx.is_month(core.end) || (next_lw == "of" && ctx.is_month(core.end + 1));
            if day_like && (month_before || month_after) {
                return true;
            }
        }
        // Labels: "kilometer 20", "Resolution 2231", "Boeing 747", "Chapter Two".
        if prev.is_some_and(|p| ctx.is_word(p)) {
            if is_label_noun(prev_lw) {
                return true;
            }
            let prev_capitalized = prev_raw.chars().next().is_some_and(char::is_uppercase);
            let prev_sentence_initial = prev.is_some_and(|p| p <= first_content);
            if prev_capitalized
                && !prev_sentence_initial
                && !is_function_word(prev_lw)
                && !prev.is_some_and(|p| ctx.is_month(p))
                && currency::iso_code(prev_raw).is_none()
            {
                return true;
            }
        }
        // Number words with a capital inside a sentence belong to names ("Group of Seven").
        if core.in_words
            && !sentence_initial
            && ctx.raw(i).chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        if core.lone_one && blocks_one(prev_lw) {
            return true;
        }
        // Word ordinals need a determiner: "the third", not "first," or "a third".
        if core.ordinal
            && core.digits.is_none()
            && ordinal(ctx.lw(i)).is_some()
            && !matches!(
                prev_lw,
                "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "whose" | "this"
            )
        {
            return true;
        }
        false
    }
}

/// The outcome of reading glued digit chains.
enum Chain {
    Single,
    Skip(usize),
    Range(Core),
}

/// A bare four-digit number that reads as a year: 1000 to 2100, no separators.
fn is_year(core: &Core) -> bool {
    core.digits.is_some_and(|d| d.plain && d.len == 4 && (1000.0..=2100.0).contains(&d.value))
}

/// "14th", "1st": digits glued to an ordinal suffix.
fn ordinal_digits(raw: &str) -> bool {
    starts_with_digit(raw) && ["st", "nd", "rd", "th"].iter().any(|s| raw.ends_with(s))
}

fn starts_with_digit(raw: &str) -> bool {
    raw.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// "%", "percent", "per cent", "pct", "percentage points" after the number at `j`.
fn percent_after(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    match ctx.lw(j) {
        "%" | "percent" | "pct" => Some(j + 1),
        "per" if ctx.lw(j + 1) == "cent" => Some(j + 2),
        "percentage" if ctx.lw(j + 1) == "points" => Some(j + 2),
        _ => None,
    }
}

/// A currency after the number at `j`: "dollars", "US dollars", "rials", "USD", "pounds
/// sterling", "cents"; and after "of" for vague plurals ("millions of dollars"). Returns
/// the code, the token after the currency, and the factor to the code's unit.
fn currency_after(
    ctx: &Ctx<'_>,
    mut j: usize,
    vague_plural: bool,
) -> Option<(&'static str, usize, f64)> {
    if vague_plural && ctx.lw(j) == "of" {
        j += 1;
    }
    if let Some(code) = currency::iso_code(ctx.raw(j)) {
        return Some((code, j + 1, 1.0));
    }
    if let Some(base) = currency::word(ctx.lw(j + 1))
        && let Some(code) = currency::adjective_code(ctx.lw(j), base)
    {
        return Some((code, j + 2, currency::factor(base)));
    }
    let base = currency::word(ctx.lw(j))?;
    if base == "pound" {
        // Pounds are a weight unless "sterling" says otherwise.
        return (ctx.lw(j + 1) == "sterling").then_some(("GBP", j + 2, 1.0));
    }
    Some((currency::default_code(base), j + 1, currency::factor(base)))
}
