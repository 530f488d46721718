//! What goes into a store and what comes out, in domain terms.
//!
//! Records carry their provenance: the document (with publisher, extractor version and
//! ingest time), the byte span in its text, and for claims the relay chain. Identifiers
//! are the store's own integers; `DocumentSummary::hash` is the stable key across stores.

use chrono::NaiveDate;
use claimgraph_model::{Analysis, Document, Span, Stance};
use sha2::{Digest, Sha256};

use crate::assess::{Difference, Reliability};

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
    /// Every mention of those entities, in text order.
    pub mentions: Vec<MentionRef>,
    pub claims: Vec<ClaimRecord>,
    /// The original when this document is a near-duplicate (a syndicated or lightly
    /// edited copy) of an earlier one.
    pub copy_of: Option<CopyLink>,
    /// The documents that are copies of this one, when it is an original.
    pub copies: Vec<CopyLink>,
}

/// A near-duplicate relation: the other document, and the evidence that joined them.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyLink {
    pub document: DocumentSummary,
    /// The estimated Jaccard similarity of word shingles with `matched_document_id`, the
    /// stored document the copy was matched to (the original, or another copy of it).
    pub similarity: f64,
    pub matched_document_id: Option<i64>,
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
    /// Where the cue is in the document text; `None` for claims stored before schema 3.
    pub cue_span: Option<Span>,
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
    /// Corroboration, contradiction and the Admiralty grades.
    pub assessment: Assessment,
    /// Analysts' verdicts on the claim, oldest first; the latest stands.
    pub marks: Vec<ClaimMark>,
}

/// An analyst's verdict on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    /// Checked against independent evidence and found true.
    Confirmed,
    /// Withdrawn by its source, or shown false.
    Retracted,
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Confirmed => "confirmed",
            ClaimStatus::Retracted => "retracted",
        }
    }

    pub fn parse(text: &str) -> Option<ClaimStatus> {
        match text.trim().to_ascii_lowercase().as_str() {
            "confirmed" | "confirm" => Some(ClaimStatus::Confirmed),
            "retracted" | "retract" => Some(ClaimStatus::Retracted),
            _ => None,
        }
    }
}

/// A stored verdict: who marked the claim, when and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMark {
    pub id: i64,
    pub claim_id: i64,
    pub status: ClaimStatus,
    pub by: String,
    /// Seconds since the Unix epoch.
    pub at: i64,
    pub note: Option<String>,
}

/// A request to mark a claim confirmed or retracted.
#[derive(Debug, Clone, PartialEq)]
pub struct NewClaimMark {
    pub claim_id: i64,
    pub status: ClaimStatus,
    pub by: String,
    pub at: i64,
    pub note: Option<String>,
}

/// An entity's mention in a document's text.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRef {
    pub entity: EntityRef,
    pub span: Span,
}

/// How a claim stands against the other reports of the same event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assessment {
    /// The claim cluster: every report of the same claim has the same cluster id.
    pub cluster: i64,
    /// The independent origins reporting the claim, each with its reports.
    pub origins: Vec<ClaimOrigin>,
    /// Reports of the same event that differ on figures, dates, places or polarity.
    pub conflicts: Vec<ClaimConflict>,
    /// Independent origins among the conflicting reports.
    pub n_against: usize,
    /// The reliability given to the claim's own origin (`Store::rate_source`), if any.
    pub reliability: Option<SourceRating>,
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    pub credibility: u8,
    pub credibility_reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginKind {
    /// An attributed claim's original source (relays and publishers pass it on).
    Source,
    /// The publisher of the original document, for claims in the publisher's own voice.
    Publisher,
    /// The original document itself, when it names no publisher.
    Document,
}

/// One independent origin of a claim and the reports that go back to it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimOrigin {
    pub kind: OriginKind,
    pub name: String,
    pub entity: Option<EntityRef>,
    pub reports: Vec<Report>,
    /// Why these reports count once: "said by X", "copies of document d".
    pub why: String,
}

/// One document's report of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub claim_id: i64,
    pub document_id: i64,
    pub document_external_id: String,
    /// Who passed the statement on, from the original source outward.
    pub relayed_by: Vec<String>,
    /// The original document (store id, caller's id) when the report is in a copy.
    pub copy_of: Option<(i64, String)>,
}

/// A report of the same event that disagrees.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimConflict {
    pub claim_id: i64,
    pub document_external_id: String,
    pub content: String,
    /// Its origin (the source, publisher or document it goes back to).
    pub origin: String,
    pub differences: Vec<Difference>,
}

/// A reliability grade given to a source by a person.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRating {
    /// The source as the rater named it.
    pub name: String,
    pub reliability: Reliability,
    pub by: String,
    /// Seconds since the Unix epoch.
    pub at: i64,
}

/// A request to grade a source (`claimgraph rate SOURCE B`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewRating {
    /// A publisher, speaker or entity name.
    pub source: String,
    pub reliability: Reliability,
    pub by: String,
    pub at: i64,
}

/// A manual merge of two store-wide entities, undone by a split.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMerge {
    pub id: i64,
    pub into: EntityRef,
    /// The entity merged away (kept, empty, so that a split restores it).
    pub merged: EntityRef,
    /// The documents whose occurrences moved, by the caller's id.
    pub documents: Vec<String>,
    pub by: String,
    pub at: i64,
    pub reason: Option<String>,
    pub undone_at: Option<i64>,
}

/// Merge the entity named `from` into the one named `into`.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeRequest {
    pub into: String,
    pub from: String,
    pub by: String,
    pub at: i64,
    pub reason: Option<String>,
}

/// What to split off an entity.
#[derive(Debug, Clone, PartialEq)]
pub enum SplitTarget {
    /// Undo the merge that brought in the entity of this name (or this merge id).
    Merged(String),
    MergeId(i64),
    /// Move the entity's occurrences in these documents (caller's ids, store numbers or
    /// hash prefixes) to a new entity.
    Documents(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SplitRequest {
    pub entity: String,
    pub target: SplitTarget,
    pub by: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SplitOutcome {
    pub kept: EntityRef,
    pub split_off: EntityRef,
    pub documents: Vec<String>,
    pub undid_merge: Option<i64>,
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

/// How many claims an [`EntityProfile`] lists in each of `claims_by` and `claims_about`,
/// and how many occurrences: a profile answers at once however famous the entity;
/// [`Store::claims`](crate::Store::claims) with `by`/`about` lists them all.
pub const PROFILE_CLAIMS: usize = 25;
pub const PROFILE_OCCURRENCES: usize = 100;

/// Everything the store knows about one entity, with its longest lists cut to their
/// newest items ([`PROFILE_CLAIMS`], [`PROFILE_OCCURRENCES`]) and counted in full.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityProfile {
    pub entity: EntityRef,
    /// Each name it goes by, once per reason, with the first document that showed it.
    pub aliases: Vec<AliasEvidence>,
    /// Its occurrences in documents, newest first.
    pub occurrences: Vec<EntityOccurrence>,
    pub n_documents: usize,
    pub n_mentions: usize,
    /// Earliest and latest dates of the documents that mention it.
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
    /// Claims it is the original source of, newest document first.
    pub claims_by: Vec<ClaimRecord>,
    pub n_claims_by: usize,
    /// Claims about it, newest document first.
    pub claims_about: Vec<ClaimRecord>,
    pub n_claims_about: usize,
    /// Other entities that go by the same name (a different label, say).
    pub other_matches: Vec<EntityRef>,
    /// Manual merges into this entity and splits from it, oldest first.
    pub merges: Vec<EntityMerge>,
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
    /// The latest reliability grade given to it.
    pub rating: Option<SourceRating>,
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
    /// Documents that are near-duplicates of an earlier one.
    pub copies: usize,
    /// Claims reported by more than one independent origin.
    pub corroborated_claims: usize,
    /// Pairs of reports of the same event that conflict.
    pub conflicts: usize,
}
