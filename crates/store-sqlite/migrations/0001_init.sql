-- claimgraph store, schema version 1: documents, store-wide entities with the evidence
-- that joined them, claims with sources, relay chains, dates, quantities and places, and
-- FTS5 indexes over document texts and claims.
--
-- Provenance: every fact row points at its document (which records publisher, extractor
-- version and ingest time) and keeps its byte span (start, end) in the document text.

CREATE TABLE documents (
    id                INTEGER PRIMARY KEY,
    -- SHA-256 of the text, hex. The UNIQUE constraint is what makes ingest idempotent.
    content_hash      TEXT NOT NULL UNIQUE,
    external_id       TEXT NOT NULL,
    origin            TEXT NOT NULL,
    title             TEXT,
    url               TEXT,
    author            TEXT,
    publisher         TEXT,
    publisher_norm    TEXT,
    doc_date          TEXT,             -- YYYY-MM-DD
    text              TEXT NOT NULL,
    n_sentences       INTEGER NOT NULL,
    extractor_version TEXT NOT NULL,
    ingested_at       INTEGER NOT NULL  -- seconds since the Unix epoch
);
CREATE INDEX documents_external_id ON documents (external_id);
CREATE INDEX documents_publisher_norm ON documents (publisher_norm);

-- Store-wide entities: one thing named across documents.
CREATE TABLE entities (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    label TEXT NOT NULL
);

-- The names by which documents' entities join a store-wide entity: one entity per
-- (label, normalized name). The first document to use a name claims it.
CREATE TABLE entity_keys (
    label       TEXT NOT NULL,
    norm        TEXT NOT NULL,
    entity_id   INTEGER NOT NULL REFERENCES entities (id),
    document_id INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (label, norm)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (entity_id);

-- One document's entity, joined to a store-wide entity. `matched_norm` and
-- `matched_document_id` explain a join: the name it shared and where that name was first
-- seen; both NULL when this occurrence created the entity.
CREATE TABLE entity_occurrences (
    id                  INTEGER PRIMARY KEY,
    entity_id           INTEGER NOT NULL REFERENCES entities (id),
    document_id         INTEGER NOT NULL REFERENCES documents (id),
    local_index         INTEGER NOT NULL,
    name                TEXT NOT NULL,
    n_mentions          INTEGER NOT NULL,
    matched_norm        TEXT,
    matched_document_id INTEGER REFERENCES documents (id),
    UNIQUE (document_id, local_index)
);
CREATE INDEX entity_occurrences_entity ON entity_occurrences (entity_id);

-- Every distinct name of an entity in a document, with why it names that entity.
CREATE TABLE entity_aliases (
    entity_id   INTEGER NOT NULL REFERENCES entities (id),
    document_id INTEGER NOT NULL REFERENCES documents (id),
    alias       TEXT NOT NULL,
    norm        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL
);
CREATE INDEX entity_aliases_norm ON entity_aliases (norm);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

CREATE TABLE mentions (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    entity_id   INTEGER NOT NULL REFERENCES entities (id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    source      TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions (document_id);

CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents (id),
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL,
    content          TEXT NOT NULL,
    voice            TEXT NOT NULL,      -- 'attributed' | 'publisher'
    form             TEXT,
    cue              TEXT,
    source_name      TEXT,
    source_norm      TEXT,
    source_entity_id INTEGER REFERENCES entities (id),
    source_start     INTEGER,
    source_end       INTEGER,
    stance           TEXT NOT NULL,      -- 'asserts' | 'denies'
    negated          INTEGER NOT NULL,
    has_subject      INTEGER NOT NULL,
    hedges           TEXT NOT NULL,      -- hedge words joined by U+001F
    date_start       TEXT,               -- the days the claim is about, YYYY-MM-DD
    date_end         TEXT
);
CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX claims_source_entity ON claims (source_entity_id);
CREATE INDEX claims_source_norm ON claims (source_norm);

-- The relay chain, from the first relay outward (position 1 relays the source directly).
CREATE TABLE claim_relays (
    claim_id  INTEGER NOT NULL REFERENCES claims (id),
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    norm      TEXT NOT NULL,
    entity_id INTEGER REFERENCES entities (id),
    start     INTEGER,
    end       INTEGER,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;
CREATE INDEX claim_relays_entity ON claim_relays (entity_id);

CREATE TABLE claim_entities (
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    position   INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;
CREATE INDEX claim_entities_entity ON claim_entities (entity_id);

CREATE TABLE claim_dates (
    claim_id  INTEGER NOT NULL REFERENCES claims (id),
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     TEXT,
    end_value TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

CREATE TABLE claim_quantities (
    claim_id  INTEGER NOT NULL REFERENCES claims (id),
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    value     REAL,
    min       REAL,
    max       REAL,
    unit      TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

CREATE TABLE claim_places (
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT NOT NULL,
    norm        TEXT NOT NULL,
    geonames_id INTEGER,
    lat         REAL,
    lon         REAL,
    precision   INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;
CREATE INDEX claim_places_norm ON claim_places (norm);

-- Full-text indexes. External content: the text lives once, in documents and claims; rows
-- are added in the same transaction as the row they index (documents are never updated).
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    content, content = 'claims', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
