//! The `claimgraph` binary: argument parsing, input and output, exit codes.
//!
//! This is glue. Analysis lives in `claimgraph-pipeline`; this crate reads files and
//! standard input, runs the pipeline on all cores and prints the result in the format the
//! user asked for. It is the only crate that knows about argv, stdout and exit codes.

#![allow(clippy::print_stdout, clippy::print_stderr)]

/// `println!` that returns the write's error instead of panicking on it: a reader that
/// stops early (`claimgraph search x | head -3`) closes the pipe, and `main` ends quietly
/// on a broken pipe.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod args;
mod curate;
mod demo;
mod export;
mod extract;
mod ingest;
mod input;
mod migrate;
mod offsets;
mod output;
mod query;
mod serve;
mod train;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: the export, ingest and server threads
/// allocate and free many small strings concurrently (docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Extract(extract_args) => extract::run(extract_args),
        args::Command::Ingest(ingest_args) => ingest::run(ingest_args),
        args::Command::Search(search_args) => query::search(search_args),
        args::Command::Entity(entity_args) => query::entity(entity_args),
        args::Command::Claims(claims_args) => query::claims(claims_args),
        args::Command::Sources(sources_args) => query::sources(sources_args),
        args::Command::Doc(doc_args) => query::doc(doc_args),
        args::Command::Stats(stats_args) => query::stats(stats_args),
        args::Command::Demo(demo_args) => demo::run(demo_args),
        args::Command::Rate(rate_args) => curate::rate(rate_args),
        args::Command::Claim(claim_args) => query::claim(claim_args),
        args::Command::Mark(mark_args) => curate::mark(mark_args),
        args::Command::Export(export_args) => export::export(export_args),
        args::Command::Import(import_args) => export::import(import_args),
        args::Command::Train(train_args) => train::run(train_args),
        args::Command::Serve(serve_args) => serve::serve(serve_args),
        args::Command::Token(token_args) => serve::token(token_args),
        args::Command::Migrate(migrate_args) => migrate::migrate(migrate_args),
        args::Command::Copy(copy_args) => migrate::copy(copy_args),
    };
    match result {
        Ok(outcome) if outcome.n_failed == 0 => ExitCode::SUCCESS,
        Ok(outcome) => {
            eprintln!("claimgraph: {} input(s) failed", outcome.n_failed);
            ExitCode::from(1)
        }
        Err(error) => {
            // Broken pipe (`claimgraph extract ... | head`) is a normal way to stop.
            if error.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimgraph: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// What a command did, for the exit code.
#[derive(Debug, Default)]
pub struct Outcome {
    pub n_failed: usize,
}
