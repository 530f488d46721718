//! Reading a claim's assessment: its independent origins, the reports that conflict with
//! it, the reliability given to its origin and its credibility.
//!
//! Clusters and conflicts are stored at ingest (`write::put_claim_event`); origins are
//! worked out here, at read time, because they depend on document origins, which change
//! when an earlier copy of a story arrives later. A listing's assessments are read
//! together ([`assessments`]): a fixed number of queries per chunk of claims, not per
//! claim.
//!
//! A report's origin: for an attributed claim, its original source (entity, else name):
//! a paper relaying "X said Y" repeats X, it does not confirm X. For a claim in the
//! publisher's own voice, the publisher of the original document of its near-duplicate
//! group (copies credit the story's first publisher), else that original document. A
//! report in a copy always counts with the origin of the group's first report: a copy
//! never adds an origin, even when its editor renamed the source.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension};

use claimgraph_store::assess::{Difference, Reliability, credibility};
use claimgraph_store::{
    Assessment, ClaimConflict, ClaimOrigin, EntityRef, OriginKind, Report, SourceRating,
};

/// The SQL expression of a report's origin key over `c` (claim) and `od` (the original
/// document of its document); `stats` counts corroborated claims with it, and
/// [`origins_of_cluster`] builds the same keys.
pub(crate) const ORIGIN_KEY_SQL: &str = "CASE WHEN c.voice = 'attributed' THEN
         COALESCE('e:' || c.source_entity_id, 'n:' || c.source_norm)
     ELSE COALESCE('p:' || NULLIF(od.publisher_norm, ''), 'd:' || od.id) END";

/// At most this many ids go into one `IN (...)` list; longer listings are read in chunks.
pub(crate) const CHUNK: usize = 400;

/// `[1,2,3]`: ids as a JSON array, bound to one parameter and read in SQL with
/// `IN (SELECT value FROM json_each(?1))`, so that a statement is prepared once however
/// many ids it takes.
pub(crate) fn id_list(ids: impl IntoIterator<Item = i64>) -> String {
    let mut list = String::from("[");
    for id in ids {
        if list.len() > 1 {
            list.push(',');
        }
        list.push_str(&id.to_string());
    }
    list.push(']');
    list
}

/// The cluster of each claim (its own id when it has no event row).
fn clusters_of(conn: &Connection, claims: &[i64]) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut clusters: HashMap<i64, i64> = claims.iter().map(|&id| (id, id)).collect();
    for chunk in claims.chunks(CHUNK) {
        let list = id_list(chunk.iter().copied());
        let mut statement = conn.prepare_cached(
            "SELECT claim_id, cluster_id FROM claim_events
             WHERE claim_id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement.query_map([&list], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))?;
        for row in rows {
            let (claim, cluster) = row?;
            clusters.insert(claim, cluster);
        }
    }
    Ok(clusters)
}

/// The reports of each cluster grouped by origin key, in order of first report.
fn origins_of_clusters(
    conn: &Connection,
    clusters: &[i64],
) -> rusqlite::Result<HashMap<i64, BTreeMap<String, ClaimOrigin>>> {
    struct Row {
        cluster: i64,
        claim: i64,
        document: i64,
        external: String,
        attributed: bool,
        source_entity: Option<EntityRef>,
        source_name: Option<String>,
        original: i64,
        original_external: String,
        publisher: Option<String>,
        key: String,
        relays: Option<String>,
    }
    let mut rows: Vec<Row> = Vec::new();
    for chunk in clusters.chunks(CHUNK) {
        let list = id_list(chunk.iter().copied());
        // One `IN` over a `UNION`, not two `IN`s joined by `OR`: with the `OR`, SQLite
        // re-prepared the statement on every new binding (14% of an export's time).
        let mut statement = conn.prepare_cached(&format!(
            "SELECT COALESCE(ev.cluster_id, c.id), c.id, c.document_id, d.external_id, c.voice,
                 c.source_entity_id, se.name, se.label, c.source_name,
                 od.id, od.external_id, od.publisher, {ORIGIN_KEY_SQL},
                 (SELECT group_concat(name, char(31)) FROM
                     (SELECT name FROM claim_relays WHERE claim_id = c.id ORDER BY position))
             FROM claims c JOIN documents d ON d.id = c.document_id
             LEFT JOIN claim_events ev ON ev.claim_id = c.id
             LEFT JOIN entities se ON se.id = c.source_entity_id
             LEFT JOIN document_origins o ON o.document_id = d.id
             JOIN documents od ON od.id = COALESCE(o.original_id, d.id)
             WHERE c.id IN (SELECT claim_id FROM claim_events
                            WHERE cluster_id IN (SELECT value FROM json_each(?1))
                            UNION SELECT value FROM json_each(?1))
             ORDER BY c.id"
        ))?;
        let mapped = statement.query_map([&list], |row| {
            let entity_id: Option<i64> = row.get(5)?;
            let entity = match entity_id {
                Some(id) => Some(EntityRef { id, name: row.get(6)?, label: row.get(7)? }),
                None => None,
            };
            Ok(Row {
                cluster: row.get(0)?,
                claim: row.get(1)?,
                document: row.get(2)?,
                external: row.get(3)?,
                attributed: row.get::<_, String>(4)? == "attributed",
                source_entity: entity,
                source_name: row.get(8)?,
                original: row.get(9)?,
                original_external: row.get(10)?,
                publisher: row.get(11)?,
                key: row.get(12)?,
                relays: row.get(13)?,
            })
        })?;
        for row in mapped {
            rows.push(row?);
        }
    }
    let mut by_cluster: HashMap<i64, BTreeMap<String, ClaimOrigin>> = HashMap::new();
    // The first report of each near-duplicate group (by original document), per cluster:
    // a report in another document of the group is a republication of it and counts with
    // its origin, even when the copy was edited to name the source differently.
    let mut group_first: HashMap<(i64, i64), (i64, String)> = HashMap::new();
    for mut row in rows {
        match group_first.get(&(row.cluster, row.original)) {
            Some((document, key)) if *document != row.document => row.key = key.clone(),
            Some(_) => {}
            None => {
                group_first.insert((row.cluster, row.original), (row.document, row.key.clone()));
            }
        }
        let relayed_by: Vec<String> = row
            .relays
            .as_deref()
            .map(|names| names.split('\u{1f}').map(str::to_string).collect())
            .unwrap_or_default();
        let report = Report {
            claim_id: row.claim,
            document_id: row.document,
            document_external_id: row.external,
            relayed_by,
            copy_of: (row.original != row.document)
                .then(|| (row.original, row.original_external.clone())),
        };
        let origins = by_cluster.entry(row.cluster).or_default();
        if let Some(origin) = origins.get_mut(&row.key) {
            origin.reports.push(report);
            continue;
        }
        let (kind, name, why) = if row.attributed {
            let name = row
                .source_entity
                .as_ref()
                .map(|e| e.name.clone())
                .or(row.source_name)
                .unwrap_or_else(|| "(unnamed source)".to_string());
            let why = format!(
                "{name} is the original source: every report of what {name} said counts once, \
                 whoever relays or republishes it"
            );
            (OriginKind::Source, name, why)
        } else if let Some(publisher) = row.publisher.filter(|p| !p.trim().is_empty()) {
            let why = format!(
                "in the own voice of {publisher}, publisher of the original document \
                 {}: its copies and its other stories count once",
                row.original_external
            );
            (OriginKind::Publisher, publisher, why)
        } else {
            let why = format!(
                "in the own voice of document {} (no publisher named); its copies count once",
                row.original_external
            );
            (OriginKind::Document, row.original_external.clone(), why)
        };
        origins.insert(
            row.key,
            ClaimOrigin {
                kind,
                name,
                entity: if row.attributed { row.source_entity } else { None },
                reports: vec![report],
                why,
            },
        );
    }
    Ok(by_cluster)
}

/// How many independent origins report the claims of a cluster.
pub(crate) fn n_origins(conn: &Connection, cluster: i64) -> rusqlite::Result<usize> {
    Ok(origins_of_clusters(conn, &[cluster])?.remove(&cluster).map_or(0, |o| o.len()))
}

/// The latest reliability grade of an origin: by entity (or, for grades given before the
/// name was resolved, by any of the entity's names), or by the normalized name of the
/// source or publisher.
fn rating_of(conn: &Connection, key: &str) -> rusqlite::Result<Option<SourceRating>> {
    let (kind, value) = key.split_at(2.min(key.len()));
    let row = |row: &rusqlite::Row<'_>| -> rusqlite::Result<(String, String, String, i64)> {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
    };
    let rating = match kind {
        "e:" => {
            let Ok(entity) = value.parse::<i64>() else { return Ok(None) };
            conn.prepare_cached(
                "SELECT name, rating, rated_by, rated_at FROM source_ratings
                 WHERE entity_id = ?1 OR (entity_id IS NULL AND norm IN
                     (SELECT norm FROM entity_aliases WHERE entity_id = ?1))
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([entity], row)
            .optional()?
        }
        "n:" | "p:" => conn
            .prepare_cached(
                "SELECT name, rating, rated_by, rated_at FROM source_ratings
                 WHERE norm = ?1 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([value], row)
            .optional()?,
        _ => None,
    };
    Ok(rating.and_then(|(name, letter, by, at)| {
        Reliability::parse(&letter).map(|reliability| SourceRating { name, reliability, by, at })
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

/// The assessments of many claims at once, read with a fixed number of queries per
/// chunk of claims rather than several per claim.
pub(crate) fn assessments(
    conn: &Connection,
    claims: &[i64],
) -> rusqlite::Result<HashMap<i64, Assessment>> {
    let cluster_of = clusters_of(conn, claims)?;
    let mut clusters: Vec<i64> = cluster_of.values().copied().collect();
    clusters.sort_unstable();
    clusters.dedup();
    let mut origins = origins_of_clusters(conn, &clusters)?;
    // Conflicts of every report of these clusters, seen from that report's side.
    let members: Vec<i64> = origins
        .values()
        .flat_map(|o| o.values().flat_map(|o| o.reports.iter().map(|r| r.claim_id)))
        .collect();
    struct Conflict {
        member: i64,
        other: i64,
        detail: String,
        swap: bool,
    }
    let mut conflict_rows: Vec<Conflict> = Vec::new();
    for chunk in members.chunks(CHUNK) {
        let list = id_list(chunk.iter().copied());
        let mut statement = conn.prepare_cached(
            "SELECT claim_a, claim_b, detail, 0 FROM claim_conflicts
             WHERE claim_a IN (SELECT value FROM json_each(?1))
             UNION ALL SELECT claim_b, claim_a, detail, 1 FROM claim_conflicts
             WHERE claim_b IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement.query_map([&list], |row| {
            Ok(Conflict {
                member: row.get(0)?,
                other: row.get(1)?,
                detail: row.get(2)?,
                swap: row.get(3)?,
            })
        })?;
        for row in rows {
            conflict_rows.push(row?);
        }
    }
    // The other side of each conflict: its cluster, origins, content and document.
    let others: Vec<i64> = conflict_rows.iter().map(|c| c.other).collect();
    let other_cluster = clusters_of(conn, &others)?;
    let mut missing: Vec<i64> =
        other_cluster.values().copied().filter(|c| !origins.contains_key(c)).collect();
    missing.sort_unstable();
    missing.dedup();
    origins.extend(origins_of_clusters(conn, &missing)?);
    let mut content: HashMap<i64, (String, String)> = HashMap::new();
    for chunk in others.chunks(CHUNK) {
        let list = id_list(chunk.iter().copied());
        let mut statement = conn.prepare_cached(
            "SELECT c.id, c.content, d.external_id FROM claims c
             JOIN documents d ON d.id = c.document_id
             WHERE c.id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement
            .query_map([&list], |row| Ok((row.get::<_, i64>(0)?, (row.get(1)?, row.get(2)?))))?;
        for row in rows {
            let (id, value) = row?;
            content.insert(id, value);
        }
    }
    let member_cluster: HashMap<i64, i64> = origins
        .iter()
        .flat_map(|(&cluster, o)| {
            o.values().flat_map(move |o| o.reports.iter().map(move |r| (r.claim_id, cluster)))
        })
        .collect();
    let mut conflicts_of: HashMap<i64, Vec<&Conflict>> = HashMap::new();
    for conflict in &conflict_rows {
        if let Some(&cluster) = member_cluster.get(&conflict.member) {
            conflicts_of.entry(cluster).or_default().push(conflict);
        }
    }
    for list in conflicts_of.values_mut() {
        list.sort_by_key(|c| (c.member, c.swap, c.other));
    }
    let mut ratings: HashMap<String, Option<SourceRating>> = HashMap::new();
    let mut by_cluster: HashMap<i64, Assessment> = HashMap::new();
    let mut out = HashMap::with_capacity(claims.len());
    for &claim_id in claims {
        let cluster = cluster_of.get(&claim_id).copied().unwrap_or(claim_id);
        let empty = BTreeMap::new();
        let cluster_origins = origins.get(&cluster).unwrap_or(&empty);
        let own_key = cluster_origins
            .iter()
            .find(|(_, origin)| origin.reports.iter().any(|r| r.claim_id == claim_id))
            .map(|(key, _)| key.clone());
        let reliability = match own_key {
            Some(key) => match ratings.get(&key) {
                Some(rating) => rating.clone(),
                None => {
                    let rating = rating_of(conn, &key)?;
                    ratings.insert(key, rating.clone());
                    rating
                }
            },
            None => None,
        };
        if let Some(shared) = by_cluster.get(&cluster) {
            out.insert(claim_id, Assessment { reliability, ..shared.clone() });
            continue;
        }
        let mut conflicts: Vec<ClaimConflict> = Vec::new();
        let mut against: HashSet<&String> = HashSet::new();
        let mut seen_clusters: HashSet<i64> = HashSet::new();
        for conflict in conflicts_of.get(&cluster).map(Vec::as_slice).unwrap_or_default() {
            let other_cluster_id =
                other_cluster.get(&conflict.other).copied().unwrap_or(conflict.other);
            if other_cluster_id == cluster || !seen_clusters.insert(other_cluster_id) {
                continue;
            }
            let other_origins = origins.get(&other_cluster_id).unwrap_or(&empty);
            let origin_name = other_origins
                .values()
                .find(|o| o.reports.iter().any(|r| r.claim_id == conflict.other))
                .map_or_else(String::new, |o| o.name.clone());
            // An origin on both sides contradicts itself; it counts for neither.
            against.extend(other_origins.keys().filter(|key| !cluster_origins.contains_key(*key)));
            let (text, external) = content.get(&conflict.other).cloned().unwrap_or_default();
            conflicts.push(ClaimConflict {
                claim_id: conflict.other,
                document_external_id: external,
                content: text,
                origin: origin_name,
                differences: differences(&conflict.detail, conflict.swap),
            });
        }
        let (grade, reason) = credibility(cluster_origins.len(), against.len());
        let mut listed: Vec<ClaimOrigin> = cluster_origins.values().cloned().collect();
        listed.sort_by_key(|o| o.reports.first().map_or(i64::MAX, |r| r.claim_id));
        let shared = Assessment {
            cluster,
            origins: listed,
            conflicts,
            n_against: against.len(),
            reliability: None,
            credibility: grade,
            credibility_reason: reason,
        };
        out.insert(claim_id, Assessment { reliability, ..shared.clone() });
        by_cluster.insert(cluster, shared);
    }
    Ok(out)
}

/// The rating lookup for `sources`: by entity when resolved, else by normalized name.
pub(crate) fn source_rating(
    conn: &Connection,
    entity: Option<i64>,
    norm: &str,
) -> rusqlite::Result<Option<SourceRating>> {
    if let Some(entity) = entity
        && let Some(rating) = rating_of(conn, &format!("e:{entity}"))?
    {
        return Ok(Some(rating));
    }
    rating_of(conn, &format!("n:{norm}"))
}
