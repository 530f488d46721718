//! Tests of the SQLite store on real database files in temporary directories.
//!
//! One test binary for the crate (STYLE.md convention 8): the shared backend suite, and
//! what only SQLite has (migrations, reopening, schema versions).

mod sqlite;
