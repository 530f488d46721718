//! Aliases inside one document: acronyms, "also known as", short forms, spelling variants.

use claimgraph_model::{Entity, Mention};

use crate::{AliasResolver, Input};

/// Groups mentions into entities by alias rules.
#[derive(Debug, Default)]
pub struct RuleAliases {}

impl RuleAliases {
    pub fn new() -> RuleAliases {
        RuleAliases {}
    }
}

impl AliasResolver for RuleAliases {
    fn resolve(&self, _input: &Input<'_>, mentions: &mut Vec<Mention>) -> Vec<Entity> {
        mentions
            .iter_mut()
            .enumerate()
            .map(|(idx, mention)| {
                mention.entity = idx;
                Entity {
                    label: mention.label,
                    name: String::new(),
                    mentions: vec![idx],
                    links: Vec::new(),
                }
            })
            .collect()
    }
}
