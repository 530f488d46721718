//! The query commands over a store: `search`, `entity`, `claims`, `sources`, `doc`,
//! `stats`. Each prints text for people or, with `--json`, one JSON document in the
//! versioned `claimgraph.<command>` format (`format_version` 1).

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use claimgraph_store::assess::credibility_meaning;
use claimgraph_store::{
    Assessment, ClaimMark, ClaimQuery, ClaimRecord, CopyLink, DocumentSummary, EntityRef, HitKind,
    OriginKind, SearchQuery, SourceKind, SourceRating, SourceRef, Store,
};
use serde_json::{Value, json};

use crate::Outcome;
use crate::args::parse_date;

/// The store to use: `--db FILE|URL`, else `$CLAIMGRAPH_DB`, else `./claimgraph.db`. A
/// `postgres://user[:password]@host[:port]/database` URL selects PostgreSQL.
#[derive(Debug, clap::Args)]
pub struct DbArg {
    /// The store: a SQLite file, or a postgres://user@host/database URL (default:
    /// $CLAIMGRAPH_DB, else ./claimgraph.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

impl DbArg {
    pub fn path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(|| {
            std::env::var_os("CLAIMGRAPH_DB")
                .filter(|value| !value.is_empty())
                .map_or_else(|| PathBuf::from("claimgraph.db"), PathBuf::from)
        })
    }
}

pub fn open(db: &DbArg) -> anyhow::Result<(Box<dyn Store>, PathBuf)> {
    let path = db.path();
    let store = claimgraph_app::open_store(&path)
        .with_context(|| format!("cannot open the store {}", claimgraph_app::store_name(&path)))?;
    Ok((store, path))
}

/// Opens a store that must already exist: queries never create an empty database.
pub(crate) fn open_existing(db: &DbArg) -> anyhow::Result<Box<dyn Store>> {
    let path = db.path();
    // A PostgreSQL database is created by its administrator; the schema on first use.
    if claimgraph_app::postgres_url(&path).is_none() && !path.exists() {
        anyhow::bail!(
            "no store at {} (run `claimgraph ingest` first, or pass --db)",
            path.display()
        );
    }
    Ok(open(db)?.0)
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words to find (all must occur).
    pub query: Vec<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EntityArgs {
    #[command(subcommand)]
    pub action: Option<crate::curate::EntityAction>,
    /// A name the entity goes by (full name, acronym, alias).
    pub name: Vec<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// Claims shown per list in text output.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Claims about this entity.
    #[arg(long)]
    pub about: Option<String>,
    /// Claims whose original source is this entity or name (or this publisher, for
    /// claims in its own voice).
    #[arg(long)]
    pub by: Option<String>,
    /// Claims about days on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Claims about days on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Claims mentioning this place.
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ClaimArgs {
    /// The claim's store id (as `claims`, `doc` and the web pages show it).
    pub id: i64,
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct DocArgs {
    /// The document's id (as ingested), store number, or content hash prefix.
    pub id: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Also print the text.
    #[arg(long)]
    pub text: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn envelope(command: &str, body: Value) -> Value {
    let mut value = json!({"format": format!("claimgraph.{command}"), "format_version": 1});
    if let (Some(map), Value::Object(body)) = (value.as_object_mut(), body) {
        map.extend(body);
    }
    value
}

pub(crate) fn print_json(value: &Value) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

fn document_json(document: &DocumentSummary) -> Value {
    json!({
        "id": document.external_id,
        "store_id": document.id,
        "hash": document.hash,
        "origin": document.origin,
        "title": document.title,
        "url": document.url,
        "author": document.author,
        "publisher": document.publisher,
        "date": document.date.map(|d| d.to_string()),
        "extractor_version": document.extractor_version,
        "ingested_at": chrono::DateTime::from_timestamp(document.ingested_at, 0)
            .map(|t| t.to_rfc3339()),
    })
}

fn copy_json(link: &CopyLink) -> Value {
    json!({
        "document": document_json(&link.document),
        "similarity": link.similarity,
        "matched_document_store_id": link.matched_document_id,
    })
}

fn entity_json(entity: &EntityRef) -> Value {
    json!({"id": entity.id, "name": entity.name, "label": entity.label})
}

fn source_json(source: &SourceRef) -> Value {
    json!({
        "name": source.name,
        "entity": source.entity.as_ref().map(entity_json),
        "span": source.span.map(|s| [s.start, s.end]),
    })
}

fn claim_json(claim: &ClaimRecord) -> Value {
    json!({
        "id": claim.id,
        "document": document_json(&claim.document),
        "span": [claim.span.start, claim.span.end],
        "content": claim.content,
        "source": claim.source.as_ref().map(source_json),
        "voice": if claim.source.is_some() { "attributed" } else { "publisher" },
        "form": claim.form,
        "cue": claim.cue,
        "cue_span": claim.cue_span.map(|s| [s.start, s.end]),
        "relays": claim.relays.iter().map(source_json).collect::<Vec<_>>(),
        "publisher": claim.document.publisher,
        "about": claim.about.iter().map(entity_json).collect::<Vec<_>>(),
        "has_subject": claim.has_subject,
        "dates": claim.dates.iter().map(|d| json!({
            "text": d.text, "value": d.value, "end_value": d.end_value, "span": [d.span.start, d.span.end],
        })).collect::<Vec<_>>(),
        "quantities": claim.quantities.iter().map(|q| json!({
            "text": q.text, "kind": q.kind, "value": q.value, "min": q.min, "max": q.max,
            "unit": q.unit, "span": [q.span.start, q.span.end],
        })).collect::<Vec<_>>(),
        "places": claim.places.iter().map(|p| json!({
            "text": p.text, "name": p.name, "geonames_id": p.geonames_id, "lat": p.lat,
            "lon": p.lon, "precision": p.precision, "span": [p.span.start, p.span.end],
        })).collect::<Vec<_>>(),
        "hedges": claim.hedges,
        "negated": claim.negated,
        "stance": match claim.stance {
            claimgraph_model::Stance::Asserts => "asserts",
            claimgraph_model::Stance::Denies => "denies",
        },
        "assessment": assessment_json(&claim.assessment),
        "marks": claim.marks.iter().map(mark_json).collect::<Vec<_>>(),
    })
}

pub fn mark_json(mark: &ClaimMark) -> Value {
    json!({
        "id": mark.id,
        "claim_id": mark.claim_id,
        "status": mark.status.as_str(),
        "by": mark.by,
        "at": chrono::DateTime::from_timestamp(mark.at, 0).map(|t| t.to_rfc3339()),
        "note": mark.note,
    })
}

pub fn claim(args: ClaimArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let claim = store.claim(args.id)?;
    if args.json {
        return print_json(&envelope("claim", claim_json(&claim))).map(|()| Outcome::default());
    }
    outln!("{}", claim_line(&claim))?;
    for line in assessment_lines(&claim) {
        outln!("    {line}")?;
    }
    for mark in &claim.marks {
        let at = chrono::DateTime::from_timestamp(mark.at, 0)
            .map_or_else(String::new, |t| t.to_rfc3339());
        let note = mark.note.as_deref().map_or_else(String::new, |n| format!(": {n}"));
        outln!("    {} by {} at {at}{note}", mark.status.as_str(), mark.by)?;
    }
    Ok(Outcome::default())
}

fn rating_json(rating: &SourceRating) -> Value {
    json!({
        "source": rating.name,
        "reliability": rating.reliability.letter().to_string(),
        "meaning": rating.reliability.meaning(),
        "by": rating.by,
        "at": chrono::DateTime::from_timestamp(rating.at, 0).map(|t| t.to_rfc3339()),
    })
}

fn origin_kind(kind: OriginKind) -> &'static str {
    match kind {
        OriginKind::Source => "source",
        OriginKind::Publisher => "publisher",
        OriginKind::Document => "document",
    }
}

/// Corroboration (which independent origins report the claim, with their reports and
/// why they count once), conflicts and the Admiralty grades.
fn assessment_json(assessment: &Assessment) -> Value {
    json!({
        "cluster": assessment.cluster,
        "independent_origins": assessment.origins.len(),
        "origins": assessment.origins.iter().map(|o| json!({
            "kind": origin_kind(o.kind),
            "name": o.name,
            "entity": o.entity.as_ref().map(entity_json),
            "why": o.why,
            "reports": o.reports.iter().map(|r| json!({
                "claim_id": r.claim_id,
                "document": r.document_external_id,
                "document_store_id": r.document_id,
                "relayed_by": r.relayed_by,
                "copy_of": r.copy_of.as_ref().map(|(id, external)| json!({"document": external, "document_store_id": id})),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "conflicts": assessment.conflicts.iter().map(|c| json!({
            "claim_id": c.claim_id,
            "document": c.document_external_id,
            "content": c.content,
            "origin": c.origin,
            "differences": c.differences.iter().map(|d| json!({"kind": d.kind, "detail": d.detail})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "conflicting_origins": assessment.n_against,
        "reliability": assessment.reliability.as_ref().map(rating_json),
        "credibility": assessment.credibility,
        "credibility_meaning": credibility_meaning(assessment.credibility),
        "credibility_reason": assessment.credibility_reason,
    })
}

/// The Admiralty grade of a claim as analysts write it: source reliability letter (`?`
/// when nobody rated the source) and information credibility digit, "B2".
fn grade(assessment: &Assessment) -> String {
    let letter = assessment.reliability.as_ref().map_or('?', |r| r.reliability.letter());
    format!("{letter}{}", assessment.credibility)
}

/// The lines under a claim in listings: its origins and conflicts, and why its grade.
pub fn assessment_lines(claim: &ClaimRecord) -> Vec<String> {
    let assessment = &claim.assessment;
    let mut lines = Vec::new();
    let origins: Vec<String> = assessment
        .origins
        .iter()
        .map(|o| {
            let relayed = o.reports.iter().filter(|r| !r.relayed_by.is_empty()).count();
            let copies = o.reports.iter().filter(|r| r.copy_of.is_some()).count();
            let mut notes = vec![format!("{} report(s)", o.reports.len())];
            if relayed > 0 {
                notes.push(format!("{relayed} relayed"));
            }
            if copies > 0 {
                notes.push(format!("{copies} in copies"));
            }
            format!("{} ({}; {})", o.name, origin_kind(o.kind), notes.join(", "))
        })
        .collect();
    lines.push(format!("origins ({}): {}", origins.len(), origins.join("; ")));
    for conflict in &assessment.conflicts {
        let differences: Vec<String> =
            conflict.differences.iter().map(|d| format!("{} {}", d.kind, d.detail)).collect();
        lines.push(format!(
            "conflicts with #{} ({}, {}): {}",
            conflict.claim_id,
            conflict.origin,
            conflict.document_external_id,
            differences.join("; ")
        ));
    }
    let reliability = assessment.reliability.as_ref().map_or_else(
        || "source not rated".to_string(),
        |r| format!("source {} ({}) by {}", r.reliability.letter(), r.reliability.meaning(), r.by),
    );
    lines.push(format!(
        "{}: {reliability}; credibility {} ({}): {}",
        grade(assessment),
        assessment.credibility,
        credibility_meaning(assessment.credibility),
        assessment.credibility_reason
    ));
    lines
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.replace('\n', " ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let head: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{head}…")
}

/// One line per claim: `source ← relay ← publisher: "content" [dates] [amounts] @places`.
pub fn claim_line(claim: &ClaimRecord) -> String {
    let mut hops: Vec<&str> = Vec::new();
    if let Some(source) = &claim.source {
        hops.push(&source.name);
    }
    hops.extend(claim.relays.iter().map(|r| r.name.as_str()));
    let publisher = claim.document.publisher.as_deref().unwrap_or("(publisher)");
    hops.push(publisher);
    let mut line = format!("#{} [{}] {}", claim.id, grade(&claim.assessment), hops.join(" ← "));
    if claim.stance == claimgraph_model::Stance::Denies {
        line.push_str(" denies");
    }
    line.push_str(&format!(": \"{}\"", shorten(claim.content.trim_matches('"'), 200)));
    if claim.source.is_none() {
        line.push_str(" (own voice)");
    }
    let dates: Vec<String> = claim
        .dates
        .iter()
        .map(|d| d.value.clone().unwrap_or_else(|| format!("{}?", d.text)))
        .collect();
    if !dates.is_empty() {
        line.push_str(&format!(" [{}]", dates.join(", ")));
    }
    let amounts: Vec<String> = claim
        .quantities
        .iter()
        .map(|q| match (&q.value, &q.unit) {
            (Some(value), Some(unit)) => format!("{value} {unit}"),
            (Some(value), None) => value.to_string(),
            _ => q.text.clone(),
        })
        .collect();
    if !amounts.is_empty() {
        line.push_str(&format!(" [{}]", amounts.join(", ")));
    }
    for place in &claim.places {
        line.push_str(&format!(" @{}", place.name));
    }
    if !claim.hedges.is_empty() {
        line.push_str(&format!(" ({})", claim.hedges.join(", ")));
    }
    if claim.negated {
        line.push_str(" (negated)");
    }
    let date = claim.document.date.map_or(String::new(), |d| format!(", {d}"));
    line.push_str(&format!("  — {}{date}", claim.document.external_id));
    let n_origins = claim.assessment.origins.len();
    if n_origins > 1 {
        line.push_str(&format!(" (corroborated: {n_origins} origins)"));
    }
    if !claim.assessment.conflicts.is_empty() {
        line.push_str(&format!(" (conflicts: {})", claim.assessment.conflicts.len()));
    }
    line
}

pub fn search(args: SearchArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let text = args.query.join(" ");
    let hits = store.search(&SearchQuery { text: text.clone(), limit: args.limit })?;
    if args.json {
        let hits: Vec<Value> = hits
            .iter()
            .map(|hit| {
                json!({
                    "kind": match hit.kind { HitKind::Document => "document", HitKind::Claim => "claim" },
                    "document": document_json(&hit.document),
                    "claim_id": hit.claim_id,
                    "snippet": hit.snippet,
                })
            })
            .collect();
        return print_json(&envelope("search", json!({"query": text, "hits": hits})))
            .map(|()| Outcome::default());
    }
    if hits.is_empty() {
        outln!("no match for {text:?}")?;
    }
    for hit in &hits {
        let what = match hit.claim_id {
            Some(id) => format!("claim #{id}"),
            None => "document".to_string(),
        };
        let title = hit.document.title.as_deref().unwrap_or("");
        outln!("{} {what} {title}", hit.document.external_id)?;
        outln!("    {}", shorten(&hit.snippet, 240))?;
    }
    Ok(Outcome::default())
}

pub fn entity(args: EntityArgs) -> anyhow::Result<Outcome> {
    if let Some(action) = args.action {
        return crate::curate::entity_action(action);
    }
    if args.name.is_empty() {
        anyhow::bail!("name an entity: claimgraph entity NAME (or entity merge|split ...)");
    }
    let store = open_existing(&args.db)?;
    let name = args.name.join(" ");
    let profile = store.entity(&name)?;
    if args.json {
        let body = json!({
            "entity": entity_json(&profile.entity),
            "mentions": profile.n_mentions,
            "documents": profile.n_documents,
            "n_claims_by": profile.n_claims_by,
            "n_claims_about": profile.n_claims_about,
            "first_seen": profile.first_seen.map(|d| d.to_string()),
            "last_seen": profile.last_seen.map(|d| d.to_string()),
            "aliases": profile.aliases.iter().map(|a| json!({
                "alias": a.alias, "reason": a.reason, "document": a.document_external_id,
                "document_store_id": a.document_id, "span": [a.span.start, a.span.end],
            })).collect::<Vec<_>>(),
            "occurrences": profile.occurrences.iter().map(|o| json!({
                "document": o.document_external_id, "document_store_id": o.document_id,
                "name": o.name, "mentions": o.n_mentions,
                "matched_by": o.matched_by.as_ref().map(|(name, doc)| json!({"name": name, "first_document_store_id": doc})),
            })).collect::<Vec<_>>(),
            "claims_by": profile.claims_by.iter().map(claim_json).collect::<Vec<_>>(),
            "claims_about": profile.claims_about.iter().map(claim_json).collect::<Vec<_>>(),
            "other_matches": profile.other_matches.iter().map(entity_json).collect::<Vec<_>>(),
            "merges": profile.merges.iter().map(|m| json!({
                "id": m.id, "into": entity_json(&m.into), "merged": entity_json(&m.merged),
                "documents": m.documents, "by": m.by,
                "at": chrono::DateTime::from_timestamp(m.at, 0).map(|t| t.to_rfc3339()),
                "reason": m.reason, "undone": m.undone_at.is_some(),
            })).collect::<Vec<_>>(),
        });
        return print_json(&envelope("entity", body)).map(|()| Outcome::default());
    }
    let entity = &profile.entity;
    outln!("{} [{}] #{}", entity.name, entity.label, entity.id)?;
    let seen = |d: Option<NaiveDate>| d.map_or("?".to_string(), |d| d.to_string());
    outln!(
        "  {} mentions in {} documents, first seen {}, last seen {}",
        profile.n_mentions,
        profile.n_documents,
        seen(profile.first_seen),
        seen(profile.last_seen)
    )?;
    // Aliases: each distinct name once, with its reasons and where it was first seen.
    let mut shown: Vec<(&str, Vec<&str>, &str)> = Vec::new();
    for alias in &profile.aliases {
        match shown.iter_mut().find(|(name, ..)| *name == alias.alias) {
            Some((_, reasons, _)) => {
                if !reasons.contains(&alias.reason.as_str()) {
                    reasons.push(&alias.reason);
                }
            }
            None => shown.push((&alias.alias, vec![&alias.reason], &alias.document_external_id)),
        }
    }
    outln!("aliases:")?;
    for (name, reasons, first_document) in &shown {
        outln!("  {name}  ({}; first in {first_document})", reasons.join(", "))?;
    }
    let joins: Vec<_> = profile.occurrences.iter().filter(|o| o.matched_by.is_some()).collect();
    if !joins.is_empty() {
        outln!("joined across documents:")?;
        for occurrence in joins.iter().take(args.limit) {
            if let Some((via, first)) = &occurrence.matched_by {
                outln!(
                    "  {} in {} via the name {via:?} (first used in store document #{first})",
                    occurrence.name,
                    occurrence.document_external_id
                )?;
            }
        }
    }
    for (title, claims, n) in [
        ("claims by it", &profile.claims_by, profile.n_claims_by),
        ("claims about it", &profile.claims_about, profile.n_claims_about),
    ] {
        let shown = claims.len().min(args.limit);
        if shown < n {
            outln!("{title}: {n} (the newest {shown} shown; `claimgraph claims` lists all)")?;
        } else {
            outln!("{title}: {n}")?;
        }
        for claim in claims.iter().take(args.limit) {
            outln!("  {}", claim_line(claim))?;
            for line in assessment_lines(claim) {
                outln!("      {line}")?;
            }
        }
    }
    if !profile.merges.is_empty() {
        outln!("merges and splits:")?;
        for merge in &profile.merges {
            let at = chrono::DateTime::from_timestamp(merge.at, 0)
                .map_or_else(String::new, |t| t.to_rfc3339());
            let undone = merge.undone_at.map_or(String::new(), |_| " (undone)".to_string());
            outln!(
                "  {}: {} #{} into {} #{} by {} at {at}{}{undone}; documents: {}",
                merge.id,
                merge.merged.name,
                merge.merged.id,
                merge.into.name,
                merge.into.id,
                merge.by,
                merge.reason.as_ref().map_or(String::new(), |r| format!(" ({r})")),
                merge.documents.join(", ")
            )?;
        }
    }
    if !profile.other_matches.is_empty() {
        let others: Vec<String> = profile
            .other_matches
            .iter()
            .map(|e| format!("{} [{}] #{}", e.name, e.label, e.id))
            .collect();
        outln!("also named so: {}", others.join("; "))?;
    }
    Ok(Outcome::default())
}

pub fn claims(args: ClaimsArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let query = ClaimQuery {
        about: args.about,
        by: args.by,
        since: args.since,
        until: args.until,
        place: args.place,
        limit: args.limit,
    };
    let claims = store.claims(&query)?;
    if args.json {
        let body = json!({"claims": claims.iter().map(claim_json).collect::<Vec<_>>()});
        return print_json(&envelope("claims", body)).map(|()| Outcome::default());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    for claim in &claims {
        writeln!(out, "{}", claim_line(claim))?;
        for line in assessment_lines(claim) {
            writeln!(out, "    {line}")?;
        }
    }
    writeln!(out, "{} claim(s)", claims.len())?;
    out.flush()?;
    Ok(Outcome::default())
}

pub fn sources(args: SourcesArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let sources = store.sources()?;
    let kind = |kind: SourceKind| match kind {
        SourceKind::Publisher => "publisher",
        SourceKind::Speaker => "speaker",
    };
    if args.json {
        let body = json!({"sources": sources.iter().map(|s| json!({
            "name": s.name, "kind": kind(s.kind), "entity": s.entity.as_ref().map(entity_json),
            "claims": s.n_claims, "relayed": s.n_relayed, "documents": s.n_documents,
            "first_seen": s.first_seen.map(|d| d.to_string()),
            "last_seen": s.last_seen.map(|d| d.to_string()),
            "rating": s.rating.as_ref().map(rating_json),
        })).collect::<Vec<_>>()});
        return print_json(&envelope("sources", body)).map(|()| Outcome::default());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "{:<9} {:>6} {:>7} {:>5} {:>6}  name",
        "kind", "claims", "relayed", "docs", "rating"
    )?;
    for source in &sources {
        let rating = source.rating.as_ref().map_or('-', |r| r.reliability.letter());
        writeln!(
            out,
            "{:<9} {:>6} {:>7} {:>5} {:>6}  {}",
            kind(source.kind),
            source.n_claims,
            source.n_relayed,
            source.n_documents,
            rating,
            source.name
        )?;
    }
    out.flush()?;
    Ok(Outcome::default())
}

pub fn doc(args: DocArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let document = store.document(&args.id)?;
    if args.json {
        let body = json!({
            "document": document_json(&document.summary),
            "text": document.text,
            "sentences": document.n_sentences,
            "entities": document.entities.iter().map(|(e, n)| {
                let mut value = entity_json(e);
                value["mentions"] = json!(n);
                value
            }).collect::<Vec<_>>(),
            "claims": document.claims.iter().map(claim_json).collect::<Vec<_>>(),
            "copy_of": document.copy_of.as_ref().map(copy_json),
            "copies": document.copies.iter().map(copy_json).collect::<Vec<_>>(),
        });
        return print_json(&envelope("doc", body)).map(|()| Outcome::default());
    }
    let summary = &document.summary;
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
    outln!("{} (store #{}, sha256 {})", summary.external_id, summary.id, summary.hash)?;
    outln!("  title:     {}", field(&summary.title))?;
    outln!("  date:      {}", summary.date.map_or("-".to_string(), |d| d.to_string()))?;
    outln!("  publisher: {}", field(&summary.publisher))?;
    outln!("  author:    {}", field(&summary.author))?;
    outln!("  url:       {}", field(&summary.url))?;
    outln!("  origin:    {}", summary.origin)?;
    let ingested = chrono::DateTime::from_timestamp(summary.ingested_at, 0)
        .map_or("-".to_string(), |t| t.to_rfc3339());
    outln!("  ingested:  {ingested} by {}", summary.extractor_version)?;
    outln!("  {} sentences, {} characters", document.n_sentences, document.text.chars().count())?;
    if let Some(link) = &document.copy_of {
        outln!(
            "  copy of:   {} (store #{}), the original; matched #{} with similarity {:.2}",
            link.document.external_id,
            link.document.id,
            link.matched_document_id.unwrap_or(link.document.id),
            link.similarity
        )?;
    }
    for link in &document.copies {
        outln!(
            "  copy:      {} (store #{}), similarity {:.2}",
            link.document.external_id,
            link.document.id,
            link.similarity
        )?;
    }
    outln!("entities:")?;
    for (entity, n) in &document.entities {
        outln!("  {:<4} {} ×{n}", entity.label, entity.name)?;
    }
    outln!("claims:")?;
    for claim in &document.claims {
        outln!("  {}", claim_line(claim))?;
    }
    if args.text {
        outln!("text:\n{}", document.text)?;
    }
    Ok(Outcome::default())
}

pub fn stats(args: StatsArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let stats = store.stats()?;
    if args.json {
        let body = json!({
            "documents": stats.documents, "entities": stats.entities, "mentions": stats.mentions,
            "claims": stats.claims, "attributed_claims": stats.attributed_claims,
            "relayed_claims": stats.relayed_claims, "publishers": stats.publishers,
            "copies": stats.copies, "corroborated_claims": stats.corroborated_claims,
            "conflicts": stats.conflicts,
        });
        return print_json(&envelope("stats", body)).map(|()| Outcome::default());
    }
    outln!("documents:  {}", stats.documents)?;
    outln!("entities:   {} ({} mentions)", stats.entities, stats.mentions)?;
    outln!(
        "claims:     {} ({} attributed, {} relayed)",
        stats.claims,
        stats.attributed_claims,
        stats.relayed_claims
    )?;
    outln!("publishers: {}", stats.publishers)?;
    outln!("copies:     {} (near-duplicates of an earlier document)", stats.copies)?;
    outln!(
        "assessed:   {} claims corroborated by independent origins, {} conflicts",
        stats.corroborated_claims,
        stats.conflicts
    )?;
    Ok(Outcome::default())
}
