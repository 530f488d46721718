//! How the tagger and the rules decide together, then document consistency.
//!
//! Measured on the dev sets, the tagger (trained on tweets and web text) finds names the
//! rules miss but is less precise than the rules on news; the rules' decisions are also
//! among its features. So the rules' mentions are the base, and the tagger
//! - adds the names the rules missed, where its margin over `O` is at least `add`;
//! - relabels a rule mention it finds with exactly the same span, where its margin over
//!   the rule's label is at least `relabel`;
//! - drops a rule mention it does not tag at all, where it is confident (`drop`) that the
//!   tokens are no name.
//!
//! Then a name keeps one label across the document: each distinct name (its lowercased
//! text) takes the label most of its occurrences got, ties going to the first label in
//! PER, ORG, LOC, MISC order.

use std::collections::HashMap;

use claimgraph_extract::Input;
use claimgraph_model::{EntityLabel, Mention, MentionSource};

use crate::model::Scored;
use crate::perceptron::N_TAGS;

/// The thresholds of the combination (margins in the model's score units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    pub add: f32,
    /// `f32::INFINITY` never relabels a rule mention.
    pub relabel: f32,
    /// `f32::INFINITY` never drops a rule mention.
    pub drop: f32,
    pub consistency: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        // Measured on the dev sets: adding every tagger name the rules missed helps;
        // relabeling and dropping rule mentions did not, at any margin tried.
        Policy { add: 0.0, relabel: f32::INFINITY, drop: f32::INFINITY, consistency: true }
    }
}

/// The final mentions of a document, sorted and non-overlapping.
pub fn combine(
    input: &Input<'_>,
    policy: &Policy,
    rules: &[Mention],
    tagged: &[Scored],
    emissions: &[[f32; N_TAGS]],
) -> Vec<Mention> {
    // How sure the tagger is that a span is no name: the least, over its tokens, of the
    // score of O minus the best name tag.
    let o_margin = |m: &Mention| -> f32 {
        let first = input.tokens.partition_point(|t| t.span.end <= m.span.start);
        let last = input.tokens.partition_point(|t| t.span.start < m.span.end);
        emissions
            .get(first..last)
            .unwrap_or(&[])
            .iter()
            .map(|e| e[0] - e[1..].iter().copied().fold(f32::NEG_INFINITY, f32::max))
            .fold(f32::INFINITY, f32::min)
    };
    let mut out: Vec<Mention> = Vec::with_capacity(rules.len() + tagged.len());
    for rule in rules {
        let same = tagged.iter().find(|s| s.mention.span == rule.span);
        match same {
            Some(s) if s.mention.label != rule.label && s.label >= policy.relabel => {
                out.push(Mention { source: MentionSource::Tagger, ..s.mention.clone() });
            }
            Some(_) => out.push(rule.clone()),
            None => {
                let overlapped = tagged.iter().any(|s| s.mention.span.overlaps(rule.span));
                if overlapped || o_margin(rule) < policy.drop {
                    out.push(rule.clone());
                }
            }
        }
    }
    for s in tagged {
        if s.name >= policy.add && !rules.iter().any(|r| r.span.overlaps(s.mention.span)) {
            out.push(s.mention.clone());
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    if policy.consistency {
        consistent_labels(input, &mut out);
    }
    out
}

fn consistent_labels(input: &Input<'_>, mentions: &mut [Mention]) {
    let key = |m: &Mention| -> String {
        m.span.slice(input.text).chars().flat_map(char::to_lowercase).collect()
    };
    let mut votes: HashMap<String, [u32; 4]> = HashMap::new();
    for m in mentions.iter() {
        votes.entry(key(m)).or_default()[label_idx(m.label)] += 1;
    }
    for m in mentions.iter_mut() {
        let Some(counts) = votes.get(&key(m)) else { continue };
        let own = counts[label_idx(m.label)];
        if let Some((best, &n)) = counts.iter().enumerate().max_by_key(|(i, n)| (**n, 4 - i))
            && n > own
        {
            m.label = LABELS[best];
        }
    }
}

const LABELS: [EntityLabel; 4] =
    [EntityLabel::Person, EntityLabel::Organization, EntityLabel::Location, EntityLabel::Misc];

fn label_idx(label: EntityLabel) -> usize {
    match label {
        EntityLabel::Person => 0,
        EntityLabel::Organization => 1,
        EntityLabel::Location => 2,
        EntityLabel::Misc => 3,
    }
}
