//! Tests of the use cases against real stores: concurrent ingests into one PostgreSQL
//! database, and copying a knowledge base SQLite → PostgreSQL → SQLite.
//!
//! The PostgreSQL tests need `CLAIMGRAPH_TEST_DATABASE_URL` (an admin connection; each
//! test creates and drops its own `claimgraph_test_<random>` database). Without it they
//! say that they skipped, and why.

// Test code: failed expectations panic with their message; skips are said on stderr.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod postgres;
