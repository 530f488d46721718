//! Attributions: who said what (source, cue, content), direct and indirect, nested into
//! relay chains, with sources resolved to document entities.
//!
//! The stage reads tokens only, so it works before and without the entity stages:
//! 1. [`quotes`] pairs quotation marks of every style in one pass;
//! 2. [`doc`] lowercases the tokens once and merges sentences that a quote runs across
//!    into units;
//! 3. [`patterns`] reads each unit outside quotes and, at each cue of the [`cues`]
//!    lexicon, tries the postposed, inverted, preposed, participle, passive and
//!    "according to" patterns, with [`sources`] finding the noun phrase of the source;
//!    quotes that make up a unit continue the previous speaker's turn;
//! 4. [`chains`] links an attribution to the one whose content holds its cue;
//! 5. sources are resolved to entities through the mentions when there are any.
//!
//! Conventions, as in PARC-style annotation: direct content includes its quotation marks
//! (and the comma inside them); indirect content includes "that" but not the final
//! period; the cue is the verb group ("has said", "openly admitted", "according
//! to"); the source is the whole noun phrase, with an appositive between commas or
//! closing the clause after an inverted cue. A quote that continues a turn right after it
//! and closes the paragraph is another part of its content; one that stands apart has no
//! source or cue in the text, and its `resolution` names the previous speaker's entity.
//! The publisher's own voice is never emitted here.

mod chains;
mod cues;
mod doc;
mod patterns;
mod quotes;
mod sources;
mod words;

use claimgraph_model::{Attribution, Entity, Mention};

use crate::{AttributionExtractor, Input};

/// The rule-based attribution extractor: a cue lexicon plus patterns over tokens.
#[derive(Debug, Default)]
pub struct RuleAttributions {
    lexicon: cues::Lexicon,
}

impl RuleAttributions {
    pub fn new() -> RuleAttributions {
        RuleAttributions { lexicon: cues::Lexicon::new() }
    }
}

impl AttributionExtractor for RuleAttributions {
    fn find(
        &self,
        input: &Input<'_>,
        mentions: &[Mention],
        entities: &[Entity],
    ) -> Vec<Attribution> {
        if input.tokens.is_empty() {
            return Vec::new();
        }
        let lowered = doc::Lowered::new(input);
        let doc = doc::Doc::new(input, &lowered);
        let drafts = patterns::extract(&doc, &self.lexicon);
        let relays = break_cycles(chains::relays(&drafts));
        // Resolve sources; a continuation takes its turn's resolution.
        let mut resolutions = Vec::with_capacity(drafts.len());
        for d in &drafts {
            let resolution = match (d.source, d.continues) {
                (Some(src), _) => sources::resolve(&doc, &self.lexicon, src, mentions, entities),
                (None, Some(prev)) => resolutions.get(prev).cloned().flatten(),
                (None, None) => None,
            };
            resolutions.push(resolution);
        }
        // Sort by content start and renumber the relays.
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by_key(|&i| (drafts[i].content_start(), drafts[i].content_end(), i));
        let mut new_index = vec![0; drafts.len()];
        for (pos, &i) in order.iter().enumerate() {
            new_index[i] = pos;
        }
        order
            .iter()
            .map(|&i| {
                let d = &drafts[i];
                Attribution {
                    source: d.source.map(|(s, e)| doc.span(s, e)),
                    cue: d.cue.map(|(s, e)| doc.span(s, e)),
                    content: d.parts.iter().map(|&(s, e)| doc.span(s, e)).collect(),
                    form: d.form,
                    resolution: resolutions[i].clone(),
                    relayed_by: relays[i].map(|j| new_index[j]),
                }
            })
            .collect()
    }
}

/// Drops the link that closes a cycle, should two contents ever hold each other's cues.
fn break_cycles(mut relays: Vec<Option<usize>>) -> Vec<Option<usize>> {
    for i in 0..relays.len() {
        let mut at = relays[i];
        let mut steps = 0;
        while let Some(j) = at {
            if j == i || steps > 16 {
                relays[i] = None;
                break;
            }
            at = relays.get(j).copied().flatten();
            steps += 1;
        }
    }
    relays
}
