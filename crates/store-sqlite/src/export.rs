//! Keyset paging for exports, and public-figure marks.
//!
//! A page of claims is read in a fixed number of statements whatever its size: the claim
//! rows (with their document and source entity joined), then each child table (relays,
//! entities, dates, quantities, places, analysts' marks) once for the page's id range, distributed by
//! claim id; then the page's assessments through `assess::assessments`, the function
//! queries use, so that exports and queries grade claims the same way.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use claimgraph_model::{Span, Stance};
use claimgraph_store::facts::normalize_name;
use claimgraph_store::{
    Assessment, ClaimQuery, ClaimRecord, DateFact, DocumentSummary, DocumentText, EntityRecord,
    EntityRef, PlaceFact, QuantityFact, SourceRef, StoreError,
};

use crate::backend;
use crate::write::HEDGE_SEPARATOR;

/// The document columns, read by [`summary`] from the given column on.
const DOCUMENT_COLUMNS: &str = "d.id, d.content_hash, d.external_id, d.origin, d.title, d.url, \
     d.author, d.publisher, d.doc_date, d.extractor_version, d.ingested_at";

fn summary(row: &Row<'_>, at: usize) -> rusqlite::Result<DocumentSummary> {
    let date: Option<String> = row.get(at + 8)?;
    Ok(DocumentSummary {
        id: row.get(at)?,
        hash: row.get(at + 1)?,
        external_id: row.get(at + 2)?,
        origin: row.get(at + 3)?,
        title: row.get(at + 4)?,
        url: row.get(at + 5)?,
        author: row.get(at + 6)?,
        publisher: row.get(at + 7)?,
        date: date.and_then(|date| NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()),
        extractor_version: row.get(at + 9)?,
        ingested_at: row.get(at + 10)?,
    })
}

fn span(start: Option<i64>, end: Option<i64>) -> Option<Span> {
    match (start, end) {
        (Some(start), Some(end)) if 0 <= start && start <= end => {
            Some(Span::new(start as usize, end as usize))
        }
        _ => None,
    }
}

fn limit_value(limit: usize) -> i64 {
    i64::try_from(limit.max(1)).unwrap_or(i64::MAX)
}

pub fn documents_after(
    conn: &Connection,
    after: i64,
    limit: usize,
) -> Result<Vec<DocumentText>, StoreError> {
    let run = || -> rusqlite::Result<Vec<DocumentText>> {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS}, d.text, d.n_sentences FROM documents d
             WHERE d.id > ?1 ORDER BY d.id LIMIT ?2"
        ))?;
        let rows = statement.query_map(params![after, limit_value(limit)], |row| {
            Ok(DocumentText {
                summary: summary(row, 0)?,
                text: row.get(11)?,
                n_sentences: row.get::<_, i64>(12)? as usize,
            })
        })?;
        rows.collect()
    };
    run().map_err(backend)
}

pub fn entities_after(
    conn: &Connection,
    after: i64,
    limit: usize,
) -> Result<Vec<EntityRecord>, StoreError> {
    let run = || -> rusqlite::Result<Vec<EntityRecord>> {
        let mut statement = conn.prepare_cached(
            // Per-entity subqueries over the entity index: a GROUP BY over the join
            // would aggregate every occurrence of the store for each page.
            "SELECT e.id, e.name, e.label,
                 (SELECT SUM(o.n_mentions) FROM entity_occurrences o WHERE o.entity_id = e.id),
                 (SELECT COUNT(DISTINCT o.document_id) FROM entity_occurrences o
                  WHERE o.entity_id = e.id),
                 (SELECT MIN(d.ingested_at) FROM entity_occurrences o
                  JOIN documents d ON d.id = o.document_id WHERE o.entity_id = e.id),
                 (SELECT public FROM entity_public_marks WHERE entity_id = e.id)
             FROM entities e
             WHERE e.id > ?1 AND EXISTS (SELECT 1 FROM entity_occurrences o WHERE o.entity_id = e.id)
             ORDER BY e.id LIMIT ?2",
        )?;
        let rows = statement.query_map(params![after, limit_value(limit)], |row| {
            Ok(EntityRecord {
                entity: EntityRef { id: row.get(0)?, name: row.get(1)?, label: row.get(2)? },
                names: Vec::new(),
                n_mentions: row.get::<_, i64>(3)? as usize,
                n_documents: row.get::<_, i64>(4)? as usize,
                first_ingested_at: row.get(5)?,
                public_mark: row.get::<_, Option<i64>>(6)?.map(|mark| mark != 0),
            })
        })?;
        let mut records: Vec<EntityRecord> = rows.collect::<rusqlite::Result<_>>()?;
        let (Some(first), Some(last)) = (records.first(), records.last()) else {
            return Ok(records);
        };
        let (low, high) = (first.entity.id, last.entity.id);
        let index: HashMap<i64, usize> =
            records.iter().enumerate().map(|(idx, record)| (record.entity.id, idx)).collect();
        let mut names = conn.prepare_cached(
            "SELECT entity_id, alias FROM entity_aliases WHERE entity_id BETWEEN ?1 AND ?2
             ORDER BY entity_id, document_id, start",
        )?;
        let rows = names.query_map(params![low, high], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (entity_id, alias) = row?;
            if let Some(&idx) = index.get(&entity_id) {
                let record = &mut records[idx];
                if !record.names.contains(&alias) {
                    record.names.push(alias);
                }
            }
        }
        for record in &mut records {
            if !record.names.contains(&record.entity.name) {
                record.names.insert(0, record.entity.name.clone());
            }
        }
        Ok(records)
    };
    run().map_err(backend)
}

/// The claim filters as SQL over `c` (claim) and `d` (its document), with their values
/// bound as `?1`, `?2`... in order. The same filters as `Store::claims`.
fn claim_filter(query: &ClaimQuery) -> (String, Vec<Value>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let next = |values: &mut Vec<Value>, value: Value| {
        values.push(value);
        values.len()
    };
    if let Some(about) = &query.about {
        let at = next(&mut values, Value::Text(normalize_name(about)));
        conditions.push(format!(
            "c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id IN
                 (SELECT entity_id FROM entity_aliases WHERE norm = ?{at}))"
        ));
    }
    if let Some(by) = &query.by {
        let at = next(&mut values, Value::Text(normalize_name(by)));
        conditions.push(format!(
            "(c.source_entity_id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?{at})
              OR c.source_norm = ?{at}
              OR (c.voice = 'publisher' AND d.publisher_norm = ?{at}))"
        ));
    }
    if let Some(since) = query.since {
        let at = next(&mut values, Value::Text(since.to_string()));
        conditions.push(format!("c.date_end >= ?{at}"));
    }
    if let Some(until) = query.until {
        let at = next(&mut values, Value::Text(until.to_string()));
        conditions.push(format!("c.date_start <= ?{at}"));
    }
    if let Some(place) = &query.place {
        let norm = next(&mut values, Value::Text(normalize_name(place)));
        let text = next(&mut values, Value::Text(place.trim().to_string()));
        conditions.push(format!(
            "c.id IN (SELECT claim_id FROM claim_places WHERE norm = ?{norm}
                 OR lower(text) = lower(?{text}))"
        ));
    }
    let filter = if conditions.is_empty() { "1".to_string() } else { conditions.join(" AND ") };
    (filter, values)
}

pub fn claims_after(
    conn: &Connection,
    query: &ClaimQuery,
    after: i64,
    limit: usize,
) -> Result<Vec<ClaimRecord>, StoreError> {
    let (filter, mut values) = claim_filter(query);
    values.push(Value::Integer(after));
    let after_at = values.len();
    values.push(Value::Integer(limit_value(limit)));
    let limit_at = values.len();
    let sql = format!(
        "SELECT c.id, c.start, c.end, c.content, c.form, c.cue, c.source_name,
             c.source_start, c.source_end, c.stance, c.negated, c.has_subject, c.hedges,
             se.id, se.name, se.label, {DOCUMENT_COLUMNS}, c.cue_start, c.cue_end
         FROM claims c JOIN documents d ON d.id = c.document_id
         LEFT JOIN entities se ON se.id = c.source_entity_id
         WHERE {filter} AND c.id > ?{after_at} ORDER BY c.id LIMIT ?{limit_at}"
    );
    let run = || -> rusqlite::Result<Vec<ClaimRecord>> {
        let mut statement = conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(values.iter()), |row| {
            let source_name: Option<String> = row.get(6)?;
            let source_entity = match row.get::<_, Option<i64>>(13)? {
                Some(id) => Some(EntityRef { id, name: row.get(14)?, label: row.get(15)? }),
                None => None,
            };
            let source_span = span(row.get(7)?, row.get(8)?);
            let hedges: String = row.get(12)?;
            Ok(ClaimRecord {
                id: row.get(0)?,
                span: span(row.get(1)?, row.get(2)?).unwrap_or_default(),
                content: row.get(3)?,
                form: row.get(4)?,
                cue: row.get(5)?,
                cue_span: span(row.get(27)?, row.get(28)?),
                source: source_name.map(|name| SourceRef {
                    name,
                    entity: source_entity,
                    span: source_span,
                }),
                stance: if row.get::<_, String>(9)? == "denies" {
                    Stance::Denies
                } else {
                    Stance::Asserts
                },
                negated: row.get(10)?,
                has_subject: row.get(11)?,
                hedges: hedges
                    .split(HEDGE_SEPARATOR)
                    .filter(|hedge| !hedge.is_empty())
                    .map(str::to_string)
                    .collect(),
                document: summary(row, 16)?,
                relays: Vec::new(),
                about: Vec::new(),
                dates: Vec::new(),
                quantities: Vec::new(),
                places: Vec::new(),
                assessment: Assessment::default(),
                marks: Vec::new(),
            })
        })?;
        let mut claims: Vec<ClaimRecord> = rows.collect::<rusqlite::Result<_>>()?;
        fill_page(conn, &mut claims)?;
        let ids: Vec<i64> = claims.iter().map(|claim| claim.id).collect();
        let mut assessments = crate::assess::assessments(conn, &ids)?;
        for claim in &mut claims {
            if let Some(assessment) = assessments.remove(&claim.id) {
                claim.assessment = assessment;
            }
            claimgraph_store::assess::apply_marks(&mut claim.assessment, &claim.marks);
        }
        Ok(claims)
    };
    run().map_err(backend)
}

/// Reads the relays, entities, dates, quantities and places of a page of claims (in id
/// order), one statement per table over the page's id range.
fn fill_page(conn: &Connection, claims: &mut [ClaimRecord]) -> rusqlite::Result<()> {
    let (Some(first), Some(last)) = (claims.first(), claims.last()) else { return Ok(()) };
    let (low, high) = (first.id, last.id);
    let range = params![low, high];
    let index: HashMap<i64, usize> =
        claims.iter().enumerate().map(|(idx, claim)| (claim.id, idx)).collect();
    let mut relays = conn.prepare_cached(
        "SELECT r.claim_id, r.name, r.start, r.end, e.id, e.name, e.label
         FROM claim_relays r LEFT JOIN entities e ON e.id = r.entity_id
         WHERE r.claim_id BETWEEN ?1 AND ?2 ORDER BY r.claim_id, r.position",
    )?;
    let mut rows = relays.query(range)?;
    while let Some(row) = rows.next()? {
        let Some(&idx) = index.get(&row.get::<_, i64>(0)?) else { continue };
        let entity = match row.get::<_, Option<i64>>(4)? {
            Some(id) => Some(EntityRef { id, name: row.get(5)?, label: row.get(6)? }),
            None => None,
        };
        claims[idx].relays.push(SourceRef {
            name: row.get(1)?,
            entity,
            span: span(row.get(2)?, row.get(3)?),
        });
    }
    let mut about = conn.prepare_cached(
        "SELECT ce.claim_id, e.id, e.name, e.label FROM claim_entities ce
         JOIN entities e ON e.id = ce.entity_id
         WHERE ce.claim_id BETWEEN ?1 AND ?2 ORDER BY ce.claim_id, ce.position",
    )?;
    let mut rows = about.query(range)?;
    while let Some(row) = rows.next()? {
        let Some(&idx) = index.get(&row.get::<_, i64>(0)?) else { continue };
        let entity = EntityRef { id: row.get(1)?, name: row.get(2)?, label: row.get(3)? };
        if !claims[idx].about.contains(&entity) {
            claims[idx].about.push(entity);
        }
    }
    let mut dates = conn.prepare_cached(
        "SELECT claim_id, text, value, end_value, start, end FROM claim_dates
         WHERE claim_id BETWEEN ?1 AND ?2 ORDER BY claim_id, position",
    )?;
    let mut rows = dates.query(range)?;
    while let Some(row) = rows.next()? {
        let Some(&idx) = index.get(&row.get::<_, i64>(0)?) else { continue };
        claims[idx].dates.push(DateFact {
            text: row.get(1)?,
            value: row.get(2)?,
            end_value: row.get(3)?,
            span: span(row.get(4)?, row.get(5)?).unwrap_or_default(),
        });
    }
    let mut quantities = conn.prepare_cached(
        "SELECT claim_id, text, kind, value, min, max, unit, start, end FROM claim_quantities
         WHERE claim_id BETWEEN ?1 AND ?2 ORDER BY claim_id, position",
    )?;
    let mut rows = quantities.query(range)?;
    while let Some(row) = rows.next()? {
        let Some(&idx) = index.get(&row.get::<_, i64>(0)?) else { continue };
        claims[idx].quantities.push(QuantityFact {
            text: row.get(1)?,
            kind: row.get(2)?,
            value: row.get(3)?,
            min: row.get(4)?,
            max: row.get(5)?,
            unit: row.get(6)?,
            span: span(row.get(7)?, row.get(8)?).unwrap_or_default(),
        });
    }
    let mut marks = conn.prepare_cached(
        "SELECT id, claim_id, status, marked_by, marked_at, note FROM claim_marks
         WHERE claim_id BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let rows = marks.query_map(range, crate::read::mark_row)?;
    for row in rows {
        let mark = row?;
        if let Some(&idx) = index.get(&mark.claim_id) {
            claims[idx].marks.push(mark);
        }
    }
    let mut places = conn.prepare_cached(
        "SELECT claim_id, text, name, geonames_id, lat, lon, precision, start, end
         FROM claim_places WHERE claim_id BETWEEN ?1 AND ?2 ORDER BY claim_id, position",
    )?;
    let mut rows = places.query(range)?;
    while let Some(row) = rows.next()? {
        let Some(&idx) = index.get(&row.get::<_, i64>(0)?) else { continue };
        claims[idx].places.push(PlaceFact {
            text: row.get(1)?,
            name: row.get(2)?,
            geonames_id: row.get::<_, Option<i64>>(3)?.map(|id| id as u64),
            lat: row.get(4)?,
            lon: row.get(5)?,
            precision: row.get::<_, i64>(6)? as u8,
            span: span(row.get(7)?, row.get(8)?).unwrap_or_default(),
        });
    }
    Ok(())
}

pub fn mark_public(
    conn: &Connection,
    name: &str,
    public: Option<bool>,
) -> Result<EntityRef, StoreError> {
    let norm = normalize_name(name);
    let run = || -> rusqlite::Result<Option<EntityRef>> {
        // The same choice as `Store::entity`: the most mentioned entity with that name.
        let entity = conn
            .prepare_cached(
                "SELECT e.id, e.name, e.label FROM entities e
                 WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?1)
                 ORDER BY (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) DESC, e.id
                 LIMIT 1",
            )?
            .query_row([&norm], |row| {
                Ok(EntityRef { id: row.get(0)?, name: row.get(1)?, label: row.get(2)? })
            })
            .optional()?;
        let Some(entity) = entity else { return Ok(None) };
        match public {
            Some(public) => conn.execute(
                "INSERT INTO entity_public_marks (entity_id, public) VALUES (?1, ?2)
                 ON CONFLICT (entity_id) DO UPDATE SET public = excluded.public",
                params![entity.id, i64::from(public)],
            )?,
            None => {
                conn.execute("DELETE FROM entity_public_marks WHERE entity_id = ?1", [entity.id])?
            }
        };
        Ok(Some(entity))
    };
    run().map_err(backend)?.ok_or_else(|| StoreError::NotFound(format!("no entity named {name:?}")))
}
