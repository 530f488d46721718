//! The `json` format: claimgraph's versioned wire format for one analyzed document.
//!
//! One JSON object per line. Every span carries both byte offsets (`start`, `end`, into
//! the UTF-8 text) and code point offsets (`char_start`, `char_end`). The format is
//! described in docs/WIRE_FORMAT.md; `format_version` changes when a field changes meaning
//! or disappears, not when one is added.

use std::io::{self, Write};

use claimgraph_model::{Analysis, ClaimVoice, QuantityKind, Span, Stance};
use serde_json::{Value, json};

use crate::input::InputDocument;
use crate::offsets::CharOffsets;
use crate::output::eval::number;

pub const FORMAT_NAME: &str = "claimgraph.extract";
pub const FORMAT_VERSION: u32 = 1;

pub fn write(out: &mut dyn Write, doc: &InputDocument, analysis: &Analysis) -> io::Result<()> {
    let text = doc.document.text.as_str();
    let offsets = CharOffsets::new(text);
    let span = |span: Span| {
        json!({"start": span.start, "end": span.end,
               "char_start": offsets.char_offset(span.start), "char_end": offsets.char_offset(span.end),
               "text": span.slice(text)})
    };
    let sentences: Vec<Value> = analysis.sentences.iter().map(|s| span(s.span)).collect();
    let mentions: Vec<Value> = analysis
        .mentions
        .iter()
        .map(|m| {
            json!({"span": span(m.span), "label": m.label.as_str(),
                   "source": format!("{:?}", m.source).to_lowercase(), "entity": m.entity})
        })
        .collect();
    let entities: Vec<Value> = analysis
        .entities
        .iter()
        .enumerate()
        .map(|(idx, entity)| {
            let links: Vec<Value> = entity
                .links
                .iter()
                .map(|link| json!({"mention": link.mention, "linked_to": link.target, "reason": link.reason.as_str()}))
                .collect();
            json!({"id": idx, "label": entity.label.as_str(), "name": entity.name,
                   "mentions": entity.mentions, "aliases": links})
        })
        .collect();
    let timexes: Vec<Value> = analysis
        .timexes
        .iter()
        .map(|t| {
            json!({"span": span(t.span), "type": t.kind.as_str(), "value": t.value,
                   "end_value": t.end_value, "resolution": t.resolution})
        })
        .collect();
    let quantities: Vec<Value> = analysis
        .quantities
        .iter()
        .map(|q| {
            let kind = match &q.kind {
                QuantityKind::Count => json!({"kind": "count"}),
                QuantityKind::Percent => json!({"kind": "percent"}),
                QuantityKind::Money(currency) => json!({"kind": "money", "currency": currency}),
                QuantityKind::Ordinal => json!({"kind": "ordinal"}),
            };
            let mut object = json!({"span": span(q.span), "kind": kind["kind"],
                "value": q.value.map(number), "min": q.min.map(number), "max": q.max.map(number),
                "unit": q.unit, "unit_span": q.unit_span.map(span)});
            if let Some(currency) = kind.get("currency") {
                object["currency"] = currency.clone();
            }
            object
        })
        .collect();
    let diagnostics: Vec<Value> = analysis
        .diagnostics
        .iter()
        .map(|d| json!({"kind": format!("{:?}", d.kind), "span": d.span.map(span), "message": d.message}))
        .chain(doc.warnings.iter().map(|w| json!({"kind": "Input", "span": null, "message": w})))
        .collect();
    let attributions: Vec<Value> = analysis
        .attributions
        .iter()
        .map(|a| {
            let resolution = a.resolution.as_ref().map(
                |r| json!({"entity": r.entity, "reason": r.reason, "antecedent": r.antecedent}),
            );
            json!({"source": a.source.map(span), "cue": a.cue.map(span),
                   "content": a.content.iter().map(|part| span(*part)).collect::<Vec<_>>(),
                   "form": a.form.as_str(), "source_entity": resolution,
                   "relayed_by": a.relayed_by})
        })
        .collect();
    let toponyms: Vec<Value> = analysis
        .toponyms
        .iter()
        .map(|t| {
            json!({"span": span(t.span), "name": t.name, "kind": format!("{:?}", t.kind).to_lowercase(),
                   "geonames_id": t.geonames_id, "lat": t.lat, "lon": t.lon,
                   "precision": t.precision.code(), "qualifier": t.qualifier.map(span),
                   "reason": t.reason})
        })
        .collect();
    let claims: Vec<Value> = analysis
        .claims
        .iter()
        .map(|c| {
            let voice = match c.voice {
                ClaimVoice::Attributed(idx) => json!({"attribution": idx}),
                ClaimVoice::Publisher => json!("publisher"),
            };
            json!({"voice": voice,
                   "content": c.content.iter().map(|part| span(*part)).collect::<Vec<_>>(),
                   "chain": c.chain, "mentions": c.mentions, "has_subject": c.has_subject,
                   "timexes": c.timexes, "quantities": c.quantities, "toponyms": c.toponyms,
                   "hedges": c.hedges.iter().map(|h| span(*h)).collect::<Vec<_>>(),
                   "stance": match c.stance { Stance::Asserts => "asserts", Stance::Denies => "denies" },
                   "negations": c.negations.iter().map(|n| span(*n)).collect::<Vec<_>>()})
        })
        .collect();
    let line = json!({
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "id": doc.document.id,
        "origin": doc.origin,
        "doc_date": doc.document.date.map(|d| d.to_string()),
        "publisher": doc.document.publisher,
        "length": {"bytes": text.len(), "chars": offsets.char_offset(text.len())},
        "sentences": sentences,
        "mentions": mentions,
        "entities": entities,
        "timexes": timexes,
        "quantities": quantities,
        "attributions": attributions,
        "toponyms": toponyms,
        "claims": claims,
        "diagnostics": diagnostics,
    });
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}
