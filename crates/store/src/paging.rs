//! What exports read from a store, a page at a time.
//!
//! Exports must run in flat memory however large the store is, so they read through
//! keyset paging: each call returns the records whose id follows `after`, in id order, and
//! the caller passes the last id it saw to get the next page. Ids are the store's ingest
//! order, so the claims of one document come together and documents come in the order
//! they were stored.

use crate::types::{DocumentSummary, EntityRef};

/// How many documents a person must be mentioned in to count as a public figure when
/// nobody marked them (`claimgraph entity public`). See [`EntityRecord::is_public`].
pub const PUBLIC_FIGURE_MIN_DOCUMENTS: usize = 3;

/// A stored document with its text, without its claims.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentText {
    pub summary: DocumentSummary,
    pub text: String,
    pub n_sentences: usize,
}

/// A store-wide entity with the facts exports need.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRecord {
    pub entity: EntityRef,
    /// Every distinct name it goes by in the store's documents, in order of first use
    /// (the canonical name is `entity.name`, which is usually the first).
    pub names: Vec<String>,
    pub n_mentions: usize,
    pub n_documents: usize,
    /// The ingest time of the first document that mentions it (seconds since the Unix
    /// epoch): a stable creation time for exports, unlike "now".
    pub first_ingested_at: i64,
    /// A person's mark: `Some(true)` marked a public figure, `Some(false)` marked private,
    /// `None` not marked (the default rule decides).
    pub public_mark: Option<bool>,
}

impl EntityRecord {
    /// Whether the entity may be named in a redacted export. Only people are ever
    /// private. A mark decides when there is one; otherwise a person is public when
    /// mentioned in at least [`PUBLIC_FIGURE_MIN_DOCUMENTS`] documents: officials,
    /// spokespeople and politicians recur across reports, while a witness or a victim
    /// is named once or twice.
    pub fn is_public(&self) -> bool {
        if self.entity.label != "PER" {
            return true;
        }
        self.public_mark.unwrap_or(self.n_documents >= PUBLIC_FIGURE_MIN_DOCUMENTS)
    }
}
