//! Tests of the PostgreSQL store against a real server.
//!
//! One test binary for the crate (STYLE.md convention 8). The tests need a server: set
//! `CLAIMGRAPH_TEST_DATABASE_URL` to an admin connection (`.ci/run` sets
//! `postgres://postgres@127.0.0.1:5432/postgres` when a server answers there). Each test
//! creates its own database `claimgraph_test_<random>` through it and drops it after;
//! no other database is touched. Without the variable each test says it skipped, and why.

// Test code: failed expectations panic with their message; skips are said on stderr.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod postgres;
