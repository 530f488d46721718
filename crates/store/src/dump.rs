//! A store's rows in a backend-neutral form, for copying a whole knowledge base from one
//! backend to another (`claimgraph copy`) without losing anything: every table, every
//! id, in dependency order.
//!
//! [`TABLES`] names each table and its columns as the SQLite schema does; a backend maps
//! them to its own layout (PostgreSQL's `start_at` for `start`, its `BOOLEAN`, `DATE`
//! and `TEXT[]` for what SQLite keeps as integers and text). Values travel as
//! [`Value`]s in the canonical form of their [`Kind`], so that an export from either
//! backend of the same knowledge base is equal row for row (the copy test compares
//! them). Derived data (full-text indexes) is not copied but rebuilt by
//! [`Dump::finish_import`].

use crate::StoreError;

/// How a column's values are kept in the neutral form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Real,
    Text,
    Blob,
    /// A truth value, as `Int` 0 or 1.
    Bool,
    /// A day, as `Text` "YYYY-MM-DD".
    Date,
    /// A list of words, as `Text` joined by U+001F.
    Words,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// The columns that order (and identify) its rows.
    pub key: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

pub type Row = Vec<Value>;

/// Exports and imports rows of [`TABLES`]; implemented by every backend.
pub trait Dump {
    /// Every row of `table` ordered by its key, handed to `sink` in chunks.
    fn export_table(
        &self,
        table: &Table,
        sink: &mut dyn FnMut(Vec<Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Inserts rows (with their ids) into `table` of an empty store, in one transaction.
    fn import_rows(&self, table: &Table, rows: &[Row]) -> Result<(), StoreError>;

    /// Rebuilds what is derived from the imported rows (search indexes, id sequences).
    fn finish_import(&self) -> Result<(), StoreError>;
}

const fn c(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

use Kind::{Blob, Bool, Date, Int, Real, Text, Words};

/// Every table of a store, parents before children.
pub const TABLES: &[Table] = &[
    Table {
        name: "documents",
        columns: &[
            c("id", Int),
            c("content_hash", Text),
            c("external_id", Text),
            c("origin", Text),
            c("title", Text),
            c("url", Text),
            c("author", Text),
            c("publisher", Text),
            c("publisher_norm", Text),
            c("doc_date", Date),
            c("text", Text),
            c("n_sentences", Int),
            c("extractor_version", Text),
            c("ingested_at", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "entities",
        columns: &[c("id", Int), c("name", Text), c("label", Text)],
        key: &["id"],
    },
    Table {
        name: "entity_keys",
        columns: &[c("label", Text), c("norm", Text), c("entity_id", Int), c("document_id", Int)],
        key: &["label", "norm"],
    },
    Table {
        name: "entity_occurrences",
        columns: &[
            c("id", Int),
            c("entity_id", Int),
            c("document_id", Int),
            c("local_index", Int),
            c("name", Text),
            c("n_mentions", Int),
            c("matched_norm", Text),
            c("matched_document_id", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "entity_aliases",
        columns: &[
            c("id", Int),
            c("entity_id", Int),
            c("document_id", Int),
            c("alias", Text),
            c("norm", Text),
            c("reason", Text),
            c("start", Int),
            c("end", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "mentions",
        columns: &[
            c("id", Int),
            c("document_id", Int),
            c("entity_id", Int),
            c("start", Int),
            c("end", Int),
            c("source", Text),
        ],
        key: &["id"],
    },
    Table {
        name: "claims",
        columns: &[
            c("id", Int),
            c("document_id", Int),
            c("start", Int),
            c("end", Int),
            c("content", Text),
            c("voice", Text),
            c("form", Text),
            c("cue", Text),
            c("source_name", Text),
            c("source_norm", Text),
            c("source_entity_id", Int),
            c("source_start", Int),
            c("source_end", Int),
            c("stance", Text),
            c("negated", Bool),
            c("has_subject", Bool),
            c("hedges", Words),
            c("date_start", Date),
            c("date_end", Date),
            c("cue_start", Int),
            c("cue_end", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "claim_relays",
        columns: &[
            c("claim_id", Int),
            c("position", Int),
            c("name", Text),
            c("norm", Text),
            c("entity_id", Int),
            c("start", Int),
            c("end", Int),
        ],
        key: &["claim_id", "position"],
    },
    Table {
        name: "claim_entities",
        columns: &[c("claim_id", Int), c("position", Int), c("entity_id", Int)],
        key: &["claim_id", "position"],
    },
    Table {
        name: "claim_dates",
        columns: &[
            c("claim_id", Int),
            c("position", Int),
            c("text", Text),
            c("value", Text),
            c("end_value", Text),
            c("start", Int),
            c("end", Int),
        ],
        key: &["claim_id", "position"],
    },
    Table {
        name: "claim_quantities",
        columns: &[
            c("claim_id", Int),
            c("position", Int),
            c("text", Text),
            c("kind", Text),
            c("value", Real),
            c("min", Real),
            c("max", Real),
            c("unit", Text),
            c("start", Int),
            c("end", Int),
        ],
        key: &["claim_id", "position"],
    },
    Table {
        name: "claim_places",
        columns: &[
            c("claim_id", Int),
            c("position", Int),
            c("text", Text),
            c("name", Text),
            c("norm", Text),
            c("geonames_id", Int),
            c("lat", Real),
            c("lon", Real),
            c("precision", Int),
            c("start", Int),
            c("end", Int),
        ],
        key: &["claim_id", "position"],
    },
    Table {
        name: "document_signatures",
        columns: &[c("document_id", Int), c("signature", Blob)],
        key: &["document_id"],
    },
    Table {
        name: "document_bands",
        columns: &[c("band_key", Int), c("document_id", Int)],
        key: &["band_key", "document_id"],
    },
    Table {
        name: "document_origins",
        columns: &[
            c("document_id", Int),
            c("original_id", Int),
            c("matched_document_id", Int),
            c("similarity", Real),
        ],
        key: &["document_id"],
    },
    Table {
        name: "claim_events",
        columns: &[
            c("claim_id", Int),
            c("subject_id", Int),
            c("cluster_id", Int),
            c("tokens", Blob),
            c("figures", Text),
            c("day_start", Date),
            c("day_end", Date),
            c("places", Text),
            c("negative", Bool),
        ],
        key: &["claim_id"],
    },
    Table {
        name: "claim_bands",
        columns: &[c("band_key", Int), c("claim_id", Int)],
        key: &["band_key", "claim_id"],
    },
    Table {
        name: "claim_conflicts",
        columns: &[
            c("claim_a", Int),
            c("claim_b", Int),
            c("similarity", Real),
            c("kinds", Text),
            c("detail", Text),
        ],
        key: &["claim_a", "claim_b"],
    },
    Table {
        name: "source_ratings",
        columns: &[
            c("id", Int),
            c("name", Text),
            c("norm", Text),
            c("entity_id", Int),
            c("rating", Text),
            c("rated_by", Text),
            c("rated_at", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "entity_merges",
        columns: &[
            c("id", Int),
            c("into_id", Int),
            c("from_id", Int),
            c("kind", Text),
            c("merged_by", Text),
            c("merged_at", Int),
            c("reason", Text),
            c("undone_at", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "entity_merge_moves",
        columns: &[
            c("id", Int),
            c("merge_id", Int),
            c("what", Text),
            c("a", Int),
            c("b", Int),
            c("key", Text),
        ],
        key: &["id"],
    },
    Table {
        name: "claim_marks",
        columns: &[
            c("id", Int),
            c("claim_id", Int),
            c("status", Text),
            c("marked_by", Text),
            c("marked_at", Int),
            c("note", Text),
        ],
        key: &["id"],
    },
    Table {
        name: "entity_public_marks",
        columns: &[c("entity_id", Int), c("public", Bool)],
        key: &["entity_id"],
    },
];
