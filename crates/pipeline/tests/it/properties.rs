//! Properties that hold for any text: spans in bounds and on character boundaries,
//! sentences tiling the tokens, determinism.

use claimgraph_model::{Analysis, Document, Span};
use proptest::prelude::*;

fn analyze(text: &str) -> Analysis {
    let document = Document {
        id: "p".to_string(),
        text: text.to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2017, 2, 20),
        publisher: None,
    };
    crate::PIPELINE.analyze(&document)
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} span {span:?} out of bounds");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} splits a character"
    );
}

/// Checks every invariant of an analysis of `text`.
pub fn check_invariants(text: &str, analysis: &Analysis) {
    for token in &analysis.tokens {
        check_span(text, token.span, "token");
        assert!(!token.span.is_empty(), "empty token at {}", token.span.start);
        assert!(
            !token.span.slice(text).chars().any(char::is_whitespace),
            "token contains whitespace"
        );
    }
    // Sentences tile the tokens: consecutive, non-empty, covering all of them.
    let mut next_token = 0;
    for sentence in &analysis.sentences {
        check_span(text, sentence.span, "sentence");
        assert_eq!(sentence.token_start, next_token, "sentences must tile the tokens");
        assert!(sentence.token_end > sentence.token_start, "empty sentence");
        let first = analysis.tokens[sentence.token_start].span;
        let last = analysis.tokens[sentence.token_end - 1].span;
        assert_eq!(sentence.span, Span::new(first.start, last.end), "sentence span = its tokens");
        next_token = sentence.token_end;
    }
    assert_eq!(next_token, analysis.tokens.len(), "every token in a sentence");
    let mut previous_end = 0;
    for mention in &analysis.mentions {
        check_span(text, mention.span, "mention");
        assert!(mention.span.start >= previous_end, "mentions sorted and non-overlapping");
        previous_end = mention.span.end;
        assert!(mention.entity < analysis.entities.len(), "mention points at an entity");
    }
    for (idx, entity) in analysis.entities.iter().enumerate() {
        for &mention in &entity.mentions {
            assert_eq!(analysis.mentions[mention].entity, idx, "entity and mention agree");
        }
    }
    for timex in &analysis.timexes {
        check_span(text, timex.span, "timex");
    }
    for quantity in &analysis.quantities {
        check_span(text, quantity.span, "quantity");
        if let Some(unit_span) = quantity.unit_span {
            check_span(text, unit_span, "quantity unit");
        }
    }
    for diagnostic in &analysis.diagnostics {
        if let Some(span) = diagnostic.span {
            check_span(text, span, "diagnostic");
        }
    }
}

/// Text made of the pieces analysis cares about, so that the search reaches the rules.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("the Revolutionary Guards (IRGC) ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("” ".to_string()),
        Just(". ".to_string()),
        Just("...".to_string()),
        Just("\n\n".to_string()),
        Just("\n- ".to_string()),
        Just("Tuesday, February 14 ".to_string()),
        Just("last month ".to_string()),
        Just("25,000 militias ".to_string()),
        Just("half-a-million ".to_string()),
        Just("dozens of ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("/".to_string()),
        Just("Tehran ".to_string()),
        Just("said ".to_string()),
        "[a-zA-Z]{1,8} ",
        "[0-9]{1,6}",
        "\\PC{1,3}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_newsy_text(text in newsy_text()) {
        check_invariants(&text, &analyze(&text));
    }

    #[test]
    fn invariants_hold_on_any_text(text in "\\PC{0,200}") {
        check_invariants(&text, &analyze(&text));
    }

    #[test]
    fn analysis_is_deterministic(text in newsy_text()) {
        prop_assert_eq!(analyze(&text), analyze(&text));
    }
}
