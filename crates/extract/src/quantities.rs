//! Quantities in digits and words, with the noun they count.

use claimgraph_model::{Quantity, Timex};

use crate::{Input, QuantityRecognizer};

/// The rule-based quantity recognizer.
#[derive(Debug, Default)]
pub struct RuleQuantities {}

impl RuleQuantities {
    pub fn new() -> RuleQuantities {
        RuleQuantities {}
    }
}

impl QuantityRecognizer for RuleQuantities {
    fn find(&self, _input: &Input<'_>, _timexes: &[Timex]) -> Vec<Quantity> {
        Vec::new()
    }
}
