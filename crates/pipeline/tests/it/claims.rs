//! Claims through the whole pipeline: voice and relay chain, hedges, stance, negation, and
//! what each claim is about.

use claimgraph_model::{ClaimVoice, Document, Stance};

/// Renders each claim as `who : content [hedges] (stance, negated, n dates, n quantities)`,
/// where `who` is the relay chain from the original source outward, or `publisher`.
fn check(text: &str, expected: &[&str]) {
    let document = Document {
        id: "claims".to_string(),
        text: text.to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2017, 2, 20),
        publisher: Some("Example News".to_string()),
    };
    let analysis = crate::PIPELINE.analyze(&document);
    let rendered: Vec<String> = analysis
        .claims
        .iter()
        .map(|claim| {
            let who = match claim.voice {
                ClaimVoice::Publisher => "publisher".to_string(),
                ClaimVoice::Attributed(_) => claim
                    .chain
                    .iter()
                    .map(|&idx| {
                        analysis.attributions[idx].source.map_or("?", |source| source.slice(text))
                    })
                    .collect::<Vec<_>>()
                    .join(" <- "),
            };
            let content: Vec<&str> = claim.content.iter().map(|part| part.slice(text)).collect();
            let hedges: Vec<&str> = claim.hedges.iter().map(|h| h.slice(text)).collect();
            let mut notes = Vec::new();
            if claim.stance == Stance::Denies {
                notes.push("denies".to_string());
            }
            if !claim.negations.is_empty() {
                notes.push("negated".to_string());
            }
            if !claim.timexes.is_empty() {
                notes.push(format!("{} dates", claim.timexes.len()));
            }
            if !claim.quantities.is_empty() {
                notes.push(format!("{} quantities", claim.quantities.len()));
            }
            format!(
                "{who} : {} [{}] ({})",
                content.join(" … "),
                hedges.join(", "),
                notes.join(", ")
            )
        })
        .collect();
    assert_eq!(rendered, expected, "claims of {text:?}");
}

#[test]
fn unattributed_sentences_are_the_publishers_voice() {
    check(
        "The council met in Geneva on Monday to review the findings.",
        &["publisher : The council met in Geneva on Monday to review the findings. [] (1 dates)"],
    );
}

#[test]
fn short_fragments_are_not_claims() {
    check("By Staff.", &[]);
}

#[test]
fn reported_speech_is_the_sources_claim_with_its_dates_and_quantities() {
    check(
        "The ministry said that 14 camps were closed last month.",
        &["The ministry : 14 camps were closed last month [] (1 dates, 1 quantities)"],
    );
}

#[test]
fn hedges_in_content_and_cue() {
    check(
        "Officials said the group allegedly moved 200 fighters.",
        &["Officials : the group allegedly moved 200 fighters [allegedly] (1 quantities)"],
    );
    check(
        "The opposition claimed that the base was expanded.",
        &["The opposition : the base was expanded [claimed] ()"],
    );
}

#[test]
fn a_month_is_no_hedge() {
    check(
        "The movement was founded by three engineers in May 1961.",
        &[
            "publisher : The movement was founded by three engineers in May 1961. [] (1 dates, 1 quantities)",
        ],
    );
    check(
        "Officials said the convoy may have crossed in May.",
        &["Officials : the convoy may have crossed in May [may] (1 dates)"],
    );
}

#[test]
fn denials_and_negations() {
    check(
        "The ministry denied that any missiles were tested.",
        &["The ministry : any missiles were tested [] (denies)"],
    );
    check(
        "The spokesman said the army did not cross the border.",
        &["The spokesman : the army did not cross the border [] (negated)"],
    );
}

#[test]
fn curly_apostrophes_negate_too() {
    check(
        "The spokesman said the army didn’t cross the border.",
        &["The spokesman : the army didn’t cross the border [] (negated)"],
    );
}

#[test]
fn a_relayed_claim_carries_its_chain() {
    check(
        "The newspaper reported that the defector said the site had been cleaned.",
        &[
            "The newspaper : the defector said the site had been cleaned [] ()",
            "the defector <- The newspaper : the site had been cleaned [] ()",
        ],
    );
}
