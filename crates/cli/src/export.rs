//! `claimgraph export` (STIX 2.1, JSON Lines, CSV, GraphML), `claimgraph entity public`
//! and `claimgraph import stix`.
//!
//! The store is read a page at a time (`Store::entities_after`, `documents_after`,
//! `claims_after`) and handed to the writers of `claimgraph-export` as a stream of
//! records, so an export runs in flat memory whatever the store's size.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use claimgraph_export::redact::Redactor;
use claimgraph_export::{DocumentRecord, ExportError, ExportOptions, ExportSummary, Record, Tlp};
use claimgraph_store::{ClaimQuery, ClaimRecord, Store};
use clap::ValueEnum;

use crate::Outcome;
use crate::args::parse_date;
use crate::query::{DbArg, open_existing};

/// Records per store call: large enough that per-call costs vanish, small enough that a
/// page of claims with their documents stays a few megabytes.
const PAGE: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A STIX 2.1 bundle (one JSON object).
    Stix,
    /// One JSON object per line: entities, then each document and its claims.
    Jsonl,
    /// Two CSV files: claims (FILE) and entities (FILE with `.entities.csv`).
    Csv,
    /// A GraphML graph of sources, entities and claims.
    Graphml,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only claims about this entity (and the documents holding them).
    #[arg(long)]
    pub about: Option<String>,
    /// Only claims whose original source is this entity or name (or publisher).
    #[arg(long)]
    pub by: Option<String>,
    /// Only claims about days on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only claims about days on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Mark every STIX object with this TLP 2.0 level: clear, green, amber, amber+strict,
    /// red.
    #[arg(long, value_parser = parse_tlp)]
    pub tlp: Option<Tlp>,
    /// Replace persons who are not public figures by stable pseudonyms ("Person-7f3a2c")
    /// everywhere, text included. See `claimgraph entity public`.
    #[arg(long)]
    pub redact_private: bool,
    /// Write here instead of standard output (required for CSV, which writes two files).
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

fn parse_tlp(text: &str) -> Result<Tlp, String> {
    Tlp::parse(text)
        .ok_or_else(|| format!("expected clear, green, amber, amber+strict or red, got {text:?}"))
}

/// The store's records in export order: every entity, then each document with its
/// claims matching the filters (documents without one are left out when filters are
/// given). Holds one page at a time.
struct Records<'a> {
    store: &'a dyn Store,
    query: ClaimQuery,
    filtered: bool,
    redactor: Option<&'a Redactor>,
    entities_after: Option<i64>,
    entities: VecDeque<claimgraph_store::EntityRecord>,
    documents_after: i64,
    documents: VecDeque<claimgraph_store::DocumentText>,
    documents_done: bool,
    claims_after: i64,
    claims: VecDeque<ClaimRecord>,
    claims_done: bool,
}

impl<'a> Records<'a> {
    fn new(store: &'a dyn Store, options: &ExportOptions, redactor: Option<&'a Redactor>) -> Self {
        Records {
            store,
            query: options.query.clone(),
            filtered: options.filtered(),
            redactor,
            entities_after: Some(0),
            entities: VecDeque::new(),
            documents_after: 0,
            documents: VecDeque::new(),
            documents_done: false,
            claims_after: 0,
            claims: VecDeque::new(),
            claims_done: false,
        }
    }

    /// The next claim, reading a page when the buffer is empty.
    fn peek_claim(&mut self) -> Result<Option<&ClaimRecord>, ExportError> {
        if self.claims.is_empty() && !self.claims_done {
            let page = self.store.claims_after(&self.query, self.claims_after, PAGE)?;
            match page.last() {
                Some(last) => self.claims_after = last.id,
                None => self.claims_done = true,
            }
            self.claims.extend(page);
        }
        Ok(self.claims.front())
    }

    fn next_document(&mut self) -> Result<Option<claimgraph_store::DocumentText>, ExportError> {
        if self.filtered {
            // Driven by the claims: the next document is the one holding the next claim.
            let Some(claim) = self.peek_claim()? else { return Ok(None) };
            let id = claim.document.id;
            let mut found = self.store.documents_after(id - 1, 1)?;
            return Ok(found.pop().filter(|document| document.summary.id == id));
        }
        if self.documents.is_empty() && !self.documents_done {
            let page = self.store.documents_after(self.documents_after, PAGE)?;
            match page.last() {
                Some(last) => self.documents_after = last.summary.id,
                None => self.documents_done = true,
            }
            self.documents.extend(page);
        }
        Ok(self.documents.pop_front())
    }

    fn next_record(&mut self) -> Result<Option<Record>, ExportError> {
        if let Some(after) = self.entities_after {
            if self.entities.is_empty() {
                let page = self.store.entities_after(after, PAGE)?;
                self.entities_after = page.last().map(|last| last.entity.id);
                self.entities.extend(page);
            }
            if let Some(entity) = self.entities.pop_front() {
                return Ok(Some(Record::Entity(entity)));
            }
        }
        let Some(document) = self.next_document()? else { return Ok(None) };
        let id = document.summary.id;
        let mut claims = Vec::new();
        while let Some(claim) = self.peek_claim()? {
            if claim.document.id > id {
                break;
            }
            let claim = self.claims.pop_front();
            // Claims of documents before this one cannot be left: ids follow ingest order.
            claims.extend(claim.filter(|claim| claim.document.id == id));
        }
        Ok(Some(Record::Document(DocumentRecord::new(document, claims))))
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_record() {
            Ok(Some(mut record)) => {
                if let Some(redactor) = self.redactor {
                    redactor.record(&mut record);
                }
                Some(Ok(record))
            }
            Ok(None) => None,
            Err(error) => Some(Err(error)),
        }
    }
}

/// The private persons of the store, read in a first pass over its entities.
pub fn redactor(store: &dyn Store) -> anyhow::Result<Redactor> {
    let mut redactor = Redactor::new();
    let mut after = 0;
    loop {
        let page = store.entities_after(after, PAGE).context("cannot read the entities")?;
        let Some(last) = page.last() else { break };
        after = last.entity.id;
        page.iter().for_each(|record| redactor.add(record));
    }
    Ok(redactor.finish())
}

/// The CSV file of entities beside the claims file: `out.csv` → `out.entities.csv`.
fn entities_path(claims: &Path) -> PathBuf {
    let stem = claims.file_stem().map(|stem| stem.to_string_lossy().into_owned());
    claims.with_file_name(format!("{}.entities.csv", stem.unwrap_or_else(|| "export".into())))
}

fn create(path: &Path) -> anyhow::Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, file))
}

/// Writes the export of `store` in `format` to `output` (standard output when `None`).
pub fn write_export(
    store: &dyn Store,
    format: ExportFormat,
    options: &ExportOptions,
    output: Option<&Path>,
) -> anyhow::Result<ExportSummary> {
    let redactor = if options.redacted { Some(redactor(store)?) } else { None };
    let mut out: Box<dyn Write> = match (output, format) {
        (None, ExportFormat::Csv) => {
            anyhow::bail!("CSV export writes two files: name the claims file with -o FILE")
        }
        (Some(path), _) => Box::new(create(path)?),
        (None, _) => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    // Reading the store and writing the output overlap: a second thread reads (and
    // redacts) the next records while this one writes. The channel holds a few records,
    // so memory stays flat; when writing fails, the reader stops at its next send.
    // Records travel in batches of `BATCH`, so that the two threads wake each other once
    // per batch rather than once per record.
    const BATCH: usize = 32;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Result<Record, ExportError>>>(4);
    let redactor = redactor.as_ref();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for record in Records::new(store, options, redactor) {
                let failed = record.is_err();
                batch.push(record);
                if batch.len() == BATCH || failed {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if sender.send(full).is_err() || failed {
                        return;
                    }
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
        });
        write_records(store, format, options, output, &mut out, receiver.into_iter().flatten())
    })
}

fn write_records(
    store: &dyn Store,
    format: ExportFormat,
    options: &ExportOptions,
    output: Option<&Path>,
    out: &mut Box<dyn Write>,
    records: impl Iterator<Item = Result<Record, ExportError>>,
) -> anyhow::Result<ExportSummary> {
    let summary = match format {
        ExportFormat::Jsonl => claimgraph_export::jsonl::write(out, records)?,
        ExportFormat::Graphml => claimgraph_export::graphml::write(out, records)?,
        ExportFormat::Stix => {
            // The bundle's id: what was asked for, and which store (its first document).
            let first = store.documents_after(0, 1).context("cannot read the store")?;
            let first = first.first().map_or("", |document| document.summary.hash.as_str());
            let key = format!("{:?}|{:?}|{}|{first}", options.query, options.tlp, options.redacted);
            claimgraph_export::stix::write(out, records, options, &key)?
        }
        ExportFormat::Csv => {
            let entities = entities_path(output.unwrap_or(Path::new("export.csv")));
            let entities_out = create(&entities)?;
            claimgraph_export::csv::write(&mut *out, entities_out, records)?
        }
    };
    out.flush()?;
    Ok(summary)
}

pub fn export(args: ExportArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let options = ExportOptions {
        query: ClaimQuery {
            about: args.about,
            by: args.by,
            since: args.since,
            until: args.until,
            ..ClaimQuery::default()
        },
        tlp: args.tlp,
        redacted: args.redact_private,
    };
    let summary = write_export(store.as_ref(), args.format, &options, args.output.as_deref())
        .with_context(|| match &args.output {
            Some(path) => format!("cannot export to {}", path.display()),
            None => "cannot export".to_string(),
        })?;
    eprintln!(
        "exported {} document(s), {} claim(s), {} entit(ies), {} other object(s)",
        summary.n_documents, summary.n_claims, summary.n_entities, summary.n_other
    );
    Ok(Outcome::default())
}

#[derive(Debug, clap::Args)]
pub struct PublicArgs {
    /// A name the person goes by.
    pub name: Vec<String>,
    /// Mark the person as not a public figure (redacted exports replace their name), also
    /// against the default rule.
    #[arg(long, conflicts_with = "clear")]
    pub unset: bool,
    /// Remove the mark: the default rule decides again.
    #[arg(long)]
    pub clear: bool,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn public(args: PublicArgs) -> anyhow::Result<Outcome> {
    if args.name.is_empty() {
        anyhow::bail!("name a person: claimgraph entity public NAME [--unset]");
    }
    let store = open_existing(&args.db)?;
    let mark = if args.clear { None } else { Some(!args.unset) };
    let entity = store.mark_public(&args.name.join(" "), mark)?;
    let what = match mark {
        Some(true) => "marked a public figure",
        Some(false) => "marked private",
        None => "unmarked (the default rule applies)",
    };
    outln!("{} #{} ({}) {what}", entity.name, entity.id, entity.label)?;
    if entity.label != "PER" {
        outln!("note: only persons are ever redacted; {} is {}", entity.name, entity.label)?;
    }
    Ok(Outcome::default())
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub kind: ImportKind,
}

#[derive(Debug, clap::Subcommand)]
pub enum ImportKind {
    /// A STIX 2.1 bundle: ours (rebuilt exactly: documents analyzed again, ratings and
    /// public-figure marks restored) or another tool's (reports and notes become
    /// documents); prints what was skipped.
    Stix(ImportStixArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportStixArgs {
    /// The bundle (JSON).
    pub file: PathBuf,
    /// Worker threads for analysis (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Documents analyzed and stored per transaction.
const IMPORT_BATCH: usize = 64;

pub fn import(args: ImportArgs) -> anyhow::Result<Outcome> {
    let ImportKind::Stix(args) = args.kind;
    let file = args.file.display().to_string();
    let json =
        std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {file}"))?;
    let plan = claimgraph_export::stix_import::read_bundle(&json)
        .with_context(|| format!("cannot import {file}"))?;
    let (store, db_path) = crate::query::open(&args.db)?;
    let pipeline = claimgraph_pipeline::Pipeline::new();
    // The version `claimgraph ingest` records (IngestConfig::new).
    let ours_version = format!("claimgraph {}", env!("CARGO_PKG_VERSION"));
    let n_threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64);
    let (mut n_stored, mut n_duplicates, mut n_claims) = (0, 0, 0);
    let mut other_versions: Vec<String> = Vec::new();
    for chunk in plan.documents.chunks(IMPORT_BATCH) {
        let inputs: Vec<claimgraph_app::input::InputDocument> = chunk
            .iter()
            .map(|imported| claimgraph_app::input::InputDocument {
                origin: imported.origin.clone(),
                document: claimgraph_model::Document {
                    id: imported.external_id.clone(),
                    text: imported.text.clone(),
                    date: imported.date,
                    publisher: imported.publisher.clone(),
                },
                meta: claimgraph_store::DocumentMeta {
                    origin: imported.origin.clone(),
                    title: imported.title.clone(),
                    url: imported.url.clone(),
                    author: imported.author.clone(),
                },
                warnings: Vec::new(),
                bytes: imported.text.len() as u64,
            })
            .collect();
        let analyses = claimgraph_app::ingest::analyze_all(&pipeline, &inputs, n_threads);
        let batch: Vec<claimgraph_store::NewDocument> = inputs
            .into_iter()
            .zip(analyses)
            .zip(chunk)
            .map(|((input, analysis), imported)| {
                if let Some(version) = &imported.extractor_version
                    && *version != ours_version
                    && !other_versions.contains(version)
                {
                    other_versions.push(version.clone());
                }
                claimgraph_store::NewDocument {
                    document: input.document,
                    meta: input.meta,
                    analysis,
                    extractor_version: ours_version.clone(),
                    ingested_at: imported.ingested_at.unwrap_or(now),
                }
            })
            .collect();
        for outcome in store.put_batch(&batch).context("cannot store the documents")? {
            match outcome {
                claimgraph_store::PutOutcome::Stored { n_claims: n, .. } => {
                    n_stored += 1;
                    n_claims += n;
                }
                claimgraph_store::PutOutcome::Duplicate { .. } => n_duplicates += 1,
            }
        }
    }
    let mut n_unapplied = 0;
    for rating in &plan.ratings {
        let request = claimgraph_store::NewRating {
            source: rating.source.clone(),
            reliability: rating.reliability,
            by: rating.by.clone(),
            at: rating.at,
        };
        match store.rate_source(&request) {
            Ok(_) => {}
            Err(claimgraph_store::StoreError::NotFound(_)) => n_unapplied += 1,
            Err(error) => return Err(error).context("cannot store a rating"),
        }
    }
    for (name, mark) in &plan.public_marks {
        match store.mark_public(name, Some(*mark)) {
            Ok(_) => {}
            Err(claimgraph_store::StoreError::NotFound(_)) => n_unapplied += 1,
            Err(error) => return Err(error).context("cannot store a public-figure mark"),
        }
    }
    // Our bundles list each document's claims: analysis must find the same ones again,
    // and analysts' verdicts go back on them.
    let mut n_missing = 0;
    let mut claim_ids: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for imported in plan.documents.iter().filter(|imported| !imported.claim_keys.is_empty()) {
        let hash = claimgraph_store::ContentHash::of(&imported.text);
        let stored = store.document(hash.as_str()).context("cannot read back a document")?;
        let keys: std::collections::HashMap<String, i64> = stored
            .claims
            .iter()
            .map(|claim| (claimgraph_export::wire::claim_key(claim), claim.id))
            .collect();
        n_missing += imported.claim_keys.iter().filter(|key| !keys.contains_key(*key)).count();
        if !plan.claim_marks.is_empty() {
            claim_ids.extend(keys);
        }
    }
    for mark in &plan.claim_marks {
        let Some(&claim_id) = claim_ids.get(&mark.claim_key) else {
            n_unapplied += 1;
            continue;
        };
        // Marks already there (importing the same bundle again) are not added twice.
        let existing = store.claim(claim_id).context("cannot read back a claim")?.marks;
        if existing.iter().any(|m| m.at == mark.at && m.by == mark.by && m.status == mark.status) {
            continue;
        }
        store
            .mark_claim(&claimgraph_store::NewClaimMark {
                claim_id,
                status: mark.status,
                by: mark.by.clone(),
                at: mark.at,
                note: mark.note.clone(),
            })
            .context("cannot store a claim's mark")?;
    }
    eprintln!(
        "imported {file} into {}: {n_stored} document(s) stored ({n_claims} claims), \
         {n_duplicates} already there; {} rating(s), {} public-figure mark(s), {} claim mark(s)",
        db_path.display(),
        plan.ratings.len(),
        plan.public_marks.len(),
        plan.claim_marks.len(),
    );
    if !other_versions.is_empty() {
        eprintln!(
            "note: analyzed again with {ours_version} (the bundle was made with {})",
            other_versions.join(", ")
        );
    }
    if n_missing > 0 {
        eprintln!("warning: {n_missing} claim(s) of the bundle were not found again by analysis");
    }
    if n_unapplied > 0 {
        eprintln!(
            "warning: {n_unapplied} rating(s) or mark(s) name no stored source, entity or claim"
        );
    }
    if !plan.skipped.is_empty() {
        let skipped: Vec<String> =
            plan.skipped.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
        eprintln!("skipped (not stored): {}", skipped.join(", "));
    }
    Ok(Outcome::default())
}
