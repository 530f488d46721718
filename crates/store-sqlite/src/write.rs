//! Storing a batch of analyzed documents in one transaction.
//!
//! Idempotence comes from the UNIQUE constraint on `documents.content_hash`: the insert
//! is `ON CONFLICT DO NOTHING`, and a document whose insert changed no row is a duplicate
//! whose facts are skipped. There is no check-then-insert race to lose.
//!
//! Entities join store-wide entities through `entity_keys`, one row per (label,
//! normalized name): a document's entity takes the entity of the first of its matchable
//! names already known, and records which name and which earlier document that was.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use claimgraph_store::facts::{self, DocumentFacts, LocalSource, normalize_name};
use claimgraph_store::{NewDocument, PutOutcome, StoreError};

use crate::backend;

/// Separates hedge words in `claims.hedges` (a control character never in a hedge).
pub(crate) const HEDGE_SEPARATOR: char = '\u{1f}';

pub fn put_batch(
    conn: &mut Connection,
    batch: &[NewDocument],
) -> Result<Vec<PutOutcome>, StoreError> {
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits at the start
    // (busy_timeout) instead of failing at the first write.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for new in batch {
        outcomes.push(put_one(&tx, new).map_err(backend)?);
    }
    tx.commit().map_err(backend)?;
    Ok(outcomes)
}

fn put_one(tx: &Transaction<'_>, new: &NewDocument) -> rusqlite::Result<PutOutcome> {
    let hash = new.hash();
    let document = &new.document;
    let facts = facts::document_facts(document, &new.analysis);
    let publisher_norm = document.publisher.as_deref().map(normalize_name);
    let inserted = tx.prepare_cached(
        "INSERT INTO documents (content_hash, external_id, origin, title, url, author, publisher,
             publisher_norm, doc_date, text, n_sentences, extractor_version, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (content_hash) DO NOTHING",
    )?
    .execute(params![
        hash.as_str(),
        document.id,
        new.meta.origin,
        new.meta.title,
        new.meta.url,
        new.meta.author,
        document.publisher,
        publisher_norm,
        document.date.map(|date| date.to_string()),
        document.text,
        facts.n_sentences as i64,
        new.extractor_version,
        new.ingested_at,
    ])?;
    if inserted == 0 {
        let id = tx
            .prepare_cached("SELECT id FROM documents WHERE content_hash = ?1")?
            .query_row([hash.as_str()], |row| row.get(0))?;
        return Ok(PutOutcome::Duplicate { id });
    }
    let document_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![document_id, new.meta.title, document.text])?;
    let (entity_ids, n_new_entities) = put_entities(tx, document_id, &facts)?;
    put_claims(tx, document_id, &facts, &entity_ids)?;
    Ok(PutOutcome::Stored { id: document_id, n_claims: facts.claims.len(), n_new_entities })
}

/// Resolves each document entity to a store-wide entity and stores its evidence.
/// Returns the store-wide id of each local entity and how many were new.
fn put_entities(
    tx: &Transaction<'_>,
    document_id: i64,
    facts: &DocumentFacts,
) -> rusqlite::Result<(Vec<i64>, usize)> {
    let mut find_key = tx.prepare_cached(
        "SELECT entity_id, document_id FROM entity_keys WHERE label = ?1 AND norm = ?2",
    )?;
    let mut insert_entity =
        tx.prepare_cached("INSERT INTO entities (name, label) VALUES (?1, ?2)")?;
    let mut insert_key = tx.prepare_cached(
        "INSERT INTO entity_keys (label, norm, entity_id, document_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (label, norm) DO NOTHING",
    )?;
    let mut insert_occurrence = tx.prepare_cached(
        "INSERT INTO entity_occurrences (entity_id, document_id, local_index, name, n_mentions,
             matched_norm, matched_document_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_alias = tx.prepare_cached(
        "INSERT INTO entity_aliases (entity_id, document_id, alias, norm, reason, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_mention = tx.prepare_cached(
        "INSERT INTO mentions (document_id, entity_id, start, end, source)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut entity_ids = Vec::with_capacity(facts.entities.len());
    let mut n_new = 0;
    for (local_index, entity) in facts.entities.iter().enumerate() {
        let mut matched: Option<(i64, String, i64)> = None;
        for name in entity.names.iter().filter(|name| name.matchable) {
            if let Some((entity_id, first_document)) = find_key
                .query_row(params![entity.label, name.norm], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?
            {
                matched = Some((entity_id, name.norm.clone(), first_document));
                break;
            }
        }
        let entity_id = match &matched {
            Some((entity_id, _, _)) => *entity_id,
            None => {
                insert_entity.execute(params![entity.name, entity.label])?;
                n_new += 1;
                tx.last_insert_rowid()
            }
        };
        for name in entity.names.iter().filter(|name| name.matchable) {
            insert_key.execute(params![entity.label, name.norm, entity_id, document_id])?;
        }
        insert_occurrence.execute(params![
            entity_id,
            document_id,
            local_index as i64,
            entity.name,
            entity.mentions.len() as i64,
            matched.as_ref().map(|(_, norm, _)| norm),
            matched.as_ref().map(|(_, _, first_document)| first_document),
        ])?;
        for name in &entity.names {
            insert_alias.execute(params![
                entity_id,
                document_id,
                name.text,
                name.norm,
                name.reason,
                name.span.start as i64,
                name.span.end as i64,
            ])?;
        }
        for (span, source) in &entity.mentions {
            insert_mention.execute(params![
                document_id,
                entity_id,
                span.start as i64,
                span.end as i64,
                source,
            ])?;
        }
        entity_ids.push(entity_id);
    }
    Ok((entity_ids, n_new))
}

fn put_claims(
    tx: &Transaction<'_>,
    document_id: i64,
    facts: &DocumentFacts,
    entity_ids: &[i64],
) -> rusqlite::Result<()> {
    let global = |source: &LocalSource| source.entity.and_then(|idx| entity_ids.get(idx).copied());
    let mut insert_claim = tx.prepare_cached(
        "INSERT INTO claims (document_id, start, end, content, voice, form, cue, source_name,
             source_norm, source_entity_id, source_start, source_end, stance, negated,
             has_subject, hedges, date_start, date_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    let mut insert_fts =
        tx.prepare_cached("INSERT INTO claims_fts (rowid, content) VALUES (?1, ?2)")?;
    let mut insert_relay = tx.prepare_cached(
        "INSERT INTO claim_relays (claim_id, position, name, norm, entity_id, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_entity = tx.prepare_cached(
        "INSERT INTO claim_entities (claim_id, position, entity_id) VALUES (?1, ?2, ?3)",
    )?;
    let mut insert_date = tx.prepare_cached(
        "INSERT INTO claim_dates (claim_id, position, text, value, end_value, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_quantity = tx.prepare_cached(
        "INSERT INTO claim_quantities (claim_id, position, text, kind, value, min, max, unit,
             start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut insert_place = tx.prepare_cached(
        "INSERT INTO claim_places (claim_id, position, text, name, norm, geonames_id, lat, lon,
             precision, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for claim in &facts.claims {
        let source = claim.source.as_ref();
        let hedges: String = claim.hedges.join(&HEDGE_SEPARATOR.to_string());
        insert_claim.execute(params![
            document_id,
            claim.span.start as i64,
            claim.span.end as i64,
            claim.content,
            if source.is_some() { "attributed" } else { "publisher" },
            claim.form,
            claim.cue,
            source.map(|s| &s.name),
            source.map(|s| normalize_name(&s.name)),
            source.and_then(global),
            source.and_then(|s| s.span).map(|span| span.start as i64),
            source.and_then(|s| s.span).map(|span| span.end as i64),
            match claim.stance {
                claimgraph_model::Stance::Asserts => "asserts",
                claimgraph_model::Stance::Denies => "denies",
            },
            claim.negated,
            claim.has_subject,
            hedges,
            claim.date_range.map(|(start, _)| start.to_string()),
            claim.date_range.map(|(_, end)| end.to_string()),
        ])?;
        let claim_id = tx.last_insert_rowid();
        insert_fts.execute(params![claim_id, claim.content])?;
        for (position, relay) in claim.relays.iter().enumerate() {
            insert_relay.execute(params![
                claim_id,
                position as i64 + 1,
                relay.name,
                normalize_name(&relay.name),
                global(relay),
                relay.span.map(|span| span.start as i64),
                relay.span.map(|span| span.end as i64),
            ])?;
        }
        for (position, &local) in claim.about.iter().enumerate() {
            if let Some(&entity_id) = entity_ids.get(local) {
                insert_entity.execute(params![claim_id, position as i64, entity_id])?;
            }
        }
        for (position, date) in claim.dates.iter().enumerate() {
            insert_date.execute(params![
                claim_id,
                position as i64,
                date.text,
                date.value,
                date.end_value,
                date.span.start as i64,
                date.span.end as i64,
            ])?;
        }
        for (position, quantity) in claim.quantities.iter().enumerate() {
            insert_quantity.execute(params![
                claim_id,
                position as i64,
                quantity.text,
                quantity.kind,
                quantity.value,
                quantity.min,
                quantity.max,
                quantity.unit,
                quantity.span.start as i64,
                quantity.span.end as i64,
            ])?;
        }
        for (position, place) in claim.places.iter().enumerate() {
            insert_place.execute(params![
                claim_id,
                position as i64,
                place.text,
                place.name,
                normalize_name(&place.name),
                place.geonames_id.map(|id| id as i64),
                place.lat,
                place.lon,
                i64::from(place.precision),
                place.span.start as i64,
                place.span.end as i64,
            ])?;
        }
    }
    Ok(())
}
