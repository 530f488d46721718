//! `/sources`: every publisher and speaker with its rating; `/sources/{name}`: everything
//! a source said, with its rating.

use askama::Template;
use axum::extract::{Path, State};
use claimgraph_store::{ClaimQuery, SourceKind, SourceSummary, StoreError};

use super::{PageResult, render};
use crate::view::{ClaimView, source_href};
use crate::{AppState, with_store};

#[derive(Debug)]
struct SourceRow {
    name: String,
    href: String,
    kind: &'static str,
    label: String,
    n_claims: usize,
    n_relayed: usize,
    n_documents: usize,
    seen: String,
    rating: String,
    rating_meaning: String,
}

impl SourceRow {
    fn of(s: &SourceSummary) -> SourceRow {
        let seen = match (s.first_seen, s.last_seen) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => String::new(),
        };
        SourceRow {
            name: s.name.clone(),
            href: source_href(&s.name),
            kind: match s.kind {
                SourceKind::Publisher => "publisher",
                SourceKind::Speaker => "speaker",
            },
            label: s.entity.as_ref().map(|e| e.label.clone()).unwrap_or_default(),
            n_claims: s.n_claims,
            n_relayed: s.n_relayed,
            n_documents: s.n_documents,
            seen,
            rating: s
                .rating
                .as_ref()
                .map(|r| r.reliability.letter().to_string())
                .unwrap_or_default(),
            rating_meaning: s.rating.as_ref().map_or_else(
                || "not rated".to_string(),
                |r| format!("{}, rated by {}", r.reliability.meaning(), r.by),
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "sources.html")]
struct SourcesPage {
    title: String,
    nav: &'static str,
    sources: Vec<SourceRow>,
}

pub async fn list(State(state): State<AppState>) -> PageResult {
    let sources = with_store(&state, |store| store.sources()).await?;
    render(&SourcesPage {
        title: "Sources".into(),
        nav: "sources",
        sources: sources.iter().map(SourceRow::of).collect(),
    })
}

#[derive(Template)]
#[template(path = "source.html")]
struct SourcePage {
    title: String,
    nav: &'static str,
    source: SourceRow,
    entity_href: Option<String>,
    claims: Vec<ClaimView>,
}

pub async fn page(State(state): State<AppState>, Path(name): Path<String>) -> PageResult {
    let (source, claims) = with_store(&state, move |store| {
        let wanted = name.to_lowercase();
        let source = store
            .sources()?
            .into_iter()
            .find(|s| s.name.to_lowercase() == wanted)
            .ok_or_else(|| StoreError::NotFound(format!("source {name}")))?;
        let claims = store.claims(&ClaimQuery {
            by: Some(source.name.clone()),
            limit: Some(500),
            ..ClaimQuery::default()
        })?;
        Ok((source, claims))
    })
    .await?;
    render(&SourcePage {
        title: source.name.clone(),
        nav: "sources",
        entity_href: source.entity.as_ref().map(|e| crate::view::entity_href(&e.name)),
        source: SourceRow::of(&source),
        claims: ClaimView::list(&claims),
    })
}
