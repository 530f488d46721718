//! Reading a claim's assessment: its independent origins, the reports that conflict with
//! it, the reliability given to its origin and its credibility.
//!
//! The rules are the SQLite store's (`claimgraph-store-sqlite/src/assess.rs` explains
//! them): a report's origin is its original source (entity, else name) when attributed,
//! else the publisher of the original document of its near-duplicate group, else that
//! document; a report in a copy counts with the origin of its group's first report.
//! Origins are worked out at read time because document origins change when an earlier
//! copy of a story arrives later.

use std::collections::{BTreeMap, HashMap, HashSet};

use claimgraph_store::assess::{Difference, Reliability, credibility};
use claimgraph_store::{
    Assessment, ClaimConflict, ClaimOrigin, EntityRef, OriginKind, Report, SourceRating, StoreError,
};

use futures_util::future::try_join_all;
use tokio_postgres::Row;

use crate::{Params, Tx, opt, rows};

/// The SQL expression of a report's origin key over `c` (claim) and `od` (the original
/// document of its document).
pub(crate) const ORIGIN_KEY_SQL: &str = "CASE WHEN c.voice = 'attributed' THEN
         COALESCE('e:' || c.source_entity_id, 'n:' || c.source_norm)
     ELSE COALESCE('p:' || NULLIF(od.publisher_norm, ''), 'd:' || od.id) END";

/// The cluster of each claim (a claim no event names is a cluster of its own).
async fn clusters_of(tx: &Tx<'_>, claim_ids: &[i64]) -> Result<HashMap<i64, i64>, StoreError> {
    let mut clusters: HashMap<i64, i64> = claim_ids.iter().map(|&id| (id, id)).collect();
    let found = rows(
        tx,
        "SELECT claim_id, cluster_id FROM claim_events WHERE claim_id = ANY($1::BIGINT[])",
        &[&claim_ids],
    )
    .await?;
    for row in found {
        clusters.insert(row.get(0), row.get(1));
    }
    Ok(clusters)
}

/// The reports of each cluster grouped by origin key, in order of first report. A
/// cluster's reports are the claims whose event names it, and the claim whose id it is.
async fn origins_of_clusters(
    tx: &Tx<'_>,
    clusters: &[i64],
) -> Result<HashMap<i64, BTreeMap<String, ClaimOrigin>>, StoreError> {
    let found = rows(
        tx,
        &format!(
            "WITH members (cluster_id, claim_id) AS (
                 SELECT cluster_id, claim_id FROM claim_events
                 WHERE cluster_id = ANY($1::BIGINT[])
                 UNION
                 SELECT k, k FROM unnest($1::BIGINT[]) k
             )
             SELECT m.cluster_id, c.id, c.document_id, d.external_id, c.voice,
                 c.source_entity_id, se.name, se.label, c.source_name, od.id,
                 od.external_id, od.publisher, {ORIGIN_KEY_SQL},
                 ARRAY(SELECT r.name FROM claim_relays r WHERE r.claim_id = c.id
                       ORDER BY r.position)
             FROM members m JOIN claims c ON c.id = m.claim_id
             JOIN documents d ON d.id = c.document_id
             LEFT JOIN entities se ON se.id = c.source_entity_id
             LEFT JOIN document_origins o ON o.document_id = d.id
             JOIN documents od ON od.id = COALESCE(o.original_id, d.id)
             ORDER BY m.cluster_id, c.id"
        ),
        &[&clusters],
    )
    .await?;
    let mut all: HashMap<i64, BTreeMap<String, ClaimOrigin>> =
        clusters.iter().map(|&cluster| (cluster, BTreeMap::new())).collect();
    // The first report of each near-duplicate group (by original document), per cluster:
    // a report in another document of the group is a republication of it and counts with
    // its origin.
    let mut group_first: HashMap<(i64, i64), (i64, String)> = HashMap::new();
    for row in found {
        let cluster: i64 = row.get(0);
        let claim: i64 = row.get(1);
        let document: i64 = row.get(2);
        let original: i64 = row.get(9);
        let original_external: String = row.get(10);
        let mut key: String = row.get(12);
        match group_first.get(&(cluster, original)) {
            Some((first, first_key)) if *first != document => key = first_key.clone(),
            Some(_) => {}
            None => {
                group_first.insert((cluster, original), (document, key.clone()));
            }
        }
        let report = Report {
            claim_id: claim,
            document_id: document,
            document_external_id: row.get(3),
            relayed_by: row.get(13),
            copy_of: (original != document).then(|| (original, original_external.clone())),
        };
        let origins = all.entry(cluster).or_default();
        if let Some(origin) = origins.get_mut(&key) {
            origin.reports.push(report);
            continue;
        }
        let attributed = row.get::<_, &str>(4) == "attributed";
        let entity: Option<EntityRef> = match row.get::<_, Option<i64>>(5) {
            Some(id) => Some(EntityRef {
                id,
                name: row.get::<_, Option<String>>(6).ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "claim {claim} names entity {id}, which is missing"
                    ))
                })?,
                label: row.get::<_, Option<String>>(7).unwrap_or_default(),
            }),
            None => None,
        };
        let source_name: Option<String> = row.get(8);
        let publisher: Option<String> = row.get(11);
        let (kind, name, why) = if attributed {
            let name = entity
                .as_ref()
                .map(|e| e.name.clone())
                .or(source_name)
                .unwrap_or_else(|| "(unnamed source)".to_string());
            let why = format!(
                "{name} is the original source: every report of what {name} said counts once, \
                 whoever relays or republishes it"
            );
            (OriginKind::Source, name, why)
        } else if let Some(publisher) = publisher.filter(|p| !p.trim().is_empty()) {
            let why = format!(
                "in the own voice of {publisher}, publisher of the original document \
                 {original_external}: its copies and its other stories count once"
            );
            (OriginKind::Publisher, publisher, why)
        } else {
            let why = format!(
                "in the own voice of document {original_external} (no publisher named); its \
                 copies count once"
            );
            (OriginKind::Document, original_external.clone(), why)
        };
        origins.insert(
            key,
            ClaimOrigin {
                kind,
                name,
                entity: if attributed { entity } else { None },
                reports: vec![report],
                why,
            },
        );
    }
    Ok(all)
}

/// How many independent origins report the claims of each cluster: the keys of
/// `origins_of_cluster`, for many clusters in one query (`stats` asks for thousands).
pub(crate) async fn n_origins(
    tx: &Tx<'_>,
    clusters: &[i64],
) -> Result<HashMap<i64, usize>, StoreError> {
    let found = rows(
        tx,
        &format!(
            "SELECT e.cluster_id, c.document_id, od.id, {ORIGIN_KEY_SQL}
             FROM claim_events e JOIN claims c ON c.id = e.claim_id
             JOIN documents d ON d.id = c.document_id
             LEFT JOIN document_origins o ON o.document_id = d.id
             JOIN documents od ON od.id = COALESCE(o.original_id, d.id)
             WHERE e.cluster_id = ANY($1::BIGINT[])
             ORDER BY e.cluster_id, c.id"
        ),
        &[&clusters],
    )
    .await?;
    let mut counts: HashMap<i64, usize> = HashMap::new();
    let mut current: Option<i64> = None;
    let mut group_first: HashMap<i64, (i64, String)> = HashMap::new();
    let mut keys: HashSet<String> = HashSet::new();
    for row in found {
        let cluster: i64 = row.get(0);
        if current != Some(cluster) {
            if let Some(done) = current {
                counts.insert(done, keys.len());
            }
            current = Some(cluster);
            group_first.clear();
            keys.clear();
        }
        let (document, original): (i64, i64) = (row.get(1), row.get(2));
        let mut key: String = row.get(3);
        match group_first.get(&original) {
            Some((first, first_key)) if *first != document => key = first_key.clone(),
            Some(_) => {}
            None => {
                group_first.insert(original, (document, key.clone()));
            }
        }
        keys.insert(key);
    }
    if let Some(done) = current {
        counts.insert(done, keys.len());
    }
    Ok(counts)
}

/// The latest reliability grade of an origin: by entity (or, for grades given before the
/// name was resolved, by any of the entity's names), or by the normalized name of the
/// source or publisher.
async fn rating_of(tx: &Tx<'_>, key: &str) -> Result<Option<SourceRating>, StoreError> {
    let (kind, value) = key.split_at(2.min(key.len()));
    let row = match kind {
        "e:" => {
            let Ok(entity) = value.parse::<i64>() else { return Ok(None) };
            opt(
                tx,
                "SELECT name, rating, rated_by, rated_at FROM source_ratings
                 WHERE entity_id = $1 OR (entity_id IS NULL AND norm IN
                     (SELECT norm FROM entity_aliases WHERE entity_id = $1))
                 ORDER BY id DESC LIMIT 1",
                &[&entity],
            )
            .await?
        }
        "n:" | "p:" => {
            opt(
                tx,
                "SELECT name, rating, rated_by, rated_at FROM source_ratings
                 WHERE norm = $1 ORDER BY id DESC LIMIT 1",
                &[&value],
            )
            .await?
        }
        _ => None,
    };
    Ok(row.and_then(|row| {
        Reliability::parse(row.get(1)).map(|reliability| SourceRating {
            name: row.get(0),
            reliability,
            by: row.get(2),
            at: row.get(3),
        })
    }))
}

/// A conflict's stored detail ("figures: 40 vs 52; dates: …") as seen from one side:
/// stored from the earlier claim's point of view, swapped for the later one.
fn differences(detail: &str, swap: bool) -> Vec<Difference> {
    detail
        .split("; ")
        .filter_map(|part| {
            let (kind, text) = part.split_once(": ")?;
            let kind = match kind {
                "figures" => "figures",
                "dates" => "dates",
                "places" => "places",
                _ => "polarity",
            };
            let text = match (swap, text.split_once(" vs ")) {
                (true, Some((a, b))) => format!("{b} vs {a}"),
                _ => text.to_string(),
            };
            Some(Difference { kind, detail: text })
        })
        .collect()
}

/// The assessments of many claims (a page of them) in a few round trips: every step asks
/// for all the claims' clusters, origins, conflicts and ratings at once.
pub(crate) async fn assessments(
    tx: &Tx<'_>,
    claim_ids: &[i64],
) -> Result<Vec<Assessment>, StoreError> {
    if claim_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut cluster_of = clusters_of(tx, claim_ids).await?;
    let mut clusters: Vec<i64> = cluster_of.values().copied().collect();
    clusters.sort_unstable();
    clusters.dedup();
    let mut origins_of = origins_of_clusters(tx, &clusters).await?;
    // Every conflict of every member of these clusters, in member order per cluster, with
    // the other side's content.
    let mut members: Vec<i64> = Vec::new();
    for cluster in &clusters {
        members.extend(
            origins_of[cluster].values().flat_map(|o| o.reports.iter().map(|r| r.claim_id)),
        );
    }
    members.sort_unstable();
    members.dedup();
    let own_keys: Vec<Option<String>> = claim_ids
        .iter()
        .map(|claim_id| {
            origins_of[&cluster_of[claim_id]]
                .iter()
                .find(|(_, origin)| origin.reports.iter().any(|r| r.claim_id == *claim_id))
                .map(|(key, _)| key.clone())
        })
        .collect();
    let mut keys: Vec<&String> = own_keys.iter().flatten().collect();
    keys.sort_unstable();
    keys.dedup();
    let by_members: &Params<'_> = &[&members];
    let (found, ratings) = tokio::try_join!(
        rows(
            tx,
            "SELECT m.claim_id, x.other, x.detail, x.swap, c.content, d.external_id
             FROM unnest($1::BIGINT[]) AS m (claim_id)
             CROSS JOIN LATERAL (
                 SELECT claim_b AS other, detail, FALSE AS swap, 0 AS side
                 FROM claim_conflicts WHERE claim_a = m.claim_id
                 UNION ALL
                 SELECT claim_a, detail, TRUE, 1 FROM claim_conflicts WHERE claim_b = m.claim_id
             ) x
             JOIN claims c ON c.id = x.other JOIN documents d ON d.id = c.document_id
             ORDER BY m.claim_id, x.side, x.other",
            by_members,
        ),
        try_join_all(keys.iter().map(|key| rating_of(tx, key))),
    )?;
    let ratings: HashMap<&String, SourceRating> =
        keys.iter().copied().zip(ratings).filter_map(|(key, r)| Some((key, r?))).collect();
    let mut conflicts_of: HashMap<i64, Vec<Row>> = HashMap::new();
    for row in found {
        conflicts_of.entry(row.get(0)).or_default().push(row);
    }
    // The clusters and origins of the other sides.
    let others: Vec<i64> = conflicts_of
        .values()
        .flatten()
        .map(|row| row.get::<_, i64>(1))
        .filter(|other| !cluster_of.contains_key(other))
        .collect();
    if !others.is_empty() {
        cluster_of.extend(clusters_of(tx, &others).await?);
        let mut missing: Vec<i64> = others
            .iter()
            .map(|other| cluster_of[other])
            .filter(|cluster| !origins_of.contains_key(cluster))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            origins_of.extend(origins_of_clusters(tx, &missing).await?);
        }
    }
    let mut assessments = Vec::with_capacity(claim_ids.len());
    for (claim_id, own_key) in claim_ids.iter().zip(&own_keys) {
        let cluster = cluster_of[claim_id];
        let origins = &origins_of[&cluster];
        let mut conflicts: Vec<ClaimConflict> = Vec::new();
        let mut against: HashSet<String> = HashSet::new();
        let mut seen_clusters: HashSet<i64> = HashSet::new();
        let members = origins.values().flat_map(|o| o.reports.iter().map(|r| r.claim_id));
        for row in members.flat_map(|member| conflicts_of.get(&member).into_iter().flatten()) {
            let other: i64 = row.get(1);
            let other_cluster = cluster_of[&other];
            if other_cluster == cluster || !seen_clusters.insert(other_cluster) {
                continue;
            }
            let other_origins = &origins_of[&other_cluster];
            let origin_name = other_origins
                .values()
                .find(|o| o.reports.iter().any(|r| r.claim_id == other))
                .map_or_else(String::new, |o| o.name.clone());
            // An origin on both sides contradicts itself; it counts for neither.
            against.extend(other_origins.keys().filter(|key| !origins.contains_key(*key)).cloned());
            conflicts.push(ClaimConflict {
                claim_id: other,
                document_external_id: row.get(5),
                content: row.get(4),
                origin: origin_name,
                differences: differences(row.get(2), row.get(3)),
            });
        }
        let reliability = own_key.as_ref().and_then(|key| ratings.get(key).cloned());
        let (grade, reason) = credibility(origins.len(), against.len());
        let mut origins: Vec<ClaimOrigin> = origins.values().cloned().collect();
        origins.sort_by_key(|o| o.reports.first().map_or(i64::MAX, |r| r.claim_id));
        assessments.push(Assessment {
            cluster,
            origins,
            conflicts,
            n_against: against.len(),
            reliability,
            credibility: grade,
            credibility_reason: reason,
        });
    }
    Ok(assessments)
}

/// The rating lookup for `sources`: by entity when resolved, else by normalized name.
pub(crate) async fn source_rating(
    tx: &Tx<'_>,
    entity: Option<i64>,
    norm: &str,
) -> Result<Option<SourceRating>, StoreError> {
    if let Some(entity) = entity
        && let Some(rating) = rating_of(tx, &format!("e:{entity}")).await?
    {
        return Ok(Some(rating));
    }
    rating_of(tx, &format!("n:{norm}")).await
}
