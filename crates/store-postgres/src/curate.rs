//! What people add to the store: source reliability grades, and entity merges and
//! splits, exactly as the SQLite store keeps them (its `curate.rs` explains the design):
//! a merge moves every row naming the merged entity and logs each moved row in
//! `entity_merge_moves`, so undoing it moves exactly those rows back to the merged
//! entity's own row, which a merge never deletes.

use claimgraph_store::facts::normalize_name;
use claimgraph_store::{
    EntityMerge, EntityRef, MergeRequest, NewRating, SourceRating, SplitOutcome, SplitRequest,
    SplitTarget, StoreError,
};

use crate::read::{entities_named, entity_ref};
use crate::{Tx, exec, one, opt, rows};

/// A table column that refers to an entity: how to name its rows in the move log, and
/// how to find the document a row belongs to (for splits by document).
struct Movable {
    what: &'static str,
    table: &'static str,
    column: &'static str,
    a: &'static str,
    b: &'static str,
}

/// Every reference to an entity except `entity_keys`, which is keyed by name (below).
/// Every one of these tables has a `document_id` column.
const MOVABLE: &[Movable] = &[
    Movable {
        what: "occurrence",
        table: "entity_occurrences",
        column: "entity_id",
        a: "id",
        b: "0",
    },
    Movable { what: "alias", table: "entity_aliases", column: "entity_id", a: "id", b: "0" },
    Movable { what: "mention", table: "mentions", column: "entity_id", a: "id", b: "0" },
    Movable {
        what: "claim_entity",
        table: "claim_entities",
        column: "entity_id",
        a: "claim_id",
        b: "position",
    },
    Movable { what: "claim_source", table: "claims", column: "source_entity_id", a: "id", b: "0" },
    Movable {
        what: "claim_relay",
        table: "claim_relays",
        column: "entity_id",
        a: "claim_id",
        b: "position",
    },
    Movable {
        what: "claim_subject",
        table: "claim_events",
        column: "subject_id",
        a: "claim_id",
        b: "0",
    },
];

/// The entity a user means by `name`: `#ID`, else the most mentioned entity going by the
/// name (as `Store::entity` picks it).
async fn find_entity(tx: &Tx<'_>, name: &str) -> Result<Option<EntityRef>, StoreError> {
    if let Some(id) = name.trim().strip_prefix('#').and_then(|id| id.parse::<i64>().ok()) {
        let row = opt(tx, "SELECT id, name, label FROM entities WHERE id = $1", &[&id]).await?;
        return Ok(row.map(|row| EntityRef {
            id: row.get(0),
            name: row.get(1),
            label: row.get(2),
        }));
    }
    Ok(entities_named(tx, &normalize_name(name)).await?.into_iter().next())
}

fn no_entity(name: &str) -> StoreError {
    StoreError::NotFound(format!("no entity named {name:?}"))
}

pub async fn rate_source(tx: &Tx<'_>, rating: &NewRating) -> Result<SourceRating, StoreError> {
    let norm = normalize_name(&rating.source);
    if norm.is_empty() {
        return Err(StoreError::InvalidQuery("a source name is needed".to_string()));
    }
    let entity = find_entity(tx, &rating.source).await?;
    let known: bool = entity.is_some()
        || one(
            tx,
            "SELECT EXISTS (SELECT 1 FROM claims WHERE source_norm = $1)
                 OR EXISTS (SELECT 1 FROM documents WHERE publisher_norm = $1)
                 OR EXISTS (SELECT 1 FROM claim_relays WHERE norm = $1)",
            &[&norm],
        )
        .await?
        .get(0);
    if !known {
        return Err(StoreError::NotFound(format!(
            "no source, publisher or entity named {:?} in the store",
            rating.source
        )));
    }
    let letter = rating.reliability.letter().to_string();
    exec(
        tx,
        "INSERT INTO source_ratings (name, norm, entity_id, rating, rated_by, rated_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&rating.source.trim(), &norm, &entity.map(|e| e.id), &letter, &rating.by, &rating.at],
    )
    .await?;
    Ok(SourceRating {
        name: rating.source.trim().to_string(),
        reliability: rating.reliability,
        by: rating.by.clone(),
        at: rating.at,
    })
}

/// Moves the rows of `from` (all, or those of `documents`) to `to`, logging each under
/// `merge_id`.
async fn move_rows(
    tx: &Tx<'_>,
    merge_id: i64,
    from: i64,
    to: i64,
    documents: Option<&[i64]>,
) -> Result<(), StoreError> {
    let all: Vec<i64> = Vec::new();
    let (filter, ids) = match documents {
        Some(ids) => ("document_id = ANY($3::BIGINT[])", ids),
        None => ("cardinality($3::BIGINT[]) = 0", all.as_slice()),
    };
    let ids = ids.to_vec();
    for Movable { what, table, column, a, b } in MOVABLE {
        exec(
            tx,
            &format!(
                "WITH moved AS (
                     UPDATE {table} SET {column} = $4 WHERE {column} = $2 AND {filter}
                     RETURNING {a} AS a, {b} AS b
                 )
                 INSERT INTO entity_merge_moves (merge_id, what, a, b)
                 SELECT $1, '{what}', a, b FROM moved ORDER BY a, b"
            ),
            &[&merge_id, &from, &ids, &to],
        )
        .await?;
    }
    // Names that join later documents: all of them on a merge; on a split, the names
    // used only in the documents split off.
    let key_filter = match documents {
        None => "cardinality($3::BIGINT[]) = 0",
        Some(_) => {
            "norm IN (SELECT norm FROM entity_aliases WHERE entity_id = $4
                      AND document_id = ANY($3::BIGINT[]))
             AND norm NOT IN (SELECT norm FROM entity_aliases WHERE entity_id = $2)"
        }
    };
    exec(
        tx,
        &format!(
            "WITH moved AS (
                 UPDATE entity_keys SET entity_id = $4 WHERE entity_id = $2 AND {key_filter}
                 RETURNING label, norm
             )
             INSERT INTO entity_merge_moves (merge_id, what, a, b, key)
             SELECT $1, 'key', 0, 0, label || chr(31) || norm FROM moved ORDER BY label, norm"
        ),
        &[&merge_id, &from, &ids, &to],
    )
    .await?;
    recount(tx, from, to).await
}

/// The totals of both entities anew (`entity_counts`, migration 5): moved rows lie at
/// any id, below the watermark too.
async fn recount(tx: &Tx<'_>, a: i64, b: i64) -> Result<(), StoreError> {
    exec(tx, "SELECT recount_entities($1::BIGINT[])", &[&vec![a, b]]).await?;
    Ok(())
}

/// Moves back every row a merge (or split) moved from its `from` entity.
async fn undo_moves(tx: &Tx<'_>, merge_id: i64, from: i64, into: i64) -> Result<(), StoreError> {
    let moves = rows(
        tx,
        "SELECT what, a, b, key FROM entity_merge_moves WHERE merge_id = $1 ORDER BY id",
        &[&merge_id],
    )
    .await?;
    for row in moves {
        let what: &str = row.get(0);
        let (a, b): (i64, i64) = (row.get(1), row.get(2));
        if what == "key" {
            let key: Option<&str> = row.get(3);
            if let Some((label, norm)) = key.and_then(|k| k.split_once('\u{1f}')) {
                exec(
                    tx,
                    "UPDATE entity_keys SET entity_id = $1 WHERE label = $2 AND norm = $3
                     AND entity_id = $4",
                    &[&from, &label, &norm, &into],
                )
                .await?;
            }
            continue;
        }
        let Some(movable) = MOVABLE.iter().find(|m| m.what == what) else { continue };
        let Movable { table, column, a: a_col, b: b_col, .. } = movable;
        if *b_col == "0" {
            // Keyed by one column: `b` is always 0.
            let sql =
                format!("UPDATE {table} SET {column} = $1 WHERE {a_col} = $2 AND {column} = $3");
            exec(tx, &sql, &[&from, &a, &into]).await?;
        } else {
            let sql = format!(
                "UPDATE {table} SET {column} = $1 WHERE {a_col} = $2 AND {b_col} = $3
                 AND {column} = $4"
            );
            let b = i32::try_from(b).unwrap_or(i32::MAX);
            exec(tx, &sql, &[&from, &a, &b, &into]).await?;
        }
    }
    recount(tx, from, into).await
}

async fn moved_documents(tx: &Tx<'_>, merge_id: i64) -> Result<Vec<String>, StoreError> {
    Ok(rows(
        tx,
        "SELECT d.external_id FROM entity_merge_moves mm
         JOIN entity_occurrences o ON o.id = mm.a JOIN documents d ON d.id = o.document_id
         WHERE mm.merge_id = $1 AND mm.what = 'occurrence' GROUP BY d.id ORDER BY d.id",
        &[&merge_id],
    )
    .await?
    .iter()
    .map(|row| row.get(0))
    .collect())
}

pub async fn merge_entities(
    tx: &Tx<'_>,
    request: &MergeRequest,
) -> Result<EntityMerge, StoreError> {
    let into = find_entity(tx, &request.into).await?.ok_or_else(|| no_entity(&request.into))?;
    let from = find_entity(tx, &request.from).await?.ok_or_else(|| no_entity(&request.from))?;
    if into.id == from.id {
        return Err(StoreError::InvalidQuery(format!(
            "{:?} and {:?} are already one entity ({} #{})",
            request.into, request.from, into.name, into.id
        )));
    }
    let merge_id: i64 = one(
        tx,
        "INSERT INTO entity_merges (into_id, from_id, kind, merged_by, merged_at, reason)
         VALUES ($1, $2, 'merge', $3, $4, $5) RETURNING id",
        &[&into.id, &from.id, &request.by, &request.at, &request.reason],
    )
    .await?
    .get(0);
    move_rows(tx, merge_id, from.id, into.id, None).await?;
    Ok(EntityMerge {
        id: merge_id,
        documents: moved_documents(tx, merge_id).await?,
        into,
        merged: from,
        by: request.by.clone(),
        at: request.at,
        reason: request.reason.clone(),
        undone_at: None,
    })
}

pub async fn split_entity(tx: &Tx<'_>, request: &SplitRequest) -> Result<SplitOutcome, StoreError> {
    let entity =
        find_entity(tx, &request.entity).await?.ok_or_else(|| no_entity(&request.entity))?;
    match &request.target {
        SplitTarget::Merged(name) => {
            let norm = normalize_name(name);
            let merges = active_merges(tx, entity.id).await?;
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
            undo_merge(tx, merge_id, &entity, request.at).await
        }
        SplitTarget::MergeId(merge_id) => {
            let active = active_merges(tx, entity.id).await?;
            if !active.iter().any(|(id, _)| id == merge_id) {
                return Err(StoreError::NotFound(format!(
                    "no merge {merge_id} into {} #{} to undo",
                    entity.name, entity.id
                )));
            }
            undo_merge(tx, *merge_id, &entity, request.at).await
        }
        SplitTarget::Documents(keys) => {
            split_documents(tx, &entity, keys, &request.by, request.at).await
        }
    }
}

/// Merges into `entity` not undone yet, with the entity each merged away.
async fn active_merges(tx: &Tx<'_>, entity: i64) -> Result<Vec<(i64, EntityRef)>, StoreError> {
    let found = rows(
        tx,
        "SELECT id, from_id FROM entity_merges WHERE into_id = $1 AND kind = 'merge'
         AND undone_at IS NULL ORDER BY id DESC",
        &[&entity],
    )
    .await?;
    let mut merges = Vec::with_capacity(found.len());
    for row in found {
        merges.push((row.get(0), entity_ref(tx, row.get(1)).await?));
    }
    Ok(merges)
}

async fn undo_merge(
    tx: &Tx<'_>,
    merge_id: i64,
    entity: &EntityRef,
    at: i64,
) -> Result<SplitOutcome, StoreError> {
    let from: i64 =
        one(tx, "SELECT from_id FROM entity_merges WHERE id = $1", &[&merge_id]).await?.get(0);
    let documents = moved_documents(tx, merge_id).await?;
    undo_moves(tx, merge_id, from, entity.id).await?;
    exec(tx, "UPDATE entity_merges SET undone_at = $2 WHERE id = $1", &[&merge_id, &at]).await?;
    Ok(SplitOutcome {
        kept: entity.clone(),
        split_off: entity_ref(tx, from).await?,
        documents,
        undid_merge: Some(merge_id),
    })
}

async fn split_documents(
    tx: &Tx<'_>,
    entity: &EntityRef,
    keys: &[String],
    by: &str,
    at: i64,
) -> Result<SplitOutcome, StoreError> {
    let mut documents = Vec::new();
    for key in keys {
        let id = crate::read::document_id(tx, key)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("no document {key:?}")))?;
        documents.push(id);
    }
    let cannot = || {
        StoreError::InvalidQuery(format!(
            "{} #{} must occur in the given documents and in others to be split",
            entity.name, entity.id
        ))
    };
    // The new entity is named as it is named in the first of those documents.
    let name: String = opt(
        tx,
        "SELECT name FROM entity_occurrences WHERE entity_id = $1
         AND document_id = ANY($2::BIGINT[]) ORDER BY document_id, local_index LIMIT 1",
        &[&entity.id, &documents],
    )
    .await?
    .ok_or_else(cannot)?
    .get(0);
    let remaining: i64 = one(
        tx,
        "SELECT COUNT(*) FROM entity_occurrences WHERE entity_id = $1
         AND NOT (document_id = ANY($2::BIGINT[]))",
        &[&entity.id, &documents],
    )
    .await?
    .get(0);
    if remaining == 0 {
        return Err(cannot());
    }
    let new_id: i64 = one(
        tx,
        "INSERT INTO entities (name, label) VALUES ($1, $2) RETURNING id",
        &[&name, &entity.label],
    )
    .await?
    .get(0);
    let merge_id: i64 = one(
        tx,
        "INSERT INTO entity_merges (into_id, from_id, kind, merged_by, merged_at)
         VALUES ($1, $2, 'split', $3, $4) RETURNING id",
        &[&new_id, &entity.id, &by, &at],
    )
    .await?
    .get(0);
    move_rows(tx, merge_id, entity.id, new_id, Some(&documents)).await?;
    Ok(SplitOutcome {
        kept: entity.clone(),
        split_off: entity_ref(tx, new_id).await?,
        documents: moved_documents(tx, merge_id).await?,
        undid_merge: None,
    })
}

/// Merges into and splits from an entity, oldest first.
pub(crate) async fn merges_of(tx: &Tx<'_>, entity: i64) -> Result<Vec<EntityMerge>, StoreError> {
    let found = rows(
        tx,
        "SELECT id, into_id, from_id, merged_by, merged_at, reason, undone_at
         FROM entity_merges WHERE into_id = $1 OR from_id = $1 ORDER BY id",
        &[&entity],
    )
    .await?;
    let mut merges = Vec::with_capacity(found.len());
    for row in found {
        let id: i64 = row.get(0);
        merges.push(EntityMerge {
            id,
            into: entity_ref(tx, row.get(1)).await?,
            merged: entity_ref(tx, row.get(2)).await?,
            documents: moved_documents(tx, id).await?,
            by: row.get(3),
            at: row.get(4),
            reason: row.get(5),
            undone_at: row.get(6),
        });
    }
    Ok(merges)
}
