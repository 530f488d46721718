//! A fresh database per test, created through the admin connection that
//! `CLAIMGRAPH_TEST_DATABASE_URL` names and dropped when the test ends; for this crate's
//! tests and those of crates that test against PostgreSQL (behind the `testing` feature).

// Test support: a failed set-up should panic with its message, and a skip says why.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub const ADMIN_URL_VARIABLE: &str = "CLAIMGRAPH_TEST_DATABASE_URL";

/// A database that exists for one test.
#[derive(Debug)]
pub struct TestDatabase {
    admin_url: String,
    pub name: String,
    pub url: String,
}

/// The admin URL, or `None` after saying that the test skipped and why.
pub fn admin_url(test: &str) -> Option<String> {
    match std::env::var(ADMIN_URL_VARIABLE) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            eprintln!(
                "{test}: skipped: {ADMIN_URL_VARIABLE} is not set (set it to an admin \
                 connection such as postgres://postgres@127.0.0.1:5432/postgres to run the \
                 PostgreSQL tests)"
            );
            None
        }
    }
}

fn admin(admin_url: &str, sql: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(admin_url, tokio_postgres::NoTls)
            .await
            .unwrap_or_else(|e| panic!("{ADMIN_URL_VARIABLE}={admin_url}: cannot connect: {e}"));
        let driver = tokio::spawn(connection);
        client.batch_execute(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        drop(client);
        let _ = driver.await;
    });
}

/// The URL of database `name` on the admin connection's server.
fn database_url(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (admin_url, String::new()),
    };
    let after_scheme = base.find("://").map_or(0, |at| at + 3);
    let base = match base[after_scheme..].find('/') {
        Some(slash) => &base[..after_scheme + slash],
        None => base,
    };
    format!("{base}/{name}{query}")
}

impl TestDatabase {
    pub fn create(admin_url: &str) -> TestDatabase {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos();
        let name = format!(
            "claimgraph_test_{}_{}_{}",
            std::process::id(),
            nanos,
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        admin(admin_url, &format!("CREATE DATABASE {name}"));
        TestDatabase { admin_url: admin_url.to_string(), url: database_url(admin_url, &name), name }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        admin(&self.admin_url, &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
    }
}
