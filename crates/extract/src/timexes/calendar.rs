//! Calendar arithmetic on the document date and the TIMEX3 spelling of its results.
//!
//! Everything here is total: out-of-range inputs (a 31st of February, a year beyond
//! chrono's range) give `None` or are clamped instead of panicking.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

pub fn fmt_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub fn fmt_month(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// The ISO week of `date` as TIMEX3 "1998-W02".
pub fn fmt_week(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

/// (year, month) shifted by `months`.
pub fn add_months(year: i32, month: u32, months: i32) -> (i32, u32) {
    let total = year * 12 + month as i32 - 1 + months;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// The quarter (1..=4) of a month.
pub fn quarter_of(month: u32) -> u32 {
    (month.saturating_sub(1)) / 3 + 1
}

pub fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

/// The latest date with weekday `day` (1 = Monday) on or before `date`
/// (`strict`: before it).
pub fn weekday_before(date: NaiveDate, day: u32, strict: bool) -> Option<NaiveDate> {
    let mut back = (7 + weekday_number(date) as i64 - day as i64) % 7;
    if strict && back == 0 {
        back = 7;
    }
    add_days(date, -back)
}

/// The earliest date with weekday `day` on or after `date` (`strict`: after it).
pub fn weekday_after(date: NaiveDate, day: u32, strict: bool) -> Option<NaiveDate> {
    let mut ahead = (7 + day as i64 - weekday_number(date) as i64) % 7;
    if strict && ahead == 0 {
        ahead = 7;
    }
    add_days(date, ahead)
}

/// The latest `month`-`day` on or before `doc` (a 29th of February searches back
/// to a leap year).
pub fn month_day_before(doc: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..8).filter_map(|back| ymd(doc.year() - back, month, day)).find(|date| *date <= doc)
}

/// The latest `month`-`day` on or before `doc`'s year that falls on `weekday`: the
/// year a "Tuesday, February 14" was written in. Searches back 28 years (one full
/// cycle of the calendar), then forward a year for a date just announced.
pub fn month_day_with_weekday(
    doc: NaiveDate,
    month: u32,
    day: u32,
    weekday: u32,
) -> Option<NaiveDate> {
    let fits = |date: &NaiveDate| weekday_number(*date) == weekday;
    (-1..28)
        .filter_map(|back| ymd(doc.year() - back, month, day))
        .filter(|date| *date <= doc || date.year() == doc.year() + 1 || date.year() == doc.year())
        .filter(fits)
        .min_by_key(|date| {
            if *date <= doc { (doc - *date).num_days() } else { (*date - doc).num_days() + 400 }
        })
}

/// The most recent `month` on or before `doc`'s month (`strict`: before it).
pub fn month_before(doc: NaiveDate, month: u32, strict: bool) -> (i32, u32) {
    if month < doc.month() || (!strict && month == doc.month()) {
        (doc.year(), month)
    } else {
        (doc.year() - 1, month)
    }
}

/// The next `month` after `doc`'s month.
pub fn month_after(doc: NaiveDate, month: u32) -> (i32, u32) {
    if month > doc.month() { (doc.year(), month) } else { (doc.year() + 1, month) }
}

/// The season (0 spring .. 3 winter) a date falls in, and the year it is counted in:
/// a winter belongs to the year of its December, so January 1998 is in "1997-WI".
pub fn season_of(date: NaiveDate) -> (i32, u32) {
    match date.month() {
        3..=5 => (date.year(), 0),
        6..=8 => (date.year(), 1),
        9..=11 => (date.year(), 2),
        12 => (date.year(), 3),
        _ => (date.year() - 1, 3),
    }
}

/// The `nth` `weekday` of a month ("the fourth Thursday of November"), for holidays.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth)
}
