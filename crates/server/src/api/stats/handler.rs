//! `GET /api/v1/stats`.

use axum::Json;
use axum::extract::State;

use super::dto::StatsDto;
use crate::{ApiError, AppState, with_store};

pub async fn get(State(state): State<AppState>) -> Result<Json<StatsDto>, ApiError> {
    let stats = with_store(&state, |store| store.stats()).await?;
    Ok(Json(stats.into()))
}
