//! What goes into a store and what comes out, in domain terms.
//!
//! Records carry their provenance: the document (with publisher, extractor version and
//! ingest time), the byte span in its text, and for claims the relay chain. Identifiers
//! are the store's own integers; `DocumentSummary::hash` is the stable key across stores.

use chrono::NaiveDate;
use claimgraph_model::{Analysis, Document, Span, Stance};
use sha2::{Digest, Sha256};

/// The SHA-256 of a document's text, in lowercase hex: the key that makes ingest
/// idempotent (the same text is stored once, whatever its file name or id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(String);

impl ContentHash {
    pub fn of(text: &str) -> ContentHash {
        let digest = Sha256::digest(text.as_bytes());
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
        }
        ContentHash(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a document came from, beyond what analysis reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentMeta {
    /// Where it was read from on first ingest: a path, `path:line`, or `-`.
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// A document and its analysis, ready to be stored.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub document: Document,
    pub meta: DocumentMeta,
    pub analysis: Analysis,
    /// Which extractor produced the analysis ("claimgraph 0.1.0"), kept with every fact.
    pub extractor_version: String,
    /// When it was ingested, in seconds since the Unix epoch.
    pub ingested_at: i64,
}

impl NewDocument {
    pub fn hash(&self) -> ContentHash {
        ContentHash::of(&self.document.text)
    }
}

/// What storing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new document, with what it added.
    Stored { id: i64, n_claims: usize, n_new_entities: usize },
    /// The same text was already stored under `id`; nothing was written.
    Duplicate { id: i64 },
}

/// A document without its text: enough to cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSummary {
    pub id: i64,
    pub hash: String,
    /// The caller's identifier (file stem, JSONL `id`).
    pub external_id: String,
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<NaiveDate>,
    pub extractor_version: String,
    pub ingested_at: i64,
}

/// A stored document with its text, entities and claims.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    pub summary: DocumentSummary,
    pub text: String,
    pub n_sentences: usize,
    /// The store-wide entities this document mentions, with their mention counts here.
    pub entities: Vec<(EntityRef, usize)>,
    pub claims: Vec<ClaimRecord>,
}

/// A store-wide entity: one thing named across documents.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntityRef {
    pub id: i64,
    pub name: String,
    /// "PER", "ORG", "LOC", "MISC".
    pub label: String,
}

/// Who said something, or relayed it: a name as written, and the entity when resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub name: String,
    pub entity: Option<EntityRef>,
    pub span: Option<Span>,
}

/// A date inside a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    pub text: String,
    /// TIMEX3 value, `None` when unresolved.
    pub value: Option<String>,
    pub end_value: Option<String>,
    pub span: Span,
}

/// A quantity inside a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityFact {
    pub text: String,
    /// "count", "percent", "ordinal", or "money:USD".
    pub kind: String,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub span: Span,
}

/// A place inside a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFact {
    pub text: String,
    /// The gazetteer's name.
    pub name: String,
    pub geonames_id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// 1 exact, 2 near, 3 region.
    pub precision: u8,
    pub span: Span,
}

/// A stored claim with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub id: i64,
    pub document: DocumentSummary,
    /// The content's span in the document text (covering every part).
    pub span: Span,
    pub content: String,
    /// `None` for the publisher's own voice.
    pub source: Option<SourceRef>,
    /// "direct", "indirect", "mixed"; `None` for the publisher's own voice.
    pub form: Option<String>,
    pub cue: Option<String>,
    /// Who relayed it, from the original source outward (the publisher is not included:
    /// it is `document.publisher`).
    pub relays: Vec<SourceRef>,
    /// Entities the claim is about, the subject first when `has_subject`.
    pub about: Vec<EntityRef>,
    pub has_subject: bool,
    pub dates: Vec<DateFact>,
    pub quantities: Vec<QuantityFact>,
    pub places: Vec<PlaceFact>,
    pub hedges: Vec<String>,
    pub negated: bool,
    pub stance: Stance,
}

/// Full-text search over documents and claims.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    /// Words to find; every word must occur (backends may accept richer syntax).
    pub text: String,
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Document,
    Claim,
}

/// One search result, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub kind: HitKind,
    pub document: DocumentSummary,
    pub claim_id: Option<i64>,
    /// A short excerpt around the match, matched words in `[` `]`.
    pub snippet: String,
}

/// Filters for listing claims; all given filters must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimQuery {
    /// The claim is about this entity (any of its names, case-insensitive).
    pub about: Option<String>,
    /// The claim's original source is this entity or name, or, for claims in the
    /// publisher's own voice, this publisher.
    pub by: Option<String>,
    /// The claim's date (the dates it mentions, else its document's date) overlaps these
    /// bounds, inclusive.
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// The claim mentions this place (gazetteer name or text, case-insensitive).
    pub place: Option<String>,
    pub limit: Option<usize>,
}

/// A name an entity goes by, and where that was seen.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasEvidence {
    pub alias: String,
    /// Why this name belongs to the entity in that document: "name" (its full name there)
    /// or an alias reason ("acronym-definition", "short-form", ...).
    pub reason: String,
    pub document_id: i64,
    pub document_external_id: String,
    pub span: Span,
}

/// One document's entity joined to a store-wide entity, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityOccurrence {
    pub document_id: i64,
    pub document_external_id: String,
    /// The entity's name in that document.
    pub name: String,
    pub n_mentions: usize,
    /// The name through which it joined an existing entity, with the document that name
    /// was first seen in; `None` when this occurrence created the entity.
    pub matched_by: Option<(String, i64)>,
}

/// Everything the store knows about one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityProfile {
    pub entity: EntityRef,
    pub aliases: Vec<AliasEvidence>,
    pub occurrences: Vec<EntityOccurrence>,
    pub n_mentions: usize,
    /// Earliest and latest dates of the documents that mention it.
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
    pub claims_by: Vec<ClaimRecord>,
    pub claims_about: Vec<ClaimRecord>,
    /// Other entities that go by the same name (a different label, say).
    pub other_matches: Vec<EntityRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// Publishes documents; the voice of unattributed claims.
    Publisher,
    /// Is quoted or cited inside documents.
    Speaker,
}

/// A source of claims.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSummary {
    pub name: String,
    pub kind: SourceKind,
    pub entity: Option<EntityRef>,
    /// Claims it is the original source of.
    pub n_claims: usize,
    /// Claims it relayed from someone else.
    pub n_relayed: usize,
    pub n_documents: usize,
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
}

/// Counts over the whole store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: usize,
    pub entities: usize,
    pub mentions: usize,
    pub claims: usize,
    pub attributed_claims: usize,
    pub relayed_claims: usize,
    pub publishers: usize,
}
