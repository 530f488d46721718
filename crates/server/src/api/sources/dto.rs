//! Sources and their ratings.

use claimgraph_store::{SourceKind, SourceSummary};
use serde::{Deserialize, Serialize};

use crate::api::dto::{EntityDto, RatingDto};

#[derive(Debug, Serialize)]
pub struct SourceDto {
    pub name: String,
    /// "publisher" or "speaker".
    pub kind: &'static str,
    pub entity: Option<EntityDto>,
    pub n_claims: usize,
    pub n_relayed: usize,
    pub n_documents: usize,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub rating: Option<RatingDto>,
}

pub fn kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Publisher => "publisher",
        SourceKind::Speaker => "speaker",
    }
}

impl From<&SourceSummary> for SourceDto {
    fn from(s: &SourceSummary) -> SourceDto {
        SourceDto {
            name: s.name.clone(),
            kind: kind(s.kind),
            entity: s.entity.as_ref().map(EntityDto::from),
            n_claims: s.n_claims,
            n_relayed: s.n_relayed,
            n_documents: s.n_documents,
            first_seen: s.first_seen.map(|d| d.to_string()),
            last_seen: s.last_seen.map(|d| d.to_string()),
            rating: s.rating.as_ref().map(RatingDto::from),
        }
    }
}

/// `POST /sources/rating`: grade a source A–F.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateBody {
    pub source: String,
    pub grade: String,
}
