//! Redaction of private persons: every name of a person who is not a public figure
//! (`EntityRecord::is_public`) becomes a stable pseudonym such as "Person-7f3a2c", in
//! every field of every record, free text included (claim content, span texts, document
//! texts and titles, assessment explanations).
//!
//! The pseudonym is a hash of the person's normalized name, so the same person gets the
//! same pseudonym in every export of every store, and nothing in the output lets the
//! name be recovered short of guessing it. Names (each as written and in capitals, as
//! headlines write them) are replaced where they stand as whole words, longest first
//! ("Jane Roe" before "Roe"). A name that is also a capitalized word elsewhere is
//! replaced there too: redaction errs on the side of hiding. Offsets are left as they
//! are: they point into the stored, unredacted text.
//!
//! The redactor holds the names of the private persons (bounded by the number of
//! entities, not of claims); it is built in a first pass over the entities.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use claimgraph_store::facts::normalize_name;
use claimgraph_store::{ClaimRecord, DocumentSummary, EntityRecord, EntityRef, SourceRef};
use sha2::{Digest, Sha256};

use crate::Record;

/// The pseudonym of a person, from their canonical name.
pub fn pseudonym(name: &str) -> String {
    let digest = Sha256::digest(format!("claimgraph person|{}", normalize_name(name)).as_bytes());
    let hex: String = digest.iter().take(3).map(|byte| format!("{byte:02x}")).collect();
    format!("Person-{hex}")
}

/// Names of private persons, and what replaces them.
#[derive(Debug, Default)]
pub struct Redactor {
    by_entity: HashMap<i64, String>,
    /// Names to replace, in the order of `automaton`'s patterns, with their pseudonyms.
    names: Vec<(String, String)>,
    automaton: Option<AhoCorasick>,
}

impl Redactor {
    pub fn new() -> Redactor {
        Redactor::default()
    }

    /// Takes in one entity: a private person's names will be replaced.
    pub fn add(&mut self, record: &EntityRecord) {
        if record.is_public() {
            return;
        }
        let alias = pseudonym(&record.entity.name);
        self.by_entity.insert(record.entity.id, alias.clone());
        for name in record.names.iter().chain(std::iter::once(&record.entity.name)) {
            let name = name.trim();
            if name.chars().filter(|ch| ch.is_alphanumeric()).count() >= 2 {
                self.names.push((name.to_string(), alias.clone()));
                // Headlines and datelines write names in capitals.
                let upper = name.to_uppercase();
                if upper != name {
                    self.names.push((upper, alias.clone()));
                }
            }
        }
        self.automaton = None;
    }

    /// How many private persons are redacted.
    pub fn n_private(&self) -> usize {
        self.by_entity.len()
    }

    /// Prepares the replacement of every name taken in; call after the last `add`.
    pub fn finish(mut self) -> Redactor {
        // Longest first, so that a full name wins over its short form at one position.
        self.names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        self.names.dedup_by(|a, b| a.0 == b.0);
        if !self.names.is_empty() {
            self.automaton = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(self.names.iter().map(|(name, _)| name.as_str()))
                .ok();
        }
        self
    }

    /// `text` with every private name that stands as a whole word replaced.
    pub fn text(&self, text: &str) -> String {
        let Some(automaton) = &self.automaton else { return text.to_string() };
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for found in automaton.find_iter(text) {
            let before = text[..found.start()].chars().next_back();
            let after = text[found.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            out.push_str(&text[copied..found.start()]);
            out.push_str(&self.names[found.pattern().as_usize()].1);
            copied = found.end();
        }
        out.push_str(&text[copied..]);
        out
    }

    fn in_place(&self, text: &mut String) {
        if self.automaton.is_some() {
            *text = self.text(text);
        }
    }

    fn optional(&self, text: &mut Option<String>) {
        if let Some(text) = text {
            self.in_place(text);
        }
    }

    fn entity_ref(&self, entity: &mut EntityRef) {
        match self.by_entity.get(&entity.id) {
            Some(alias) => entity.name = alias.clone(),
            None => self.in_place(&mut entity.name),
        }
    }

    fn source(&self, source: &mut SourceRef) {
        match source.entity.as_mut() {
            Some(entity) if self.by_entity.contains_key(&entity.id) => {
                self.entity_ref(entity);
                source.name = entity.name.clone();
            }
            Some(entity) => {
                self.entity_ref(entity);
                self.in_place(&mut source.name);
            }
            None => self.in_place(&mut source.name),
        }
    }

    fn summary(&self, summary: &mut DocumentSummary) {
        self.in_place(&mut summary.external_id);
        self.in_place(&mut summary.origin);
        self.optional(&mut summary.title);
        self.optional(&mut summary.url);
        self.optional(&mut summary.author);
        self.optional(&mut summary.publisher);
    }

    pub fn claim(&self, claim: &mut ClaimRecord) {
        self.summary(&mut claim.document);
        self.in_place(&mut claim.content);
        if let Some(source) = claim.source.as_mut() {
            self.source(source);
        }
        self.optional(&mut claim.cue);
        claim.relays.iter_mut().for_each(|relay| self.source(relay));
        claim.about.iter_mut().for_each(|entity| self.entity_ref(entity));
        for date in &mut claim.dates {
            self.in_place(&mut date.text);
        }
        for quantity in &mut claim.quantities {
            self.in_place(&mut quantity.text);
            self.optional(&mut quantity.unit);
        }
        for place in &mut claim.places {
            self.in_place(&mut place.text);
            self.in_place(&mut place.name);
        }
        claim.hedges.iter_mut().for_each(|hedge| self.in_place(hedge));
        let assessment = &mut claim.assessment;
        for origin in &mut assessment.origins {
            match origin.entity.as_mut() {
                Some(entity) if self.by_entity.contains_key(&entity.id) => {
                    self.entity_ref(entity);
                    origin.name = entity.name.clone();
                }
                Some(entity) => {
                    self.entity_ref(entity);
                    self.in_place(&mut origin.name);
                }
                None => self.in_place(&mut origin.name),
            }
            self.in_place(&mut origin.why);
            for report in &mut origin.reports {
                self.in_place(&mut report.document_external_id);
                report.relayed_by.iter_mut().for_each(|name| self.in_place(name));
                if let Some((_, external)) = report.copy_of.as_mut() {
                    self.in_place(external);
                }
            }
        }
        for conflict in &mut assessment.conflicts {
            self.in_place(&mut conflict.document_external_id);
            self.in_place(&mut conflict.content);
            self.in_place(&mut conflict.origin);
            for difference in &mut conflict.differences {
                self.in_place(&mut difference.detail);
            }
        }
        if let Some(rating) = assessment.reliability.as_mut() {
            self.in_place(&mut rating.name);
            self.in_place(&mut rating.by);
        }
        self.in_place(&mut assessment.credibility_reason);
    }

    pub fn entity(&self, record: &mut EntityRecord) {
        match self.by_entity.get(&record.entity.id) {
            Some(alias) => {
                record.entity.name = alias.clone();
                record.names = vec![alias.clone()];
            }
            None => {
                self.in_place(&mut record.entity.name);
                record.names.iter_mut().for_each(|name| self.in_place(name));
            }
        }
    }

    /// Redacts a record in place.
    pub fn record(&self, record: &mut Record) {
        match record {
            Record::Entity(entity) => self.entity(entity),
            Record::Document(document) => {
                self.summary(&mut document.document.summary);
                self.in_place(&mut document.document.text);
                document.claims.iter_mut().for_each(|claim| self.claim(claim));
            }
        }
    }
}
