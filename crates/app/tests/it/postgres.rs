//! Four concurrent ingests into one database, and the SQLite → PostgreSQL → SQLite copy.

use std::path::{Path, PathBuf};

use claimgraph_app::copy::Backend;
use claimgraph_app::ingest::{IngestConfig, Quiet, ingest};
use claimgraph_app::input::{InputFormat, ReadSettings};
use claimgraph_pipeline::Pipeline;
use claimgraph_store::dump::{Row, TABLES};
use claimgraph_store::{
    ClaimStatus, MergeRequest, NewClaimMark, NewRating, Reliability, SplitRequest, SplitTarget,
    Stats, Store,
};

use claimgraph_store_postgres::testing::{TestDatabase, admin_url};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "the bundled examples are there: {}", dir.display());
    files
}

fn config(batch: usize) -> IngestConfig {
    let mut config = IngestConfig::new(ReadSettings {
        input_format: InputFormat::Auto,
        stdin_is_jsonl: false,
        doc_date: None,
        publisher: Some("Example Wire".to_string()),
    });
    config.n_threads = 1;
    config.batch_documents = batch;
    config
}

/// Everything `stats` counts except what depends on the order documents arrive in.
fn counts(stats: &Stats) -> [usize; 7] {
    [
        stats.documents,
        stats.entities,
        stats.mentions,
        stats.claims,
        stats.attributed_claims,
        stats.relayed_claims,
        stats.publishers,
    ]
}

/// Reports in which every three consecutive documents introduce the same new person and
/// organization, so that ingests working side by side meet new entities at the same time.
fn racing_reports(dir: &Path) -> Vec<PathBuf> {
    const FIRST: &[&str] =
        &["Maria", "Peter", "Anna", "Jonas", "Clara", "Felix", "Laura", "Martin"];
    const LAST: &[&str] = &["Olsen", "Berger", "Lindqvist", "Haas", "Moreau", "Novak", "Keller"];
    const TOWNS: &[&str] = &["Arden", "Belmont", "Corvale", "Dunmore", "Eastwick", "Fairhaven"];
    (0..48)
        .map(|i| {
            let wave = i / 3;
            let person = format!("{} {}", FIRST[wave % FIRST.len()], LAST[wave % LAST.len()]);
            let town = TOWNS[wave % TOWNS.len()];
            let text = format!(
                "Report {i}. The {town} Water Authority said on Monday that the dam near {town} \
                 had released 400 cubic meters of water. \"We expect the river to rise,\" said \
                 {person}, an engineer at the {town} Water Authority. {person} said shelters \
                 would open in {town} on Tuesday.\n"
            );
            let path = dir.join(format!("report-{i:02}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Four ingests of overlapping folders at once, each with its own connection pool as a
/// separate process would have, in small batches so that their transactions interleave.
/// Every text is stored once and every entity created once: the counts are exactly those
/// of one ingest of all the files into SQLite.
#[test]
fn four_concurrent_ingests_of_overlapping_folders_store_everything_once() {
    let Some(admin) = admin_url("four_concurrent_ingests") else { return };
    let database = TestDatabase::create(&admin);
    let corpus = tempfile::tempdir().unwrap();
    let mut files = examples();
    files.extend(racing_reports(corpus.path()));
    files.sort_by_key(|path| path.file_name().map(std::ffi::OsStr::to_os_string));
    let pipeline = Pipeline::new();
    // Folder k holds every file but those at positions k, k + 4, ...: each file is in
    // three of the four folders.
    let folders: Vec<Vec<PathBuf>> = (0..4)
        .map(|k| {
            files.iter().enumerate().filter(|(i, _)| i % 4 != k).map(|(_, f)| f.clone()).collect()
        })
        .collect();
    let run_all = || {
        std::thread::scope(|scope| {
            let handles: Vec<_> = folders
                .iter()
                .map(|folder| {
                    let url = database.url.clone();
                    let pipeline = &pipeline;
                    scope.spawn(move || {
                        let store = claimgraph_store_postgres::PgStore::open(&url).unwrap();
                        ingest(&store, pipeline, folder, &config(1), &mut Quiet).unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>()
        })
    };
    let first = run_all();
    let n_new: usize = first.iter().map(|s| s.n_new).sum();
    let n_duplicates: usize = first.iter().map(|s| s.n_duplicates).sum();
    assert_eq!(n_new, files.len(), "each text stored by exactly one ingest: {first:?}");
    assert_eq!(n_new + n_duplicates, 3 * files.len(), "every file seen three times");
    let n_new_entities: usize = first.iter().map(|s| s.n_new_entities).sum();

    let reference_dir = tempfile::tempdir().unwrap();
    let reference = claimgraph_app::open_store(&reference_dir.path().join("one.db")).unwrap();
    let one = ingest(reference.as_ref(), &pipeline, &files, &config(256), &mut Quiet).unwrap();
    let postgres = claimgraph_store_postgres::PgStore::open(&database.url).unwrap();
    let (expected, got) = (reference.stats().unwrap(), postgres.stats().unwrap());
    assert_eq!(counts(&got), counts(&expected), "PostgreSQL {got:?}\nSQLite {expected:?}");
    assert_eq!(n_new_entities, one.n_new_entities, "each entity created once");
    assert_eq!(got.entities, n_new_entities);

    // Again, all four at once: nothing new.
    let again = run_all();
    assert!(again.iter().all(|s| s.n_new == 0 && s.failures.is_empty()), "{again:?}");
    assert_eq!(counts(&postgres.stats().unwrap()), counts(&expected));
}

fn dump(backend: &Backend) -> Vec<(&'static str, Vec<Row>)> {
    TABLES
        .iter()
        .map(|table| {
            let mut rows = Vec::new();
            backend
                .dump()
                .export_table(table, &mut |chunk| {
                    rows.extend(chunk);
                    Ok(())
                })
                .unwrap();
            (table.name, rows)
        })
        .collect()
}

/// A knowledge base with ratings, an undone merge and an active one goes SQLite →
/// PostgreSQL → SQLite; all three hold the same rows, table by table, and answer the
/// same for every document and entity.
#[test]
fn copy_round_trip_sqlite_postgres_sqlite_is_lossless() {
    let Some(admin) = admin_url("copy_round_trip") else { return };
    let database = TestDatabase::create(&admin);
    let dir = tempfile::tempdir().unwrap();
    let (first, last) = (dir.path().join("first.db"), dir.path().join("last.db"));
    let pipeline = Pipeline::new();
    {
        let store = claimgraph_app::open_store(&first).unwrap();
        ingest(store.as_ref(), &pipeline, &examples(), &config(5), &mut Quiet).unwrap();
        store
            .rate_source(&NewRating {
                source: "Example Wire".into(),
                reliability: Reliability::parse("B").unwrap(),
                by: "tester".into(),
                at: 1_700_000_100,
            })
            .unwrap();
        let names: Vec<String> = store
            .document("01_press_conference")
            .unwrap()
            .entities
            .iter()
            .map(|(entity, _)| format!("#{}", entity.id))
            .collect();
        assert!(names.len() >= 4, "{names:?}");
        let merge = |into: &str, from: &str| MergeRequest {
            into: into.into(),
            from: from.into(),
            by: "tester".into(),
            at: 1_700_000_200,
            reason: Some("test".into()),
        };
        store.merge_entities(&merge(&names[0], &names[1])).unwrap();
        store
            .split_entity(&SplitRequest {
                entity: names[0].clone(),
                target: SplitTarget::Merged(names[1].clone()),
                by: "tester".into(),
                at: 1_700_000_300,
            })
            .unwrap();
        store.merge_entities(&merge(&names[2], &names[3])).unwrap();
        // An analyst's verdict on a claim and a public-figure mark travel too.
        let claim = store.document("01_press_conference").unwrap().claims[0].id;
        store
            .mark_claim(&NewClaimMark {
                claim_id: claim,
                status: ClaimStatus::Retracted,
                by: "tester".into(),
                at: 1_700_000_400,
                note: Some("withdrawn".into()),
            })
            .unwrap();
        let person = store
            .document("01_press_conference")
            .unwrap()
            .entities
            .iter()
            .find(|(entity, _)| entity.label == "PER")
            .map(|(entity, _)| entity.name.clone())
            .expect("a person in the press conference");
        store.mark_public(&person, Some(true)).unwrap();
    }
    let url = PathBuf::from(&database.url);
    claimgraph_app::copy::copy(&first, &url).unwrap();
    claimgraph_app::copy::copy(&url, &last).unwrap();
    let stores = [
        Backend::open(&first).unwrap(),
        Backend::open(&url).unwrap(),
        Backend::open(&last).unwrap(),
    ];
    let dumps: Vec<_> = stores.iter().map(dump).collect();
    for (table, rows) in &dumps[0] {
        assert!(!rows.is_empty() || table.contains("conflict"), "{table} has rows to copy");
    }
    for (name, dumped) in ["PostgreSQL", "the copy back"].iter().zip(&dumps[1..]) {
        for ((table, expected), (_, got)) in dumps[0].iter().zip(dumped) {
            assert_eq!(got.len(), expected.len(), "{name}: rows of {table}");
            for (a, b) in expected.iter().zip(got) {
                assert_eq!(a, b, "{name}: a row of {table}");
            }
        }
    }
    let n_documents = stores[0].store().stats().unwrap().documents;
    for id in 1..=n_documents {
        let key = id.to_string();
        let expected = stores[0].store().document(&key).unwrap();
        for backend in &stores[1..] {
            assert_eq!(backend.store().document(&key).unwrap(), expected, "document {id}");
        }
        for (entity, _) in &expected.entities {
            let profile = stores[0].store().entity(&entity.name).unwrap();
            for backend in &stores[1..] {
                assert_eq!(
                    backend.store().entity(&entity.name).unwrap(),
                    profile,
                    "{}",
                    entity.name
                );
            }
        }
    }
    assert_eq!(stores[1].store().sources().unwrap(), stores[0].store().sources().unwrap());
    assert_eq!(stores[2].store().stats().unwrap(), stores[0].store().stats().unwrap());
    // The copy is a working store: a new document goes on from the copied ids.
    let outcome = stores[1].store().put_batch(&[claimgraph_store_testing_fixture()]).unwrap();
    assert!(
        matches!(outcome[0], claimgraph_store::PutOutcome::Stored { id, .. } if id as usize > n_documents)
    );
}

fn claimgraph_store_testing_fixture() -> claimgraph_store::NewDocument {
    claimgraph_store::testing::Fixture::new("new", "The harbour reopened on Friday.").build()
}
