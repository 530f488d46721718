-- claimgraph store (PostgreSQL), schema version 4: the word shares that choose how a
-- search reads documents and claims.
--
-- A search first asks how common its words are (`read.rs`, `readings`). That came from
-- `pg_stats`, a view over four catalogs whose planning alone cost a new connection more
-- than the rest of the step: every command-line search opens a new one. This table holds
-- the same figures, copied from `pg_stats` each time the store analyzes `documents` and
-- `claims` (`write.rs`, `REFRESH_WORD_SHARES`): per table, the share of rows holding each
-- of its most common words, and under the word '' the share below which every other word
-- lies. It is small (a thousand words a table) and read by its primary key.
--
-- For Citus it is a reference table, copied to every node (docs/SCALING.md).

CREATE TABLE search_word_shares (
    table_name TEXT NOT NULL,   -- 'documents' | 'claims'
    word       TEXT NOT NULL,   -- a lexeme of the `search` column; '' for all others
    share      REAL NOT NULL,
    PRIMARY KEY (table_name, word)
);

-- Copies the shares from `pg_stats` (run after `ANALYZE documents, claims`). Writers that
-- analyze at the same time take turns (the advisory lock): otherwise one could insert a
-- word that the other's delete did not see.
CREATE FUNCTION refresh_search_word_shares() RETURNS VOID LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(7162743723350189171);  -- "cg-words" in ASCII
    DELETE FROM search_word_shares;
    INSERT INTO search_word_shares (table_name, word, share)
    SELECT s.tablename::TEXT, e.word, e.share
    FROM pg_stats s
    CROSS JOIN LATERAL unnest(s.most_common_elems::TEXT::TEXT[], s.most_common_elem_freqs)
        AS e (word, share)
    WHERE s.schemaname = current_schema() AND s.attname = 'search'
        AND s.tablename IN ('documents', 'claims') AND e.word IS NOT NULL
    UNION ALL
    -- `most_common_elem_freqs` goes on after the words' shares with the smallest of them.
    SELECT s.tablename::TEXT, '',
        s.most_common_elem_freqs[array_length(s.most_common_elems::TEXT::TEXT[], 1) + 1]
    FROM pg_stats s
    WHERE s.schemaname = current_schema() AND s.attname = 'search'
        AND s.tablename IN ('documents', 'claims') AND s.most_common_elems IS NOT NULL;
$$;

-- A store analyzed before this version gets its shares now, not at its next ingest.
SELECT refresh_search_word_shares();
