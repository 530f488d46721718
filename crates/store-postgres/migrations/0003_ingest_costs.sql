-- claimgraph store (PostgreSQL), schema version 3: what ingest pays for per document.
--
-- 1. The tables that ingest fills keep no foreign keys.
--
-- Why: each foreign key is a trigger that looks up the referenced row for every inserted
-- row. A news document writes a few hundred rows (mentions, aliases, claim facts, LSH
-- band rows), and those checks were about a third of the server's time per document
-- (docs/BENCHMARKS.md, "Ingest into PostgreSQL"). The rows are only ever written by the
-- store's own writer, in one transaction per batch that also writes what they point at,
-- and nothing deletes documents, entities or claims: the keys guarded nothing the
-- transaction does not already. Citus would refuse most of them anyway (a foreign key
-- between distributed tables must include the distribution column; docs/SCALING.md).
--
-- The curation tables (ratings, merges, verdicts, public marks) keep theirs: analysts
-- write them one row at a time, and there the check is cheap and catches a wrong id.

ALTER TABLE entity_keys DROP CONSTRAINT IF EXISTS entity_keys_entity_id_fkey;
ALTER TABLE entity_keys DROP CONSTRAINT IF EXISTS entity_keys_document_id_fkey;
ALTER TABLE entity_occurrences DROP CONSTRAINT IF EXISTS entity_occurrences_entity_id_fkey;
ALTER TABLE entity_occurrences DROP CONSTRAINT IF EXISTS entity_occurrences_document_id_fkey;
ALTER TABLE entity_occurrences
    DROP CONSTRAINT IF EXISTS entity_occurrences_matched_document_id_fkey;
ALTER TABLE entity_aliases DROP CONSTRAINT IF EXISTS entity_aliases_entity_id_fkey;
ALTER TABLE entity_aliases DROP CONSTRAINT IF EXISTS entity_aliases_document_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_document_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_entity_id_fkey;
ALTER TABLE claims DROP CONSTRAINT IF EXISTS claims_document_id_fkey;
ALTER TABLE claims DROP CONSTRAINT IF EXISTS claims_source_entity_id_fkey;
ALTER TABLE claim_relays DROP CONSTRAINT IF EXISTS claim_relays_claim_id_fkey;
ALTER TABLE claim_relays DROP CONSTRAINT IF EXISTS claim_relays_entity_id_fkey;
ALTER TABLE claim_entities DROP CONSTRAINT IF EXISTS claim_entities_claim_id_fkey;
ALTER TABLE claim_entities DROP CONSTRAINT IF EXISTS claim_entities_entity_id_fkey;
ALTER TABLE claim_dates DROP CONSTRAINT IF EXISTS claim_dates_claim_id_fkey;
ALTER TABLE claim_quantities DROP CONSTRAINT IF EXISTS claim_quantities_claim_id_fkey;
ALTER TABLE claim_places DROP CONSTRAINT IF EXISTS claim_places_claim_id_fkey;
ALTER TABLE document_signatures DROP CONSTRAINT IF EXISTS document_signatures_document_id_fkey;
ALTER TABLE document_bands DROP CONSTRAINT IF EXISTS document_bands_document_id_fkey;
ALTER TABLE document_origins DROP CONSTRAINT IF EXISTS document_origins_document_id_fkey;
ALTER TABLE document_origins DROP CONSTRAINT IF EXISTS document_origins_original_id_fkey;
ALTER TABLE document_origins
    DROP CONSTRAINT IF EXISTS document_origins_matched_document_id_fkey;
ALTER TABLE claim_events DROP CONSTRAINT IF EXISTS claim_events_claim_id_fkey;
ALTER TABLE claim_events DROP CONSTRAINT IF EXISTS claim_events_subject_id_fkey;
ALTER TABLE claim_bands DROP CONSTRAINT IF EXISTS claim_bands_claim_id_fkey;
ALTER TABLE claim_conflicts DROP CONSTRAINT IF EXISTS claim_conflicts_claim_a_fkey;
ALTER TABLE claim_conflicts DROP CONSTRAINT IF EXISTS claim_conflicts_claim_b_fkey;

-- 2. Document texts are compressed with LZ4 where the server has it (PostgreSQL 14 and
-- later, built with it, as Debian's is): a news text is longer than the 2 KB at which
-- PostgreSQL compresses, and its default compressor (pglz) is several times slower, on
-- the writer's one core. Stored texts keep their compression until they are rewritten.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4;
        -- A document's tsvector is as long as its text; search ranks a thousand of them.
        ALTER TABLE documents ALTER COLUMN search SET COMPRESSION lz4;
    END IF;
END
$$;

-- 3. Entity profiles from indexes alone (`claimgraph entity`, `GET /api/v1/entities/X`),
-- as the SQLite store does since its migration 0003. An entity in a fifth of the
-- documents has tens of thousands of occurrence, name and claim rows; reading each from
-- the table, and each occurrence's document for its date, took most of a second. Each
-- index below replaces one that led with the same column, so ingest writes no more index
-- entries than before.
ALTER TABLE entity_occurrences ADD COLUMN doc_date DATE;
UPDATE entity_occurrences o SET doc_date = d.doc_date
FROM documents d WHERE d.id = o.document_id AND d.doc_date IS NOT NULL;
DROP INDEX IF EXISTS entity_occurrences_entity;
DROP INDEX IF EXISTS entity_occurrences_entity_document;
-- Counts, first and last dates, and the newest occurrences first.
CREATE INDEX entity_occurrences_entity
    ON entity_occurrences (entity_id, document_id, local_index) INCLUDE (n_mentions, doc_date);
-- Each name once per reason, in the order the profile picks them (a skip scan, read.rs).
DROP INDEX IF EXISTS entity_aliases_entity;
CREATE INDEX entity_aliases_entity
    ON entity_aliases (entity_id, alias, reason, document_id, start_at, id) INCLUDE (end_at);
-- The entities a name may mean.
DROP INDEX IF EXISTS entity_aliases_norm;
CREATE INDEX entity_aliases_norm ON entity_aliases (norm, entity_id);
-- The claims about an entity, newest first.
DROP INDEX IF EXISTS claim_entities_entity;
CREATE INDEX claim_entities_entity ON claim_entities (entity_id, claim_id);
