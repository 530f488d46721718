//! One document in, its [`Analysis`] out.
//!
//! The stages, in order:
//! 1. tokens (`claimgraph_text::tokenize`);
//! 2. sentences (`claimgraph_text::split_sentences`);
//! 3. temporal expressions ([`TimexRecognizer`]);
//! 4. quantities ([`QuantityRecognizer`]), skipping what the timexes took;
//! 5. entity mentions ([`EntityRecognizer`]): the rules with the trained tagger stacked on
//!    them (`claimgraph_tagger::default_recognizer`, docs/MODEL.md);
//! 6. aliases, grouping mentions into entities ([`AliasResolver`]);
//! 7. places: toponyms resolved to coordinates ([`PlaceResolver`], `claimgraph-geo`);
//! 8. attributions: who said what, relayed by whom ([`AttributionExtractor`]);
//! 9. claims: what each attribution (or the publisher) asserts, with its entities, dates,
//!    places, quantities, hedges and stance (`claims::build_claims`).
//!
//! The pipeline is synchronous and pure: no I/O, no global state. A [`Pipeline`] is built
//! once (it compiles the rule resources) and shared across threads.

use claimgraph_extract::aliases::RuleAliases;
use claimgraph_extract::attributions::RuleAttributions;
use claimgraph_extract::claims;
use claimgraph_extract::entities::RuleEntities;
use claimgraph_extract::quantities::RuleQuantities;
use claimgraph_extract::timexes::RuleTimexes;
use claimgraph_extract::{
    AliasResolver, AttributionExtractor, EntityRecognizer, Input, PlaceResolver,
    QuantityRecognizer, TimexRecognizer,
};
use claimgraph_geo::Geoparser;
use claimgraph_model::{Analysis, Document};

/// The analysis stages, built once and reused for every document.
#[derive(Debug)]
pub struct Pipeline {
    timexes: Box<dyn TimexRecognizer>,
    quantities: Box<dyn QuantityRecognizer>,
    entities: Box<dyn EntityRecognizer>,
    aliases: Box<dyn AliasResolver>,
    places: Box<dyn PlaceResolver>,
    attributions: Box<dyn AttributionExtractor>,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// The default stages: the rule-based recognizers with their embedded resources, and
    /// the trained entity tagger over the entity rules. The tagger's model is compiled in
    /// and checked when loaded; should it ever fail to load, the entity rules alone run,
    /// so that building a pipeline never fails.
    pub fn new() -> Pipeline {
        Pipeline {
            timexes: Box::new(RuleTimexes::new()),
            quantities: Box::new(RuleQuantities::new()),
            entities: claimgraph_tagger::default_recognizer()
                .unwrap_or_else(|_| Box::new(RuleEntities::new())),
            aliases: Box::new(RuleAliases::new()),
            places: Box::new(Geoparser::new()),
            attributions: Box::new(RuleAttributions::new()),
        }
    }

    /// Replaces the entity recognizer (the trained tagger joins here).
    pub fn with_entities(mut self, entities: Box<dyn EntityRecognizer>) -> Pipeline {
        self.entities = entities;
        self
    }

    /// Analyzes one document. Never fails and never panics on any text.
    pub fn analyze(&self, document: &Document) -> Analysis {
        let text = document.text.as_str();
        let tokens = claimgraph_text::tokenize(text);
        let sentences = claimgraph_text::split_sentences(text, &tokens);
        let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: document.date };
        let mut diagnostics = Vec::new();
        let timexes = self.timexes.find(&input, &mut diagnostics);
        let quantities = self.quantities.find(&input, &timexes);
        let mut mentions = self.entities.find(&input, &timexes);
        let entities = self.aliases.resolve(&input, &mut mentions);
        let toponyms = self.places.find(&input, &mentions, &entities);
        let attributions = self.attributions.find(&input, &mentions, &entities);
        let claims = claims::build_claims(
            &input,
            &claims::ClaimInputs {
                mentions: &mentions,
                attributions: &attributions,
                timexes: &timexes,
                quantities: &quantities,
                toponyms: &toponyms,
            },
        );
        Analysis {
            tokens,
            sentences,
            mentions,
            entities,
            timexes,
            quantities,
            attributions,
            toponyms,
            claims,
            diagnostics,
        }
    }
}
