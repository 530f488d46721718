//! `GET /api/v1/search?q=WORDS&limit=N`: full-text search over documents and claims.

use axum::Json;
use axum::extract::{Query, State};
use claimgraph_store::SearchQuery;

use super::dto::{HitDto, SearchParams};
use crate::api::dto::List;
use crate::api::{MAX_LIMIT, non_empty};
use crate::{ApiError, AppState, with_store};

pub async fn get(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Result<Json<List<HitDto>>, ApiError> {
    let text =
        non_empty(&params.q).ok_or_else(|| ApiError::BadRequest("q: words to find".into()))?;
    let query = SearchQuery { text, limit: params.limit.unwrap_or(20).clamp(1, MAX_LIMIT) };
    let hits = with_store(&state, move |store| store.search(&query)).await?;
    Ok(Json(List::new(hits.iter().map(HitDto::from).collect())))
}
