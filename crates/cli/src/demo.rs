//! `claimgraph demo`: ingest the bundled example reports and show what the store found.
//!
//! The reports are compiled into the binary, so the demo runs from anywhere. They are
//! written to a temporary folder and ingested like any user files, into `--db` when given
//! (kept) or a temporary database (deleted afterwards).

use std::path::PathBuf;

use anyhow::Context;
use claimgraph_app::ingest::{IngestConfig, Quiet};
use claimgraph_app::input::{InputFormat, ReadSettings};
use claimgraph_pipeline::Pipeline;
use claimgraph_store::{ClaimQuery, SourceKind};

use crate::Outcome;
use crate::query::{assessment_lines, claim_line};

/// The example reports in `examples/`, with the date they were written for.
const EXAMPLES: &[(&str, &str)] = &[
    ("01_press_conference.txt", include_str!("../../../examples/01_press_conference.txt")),
    ("02_wire_relay.txt", include_str!("../../../examples/02_wire_relay.txt")),
    ("03_aliases.txt", include_str!("../../../examples/03_aliases.txt")),
    ("10_military.txt", include_str!("../../../examples/10_military.txt")),
    ("14_human_rights.txt", include_str!("../../../examples/14_human_rights.txt")),
    ("16_nested.txt", include_str!("../../../examples/16_nested.txt")),
];

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Keep the demo store in this file (default: a temporary one, deleted afterwards).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

pub fn run(args: DemoArgs) -> anyhow::Result<Outcome> {
    let scratch = std::env::temp_dir().join(format!("claimgraph-demo-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)
        .with_context(|| format!("cannot create {}", scratch.display()))?;
    let result = demo(&scratch, args.db);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn demo(scratch: &std::path::Path, db: Option<PathBuf>) -> anyhow::Result<Outcome> {
    let reports = scratch.join("reports");
    std::fs::create_dir_all(&reports)?;
    for (name, text) in EXAMPLES {
        std::fs::write(reports.join(name), text)
            .with_context(|| format!("cannot write {}", reports.join(name).display()))?;
    }
    let db_path = db.unwrap_or_else(|| scratch.join("demo.db"));
    let store = claimgraph_app::open_store(&db_path).with_context(|| {
        format!("cannot open the store {}", claimgraph_app::store_name(&db_path))
    })?;
    let config = IngestConfig::new(ReadSettings {
        input_format: InputFormat::Auto,
        stdin_is_jsonl: false,
        // The examples were written around this date; relative dates resolve against it.
        doc_date: chrono::NaiveDate::from_ymd_opt(2017, 2, 20),
        publisher: Some("Example News".to_string()),
    });
    let summary = claimgraph_app::ingest::ingest(
        store.as_ref(),
        &Pipeline::new(),
        &[reports],
        &config,
        &mut Quiet,
    )?;
    let stats = store.stats()?;
    outln!(
        "ingested {} example reports into {}: {} entities, {} claims ({} attributed, {} relayed)",
        summary.n_new,
        db_path.display(),
        stats.entities,
        stats.claims,
        stats.attributed_claims,
        stats.relayed_claims
    )?;
    outln!("\nmost cited sources:")?;
    for source in store.sources()?.iter().filter(|s| s.kind == SourceKind::Speaker).take(8) {
        outln!("  {:<40} {} claim(s), {} relayed", source.name, source.n_claims, source.n_relayed)?;
    }
    outln!("\nrelayed claims (source ← relay ← publisher):")?;
    let claims = store.claims(&ClaimQuery::default())?;
    for claim in claims.iter().filter(|c| !c.relays.is_empty()).take(8) {
        outln!("  {}", claim_line(claim))?;
    }
    outln!("\nclaims with figures:")?;
    for claim in claims.iter().filter(|c| !c.quantities.is_empty()).take(6) {
        outln!("  {}", claim_line(claim))?;
    }
    outln!(
        "\nassessment: {} copies, {} claims corroborated by independent origins, {} conflicts \
         (grades [reliability credibility], see docs/ASSESSMENT.md)",
        stats.copies,
        stats.corroborated_claims,
        stats.conflicts
    )?;
    for claim in claims.iter().filter(|c| !c.assessment.conflicts.is_empty()).take(4) {
        outln!("  {}", claim_line(claim))?;
        for line in assessment_lines(claim) {
            outln!("      {line}")?;
        }
    }
    outln!(
        "\ntry: claimgraph entity NAME, claimgraph claims --about NAME, claimgraph search WORDS"
    )?;
    outln!("     (with --db FILE to keep the demo store: claimgraph demo --db demo.db)")?;
    Ok(Outcome { n_failed: summary.failures.len() })
}
