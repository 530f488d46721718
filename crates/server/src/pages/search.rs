//! `/` and `/search`: find documents, entities and claims; filter by date, source, place.
//!
//! Words go to the store's full-text search (documents and claims) and are also tried as
//! an entity name; the filters narrow the hits by their document's date and publisher,
//! and, when any is given, list the matching claims through the claim query.

use askama::Template;
use axum::extract::{Query, State};
use claimgraph_store::{SearchQuery, StoreError};
use serde::Deserialize;

use super::{PageResult, render};
use crate::api::{ClaimParams, non_empty, parse_date};
use crate::view::{ClaimView, document_href, document_title, entity_href, snippet_parts};
use crate::{AppState, with_store};

#[derive(Debug, Default, Deserialize)]
pub struct SearchForm {
    q: Option<String>,
    since: Option<String>,
    until: Option<String>,
    by: Option<String>,
    place: Option<String>,
}

#[derive(Debug)]
struct HitView {
    kind: &'static str,
    document_id: i64,
    href: String,
    title: String,
    date: String,
    publisher: String,
    parts: Vec<(String, bool)>,
}

#[derive(Debug)]
struct EntityMatch {
    name: String,
    label: String,
    href: String,
    n_mentions: usize,
    n_claims_by: usize,
    n_claims_about: usize,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    title: String,
    nav: &'static str,
    q: String,
    since: String,
    until: String,
    by: String,
    place: String,
    searched: bool,
    entity: Option<EntityMatch>,
    hits: Vec<HitView>,
    claims: Vec<ClaimView>,
    filtered: bool,
    n_documents: usize,
    n_claims: usize,
}

pub async fn page(State(state): State<AppState>, Query(form): Query<SearchForm>) -> PageResult {
    let q = non_empty(&form.q);
    let since = parse_date("since", &form.since)?;
    let until = parse_date("until", &form.until)?;
    let by = non_empty(&form.by);
    let params = ClaimParams {
        about: None,
        by: form.by.clone(),
        since: form.since.clone(),
        until: form.until.clone(),
        place: form.place.clone(),
        limit: Some(100),
    };
    let filtered = params.is_filtered();
    let claim_query = params.to_query(100)?;
    let text = q.clone();
    let (stats, entity, hits, claims) = with_store(&state, move |store| {
        let stats = store.stats()?;
        let (entity, hits) = match &text {
            Some(text) => {
                let entity = match store.entity(text) {
                    Ok(profile) => Some(profile),
                    Err(StoreError::NotFound(_)) => None,
                    Err(error) => return Err(error),
                };
                let hits = match store.search(&SearchQuery { text: text.clone(), limit: 50 }) {
                    Ok(hits) => hits,
                    // A query the full-text syntax rejects finds nothing, like no match.
                    Err(StoreError::InvalidQuery(_)) => Vec::new(),
                    Err(error) => return Err(error),
                };
                (entity, hits)
            }
            None => (None, Vec::new()),
        };
        let claims = if filtered { store.claims(&claim_query)? } else { Vec::new() };
        Ok((stats, entity, hits, claims))
    })
    .await?;
    let by_lower = by.as_deref().map(str::to_lowercase);
    let hits = hits
        .iter()
        .filter(|hit| {
            let date_ok = match hit.document.date {
                Some(date) => since.is_none_or(|s| date >= s) && until.is_none_or(|u| date <= u),
                None => since.is_none() && until.is_none(),
            };
            let by_ok = by_lower.as_ref().is_none_or(|by| {
                hit.document.publisher.as_deref().is_some_and(|p| p.to_lowercase().contains(by))
            });
            date_ok && by_ok
        })
        .map(|hit| HitView {
            kind: match hit.kind {
                claimgraph_store::HitKind::Document => "document",
                claimgraph_store::HitKind::Claim => "claim",
            },
            document_id: hit.document.id,
            href: match hit.claim_id {
                Some(claim) => crate::view::claim_href(hit.document.id, claim),
                None => document_href(hit.document.id),
            },
            title: document_title(&hit.document),
            date: hit.document.date.map(|d| d.to_string()).unwrap_or_default(),
            publisher: hit.document.publisher.clone().unwrap_or_default(),
            parts: snippet_parts(&hit.snippet),
        })
        .collect();
    let entity = entity.map(|profile| EntityMatch {
        href: entity_href(&profile.entity.name),
        name: profile.entity.name,
        label: profile.entity.label,
        n_mentions: profile.n_mentions,
        n_claims_by: profile.n_claims_by,
        n_claims_about: profile.n_claims_about,
    });
    render(&SearchPage {
        title: q.clone().map_or_else(|| "Search".to_string(), |q| format!("Search: {q}")),
        nav: "search",
        searched: q.is_some() || filtered,
        q: q.unwrap_or_default(),
        since: form.since.unwrap_or_default(),
        until: form.until.unwrap_or_default(),
        by: form.by.unwrap_or_default(),
        place: form.place.unwrap_or_default(),
        entity,
        hits,
        claims: ClaimView::list(&claims),
        filtered,
        n_documents: stats.documents,
        n_claims: stats.claims,
    })
}
