//! Throughput of the full analysis on one core over real news text.
//!
//! ```sh
//! cargo run --release -p claimgraph-bench -- [--min-mb 5] [FILE.jsonl ...]
//! ```
//! Reads JSON Lines documents (default: ../shared/corpus/*.jsonl), takes documents until at
//! least `--min-mb` megabytes of text, analyzes them once on one thread to warm up the
//! caches and once more timed, and prints chars/s and MB/s. Peak memory (VmHWM) is printed
//! to show that it stays flat as documents stream through.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::BufRead;
use std::time::Instant;

use claimgraph_model::Document;
use claimgraph_pipeline::Pipeline;
use serde::Deserialize;

/// The allocator of the `claimgraph` binary, so that the analysis is timed as
/// `claimgraph extract` and `ingest` run it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    doc_date: Option<String>,
}

fn main() {
    let mut min_mb = 5.0f64;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--min-mb" {
            min_mb = args.next().and_then(|v| v.parse().ok()).unwrap_or(min_mb);
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
        files.push(format!("{root}/news.reuters21578.jsonl"));
        files.push(format!("{root}/news.bbc.jsonl"));
    }
    let load_start = Instant::now();
    let pipeline = Pipeline::new();
    let load_ms = load_start.elapsed().as_secs_f64() * 1e3;
    let mut documents = Vec::new();
    let mut n_bytes = 0usize;
    'files: for file in &files {
        let Ok(handle) = std::fs::File::open(file) else {
            eprintln!("bench: cannot open {file}; skipped");
            continue;
        };
        for line in std::io::BufReader::new(handle).lines() {
            let Ok(line) = line else { break };
            let Ok(record) = serde_json::from_str::<Record>(&line) else { continue };
            n_bytes += record.text.len();
            let date = record.doc_date.as_deref().and_then(|d| {
                chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
            });
            documents.push(Document {
                id: String::new(),
                text: record.text,
                date,
                publisher: None,
            });
            if n_bytes as f64 >= min_mb * 1e6 {
                break 'files;
            }
        }
    }
    if documents.is_empty() {
        eprintln!("bench: no documents read");
        std::process::exit(1);
    }
    let n_chars: usize = documents.iter().map(|d| d.text.chars().count()).sum();
    let mut checksum = 0usize;
    for document in documents.iter().take(200) {
        checksum += pipeline.analyze(document).tokens.len();
    }
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut counts = [0usize; 5];
    for document in &documents {
        let analysis = pipeline.analyze(document);
        counts[0] += analysis.sentences.len();
        counts[1] += analysis.mentions.len();
        counts[2] += analysis.timexes.len();
        counts[3] += analysis.quantities.len();
        counts[4] += analysis.entities.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = thread_cpu_seconds().zip(cpu_start).map(|(end, begin)| end - begin);
    println!("documents        {}", documents.len());
    println!("bytes            {n_bytes}");
    println!("chars            {n_chars}");
    println!("pipeline load    {load_ms:.1} ms");
    println!("analysis time    {seconds:.3} s wall (one thread)");
    println!(
        "throughput       {:.0} chars/s = {:.2} MB/s (wall)",
        n_chars as f64 / seconds,
        n_bytes as f64 / seconds / 1e6
    );
    if let Some(cpu) = cpu_seconds {
        println!(
            "per CPU second   {:.0} chars/s = {:.2} MB/s ({cpu:.3} s of CPU: what one core does, \
             whatever else the machine runs)",
            n_chars as f64 / cpu,
            n_bytes as f64 / cpu / 1e6
        );
    }
    println!(
        "found            {} sentences, {} mentions, {} entities, {} timexes, {} quantities",
        counts[0], counts[1], counts[4], counts[2], counts[3]
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM")) {
        println!("peak memory      {}", line.trim_start_matches("VmHWM:").trim());
    }
    let _ = checksum;
}

/// CPU time this thread has run, from Linux's scheduler statistics (nanoseconds); `None`
/// elsewhere. Unlike wall time it does not count time the thread waited for a core.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
