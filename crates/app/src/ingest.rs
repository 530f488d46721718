//! Ingest: read documents, analyze them on all cores, store them batch by batch.
//!
//! Documents are read in batches (bounded in count and bytes, so memory stays flat). For
//! each batch, texts the store already holds are skipped before analysis (a rerun after a
//! crash re-analyzes only what was not committed); the rest is analyzed in parallel with
//! `std::thread::scope`, then the batch is handed to a writer thread that stores it in one
//! transaction while the next batch is read and analyzed (at most one batch waits, so
//! memory stays flat). A kill at any moment loses at most the uncommitted batches, and the
//! next run stores them: the store's uniqueness on the content hash means nothing is ever
//! doubled.
//!
//! Bad inputs (unreadable, binary, empty, malformed lines) are failures named by origin;
//! the batch goes on. Only a store that cannot be written stops the run.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use claimgraph_model::Analysis;
use claimgraph_pipeline::Pipeline;
use claimgraph_store::{ContentHash, NewDocument, PutOutcome, Store, StoreError};

use crate::input::{self, InputDocument, InputItem, ReadSettings};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    pub read: ReadSettings,
    /// Analysis threads (at least 1).
    pub n_threads: usize,
    /// A batch closes at this many documents or bytes of text, whichever comes first; each
    /// batch is one store transaction.
    pub batch_documents: usize,
    pub batch_bytes: usize,
    /// Recorded with every document ("claimgraph 0.1.0").
    pub extractor_version: String,
    /// Files never read as documents: the store's own database, WAL and shared-memory
    /// files, when the user ingests the folder that holds them.
    pub exclude: Vec<PathBuf>,
}

impl IngestConfig {
    pub fn new(read: ReadSettings) -> IngestConfig {
        IngestConfig {
            read,
            // One core is the writer's: analysis, far the lighter stage, takes the others,
            // so that it never slows the writer down (on 2 cores: one thread each).
            n_threads: std::thread::available_parallelism().map_or(1, |n| n.get().max(2) - 1),
            batch_documents: 256,
            batch_bytes: 16 << 20,
            extractor_version: format!("claimgraph {}", env!("CARGO_PKG_VERSION")),
            exclude: Vec::new(),
        }
    }
}

/// An input that was not stored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub origin: String,
    pub message: String,
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestSummary {
    /// Documents read (failed inputs included).
    pub n_seen: usize,
    pub n_new: usize,
    /// Texts already stored (in an earlier run or earlier in this one).
    pub n_duplicates: usize,
    pub failures: Vec<Failure>,
    /// Claims and store-wide entities added by the new documents.
    pub n_claims: usize,
    pub n_new_entities: usize,
    /// Input bytes consumed so far.
    pub bytes_read: u64,
    pub elapsed: Duration,
}

/// Told about progress; the CLI draws a bar, the server could report over HTTP.
pub trait IngestObserver {
    /// After each committed batch, with the totals so far.
    fn batch_stored(&mut self, summary: &IngestSummary);
    /// A warning about an input that was still stored (invalid UTF-8 replaced, say).
    fn warning(&mut self, origin: &str, message: &str);
    /// An input that was not stored.
    fn failed(&mut self, failure: &Failure);
}

/// An observer that ignores everything (tests, scripts).
#[derive(Debug, Default)]
pub struct Quiet;

impl IngestObserver for Quiet {
    fn batch_stored(&mut self, _summary: &IngestSummary) {}
    fn warning(&mut self, _origin: &str, _message: &str) {}
    fn failed(&mut self, _failure: &Failure) {}
}

/// Why an ingest run stopped early.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The store failed; everything committed before stays stored, and a rerun resumes.
    #[error("cannot store documents: {0}")]
    Store(#[from] StoreError),
}

/// Ingests every input in `paths` (files, directories, `-`; empty: standard input).
pub fn ingest(
    store: &dyn Store,
    pipeline: &Pipeline,
    paths: &[PathBuf],
    config: &IngestConfig,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, IngestError> {
    let started = Instant::now();
    let mut summary = IngestSummary::default();
    let paths = expand(paths, &config.exclude);
    std::thread::scope(|scope| {
        // One batch may wait while the writer stores the previous one.
        let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<NewDocument>>(1);
        let (to_reader, stored) = std::sync::mpsc::channel::<Result<Vec<PutOutcome>, StoreError>>();
        let writer = scope.spawn(move || {
            for batch in batches {
                let result = store.put_batch(&batch);
                let failed = result.is_err();
                if to_reader.send(result).is_err() || failed {
                    break;
                }
            }
        });
        let record = |result: Result<Vec<PutOutcome>, StoreError>,
                      summary: &mut IngestSummary,
                      observer: &mut dyn IngestObserver|
         -> Result<(), IngestError> {
            record_outcomes(&result?, summary);
            summary.elapsed = started.elapsed();
            observer.batch_stored(summary);
            Ok(())
        };
        let mut batch: Vec<InputItem> = Vec::new();
        let mut batch_bytes = 0usize;
        let flush = |batch: &mut Vec<InputItem>,
                     summary: &mut IngestSummary,
                     observer: &mut dyn IngestObserver|
         -> Result<(), IngestError> {
            let prepared =
                prepare_batch(store, pipeline, config, batch.drain(..), summary, observer)?;
            // Results of batches committed meanwhile, without waiting.
            while let Ok(result) = stored.try_recv() {
                record(result, summary, observer)?;
            }
            if prepared.is_empty() {
                summary.elapsed = started.elapsed();
                observer.batch_stored(summary);
            } else if to_writer.send(prepared).is_err() {
                // The writer stopped on an error; it is waiting in the channel.
                if let Ok(result) = stored.recv() {
                    record(result, summary, observer)?;
                }
            }
            Ok(())
        };
        let read = input::read_all(&paths, &config.read, &mut |item: InputItem| {
            batch_bytes += item.as_ref().map_or(0, |doc| doc.document.text.len());
            batch.push(item);
            if batch.len() >= config.batch_documents.max(1) || batch_bytes >= config.batch_bytes {
                flush(&mut batch, &mut summary, observer)?;
                batch_bytes = 0;
            }
            Ok::<(), IngestError>(())
        })
        .and_then(|()| flush(&mut batch, &mut summary, observer));
        drop(to_writer);
        // Every batch handed over is stored (or failed) before the run ends.
        let mut result = read;
        for stored_batch in stored {
            if result.is_ok() {
                result = record(stored_batch, &mut summary, observer);
            }
        }
        // A panic in the writer is a bug; re-raise it rather than lose documents.
        writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        result
    })?;
    if summary.n_new > 0 {
        // Leave the indexes compact for the readers that come next.
        store.optimize(summary.n_new).map_err(IngestError::Store)?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Replaces directories by the files under them, leaving out excluded files; the reader
/// would walk directories itself, but could not leave the store's files out.
fn expand(paths: &[PathBuf], exclude: &[PathBuf]) -> Vec<PathBuf> {
    let excluded: Vec<PathBuf> = exclude.iter().filter_map(|p| p.canonicalize().ok()).collect();
    if excluded.is_empty() {
        return paths.to_vec();
    }
    let mut expanded = Vec::new();
    for path in paths {
        let mut files = Vec::new();
        if path.is_dir() && input::walk(path, &mut files).is_ok() {
            expanded.extend(
                files.into_iter().filter(|file| {
                    file.canonicalize().map_or(true, |file| !excluded.contains(&file))
                }),
            );
        } else {
            // Named explicitly: read it, even if excluded (the user asked for it).
            expanded.push(path.clone());
        }
    }
    expanded
}

/// Sorts a batch's items into failures and documents, skips texts already stored,
/// analyzes the rest and returns them ready to store.
fn prepare_batch(
    store: &dyn Store,
    pipeline: &Pipeline,
    config: &IngestConfig,
    items: impl Iterator<Item = InputItem>,
    summary: &mut IngestSummary,
    observer: &mut dyn IngestObserver,
) -> Result<Vec<NewDocument>, IngestError> {
    let mut documents: Vec<InputDocument> = Vec::new();
    for item in items {
        summary.n_seen += 1;
        match item {
            Ok(doc) => {
                summary.bytes_read += doc.bytes;
                if doc.document.text.trim().is_empty() {
                    let failure = Failure {
                        origin: doc.origin,
                        message: "empty document (no text to analyze)".to_string(),
                    };
                    observer.failed(&failure);
                    summary.failures.push(failure);
                } else {
                    documents.push(doc);
                }
            }
            Err(error) => {
                let failure = Failure { origin: error.origin, message: error.message };
                observer.failed(&failure);
                summary.failures.push(failure);
            }
        }
    }
    // Skip analysis of texts already stored; put_batch would skip them anyway.
    let hashes: Vec<ContentHash> =
        documents.iter().map(|doc| ContentHash::of(&doc.document.text)).collect();
    let known = store.contains(&hashes)?;
    let mut fresh = Vec::with_capacity(documents.len());
    for (doc, known) in documents.into_iter().zip(known) {
        if known {
            summary.n_duplicates += 1;
        } else {
            fresh.push(doc);
        }
    }
    let analyses = analyze_all(pipeline, &fresh, config.n_threads);
    let ingested_at =
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs() as i64);
    let mut batch = Vec::with_capacity(fresh.len());
    for (doc, analysis) in fresh.into_iter().zip(analyses) {
        for warning in &doc.warnings {
            observer.warning(&doc.origin, warning);
        }
        batch.push(NewDocument {
            document: doc.document,
            meta: doc.meta,
            analysis,
            extractor_version: config.extractor_version.clone(),
            ingested_at,
        });
    }
    Ok(batch)
}

fn record_outcomes(outcomes: &[PutOutcome], summary: &mut IngestSummary) {
    for outcome in outcomes {
        match *outcome {
            PutOutcome::Stored { n_claims, n_new_entities, .. } => {
                summary.n_new += 1;
                summary.n_claims += n_claims;
                summary.n_new_entities += n_new_entities;
            }
            PutOutcome::Duplicate { .. } => summary.n_duplicates += 1,
        }
    }
}

/// Analyzes documents in parallel; results keep the input order.
pub fn analyze_all(
    pipeline: &Pipeline,
    documents: &[InputDocument],
    n_threads: usize,
) -> Vec<Analysis> {
    let next = AtomicUsize::new(0);
    let n_workers = n_threads.min(documents.len()).max(1);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let idx = next.fetch_add(1, Ordering::Relaxed);
            let Some(doc) = documents.get(idx) else { break };
            done.push((idx, pipeline.analyze(&doc.document)));
        }
        done
    };
    let mut results: Vec<Option<Analysis>> = (0..documents.len()).map(|_| None).collect();
    if n_workers == 1 {
        for (idx, analysis) in worker() {
            results[idx] = Some(analysis);
        }
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n_workers).map(|_| scope.spawn(worker)).collect();
            for handle in handles {
                // A panic in analysis is a bug; re-raise it rather than lose documents.
                let done = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                for (idx, analysis) in done {
                    results[idx] = Some(analysis);
                }
            }
        });
    }
    results.into_iter().map(Option::unwrap_or_default).collect()
}
