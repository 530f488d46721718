//! `claimgraph ingest`: analyze documents and store them, with a progress bar and a
//! summary. The work itself is `claimgraph_app::ingest`; this module only draws.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use claimgraph_app::ingest::{Failure, IngestConfig, IngestObserver, IngestSummary};
use claimgraph_app::input::{ReadSettings, walk};
use claimgraph_pipeline::Pipeline;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::Outcome;
use crate::args::{InputFormat, parse_date};
use crate::query::{DbArg, open};

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Files and directories to ingest (`-` or nothing: standard input). Directories are
    /// read recursively; `.jsonl` files hold one document per line ({"id", "text",
    /// "date", "publisher", "url", "title", "author"}).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Document date for documents that do not give one (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub doc_date: Option<NaiveDate>,
    /// Publisher for documents that do not name one.
    #[arg(long)]
    pub publisher: Option<String>,
    /// How to read inputs (`auto`: by extension; standard input is plain text).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Analysis threads (default: one fewer than the cores, at least one; the writer
    /// that stores the analyses needs the remaining core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per batch; each batch is one transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: IngestArgs) -> anyhow::Result<Outcome> {
    let (store, db_path) = open(&args.db)?;
    let pipeline = Pipeline::new();
    let mut config = IngestConfig::new(ReadSettings {
        input_format: args.input_format.into(),
        stdin_is_jsonl: false,
        doc_date: args.doc_date,
        publisher: args.publisher.clone(),
    });
    if let Some(threads) = args.threads {
        config.n_threads = threads.max(1);
    }
    config.batch_documents = args.batch.max(1);
    config.exclude = ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = db_path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect();
    let mut observer = Bar::new(total_bytes(&args.paths));
    let summary = claimgraph_app::ingest::ingest(
        store.as_ref(),
        &pipeline,
        &args.paths,
        &config,
        &mut observer,
    )
    .with_context(|| {
        format!("ingest into {} stopped; rerun to resume", claimgraph_app::store_name(&db_path))
    })?;
    observer.bar.finish_and_clear();
    let stats = store
        .stats()
        .with_context(|| format!("cannot read {}", claimgraph_app::store_name(&db_path)))?;
    if args.json {
        let failures: Vec<_> = summary
            .failures
            .iter()
            .map(|f| serde_json::json!({"origin": f.origin, "message": f.message}))
            .collect();
        let report = serde_json::json!({
            "format": "claimgraph.ingest",
            "format_version": 1,
            "db": claimgraph_app::store_name(&db_path),
            "documents_seen": summary.n_seen,
            "documents_new": summary.n_new,
            "duplicates": summary.n_duplicates,
            "failed": failures,
            "claims_new": summary.n_claims,
            "entities_new": summary.n_new_entities,
            "store": {"documents": stats.documents, "entities": stats.entities, "claims": stats.claims},
            "seconds": summary.elapsed.as_secs_f64(),
        });
        outln!("{report}")?;
    } else {
        // A reader gone (`| head`) does not change the exit code, which says whether
        // inputs failed.
        let printed =
            print_summary(&summary, &db_path, stats.documents, stats.entities, stats.claims);
        if let Err(error) = printed
            && error.kind() != std::io::ErrorKind::BrokenPipe
        {
            return Err(error.into());
        }
    }
    Ok(Outcome { n_failed: summary.failures.len() })
}

fn print_summary(
    summary: &IngestSummary,
    db_path: &std::path::Path,
    n_documents: usize,
    n_entities: usize,
    n_claims: usize,
) -> std::io::Result<()> {
    let seconds = summary.elapsed.as_secs_f64();
    let rate = if seconds > 0.0 { (summary.n_new as f64) / seconds } else { 0.0 };
    outln!("ingested into {}", claimgraph_app::store_name(db_path))?;
    outln!(
        "  documents: {} seen, {} new, {} duplicates, {} failed",
        summary.n_seen,
        summary.n_new,
        summary.n_duplicates,
        summary.failures.len()
    )?;
    outln!("  added:     {} claims, {} new entities", summary.n_claims, summary.n_new_entities)?;
    outln!("  store:     {n_documents} documents, {n_entities} entities, {n_claims} claims")?;
    outln!("  time:      {seconds:.1} s ({rate:.1} new documents/s)")?;
    const SHOWN: usize = 20;
    for failure in summary.failures.iter().take(SHOWN) {
        outln!("  failed:    {}: {}", failure.origin, failure.message)?;
    }
    if summary.failures.len() > SHOWN {
        outln!("  failed:    … and {} more (see above)", summary.failures.len() - SHOWN)?;
    }
    Ok(())
}

/// The input size, for the bar's length and ETA; `None` when reading standard input.
fn total_bytes(paths: &[PathBuf]) -> Option<u64> {
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let mut total = 0;
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).ok()?;
            total += files.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum::<u64>();
        } else {
            total += path.metadata().map_or(0, |m| m.len());
        }
    }
    Some(total)
}

/// A progress bar on stderr when it is a terminal; silent otherwise.
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new(total_bytes: Option<u64>) -> Bar {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = match total_bytes {
            Some(total) => {
                let bar = ProgressBar::with_draw_target(Some(total), target);
                if let Ok(style) = ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} ETA {eta} {msg}",
                ) {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, target);
                if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                {
                    bar.set_style(style);
                }
                bar
            }
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Bar { bar }
    }
}

impl IngestObserver for Bar {
    fn batch_stored(&mut self, summary: &IngestSummary) {
        let seconds = summary.elapsed.as_secs_f64().max(1e-3);
        self.bar.set_position(summary.bytes_read);
        self.bar.set_message(format!(
            "{} docs ({} new, {} dup, {} failed) {:.1} docs/s",
            summary.n_seen,
            summary.n_new,
            summary.n_duplicates,
            summary.failures.len(),
            summary.n_seen as f64 / seconds
        ));
    }

    fn warning(&mut self, origin: &str, message: &str) {
        self.bar.suspend(|| eprintln!("claimgraph: {origin}: warning: {message}"));
    }

    fn failed(&mut self, failure: &Failure) {
        self.bar
            .suspend(|| eprintln!("claimgraph: {}: error: {}", failure.origin, failure.message));
    }
}
