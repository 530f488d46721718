//! Attributions: who said what (source, cue, content), direct and indirect, nested into
//! relay chains, with sources resolved to document entities.

use claimgraph_model::{Attribution, Entity, Mention};

use crate::{AttributionExtractor, Input};

/// The rule-based attribution extractor: a cue lexicon plus patterns over tokens.
#[derive(Debug, Default)]
pub struct RuleAttributions {}

impl RuleAttributions {
    pub fn new() -> RuleAttributions {
        RuleAttributions {}
    }
}

impl AttributionExtractor for RuleAttributions {
    fn find(
        &self,
        _input: &Input<'_>,
        _mentions: &[Mention],
        _entities: &[Entity],
    ) -> Vec<Attribution> {
        Vec::new()
    }
}
