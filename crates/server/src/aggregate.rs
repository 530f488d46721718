//! The aggregates behind the timeline, map and graph: pure functions over claims, shared
//! by the API and the pages so both always agree.

use std::collections::BTreeMap;

use claimgraph_store::ClaimRecord;
use serde::Serialize;

/// When a claim is about: the first of its own dates that resolves to a day, month or
/// year, else its document's date. `YYYY-MM` (or `YYYY` when only the year is known).
pub fn claim_month(claim: &ClaimRecord) -> Option<String> {
    let own = claim.dates.iter().filter_map(|date| date.value.as_deref()).find_map(|value| {
        let bytes = value.as_bytes();
        let year_ok = bytes.len() >= 4 && bytes[..4].iter().all(u8::is_ascii_digit);
        if !year_ok {
            return None;
        }
        match value.get(4..7) {
            Some(month)
                if month.starts_with('-') && month[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(value[..7].to_string())
            }
            _ => Some(value[..4].to_string()),
        }
    });
    own.or_else(|| claim.document.date.map(|date| date.format("%Y-%m").to_string()))
}

#[derive(Debug, Serialize)]
pub struct TimelineBucket {
    pub month: String,
    pub count: usize,
    pub claim_ids: Vec<i64>,
}

#[derive(Debug, Serialize)]
pub struct Timeline {
    pub undated: usize,
    pub buckets: Vec<TimelineBucket>,
}

pub fn timeline(claims: &[ClaimRecord]) -> Timeline {
    let mut buckets: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut undated = 0;
    for claim in claims {
        match claim_month(claim) {
            Some(month) => buckets.entry(month).or_default().push(claim.id),
            None => undated += 1,
        }
    }
    Timeline {
        undated,
        buckets: buckets
            .into_iter()
            .map(|(month, claim_ids)| TimelineBucket { month, count: claim_ids.len(), claim_ids })
            .collect(),
    }
}

#[derive(Debug, Serialize)]
pub struct MapPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub n_claims: usize,
}

#[derive(Debug, Serialize)]
pub struct Map {
    pub places: Vec<MapPlace>,
}

/// Places with coordinates, each counted once per claim, most claims first.
pub fn map(claims: &[ClaimRecord]) -> Map {
    let mut places: Vec<MapPlace> = Vec::new();
    for claim in claims {
        let mut seen: Vec<&str> = Vec::new();
        for place in &claim.places {
            let (Some(lat), Some(lon)) = (place.lat, place.lon) else { continue };
            if seen.contains(&place.name.as_str()) {
                continue;
            }
            seen.push(&place.name);
            match places.iter_mut().find(|p| p.name == place.name) {
                Some(existing) => existing.n_claims += 1,
                None => places.push(MapPlace { name: place.name.clone(), lat, lon, n_claims: 1 }),
            }
        }
    }
    places.sort_by(|a, b| b.n_claims.cmp(&a.n_claims).then_with(|| a.name.cmp(&b.name)));
    Map { places }
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    pub id: String,
    pub name: String,
    /// "entity", "speaker" (a source not resolved to an entity) or "publisher".
    pub kind: &'static str,
    pub label: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub n_claims: usize,
}

#[derive(Debug, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// Who says what about whom: an edge from each claim's original source (or its
/// publisher, for the publisher's own voice) to each entity the claim is about.
pub fn graph(claims: &[ClaimRecord]) -> Graph {
    let mut nodes: BTreeMap<String, GraphNode> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String), usize> = BTreeMap::new();
    for claim in claims {
        let source = match &claim.source {
            Some(source) => match &source.entity {
                Some(entity) => GraphNode {
                    id: format!("e{}", entity.id),
                    name: entity.name.clone(),
                    kind: "entity",
                    label: Some(entity.label.clone()),
                },
                None => GraphNode {
                    id: format!("s:{}", source.name),
                    name: source.name.clone(),
                    kind: "speaker",
                    label: None,
                },
            },
            None => {
                let name = claim
                    .document
                    .publisher
                    .clone()
                    .unwrap_or_else(|| "(unknown publisher)".into());
                GraphNode { id: format!("p:{name}"), name, kind: "publisher", label: None }
            }
        };
        for about in &claim.about {
            let target = format!("e{}", about.id);
            if target == source.id {
                continue;
            }
            nodes.entry(target.clone()).or_insert_with(|| GraphNode {
                id: target.clone(),
                name: about.name.clone(),
                kind: "entity",
                label: Some(about.label.clone()),
            });
            *edges.entry((source.id.clone(), target)).or_default() += 1;
        }
        nodes.entry(source.id.clone()).or_insert(source);
    }
    let mut edges: Vec<GraphEdge> =
        edges.into_iter().map(|((from, to), n_claims)| GraphEdge { from, to, n_claims }).collect();
    edges.sort_by(|a, b| {
        b.n_claims.cmp(&a.n_claims).then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    // Only nodes on some edge: a source whose claims name no entity says nothing "about
    // whom".
    let used = |id: &str| edges.iter().any(|e| e.from == id || e.to == id);
    let nodes = nodes.into_values().filter(|n| used(&n.id)).collect();
    Graph { nodes, edges }
}
