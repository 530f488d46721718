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

pub(crate) fn origin_kind(kind: OriginKind) -> &'static str {
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
        "cue_span": claim.cue_span.map(|span| span_json(span, claim.cue.as_deref().unwrap_or(""), offsets)),
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
        "marks": claim.marks.iter().map(|mark| json!({
            "status": mark.status.as_str(),
            "by": mark.by,
            "at": timestamp(mark.at),
            "note": mark.note,
        })).collect::<Vec<_>>(),
    })
}

/// A claim's key, stable across stores: its document's content hash, its span and its
/// source. Two claims of one document never share all three.
pub fn claim_key(claim: &ClaimRecord) -> String {
    let source = claim.source.as_ref().map_or("", |source| source.name.as_str());
    format!("{}:{}-{}:{source}", claim.document.hash, claim.span.start, claim.span.end)
}

/// A claim serialized straight from its record, without building a `Value` first: the
/// same JSON as [`claim_json`] (keys in the same, sorted, order), several times faster.
/// JSON Lines and the STIX notes write claims through it; [`claim_json`] is the plain
/// reference the export tests compare it against.
#[derive(Debug, Clone, Copy)]
pub struct ClaimWire<'a> {
    pub claim: &'a ClaimRecord,
    pub offsets: &'a CharOffsets,
}

mod fast {
    use claimgraph_model::Span;
    use claimgraph_store::assess::credibility_meaning;
    use claimgraph_store::{
        Assessment, ClaimConflict, ClaimMark, ClaimOrigin, DateFact, EntityRef, PlaceFact,
        QuantityFact, Report, SourceRating, SourceRef,
    };
    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    use super::{ClaimWire, claim_key, origin_kind, stance_str};
    use crate::{CharOffsets, timestamp};

    struct SpanW<'a>(Span, &'a str, &'a CharOffsets);
    struct EntityW<'a>(&'a EntityRef);
    struct SourceW<'a>(&'a SourceRef, &'a CharOffsets);
    struct DateW<'a>(&'a DateFact, &'a CharOffsets);
    struct QuantityW<'a>(&'a QuantityFact, &'a CharOffsets);
    struct PlaceW<'a>(&'a PlaceFact, &'a CharOffsets);
    struct AssessmentW<'a>(&'a Assessment);
    struct OriginW<'a>(&'a ClaimOrigin);
    struct ReportW<'a>(&'a Report);
    struct ConflictW<'a>(&'a ClaimConflict);
    struct RatingW<'a>(&'a SourceRating);
    struct MarkW<'a>(&'a ClaimMark);

    impl Serialize for MarkW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mark = self.0;
            let mut map = serializer.serialize_map(Some(4))?;
            map.serialize_entry("at", &timestamp(mark.at))?;
            map.serialize_entry("by", &mark.by)?;
            map.serialize_entry("note", &mark.note)?;
            map.serialize_entry("status", mark.status.as_str())?;
            map.end()
        }
    }
    struct Seq<'a, T, W>(&'a [T], fn(&'a T) -> W);

    impl<'a, T, W: Serialize> Serialize for Seq<'a, T, W> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
            for item in self.0 {
                seq.serialize_element(&(self.1)(item))?;
            }
            seq.end()
        }
    }

    impl Serialize for SpanW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let SpanW(span, text, offsets) = self;
            let mut map = serializer.serialize_map(Some(5))?;
            map.serialize_entry("char_end", &offsets.char_offset(span.end))?;
            map.serialize_entry("char_start", &offsets.char_offset(span.start))?;
            map.serialize_entry("end", &span.end)?;
            map.serialize_entry("start", &span.start)?;
            map.serialize_entry("text", text)?;
            map.end()
        }
    }

    impl Serialize for EntityW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("label", &self.0.label)?;
            map.serialize_entry("name", &self.0.name)?;
            map.end()
        }
    }

    impl Serialize for SourceW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let SourceW(source, offsets) = self;
            let mut map = serializer.serialize_map(Some(3))?;
            map.serialize_entry("entity", &source.entity.as_ref().map(EntityW))?;
            map.serialize_entry("name", &source.name)?;
            let span = source.span.map(|span| SpanW(span, &source.name, offsets));
            map.serialize_entry("span", &span)?;
            map.end()
        }
    }

    impl Serialize for DateW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let DateW(date, offsets) = self;
            let mut map = serializer.serialize_map(Some(4))?;
            map.serialize_entry("end_value", &date.end_value)?;
            map.serialize_entry("span", &SpanW(date.span, &date.text, offsets))?;
            map.serialize_entry("text", &date.text)?;
            map.serialize_entry("value", &date.value)?;
            map.end()
        }
    }

    impl Serialize for QuantityW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let QuantityW(quantity, offsets) = self;
            let mut map = serializer.serialize_map(Some(7))?;
            map.serialize_entry("kind", &quantity.kind)?;
            map.serialize_entry("max", &quantity.max)?;
            map.serialize_entry("min", &quantity.min)?;
            map.serialize_entry("span", &SpanW(quantity.span, &quantity.text, offsets))?;
            map.serialize_entry("text", &quantity.text)?;
            map.serialize_entry("unit", &quantity.unit)?;
            map.serialize_entry("value", &quantity.value)?;
            map.end()
        }
    }

    impl Serialize for PlaceW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let PlaceW(place, offsets) = self;
            let mut map = serializer.serialize_map(Some(7))?;
            map.serialize_entry("geonames_id", &place.geonames_id)?;
            map.serialize_entry("lat", &place.lat)?;
            map.serialize_entry("lon", &place.lon)?;
            map.serialize_entry("name", &place.name)?;
            map.serialize_entry("precision", &place.precision)?;
            map.serialize_entry("span", &SpanW(place.span, &place.text, offsets))?;
            map.serialize_entry("text", &place.text)?;
            map.end()
        }
    }

    impl Serialize for ReportW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let report = self.0;
            let mut map = serializer.serialize_map(Some(3))?;
            map.serialize_entry("copy_of", &report.copy_of.as_ref().map(|(_, external)| external))?;
            map.serialize_entry("document", &report.document_external_id)?;
            map.serialize_entry("relayed_by", &report.relayed_by)?;
            map.end()
        }
    }

    impl Serialize for OriginW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let origin = self.0;
            let mut map = serializer.serialize_map(Some(5))?;
            map.serialize_entry("entity", &origin.entity.as_ref().map(EntityW))?;
            map.serialize_entry("kind", origin_kind(origin.kind))?;
            map.serialize_entry("name", &origin.name)?;
            map.serialize_entry("reports", &Seq(&origin.reports, ReportW))?;
            map.serialize_entry("why", &origin.why)?;
            map.end()
        }
    }

    impl Serialize for ConflictW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            struct DifferenceW<'a>(&'a claimgraph_store::Difference);
            impl Serialize for DifferenceW<'_> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let mut map = serializer.serialize_map(Some(2))?;
                    map.serialize_entry("detail", &self.0.detail)?;
                    map.serialize_entry("kind", self.0.kind)?;
                    map.end()
                }
            }
            let conflict = self.0;
            let mut map = serializer.serialize_map(Some(4))?;
            map.serialize_entry("content", &conflict.content)?;
            map.serialize_entry("differences", &Seq(&conflict.differences, DifferenceW))?;
            map.serialize_entry("document", &conflict.document_external_id)?;
            map.serialize_entry("origin", &conflict.origin)?;
            map.end()
        }
    }

    impl Serialize for RatingW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let rating = self.0;
            let mut map = serializer.serialize_map(Some(5))?;
            map.serialize_entry("at", &timestamp(rating.at))?;
            map.serialize_entry("by", &rating.by)?;
            map.serialize_entry("meaning", rating.reliability.meaning())?;
            map.serialize_entry("reliability", &rating.reliability.letter().to_string())?;
            map.serialize_entry("source", &rating.name)?;
            map.end()
        }
    }

    impl Serialize for AssessmentW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let assessment = self.0;
            let mut map = serializer.serialize_map(Some(8))?;
            map.serialize_entry("conflicting_origins", &assessment.n_against)?;
            map.serialize_entry("conflicts", &Seq(&assessment.conflicts, ConflictW))?;
            map.serialize_entry("credibility", &assessment.credibility)?;
            map.serialize_entry(
                "credibility_meaning",
                credibility_meaning(assessment.credibility),
            )?;
            map.serialize_entry("credibility_reason", &assessment.credibility_reason)?;
            map.serialize_entry("independent_origins", &assessment.origins.len())?;
            map.serialize_entry("origins", &Seq(&assessment.origins, OriginW))?;
            map.serialize_entry("reliability", &assessment.reliability.as_ref().map(RatingW))?;
            map.end()
        }
    }

    impl Serialize for ClaimWire<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let ClaimWire { claim, offsets } = *self;
            let dates: Vec<DateW<'_>> = claim.dates.iter().map(|d| DateW(d, offsets)).collect();
            let quantities: Vec<QuantityW<'_>> =
                claim.quantities.iter().map(|q| QuantityW(q, offsets)).collect();
            let places: Vec<PlaceW<'_>> = claim.places.iter().map(|p| PlaceW(p, offsets)).collect();
            let relays: Vec<SourceW<'_>> =
                claim.relays.iter().map(|r| SourceW(r, offsets)).collect();
            let mut map = serializer.serialize_map(Some(21))?;
            map.serialize_entry("about", &Seq(&claim.about, EntityW))?;
            map.serialize_entry("assessment", &AssessmentW(&claim.assessment))?;
            map.serialize_entry("content", &claim.content)?;
            map.serialize_entry("cue", &claim.cue)?;
            let cue_text = claim.cue.as_deref().unwrap_or("");
            let cue_span = claim.cue_span.map(|span| SpanW(span, cue_text, offsets));
            map.serialize_entry("cue_span", &cue_span)?;
            map.serialize_entry("dates", &dates)?;
            map.serialize_entry(
                "document",
                &DocumentW(&claim.document.hash, &claim.document.external_id),
            )?;
            map.serialize_entry("form", &claim.form)?;
            map.serialize_entry("has_subject", &claim.has_subject)?;
            map.serialize_entry("hedges", &claim.hedges)?;
            map.serialize_entry("key", &claim_key(claim))?;
            map.serialize_entry("marks", &Seq(&claim.marks, MarkW))?;
            map.serialize_entry("negated", &claim.negated)?;
            map.serialize_entry("places", &places)?;
            map.serialize_entry("publisher", &claim.document.publisher)?;
            map.serialize_entry("quantities", &quantities)?;
            map.serialize_entry("relays", &relays)?;
            map.serialize_entry("source", &claim.source.as_ref().map(|s| SourceW(s, offsets)))?;
            map.serialize_entry("span", &SpanW(claim.span, &claim.content, offsets))?;
            map.serialize_entry("stance", stance_str(claim.stance))?;
            let voice = if claim.source.is_some() { "attributed" } else { "publisher" };
            map.serialize_entry("voice", voice)?;
            map.end()
        }
    }

    struct DocumentW<'a>(&'a str, &'a str);

    impl Serialize for DocumentW<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("hash", self.0)?;
            map.serialize_entry("id", self.1)?;
            map.end()
        }
    }
}
