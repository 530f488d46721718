//! An entity's profile, and the merge and split requests.

use claimgraph_store::{EntityMerge, EntityProfile, SplitOutcome};
use serde::{Deserialize, Serialize};

use crate::api::dto::{ClaimDto, EntityDto, SpanDto};

#[derive(Debug, Serialize)]
pub struct AliasDto {
    pub alias: String,
    pub reason: String,
    pub document_id: i64,
    pub document_external_id: String,
    pub span: SpanDto,
}

#[derive(Debug, Serialize)]
pub struct OccurrenceDto {
    pub document_id: i64,
    pub document_external_id: String,
    pub name: String,
    pub n_mentions: usize,
    /// The name it joined an existing entity through, and the document id that name was
    /// first seen in.
    pub matched_by: Option<(String, i64)>,
}

#[derive(Debug, Serialize)]
pub struct MergeDto {
    pub id: i64,
    pub into: EntityDto,
    pub merged: EntityDto,
    pub documents: Vec<String>,
    pub by: String,
    pub at: i64,
    pub reason: Option<String>,
    pub undone_at: Option<i64>,
}

impl From<&EntityMerge> for MergeDto {
    fn from(m: &EntityMerge) -> MergeDto {
        MergeDto {
            id: m.id,
            into: (&m.into).into(),
            merged: (&m.merged).into(),
            documents: m.documents.clone(),
            by: m.by.clone(),
            at: m.at,
            reason: m.reason.clone(),
            undone_at: m.undone_at,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct EntityProfileDto {
    pub entity: EntityDto,
    pub aliases: Vec<AliasDto>,
    pub occurrences: Vec<OccurrenceDto>,
    pub n_documents: usize,
    pub n_mentions: usize,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The newest claims by it; `n_claims_by` counts them all.
    pub claims_by: Vec<ClaimDto>,
    pub n_claims_by: usize,
    pub claims_about: Vec<ClaimDto>,
    pub n_claims_about: usize,
    pub other_matches: Vec<EntityDto>,
    pub merges: Vec<MergeDto>,
}

impl From<&EntityProfile> for EntityProfileDto {
    fn from(p: &EntityProfile) -> EntityProfileDto {
        EntityProfileDto {
            entity: (&p.entity).into(),
            aliases: p
                .aliases
                .iter()
                .map(|a| AliasDto {
                    alias: a.alias.clone(),
                    reason: a.reason.clone(),
                    document_id: a.document_id,
                    document_external_id: a.document_external_id.clone(),
                    span: a.span.into(),
                })
                .collect(),
            occurrences: p
                .occurrences
                .iter()
                .map(|o| OccurrenceDto {
                    document_id: o.document_id,
                    document_external_id: o.document_external_id.clone(),
                    name: o.name.clone(),
                    n_mentions: o.n_mentions,
                    matched_by: o.matched_by.clone(),
                })
                .collect(),
            n_documents: p.n_documents,
            n_mentions: p.n_mentions,
            first_seen: p.first_seen.map(|d| d.to_string()),
            last_seen: p.last_seen.map(|d| d.to_string()),
            claims_by: p.claims_by.iter().map(ClaimDto::from).collect(),
            n_claims_by: p.n_claims_by,
            claims_about: p.claims_about.iter().map(ClaimDto::from).collect(),
            n_claims_about: p.n_claims_about,
            other_matches: p.other_matches.iter().map(EntityDto::from).collect(),
            merges: p.merges.iter().map(MergeDto::from).collect(),
        }
    }
}

/// `POST /entities/merge`: merge the entity named `from` into the one named `into`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    pub into: String,
    pub from: String,
    pub reason: Option<String>,
}

/// `POST /entities/split`: exactly one of `merged` (undo the merge that brought in that
/// name), `merge_id`, or `documents` (move the entity's occurrences there to a new one).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitBody {
    pub entity: String,
    pub merged: Option<String>,
    pub merge_id: Option<i64>,
    pub documents: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct SplitDto {
    pub kept: EntityDto,
    pub split_off: EntityDto,
    pub documents: Vec<String>,
    pub undid_merge: Option<i64>,
}

impl From<&SplitOutcome> for SplitDto {
    fn from(s: &SplitOutcome) -> SplitDto {
        SplitDto {
            kept: (&s.kept).into(),
            split_off: (&s.split_off).into(),
            documents: s.documents.clone(),
            undid_merge: s.undid_merge,
        }
    }
}
