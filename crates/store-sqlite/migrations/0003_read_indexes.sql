-- claimgraph store, schema version 3: cue spans and analysts' verdicts on claims; and what
-- an entity's page reads comes from indexes, so that it answers in the same time whether
-- the entity is in ten documents or ten thousand.

-- Each occurrence keeps its document's date (documents never change), so that first and
-- last seen are two index lookups, and counting documents and mentions reads one index.
ALTER TABLE entity_occurrences ADD COLUMN doc_date TEXT;
UPDATE entity_occurrences
SET doc_date = (SELECT d.doc_date FROM documents d WHERE d.id = entity_occurrences.document_id);
DROP INDEX entity_occurrences_entity;
CREATE INDEX entity_occurrences_entity
    ON entity_occurrences (entity_id, document_id, n_mentions);
CREATE INDEX entity_occurrences_entity_date ON entity_occurrences (entity_id, doc_date);

-- An entity's names, grouped without reading the table.
DROP INDEX entity_aliases_entity;
CREATE INDEX entity_aliases_entity
    ON entity_aliases (entity_id, alias, reason, document_id, start, end);
-- Which entities go by a name, without reading the table.
DROP INDEX entity_aliases_norm;
CREATE INDEX entity_aliases_norm ON entity_aliases (norm, entity_id);

-- Where each claim's cue is (claims stored before stay NULL: their cue is found by its
-- words between source and content).
ALTER TABLE claims ADD COLUMN cue_start INTEGER;
ALTER TABLE claims ADD COLUMN cue_end INTEGER;

-- Analysts' verdicts on claims, kept as history: the latest stands.
CREATE TABLE claim_marks (
    id        INTEGER PRIMARY KEY,
    claim_id  INTEGER NOT NULL REFERENCES claims (id),
    status    TEXT NOT NULL CHECK (status IN ('confirmed', 'retracted')),
    marked_by TEXT NOT NULL,
    marked_at INTEGER NOT NULL,
    note      TEXT
);
CREATE INDEX claim_marks_claim ON claim_marks (claim_id);
