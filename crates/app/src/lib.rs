//! Use cases shared by the `claimgraph` command and the (later) HTTP server: reading
//! documents, ingesting them into a store, opening the store.
//!
//! This is the only crate that knows both the pipeline and the store. It does no
//! printing: progress and failures go to an [`ingest::IngestObserver`].

mod formats;
pub mod ingest;
pub mod input;

use std::path::Path;

use claimgraph_store::{Store, StoreError};
use claimgraph_store_sqlite::SqliteStore;

/// Opens (creating if needed) the store at `path`: today always a SQLite file.
pub fn open_store(path: &Path) -> Result<Box<dyn Store>, StoreError> {
    Ok(Box::new(SqliteStore::open(path)?))
}
