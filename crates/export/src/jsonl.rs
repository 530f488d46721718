//! JSON Lines: one object per line, every entity, then each document followed by its
//! claims, in the `claimgraph.export` wire format ([`crate::wire`]). Each line says what
//! it is in `record` ("entity", "document", "claim"); the store's own ids are given as
//! `store_id` (they differ between stores; the other fields do not).

use std::io::Write;

use serde::Serialize;

use crate::wire::{ClaimWire, FORMAT, FORMAT_VERSION, document_json, entity_json};
use crate::{ExportError, ExportSummary, Record};

/// Writes the envelope's fields, then the body's (an object) in the same object.
fn line(
    out: &mut impl Write,
    buffer: &mut Vec<u8>,
    record: &str,
    store_id: i64,
    body: &impl Serialize,
) -> Result<(), ExportError> {
    buffer.clear();
    write!(
        buffer,
        "{{\"format\":\"{FORMAT}\",\"format_version\":{FORMAT_VERSION},\"record\":\"{record}\",\"store_id\":{store_id}"
    )?;
    let start = buffer.len();
    serde_json::to_writer(&mut *buffer, body)?;
    // The body is an object: its opening brace gives way to a comma (or nothing, empty).
    if buffer.get(start..start + 2) == Some(b"{}") {
        buffer.truncate(start);
        buffer.push(b'}');
    } else if let Some(byte) = buffer.get_mut(start) {
        *byte = b',';
    }
    buffer.push(b'\n');
    out.write_all(buffer)?;
    Ok(())
}

/// Writes `records` as JSON Lines.
pub fn write(
    out: &mut impl Write,
    records: impl Iterator<Item = Result<Record, ExportError>>,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mut buffer = Vec::with_capacity(1 << 14);
    for record in records {
        match record? {
            Record::Entity(entity) => {
                line(out, &mut buffer, "entity", entity.entity.id, &entity_json(&entity))?;
                summary.n_entities += 1;
            }
            Record::Document(document) => {
                let body = document_json(&document.document);
                line(out, &mut buffer, "document", document.document.summary.id, &body)?;
                summary.n_documents += 1;
                for claim in &document.claims {
                    let body = ClaimWire { claim, offsets: &document.offsets };
                    line(out, &mut buffer, "claim", claim.id, &body)?;
                    summary.n_claims += 1;
                }
            }
        }
    }
    out.flush()?;
    Ok(summary)
}
