//! The `claimgraph.export` wire format (format_version 1): documents, entities and claims
//! as JSON, written one per line by [`crate::jsonl`] and carried whole by the STIX claim
//! extension ([`crate::stix`]). docs/EXPORT.md describes every field.
//!
//! Conventions follow docs/WIRE_FORMAT.md: a Span is `{start, end, char_start, char_end,
//! text}` (byte and code point offsets into the stored text, end exclusive). Nothing here
//! carries a store's own integer ids except the `store_id` fields that JSON Lines adds:
//! the same facts exported from two stores give the same JSON.

use claimgraph_model::{Span, Stance};
use claimgraph_store::assess::credibility_meaning;
use claimgraph_store::{
    Assessment, ClaimRecord, DocumentText, EntityRecord, EntityRef, OriginKind, SourceRating,
    SourceRef,
};
use serde_json::{Value, json};

use crate::{CharOffsets, timestamp};

pub const FORMAT: &str = "claimgraph.export";
pub const FORMAT_VERSION: u32 = 1;

pub fn span_json(span: Span, text: &str, offsets: &CharOffsets) -> Value {
    json!({
        "start": span.start,
        "end": span.end,
        "char_start": offsets.char_offset(span.start),
        "char_end": offsets.char_offset(span.end),
        "text": text,
    })
}

pub fn document_json(document: &DocumentText) -> Value {
    let summary = &document.summary;
    json!({
        "id": summary.external_id,
        "hash": summary.hash,
        "origin": summary.origin,
        "title": summary.title,
        "url": summary.url,
        "author": summary.author,
        "publisher": summary.publisher,
        "date": summary.date.map(|date| date.to_string()),
        "extractor_version": summary.extractor_version,
        "ingested_at": timestamp(summary.ingested_at),
        "n_sentences": document.n_sentences,
        "text": document.text,
    })
}

pub fn entity_ref_json(entity: &EntityRef) -> Value {
    json!({"name": entity.name, "label": entity.label})
}

pub fn entity_json(record: &EntityRecord) -> Value {
    json!({
        "name": record.entity.name,
        "label": record.entity.label,
        "names": record.names,
        "n_mentions": record.n_mentions,
        "n_documents": record.n_documents,
        "first_ingested_at": timestamp(record.first_ingested_at),
        "public": record.is_public(),
        "public_mark": record.public_mark,
    })
}

fn source_json(source: &SourceRef, offsets: &CharOffsets) -> Value {
    json!({
        "name": source.name,
        "entity": source.entity.as_ref().map(entity_ref_json),
        "span": source.span.map(|span| span_json(span, &source.name, offsets)),
    })
}

pub fn stance_str(stance: Stance) -> &'static str {
    match stance {
        Stance::Asserts => "asserts",
        Stance::Denies => "denies",
    }
}

fn origin_kind(kind: OriginKind) -> &'static str {
    match kind {
        OriginKind::Source => "source",
        OriginKind::Publisher => "publisher",
        OriginKind::Document => "document",
    }
}

pub fn rating_json(rating: &SourceRating) -> Value {
    json!({
        "source": rating.name,
        "reliability": rating.reliability.letter().to_string(),
        "meaning": rating.reliability.meaning(),
        "by": rating.by,
        "at": timestamp(rating.at),
    })
}

/// The claim's grades and the evidence behind them (docs/ASSESSMENT.md).
pub fn assessment_json(assessment: &Assessment) -> Value {
    json!({
        "independent_origins": assessment.origins.len(),
        "origins": assessment.origins.iter().map(|origin| json!({
            "kind": origin_kind(origin.kind),
            "name": origin.name,
            "entity": origin.entity.as_ref().map(entity_ref_json),
            "why": origin.why,
            "reports": origin.reports.iter().map(|report| json!({
                "document": report.document_external_id,
                "relayed_by": report.relayed_by,
                "copy_of": report.copy_of.as_ref().map(|(_, external)| external),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "conflicts": assessment.conflicts.iter().map(|conflict| json!({
            "document": conflict.document_external_id,
            "content": conflict.content,
            "origin": conflict.origin,
            "differences": conflict.differences.iter()
                .map(|difference| json!({"kind": difference.kind, "detail": difference.detail}))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "conflicting_origins": assessment.n_against,
        "reliability": assessment.reliability.as_ref().map(rating_json),
        "credibility": assessment.credibility,
        "credibility_meaning": credibility_meaning(assessment.credibility),
        "credibility_reason": assessment.credibility_reason,
    })
}

/// A claim with its provenance, in its document's offsets.
pub fn claim_json(claim: &ClaimRecord, offsets: &CharOffsets) -> Value {
    json!({
        "key": claim_key(claim),
        "document": {"id": claim.document.external_id, "hash": claim.document.hash},
        "span": span_json(claim.span, &claim.content, offsets),
        "content": claim.content,
        "voice": if claim.source.is_some() { "attributed" } else { "publisher" },
        "source": claim.source.as_ref().map(|source| source_json(source, offsets)),
        "form": claim.form,
        "cue": claim.cue,
        "relays": claim.relays.iter().map(|relay| source_json(relay, offsets)).collect::<Vec<_>>(),
        "publisher": claim.document.publisher,
        "about": claim.about.iter().map(entity_ref_json).collect::<Vec<_>>(),
        "has_subject": claim.has_subject,
        "dates": claim.dates.iter().map(|date| json!({
            "text": date.text,
            "value": date.value,
            "end_value": date.end_value,
            "span": span_json(date.span, &date.text, offsets),
        })).collect::<Vec<_>>(),
        "quantities": claim.quantities.iter().map(|quantity| json!({
            "text": quantity.text,
            "kind": quantity.kind,
            "value": quantity.value,
            "min": quantity.min,
            "max": quantity.max,
            "unit": quantity.unit,
            "span": span_json(quantity.span, &quantity.text, offsets),
        })).collect::<Vec<_>>(),
        "places": claim.places.iter().map(|place| json!({
            "text": place.text,
            "name": place.name,
            "geonames_id": place.geonames_id,
            "lat": place.lat,
            "lon": place.lon,
            "precision": place.precision,
            "span": span_json(place.span, &place.text, offsets),
        })).collect::<Vec<_>>(),
        "hedges": claim.hedges,
        "negated": claim.negated,
        "stance": stance_str(claim.stance),
        "assessment": assessment_json(&claim.assessment),
    })
}

/// A claim's key, stable across stores: its document's content hash, its span and its
/// source. Two claims of one document never share all three.
pub fn claim_key(claim: &ClaimRecord) -> String {
    let source = claim.source.as_ref().map_or("", |source| source.name.as_str());
    format!("{}:{}-{}:{source}", claim.document.hash, claim.span.start, claim.span.end)
}
