//! Command-line arguments as parsed, and their validation into settings.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "claimgraph", version, about = "Who said what, on what evidence, relayed by whom")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze documents: sentences, entities and aliases, dates, quantities.
    Extract(ExtractArgs),
    /// Train a model: `train entities --data FILE... --out MODEL`.
    Train(crate::train::TrainArgs),
    /// Analyze documents and store them in the knowledge store (idempotent, resumable).
    Ingest(crate::ingest::IngestArgs),
    /// Full-text search over stored documents and claims.
    Search(crate::query::SearchArgs),
    /// Everything known about an entity: aliases with evidence, claims by and about it;
    /// `entity merge A B` and `entity split A B` correct cross-document joins.
    Entity(crate::query::EntityArgs),
    /// Stored claims, filtered by entity, source, dates and place.
    Claims(crate::query::ClaimsArgs),
    /// One stored claim by id: provenance, assessment and analysts' verdicts.
    Claim(crate::query::ClaimArgs),
    /// Mark a claim `confirmed` or `retracted`, with who, when and why.
    Mark(crate::curate::MarkArgs),
    /// Publishers and speakers, with how many claims they made or relayed.
    Sources(crate::query::SourcesArgs),
    /// One stored document: metadata, provenance, entities and claims.
    Doc(crate::query::DocArgs),
    /// Counts over the whole store.
    Stats(crate::query::StatsArgs),
    /// Ingest the bundled example reports and show what was found.
    Demo(crate::demo::DemoArgs),
    /// Serve the JSON API (/api/v1) and the web pages over a store.
    Serve(crate::serve::ServeArgs),
    /// Manage API tokens: `token create`.
    Token(crate::serve::TokenArgs),
    /// Grade a source's reliability (Admiralty A-F), with who and when.
    Rate(crate::curate::RateArgs),
    /// Export the store as STIX 2.1, JSON Lines, CSV or GraphML.
    Export(crate::export::ExportArgs),
    /// Import a STIX 2.1 bundle: `import stix FILE`.
    Import(crate::export::ImportArgs),
    /// Create or update a store's schema (done on first use anyway): `migrate --db URL`.
    Migrate(crate::migrate::MigrateArgs),
    /// Copy a whole store into an empty one, SQLite or PostgreSQL either way.
    Copy(crate::migrate::CopyArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files to analyze (`-` or nothing: standard input). A `.jsonl` file holds one
    /// document per line ({"id", "text", "doc_date", "publisher"}).
    pub files: Vec<PathBuf>,
    /// Document date, the anchor for relative dates (YYYY-MM-DD). A JSONL document's own
    /// `doc_date` takes precedence.
    #[arg(long, value_parser = parse_date)]
    pub doc_date: Option<NaiveDate>,
    /// Publisher of the documents (the source of unattributed statements).
    #[arg(long)]
    pub publisher: Option<String>,
    /// Output format: `text` for people, `json` (versioned wire format, one document per
    /// line), `eval` (../shared/eval/FORMAT.md; input is JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// How to read inputs: `auto` treats `.jsonl`/`.ndjson` files (and standard input in
    /// `eval` format) as JSON Lines and everything else as one plain-text document.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Eval,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Auto,
    Text,
    Jsonl,
}

pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|error| format!("expected YYYY-MM-DD, got {value:?}: {error}"))
}
