//! The default knowledge store: one SQLite file, FTS5 for search.
//!
//! [`SqliteStore::open`] creates or opens the file, switches it to write-ahead logging and
//! applies pending migrations (`migrations/NNNN_name.sql`, see `migrate.rs`). WAL with
//! `synchronous = NORMAL` means a killed process never corrupts the database or leaves a
//! half-written transaction; at worst the last committed batches are lost on power failure.
//!
//! One connection behind a mutex writes (ingest has a single writer: analysis is the
//! parallel part; ratings, merges and splits are rare). Reads go to a small pool of
//! read connections ([`ReaderPool`]): WAL lets them run beside each other and beside the
//! writer, so a server answers as many queries at once as it has cores, and ingest can
//! check the next batch for known texts while the writer commits the previous one.

mod assess;
mod curate;
mod dump;
mod export;
mod migrate;
mod read;
mod write;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

use claimgraph_store::{
    ClaimMark, ClaimQuery, ClaimRecord, ContentHash, DocumentText, EntityMerge, EntityProfile,
    EntityRecord, EntityRef, MergeRequest, NewClaimMark, NewDocument, NewRating, PutOutcome,
    SearchHit, SearchQuery, SourceRating, SourceSummary, SplitOutcome, SplitRequest, Stats, Store,
    StoreError, StoredDocument,
};

pub use migrate::SCHEMA_VERSION;

/// A claimgraph store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
    /// For every read: sees what is committed, never waits for a writing batch.
    readers: ReaderPool,
    location: String,
}

/// Read connections, each behind its own lock; a read takes the first free one, or waits
/// for the next in turn when all are busy.
#[derive(Debug)]
struct ReaderPool {
    connections: Vec<Mutex<Reader>>,
    next: AtomicUsize,
}

/// Plans that do not depend on the values bound to a statement (SQLite's query planner
/// stability guarantee). Without it SQLite marks some parameters (a `LIMIT ?`, an `= ?`
/// it estimates by value) so that binding a new value re-prepares the whole statement:
/// that was 10-15% of an export's and an entity page's time, re-parsing the same SQL.
fn stable_plans(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// A read connection and what it remembers between reads.
#[derive(Debug)]
pub(crate) struct Reader {
    conn: Connection,
    cache: read::ReadCache,
}

impl std::ops::Deref for Reader {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.conn
    }
}

impl ReaderPool {
    fn open(
        path: &Path,
        size: usize,
        open_error: impl Fn(rusqlite::Error) -> StoreError,
    ) -> Result<ReaderPool, StoreError> {
        let mut connections = Vec::with_capacity(size);
        for _ in 0..size.max(1) {
            let reader = Connection::open(path).map_err(&open_error)?;
            reader.busy_timeout(Duration::from_secs(30)).map_err(&open_error)?;
            reader
                // Memory-mapped reads share the operating system's page cache instead of
                // copying each page into the connection's own cache.
                .execute_batch(
                    "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;
                     PRAGMA mmap_size = 268435456;",
                )
                .map_err(&open_error)?;
            reader.set_prepared_statement_cache_capacity(64);
            stable_plans(&reader).map_err(&open_error)?;
            connections
                .push(Mutex::new(Reader { conn: reader, cache: read::ReadCache::default() }));
        }
        Ok(ReaderPool { connections, next: AtomicUsize::new(0) })
    }

    fn get(&self) -> MutexGuard<'_, Reader> {
        for reader in &self.connections {
            if let Ok(guard) = reader.try_lock() {
                return guard;
            }
        }
        let turn = self.next.fetch_add(1, Ordering::Relaxed) % self.connections.len();
        // A panic while reading leaves nothing half-done on a read connection.
        self.connections[turn].lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
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
            // The writer keeps the indexes it updates in a 384 MB page cache (a store of a
            // million claims has some 500 MB of them) and checkpoints the log every 1 GB
            // rather than every 4 MB. Ingest rewrites the same index pages (LSH bands land
            // all over their B-trees) in every batch; a long log copies each such page into
            // the database once per checkpoint rather than once per batch. At 100,000
            // documents the two took ingest from 340 to 515 documents/s (docs/BENCHMARKS.md);
            // the log is at most about 1 GB on disk and is removed when the store closes.
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -393216;
             PRAGMA wal_autocheckpoint = 262144;
             PRAGMA temp_store = MEMORY;",
        )
        .map_err(open_error)?;
        // Ingest runs some thirty distinct statements per document; the default cache of
        // 16 would evict and re-prepare them on every document.
        conn.set_prepared_statement_cache_capacity(64);
        stable_plans(&conn).map_err(open_error)?;
        migrate::migrate(&mut conn, &location)?;
        // Enough readers for every core to answer a query, and one for ingest's checks.
        let n_readers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8) + 1;
        let readers = ReaderPool::open(path, n_readers, open_error)?;
        Ok(SqliteStore { conn: Mutex::new(conn), readers, location })
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
        read::contains(&self.readers.get(), hashes)
    }

    fn document(&self, key: &str) -> Result<StoredDocument, StoreError> {
        read::document(&self.readers.get(), key)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        let mut reader = self.readers.get();
        let Reader { conn, cache } = &mut *reader;
        read::search_cached(conn, cache, query)
    }

    fn entity(&self, name: &str) -> Result<EntityProfile, StoreError> {
        let mut reader = self.readers.get();
        let Reader { conn, cache } = &mut *reader;
        read::entity(conn, cache, name)
    }

    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimRecord>, StoreError> {
        read::claims(&self.readers.get(), query)
    }

    fn claim(&self, id: i64) -> Result<ClaimRecord, StoreError> {
        read::claim(&self.readers.get(), id)
    }

    fn mark_claim(&self, mark: &NewClaimMark) -> Result<ClaimMark, StoreError> {
        curate::mark_claim(&self.conn(), mark)
    }

    fn sources(&self) -> Result<Vec<SourceSummary>, StoreError> {
        read::sources(&self.readers.get())
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        read::stats(&self.readers.get())
    }

    fn optimize(&self, n_new: usize) -> Result<(), StoreError> {
        let conn = self.conn();
        let n_documents: i64 = conn
            .query_row("SELECT COUNT(*) FROM documents", [], |row| row.get(0))
            .map_err(backend)?;
        if (n_new as i64).saturating_mul(10) < n_documents {
            // FTS5's own incremental merging keeps a small addition fast enough.
            return Ok(());
        }
        // Merges each full-text index into one segment (a second or two per 100,000
        // documents here). No ANALYZE: with value statistics (STAT4) SQLite re-plans a
        // statement on every run when its bound values might change the plan, which costs
        // more than the plans it could improve here (the indexes fit every query).
        conn.execute_batch(
            "INSERT INTO documents_fts (documents_fts) VALUES ('optimize');
             INSERT INTO claims_fts (claims_fts) VALUES ('optimize');",
        )
        .map_err(backend)
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

    fn documents_after(&self, after: i64, limit: usize) -> Result<Vec<DocumentText>, StoreError> {
        export::documents_after(&self.readers.get(), after, limit)
    }

    fn entities_after(&self, after: i64, limit: usize) -> Result<Vec<EntityRecord>, StoreError> {
        export::entities_after(&self.readers.get(), after, limit)
    }

    fn claims_after(
        &self,
        query: &ClaimQuery,
        after: i64,
        limit: usize,
    ) -> Result<Vec<ClaimRecord>, StoreError> {
        read::claims_after(&self.readers.get(), query, after, limit)
    }

    fn mark_public(&self, name: &str, public: Option<bool>) -> Result<EntityRef, StoreError> {
        export::mark_public(&self.conn(), name, public)
    }
}
