//! The JSON API, version 1: every route under `/api/v1`, described by the OpenAPI document
//! at `/api/v1/openapi.json` ([`openapi`]). Each resource has its folder with its handlers
//! and wire types; types used by several are in [`dto`].

mod claims;
mod documents;
pub mod dto;
mod entities;
pub mod openapi;
mod search;
mod sources;
mod stats;

use axum::Router;
use axum::routing::{get, post};
use chrono::NaiveDate;
use claimgraph_store::ClaimQuery;
use serde::Deserialize;

use crate::{ApiError, AppState};

/// Claims listed at most per request, whatever the client asks.
pub const MAX_LIMIT: usize = 1000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::handler))
        .route("/stats", get(stats::handler::get))
        .route("/search", get(search::handler::get))
        .route("/documents/{key}", get(documents::handler::get))
        .route("/documents/{key}/claims/{claim_id}", get(documents::handler::claim))
        .route("/entities/{name}", get(entities::handler::get))
        .route("/entities/merge", post(entities::handler::merge))
        .route("/entities/split", post(entities::handler::split))
        .route("/claims", get(claims::handler::list))
        .route("/claims/{claim_id}", get(claims::handler::get))
        .route("/claims/{claim_id}/marks", post(claims::handler::mark))
        .route("/sources", get(sources::handler::list))
        .route("/sources/rating", post(sources::handler::rate))
        .route("/timeline", get(views::timeline))
        .route("/map", get(views::map))
        .route("/graph", get(views::graph))
        .fallback(|uri: axum::http::Uri| async move { ApiError::NoRoute(uri.path().to_string()) })
}

/// Claim filters as query parameters (`/claims`, and the pages that list claims).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ClaimParams {
    pub about: Option<String>,
    pub by: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub place: Option<String>,
    pub limit: Option<usize>,
}

impl ClaimParams {
    /// The store query; empty parameters (as an HTML form sends them) are no filter.
    pub fn to_query(&self, default_limit: usize) -> Result<ClaimQuery, ApiError> {
        Ok(ClaimQuery {
            about: non_empty(&self.about),
            by: non_empty(&self.by),
            since: parse_date("since", &self.since)?,
            until: parse_date("until", &self.until)?,
            place: non_empty(&self.place),
            limit: Some(self.limit.unwrap_or(default_limit).clamp(1, MAX_LIMIT)),
        })
    }

    pub fn is_filtered(&self) -> bool {
        [&self.about, &self.by, &self.since, &self.until, &self.place]
            .iter()
            .any(|value| non_empty(value).is_some())
    }
}

pub fn non_empty(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

pub fn parse_date(name: &str, value: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    match non_empty(value) {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d").map(Some).map_err(|_| {
            ApiError::BadRequest(format!("{name}: expected YYYY-MM-DD, got {text:?}"))
        }),
    }
}

/// `GET /api/v1/timeline`, `/map`, `/graph`: aggregates over the filtered claims.
mod views {
    use axum::Json;
    use axum::extract::{Query, State};

    use super::ClaimParams;
    use crate::aggregate::{self, Graph, Map, Timeline};
    use crate::{ApiError, AppState, with_store};

    pub async fn timeline(
        State(state): State<AppState>,
        Query(params): Query<ClaimParams>,
    ) -> Result<Json<Timeline>, ApiError> {
        let query = params.to_query(super::MAX_LIMIT)?;
        let claims = with_store(&state, move |store| store.claims(&query)).await?;
        Ok(Json(aggregate::timeline(&claims)))
    }

    pub async fn map(
        State(state): State<AppState>,
        Query(params): Query<ClaimParams>,
    ) -> Result<Json<Map>, ApiError> {
        let query = params.to_query(super::MAX_LIMIT)?;
        let claims = with_store(&state, move |store| store.claims(&query)).await?;
        Ok(Json(aggregate::map(&claims)))
    }

    pub async fn graph(
        State(state): State<AppState>,
        Query(params): Query<ClaimParams>,
    ) -> Result<Json<Graph>, ApiError> {
        let query = params.to_query(super::MAX_LIMIT)?;
        let claims = with_store(&state, move |store| store.claims(&query)).await?;
        Ok(Json(aggregate::graph(&claims)))
    }
}
