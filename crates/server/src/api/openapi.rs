//! The OpenAPI 3.1 document for `/api/v1`, written by hand with `serde_json`.
//!
//! Hand-written rather than derived (utoipa) to keep the dependency tree small; the test
//! `openapi_lists_every_route` keeps it honest by calling every operation listed in
//! [`OPERATIONS`] on the router and checking that each route exists.

use axum::Json;
use serde_json::{Value, json};

/// Every operation: method, path (OpenAPI template syntax), summary, whether it needs a
/// token, query parameters, request body schema, response schema.
#[derive(Debug)]
pub struct Operation {
    pub method: &'static str,
    pub path: &'static str,
    pub summary: &'static str,
    pub write: bool,
    pub query: &'static [(&'static str, &'static str, &'static str)],
    pub body: Option<&'static str>,
    pub response: &'static str,
}

const CLAIM_FILTERS: &[(&str, &str, &str)] = &[
    ("about", "string", "claims about this entity (any of its names)"),
    ("by", "string", "claims whose original source is this entity, name or publisher"),
    ("since", "date", "claims about days on or after this date"),
    ("until", "date", "claims about days on or before this date"),
    ("place", "string", "claims mentioning this place"),
    ("limit", "integer", "at most this many (default 200, at most 1000)"),
];

pub const OPERATIONS: &[Operation] = &[
    Operation {
        method: "get",
        path: "/openapi.json",
        summary: "This document",
        write: false,
        query: &[],
        body: None,
        response: "Object",
    },
    Operation {
        method: "get",
        path: "/stats",
        summary: "Counts over the whole store",
        write: false,
        query: &[],
        body: None,
        response: "Stats",
    },
    Operation {
        method: "get",
        path: "/search",
        summary: "Full-text search over documents and claims, best first",
        write: false,
        query: &[
            ("q", "string", "words to find (all must occur); required"),
            ("limit", "integer", "at most this many hits (default 20)"),
        ],
        body: None,
        response: "HitList",
    },
    Operation {
        method: "get",
        path: "/documents/{key}",
        summary: "A document with its text, entities, claims and copies",
        write: false,
        query: &[],
        body: None,
        response: "Document",
    },
    Operation {
        method: "get",
        path: "/documents/{key}/claims/{claim_id}",
        summary: "One claim of a document, with its provenance and assessment",
        write: false,
        query: &[],
        body: None,
        response: "Claim",
    },
    Operation {
        method: "get",
        path: "/entities/{name}",
        summary: "An entity: names with evidence, occurrences, claims by and about it",
        write: false,
        query: &[],
        body: None,
        response: "EntityProfile",
    },
    Operation {
        method: "post",
        path: "/entities/merge",
        summary: "Merge one entity into another (undone by a split)",
        write: true,
        query: &[],
        body: Some("MergeBody"),
        response: "Merge",
    },
    Operation {
        method: "post",
        path: "/entities/split",
        summary: "Undo a merge, or move an entity's occurrences in some documents to a new entity",
        write: true,
        query: &[],
        body: Some("SplitBody"),
        response: "Split",
    },
    Operation {
        method: "get",
        path: "/claims",
        summary: "Claims matching every filter, in document then text order",
        write: false,
        query: CLAIM_FILTERS,
        body: None,
        response: "ClaimList",
    },
    Operation {
        method: "get",
        path: "/claims/{claim_id}",
        summary: "One claim with its provenance, assessment and analysts' verdicts",
        write: false,
        query: &[],
        body: None,
        response: "Claim",
    },
    Operation {
        method: "post",
        path: "/claims/{claim_id}/marks",
        summary: "Mark a claim confirmed or retracted; the latest verdict sets its credibility",
        write: true,
        query: &[],
        body: Some("MarkBody"),
        response: "Mark",
    },
    Operation {
        method: "get",
        path: "/sources",
        summary: "Publishers and speakers, most claims first, with their ratings",
        write: false,
        query: &[],
        body: None,
        response: "SourceList",
    },
    Operation {
        method: "post",
        path: "/sources/rating",
        summary: "Grade a source's reliability, A (completely reliable) to F (cannot be judged)",
        write: true,
        query: &[],
        body: Some("RateBody"),
        response: "Rating",
    },
    Operation {
        method: "get",
        path: "/timeline",
        summary: "Claims per month, filtered like /claims",
        write: false,
        query: CLAIM_FILTERS,
        body: None,
        response: "Timeline",
    },
    Operation {
        method: "get",
        path: "/map",
        summary: "Places named in claims, with coordinates and claim counts",
        write: false,
        query: CLAIM_FILTERS,
        body: None,
        response: "Map",
    },
    Operation {
        method: "get",
        path: "/graph",
        summary: "Who says what about whom: sources, entities, and claim counts between them",
        write: false,
        query: CLAIM_FILTERS,
        body: None,
        response: "Graph",
    },
];

fn parameter(name: &str, kind: &str, description: &str, location: &str) -> Value {
    let schema = match kind {
        "date" => json!({"type": "string", "format": "date"}),
        "integer" => json!({"type": "integer", "minimum": 1}),
        _ => json!({"type": "string"}),
    };
    json!({"name": name, "in": location, "required": location == "path" || name == "q",
           "description": description, "schema": schema})
}

fn operation(op: &Operation) -> Value {
    let mut parameters: Vec<Value> = op
        .path
        .split('/')
        .filter_map(|part| part.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| {
            let kind = if name.ends_with("_id") { "integer" } else { "string" };
            parameter(name, kind, "", "path")
        })
        .collect();
    parameters
        .extend(op.query.iter().map(|(name, kind, text)| parameter(name, kind, text, "query")));
    let mut responses = json!({
        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{}", op.response)}}}},
        "400": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"},
        "500": {"$ref": "#/components/responses/Error"},
    });
    let mut value = json!({
        "summary": op.summary,
        "operationId": format!("{}{}", op.method, op.path.replace(['/', '{', '}', '.'], "_")),
        "parameters": parameters,
    });
    if op.write {
        responses["401"] = json!({"$ref": "#/components/responses/Error"});
        value["security"] = json!([{"bearer": []}]);
    }
    if let Some(body) = op.body {
        value["requestBody"] = json!({"required": true, "content": {"application/json":
            {"schema": {"$ref": format!("#/components/schemas/{body}")}}}});
    }
    value["responses"] = responses;
    value
}

fn object(properties: Value, required: &[&str]) -> Value {
    json!({"type": "object", "properties": properties, "required": required})
}

fn schemas() -> Value {
    let s = json!({"type": "string"});
    let ns = json!({"type": ["string", "null"]});
    let i = json!({"type": "integer"});
    let ni = json!({"type": ["integer", "null"]});
    let n = json!({"type": ["number", "null"]});
    let b = json!({"type": "boolean"});
    let strings = json!({"type": "array", "items": {"type": "string"}});
    let r = |name: &str| json!({"$ref": format!("#/components/schemas/{name}")});
    let nr = |name: &str| json!({"oneOf": [{"$ref": format!("#/components/schemas/{name}")}, {"type": "null"}]});
    let list = |name: &str| json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{name}")}});
    let paged = |name: &str| object(json!({"count": i, "items": list(name)}), &["count", "items"]);
    let mut schemas = serde_json::Map::new();
    schemas.insert("Object".into(), json!({"type": "object"}));
    schemas.insert("Error".into(), object(json!({"error": object(json!({"status": i, "code": s, "message": s}), &["status", "code", "message"])}), &["error"]));
    schemas.insert("Span".into(), object(json!({"start": i, "end": i}), &["start", "end"]));
    schemas.insert("DocumentRef".into(), object(json!({"id": i, "hash": s, "external_id": s, "origin": s, "title": ns, "url": ns, "author": ns, "publisher": ns, "date": ns, "extractor_version": s, "ingested_at": i}), &["id", "hash", "external_id"]));
    schemas.insert(
        "Entity".into(),
        object(json!({"id": i, "name": s, "label": s}), &["id", "name", "label"]),
    );
    schemas.insert(
        "SourceRef".into(),
        object(json!({"name": s, "entity": nr("Entity"), "span": nr("Span")}), &["name"]),
    );
    schemas.insert(
        "Date".into(),
        object(
            json!({"text": s, "value": ns, "end_value": ns, "span": r("Span")}),
            &["text", "span"],
        ),
    );
    schemas.insert("Quantity".into(), object(json!({"text": s, "kind": s, "value": n, "min": n, "max": n, "unit": ns, "span": r("Span")}), &["text", "kind", "span"]));
    schemas.insert("Place".into(), object(json!({"text": s, "name": s, "geonames_id": ni, "lat": n, "lon": n, "precision": i, "span": r("Span")}), &["text", "name", "span"]));
    schemas.insert("Rating".into(), object(json!({"name": s, "grade": {"type": "string", "enum": ["A", "B", "C", "D", "E", "F"]}, "meaning": s, "by": s, "at": i}), &["name", "grade"]));
    schemas.insert("Report".into(), object(json!({"claim_id": i, "document_id": i, "document_external_id": s, "relayed_by": strings, "copy_of_document_id": ni}), &["claim_id", "document_id"]));
    schemas.insert("Origin".into(), object(json!({"kind": {"type": "string", "enum": ["source", "publisher", "document"]}, "name": s, "entity": nr("Entity"), "why": s, "reports": list("Report")}), &["kind", "name", "reports"]));
    schemas.insert("Conflict".into(), object(json!({"claim_id": i, "document_external_id": s, "content": s, "origin": s, "differences": {"type": "array", "items": object(json!({"kind": s, "detail": s}), &["kind", "detail"])}}), &["claim_id", "differences"]));
    schemas.insert("Assessment".into(), object(json!({"cluster": i, "origins": list("Origin"), "conflicts": list("Conflict"), "n_against": i, "reliability": nr("Rating"), "credibility": {"type": "integer", "minimum": 1, "maximum": 6}, "credibility_reason": s}), &["origins", "conflicts", "credibility"]));
    schemas.insert("Claim".into(), object(json!({"id": i, "document": r("DocumentRef"), "span": r("Span"), "content": s, "source": nr("SourceRef"), "form": ns, "cue": ns, "cue_span": nr("Span"), "relays": list("SourceRef"), "about": list("Entity"), "has_subject": b, "dates": list("Date"), "quantities": list("Quantity"), "places": list("Place"), "hedges": strings, "negated": b, "stance": {"type": "string", "enum": ["asserts", "denies"]}, "assessment": r("Assessment"), "marks": list("Mark")}), &["id", "document", "span", "content", "relays", "about", "assessment", "marks"]));
    schemas.insert("Mark".into(), object(json!({"id": i, "claim_id": i, "status": {"type": "string", "enum": ["confirmed", "retracted"]}, "by": s, "at": s, "note": ns}), &["id", "claim_id", "status", "by", "at"]));
    schemas.insert(
        "MarkBody".into(),
        object(
            json!({"status": {"type": "string", "enum": ["confirmed", "retracted"]}, "note": ns}),
            &["status"],
        ),
    );
    schemas.insert("ClaimList".into(), paged("Claim"));
    schemas.insert("Hit".into(), object(json!({"kind": {"type": "string", "enum": ["document", "claim"]}, "document": r("DocumentRef"), "claim_id": ni, "snippet": s}), &["kind", "document", "snippet"]));
    schemas.insert("HitList".into(), paged("Hit"));
    schemas.insert("Copy".into(), object(json!({"document": r("DocumentRef"), "similarity": {"type": "number"}, "matched_document_id": ni}), &["document", "similarity"]));
    schemas.insert("Document".into(), object(json!({"document": r("DocumentRef"), "text": s, "n_sentences": i, "entities": {"type": "array", "items": object(json!({"entity": r("Entity"), "n_mentions": i}), &["entity", "n_mentions"])}, "mentions": {"type": "array", "items": object(json!({"entity_id": i, "label": s, "span": r("Span")}), &["entity_id", "label", "span"])}, "claims": list("Claim"), "copy_of": nr("Copy"), "copies": list("Copy")}), &["document", "text", "entities", "claims"]));
    schemas.insert("Alias".into(), object(json!({"alias": s, "reason": s, "document_id": i, "document_external_id": s, "span": r("Span")}), &["alias", "reason", "span"]));
    schemas.insert("Merge".into(), object(json!({"id": i, "into": r("Entity"), "merged": r("Entity"), "documents": strings, "by": s, "at": i, "reason": ns, "undone_at": ni}), &["id", "into", "merged"]));
    schemas.insert("EntityProfile".into(), object(json!({"entity": r("Entity"), "aliases": list("Alias"), "occurrences": {"type": "array", "items": {"type": "object"}}, "n_documents": i, "n_mentions": i, "first_seen": ns, "last_seen": ns, "claims_by": list("Claim"), "n_claims_by": i, "claims_about": list("Claim"), "n_claims_about": i, "other_matches": list("Entity"), "merges": list("Merge")}), &["entity", "aliases", "claims_by", "claims_about"]));
    schemas.insert(
        "MergeBody".into(),
        object(json!({"into": s, "from": s, "reason": ns}), &["into", "from"]),
    );
    schemas.insert("SplitBody".into(), object(json!({"entity": s, "merged": ns, "merge_id": ni, "documents": {"type": ["array", "null"], "items": {"type": "string"}}}), &["entity"]));
    schemas.insert("Split".into(), object(json!({"kept": r("Entity"), "split_off": r("Entity"), "documents": strings, "undid_merge": ni}), &["kept", "split_off"]));
    schemas.insert("Source".into(), object(json!({"name": s, "kind": {"type": "string", "enum": ["publisher", "speaker"]}, "entity": nr("Entity"), "n_claims": i, "n_relayed": i, "n_documents": i, "first_seen": ns, "last_seen": ns, "rating": nr("Rating")}), &["name", "kind"]));
    schemas.insert("SourceList".into(), paged("Source"));
    schemas.insert("RateBody".into(), object(json!({"source": s, "grade": {"type": "string", "enum": ["A", "B", "C", "D", "E", "F"]}}), &["source", "grade"]));
    schemas.insert("Stats".into(), object(json!({"documents": i, "entities": i, "mentions": i, "claims": i, "attributed_claims": i, "relayed_claims": i, "publishers": i, "copies": i, "corroborated_claims": i, "conflicts": i}), &["documents", "claims"]));
    schemas.insert("Timeline".into(), object(json!({"undated": i, "buckets": {"type": "array", "items": object(json!({"month": s, "count": i, "claim_ids": {"type": "array", "items": {"type": "integer"}}}), &["month", "count"])}}), &["buckets"]));
    schemas.insert("Map".into(), object(json!({"places": {"type": "array", "items": object(json!({"name": s, "lat": {"type": "number"}, "lon": {"type": "number"}, "n_claims": i}), &["name", "lat", "lon", "n_claims"])}}), &["places"]));
    schemas.insert("Graph".into(), object(json!({"nodes": {"type": "array", "items": object(json!({"id": s, "name": s, "kind": s, "label": ns}), &["id", "name", "kind"])}, "edges": {"type": "array", "items": object(json!({"from": s, "to": s, "n_claims": i}), &["from", "to", "n_claims"])}}), &["nodes", "edges"]));
    Value::Object(schemas)
}

/// The document.
pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for op in OPERATIONS {
        let entry = paths.entry(op.path).or_insert_with(|| json!({}));
        entry[op.method] = operation(op);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "claimgraph API",
            "version": "1",
            "description": include_str!("../../API.md"),
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                "description": "A token from `claimgraph token create`"}},
        },
    })
}

pub async fn handler() -> Json<Value> {
    Json(document())
}
