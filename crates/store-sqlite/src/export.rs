//! Keyset paging for exports (documents and entities; a page of claims is
//! `read::claims_after`, the listing queries use), and public-figure marks.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use claimgraph_store::facts::normalize_name;
use claimgraph_store::{DocumentText, EntityRecord, EntityRef, StoreError};

use crate::backend;
use crate::read::{DOCUMENT_COLUMNS, document_summary as summary};

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
                 ORDER BY (SELECT SUM(o.n_mentions) FROM entity_occurrences o
                           WHERE o.entity_id = e.id) DESC, e.id
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
