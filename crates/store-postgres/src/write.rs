//! Storing a batch of analyzed documents in one transaction.
//!
//! Idempotence comes from the UNIQUE constraint on `documents.content_hash`: the insert
//! is `ON CONFLICT DO NOTHING RETURNING id`, and a document whose insert returned no row
//! is a duplicate whose facts are skipped. Between two concurrent transactions inserting
//! the same text, PostgreSQL makes the second wait for the first and then skip: there is
//! no check-then-insert race to lose.
//!
//! Why one advisory lock serializes the writing (not the analysis) of batches: entity
//! resolution joins a document's entities to the entities earlier documents named
//! (`entity_keys`, primary key (label, normalized name)), and near-duplicate origins and
//! claim clusters match a document against earlier ones. Two transactions running side by
//! side cannot see each other's rows, so without an order two ingests would each create
//! "Reuters", or each take the other's copy of a wire story for an original. The primary
//! key alone would stop the duplicate name (the second insert waits, then conflicts), but
//! not the duplicate entity row nor the missed copies, and per-name locks taken in
//! document order can deadlock. One transaction-scoped lock (`pg_advisory_xact_lock`,
//! released at commit or rollback, also when a client dies) makes concurrent ingests
//! apply their batches one after another, exactly as one ingest would; the costly part,
//! analysis, stays parallel in every process. docs/SCALING.md says how this is split
//! when one database is no longer enough.
//!
//! Round trips are what cost on a network database, so each document is written with a
//! fixed number of statements whatever its size (about ten): rows go in as arrays
//! (`unnest`), several tables per statement (data-modifying `WITH`), ids are taken from
//! the sequences up front, and the LSH candidates of all of a document's bands or claims
//! are fetched in one query. The matching itself is the SQLite store's, decision for
//! decision: candidates in the same order (per band key, newest first, capped), the same
//! tie-breaks; claims earlier in the same document are candidates as if already stored.

// Rows go to `unnest` column by column; a tuple of column vectors per table keeps each
// statement's parameters next to the columns they fill, which named types would not.
#![allow(clippy::type_complexity)]

use std::collections::HashMap;

use chrono::NaiveDate;

use claimgraph_store::assess::ClaimEvidence;
use claimgraph_store::facts::{DocumentFacts, LocalSource, normalize_name};
use claimgraph_store::similarity::{self, CANDIDATES_PER_KEY, ClaimSalt};
use claimgraph_store::{NewDocument, PutOutcome, StoreError};

use tokio_postgres::Row;

use crate::{Tx, exec, rows};

/// Separates hedge words and places in text columns (a control character never in them).
pub(crate) const SEPARATOR: char = '\u{1f}';

/// The advisory lock key every write transaction takes ("cgwriter" in ASCII; migration 5's
/// `refresh_entity_counts` takes it too).
const WRITER_LOCK: i64 = 0x6367_7772_6974_6572;

pub(crate) async fn lock_writers(tx: &Tx<'_>) -> Result<(), StoreError> {
    exec(tx, "SELECT pg_advisory_xact_lock($1)", &[&WRITER_LOCK]).await?;
    Ok(())
}

/// The tables ingest fills, whose statistics the writer keeps fresh.
const INGEST_TABLES: &str = "documents, entities, entity_keys, entity_occurrences, \
     entity_aliases, mentions, claims, claim_relays, claim_entities, claim_dates, \
     claim_quantities, claim_places, document_signatures, document_bands, document_origins, \
     claim_events, claim_bands, claim_conflicts";

/// What `optimize` runs after an ingest: a vacuum of the tables that entity profiles read
/// through index-only scans (claims too: an entity's count of claims it is the source of
/// read 1,436 table pages for "US" at 100,000 documents, 5 ms warm, and none after the
/// vacuum, 0.75 ms), and full statistics (the writer's are coarse) for the documents and
/// claims, whose word frequencies decide how search reads them (`read.rs`, `readings`;
/// copied to `search_word_shares`, see [`REFRESH_WORD_SHARES`]), and the entities' totals
/// brought up to date ([`REFRESH_ENTITY_COUNTS`]).
/// Separate statements: one string of several runs as one transaction, which `VACUUM`
/// refuses.
pub(crate) const VACUUM_AFTER_INGEST: [&str; 4] = [
    "VACUUM (ANALYZE) entity_occurrences, entity_aliases, claim_entities, entity_keys, \
     entities, claims",
    "ANALYZE documents",
    REFRESH_WORD_SHARES,
    REFRESH_ENTITY_COUNTS,
];

/// Adds the occurrences and claims stored since the last refresh to `entity_counts`
/// (migration 5), which entity profiles read instead of counting every row.
pub(crate) const REFRESH_ENTITY_COUNTS: &str = "SELECT refresh_entity_counts()";

/// Copies the word shares of the `search` columns from `pg_stats` into
/// `search_word_shares` (migration 4), where a search reads them: after every `ANALYZE`
/// of documents and claims.
pub(crate) const REFRESH_WORD_SHARES: &str = "SELECT refresh_search_word_shares()";

/// Below this many documents a table's plans hardly matter.
const ANALYZE_FROM: i64 = 128;

/// Refreshes the planner's statistics of the ingest tables each time the store has doubled
/// since they were last taken.
///
/// Why the writer does it: every statement is prepared once per connection, and PostgreSQL
/// keeps a generic plan made with the statistics of that moment. A store filled from empty
/// was planned as empty: the entity-name lookup stayed a scan of every name and took 6 ms
/// per document at 20,000 documents, more than everything else together. Autovacuum would
/// refresh the statistics (and so the plans), but only every minute at best, and some
/// servers run without it (this machine's does). Doubling bounds the cost: about 20
/// `ANALYZE`s for 100 million documents, each reading a fixed-size sample.
pub(crate) async fn analyze_when_grown(
    client: &deadpool_postgres::Client,
) -> Result<(), StoreError> {
    let statement = client
        .prepare_cached(
            "SELECT c.reltuples::BIGINT, (SELECT COALESCE(MAX(id), 0) FROM documents)
             FROM pg_class c WHERE c.oid = 'documents'::regclass",
        )
        .await
        .map_err(crate::backend)?;
    let row = client.query_one(&statement, &[]).await.map_err(crate::backend)?;
    // -1 until the table is first analyzed; ids count duplicates skipped too, which only
    // makes the refresh a little early.
    let (analyzed, stored): (i64, i64) = (row.get(0), row.get(1));
    if stored >= ANALYZE_FROM && stored > 2 * analyzed.max(0) {
        // A small sample (3,000 rows a table rather than 30,000) is enough to plan index
        // lookups, and keeps this at a few hundred milliseconds on large tables.
        client
            .batch_execute(&format!(
                "BEGIN; SET LOCAL default_statistics_target = 10; ANALYZE {INGEST_TABLES}; \
                 {REFRESH_WORD_SHARES}; COMMIT"
            ))
            .await
            .map_err(crate::backend)?;
    }
    Ok(())
}

pub(crate) async fn put_batch(
    tx: &Tx<'_>,
    batch: &[(&NewDocument, DocumentFacts)],
) -> Result<Vec<PutOutcome>, StoreError> {
    let stored = insert_documents(tx, batch).await?;
    let (mut n_entities, mut n_claims) = (0, 0);
    for ((_, facts), stored) in batch.iter().zip(&stored) {
        if let Stored::New(_) = stored {
            // At most every entity is new; the ids left over are given back below.
            n_entities += facts.entities.len();
            n_claims += facts.claims.len();
        }
    }
    let (entity_ids, claim_ids) =
        tokio::try_join!(take_ids(tx, "entities", n_entities), take_ids(tx, "claims", n_claims))?;
    let mut ids = IdPool { entities: entity_ids.into_iter(), claims: claim_ids.into_iter() };
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut events: Option<EventWrite> = None;
    for ((new, facts), stored) in batch.iter().zip(stored) {
        match stored {
            Stored::Duplicate(id) => outcomes.push(PutOutcome::Duplicate { id }),
            Stored::New(id) => {
                let (outcome, written_next) =
                    put_facts(tx, id, new, facts, &mut ids, events.take()).await?;
                events = Some(written_next);
                outcomes.push(outcome);
            }
        }
    }
    let unused: Vec<i64> = ids.entities.collect();
    tokio::try_join!(write_events(tx, events), give_back_entity_ids(tx, &unused))?;
    Ok(outcomes)
}

fn int(value: usize) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// What the documents insert did with one document of the batch.
#[derive(Debug, Clone, Copy)]
enum Stored {
    New(i64),
    /// The same text is stored already, or comes earlier in the batch.
    Duplicate(i64),
}

/// Inserts the batch's documents in one statement. Ids follow the batch order; a text
/// already stored (or twice in the batch) is skipped by the unique hash and reported as a
/// duplicate of the stored document.
async fn insert_documents(
    tx: &Tx<'_>,
    batch: &[(&NewDocument, DocumentFacts)],
) -> Result<Vec<Stored>, StoreError> {
    let hashes: Vec<String> =
        batch.iter().map(|(new, _)| new.hash().as_str().to_string()).collect();
    let mut c: (Vec<&str>, Vec<&str>, Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>) =
        Default::default();
    let mut d: (Vec<Option<&str>>, Vec<Option<String>>, Vec<Option<NaiveDate>>, Vec<&str>) =
        Default::default();
    let mut e: (Vec<i32>, Vec<&str>, Vec<i64>) = Default::default();
    for (new, facts) in batch {
        let document = &new.document;
        c.0.push(&document.id);
        c.1.push(&new.meta.origin);
        c.2.push(new.meta.title.as_deref());
        c.3.push(new.meta.url.as_deref());
        c.4.push(new.meta.author.as_deref());
        d.0.push(document.publisher.as_deref());
        d.1.push(document.publisher.as_deref().map(normalize_name));
        d.2.push(document.date);
        d.3.push(&document.text);
        e.0.push(int(facts.n_sentences));
        e.1.push(&new.extractor_version);
        e.2.push(new.ingested_at);
    }
    let inserted = rows(
        tx,
        "INSERT INTO documents (content_hash, external_id, origin, title, url, author, publisher,
             publisher_norm, doc_date, text, n_sentences, extractor_version, ingested_at)
         SELECT * FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[],
             $6::TEXT[], $7::TEXT[], $8::TEXT[], $9::DATE[], $10::TEXT[], $11::INTEGER[],
             $12::TEXT[], $13::BIGINT[])
         ON CONFLICT (content_hash) DO NOTHING RETURNING content_hash, id",
        &[&hashes, &c.0, &c.1, &c.2, &c.3, &c.4, &d.0, &d.1, &d.2, &d.3, &e.0, &e.1, &e.2],
    )
    .await?;
    let mut new_ids: HashMap<String, i64> =
        inserted.iter().map(|row| (row.get(0), row.get(1))).collect();
    let mut missing: Vec<&str> =
        hashes.iter().filter(|hash| !new_ids.contains_key(*hash)).map(String::as_str).collect();
    missing.sort_unstable();
    missing.dedup();
    let mut known: HashMap<String, i64> = HashMap::new();
    if !missing.is_empty() {
        let found = rows(
            tx,
            "SELECT content_hash, id FROM documents WHERE content_hash = ANY($1::TEXT[])",
            &[&missing],
        )
        .await?;
        known.extend(found.iter().map(|row| (row.get(0), row.get(1))));
    }
    hashes
        .into_iter()
        .map(|hash| {
            if let Some(id) = new_ids.remove(&hash) {
                known.insert(hash, id);
                Ok(Stored::New(id))
            } else {
                known.get(&hash).map(|&id| Stored::Duplicate(id)).ok_or_else(|| {
                    StoreError::Corrupt(format!("document {hash} was neither inserted nor found"))
                })
            }
        })
        .collect()
}

/// Ids taken for the batch, handed out in document order.
struct IdPool {
    entities: std::vec::IntoIter<i64>,
    claims: std::vec::IntoIter<i64>,
}

/// Takes `n` consecutive ids from a table's identity sequence: the first by `nextval`,
/// the rest by moving the sequence past them. Only writers take these ids, and they hold
/// the writer lock, so no one can take an id in between.
async fn take_ids(tx: &Tx<'_>, table: &str, n: usize) -> Result<Vec<i64>, StoreError> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT first, setval(s, first + $1::BIGINT - 1)
         FROM (SELECT s, nextval(s) AS first
               FROM (SELECT pg_get_serial_sequence('{table}', 'id')::regclass AS s) q) f"
    );
    let row = crate::one(tx, &sql, &[&(n as i64)]).await?;
    let (first, last): (i64, i64) = (row.get(0), row.get(1));
    Ok((first..=last).collect())
}

/// Puts the entity ids the batch took but did not use back into the sequence, so that ids
/// stay dense, as in the SQLite store. Only when they are still the sequence's last: the
/// writer lock keeps other writers out, but not a sequence someone else advanced.
async fn give_back_entity_ids(tx: &Tx<'_>, unused: &[i64]) -> Result<(), StoreError> {
    let (Some(&first), Some(&last)) = (unused.first(), unused.last()) else { return Ok(()) };
    rows(
        tx,
        "SELECT setval(s, $1, false)
         FROM (SELECT pg_get_serial_sequence('entities', 'id')::regclass AS s) q
         WHERE pg_sequence_last_value(s) = $2",
        &[&first, &last],
    )
    .await?;
    Ok(())
}

/// Stores one new document's facts in two round trips: the lookups (near-duplicate
/// candidates, stored entity names), then every insert together with the claim-cluster
/// candidates. The claim events, which need those candidates, go out with the next
/// document's lookups (`previous`), or at the end of the batch; statements on one
/// connection run in the order they are sent, so each lookup still sees every earlier
/// document's rows.
async fn put_facts(
    tx: &Tx<'_>,
    document_id: i64,
    new: &NewDocument,
    facts: &DocumentFacts,
    ids: &mut IdPool,
    previous: Option<EventWrite>,
) -> Result<(PutOutcome, EventWrite), StoreError> {
    let bands = similarity::band_keys(&facts.signature, similarity::ROWS, 0);
    let (mut labels, mut norms): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for entity in &facts.entities {
        for name in entity.names.iter().filter(|name| name.matchable) {
            labels.push(entity.label);
            norms.push(&name.norm);
        }
    }
    let ((), origin_rows, key_rows) = tokio::try_join!(
        write_events(tx, previous),
        origin_candidates(tx, &bands),
        stored_entity_keys(tx, &labels, &norms),
    )?;
    let origin = plan_origin(document_id, new.document.date, &facts.signature, &origin_rows);
    let entities = resolve_entities(document_id, facts, key_rows, &mut ids.entities);
    let claim_ids: Vec<i64> = ids.claims.by_ref().take(facts.claims.len()).collect();
    let claims = claim_rows(facts, &entities.ids, &claim_ids);
    let pending = pending_events(facts, &entities.ids, origin.original);
    let mut all_keys: Vec<i64> = pending.iter().flat_map(|p| p.keys.iter().copied()).collect();
    all_keys.sort_unstable();
    all_keys.dedup();
    let ((), (), (), found) = tokio::try_join!(
        write_origin(tx, document_id, &facts.signature, &bands, &origin),
        write_entities(tx, document_id, new.document.date, &entities),
        write_claims(tx, document_id, &claims),
        claim_candidates(tx, &all_keys),
    )?;
    let rows = plan_events(document_id, facts, &pending, &claim_ids, found);
    let outcome = PutOutcome::Stored {
        id: document_id,
        n_claims: facts.claims.len(),
        n_new_entities: entities.n_new,
    };
    Ok((outcome, EventWrite { document_id, rows }))
}

/// Orders documents for "the earliest is the original": dated before undated, earlier
/// dates first, then ingest order (store id).
fn earliness(date: Option<NaiveDate>, id: i64) -> (bool, Option<NaiveDate>, i64) {
    (date.is_none(), date, id)
}

/// Stored documents filed under any of the band keys (newest first, capped per key), each
/// once with its signature and its original: the matching below does not depend on order.
async fn origin_candidates(tx: &Tx<'_>, bands: &[i64]) -> Result<Vec<Row>, StoreError> {
    rows(
        tx,
        "SELECT d.document_id, s.signature, o.original_id, od.doc_date
         FROM (SELECT DISTINCT b.document_id
               FROM unnest($1::BIGINT[]) AS k (key)
               CROSS JOIN LATERAL (SELECT document_id FROM document_bands
                                   WHERE band_key = k.key
                                   ORDER BY document_id DESC LIMIT $2) b) d
         JOIN document_signatures s ON s.document_id = d.document_id
         JOIN document_origins o ON o.document_id = d.document_id
         JOIN documents od ON od.id = o.original_id",
        &[&bands, &(CANDIDATES_PER_KEY as i64)],
    )
    .await
}

/// Where a document goes among the near-duplicate groups.
struct OriginPlan {
    /// The earliest document of its group (itself when it matches nothing).
    original: i64,
    /// The most similar stored document and the similarity, if any is a copy.
    best: Option<(i64, f64)>,
    /// Former originals that become copies of `original`, each with the match that
    /// explains it: (former original, matched document, similarity).
    demoted: Vec<(i64, i64, f64)>,
}

/// Links the document to the origin of the stored documents it nearly duplicates, as the
/// SQLite store does.
fn plan_origin(
    document_id: i64,
    date: Option<NaiveDate>,
    signature: &[u32],
    found: &[Row],
) -> OriginPlan {
    // (candidate, its original, similarity) for every candidate that is a copy.
    let mut matches: Vec<(i64, i64, f64)> = Vec::new();
    let mut original_dates: HashMap<i64, Option<NaiveDate>> = HashMap::new();
    for row in found {
        let candidate: i64 = row.get(0);
        if candidate == document_id {
            continue;
        }
        let stored = similarity::unpack(row.get::<_, &[u8]>(1));
        let similarity = similarity::estimated_jaccard(signature, &stored);
        if similarity >= similarity::COPY_THRESHOLD {
            let original: i64 = row.get(2);
            original_dates.insert(original, row.get(3));
            matches.push((candidate, original, similarity));
        }
    }
    // The most similar match explains the link; ties go to the earlier document.
    let Some(&(best, _, best_similarity)) =
        matches.iter().max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
    else {
        return OriginPlan { original: document_id, best: None, demoted: Vec::new() };
    };
    let mut originals: Vec<i64> = matches.iter().map(|m| m.1).collect();
    originals.sort_unstable();
    originals.dedup();
    let mut earliest = (earliness(date, document_id), document_id);
    for &original in &originals {
        let stored = original_dates.get(&original).copied().flatten();
        earliest = earliest.min((earliness(stored, original), original));
    }
    let original = earliest.1;
    let demoted = originals
        .iter()
        .filter(|&&old| old != original)
        .map(|&old| {
            // A former original now is a copy: explain it by its own match, or the best one.
            let (matched, similarity) = matches
                .iter()
                .find(|m| m.0 == old)
                .map_or((best, best_similarity), |m| (document_id, m.2));
            (old, matched, similarity)
        })
        .collect();
    OriginPlan { original, best: Some((best, best_similarity)), demoted }
}

/// Files the document under its band keys and records its origin.
async fn write_origin(
    tx: &Tx<'_>,
    document_id: i64,
    signature: &[u32],
    bands: &[i64],
    plan: &OriginPlan,
) -> Result<(), StoreError> {
    for &(old, matched, similarity) in &plan.demoted {
        exec(
            tx,
            "UPDATE document_origins SET original_id = $1 WHERE original_id = $2",
            &[&plan.original, &old],
        )
        .await?;
        exec(
            tx,
            "UPDATE document_origins SET matched_document_id = $2, similarity = $3
             WHERE document_id = $1 AND matched_document_id IS NULL",
            &[&old, &matched, &similarity],
        )
        .await?;
    }
    let (matched, similarity) = plan.best.unzip();
    exec(
        tx,
        "WITH signature AS (
             INSERT INTO document_signatures (document_id, signature) VALUES ($1, $2)
         ), origin AS (
             INSERT INTO document_origins (document_id, original_id, matched_document_id,
                 similarity)
             VALUES ($1, $4, $5, $6)
         )
         INSERT INTO document_bands (band_key, document_id)
         SELECT DISTINCT key, $1::BIGINT FROM unnest($3::BIGINT[]) AS k (key)",
        &[
            &document_id,
            &similarity::pack(signature),
            &bands,
            &plan.original,
            &matched,
            &similarity,
        ],
    )
    .await?;
    Ok(())
}

/// A document entity's store-wide id before new ids are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resolved {
    Known(i64),
    New(usize),
}

/// Stored entities under any of the document's (label, normalized name) keys.
async fn stored_entity_keys(
    tx: &Tx<'_>,
    labels: &[&str],
    norms: &[&str],
) -> Result<Vec<Row>, StoreError> {
    if labels.is_empty() {
        return Ok(Vec::new());
    }
    rows(
        tx,
        "SELECT k.label, k.norm, k.entity_id, k.document_id
         FROM unnest($1::TEXT[], $2::TEXT[]) AS u (label, norm)
         JOIN entity_keys k ON k.label = u.label AND k.norm = u.norm",
        &[&labels, &norms],
    )
    .await
}

/// A document's entities resolved to store-wide ones, with the rows that record it.
#[derive(Default)]
struct EntityRows<'a> {
    /// The store-wide id of each local entity.
    ids: Vec<i64>,
    n_new: usize,
    new: (Vec<i64>, Vec<&'a str>, Vec<&'a str>),
    keys: (Vec<&'a str>, Vec<&'a str>, Vec<i64>),
    occurrences: (Vec<i64>, Vec<i32>, Vec<&'a str>, Vec<i32>, Vec<Option<&'a str>>),
    occurrence_matches: Vec<Option<i64>>,
    aliases: (Vec<i64>, Vec<&'a str>, Vec<&'a str>, Vec<&'a str>, Vec<i32>, Vec<i32>),
    mentions: (Vec<i64>, Vec<i32>, Vec<i32>, Vec<&'a str>),
}

/// Resolves each document entity to a store-wide entity: the first stored entity with one
/// of its names, else a new one taking the next id from `pool`.
fn resolve_entities<'a>(
    document_id: i64,
    facts: &'a DocumentFacts,
    found: Vec<Row>,
    pool: &mut std::vec::IntoIter<i64>,
) -> EntityRows<'a> {
    // Keys already stored, then the keys this document adds, in the order the SQLite
    // store would insert them: the first entity to use a name claims it.
    let mut keys: HashMap<(&str, &str), (Resolved, i64)> = HashMap::new();
    let stored: Vec<(String, String, i64, i64)> =
        found.iter().map(|row| (row.get(0), row.get(1), row.get(2), row.get(3))).collect();
    for (label, norm, id, first_document) in &stored {
        keys.insert((label.as_str(), norm.as_str()), (Resolved::Known(*id), *first_document));
    }
    let mut resolved: Vec<(Resolved, Option<(&str, i64)>)> = Vec::new();
    let mut new_keys: Vec<(&str, &str, Resolved)> = Vec::new();
    let mut n_new = 0;
    for entity in &facts.entities {
        let matched = entity.names.iter().filter(|name| name.matchable).find_map(|name| {
            keys.get(&(entity.label, name.norm.as_str()))
                .map(|&(id, first_document)| (id, name.norm.as_str(), first_document))
        });
        let id = match &matched {
            Some((id, _, _)) => *id,
            None => {
                n_new += 1;
                Resolved::New(n_new - 1)
            }
        };
        for name in entity.names.iter().filter(|name| name.matchable) {
            if let std::collections::hash_map::Entry::Vacant(vacant) =
                keys.entry((entity.label, name.norm.as_str()))
            {
                vacant.insert((id, document_id));
                new_keys.push((entity.label, &name.norm, id));
            }
        }
        resolved.push((id, matched.map(|(_, norm, first_document)| (norm, first_document))));
    }
    let new_ids: Vec<i64> = pool.by_ref().take(n_new).collect();
    let id_of = |id: Resolved| match id {
        Resolved::Known(id) => id,
        Resolved::New(k) => new_ids[k],
    };
    let mut r = EntityRows {
        ids: resolved.iter().map(|(id, _)| id_of(*id)).collect(),
        n_new,
        ..EntityRows::default()
    };
    // Only the entity that created a new id inserts it: a later entity of the same
    // document may have joined it through a name it claimed.
    for (entity, (id, matched)) in facts.entities.iter().zip(&resolved) {
        if let (Resolved::New(k), None) = (id, matched) {
            r.new.0.push(new_ids[*k]);
            r.new.1.push(&entity.name);
            r.new.2.push(entity.label);
        }
    }
    for &(label, norm, id) in &new_keys {
        r.keys.0.push(label);
        r.keys.1.push(norm);
        r.keys.2.push(id_of(id));
    }
    for (local_index, entity) in facts.entities.iter().enumerate() {
        let entity_id = r.ids[local_index];
        let matched = resolved[local_index].1;
        r.occurrences.0.push(entity_id);
        r.occurrences.1.push(int(local_index));
        r.occurrences.2.push(&entity.name);
        r.occurrences.3.push(int(entity.mentions.len()));
        r.occurrences.4.push(matched.map(|(norm, _)| norm));
        r.occurrence_matches.push(matched.map(|(_, first_document)| first_document));
        for name in &entity.names {
            r.aliases.0.push(entity_id);
            r.aliases.1.push(&name.text);
            r.aliases.2.push(&name.norm);
            r.aliases.3.push(name.reason);
            r.aliases.4.push(int(name.span.start));
            r.aliases.5.push(int(name.span.end));
        }
        for (span, source) in &entity.mentions {
            r.mentions.0.push(entity_id);
            r.mentions.1.push(int(span.start));
            r.mentions.2.push(int(span.end));
            r.mentions.3.push(source);
        }
    }
    r
}

/// Stores the document's entities, the names they join by, and their evidence.
async fn write_entities(
    tx: &Tx<'_>,
    document_id: i64,
    date: Option<NaiveDate>,
    r: &EntityRows<'_>,
) -> Result<(), StoreError> {
    if r.ids.is_empty() {
        return Ok(());
    }
    exec(
        tx,
        "WITH new_entities AS (
             INSERT INTO entities (id, name, label)
             SELECT * FROM unnest($2::BIGINT[], $3::TEXT[], $4::TEXT[])
         ), new_keys AS (
             INSERT INTO entity_keys (label, norm, entity_id, document_id)
             SELECT label, norm, entity_id, $1::BIGINT
             FROM unnest($5::TEXT[], $6::TEXT[], $7::BIGINT[]) AS k (label, norm, entity_id)
             ON CONFLICT DO NOTHING
         ), new_occurrences AS (
             INSERT INTO entity_occurrences (entity_id, document_id, local_index, name,
                 n_mentions, matched_norm, matched_document_id, doc_date)
             SELECT entity_id, $1::BIGINT, local_index, name, n_mentions, matched_norm,
                 matched_document_id, $24::DATE
             FROM unnest($8::BIGINT[], $9::INTEGER[], $10::TEXT[], $11::INTEGER[], $12::TEXT[],
                 $13::BIGINT[])
                 AS o (entity_id, local_index, name, n_mentions, matched_norm,
                       matched_document_id)
         ), new_aliases AS (
             INSERT INTO entity_aliases (entity_id, document_id, alias, norm, reason, start_at,
                 end_at)
             SELECT entity_id, $1::BIGINT, alias, norm, reason, start_at, end_at
             FROM unnest($14::BIGINT[], $15::TEXT[], $16::TEXT[], $17::TEXT[], $18::INTEGER[],
                 $19::INTEGER[]) AS a (entity_id, alias, norm, reason, start_at, end_at)
         )
         INSERT INTO mentions (document_id, entity_id, start_at, end_at, source)
         SELECT $1::BIGINT, entity_id, start_at, end_at, source
         FROM unnest($20::BIGINT[], $21::INTEGER[], $22::INTEGER[], $23::TEXT[])
             AS m (entity_id, start_at, end_at, source)",
        &[
            &document_id,
            &r.new.0,
            &r.new.1,
            &r.new.2,
            &r.keys.0,
            &r.keys.1,
            &r.keys.2,
            &r.occurrences.0,
            &r.occurrences.1,
            &r.occurrences.2,
            &r.occurrences.3,
            &r.occurrences.4,
            &r.occurrence_matches,
            &r.aliases.0,
            &r.aliases.1,
            &r.aliases.2,
            &r.aliases.3,
            &r.aliases.4,
            &r.aliases.5,
            &r.mentions.0,
            &r.mentions.1,
            &r.mentions.2,
            &r.mentions.3,
            &date,
        ],
    )
    .await?;
    Ok(())
}

/// Rows of the claim tables for one document, column by column.
#[derive(Default)]
struct ClaimRows<'a> {
    id: Vec<i64>,
    start: Vec<i32>,
    end: Vec<i32>,
    content: Vec<&'a str>,
    voice: Vec<&'static str>,
    form: Vec<Option<&'static str>>,
    cue: Vec<Option<&'a str>>,
    source_name: Vec<Option<&'a str>>,
    source_norm: Vec<Option<String>>,
    source_entity: Vec<Option<i64>>,
    source_start: Vec<Option<i32>>,
    source_end: Vec<Option<i32>>,
    stance: Vec<&'static str>,
    negated: Vec<bool>,
    has_subject: Vec<bool>,
    hedges: Vec<String>,
    date_start: Vec<Option<NaiveDate>>,
    date_end: Vec<Option<NaiveDate>>,
    cue_start: Vec<Option<i32>>,
    cue_end: Vec<Option<i32>>,
    relays: (Vec<i64>, Vec<i32>, Vec<&'a str>, Vec<String>, Vec<Option<i64>>),
    relay_spans: (Vec<Option<i32>>, Vec<Option<i32>>),
    about: (Vec<i64>, Vec<i32>, Vec<i64>),
    dates: (Vec<i64>, Vec<i32>, Vec<&'a str>, Vec<Option<&'a str>>, Vec<Option<&'a str>>),
    date_spans: (Vec<i32>, Vec<i32>),
    quantities: (Vec<i64>, Vec<i32>, Vec<&'a str>, Vec<&'a str>, Vec<Option<&'a str>>),
    quantity_values: (Vec<Option<f64>>, Vec<Option<f64>>, Vec<Option<f64>>, Vec<i32>, Vec<i32>),
    places: (Vec<i64>, Vec<i32>, Vec<&'a str>, Vec<&'a str>, Vec<String>, Vec<Option<i64>>),
    place_values: (Vec<Option<f64>>, Vec<Option<f64>>, Vec<i32>, Vec<i32>, Vec<i32>),
}

/// The claim rows of one document, with the ids taken for its claims.
fn claim_rows<'a>(
    facts: &'a DocumentFacts,
    entity_ids: &[i64],
    claim_ids: &[i64],
) -> ClaimRows<'a> {
    let global = |source: &LocalSource| source.entity.and_then(|idx| entity_ids.get(idx).copied());
    let mut r = ClaimRows::default();
    for (claim, &claim_id) in facts.claims.iter().zip(claim_ids) {
        let source = claim.source.as_ref();
        r.id.push(claim_id);
        r.start.push(int(claim.span.start));
        r.end.push(int(claim.span.end));
        r.content.push(&claim.content);
        r.voice.push(if source.is_some() { "attributed" } else { "publisher" });
        r.form.push(claim.form);
        r.cue.push(claim.cue.as_deref());
        r.source_name.push(source.map(|s| s.name.as_str()));
        r.source_norm.push(source.map(|s| normalize_name(&s.name)));
        r.source_entity.push(source.and_then(global));
        r.source_start.push(source.and_then(|s| s.span).map(|span| int(span.start)));
        r.source_end.push(source.and_then(|s| s.span).map(|span| int(span.end)));
        r.stance.push(match claim.stance {
            claimgraph_model::Stance::Asserts => "asserts",
            claimgraph_model::Stance::Denies => "denies",
        });
        r.negated.push(claim.negated);
        r.has_subject.push(claim.has_subject);
        r.hedges.push(claim.hedges.join(&SEPARATOR.to_string()));
        r.date_start.push(claim.date_range.map(|(start, _)| start));
        r.date_end.push(claim.date_range.map(|(_, end)| end));
        r.cue_start.push(claim.cue_span.map(|cue| int(cue.start)));
        r.cue_end.push(claim.cue_span.map(|cue| int(cue.end)));
        for (position, relay) in claim.relays.iter().enumerate() {
            r.relays.0.push(claim_id);
            r.relays.1.push(int(position + 1));
            r.relays.2.push(&relay.name);
            r.relays.3.push(normalize_name(&relay.name));
            r.relays.4.push(global(relay));
            r.relay_spans.0.push(relay.span.map(|span| int(span.start)));
            r.relay_spans.1.push(relay.span.map(|span| int(span.end)));
        }
        for (position, &local) in claim.about.iter().enumerate() {
            if let Some(&entity_id) = entity_ids.get(local) {
                r.about.0.push(claim_id);
                r.about.1.push(int(position));
                r.about.2.push(entity_id);
            }
        }
        for (position, date) in claim.dates.iter().enumerate() {
            r.dates.0.push(claim_id);
            r.dates.1.push(int(position));
            r.dates.2.push(&date.text);
            r.dates.3.push(date.value.as_deref());
            r.dates.4.push(date.end_value.as_deref());
            r.date_spans.0.push(int(date.span.start));
            r.date_spans.1.push(int(date.span.end));
        }
        for (position, quantity) in claim.quantities.iter().enumerate() {
            r.quantities.0.push(claim_id);
            r.quantities.1.push(int(position));
            r.quantities.2.push(&quantity.text);
            r.quantities.3.push(&quantity.kind);
            r.quantities.4.push(quantity.unit.as_deref());
            r.quantity_values.0.push(quantity.value);
            r.quantity_values.1.push(quantity.min);
            r.quantity_values.2.push(quantity.max);
            r.quantity_values.3.push(int(quantity.span.start));
            r.quantity_values.4.push(int(quantity.span.end));
        }
        for (position, place) in claim.places.iter().enumerate() {
            r.places.0.push(claim_id);
            r.places.1.push(int(position));
            r.places.2.push(&place.text);
            r.places.3.push(&place.name);
            r.places.4.push(normalize_name(&place.name));
            r.places.5.push(place.geonames_id.map(|id| id as i64));
            r.place_values.0.push(place.lat);
            r.place_values.1.push(place.lon);
            r.place_values.2.push(i32::from(place.precision));
            r.place_values.3.push(int(place.span.start));
            r.place_values.4.push(int(place.span.end));
        }
    }
    r
}

/// Stores a document's claims with their relays, entities, dates, quantities and places.
async fn write_claims(tx: &Tx<'_>, document_id: i64, r: &ClaimRows<'_>) -> Result<(), StoreError> {
    if r.id.is_empty() {
        return Ok(());
    }
    exec(
        tx,
        "WITH new_claims AS (
             INSERT INTO claims (id, document_id, start_at, end_at, content, voice, form, cue,
                 source_name, source_norm, source_entity_id, source_start, source_end, stance,
                 negated, has_subject, hedges, date_start, date_end, cue_start, cue_end)
             SELECT id, $1::BIGINT, start_at, end_at, content, voice, form, cue, source_name,
                 source_norm, source_entity_id, source_start, source_end, stance, negated,
                 has_subject, string_to_array(hedges, chr(31)), date_start, date_end,
                 cue_start, cue_end
             FROM unnest($2::BIGINT[], $3::INTEGER[], $4::INTEGER[], $5::TEXT[], $6::TEXT[],
                 $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::TEXT[], $11::BIGINT[], $12::INTEGER[],
                 $13::INTEGER[], $14::TEXT[], $15::BOOLEAN[], $16::BOOLEAN[], $17::TEXT[],
                 $18::DATE[], $19::DATE[], $58::INTEGER[], $59::INTEGER[])
                 AS c (id, start_at, end_at, content, voice, form, cue, source_name,
                       source_norm, source_entity_id, source_start, source_end, stance,
                       negated, has_subject, hedges, date_start, date_end, cue_start, cue_end)
         ), new_relays AS (
             INSERT INTO claim_relays (claim_id, document_id, position, name, norm, entity_id,
                 start_at, end_at)
             SELECT claim_id, $1::BIGINT, position, name, norm, entity_id, start_at, end_at
             FROM unnest($20::BIGINT[], $21::INTEGER[], $22::TEXT[], $23::TEXT[],
                 $24::BIGINT[], $25::INTEGER[], $26::INTEGER[])
                 AS r (claim_id, position, name, norm, entity_id, start_at, end_at)
         ), new_about AS (
             INSERT INTO claim_entities (claim_id, document_id, position, entity_id)
             SELECT claim_id, $1::BIGINT, position, entity_id
             FROM unnest($27::BIGINT[], $28::INTEGER[], $29::BIGINT[])
                 AS e (claim_id, position, entity_id)
         ), new_dates AS (
             INSERT INTO claim_dates (claim_id, document_id, position, text, value, end_value,
                 start_at, end_at)
             SELECT claim_id, $1::BIGINT, position, text, value, end_value, start_at, end_at
             FROM unnest($30::BIGINT[], $31::INTEGER[], $32::TEXT[], $33::TEXT[], $34::TEXT[],
                 $35::INTEGER[], $36::INTEGER[])
                 AS d (claim_id, position, text, value, end_value, start_at, end_at)
         ), new_quantities AS (
             INSERT INTO claim_quantities (claim_id, document_id, position, text, kind, unit,
                 value, min, max, start_at, end_at)
             SELECT claim_id, $1::BIGINT, position, text, kind, unit, value, min, max,
                 start_at, end_at
             FROM unnest($37::BIGINT[], $38::INTEGER[], $39::TEXT[], $40::TEXT[], $41::TEXT[],
                 $42::DOUBLE PRECISION[], $43::DOUBLE PRECISION[], $44::DOUBLE PRECISION[],
                 $45::INTEGER[], $46::INTEGER[])
                 AS q (claim_id, position, text, kind, unit, value, min, max, start_at, end_at)
         )
         INSERT INTO claim_places (claim_id, document_id, position, text, name, norm,
             geonames_id, lat, lon, precision, start_at, end_at)
         SELECT claim_id, $1::BIGINT, position, text, name, norm, geonames_id, lat, lon,
             precision, start_at, end_at
         FROM unnest($47::BIGINT[], $48::INTEGER[], $49::TEXT[], $50::TEXT[], $51::TEXT[],
             $52::BIGINT[], $53::DOUBLE PRECISION[], $54::DOUBLE PRECISION[], $55::INTEGER[],
             $56::INTEGER[], $57::INTEGER[])
             AS p (claim_id, position, text, name, norm, geonames_id, lat, lon, precision,
                   start_at, end_at)",
        &[
            &document_id,
            &r.id,
            &r.start,
            &r.end,
            &r.content,
            &r.voice,
            &r.form,
            &r.cue,
            &r.source_name,
            &r.source_norm,
            &r.source_entity,
            &r.source_start,
            &r.source_end,
            &r.stance,
            &r.negated,
            &r.has_subject,
            &r.hedges,
            &r.date_start,
            &r.date_end,
            &r.relays.0,
            &r.relays.1,
            &r.relays.2,
            &r.relays.3,
            &r.relays.4,
            &r.relay_spans.0,
            &r.relay_spans.1,
            &r.about.0,
            &r.about.1,
            &r.about.2,
            &r.dates.0,
            &r.dates.1,
            &r.dates.2,
            &r.dates.3,
            &r.dates.4,
            &r.date_spans.0,
            &r.date_spans.1,
            &r.quantities.0,
            &r.quantities.1,
            &r.quantities.2,
            &r.quantities.3,
            &r.quantities.4,
            &r.quantity_values.0,
            &r.quantity_values.1,
            &r.quantity_values.2,
            &r.quantity_values.3,
            &r.quantity_values.4,
            &r.places.0,
            &r.places.1,
            &r.places.2,
            &r.places.3,
            &r.places.4,
            &r.places.5,
            &r.place_values.0,
            &r.place_values.1,
            &r.place_values.2,
            &r.place_values.3,
            &r.place_values.4,
            &r.cue_start,
            &r.cue_end,
        ],
    )
    .await?;
    Ok(())
}

/// A claim's event data, as a candidate for the same event.
#[derive(Debug, Clone)]
struct Event {
    document_id: i64,
    subject: Option<i64>,
    cluster: i64,
    tokens: Vec<u32>,
    evidence: ClaimEvidence,
}

/// What a claim brings to the clustering: its subject, its token set and its band keys.
struct PendingEvent {
    subject: Option<i64>,
    tokens: Vec<u32>,
    keys: Vec<i64>,
}

fn pending_events(
    facts: &DocumentFacts,
    entity_ids: &[i64],
    original_id: i64,
) -> Vec<PendingEvent> {
    facts
        .claims
        .iter()
        .map(|claim| {
            let subject = if claim.has_subject {
                claim.about.first().and_then(|&local| entity_ids.get(local).copied())
            } else {
                None
            };
            let tokens =
                similarity::claim_token_set(&claim.tokens, |local| entity_ids.get(local).copied());
            let keys = if tokens.len() < similarity::CLAIM_MIN_TOKENS {
                Vec::new()
            } else {
                let salt = match subject {
                    Some(subject) => ClaimSalt::Subject(subject),
                    None => ClaimSalt::Story(original_id),
                };
                similarity::claim_band_keys(&tokens, salt)
            };
            PendingEvent { subject, tokens, keys }
        })
        .collect()
}

/// Stored claims under any of the keys (newest first, capped per key), each once with its
/// event and the keys it was found under (a near-copy shares most of its bands).
async fn claim_candidates(tx: &Tx<'_>, keys: &[i64]) -> Result<Vec<Row>, StoreError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    rows(
        tx,
        "SELECT g.claim_id, g.keys, e.document_id, e.subject_id, e.cluster_id, e.tokens,
             e.figures, e.day_start, e.day_end, e.places, e.negative
         FROM (SELECT b.claim_id, array_agg(k.key) AS keys
               FROM unnest($1::BIGINT[]) AS k (key)
               CROSS JOIN LATERAL (SELECT claim_id FROM claim_bands WHERE band_key = k.key
                                   ORDER BY claim_id DESC LIMIT $2) b
               GROUP BY b.claim_id) g
         JOIN claim_events e ON e.claim_id = g.claim_id",
        &[&keys, &(similarity::CLAIM_CANDIDATES_PER_KEY as i64)],
    )
    .await
}

/// Joins each claim to the cluster of an earlier report of the same claim, or starts a
/// cluster; links it as conflicting with reports of the same event that differ. The
/// document's own earlier claims are candidates too, newer than any stored one.
fn plan_events(
    document_id: i64,
    facts: &DocumentFacts,
    pending: &[PendingEvent],
    claim_ids: &[i64],
    found: Vec<Row>,
) -> EventRows {
    let limit = similarity::CLAIM_CANDIDATES_PER_KEY;
    // Stored claims under each key, newest first, and their events.
    let mut stored_by_key: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut events: HashMap<i64, Event> = HashMap::new();
    for row in found {
        let claim_id: i64 = row.get(0);
        for key in row.get::<_, Vec<i64>>(1) {
            stored_by_key.entry(key).or_default().push(claim_id);
        }
        let places: &str = row.get(9);
        events.insert(
            claim_id,
            Event {
                document_id: row.get(2),
                subject: row.get(3),
                cluster: row.get(4),
                tokens: similarity::unpack(row.get::<_, &[u8]>(5)),
                evidence: ClaimEvidence {
                    figures: ClaimEvidence::parse_figures(row.get(6)),
                    days: row.get::<_, Option<NaiveDate>>(7).zip(row.get(8)),
                    places: places
                        .split(SEPARATOR)
                        .filter(|p| !p.is_empty())
                        .map(str::to_string)
                        .collect(),
                    negative: row.get(10),
                },
            },
        );
    }
    for claims in stored_by_key.values_mut() {
        claims.sort_unstable_by(|a, b| b.cmp(a));
    }
    // This document's claims under each key, newest first, as they are filed.
    let mut local_by_key: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut rows_out: EventRows = EventRows::default();
    let mut conflict_pairs: Vec<(i64, i64)> = Vec::new();
    for ((claim, pending), &claim_id) in facts.claims.iter().zip(pending).zip(claim_ids) {
        let mut candidates: Vec<i64> = Vec::new();
        for key in &pending.keys {
            let local = local_by_key.get(key).into_iter().flatten();
            let stored = stored_by_key.get(key).into_iter().flatten();
            for &id in local.chain(stored).take(limit) {
                if !candidates.contains(&id) {
                    candidates.push(id);
                }
            }
        }
        let subject = pending.subject;
        let mut joined: Option<(i64, f64)> = None;
        let mut conflicts: HashMap<i64, (i64, f64, Vec<claimgraph_store::Difference>)> =
            HashMap::new();
        for &candidate in &candidates {
            let Some(stored) = events.get(&candidate) else { continue };
            // Keys are salted by subject, but a collision must not join two subjects.
            if stored.subject != subject {
                continue;
            }
            let Some(sim) =
                similarity::same_event(&pending.tokens, &stored.tokens, subject.is_some())
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
        let cluster = joined.map_or(claim_id, |(cluster, _)| cluster);
        let evidence = &claim.evidence;
        let places: Vec<&str> = evidence.places.iter().map(String::as_str).collect();
        rows_out.claim.push(claim_id);
        rows_out.subject.push(subject);
        rows_out.cluster.push(cluster);
        rows_out.tokens.push(similarity::pack(&pending.tokens));
        rows_out.figures.push(evidence.figures_text());
        rows_out.day_start.push(evidence.days.map(|(start, _)| start));
        rows_out.day_end.push(evidence.days.map(|(_, end)| end));
        rows_out.places.push(places.join(&SEPARATOR.to_string()));
        rows_out.negative.push(evidence.negative);
        let mut filed: Vec<i64> = Vec::new();
        for &key in &pending.keys {
            if !filed.contains(&key) {
                filed.push(key);
                rows_out.band_key.push(key);
                rows_out.band_claim.push(claim_id);
                local_by_key.entry(key).or_default().insert(0, claim_id);
            }
        }
        for (other_cluster, (other, sim, differences)) in conflicts {
            if other_cluster == cluster || conflict_pairs.contains(&(other, claim_id)) {
                continue;
            }
            conflict_pairs.push((other, claim_id));
            let kinds: Vec<&str> = differences.iter().map(|d| d.kind).collect();
            let detail: Vec<String> =
                differences.iter().map(|d| format!("{}: {}", d.kind, d.detail)).collect();
            rows_out.conflict_a.push(other);
            rows_out.conflict_b.push(claim_id);
            rows_out.conflict_similarity.push(sim);
            rows_out.conflict_kinds.push(kinds.join(","));
            rows_out.conflict_detail.push(detail.join("; "));
        }
        events.insert(
            claim_id,
            Event {
                document_id,
                subject,
                cluster,
                tokens: pending.tokens.clone(),
                evidence: claim.evidence.clone(),
            },
        );
    }
    rows_out
}

/// A document's claim events, written with the next document's lookups.
struct EventWrite {
    document_id: i64,
    rows: EventRows,
}

async fn write_events(tx: &Tx<'_>, write: Option<EventWrite>) -> Result<(), StoreError> {
    let Some(EventWrite { document_id, rows: rows_out }) = write else { return Ok(()) };
    if rows_out.claim.is_empty() {
        return Ok(());
    }
    exec(
        tx,
        "WITH new_events AS (
             INSERT INTO claim_events (claim_id, document_id, subject_id, cluster_id, tokens,
                 figures, day_start, day_end, places, negative)
             SELECT claim_id, $1::BIGINT, subject_id, cluster_id, tokens, figures, day_start,
                 day_end, places, negative
             FROM unnest($2::BIGINT[], $3::BIGINT[], $4::BIGINT[], $5::BYTEA[], $6::TEXT[],
                 $7::DATE[], $8::DATE[], $9::TEXT[], $10::BOOLEAN[])
                 AS e (claim_id, subject_id, cluster_id, tokens, figures, day_start, day_end,
                       places, negative)
         ), new_bands AS (
             INSERT INTO claim_bands (band_key, claim_id)
             -- Keys are distinct per claim (filed once each above), claims are new.
             SELECT * FROM unnest($11::BIGINT[], $12::BIGINT[])
         )
         INSERT INTO claim_conflicts (claim_a, claim_b, similarity, kinds, detail)
         SELECT * FROM unnest($13::BIGINT[], $14::BIGINT[], $15::DOUBLE PRECISION[],
             $16::TEXT[], $17::TEXT[])
         ON CONFLICT DO NOTHING",
        &[
            &document_id,
            &rows_out.claim,
            &rows_out.subject,
            &rows_out.cluster,
            &rows_out.tokens,
            &rows_out.figures,
            &rows_out.day_start,
            &rows_out.day_end,
            &rows_out.places,
            &rows_out.negative,
            &rows_out.band_key,
            &rows_out.band_claim,
            &rows_out.conflict_a,
            &rows_out.conflict_b,
            &rows_out.conflict_similarity,
            &rows_out.conflict_kinds,
            &rows_out.conflict_detail,
        ],
    )
    .await?;
    Ok(())
}

#[derive(Default)]
struct EventRows {
    claim: Vec<i64>,
    subject: Vec<Option<i64>>,
    cluster: Vec<i64>,
    tokens: Vec<Vec<u8>>,
    figures: Vec<String>,
    day_start: Vec<Option<NaiveDate>>,
    day_end: Vec<Option<NaiveDate>>,
    places: Vec<String>,
    negative: Vec<bool>,
    band_key: Vec<i64>,
    band_claim: Vec<i64>,
    conflict_a: Vec<i64>,
    conflict_b: Vec<i64>,
    conflict_similarity: Vec<f64>,
    conflict_kinds: Vec<String>,
    conflict_detail: Vec<String>,
}
