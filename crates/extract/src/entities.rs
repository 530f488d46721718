//! Entity mentions from capitalization, context words and gazetteers.

use claimgraph_model::{Mention, Timex};

use crate::{EntityRecognizer, Input};

/// The rule-based entity recognizer.
#[derive(Debug, Default)]
pub struct RuleEntities {}

impl RuleEntities {
    pub fn new() -> RuleEntities {
        RuleEntities {}
    }
}

impl EntityRecognizer for RuleEntities {
    fn find(&self, _input: &Input<'_>, _timexes: &[Timex]) -> Vec<Mention> {
        Vec::new()
    }
}
