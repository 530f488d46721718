//! The shared store suite on PostgreSQL, plus what only a server has: URLs, passwords,
//! servers that do not answer, schema versions.

use claimgraph_store::testing::{Fixture, run_suite};
use claimgraph_store::{Store, StoreError};
use claimgraph_store_postgres::{PgStore, SCHEMA_VERSION};

use claimgraph_store_postgres::testing::{TestDatabase, admin_url};

#[test]
fn postgres_passes_the_shared_suite() {
    let Some(admin) = admin_url("postgres_passes_the_shared_suite") else { return };
    let databases = std::sync::Mutex::new(Vec::new());
    run_suite(|| {
        let database = TestDatabase::create(&admin);
        let store = PgStore::open(&database.url).expect("open store");
        databases.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(database);
        Box::new(store)
    });
}

#[test]
fn a_reopened_database_keeps_its_documents_and_schema() {
    let Some(admin) = admin_url("a_reopened_database_keeps_its_documents_and_schema") else {
        return;
    };
    let database = TestDatabase::create(&admin);
    let fixture = Fixture::new("x", "The council met on Monday.");
    {
        let store = PgStore::open(&database.url).expect("open");
        store.put_batch(&[fixture.build()]).expect("put");
    }
    let store = PgStore::open(&database.url).expect("reopen");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert_eq!(store.stats().expect("stats").documents, 1);
    assert_eq!(store.document("x").expect("document").text, "The council met on Monday.");
}

#[test]
fn a_server_that_does_not_answer_is_a_clear_error() {
    // Port 1 on loopback: nothing listens there. No server is needed for this test.
    let url = "postgres://claimgraph:hunter2@127.0.0.1:1/nowhere";
    let error = PgStore::open(url).expect_err("nothing listens on port 1");
    assert!(matches!(error, StoreError::Open { .. }), "{error}");
    assert!(error.is_user_error());
    let message = error.to_string();
    assert!(message.contains("postgres://claimgraph@127.0.0.1:1/nowhere"), "names it: {message}");
    assert!(!message.contains("hunter2"), "never shows the password: {message}");
    assert!(message.contains("cannot connect"), "says what failed: {message}");
}

#[test]
fn a_malformed_url_is_a_clear_error() {
    let error = PgStore::open("postgres://u:secret@host:notaport/db").expect_err("bad port");
    assert!(matches!(error, StoreError::Open { .. }), "{error}");
    assert!(!error.to_string().contains("secret"), "{error}");
}

#[test]
fn a_wrong_password_or_missing_database_is_a_clear_error() {
    let Some(admin) = admin_url("a_wrong_password_or_missing_database_is_a_clear_error") else {
        return;
    };
    let database = TestDatabase::create(&admin);
    let missing = database.url.replace(&database.name, &format!("{}_missing", database.name));
    let error = PgStore::open(&missing).expect_err("no such database");
    assert!(matches!(error, StoreError::Open { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains(&format!("{}_missing", database.name)), "names it: {message}");
    assert!(message.contains("does not exist"), "says why: {message}");
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let Some(admin) = admin_url("a_newer_schema_is_refused_untouched") else { return };
    let database = TestDatabase::create(&admin);
    drop(PgStore::open(&database.url).expect("open"));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, connection) =
            tokio_postgres::connect(&database.url, tokio_postgres::NoTls).await.unwrap();
        let driver = tokio::spawn(connection);
        client
            .execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES ($1, 'future', 0)",
                &[&(SCHEMA_VERSION + 1)],
            )
            .await
            .unwrap();
        drop(client);
        let _ = driver.await;
    });
    let error = PgStore::open(&database.url).expect_err("refused");
    assert!(matches!(error, StoreError::NewerSchema { .. }), "{error}");
    assert!(error.to_string().contains(&database.name), "names the database: {error}");
}

/// The server calls stores from `spawn_blocking`; the store's own runtime must work there,
/// and dropping the store inside async code must not panic.
#[test]
fn the_store_works_from_spawn_blocking_and_drops_inside_async_code() {
    let Some(admin) = admin_url("the_store_works_from_spawn_blocking") else { return };
    let database = TestDatabase::create(&admin);
    let store: std::sync::Arc<dyn Store> =
        std::sync::Arc::new(PgStore::open(&database.url).expect("open"));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async move {
        let reader = store.clone();
        let stats = tokio::task::spawn_blocking(move || reader.stats()).await.unwrap().unwrap();
        assert_eq!(stats.documents, 0);
        drop(store);
    });
}

/// Two entities of one document that share a name are one store-wide entity, created
/// once (the second joins the name the first claimed, as on SQLite).
#[test]
fn entities_of_one_document_sharing_a_name_are_created_once() {
    use claimgraph_model::{AliasReason, EntityLabel};
    let Some(admin) = admin_url("entities_of_one_document_sharing_a_name") else { return };
    let database = TestDatabase::create(&admin);
    let store = PgStore::open(&database.url).expect("open");
    let mut fixture = Fixture::new("twice", "Acme Corp grew. Later, Acme Corp shrank.");
    fixture.entities = vec![
        (EntityLabel::Organization, vec![("Acme Corp", AliasReason::SameName)]),
        (EntityLabel::Organization, vec![("Acme Corp", AliasReason::SameName)]),
    ];
    let outcome = store.put_batch(&[fixture.build()]).expect("stored");
    assert!(
        matches!(outcome[0], claimgraph_store::PutOutcome::Stored { n_new_entities: 1, .. }),
        "{outcome:?}"
    );
    let stats = store.stats().expect("stats");
    assert_eq!((stats.entities, stats.mentions), (1, 2));
    assert_eq!(store.entity("Acme Corp").expect("entity").occurrences.len(), 2);
}

/// Once the writer has analyzed the store, search reads rare words through the GIN index
/// and common ones newest first (read.rs, `newest_first`): both find the same documents
/// as before any statistics existed.
#[test]
fn search_finds_the_same_matches_with_and_without_statistics() {
    use claimgraph_store::{HitKind, SearchQuery};
    let Some(admin) = admin_url("search_finds_the_same_matches") else { return };
    let database = TestDatabase::create(&admin);
    let store = PgStore::open(&database.url).expect("open");
    let put = |from: usize, to: usize| {
        let batch: Vec<_> = (from..to)
            .map(|n| {
                let rare = if n % 25 == 0 { " A zebra escaped." } else { "" };
                let text = format!("Report {n}: the minister said prices rose.{rare}");
                Fixture::new(&format!("r{n}"), &text).build()
            })
            .collect();
        store.put_batch(&batch).expect("put");
    };
    let documents = |text: &str| -> Vec<String> {
        let hits =
            store.search(&SearchQuery { text: text.to_string(), limit: 50 }).expect("search");
        let mut found: Vec<String> = hits
            .into_iter()
            .filter(|hit| hit.kind == HitKind::Document)
            .map(|hit| hit.document.external_id)
            .collect();
        found.sort();
        found
    };
    // Fewer documents than the writer analyzes at: no statistics yet.
    put(0, 100);
    assert_eq!(documents("zebra"), ["r0", "r25", "r50", "r75"]);
    assert_eq!(documents("minister said").len(), 50);
    // Past it: the batch is followed by ANALYZE, and the words' shares are known.
    put(100, 300);
    let expected: Vec<String> = (0..300).step_by(25).map(|n| format!("r{n}")).collect();
    let mut expected = expected;
    expected.sort();
    assert_eq!(documents("zebra"), expected);
    assert_eq!(documents("minister said").len(), 50);
    assert_eq!(documents("zebra minister"), expected);
    // The writer's ANALYZE and `optimize` both leave the shares where search reads them.
    let minister = "SELECT share::FLOAT8 FROM search_word_shares
                    WHERE table_name = 'documents' AND word = 'minister'";
    assert_eq!(query_f64(&database.url, minister), 1.0);
    run_sql(&database.url, "DELETE FROM search_word_shares");
    store.optimize(200).expect("optimize");
    assert_eq!(query_f64(&database.url, minister), 1.0);
}

/// Runs `sql` (several statements) on the database at `url`.
fn run_sql(url: &str, sql: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, connection) =
            tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("connect");
        let driver = tokio::spawn(connection);
        client.batch_execute(sql).await.expect("run SQL");
        drop(client);
        let _ = driver.await;
    });
}

/// The one value that `sql` selects, on the database at `url`.
fn query_value<T: for<'a> tokio_postgres::types::FromSql<'a>>(url: &str, sql: &str) -> T {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, connection) =
            tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("connect");
        let driver = tokio::spawn(connection);
        let value: T = client.query_one(sql, &[]).await.expect("run SQL").get(0);
        drop(client);
        let _ = driver.await;
        value
    })
}

fn query_f64(url: &str, sql: &str) -> f64 {
    query_value(url, sql)
}

/// Search ranks the newest `SEARCH_RANKED` matches. A word in 8% of 100,000 documents is
/// read through a window of the newest ids; when the window holds fewer matches than that
/// (the word stopped occurring), the older ones must still be found, exactly as reading
/// every match would.
#[test]
fn search_reads_past_a_window_that_holds_too_few_matches() {
    use claimgraph_store::{HitKind, SearchQuery};
    let Some(admin) = admin_url("search_reads_past_a_window") else { return };
    let database = TestDatabase::create(&admin);
    let store = PgStore::open(&database.url).expect("open");
    // "zebra" in every tenth document up to id 80,000 and in none after; "yak" in every
    // twelfth document throughout (its window holds enough).
    run_sql(
        &database.url,
        "INSERT INTO documents (id, content_hash, external_id, origin, text, n_sentences,
             extractor_version, ingested_at)
         SELECT n, md5(n::TEXT), 'd' || n, 'test',
             'Report ' || n || CASE WHEN n % 10 = 0 AND n <= 80000 THEN ' zebra' ELSE '' END
                 || CASE WHEN n % 12 = 5 THEN ' yak' ELSE '' END,
             1, 'test', 0
         FROM generate_series(1, 100000) n;
         ANALYZE documents;
         SELECT refresh_search_word_shares();",
    );
    // The shares that make "zebra" (8% of the documents) a window of about
    // 2 × SEARCH_RANKED / 8% = 25 × SEARCH_RANKED ids below 100,000, which holds fewer
    // than SEARCH_RANKED zebras (none at all for 500) as long as SEARCH_RANKED < 1,333.
    let zebra_share = query_f64(
        &database.url,
        "SELECT share::FLOAT8 FROM search_word_shares
         WHERE table_name = 'documents' AND word = 'zebra'",
    );
    assert!((0.06..0.10).contains(&zebra_share), "zebra share {zebra_share}");
    let ids = |text: &str| -> Vec<i64> {
        let hits =
            store.search(&SearchQuery { text: text.to_string(), limit: 50 }).expect("search");
        let mut found: Vec<i64> = hits
            .into_iter()
            .filter(|hit| hit.kind == HitKind::Document)
            .map(|hit| hit.document.external_id[1..].parse().unwrap())
            .collect();
        found.sort_unstable();
        found
    };
    // Every match ranks the same: the best 50 of the newest SEARCH_RANKED are the 50
    // lowest ids among them. "zebra" is in 80,000, 79,990, ...; "yak" in 99,989 (n % 12
    // = 5), 99,977, ...
    let ranked = claimgraph_store::SEARCH_RANKED as i64;
    assert!((500..1333).contains(&ranked), "the zebra window must fall short");
    let lowest_zebra = 80_000 - 10 * (ranked - 1);
    let zebra: Vec<i64> = (0..50).map(|n| lowest_zebra + 10 * n).collect();
    assert_eq!(ids("zebra"), zebra);
    let lowest_yak = 99_989 - 12 * (ranked - 1);
    let yak: Vec<i64> = (0..50).map(|n| lowest_yak + 12 * n).collect();
    assert_eq!(ids("yak"), yak);
}

/// A search reads documents and claims on two connections at once. They must see one
/// snapshot: a document and its claims are written in one transaction, so a search finds
/// both or neither, however the reads and the writes interleave.
#[test]
fn a_search_during_writes_sees_documents_and_claims_of_one_snapshot() {
    use std::collections::BTreeSet;
    use std::sync::atomic::{AtomicBool, Ordering};

    use claimgraph_store::testing::FixtureClaim;
    use claimgraph_store::{HitKind, SearchQuery};
    let Some(admin) = admin_url("a_search_during_writes") else { return };
    let database = TestDatabase::create(&admin);
    drop(PgStore::open(&database.url).expect("create the schema"));
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let writer = PgStore::open(&database.url).expect("open");
            for n in 0..150 {
                let mut fixture =
                    Fixture::new(&format!("q{n}"), &format!("Report {n}. Quokka numbers rose."));
                fixture.claims.push(FixtureClaim {
                    content: "Quokka numbers rose",
                    ..FixtureClaim::default()
                });
                writer.put_batch(&[fixture.build()]).expect("put");
            }
            done.store(true, Ordering::SeqCst);
        });
        let reader = PgStore::open(&database.url).expect("open");
        let mut searches = 0;
        let mut last = 0;
        while !done.load(Ordering::SeqCst) || searches == 0 {
            let query = SearchQuery { text: "quokka".to_string(), limit: 1000 };
            let hits = reader.search(&query).expect("search");
            let found = |kind: HitKind| -> BTreeSet<String> {
                hits.iter()
                    .filter(|hit| hit.kind == kind)
                    .map(|hit| hit.document.external_id.clone())
                    .collect()
            };
            let documents = found(HitKind::Document);
            assert_eq!(documents, found(HitKind::Claim), "search {searches}");
            assert!(documents.len() >= last, "a later search found fewer: {documents:?}");
            last = documents.len();
            searches += 1;
        }
    });
}

/// A search takes a second pooled connection when one is free. Many searches at once,
/// more than the pool has connections, must all finish: none may hold one connection
/// while it waits for another that the others hold.
#[test]
fn more_searches_at_once_than_the_pool_has_connections_all_finish() {
    use std::sync::{Barrier, mpsc};
    use std::time::Duration;

    use claimgraph_store::SearchQuery;
    let Some(admin) = admin_url("more_searches_at_once") else { return };
    let database = TestDatabase::create(&admin);
    let store = std::sync::Arc::new(PgStore::open(&database.url).expect("open"));
    store
        .put_batch(&[Fixture::new("n1", "The council said quokka numbers rose.").build()])
        .expect("put");
    const SEARCHES: usize = 48;
    let barrier = std::sync::Arc::new(Barrier::new(SEARCHES));
    let (done, finished) = mpsc::channel();
    for _ in 0..SEARCHES {
        let (store, barrier, done) = (store.clone(), barrier.clone(), done.clone());
        std::thread::spawn(move || {
            barrier.wait();
            let query = SearchQuery { text: "quokka".to_string(), limit: 10 };
            done.send(store.search(&query).map(|hits| hits.len())).ok();
        });
    }
    for n in 0..SEARCHES {
        let found = finished
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("{n} of {SEARCHES} searches finished within a minute"));
        assert_eq!(found.expect("search"), 1);
    }
}

/// An entity's totals counted from every row, as a profile gave them before
/// `entity_counts` (migration 5): mentions, documents, first and last date, claims it is
/// the source of, claims that name it.
fn counted_totals(url: &str, entity_id: i64) -> Vec<f64> {
    let sql = |expr: &str| format!("SELECT ({expr})::FLOAT8");
    [
        format!("SELECT COALESCE(SUM(n_mentions), 0) FROM entity_occurrences WHERE entity_id = {entity_id}"),
        format!("SELECT COUNT(DISTINCT document_id) FROM entity_occurrences WHERE entity_id = {entity_id}"),
        format!("SELECT COALESCE(MIN(doc_date) - DATE '2000-01-01', -1) FROM entity_occurrences WHERE entity_id = {entity_id}"),
        format!("SELECT COALESCE(MAX(doc_date) - DATE '2000-01-01', -1) FROM entity_occurrences WHERE entity_id = {entity_id}"),
        format!("SELECT COUNT(*) FROM claims WHERE source_entity_id = {entity_id}"),
        format!("SELECT COUNT(DISTINCT claim_id) FROM claim_entities WHERE entity_id = {entity_id}"),
    ]
    .iter()
    .map(|query| query_f64(url, &sql(query)))
    .collect()
}

fn profile_totals(store: &PgStore, name: &str) -> (i64, Vec<f64>) {
    let profile = store.entity(name).expect("profile");
    let days = |day: Option<chrono::NaiveDate>| {
        day.map_or(-1.0, |day| {
            (day - chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()).num_days() as f64
        })
    };
    let totals = vec![
        profile.n_mentions as f64,
        profile.n_documents as f64,
        days(profile.first_seen),
        days(profile.last_seen),
        profile.n_claims_by as f64,
        profile.n_claims_about as f64,
    ];
    (profile.entity.id, totals)
}

/// Profiles read an entity's totals from `entity_counts` up to a watermark and count the
/// rest: after an ingest that `optimize` summed, after one it did not, and after a merge
/// and a split that move rows on both sides of the watermark, every total is the one
/// counted from every row.
#[test]
fn entity_totals_kept_below_the_watermark_match_a_full_count() {
    use claimgraph_model::{AliasReason::SameName, EntityLabel::Organization};
    use claimgraph_store::testing::FixtureClaim;
    use claimgraph_store::{MergeRequest, SplitRequest, SplitTarget};
    let Some(admin) = admin_url("entity_totals_kept_below_the_watermark") else { return };
    let database = TestDatabase::create(&admin);
    let store = PgStore::open(&database.url).expect("open");
    let report = |n: usize, speaker: &'static str, day: u32| {
        let text =
            format!("{speaker} said Zenith Mining cut 40 jobs. Zenith Mining denied it ({n}).");
        let mut fixture = Fixture::new(&format!("d{n}"), &text);
        fixture.date = chrono::NaiveDate::from_ymd_opt(2021, 3, day);
        fixture.entities = vec![
            (Organization, vec![(speaker, SameName)]),
            (Organization, vec![("Zenith Mining", SameName), ("Zenith Mining", SameName)]),
        ];
        fixture.claims = vec![FixtureClaim {
            source: Some(0),
            content: "Zenith Mining cut 40 jobs",
            cue: Some("said"),
            ..FixtureClaim::default()
        }];
        fixture.build()
    };
    let check = |names: &[&str]| {
        for name in names {
            let (id, totals) = profile_totals(&store, name);
            assert_eq!(totals, counted_totals(&database.url, id), "{name}");
        }
    };
    let names = ["Acme Union", "Acme Workers Union", "Zenith Mining"];
    store.put_batch(&[report(1, "Acme Union", 5), report(2, "Acme Union", 9)]).expect("put");
    store.put_batch(&[report(3, "Acme Workers Union", 2)]).expect("put");
    store.optimize(3).expect("optimize");
    let kept = query_f64(&database.url, "SELECT COUNT(*)::FLOAT8 FROM entity_counts");
    assert_eq!(kept, 3.0, "optimize keeps the totals of the three entities");
    check(&names);
    // Above the watermark: counted live, added to the kept totals.
    store
        .put_batch(&[report(4, "Acme Union", 20), report(5, "Acme Workers Union", 1)])
        .expect("put");
    check(&names);
    // The kept part is short of the total: the live count is what completes it.
    let (union_id, union) = profile_totals(&store, "Acme Union");
    let kept_documents = query_f64(
        &database.url,
        &format!("SELECT n_documents::FLOAT8 FROM entity_counts WHERE entity_id = {union_id}"),
    );
    assert_eq!((kept_documents, union[1]), (2.0, 3.0));
    let (_, zenith) = profile_totals(&store, "Zenith Mining");
    assert_eq!(zenith, vec![10.0, 5.0, 7730.0, 7749.0, 0.0, 5.0]);
    // A merge moves rows below and above the watermark.
    store
        .merge_entities(&MergeRequest {
            into: "Acme Union".to_string(),
            from: "Acme Workers Union".to_string(),
            by: "analyst".to_string(),
            at: 1_700_000_000,
            reason: None,
        })
        .expect("merge");
    check(&["Acme Union", "Zenith Mining"]);
    let (_, union) = profile_totals(&store, "Acme Union");
    assert_eq!(union[1], 5.0, "the merged entity is named in all five documents");
    assert_eq!(union[4], 5.0, "and is the source of all five claims");
    store.optimize(1).expect("optimize");
    check(&["Acme Union", "Zenith Mining"]);
    store
        .split_entity(&SplitRequest {
            entity: "Acme Union".to_string(),
            target: SplitTarget::Merged("Acme Workers Union".to_string()),
            by: "analyst".to_string(),
            at: 1_700_000_100,
        })
        .expect("split");
    check(&names);
    let (_, workers) = profile_totals(&store, "Acme Workers Union");
    assert_eq!(workers[1], 2.0);
}

/// `sslmode` as libpq reads it: a server on this machine is reached in plain TCP unless
/// TLS is asked for; `require` encrypts every connection of the pool; `verify-full`
/// refuses a certificate that no trusted root signed (the server's own self-signed one);
/// an unknown mode is a clear error.
#[test]
fn connections_are_encrypted_as_sslmode_asks() {
    let Some(admin) = admin_url("connections_are_encrypted_as_sslmode_asks") else { return };
    let database = TestDatabase::create(&admin);
    let with = |parameter: &str| {
        let joiner = if database.url.contains('?') { '&' } else { '?' };
        format!("{}{joiner}{parameter}", database.url)
    };
    // The store's open connections to the test database: how many, how many encrypted.
    let connections = || -> (f64, f64) {
        let of = |what: &str| {
            query_f64(
                &admin,
                &format!(
                    "SELECT ({what})::FLOAT8 FROM pg_stat_ssl s
                     JOIN pg_stat_activity a ON a.pid = s.pid
                     WHERE a.datname = '{}' AND a.application_name = 'claimgraph'",
                    database.name
                ),
            )
        };
        (of("COUNT(*)"), of("COUNT(*) FILTER (WHERE s.ssl)"))
    };
    let plain = PgStore::open(&database.url).expect("open");
    let (open, encrypted) = connections();
    assert!(open >= 1.0, "the pool keeps its connection open");
    assert_eq!(encrypted, 0.0, "loopback without sslmode: plain TCP");
    drop(plain);

    let error = PgStore::open(&with("sslmode=sometimes")).expect_err("no such mode");
    assert!(matches!(error, StoreError::Open { .. }), "{error}");
    assert!(error.to_string().contains("sslmode=sometimes"), "{error}");

    if query_value::<String>(&admin, "SHOW ssl") != "on" {
        eprintln!(
            "skipping the encrypted half of connections_are_encrypted_as_sslmode_asks: the \
             server at {} has ssl = off",
            claimgraph_store_postgres::redact(&admin)
        );
        return;
    }
    let store = PgStore::open(&with("sslmode=require")).expect("open with TLS");
    store.put_batch(&[Fixture::new("t", "The council met on Monday.").build()]).expect("put");
    assert_eq!(store.stats().expect("stats").documents, 1);
    let (open, encrypted) = connections();
    assert!(open >= 1.0, "the pool keeps its connection open");
    assert_eq!(encrypted, open, "sslmode=require: every connection encrypted");
    drop(store);

    let error = PgStore::open(&with("sslmode=verify-full"))
        .expect_err("a self-signed server certificate is not trusted");
    assert!(matches!(error, StoreError::Open { .. }), "{error}");
    assert!(error.to_string().contains("certificate"), "says why: {error}");
}
