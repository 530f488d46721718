//! What exports read, a page at a time (keyset paging on ids), and the marks analysts
//! put on claims and people: verdicts on claims, public-figure marks on entities.

use std::collections::HashMap;

use claimgraph_store::facts::normalize_name;
use claimgraph_store::{
    ClaimMark, ClaimQuery, ClaimRecord, DocumentText, EntityRecord, EntityRef, NewClaimMark,
    StoreError,
};

use crate::read::{DOCUMENT_COLUMNS, Value, claim_filter, document_summary, load_claims_ordered};
use crate::{Tx, exec, opt, rows};

fn page_size(limit: usize) -> i64 {
    i64::try_from(limit.max(1)).unwrap_or(i64::MAX)
}

pub async fn documents_after(
    tx: &Tx<'_>,
    after: i64,
    limit: usize,
) -> Result<Vec<DocumentText>, StoreError> {
    Ok(rows(
        tx,
        &format!(
            "SELECT {DOCUMENT_COLUMNS}, d.text, d.n_sentences FROM documents d
             WHERE d.id > $1 ORDER BY d.id LIMIT $2"
        ),
        &[&after, &page_size(limit)],
    )
    .await?
    .iter()
    .map(|row| DocumentText {
        summary: document_summary(row, 0),
        text: row.get(11),
        n_sentences: row.get::<_, i32>(12) as usize,
    })
    .collect())
}

pub async fn entities_after(
    tx: &Tx<'_>,
    after: i64,
    limit: usize,
) -> Result<Vec<EntityRecord>, StoreError> {
    let found = rows(
        tx,
        "SELECT e.id, e.name, e.label,
             (SELECT COALESCE(SUM(o.n_mentions), 0)::BIGINT FROM entity_occurrences o
              WHERE o.entity_id = e.id),
             (SELECT COUNT(DISTINCT o.document_id) FROM entity_occurrences o
              WHERE o.entity_id = e.id),
             (SELECT MIN(d.ingested_at) FROM entity_occurrences o
              JOIN documents d ON d.id = o.document_id WHERE o.entity_id = e.id),
             (SELECT public FROM entity_public_marks WHERE entity_id = e.id)
         FROM entities e
         WHERE e.id > $1 AND EXISTS (SELECT 1 FROM entity_occurrences o WHERE o.entity_id = e.id)
         ORDER BY e.id LIMIT $2",
        &[&after, &page_size(limit)],
    )
    .await?;
    let mut records: Vec<EntityRecord> = found
        .iter()
        .map(|row| EntityRecord {
            entity: EntityRef { id: row.get(0), name: row.get(1), label: row.get(2) },
            names: Vec::new(),
            n_mentions: row.get::<_, i64>(3) as usize,
            n_documents: row.get::<_, i64>(4) as usize,
            first_ingested_at: row.get::<_, Option<i64>>(5).unwrap_or_default(),
            public_mark: row.get(6),
        })
        .collect();
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return Ok(records);
    };
    let (low, high) = (first.entity.id, last.entity.id);
    let index: HashMap<i64, usize> =
        records.iter().enumerate().map(|(idx, record)| (record.entity.id, idx)).collect();
    let names = rows(
        tx,
        "SELECT entity_id, alias FROM entity_aliases WHERE entity_id BETWEEN $1 AND $2
         ORDER BY entity_id, document_id, start_at, id",
        &[&low, &high],
    )
    .await?;
    for row in names {
        let (entity_id, alias): (i64, String) = (row.get(0), row.get(1));
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
}

pub async fn claims_after(
    tx: &Tx<'_>,
    query: &ClaimQuery,
    after: i64,
    limit: usize,
) -> Result<Vec<ClaimRecord>, StoreError> {
    let (filter, mut values) = claim_filter(query);
    let boxed: Value = Box::new(after);
    values.push(boxed);
    let filter = format!("({filter}) AND c.id > ${}", values.len());
    load_claims_ordered(tx, &filter, values, "c.id", Some(limit.max(1))).await
}

pub async fn mark_claim(tx: &Tx<'_>, mark: &NewClaimMark) -> Result<ClaimMark, StoreError> {
    if mark.by.trim().is_empty() {
        return Err(StoreError::InvalidQuery("who marks the claim is needed".to_string()));
    }
    let note = mark.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    // One statement: the claim's existence is checked where the row is written.
    let row = opt(
        tx,
        "INSERT INTO claim_marks (claim_id, status, marked_by, marked_at, note)
         SELECT id, $2, $3, $4, $5 FROM claims WHERE id = $1 RETURNING id",
        &[&mark.claim_id, &mark.status.as_str(), &mark.by.trim(), &mark.at, &note],
    )
    .await?
    .ok_or_else(|| StoreError::NotFound(format!("no claim {}", mark.claim_id)))?;
    Ok(ClaimMark {
        id: row.get(0),
        claim_id: mark.claim_id,
        status: mark.status,
        by: mark.by.trim().to_string(),
        at: mark.at,
        note: note.map(str::to_string),
    })
}

pub async fn mark_public(
    tx: &Tx<'_>,
    name: &str,
    public: Option<bool>,
) -> Result<EntityRef, StoreError> {
    // The same choice as `Store::entity`: the most mentioned entity with that name.
    let entity = crate::read::entities_named(tx, &normalize_name(name))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::NotFound(format!("no entity named {name:?}")))?;
    match public {
        Some(public) => {
            exec(
                tx,
                "INSERT INTO entity_public_marks (entity_id, public) VALUES ($1, $2)
                 ON CONFLICT (entity_id) DO UPDATE SET public = excluded.public",
                &[&entity.id, &public],
            )
            .await?
        }
        None => {
            exec(tx, "DELETE FROM entity_public_marks WHERE entity_id = $1", &[&entity.id]).await?
        }
    };
    Ok(entity)
}
