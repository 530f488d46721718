//! `/entities/{name}`: names and aliases with the evidence for each, claims it makes and
//! claims about it, first and last seen, a timeline of its statements, co-occurring
//! entities, manual merges.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};

use super::{PageResult, render};
use crate::aggregate;
use crate::view::{ClaimView, NameLink, document_href};
use crate::{AppState, with_store};

#[derive(Debug)]
struct AliasView {
    alias: String,
    reason: String,
    document: String,
    href: String,
}

#[derive(Debug)]
struct Month {
    month: String,
    claims: Vec<ClaimView>,
}

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage {
    title: String,
    nav: &'static str,
    id: i64,
    label: String,
    timeline_href: String,
    as_source_href: String,
    n_mentions: usize,
    n_documents: usize,
    first_seen: String,
    last_seen: String,
    aliases: Vec<AliasView>,
    n_claims_by: usize,
    n_claims_about: usize,
    truncated: bool,
    shown_limit: usize,
    claims_about: Vec<ClaimView>,
    statements: Vec<Month>,
    co_occurring: Vec<(NameLink, usize)>,
    other_matches: Vec<NameLink>,
    merges: Vec<String>,
}

pub async fn page(State(state): State<AppState>, Path(name): Path<String>) -> PageResult {
    let profile = with_store(&state, move |store| store.entity(&name)).await?;
    let entity = &profile.entity;
    // Its statements by month, undated ones last.
    let mut months: BTreeMap<String, Vec<ClaimView>> = BTreeMap::new();
    for claim in &profile.claims_by {
        let month = aggregate::claim_month(claim).unwrap_or_else(|| "undated".to_string());
        months.entry(month).or_default().push(ClaimView::of(claim));
    }
    // Entities named in the same claims, by or about it.
    let mut co: BTreeMap<i64, (NameLink, usize)> = BTreeMap::new();
    for claim in profile.claims_by.iter().chain(&profile.claims_about) {
        let source = claim.source.as_ref().and_then(|s| s.entity.as_ref());
        for other in claim.about.iter().chain(source) {
            if other.id != entity.id {
                co.entry(other.id).or_insert_with(|| (NameLink::entity(other), 0)).1 += 1;
            }
        }
    }
    let mut co_occurring: Vec<_> = co.into_values().collect();
    co_occurring.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    co_occurring.truncate(30);
    render(&EntityPage {
        title: entity.name.clone(),
        nav: "",
        id: entity.id,
        label: entity.label.clone(),
        timeline_href: format!("/timeline?about={}", crate::view::encode(&entity.name)),
        as_source_href: crate::view::source_href(&entity.name),
        n_mentions: profile.n_mentions,
        n_documents: profile.n_documents,
        first_seen: profile.first_seen.map(|d| d.to_string()).unwrap_or_default(),
        last_seen: profile.last_seen.map(|d| d.to_string()).unwrap_or_default(),
        aliases: profile
            .aliases
            .iter()
            .map(|a| AliasView {
                alias: a.alias.clone(),
                reason: a.reason.clone(),
                document: a.document_external_id.clone(),
                href: document_href(a.document_id),
            })
            .collect(),
        n_claims_by: profile.n_claims_by,
        n_claims_about: profile.n_claims_about,
        truncated: profile.n_claims_by > profile.claims_by.len()
            || profile.n_claims_about > profile.claims_about.len(),
        shown_limit: claimgraph_store::PROFILE_CLAIMS,
        claims_about: ClaimView::list(&profile.claims_about),
        statements: months.into_iter().map(|(month, claims)| Month { month, claims }).collect(),
        co_occurring,
        other_matches: profile.other_matches.iter().map(NameLink::entity).collect(),
        merges: profile
            .merges
            .iter()
            .map(|m| {
                let undone = if m.undone_at.is_some() { " (undone)" } else { "" };
                format!("#{}: {} merged in by {}{undone}", m.id, m.merged.name, m.by)
            })
            .collect(),
    })
}
