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

use crate::read::entity_ref;
use crate::{Tx, opt, rows};

/// The SQL expression of a report's origin key over `c` (claim) and `od` (the original
/// document of its document).
pub(crate) const ORIGIN_KEY_SQL: &str = "CASE WHEN c.voice = 'attributed' THEN
         COALESCE('e:' || c.source_entity_id, 'n:' || c.source_norm)
     ELSE COALESCE('p:' || NULLIF(od.publisher_norm, ''), 'd:' || od.id) END";

async fn cluster_of(tx: &Tx<'_>, claim_id: i64) -> Result<i64, StoreError> {
    Ok(opt(tx, "SELECT cluster_id FROM claim_events WHERE claim_id = $1", &[&claim_id])
        .await?
        .map_or(claim_id, |row| row.get(0)))
}

/// The reports of a cluster grouped by origin key, in order of first report.
async fn origins_of_cluster(
    tx: &Tx<'_>,
    cluster: i64,
) -> Result<BTreeMap<String, ClaimOrigin>, StoreError> {
    let found = rows(
        tx,
        &format!(
            "SELECT c.id, c.document_id, d.external_id, c.voice, c.source_entity_id,
                 c.source_name, od.id, od.external_id, od.publisher, {ORIGIN_KEY_SQL},
                 ARRAY(SELECT r.name FROM claim_relays r WHERE r.claim_id = c.id
                       ORDER BY r.position)
             FROM claims c JOIN documents d ON d.id = c.document_id
             LEFT JOIN document_origins o ON o.document_id = d.id
             JOIN documents od ON od.id = COALESCE(o.original_id, d.id)
             WHERE c.id IN (SELECT claim_id FROM claim_events WHERE cluster_id = $1
                            UNION SELECT $1)
             ORDER BY c.id"
        ),
        &[&cluster],
    )
    .await?;
    let mut origins: BTreeMap<String, ClaimOrigin> = BTreeMap::new();
    // The first report of each near-duplicate group (by original document): a report in
    // another document of the group is a republication of it and counts with its origin.
    let mut group_first: HashMap<i64, (i64, String)> = HashMap::new();
    for row in found {
        let claim: i64 = row.get(0);
        let document: i64 = row.get(1);
        let original: i64 = row.get(6);
        let original_external: String = row.get(7);
        let mut key: String = row.get(9);
        match group_first.get(&original) {
            Some((first, first_key)) if *first != document => key = first_key.clone(),
            Some(_) => {}
            None => {
                group_first.insert(original, (document, key.clone()));
            }
        }
        let report = Report {
            claim_id: claim,
            document_id: document,
            document_external_id: row.get(2),
            relayed_by: row.get(10),
            copy_of: (original != document).then(|| (original, original_external.clone())),
        };
        if let Some(origin) = origins.get_mut(&key) {
            origin.reports.push(report);
            continue;
        }
        let attributed = row.get::<_, &str>(3) == "attributed";
        let entity: Option<EntityRef> = match row.get::<_, Option<i64>>(4) {
            Some(id) => Some(entity_ref(tx, id).await?),
            None => None,
        };
        let source_name: Option<String> = row.get(5);
        let publisher: Option<String> = row.get(8);
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
    Ok(origins)
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

pub(crate) async fn assessment(tx: &Tx<'_>, claim_id: i64) -> Result<Assessment, StoreError> {
    let cluster = cluster_of(tx, claim_id).await?;
    let origins = origins_of_cluster(tx, cluster).await?;
    let own_key = origins
        .iter()
        .find(|(_, origin)| origin.reports.iter().any(|r| r.claim_id == claim_id))
        .map(|(key, _)| key.clone());
    let members: Vec<i64> =
        origins.values().flat_map(|o| o.reports.iter().map(|r| r.claim_id)).collect();
    let mut conflicts: Vec<ClaimConflict> = Vec::new();
    let mut against: HashSet<String> = HashSet::new();
    let mut seen_clusters: HashSet<i64> = HashSet::new();
    // Every conflict of every member, in member order, with the other side's content.
    let found = rows(
        tx,
        "SELECT x.other, x.detail, x.swap, c.content, d.external_id
         FROM unnest($1::BIGINT[]) WITH ORDINALITY AS m (claim_id, n)
         CROSS JOIN LATERAL (
             SELECT claim_b AS other, detail, FALSE AS swap, 0 AS side
             FROM claim_conflicts WHERE claim_a = m.claim_id
             UNION ALL
             SELECT claim_a, detail, TRUE, 1 FROM claim_conflicts WHERE claim_b = m.claim_id
         ) x
         JOIN claims c ON c.id = x.other JOIN documents d ON d.id = c.document_id
         ORDER BY m.n, x.side, x.other",
        &[&members],
    )
    .await?;
    for row in found {
        let other: i64 = row.get(0);
        let other_cluster = cluster_of(tx, other).await?;
        if other_cluster == cluster || !seen_clusters.insert(other_cluster) {
            continue;
        }
        let other_origins = origins_of_cluster(tx, other_cluster).await?;
        let origin_name = other_origins
            .values()
            .find(|o| o.reports.iter().any(|r| r.claim_id == other))
            .map_or_else(String::new, |o| o.name.clone());
        // An origin on both sides contradicts itself; it counts for neither.
        against.extend(other_origins.into_keys().filter(|key| !origins.contains_key(key)));
        conflicts.push(ClaimConflict {
            claim_id: other,
            document_external_id: row.get(4),
            content: row.get(3),
            origin: origin_name,
            differences: differences(row.get(1), row.get(2)),
        });
    }
    let reliability = match &own_key {
        Some(key) => rating_of(tx, key).await?,
        None => None,
    };
    let (grade, reason) = credibility(origins.len(), against.len());
    let mut origins: Vec<ClaimOrigin> = origins.into_values().collect();
    origins.sort_by_key(|o| o.reports.first().map_or(i64::MAX, |r| r.claim_id));
    Ok(Assessment {
        cluster,
        origins,
        conflicts,
        n_against: against.len(),
        reliability,
        credibility: grade,
        credibility_reason: reason,
    })
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
