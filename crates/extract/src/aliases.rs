//! Aliases inside one document: acronyms, "also known as", short forms, spelling variants.
//!
//! Two passes. The first reads tokens around the mentions for aliases the text states
//! (an acronym in parentheses or after a slash, "also known as", an appositive "or") and
//! adds the acronym mentions the recognizer missed. The second compares the names of all
//! mentions through folded keys in hash maps: same name, a person's surname after the full
//! name, an acronym spelling a long form, transliteration variants. A union-find records
//! the link that joins two groups with its reason; each group becomes one entity, named
//! after its longest non-acronym name. Everything is linear in the number of tokens and
//! mentions (plus a bounded acronym check per distinct acronym), and nothing panics.

mod acronyms;
mod discover;
mod group;
mod normalize;
mod rules;

use foldhash::HashMap;

use claimgraph_model::{AliasReason, Entity, Mention, Span};

use crate::{AliasResolver, Input};
use acronyms::is_acronym_text;
use group::Groups;
use rules::Info;

/// Groups mentions into entities by alias rules.
#[derive(Debug, Default)]
pub struct RuleAliases {}

impl RuleAliases {
    pub fn new() -> RuleAliases {
        RuleAliases {}
    }
}

impl AliasResolver for RuleAliases {
    fn resolve(&self, input: &Input<'_>, mentions: &mut Vec<Mention>) -> Vec<Entity> {
        let found = discover::discover(input, mentions);
        if !found.mentions.is_empty() {
            // The first pass only adds mentions over tokens no mention covers, so a sort
            // keeps the list non-overlapping.
            mentions.extend(found.mentions);
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
        }
        let index: HashMap<Span, usize> =
            mentions.iter().enumerate().map(|(idx, m)| (m.span, idx)).collect();
        let infos: Vec<Info> = mentions.iter().map(|m| info(m.span.slice(input.text))).collect();
        let mut groups = Groups::new(infos.iter().map(|i| !i.acronym).collect());

        for (a, b, reason) in found.links {
            if let (Some(&a), Some(&b)) = (index.get(&a), index.get(&b)) {
                groups.link(a, b, reason);
            }
        }
        let short = rules::short_forms(&infos, mentions);
        let is_short: Vec<bool> = short.iter().map(Option::is_some).collect();
        rules::same_name(&infos, mentions, &is_short, &mut groups);
        for (idx, full) in short.iter().enumerate() {
            if let Some(full) = *full {
                groups.link(idx, full, AliasReason::ShortForm);
            }
        }
        rules::acronym_match(&infos, &mut groups);
        rules::transliteration(&infos, mentions, &is_short, &mut groups);

        let names: Vec<String> = infos.iter().map(|i| display_name(&i.text)).collect();
        let acronym: Vec<bool> = infos.iter().map(|i| i.acronym).collect();
        groups.into_entities(mentions, &names, &acronym)
    }
}

fn info(text: &str) -> Info {
    let words = normalize::words(text);
    let acronym = is_acronym_text(text);
    let key = if acronym { words.concat() } else { normalize::key(&words) };
    Info { words, key, acronym, text: text.trim().to_string() }
}

/// A mention's text as an entity name: whitespace collapsed, without a leading "the" or a
/// trailing possessive.
fn display_name(text: &str) -> String {
    let mut name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for article in ["the ", "The ", "THE "] {
        if let Some(rest) = name.strip_prefix(article)
            && !rest.is_empty()
        {
            name = rest.to_string();
            break;
        }
    }
    for possessive in ["'s", "’s"] {
        if let Some(rest) = name.strip_suffix(possessive)
            && !rest.is_empty()
        {
            name = rest.to_string();
            break;
        }
    }
    name
}
