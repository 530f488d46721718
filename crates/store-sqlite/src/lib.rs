//! The default knowledge store: one SQLite file, FTS5 for search.
//!
//! [`SqliteStore::open`] creates or opens the file, switches it to write-ahead logging and
//! applies pending migrations (`migrations/NNNN_name.sql`, see `migrate.rs`). WAL with
//! `synchronous = NORMAL` means a killed process never corrupts the database or leaves a
//! half-written transaction; at worst the last committed batches are lost on power failure.
//!
//! One connection behind a mutex serves the whole process: ingest has a single writer
//! (analysis is the parallel part), and the CLI's queries are short. A second connection
//! answers `contains`, so that ingest can check the next batch for known texts while the
//! writer commits the previous one (WAL lets a reader run beside the writer). A server
//! wanting parallel readers can open several stores on the same file.

mod assess;
mod curate;
mod dump;
mod migrate;
mod read;
mod write;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

use claimgraph_store::{
    ClaimQuery, ClaimRecord, ContentHash, EntityMerge, EntityProfile, MergeRequest, NewDocument,
    NewRating, PutOutcome, SearchHit, SearchQuery, SourceRating, SourceSummary, SplitOutcome,
    SplitRequest, Stats, Store, StoreError, StoredDocument,
};

pub use migrate::SCHEMA_VERSION;

/// A claimgraph store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
    /// For `contains` only: sees what is committed, never waits for a writing batch.
    reader: Mutex<Connection>,
    location: String,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let location = path.display().to_string();
        let open_error = |error: rusqlite::Error| StoreError::Open {
            location: location.clone(),
            message: error.to_string(),
        };
        let mut conn = Connection::open(path).map_err(open_error)?;
        // Another process (a second ingest, a server) may hold the write lock briefly.
        conn.busy_timeout(Duration::from_secs(30)).map_err(open_error)?;
        // The first statement that reads the file tells a database from any other file.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_error)?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -65536;
             PRAGMA temp_store = MEMORY;",
        )
        .map_err(open_error)?;
        // Ingest runs some thirty distinct statements per document; the default cache of
        // 16 would evict and re-prepare them on every document.
        conn.set_prepared_statement_cache_capacity(64);
        migrate::migrate(&mut conn, &location)?;
        let reader = Connection::open(path).map_err(open_error)?;
        reader.busy_timeout(Duration::from_secs(30)).map_err(open_error)?;
        Ok(SqliteStore { conn: Mutex::new(conn), reader: Mutex::new(reader), location })
    }

    /// Where the database lives, for messages.
    pub fn location(&self) -> &str {
        &self.location
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open (rusqlite rolls
        // back on drop), so the connection is still usable.
        self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Any SQLite failure that is not the caller's to fix.
pub(crate) fn backend(error: rusqlite::Error) -> StoreError {
    StoreError::Backend(Box::new(error))
}

impl Store for SqliteStore {
    fn put_batch(&self, batch: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError> {
        write::put_batch(&mut self.conn(), batch)
    }

    fn contains(&self, hashes: &[ContentHash]) -> Result<Vec<bool>, StoreError> {
        let reader = self.reader.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        read::contains(&reader, hashes)
    }

    fn document(&self, key: &str) -> Result<StoredDocument, StoreError> {
        read::document(&self.conn(), key)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        read::search(&self.conn(), query)
    }

    fn entity(&self, name: &str) -> Result<EntityProfile, StoreError> {
        read::entity(&self.conn(), name)
    }

    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimRecord>, StoreError> {
        read::claims(&self.conn(), query)
    }

    fn sources(&self) -> Result<Vec<SourceSummary>, StoreError> {
        read::sources(&self.conn())
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        read::stats(&self.conn())
    }

    fn rate_source(&self, rating: &NewRating) -> Result<SourceRating, StoreError> {
        curate::rate_source(&mut self.conn(), rating)
    }

    fn merge_entities(&self, request: &MergeRequest) -> Result<EntityMerge, StoreError> {
        curate::merge_entities(&mut self.conn(), request)
    }

    fn split_entity(&self, request: &SplitRequest) -> Result<SplitOutcome, StoreError> {
        curate::split_entity(&mut self.conn(), request)
    }
}
