//! Reading one number phrase at a token: digits ("25,000", "4.5", "3m", "20th"), words
//! ("one hundred and twenty", "twenty-five", "half-a-million", "two dozen"), digits with
//! scale words ("3.5 million") and vague amounts ("dozens", "hundreds of thousands",
//! "several thousand", "a few").
//!
//! Vague amounts become ranges by one convention: a plural of a round number X means from
//! two X up to one below the next power of ten ("hundreds" 200..=999, "thousands"
//! 2000..=9999, "tens of thousands" 20,000..=99,999, "hundreds of thousands"
//! 200,000..=999,999), except "dozens" 24..=99 and "scores of" 40..=99. "several" is 3..=9,
//! "a few" and "a handful" 2..=5, and a scale after them multiplies both ends
//! ("several thousand" 3000..=9999). "a couple" is exactly 2.

use super::Ctx;
use super::lexicon::{
    abbreviated_scale, big_scale, glued_scale, ordinal, plural_scale, small, tens,
};

/// An exact value or the bounds of a vague one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Amount {
    Exact(f64),
    Range(f64, f64),
}

impl Amount {
    pub(super) fn is_finite(self) -> bool {
        match self {
            Amount::Exact(v) => v.is_finite(),
            Amount::Range(lo, hi) => lo.is_finite() && hi.is_finite(),
        }
    }
}

/// Facts about a number written in digits, for the year, identifier and phone filters.
#[derive(Debug, Clone, Copy)]
pub(super) struct Digits {
    pub value: f64,
    /// No thousands or decimal separator ("1981", not "1,981").
    pub plain: bool,
    /// How many digits.
    pub len: usize,
    /// "007", "0100": identifiers, not amounts.
    pub leading_zero: bool,
}

/// A number phrase over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Core {
    pub start: usize,
    pub end: usize,
    pub amount: Amount,
    pub ordinal: bool,
    /// A glued percent suffix ("40pc").
    pub percent: bool,
    /// A glued scale letter that only makes sense for money ("3m", "20k").
    pub needs_money: bool,
    /// Set when the phrase is one number token in digits.
    pub digits: Option<Digits>,
    /// The phrase is the single word "one", which is often a pronoun.
    pub lone_one: bool,
    /// The phrase opens with a number word (not digits, not "a", not a vague word).
    pub in_words: bool,
    /// A plural vague amount ("dozens", "millions") that may take "of dollars".
    pub vague_plural: bool,
}

impl Core {
    pub(super) fn new(start: usize, end: usize, amount: Amount) -> Core {
        Core {
            start,
            end,
            amount,
            ordinal: false,
            percent: false,
            needs_money: false,
            digits: None,
            lone_one: false,
            in_words: false,
            vague_plural: false,
        }
    }
}

/// Reads a number written in digits with `,` or `.` separators. Returns `None` for what
/// is not one amount: "1,2" (ambiguous), "1.2.3" (a version or an address), and runs of
/// more than 64 characters (identifiers or noise, and beyond what a news amount needs).
pub(super) fn parse_digits(s: &str) -> Option<Digits> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 64 || !b[0].is_ascii_digit() {
        return None;
    }
    let commas = b.iter().filter(|&&c| c == b',').count();
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let last_sep = b.iter().rposition(|&c| c == b',' || c == b'.').map(|p| b[p]);
    let (thousands, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (0, 1) => (None, Some(b'.')),
        (_, 0) => (Some(b','), None),
        (0, _) => (Some(b'.'), None),
        (_, 1) if last_sep == Some(b'.') => (Some(b','), Some(b'.')),
        (1, _) if last_sep == Some(b',') => (Some(b'.'), Some(b',')),
        _ => return None,
    };
    let int_end = decimal.and_then(|d| b.iter().position(|&c| c == d)).unwrap_or(b.len());
    if let Some(sep) = thousands {
        // Every group after the first has exactly three digits, the first one to three.
        let mut group = 0usize;
        let mut first = true;
        for &c in &b[..int_end] {
            if c == sep {
                if (first && !(1..=3).contains(&group)) || (!first && group != 3) {
                    return None;
                }
                first = false;
                group = 0;
            } else if c.is_ascii_digit() {
                group += 1;
            } else {
                return None;
            }
        }
        if group != 3 {
            return None;
        }
    }
    // Integer mantissa and a power of ten: exact for up to 19 significant digits, then
    // plain f64 accumulation (which goes to infinity for absurd lengths, filtered later).
    let mut mantissa: u64 = 0;
    let mut approx: f64 = 0.0;
    let mut overflow = false;
    let mut frac_digits = 0i32;
    let mut len = 0usize;
    for (pos, &c) in b.iter().enumerate() {
        if !c.is_ascii_digit() {
            continue;
        }
        let d = c - b'0';
        len += 1;
        if pos > int_end {
            frac_digits += 1;
        }
        approx = approx * 10.0 + f64::from(d);
        if !overflow {
            match mantissa.checked_mul(10).and_then(|m| m.checked_add(u64::from(d))) {
                Some(m) => mantissa = m,
                None => overflow = true,
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let whole = if overflow { approx } else { mantissa as f64 };
    let value = whole / 10f64.powi(frac_digits);
    let leading_zero = b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit();
    Some(Digits { value, plain: thousands.is_none() && decimal.is_none(), len, leading_zero })
}

/// `value * scale`, snapped to the integer it is meant to be: "1.07 billion" is
/// 1,070,000,000, not the 1,070,000,000.0000001 that binary floating point gives.
fn scaled(value: f64, scale: f64) -> f64 {
    let x = value * scale;
    let r = x.round();
    if x.abs() >= 1.0 && (x - r).abs() <= x.abs() * 1e-12 { r } else { x }
}

/// Reads the number phrase that starts at token `i`, if any.
pub(super) fn parse_core(ctx: &Ctx<'_>, i: usize) -> Option<Core> {
    if ctx.is_number(i) {
        let digits = parse_digits(ctx.raw(i))?;
        let mut core = words(ctx, i, i + 1, digits.value, Last::Digits)?;
        if core.end == i + 1 {
            core.digits = Some(digits);
        }
        return Some(core);
    }
    if !ctx.is_word(i) {
        return None;
    }
    let raw = ctx.raw(i);
    if raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return glued_suffix(i, raw);
    }
    let w = ctx.lw(i);
    match w {
        "several" => Some(vague_scaled(ctx, i, i + 1, 3.0, 9.0)),
        "a" | "an" => {
            let next = ctx.lw(i + 1);
            match next {
                "few" => Some(vague_scaled(ctx, i, i + 2, 2.0, 5.0)),
                "handful" => Some(Core::new(i, i + 2, Amount::Range(2.0, 5.0))),
                "couple" => Some(Core::new(i, i + 2, Amount::Exact(2.0))),
                "half" | "quarter" => fraction(ctx, i, i + 1),
                _ if next == "hundred" || next == "dozen" || big_scale(next).is_some() => {
                    words(ctx, i, i + 1, 1.0, Last::Small)
                }
                _ => None,
            }
        }
        "half" | "quarter" => fraction(ctx, i, i),
        "dozens" => Some(vague_plural(ctx, i, 24.0, 99.0)),
        "scores" if ctx.lw(i + 1) == "of" => Some(vague_plural(ctx, i, 40.0, 99.0)),
        "tens" => {
            // Only as a multiplier: "tens of thousands".
            let core = vague_plural(ctx, i, 20.0, 99.0);
            (core.end > i + 1).then_some(core)
        }
        _ => {
            if let Some(scale) = plural_scale(w) {
                return Some(vague_plural(ctx, i, 2.0 * scale, 10.0 * scale - 1.0));
            }
            let mut core = words(ctx, i, i, 0.0, Last::Start)?;
            core.in_words = true;
            core.lone_one = core.end == i + 1 && w == "one";
            Some(core)
        }
    }
}

/// Digits with a glued suffix: "20th" (ordinal), "3m", "4.5bn" (scale), "40pc" (percent).
/// Decades ("1980s") and measures ("10km") are not read.
fn glued_suffix(i: usize, raw: &str) -> Option<Core> {
    let b = raw.as_bytes();
    let mut split = 0;
    while split < b.len()
        && (b[split].is_ascii_digit()
            || ((b[split] == b',' || b[split] == b'.')
                && b.get(split + 1).is_some_and(u8::is_ascii_digit)))
    {
        split += 1;
    }
    let suffix = raw.get(split..)?;
    if suffix.len() > 4 || !suffix.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 4];
    for (dst, src) in buf.iter_mut().zip(suffix.bytes()) {
        *dst = src.to_ascii_lowercase();
    }
    let suffix = std::str::from_utf8(&buf[..suffix.len()]).ok()?;
    let digits = parse_digits(raw.get(..split)?)?;
    let mut core = Core::new(i, i + 1, Amount::Exact(digits.value));
    match suffix {
        "st" | "nd" | "rd" | "th" if digits.plain => core.ordinal = true,
        "pc" => core.percent = true,
        _ => {
            let scale = glued_scale(suffix)?;
            core.amount = Amount::Exact(scaled(digits.value, scale));
            core.needs_money = matches!(suffix, "m" | "k" | "b");
        }
    }
    Some(core)
}

/// "several", "a few", optionally followed by scale words: "several hundred thousand".
fn vague_scaled(ctx: &Ctx<'_>, start: usize, mut j: usize, lo: f64, hi: f64) -> Core {
    let mut scale = 1.0;
    loop {
        let w = ctx.lw(j);
        let s = if w == "hundred" { Some(100.0) } else { big_scale(w) };
        match s {
            Some(s) if s > 1.0 => {
                scale *= s;
                j += 1;
            }
            _ => break,
        }
    }
    let amount = if scale > 1.0 {
        Amount::Range(lo * scale, (hi + 1.0) * scale - 1.0)
    } else {
        Amount::Range(lo, hi)
    };
    Core::new(start, j, amount)
}

/// "dozens", "hundreds", "thousands", with "of thousands" / "of millions" multipliers.
fn vague_plural(ctx: &Ctx<'_>, start: usize, mut lo: f64, mut hi: f64) -> Core {
    let mut j = start + 1;
    while ctx.lw(j) == "of" {
        match plural_scale(ctx.lw(j + 1)) {
            Some(scale) if scale >= 1e3 => {
                lo *= scale;
                hi = (hi + 1.0) * scale - 1.0;
                j += 2;
            }
            _ => break,
        }
    }
    let mut core = Core::new(start, j, Amount::Range(lo, hi));
    core.vague_plural = true;
    core
}

/// "half a million", "half-a-million", "a quarter of a million", "half a dozen".
/// `k` is the token of "half" or "quarter".
fn fraction(ctx: &Ctx<'_>, start: usize, k: usize) -> Option<Core> {
    let factor = if ctx.lw(k) == "half" { 0.5 } else { 0.25 };
    let mut j = k + 1;
    let skip_hyphen = |j: &mut usize| {
        if ctx.raw(*j) == "-" && ctx.glued(*j) {
            *j += 1;
        }
    };
    skip_hyphen(&mut j);
    if ctx.lw(j) == "of" {
        j += 1;
    }
    if matches!(ctx.lw(j), "a" | "an") {
        j += 1;
    }
    skip_hyphen(&mut j);
    let next = ctx.lw(j);
    if next == "dozen" || big_scale(next).is_some() {
        words(ctx, start, j, factor, Last::Frac)
    } else {
        None
    }
}

/// What the number-word grammar read last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Small,
    Tens,
    Hundred,
    Big,
    Digits,
    Frac,
}

/// The number-word grammar from token `j`, with `cur` already read (1 for "a", the
/// digits' value, the fraction of "half a"). Returns `None` when nothing at all was read.
fn words(ctx: &Ctx<'_>, start: usize, mut j: usize, mut cur: f64, mut last: Last) -> Option<Core> {
    let mut total = 0.0;
    let mut end = j;
    let mut is_ordinal = false;
    loop {
        let w = ctx.lw(j);
        let mut stop = false;
        if let Some(v) = small(w) {
            let ok = match last {
                Last::Start | Last::Hundred | Last::Big => true,
                Last::Tens => v > 0.0 && v < 10.0,
                _ => false,
            };
            if !ok {
                break;
            }
            cur += v;
            last = Last::Small;
        } else if let Some(v) = tens(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Big) {
                break;
            }
            cur += v;
            last = Last::Tens;
        } else if w == "hundred" {
            if !matches!(last, Last::Small | Last::Tens | Last::Digits) {
                break;
            }
            cur *= 100.0;
            last = Last::Hundred;
        } else if let Some(scale) = big_scale(w) {
            let ok = matches!(
                last,
                Last::Small | Last::Tens | Last::Hundred | Last::Digits | Last::Frac
            );
            if !ok || cur == 0.0 {
                break;
            }
            total += scaled(cur, scale);
            cur = 0.0;
            last = Last::Big;
        } else if w == "dozen" {
            if !matches!(last, Last::Small | Last::Tens | Last::Digits | Last::Frac) {
                break;
            }
            cur = scaled(cur, 12.0);
            stop = true;
        } else if let Some(scale) = abbreviated_scale(w) {
            if last != Last::Digits {
                break;
            }
            cur = scaled(cur, scale);
            stop = true;
        } else if let Some(v) = ordinal(w) {
            match last {
                Last::Start => cur = v,
                Last::Tens | Last::Hundred | Last::Big if v < 10.0 => cur += v,
                Last::Hundred | Last::Big if v < 100.0 => cur += v,
                Last::Small | Last::Tens | Last::Digits if v >= 100.0 => cur *= v,
                _ => break,
            }
            is_ordinal = true;
            stop = true;
        } else if w == "-"
            && last == Last::Tens
            && ctx.glued(j)
            && ctx.glued(j + 1)
            && (small(ctx.lw(j + 1)).is_some() || ordinal(ctx.lw(j + 1)).is_some())
        {
            j += 1;
            continue;
        } else if w == "and" && matches!(last, Last::Hundred | Last::Big) {
            let next = ctx.lw(j + 1);
            if small(next).is_some()
                || tens(next).is_some()
                || ordinal(next).is_some_and(|v| v < 100.0)
            {
                j += 1;
                continue;
            }
            break;
        } else if w == "and"
            && matches!(last, Last::Small | Last::Digits)
            && ctx.lw(j + 1) == "a"
            && ctx.lw(j + 2) == "half"
            && big_scale(ctx.lw(j + 3)).is_some()
        {
            // "one and a half million", "2 and a half billion".
            cur += 0.5;
            last = Last::Frac;
            j += 3;
            continue;
        } else {
            break;
        }
        j += 1;
        end = j;
        if stop {
            break;
        }
    }
    if end == start || (last == Last::Start && !is_ordinal) {
        return None;
    }
    let mut core = Core::new(start, end, Amount::Exact(total + cur));
    core.ordinal = is_ordinal;
    Some(core)
}
