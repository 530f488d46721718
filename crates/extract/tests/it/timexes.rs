//! Tests of the timexes stage: recognition spans, TIMEX3 values and how they were
//! resolved, one construction per test, each in several phrasings.

use chrono::NaiveDate;
use claimgraph_extract::timexes::RuleTimexes;
use claimgraph_extract::{Input, TimexRecognizer};
use claimgraph_model::{Diagnostic, DiagnosticKind, Timex};
use claimgraph_text::{split_sentences, tokenize};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are ISO dates")
}

fn run(text: &str, doc_date: Option<&str>) -> (Vec<Timex>, Vec<Diagnostic>) {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    let input =
        Input { text, tokens: &tokens, sentences: &sentences, doc_date: doc_date.map(date) };
    let mut diagnostics = Vec::new();
    let timexes = RuleTimexes::new().find(&input, &mut diagnostics);
    (timexes, diagnostics)
}

/// Renders each timex as "text → value [TYPE]" ("value .. end" for ranges, "?" when
/// unresolved) and compares with `expected`.
fn check(text: &str, doc_date: Option<&str>, expected: &[&str]) {
    let (timexes, _) = run(text, doc_date);
    let got: Vec<String> = timexes
        .iter()
        .map(|t| {
            let mut value = t.value.clone().unwrap_or_else(|| "?".to_string());
            if let Some(end) = &t.end_value {
                value = format!("{value} .. {end}");
            }
            format!("{} → {} [{}]", t.span.slice(text), value, t.kind.as_str())
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

fn resolutions(text: &str, doc_date: Option<&str>) -> Vec<&'static str> {
    run(text, doc_date).0.iter().map(|t| t.resolution).collect()
}

const DOC: Option<&str> = Some("2017-02-17"); // a Friday

#[test]
fn absolute_dates() {
    check(
        "The treaty was signed on September 6, 1965, in Tashkent.",
        DOC,
        &["September 6, 1965 → 1965-09-06 [DATE]"],
    );
    check(
        "She was born on 20th June 1981 in a village near Tabriz.",
        DOC,
        &["20th June 1981 → 1981-06-20 [DATE]"],
    );
    check(
        "The report was released Jan. 26, 2007, by the ministry.",
        DOC,
        &["Jan. 26, 2007 → 2007-01-26 [DATE]"],
    );
    check(
        "The talks collapsed on 3 March 2015 after a walkout.",
        DOC,
        &["3 March 2015 → 2015-03-03 [DATE]"],
    );
    check("On May 1972 the company moved its headquarters.", DOC, &["May 1972 → 1972-05 [DATE]"]);
    check("The dam was completed in October of 1998.", DOC, &["October of 1998 → 1998-10 [DATE]"]);
}

#[test]
fn years_and_typos() {
    check("The party was founded in1971 by exiles.", DOC, &["1971 → 1971 [DATE]"]);
    check("Exports doubled between the crisis and 2004.", DOC, &["2004 → 2004 [DATE]"]);
    check("Profits rose in fiscal 1989, the company said.", DOC, &["fiscal 1989 → 1989 [DATE]"]);
    check("It was built in nineteen ninety-six.", DOC, &["nineteen ninety-six → 1996 [DATE]"]);
}

#[test]
fn partial_dates_take_the_latest_fitting_date() {
    check("Police arrested him on December 20.", DOC, &["December 20 → 2016-12-20 [DATE]"]);
    check("The protest began Feb. 3 in the capital.", DOC, &["Feb. 3 → 2017-02-03 [DATE]"]);
    check(
        "Voters went to the polls on the 4th of November.",
        DOC,
        &["4th of November → 2016-11-04 [DATE]"],
    );
    check("Turnout was low in January, officials said.", DOC, &["January → 2017-01 [DATE]"]);
    check(
        "The strike started in mid-November and ended in late December.",
        DOC,
        &["mid-November → 2016-11 [DATE]", "late December → 2016-12 [DATE]"],
    );
}

#[test]
fn partial_dates_after_a_future_cue_look_ahead() {
    check(
        "The dividend is payable March 15 to holders of record.",
        DOC,
        &["March 15 → 2017-03-15 [DATE]"],
    );
    check("The minister will visit Ankara on March 2.", DOC, &["March 2 → 2017-03-02 [DATE]"]);
}

#[test]
fn weekday_fixes_the_year() {
    check(
        "The vote was held on Tuesday, February 14.",
        DOC,
        &["Tuesday, February 14 → 2017-02-14 [DATE]"],
    );
    // February 14 was a Sunday in 2016 and 2010.
    check(
        "Talks resumed on Sunday, February 14.",
        DOC,
        &["Sunday, February 14 → 2016-02-14 [DATE]"],
    );
    check("It opened on Friday, Oct. 2, 2015.", DOC, &["Friday, Oct. 2, 2015 → 2015-10-02 [DATE]"]);
}

#[test]
fn weekdays_are_anchored_to_the_document_date() {
    check("The ministry said on Tuesday that exports fell.", DOC, &["Tuesday → 2017-02-14 [DATE]"]);
    check("Markets closed higher Friday.", DOC, &["Friday → 2017-02-17 [DATE]"]);
    check(
        "The council will meet Monday to discuss the plan.",
        DOC,
        &["Monday → 2017-02-20 [DATE]"],
    );
    check(
        "He spoke last Friday and again next Wednesday.",
        DOC,
        &["last Friday → 2017-02-10 [DATE]", "next Wednesday → 2017-02-22 [DATE]"],
    );
}

#[test]
fn this_past_and_named_months() {
    check("Sales slumped this past January.", DOC, &["this past January → 2017-01 [DATE]"]);
    check("The plant closed last April.", DOC, &["last April → 2016-04 [DATE]"]);
    check("The plant closed last April.", Some("2016-10-20"), &["last April → 2016-04 [DATE]"]);
    check("Elections are due next May.", DOC, &["next May → 2017-05 [DATE]"]);
}

#[test]
fn seasons() {
    check("Riots broke out in the summer of 1988.", DOC, &["the summer of 1988 → 1988-SU [DATE]"]);
    check("The harvest failed in autumn 2003.", DOC, &["autumn 2003 → 2003-FA [DATE]"]);
    check(
        "Prices fell last fall and rose this spring.",
        DOC,
        &["last fall → 2016-FA [DATE]", "this spring → 2017-SP [DATE]"],
    );
    check(
        "It happened in the winter of nineteen ninety-four.",
        DOC,
        &["the winter of nineteen ninety-four → 1994-WI [DATE]"],
    );
}

#[test]
fn decades_and_centuries() {
    check("Inflation soared in the 1980s.", DOC, &["the 1980s → 198 [DATE]"]);
    check(
        "Growth slowed in the late 1970s and again in the '90s.",
        DOC,
        &["the late 1970s → 197 [DATE]", "the '90s → 199 [DATE]"],
    );
    check("The feud has lasted for decades.", DOC, &["decades → PXY [DURATION]"]);
}

#[test]
fn durations() {
    check("He served as mayor for six years.", DOC, &["six years → P6Y [DURATION]"]);
    check("The ceasefire lasted two weeks.", DOC, &["two weeks → P2W [DURATION]"]);
    check("Rescuers searched for 36 hours.", DOC, &["36 hours → PT36H [DURATION]"]);
    check(
        "It signed a 10-year contract and a two-year extension.",
        DOC,
        &["10-year → P10Y [DURATION]", "two-year → P2Y [DURATION]"],
    );
    check("The siege lasted nearly three months.", DOC, &["nearly three months → P3M [DURATION]"]);
    check(
        "Output has fallen over the past two years.",
        DOC,
        &["the past two years → P2Y [DURATION]"],
    );
    check("Talks could take several weeks.", DOC, &["several weeks → PXW [DURATION]"]);
    check("The trial lasted a year and a half.", DOC, &["a year and a half → P1.5Y [DURATION]"]);
    check("The project will take two decades.", DOC, &["two decades → P20Y [DURATION]"]);
}

#[test]
fn ages_are_not_durations() {
    check("The driver, 52 years old, was unhurt.", DOC, &[]);
}

#[test]
fn relative_dates() {
    check("Exports fell last month.", DOC, &["last month → 2017-01 [DATE]"]);
    check("The mine was sealed two weeks ago.", DOC, &["two weeks ago → 2017-W05 [DATE]"]);
    check("The minister resigned yesterday.", DOC, &["yesterday → 2017-02-16 [DATE]"]);
    check("Profits doubled last year.", DOC, &["last year → 2016 [DATE]"]);
    check("The summit opens next week.", DOC, &["next week → 2017-W08 [DATE]"]);
    check(
        "The bank cut rates today and may act again tomorrow.",
        DOC,
        &["today → 2017-02-17 [DATE]", "tomorrow → 2017-02-18 [DATE]"],
    );
    check("Unemployment rose this year.", DOC, &["this year → 2017 [DATE]"]);
    check("Three days ago the bridge collapsed.", DOC, &["Three days ago → 2017-02-14 [DATE]"]);
    check("The law passed five years ago.", DOC, &["five years ago → 2012 [DATE]"]);
    check("Sales rose earlier this month.", DOC, &["earlier this month → 2017-02 [DATE]"]);
    check("A deal is expected early next year.", DOC, &["early next year → 2018 [DATE]"]);
}

#[test]
fn references_to_present_past_and_future() {
    check("The economy is now in recession.", DOC, &["now → PRESENT_REF [DATE]"]);
    check("Prices have recently fallen.", DOC, &["recently → PAST_REF [DATE]"]);
    check("They will decide in the future.", DOC, &["the future → FUTURE_REF [DATE]"]);
    check("Attacks have grown in recent years.", DOC, &["recent years → PXY [DURATION]"]);
}

#[test]
fn quarters_and_halves() {
    check("Earnings rose in the third quarter.", DOC, &["the third quarter → 2016-Q3 [DATE]"]);
    check("Third-quarter profit fell.", Some("2016-11-02"), &["Third-quarter → 2016-Q3 [DATE]"]);
    check(
        "Sales in the first quarter of 1998 were flat.",
        DOC,
        &["the first quarter of 1998 → 1998-Q1 [DATE]"],
    );
    check(
        "Profit rose in the third quarter, up from a year earlier.",
        Some("2016-11-02"),
        &["the third quarter → 2016-Q3 [DATE]", "a year earlier → 2015-Q3 [DATE]"],
    );
    check(
        "Growth picked up in the first half of 2015.",
        DOC,
        &["the first half of 2015 → 2015-H1 [DATE]"],
    );
}

#[test]
fn times_of_day() {
    check(
        "The blast occurred at 3:30 p.m. on Monday.",
        DOC,
        &["3:30 p.m. → 2017-02-17T15:30 [TIME]", "Monday → 2017-02-13 [DATE]"],
    );
    check(
        "Polls close at 10 p.m. Wednesday.",
        DOC,
        &["10 p.m. Wednesday → 2017-02-15T22:00 [TIME]"],
    );
    check("The quake struck at 18:00 UTC.", DOC, &["18:00 UTC → 2017-02-17T18:00Z [TIME]"]);
    check("Troops crossed the border this morning.", DOC, &["this morning → 2017-02-17TMO [TIME]"]);
    check("Shelling resumed Thursday night.", DOC, &["Thursday night → 2017-02-16TNI [TIME]"]);
}

#[test]
fn sets() {
    check("The newspaper is published daily.", DOC, &["daily → P1D [SET]"]);
    check("The board meets every week.", DOC, &["every week → P1W [SET]"]);
    check("Markets are closed on Fridays.", DOC, &["Fridays → XXXX-WXX-5 [SET]"]);
}

#[test]
fn ranges_keep_start_and_end() {
    check(
        "He was held between 1979 and 1981.",
        DOC,
        &["between 1979 and 1981 → 1979 .. 1981 [DATE]"],
    );
    check("Deliveries run from 2009 to 2011.", DOC, &["from 2009 to 2011 → 2009 .. 2011 [DATE]"]);
}

#[test]
fn unresolved_without_a_document_date() {
    let text = "Police arrested him on December 20, three days after the attack last month.";
    check(
        text,
        None,
        &["December 20 → ? [DATE]", "three days → P3D [DURATION]", "last month → ? [DATE]"],
    );
    assert_eq!(resolutions(text, None), ["unresolved", "absolute", "unresolved"]);
    let (_, diagnostics) = run(text, None);
    assert_eq!(diagnostics.len(), 2);
    assert!(diagnostics.iter().all(|d| d.kind == DiagnosticKind::UnresolvedDate));
    // Absolute dates need no anchor.
    check("It was signed on September 6, 1965.", None, &["September 6, 1965 → 1965-09-06 [DATE]"]);
}

#[test]
fn resolution_says_how_the_value_was_obtained() {
    assert_eq!(
        resolutions("On September 6, 1965, on Tuesday and last month.", DOC),
        ["absolute", "anchored", "relative"]
    );
}

#[test]
fn words_that_only_look_temporal() {
    check("Stocks may fall if the march continues.", DOC, &[]);
    check("He paid $1,995 for 2000 shares.", DOC, &[]);
    check("About three-quarters of voters agreed.", DOC, &[]);
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "-",
        "in",
        "Jan.",
        "February 31, 2001",
        "31 February",
        "9999 years ago",
        "the",
        "'",
        "12:",
        "Tuesday,",
    ] {
        let _ = run(text, DOC);
        let _ = run(text, None);
    }
}
