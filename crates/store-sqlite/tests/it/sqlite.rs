//! The shared store suite on SQLite, plus reopening and schema-version checks.

use claimgraph_store::testing::{Fixture, run_suite};
use claimgraph_store::{Store, StoreError};
use claimgraph_store_sqlite::{SCHEMA_VERSION, SqliteStore};

#[test]
fn sqlite_passes_the_shared_suite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let counter = std::sync::atomic::AtomicUsize::new(0);
    run_suite(|| {
        let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.path().join(format!("suite-{n}.db"));
        Box::new(SqliteStore::open(&path).expect("open store"))
    });
}

#[test]
fn a_reopened_database_keeps_its_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("reopen.db");
    let fixture = Fixture::new("x", "The council met on Monday.");
    {
        let store = SqliteStore::open(&path).expect("open");
        store.put_batch(&[fixture.build()]).expect("put");
    }
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.stats().expect("stats").documents, 1);
    assert_eq!(store.document("x").expect("document").text, "The council met on Monday.");
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("newer.db");
    drop(SqliteStore::open(&path).expect("open"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?1, 'future', 0)",
            [SCHEMA_VERSION + 1],
        )
        .expect("bump version");
    }
    let error = SqliteStore::open(&path).expect_err("refused");
    assert!(matches!(error, StoreError::NewerSchema { .. }), "{error}");
    assert!(error.is_user_error());
    assert!(error.to_string().contains("newer.db"), "names the file: {error}");
}

#[test]
fn a_file_that_is_not_a_database_is_a_user_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "these are my notes, not a database, and they are long enough")
        .expect("write");
    let error = SqliteStore::open(&path).expect_err("refused");
    assert!(matches!(error, StoreError::Open { .. }), "{error}");
    assert!(error.to_string().contains("notes.db"), "names the file: {error}");
}

/// A store written by schema version 1 (before origins) is upgraded in place: its
/// documents get signatures and origins, so copies stored before are linked.
#[test]
fn a_version_1_store_is_upgraded_and_its_copies_linked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.db");
    let story = "Rescue teams worked through the night along the river in Arden, and the main \
        bridge was closed to traffic until further notice while engineers checked the piers.";
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.execute_batch(include_str!("../../migrations/0001_init.sql")).expect("schema 1");
        conn.execute_batch(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
                 applied_at INTEGER NOT NULL);
             INSERT INTO schema_version VALUES (1, 'init', 0);",
        )
        .expect("version 1");
        for (id, text, date) in [
            ("first", story.to_string(), "2021-05-04"),
            ("copy", format!("From our correspondents: {story}"), "2021-05-05"),
        ] {
            conn.execute(
                "INSERT INTO documents (content_hash, external_id, origin, doc_date, text,
                     n_sentences, extractor_version, ingested_at)
                 VALUES (?1, ?2, ?2, ?3, ?4, 1, 'old', 0)",
                rusqlite::params![
                    claimgraph_store::ContentHash::of(&text).as_str(),
                    id,
                    date,
                    text
                ],
            )
            .expect("document");
        }
    }
    let store = SqliteStore::open(&path).expect("upgraded");
    let copy = store.document("copy").expect("copy");
    assert_eq!(copy.copy_of.expect("linked").document.external_id, "first");
    assert_eq!(store.stats().expect("stats").copies, 1);
}
