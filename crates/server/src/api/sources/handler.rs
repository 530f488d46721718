//! `GET /api/v1/sources`; `POST /api/v1/sources/rating` (token).

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use claimgraph_store::{NewRating, Reliability};

use super::dto::{RateBody, SourceDto};
use crate::api::dto::{List, RatingDto};
use crate::auth::{now, require_write};
use crate::{ApiError, AppState, with_store};

pub async fn list(State(state): State<AppState>) -> Result<Json<List<SourceDto>>, ApiError> {
    let sources = with_store(&state, |store| store.sources()).await?;
    Ok(Json(List::new(sources.iter().map(SourceDto::from).collect())))
}

pub async fn rate(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<RateBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<RatingDto>, ApiError> {
    let by = require_write(&state, &headers)?;
    let Json(body) = body.map_err(|error| ApiError::BadRequest(error.body_text()))?;
    let reliability = Reliability::parse(&body.grade)
        .ok_or_else(|| ApiError::BadRequest(format!("grade: A to F, got {:?}", body.grade)))?;
    let rating = NewRating { source: body.source, reliability, by, at: now() };
    let stored = with_store(&state, move |store| store.rate_source(&rating)).await?;
    Ok(Json(RatingDto::from(&stored)))
}
