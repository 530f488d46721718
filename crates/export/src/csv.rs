//! CSV: two files, one row per claim and one row per entity (a spreadsheet wants one
//! kind of row per sheet). Lists inside a cell (dates, places, the relay chain) are
//! joined with "; ", the relay chain with " > " from the original source outward. The
//! header row names each column; docs/EXPORT.md describes them.

use std::io::Write;

use claimgraph_store::ClaimRecord;

use crate::wire::{claim_key, stance_str};
use crate::{ExportError, ExportSummary, Record};

pub const CLAIM_COLUMNS: &[&str] = &[
    "key",
    "document",
    "document_hash",
    "document_date",
    "publisher",
    "voice",
    "source",
    "source_label",
    "chain",
    "cue",
    "form",
    "content",
    "start",
    "end",
    "dates",
    "places",
    "quantities",
    "about",
    "stance",
    "negated",
    "hedges",
    "reliability",
    "credibility",
    "independent_origins",
    "credibility_reason",
];

pub const ENTITY_COLUMNS: &[&str] =
    &["name", "label", "names", "n_mentions", "n_documents", "public", "store_id"];

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn claim_row(claim: &ClaimRecord) -> Vec<String> {
    let source = claim.source.as_ref();
    let mut chain: Vec<&str> = source.map(|source| source.name.as_str()).into_iter().collect();
    chain.extend(claim.relays.iter().map(|relay| relay.name.as_str()));
    if let Some(publisher) = &claim.document.publisher {
        chain.push(publisher);
    }
    let dates: Vec<String> = claim
        .dates
        .iter()
        .map(|date| match (&date.value, &date.end_value) {
            (Some(value), Some(end)) => format!("{value}/{end}"),
            (Some(value), None) => value.clone(),
            (None, _) => date.text.clone(),
        })
        .collect();
    let places: Vec<String> = claim
        .places
        .iter()
        .map(|place| match (place.lat, place.lon) {
            (Some(lat), Some(lon)) => format!("{} ({lat:.4}, {lon:.4})", place.name),
            _ => place.name.clone(),
        })
        .collect();
    let quantities: Vec<String> = claim
        .quantities
        .iter()
        .map(|quantity| {
            let amount = match (quantity.value, quantity.min, quantity.max) {
                (Some(value), ..) => number(value),
                (None, Some(min), Some(max)) => format!("{}-{}", number(min), number(max)),
                (None, Some(min), None) => format!(">={}", number(min)),
                (None, None, Some(max)) => format!("<={}", number(max)),
                (None, None, None) => quantity.text.clone(),
            };
            let unit = quantity.unit.as_deref().map(|unit| format!(" {unit}")).unwrap_or_default();
            format!("{}={amount}{unit}", quantity.kind)
        })
        .collect();
    let about: Vec<&str> = claim.about.iter().map(|entity| entity.name.as_str()).collect();
    let assessment = &claim.assessment;
    vec![
        claim_key(claim),
        claim.document.external_id.clone(),
        claim.document.hash.clone(),
        claim.document.date.map(|date| date.to_string()).unwrap_or_default(),
        claim.document.publisher.clone().unwrap_or_default(),
        if source.is_some() { "attributed" } else { "publisher" }.to_string(),
        source.map(|source| source.name.clone()).unwrap_or_default(),
        source
            .and_then(|source| source.entity.as_ref())
            .map(|entity| entity.label.clone())
            .unwrap_or_default(),
        chain.join(" > "),
        claim.cue.clone().unwrap_or_default(),
        claim.form.clone().unwrap_or_default(),
        claim.content.clone(),
        claim.span.start.to_string(),
        claim.span.end.to_string(),
        dates.join("; "),
        places.join("; "),
        quantities.join("; "),
        about.join("; "),
        stance_str(claim.stance).to_string(),
        claim.negated.to_string(),
        claim.hedges.join("; "),
        assessment
            .reliability
            .as_ref()
            .map(|rating| rating.reliability.letter().to_string())
            .unwrap_or_default(),
        assessment.credibility.to_string(),
        assessment.origins.len().to_string(),
        assessment.credibility_reason.clone(),
    ]
}

/// Writes claims to `claims_out` and entities to `entities_out`, each with a header.
pub fn write(
    claims_out: impl Write,
    entities_out: impl Write,
    records: impl Iterator<Item = Result<Record, ExportError>>,
) -> Result<ExportSummary, ExportError> {
    let mut claims = ::csv::Writer::from_writer(claims_out);
    let mut entities = ::csv::Writer::from_writer(entities_out);
    claims.write_record(CLAIM_COLUMNS)?;
    entities.write_record(ENTITY_COLUMNS)?;
    let mut summary = ExportSummary::default();
    for record in records {
        match record? {
            Record::Entity(record) => {
                entities.write_record([
                    record.entity.name.as_str(),
                    record.entity.label.as_str(),
                    record.names.join("; ").as_str(),
                    record.n_mentions.to_string().as_str(),
                    record.n_documents.to_string().as_str(),
                    record.is_public().to_string().as_str(),
                    record.entity.id.to_string().as_str(),
                ])?;
                summary.n_entities += 1;
            }
            Record::Document(document) => {
                summary.n_documents += 1;
                for claim in &document.claims {
                    claims.write_record(claim_row(claim))?;
                    summary.n_claims += 1;
                }
            }
        }
    }
    claims.flush()?;
    entities.flush()?;
    Ok(summary)
}
