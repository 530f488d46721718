//! `GET /api/v1/entities/{name}`; `POST /api/v1/entities/merge` and `/split` (token).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use claimgraph_store::{MergeRequest, SplitRequest, SplitTarget};

use super::dto::{EntityProfileDto, MergeBody, MergeDto, SplitBody, SplitDto};
use crate::auth::{now, require_write};
use crate::{ApiError, AppState, with_store};

pub async fn get(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<EntityProfileDto>, ApiError> {
    let profile = with_store(&state, move |store| store.entity(&name)).await?;
    Ok(Json(EntityProfileDto::from(&profile)))
}

pub async fn merge(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<MergeBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<MergeDto>, ApiError> {
    let by = require_write(&state, &headers)?;
    let Json(body) = body.map_err(|error| ApiError::BadRequest(error.body_text()))?;
    let request =
        MergeRequest { into: body.into, from: body.from, by, at: now(), reason: body.reason };
    let merge = with_store(&state, move |store| store.merge_entities(&request)).await?;
    Ok(Json(MergeDto::from(&merge)))
}

pub async fn split(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<SplitBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<SplitDto>, ApiError> {
    let by = require_write(&state, &headers)?;
    let Json(body) = body.map_err(|error| ApiError::BadRequest(error.body_text()))?;
    let target = match (body.merged, body.merge_id, body.documents) {
        (Some(name), None, None) => SplitTarget::Merged(name),
        (None, Some(id), None) => SplitTarget::MergeId(id),
        (None, None, Some(documents)) if !documents.is_empty() => SplitTarget::Documents(documents),
        _ => {
            return Err(ApiError::BadRequest(
                "give exactly one of merged, merge_id, documents (non-empty)".into(),
            ));
        }
    };
    let request = SplitRequest { entity: body.entity, target, by, at: now() };
    let outcome = with_store(&state, move |store| store.split_entity(&request)).await?;
    Ok(Json(SplitDto::from(&outcome)))
}
