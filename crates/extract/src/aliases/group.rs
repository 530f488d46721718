//! Union-find over mentions that remembers why each merge happened, and the entities it
//! yields.
//!
//! A link is recorded only when it joins two groups, so the links of an entity form a
//! spanning tree of its mentions: every mention is reachable through reasons, and rules
//! that run later never add redundant links. Rules therefore run from the most specific
//! reason (a definition in the text) to the most general (a similar spelling).

use claimgraph_model::{AliasLink, AliasReason, Entity, EntityLabel, Mention};

/// Groups of mentions joined by alias links.
#[derive(Debug)]
pub(crate) struct Groups {
    parent: Vec<usize>,
    /// Per root: does the group hold a name that is not an acronym?
    long: Vec<bool>,
    links: Vec<AliasLink>,
}

impl Groups {
    /// One group per mention; `long[i]` tells whether mention `i` is not an acronym.
    pub(crate) fn new(long: Vec<bool>) -> Groups {
        Groups { parent: (0..long.len()).collect(), long, links: Vec::new() }
    }

    /// True when the group of `x` holds a name that is not an acronym.
    pub(crate) fn has_long(&mut self, x: usize) -> bool {
        let root = self.find(x);
        self.long.get(root).copied().unwrap_or(false)
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        if x >= self.parent.len() {
            return x;
        }
        while self.parent[x] != x {
            let grand = self.parent[self.parent[x]];
            self.parent[x] = grand;
            x = grand;
        }
        x
    }

    /// Joins the groups of `a` and `b`, recording why; false when they were already one.
    pub(crate) fn link(&mut self, a: usize, b: usize, reason: AliasReason) -> bool {
        let n = self.parent.len();
        if a >= n || b >= n {
            return false;
        }
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        // The earlier root stays the root, so roots are each group's first mention.
        let (keep, merged) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[merged] = keep;
        self.long[keep] |= self.long[merged];
        self.links.push(AliasLink { mention: a.max(b), target: a.min(b), reason });
        true
    }

    /// Builds the entities, in order of their first mention, and sets `Mention::entity`.
    /// `names[i]` is the display name of mention `i`, `acronym[i]` whether it is one.
    pub(crate) fn into_entities(
        mut self,
        mentions: &mut [Mention],
        names: &[String],
        acronym: &[bool],
    ) -> Vec<Entity> {
        let n = mentions.len();
        let mut entity_of_root = vec![usize::MAX; n];
        let mut entities: Vec<Entity> = Vec::new();
        for (idx, mention) in mentions.iter_mut().enumerate() {
            let root = self.find(idx);
            let slot = entity_of_root.get_mut(root);
            let entity = match slot {
                Some(e) if *e != usize::MAX => *e,
                _ => {
                    let e = entities.len();
                    if let Some(slot) = entity_of_root.get_mut(root) {
                        *slot = e;
                    }
                    entities.push(Entity {
                        label: mention.label,
                        name: String::new(),
                        mentions: Vec::new(),
                        links: Vec::new(),
                    });
                    e
                }
            };
            mention.entity = entity;
            if let Some(e) = entities.get_mut(entity) {
                e.mentions.push(idx);
            }
        }
        let links = std::mem::take(&mut self.links);
        for link in links {
            let root = self.find(link.mention);
            if let Some(e) = entity_of_root.get(root).and_then(|&e| entities.get_mut(e)) {
                e.links.push(link);
            }
        }
        for entity in &mut entities {
            entity.links.sort_by_key(|l| (l.mention, l.target));
            let (name_idx, label) = name_and_label(entity, mentions, names, acronym);
            entity.name = names.get(name_idx).cloned().unwrap_or_default();
            entity.label = label;
        }
        entities
    }
}

/// The entity's name (the longest non-acronym name, the first among equals) and its label
/// (the majority among non-acronym mentions, ties going to the name's own label).
fn name_and_label(
    entity: &Entity,
    mentions: &[Mention],
    names: &[String],
    acronym: &[bool],
) -> (usize, EntityLabel) {
    let is_acr = |i: usize| acronym.get(i).copied().unwrap_or(false);
    let all_acronyms = entity.mentions.iter().all(|&i| is_acr(i));
    let long = || entity.mentions.iter().copied().filter(move |&i| all_acronyms || !is_acr(i));
    let length = |i: usize| names.get(i).map_or(0, |s| s.chars().count());
    let mut name_idx = entity.mentions.first().copied().unwrap_or(0);
    for i in long() {
        if length(i) > length(name_idx) || (is_acr(name_idx) && !is_acr(i)) {
            name_idx = i;
        }
    }
    let name_label = mentions.get(name_idx).map_or(entity.label, |m| m.label);
    const LABELS: [EntityLabel; 4] =
        [EntityLabel::Person, EntityLabel::Organization, EntityLabel::Location, EntityLabel::Misc];
    let count = |label: EntityLabel| {
        long().filter(|&i| mentions.get(i).is_some_and(|m| m.label == label)).count()
    };
    let mut best = name_label;
    let mut best_count = count(name_label);
    for label in LABELS {
        let c = count(label);
        if c > best_count {
            best = label;
            best_count = c;
        }
    }
    (name_idx, best)
}
