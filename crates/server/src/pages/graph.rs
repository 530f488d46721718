//! `/graph`: who says what about whom. Sources and the entities their claims are about,
//! placed on a circle (deterministic, no layout script), edges weighted by claim count;
//! the same edges as a table, which is also what keyboard and screen-reader users read.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};

use super::{PageResult, render};
use crate::aggregate::{self, GraphNode};
use crate::api::{ClaimParams, MAX_LIMIT};
use crate::view::{encode, entity_href, source_href};
use crate::{AppState, with_store};

/// Nodes drawn, at most (the most connected); the table lists every edge.
const MAX_NODES: usize = 40;

#[derive(Debug)]
struct NodeView {
    name: String,
    kind: &'static str,
    label: String,
    href: String,
    x: String,
    y: String,
    tx: String,
    ty: String,
    anchor: &'static str,
}

#[derive(Debug)]
struct EdgeView {
    from: String,
    to: String,
    from_href: String,
    to_href: String,
    claims_href: String,
    n_claims: usize,
    line: Option<(String, String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "graph.html")]
struct GraphPage {
    title: String,
    nav: &'static str,
    form: ClaimParams,
    nodes: Vec<NodeView>,
    edges: Vec<EdgeView>,
}

fn href(node: &GraphNode) -> String {
    match node.kind {
        "entity" => entity_href(&node.name),
        _ => source_href(&node.name),
    }
}

pub async fn page(State(state): State<AppState>, Query(params): Query<ClaimParams>) -> PageResult {
    let query = params.to_query(MAX_LIMIT)?;
    let claims = with_store(&state, move |store| store.claims(&query)).await?;
    let graph = aggregate::graph(&claims);
    let mut degree: HashMap<&str, usize> = HashMap::new();
    for edge in &graph.edges {
        *degree.entry(edge.from.as_str()).or_default() += edge.n_claims;
        *degree.entry(edge.to.as_str()).or_default() += edge.n_claims;
    }
    let mut drawn: Vec<&GraphNode> = graph.nodes.iter().collect();
    drawn.sort_by(|a, b| {
        degree[b.id.as_str()].cmp(&degree[a.id.as_str()]).then_with(|| a.name.cmp(&b.name))
    });
    drawn.truncate(MAX_NODES);
    // Sources first then entities around the circle, so edges cross the middle.
    drawn.sort_by_key(|n| (n.kind == "entity", n.name.clone()));
    let n = drawn.len().max(1) as f64;
    let mut at: HashMap<&str, (f64, f64)> = HashMap::new();
    let nodes = drawn
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
            let (x, y) = (400.0 + 230.0 * angle.cos(), 300.0 + 230.0 * angle.sin());
            at.insert(node.id.as_str(), (x, y));
            NodeView {
                name: node.name.clone(),
                kind: node.kind,
                label: node.label.clone().unwrap_or_default(),
                href: href(node),
                x: format!("{x:.1}"),
                y: format!("{y:.1}"),
                tx: format!("{:.1}", 400.0 + 244.0 * angle.cos()),
                ty: format!("{:.1}", 300.0 + 244.0 * angle.sin() + 4.0),
                anchor: if angle.cos() < -0.1 {
                    "end"
                } else if angle.cos() > 0.1 {
                    "start"
                } else {
                    "middle"
                },
            }
        })
        .collect();
    let by_id: HashMap<&str, &GraphNode> = graph.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let edges = graph
        .edges
        .iter()
        .filter_map(|e| {
            let (from, to) = (by_id.get(e.from.as_str())?, by_id.get(e.to.as_str())?);
            let line = match (at.get(e.from.as_str()), at.get(e.to.as_str())) {
                (Some(a), Some(b)) => Some((
                    format!("{:.1}", a.0),
                    format!("{:.1}", a.1),
                    format!("{:.1}", b.0),
                    format!("{:.1}", b.1),
                    format!("{:.2}", 0.6 + (e.n_claims as f64).ln_1p()),
                )),
                _ => None,
            };
            Some(EdgeView {
                from: from.name.clone(),
                to: to.name.clone(),
                from_href: href(from),
                to_href: href(to),
                claims_href: format!("/search?by={}", encode(&from.name)),
                n_claims: e.n_claims,
                line,
            })
        })
        .collect();
    render(&GraphPage { title: "Graph".into(), nav: "graph", form: params, nodes, edges })
}
