-- claimgraph store, schema version 2: near-duplicate documents share one origin; claims
-- are clustered into reports of the same claim, with conflicts between reports of the
-- same event; sources get reliability grades; manual entity merges are recorded so that
-- a split undoes them exactly.
--
-- Nothing here compares all pairs: documents and claims are filed under LSH band keys
-- (claimgraph_store::similarity) and only items sharing a key are ever compared.

-- One MinHash signature per document (little-endian u32 values), for comparing the
-- candidates a band key finds.
CREATE TABLE document_signatures (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    signature   BLOB NOT NULL
);

-- LSH band keys: a document is filed under one key per band of its signature.
CREATE TABLE document_bands (
    band_key    INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;

-- Every document's origin: the earliest document (by date, then ingest order) of its
-- near-duplicate group. An original points at itself. `matched_document_id` and
-- `similarity` explain a copy: the stored document it matched and their estimated
-- Jaccard similarity.
CREATE TABLE document_origins (
    document_id         INTEGER PRIMARY KEY REFERENCES documents (id),
    original_id         INTEGER NOT NULL REFERENCES documents (id),
    matched_document_id INTEGER REFERENCES documents (id),
    similarity          REAL
);
CREATE INDEX document_origins_original ON document_origins (original_id);

-- What the same-event comparison needs of each claim: its subject (store-wide entity),
-- its cluster (the id of the first claim reported the same way), its token set (sorted
-- u32 hashes) and the facts a report of the same event must share.
CREATE TABLE claim_events (
    claim_id   INTEGER PRIMARY KEY REFERENCES claims (id),
    subject_id INTEGER REFERENCES entities (id),
    cluster_id INTEGER NOT NULL,
    tokens     BLOB NOT NULL,
    figures    TEXT NOT NULL,      -- "kind low high" joined by ';'
    day_start  TEXT,               -- the claim's own dates, YYYY-MM-DD
    day_end    TEXT,
    places     TEXT NOT NULL,      -- gazetteer ids or normalized names joined by U+001F
    negative   INTEGER NOT NULL
);
CREATE INDEX claim_events_cluster ON claim_events (cluster_id);

CREATE TABLE claim_bands (
    band_key INTEGER NOT NULL,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    PRIMARY KEY (band_key, claim_id)
) WITHOUT ROWID;

-- Reports of the same event that disagree; `claim_a` is the earlier claim.
CREATE TABLE claim_conflicts (
    claim_a    INTEGER NOT NULL REFERENCES claims (id),
    claim_b    INTEGER NOT NULL REFERENCES claims (id),
    similarity REAL NOT NULL,
    kinds      TEXT NOT NULL,      -- "figures", "dates", "places", "polarity" joined by ','
    detail     TEXT NOT NULL,      -- for people: "figures: 40 vs 52"
    PRIMARY KEY (claim_a, claim_b)
) WITHOUT ROWID;
CREATE INDEX claim_conflicts_b ON claim_conflicts (claim_b);

-- Admiralty reliability grades, kept as history: the latest for a source applies.
CREATE TABLE source_ratings (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    norm      TEXT NOT NULL,
    entity_id INTEGER REFERENCES entities (id),
    rating    TEXT NOT NULL CHECK (rating IN ('A', 'B', 'C', 'D', 'E', 'F')),
    rated_by  TEXT NOT NULL,
    rated_at  INTEGER NOT NULL
);
CREATE INDEX source_ratings_norm ON source_ratings (norm);
CREATE INDEX source_ratings_entity ON source_ratings (entity_id);

-- Manual merges (and the splits that undo them). The merged entity's row stays, so a
-- split gives it back its id.
CREATE TABLE entity_merges (
    id        INTEGER PRIMARY KEY,
    into_id   INTEGER NOT NULL REFERENCES entities (id),
    from_id   INTEGER NOT NULL REFERENCES entities (id),
    kind      TEXT NOT NULL,       -- 'merge' | 'split'
    merged_by TEXT NOT NULL,
    merged_at INTEGER NOT NULL,
    reason    TEXT,
    undone_at INTEGER
);
CREATE INDEX entity_merges_into ON entity_merges (into_id);
CREATE INDEX entity_merges_from ON entity_merges (from_id);

-- Exactly which rows a merge or split moved, so that undoing it moves those and no
-- others: `what` names the table, (a, b) or `key` its row ("label U+001F norm" for
-- entity_keys).
CREATE TABLE entity_merge_moves (
    merge_id INTEGER NOT NULL REFERENCES entity_merges (id),
    what     TEXT NOT NULL,
    a        INTEGER NOT NULL,
    b        INTEGER NOT NULL,
    key      TEXT
);
CREATE INDEX entity_merge_moves_merge ON entity_merge_moves (merge_id);
