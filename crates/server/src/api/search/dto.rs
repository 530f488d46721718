//! Search parameters and hits.

use claimgraph_store::{HitKind, SearchHit};
use serde::{Deserialize, Serialize};

use crate::api::dto::DocumentRefDto;

#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    /// Words to find; every word must occur.
    pub q: Option<String>,
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct HitDto {
    /// "document" or "claim".
    pub kind: &'static str,
    pub document: DocumentRefDto,
    pub claim_id: Option<i64>,
    /// An excerpt around the match, matched words in `[` `]`.
    pub snippet: String,
}

impl From<&SearchHit> for HitDto {
    fn from(hit: &SearchHit) -> HitDto {
        HitDto {
            kind: match hit.kind {
                HitKind::Document => "document",
                HitKind::Claim => "claim",
            },
            document: DocumentRefDto::from(&hit.document),
            claim_id: hit.claim_id,
            snippet: hit.snippet.clone(),
        }
    }
}
