//! Use cases shared by the `claimgraph` command and the (later) HTTP server: reading
//! documents, ingesting them into a store, opening the store (SQLite file or PostgreSQL
//! URL).
//!
//! This is the only crate that knows both the pipeline and the store. It does no
//! printing: progress and failures go to an [`ingest::IngestObserver`].

pub mod copy;
mod formats;
pub mod ingest;
pub mod input;

use std::path::Path;

use claimgraph_store::{Store, StoreError};
use claimgraph_store_postgres::PgStore;
use claimgraph_store_sqlite::SqliteStore;

pub use claimgraph_store_postgres::redact;

/// Opens (creating if needed) the store `target` names: a PostgreSQL database for a
/// `postgres://` (or `postgresql://`) URL, else a SQLite file at that path.
pub fn open_store(target: &Path) -> Result<Box<dyn Store>, StoreError> {
    match postgres_url(target) {
        Some(url) => Ok(Box::new(PgStore::open(url)?)),
        None => Ok(Box::new(SqliteStore::open(target)?)),
    }
}

/// The URL when `target` names a PostgreSQL database.
pub fn postgres_url(target: &Path) -> Option<&str> {
    target.to_str().filter(|text| claimgraph_store_postgres::is_postgres_url(text))
}

/// How to name `target` in messages: a URL without its password, or the path.
pub fn store_name(target: &Path) -> String {
    match postgres_url(target) {
        Some(url) => redact(url),
        None => target.display().to_string(),
    }
}

/// Opens the store `target` names, applying any pending schema migrations, and returns
/// the backend's name and the schema version it is now at (`claimgraph migrate`).
pub fn migrate_store(target: &Path) -> Result<(&'static str, i64), StoreError> {
    match postgres_url(target) {
        Some(url) => Ok(("postgresql", PgStore::open(url)?.schema_version()?)),
        None => {
            SqliteStore::open(target)?;
            Ok(("sqlite", claimgraph_store_sqlite::SCHEMA_VERSION))
        }
    }
}
