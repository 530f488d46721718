//! Queries: documents, search, entities, claims, sources, stats.
//!
//! The same questions as the SQLite store's `read.rs`, asked in PostgreSQL: claims are
//! loaded in two steps (the claim rows matching the filters, then their relays, entities,
//! dates, quantities and places by claim id), and names given by users are compared
//! through `normalize_name`, the key the writer stores.

use std::collections::HashMap;

use chrono::NaiveDate;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use claimgraph_model::{Span, Stance};
use claimgraph_store::facts::normalize_name;
use claimgraph_store::snippet;
use claimgraph_store::{
    AliasEvidence, Assessment, ClaimMark, ClaimQuery, ClaimRecord, ClaimStatus, ContentHash,
    CopyLink, DateFact, DocumentSummary, EntityOccurrence, EntityProfile, EntityRef, HitKind,
    MentionRef, PROFILE_CLAIMS, PROFILE_OCCURRENCES, PlaceFact, QuantityFact, SearchHit,
    SearchQuery, SourceKind, SourceRef, SourceSummary, Stats, StoreError, StoredDocument,
};

use crate::{Params, Tx, backend, one, opt, rows};

pub(crate) const DOCUMENT_COLUMNS: &str = "d.id, d.content_hash, d.external_id, d.origin, \
     d.title, d.url, d.author, d.publisher, d.doc_date, d.extractor_version, d.ingested_at";

/// Reads `DOCUMENT_COLUMNS` starting at column `at`.
pub(crate) fn document_summary(row: &Row, at: usize) -> DocumentSummary {
    DocumentSummary {
        id: row.get(at),
        hash: row.get(at + 1),
        external_id: row.get(at + 2),
        origin: row.get(at + 3),
        title: row.get(at + 4),
        url: row.get(at + 5),
        author: row.get(at + 6),
        publisher: row.get(at + 7),
        date: row.get(at + 8),
        extractor_version: row.get(at + 9),
        ingested_at: row.get(at + 10),
    }
}

pub(crate) fn span(start: Option<i32>, end: Option<i32>) -> Option<Span> {
    match (start, end) {
        (Some(start), Some(end)) if 0 <= start && start <= end => {
            Some(Span::new(start as usize, end as usize))
        }
        _ => None,
    }
}

fn entity_from(row: &Row, at: usize) -> EntityRef {
    EntityRef { id: row.get(at), name: row.get(at + 1), label: row.get(at + 2) }
}

pub(crate) async fn entity_ref(tx: &Tx<'_>, id: i64) -> Result<EntityRef, StoreError> {
    let row = one(tx, "SELECT id, name, label FROM entities WHERE id = $1", &[&id]).await?;
    Ok(entity_from(&row, 0))
}

pub async fn contains(tx: &Tx<'_>, hashes: &[ContentHash]) -> Result<Vec<bool>, StoreError> {
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: Vec<&str> = hashes.iter().map(ContentHash::as_str).collect();
    let found: Vec<String> = rows(
        tx,
        "SELECT content_hash FROM documents WHERE content_hash = ANY($1::TEXT[])",
        &[&wanted],
    )
    .await?
    .iter()
    .map(|row| row.get(0))
    .collect();
    Ok(wanted.iter().map(|hash| found.iter().any(|f| f == hash)).collect())
}

pub(crate) async fn document_id(tx: &Tx<'_>, key: &str) -> Result<Option<i64>, StoreError> {
    let key = key.trim();
    if key.is_empty() {
        return Ok(None);
    }
    // The caller's id first: it is what users see in their files; the latest wins when a
    // changed file was ingested again under the same id.
    let by_external: Option<i64> =
        one(tx, "SELECT MAX(id) FROM documents WHERE external_id = $1", &[&key]).await?.get(0);
    if by_external.is_some() {
        return Ok(by_external);
    }
    if let Ok(id) = key.trim_start_matches('#').parse::<i64>() {
        let found = opt(tx, "SELECT id FROM documents WHERE id = $1", &[&id]).await?;
        if let Some(row) = found {
            return Ok(Some(row.get(0)));
        }
    }
    let lower = key.to_ascii_lowercase();
    if lower.len() >= 8 && lower.bytes().all(|b| b.is_ascii_hexdigit()) {
        // Hex digits hold no LIKE wildcard; the text_pattern_ops index serves the prefix.
        let pattern = format!("{lower}%");
        return Ok(one(
            tx,
            "SELECT MIN(id) FROM documents WHERE content_hash LIKE $1",
            &[&pattern],
        )
        .await?
        .get(0));
    }
    Ok(None)
}

pub async fn document(tx: &Tx<'_>, key: &str) -> Result<StoredDocument, StoreError> {
    let id = document_id(tx, key)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("no document {key:?}")))?;
    let row = one(
        tx,
        &format!(
            "SELECT {DOCUMENT_COLUMNS}, d.text, d.n_sentences FROM documents d WHERE d.id = $1"
        ),
        &[&id],
    )
    .await?;
    let summary = document_summary(&row, 0);
    let text: String = row.get(11);
    let n_sentences: i32 = row.get(12);
    let entities = rows(
        tx,
        "SELECT e.id, e.name, e.label, COUNT(*) FROM mentions m JOIN entities e
         ON e.id = m.entity_id WHERE m.document_id = $1
         GROUP BY e.id ORDER BY MIN(m.start_at)",
        &[&id],
    )
    .await?
    .iter()
    .map(|row| (entity_from(row, 0), row.get::<_, i64>(3) as usize))
    .collect();
    let mentions = rows(
        tx,
        "SELECT e.id, e.name, e.label, m.start_at, m.end_at FROM mentions m
         JOIN entities e ON e.id = m.entity_id WHERE m.document_id = $1
         ORDER BY m.start_at, m.end_at",
        &[&id],
    )
    .await?
    .iter()
    .filter_map(|row| {
        Some(MentionRef { entity: entity_from(row, 0), span: span(row.get(3), row.get(4))? })
    })
    .collect();
    let claims = load_claims(tx, "c.document_id = $1", vec![Box::new(id)], None).await?;
    let (copy_of, copies) = copy_links(tx, id).await?;
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

fn copy_link(row: &Row) -> CopyLink {
    CopyLink {
        similarity: row.get::<_, Option<f64>>(0).unwrap_or(0.0),
        matched_document_id: row.get(1),
        document: document_summary(row, 2),
    }
}

/// The document's original when it is a copy, and its copies when it is an original.
async fn copy_links(tx: &Tx<'_>, id: i64) -> Result<(Option<CopyLink>, Vec<CopyLink>), StoreError> {
    let copy_of = opt(
        tx,
        &format!(
            "SELECT o.similarity, o.matched_document_id, {DOCUMENT_COLUMNS}
             FROM document_origins o JOIN documents d ON d.id = o.original_id
             WHERE o.document_id = $1 AND o.original_id != o.document_id"
        ),
        &[&id],
    )
    .await?
    .map(|row| copy_link(&row));
    let copies = rows(
        tx,
        &format!(
            "SELECT o.similarity, o.matched_document_id, {DOCUMENT_COLUMNS}
             FROM document_origins o JOIN documents d ON d.id = o.document_id
             WHERE o.original_id = $1 AND o.document_id != $1 ORDER BY d.id"
        ),
        &[&id],
    )
    .await?
    .iter()
    .map(copy_link)
    .collect();
    Ok((copy_of, copies))
}

/// Search: `plainto_tsquery` makes every word required and reads no syntax, so quotes,
/// parentheses, `-`, `*` and AND/OR/NOT are searched as text (or dropped as
/// punctuation), never interpreted. Ranked by `ts_rank` on documents and claims alike.
/// How many of the newest matching documents (and claims) search ranks, as the SQLite
/// store does. `ts_rank` reads each match's whole `tsvector`: a word in most documents
/// ("said") made a search rank eighty thousand of them, 400 ms at 100,000 documents.
/// The figures below were measured with 1,000.
const RANKED: usize = claimgraph_store::SEARCH_RANKED;

/// How the newest [`RANKED`] matches of a search are found in one table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// Rows newest first until enough match: for words in a large share of the rows.
    NewestFirst,
    /// All the matches through the GIN index, then the newest: for rare words.
    Index,
    /// The matches with ids above this one, through the GIN index and the primary key
    /// together (a `BitmapAnd`, so only rows in the window are read), and older ones
    /// only when the window holds too few: for words between the two.
    Window(i64),
}

/// The largest window worth reading, as a share of the table, for documents and for
/// claims: past it, the primary key's bitmap costs more than the rows it spares. Measured
/// at 100,000 documents, on rows not yet in the server's buffers (what a search for a
/// new word meets): a window took 12–13 ms on documents whatever its width, up to the
/// whole table ("Brazil", 0.99: 12 ms against 12–21 through the index alone; "British",
/// 0.45: 13 against 14–17); on claims a window of half the table still won ("Canada",
/// 0.51: 11 against 12–23), and "Japan" (0.16) took 14 against 28–52.
const WINDOW_SHARE: (f32, f32) = (1.0, 0.5);

/// How many more ids a window spans than the newest [`RANKED`] matches are expected in:
/// enough that a word's share, sampled by `ANALYZE`, rarely leaves it short (it is read
/// on past when it is), few enough that its rows are few. 1.5 measured no faster at
/// 100,000 documents ("interest rates" fell short and was read on past).
const WINDOW_MARGIN: f32 = 2.0;

/// How the newest matches of `text` are best found, for documents, then for claims.
///
/// Reading newest first tests 1,000 / share rows at a cost `read` each; the other
/// readings find share × rows matches through the index at a cost `matched` each. They
/// are equal at a share of √(read / matched × 1,000 / rows). Measured here at 100,000
/// documents and 800,000 claims with the planner's choice taken away:
/// - documents, whose `tsvector`s are as long as their texts and live in TOAST: a window
///   beat newest first up to at least 12% ("government", 11.7%: 15 against 26 ms;
///   "production", 5.8%: 18 against 34 ms), newest first won at 25% ("would": 11 against
///   24 ms); the ratio is 3 (even at 17%);
/// - claims, whose `tsvector`s sit in their rows: newest first won from about 2.5%
///   ("said", 3%: 17 against 28 ms), the window below 1.5% ("level", 0.7%: 34 against
///   75 ms; "production", 1.3%: 27 against 25 ms); the ratio is 0.2 (even at 1.6%).
///
/// The planner prices the test as free and reads newest first even for "London" (4.5%
/// of documents: 68 ms, against 14 ms through the index). Below the crossover the index
/// finds every match, and reading the rows of all of them is what costs ("Japan": 12,035
/// claims on 6,404 pages to keep the newest 1,000, 17 of 21 ms). When the newest
/// [`RANKED`] are expected among far fewer ids than the table has, a window of twice
/// that many ids bounds what is read (`Reading::Window`).
///
/// The shares come from the planner's own statistics of each `search` column (its most
/// common words and their shares; a word not among them is rarer than the rarest of
/// them), as copied to `search_word_shares` after each `ANALYZE` (migration 4). Without
/// them (a store never analyzed) the planner chooses.
async fn readings(tx: &Tx<'_>, text: &str) -> Result<(Reading, Reading), StoreError> {
    let row = one(
        tx,
        // The words as the index has them; per table its rows, its newest id, and the
        // shares of those words that are among its most common ones, with the share ('')
        // that every other word lies below. Reading `pg_stats` itself took a new
        // connection 8–13 ms, measured with `pgbench -C`, against 1–7 for this.
        "WITH q AS (SELECT ARRAY(SELECT lexeme FROM unnest(to_tsvector('simple', $1))) AS words)
         SELECT q.words,
             (SELECT reltuples FROM pg_class WHERE oid = 'documents'::regclass),
             (SELECT reltuples FROM pg_class WHERE oid = 'claims'::regclass),
             (SELECT MAX(id) FROM documents), (SELECT MAX(id) FROM claims),
             s.tables, s.words, s.shares
         FROM q CROSS JOIN LATERAL (
             SELECT array_agg(w.table_name) AS tables, array_agg(w.word) AS words,
                 array_agg(w.share) AS shares
             FROM search_word_shares w
             WHERE w.table_name IN ('documents', 'claims') AND w.word = ANY(q.words || ''::TEXT)
         ) s",
        &[&text],
    )
    .await?;
    let words: Vec<String> = row.get(0);
    let listed: Vec<(String, String, f32)> = match (
        row.get::<_, Option<Vec<String>>>(5),
        row.get::<_, Option<Vec<String>>>(6),
        row.get::<_, Option<Vec<f32>>>(7),
    ) {
        (Some(tables), Some(listed_words), Some(shares)) => tables
            .into_iter()
            .zip(listed_words)
            .zip(shares)
            .map(|((table, word), share)| (table, word, share))
            .collect(),
        _ => Vec::new(),
    };
    let reading_of = |table: &str, rows: Option<f32>, newest_id: Option<i64>| -> Reading {
        let documents = table == "documents";
        let read_per_matched = if documents { 3.0 } else { 0.2 };
        let window_share = if documents { WINDOW_SHARE.0 } else { WINDOW_SHARE.1 };
        let rows = rows.unwrap_or(0.0).max(RANKED as f32);
        let even = (read_per_matched * RANKED as f32 / rows).sqrt();
        let share_in = |word: &str| {
            listed.iter().find(|(t, w, _)| t == table && w == word).map(|&(_, _, share)| share)
        };
        // A word not among the most common is rarer than the rarest of them; without
        // that floor the table has no statistics.
        let Some(floor) = share_in("") else { return Reading::NewestFirst };
        let shares: Vec<f32> = words.iter().map(|word| share_in(word).unwrap_or(floor)).collect();
        // Every word must match. The share of rows with all of them lies between the
        // product of theirs (words that occur independently) and the rarest one's (words
        // that go together, as in names: "New York" is in about as many documents as
        // "York"). Reading newest first pays for too low a share, so it is chosen from
        // the product; a window too narrow for the newest matches is read on past, so
        // its width comes from the rarest word's share, which holds for names.
        let independent: f32 = shares.iter().product();
        let together = shares.iter().copied().fold(1.0, f32::min);
        let window = WINDOW_MARGIN * RANKED as f32 / together;
        if independent >= even {
            Reading::NewestFirst
        } else if together > 0.0 && window < window_share * rows {
            Reading::Window(newest_id.unwrap_or(0) - window as i64)
        } else {
            Reading::Index
        }
    };
    Ok((
        reading_of("documents", row.get(1), row.get(3)),
        reading_of("claims", row.get(2), row.get(4)),
    ))
}

/// The `recent` and `found` steps of a search over `table` (documents or claims): its
/// newest [`RANKED`] matches of `$1` read as `reading` says (through the GIN index in an
/// order the primary key cannot give, `id + 0`, unless newest first; a window starts
/// after id `$3`), and the best `$2` of them by `ts_rank`.
fn ranked_matches(table: &str, reading: Reading) -> String {
    let matches = "t.search @@ plainto_tsquery('simple', $1)";
    let recent = match reading {
        Reading::NewestFirst | Reading::Index => {
            let order = if reading == Reading::NewestFirst { "t.id DESC" } else { "t.id + 0 DESC" };
            format!(
                "recent AS (
                     SELECT t.id, t.search FROM {table} t WHERE {matches}
                     ORDER BY {order} LIMIT {RANKED}
                 )"
            )
        }
        // The older matches are read only when the window holds too few (a one-time
        // test), and without the primary key's bitmap, which would span the table.
        Reading::Window(_) => format!(
            "windowed AS (
                 SELECT t.id, t.search FROM {table} t
                 WHERE {matches} AND t.id > $3
                 ORDER BY t.id + 0 DESC LIMIT {RANKED}
             ),
             recent AS (
                 SELECT id, search FROM windowed
                 UNION ALL
                 (SELECT t.id, t.search FROM {table} t
                  WHERE (SELECT COUNT(*) FROM windowed) < {RANKED} AND {matches}
                      AND t.id + 0 <= $3
                  ORDER BY t.id + 0 DESC LIMIT {RANKED})
             )"
        ),
    };
    format!(
        "WITH {recent},
         found AS (
             SELECT r.id, ts_rank(r.search, plainto_tsquery('simple', $1)) AS rank
             FROM (SELECT id, search FROM recent ORDER BY id DESC LIMIT {RANKED}) r
             ORDER BY rank DESC, r.id LIMIT $2
         )"
    )
}

/// A search with its readings chosen (`search_plan`), ready to run (`search_run`).
#[derive(Debug)]
pub struct SearchPlan {
    text: String,
    limit: usize,
    documents: Reading,
    claims: Reading,
}

/// Chooses how the search will read documents and claims; `None` when the query has no
/// word to look for.
pub async fn search_plan(
    tx: &Tx<'_>,
    query: &SearchQuery,
) -> Result<Option<SearchPlan>, StoreError> {
    let text = query.text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return Ok(None);
    }
    // How the newest matches are found depends on how common the words are; see
    // `readings`.
    let (documents, claims) = readings(tx, text).await?;
    Ok(Some(SearchPlan { text: text.to_string(), limit: query.limit.max(1), documents, claims }))
}

/// Runs a planned search: the documents' statement on `documents_tx`, the claims' on
/// `claims_tx`, at once. Two transactions on two connections that see one snapshot let
/// the server run both together (`PgStore::search`); one transaction runs them in turn.
pub async fn search_run(
    documents_tx: &Tx<'_>,
    claims_tx: &Tx<'_>,
    plan: &SearchPlan,
) -> Result<Vec<SearchHit>, StoreError> {
    let SearchPlan { text, limit, documents: documents_reading, claims: claims_reading } = plan;
    let (documents_reading, claims_reading) = (*documents_reading, *claims_reading);
    let text = text.as_str();
    let limit = *limit as i64;
    let documents_sql = format!(
        "{}
         SELECT f.rank, d.text, {DOCUMENT_COLUMNS}
         FROM found f JOIN documents d ON d.id = f.id ORDER BY f.rank DESC, d.id",
        ranked_matches("documents", documents_reading)
    );
    let claims_sql = format!(
        "{}
         SELECT f.rank, c.content, c.id, {DOCUMENT_COLUMNS}
         FROM found f JOIN claims c ON c.id = f.id JOIN documents d ON d.id = c.document_id
         ORDER BY f.rank DESC, c.id",
        ranked_matches("claims", claims_reading)
    );
    let window = |reading| match reading {
        Reading::Window(after) => Some(after),
        _ => None,
    };
    let (documents_window, claims_window) = (window(documents_reading), window(claims_reading));
    let mut documents_params: Vec<&(dyn ToSql + Sync)> = vec![&text, &limit];
    documents_params.extend(documents_window.as_ref().map(|w| w as &(dyn ToSql + Sync)));
    let mut claims_params: Vec<&(dyn ToSql + Sync)> = vec![&text, &limit];
    claims_params.extend(claims_window.as_ref().map(|w| w as &(dyn ToSql + Sync)));
    // A window is read through two bitmaps, which the planner passes over for a scan of
    // the primary key's range that tests every row in it unless plain index scans are
    // off (`SET LOCAL`: for this statement only; the other may read newest first). On
    // one transaction the two statements run in turn, so that the setting of one is not
    // the other's.
    let documents = ranked_rows(documents_tx, &documents_sql, &documents_params, documents_window);
    let claims = ranked_rows(claims_tx, &claims_sql, &claims_params, claims_window);
    let (documents, claims) = if std::ptr::eq(documents_tx, claims_tx) {
        (documents.await?, claims.await?)
    } else {
        tokio::try_join!(documents, claims)?
    };
    // Each hit with its rank and the text its snippet comes from: a document's first
    // 16 words around the query's, a claim's 24, as the SQLite store's FTS5 snippets.
    let mut hits: Vec<(f32, SearchHit, String, usize)> = Vec::new();
    for row in documents {
        let hit = SearchHit {
            kind: HitKind::Document,
            snippet: String::new(),
            document: document_summary(&row, 2),
            claim_id: None,
        };
        hits.push((row.get(0), hit, row.get(1), 16));
    }
    for row in claims {
        let hit = SearchHit {
            kind: HitKind::Claim,
            snippet: String::new(),
            claim_id: Some(row.get(2)),
            document: document_summary(&row, 3),
        };
        hits.push((row.get(0), hit, row.get(1), 24));
    }
    // Higher ts_rank is better; documents and claims are ranked on one scale.
    hits.sort_by(|a, b| b.0.total_cmp(&a.0));
    let words = snippet::query_words(text);
    Ok(hits
        .into_iter()
        .take(plan.limit)
        .map(|(_, hit, text, max_words)| SearchHit {
            snippet: snippet::snippet(&text, &words, max_words),
            ..hit
        })
        .collect())
}

/// Runs a search statement, with plain index scans off when it reads a window.
async fn ranked_rows(
    tx: &Tx<'_>,
    sql: &str,
    params: &Params<'_>,
    window: Option<i64>,
) -> Result<Vec<Row>, StoreError> {
    if window.is_none() {
        return rows(tx, sql, params).await;
    }
    tx.batch_execute("SET LOCAL enable_indexscan = off").await.map_err(backend)?;
    let found = rows(tx, sql, params).await;
    tx.batch_execute("SET LOCAL enable_indexscan = on").await.map_err(backend)?;
    found
}

/// The entities going by a normalized name, the most mentioned first.
pub(crate) async fn entities_named(tx: &Tx<'_>, norm: &str) -> Result<Vec<EntityRef>, StoreError> {
    Ok(rows(
        tx,
        // The distinct entities of a name by a skip scan of the (norm, entity) index: a
        // name as common as "U.S." has tens of thousands of alias rows but a few entities.
        "WITH RECURSIVE ids (entity_id) AS (
             (SELECT entity_id FROM entity_aliases WHERE norm = $1 ORDER BY entity_id LIMIT 1)
             UNION ALL
             SELECT n.entity_id FROM ids CROSS JOIN LATERAL (
                 SELECT entity_id FROM entity_aliases
                 WHERE norm = $1 AND entity_id > ids.entity_id
                 ORDER BY entity_id LIMIT 1) n
         )
         SELECT e.id, e.name, e.label FROM ids JOIN entities e ON e.id = ids.entity_id
         ORDER BY (SELECT SUM(o.n_mentions) FROM entity_occurrences o
                   WHERE o.entity_id = e.id) DESC NULLS LAST, e.id",
        &[&norm],
    )
    .await?
    .iter()
    .map(|row| entity_from(row, 0))
    .collect())
}

pub async fn entity(tx: &Tx<'_>, name: &str) -> Result<EntityProfile, StoreError> {
    let norm = normalize_name(name);
    // A profile runs the same few statements for each of its hundred claims. PostgreSQL
    // plans a prepared statement anew for its first five runs on a connection, and a
    // command-line query has a new connection each time: planning took as long as
    // running (33 ms against 40 ms for "U.S." at 100,000 documents). The profile's
    // statements look rows up by id, where one plan fits every value.
    tx.batch_execute("SET LOCAL plan_cache_mode = force_generic_plan").await.map_err(backend)?;
    let mut candidates = entities_named(tx, &norm).await?;
    if candidates.is_empty() {
        return Err(StoreError::NotFound(format!("no entity named {name:?}")));
    }
    let entity = candidates.remove(0);
    let id = entity.id;
    // Each name once per reason, from the first document that showed it: a skip scan
    // over the (entity, alias, reason, document, start) index that takes the first row of
    // each (alias, reason) and jumps past the rest, so an entity named in thousands of
    // documents costs one index probe per distinct name, not one row per document.
    let by_id: &Params<'_> = &[&id];
    let occurrences_limit = PROFILE_OCCURRENCES as i64;
    let aliases = async {
        Ok::<_, StoreError>(
            rows(
                tx,
                "WITH RECURSIVE first_of (alias, reason, document_id, start_at, end_at) AS (
             (SELECT alias, reason, document_id, start_at, end_at FROM entity_aliases
              WHERE entity_id = $1
              ORDER BY alias, reason, document_id, start_at, id LIMIT 1)
             UNION ALL
             SELECT n.alias, n.reason, n.document_id, n.start_at, n.end_at
             FROM first_of f CROSS JOIN LATERAL (
                 SELECT alias, reason, document_id, start_at, end_at FROM entity_aliases
                 WHERE entity_id = $1 AND (alias, reason) > (f.alias, f.reason)
                 ORDER BY alias, reason, document_id, start_at, id LIMIT 1) n
         )
         SELECT f.alias, f.reason, f.document_id, d.external_id, f.start_at, f.end_at
         FROM first_of f JOIN documents d ON d.id = f.document_id
         ORDER BY f.document_id, f.start_at",
                by_id,
            )
            .await?
            .iter()
            .map(|row| AliasEvidence {
                alias: row.get(0),
                reason: row.get(1),
                document_id: row.get(2),
                document_external_id: row.get(3),
                span: span(row.get(4), row.get(5)).unwrap_or_default(),
            })
            .collect::<Vec<_>>(),
        )
    };
    let occurrences = async {
        Ok::<_, StoreError>(
            rows(
                tx,
                "SELECT o.document_id, d.external_id, o.name, o.n_mentions, o.matched_norm,
             o.matched_document_id
         FROM entity_occurrences o JOIN documents d ON d.id = o.document_id
         WHERE o.entity_id = $1 ORDER BY o.document_id DESC, o.local_index LIMIT $2",
                &[&id, &occurrences_limit],
            )
            .await?
            .iter()
            .map(|row| {
                let matched_norm: Option<String> = row.get(4);
                let matched_document: Option<i64> = row.get(5);
                EntityOccurrence {
                    document_id: row.get(0),
                    document_external_id: row.get(1),
                    name: row.get(2),
                    n_mentions: row.get::<_, i32>(3) as usize,
                    matched_by: matched_norm.zip(matched_document),
                }
            })
            .collect::<Vec<_>>(),
        )
    };
    // The totals kept up to the watermark (`entity_counts`, migration 5) and the rows
    // stored since, counted here from the newest entries of the same indexes.
    let seen = one(
        tx,
        "SELECT COALESCE(s.n_mentions, 0) + COALESCE(SUM(o.n_mentions), 0)::BIGINT,
             LEAST(s.first_seen, MIN(o.doc_date)), GREATEST(s.last_seen, MAX(o.doc_date)),
             COALESCE(s.n_documents, 0) + COUNT(DISTINCT o.document_id),
             COALESCE(s.n_claims_by, 0) + (SELECT COUNT(*) FROM claims
                  WHERE source_entity_id = $1 AND id > w.claims),
             COALESCE(s.n_claims_about, 0) + (SELECT COUNT(DISTINCT claim_id)
                  FROM claim_entities WHERE entity_id = $1 AND claim_id > w.claims)
         FROM entity_counts_upto w
         LEFT JOIN entity_counts s ON s.entity_id = $1
         LEFT JOIN entity_occurrences o ON o.entity_id = $1 AND o.document_id > w.documents
         GROUP BY w.documents, w.claims, s.n_mentions, s.first_seen, s.last_seen,
             s.n_documents, s.n_claims_by, s.n_claims_about",
        by_id,
    );
    // The newest claims: ids grow with documents.
    let by_filter = format!(
        "c.id IN (SELECT id FROM claims WHERE source_entity_id = $1
                  ORDER BY id DESC LIMIT {PROFILE_CLAIMS})"
    );
    let about_filter = format!(
        "c.id IN (SELECT claim_id FROM claim_entities WHERE entity_id = $1
                  GROUP BY claim_id ORDER BY claim_id DESC LIMIT {PROFILE_CLAIMS})"
    );
    let claims_by = load_claims_ordered(
        tx,
        &by_filter,
        vec![Box::new(id)],
        "c.document_id DESC, c.start_at, c.id",
        None,
    );
    let claims_about = load_claims_ordered(
        tx,
        &about_filter,
        vec![Box::new(id)],
        "c.document_id DESC, c.start_at, c.id",
        None,
    );
    // Every part at once (see `load_claims_ordered`).
    let (aliases, occurrences, seen, claims_by, claims_about, merges) = tokio::try_join!(
        aliases,
        occurrences,
        seen,
        claims_by,
        claims_about,
        crate::curate::merges_of(tx, id),
    )?;
    Ok(EntityProfile {
        entity,
        aliases,
        occurrences,
        n_documents: seen.get::<_, i64>(3) as usize,
        n_mentions: seen.get::<_, i64>(0) as usize,
        first_seen: seen.get(1),
        last_seen: seen.get(2),
        claims_by,
        n_claims_by: seen.get::<_, i64>(4) as usize,
        claims_about,
        n_claims_about: seen.get::<_, i64>(5) as usize,
        other_matches: candidates,
        merges,
    })
}

/// A query value, boxed so that filters of different types go in one list.
pub(crate) type Value = Box<dyn ToSql + Sync + Send>;

pub async fn claims(tx: &Tx<'_>, query: &ClaimQuery) -> Result<Vec<ClaimRecord>, StoreError> {
    let (filter, values) = claim_filter(query);
    load_claims(tx, &filter, values, query.limit).await
}

/// The SQL condition (over `c` and `d`) and values of a claim query's filters.
pub(crate) fn claim_filter(query: &ClaimQuery) -> (String, Vec<Value>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let next = |values: &mut Vec<Value>, value: Value| {
        values.push(value);
        values.len()
    };
    if let Some(about) = &query.about {
        let n = next(&mut values, Box::new(normalize_name(about)));
        conditions.push(format!(
            "c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id IN
                 (SELECT entity_id FROM entity_aliases WHERE norm = ${n}))"
        ));
    }
    if let Some(by) = &query.by {
        let n = next(&mut values, Box::new(normalize_name(by)));
        conditions.push(format!(
            "(c.source_entity_id IN (SELECT entity_id FROM entity_aliases WHERE norm = ${n})
              OR c.source_norm = ${n}
              OR (c.voice = 'publisher' AND d.publisher_norm = ${n}))"
        ));
    }
    if let Some(since) = query.since {
        let n = next(&mut values, Box::new(since));
        conditions.push(format!("c.date_end >= ${n}"));
    }
    if let Some(until) = query.until {
        let n = next(&mut values, Box::new(until));
        conditions.push(format!("c.date_start <= ${n}"));
    }
    if let Some(place) = &query.place {
        let norm = next(&mut values, Box::new(normalize_name(place)));
        let text = next(&mut values, Box::new(place.trim().to_string()));
        conditions.push(format!(
            "c.id IN (SELECT claim_id FROM claim_places WHERE norm = ${norm}
                 OR lower(text) = lower(${text}))"
        ));
    }
    let filter = if conditions.is_empty() { "TRUE".to_string() } else { conditions.join(" AND ") };
    (filter, values)
}

/// Loads the claims matching `filter` (over `c`, the claim, and `d`, its document), whose
/// `$n` placeholders take `values`.
pub(crate) async fn load_claims(
    tx: &Tx<'_>,
    filter: &str,
    values: Vec<Value>,
    limit: Option<usize>,
) -> Result<Vec<ClaimRecord>, StoreError> {
    load_claims_ordered(tx, filter, values, "c.document_id, c.start_at, c.id", limit).await
}

/// One claim by id.
pub async fn claim(tx: &Tx<'_>, id: i64) -> Result<ClaimRecord, StoreError> {
    load_claims(tx, "c.id = $1", vec![Box::new(id)], None)
        .await?
        .pop()
        .ok_or_else(|| StoreError::NotFound(format!("no claim {id}")))
}

/// [`load_claims`] in a given order (an SQL `ORDER BY` list over `c` and `d`).
pub(crate) async fn load_claims_ordered(
    tx: &Tx<'_>,
    filter: &str,
    values: Vec<Value>,
    order: &str,
    limit: Option<usize>,
) -> Result<Vec<ClaimRecord>, StoreError> {
    let limit = limit.map_or_else(|| "ALL".to_string(), |limit| limit.to_string());
    let sql = format!(
        "SELECT c.id, c.start_at, c.end_at, c.content, c.form, c.cue, c.source_name,
             c.source_entity_id, c.source_start, c.source_end, c.stance, c.negated,
             c.has_subject, c.hedges, {DOCUMENT_COLUMNS}, c.cue_start, c.cue_end
         FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE {filter} ORDER BY {order} LIMIT {limit}"
    );
    let params: Vec<&(dyn ToSql + Sync)> =
        values.iter().map(|value| value.as_ref() as &(dyn ToSql + Sync)).collect();
    let found = rows(tx, &sql, &params).await?;
    let mut claims = Vec::with_capacity(found.len());
    let mut source_entities = Vec::with_capacity(found.len());
    for row in found {
        let source_name: Option<String> = row.get(6);
        let source_entity: Option<i64> = row.get(7);
        let source_span = span(row.get(8), row.get(9));
        source_entities.push(source_entity);
        let claim = ClaimRecord {
            id: row.get(0),
            span: span(row.get(1), row.get(2)).unwrap_or_default(),
            content: row.get(3),
            form: row.get(4),
            cue: row.get(5),
            cue_span: span(row.get(25), row.get(26)),
            source: source_name.map(|name| SourceRef { name, entity: None, span: source_span }),
            stance: if row.get::<_, &str>(10) == "denies" {
                Stance::Denies
            } else {
                Stance::Asserts
            },
            negated: row.get(11),
            has_subject: row.get(12),
            hedges: row.get(13),
            document: document_summary(&row, 14),
            relays: Vec::new(),
            about: Vec::new(),
            dates: Vec::new(),
            quantities: Vec::new(),
            places: Vec::new(),
            assessment: Assessment::default(),
            marks: Vec::new(),
        };
        claims.push(claim);
    }
    fill_claims(tx, &mut claims, &source_entities).await?;
    Ok(claims)
}

/// Loads the claims' source entities, relays, entities, dates, quantities, places,
/// verdicts and assessments: each kind of fact for all claims in one query, and all the
/// queries sent before any answer is read (one connection runs them in order), so that a
/// page of a hundred claims costs a few round trips and statements, not a thousand.
async fn fill_claims(
    tx: &Tx<'_>,
    claims: &mut [ClaimRecord],
    source_entities: &[Option<i64>],
) -> Result<(), StoreError> {
    if claims.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = claims.iter().map(|claim| claim.id).collect();
    let mut entity_ids: Vec<i64> = source_entities.iter().flatten().copied().collect();
    entity_ids.sort_unstable();
    entity_ids.dedup();
    let by_ids: &Params<'_> = &[&ids];
    let by_entity_ids: &Params<'_> = &[&entity_ids];
    let (sources, relays, about, dates, quantities, places, marks, assessments) = tokio::try_join!(
        rows(tx, "SELECT id, name, label FROM entities WHERE id = ANY($1)", by_entity_ids),
        rows(
            tx,
            "SELECT r.claim_id, r.name, r.start_at, r.end_at, e.id, e.name, e.label
             FROM claim_relays r LEFT JOIN entities e ON e.id = r.entity_id
             WHERE r.claim_id = ANY($1) ORDER BY r.claim_id, r.position",
            by_ids,
        ),
        rows(
            tx,
            "SELECT ce.claim_id, e.id, e.name, e.label FROM claim_entities ce
             JOIN entities e ON e.id = ce.entity_id
             WHERE ce.claim_id = ANY($1) ORDER BY ce.claim_id, ce.position",
            by_ids,
        ),
        rows(
            tx,
            "SELECT claim_id, text, value, end_value, start_at, end_at FROM claim_dates
             WHERE claim_id = ANY($1) ORDER BY claim_id, position",
            by_ids,
        ),
        rows(
            tx,
            "SELECT claim_id, text, kind, value, min, max, unit, start_at, end_at
             FROM claim_quantities WHERE claim_id = ANY($1) ORDER BY claim_id, position",
            by_ids,
        ),
        rows(
            tx,
            "SELECT claim_id, text, name, geonames_id, lat, lon, precision, start_at, end_at
             FROM claim_places WHERE claim_id = ANY($1) ORDER BY claim_id, position",
            by_ids,
        ),
        rows(
            tx,
            "SELECT id, claim_id, status, marked_by, marked_at, note FROM claim_marks
             WHERE claim_id = ANY($1) ORDER BY claim_id, id",
            by_ids,
        ),
        crate::assess::assessments(tx, &ids),
    )?;
    let at: HashMap<i64, usize> = ids.iter().enumerate().map(|(n, &id)| (id, n)).collect();
    let claim_at = |row: &Row| at.get(&row.get::<_, i64>(0)).copied();
    let sources: HashMap<i64, EntityRef> =
        sources.iter().map(|row| (row.get(0), entity_from(row, 0))).collect();
    for (claim, source_entity) in claims.iter_mut().zip(source_entities) {
        if let (Some(id), Some(source)) = (source_entity, claim.source.as_mut()) {
            let entity = sources.get(id).cloned().ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "claim {} names entity {id}, which is missing",
                    claim.id
                ))
            })?;
            source.entity = Some(entity);
        }
    }
    for row in &relays {
        let Some(n) = claim_at(row) else { continue };
        let entity = row.get::<_, Option<i64>>(4).map(|_| entity_from(row, 4));
        claims[n].relays.push(SourceRef {
            name: row.get(1),
            entity,
            span: span(row.get(2), row.get(3)),
        });
    }
    for row in &about {
        let Some(n) = claim_at(row) else { continue };
        let entity = entity_from(row, 1);
        if !claims[n].about.contains(&entity) {
            claims[n].about.push(entity);
        }
    }
    for row in &dates {
        let Some(n) = claim_at(row) else { continue };
        claims[n].dates.push(DateFact {
            text: row.get(1),
            value: row.get(2),
            end_value: row.get(3),
            span: span(row.get(4), row.get(5)).unwrap_or_default(),
        });
    }
    for row in &quantities {
        let Some(n) = claim_at(row) else { continue };
        claims[n].quantities.push(QuantityFact {
            text: row.get(1),
            kind: row.get(2),
            value: row.get(3),
            min: row.get(4),
            max: row.get(5),
            unit: row.get(6),
            span: span(row.get(7), row.get(8)).unwrap_or_default(),
        });
    }
    for row in &places {
        let Some(n) = claim_at(row) else { continue };
        claims[n].places.push(PlaceFact {
            text: row.get(1),
            name: row.get(2),
            geonames_id: row.get::<_, Option<i64>>(3).map(|id| id as u64),
            lat: row.get(4),
            lon: row.get(5),
            precision: row.get::<_, i32>(6) as u8,
            span: span(row.get(7), row.get(8)).unwrap_or_default(),
        });
    }
    for row in &marks {
        let Some(&n) = at.get(&row.get::<_, i64>(1)) else { continue };
        claims[n].marks.push(mark_row(row));
    }
    for (claim, assessment) in claims.iter_mut().zip(assessments) {
        claim.assessment = assessment;
        claimgraph_store::assess::apply_marks(&mut claim.assessment, &claim.marks);
    }
    Ok(())
}

/// Reads `id, claim_id, status, marked_by, marked_at, note` of `claim_marks`.
pub(crate) fn mark_row(row: &Row) -> ClaimMark {
    ClaimMark {
        id: row.get(0),
        claim_id: row.get(1),
        status: ClaimStatus::parse(row.get(2)).unwrap_or(ClaimStatus::Retracted),
        by: row.get(3),
        at: row.get(4),
        note: row.get(5),
    }
}

type SourceRow = (Option<i64>, String, String, i64, i64, Option<NaiveDate>, Option<NaiveDate>);

fn source_row(row: &Row) -> SourceRow {
    (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6))
}

pub async fn sources(tx: &Tx<'_>) -> Result<Vec<SourceSummary>, StoreError> {
    // Speakers and relays are keyed by entity when resolved, else by normalized name.
    let mut speakers: HashMap<(Option<i64>, String), SourceSummary> = HashMap::new();
    let said = rows(
        tx,
        "SELECT c.source_entity_id, CASE WHEN c.source_entity_id IS NULL THEN c.source_norm
                 ELSE '' END AS key,
             MIN(c.source_name), COUNT(*), COUNT(DISTINCT c.document_id),
             MIN(d.doc_date), MAX(d.doc_date)
         FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE c.voice = 'attributed' GROUP BY 1, 2",
        &[],
    )
    .await?;
    for row in &said {
        let (entity_id, key, name, n_claims, n_documents, first_seen, last_seen) = source_row(row);
        let entity = match entity_id {
            Some(id) => Some(entity_ref(tx, id).await?),
            None => None,
        };
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
    let relayed = rows(
        tx,
        "SELECT r.entity_id, CASE WHEN r.entity_id IS NULL THEN r.norm ELSE '' END AS key,
             MIN(r.name), COUNT(DISTINCT r.claim_id), COUNT(DISTINCT c.document_id),
             MIN(d.doc_date), MAX(d.doc_date)
         FROM claim_relays r JOIN claims c ON c.id = r.claim_id
         JOIN documents d ON d.id = c.document_id GROUP BY 1, 2",
        &[],
    )
    .await?;
    for row in &relayed {
        let (entity_id, key, name, n_relayed, n_documents, first_seen, last_seen) = source_row(row);
        match speakers.get_mut(&(entity_id, key.clone())) {
            Some(speaker) => {
                speaker.n_relayed = n_relayed as usize;
                speaker.first_seen = min_date(speaker.first_seen, first_seen);
                speaker.last_seen = speaker.last_seen.max(last_seen);
            }
            None => {
                let entity = match entity_id {
                    Some(id) => Some(entity_ref(tx, id).await?),
                    None => None,
                };
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
        speaker.rating = crate::assess::source_rating(tx, entity_id, &norm).await?;
        all.push(speaker);
    }
    let publishers = rows(
        tx,
        "SELECT MIN(d.publisher), COUNT(*),
             (SELECT COUNT(*) FROM claims c JOIN documents d2 ON d2.id = c.document_id
              WHERE c.voice = 'publisher' AND d2.publisher_norm = d.publisher_norm),
             MIN(d.doc_date), MAX(d.doc_date), d.publisher_norm
         FROM documents d WHERE d.publisher_norm IS NOT NULL AND d.publisher_norm != ''
         GROUP BY d.publisher_norm",
        &[],
    )
    .await?;
    for row in &publishers {
        let norm: String = row.get(5);
        all.push(SourceSummary {
            name: row.get(0),
            kind: SourceKind::Publisher,
            entity: None,
            n_documents: row.get::<_, i64>(1) as usize,
            n_claims: row.get::<_, i64>(2) as usize,
            n_relayed: 0,
            first_seen: row.get(3),
            last_seen: row.get(4),
            rating: crate::assess::source_rating(tx, None, &norm).await?,
        });
    }
    all.sort_by(|a, b| {
        (b.n_claims + b.n_relayed)
            .cmp(&(a.n_claims + a.n_relayed))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(all)
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

pub async fn stats(tx: &Tx<'_>) -> Result<Stats, StoreError> {
    let row = one(
        tx,
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities),
             (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM claims),
             (SELECT COUNT(*) FROM claims WHERE voice = 'attributed'),
             (SELECT COUNT(DISTINCT claim_id) FROM claim_relays),
             (SELECT COUNT(DISTINCT publisher_norm) FROM documents WHERE publisher_norm != ''),
             (SELECT COUNT(*) FROM document_origins WHERE original_id != document_id),
             (SELECT COUNT(*) FROM claim_conflicts)",
        &[],
    )
    .await?;
    let count = |idx: usize| row.get::<_, i64>(idx) as usize;
    let mut stats = Stats {
        documents: count(0),
        entities: count(1),
        mentions: count(2),
        claims: count(3),
        attributed_claims: count(4),
        relayed_claims: count(5),
        publishers: count(6),
        copies: count(7),
        conflicts: count(8),
        corroborated_claims: 0,
    };
    // Clusters with more than one origin key are candidates; copies can merge keys
    // (assess.rs), so each candidate is checked with the full rule.
    let candidates = rows(
        tx,
        &format!(
            "SELECT e.cluster_id FROM claim_events e
                 JOIN claims c ON c.id = e.claim_id
                 LEFT JOIN document_origins o ON o.document_id = c.document_id
                 JOIN documents od ON od.id = COALESCE(o.original_id, c.document_id)
             GROUP BY e.cluster_id HAVING COUNT(DISTINCT {}) > 1",
            crate::assess::ORIGIN_KEY_SQL
        ),
        &[],
    )
    .await?;
    let clusters: Vec<i64> = candidates.iter().map(|row| row.get(0)).collect();
    let origins = crate::assess::n_origins(tx, &clusters).await?;
    stats.corroborated_claims = origins.values().filter(|&&n| n > 1).count();
    Ok(stats)
}
