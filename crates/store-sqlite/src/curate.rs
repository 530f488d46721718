//! What people add to the store: source reliability grades, and entity merges and
//! splits.
//!
//! A merge moves every row that names the merged entity (occurrences, names, mentions,
//! claim subjects, sources and relays) to the entity it is merged into, and records each
//! moved row in `entity_merge_moves`; undoing it moves exactly those rows back, to the
//! merged entity's own row, which a merge never deletes. So a merge followed by a split
//! gives back the same entities with the same ids. A split by documents (for a wrong join
//! made at ingest, whose evidence `entity_occurrences` keeps) moves the entity's rows in
//! those documents to a new entity the same way, so it can be merged back.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use claimgraph_store::facts::normalize_name;
use claimgraph_store::{
    ClaimMark, EntityMerge, EntityRef, MergeRequest, NewClaimMark, NewRating, SourceRating,
    SplitOutcome, SplitRequest, SplitTarget, StoreError,
};

use crate::backend;
use crate::read::entity_ref;

/// A table column that refers to an entity: how to name its rows in the move log, and
/// how to find the document a row belongs to (for splits by document).
struct Movable {
    what: &'static str,
    table: &'static str,
    column: &'static str,
    a: &'static str,
    b: &'static str,
    document: &'static str,
}

/// Every reference to an entity except `entity_keys`, which is keyed by name (below).
const MOVABLE: &[Movable] = &[
    Movable {
        what: "occurrence",
        table: "entity_occurrences",
        column: "entity_id",
        a: "id",
        b: "0",
        document: "document_id",
    },
    Movable {
        what: "alias",
        table: "entity_aliases",
        column: "entity_id",
        a: "rowid",
        b: "0",
        document: "document_id",
    },
    Movable {
        what: "mention",
        table: "mentions",
        column: "entity_id",
        a: "rowid",
        b: "0",
        document: "document_id",
    },
    Movable {
        what: "claim_entity",
        table: "claim_entities",
        column: "entity_id",
        a: "claim_id",
        b: "position",
        document: "(SELECT document_id FROM claims WHERE claims.id = claim_id)",
    },
    Movable {
        what: "claim_source",
        table: "claims",
        column: "source_entity_id",
        a: "id",
        b: "0",
        document: "document_id",
    },
    Movable {
        what: "claim_relay",
        table: "claim_relays",
        column: "entity_id",
        a: "claim_id",
        b: "position",
        document: "(SELECT document_id FROM claims WHERE claims.id = claim_id)",
    },
    Movable {
        what: "claim_subject",
        table: "claim_events",
        column: "subject_id",
        a: "claim_id",
        b: "0",
        document: "(SELECT document_id FROM claims WHERE claims.id = claim_id)",
    },
];

/// The entity a user means by `name`: `#ID`, else the most mentioned entity going by the
/// name (as `Store::entity` picks it).
fn find_entity(conn: &Connection, name: &str) -> rusqlite::Result<Option<EntityRef>> {
    if let Some(id) = name.trim().strip_prefix('#').and_then(|id| id.parse::<i64>().ok()) {
        return entity_ref(conn, id).optional();
    }
    conn.prepare_cached(
        "SELECT e.id, e.name, e.label FROM entities e
         WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?1)
         ORDER BY (SELECT SUM(o.n_mentions) FROM entity_occurrences o WHERE o.entity_id = e.id)
             DESC, e.id LIMIT 1",
    )?
    .query_row([normalize_name(name)], |row| {
        Ok(EntityRef { id: row.get(0)?, name: row.get(1)?, label: row.get(2)? })
    })
    .optional()
}

fn no_entity(name: &str) -> StoreError {
    StoreError::NotFound(format!("no entity named {name:?}"))
}

pub fn mark_claim(conn: &Connection, mark: &NewClaimMark) -> Result<ClaimMark, StoreError> {
    if mark.by.trim().is_empty() {
        return Err(StoreError::InvalidQuery("who marks the claim is needed".to_string()));
    }
    let note = mark.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let run = || -> rusqlite::Result<Option<ClaimMark>> {
        // One statement: the claim's existence is checked where the row is written.
        let inserted = conn.execute(
            "INSERT INTO claim_marks (claim_id, status, marked_by, marked_at, note)
             SELECT id, ?2, ?3, ?4, ?5 FROM claims WHERE id = ?1",
            params![mark.claim_id, mark.status.as_str(), mark.by.trim(), mark.at, note],
        )?;
        if inserted == 0 {
            return Ok(None);
        }
        Ok(Some(ClaimMark {
            id: conn.last_insert_rowid(),
            claim_id: mark.claim_id,
            status: mark.status,
            by: mark.by.trim().to_string(),
            at: mark.at,
            note: note.map(str::to_string),
        }))
    };
    run()
        .map_err(backend)?
        .ok_or_else(|| StoreError::NotFound(format!("no claim {}", mark.claim_id)))
}

pub fn rate_source(conn: &mut Connection, rating: &NewRating) -> Result<SourceRating, StoreError> {
    let norm = normalize_name(&rating.source);
    if norm.is_empty() {
        return Err(StoreError::InvalidQuery("a source name is needed".to_string()));
    }
    let run = || -> rusqlite::Result<Option<SourceRating>> {
        let entity = find_entity(conn, &rating.source)?;
        let known = entity.is_some()
            || conn
                .prepare_cached("SELECT 1 FROM claims WHERE source_norm = ?1 LIMIT 1")?
                .exists([&norm])?
            || conn
                .prepare_cached("SELECT 1 FROM documents WHERE publisher_norm = ?1 LIMIT 1")?
                .exists([&norm])?
            || conn
                .prepare_cached("SELECT 1 FROM claim_relays WHERE norm = ?1 LIMIT 1")?
                .exists([&norm])?;
        if !known {
            return Ok(None);
        }
        conn.execute(
            "INSERT INTO source_ratings (name, norm, entity_id, rating, rated_by, rated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                rating.source.trim(),
                norm,
                entity.map(|e| e.id),
                rating.reliability.letter().to_string(),
                rating.by,
                rating.at,
            ],
        )?;
        Ok(Some(SourceRating {
            name: rating.source.trim().to_string(),
            reliability: rating.reliability,
            by: rating.by.clone(),
            at: rating.at,
        }))
    };
    run().map_err(backend)?.ok_or_else(|| {
        StoreError::NotFound(format!(
            "no source, publisher or entity named {:?} in the store",
            rating.source
        ))
    })
}

/// Moves the rows of `from` (all, or those of `documents`) to `to`, logging each under
/// `merge_id`.
fn move_rows(
    tx: &Transaction<'_>,
    merge_id: i64,
    from: i64,
    to: i64,
    documents: Option<&[i64]>,
) -> rusqlite::Result<()> {
    let ids = documents.map(|ids| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
    for movable in MOVABLE {
        let filter = match &ids {
            // Store ids, integers from this database: safe to inline.
            Some(ids) => format!("{} IN ({ids})", movable.document),
            None => "1".to_string(),
        };
        let Movable { what, table, column, a, b, .. } = movable;
        tx.execute(
            &format!(
                "INSERT INTO entity_merge_moves (merge_id, what, a, b)
                 SELECT ?1, '{what}', {a}, {b} FROM {table} WHERE {column} = ?2 AND {filter}"
            ),
            params![merge_id, from],
        )?;
        tx.execute(
            &format!("UPDATE {table} SET {column} = ?1 WHERE {column} = ?2 AND {filter}"),
            params![to, from],
        )?;
    }
    // Names that join later documents: all of them on a merge; on a split, the names
    // used only in the documents split off.
    let key_filter = match &ids {
        None => "1".to_string(),
        Some(ids) => format!(
            "norm IN (SELECT norm FROM entity_aliases WHERE entity_id = ?3 AND document_id IN ({ids}))
             AND norm NOT IN (SELECT norm FROM entity_aliases WHERE entity_id = ?2)"
        ),
    };
    let (insert, update) = (
        format!(
            "INSERT INTO entity_merge_moves (merge_id, what, a, b, key)
             SELECT ?1, 'key', 0, 0, label || char(31) || norm FROM entity_keys
             WHERE entity_id = ?2 AND {key_filter}"
        ),
        format!("UPDATE entity_keys SET entity_id = ?3 WHERE entity_id = ?2 AND {key_filter}"),
    );
    if documents.is_some() {
        tx.execute(&insert, params![merge_id, from, to])?;
        tx.execute(&update, params![merge_id, from, to])?;
    } else {
        tx.execute(&insert, params![merge_id, from])?;
        tx.execute(&update, params![merge_id, from, to])?;
    }
    Ok(())
}

/// Moves back every row a merge (or split) moved from its `from` entity.
fn undo_moves(tx: &Transaction<'_>, merge_id: i64, from: i64, into: i64) -> rusqlite::Result<()> {
    let moves: Vec<(String, i64, i64, Option<String>)> = {
        let mut statement = tx.prepare(
            "SELECT what, a, b, key FROM entity_merge_moves WHERE merge_id = ?1 ORDER BY rowid",
        )?;
        let rows = statement.query_map([merge_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (what, a, b, key) in moves {
        if what == "key" {
            if let Some((label, norm)) = key.as_deref().and_then(|k| k.split_once('\u{1f}')) {
                tx.prepare_cached(
                    "UPDATE entity_keys SET entity_id = ?1 WHERE label = ?2 AND norm = ?3
                     AND entity_id = ?4",
                )?
                .execute(params![from, label, norm, into])?;
            }
            continue;
        }
        let Some(movable) = MOVABLE.iter().find(|m| m.what == what) else { continue };
        let Movable { table, column, a: a_col, b: b_col, .. } = movable;
        tx.prepare_cached(&format!(
            "UPDATE {table} SET {column} = ?1 WHERE {a_col} = ?2 AND {b_col} = ?3
             AND {column} = ?4"
        ))?
        .execute(params![from, a, b, into])?;
    }
    Ok(())
}

fn moved_documents(tx: &Connection, merge_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut statement = tx.prepare_cached(
        "SELECT DISTINCT d.external_id FROM entity_merge_moves mm
         JOIN entity_occurrences o ON o.id = mm.a JOIN documents d ON d.id = o.document_id
         WHERE mm.merge_id = ?1 AND mm.what = 'occurrence' ORDER BY d.id",
    )?;
    let rows = statement.query_map([merge_id], |row| row.get(0))?;
    rows.collect()
}

pub fn merge_entities(
    conn: &mut Connection,
    request: &MergeRequest,
) -> Result<EntityMerge, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
    let into = find_entity(&tx, &request.into)
        .map_err(backend)?
        .ok_or_else(|| no_entity(&request.into))?;
    let from = find_entity(&tx, &request.from)
        .map_err(backend)?
        .ok_or_else(|| no_entity(&request.from))?;
    if into.id == from.id {
        return Err(StoreError::InvalidQuery(format!(
            "{:?} and {:?} are already one entity ({} #{})",
            request.into, request.from, into.name, into.id
        )));
    }
    let run = || -> rusqlite::Result<EntityMerge> {
        tx.execute(
            "INSERT INTO entity_merges (into_id, from_id, kind, merged_by, merged_at, reason)
             VALUES (?1, ?2, 'merge', ?3, ?4, ?5)",
            params![into.id, from.id, request.by, request.at, request.reason],
        )?;
        let merge_id = tx.last_insert_rowid();
        move_rows(&tx, merge_id, from.id, into.id, None)?;
        Ok(EntityMerge {
            id: merge_id,
            into: into.clone(),
            merged: from.clone(),
            documents: moved_documents(&tx, merge_id)?,
            by: request.by.clone(),
            at: request.at,
            reason: request.reason.clone(),
            undone_at: None,
        })
    };
    let merge = run().map_err(backend)?;
    tx.commit().map_err(backend)?;
    Ok(merge)
}

pub fn split_entity(
    conn: &mut Connection,
    request: &SplitRequest,
) -> Result<SplitOutcome, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
    let entity = find_entity(&tx, &request.entity)
        .map_err(backend)?
        .ok_or_else(|| no_entity(&request.entity))?;
    let outcome = match &request.target {
        SplitTarget::Merged(name) => {
            let norm = normalize_name(name);
            let merges = active_merges(&tx, entity.id).map_err(backend)?;
            let found = merges
                .into_iter()
                .find(|(_, from)| {
                    normalize_name(&from.name) == norm
                        || from.id.to_string() == name.trim().trim_start_matches('#')
                })
                .map(|(id, _)| id);
            let Some(merge_id) = found else {
                return Err(StoreError::NotFound(format!(
                    "no merge of an entity named {name:?} into {} #{}",
                    entity.name, entity.id
                )));
            };
            undo_merge(&tx, merge_id, &entity, request.at)?
        }
        SplitTarget::MergeId(merge_id) => {
            let active = active_merges(&tx, entity.id).map_err(backend)?;
            if !active.iter().any(|(id, _)| id == merge_id) {
                return Err(StoreError::NotFound(format!(
                    "no merge {merge_id} into {} #{} to undo",
                    entity.name, entity.id
                )));
            }
            undo_merge(&tx, *merge_id, &entity, request.at)?
        }
        SplitTarget::Documents(keys) => {
            split_documents(&tx, &entity, keys, &request.by, request.at)?
        }
    };
    tx.commit().map_err(backend)?;
    Ok(outcome)
}

/// Merges into `entity` not undone yet, with the entity each merged away.
fn active_merges(tx: &Connection, entity: i64) -> rusqlite::Result<Vec<(i64, EntityRef)>> {
    let mut statement = tx.prepare_cached(
        "SELECT id, from_id FROM entity_merges WHERE into_id = ?1 AND kind = 'merge'
         AND undone_at IS NULL ORDER BY id DESC",
    )?;
    let rows: Vec<(i64, i64)> = statement
        .query_map([entity], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|(id, from)| Ok((id, entity_ref(tx, from)?))).collect()
}

fn undo_merge(
    tx: &Transaction<'_>,
    merge_id: i64,
    entity: &EntityRef,
    at: i64,
) -> Result<SplitOutcome, StoreError> {
    let run = || -> rusqlite::Result<SplitOutcome> {
        let from: i64 =
            tx.query_row("SELECT from_id FROM entity_merges WHERE id = ?1", [merge_id], |row| {
                row.get(0)
            })?;
        let documents = moved_documents(tx, merge_id)?;
        undo_moves(tx, merge_id, from, entity.id)?;
        tx.execute("UPDATE entity_merges SET undone_at = ?2 WHERE id = ?1", params![merge_id, at])?;
        Ok(SplitOutcome {
            kept: entity.clone(),
            split_off: entity_ref(tx, from)?,
            documents,
            undid_merge: Some(merge_id),
        })
    };
    run().map_err(backend)
}

fn split_documents(
    tx: &Transaction<'_>,
    entity: &EntityRef,
    keys: &[String],
    by: &str,
    at: i64,
) -> Result<SplitOutcome, StoreError> {
    let mut documents = Vec::new();
    for key in keys {
        let id = crate::read::document_id(tx, key)
            .map_err(backend)?
            .ok_or_else(|| StoreError::NotFound(format!("no document {key:?}")))?;
        documents.push(id);
    }
    let run = || -> rusqlite::Result<Option<SplitOutcome>> {
        let ids = documents.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        // The new entity is named as it is named in the first of those documents.
        let name: Option<String> = tx
            .query_row(
                &format!(
                    "SELECT name FROM entity_occurrences WHERE entity_id = ?1
                     AND document_id IN ({ids}) ORDER BY document_id, local_index LIMIT 1"
                ),
                [entity.id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(name) = name else { return Ok(None) };
        let remaining: i64 = tx.query_row(
            &format!(
                "SELECT COUNT(*) FROM entity_occurrences WHERE entity_id = ?1
                 AND document_id NOT IN ({ids})"
            ),
            [entity.id],
            |row| row.get(0),
        )?;
        if remaining == 0 {
            return Ok(None);
        }
        tx.execute(
            "INSERT INTO entities (name, label) VALUES (?1, ?2)",
            params![name, entity.label],
        )?;
        let new_id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO entity_merges (into_id, from_id, kind, merged_by, merged_at)
             VALUES (?1, ?2, 'split', ?3, ?4)",
            params![new_id, entity.id, by, at],
        )?;
        let merge_id = tx.last_insert_rowid();
        move_rows(tx, merge_id, entity.id, new_id, Some(&documents))?;
        Ok(Some(SplitOutcome {
            kept: entity.clone(),
            split_off: entity_ref(tx, new_id)?,
            documents: moved_documents(tx, merge_id)?,
            undid_merge: None,
        }))
    };
    run().map_err(backend)?.ok_or_else(|| {
        StoreError::InvalidQuery(format!(
            "{} #{} must occur in the given documents and in others to be split",
            entity.name, entity.id
        ))
    })
}

/// Merges into and splits from an entity, oldest first.
pub(crate) fn merges_of(conn: &Connection, entity: i64) -> rusqlite::Result<Vec<EntityMerge>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, into_id, from_id, merged_by, merged_at, reason, undone_at
         FROM entity_merges WHERE into_id = ?1 OR from_id = ?1 ORDER BY id",
    )?;
    // Entities and documents are filled in after the rows are read: the statement is
    // still borrowed while rows are read.
    let bare = |id: i64| EntityRef { id, name: String::new(), label: String::new() };
    let mut merges: Vec<EntityMerge> = statement
        .query_map([entity], |row| {
            Ok(EntityMerge {
                id: row.get(0)?,
                into: bare(row.get(1)?),
                merged: bare(row.get(2)?),
                documents: Vec::new(),
                by: row.get(3)?,
                at: row.get(4)?,
                reason: row.get(5)?,
                undone_at: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for merge in &mut merges {
        merge.into = entity_ref(conn, merge.into.id)?;
        merge.merged = entity_ref(conn, merge.merged.id)?;
        merge.documents = moved_documents(conn, merge.id)?;
    }
    Ok(merges)
}
