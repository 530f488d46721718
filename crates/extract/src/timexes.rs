//! Temporal expressions: recognition and TIMEX3 normalization against the document date.

use claimgraph_model::{Diagnostic, Timex};

use crate::{Input, TimexRecognizer};

/// The rule-based recognizer and normalizer.
#[derive(Debug, Default)]
pub struct RuleTimexes {}

impl RuleTimexes {
    pub fn new() -> RuleTimexes {
        RuleTimexes {}
    }
}

impl TimexRecognizer for RuleTimexes {
    fn find(&self, _input: &Input<'_>, _diagnostics: &mut Vec<Diagnostic>) -> Vec<Timex> {
        Vec::new()
    }
}
