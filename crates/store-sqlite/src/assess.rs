//! Reading a claim's assessment: its independent origins, the reports that conflict with
//! it, the reliability given to its origin and its credibility.
//!
//! Clusters and conflicts are stored at ingest (`write::put_claim_event`); origins are
//! worked out here, at read time, because they depend on document origins, which change
//! when an earlier copy of a story arrives later.
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

use crate::read::entity_ref;

/// The SQL expression of a report's origin key over `c` (claim) and `od` (the original
/// document of its document); `stats` counts corroborated claims with it, and
/// [`origins_of_cluster`] builds the same keys.
pub(crate) const ORIGIN_KEY_SQL: &str = "CASE WHEN c.voice = 'attributed' THEN
         COALESCE('e:' || c.source_entity_id, 'n:' || c.source_norm)
     ELSE COALESCE('p:' || NULLIF(od.publisher_norm, ''), 'd:' || od.id) END";

pub(crate) fn cluster_of(conn: &Connection, claim_id: i64) -> rusqlite::Result<i64> {
    Ok(conn
        .prepare_cached("SELECT cluster_id FROM claim_events WHERE claim_id = ?1")?
        .query_row([claim_id], |row| row.get(0))
        .optional()?
        .unwrap_or(claim_id))
}

/// The reports of a cluster grouped by origin key, in order of first report.
fn origins_of_cluster(
    conn: &Connection,
    cluster: i64,
) -> rusqlite::Result<BTreeMap<String, ClaimOrigin>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT c.id, c.document_id, d.external_id, c.voice, c.source_entity_id, c.source_name,
             od.id, od.external_id, od.publisher, {ORIGIN_KEY_SQL}
         FROM claims c JOIN documents d ON d.id = c.document_id
         LEFT JOIN document_origins o ON o.document_id = d.id
         JOIN documents od ON od.id = COALESCE(o.original_id, d.id)
         WHERE c.id IN (SELECT claim_id FROM claim_events WHERE cluster_id = ?1) OR c.id = ?1
         ORDER BY c.id"
    ))?;
    struct Row {
        claim: i64,
        document: i64,
        external: String,
        attributed: bool,
        source_entity: Option<i64>,
        source_name: Option<String>,
        original: i64,
        original_external: String,
        publisher: Option<String>,
        key: String,
    }
    let rows: Vec<Row> = statement
        .query_map([cluster], |row| {
            Ok(Row {
                claim: row.get(0)?,
                document: row.get(1)?,
                external: row.get(2)?,
                attributed: row.get::<_, String>(3)? == "attributed",
                source_entity: row.get(4)?,
                source_name: row.get(5)?,
                original: row.get(6)?,
                original_external: row.get(7)?,
                publisher: row.get(8)?,
                key: row.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut relays =
        conn.prepare_cached("SELECT name FROM claim_relays WHERE claim_id = ?1 ORDER BY position")?;
    let mut origins: BTreeMap<String, ClaimOrigin> = BTreeMap::new();
    // The first report of each near-duplicate group (by original document): a report in
    // another document of the group is a republication of it and counts with its origin,
    // even when the copy was edited to name the source differently.
    let mut group_first: HashMap<i64, (i64, String)> = HashMap::new();
    for mut row in rows {
        match group_first.get(&row.original) {
            Some((document, key)) if *document != row.document => row.key = key.clone(),
            Some(_) => {}
            None => {
                group_first.insert(row.original, (row.document, row.key.clone()));
            }
        }
        let relayed_by: Vec<String> =
            relays.query_map([row.claim], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let report = Report {
            claim_id: row.claim,
            document_id: row.document,
            document_external_id: row.external,
            relayed_by,
            copy_of: (row.original != row.document)
                .then(|| (row.original, row.original_external.clone())),
        };
        if let Some(origin) = origins.get_mut(&row.key) {
            origin.reports.push(report);
            continue;
        }
        let entity: Option<EntityRef> =
            row.source_entity.map(|id| entity_ref(conn, id)).transpose()?;
        let (kind, name, why) = if row.attributed {
            let name = entity
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
                entity: if row.attributed { entity } else { None },
                reports: vec![report],
                why,
            },
        );
    }
    Ok(origins)
}

/// How many independent origins report the claims of a cluster.
pub(crate) fn n_origins(conn: &Connection, cluster: i64) -> rusqlite::Result<usize> {
    Ok(origins_of_cluster(conn, cluster)?.len())
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

pub(crate) fn assessment(conn: &Connection, claim_id: i64) -> rusqlite::Result<Assessment> {
    let cluster = cluster_of(conn, claim_id)?;
    let origins = origins_of_cluster(conn, cluster)?;
    let own_key = origins
        .iter()
        .find(|(_, origin)| origin.reports.iter().any(|r| r.claim_id == claim_id))
        .map(|(key, _)| key.clone());
    let members: Vec<i64> =
        origins.values().flat_map(|o| o.reports.iter().map(|r| r.claim_id)).collect();
    let mut conflicts: Vec<ClaimConflict> = Vec::new();
    let mut against: HashSet<String> = HashSet::new();
    let mut seen_clusters: HashSet<i64> = HashSet::new();
    let mut statement = conn.prepare_cached(
        "SELECT claim_b, detail, 0 FROM claim_conflicts WHERE claim_a = ?1
         UNION ALL SELECT claim_a, detail, 1 FROM claim_conflicts WHERE claim_b = ?1",
    )?;
    let mut content = conn.prepare_cached(
        "SELECT c.content, d.external_id FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE c.id = ?1",
    )?;
    for &member in &members {
        let rows: Vec<(i64, String, bool)> = statement
            .query_map([member], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (other, detail, swap) in rows {
            let other_cluster = cluster_of(conn, other)?;
            if other_cluster == cluster || !seen_clusters.insert(other_cluster) {
                continue;
            }
            let other_origins = origins_of_cluster(conn, other_cluster)?;
            let origin_name = other_origins
                .values()
                .find(|o| o.reports.iter().any(|r| r.claim_id == other))
                .map_or_else(String::new, |o| o.name.clone());
            // An origin on both sides contradicts itself; it counts for neither.
            against.extend(other_origins.into_keys().filter(|key| !origins.contains_key(key)));
            let (text, external): (String, String) =
                content.query_row([other], |row| Ok((row.get(0)?, row.get(1)?)))?;
            conflicts.push(ClaimConflict {
                claim_id: other,
                document_external_id: external,
                content: text,
                origin: origin_name,
                differences: differences(&detail, swap),
            });
        }
    }
    let reliability = match &own_key {
        Some(key) => rating_of(conn, key)?,
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
