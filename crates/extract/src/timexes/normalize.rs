//! From what an expression says to its TIMEX3 value.
//!
//! The recognizer describes each expression as a [`Val`]: either a value the text fixes
//! by itself ("1988-SU", "P6Y"), or an [`Anchor`] that needs the document date ("last
//! month", "Tuesday", "December 20"). Keeping the two apart lets a document without a
//! date keep its expressions unresolved instead of guessing.

use chrono::{Datelike, NaiveDate};

use super::calendar::*;
use super::lexicon::season_code;

/// Which occurrence of a named month, weekday or season is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// The latest one on or before the document date (a bare "Tuesday" in past tense).
    Latest,
    /// The one on or after the document date (a bare "Tuesday" after "will").
    Upcoming,
    /// "last": the one before the current one.
    Last,
    /// "this": the one in the current year / week.
    This,
    /// "next": the one after the current one.
    Next,
}

/// A date computed from the document date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// Days from the document date ("yesterday" = -1, "two weeks ago" = -14).
    Day(i64),
    /// ISO weeks from the document's week.
    Week(i32),
    /// A weekend relative to the document's week (0: the weekend just past or current).
    Weekend(i32),
    Month(i32),
    Year(i32),
    /// Quarters from the document's quarter.
    Quarter(i32),
    Decade(i32),
    /// Quarter `q` of the document's year shifted by `years`; with `latest`, a quarter
    /// that has not begun by the document date is taken from the year before.
    QuarterOfYear {
        years: i32,
        q: u32,
        latest: bool,
    },
    /// Half `h` of the document's year shifted by `years`.
    HalfOfYear {
        years: i32,
        h: u32,
    },
    NamedMonth(u32, Dir),
    /// "December 20"; `weekday` when written ("Tuesday, February 14") fixes the year.
    MonthDay {
        month: u32,
        day: u32,
        weekday: Option<u32>,
        future: bool,
    },
    Weekday(u32, Dir),
    Season(u32, Dir),
    /// A fixed date of the document's year or a nearby one.
    Holiday(Holiday, Dir),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Christmas,
    ChristmasEve,
    NewYearsDay,
    NewYearsEve,
    Thanksgiving,
}

/// What the text said about a time, before the document date is applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// Fully given by the text.
    Abs(String),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// Needs the document date; `suffix` ("TMO", "T15:30") is appended to a day value.
    Anch(Anchor, Suffix),
    /// "between 1979 and 1981".
    Range(Box<Val>, Box<Val>),
}

/// A time of day attached to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    None,
    /// "MO", "AF", "EV", "NI".
    Part(&'static str),
    /// Hour, minute, and whether it was given in UTC.
    Clock(u32, Option<u32>, bool),
}

impl Suffix {
    pub fn render(self, out: &mut String) {
        match self {
            Suffix::None => {}
            Suffix::Part(part) => {
                out.push('T');
                out.push_str(part);
            }
            Suffix::Clock(hour, minute, utc) => {
                out.push_str(&format!("T{hour:02}:{:02}", minute.unwrap_or(0)));
                if utc {
                    out.push('Z');
                }
            }
        }
    }
}

impl Anchor {
    /// True when the anchor completes a date the text only partly gave ("December 20",
    /// "Tuesday"), false when it counts from the document date ("last month").
    pub fn is_partial(self) -> bool {
        matches!(
            self,
            Anchor::NamedMonth(..)
                | Anchor::MonthDay { .. }
                | Anchor::Weekday(..)
                | Anchor::Season(..)
                | Anchor::QuarterOfYear { .. }
                | Anchor::HalfOfYear { .. }
                | Anchor::Holiday(..)
        )
    }

    /// The TIMEX3 value of the anchor on `doc`; `None` only for dates out of range.
    pub fn resolve(self, doc: NaiveDate, suffix: Suffix) -> Option<String> {
        let day = |date: NaiveDate| {
            let mut value = fmt_date(date);
            suffix.render(&mut value);
            value
        };
        Some(match self {
            Anchor::Day(days) => day(add_days(doc, days)?),
            Anchor::Week(weeks) => fmt_week(add_days(doc, 7 * weeks as i64)?),
            Anchor::Weekend(weeks) => {
                // Early in the week "the weekend" is the one just past.
                let back = if weekday_number(doc) <= 3 { 1 } else { 0 };
                format!("{}-WE", fmt_week(add_days(doc, 7 * (weeks as i64 - back))?))
            }
            Anchor::Month(months) => {
                let (year, month) = add_months(doc.year(), doc.month(), months);
                fmt_month(year, month)
            }
            Anchor::Year(years) => format!("{:04}", doc.year() + years),
            Anchor::Quarter(quarters) => {
                let (year, month) = add_months(doc.year(), doc.month(), 3 * quarters);
                format!("{year:04}-Q{}", quarter_of(month))
            }
            Anchor::Decade(decades) => format!("{:03}", doc.year() / 10 + decades),
            Anchor::QuarterOfYear { years, q, latest } => {
                let starts_later = quarter_of(doc.month()) < q;
                let shift = if latest && starts_later { -1 } else { 0 };
                format!("{:04}-Q{q}", doc.year() + years + shift)
            }
            Anchor::HalfOfYear { years, h } => format!("{:04}-H{h}", doc.year() + years),
            Anchor::NamedMonth(month, dir) => {
                let (year, month) = match dir {
                    Dir::Latest => month_before(doc, month, false),
                    Dir::Last => month_before(doc, month, true),
                    Dir::This => (doc.year(), month),
                    Dir::Next | Dir::Upcoming => month_after(doc, month),
                };
                fmt_month(year, month)
            }
            Anchor::MonthDay { month, day: d, weekday, future } => {
                let date = match weekday {
                    Some(weekday) => month_day_with_weekday(doc, month, d, weekday)?,
                    None => {
                        let this_year = ymd(doc.year(), month, d);
                        match this_year {
                            // A date ahead in the same year after "will" is the coming one.
                            Some(date)
                                if future && date > doc && (date - doc).num_days() <= 270 =>
                            {
                                date
                            }
                            _ => month_day_before(doc, month, d)?,
                        }
                    }
                };
                day(date)
            }
            Anchor::Weekday(weekday, dir) => day(match dir {
                Dir::Latest => weekday_before(doc, weekday, false)?,
                Dir::Last => weekday_before(doc, weekday, true)?,
                Dir::Upcoming | Dir::This => weekday_after(doc, weekday, false)?,
                Dir::Next => weekday_after(doc, weekday, true)?,
            }),
            Anchor::Season(season, dir) => {
                let (cur_year, cur) = season_of(doc);
                let year = match dir {
                    Dir::This => doc.year(),
                    Dir::Latest => {
                        if season <= cur {
                            cur_year
                        } else {
                            cur_year - 1
                        }
                    }
                    Dir::Last => {
                        if season < cur {
                            cur_year
                        } else {
                            cur_year - 1
                        }
                    }
                    Dir::Next | Dir::Upcoming => {
                        if season > cur {
                            cur_year
                        } else {
                            cur_year + 1
                        }
                    }
                };
                format!("{year:04}-{}", season_code(season))
            }
            Anchor::Holiday(holiday, dir) => {
                let on = |year: i32| -> Option<NaiveDate> {
                    match holiday {
                        Holiday::Christmas => ymd(year, 12, 25),
                        Holiday::ChristmasEve => ymd(year, 12, 24),
                        Holiday::NewYearsDay => ymd(year, 1, 1),
                        Holiday::NewYearsEve => ymd(year, 12, 31),
                        Holiday::Thanksgiving => nth_weekday(year, 11, chrono::Weekday::Thu, 4),
                    }
                };
                let this_year = on(doc.year())?;
                let date = match dir {
                    Dir::This => this_year,
                    Dir::Last if this_year >= doc => on(doc.year() - 1)?,
                    Dir::Latest if this_year > doc => on(doc.year() - 1)?,
                    Dir::Next | Dir::Upcoming if this_year <= doc => on(doc.year() + 1)?,
                    _ => this_year,
                };
                day(date)
            }
        })
    }
}

/// The TIMEX3 duration value of `count` units; `None` count is "X" (an unspecified
/// number: "several years" → PXY).
pub fn duration(count: Option<f64>, unit: super::lexicon::Unit) -> String {
    use super::lexicon::Unit::*;
    let (scale, prefix, letter) = match unit {
        Second => (1.0, "PT", "S"),
        Minute => (1.0, "PT", "M"),
        Hour => (1.0, "PT", "H"),
        Day => (1.0, "P", "D"),
        Week => (1.0, "P", "W"),
        Weekend => (1.0, "P", "WE"),
        Month => (1.0, "P", "M"),
        Quarter => (1.0, "P", "Q"),
        Year => (1.0, "P", "Y"),
        Decade => (10.0, "P", "Y"),
        Century => (100.0, "P", "Y"),
    };
    match count {
        Some(n) => {
            let n = n * scale;
            if n.fract() == 0.0 {
                format!("{prefix}{}{letter}", n as u64)
            } else {
                format!("{prefix}{n}{letter}")
            }
        }
        // TimeBank writes unspecified decades as years ("decades-long" → PXY).
        None if unit == Decade => "PXY".to_string(),
        None if unit == Century => "PXC".to_string(),
        None => format!("{prefix}X{letter}"),
    }
}
