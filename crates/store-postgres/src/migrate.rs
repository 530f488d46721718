//! Versioned schema migrations, applied in order when a store is opened (or by
//! `claimgraph migrate`).
//!
//! `schema_version` holds one row per applied migration. A database newer than the
//! migrations this build knows is refused rather than touched. All pending migrations run
//! in one transaction (PostgreSQL's DDL is transactional) that first takes an advisory
//! lock, so several processes opening a new database at once apply them exactly once.

use claimgraph_store::StoreError;

use crate::backend;

/// The migrations, in order; the version of each is its position, starting at 1.
const MIGRATIONS: &[(&str, &str)] = &[
    ("init", include_str!("../migrations/0001_init.sql")),
    ("marks_cues", include_str!("../migrations/0002_marks_cues.sql")),
    ("ingest_costs", include_str!("../migrations/0003_ingest_costs.sql")),
    ("search_word_shares", include_str!("../migrations/0004_search_word_shares.sql")),
    ("entity_counts", include_str!("../migrations/0005_entity_counts.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The advisory lock key that serializes migrations ("claimgraph migrate" in ASCII).
const MIGRATION_LOCK: i64 = 0x6367_6d69_6772_6174;

pub async fn migrate(
    client: &mut deadpool_postgres::Client,
    location: &str,
) -> Result<(), StoreError> {
    // Most opens find the schema current: one read says so, without the lock and the
    // transaction (a command-line query opens a store each time it runs).
    if let Ok(row) =
        client.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[]).await
        && row.get::<_, i64>(0) == SCHEMA_VERSION
    {
        return Ok(());
    }
    let tx = client.transaction().await.map_err(backend)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(backend)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    BIGINT PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at BIGINT NOT NULL
         )",
    )
    .await
    .map_err(backend)?;
    let current: i64 = tx
        .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])
        .await
        .map_err(backend)?
        .get(0);
    if current > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            location: location.to_string(),
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (idx, (name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = idx as i64 + 1;
        tx.batch_execute(sql).await.map_err(backend)?;
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at)
             VALUES ($1, $2, EXTRACT(EPOCH FROM now())::BIGINT)",
            &[&version, name],
        )
        .await
        .map_err(backend)?;
    }
    tx.commit().await.map_err(backend)?;
    Ok(())
}
