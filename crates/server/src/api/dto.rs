//! The API's wire types shared by several resources: documents, entities, sources,
//! claims with their provenance and assessment.
//!
//! Store types carry no serde (JSON lives at the edges), so each is mirrored here with a
//! `From`. Spans are byte offsets into the UTF-8 document text (`start` inclusive, `end`
//! exclusive), as everywhere in the store. Dates are ISO `YYYY-MM-DD` strings.

use claimgraph_model::{Span, Stance};
use claimgraph_store::{
    Assessment, ClaimConflict, ClaimMark, ClaimOrigin, ClaimRecord, DateFact, DocumentSummary,
    EntityRef, OriginKind, PlaceFact, QuantityFact, Report, SourceRating, SourceRef,
};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SpanDto {
    pub start: usize,
    pub end: usize,
}

impl From<Span> for SpanDto {
    fn from(span: Span) -> SpanDto {
        SpanDto { start: span.start, end: span.end }
    }
}

#[derive(Debug, Serialize)]
pub struct DocumentRefDto {
    pub id: i64,
    pub hash: String,
    pub external_id: String,
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub extractor_version: String,
    pub ingested_at: i64,
}

impl From<&DocumentSummary> for DocumentRefDto {
    fn from(doc: &DocumentSummary) -> DocumentRefDto {
        DocumentRefDto {
            id: doc.id,
            hash: doc.hash.clone(),
            external_id: doc.external_id.clone(),
            origin: doc.origin.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            author: doc.author.clone(),
            publisher: doc.publisher.clone(),
            date: doc.date.map(|date| date.to_string()),
            extractor_version: doc.extractor_version.clone(),
            ingested_at: doc.ingested_at,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct EntityDto {
    pub id: i64,
    pub name: String,
    pub label: String,
}

impl From<&EntityRef> for EntityDto {
    fn from(entity: &EntityRef) -> EntityDto {
        EntityDto { id: entity.id, name: entity.name.clone(), label: entity.label.clone() }
    }
}

#[derive(Debug, Serialize)]
pub struct SourceRefDto {
    pub name: String,
    pub entity: Option<EntityDto>,
    pub span: Option<SpanDto>,
}

impl From<&SourceRef> for SourceRefDto {
    fn from(source: &SourceRef) -> SourceRefDto {
        SourceRefDto {
            name: source.name.clone(),
            entity: source.entity.as_ref().map(EntityDto::from),
            span: source.span.map(SpanDto::from),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DateDto {
    pub text: String,
    pub value: Option<String>,
    pub end_value: Option<String>,
    pub span: SpanDto,
}

impl From<&DateFact> for DateDto {
    fn from(date: &DateFact) -> DateDto {
        DateDto {
            text: date.text.clone(),
            value: date.value.clone(),
            end_value: date.end_value.clone(),
            span: date.span.into(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct QuantityDto {
    pub text: String,
    pub kind: String,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub span: SpanDto,
}

impl From<&QuantityFact> for QuantityDto {
    fn from(q: &QuantityFact) -> QuantityDto {
        QuantityDto {
            text: q.text.clone(),
            kind: q.kind.clone(),
            value: q.value,
            min: q.min,
            max: q.max,
            unit: q.unit.clone(),
            span: q.span.into(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct PlaceDto {
    pub text: String,
    pub name: String,
    pub geonames_id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: u8,
    pub span: SpanDto,
}

impl From<&PlaceFact> for PlaceDto {
    fn from(p: &PlaceFact) -> PlaceDto {
        PlaceDto {
            text: p.text.clone(),
            name: p.name.clone(),
            geonames_id: p.geonames_id,
            lat: p.lat,
            lon: p.lon,
            precision: p.precision,
            span: p.span.into(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct RatingDto {
    pub name: String,
    /// Admiralty source reliability, "A" (completely reliable) to "F" (cannot be judged).
    pub grade: String,
    pub meaning: String,
    pub by: String,
    pub at: i64,
}

impl From<&SourceRating> for RatingDto {
    fn from(rating: &SourceRating) -> RatingDto {
        RatingDto {
            name: rating.name.clone(),
            grade: rating.reliability.letter().to_string(),
            meaning: rating.reliability.meaning().to_string(),
            by: rating.by.clone(),
            at: rating.at,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ReportDto {
    pub claim_id: i64,
    pub document_id: i64,
    pub document_external_id: String,
    pub relayed_by: Vec<String>,
    pub copy_of_document_id: Option<i64>,
}

impl From<&Report> for ReportDto {
    fn from(r: &Report) -> ReportDto {
        ReportDto {
            claim_id: r.claim_id,
            document_id: r.document_id,
            document_external_id: r.document_external_id.clone(),
            relayed_by: r.relayed_by.clone(),
            copy_of_document_id: r.copy_of.as_ref().map(|(id, _)| *id),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct OriginDto {
    /// "source", "publisher" or "document".
    pub kind: &'static str,
    pub name: String,
    pub entity: Option<EntityDto>,
    pub why: String,
    pub reports: Vec<ReportDto>,
}

pub fn origin_kind(kind: OriginKind) -> &'static str {
    match kind {
        OriginKind::Source => "source",
        OriginKind::Publisher => "publisher",
        OriginKind::Document => "document",
    }
}

impl From<&ClaimOrigin> for OriginDto {
    fn from(o: &ClaimOrigin) -> OriginDto {
        OriginDto {
            kind: origin_kind(o.kind),
            name: o.name.clone(),
            entity: o.entity.as_ref().map(EntityDto::from),
            why: o.why.clone(),
            reports: o.reports.iter().map(ReportDto::from).collect(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DifferenceDto {
    pub kind: String,
    pub detail: String,
}

#[derive(Debug, Serialize)]
pub struct ConflictDto {
    pub claim_id: i64,
    pub document_external_id: String,
    pub content: String,
    pub origin: String,
    pub differences: Vec<DifferenceDto>,
}

impl From<&ClaimConflict> for ConflictDto {
    fn from(c: &ClaimConflict) -> ConflictDto {
        ConflictDto {
            claim_id: c.claim_id,
            document_external_id: c.document_external_id.clone(),
            content: c.content.clone(),
            origin: c.origin.clone(),
            differences: c
                .differences
                .iter()
                .map(|d| DifferenceDto { kind: d.kind.to_string(), detail: d.detail.clone() })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct AssessmentDto {
    pub cluster: i64,
    pub origins: Vec<OriginDto>,
    pub conflicts: Vec<ConflictDto>,
    pub n_against: usize,
    pub reliability: Option<RatingDto>,
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    pub credibility: u8,
    pub credibility_reason: String,
}

impl From<&Assessment> for AssessmentDto {
    fn from(a: &Assessment) -> AssessmentDto {
        AssessmentDto {
            cluster: a.cluster,
            origins: a.origins.iter().map(OriginDto::from).collect(),
            conflicts: a.conflicts.iter().map(ConflictDto::from).collect(),
            n_against: a.n_against,
            reliability: a.reliability.as_ref().map(RatingDto::from),
            credibility: a.credibility,
            credibility_reason: a.credibility_reason.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ClaimDto {
    pub id: i64,
    pub document: DocumentRefDto,
    pub span: SpanDto,
    pub content: String,
    /// `null` for the publisher's own voice.
    pub source: Option<SourceRefDto>,
    pub form: Option<String>,
    pub cue: Option<String>,
    pub cue_span: Option<SpanDto>,
    /// Who relayed it, from the original source outward (the publisher excluded).
    pub relays: Vec<SourceRefDto>,
    pub about: Vec<EntityDto>,
    pub has_subject: bool,
    pub dates: Vec<DateDto>,
    pub quantities: Vec<QuantityDto>,
    pub places: Vec<PlaceDto>,
    pub hedges: Vec<String>,
    pub negated: bool,
    /// "asserts" or "denies".
    pub stance: &'static str,
    pub assessment: AssessmentDto,
    /// Analysts' verdicts, oldest first; the latest stands.
    pub marks: Vec<MarkDto>,
}

/// An analyst's verdict on a claim.
#[derive(Debug, Serialize)]
pub struct MarkDto {
    pub id: i64,
    pub claim_id: i64,
    /// "confirmed" or "retracted".
    pub status: &'static str,
    pub by: String,
    /// RFC 3339.
    pub at: String,
    pub note: Option<String>,
}

impl From<&ClaimMark> for MarkDto {
    fn from(m: &ClaimMark) -> MarkDto {
        MarkDto {
            id: m.id,
            claim_id: m.claim_id,
            status: m.status.as_str(),
            by: m.by.clone(),
            at: chrono::DateTime::from_timestamp(m.at, 0)
                .map_or_else(String::new, |t| t.to_rfc3339()),
            note: m.note.clone(),
        }
    }
}

pub fn stance(stance: Stance) -> &'static str {
    match stance {
        Stance::Asserts => "asserts",
        Stance::Denies => "denies",
    }
}

impl From<&ClaimRecord> for ClaimDto {
    fn from(c: &ClaimRecord) -> ClaimDto {
        ClaimDto {
            id: c.id,
            document: DocumentRefDto::from(&c.document),
            span: c.span.into(),
            content: c.content.clone(),
            source: c.source.as_ref().map(SourceRefDto::from),
            form: c.form.clone(),
            cue: c.cue.clone(),
            cue_span: c.cue_span.map(SpanDto::from),
            relays: c.relays.iter().map(SourceRefDto::from).collect(),
            about: c.about.iter().map(EntityDto::from).collect(),
            has_subject: c.has_subject,
            dates: c.dates.iter().map(DateDto::from).collect(),
            quantities: c.quantities.iter().map(QuantityDto::from).collect(),
            places: c.places.iter().map(PlaceDto::from).collect(),
            hedges: c.hedges.clone(),
            negated: c.negated,
            stance: stance(c.stance),
            assessment: AssessmentDto::from(&c.assessment),
            marks: c.marks.iter().map(MarkDto::from).collect(),
        }
    }
}

/// A list response: the items and how many there are.
#[derive(Debug, Serialize)]
pub struct List<T> {
    pub count: usize,
    pub items: Vec<T>,
}

impl<T> List<T> {
    pub fn new(items: Vec<T>) -> List<T> {
        List { count: items.len(), items }
    }
}
