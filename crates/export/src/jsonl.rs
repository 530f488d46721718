//! JSON Lines: one object per line, every entity, then each document followed by its
//! claims, in the `claimgraph.export` wire format ([`crate::wire`]). Each line says what
//! it is in `record` ("entity", "document", "claim"); the store's own ids are given as
//! `store_id` (they differ between stores; the other fields do not).

use std::io::Write;

use serde_json::{Value, json};

use crate::wire::{FORMAT, FORMAT_VERSION, claim_json, document_json, entity_json};
use crate::{ExportError, ExportSummary, Record};

fn line(out: &mut impl Write, record: &str, store_id: i64, body: Value) -> Result<(), ExportError> {
    let mut value = json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "record": record,
        "store_id": store_id,
    });
    if let (Some(map), Value::Object(body)) = (value.as_object_mut(), body) {
        map.extend(body);
    }
    serde_json::to_writer(&mut *out, &value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes `records` as JSON Lines.
pub fn write(
    out: &mut impl Write,
    records: impl Iterator<Item = Result<Record, ExportError>>,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    for record in records {
        match record? {
            Record::Entity(entity) => {
                line(out, "entity", entity.entity.id, entity_json(&entity))?;
                summary.n_entities += 1;
            }
            Record::Document(document) => {
                let body = document_json(&document.document);
                line(out, "document", document.document.summary.id, body)?;
                summary.n_documents += 1;
                for claim in &document.claims {
                    line(out, "claim", claim.id, claim_json(claim, &document.offsets))?;
                    summary.n_claims += 1;
                }
            }
        }
    }
    out.flush()?;
    Ok(summary)
}
