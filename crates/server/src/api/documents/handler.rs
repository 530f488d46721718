//! `GET /api/v1/documents/{key}` (store id, content hash or prefix, or the caller's id)
//! and `GET /api/v1/documents/{key}/claims/{claim_id}`.
//!
//! A claim is addressed through its document because the store looks claims up by
//! document; the claim page uses the same path.

use axum::Json;
use axum::extract::{Path, State};
use claimgraph_store::{ClaimRecord, StoreError};

use super::dto::DocumentDto;
use crate::api::dto::ClaimDto;
use crate::{ApiError, AppState, with_store};

pub async fn get(
    State(state): State<AppState>,
    Path(key): Path<String>,
) -> Result<Json<DocumentDto>, ApiError> {
    let document = with_store(&state, move |store| store.document(&key)).await?;
    Ok(Json(DocumentDto::from(&document)))
}

pub async fn claim(
    State(state): State<AppState>,
    Path((key, claim_id)): Path<(String, i64)>,
) -> Result<Json<ClaimDto>, ApiError> {
    let claim = find_claim(&state, key, claim_id).await?;
    Ok(Json(ClaimDto::from(&claim)))
}

/// The claim `claim_id` of document `key`, or not found.
pub async fn find_claim(
    state: &AppState,
    key: String,
    claim_id: i64,
) -> Result<ClaimRecord, ApiError> {
    with_store(state, move |store| {
        let document = store.document(&key)?;
        document
            .claims
            .into_iter()
            .find(|claim| claim.id == claim_id)
            .ok_or_else(|| StoreError::NotFound(format!("claim {claim_id} in document {key}")))
    })
    .await
}
