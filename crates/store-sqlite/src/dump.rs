//! Export and import of every table in the neutral form of `claimgraph_store::dump`, for
//! `claimgraph copy`. SQLite's columns are the neutral names; the three tables without
//! an `id` column (`entity_aliases`, `mentions`, `entity_merge_moves`) export their rowid
//! as `id`, because the merge log refers to their rows by it.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{TransactionBehavior, params_from_iter};

use claimgraph_store::StoreError;
use claimgraph_store::dump::{Dump, Row, Table, Value};

use crate::{SqliteStore, backend};

/// Rows handed to the sink at a time.
const CHUNK: usize = 5000;

/// The SQL name of a neutral column.
fn column(table: &Table, name: &str) -> String {
    let rowid_tables = ["entity_aliases", "mentions", "entity_merge_moves"];
    if name == "id" && rowid_tables.contains(&table.name) {
        "rowid".to_string()
    } else {
        format!("\"{name}\"")
    }
}

impl Dump for SqliteStore {
    fn export_table(
        &self,
        table: &Table,
        sink: &mut dyn FnMut(Vec<Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let conn = self.conn();
        let columns: Vec<String> = table.columns.iter().map(|c| column(table, c.name)).collect();
        let key: Vec<String> = table.key.iter().map(|k| column(table, k)).collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            columns.join(", "),
            table.name,
            key.join(", ")
        );
        let mut statement = conn.prepare(&sql).map_err(backend)?;
        let mut found = statement.query([]).map_err(backend)?;
        let mut chunk = Vec::with_capacity(CHUNK);
        while let Some(row) = found.next().map_err(backend)? {
            let mut values = Vec::with_capacity(columns.len());
            for idx in 0..columns.len() {
                values.push(match row.get_ref(idx).map_err(backend)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::Int(n),
                    ValueRef::Real(x) => Value::Real(x),
                    ValueRef::Text(text) => Value::Text(String::from_utf8_lossy(text).into_owned()),
                    ValueRef::Blob(bytes) => Value::Blob(bytes.to_vec()),
                });
            }
            chunk.push(values);
            if chunk.len() == CHUNK {
                sink(std::mem::take(&mut chunk))?;
            }
        }
        if !chunk.is_empty() {
            sink(chunk)?;
        }
        Ok(())
    }

    fn import_rows(&self, table: &Table, rows: &[Row]) -> Result<(), StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
        {
            let columns: Vec<String> =
                table.columns.iter().map(|c| column(table, c.name)).collect();
            let placeholders: Vec<String> = (1..=columns.len()).map(|n| format!("?{n}")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                table.name,
                columns.join(", "),
                placeholders.join(", ")
            );
            let mut statement = tx.prepare(&sql).map_err(backend)?;
            for row in rows {
                let values = row.iter().map(|value| match value {
                    Value::Null => SqlValue::Null,
                    Value::Int(n) => SqlValue::Integer(*n),
                    Value::Real(x) => SqlValue::Real(*x),
                    Value::Text(text) => SqlValue::Text(text.clone()),
                    Value::Blob(bytes) => SqlValue::Blob(bytes.clone()),
                });
                statement.execute(params_from_iter(values)).map_err(backend)?;
            }
        }
        tx.commit().map_err(backend)
    }

    fn finish_import(&self) -> Result<(), StoreError> {
        self.conn()
            .execute_batch(
                "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
                 INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
                 UPDATE entity_occurrences SET doc_date =
                     (SELECT d.doc_date FROM documents d
                      WHERE d.id = entity_occurrences.document_id);",
            )
            .map_err(backend)
    }
}
