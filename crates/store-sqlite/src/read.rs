//! Queries: documents, search, entities, claims, sources, stats.
//!
//! Claims are loaded in two steps: the claim rows matching the filters (one query built
//! from the filters given), then their relays, entities, dates, quantities and places by
//! claim id with cached statements. Names given by users are compared through
//! `normalize_name`, the same key the writer stores.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use claimgraph_model::{Span, Stance};
use claimgraph_store::facts::normalize_name;
use claimgraph_store::{
    AliasEvidence, Assessment, ClaimMark, ClaimQuery, ClaimRecord, ClaimStatus, ContentHash,
    CopyLink, DateFact, DocumentSummary, EntityOccurrence, EntityProfile, EntityRef, HitKind,
    MentionRef, PROFILE_CLAIMS, PROFILE_OCCURRENCES, PlaceFact, QuantityFact, SearchHit,
    SearchQuery, SourceKind, SourceRef, SourceSummary, Stats, StoreError, StoredDocument,
};

use crate::backend;
use crate::write::HEDGE_SEPARATOR;

pub(crate) const DOCUMENT_COLUMNS: &str = "d.id, d.content_hash, d.external_id, d.origin, d.title, d.url, \
     d.author, d.publisher, d.doc_date, d.extractor_version, d.ingested_at";

fn parse_date(value: Option<String>) -> Option<NaiveDate> {
    value.and_then(|value| NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok())
}

/// Reads `DOCUMENT_COLUMNS` starting at column `at`.
pub(crate) fn document_summary(row: &Row<'_>, at: usize) -> rusqlite::Result<DocumentSummary> {
    Ok(DocumentSummary {
        id: row.get(at)?,
        hash: row.get(at + 1)?,
        external_id: row.get(at + 2)?,
        origin: row.get(at + 3)?,
        title: row.get(at + 4)?,
        url: row.get(at + 5)?,
        author: row.get(at + 6)?,
        publisher: row.get(at + 7)?,
        date: parse_date(row.get(at + 8)?),
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

pub(crate) fn entity_ref(conn: &Connection, id: i64) -> rusqlite::Result<EntityRef> {
    conn.prepare_cached("SELECT name, label FROM entities WHERE id = ?1")?
        .query_row([id], |row| Ok(EntityRef { id, name: row.get(0)?, label: row.get(1)? }))
}

pub fn contains(conn: &Connection, hashes: &[ContentHash]) -> Result<Vec<bool>, StoreError> {
    let mut statement =
        conn.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1").map_err(backend)?;
    hashes.iter().map(|hash| statement.exists([hash.as_str()]).map_err(backend)).collect()
}

pub(crate) fn document_id(conn: &Connection, key: &str) -> rusqlite::Result<Option<i64>> {
    let key = key.trim();
    if key.is_empty() {
        return Ok(None);
    }
    // The caller's id first: it is what users see in their files; the latest wins when a
    // changed file was ingested again under the same id.
    let by_external = conn
        .prepare_cached("SELECT MAX(id) FROM documents WHERE external_id = ?1")?
        .query_row([key], |row| row.get::<_, Option<i64>>(0))?;
    if by_external.is_some() {
        return Ok(by_external);
    }
    if let Ok(id) = key.trim_start_matches('#').parse::<i64>() {
        let found = conn
            .prepare_cached("SELECT id FROM documents WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    let lower = key.to_ascii_lowercase();
    if lower.len() >= 8 && lower.bytes().all(|b| b.is_ascii_hexdigit()) {
        // Hex digits sort below 'g': [prefix, prefix + "g") holds every hash with the prefix.
        return conn
            .prepare_cached(
                "SELECT MIN(id) FROM documents WHERE content_hash >= ?1 AND content_hash < ?2",
            )?
            .query_row(params![lower, format!("{lower}g")], |row| row.get(0));
    }
    Ok(None)
}

pub fn document(conn: &Connection, key: &str) -> Result<StoredDocument, StoreError> {
    let id = document_id(conn, key)
        .map_err(backend)?
        .ok_or_else(|| StoreError::NotFound(format!("no document {key:?}")))?;
    let (summary, text, n_sentences) = conn
        .query_row(
            &format!(
                "SELECT {DOCUMENT_COLUMNS}, d.text, d.n_sentences FROM documents d WHERE d.id = ?1"
            ),
            [id],
            |row| Ok((document_summary(row, 0)?, row.get(11)?, row.get::<_, i64>(12)?)),
        )
        .map_err(backend)?;
    let entities = (|| {
        let mut statement = conn.prepare_cached(
            "SELECT e.id, e.name, e.label, COUNT(*) FROM mentions m JOIN entities e
             ON e.id = m.entity_id WHERE m.document_id = ?1
             GROUP BY e.id ORDER BY MIN(m.start)",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                EntityRef { id: row.get(0)?, name: row.get(1)?, label: row.get(2)? },
                row.get::<_, i64>(3)? as usize,
            ))
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
    })()
    .map_err(backend)?;
    let mentions = (|| {
        let mut statement = conn.prepare_cached(
            "SELECT e.id, e.name, e.label, m.start, m.end FROM mentions m
             JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ?1
             ORDER BY m.start, m.end",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                EntityRef { id: row.get(0)?, name: row.get(1)?, label: row.get(2)? },
                span(row.get(3)?, row.get(4)?),
            ))
        })?;
        let mut mentions = Vec::new();
        for row in rows {
            if let (entity, Some(span)) = row? {
                mentions.push(MentionRef { entity, span });
            }
        }
        Ok::<_, rusqlite::Error>(mentions)
    })()
    .map_err(backend)?;
    let claims = load_claims(
        conn,
        Assessing::Here,
        "c.document_id = ?",
        vec![Value::Integer(id)],
        Order::Text,
        None,
    )?;
    let (copy_of, copies) = copy_links(conn, id).map_err(backend)?;
    Ok(StoredDocument {
        summary,
        text,
        n_sentences: n_sentences as usize,
        entities,
        mentions,
        claims,
        copy_of,
        copies,
    })
}

/// The document's original when it is a copy, and its copies when it is an original.
fn copy_links(conn: &Connection, id: i64) -> rusqlite::Result<(Option<CopyLink>, Vec<CopyLink>)> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT o.similarity, o.matched_document_id, {DOCUMENT_COLUMNS}
         FROM document_origins o JOIN documents d ON d.id = o.original_id
         WHERE o.document_id = ?1 AND o.original_id != o.document_id"
    ))?;
    let copy_of = statement
        .query_row([id], |row| {
            Ok(CopyLink {
                similarity: row.get::<_, Option<f64>>(0)?.unwrap_or(0.0),
                matched_document_id: row.get(1)?,
                document: document_summary(row, 2)?,
            })
        })
        .optional()?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT o.similarity, o.matched_document_id, {DOCUMENT_COLUMNS}
         FROM document_origins o JOIN documents d ON d.id = o.document_id
         WHERE o.original_id = ?1 AND o.document_id != ?1 ORDER BY d.id"
    ))?;
    let copies = statement
        .query_map([id], |row| {
            Ok(CopyLink {
                similarity: row.get::<_, Option<f64>>(0)?.unwrap_or(0.0),
                matched_document_id: row.get(1)?,
                document: document_summary(row, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((copy_of, copies))
}

/// Turns free text into an FTS5 query: every word must occur, each word quoted so that
/// FTS5 syntax characters (quotes, parentheses, `-`, `*`, AND/OR/NOT) are searched as
/// text, never interpreted. Returns `None` when no word is left.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// How many of the newest matches of each kind search ranks by relevance.
pub const SEARCH_WINDOW: usize = claimgraph_store::SEARCH_RANKED;

/// [`search`] through the connection's cache: the same query on an unchanged database
/// gives the same hits, so they are kept until the next commit.
pub fn search_cached(
    conn: &Connection,
    cache: &mut ReadCache,
    query: &SearchQuery,
) -> Result<Vec<SearchHit>, StoreError> {
    // Long queries and long result lists are not kept: a client sending many distinct
    // megabyte queries must not fill the memory.
    if query.text.len() > CACHED_QUERY_BYTES || query.limit > CACHED_QUERY_HITS {
        return search(conn, query);
    }
    cache.check(conn).map_err(backend)?;
    let key = (query.limit, query.text.clone());
    if let Some(hits) = cache.searches.get(&key) {
        return Ok(hits.clone());
    }
    let hits = search(conn, query)?;
    cache.searches.insert(key, hits.clone());
    Ok(hits)
}

pub fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
    let Some(fts) = fts_query(&query.text) else { return Ok(Vec::new()) };
    let limit = query.limit.max(1);
    // Relevance is scored over the newest `SEARCH_WINDOW` matches of each kind (the index
    // gives them newest first without scoring the rest), so that a word found in every
    // other document costs no more than a rare one; snippets and document rows are read
    // for the best `limit` only.
    let run = || -> rusqlite::Result<Vec<(f64, SearchHit)>> {
        let mut ranked: Vec<(f64, HitKind, i64)> = Vec::with_capacity(2 * limit);
        for (kind, table) in [(HitKind::Document, "documents_fts"), (HitKind::Claim, "claims_fts")]
        {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT rank, rowid FROM
                     (SELECT rank, rowid FROM {table} WHERE {table} MATCH ?1
                      ORDER BY rowid DESC LIMIT {SEARCH_WINDOW})
                 ORDER BY rank LIMIT ?2"
            ))?;
            let rows = statement.query_map(params![fts, limit as i64], |row| {
                Ok((row.get::<_, f64>(0)?, kind, row.get::<_, i64>(1)?))
            })?;
            for row in rows {
                ranked.push(row?);
            }
        }
        // bm25 is lower for better matches; documents and claims are ranked on one scale.
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
        ranked.truncate(limit);
        let mut document_hit = conn.prepare_cached(&format!(
            "SELECT snippet(documents_fts, 1, '[', ']', '…', 16), {DOCUMENT_COLUMNS}
             FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
             WHERE documents_fts MATCH ?1 AND documents_fts.rowid = ?2"
        ))?;
        let mut claim_hit = conn.prepare_cached(&format!(
            "SELECT snippet(claims_fts, 0, '[', ']', '…', 24), {DOCUMENT_COLUMNS}
             FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
             JOIN documents d ON d.id = c.document_id
             WHERE claims_fts MATCH ?1 AND claims_fts.rowid = ?2"
        ))?;
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, kind, id) in ranked {
            let statement = match kind {
                HitKind::Document => &mut document_hit,
                HitKind::Claim => &mut claim_hit,
            };
            let hit = statement
                .query_row(params![fts, id], |row| {
                    Ok(SearchHit {
                        kind,
                        snippet: row.get(0)?,
                        document: document_summary(row, 1)?,
                        claim_id: (kind == HitKind::Claim).then_some(id),
                    })
                })
                .optional()?;
            hits.extend(hit.map(|hit| (score, hit)));
        }
        Ok(hits)
    };
    let hits = run().map_err(|error| match &error {
        rusqlite::Error::SqliteFailure(_, Some(message)) if message.contains("fts5") => {
            StoreError::InvalidQuery(format!("{:?}: {message}", query.text))
        }
        _ => backend(error),
    })?;
    Ok(hits.into_iter().map(|(_, hit)| hit).collect())
}

/// What a read connection keeps between reads, valid until the database changes: the
/// parts of entity profiles that count over all of an entity's rows (its documents,
/// mentions, names, claims: milliseconds for the most mentioned entities of a large
/// store), claims' assessments (origins over whole clusters of reports), and search
/// results (bm25 over a thousand matches). The claims of a profile and their facts and
/// marks are read afresh each time. Any commit by another connection (the writer of this
/// process, another process) empties it at the next read.
#[derive(Debug, Default)]
pub(crate) struct ReadCache {
    /// `PRAGMA data_version` when the entries were made: it changes when another
    /// connection (the writer, another process) commits.
    version: i64,
    profiles: HashMap<String, EntityProfile>,
    /// Assessments by claim id, before analysts' marks are applied.
    assessments: HashMap<i64, Assessment>,
    /// Search results by limit and query text.
    searches: HashMap<(usize, String), Vec<SearchHit>>,
}

/// At most this many entity profiles and claim assessments are kept per read connection.
const CACHED_PROFILES: usize = 4096;
const CACHED_ASSESSMENTS: usize = 65_536;
const CACHED_SEARCHES: usize = 4096;
const CACHED_QUERY_BYTES: usize = 256;
const CACHED_QUERY_HITS: usize = 100;

impl ReadCache {
    /// Forgets everything when the database changed since the entries were made.
    fn check(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let version: i64 =
            conn.prepare_cached("PRAGMA data_version")?.query_row([], |row| row.get(0))?;
        if version != self.version
            || self.profiles.len() >= CACHED_PROFILES
            || self.searches.len() >= CACHED_SEARCHES
        {
            self.profiles.clear();
            self.assessments.clear();
            self.searches.clear();
            self.version = version;
        }
        Ok(())
    }
}

pub fn entity(
    conn: &Connection,
    cache: &mut ReadCache,
    name: &str,
) -> Result<EntityProfile, StoreError> {
    let norm = normalize_name(name);
    cache.check(conn).map_err(backend)?;
    let mut profile = match cache.profiles.get(&norm) {
        Some(profile) => profile.clone(),
        None => {
            let profile = entity_counts(conn, &norm, name)?;
            cache.profiles.insert(norm, profile.clone());
            profile
        }
    };
    entity_claims(conn, cache, &mut profile)?;
    Ok(profile)
}

/// An entity's profile without its claims: names, occurrences and counts.
fn entity_counts(conn: &Connection, norm: &str, name: &str) -> Result<EntityProfile, StoreError> {
    let run = || -> rusqlite::Result<Option<EntityProfile>> {
        let mut candidates: Vec<EntityRef> = {
            let mut statement = conn.prepare_cached(
                "SELECT e.id, e.name, e.label FROM entities e
                 WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?1)
                 ORDER BY (SELECT SUM(o.n_mentions) FROM entity_occurrences o
                     WHERE o.entity_id = e.id) DESC, e.id",
            )?;
            let rows = statement.query_map([norm], |row| {
                Ok(EntityRef { id: row.get(0)?, name: row.get(1)?, label: row.get(2)? })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if candidates.is_empty() {
            return Ok(None);
        }
        let entity = candidates.remove(0);
        let id = entity.id;
        let aliases = {
            let mut statement = conn.prepare_cached(
                // Once per name and reason, from the first document that showed it (a
                // bare column beside MIN() comes from the row holding the minimum).
                "SELECT f.alias, f.reason, f.document_id, d.external_id, f.start, f.end
                 FROM (SELECT a.alias, a.reason, MIN(a.document_id) AS document_id, a.start,
                           a.end
                       FROM entity_aliases a WHERE a.entity_id = ?1 GROUP BY a.alias, a.reason) f
                 JOIN documents d ON d.id = f.document_id ORDER BY f.document_id, f.start",
            )?;
            let rows = statement.query_map([id], |row| {
                Ok(AliasEvidence {
                    alias: row.get(0)?,
                    reason: row.get(1)?,
                    document_id: row.get(2)?,
                    document_external_id: row.get(3)?,
                    span: span(row.get(4)?, row.get(5)?).unwrap_or_default(),
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let occurrences = {
            let mut statement = conn.prepare_cached(
                "SELECT o.document_id, d.external_id, o.name, o.n_mentions, o.matched_norm,
                     o.matched_document_id
                 FROM entity_occurrences o JOIN documents d ON d.id = o.document_id
                 WHERE o.entity_id = ?1 ORDER BY o.document_id DESC, o.local_index LIMIT ?2",
            )?;
            let rows = statement.query_map(params![id, PROFILE_OCCURRENCES as i64], |row| {
                let matched_norm: Option<String> = row.get(4)?;
                let matched_document: Option<i64> = row.get(5)?;
                Ok(EntityOccurrence {
                    document_id: row.get(0)?,
                    document_external_id: row.get(1)?,
                    name: row.get(2)?,
                    n_mentions: row.get::<_, i64>(3)? as usize,
                    matched_by: matched_norm.zip(matched_document),
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let (n_documents, n_mentions, first_seen, last_seen) = conn
            .prepare_cached(
                "SELECT
                     (SELECT COUNT(*) FROM (SELECT document_id FROM entity_occurrences
                                            WHERE entity_id = ?1 GROUP BY document_id)),
                     (SELECT COALESCE(SUM(n_mentions), 0) FROM entity_occurrences
                      WHERE entity_id = ?1),
                     (SELECT MIN(doc_date) FROM entity_occurrences WHERE entity_id = ?1),
                     (SELECT MAX(doc_date) FROM entity_occurrences WHERE entity_id = ?1)",
            )?
            .query_row([id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    parse_date(row.get(2)?),
                    parse_date(row.get(3)?),
                ))
            })?;
        let (n_claims_by, n_claims_about) = conn
            .prepare_cached(
                "SELECT (SELECT COUNT(*) FROM claims WHERE source_entity_id = ?1),
                     (SELECT COUNT(DISTINCT claim_id) FROM claim_entities WHERE entity_id = ?1)",
            )?
            .query_row([id], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)))?;
        Ok(Some(EntityProfile {
            entity,
            aliases,
            occurrences,
            n_documents: n_documents as usize,
            n_mentions: n_mentions as usize,
            first_seen,
            last_seen,
            claims_by: Vec::new(),
            n_claims_by: n_claims_by as usize,
            claims_about: Vec::new(),
            n_claims_about: n_claims_about as usize,
            other_matches: candidates,
            merges: crate::curate::merges_of(conn, id)?,
        }))
    };
    run().map_err(backend)?.ok_or_else(|| StoreError::NotFound(format!("no entity named {name:?}")))
}

/// The newest claims by and about the entity of `profile`.
fn entity_claims(
    conn: &Connection,
    cache: &mut ReadCache,
    profile: &mut EntityProfile,
) -> Result<(), StoreError> {
    let id = Value::Integer(profile.entity.id);
    // Claim ids grow with documents, so the newest claims are the highest ids, which the
    // indexes give without reading the others.
    profile.claims_by = load_claims(
        conn,
        Assessing::Cached(cache),
        &format!(
            "c.id IN (SELECT id FROM claims WHERE source_entity_id = ?
                      ORDER BY id DESC LIMIT {PROFILE_CLAIMS})"
        ),
        vec![id.clone()],
        Order::Newest,
        None,
    )?;
    profile.claims_about = load_claims(
        conn,
        Assessing::Cached(cache),
        &format!(
            "c.id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ?
                      GROUP BY claim_id ORDER BY claim_id DESC LIMIT {PROFILE_CLAIMS})"
        ),
        vec![id],
        Order::Newest,
        None,
    )?;
    Ok(())
}

pub fn claims(conn: &Connection, query: &ClaimQuery) -> Result<Vec<ClaimRecord>, StoreError> {
    let (filter, values) = claim_conditions(query);
    load_claims(conn, Assessing::Here, &filter, values, Order::Text, query.limit)
}

/// A page of the claims matching `query` (its limit aside): ids after `after`, in id
/// order, for exports.
pub fn claims_after(
    conn: &Connection,
    query: &ClaimQuery,
    after: i64,
    limit: usize,
) -> Result<Vec<ClaimRecord>, StoreError> {
    let (filter, mut values) = claim_conditions(query);
    values.push(Value::Integer(after));
    load_claims(
        conn,
        Assessing::Here,
        &format!("({filter}) AND c.id > ?"),
        values,
        Order::Id,
        Some(limit.max(1)),
    )
}

/// The condition (over `c` and `d`, `?` placeholders as [`load_claims`] reads them) and
/// values of a claim query's filters.
fn claim_conditions(query: &ClaimQuery) -> (String, Vec<Value>) {
    let mut conditions: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(about) = &query.about {
        conditions.push(
            "c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id IN
                 (SELECT entity_id FROM entity_aliases WHERE norm = ?))",
        );
        values.push(Value::Text(normalize_name(about)));
    }
    if let Some(by) = &query.by {
        conditions.push(
            "(c.source_entity_id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?1b)
              OR c.source_norm = ?1b
              OR (c.voice = 'publisher' AND d.publisher_norm = ?1b))",
        );
        values.push(Value::Text(normalize_name(by)));
    }
    if let Some(since) = query.since {
        conditions.push("c.date_end >= ?");
        values.push(Value::Text(since.to_string()));
    }
    if let Some(until) = query.until {
        conditions.push("c.date_start <= ?");
        values.push(Value::Text(until.to_string()));
    }
    if let Some(place) = &query.place {
        conditions.push(
            "c.id IN (SELECT claim_id FROM claim_places WHERE norm = ?1p OR lower(text) = lower(?2p))",
        );
        values.push(Value::Text(normalize_name(place)));
        values.push(Value::Text(place.trim().to_string()));
    }
    let filter = if conditions.is_empty() { "1".to_string() } else { conditions.join(" AND ") };
    (filter, values)
}

/// The order of a claim listing.
#[derive(Clone, Copy)]
enum Order {
    /// Document then text order.
    Text,
    /// Newest document first, in text order within a document.
    Newest,
    /// Store id (ingest order).
    Id,
}

/// Loads the claims matching `filter` (over `c`, the claim, and `d`, its document), whose
/// `?` placeholders take `values` in order.
fn load_claims(
    conn: &Connection,
    assessing: Assessing<'_>,
    filter: &str,
    values: Vec<Value>,
    order: Order,
    limit: Option<usize>,
) -> Result<Vec<ClaimRecord>, StoreError> {
    // Placeholders are written `?`, or `?1b`-style when one value is used several times
    // in a condition; number them in order so each value binds where the caller meant.
    let mut sql_filter = String::with_capacity(filter.len());
    let mut number = 0;
    let mut named: HashMap<String, usize> = HashMap::new();
    let mut chars = filter.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '?' {
            sql_filter.push(ch);
            continue;
        }
        let mut tag = String::new();
        while let Some(&next) = chars.peek() {
            if next.is_ascii_alphanumeric() {
                tag.push(next);
                chars.next();
            } else {
                break;
            }
        }
        let index = if tag.is_empty() {
            number += 1;
            number
        } else {
            *named.entry(tag).or_insert_with(|| {
                number += 1;
                number
            })
        };
        sql_filter.push_str(&format!("?{index}"));
    }
    let limit = limit.map_or(-1, |limit| limit as i64);
    let order = match order {
        Order::Text => "c.document_id, c.start, c.id",
        Order::Newest => "c.document_id DESC, c.start, c.id",
        Order::Id => "c.id",
    };
    let sql = format!(
        "SELECT c.id, c.start, c.end, c.content, c.form, c.cue, c.source_name, c.source_entity_id,
             c.source_start, c.source_end, c.stance, c.negated, c.has_subject, c.hedges,
             {DOCUMENT_COLUMNS}, se.name, se.label, c.cue_start, c.cue_end
         FROM claims c JOIN documents d ON d.id = c.document_id
         LEFT JOIN entities se ON se.id = c.source_entity_id
         WHERE {sql_filter} ORDER BY {order} LIMIT {limit}"
    );
    let run = || -> rusqlite::Result<Vec<ClaimRecord>> {
        let mut statement = conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(values.iter()), |row| {
            let source_name: Option<String> = row.get(6)?;
            let source_entity: Option<i64> = row.get(7)?;
            let source_span = span(row.get(8)?, row.get(9)?);
            let hedges: String = row.get(13)?;
            let entity = match source_entity {
                Some(id) => Some(EntityRef { id, name: row.get(25)?, label: row.get(26)? }),
                None => None,
            };
            Ok(ClaimRecord {
                id: row.get(0)?,
                span: span(row.get(1)?, row.get(2)?).unwrap_or_default(),
                content: row.get(3)?,
                form: row.get(4)?,
                cue: row.get(5)?,
                cue_span: span(row.get(27)?, row.get(28)?),
                source: source_name.map(|name| SourceRef { name, entity, span: source_span }),
                stance: if row.get::<_, String>(10)? == "denies" {
                    Stance::Denies
                } else {
                    Stance::Asserts
                },
                negated: row.get(11)?,
                has_subject: row.get(12)?,
                hedges: hedges
                    .split(HEDGE_SEPARATOR)
                    .filter(|h| !h.is_empty())
                    .map(str::to_string)
                    .collect(),
                document: document_summary(row, 14)?,
                relays: Vec::new(),
                about: Vec::new(),
                dates: Vec::new(),
                quantities: Vec::new(),
                places: Vec::new(),
                assessment: Assessment::default(),
                marks: Vec::new(),
            })
        })?;
        let mut claims = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        match assessing {
            Assessing::Cached(cache) => {
                for chunk in claims.chunks_mut(crate::assess::CHUNK) {
                    fill_facts(conn, chunk)?;
                }
                let missing: Vec<i64> = claims
                    .iter()
                    .map(|c| c.id)
                    .filter(|id| !cache.assessments.contains_key(id))
                    .collect();
                if !missing.is_empty() {
                    if cache.assessments.len() + missing.len() > CACHED_ASSESSMENTS {
                        cache.assessments.clear();
                    }
                    cache.assessments.extend(crate::assess::assessments(conn, &missing)?);
                }
                let assessments = claims
                    .iter()
                    .filter_map(|c| cache.assessments.get(&c.id).map(|a| (c.id, a.clone())))
                    .collect();
                apply_assessments(&mut claims, assessments);
            }
            Assessing::Here => {
                for chunk in claims.chunks_mut(crate::assess::CHUNK) {
                    fill_facts(conn, chunk)?;
                    let ids: Vec<i64> = chunk.iter().map(|c| c.id).collect();
                    let assessments = crate::assess::assessments(conn, &ids)?;
                    apply_assessments(chunk, assessments);
                }
            }
        }
        Ok(claims)
    };
    run().map_err(backend)
}

/// Where a listing works out its claims' assessments.
pub(crate) enum Assessing<'a> {
    /// On the listing's connection.
    Here,
    /// From the connection's cache, working out only those not in it.
    Cached(&'a mut ReadCache),
}

/// Sets each claim's assessment, then lets its analysts' verdicts (read with its facts)
/// override the credibility.
fn apply_assessments(claims: &mut [ClaimRecord], mut assessments: HashMap<i64, Assessment>) {
    for claim in claims.iter_mut() {
        if let Some(assessment) = assessments.remove(&claim.id) {
            claim.assessment = assessment;
        }
        claimgraph_store::assess::apply_marks(&mut claim.assessment, &claim.marks);
    }
}

/// Loads the relays, entities, dates, quantities, places and marks of a chunk of claims:
/// one query per kind for the whole chunk.
fn fill_facts(conn: &Connection, claims: &mut [ClaimRecord]) -> rusqlite::Result<()> {
    let index: HashMap<i64, usize> = claims.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let list = crate::assess::id_list(claims.iter().map(|c| c.id));
    let mut relays = conn.prepare_cached(
        "SELECT r.claim_id, r.name, r.entity_id, e.name, e.label, r.start, r.end
         FROM claim_relays r LEFT JOIN entities e ON e.id = r.entity_id
         WHERE r.claim_id IN (SELECT value FROM json_each(?1)) ORDER BY r.claim_id, r.position",
    )?;
    let rows = relays.query_map([&list], |row| {
        let entity_id: Option<i64> = row.get(2)?;
        let entity = match entity_id {
            Some(id) => Some(EntityRef { id, name: row.get(3)?, label: row.get(4)? }),
            None => None,
        };
        Ok((
            row.get::<_, i64>(0)?,
            SourceRef { name: row.get(1)?, entity, span: span(row.get(5)?, row.get(6)?) },
        ))
    })?;
    for row in rows {
        let (claim, relay) = row?;
        claims[index[&claim]].relays.push(relay);
    }
    let mut about = conn.prepare_cached(
        "SELECT ce.claim_id, e.id, e.name, e.label FROM claim_entities ce
         JOIN entities e ON e.id = ce.entity_id
         WHERE ce.claim_id IN (SELECT value FROM json_each(?1)) ORDER BY ce.claim_id, ce.position",
    )?;
    let rows = about.query_map([&list], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            EntityRef { id: row.get(1)?, name: row.get(2)?, label: row.get(3)? },
        ))
    })?;
    for row in rows {
        let (claim, entity) = row?;
        let about = &mut claims[index[&claim]].about;
        if !about.contains(&entity) {
            about.push(entity);
        }
    }
    let mut dates = conn.prepare_cached(
        "SELECT claim_id, text, value, end_value, start, end FROM claim_dates
         WHERE claim_id IN (SELECT value FROM json_each(?1)) ORDER BY claim_id, position",
    )?;
    let rows = dates.query_map([&list], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            DateFact {
                text: row.get(1)?,
                value: row.get(2)?,
                end_value: row.get(3)?,
                span: span(row.get(4)?, row.get(5)?).unwrap_or_default(),
            },
        ))
    })?;
    for row in rows {
        let (claim, date) = row?;
        claims[index[&claim]].dates.push(date);
    }
    let mut quantities = conn.prepare_cached(
        "SELECT claim_id, text, kind, value, min, max, unit, start, end FROM claim_quantities
         WHERE claim_id IN (SELECT value FROM json_each(?1)) ORDER BY claim_id, position",
    )?;
    let rows = quantities.query_map([&list], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            QuantityFact {
                text: row.get(1)?,
                kind: row.get(2)?,
                value: row.get(3)?,
                min: row.get(4)?,
                max: row.get(5)?,
                unit: row.get(6)?,
                span: span(row.get(7)?, row.get(8)?).unwrap_or_default(),
            },
        ))
    })?;
    for row in rows {
        let (claim, quantity) = row?;
        claims[index[&claim]].quantities.push(quantity);
    }
    let mut places = conn.prepare_cached(
        "SELECT claim_id, text, name, geonames_id, lat, lon, precision, start, end
         FROM claim_places WHERE claim_id IN (SELECT value FROM json_each(?1)) ORDER BY claim_id, position",
    )?;
    let rows = places.query_map([&list], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            PlaceFact {
                text: row.get(1)?,
                name: row.get(2)?,
                geonames_id: row.get::<_, Option<i64>>(3)?.map(|id| id as u64),
                lat: row.get(4)?,
                lon: row.get(5)?,
                precision: row.get::<_, i64>(6)? as u8,
                span: span(row.get(7)?, row.get(8)?).unwrap_or_default(),
            },
        ))
    })?;
    for row in rows {
        let (claim, place) = row?;
        claims[index[&claim]].places.push(place);
    }
    let mut marks = conn.prepare_cached(
        "SELECT id, claim_id, status, marked_by, marked_at, note FROM claim_marks
         WHERE claim_id IN (SELECT value FROM json_each(?1)) ORDER BY id",
    )?;
    let rows = marks.query_map([&list], mark_row)?;
    for row in rows {
        let mark = row?;
        claims[index[&mark.claim_id]].marks.push(mark);
    }
    Ok(())
}

/// Reads `id, claim_id, status, marked_by, marked_at, note` of `claim_marks`.
pub(crate) fn mark_row(row: &Row<'_>) -> rusqlite::Result<ClaimMark> {
    let status: String = row.get(2)?;
    Ok(ClaimMark {
        id: row.get(0)?,
        claim_id: row.get(1)?,
        status: ClaimStatus::parse(&status).unwrap_or(ClaimStatus::Retracted),
        by: row.get(3)?,
        at: row.get(4)?,
        note: row.get(5)?,
    })
}

pub fn claim(conn: &Connection, id: i64) -> Result<ClaimRecord, StoreError> {
    load_claims(conn, Assessing::Here, "c.id = ?", vec![Value::Integer(id)], Order::Text, None)?
        .pop()
        .ok_or_else(|| StoreError::NotFound(format!("no claim {id}")))
}

pub fn sources(conn: &Connection) -> Result<Vec<SourceSummary>, StoreError> {
    let run = || -> rusqlite::Result<Vec<SourceSummary>> {
        // Speakers and relays are keyed by entity when resolved, else by normalized name.
        let mut speakers: HashMap<(Option<i64>, String), SourceSummary> = HashMap::new();
        let mut statement = conn.prepare_cached(
            "SELECT c.source_entity_id, CASE WHEN c.source_entity_id IS NULL THEN c.source_norm
                     ELSE '' END AS key,
                 MIN(c.source_name), COUNT(*), COUNT(DISTINCT c.document_id),
                 MIN(d.doc_date), MAX(d.doc_date)
             FROM claims c JOIN documents d ON d.id = c.document_id
             WHERE c.voice = 'attributed' GROUP BY 1, 2",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, Option<i64>>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, i64>(4)?,
                parse_date(row.get(5)?),
                parse_date(row.get(6)?),
            ))
        })?;
        for row in rows {
            let (entity_id, key, name, n_claims, n_documents, first_seen, last_seen) = row?;
            let entity = entity_id.map(|id| entity_ref(conn, id)).transpose()?;
            speakers.insert(
                (entity_id, key),
                SourceSummary {
                    name: entity.as_ref().map_or(name, |entity| entity.name.clone()),
                    kind: SourceKind::Speaker,
                    entity,
                    n_claims: n_claims as usize,
                    n_relayed: 0,
                    n_documents: n_documents as usize,
                    first_seen,
                    last_seen,
                    rating: None,
                },
            );
        }
        let mut statement = conn.prepare_cached(
            "SELECT r.entity_id, CASE WHEN r.entity_id IS NULL THEN r.norm ELSE '' END AS key,
                 MIN(r.name), COUNT(DISTINCT r.claim_id), COUNT(DISTINCT c.document_id),
                 MIN(d.doc_date), MAX(d.doc_date)
             FROM claim_relays r JOIN claims c ON c.id = r.claim_id
             JOIN documents d ON d.id = c.document_id GROUP BY 1, 2",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, Option<i64>>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, i64>(4)?,
                parse_date(row.get(5)?),
                parse_date(row.get(6)?),
            ))
        })?;
        for row in rows {
            let (entity_id, key, name, n_relayed, n_documents, first_seen, last_seen) = row?;
            match speakers.get_mut(&(entity_id, key.clone())) {
                Some(speaker) => {
                    speaker.n_relayed = n_relayed as usize;
                    speaker.first_seen = min_date(speaker.first_seen, first_seen);
                    speaker.last_seen = speaker.last_seen.max(last_seen);
                }
                None => {
                    let entity = entity_id.map(|id| entity_ref(conn, id)).transpose()?;
                    speakers.insert(
                        (entity_id, key),
                        SourceSummary {
                            name: entity.as_ref().map_or(name, |entity| entity.name.clone()),
                            kind: SourceKind::Speaker,
                            entity,
                            n_claims: 0,
                            n_relayed: n_relayed as usize,
                            n_documents: n_documents as usize,
                            first_seen,
                            last_seen,
                            rating: None,
                        },
                    );
                }
            }
        }
        let mut all: Vec<SourceSummary> = Vec::with_capacity(speakers.len());
        for ((entity_id, key), mut speaker) in speakers {
            let norm = if key.is_empty() { normalize_name(&speaker.name) } else { key };
            speaker.rating = crate::assess::source_rating(conn, entity_id, &norm)?;
            all.push(speaker);
        }
        let mut statement = conn.prepare_cached(
            "SELECT MIN(d.publisher), COUNT(*),
                 (SELECT COUNT(*) FROM claims c JOIN documents d2 ON d2.id = c.document_id
                  WHERE c.voice = 'publisher' AND d2.publisher_norm = d.publisher_norm),
                 MIN(d.doc_date), MAX(d.doc_date), d.publisher_norm
             FROM documents d WHERE d.publisher_norm IS NOT NULL AND d.publisher_norm != ''
             GROUP BY d.publisher_norm",
        )?;
        let rows = statement.query_map([], |row| {
            let summary = SourceSummary {
                name: row.get(0)?,
                kind: SourceKind::Publisher,
                entity: None,
                n_documents: row.get::<_, i64>(1)? as usize,
                n_claims: row.get::<_, i64>(2)? as usize,
                n_relayed: 0,
                first_seen: parse_date(row.get(3)?),
                last_seen: parse_date(row.get(4)?),
                rating: None,
            };
            Ok((summary, row.get::<_, String>(5)?))
        })?;
        let publishers: Vec<(SourceSummary, String)> = rows.collect::<rusqlite::Result<_>>()?;
        for (mut publisher, norm) in publishers {
            publisher.rating = crate::assess::source_rating(conn, None, &norm)?;
            all.push(publisher);
        }
        all.sort_by(|a, b| {
            (b.n_claims + b.n_relayed)
                .cmp(&(a.n_claims + a.n_relayed))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(all)
    };
    run().map_err(backend)
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

pub fn stats(conn: &Connection) -> Result<Stats, StoreError> {
    conn.query_row(
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities),
             (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM claims),
             (SELECT COUNT(*) FROM claims WHERE voice = 'attributed'),
             (SELECT COUNT(DISTINCT claim_id) FROM claim_relays),
             (SELECT COUNT(DISTINCT publisher_norm) FROM documents WHERE publisher_norm != ''),
             (SELECT COUNT(*) FROM document_origins WHERE original_id != document_id),
             (SELECT COUNT(*) FROM claim_conflicts)",
        [],
        |row| {
            let count = |idx: usize| row.get::<_, i64>(idx).map(|n| n as usize);
            Ok(Stats {
                documents: count(0)?,
                entities: count(1)?,
                mentions: count(2)?,
                claims: count(3)?,
                attributed_claims: count(4)?,
                relayed_claims: count(5)?,
                publishers: count(6)?,
                copies: count(7)?,
                conflicts: count(8)?,
                corroborated_claims: 0,
            })
        },
    )
    .and_then(|mut stats| {
        // Clusters with more than one origin key are candidates; copies can merge keys
        // (assess.rs), so each candidate is checked with the full rule.
        let candidates: Vec<i64> = conn
            .prepare(&format!(
                "SELECT e.cluster_id FROM claim_events e
                     JOIN claims c ON c.id = e.claim_id
                     LEFT JOIN document_origins o ON o.document_id = c.document_id
                     JOIN documents od ON od.id = COALESCE(o.original_id, c.document_id)
                 GROUP BY e.cluster_id HAVING COUNT(DISTINCT {}) > 1",
                crate::assess::ORIGIN_KEY_SQL
            ))?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for cluster in candidates {
            if crate::assess::n_origins(conn, cluster)? > 1 {
                stats.corroborated_claims += 1;
            }
        }
        Ok(stats)
    })
    .map_err(backend)
}
