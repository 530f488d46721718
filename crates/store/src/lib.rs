//! The knowledge store: documents, their entities and claims, kept with provenance and
//! queried in domain terms.
//!
//! [`Store`] is the interface every backend implements (`claimgraph-store-sqlite` is the
//! default); callers (`claimgraph-app`, later the HTTP server) hold a `Box<dyn Store>` or
//! `Arc<dyn Store>` and never see SQL. The trait is synchronous: analysis and ingest are
//! CPU-bound and synchronous, and an async server calls it through `spawn_blocking`
//! (docs/adr/0001-store-interface.md).
//!
//! What a store guarantees, whatever the backend:
//! - a document is keyed by the hash of its text ([`ContentHash`]): the same text is
//!   stored once, enforced by the backend's uniqueness constraint, not by a check first;
//! - [`Store::put_batch`] is one transaction: after a crash either the whole batch is
//!   stored or none of it, so a document is never half-stored;
//! - every fact keeps its provenance: document (publisher, extractor version, ingest
//!   time), byte span in the text, and for claims the relay chain.
//!
//! [`facts::document_facts`] turns an `Analysis` into the facts every backend stores, so
//! backends differ in layout, never in content. The shared test suite is behind the
//! `testing` feature ([`testing::run_suite`]).

pub mod assess;
pub mod dump;
mod error;
pub mod facts;
mod paging;
pub mod similarity;
pub mod snippet;
#[cfg(feature = "testing")]
pub mod testing;
mod types;

pub use assess::{Difference, Reliability};
pub use error::StoreError;
pub use paging::{DocumentText, EntityRecord, PUBLIC_FIGURE_MIN_DOCUMENTS};
pub use types::{
    AliasEvidence, Assessment, ClaimConflict, ClaimMark, ClaimOrigin, ClaimQuery, ClaimRecord,
    ClaimStatus, ContentHash, CopyLink, DateFact, DocumentMeta, DocumentSummary, EntityMerge,
    EntityOccurrence, EntityProfile, EntityRef, HitKind, MentionRef, MergeRequest, NewClaimMark,
    NewDocument, NewRating, OriginKind, PROFILE_CLAIMS, PROFILE_OCCURRENCES, PlaceFact, PutOutcome,
    QuantityFact, Report, SearchHit, SearchQuery, SourceKind, SourceRating, SourceRef,
    SourceSummary, SplitOutcome, SplitRequest, SplitTarget, Stats, StoredDocument,
};

/// A knowledge store. Implementations are shared across threads; writes are serialized
/// by the backend.
/// How many of the newest matches of each kind (documents, claims) a search ranks by
/// relevance, on both backends. Ranking reads each candidate whole (PostgreSQL's
/// `ts_rank` its `tsvector`, FTS5's bm25 its phrase index entries), so this bounds the
/// cost of a word found in most of the store. At 100,000 documents on PostgreSQL, 500
/// rather than 1,000 took the API's search p50 from 28–32 to 21–23 ms and its p95 from
/// 42–50 to 31–43 ms (docs/BENCHMARKS.md, ninth session).
pub const SEARCH_RANKED: usize = 500;

pub trait Store: Send + Sync + std::fmt::Debug {
    /// Stores a batch of analyzed documents in one transaction, skipping texts already
    /// stored (also within the batch). Outcomes are in batch order.
    fn put_batch(&self, batch: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError>;

    /// Which of these texts are already stored. Lets ingest skip analysis of documents
    /// it has seen; correctness does not depend on it ([`Store::put_batch`] checks again).
    fn contains(&self, hashes: &[ContentHash]) -> Result<Vec<bool>, StoreError>;

    /// A document by store id, content hash (or a prefix of at least 8 characters), or
    /// the caller's id. [`StoreError::NotFound`] when nothing matches.
    fn document(&self, key: &str) -> Result<StoredDocument, StoreError>;

    /// Full-text search over document texts and titles and over claims, best first.
    /// Ranking is backend-specific; which documents and claims match is not: every word
    /// must occur, case-insensitively, and punctuation is never query syntax.
    ///
    /// Both backends rank the newest [`SEARCH_RANKED`] matches of each kind (so that a
    /// query answers in bounded time however common its words). Backend differences: SQLite (FTS5,
    /// `unicode61 remove_diacritics 2`) ranks by bm25 and also folds diacritics ("Zürich"
    /// finds "Zurich"); PostgreSQL (`tsvector` with the
    /// `simple` configuration, `plainto_tsquery`) ranks by `ts_rank`, does not fold
    /// diacritics, and splits some tokens differently (it keeps "U.S.", decimals and e-mail
    /// addresses whole, and indexes "re-entry" as well as its parts). Neither stems. Snippets mark matched words with `[` `]` on both,
    /// but cut the excerpt in different places.
    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError>;

    /// The entity that goes by `name` (any of its names, case- and punctuation-
    /// insensitive; the most mentioned when several do). [`StoreError::NotFound`] when none.
    fn entity(&self, name: &str) -> Result<EntityProfile, StoreError>;

    /// Claims matching every given filter, in document then text order.
    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimRecord>, StoreError>;

    /// One claim by its store id. [`StoreError::NotFound`] when there is none.
    fn claim(&self, id: i64) -> Result<ClaimRecord, StoreError>;

    /// Records an analyst's verdict on a claim (confirmed or retracted); the latest
    /// verdict sets the claim's credibility (1 when confirmed, 5 when retracted) and is
    /// shown with who gave it. [`StoreError::NotFound`] when the claim does not exist.
    fn mark_claim(&self, mark: &NewClaimMark) -> Result<ClaimMark, StoreError>;

    /// Publishers and speakers, most claims first.
    fn sources(&self) -> Result<Vec<SourceSummary>, StoreError>;

    fn stats(&self) -> Result<Stats, StoreError>;

    /// Compacts what many small batches left fragmented (full-text index segments, say)
    /// so that reads are fast again; called after an ingest run that stored `n_new`
    /// documents. The backend decides whether that is worth its cost (SQLite rewrites
    /// its full-text indexes when the run added a tenth of the store or more); the
    /// default does nothing.
    fn optimize(&self, n_new: usize) -> Result<(), StoreError> {
        let _ = n_new;
        Ok(())
    }

    /// Records a reliability grade for a source (a publisher, speaker or entity name);
    /// the latest grade applies. [`StoreError::NotFound`] when no source goes by it.
    fn rate_source(&self, rating: &NewRating) -> Result<SourceRating, StoreError>;

    /// Merges one store-wide entity into another, recording who, when and what moved,
    /// so that [`Store::split_entity`] can undo it exactly.
    fn merge_entities(&self, request: &MergeRequest) -> Result<EntityMerge, StoreError>;

    /// Undoes a merge, or moves an entity's occurrences in some documents to a new
    /// entity (a wrong join made at ingest).
    fn split_entity(&self, request: &SplitRequest) -> Result<SplitOutcome, StoreError>;

    // Exports (issue 8): keyset paging, so that an export reads any store in flat memory,
    // and the public-figure mark that redaction reads. Each `*_after` returns up to
    // `limit` records with id greater than `after` (0 for the first page), in id order.

    /// Documents with their texts, in ingest order.
    fn documents_after(&self, after: i64, limit: usize) -> Result<Vec<DocumentText>, StoreError>;

    /// Store-wide entities (those merged away and left empty excluded), in creation order.
    fn entities_after(&self, after: i64, limit: usize) -> Result<Vec<EntityRecord>, StoreError>;

    /// Claims matching every filter of `query` (its `limit` is ignored), in id order: the
    /// claims of a document come together, documents in ingest order.
    fn claims_after(
        &self,
        query: &ClaimQuery,
        after: i64,
        limit: usize,
    ) -> Result<Vec<ClaimRecord>, StoreError>;

    /// Marks the entity that goes by `name` as a public figure (`Some(true)`), as private
    /// (`Some(false)`), or removes the mark (`None`). [`StoreError::NotFound`] when no
    /// entity goes by that name.
    fn mark_public(&self, name: &str, public: Option<bool>) -> Result<EntityRef, StoreError>;
}
