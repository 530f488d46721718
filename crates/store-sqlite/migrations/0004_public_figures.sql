-- claimgraph store: public-figure marks on people (`claimgraph entity public NAME`), read
-- by redacted exports. A person without a row is judged by the default rule
-- (claimgraph_store::EntityRecord::is_public); a row overrides it either way.

CREATE TABLE entity_public_marks (
    entity_id INTEGER PRIMARY KEY REFERENCES entities (id),
    public    INTEGER NOT NULL CHECK (public IN (0, 1))
);
