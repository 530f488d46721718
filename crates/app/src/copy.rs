//! `claimgraph copy`: a whole knowledge base from one store into an empty one, SQLite or
//! PostgreSQL either way, without loss: every table's rows with their ids, in dependency
//! order (`claimgraph_store::dump`), then the target rebuilds its search indexes.

use std::path::Path;

use claimgraph_store::dump::{Dump, TABLES};
use claimgraph_store::{Store, StoreError};
use claimgraph_store_postgres::PgStore;
use claimgraph_store_sqlite::SqliteStore;

use crate::postgres_url;

/// A store opened as its concrete backend, for what only backends can do.
#[derive(Debug)]
pub enum Backend {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

impl Backend {
    pub fn open(target: &Path) -> Result<Backend, StoreError> {
        Ok(match postgres_url(target) {
            Some(url) => Backend::Postgres(PgStore::open(url)?),
            None => Backend::Sqlite(SqliteStore::open(target)?),
        })
    }

    pub fn store(&self) -> &dyn Store {
        match self {
            Backend::Sqlite(store) => store,
            Backend::Postgres(store) => store,
        }
    }

    pub fn dump(&self) -> &dyn Dump {
        match self {
            Backend::Sqlite(store) => store,
            Backend::Postgres(store) => store,
        }
    }
}

/// Copies every row of `from` into `to`, which must be empty. Returns the rows copied per
/// table. The source should not be written to meanwhile.
pub fn copy(from: &Path, to: &Path) -> Result<Vec<(&'static str, usize)>, StoreError> {
    let source = Backend::open(from)?;
    let target = Backend::open(to)?;
    let stats = target.store().stats()?;
    if stats.documents > 0 || stats.entities > 0 {
        return Err(StoreError::InvalidQuery(format!(
            "{} is not empty ({} documents, {} entities): copy into a new store",
            crate::store_name(to),
            stats.documents,
            stats.entities
        )));
    }
    let mut copied = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let mut n_rows = 0;
        source.dump().export_table(table, &mut |rows| {
            n_rows += rows.len();
            target.dump().import_rows(table, &rows)
        })?;
        copied.push((table.name, n_rows));
    }
    target.dump().finish_import()?;
    Ok(copied)
}
