//! Pathological inputs: analysis gives output, never panics, and stays linear in size.
//! (No timing asserts: the sizes are large enough that quadratic behaviour would not finish
//! within the test run, which is what would show it.)

use claimgraph_model::Document;

use crate::properties::check_invariants;

fn analyze_checked(text: &str) -> claimgraph_model::Analysis {
    let document = Document {
        id: "bad".to_string(),
        text: text.to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2017, 2, 20),
        publisher: None,
    };
    let analysis = crate::PIPELINE.analyze(&document);
    check_invariants(text, &analysis);
    analysis
}

#[test]
fn empty_and_blank_documents() {
    assert!(analyze_checked("").sentences.is_empty());
    assert!(analyze_checked(" \n\n\t ").tokens.is_empty());
}

#[test]
fn ten_thousand_quotation_marks() {
    let text = "\"“”'‘’«»„".repeat(1_200);
    let analysis = analyze_checked(&text);
    assert!(!analysis.sentences.is_empty());
}

#[test]
fn five_thousand_nested_parentheses() {
    let text = format!("{}The Council (TC){}", "(".repeat(5_000), ")".repeat(5_000));
    analyze_checked(&text);
}

#[test]
fn a_document_of_only_numbers() {
    let text = (0..20_000).map(|n| (n * 7919 % 100_000).to_string()).collect::<Vec<_>>().join(" ");
    let analysis = analyze_checked(&text);
    assert!(!analysis.tokens.is_empty());
}

#[test]
fn one_very_long_line_without_punctuation() {
    // 8 MB on one line: words, numbers, capitalized names, no sentence end.
    let unit = "the Council of Ministers met Ali Rezaei on Tuesday with 25,000 people and ";
    let text = unit.repeat((8 << 20) / unit.len());
    let analysis = analyze_checked(&text);
    assert_eq!(analysis.sentences.len(), 1);
}

#[test]
fn one_enormous_token() {
    let text = "a".repeat(4 << 20);
    let analysis = analyze_checked(&text);
    assert_eq!(analysis.tokens.len(), 1);
}

#[test]
fn replacement_characters_and_controls() {
    let text = "\u{FFFD}\u{0}\u{1}\u{7F}Tehran\u{FEFF} said\u{200B} 5\u{FFFD}";
    analyze_checked(text);
}
