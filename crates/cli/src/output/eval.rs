//! The `eval` format: ../shared/eval/FORMAT.md, code point offsets, one line per document.
//!
//! Written through small borrowed structs rather than a `serde_json::Value` tree: a value
//! tree costs hundreds of bytes per item, which matters for documents of many megabytes.

use std::io::{self, Write};

use claimgraph_model::{Analysis, QuantityKind, Span};
use serde::Serialize;
use serde_json::{Value, json};

use crate::input::InputDocument;
use crate::offsets::CharOffsets;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    sentences: Vec<[usize; 2]>,
    entities: Vec<EntityOut>,
    timexes: Vec<TimexOut<'a>>,
    quantities: Vec<QuantityOut<'a>>,
    clusters: Vec<Vec<[usize; 2]>>,
    attributions: Vec<AttributionOut>,
    toponyms: Vec<ToponymOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut {
    start: usize,
    end: usize,
    label: &'static str,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    start: usize,
    end: usize,
    value: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct QuantityOut<'a> {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<Value>,
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ordinal: bool,
}

#[derive(Serialize)]
struct AttributionOut {
    source: Option<[usize; 2]>,
    cue: Option<[usize; 2]>,
    content: [usize; 2],
    direct: bool,
}

#[derive(Serialize)]
struct ToponymOut<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    lat: Option<f64>,
    lon: Option<f64>,
    geonames_id: Option<u64>,
    precision: u8,
}

pub fn write(out: &mut dyn Write, doc: &InputDocument, analysis: &Analysis) -> io::Result<()> {
    let offsets = CharOffsets::new(&doc.document.text);
    let pair = |span: Span| [offsets.char_offset(span.start), offsets.char_offset(span.end)];
    let line = Line {
        id: &doc.document.id,
        sentences: analysis.sentences.iter().map(|s| pair(s.span)).collect(),
        entities: analysis
            .mentions
            .iter()
            .map(|m| {
                let [start, end] = pair(m.span);
                EntityOut { start, end, label: m.label.as_str() }
            })
            .collect(),
        timexes: analysis
            .timexes
            .iter()
            .map(|t| {
                let [start, end] = pair(t.span);
                TimexOut { start, end, value: t.value.as_deref(), kind: t.kind.as_str() }
            })
            .collect(),
        quantities: analysis
            .quantities
            .iter()
            .map(|q| {
                let [start, end] = pair(q.span);
                let (unit, currency, ordinal) = match &q.kind {
                    QuantityKind::Percent => (Some("percent"), None, false),
                    QuantityKind::Money(currency) => {
                        (q.unit.as_deref(), Some(currency.as_str()), false)
                    }
                    QuantityKind::Ordinal => (q.unit.as_deref(), None, true),
                    QuantityKind::Count => (q.unit.as_deref(), None, false),
                };
                QuantityOut {
                    start,
                    end,
                    value: q.value.map(number),
                    min: q.min.map(number),
                    max: q.max.map(number),
                    unit,
                    currency,
                    ordinal,
                }
            })
            .collect(),
        clusters: analysis
            .entities
            .iter()
            .filter(|entity| entity.mentions.len() > 1)
            .map(|entity| {
                entity
                    .mentions
                    .iter()
                    .filter_map(|&idx| analysis.mentions.get(idx))
                    .map(|m| pair(m.span))
                    .collect()
            })
            .collect(),
        attributions: analysis
            .attributions
            .iter()
            .filter_map(|a| {
                Some(AttributionOut {
                    source: a.source.map(pair),
                    cue: a.cue.map(pair),
                    content: pair(a.content_span()?),
                    direct: a.form == claimgraph_model::AttributionForm::Direct,
                })
            })
            .collect(),
        toponyms: analysis
            .toponyms
            .iter()
            .map(|t| {
                let [start, end] = pair(t.span);
                ToponymOut {
                    start,
                    end,
                    name: &t.name,
                    lat: t.lat,
                    lon: t.lon,
                    geonames_id: t.geonames_id,
                    precision: t.precision.code(),
                }
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}

/// Integral values print as integers (25000, not 25000.0).
pub fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 { json!(value as i64) } else { json!(value) }
}
