//! What analysts add to the store: `claimgraph rate SOURCE B`, `claimgraph entity merge A
//! B` and `claimgraph entity split ...`. Each records who did it (`--by`, default `$USER`)
//! and when; the store keeps the history.

use std::time::{SystemTime, UNIX_EPOCH};

use claimgraph_store::{
    ClaimStatus, MergeRequest, NewClaimMark, NewRating, Reliability, SplitRequest, SplitTarget,
};
use serde_json::json;

use crate::Outcome;
use crate::query::{DbArg, envelope, open_existing, print_json};

/// Who is acting: `--by`, else `$USER`, else "unknown".
fn who(by: &Option<String>) -> String {
    by.clone()
        .filter(|name| !name.trim().is_empty())
        .or_else(|| std::env::var("USER").ok().filter(|name| !name.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs() as i64)
}

fn parse_reliability(value: &str) -> Result<Reliability, String> {
    Reliability::parse(value)
        .ok_or_else(|| format!("expected an Admiralty reliability letter A-F, got {value:?}"))
}

#[derive(Debug, clap::Args)]
pub struct RateArgs {
    /// The source: a publisher, a speaker or an entity name.
    pub source: String,
    /// Admiralty reliability: A completely reliable, B usually reliable, C fairly
    /// reliable, D not usually reliable, E unreliable, F cannot be judged.
    #[arg(value_parser = parse_reliability)]
    pub reliability: Reliability,
    /// Who gives the grade (default: $USER).
    #[arg(long)]
    pub by: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

pub fn rate(args: RateArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let rating = store.rate_source(&NewRating {
        source: args.source.clone(),
        reliability: args.reliability,
        by: who(&args.by),
        at: now(),
    })?;
    let at = chrono::DateTime::from_timestamp(rating.at, 0).map(|t| t.to_rfc3339());
    if args.json {
        let body = json!({
            "source": rating.name, "reliability": rating.reliability.letter().to_string(),
            "meaning": rating.reliability.meaning(), "by": rating.by, "at": at,
        });
        return print_json(&envelope("rate", body)).map(|()| Outcome::default());
    }
    outln!(
        "{} rated {} ({}) by {} at {}",
        rating.name,
        rating.reliability.letter(),
        rating.reliability.meaning(),
        rating.by,
        at.unwrap_or_default()
    )?;
    Ok(Outcome::default())
}

fn parse_status(value: &str) -> Result<ClaimStatus, String> {
    ClaimStatus::parse(value)
        .ok_or_else(|| format!("expected `confirmed` or `retracted`, got {value:?}"))
}

#[derive(Debug, clap::Args)]
pub struct MarkArgs {
    /// The claim's store id.
    pub claim: i64,
    /// `confirmed` (checked and found true: credibility 1) or `retracted` (withdrawn by
    /// its source or shown false: credibility 5).
    #[arg(value_parser = parse_status)]
    pub status: ClaimStatus,
    /// Why, in a few words.
    #[arg(long)]
    pub note: Option<String>,
    /// Who gives the verdict (default: $USER).
    #[arg(long)]
    pub by: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

pub fn mark(args: MarkArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let mark = store.mark_claim(&NewClaimMark {
        claim_id: args.claim,
        status: args.status,
        by: who(&args.by),
        at: now(),
        note: args.note.clone(),
    })?;
    if args.json {
        return print_json(&envelope("mark", crate::query::mark_json(&mark)))
            .map(|()| Outcome::default());
    }
    let claim = store.claim(mark.claim_id)?;
    outln!("claim {} marked {} by {}", mark.claim_id, mark.status.as_str(), mark.by)?;
    outln!(
        "  credibility {}: {}",
        claim.assessment.credibility,
        claim.assessment.credibility_reason
    )?;
    Ok(Outcome::default())
}

#[derive(Debug, clap::Subcommand)]
pub enum EntityAction {
    /// Merge entity B into entity A (names, or `#ID`); undo with `entity split A B`.
    Merge(MergeArgs),
    /// Undo a merge (`split A B`, or `--merge ID`), or move A's occurrences in some
    /// documents to a new entity (`split A --documents DOC...`).
    Split(SplitArgs),
    /// Mark a person as a public figure (named in redacted exports), or with `--unset`
    /// as private; `--clear` lets the default rule decide again.
    Public(crate::export::PublicArgs),
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The entity that stays.
    pub into: String,
    /// The entity merged into it.
    pub from: String,
    /// Why (kept with the merge).
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub by: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SplitArgs {
    /// The entity to split.
    pub entity: String,
    /// The name of an entity merged into it, to undo that merge.
    pub merged: Option<String>,
    /// Undo this merge (its number, as `entity` lists it).
    #[arg(long, conflicts_with_all = ["merged", "documents"])]
    pub merge: Option<i64>,
    /// Move the entity's occurrences in these documents to a new entity.
    #[arg(long, num_args = 1.., conflicts_with = "merged")]
    pub documents: Vec<String>,
    #[arg(long)]
    pub by: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

pub fn entity_action(action: EntityAction) -> anyhow::Result<Outcome> {
    match action {
        EntityAction::Public(args) => crate::export::public(args),
        EntityAction::Merge(args) => {
            let store = open_existing(&args.db)?;
            let merge = store.merge_entities(&MergeRequest {
                into: args.into,
                from: args.from,
                by: who(&args.by),
                at: now(),
                reason: args.reason,
            })?;
            if args.json {
                let body = json!({
                    "merge": merge.id,
                    "into": {"id": merge.into.id, "name": merge.into.name, "label": merge.into.label},
                    "merged": {"id": merge.merged.id, "name": merge.merged.name, "label": merge.merged.label},
                    "documents": merge.documents, "by": merge.by, "at": merge.at, "reason": merge.reason,
                });
                return print_json(&envelope("entity-merge", body)).map(|()| Outcome::default());
            }
            outln!(
                "merge {}: {} #{} merged into {} #{} ({} document(s): {}) by {}",
                merge.id,
                merge.merged.name,
                merge.merged.id,
                merge.into.name,
                merge.into.id,
                merge.documents.len(),
                merge.documents.join(", "),
                merge.by
            )?;
            outln!("undo with: claimgraph entity split '#{}' --merge {}", merge.into.id, merge.id)?;
            Ok(Outcome::default())
        }
        EntityAction::Split(args) => {
            let store = open_existing(&args.db)?;
            let target = match (args.merge, args.merged, args.documents.is_empty()) {
                (Some(id), _, _) => SplitTarget::MergeId(id),
                (None, Some(name), _) => SplitTarget::Merged(name),
                (None, None, false) => SplitTarget::Documents(args.documents),
                (None, None, true) => anyhow::bail!(
                    "say what to split off: a merged entity's name, --merge ID or --documents DOC..."
                ),
            };
            let outcome = store.split_entity(&SplitRequest {
                entity: args.entity,
                target,
                by: who(&args.by),
                at: now(),
            })?;
            if args.json {
                let entity = |e: &claimgraph_store::EntityRef| json!({"id": e.id, "name": e.name, "label": e.label});
                let body = json!({
                    "kept": entity(&outcome.kept), "split_off": entity(&outcome.split_off),
                    "documents": outcome.documents, "undid_merge": outcome.undid_merge,
                });
                return print_json(&envelope("entity-split", body)).map(|()| Outcome::default());
            }
            let how = outcome.undid_merge.map_or_else(
                || "split off".to_string(),
                |id| format!("restored (merge {id} undone)"),
            );
            outln!(
                "{} #{} {how} from {} #{} ({} document(s): {})",
                outcome.split_off.name,
                outcome.split_off.id,
                outcome.kept.name,
                outcome.kept.id,
                outcome.documents.len(),
                outcome.documents.join(", ")
            )?;
            Ok(Outcome::default())
        }
    }
}
