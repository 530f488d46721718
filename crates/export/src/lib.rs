//! Exports of a claimgraph store, and STIX bundles read back.
//!
//! "Here are the store's records, one at a time; write them as STIX 2.1, JSON Lines, CSV
//! or GraphML." Every writer is a pure function over an iterator of [`Record`]s and a
//! `Write`: it keeps one document's claims at a time, plus the ids of the identities and
//! places it has already written (bounded by the number of distinct sources and places,
//! never by the number of claims). Reading the store page by page is the caller's job
//! (`Store::entities_after`, `documents_after`, `claims_after`); [`Record`]s arrive as
//! every entity first, then each document followed by its claims.
//!
//! [`redact::Redactor`] replaces private persons by stable pseudonyms in records before
//! any writer sees them, so every format is redacted the same way. [`stix_import`] reads
//! a bundle (ours or another tool's) back into documents, ratings and marks.
//!
//! Output is deterministic: ids are UUIDv5 over stable keys (content hashes, spans,
//! names), timestamps are stored ingest times, never the clock; the same store exported
//! twice gives the same bytes.

pub mod csv;
pub mod graphml;
pub mod jsonl;
pub mod redact;
pub mod stix;
pub mod stix_import;
pub mod wire;

use claimgraph_store::{ClaimQuery, ClaimRecord, DocumentText, EntityRecord, StoreError};

/// One record of an export, in the order writers expect: all entities, then documents,
/// each with the claims it holds.
#[derive(Debug, Clone)]
pub enum Record {
    Entity(EntityRecord),
    Document(DocumentRecord),
}

/// A document with the exported claims it holds (those matching the export's filters).
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    pub document: DocumentText,
    pub claims: Vec<ClaimRecord>,
    /// Code point offsets of the document's original text, taken before any redaction
    /// changes the text: exported spans always point into the text as stored.
    pub offsets: CharOffsets,
}

impl DocumentRecord {
    pub fn new(document: DocumentText, claims: Vec<ClaimRecord>) -> DocumentRecord {
        let offsets = CharOffsets::new(&document.text);
        DocumentRecord { document, claims, offsets }
    }
}

/// What an export selects and how it marks what it writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportOptions {
    /// Claims must match these filters; documents are exported when they hold a matching
    /// claim (all documents when no filter is given). Entities are always exported whole.
    pub query: ClaimQuery,
    /// The TLP 2.0 marking applied to every object (STIX only).
    pub tlp: Option<Tlp>,
    /// Private persons became pseudonyms (recorded in the output's header where the
    /// format has one).
    pub redacted: bool,
}

impl ExportOptions {
    /// Whether any claim filter is given.
    pub fn filtered(&self) -> bool {
        let query = &self.query;
        query.about.is_some()
            || query.by.is_some()
            || query.since.is_some()
            || query.until.is_some()
            || query.place.is_some()
    }
}

/// Traffic Light Protocol 2.0 levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tlp {
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

impl Tlp {
    /// The level as TLP 2.0 writes it in STIX: "clear", "amber+strict"...
    pub fn as_str(self) -> &'static str {
        match self {
            Tlp::Clear => "clear",
            Tlp::Green => "green",
            Tlp::Amber => "amber",
            Tlp::AmberStrict => "amber+strict",
            Tlp::Red => "red",
        }
    }

    pub fn parse(text: &str) -> Option<Tlp> {
        let lower = text.trim().to_ascii_lowercase();
        let level = lower.strip_prefix("tlp:").unwrap_or(&lower);
        [Tlp::Clear, Tlp::Green, Tlp::Amber, Tlp::AmberStrict, Tlp::Red]
            .into_iter()
            .find(|tlp| tlp.as_str() == level)
    }
}

/// What a writer did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub n_documents: usize,
    pub n_entities: usize,
    pub n_claims: usize,
    /// Objects written besides those (STIX identities, locations, relationships...).
    pub n_other: usize,
}

/// An export that could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed (a full disk, a closed pipe).
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Maps byte offsets of one text to code point offsets in O(1) each.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// `None` for ASCII text, where both offsets agree.
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n_chars = 0u32;
        for (byte_idx, ch) in text.char_indices() {
            for slot in &mut table[byte_idx..byte_idx + ch.len_utf8()] {
                *slot = n_chars;
            }
            n_chars += 1;
        }
        table[text.len()] = n_chars;
        CharOffsets { table: Some(table) }
    }

    pub fn char_offset(&self, byte_offset: usize) -> usize {
        match &self.table {
            None => byte_offset,
            Some(table) => table.get(byte_offset).copied().unwrap_or(0) as usize,
        }
    }
}

/// Seconds since the Unix epoch as a STIX timestamp, precise to the millisecond.
pub fn timestamp(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}
