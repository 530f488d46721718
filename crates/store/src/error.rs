//! Errors a store can return, split by who can act on them.
//!
//! User errors (an unknown document, a malformed query, a database written by a newer
//! claimgraph) are the caller's to fix and are shown as they are. Internal errors (a
//! failing disk, a corrupt row, a failed migration) are bugs or environment problems and
//! carry the backend's own error as their source.

/// An error from a [`crate::Store`] operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Nothing matches: an unknown document id or entity name. Check the spelling, or
    /// ingest the document first.
    #[error("not found: {0}")]
    NotFound(String),
    /// The query cannot be run as written (a malformed search expression, a bad date).
    /// Fix the query.
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// The database was written by a newer claimgraph whose schema this one does not know.
    /// Upgrade claimgraph; the database is left untouched.
    #[error(
        "{location} has schema version {found}, newer than the {supported} this claimgraph \
         knows; upgrade claimgraph"
    )]
    NewerSchema { location: String, found: i64, supported: i64 },
    /// The database cannot be opened or created (a missing folder, no permission, not a
    /// database file).
    #[error("cannot open {location}: {message}")]
    Open { location: String, message: String },
    /// A stored value breaks an invariant the store relies on. Internal: report it.
    #[error("corrupt store data: {0}")]
    Corrupt(String),
    /// The storage backend failed (I/O error, full disk, locked database). Internal.
    #[error("storage backend failed: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl StoreError {
    /// True for errors the user can fix by changing the request or the environment they
    /// control; false for internal failures.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::NotFound(_)
                | StoreError::InvalidQuery(_)
                | StoreError::NewerSchema { .. }
                | StoreError::Open { .. }
        )
    }
}
