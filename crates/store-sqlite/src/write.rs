//! Storing a batch of analyzed documents in one transaction.
//!
//! Idempotence comes from the UNIQUE constraint on `documents.content_hash`: the insert
//! is `ON CONFLICT DO NOTHING`, and a document whose insert changed no row is a duplicate
//! whose facts are skipped. There is no check-then-insert race to lose.
//!
//! Entities join store-wide entities through `entity_keys`, one row per (label,
//! normalized name): a document's entity takes the entity of the first of its matchable
//! names already known, and records which name and which earlier document that was.
//!
//! Each new document is matched against the stored ones through its LSH band keys
//! (`put_origin`) and each new claim against the stored claims about the same subject
//! (`put_claim_event`): a handful of indexed lookups per item, never a scan of all pairs.
//! Documents and claims earlier in the same batch are already in the tables, so they are
//! found too.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use claimgraph_store::assess::ClaimEvidence;
use claimgraph_store::facts::{self, ClaimFacts, DocumentFacts, LocalSource, normalize_name};
use claimgraph_store::similarity::{self, CANDIDATES_PER_KEY, ClaimSalt};
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
    let original_id = put_origin(tx, document_id, document.date, &facts.signature)?;
    let (entity_ids, n_new_entities) = put_entities(tx, document_id, &facts)?;
    put_claims(tx, document_id, original_id, &facts, &entity_ids)?;
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
             matched_norm, matched_document_id, doc_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT doc_date FROM documents WHERE id = ?2))",
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
    original_id: i64,
    facts: &DocumentFacts,
    entity_ids: &[i64],
) -> rusqlite::Result<()> {
    let global = |source: &LocalSource| source.entity.and_then(|idx| entity_ids.get(idx).copied());
    let mut insert_claim = tx.prepare_cached(
        "INSERT INTO claims (document_id, start, end, content, voice, form, cue, source_name,
             source_norm, source_entity_id, source_start, source_end, stance, negated,
             has_subject, hedges, date_start, date_end, cue_start, cue_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20)",
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
            claim.cue_span.map(|span| span.start as i64),
            claim.cue_span.map(|span| span.end as i64),
        ])?;
        let claim_id = tx.last_insert_rowid();
        insert_fts.execute(params![claim_id, claim.content])?;
        put_claim_event(tx, document_id, original_id, claim_id, claim, entity_ids)?;
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

/// Separates places in `claim_events.places`.
pub(crate) const PLACE_SEPARATOR: char = '\u{1f}';

/// Orders documents for "the earliest is the original": dated before undated, earlier
/// dates first, then ingest order (store id).
fn earliness(date: Option<NaiveDate>, id: i64) -> (bool, Option<NaiveDate>, i64) {
    (date.is_none(), date, id)
}

/// Files the document under its band keys and links it to the origin of the stored
/// documents it nearly duplicates. When it is earlier than their original it becomes the
/// original of the whole group; when it matches several groups they become one. Returns
/// the group's original.
pub(crate) fn put_origin(
    tx: &Transaction<'_>,
    document_id: i64,
    date: Option<NaiveDate>,
    signature: &[u32],
) -> rusqlite::Result<i64> {
    let keys = similarity::band_keys(signature, similarity::ROWS, 0);
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut find = tx.prepare_cached(
            "SELECT document_id FROM document_bands WHERE band_key = ?1
             ORDER BY document_id DESC LIMIT ?2",
        )?;
        for key in &keys {
            let rows = find.query_map(params![key, CANDIDATES_PER_KEY as i64], |row| row.get(0))?;
            for row in rows {
                let id: i64 = row?;
                if id != document_id && !candidates.contains(&id) {
                    candidates.push(id);
                }
            }
        }
    }
    // (candidate, its original, similarity) for every candidate that is a copy.
    let mut matches: Vec<(i64, i64, f64)> = Vec::new();
    {
        let mut load = tx.prepare_cached(
            "SELECT s.signature, o.original_id FROM document_signatures s
             JOIN document_origins o ON o.document_id = s.document_id WHERE s.document_id = ?1",
        )?;
        for &candidate in &candidates {
            let Some((blob, original)) = load
                .query_row([candidate], |row| {
                    Ok((row.get::<_, Vec<u8>>(0)?, row.get::<_, i64>(1)?))
                })
                .optional()?
            else {
                continue;
            };
            let similarity = similarity::estimated_jaccard(signature, &similarity::unpack(&blob));
            if similarity >= similarity::COPY_THRESHOLD {
                matches.push((candidate, original, similarity));
            }
        }
    }
    tx.prepare_cached("INSERT INTO document_signatures (document_id, signature) VALUES (?1, ?2)")?
        .execute(params![document_id, similarity::pack(signature)])?;
    let mut insert_band = tx.prepare_cached(
        "INSERT INTO document_bands (band_key, document_id) VALUES (?1, ?2)
         ON CONFLICT DO NOTHING",
    )?;
    for key in &keys {
        insert_band.execute(params![key, document_id])?;
    }
    let mut insert_origin = tx.prepare_cached(
        "INSERT INTO document_origins (document_id, original_id, matched_document_id, similarity)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    // The most similar match explains the link; ties go to the earlier document.
    let Some(&(best, _, best_similarity)) =
        matches.iter().max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
    else {
        insert_origin.execute(params![document_id, document_id, None::<i64>, None::<f64>])?;
        return Ok(document_id);
    };
    let mut originals: Vec<i64> = matches.iter().map(|m| m.1).collect();
    originals.sort_unstable();
    originals.dedup();
    let mut date_of = tx.prepare_cached("SELECT doc_date FROM documents WHERE id = ?1")?;
    let mut earliest = (earliness(date, document_id), document_id);
    for &original in &originals {
        let stored: Option<String> = date_of.query_row([original], |row| row.get(0))?;
        let stored = stored.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        earliest = earliest.min((earliness(stored, original), original));
    }
    let original = earliest.1;
    let mut regroup =
        tx.prepare_cached("UPDATE document_origins SET original_id = ?1 WHERE original_id = ?2")?;
    let mut explain = tx.prepare_cached(
        "UPDATE document_origins SET matched_document_id = ?2, similarity = ?3
         WHERE document_id = ?1 AND matched_document_id IS NULL",
    )?;
    for &old in originals.iter().filter(|&&old| old != original) {
        regroup.execute(params![original, old])?;
        // A former original now is a copy: explain it by its own match, or the best one.
        let (matched, similarity) = matches
            .iter()
            .find(|m| m.0 == old)
            .map_or((best, best_similarity), |m| (document_id, m.2));
        explain.execute(params![old, matched, similarity])?;
    }
    insert_origin.execute(params![document_id, original, best, best_similarity])?;
    Ok(original)
}

/// A stored claim's event data, as a candidate for the same event.
struct StoredEvent {
    document_id: i64,
    subject: Option<i64>,
    cluster: i64,
    tokens: Vec<u32>,
    evidence: ClaimEvidence,
}

fn parse_day(value: Option<String>) -> Option<NaiveDate> {
    value.and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
}

/// Joins the claim to the cluster of an earlier report of the same claim, or starts a
/// cluster; links it as conflicting with reports of the same event that differ.
fn put_claim_event(
    tx: &Transaction<'_>,
    document_id: i64,
    original_id: i64,
    claim_id: i64,
    claim: &ClaimFacts,
    entity_ids: &[i64],
) -> rusqlite::Result<()> {
    let subject = if claim.has_subject {
        claim.about.first().and_then(|&local| entity_ids.get(local).copied())
    } else {
        None
    };
    let tokens = similarity::claim_token_set(&claim.tokens, |local| entity_ids.get(local).copied());
    let keys = if tokens.len() < similarity::CLAIM_MIN_TOKENS {
        Vec::new()
    } else {
        let salt = match subject {
            Some(subject) => ClaimSalt::Subject(subject),
            None => ClaimSalt::Story(original_id),
        };
        similarity::claim_band_keys(&tokens, salt)
    };
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut find = tx.prepare_cached(
            "SELECT claim_id FROM claim_bands WHERE band_key = ?1 ORDER BY claim_id DESC LIMIT ?2",
        )?;
        for key in &keys {
            let limit = similarity::CLAIM_CANDIDATES_PER_KEY as i64;
            let rows = find.query_map(params![key, limit], |row| row.get(0))?;
            for row in rows {
                let id: i64 = row?;
                if !candidates.contains(&id) {
                    candidates.push(id);
                }
            }
        }
    }
    // Best compatible report (cluster, similarity), and per other cluster the most similar
    // conflicting report (claim, similarity, differences).
    let mut joined: Option<(i64, f64)> = None;
    let mut conflicts: HashMap<i64, (i64, f64, Vec<claimgraph_store::Difference>)> = HashMap::new();
    {
        let mut load = tx.prepare_cached(
            "SELECT c.document_id, e.subject_id, e.cluster_id, e.tokens, e.figures, e.day_start,
                 e.day_end, e.places, e.negative
             FROM claim_events e JOIN claims c ON c.id = e.claim_id WHERE e.claim_id = ?1",
        )?;
        for &candidate in &candidates {
            let Some(stored) = load
                .query_row([candidate], |row| {
                    let places: String = row.get(7)?;
                    Ok(StoredEvent {
                        document_id: row.get(0)?,
                        subject: row.get(1)?,
                        cluster: row.get(2)?,
                        tokens: similarity::unpack(&row.get::<_, Vec<u8>>(3)?),
                        evidence: ClaimEvidence {
                            figures: ClaimEvidence::parse_figures(&row.get::<_, String>(4)?),
                            days: parse_day(row.get(5)?).zip(parse_day(row.get(6)?)),
                            places: places
                                .split(PLACE_SEPARATOR)
                                .filter(|p| !p.is_empty())
                                .map(str::to_string)
                                .collect(),
                            negative: row.get(8)?,
                        },
                    })
                })
                .optional()?
            else {
                continue;
            };
            // Keys are salted by subject, but a collision must not join two subjects.
            if stored.subject != subject {
                continue;
            }
            let Some(sim) = similarity::same_event(&tokens, &stored.tokens, subject.is_some())
            else {
                continue;
            };
            let differences = stored.evidence.differences(&claim.evidence);
            if differences.is_empty() {
                if joined.is_none_or(|(_, best)| sim > best) {
                    joined = Some((stored.cluster, sim));
                }
            } else if subject.is_some() && stored.document_id != document_id {
                // A document that gives two figures for one event is not two sources
                // disagreeing; only reports in different documents conflict.
                let entry = conflicts.entry(stored.cluster).or_insert((candidate, sim, Vec::new()));
                if sim > entry.1 || entry.2.is_empty() {
                    *entry = (candidate, sim, differences);
                }
            }
        }
    }
    let cluster = joined.map_or(claim_id, |(cluster, _)| cluster);
    let evidence = &claim.evidence;
    let places: Vec<&str> = evidence.places.iter().map(String::as_str).collect();
    tx.prepare_cached(
        "INSERT INTO claim_events (claim_id, subject_id, cluster_id, tokens, figures, day_start,
             day_end, places, negative)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        claim_id,
        subject,
        cluster,
        similarity::pack(&tokens),
        evidence.figures_text(),
        evidence.days.map(|(start, _)| start.to_string()),
        evidence.days.map(|(_, end)| end.to_string()),
        places.join(&PLACE_SEPARATOR.to_string()),
        evidence.negative,
    ])?;
    let mut insert_band = tx.prepare_cached(
        "INSERT INTO claim_bands (band_key, claim_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for key in &keys {
        insert_band.execute(params![key, claim_id])?;
    }
    let mut insert_conflict = tx.prepare_cached(
        "INSERT INTO claim_conflicts (claim_a, claim_b, similarity, kinds, detail)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
    )?;
    for (other_cluster, (other, sim, differences)) in conflicts {
        if other_cluster == cluster {
            continue;
        }
        let kinds: Vec<&str> = differences.iter().map(|d| d.kind).collect();
        let detail: Vec<String> =
            differences.iter().map(|d| format!("{}: {}", d.kind, d.detail)).collect();
        insert_conflict.execute(params![
            other,
            claim_id,
            sim,
            kinds.join(","),
            detail.join("; ")
        ])?;
    }
    Ok(())
}

/// Gives every document without a signature (stored before schema version 2) its
/// signature, band keys and origin, in ingest order.
pub(crate) fn backfill_origins(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let pending: Vec<(i64, Option<String>)> = {
        let mut statement = tx.prepare(
            "SELECT id, doc_date FROM documents
             WHERE id NOT IN (SELECT document_id FROM document_signatures) ORDER BY id",
        )?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, date) in pending {
        let text: String =
            tx.query_row("SELECT text FROM documents WHERE id = ?1", [id], |row| row.get(0))?;
        put_origin(tx, id, parse_day(date), &similarity::document_signature(&text))?;
    }
    Ok(())
}
