//! `/timeline`: claims per month as bars, then the claims month by month; filtered like
//! `/claims` (about, by, place, since, until).

use askama::Template;
use axum::extract::{Query, State};

use super::{PageResult, render};
use crate::aggregate;
use crate::api::{ClaimParams, MAX_LIMIT};
use crate::view::ClaimView;
use crate::{AppState, with_store};

#[derive(Debug)]
struct Bar {
    month: String,
    count: usize,
    x: String,
    y: String,
    width: String,
    height: String,
    show_label: bool,
}

#[derive(Debug)]
struct Month {
    month: String,
    claims: Vec<ClaimView>,
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage {
    title: String,
    nav: &'static str,
    form: ClaimParams,
    bars: Vec<Bar>,
    months: Vec<Month>,
    undated: usize,
    total: usize,
}

pub async fn page(State(state): State<AppState>, Query(params): Query<ClaimParams>) -> PageResult {
    let query = params.to_query(MAX_LIMIT)?;
    let claims = with_store(&state, move |store| store.claims(&query)).await?;
    let timeline = aggregate::timeline(&claims);
    let max = timeline.buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let n = timeline.buckets.len().max(1);
    let step = 600.0 / n as f64;
    let label_every = n.div_ceil(8);
    let bars = timeline
        .buckets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let height = 150.0 * b.count as f64 / max as f64;
            Bar {
                month: b.month.clone(),
                count: b.count,
                x: format!("{:.1}", i as f64 * step + step * 0.1),
                y: format!("{:.1}", 160.0 - height),
                width: format!("{:.1}", step * 0.8),
                height: format!("{height:.1}"),
                show_label: i % label_every == 0,
            }
        })
        .collect();
    let months = timeline
        .buckets
        .iter()
        .rev()
        .map(|b| Month {
            month: b.month.clone(),
            claims: claims
                .iter()
                .filter(|c| b.claim_ids.contains(&c.id))
                .map(ClaimView::of)
                .collect(),
        })
        .collect();
    render(&TimelinePage {
        title: "Timeline".into(),
        nav: "timeline",
        form: ClaimParams {
            about: params.about.clone(),
            by: params.by.clone(),
            since: params.since.clone(),
            until: params.until.clone(),
            place: params.place.clone(),
            limit: None,
        },
        bars,
        months,
        undated: timeline.undated,
        total: claims.len(),
    })
}
