//! Versioned schema migrations, applied in order when a database is opened.
//!
//! `schema_version` holds one row per applied migration. A database newer than the
//! migrations this build knows is refused rather than touched. Each migration runs in its
//! own transaction, so a crash leaves the database at the previous version.

use rusqlite::{Connection, params};

use claimgraph_store::StoreError;

use crate::backend;

/// The migrations, in order; the version of each is its position, starting at 1.
const MIGRATIONS: &[(&str, &str)] = &[
    ("init", include_str!("../migrations/0001_init.sql")),
    ("origins_assessment", include_str!("../migrations/0002_origins_assessment.sql")),
    ("read_indexes", include_str!("../migrations/0003_read_indexes.sql")),
    ("public_figures", include_str!("../migrations/0004_public_figures.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection, location: &str) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at INTEGER NOT NULL
         )",
    )
    .map_err(backend)?;
    let current: i64 = conn
        .query_row("SELECT COALESCE(MAX(version), 0) FROM schema_version", [], |row| row.get(0))
        .map_err(backend)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            location: location.to_string(),
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (idx, (name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = idx as i64 + 1;
        let tx = conn.transaction().map_err(backend)?;
        tx.execute_batch(sql).map_err(backend)?;
        if version == 2 {
            // Version 2 links near-duplicates; documents stored before get their origins
            // now, in ingest order, exactly as if they were ingested again. (Claims stored
            // before stay single reports: their token sets need the analysis.)
            crate::write::backfill_origins(&tx).map_err(backend)?;
        }
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at)
             VALUES (?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))",
            params![version, name],
        )
        .map_err(backend)?;
        tx.commit().map_err(backend)?;
    }
    Ok(())
}
