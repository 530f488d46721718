//! The `eval` format: ../shared/eval/FORMAT.md, code point offsets, one line per document.

use std::io::{self, Write};

use claimgraph_model::{Analysis, AttributionForm, QuantityKind, Span};
use serde_json::{Value, json};

use crate::input::InputDocument;
use crate::offsets::CharOffsets;

pub fn write(out: &mut dyn Write, doc: &InputDocument, analysis: &Analysis) -> io::Result<()> {
    let offsets = CharOffsets::new(&doc.document.text);
    let pair = |span: Span| json!([offsets.char_offset(span.start), offsets.char_offset(span.end)]);
    let sentences: Vec<Value> = analysis.sentences.iter().map(|s| pair(s.span)).collect();
    let entities: Vec<Value> = analysis
        .mentions
        .iter()
        .map(|m| {
            json!({"start": offsets.char_offset(m.span.start), "end": offsets.char_offset(m.span.end),
                   "label": m.label.as_str()})
        })
        .collect();
    let timexes: Vec<Value> = analysis
        .timexes
        .iter()
        .map(|t| {
            json!({"start": offsets.char_offset(t.span.start), "end": offsets.char_offset(t.span.end),
                   "value": t.value, "type": t.kind.as_str()})
        })
        .collect();
    let quantities: Vec<Value> = analysis
        .quantities
        .iter()
        .map(|q| {
            let mut object = json!({
                "start": offsets.char_offset(q.span.start), "end": offsets.char_offset(q.span.end),
                "unit": q.unit,
            });
            if let Some(value) = q.value {
                object["value"] = number(value);
            }
            if let Some(min) = q.min {
                object["min"] = number(min);
            }
            if let Some(max) = q.max {
                object["max"] = number(max);
            }
            match &q.kind {
                QuantityKind::Percent => object["unit"] = json!("percent"),
                QuantityKind::Money(currency) => object["currency"] = json!(currency),
                QuantityKind::Ordinal => object["ordinal"] = json!(true),
                QuantityKind::Count => {}
            }
            object
        })
        .collect();
    let clusters: Vec<Value> = analysis
        .entities
        .iter()
        .filter(|entity| entity.mentions.len() > 1)
        .map(|entity| {
            Value::Array(
                entity
                    .mentions
                    .iter()
                    .filter_map(|&idx| analysis.mentions.get(idx))
                    .map(|m| pair(m.span))
                    .collect(),
            )
        })
        .collect();
    let attributions: Vec<Value> = analysis
        .attributions
        .iter()
        .filter_map(|a| {
            let content = a.content_span()?;
            Some(json!({
                "source": a.source.map(pair),
                "cue": a.cue.map(pair),
                "content": pair(content),
                "direct": a.form == AttributionForm::Direct,
            }))
        })
        .collect();
    let toponyms: Vec<Value> = analysis
        .toponyms
        .iter()
        .map(|t| {
            json!({"start": offsets.char_offset(t.span.start), "end": offsets.char_offset(t.span.end),
                   "name": t.name, "lat": t.lat, "lon": t.lon, "geonames_id": t.geonames_id,
                   "precision": t.precision.code()})
        })
        .collect();
    let line = json!({
        "id": doc.document.id,
        "sentences": sentences,
        "entities": entities,
        "timexes": timexes,
        "quantities": quantities,
        "clusters": clusters,
        "attributions": attributions,
        "toponyms": toponyms,
    });
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}

/// Integral values print as integers (25000, not 25000.0).
pub fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 { json!(value as i64) } else { json!(value) }
}
