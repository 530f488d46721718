//! `claimgraph extract`: read documents, analyze them on all cores, print them in order.

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;
use claimgraph_model::Analysis;
use claimgraph_pipeline::Pipeline;

use crate::Outcome;
use crate::args::{ExtractArgs, Format};
use crate::input::{self, InputDocument, InputItem, ReadSettings};
use crate::output;

/// Documents are analyzed in batches so memory stays flat however long the input is.
const BATCH_DOCUMENTS: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::new();
    let n_threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let settings = ReadSettings {
        input_format: args.input_format.into(),
        stdin_is_jsonl: args.format == Format::Eval,
        doc_date: args.doc_date,
        publisher: args.publisher.clone(),
    };
    let stdout = io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 16, stdout);
    let mut outcome = Outcome::default();
    let mut batch: Vec<InputItem> = Vec::new();
    let mut batch_bytes = 0;
    let format = args.format;
    let flush = |batch: &mut Vec<InputItem>, out: &mut BufWriter<_>, outcome: &mut Outcome| {
        let results = analyze_batch(&pipeline, batch, n_threads);
        for (item, analysis) in batch.drain(..).zip(results) {
            match (item, analysis) {
                (Ok(doc), Some(analysis)) => {
                    for warning in &doc.warnings {
                        eprintln!("claimgraph: {}: warning: {warning}", doc.origin);
                    }
                    write_document(out, format, &doc, &analysis)?;
                }
                (Err(error), _) => {
                    eprintln!("claimgraph: {}: error: {}", error.origin, error.message);
                    outcome.n_failed += 1;
                }
                (Ok(_), None) => {}
            }
        }
        anyhow::Ok(())
    };
    input::read_all(&args.files, &settings, &mut |item| {
        batch_bytes += item.as_ref().map_or(0, |doc| doc.document.text.len());
        batch.push(item);
        if batch.len() >= BATCH_DOCUMENTS || batch_bytes >= BATCH_BYTES {
            flush(&mut batch, &mut out, &mut outcome)?;
            batch_bytes = 0;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut out, &mut outcome)?;
    out.flush().context("cannot write to standard output")?;
    Ok(outcome)
}

/// Analyzes the documents of a batch in parallel; results keep the batch's order.
fn analyze_batch(
    pipeline: &Pipeline,
    batch: &[InputItem],
    n_threads: usize,
) -> Vec<Option<Analysis>> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Analysis>> = (0..batch.len()).map(|_| None).collect();
    let n_workers = n_threads.min(batch.len()).max(1);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let idx = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = batch.get(idx) else { break };
            if let Ok(doc) = item {
                done.push((idx, pipeline.analyze(&doc.document)));
            }
        }
        done
    };
    if n_workers == 1 {
        for (idx, analysis) in worker() {
            results[idx] = Some(analysis);
        }
        return results;
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n_workers).map(|_| scope.spawn(worker)).collect();
        for handle in handles {
            // A panic in analysis is a bug; re-raise it rather than lose documents silently.
            let done = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (idx, analysis) in done {
                results[idx] = Some(analysis);
            }
        }
    });
    results
}

fn write_document(
    out: &mut dyn Write,
    format: Format,
    doc: &InputDocument,
    analysis: &Analysis,
) -> anyhow::Result<()> {
    match format {
        Format::Text => output::text::write(out, doc, analysis)?,
        Format::Json => output::json::write(out, doc, analysis)?,
        Format::Eval => output::eval::write(out, doc, analysis)?,
    }
    Ok(())
}
