//! Entity mentions (PER / ORG / LOC / MISC) from capitalization, context words and
//! gazetteers.
//!
//! The method is meant to generalize to names it has never seen: a capitalized run is a
//! candidate, and its label comes from words around and inside it ("Brigadier General X",
//! "the X Organization", "Ministry of X", "X Province"), from a given-name list, and from
//! gazetteers of countries, cities (GeoNames, CC BY 4.0) and nationality words. The
//! resources live in `crates/extract/data/` and are indexed once by [`RuleEntities::new`];
//! the rules are in [`rules`], the resources in [`lexicon`].

pub mod lexicon;
mod rules;

use claimgraph_model::{Mention, Timex};

use crate::{EntityRecognizer, Input};
use lexicon::Lexicon;

/// The rule-based entity recognizer.
#[derive(Debug, Default)]
pub struct RuleEntities {
    lexicon: Lexicon,
}

impl RuleEntities {
    /// Indexes the embedded name lists and gazetteers (a few milliseconds).
    pub fn new() -> RuleEntities {
        RuleEntities { lexicon: Lexicon::new() }
    }

    /// The indexed name lists and gazetteers, shared with the statistical tagger's features.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

impl EntityRecognizer for RuleEntities {
    fn find(&self, input: &Input<'_>, timexes: &[Timex]) -> Vec<Mention> {
        rules::find(&self.lexicon, input, timexes)
    }
}
