//! Tests of the quantities stage.
//!
//! Every case goes through [`check`], which renders each quantity as one line,
//! `"<text> → <value> <unit>"`: the value is a number or `min..max`, the unit is the counted
//! noun, `%` for percentages, the currency code for money, and `ordinal` (then the noun)
//! for ordinals. Spans written `[[like this]]` in the input are passed as timexes and the
//! brackets removed, so that the skipping of dates can be tested without the timex stage.

use claimgraph_extract::quantities::RuleQuantities;
use claimgraph_extract::{Input, QuantityRecognizer};
use claimgraph_model::{Quantity, QuantityKind, Span, Timex, TimexKind};
use proptest::prelude::*;

fn analyze(marked: &str) -> (String, Vec<Quantity>) {
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("unclosed [[");
        let start = text.len();
        text.push_str(&after[..close]);
        timexes.push(Timex {
            span: Span::new(start, text.len()),
            kind: TimexKind::Date,
            value: None,
            end_value: None,
            resolution: "unresolved",
        });
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    let tokens = claimgraph_text::tokenize(&text);
    let sentences = claimgraph_text::split_sentences(&text, &tokens);
    let input = Input { text: &text, tokens: &tokens, sentences: &sentences, doc_date: None };
    let quantities = RuleQuantities::new().find(&input, &timexes);
    (text, quantities)
}

fn render(text: &str, q: &Quantity) -> String {
    let amount = match (q.value, q.min, q.max) {
        (Some(v), _, _) => format!("{v}"),
        (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
        _ => "?".to_string(),
    };
    let unit = q.unit.as_deref().unwrap_or("");
    let what = match &q.kind {
        QuantityKind::Count => unit.to_string(),
        QuantityKind::Percent => "%".to_string(),
        QuantityKind::Money(code) => code.clone(),
        QuantityKind::Ordinal => format!("ordinal {unit}"),
    };
    format!("{} → {amount} {what}", q.span.slice(text)).trim_end().to_string()
}

fn check(marked: &str, expected: &[&str]) {
    let (text, quantities) = analyze(marked);
    for q in &quantities {
        assert!(text.get(q.span.start..q.span.end).is_some(), "span out of bounds in {text:?}");
        if let (Some(unit), Some(span)) = (&q.unit, q.unit_span) {
            assert_eq!(span.slice(&text), unit, "unit span of {q:?} in {text:?}");
        }
        assert_eq!(q.unit.is_some(), q.unit_span.is_some(), "unit without span: {q:?}");
    }
    let got: Vec<String> = quantities.iter().map(|q| render(&text, q)).collect();
    assert_eq!(got, expected, "quantities of {text:?}");
}

#[test]
fn digits_with_counted_noun() {
    check(
        "Rebels said they had 25,000 Iranian and foreign militias near the border.",
        &["25,000 → 25000 militias"],
    );
    check("The council is made up of 1,000 women.", &["1,000 → 1000 women"]);
    check("Organizers counted 1000 women at the march.", &["1000 → 1000 women"]);
    check("The ministry said 32,000 agents had been recruited.", &["32,000 → 32000 agents"]);
    check("The paper printed 500,000 copies.", &["500,000 → 500000 copies"]);
    check("Some 70 opposition members and sympathizers were killed.", &["70 → 70 members"]);
    check("Police arrested 12 suspects on Friday.", &["12 → 12 suspects"]);
    check("The report documents 300 human rights violations.", &["300 → 300 violations"]);
    check("A total of 4.5 tons of grain arrived.", &["4.5 → 4.5 tons"]);
    check("The toll rose to 70.", &["70 → 70"]);
    check("Officials detained 14 Iranian-backed fighters.", &["14 → 14 fighters"]);
    check("About 200 people gathered, officials said.", &["200 → 200 people"]);
}

#[test]
fn counted_noun_of_partitives_and_antecedents() {
    check(
        "The group runs dozens of training camps, and investigators pinpointed 14 of them, eight of which are near the capital.",
        &["dozens → 24..99 camps", "14 → 14 camps", "eight → 8 camps"],
    );
    check(
        "Over 120,000 of its members have been executed, 30,000 of which in a few weeks.",
        &["120,000 → 120000 members", "30,000 → 30000 members"],
    );
    check("One of the founders fled abroad.", &["One → 1 founders"]);
    check("Two of Iran's provinces reported cases.", &["Two → 2 provinces"]);
    check("Nine of them were released later.", &["Nine → 9"]);
    check(
        "Three ships were seized. Two of them were later released.",
        &["Three → 3 ships", "Two → 2 ships"],
    );
}

#[test]
fn numbers_in_words() {
    check("Half-a-million supporters took part.", &["Half-a-million → 500000 supporters"]);
    check(
        "Witnesses said half a million supporters marched.",
        &["half a million → 500000 supporters"],
    );
    check(
        "Nearly a quarter of a million refugees crossed.",
        &["a quarter of a million → 250000 refugees"],
    );
    check("The army sent twenty-five tanks.", &["twenty-five → 25 tanks"]);
    check(
        "They freed one hundred and twenty prisoners.",
        &["one hundred and twenty → 120 prisoners"],
    );
    check("Two dozen protesters were detained.", &["Two dozen → 24 protesters"]);
    check("A dozen journalists were expelled.", &["A dozen → 12 journalists"]);
    check("Half a dozen envoys attended.", &["Half a dozen → 6 envoys"]);
    check("The fund received 3.5 million euros.", &["3.5 million euros → 3500000 EUR"]);
    check("Officials counted 3.5 million voters.", &["3.5 million → 3500000 voters"]);
    check("A million people marched.", &["A million → 1000000 people"]);
    check(
        "The census found two thousand three hundred families.",
        &["two thousand three hundred → 2300 families"],
    );
    check(
        "One and a half million pilgrims are expected.",
        &["One and a half million → 1500000 pilgrims"],
    );
    check("Two were killed and seven wounded.", &["Two → 2", "seven → 7"]);
    check("The agency hired ninety-nine analysts.", &["ninety-nine → 99 analysts"]);
}

#[test]
fn vague_amounts_are_ranges() {
    check(
        "Hundreds of thousands of people fled the city.",
        &["Hundreds of thousands → 200000..999999 people"],
    );
    check(
        "Tens of thousands of workers went on strike.",
        &["Tens of thousands → 20000..99999 workers"],
    );
    check("Thousands of students protested.", &["Thousands → 2000..9999 students"]);
    check("Hundreds were arrested.", &["Hundreds → 200..999"]);
    check("Dozens of villages were shelled.", &["Dozens → 24..99 villages"]);
    check("Several thousand more were imprisoned.", &["Several thousand → 3000..9999"]);
    check(
        "The leadership relocated with several thousand followers.",
        &["several thousand → 3000..9999 followers"],
    );
    check("Several soldiers were hurt.", &["Several → 3..9 soldiers"]);
    check("A few hundred activists gathered.", &["A few hundred → 200..599 activists"]);
    check("A few diplomats stayed behind.", &["A few → 2..5 diplomats"]);
    check("A handful of reporters waited.", &["A handful → 2..5 reporters"]);
    check("A couple of ministers resigned.", &["A couple → 2 ministers"]);
    check("Scores of civilians were wounded.", &["Scores → 40..99 civilians"]);
    check("Between 10-15 people were hurt.", &["10-15 → 10..15 people"]);
}

#[test]
fn percentages() {
    check("Turnout fell to 40 percent.", &["40 percent → 40 %"]);
    check("Prices rose 40% in a year.", &["40% → 40 %"]);
    check("Inflation hit 4.5 %.", &["4.5 % → 4.5 %"]);
    check("Forty per cent of voters abstained.", &["Forty per cent → 40 %"]);
    check("Support dropped by 3 percentage points.", &["3 percentage points → 3 %"]);
    check("Unemployment reached 12pc last year.", &["12pc → 12 %"]);
}

#[test]
fn money() {
    check("Washington pledged $4.5 billion in aid.", &["$4.5 billion → 4500000000 USD"]);
    check("The EU approved €20 million for the region.", &["€20 million → 20000000 EUR"]);
    check("The club paid £3m for the player.", &["£3m → 3000000 GBP"]);
    check("The deal was worth 20 million dollars.", &["20 million dollars → 20000000 USD"]);
    check("The budget set aside 1.2 billion rials.", &["1.2 billion rials → 1200000000 IRR"]);
    check("He was paid 500 US dollars.", &["500 US dollars → 500 USD"]);
    check("Exports reached US$ 12 billion.", &["US$ 12 billion → 12000000000 USD"]);
    check("The bank lent $5bn to the state.", &["$5bn → 5000000000 USD"]);
    check("Tokyo offered 100 billion yen.", &["100 billion yen → 100000000000 JPY"]);
    check("The fine was USD 250,000.", &["USD 250,000 → 250000 USD"]);
    check("Millions of dollars were transferred.", &["Millions of dollars → 2000000..9999999 USD"]);
    check("The loan of 300 Canadian dollars was repaid.", &["300 Canadian dollars → 300 CAD"]);
    check("Smugglers carried 500 pounds of explosives.", &["500 → 500 pounds"]);
    check(
        "The tax raised 40 million pounds sterling.",
        &["40 million pounds sterling → 40000000 GBP"],
    );
    check("The fund was worth $1,000.", &["$1,000 → 1000 USD"]);
    check("Profits reached $1.07bn.", &["$1.07bn → 1070000000 USD"]);
    check("Debt hit $2.18 trillion.", &["$2.18 trillion → 2180000000000 USD"]);
    check("Output hit 15m euros.", &["15m euros → 15000000 EUR"]);
    check("Net profit was 151.9 mln dlrs.", &["151.9 mln dlrs → 151900000 USD"]);
    check("The dividend is 25 cents a share.", &["25 cents → 0.25 USD"]);
    check("Earnings rose 20 pct.", &["20 pct → 20 %"]);
    check("Exports totalled 71.56bn rupees.", &["71.56bn rupees → 71560000000 INR"]);
}

#[test]
fn ordinals() {
    check("It was the 20th attack this year.", &["20th → 20 ordinal attack"]);
    check("The third round of talks failed.", &["third → 3 ordinal round"]);
    check("Tehran is the second largest city.", &["second → 2 ordinal city"]);
    check("First, the regime denied it.", &[]);
    check("He won a third of the vote.", &[]);
    check("It was the twenty-first meeting.", &["twenty-first → 21 ordinal meeting"]);
}

#[test]
fn what_one_means() {
    check("One of the guards was arrested.", &["One → 1 guards"]);
    check("No one was hurt.", &[]);
    check("One must be careful.", &[]);
    check("They helped one another.", &[]);
    check("Only one soldier survived.", &["one → 1 soldier"]);
    check("The one thing they agreed on was silence.", &[]);
    check("It was a one-off payment.", &[]);
    check("Talks were rarely one-on-one.", &[]);
    check("Iran has only one heavily congested mobile network.", &["one → 1 network"]);
}

#[test]
fn dates_years_and_times_are_skipped() {
    check("The revolution of 1979 changed everything.", &[]);
    check("A ruling on November 30, 2007 states the opposite.", &[]);
    check("The committee consists of 1000 women.", &["1000 → 1000 women"]);
    check("In 1979 the Shah fled.", &[]);
    check("A month before the 1979 revolution, protests grew.", &[]);
    check("He led the group from 1975 to 1979.", &[]);
    check("The talks were held on February 14, 2017.", &[]);
    check("They met on 14 February in Paris.", &[]);
    check("The 20th of June was chosen.", &[]);
    check("Fighting lasted between 1979-1981.", &[]);
    check("The meeting began at 10:30 and ended at 3 p.m.", &[]);
    check("Soldiers fired in [[20th June 1981]] on 300 protesters.", &["300 → 300 protesters"]);
    check("The law passed in [[December 2016]].", &[]);
    check("[[Over the 1980s]] membership grew.", &[]);
    check("The 1980s were hard.", &[]);
    check("The firm restated its 2004 results.", &[]);
    check("It hopes 2005 sales will rise.", &[]);
    check("Since the 11 September 2001 attacks, security has tightened.", &[]);
    check(
        "Some 1500 troops and about 2000 police were deployed.",
        &["1500 → 1500 troops", "2000 → 2000 police"],
    );
    check("The siege lasted six years.", &[]);
    check("A 16-year-old boy was detained.", &[]);
    check("The group spent several months planning.", &[]);
    check("It happened in the 20th century.", &[]);
}

#[test]
fn identifiers_and_phone_numbers_are_skipped() {
    check("The base is near kilometer 20 of the highway.", &[]);
    check("Resolution 2231 was adopted.", &[]);
    check("Call +1 202 555 0100 for details.", &[]);
    check("Call (202) 555-0100 now.", &[]);
    check("Iran bought F-16 jets and COVID-19 vaccines.", &[]);
    check("The case number is 9876543.", &[]);
    check("Agent 007 was hired.", &[]);
    check("The firm sold Boeing 747 jets.", &[]);
    check("The score was 24/7 coverage.", &[]);
    check("Version 1.2.3 was released.", &[]);
    check("He lives at 10 Downing Street.", &["10 → 10"]);
    check("Two-thirds of the deputies voted.", &[]);
}

#[test]
fn compounds_with_hyphens() {
    check("A 25,000-strong army was amassed.", &["25,000 → 25000 army"]);
    check("A 10-member committee was formed.", &["10 → 10 member"]);
}

#[test]
fn degenerate_input_degrades_gracefully() {
    let digits = "9".repeat(10_000);
    check(&digits, &[]);
    check(&format!("{digits} people"), &[]);
    check("1 2 3 4 5 6 7 8 9", &[]);
    check("1e400", &[]);
    check("", &[]);
    check("$", &[]);
    check("$ dollars", &[]);
    check("half", &[]);
    check("a", &[]);
    check("twenty-", &["twenty → 20"]);
    check("hundreds of", &["hundreds → 200..999"]);
    check("one hundred", &["one hundred → 100"]);
    let huge = "a trillion trillion trillion ".repeat(20);
    let (_, q) = analyze(&huge);
    assert!(q.iter().all(|q| q.value.is_none_or(f64::is_finite)));
    let many = "123,456,789,012,345,678,901,234,567,890,123,456,789,012,345,678,901 people";
    let (_, q) = analyze(many);
    assert!(q.iter().all(|q| q.value.is_none_or(f64::is_finite)));
}

/// Sizes large enough that quadratic behaviour would not finish within the test run.
#[test]
fn linear_time_on_long_input() {
    let text = "Officials said 25,000 militias and half-a-million supporters, 40% of them armed. "
        .repeat(5_000);
    let (_, q) = analyze(&text);
    assert_eq!(q.len(), 15_000);
    // One endless sentence: only numbers, then punctuation before numbers with nouns.
    let numbers: String = (0..200_000).map(|n| format!("{n} ")).collect();
    check(&numbers, &[]);
    let punct = format!("{}{}", "( ".repeat(100_000), "5 ships , ".repeat(20_000));
    let (_, q) = analyze(&punct);
    assert_eq!(q.len(), 20_000);
}

proptest! {
    #[test]
    fn spans_are_in_bounds_and_on_char_boundaries(text in "\\PC{0,200}") {
        let (text, quantities) = analyze(&text.replace("[[", "[ ["));
        for q in &quantities {
            prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            if let Some(span) = q.unit_span {
                prop_assert!(span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }

    #[test]
    fn number_soup_never_panics(text in "([0-9]{1,8}|[,.\\-–/:%$€£ ]|one|two|hundred|million|dozens|of|a|half|the|people|[\\n])*") {
        let (text, quantities) = analyze(&text);
        let mut last_end = 0;
        for q in &quantities {
            prop_assert!(q.span.start >= last_end, "overlap in {:?}", text);
            prop_assert!(q.span.end <= text.len());
            last_end = q.span.end;
        }
    }
}

#[test]
fn coordinated_modifiers() {
    check("It recruited 5,000 Iraqi, Afghan and Pakistani fighters.", &["5,000 → 5000 fighters"]);
    check("They seized 40 trucks, cars and boats.", &["40 → 40 trucks"]);
    check("The 300 new, modern tanks arrived.", &["300 → 300"]);
}
