//! Export and import of every table in the neutral form of `claimgraph_store::dump`, for
//! `claimgraph copy`. PostgreSQL's own types are converted in SQL: `BOOLEAN` to 0 or 1,
//! `DATE` to "YYYY-MM-DD", hedge arrays to words joined by U+001F, and back on import;
//! the claim tables' `document_id` (kept for sharding) is looked up from the claim.
//!
//! Export reads in chunks by key (keyset pagination), each chunk in its own short
//! transaction, so the sink (which may write to another PostgreSQL store) never runs
//! inside this store's runtime. Copy a store nobody is writing to.

use tokio_postgres::types::ToSql;

use claimgraph_store::StoreError;
use claimgraph_store::dump::{Dump, Kind, Row, Table, Value};

use crate::{PgStore, exec, rows};

/// Rows per chunk.
const CHUNK: i64 = 5000;

/// Tables whose rows belong to a claim and carry its document id here.
const BY_CLAIM: &[&str] = &[
    "claim_relays",
    "claim_entities",
    "claim_dates",
    "claim_quantities",
    "claim_places",
    "claim_events",
];

/// Tables with an identity `id` whose sequence must follow imported ids.
const WITH_ID: &[&str] = &[
    "documents",
    "entities",
    "entity_occurrences",
    "entity_aliases",
    "mentions",
    "claims",
    "source_ratings",
    "entity_merges",
    "entity_merge_moves",
    "claim_marks",
];

fn pg_name(name: &str) -> &str {
    match name {
        "start" => "start_at",
        "end" => "end_at",
        other => other,
    }
}

fn kind_of(table: &Table, name: &str) -> Kind {
    table.columns.iter().find(|c| c.name == name).map_or(Kind::Text, |c| c.kind)
}

/// A key column, compared byte-wise when it is text (SQLite's order).
fn key_expr(table: &Table, name: &str) -> String {
    match kind_of(table, name) {
        Kind::Text => format!("{} COLLATE \"C\"", pg_name(name)),
        _ => pg_name(name).to_string(),
    }
}

type Param = Box<dyn ToSql + Sync + Send>;

fn key_param(value: &Value) -> Param {
    match value {
        Value::Int(n) => Box::new(*n),
        Value::Text(text) => Box::new(text.clone()),
        Value::Real(x) => Box::new(*x),
        Value::Blob(bytes) => Box::new(bytes.clone()),
        Value::Null => Box::new(None::<i64>),
    }
}

impl Dump for PgStore {
    fn export_table(
        &self,
        table: &Table,
        sink: &mut dyn FnMut(Vec<Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|column| {
                let name = pg_name(column.name);
                match column.kind {
                    Kind::Int => format!("{name}::BIGINT"),
                    Kind::Real => format!("{name}::FLOAT8"),
                    Kind::Text | Kind::Blob => name.to_string(),
                    Kind::Bool => format!("{name}::INT::BIGINT"),
                    Kind::Date => format!("to_char({name}, 'YYYY-MM-DD')"),
                    Kind::Words => format!("array_to_string({name}, chr(31))"),
                }
            })
            .collect();
        let keys: Vec<String> = table.key.iter().map(|k| key_expr(table, k)).collect();
        let key_positions: Vec<usize> = table
            .key
            .iter()
            .map(|k| table.columns.iter().position(|c| c.name == *k).unwrap_or(0))
            .collect();
        let first = format!(
            "SELECT {} FROM {} ORDER BY {} LIMIT {CHUNK}",
            columns.join(", "),
            table.name,
            keys.join(", ")
        );
        let casts: Vec<String> = table
            .key
            .iter()
            .enumerate()
            .map(|(idx, k)| match kind_of(table, k) {
                Kind::Text => format!("${}::TEXT COLLATE \"C\"", idx + 1),
                _ => format!("${}::BIGINT", idx + 1),
            })
            .collect();
        let next = format!(
            "SELECT {} FROM {} WHERE ({}) > ({}) ORDER BY {} LIMIT {CHUNK}",
            columns.join(", "),
            table.name,
            keys.join(", "),
            casts.join(", "),
            keys.join(", ")
        );
        let mut last: Option<Vec<Value>> = None;
        loop {
            let chunk: Vec<Row> = self.read(async |tx| {
                let found = match &last {
                    None => rows(tx, &first, &[]).await?,
                    Some(key) => {
                        let params: Vec<Param> = key.iter().map(key_param).collect();
                        let refs: Vec<&(dyn ToSql + Sync)> =
                            params.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect();
                        rows(tx, &next, &refs).await?
                    }
                };
                Ok(found
                    .iter()
                    .map(|row| {
                        table
                            .columns
                            .iter()
                            .enumerate()
                            .map(|(idx, column)| match column.kind {
                                Kind::Int | Kind::Bool => {
                                    row.get::<_, Option<i64>>(idx).map_or(Value::Null, Value::Int)
                                }
                                Kind::Real => {
                                    row.get::<_, Option<f64>>(idx).map_or(Value::Null, Value::Real)
                                }
                                Kind::Blob => row
                                    .get::<_, Option<Vec<u8>>>(idx)
                                    .map_or(Value::Null, Value::Blob),
                                Kind::Text | Kind::Date | Kind::Words => row
                                    .get::<_, Option<String>>(idx)
                                    .map_or(Value::Null, Value::Text),
                            })
                            .collect()
                    })
                    .collect())
            })?;
            let Some(end) = chunk.last() else { break };
            last = Some(key_positions.iter().map(|&at| end[at].clone()).collect());
            let full = chunk.len() as i64 == CHUNK;
            sink(chunk)?;
            if !full {
                break;
            }
        }
        Ok(())
    }

    fn import_rows(&self, table: &Table, rows_in: &[Row]) -> Result<(), StoreError> {
        if rows_in.is_empty() {
            return Ok(());
        }
        let mut names: Vec<String> = Vec::new();
        let mut exprs: Vec<String> = Vec::new();
        let mut arrays: Vec<String> = Vec::new();
        let mut params: Vec<Param> = Vec::new();
        for (idx, column) in table.columns.iter().enumerate() {
            let n = idx + 1;
            names.push(pg_name(column.name).to_string());
            let values = rows_in.iter().map(|row| row.get(idx).cloned().unwrap_or(Value::Null));
            let (array, expr, param): (&str, String, Param) = match column.kind {
                Kind::Int | Kind::Bool => {
                    let ints: Vec<Option<i64>> = values
                        .map(|v| match v {
                            Value::Int(n) => Some(n),
                            Value::Real(x) => Some(x as i64),
                            _ => None,
                        })
                        .collect();
                    let expr = if column.kind == Kind::Bool {
                        format!("(u.c{n} <> 0)")
                    } else {
                        format!("u.c{n}")
                    };
                    ("BIGINT[]", expr, Box::new(ints))
                }
                Kind::Real => {
                    let reals: Vec<Option<f64>> = values
                        .map(|v| match v {
                            Value::Real(x) => Some(x),
                            Value::Int(n) => Some(n as f64),
                            _ => None,
                        })
                        .collect();
                    ("FLOAT8[]", format!("u.c{n}"), Box::new(reals))
                }
                Kind::Blob => {
                    let blobs: Vec<Option<Vec<u8>>> = values
                        .map(|v| match v {
                            Value::Blob(bytes) => Some(bytes),
                            Value::Text(text) => Some(text.into_bytes()),
                            _ => None,
                        })
                        .collect();
                    ("BYTEA[]", format!("u.c{n}"), Box::new(blobs))
                }
                Kind::Text | Kind::Date | Kind::Words => {
                    let texts: Vec<Option<String>> = values
                        .map(|v| match v {
                            Value::Text(text) => Some(text),
                            Value::Int(n) => Some(n.to_string()),
                            Value::Real(x) => Some(x.to_string()),
                            Value::Blob(bytes) => {
                                Some(String::from_utf8_lossy(&bytes).into_owned())
                            }
                            Value::Null => None,
                        })
                        .collect();
                    let expr = match column.kind {
                        Kind::Date => format!("u.c{n}::DATE"),
                        Kind::Words => format!("string_to_array(u.c{n}, chr(31))"),
                        _ => format!("u.c{n}"),
                    };
                    ("TEXT[]", expr, Box::new(texts))
                }
            };
            arrays.push(format!("${n}::{array}"));
            exprs.push(expr);
            params.push(param);
        }
        if BY_CLAIM.contains(&table.name) {
            let claim = table.columns.iter().position(|c| c.name == "claim_id").unwrap_or(0) + 1;
            names.push("document_id".to_string());
            exprs.push(format!("(SELECT c.document_id FROM claims c WHERE c.id = u.c{claim})"));
        }
        let aliases: Vec<String> = (1..=table.columns.len()).map(|n| format!("c{n}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) SELECT {} FROM unnest({}) AS u ({})",
            table.name,
            names.join(", "),
            exprs.join(", "),
            arrays.join(", "),
            aliases.join(", ")
        );
        self.write(async |tx| {
            let refs: Vec<&(dyn ToSql + Sync)> =
                params.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect();
            exec(tx, &sql, &refs).await?;
            Ok(())
        })
    }

    fn finish_import(&self) -> Result<(), StoreError> {
        self.write(async |tx| {
            // Occurrences carry their document's date for the entity profile's indexes;
            // the dump leaves it out as the SQLite store's does (it is derived).
            exec(
                tx,
                "UPDATE entity_occurrences o SET doc_date = d.doc_date
                 FROM documents d
                 WHERE d.id = o.document_id AND o.doc_date IS DISTINCT FROM d.doc_date",
                &[],
            )
            .await?;
            for table in WITH_ID {
                exec(
                    tx,
                    &format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                             COALESCE((SELECT MAX(id) FROM {table}), 1),
                             (SELECT MAX(id) FROM {table}) IS NOT NULL)"
                    ),
                    &[],
                )
                .await?;
            }
            Ok(())
        })?;
        // Statistics for the planner and the word shares that choose how search reads
        // (`read.rs`, `readings`), as after an ingest.
        claimgraph_store::Store::optimize(self, 1)
    }
}
