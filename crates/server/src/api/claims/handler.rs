//! `GET /api/v1/claims?about=&by=&since=&until=&place=&limit=`: claims matching every
//! filter, in document then text order; `GET /api/v1/claims/{id}`: one claim;
//! `POST /api/v1/claims/{id}/marks` (token): mark it confirmed or retracted.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use claimgraph_store::{ClaimStatus, NewClaimMark};

use super::dto::MarkBody;
use crate::api::ClaimParams;
use crate::api::dto::{ClaimDto, List, MarkDto};
use crate::auth::{now, require_write};
use crate::{ApiError, AppState, with_store};

pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<ClaimParams>,
) -> Result<Json<List<ClaimDto>>, ApiError> {
    let query = params.to_query(200)?;
    let claims = with_store(&state, move |store| store.claims(&query)).await?;
    Ok(Json(List::new(claims.iter().map(ClaimDto::from).collect())))
}

pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<ClaimDto>, ApiError> {
    let claim = with_store(&state, move |store| store.claim(id)).await?;
    Ok(Json(ClaimDto::from(&claim)))
}

pub async fn mark(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Result<Json<MarkBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<MarkDto>, ApiError> {
    let by = require_write(&state, &headers)?;
    let Json(body) = body.map_err(|error| ApiError::BadRequest(error.body_text()))?;
    let status = ClaimStatus::parse(&body.status).ok_or_else(|| {
        ApiError::BadRequest(format!("status: confirmed or retracted, got {:?}", body.status))
    })?;
    let mark = NewClaimMark { claim_id: id, status, by, at: now(), note: body.note };
    let stored = with_store(&state, move |store| store.mark_claim(&mark)).await?;
    Ok(Json(MarkDto::from(&stored)))
}
