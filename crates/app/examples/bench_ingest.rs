//! Ingest benchmark: replays JSON Lines corpora into a fresh store and reports
//! documents/s, peak RSS and database bytes per document.
//!
//! Usage: `cargo run --release -p claimgraph-app --example bench_ingest -- [--replays N]
//! FILE.jsonl...`. Each replay gives every document a distinct id and a first line naming
//! the replay, so replays are new texts (not duplicates) as the corpus README asks.
//! `--db TARGET` ingests into that store instead of a fresh SQLite file: a
//! `postgres://` URL of an empty database measures the PostgreSQL backend.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use claimgraph_app::ingest::{IngestConfig, Quiet, ingest};
use claimgraph_app::input::{InputFormat, ReadSettings};
use claimgraph_pipeline::Pipeline;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut replays = 1usize;
    if let Some(at) = args.iter().position(|a| a == "--replays") {
        replays = args[at + 1].parse().expect("--replays N");
        args.drain(at..at + 2);
    }
    let mut target: Option<PathBuf> = None;
    if let Some(at) = args.iter().position(|a| a == "--db") {
        target = Some(PathBuf::from(&args[at + 1]));
        args.drain(at..at + 2);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("replay.jsonl");
    let mut out = BufWriter::new(std::fs::File::create(&input).expect("create"));
    let mut n_documents = 0usize;
    for replay in 0..replays {
        for file in &args {
            let reader = BufReader::new(std::fs::File::open(file).expect("open corpus"));
            for line in reader.lines() {
                let mut record: serde_json::Value =
                    serde_json::from_str(&line.expect("line")).expect("json");
                let id = format!("r{replay}/{}", record["id"].as_str().unwrap_or("?"));
                let text = format!("Replay {replay}.\n{}", record["text"].as_str().unwrap_or(""));
                record["id"] = serde_json::Value::String(id);
                record["text"] = serde_json::Value::String(text);
                serde_json::to_writer(&mut out, &record).expect("write");
                out.write_all(b"\n").expect("write");
                n_documents += 1;
            }
        }
    }
    out.flush().expect("flush");
    drop(out);
    let db = target.unwrap_or_else(|| dir.path().join("bench.db"));
    let store = claimgraph_app::open_store(&db).expect("store");
    let config = IngestConfig::new(ReadSettings {
        input_format: InputFormat::Jsonl,
        stdin_is_jsonl: true,
        doc_date: None,
        publisher: None,
    });
    let pipeline = Pipeline::new();
    let started = Instant::now();
    let summary = ingest(store.as_ref(), &pipeline, &[input], &config, &mut Quiet).expect("ingest");
    let seconds = started.elapsed().as_secs_f64();
    let stats = store.stats().expect("stats");
    drop(store);
    let db_bytes: u64 = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            std::fs::metadata(PathBuf::from(format!("{}{suffix}", db.display()))).ok()
        })
        .map(|m| m.len())
        .sum();
    let rss_kib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .unwrap_or_default();
    println!(
        "documents: {n_documents} read, {} stored, {} failed",
        summary.n_new,
        summary.failures.len()
    );
    println!("threads: {}", config.n_threads);
    println!("time: {seconds:.1} s, {:.1} documents/s", summary.n_new as f64 / seconds);
    println!(
        "claims: {}, entities: {}, mentions: {}",
        stats.claims, stats.entities, stats.mentions
    );
    println!(
        "db: {} bytes, {:.0} bytes/document",
        db_bytes,
        db_bytes as f64 / summary.n_new.max(1) as f64
    );
    println!("peak RSS {}", rss_kib.trim_start_matches("VmHWM:").trim());
}
