//! The grammar of temporal expressions over classified tokens.
//!
//! [`Matcher::match_at`] tries, at one token, the constructions news uses for dates,
//! times, durations and sets, and returns the longest it finds with a [`Val`] saying what
//! it means. Each construction is a short hand-written function that reads a bounded
//! number of tokens ahead (never past the sentence end), so scanning a sentence is linear
//! in its length. Nothing here looks at the document date: that is `normalize`'s job.

use claimgraph_model::TimexKind;

use super::lexicon::{Kw, Lex, Tok, Unit, season_code};
use super::normalize::{Anchor, Dir, Holiday, Suffix, Val, duration};

/// One recognized expression: tokens `start..end` and what they mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: TimexKind,
    pub val: Val,
    /// Byte offsets to trim from the first token's start ("in1971" → "1971").
    pub trim_start: usize,
}

impl Hit {
    fn new(start: usize, end: usize, kind: TimexKind, val: Val) -> Hit {
        Hit { start, end, kind, val, trim_start: 0 }
    }

    fn date(start: usize, end: usize, val: Val) -> Hit {
        Hit::new(start, end, TimexKind::Date, val)
    }

    fn anchored(start: usize, end: usize, anchor: Anchor) -> Hit {
        Hit::date(start, end, Val::Anch(anchor, Suffix::None))
    }

    fn from(mut self, start: usize) -> Hit {
        self.start = start;
        self
    }

    /// True for a single calendar date, the kind a time of day can attach to.
    fn is_day(&self) -> bool {
        match &self.val {
            Val::Anch(anchor, Suffix::None) => matches!(
                anchor,
                Anchor::Day(_)
                    | Anchor::Weekday(..)
                    | Anchor::MonthDay { .. }
                    | Anchor::Holiday(..)
            ),
            Val::Abs(value) => value.len() == 10,
            _ => false,
        }
    }
}

/// A count in words or digits: `None` for an unspecified number ("several").
type Count = Option<f64>;

/// The most recent quarter the document talked about, for "a year earlier" and
/// "the year-ago quarter".
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    pub quarter: Option<Anchor>,
}

/// Reads the tokens of one sentence.
pub struct Matcher<'a> {
    pub toks: &'a [Tok],
    /// One past the last token of the sentence; lookahead stops here.
    pub end: usize,
    /// First token of the sentence; lookbehind stops here.
    pub begin: usize,
    /// The last strong future-tense cue ("will") seen in the sentence.
    pub will_at: Option<usize>,
    /// A weaker cue ("would", "payable", "expires") was seen earlier in the sentence.
    pub weak_future: bool,
    pub ctx: Context,
}

impl Matcher<'_> {
    /// "will" shortly before token `i`: a bare weekday is the coming one.
    fn future_near(&self, i: usize) -> bool {
        self.will_at.is_some_and(|w| w < i && i - w <= 6)
    }

    /// Any future cue in the sentence, or "by"/"until" right before: a partial date
    /// ("Dec. 15") may lie ahead of the document date.
    fn future_any(&self, i: usize) -> bool {
        self.will_at.is_some()
            || self.weak_future
            || matches!(self.prev(i), Lex::Kw(Kw::By | Kw::Until | Kw::Through))
    }

    fn lex(&self, i: usize) -> Lex {
        if i < self.end { self.toks[i].lex } else { Lex::Other }
    }

    fn is(&self, i: usize, kw: Kw) -> bool {
        self.lex(i) == Lex::Kw(kw)
    }

    fn prev(&self, i: usize) -> Lex {
        if i > self.begin { self.toks[i - 1].lex } else { Lex::Other }
    }

    fn cap(&self, i: usize) -> bool {
        i < self.end && self.toks[i].cap
    }

    /// Skips a hyphen written without spaces ("third-quarter", "mid-1990s").
    fn hy(&self, i: usize) -> usize {
        if self.lex(i) == Lex::Hyphen && !self.toks[i].space_before { i + 1 } else { i }
    }

    /// True when token `i` is joined to the previous one by a hyphen.
    fn hyphen_at(&self, i: usize) -> bool {
        self.lex(i) == Lex::Hyphen
            && !self.toks[i].space_before
            && i + 1 < self.end
            && !self.toks[i + 1].space_before
    }

    /// The longest expression starting at token `i`.
    pub fn match_at(&self, i: usize) -> Option<Hit> {
        if self.is(i, Kw::The)
            && let Some(hit) = self.after_the(i + 1)
        {
            return Some(hit.from(i));
        }
        let hit = self.core(i)?;
        Some(self.range(&hit).unwrap_or_else(|| self.attach_time(self.attach_part(hit))))
    }

    /// Expressions that take "the": "the past two years", "the third quarter", "the 1980s".
    fn after_the(&self, i: usize) -> Option<Hit> {
        match self.lex(i) {
            Lex::Kw(Kw::Past) => {
                if let Some(hit) = self.relative(i) {
                    return Some(hit);
                }
                // "the past": no unit follows.
                Some(Hit::date(i, i + 1, Val::Ref("PAST_REF")))
            }
            Lex::Kw(Kw::Future) => Some(Hit::date(i, i + 1, Val::Ref("FUTURE_REF"))),
            Lex::Kw(Kw::Near) if self.is(i + 1, Kw::Future) || self.is(i + 1, Kw::Term) => {
                Some(Hit::date(i, i + 2, Val::Ref("FUTURE_REF")))
            }
            Lex::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle) if self.is(i + 1, Kw::Of) => {
                let inner = self.the_unit(i + 2).or_else(|| self.core(i + 2))?;
                if inner.kind != TimexKind::Date {
                    return None;
                }
                Some(inner.from(i))
            }
            Lex::Unit { unit, plural: false } => {
                // "the weekend", "the year-earlier quarter".
                if let Some(hit) = self.year_earlier(i) {
                    return Some(hit);
                }
                match unit {
                    Unit::Weekend => Some(Hit::anchored(i, i + 1, Anchor::Weekend(0))),
                    // "for the day", "end the day": market reports on the document's day.
                    Unit::Day
                        if matches!(self.prev(i - 1), Lex::Kw(Kw::For | Kw::End | Kw::During)) =>
                    {
                        Some(Hit::anchored(i, i + 1, Anchor::Day(0)))
                    }
                    Unit::Quarter => Some(Hit::anchored(i, i + 1, self.quarter_context(0))),
                    _ => None,
                }
            }
            Lex::Kw(Kw::Latest)
                if matches!(self.lex(i + 1), Lex::Unit { unit: Unit::Quarter, plural: false }) =>
            {
                Some(Hit::anchored(i, i + 2, self.quarter_context(0)))
            }
            Lex::Ordinal(n) | Lex::NumWord(n)
                if matches!(self.lex(i + 1), Lex::Unit { plural: true, .. }) =>
            {
                // "the first nine months", "the nine months" are spans of time.
                let _ = n;
                self.duration(i)
            }
            Lex::Ordinal(1) if matches!(self.lex(i + 1), Lex::NumWord(_) | Lex::Digits { .. }) => {
                self.duration(i + 1).map(|h| h.from(i))
            }
            Lex::Ordinal(_) | Lex::Kw(Kw::Last)
                if self.is(i + 1, Kw::Half) && self.is(i + 2, Kw::Of) =>
            {
                let first = match self.lex(i) {
                    Lex::Ordinal(n @ 1..=2) => n,
                    Lex::Kw(Kw::Last) => 2,
                    _ => return None,
                };
                let inner = self.the_unit(i + 3).or_else(|| self.core(i + 3))?;
                let val = match &inner.val {
                    Val::Abs(year) if year.len() == 4 => Val::Abs(format!("{year}-H{first}")),
                    Val::Anch(Anchor::Year(years), Suffix::None) => {
                        Val::Anch(Anchor::HalfOfYear { years: *years, h: first }, Suffix::None)
                    }
                    _ => inner.val.clone(),
                };
                Some(Hit::date(i, inner.end, val))
            }
            Lex::Digits { value, len: 4 } if is_year(value) => {
                // "the 1988 second quarter", "the 1989 period": a quarter of that year.
                let mut j = i + 1;
                let mut q = None;
                if let Lex::Ordinal(n @ 1..=4) = self.lex(j) {
                    q = Some(n);
                    j = self.hy(j + 1);
                }
                let period =
                    matches!(self.lex(j), Lex::Unit { unit: Unit::Quarter, plural: false })
                        || (q.is_none() && self.is(j, Kw::Period));
                if !period {
                    return None;
                }
                let q = q.or(match self.ctx.quarter {
                    Some(Anchor::QuarterOfYear { q, .. }) => Some(q),
                    _ => None,
                })?;
                Some(Hit::date(i, j + 1, Val::Abs(format!("{value:04}-Q{q}"))))
            }
            Lex::Kw(Kw::Latest) if self.is(i + 1, Kw::Period) => {
                Some(Hit::anchored(i, i + 2, self.quarter_context(0)))
            }
            _ => self.core(i).filter(|hit| match &hit.val {
                // "the 1998 budget": a bare year does not take the article.
                Val::Abs(value) => value.len() != 4 && hit.kind != TimexKind::Set,
                Val::Ref(_) => false,
                Val::Anch(
                    Anchor::NamedMonth(..) | Anchor::MonthDay { .. } | Anchor::Weekday(..),
                    _,
                ) => false,
                _ => hit.kind != TimexKind::Duration || matches!(self.lex(i), Lex::Kw(_)),
            }),
        }
    }

    /// "the year", "the month" after "the end of": the current one.
    fn the_unit(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, Kw::The) { i + 1 } else { return None };
        let anchor = match self.lex(j) {
            Lex::Unit { unit: Unit::Year, plural: false } => Anchor::Year(0),
            Lex::Unit { unit: Unit::Month, plural: false } => Anchor::Month(0),
            Lex::Unit { unit: Unit::Week, plural: false } => Anchor::Week(0),
            Lex::Unit { unit: Unit::Day, plural: false } => Anchor::Day(0),
            Lex::Unit { unit: Unit::Quarter, plural: false } => self.quarter_context(0),
            Lex::Unit { unit: Unit::Decade, plural: false } => Anchor::Decade(0),
            _ => return None,
        };
        Some(Hit::anchored(i, j + 1, anchor))
    }

    /// The quarter under discussion: the last one named, or the one before the
    /// document's (companies report a quarter after it ends).
    fn quarter_context(&self, years: i32) -> Anchor {
        match self.ctx.quarter {
            Some(Anchor::QuarterOfYear { years: y, q, latest }) => {
                Anchor::QuarterOfYear { years: y + years, q, latest }
            }
            Some(Anchor::Quarter(n)) => Anchor::Quarter(n + 4 * years),
            _ => Anchor::Quarter(-1 + 4 * years),
        }
    }

    /// Everything that does not need a leading "the".
    fn core(&self, i: usize) -> Option<Hit> {
        match self.lex(i) {
            Lex::Kw(kw) => self.keyword(i, kw),
            Lex::Month { .. } => self.month_first(i),
            Lex::Weekday { .. } => self.weekday(i),
            Lex::Digits { .. } => self.digits_first(i),
            Lex::Ordinal(_) => self.day_first(i).or_else(|| self.quarter(i)),
            Lex::NumWord(_) => self.number_first(i),
            Lex::Decade { value, full } => Some(Hit::date(i, i + 1, Val::Abs(decade(value, full)))),
            Lex::Apostrophe => match self.lex(i + 1) {
                Lex::Decade { value, full: false } => {
                    Some(Hit::date(i, i + 2, Val::Abs(decade(value, false))))
                }
                Lex::Digits { value, len: 2 }
                    if matches!(self.prev(i), Lex::Kw(Kw::In | Kw::Since | Kw::Of)) =>
                {
                    Some(Hit::date(i, i + 2, Val::Abs(format!("19{value:02}"))))
                }
                _ => None,
            },
            Lex::GluedYear(year) => {
                let mut hit = Hit::date(i, i + 1, Val::Abs(format!("{year:04}")));
                hit.trim_start = 2;
                Some(hit)
            }
            Lex::Season { season, plural: false } => self.season(i, season),
            Lex::Season { season, plural: true } if self.is(i.wrapping_sub(1), Kw::Past) => {
                Some(Hit::new(
                    i,
                    i + 1,
                    TimexKind::Set,
                    Val::Abs(format!("XXXX-{}", season_code(season))),
                ))
            }
            Lex::Unit { unit: Unit::Year, plural: false } => self.year_earlier(i),
            Lex::Unit { unit, plural: true } if matches!(unit, Unit::Decade | Unit::Century) => {
                // "decades-long", "for centuries".
                let end = if self.hyphen_at(i + 1) { i + 3 } else { i + 1 };
                Some(Hit::new(i, end, TimexKind::Duration, Val::Abs(duration(None, unit))))
            }
            Lex::Unit { unit, plural: true }
                if matches!(self.prev(i), Lex::Kw(Kw::For | Kw::Over | Kw::Within | Kw::In))
                    && unit != Unit::Weekend =>
            {
                Some(Hit::new(i, i + 1, TimexKind::Duration, Val::Abs(duration(None, unit))))
            }
            _ => None,
        }
    }

    fn keyword(&self, i: usize, kw: Kw) -> Option<Hit> {
        let date = |end, val| Some(Hit::date(i, end, val));
        let day = |days| Some(Hit::anchored(i, i + 1, Anchor::Day(days)));
        match kw {
            Kw::Today => day(0),
            Kw::Yesterday => day(-1),
            Kw::Tomorrow => day(1),
            Kw::Tonight => Some(Hit::new(
                i,
                i + 1,
                TimexKind::Time,
                Val::Anch(Anchor::Day(0), Suffix::Part("NI")),
            )),
            Kw::Now | Kw::Currently | Kw::Nowadays => date(i + 1, Val::Ref("PRESENT_REF")),
            Kw::Current => {
                if let Some(hit) = self.relative(i) {
                    return Some(hit);
                }
                // "current" as an adjective of time ("current levels"), not "current account".
                match self.lex(i + 1) {
                    Lex::Other | Lex::Unit { .. } if !self.cap(i + 1) => {
                        date(i + 1, Val::Ref("PRESENT_REF"))
                    }
                    _ => None,
                }
            }
            Kw::Right if self.is(i + 1, Kw::Now) => date(i + 2, Val::Ref("PRESENT_REF")),
            Kw::These if matches!(self.lex(i + 1), Lex::Unit { unit: Unit::Day, plural: true }) => {
                date(i + 2, Val::Ref("PRESENT_REF"))
            }
            Kw::Recently => date(i + 1, Val::Ref("PAST_REF")),
            Kw::Recent => match self.lex(i + 1) {
                // "recent years": an unspecified stretch of them.
                Lex::Unit { plural: true, unit } if unit != Unit::Weekend => {
                    Some(Hit::new(i, i + 2, TimexKind::Duration, Val::Abs(duration(None, unit))))
                }
                Lex::Other | Lex::Comma | Lex::Period if !self.cap(i + 1) => {
                    date(i + 1, Val::Ref("PAST_REF"))
                }
                _ => None,
            },
            Kw::Last
            | Kw::This
            | Kw::Next
            | Kw::Past
            | Kw::Previous
            | Kw::Coming
            | Kw::Following
            | Kw::That => self.relative(i),
            Kw::Early | Kw::Late | Kw::Mid | Kw::Earlier | Kw::Later => self.modified(i, kw),
            Kw::Fiscal => match self.lex(i + 1) {
                Lex::Digits { value, len: 4 } if is_year(value) => {
                    date(i + 2, Val::Abs(format!("{value:04}")))
                }
                Lex::Digits { value, len: 2 } => date(i + 2, Val::Abs(format!("19{value:02}"))),
                Lex::Ordinal(_) => self.quarter(i + 1).map(|h| h.from(i)),
                _ => None,
            },
            Kw::Nearly
            | Kw::About
            | Kw::Almost
            | Kw::Over
            | Kw::Within
            | Kw::Around
            | Kw::Approximately
            | Kw::Roughly
            | Kw::More
            | Kw::Less
            | Kw::Up => {
                let j = match kw {
                    Kw::More | Kw::Less if self.is(i + 1, Kw::Than) => i + 2,
                    Kw::Up if self.is(i + 1, Kw::To) => i + 2,
                    Kw::More | Kw::Less | Kw::Up => return None,
                    _ => i + 1,
                };
                let inner = self.number_first(j).or_else(|| self.a_unit(j))?;
                matches!(inner.kind, TimexKind::Duration | TimexKind::Date).then(|| inner.from(i))
            }
            Kw::A => self.a_unit(i),
            Kw::Several | Kw::Few | Kw::Couple | Kw::Many => self.number_first(i),
            Kw::Noon | Kw::Midnight | Kw::Midday => {
                let hour = if kw == Kw::Midnight { 24 } else { 12 };
                Some(Hit::new(
                    i,
                    i + 1,
                    TimexKind::Time,
                    Val::Anch(Anchor::Day(0), Suffix::Clock(hour, None, false)),
                ))
            }
            Kw::Morning | Kw::Afternoon | Kw::Evening | Kw::Night
                if self.is(i.wrapping_sub(1), Kw::This) || self.prev(i) == Lex::Kw(Kw::Last) =>
            {
                None
            }
            Kw::Overnight => None,
            Kw::Daily => Some(Hit::new(i, i + 1, TimexKind::Set, Val::Abs("P1D".into()))),
            Kw::Weekly => Some(Hit::new(i, i + 1, TimexKind::Set, Val::Abs("P1W".into()))),
            Kw::Monthly => Some(Hit::new(i, i + 1, TimexKind::Set, Val::Abs("P1M".into()))),
            Kw::Annually => {
                // "annual" as an adjective ("annual meeting") is left alone.
                Some(Hit::new(i, i + 1, TimexKind::Set, Val::Abs("P1Y".into())))
            }
            Kw::Every | Kw::Each => match self.lex(i + 1) {
                Lex::Unit { unit, plural: false } => {
                    Some(Hit::new(i, i + 2, TimexKind::Set, Val::Abs(duration(Some(1.0), unit))))
                }
                Lex::Weekday { day, .. } => {
                    Some(Hit::new(i, i + 2, TimexKind::Set, Val::Abs(format!("XXXX-WXX-{day}"))))
                }
                _ => {
                    let (end, count) = self.count(i + 1)?;
                    match self.lex(end) {
                        Lex::Unit { unit, plural: true } => Some(Hit::new(
                            i,
                            end + 1,
                            TimexKind::Set,
                            Val::Abs(duration(count, unit)),
                        )),
                        _ => None,
                    }
                }
            },
            Kw::Christmas | Kw::Thanksgiving | Kw::NewYear => self.holiday(i, kw, Dir::Latest),
            _ => None,
        }
    }

    fn holiday(&self, i: usize, kw: Kw, dir: Dir) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        let (holiday, end) = match kw {
            Kw::Christmas if self.is(i + 1, Kw::Eve) => (Holiday::ChristmasEve, i + 2),
            Kw::Christmas => {
                let end = if matches!(self.lex(i + 1), Lex::Unit { unit: Unit::Day, plural: false })
                {
                    i + 2
                } else {
                    i + 1
                };
                (Holiday::Christmas, end)
            }
            Kw::Thanksgiving => {
                let end = if matches!(self.lex(i + 1), Lex::Unit { unit: Unit::Day, plural: false })
                {
                    i + 2
                } else {
                    i + 1
                };
                (Holiday::Thanksgiving, end)
            }
            Kw::NewYear
                if matches!(self.lex(i + 1), Lex::Unit { unit: Unit::Year, plural: false })
                    && self.lex(i + 2) == Lex::Possessive =>
            {
                match self.lex(i + 3) {
                    Lex::Kw(Kw::Eve) => (Holiday::NewYearsEve, i + 4),
                    Lex::Unit { unit: Unit::Day, plural: false } => (Holiday::NewYearsDay, i + 4),
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some(Hit::anchored(i, end, Anchor::Holiday(holiday, dir)))
    }

    /// "last year", "this week", "next Tuesday", "the past two years", "last fall".
    fn relative(&self, i: usize) -> Option<Hit> {
        let (dir, offset, mut j) = match self.lex(i) {
            Lex::Kw(Kw::Last | Kw::Previous) => (Dir::Last, -1, i + 1),
            Lex::Kw(Kw::Past) => (Dir::Last, -1, i + 1),
            Lex::Kw(Kw::This) if self.is(i + 1, Kw::Past) => (Dir::Last, -1, i + 2),
            Lex::Kw(Kw::This) if self.is(i + 1, Kw::Coming) => (Dir::Upcoming, 1, i + 2),
            Lex::Kw(Kw::This | Kw::Current) => (Dir::This, 0, i + 1),
            Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => (Dir::Next, 1, i + 1),
            Lex::Kw(Kw::That) => (Dir::This, 0, i + 1),
            _ => return None,
        };
        let that = self.is(i, Kw::That);
        if self.is(j, Kw::Fiscal) {
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit { unit, plural: false } if !that => {
                let anchor = match unit {
                    Unit::Day if self.prev(i) == Lex::Kw(Kw::The) => Anchor::Day(offset as i64),
                    Unit::Week => Anchor::Week(offset),
                    Unit::Weekend => Anchor::Weekend(offset.max(0)),
                    Unit::Month => Anchor::Month(offset),
                    Unit::Quarter => Anchor::Quarter(offset),
                    Unit::Year => Anchor::Year(offset),
                    Unit::Decade => Anchor::Decade(offset),
                    _ => return None,
                };
                // "last year's third quarter".
                if unit == Unit::Year
                    && self.lex(j + 1) == Lex::Possessive
                    && let Some(hit) = self.quarter(j + 2)
                    && let Val::Anch(Anchor::QuarterOfYear { q, .. }, _) = hit.val
                {
                    return Some(Hit::anchored(
                        i,
                        hit.end,
                        Anchor::QuarterOfYear { years: offset, q, latest: false },
                    ));
                }
                Some(Hit::anchored(i, j + 1, anchor))
            }
            Lex::Month { month, abbr }
                if !that && (!abbr || self.lex(j + 1) == Lex::Period) && self.cap(j) =>
            {
                let end = if abbr { j + 2 } else { j + 1 };
                Some(Hit::anchored(i, end, Anchor::NamedMonth(month, dir)))
            }
            Lex::Weekday { day, plural: false } if !that => {
                let hit = Hit::anchored(i, j + 1, Anchor::Weekday(day, dir));
                Some(self.attach_part(hit))
            }
            Lex::Season { season, plural: false } if !that => Some(Hit::anchored(
                i,
                j + 1,
                Anchor::Season(season, if dir == Dir::Upcoming { Dir::Next } else { dir }),
            )),
            Lex::Kw(Kw::Morning | Kw::Afternoon | Kw::Evening | Kw::Night) if !that => {
                let Lex::Kw(part) = self.lex(j) else { return None };
                let days = if dir == Dir::Last { -1 } else { 0 };
                if dir == Dir::Next {
                    return None;
                }
                Some(Hit::new(
                    i,
                    j + 1,
                    TimexKind::Time,
                    Val::Anch(Anchor::Day(days), Suffix::Part(part_code(part))),
                ))
            }
            Lex::Kw(Kw::Christmas | Kw::Thanksgiving | Kw::NewYear) if !that => {
                let Lex::Kw(kw) = self.lex(j) else { return None };
                self.holiday(j, kw, dir).map(|h| h.from(i))
            }
            _ if that => None,
            _ => {
                // "the past two years", "the next few days", "the last decade".
                let (end, count) = self.count(j)?;
                match self.lex(end) {
                    Lex::Unit { unit, plural } if plural || count == Some(1.0) => Some(Hit::new(
                        i,
                        end + 1,
                        TimexKind::Duration,
                        Val::Abs(duration(count, unit)),
                    )),
                    _ => None,
                }
            }
        }
    }

    /// "early next year", "late November", "mid-1990s", "earlier this month".
    fn modified(&self, i: usize, kw: Kw) -> Option<Hit> {
        let j = self.hy(i + 1);
        let inner = match self.lex(j) {
            Lex::Kw(Kw::The) => self.after_the(j + 1)?,
            Lex::Kw(Kw::This | Kw::Next | Kw::Last | Kw::Today | Kw::Yesterday | Kw::Tomorrow) => {
                self.core(j)?
            }
            Lex::Kw(_) => return None,
            _ if matches!(kw, Kw::Earlier | Kw::Later) => return None,
            Lex::Month { .. }
            | Lex::Weekday { .. }
            | Lex::Digits { .. }
            | Lex::Decade { .. }
            | Lex::Season { .. } => self.core(j)?,
            Lex::Apostrophe => self.core(j)?,
            _ => return None,
        };
        if inner.kind == TimexKind::Duration || inner.kind == TimexKind::Set {
            return None;
        }
        Some(inner.from(i))
    }

    /// A count: digits, number words, "a few", "several", "a couple of".
    fn count(&self, i: usize) -> Option<(usize, Count)> {
        match self.lex(i) {
            Lex::Digits { value, len } if len <= 4 => Some((i + 1, Some(value as f64))),
            Lex::Other if i < self.end => None,
            Lex::NumWord(_) => {
                let (end, n) = self.number_words(i)?;
                Some((end, Some(n as f64)))
            }
            Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => Some((i + 1, None)),
            Lex::Kw(Kw::Couple) => {
                let end = if self.is(i + 1, Kw::Of) { i + 2 } else { i + 1 };
                Some((end, Some(2.0)))
            }
            Lex::Kw(Kw::A) => match self.lex(i + 1) {
                Lex::Kw(Kw::Few) => Some((i + 2, None)),
                Lex::Kw(Kw::Couple) if self.is(i + 2, Kw::Of) => Some((i + 3, Some(2.0))),
                Lex::NumWord(12) => Some((i + 2, Some(12.0))),
                _ => None,
            },
            _ => None,
        }
    }

    /// "twenty four", "twenty-four", "two hundred".
    fn number_words(&self, i: usize) -> Option<(usize, u32)> {
        let Lex::NumWord(first) = self.lex(i) else { return None };
        let mut end = i + 1;
        let mut n = first;
        if first >= 20 && first % 10 == 0 {
            let j = self.hy(end);
            if let Lex::NumWord(unit @ 1..=9) = self.lex(j) {
                n += unit;
                end = j + 1;
            }
        }
        if self.is(end, Kw::Hundred) {
            n *= 100;
            end += 1;
        } else if self.is(end, Kw::Thousand) {
            n *= 1000;
            end += 1;
        }
        Some((end, n))
    }

    /// Numbers first: "two weeks", "two weeks ago", "10-year", "nineteen ninety-six".
    fn number_first(&self, i: usize) -> Option<Hit> {
        if let Lex::NumWord(first @ 10..=20) = self.lex(i) {
            // "nineteen ninety-six": a year said in words.
            if let Lex::NumWord(second @ 10..=90) = self.lex(i + 1)
                && let Some((end, rest)) = self.number_words(i + 1)
                && rest < 100
                && second >= 10
                && first >= 11
            {
                return Some(Hit::date(i, end, Val::Abs(format!("{:04}", first * 100 + rest))));
            }
        }
        self.duration(i)
    }

    /// "a year", "an hour" and "a year ago".
    fn a_unit(&self, i: usize) -> Option<Hit> {
        match self.lex(i + 1) {
            Lex::Unit { unit, plural: false } => {
                if let Some(hit) = self.ago(i, i + 2, Some(1.0), unit) {
                    return Some(hit);
                }
                // "a year and a half"
                let (end, count) =
                    if self.is(i + 2, Kw::And) && self.is(i + 3, Kw::A) && self.is(i + 4, Kw::Half)
                    {
                        (i + 5, 1.5)
                    } else {
                        (i + 2, 1.0)
                    };
                if self.followed_by_old(end) {
                    return None;
                }
                // "5% a year", "twice a week": a rate.
                let kind = if self.rate_before(i) { TimexKind::Set } else { TimexKind::Duration };
                // "a second time", "a weekend trip".
                if matches!(unit, Unit::Weekend | Unit::Second) {
                    return None;
                }
                Some(Hit::new(i, end, kind, Val::Abs(duration(Some(count), unit))))
            }
            Lex::Kw(Kw::Few) | Lex::Kw(Kw::Couple) | Lex::NumWord(12) => self.duration(i),
            _ => None,
        }
    }

    /// True when the token before `i` makes "a year" a rate: a number, a percent sign
    /// or "once".
    fn rate_before(&self, i: usize) -> bool {
        matches!(self.prev(i), Lex::Digits { .. } | Lex::Kw(Kw::Once | Kw::Percent) | Lex::Percent)
    }

    /// "two weeks", "six months", "25-year", "the past two years" (counted part only).
    fn duration(&self, i: usize) -> Option<Hit> {
        let (mut end, count) = self.count(i)?;
        // "two and a half years"
        let mut count = count;
        if self.is(end, Kw::And) && self.is(end + 1, Kw::A) && self.is(end + 2, Kw::Half) {
            count = count.map(|n| n + 0.5);
            end += 3;
        }
        // "two to three weeks": the larger bound.
        if matches!(self.lex(end), Lex::Kw(Kw::To | Kw::Or))
            && let Some((e2, c2)) = self.count(end + 1)
            && matches!(self.lex(e2), Lex::Unit { .. })
        {
            end = e2;
            count = c2;
        }
        let hyphenated = self.hyphen_at(end);
        let u = if hyphenated { end + 1 } else { end };
        // "six straight days", "two consecutive quarters", "two more weeks".
        let u = if !hyphenated
            && matches!(self.lex(u), Lex::Kw(Kw::Straight | Kw::Consecutive | Kw::More))
        {
            u + 1
        } else {
            u
        };
        let Lex::Unit { unit, plural } = self.lex(u) else { return None };
        // "three-quarters" is a fraction, "two-year" a duration.
        if hyphenated && plural {
            return None;
        }
        // "a four day rally" is written without the hyphen, but "two day" must then
        // be followed by the word it modifies.
        if !hyphenated
            && !plural
            && count.is_some_and(|n| n != 1.0)
            && !matches!(self.lex(u + 1), Lex::Other)
        {
            return None;
        }
        // Numbers glued to units without a hyphen need a number word or digits.
        if let Some(hit) = self.ago(i, u + 1, count, unit) {
            return Some(hit);
        }
        if self.followed_by_old(u + 1) {
            return None;
        }
        // "one-year term" keeps only the "one-year" part, as does "10-year note".
        Some(Hit::new(i, u + 1, TimexKind::Duration, Val::Abs(duration(count, unit))))
    }

    /// "years old", "-year-old": ages are not temporal expressions here.
    fn followed_by_old(&self, i: usize) -> bool {
        let j = self.hy(i);
        self.is(j, Kw::Old)
    }

    /// "two weeks ago", "a year earlier", "five years from now".
    fn ago(&self, start: usize, i: usize, count: Count, unit: Unit) -> Option<Hit> {
        let (sign, end) = match self.lex(i) {
            Lex::Kw(Kw::Ago | Kw::Earlier) => (-1, i + 1),
            Lex::Kw(Kw::From) if self.is(i + 1, Kw::Now) => (1, i + 2),
            _ => return None,
        };
        if self.is(i, Kw::Earlier) && !(count == Some(1.0) && unit == Unit::Year) {
            return None;
        }
        let Some(n) = count else {
            return Some(Hit::date(
                start,
                end,
                Val::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
            ));
        };
        if n.fract() != 0.0 {
            return Some(Hit::date(
                start,
                end,
                Val::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
            ));
        }
        let n = n as i64 * sign;
        let anchor = match unit {
            Unit::Day => Anchor::Day(n),
            Unit::Week => Anchor::Week(n as i32),
            Unit::Month => Anchor::Month(n as i32),
            Unit::Quarter => Anchor::Quarter(n as i32),
            Unit::Year if n == -1 && self.ctx.quarter.is_some() => self.quarter_context(-1),
            Unit::Year => Anchor::Year(n as i32),
            Unit::Decade => Anchor::Year(10 * n as i32),
            Unit::Century => Anchor::Year(100 * n as i32),
            _ => return None,
        };
        Some(Hit::anchored(start, end, anchor))
    }

    /// "year-earlier", "the year-ago quarter", "the year-earlier period".
    fn year_earlier(&self, i: usize) -> Option<Hit> {
        if !self.hyphen_at(i + 1) || !matches!(self.lex(i + 2), Lex::Kw(Kw::Earlier | Kw::Ago)) {
            return None;
        }
        let mut end = i + 3;
        match self.lex(end) {
            Lex::Unit { unit: Unit::Quarter, plural: false } => end += 1,
            Lex::Ordinal(1..=4)
                if matches!(self.lex(end + 1), Lex::Unit { unit: Unit::Quarter, .. }) =>
            {
                end += 2
            }
            Lex::Kw(Kw::Period) if self.prev(i) == Lex::Kw(Kw::The) => end += 1,
            _ => {}
        }
        let anchor =
            if self.ctx.quarter.is_some() { self.quarter_context(-1) } else { Anchor::Year(-1) };
        Some(Hit::anchored(i, end, anchor))
    }

    /// "third quarter", "third-quarter", "first quarter of 2009", "fiscal first quarter".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let Lex::Ordinal(q @ 1..=4) = self.lex(i) else { return None };
        let mut j = self.hy(i + 1);
        if self.is(j, Kw::Fiscal) {
            j += 1;
        }
        if !matches!(self.lex(j), Lex::Unit { unit: Unit::Quarter, plural: false }) {
            // "first half of 1998"
            return None;
        }
        let mut end = j + 1;
        let mut years = None;
        if self.is(end, Kw::Of) {
            match self.lex(end + 1) {
                Lex::Digits { value, len: 4 } if is_year(value) => {
                    return Some(Hit::date(i, end + 2, Val::Abs(format!("{value:04}-Q{q}"))));
                }
                Lex::Kw(Kw::Last)
                    if matches!(
                        self.lex(end + 2),
                        Lex::Unit { unit: Unit::Year, plural: false }
                    ) =>
                {
                    years = Some(-1);
                    end += 3;
                }
                Lex::Kw(Kw::This)
                    if matches!(
                        self.lex(end + 2),
                        Lex::Unit { unit: Unit::Year, plural: false }
                    ) =>
                {
                    years = Some(0);
                    end += 3;
                }
                Lex::Kw(Kw::Next)
                    if matches!(
                        self.lex(end + 2),
                        Lex::Unit { unit: Unit::Year, plural: false }
                    ) =>
                {
                    years = Some(1);
                    end += 3;
                }
                _ => {}
            }
        }
        let anchor =
            Anchor::QuarterOfYear { years: years.unwrap_or(0), q, latest: years.is_none() };
        Some(Hit::anchored(i, end, anchor))
    }

    /// Dates that start with a month: "September 6, 1965", "Jan. 26", "May 1972".
    fn month_first(&self, i: usize) -> Option<Hit> {
        let Lex::Month { month, abbr } = self.lex(i) else { return None };
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if abbr {
            if self.lex(j) == Lex::Period {
                j += 1;
            } else if !matches!(self.lex(j), Lex::Digits { .. } | Lex::Ordinal(_)) {
                return None;
            }
        }
        // Day of month.
        let day = match self.lex(j) {
            Lex::Digits { value: d @ 1..=31, len: 1..=2 } => Some(d),
            Lex::Ordinal(d) => Some(d),
            _ => None,
        };
        if let Some(day) = day {
            let mut end = j + 1;
            // "March 12 2009", "March 12, 2009"
            let k = if self.lex(end) == Lex::Comma { end + 1 } else { end };
            if let Lex::Digits { value: year, len: 4 } = self.lex(k)
                && is_year(year)
            {
                end = k + 1;
                let value =
                    super::calendar::ymd(year as i32, month, day).map(super::calendar::fmt_date);
                return value.map(|v| Hit::date(i, end, Val::Abs(v)));
            }
            super::calendar::ymd(2000, month, day)?;
            let _ = &mut end;
            return Some(Hit::anchored(
                i,
                end,
                Anchor::MonthDay { month, day, weekday: None, future: self.future_any(i) },
            ));
        }
        // "May 1972", "May of 1972", "May, 1972".
        let k = if matches!(self.lex(j), Lex::Comma | Lex::Kw(Kw::Of)) { j + 1 } else { j };
        if let Lex::Digits { value: year, len: 4 } = self.lex(k)
            && is_year(year)
        {
            return Some(Hit::date(i, k + 1, Val::Abs(format!("{year:04}-{month:02}"))));
        }
        // A bare month; "May" only after a word that makes it a month.
        if month == 5
            && !matches!(
                self.prev(i),
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::Until
                        | Kw::By
                        | Kw::During
                        | Kw::Of
                        | Kw::From
                        | Kw::Through
                        | Kw::Early
                        | Kw::Late
                        | Kw::Mid
                        | Kw::Last
                        | Kw::This
                        | Kw::Next
                        | Kw::To
                ) | Lex::Hyphen
            )
        {
            return None;
        }
        let dir = if self.future_any(i) { Dir::Upcoming } else { Dir::Latest };
        Some(Hit::anchored(i, j, Anchor::NamedMonth(month, dir)))
    }

    /// "20th June 1981", "6 September 1965", "the 20th of June".
    fn day_first(&self, i: usize) -> Option<Hit> {
        let day = match self.lex(i) {
            Lex::Digits { value: d @ 1..=31, len: 1..=2 } => d,
            Lex::Ordinal(d) => d,
            _ => return None,
        };
        let mut j = i + 1;
        if self.is(j, Kw::Of) {
            j += 1;
        }
        let Lex::Month { month, abbr } = self.lex(j) else { return None };
        if !self.cap(j) {
            return None;
        }
        let mut end = j + 1;
        if abbr && self.lex(end) == Lex::Period {
            end += 1;
        }
        let k = if self.lex(end) == Lex::Comma { end + 1 } else { end };
        if let Lex::Digits { value: year, len: 4 } = self.lex(k)
            && is_year(year)
        {
            let value =
                super::calendar::ymd(year as i32, month, day).map(super::calendar::fmt_date)?;
            return Some(Hit::date(i, k + 1, Val::Abs(value)));
        }
        super::calendar::ymd(2000, month, day)?;
        Some(Hit::anchored(
            i,
            end,
            Anchor::MonthDay { month, day, weekday: None, future: self.future_any(i) },
        ))
    }

    /// "Tuesday", "Tuesday, February 14", "Friday morning".
    fn weekday(&self, i: usize) -> Option<Hit> {
        let Lex::Weekday { day, plural } = self.lex(i) else { return None };
        if !self.cap(i) {
            return None;
        }
        if plural {
            return Some(Hit::new(i, i + 1, TimexKind::Set, Val::Abs(format!("XXXX-WXX-{day}"))));
        }
        let j = if self.lex(i + 1) == Lex::Comma { i + 2 } else { i + 1 };
        if let Some(date) = self.month_first(j).or_else(|| self.day_first(j)) {
            let val = match date.val {
                Val::Anch(Anchor::MonthDay { month, day: d, .. }, suffix) => Val::Anch(
                    Anchor::MonthDay { month, day: d, weekday: Some(day), future: false },
                    suffix,
                ),
                Val::Abs(value) if value.len() == 10 => Val::Abs(value),
                _ => return Some(Hit::anchored(i, i + 1, self.weekday_anchor(i, day))),
            };
            return Some(Hit::date(i, date.end, val));
        }
        Some(Hit::anchored(i, i + 1, self.weekday_anchor(i, day)))
    }

    fn weekday_anchor(&self, i: usize, day: u32) -> Anchor {
        Anchor::Weekday(day, if self.future_near(i) { Dir::Upcoming } else { Dir::Latest })
    }

    /// Expressions starting with digits: years, clock times, day-first dates, durations.
    fn digits_first(&self, i: usize) -> Option<Hit> {
        let Lex::Digits { value, len } = self.lex(i) else { return None };
        if let Some(hit) = self.clock(i) {
            return Some(hit);
        }
        if let Some(hit) = self.day_first(i) {
            return Some(hit);
        }
        if len == 4 && is_year(value) {
            if let Some(hit) = self.duration(i) {
                return Some(hit);
            }
            // "1998 third quarter"
            if let Lex::Ordinal(q @ 1..=4) = self.lex(i + 1)
                && matches!(
                    self.lex(self.hy(i + 2)),
                    Lex::Unit { unit: Unit::Quarter, plural: false }
                )
            {
                return Some(Hit::date(
                    i,
                    self.hy(i + 2) + 1,
                    Val::Abs(format!("{value:04}-Q{q}")),
                ));
            }
            if self.year_is_count(i) {
                return None;
            }
            return Some(Hit::date(i, i + 1, Val::Abs(format!("{value:04}"))));
        }
        self.duration(i)
    }

    /// A four-digit number that counts things ("$1,995", "2000 troops").
    fn year_is_count(&self, i: usize) -> bool {
        let Lex::Digits { value, .. } = self.lex(i) else { return true };
        if value < 1900 {
            // Older years only after a word that introduces a year.
            return !matches!(
                self.prev(i),
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::Of
                        | Kw::By
                        | Kw::From
                        | Kw::Until
                        | Kw::Between
                        | Kw::And
                        | Kw::To
                )
            );
        }
        let counted_noun = i + 1 < self.end
            && self.toks[i + 1].plural_word
            && !matches!(
                self.prev(i),
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::By
                        | Kw::Of
                        | Kw::Until
                        | Kw::From
                        | Kw::The
                        | Kw::Early
                        | Kw::Late
                        | Kw::Mid
                ) | Lex::Comma
                    | Lex::Hyphen
                    | Lex::Possessive
            );
        counted_noun
            || matches!(
                self.prev(i),
                Lex::Kw(
                    Kw::About | Kw::Nearly | Kw::Somewhat | Kw::Approximately | Kw::Than | Kw::Over
                )
            )
    }

    /// "3:30 p.m.", "10 a.m.", "18:00 UTC", "0800 GMT".
    fn clock(&self, i: usize) -> Option<Hit> {
        let Lex::Digits { value: hour, len } = self.lex(i) else { return None };
        let (mut hour, mut minute, mut end) = (hour, None, i + 1);
        if len == 4 && self.is(i + 1, Kw::Utc) {
            (hour, minute) = (hour / 100, Some(hour % 100));
        } else if len > 2 {
            return None;
        }
        if self.lex(end) == Lex::Colon && !self.toks[end].space_before {
            let Lex::Digits { value: m, len: 2 } = self.lex(end + 1) else { return None };
            minute = Some(m);
            end += 2;
        }
        let (utc, pm) = match self.lex(end) {
            Lex::Kw(Kw::Am) => (false, Some(false)),
            Lex::Kw(Kw::Pm) => (false, Some(true)),
            Lex::Kw(Kw::Utc) => (true, None),
            _ if minute.is_some()
                && matches!(self.prev(i), Lex::Kw(Kw::By | Kw::Until | Kw::Around)) =>
            {
                (false, None)
            }
            _ => return None,
        };
        if pm.is_some() || utc {
            end += 1;
        }
        match pm {
            Some(true) if (1..12).contains(&hour) => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
        if hour > 24 || minute.is_some_and(|m| m > 59) {
            return None;
        }
        Some(Hit::new(
            i,
            end,
            TimexKind::Time,
            Val::Anch(Anchor::Day(0), Suffix::Clock(hour, minute, utc)),
        ))
    }

    /// "summer of 1988", "summer 1988", "the summer", "in spring".
    fn season(&self, i: usize, season: u32) -> Option<Hit> {
        let j = if self.is(i + 1, Kw::Of) { i + 2 } else { i + 1 };
        if let Lex::Digits { value, len: 4 } = self.lex(j)
            && is_year(value)
        {
            return Some(Hit::date(
                i,
                j + 1,
                Val::Abs(format!("{value:04}-{}", season_code(season))),
            ));
        }
        if j == i + 2
            && let Some(Hit { end, val: Val::Abs(year), .. }) = self.number_first(j)
            && year.len() == 4
        {
            return Some(Hit::date(i, end, Val::Abs(format!("{year}-{}", season_code(season)))));
        }
        // A bare season is the current or most recent one; "fall" is a verb unless "the"
        // or "in" comes before.
        match self.prev(i) {
            Lex::Kw(
                Kw::The
                | Kw::In
                | Kw::Early
                | Kw::Late
                | Kw::During
                | Kw::Since
                | Kw::By
                | Kw::Until,
            ) => {
                let dir = if self.future_any(i) { Dir::Next } else { Dir::Latest };
                Some(Hit::anchored(i, i + 1, Anchor::Season(season, dir)))
            }
            _ => None,
        }
    }

    /// "Friday morning", "yesterday afternoon".
    fn attach_part(&self, hit: Hit) -> Hit {
        if !hit.is_day() {
            return hit;
        }
        let part = match self.lex(hit.end) {
            Lex::Kw(k @ (Kw::Morning | Kw::Afternoon | Kw::Evening | Kw::Night)) => part_code(k),
            _ => return hit,
        };
        match hit.val {
            Val::Anch(anchor, Suffix::None) => Hit::new(
                hit.start,
                hit.end + 1,
                TimexKind::Time,
                Val::Anch(anchor, Suffix::Part(part)),
            ),
            Val::Abs(value) => Hit::new(
                hit.start,
                hit.end + 1,
                TimexKind::Time,
                Val::Abs(format!("{value}T{part}")),
            ),
            val => Hit { val, ..hit },
        }
    }

    /// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": a clock time takes the
    /// day that follows it.
    fn attach_time(&self, hit: Hit) -> Hit {
        let Val::Anch(Anchor::Day(0), suffix @ Suffix::Clock(..)) = hit.val else { return hit };
        let mut j = hit.end;
        // Time zone abbreviations ("EST", "GMT") and a comma.
        if self.is(j, Kw::Zone) || self.is(j, Kw::Utc) {
            j += 1;
        }
        if self.lex(j) == Lex::Comma {
            j += 1;
        }
        if (self.is(j, Kw::Today)
            || self.is(j, Kw::Yesterday)
            || self.is(j, Kw::Tomorrow)
            || matches!(self.lex(j), Lex::Weekday { .. } | Lex::Month { .. }))
            && let Some(day) = self.core(j)
            && day.is_day()
        {
            let val = match day.val {
                Val::Anch(anchor, Suffix::None) => Val::Anch(anchor, suffix),
                Val::Abs(value) => {
                    let mut value = value;
                    suffix.render(&mut value);
                    Val::Abs(value)
                }
                other => other,
            };
            return Hit::new(hit.start, day.end, TimexKind::Time, val);
        }
        hit
    }

    /// "between 1979 and 1981", "from 2009 to 2011": one expression with an end value.
    fn range(&self, hit: &Hit) -> Option<Hit> {
        if hit.kind != TimexKind::Date
            || !matches!(self.prev(hit.start), Lex::Kw(Kw::Between | Kw::From))
        {
            return None;
        }
        let joiner = self.lex(hit.end);
        let ok = match self.prev(hit.start) {
            Lex::Kw(Kw::Between) => joiner == Lex::Kw(Kw::And),
            _ => matches!(joiner, Lex::Kw(Kw::To | Kw::Through | Kw::Until)),
        };
        if !ok {
            return None;
        }
        let second = self.core(hit.end + 1)?;
        if second.kind != TimexKind::Date || !matches!(second.val, Val::Abs(_) | Val::Anch(..)) {
            return None;
        }
        if !matches!(hit.val, Val::Abs(_) | Val::Anch(..)) {
            return None;
        }
        Some(Hit::date(
            hit.start - 1,
            second.end,
            Val::Range(Box::new(hit.val.clone()), Box::new(second.val)),
        ))
    }
}

fn part_code(kw: Kw) -> &'static str {
    match kw {
        Kw::Morning => "MO",
        Kw::Afternoon => "AF",
        Kw::Evening => "EV",
        _ => "NI",
    }
}

/// Years news writes with four digits.
fn is_year(value: u32) -> bool {
    (1000..=2099).contains(&value)
}

/// "198" for the 1980s; two-digit decades ("'80s") are taken as the 1900s.
fn decade(value: u32, full: bool) -> String {
    if full { format!("{value:03}") } else { format!("19{value}") }
}
