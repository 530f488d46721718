//! The words temporal expressions are built from, classified once per token.
//!
//! Every token of a document is turned into a [`Lex`] by one `match` on its lowercase
//! form (copied into a stack buffer, so classification allocates nothing). The pattern
//! matcher then works only on these classes and never looks at the text again, except
//! for capitalization, which tells the month "May" from the verb "may".

use claimgraph_model::{Token, TokenKind};

/// Calendar and clock units of durations and offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Keywords that are not numbers, units or calendar names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    The,
    A,
    Of,
    In,
    And,
    To,
    Or,
    From,
    Between,
    Through,
    Until,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Soon,
    Future,
    Past,
    Would,
    Nowadays,
    These,
    Last,
    This,
    That,
    Next,
    Previous,
    Coming,
    Following,
    Latest,
    Early,
    Late,
    Mid,
    Middle,
    Earlier,
    Later,
    Ago,
    Fiscal,
    Morning,
    Afternoon,
    Evening,
    Night,
    Noon,
    Midnight,
    Overnight,
    Midday,
    Daily,
    Weekly,
    Monthly,

    Annually,
    Every,
    Each,
    Several,
    Few,
    Couple,
    Somewhat,
    Many,
    Nearly,
    About,
    Almost,
    More,
    Less,
    Than,
    Over,
    Within,
    Up,
    Around,
    Approximately,
    Roughly,
    Half,
    End,
    Beginning,
    Start,
    Hundred,
    Thousand,
    Am,
    Pm,
    Utc,
    Oclock,
    Since,
    By,
    For,
    During,
    Consecutive,
    Straight,
    Right,
    Same,
    Present,
    Ahead,
    Christmas,
    Thanksgiving,
    NewYear,
    Eve,
    Will,
    Old,
    Zone,
    Once,
    Percent,
    Near,
    Term,
    Period,
}

/// The class of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Other,
    /// 1..=12; `abbr` for "Jan", "Sept" (needs a following period or number).
    Month {
        month: u32,
        abbr: bool,
    },
    /// 1 = Monday ..= 7 = Sunday; `plural` for "Fridays".
    Weekday {
        day: u32,
        plural: bool,
    },
    /// 0 spring, 1 summer, 2 fall, 3 winter.
    Season {
        season: u32,
        plural: bool,
    },
    Unit {
        unit: Unit,
        plural: bool,
    },
    /// "one" ..= "ninety" and "dozen".
    NumWord(u32),
    /// "first" ..= "twelfth" and "1st" ..= "31st".
    Ordinal(u32),
    /// An integer written in digits without separators; `len` counts the digits.
    Digits {
        value: u32,
        len: u8,
    },
    /// "1980s" → 198 (`century: true`), "80s" → 8 (`century: false`).
    Decade {
        value: u32,
        full: bool,
    },
    /// "in1971": a year glued to the preposition.
    GluedYear(u32),
    Kw(Kw),
    Hyphen,
    Comma,
    Period,
    Colon,
    Apostrophe,
    Possessive,
    OpenParen,
    /// "%".
    Percent,
}

/// A token with its class and what the matcher needs from its text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub lex: Lex,
    /// First letter uppercase.
    pub cap: bool,
    pub space_before: bool,
    /// A lowercase word ending in "s" ("shares"): after a four-digit number, a count.
    pub plural_word: bool,
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

pub fn season_code(season: u32) -> &'static str {
    SEASONS[season as usize % 4]
}

/// Classifies one token.
pub fn classify(token: &Token, text: &str) -> Tok {
    let word = token.span.slice(text);
    let cap = word.chars().next().is_some_and(char::is_uppercase);
    let lex = match token.kind {
        TokenKind::Number => {
            digits(word).map_or(Lex::Other, |(value, len)| Lex::Digits { value, len })
        }
        TokenKind::Punct => match word {
            "-" | "–" => Lex::Hyphen,
            "," => Lex::Comma,
            "." => Lex::Period,
            ":" => Lex::Colon,
            "'" | "’" | "`" => Lex::Apostrophe,
            "(" => Lex::OpenParen,
            "%" => Lex::Percent,
            _ => Lex::Other,
        },
        TokenKind::Word => classify_word(word),
    };
    let plural_word = lex == Lex::Other
        && token.kind == TokenKind::Word
        && word.len() > 3
        && word.ends_with('s')
        && word.bytes().all(|b| b.is_ascii_lowercase());
    Tok { lex, cap, space_before: token.space_before, plural_word }
}

/// The value and digit count of an all-digit string short enough to be a date part.
fn digits(word: &str) -> Option<(u32, u8)> {
    if word.is_empty() || word.len() > 6 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().map(|v| (v, word.len() as u8))
}

fn classify_word(word: &str) -> Lex {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return if word == "’s" { Lex::Possessive } else { Lex::Other };
    }
    // A word with no capital (most of running text) is its own lowercase form.
    let lower = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        for (dst, src) in buf.iter_mut().zip(word.bytes()) {
            *dst = src.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..word.len()]).unwrap_or("")
    } else {
        word
    };
    if let Some(lex) = keyword(lower) {
        return lex;
    }
    let bytes = lower.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        return digit_word(lower);
    }
    // "in1971": a typo gluing the preposition to a year.
    if let Some(rest) = lower.strip_prefix("in")
        && let Some((year, 4)) = digits(rest)
        && (1000..2100).contains(&year)
    {
        return Lex::GluedYear(year);
    }
    Lex::Other
}

/// Words starting with a digit: ordinals ("20th") and decades ("1980s", "80s").
fn digit_word(lower: &str) -> Lex {
    let split = lower.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(lower.len());
    let (num, suffix) = lower.split_at(split);
    let Some((value, len)) = digits(num) else { return Lex::Other };
    match suffix {
        "st" | "nd" | "rd" | "th" if (1..=31).contains(&value) => Lex::Ordinal(value),
        "s" if len == 4 && value % 10 == 0 => Lex::Decade { value: value / 10, full: true },
        "s" if len == 2 && value % 10 == 0 => Lex::Decade { value: value / 10, full: false },
        "pm" | "am" if value <= 12 => Lex::Other,
        _ => Lex::Other,
    }
}

fn keyword(lower: &str) -> Option<Lex> {
    use Kw::*;
    let month = |month, abbr| Some(Lex::Month { month, abbr });
    let weekday = |day, plural| Some(Lex::Weekday { day, plural });
    let season = |season, plural| Some(Lex::Season { season, plural });
    let unit = |unit, plural| Some(Lex::Unit { unit, plural });
    let kw = |k| Some(Lex::Kw(k));
    match lower {
        "january" => month(1, false),
        "february" => month(2, false),
        "march" => month(3, false),
        "april" => month(4, false),
        "may" => month(5, false),
        "june" => month(6, false),
        "july" => month(7, false),
        "august" => month(8, false),
        "september" => month(9, false),
        "october" => month(10, false),
        "november" => month(11, false),
        "december" => month(12, false),
        "jan" => month(1, true),
        "feb" => month(2, true),
        "mar" => month(3, true),
        "apr" => month(4, true),
        "jun" => month(6, true),
        "jul" => month(7, true),
        "aug" => month(8, true),
        "sep" | "sept" => month(9, true),
        "oct" => month(10, true),
        "nov" => month(11, true),
        "dec" => month(12, true),
        "monday" => weekday(1, false),
        "tuesday" => weekday(2, false),
        "wednesday" => weekday(3, false),
        "thursday" => weekday(4, false),
        "friday" => weekday(5, false),
        "saturday" => weekday(6, false),
        "sunday" => weekday(7, false),
        "mondays" => weekday(1, true),
        "tuesdays" => weekday(2, true),
        "wednesdays" => weekday(3, true),
        "thursdays" => weekday(4, true),
        "fridays" => weekday(5, true),
        "saturdays" => weekday(6, true),
        "sundays" => weekday(7, true),
        "spring" => season(0, false),
        "summer" => season(1, false),
        "fall" | "autumn" => season(2, false),
        "winter" => season(3, false),
        "springs" => season(0, true),
        "summers" => season(1, true),
        "autumns" => season(2, true),
        "winters" => season(3, true),
        "second" => unit(Unit::Second, false),
        "seconds" => unit(Unit::Second, true),
        "minute" => unit(Unit::Minute, false),
        "minutes" => unit(Unit::Minute, true),
        "hour" => unit(Unit::Hour, false),
        "hours" => unit(Unit::Hour, true),
        "day" => unit(Unit::Day, false),
        "days" => unit(Unit::Day, true),
        "week" => unit(Unit::Week, false),
        "weeks" => unit(Unit::Week, true),
        "weekend" => unit(Unit::Weekend, false),
        "weekends" => unit(Unit::Weekend, true),
        "month" => unit(Unit::Month, false),
        "months" => unit(Unit::Month, true),
        "quarter" => unit(Unit::Quarter, false),
        "quarters" => unit(Unit::Quarter, true),
        "year" => unit(Unit::Year, false),
        "years" => unit(Unit::Year, true),
        "decade" => unit(Unit::Decade, false),
        "decades" => unit(Unit::Decade, true),
        "century" => unit(Unit::Century, false),
        "centuries" => unit(Unit::Century, true),
        "one" => Some(Lex::NumWord(1)),
        "two" => Some(Lex::NumWord(2)),
        "three" => Some(Lex::NumWord(3)),
        "four" => Some(Lex::NumWord(4)),
        "five" => Some(Lex::NumWord(5)),
        "six" => Some(Lex::NumWord(6)),
        "seven" => Some(Lex::NumWord(7)),
        "eight" => Some(Lex::NumWord(8)),
        "nine" => Some(Lex::NumWord(9)),
        "ten" => Some(Lex::NumWord(10)),
        "eleven" => Some(Lex::NumWord(11)),
        "twelve" => Some(Lex::NumWord(12)),
        "thirteen" => Some(Lex::NumWord(13)),
        "fourteen" => Some(Lex::NumWord(14)),
        "fifteen" => Some(Lex::NumWord(15)),
        "sixteen" => Some(Lex::NumWord(16)),
        "seventeen" => Some(Lex::NumWord(17)),
        "eighteen" => Some(Lex::NumWord(18)),
        "nineteen" => Some(Lex::NumWord(19)),
        "twenty" => Some(Lex::NumWord(20)),
        "thirty" => Some(Lex::NumWord(30)),
        "forty" => Some(Lex::NumWord(40)),
        "fifty" => Some(Lex::NumWord(50)),
        "sixty" => Some(Lex::NumWord(60)),
        "seventy" => Some(Lex::NumWord(70)),
        "eighty" => Some(Lex::NumWord(80)),
        "ninety" => Some(Lex::NumWord(90)),
        "dozen" => Some(Lex::NumWord(12)),
        "first" => Some(Lex::Ordinal(1)),
        "third" => Some(Lex::Ordinal(3)),
        "fourth" => Some(Lex::Ordinal(4)),
        "fifth" => Some(Lex::Ordinal(5)),
        "sixth" => Some(Lex::Ordinal(6)),
        "seventh" => Some(Lex::Ordinal(7)),
        "eighth" => Some(Lex::Ordinal(8)),
        "ninth" => Some(Lex::Ordinal(9)),
        "tenth" => Some(Lex::Ordinal(10)),
        "eleventh" => Some(Lex::Ordinal(11)),
        "twelfth" => Some(Lex::Ordinal(12)),
        "the" => kw(The),
        "a" | "an" => kw(A),
        "of" => kw(Of),
        "in" => kw(In),
        "and" => kw(And),
        "to" => kw(To),
        "or" => kw(Or),
        "from" => kw(From),
        "between" => kw(Between),
        "through" | "thru" => kw(Through),
        "until" | "till" => kw(Until),
        "today" => kw(Today),
        "yesterday" => kw(Yesterday),
        "tomorrow" => kw(Tomorrow),
        "tonight" => kw(Tonight),
        "now" => kw(Now),
        "currently" | "presently" => kw(Currently),
        "current" => kw(Current),
        "recently" | "lately" => kw(Recently),
        "would" | "payable" | "expire" | "expires" | "effective" | "deadline" | "plans"
        | "must" => kw(Would),
        "recent" => kw(Recent),
        "soon" => kw(Soon),
        "future" => kw(Future),
        "past" => kw(Past),

        "nowadays" => kw(Nowadays),
        "these" => kw(These),
        "last" => kw(Last),
        "this" => kw(This),
        "that" => kw(That),
        "next" => kw(Next),
        "previous" | "prior" | "preceding" => kw(Previous),
        "coming" => kw(Coming),
        "following" => kw(Following),
        "latest" => kw(Latest),
        "early" => kw(Early),
        "late" => kw(Late),
        "mid" => kw(Mid),
        "middle" => kw(Middle),
        "earlier" => kw(Earlier),
        "later" => kw(Later),
        "ago" => kw(Ago),
        "fiscal" => kw(Fiscal),
        "morning" => kw(Morning),
        "afternoon" => kw(Afternoon),
        "evening" => kw(Evening),
        "night" => kw(Night),
        "noon" => kw(Noon),
        "midnight" => kw(Midnight),
        "overnight" => kw(Overnight),
        "midday" => kw(Midday),
        "daily" => kw(Daily),
        "weekly" => kw(Weekly),
        "monthly" => kw(Monthly),

        "annually" | "yearly" => kw(Annually),
        "every" => kw(Every),
        "each" => kw(Each),
        "several" => kw(Several),
        "few" => kw(Few),
        "couple" => kw(Couple),
        "some" => kw(Somewhat),
        "many" => kw(Many),
        "nearly" => kw(Nearly),
        "about" => kw(About),
        "almost" => kw(Almost),
        "more" => kw(More),
        "less" | "fewer" => kw(Less),
        "than" => kw(Than),
        "over" => kw(Over),
        "within" => kw(Within),
        "up" => kw(Up),
        "around" => kw(Around),
        "approximately" => kw(Approximately),
        "roughly" => kw(Roughly),
        "half" => kw(Half),
        "end" => kw(End),
        "beginning" => kw(Beginning),
        "start" => kw(Start),
        "hundred" => kw(Hundred),
        "thousand" => kw(Thousand),
        "a.m." | "am" => kw(Am),
        "p.m." | "pm" => kw(Pm),
        "utc" | "gmt" => kw(Utc),
        "o'clock" => kw(Oclock),
        "since" => kw(Since),
        "by" => kw(By),
        "for" => kw(For),
        "during" => kw(During),
        "consecutive" | "successive" => kw(Consecutive),
        "straight" => kw(Straight),
        "right" => kw(Right),
        "same" => kw(Same),
        "present" => kw(Present),
        "ahead" => kw(Ahead),
        "christmas" => kw(Christmas),
        "thanksgiving" => kw(Thanksgiving),
        "new" => kw(NewYear),
        "eve" => kw(Eve),
        "will" | "'ll" | "shall" | "scheduled" | "upcoming" => kw(Will),
        "near" => kw(Near),
        "period" => kw(Period),
        "term" => kw(Term),
        "'s" => Some(Lex::Possessive),
        "old" => kw(Old),
        "est" | "edt" | "pst" | "pdt" | "cst" | "cdt" | "et" | "pt" | "bst" | "cet" => kw(Zone),
        "once" | "twice" | "times" => kw(Once),
        "percent" | "per" => kw(Percent),
        "twenties" => Some(Lex::Decade { value: 2, full: false }),
        "thirties" => Some(Lex::Decade { value: 3, full: false }),
        "forties" => Some(Lex::Decade { value: 4, full: false }),
        "fifties" => Some(Lex::Decade { value: 5, full: false }),
        "sixties" => Some(Lex::Decade { value: 6, full: false }),
        "seventies" => Some(Lex::Decade { value: 7, full: false }),
        "eighties" => Some(Lex::Decade { value: 8, full: false }),
        "nineties" => Some(Lex::Decade { value: 9, full: false }),
        _ => None,
    }
}
