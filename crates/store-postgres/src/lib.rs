//! The team knowledge store: PostgreSQL, tsvector search, versioned migrations.
//!
//! [`PgStore::open`] connects to the database a `postgres://` URL names, applies pending
//! migrations (`migrations/NNNN_name.sql`, see `migrate.rs`) and answers the synchronous
//! [`Store`] trait. Inside, it holds its own tokio runtime and a `deadpool-postgres` pool
//! of `tokio-postgres` connections; each trait call runs its queries on that runtime with
//! `block_on`. So callers must not call it from async code directly: the CLI calls it from
//! plain threads and the server from `spawn_blocking`, as with SQLite. Several calls may
//! run at once, each on its own pooled connection.
//!
//! Semantics are the SQLite store's, fact for fact (the shared suite checks it):
//! - documents are unique by content hash (`INSERT ... ON CONFLICT DO NOTHING`), so two
//!   ingests of the same file, even at the same moment, store it once;
//! - entity resolution and the near-duplicate and claim-cluster matching read what earlier
//!   documents wrote, so write transactions take one transaction-scoped advisory lock
//!   (`write.rs` explains why): analysis stays parallel, writes are applied in some order
//!   exactly as one ingest would apply them, and the unique keys on content hashes and
//!   entity names stay the guarantee;
//! - search uses `tsvector` columns with GIN indexes and `plainto_tsquery` (every word must
//!   occur, punctuation is never syntax); ranking is `ts_rank`, not SQLite's bm25.
//!
//! Errors name the database by its URL without the password (`redact`).

mod assess;
mod curate;
mod dump;
mod export;
mod migrate;
mod read;
#[cfg(feature = "testing")]
pub mod testing;
mod tls;
mod write;

use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Timeouts};
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use claimgraph_store::facts::{self, DocumentFacts};
use claimgraph_store::{
    ClaimMark, ClaimQuery, ClaimRecord, ContentHash, DocumentText, EntityMerge, EntityProfile,
    EntityRecord, EntityRef, MergeRequest, NewClaimMark, NewDocument, NewRating, PutOutcome,
    SearchHit, SearchQuery, SourceRating, SourceSummary, SplitOutcome, SplitRequest, Stats, Store,
    StoreError, StoredDocument,
};

pub use migrate::SCHEMA_VERSION;

/// A transaction on a pooled connection: every store operation runs in one.
pub(crate) type Tx<'a> = deadpool_postgres::Transaction<'a>;

/// Parameters of a query.
pub(crate) type Params<'a> = [&'a (dyn ToSql + Sync)];

/// A claimgraph store in a PostgreSQL database.
#[derive(Debug)]
pub struct PgStore {
    /// `None` only while dropping (see `Drop`).
    runtime: Option<tokio::runtime::Runtime>,
    pool: Pool,
    location: String,
}

/// True when `target` names a PostgreSQL database rather than a file.
pub fn is_postgres_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// The URL without its password, for messages: `postgres://user:secret@host/db` becomes
/// `postgres://user@host/db`; a `password=` query parameter is dropped too.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split_once(':').map_or(user_info, |(user, _)| user);
            format!("{user}@{host}")
        }
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> =
                query.split('&').filter(|pair| !pair.starts_with("password=")).collect();
            if kept.is_empty() { path.to_string() } else { format!("{path}?{}", kept.join("&")) }
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user[:password]@host[:port]/db`),
    /// creating the schema or bringing it up to date. A server that does not answer, a
    /// refused login or a missing database is [`StoreError::Open`], naming the URL without
    /// its password.
    pub fn open(url: &str) -> Result<PgStore, StoreError> {
        let location = redact(url);
        let open_error = |message: String| StoreError::Open { location: location.clone(), message };
        let (url_without_tls, encryption) = tls::split_url(url).map_err(&open_error)?;
        let mut config = tokio_postgres::Config::from_str(&url_without_tls)
            .map_err(|error| open_error(format!("not a PostgreSQL URL: {error}")))?;
        let (connector, ssl_mode) =
            encryption.connector(encryption.mode_for(config.get_hosts())).map_err(&open_error)?;
        config.ssl_mode(ssl_mode);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("claimgraph");
        }
        // A current-thread runtime: the thread that calls the store drives the connection
        // itself, so each round trip costs no hand-over to a worker thread. Concurrent
        // callers (the server's blocking pool) take turns driving it.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| open_error(format!("cannot start the async runtime: {error}")))?;
        let manager = Manager::from_config(
            config,
            connector,
            ManagerConfig { recycling_method: RecyclingMethod::Fast },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .map_err(|error| open_error(format!("cannot build the connection pool: {error}")))?;
        let store = PgStore { runtime: Some(runtime), pool, location: location.clone() };
        store.block_on(async {
            let mut client =
                store.pool.get().await.map_err(|error| open_error(describe(&error)))?;
            migrate::migrate(&mut client, &location).await
        })?;
        Ok(store)
    }

    /// Applies pending migrations and returns the schema version before and after
    /// (`claimgraph migrate`). [`PgStore::open`] already did; this reports it.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.read(async |tx| {
            let row = one(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version", &[]).await?;
            Ok(row.get::<_, i64>(0))
        })
    }

    /// Where the database lives, without the password, for messages.
    pub fn location(&self) -> &str {
        &self.location
    }

    fn block_on<T>(&self, future: impl Future<Output = T>) -> T {
        match &self.runtime {
            Some(runtime) => runtime.block_on(future),
            None => unreachable!("the runtime is only taken while dropping"),
        }
    }

    /// Runs `work` in a read-only transaction that sees one snapshot.
    fn read<T>(
        &self,
        work: impl AsyncFnOnce(&Tx<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.block_on(async {
            let mut client = self.client().await?;
            let tx = read_only(&mut client).await?;
            let result = work(&tx).await?;
            tx.commit().await.map_err(backend)?;
            Ok(result)
        })
    }

    /// Runs `first` in a read-only transaction, then `rest` on it and on a second one, on
    /// another connection, that sees the same snapshot (the first exports it, the second
    /// adopts it), so that the server can run two statements of one answer at once. The
    /// second connection is taken (for a command-line query: made) while `first` runs;
    /// when the pool has none to spare, `rest` gets the first transaction twice.
    fn read_pair<A, T>(
        &self,
        first: impl AsyncFnOnce(&Tx<'_>) -> Result<A, StoreError>,
        rest: impl AsyncFnOnce(&Tx<'_>, &Tx<'_>, A) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.block_on(async {
            let mut client = self.client().await?;
            let begin = async {
                let tx = read_only(&mut client).await?;
                let snapshot: String =
                    tx.query_one("SELECT pg_export_snapshot()", &[]).await.map_err(backend)?.get(0);
                let found = first(&tx).await?;
                Ok::<_, StoreError>((tx, snapshot, found))
            };
            // The second connection only if one is free or can be made at once: a caller
            // that waited for it while holding the first could wait forever, once every
            // connection is held by callers waiting for a second. Without it, both halves
            // run on the first, in turn.
            let no_wait = Timeouts { wait: Some(Duration::ZERO), ..Timeouts::default() };
            let (other, begun) = tokio::join!(self.pool.timeout_get(&no_wait), begin);
            let (tx, snapshot, found) = begun?;
            let Ok(mut other) = other else {
                let result = rest(&tx, &tx, found).await?;
                tx.commit().await.map_err(backend)?;
                return Ok(result);
            };
            // A snapshot id is hexadecimal digits and dashes ("00000003-0000001B-1").
            if !snapshot.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
                return Err(StoreError::Corrupt(format!("unexpected snapshot id {snapshot:?}")));
            }
            let other_tx = read_only(&mut other).await?;
            other_tx
                .batch_execute(&format!("SET TRANSACTION SNAPSHOT '{snapshot}'"))
                .await
                .map_err(backend)?;
            let result = rest(&tx, &other_tx, found).await?;
            other_tx.commit().await.map_err(backend)?;
            tx.commit().await.map_err(backend)?;
            Ok(result)
        })
    }

    /// Runs `work` in a read-write transaction, committed when it succeeds.
    fn write<T>(
        &self,
        work: impl AsyncFnOnce(&Tx<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.block_on(async {
            let mut client = self.client().await?;
            let tx = client.transaction().await.map_err(backend)?;
            write::lock_writers(&tx).await?;
            let result = work(&tx).await?;
            tx.commit().await.map_err(backend)?;
            Ok(result)
        })
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, StoreError> {
        self.pool.get().await.map_err(|error| StoreError::Open {
            location: self.location.clone(),
            message: describe(&error),
        })
    }
}

/// Starts a read-only transaction that sees one snapshot throughout.
async fn read_only(client: &mut deadpool_postgres::Client) -> Result<Tx<'_>, StoreError> {
    client
        .build_transaction()
        .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await
        .map_err(backend)
}

impl Drop for PgStore {
    fn drop(&mut self) {
        // Dropping a runtime blocks until its tasks stop, which panics inside async code
        // (a server dropping its last handle to the store); shutting down in the
        // background never blocks.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// What went wrong connecting, in words: the server's own message for a refused login or
/// a missing database, the socket error for a server that does not answer.
fn describe(error: &deadpool_postgres::PoolError) -> String {
    use deadpool_postgres::PoolError;
    match error {
        PoolError::Backend(error) => {
            if let Some(db) = error.as_db_error() {
                return format!("the server refused: {} ({})", db.message(), db.code().code());
            }
            let mut message = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            format!("cannot connect: {message}")
        }
        other => format!("cannot get a connection: {other}"),
    }
}

/// Any PostgreSQL failure that is not the caller's to fix.
pub(crate) fn backend(error: tokio_postgres::Error) -> StoreError {
    StoreError::Backend(Box::new(error))
}

/// Rows of a statement prepared once per connection.
pub(crate) async fn rows(
    tx: &Tx<'_>,
    sql: &str,
    params: &Params<'_>,
) -> Result<Vec<Row>, StoreError> {
    let statement = tx.prepare_cached(sql).await.map_err(backend)?;
    tx.query(&statement, params).await.map_err(backend)
}

pub(crate) async fn one(tx: &Tx<'_>, sql: &str, params: &Params<'_>) -> Result<Row, StoreError> {
    let statement = tx.prepare_cached(sql).await.map_err(backend)?;
    tx.query_one(&statement, params).await.map_err(backend)
}

pub(crate) async fn opt(
    tx: &Tx<'_>,
    sql: &str,
    params: &Params<'_>,
) -> Result<Option<Row>, StoreError> {
    let statement = tx.prepare_cached(sql).await.map_err(backend)?;
    tx.query_opt(&statement, params).await.map_err(backend)
}

pub(crate) async fn exec(tx: &Tx<'_>, sql: &str, params: &Params<'_>) -> Result<u64, StoreError> {
    let statement = tx.prepare_cached(sql).await.map_err(backend)?;
    tx.execute(&statement, params).await.map_err(backend)
}

impl Store for PgStore {
    fn put_batch(&self, batch: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError> {
        // The facts are computed before the write lock is taken: that is CPU work which
        // concurrent ingests can do side by side.
        let prepared: Vec<(&NewDocument, DocumentFacts)> = batch
            .iter()
            .map(|new| (new, facts::document_facts(&new.document, &new.analysis)))
            .collect();
        let outcomes = self.write(async |tx| write::put_batch(tx, &prepared).await)?;
        self.block_on(async {
            let client = self.client().await?;
            write::analyze_when_grown(&client).await
        })?;
        Ok(outcomes)
    }

    /// Vacuums the tables that entity profiles read from their indexes alone. Index-only
    /// scans skip the table only for pages the visibility map marks all-visible, which
    /// only `VACUUM` does: autovacuum would, a while after, but some servers run without
    /// it, and a profile read before it runs fetches every row from the table.
    fn optimize(&self, n_new: usize) -> Result<(), StoreError> {
        if n_new == 0 {
            return Ok(());
        }
        self.block_on(async {
            let client = self.client().await?;
            for statement in write::VACUUM_AFTER_INGEST {
                client.batch_execute(statement).await.map_err(backend)?;
            }
            Ok(())
        })
    }

    fn contains(&self, hashes: &[ContentHash]) -> Result<Vec<bool>, StoreError> {
        self.read(async |tx| read::contains(tx, hashes).await)
    }

    fn document(&self, key: &str) -> Result<StoredDocument, StoreError> {
        self.read(async |tx| read::document(tx, key).await)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        // Documents and claims are searched at once, one on each transaction.
        self.read_pair(
            async |tx| read::search_plan(tx, query).await,
            async |first, second, plan| match plan {
                Some(plan) => read::search_run(first, second, &plan).await,
                None => Ok(Vec::new()),
            },
        )
    }

    fn entity(&self, name: &str) -> Result<EntityProfile, StoreError> {
        self.read(async |tx| read::entity(tx, name).await)
    }

    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimRecord>, StoreError> {
        self.read(async |tx| read::claims(tx, query).await)
    }

    fn sources(&self) -> Result<Vec<SourceSummary>, StoreError> {
        self.read(async |tx| read::sources(tx).await)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        self.read(async |tx| read::stats(tx).await)
    }

    fn rate_source(&self, rating: &NewRating) -> Result<SourceRating, StoreError> {
        self.write(async |tx| curate::rate_source(tx, rating).await)
    }

    fn merge_entities(&self, request: &MergeRequest) -> Result<EntityMerge, StoreError> {
        self.write(async |tx| curate::merge_entities(tx, request).await)
    }

    fn split_entity(&self, request: &SplitRequest) -> Result<SplitOutcome, StoreError> {
        self.write(async |tx| curate::split_entity(tx, request).await)
    }

    fn claim(&self, id: i64) -> Result<ClaimRecord, StoreError> {
        self.read(async |tx| read::claim(tx, id).await)
    }

    fn mark_claim(&self, mark: &NewClaimMark) -> Result<ClaimMark, StoreError> {
        self.write(async |tx| export::mark_claim(tx, mark).await)
    }

    fn documents_after(&self, after: i64, limit: usize) -> Result<Vec<DocumentText>, StoreError> {
        self.read(async |tx| export::documents_after(tx, after, limit).await)
    }

    fn entities_after(&self, after: i64, limit: usize) -> Result<Vec<EntityRecord>, StoreError> {
        self.read(async |tx| export::entities_after(tx, after, limit).await)
    }

    fn claims_after(
        &self,
        query: &ClaimQuery,
        after: i64,
        limit: usize,
    ) -> Result<Vec<ClaimRecord>, StoreError> {
        self.read(async |tx| export::claims_after(tx, query, after, limit).await)
    }

    fn mark_public(&self, name: &str, public: Option<bool>) -> Result<EntityRef, StoreError> {
        self.write(async |tx| export::mark_public(tx, name, public).await)
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact("postgres://u:secret@h:5432/db"), "postgres://u@h:5432/db");
        assert_eq!(
            redact("postgresql://u@h/db?password=x&sslmode=disable"),
            "postgresql://u@h/db?sslmode=disable"
        );
        assert_eq!(redact("postgres://h/db?password=x"), "postgres://h/db");
        assert_eq!(redact("postgres://u:p%40ss@h"), "postgres://u@h");
    }
}
