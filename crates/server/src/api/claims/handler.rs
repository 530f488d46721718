//! `GET /api/v1/claims?about=&by=&since=&until=&place=&limit=`: claims matching every
//! filter, in document then text order.

use axum::Json;
use axum::extract::{Query, State};

use crate::api::ClaimParams;
use crate::api::dto::{ClaimDto, List};
use crate::{ApiError, AppState, with_store};

pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<ClaimParams>,
) -> Result<Json<List<ClaimDto>>, ApiError> {
    let query = params.to_query(200)?;
    let claims = with_store(&state, move |store| store.claims(&query)).await?;
    Ok(Json(List::new(claims.iter().map(ClaimDto::from).collect())))
}
