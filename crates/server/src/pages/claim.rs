//! `/documents/{key}/claims/{claim_id}`: one claim's provenance drawn as a path (publisher
//! → relays → original source), the span that carries it in each document reporting it,
//! its independent origins, the reports that contradict it, and its credibility beside
//! the source's reliability, each with the reason.

use askama::Template;
use axum::extract::{Path, State};
use claimgraph_store::{ClaimRecord, StoreError, assess};

use super::{PageResult, render};
use crate::view::{
    ClaimView, NameLink, claim_href, document_href, document_title, floor_boundary, source_href,
};
use crate::{AppState, with_store};

/// One step of the provenance path.
#[derive(Debug)]
struct Step {
    /// "publisher", "relay" or "source".
    role: &'static str,
    name: String,
    href: String,
}

/// A document that carries the claim, and the words that carry it there.
#[derive(Debug)]
struct Carrier {
    document: String,
    href: String,
    claim_href: String,
    before: String,
    span: String,
    after: String,
    relayed_by: String,
    this_one: bool,
}

#[derive(Debug)]
struct OriginView {
    kind: &'static str,
    name: String,
    why: String,
    n_reports: usize,
}

#[derive(Debug)]
struct ConflictView {
    content: String,
    origin: String,
    document: String,
    differences: String,
}

#[derive(Template)]
#[template(path = "claim.html")]
struct ClaimPage {
    title: String,
    nav: &'static str,
    claim: ClaimView,
    path: Vec<Step>,
    carriers: Vec<Carrier>,
    origins: Vec<OriginView>,
    conflicts: Vec<ConflictView>,
    credibility: u8,
    credibility_meaning: String,
    credibility_reason: String,
    reliability: Option<(String, String, String)>,
    facts: Vec<(&'static str, String)>,
}

/// Reports in other documents looked up for their spans, at most.
const MAX_CARRIERS: usize = 12;
/// Context shown around a span, in bytes each side.
const CONTEXT: usize = 160;

fn carrier(text: &str, claim: &ClaimRecord, relayed_by: &[String], this_one: bool) -> Carrier {
    let start = floor_boundary(text, claim.span.start);
    let end = floor_boundary(text, claim.span.end).max(start);
    let from = floor_boundary(text, start.saturating_sub(CONTEXT));
    let to = floor_boundary(text, end.saturating_add(CONTEXT));
    Carrier {
        document: document_title(&claim.document),
        href: document_href(claim.document.id),
        claim_href: claim_href(claim.document.id, claim.id),
        before: format!("{}{}", if from > 0 { "…" } else { "" }, &text[from..start]),
        span: text[start..end].to_string(),
        after: format!("{}{}", &text[end..to], if to < text.len() { "…" } else { "" }),
        relayed_by: relayed_by.join(", "),
        this_one,
    }
}

pub async fn page(
    State(state): State<AppState>,
    Path((key, claim_id)): Path<(String, i64)>,
) -> PageResult {
    let (claim, carriers) = with_store(&state, move |store| {
        let document = store.document(&key)?;
        let claim =
            document.claims.iter().find(|claim| claim.id == claim_id).cloned().ok_or_else(
                || StoreError::NotFound(format!("claim {claim_id} in document {key}")),
            )?;
        let own_relays: Vec<String> = claim.relays.iter().map(|r| r.name.clone()).collect();
        let mut carriers = vec![carrier(&document.text, &claim, &own_relays, true)];
        let reports = claim.assessment.origins.iter().flat_map(|o| &o.reports);
        for report in reports.filter(|r| r.claim_id != claim_id).take(MAX_CARRIERS) {
            let other = match store.document(&report.document_id.to_string()) {
                Ok(other) => other,
                Err(StoreError::NotFound(_)) => continue,
                Err(error) => return Err(error),
            };
            if let Some(c) = other.claims.iter().find(|c| c.id == report.claim_id) {
                carriers.push(carrier(&other.text, c, &report.relayed_by, false));
            }
        }
        Ok((claim, carriers))
    })
    .await?;

    let mut path = Vec::new();
    let publisher = claim.document.publisher.clone();
    path.push(Step {
        role: "publisher",
        href: publisher.as_deref().map_or_else(|| document_href(claim.document.id), source_href),
        name: publisher.unwrap_or_else(|| document_title(&claim.document)),
    });
    for relay in claim.relays.iter().rev() {
        let link = relay.entity.as_ref().map(NameLink::entity);
        path.push(Step {
            role: "relay",
            name: relay.name.clone(),
            href: link.map_or_else(|| source_href(&relay.name), |l| l.href),
        });
    }
    if let Some(source) = &claim.source {
        let link = source.entity.as_ref().map(NameLink::entity);
        path.push(Step {
            role: "source",
            name: source.name.clone(),
            href: link.map_or_else(|| source_href(&source.name), |l| l.href),
        });
    }
    let a = &claim.assessment;
    let mut facts = Vec::new();
    if let Some(form) = &claim.form {
        facts.push(("Form", form.clone()));
    }
    let dates: Vec<String> = claim
        .dates
        .iter()
        .map(|d| match &d.value {
            Some(value) => format!("{} ({value})", d.text),
            None => format!("{} (unresolved)", d.text),
        })
        .collect();
    let places: Vec<String> = claim.places.iter().map(|p| p.name.clone()).collect();
    let figures: Vec<String> = claim.quantities.iter().map(|q| q.text.clone()).collect();
    for (name, values) in [
        ("Dates", dates),
        ("Places", places),
        ("Figures", figures),
        ("Hedges", claim.hedges.clone()),
    ] {
        if !values.is_empty() {
            facts.push((name, values.join("; ")));
        }
    }
    facts.push(("Stance", crate::api::dto::stance(claim.stance).to_string()));
    for mark in &claim.marks {
        let day = chrono::DateTime::from_timestamp(mark.at, 0)
            .map_or_else(String::new, |t| format!(" on {}", t.date_naive()));
        let note = mark.note.as_deref().map_or_else(String::new, |n| format!(": {n}"));
        facts.push(("Verdict", format!("{} by {}{day}{note}", mark.status.as_str(), mark.by)));
    }
    if claim.negated {
        facts.push(("Negated", "yes".to_string()));
    }
    render(&ClaimPage {
        title: format!("Claim {}", claim.id),
        nav: "",
        path,
        carriers,
        origins: a
            .origins
            .iter()
            .map(|o| OriginView {
                kind: crate::api::dto::origin_kind(o.kind),
                name: o.name.clone(),
                why: o.why.clone(),
                n_reports: o.reports.len(),
            })
            .collect(),
        conflicts: a
            .conflicts
            .iter()
            .map(|c| ConflictView {
                content: c.content.clone(),
                origin: c.origin.clone(),
                document: c.document_external_id.clone(),
                differences: c
                    .differences
                    .iter()
                    .map(|d| format!("{}: {}", d.kind, d.detail))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect(),
        credibility: a.credibility,
        credibility_meaning: assess::credibility_meaning(a.credibility).to_string(),
        credibility_reason: a.credibility_reason.clone(),
        reliability: a.reliability.as_ref().map(|r| {
            (r.reliability.letter().to_string(), r.reliability.meaning().to_string(), r.by.clone())
        }),
        facts,
        claim: ClaimView::of(&claim),
    })
}
