//! `/map`: the places claims name, as points on an embedded world outline (Natural Earth
//! 1:110m; `scripts/web/fetch_world.sh`), drawn server-side in SVG: no tiles, no script.
//! The projection is equirectangular, the same as the outline's: x = lon + 180,
//! y = 90 − lat in a 360 × 180 frame.

use askama::Template;
use axum::extract::{Query, State};

use super::{PageResult, render};
use crate::aggregate;
use crate::api::{ClaimParams, MAX_LIMIT};
use crate::view::encode;
use crate::{AppState, with_store};

#[derive(Debug)]
struct Point {
    name: String,
    n_claims: usize,
    x: String,
    y: String,
    r: String,
    href: String,
    coordinates: String,
}

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage {
    title: String,
    nav: &'static str,
    form: ClaimParams,
    points: Vec<Point>,
}

pub async fn page(State(state): State<AppState>, Query(params): Query<ClaimParams>) -> PageResult {
    let query = params.to_query(MAX_LIMIT)?;
    let claims = with_store(&state, move |store| store.claims(&query)).await?;
    let map = aggregate::map(&claims);
    let points = map
        .places
        .iter()
        .filter(|p| p.lat.is_finite() && p.lon.is_finite())
        .map(|p| Point {
            name: p.name.clone(),
            n_claims: p.n_claims,
            x: format!("{:.2}", (p.lon + 180.0).clamp(0.0, 360.0)),
            y: format!("{:.2}", (90.0 - p.lat).clamp(0.0, 180.0)),
            r: format!("{:.2}", 1.2 + (p.n_claims as f64).sqrt() * 0.8),
            href: format!("/search?place={}", encode(&p.name)),
            coordinates: format!("{:.2}, {:.2}", p.lat, p.lon),
        })
        .collect();
    render(&MapPage { title: "Map".into(), nav: "map", form: params, points })
}
