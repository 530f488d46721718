//! `claimgraph ingest` and the query commands, end to end: idempotence, per-file errors,
//! and a SIGKILL in the middle of a batch followed by a rerun.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .env_remove("CLAIMGRAPH_DB")
        .stdin(Stdio::null())
        .output()
        .expect("claimgraph runs")
}

fn json(output: &Output) -> serde_json::Value {
    let stdout = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(stdout.trim()).unwrap_or_else(|error| {
        panic!("not JSON ({error}): {stdout}\nstderr: {}", String::from_utf8_lossy(&output.stderr))
    })
}

fn path(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn stats(db: &Path) -> serde_json::Value {
    let output = claimgraph(&["stats", "--json", "--db", path(db)]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    json(&output)
}

/// A report in the style of the examples; `serial` makes each text distinct.
fn report(serial: usize) -> String {
    format!(
        "Report {serial}. The Ministry of Water said on Monday that the Kessel dam had released \
         400 cubic meters of water near Arden. \"We expect the river to rise,\" said Maria \
         Olsen, a ministry engineer. The Daily Ledger reported that the mayor of Arden said the \
         town would open two shelters. Residents were told to stay away from the banks.\n"
    )
}

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("nested")).expect("mkdir");
    std::fs::write(dir.join("one.txt"), report(1)).expect("write");
    std::fs::write(dir.join("nested/two.txt"), report(2)).expect("write");
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "j3", "text": report(3), "date": "2017-03-01",
            "publisher": "Ledger Wire", "title": "Dam", "url": "https://example.invalid/3"}),
        serde_json::json!({"id": "j4", "text": report(4), "doc_date": "2017-03-02"}),
    );
    std::fs::write(dir.join("more.jsonl"), lines).expect("write");
}

#[test]
fn ingesting_the_same_folder_twice_stores_each_document_once() {
    let dir = scratch("twice");
    let corpus = dir.join("corpus");
    write_corpus(&corpus);
    let db = dir.join("store.db");
    let first = claimgraph(&["ingest", "--json", "--db", path(&db), path(&corpus)]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let first = json(&first);
    assert_eq!(first["documents_seen"], 4);
    assert_eq!(first["documents_new"], 4);
    let second = json(&claimgraph(&["ingest", "--json", "--db", path(&db), path(&corpus)]));
    assert_eq!(second["documents_new"], 0);
    assert_eq!(second["duplicates"], 4);
    assert_eq!(second["claims_new"], 0);
    let stats = stats(&db);
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["claims"], first["claims_new"]);

    // The JSONL metadata is kept and the document is found by its id.
    let doc = json(&claimgraph(&["doc", "j3", "--json", "--db", path(&db)]));
    assert_eq!(doc["document"]["publisher"], "Ledger Wire");
    assert_eq!(doc["document"]["title"], "Dam");
    assert_eq!(doc["document"]["url"], "https://example.invalid/3");
    assert_eq!(doc["document"]["date"], "2017-03-01");
    assert!(
        doc["document"]["extractor_version"].as_str().expect("version").starts_with("claimgraph")
    );
    let claims = doc["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    let text = doc["text"].as_str().expect("text");
    for claim in claims {
        let span = &claim["span"];
        let (start, end) = (span[0].as_u64().expect("start"), span[1].as_u64().expect("end"));
        assert!(text.get(start as usize..end as usize).is_some(), "span in text: {claim}");
    }
}

#[test]
fn queries_answer_from_the_store() {
    let dir = scratch("queries");
    let corpus = dir.join("corpus");
    write_corpus(&corpus);
    let db = dir.join("store.db");
    assert!(claimgraph(&["ingest", "--db", path(&db), path(&corpus)]).status.success());
    let search = json(&claimgraph(&["search", "shelters", "--json", "--db", path(&db)]));
    assert!(!search["hits"].as_array().expect("hits").is_empty(), "{search}");
    let entity = json(&claimgraph(&["entity", "Arden", "--json", "--db", path(&db)]));
    assert_eq!(entity["entity"]["name"], "Arden");
    assert_eq!(entity["occurrences"].as_array().expect("occurrences").len(), 4, "{entity}");
    let sources = json(&claimgraph(&["sources", "--json", "--db", path(&db)]));
    assert!(
        sources["sources"].as_array().expect("sources").iter().any(|s| s["name"] == "Ledger Wire"),
        "{sources}"
    );
    let claims = claimgraph(&["claims", "--about", "Arden", "--db", path(&db)]);
    assert!(claims.status.success());
    let missing = claimgraph(&["entity", "Nobody Atall", "--db", path(&db)]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no entity named"));
    let no_store = claimgraph(&["stats", "--db", path(&dir.join("absent.db"))]);
    assert!(!no_store.status.success());
    assert!(String::from_utf8_lossy(&no_store.stderr).contains("absent.db"));
}

#[test]
fn bad_files_give_per_file_errors_and_the_rest_is_stored() {
    let dir = scratch("bad");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    std::fs::write(corpus.join("good.txt"), report(1)).expect("write");
    std::fs::write(corpus.join("empty.txt"), "").expect("write");
    std::fs::write(corpus.join("image.png"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).expect("write");
    let jsonl = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n{{\"id\": \"no-text\"}}\n",
        serde_json::json!({"id": "fine", "text": report(2)})
    );
    std::fs::write(corpus.join("docs.jsonl"), jsonl).expect("write");
    let db = dir.join("store.db");
    let output = claimgraph(&["ingest", "--json", "--db", path(&db), path(&corpus)]);
    assert_eq!(output.status.code(), Some(1), "failed inputs give exit code 1");
    let summary = json(&output);
    assert_eq!(summary["documents_new"], 2, "{summary}");
    let failed: Vec<String> = summary["failed"]
        .as_array()
        .expect("failed")
        .iter()
        .map(|f| f["origin"].as_str().expect("origin").to_string())
        .collect();
    assert_eq!(failed.len(), 4, "{failed:?}");
    for name in ["docs.jsonl:2", "docs.jsonl:3", "empty.txt", "image.png"] {
        assert!(failed.iter().any(|origin| origin.ends_with(name)), "{name} in {failed:?}");
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("empty.txt: error: empty document"), "{stderr}");
}

#[test]
fn the_store_files_in_the_ingested_folder_are_skipped() {
    let dir = scratch("self");
    std::fs::write(dir.join("one.txt"), report(1)).expect("write");
    let db = dir.join("store.db");
    assert!(claimgraph(&["ingest", "--db", path(&db), path(&dir)]).status.success());
    let again = claimgraph(&["ingest", "--json", "--db", path(&db), path(&dir)]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(json(&again)["failed"].as_array().expect("failed").len(), 0);
}

/// Kill -9 in the middle of an ingest, then run it again: the database opens, holds only
/// whole batches, and the rerun ends with every document stored exactly once and with
/// all its facts (the same counts as a run that was never interrupted).
#[test]
fn a_killed_ingest_loses_nothing_and_doubles_nothing_on_rerun() {
    let dir = scratch("kill");
    const N: usize = 3000;
    const BATCH: usize = 20;
    let jsonl: String = (0..N)
        .map(|i| format!("{}\n", serde_json::json!({"id": format!("d{i}"), "text": report(i)})))
        .collect();
    let input = dir.join("many.jsonl");
    std::fs::write(&input, jsonl).expect("write");
    let db = dir.join("store.db");
    let batch = BATCH.to_string();
    let args = ["ingest", "--threads", "1", "--batch", &batch, "--db", path(&db), path(&input)];
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until some batches are committed, then kill (SIGKILL on Unix).
    let mut committed = 0;
    while committed < 2 * BATCH {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if db.exists() {
            let output = claimgraph(&["stats", "--json", "--db", path(&db)]);
            if output.status.success() {
                committed = json(&output)["documents"].as_u64().unwrap_or(0) as usize;
            }
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("ingest finished ({status}) before it could be killed; make N larger");
        }
    }
    child.kill().expect("kill");
    child.wait().expect("reaped");
    let after_kill = stats(&db)["documents"].as_u64().expect("documents") as usize;
    assert!(after_kill < N, "killed before the end");
    assert_eq!(after_kill % BATCH, 0, "only whole batches are committed: {after_kill}");

    let rerun = claimgraph(&[
        "ingest",
        "--json",
        "--threads",
        "1",
        "--batch",
        &batch,
        "--db",
        path(&db),
        path(&input),
    ]);
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    let rerun = json(&rerun);
    assert_eq!(rerun["duplicates"], after_kill);
    assert_eq!(rerun["documents_new"], N - after_kill);

    // A run that was never interrupted, on one report, gives the per-document counts.
    let one = dir.join("one.jsonl");
    std::fs::write(&one, format!("{}\n", serde_json::json!({"id": "x", "text": report(0)})))
        .expect("write");
    let reference_db = dir.join("reference.db");
    assert!(claimgraph(&["ingest", "--db", path(&reference_db), path(&one)]).status.success());
    let reference = stats(&reference_db);
    let resumed = stats(&db);
    assert_eq!(resumed["documents"], N);
    for key in ["claims", "mentions", "attributed_claims", "relayed_claims"] {
        let per_document = reference[key].as_u64().expect("count") as usize;
        assert_eq!(resumed[key], per_document * N, "{key}: nothing lost, nothing doubled");
    }
}

/// A PostgreSQL URL where no server answers: every command says which database (without
/// its password) and why, and exits with 2; nothing panics. No server is needed.
#[test]
fn a_postgres_url_without_a_server_is_a_clear_error() {
    let url = "postgres://claimgraph:hunter2@127.0.0.1:1/news";
    for args in [
        vec!["stats", "--db", url],
        vec!["search", "--db", url, "oil"],
        vec!["migrate", "--db", url],
        vec!["ingest", "--db", url, "-"],
    ] {
        let output = claimgraph(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("postgres://claimgraph@127.0.0.1:1/news"), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot connect"), "{args:?}: {stderr}");
        assert!(!stderr.contains("hunter2"), "{args:?} shows the password: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A reader that stops early (`claimgraph doc X | head -1`) closes the pipe while the
/// command still writes: the command stops quietly, with no panic and a success code.
#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = scratch("pipe");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    // Far more text than a pipe holds (64 KiB), so that writing it must fail once the
    // reader is gone.
    let long: String = (0..2000).map(report).collect();
    std::fs::write(corpus.join("long.txt"), long).expect("write");
    let db = dir.join("store.db");
    assert!(claimgraph(&["ingest", "--db", path(&db), path(&corpus)]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["doc", "long", "--text", "--db", path(&db)])
        .env_remove("CLAIMGRAPH_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimgraph runs");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut first).expect("first line");
    // The reader is dropped here: the pipe closes.
    let output = child.wait_with_output().expect("claimgraph ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(first.starts_with("long "), "{first}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
}
