-- claimgraph store (PostgreSQL), schema version 5: entity profiles that do not count
-- every row of an entity each time they are read.
--
-- 1. The newest claims of a source come from an index in id order.
--
-- A profile lists the newest claims an entity is the source of. The index on
-- `source_entity_id` alone gave them by reading every such claim from the table and
-- sorting: 712 table pages for a prolific speaker at 100,000 documents, 36 ms before
-- the first row; with the id in the key it reads the newest 25 entries backwards. The
-- count of the claims a source made reads the same index, so it replaces the old one.

CREATE INDEX claims_source_entity_newest ON claims (source_entity_id, id);
DROP INDEX claims_source_entity;

-- 2. An entity's totals are kept up to a watermark and counted live above it.
--
-- A profile shows how many mentions, documents and claims name the entity. Counting
-- them read every index entry of the entity: 17,080 occurrences and 34,485 claim links
-- for "US" at 100,000 documents, 11-13 ms, and at 100 million documents a thousand times
-- more. `entity_counts` holds each entity's totals over the documents and claims up to
-- the ids in `entity_counts_upto`; a profile adds what lies above them, read from the
-- same indexes as before but only their newest entries. Ids only grow, and the writers
-- take them in turn under one advisory lock (`write.rs`), so no row ever lands below a
-- watermark once it is set.
--
-- `refresh_entity_counts()` (run by `optimize` after each ingest and after `copy`) adds
-- the rows between the old watermark and the newest ids, and moves the watermark: its
-- cost follows what was ingested since, not the size of the store. A merge or split
-- moves rows of two entities at any id; it recounts both (`recount_entities`) in its own
-- transaction.
--
-- For Citus `entity_counts` is distributed by entity id like `entities`, and the
-- watermark is a reference table (docs/SCALING.md).

CREATE TABLE entity_counts (
    entity_id      BIGINT PRIMARY KEY,
    n_mentions     BIGINT NOT NULL DEFAULT 0,
    n_documents    BIGINT NOT NULL DEFAULT 0,
    first_seen     DATE,
    last_seen      DATE,
    n_claims_by    BIGINT NOT NULL DEFAULT 0,
    n_claims_about BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE entity_counts_upto (
    one       BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    documents BIGINT NOT NULL,  -- occurrences of documents with id <= this are counted
    claims    BIGINT NOT NULL   -- claims and claim links with claim id <= this are counted
);
INSERT INTO entity_counts_upto (documents, claims) VALUES (0, 0);

-- The totals of the given entities below the current watermark, computed anew.
CREATE FUNCTION recount_entities(ids BIGINT[]) RETURNS VOID LANGUAGE sql AS $$
    DELETE FROM entity_counts WHERE entity_id = ANY(ids);
    INSERT INTO entity_counts (entity_id, n_mentions, n_documents, first_seen, last_seen,
                               n_claims_by, n_claims_about)
    SELECT e.id,
        COALESCE((SELECT SUM(o.n_mentions) FROM entity_occurrences o
                  WHERE o.entity_id = e.id AND o.document_id <= w.documents), 0),
        (SELECT COUNT(DISTINCT o.document_id) FROM entity_occurrences o
         WHERE o.entity_id = e.id AND o.document_id <= w.documents),
        (SELECT MIN(o.doc_date) FROM entity_occurrences o
         WHERE o.entity_id = e.id AND o.document_id <= w.documents),
        (SELECT MAX(o.doc_date) FROM entity_occurrences o
         WHERE o.entity_id = e.id AND o.document_id <= w.documents),
        (SELECT COUNT(*) FROM claims c WHERE c.source_entity_id = e.id AND c.id <= w.claims),
        (SELECT COUNT(DISTINCT ce.claim_id) FROM claim_entities ce
         WHERE ce.entity_id = e.id AND ce.claim_id <= w.claims)
    FROM (SELECT DISTINCT unnest(ids) AS id) e CROSS JOIN entity_counts_upto w;
$$;

-- Adds the rows above the watermark up to the newest ids, and moves the watermark.
-- Writers wait meanwhile (their advisory lock, `write.rs` WRITER_LOCK): a batch that
-- committed between reading the newest ids and moving the watermark would be lost.
CREATE FUNCTION refresh_entity_counts() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    old_documents BIGINT;
    old_claims    BIGINT;
    new_documents BIGINT;
    new_claims    BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(7162825065635276146);  -- "cgwriter" in ASCII
    SELECT documents, claims INTO old_documents, old_claims FROM entity_counts_upto;
    new_documents := COALESCE((SELECT MAX(id) FROM documents), 0);
    new_claims := COALESCE((SELECT MAX(id) FROM claims), 0);
    INSERT INTO entity_counts AS t (entity_id, n_mentions, n_documents, first_seen, last_seen)
    SELECT o.entity_id, SUM(o.n_mentions), COUNT(DISTINCT o.document_id), MIN(o.doc_date),
           MAX(o.doc_date)
    FROM entity_occurrences o
    WHERE o.document_id > old_documents AND o.document_id <= new_documents
    GROUP BY o.entity_id
    ON CONFLICT (entity_id) DO UPDATE SET
        n_mentions = t.n_mentions + excluded.n_mentions,
        n_documents = t.n_documents + excluded.n_documents,
        first_seen = LEAST(t.first_seen, excluded.first_seen),
        last_seen = GREATEST(t.last_seen, excluded.last_seen);
    INSERT INTO entity_counts AS t (entity_id, n_claims_by)
    SELECT c.source_entity_id, COUNT(*)
    FROM claims c
    WHERE c.id > old_claims AND c.id <= new_claims AND c.source_entity_id IS NOT NULL
    GROUP BY c.source_entity_id
    ON CONFLICT (entity_id) DO UPDATE SET n_claims_by = t.n_claims_by + excluded.n_claims_by;
    INSERT INTO entity_counts AS t (entity_id, n_claims_about)
    SELECT ce.entity_id, COUNT(DISTINCT ce.claim_id)
    FROM claim_entities ce
    WHERE ce.claim_id > old_claims AND ce.claim_id <= new_claims
    GROUP BY ce.entity_id
    ON CONFLICT (entity_id) DO UPDATE SET
        n_claims_about = t.n_claims_about + excluded.n_claims_about;
    UPDATE entity_counts_upto SET documents = new_documents, claims = new_claims;
END
$$;
