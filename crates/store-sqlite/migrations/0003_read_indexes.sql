-- claimgraph store, schema version 3: what an entity's page reads comes from indexes, so
-- that it answers in the same time whether the entity is in ten documents or ten thousand.

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
