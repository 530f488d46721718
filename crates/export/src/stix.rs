//! STIX 2.1 bundles: documents as `report`s, claims as `note`s carrying the whole claim in
//! a property extension, people and organizations, speakers and publishers as
//! `identity`s, resolved places as `location`s, and `says` / `relays` relationships.
//!
//! - Ids are UUIDv5 over stable keys in [`NAMESPACE`] (a document's content hash; a
//!   claim's hash, span and source; an entity's label and name; a place's GeoNames id),
//!   and timestamps are stored ingest times, so an export is reproducible byte for byte.
//! - A claim's Admiralty information credibility (1-6) is its note's `confidence`,
//!   through the "Admiralty Credibility" scale of STIX 2.1 Appendix A: 1 → 90, 2 → 70,
//!   3 → 50, 4 → 30, 5 → 10, and 6 ("truth cannot be judged") leaves `confidence` out.
//!   Source reliability (A-F) has no STIX property; it travels in the extension.
//! - TLP 2.0 markings are the official marking-definition objects of the OASIS TLP 2.0
//!   extension ([`tlp_marking`]), referenced from every object's `object_marking_refs`.
//! - The extension (`extension-definition` [`extension_id`], schema in
//!   schemas/claimgraph-extension.json) carries `claim` on notes, `document` (with the
//!   full text) on reports and `entity` on identities, in the `claimgraph.export` wire
//!   format, so that `claimgraph import stix` can rebuild the store.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::rc::Rc;

use claimgraph_store::facts::normalize_name;
use claimgraph_store::{ClaimRecord, EntityRecord, SourceRef};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::wire::{ClaimWire, claim_key, document_json, entity_json};
use crate::{DocumentRecord, ExportError, ExportOptions, ExportSummary, Record, Tlp, timestamp};

/// The namespace of every UUIDv5 this exporter makes.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x6c1a_93e2_5d0b_4f57_9a3e_21c4_b8f0_7d15);

/// The TLP 2.0 extension definition published by OASIS.
pub const TLP_EXTENSION_ID: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/// The version of the claimgraph extension; the schema file has the same version.
pub const EXTENSION_VERSION: &str = "1.0";

/// When the extension definition and the tool's identity were first published: fixed,
/// so that they are the same objects in every export.
const DEFINITION_TIME: &str = "2026-11-28T00:00:00.000Z";

/// A STIX id of `kind` over a stable key.
pub fn stix_id(kind: &str, key: &str) -> String {
    let uuid = Uuid::new_v5(&NAMESPACE, format!("{kind}|{key}").as_bytes());
    format!("{kind}--{uuid}")
}

/// The id of the claimgraph extension definition.
pub fn extension_id() -> String {
    stix_id("extension-definition", "claimgraph-export")
}

/// The id of the identity that publishes the extension definition: claimgraph itself.
pub fn tool_identity_id() -> String {
    stix_id("identity", "tool|claimgraph")
}

/// The TLP 2.0 marking definition of a level: the id and object OASIS publishes.
pub fn tlp_marking(tlp: Tlp) -> Value {
    let id = match tlp {
        Tlp::Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        Tlp::Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        Tlp::Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        Tlp::AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        Tlp::Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    };
    json!({
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": id,
        "created": "2022-10-01T00:00:00.000Z",
        "name": format!("TLP:{}", tlp.as_str().to_ascii_uppercase()),
        "extensions": {
            TLP_EXTENSION_ID: {"extension_type": "property-extension", "tlp_2_0": tlp.as_str()},
        },
    })
}

/// STIX 2.1 Appendix A, "Admiralty Credibility": the confidence of an information
/// credibility grade; `None` for 6, "truth cannot be judged", which the scale leaves out.
pub fn confidence(credibility: u8) -> Option<u8> {
    match credibility {
        1 => Some(90),
        2 => Some(70),
        3 => Some(50),
        4 => Some(30),
        5 => Some(10),
        _ => None,
    }
}

/// The inverse mapping of Appendix A, for foreign bundles: confidence 80-100 → 1,
/// 60-79 → 2, 40-59 → 3, 20-39 → 4, 0-19 → 5.
pub fn credibility_of_confidence(confidence: u64) -> u8 {
    match confidence {
        80.. => 1,
        60..=79 => 2,
        40..=59 => 3,
        20..=39 => 4,
        _ => 5,
    }
}

/// The identity class of an entity label, or `None` when the entity is no identity
/// (places become locations from the gazetteer; MISC entities have no STIX object).
fn identity_class(label: &str) -> Option<&'static str> {
    match label {
        "PER" => Some("individual"),
        "ORG" => Some("organization"),
        _ => None,
    }
}

fn entity_identity_id(label: &str, name: &str) -> String {
    stix_id("identity", &format!("entity|{label}|{}", normalize_name(name)))
}

/// Writes objects separated by commas, with common properties filled in.
struct Bundle<'a, W: Write> {
    out: &'a mut W,
    first: bool,
    marking: Option<Rc<str>>,
    /// The ids of the objects written so far, each written once.
    seen: HashSet<Rc<str>>,
    /// Ids of identities by what names them (`kind`, label, name as written), so that a
    /// name met again costs a lookup rather than normalizing and hashing it again.
    ids: HashMap<String, Rc<str>>,
    key: String,
    extension: Rc<str>,
    buffer: Vec<u8>,
    n_objects: usize,
}

impl<W: Write> Bundle<'_, W> {
    /// Writes `object`, adding `spec_version` and the TLP marking.
    fn write(&mut self, mut object: Map<String, Value>) -> Result<(), ExportError> {
        object.insert("spec_version".to_string(), json!("2.1"));
        if let Some(marking) = &self.marking {
            object.insert("object_marking_refs".to_string(), json!([&**marking]));
        }
        self.raw(&Value::Object(object))
    }

    /// Writes an object: serialized into `buffer` first, so that the many small writes
    /// of serialization stay in memory and the output gets one write per object.
    fn raw(&mut self, object: &impl Serialize) -> Result<(), ExportError> {
        self.buffer.clear();
        self.buffer.extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        serde_json::to_writer(&mut self.buffer, object)?;
        self.out.write_all(&self.buffer)?;
        self.n_objects += 1;
        Ok(())
    }

    /// The id of an identity of `kind` named `name`, made by `make` the first time.
    fn identity_id(
        &mut self,
        kind: &str,
        label: &str,
        name: &str,
        make: impl FnOnce() -> String,
    ) -> Rc<str> {
        self.key.clear();
        for part in [kind, label, name] {
            self.key.push_str(part);
            self.key.push('\u{1f}');
        }
        if let Some(id) = self.ids.get(self.key.as_str()) {
            return id.clone();
        }
        let id: Rc<str> = make().into();
        self.ids.insert(self.key.clone(), id.clone());
        id
    }

    /// Writes an identity the first time its id is seen.
    fn identity_once(
        &mut self,
        id: &Rc<str>,
        name: &str,
        class: &str,
        when: &str,
    ) -> Result<(), ExportError> {
        if !self.seen.insert(id.clone()) {
            return Ok(());
        }
        let marking = self.marking.clone();
        self.raw(&IdentityObject {
            created: when,
            id,
            identity_class: class,
            modified: when,
            name,
            object_marking_refs: marking.as_deref().map(|marking| [marking]),
            spec_version: "2.1",
            kind: "identity",
        })
    }
}

// The objects written once per claim, serialized from their fields with the keys in the
// sorted order that a `serde_json::Map` gives them (the same bytes as building a `Value`).

#[derive(Serialize)]
struct IdentityObject<'a> {
    created: &'a str,
    id: &'a str,
    identity_class: &'a str,
    modified: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_marking_refs: Option<[&'a str; 1]>,
    spec_version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct LocationObject<'a> {
    created: &'a str,
    id: &'a str,
    latitude: f64,
    longitude: f64,
    modified: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_marking_refs: Option<[&'a str; 1]>,
    spec_version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct RelationshipObject<'a> {
    created: &'a str,
    id: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_marking_refs: Option<[&'a str; 1]>,
    relationship_type: &'a str,
    source_ref: &'a str,
    spec_version: &'static str,
    target_ref: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct NoteObject<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    authors: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<u8>,
    content: &'a str,
    created: &'a str,
    extensions: ClaimExtensions<'a>,
    id: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_marking_refs: Option<[&'a str; 1]>,
    object_refs: Vec<&'a str>,
    spec_version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// `{"<extension id>": {"claim": ..., "extension_type": "property-extension"}}`.
struct ClaimExtensions<'a> {
    extension: &'a str,
    claim: ClaimWire<'a>,
}

impl Serialize for ClaimExtensions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Payload<'a>(ClaimWire<'a>);
        impl Serialize for Payload<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("claim", &self.0)?;
                map.serialize_entry("extension_type", "property-extension")?;
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.extension, &Payload(self.claim))?;
        map.end()
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn extension(id: &str, kind: &str, body: Value) -> Value {
    let mut payload = json!({"extension_type": "property-extension"});
    if let Some(map) = payload.as_object_mut() {
        map.insert(kind.to_string(), body);
    }
    let mut extensions = Map::new();
    extensions.insert(id.to_string(), payload);
    Value::Object(extensions)
}

/// The identity that speaks for a source: its entity's identity when the entity is a
/// person or organization, else an identity by name (class "unknown").
fn speaker_identity<W: Write>(
    bundle: &mut Bundle<'_, W>,
    source: &SourceRef,
    when: &str,
) -> Result<Rc<str>, ExportError> {
    if let Some(entity) = &source.entity
        && let Some(class) = identity_class(&entity.label)
    {
        let id = bundle.identity_id("entity", &entity.label, &entity.name, || {
            entity_identity_id(&entity.label, &entity.name)
        });
        // Written with the entity records; written here too when a filtered export
        // started after it (never twice: `identity_once`).
        bundle.identity_once(&id, &entity.name, class, when)?;
        return Ok(id);
    }
    let id = bundle.identity_id("source", "", &source.name, || {
        stix_id("identity", &format!("source|{}", normalize_name(&source.name)))
    });
    bundle.identity_once(&id, &source.name, "unknown", when)?;
    Ok(id)
}

fn publisher_identity<W: Write>(
    bundle: &mut Bundle<'_, W>,
    publisher: &str,
    when: &str,
) -> Result<Rc<str>, ExportError> {
    let id = bundle.identity_id("publisher", "", publisher, || {
        stix_id("identity", &format!("publisher|{}", normalize_name(publisher)))
    });
    bundle.identity_once(&id, publisher, "organization", when)?;
    Ok(id)
}

fn entity_object<W: Write>(
    bundle: &mut Bundle<'_, W>,
    record: &EntityRecord,
) -> Result<bool, ExportError> {
    let Some(class) = identity_class(&record.entity.label) else { return Ok(false) };
    let id = bundle.identity_id("entity", &record.entity.label, &record.entity.name, || {
        entity_identity_id(&record.entity.label, &record.entity.name)
    });
    if !bundle.seen.insert(id.clone()) {
        return Ok(false);
    }
    let when = timestamp(record.first_ingested_at);
    let extensions = extension(&bundle.extension, "entity", entity_json(record));
    bundle.write(object(json!({
        "type": "identity",
        "id": &*id,
        "created": when,
        "modified": when,
        "name": record.entity.name,
        "identity_class": class,
        "extensions": extensions,
    })))?;
    Ok(true)
}

/// Writes a claim's note, its places and relationships; returns the note's id.
fn claim_objects<W: Write>(
    bundle: &mut Bundle<'_, W>,
    claim: &ClaimRecord,
    document: &DocumentRecord,
    report_id: &Rc<str>,
    when: &str,
) -> Result<Rc<str>, ExportError> {
    let marking = bundle.marking.clone();
    let key = claim_key(claim);
    let note_id: Rc<str> = stix_id("note", &key).into();
    let mut refs: Vec<Rc<str>> = vec![report_id.clone()];
    let publisher = claim.document.publisher.as_deref().filter(|name| !name.trim().is_empty());
    let speaker = match (&claim.source, publisher) {
        (Some(source), _) => Some(speaker_identity(bundle, source, when)?),
        (None, Some(publisher)) => Some(publisher_identity(bundle, publisher, when)?),
        (None, None) => None,
    };
    refs.extend(speaker.clone());
    let mut relays = Vec::new();
    if claim.source.is_some() {
        for relay in &claim.relays {
            relays.push(speaker_identity(bundle, relay, when)?);
        }
        if let Some(publisher) = publisher {
            relays.push(publisher_identity(bundle, publisher, when)?);
        }
    }
    for entity in &claim.about {
        if let Some(class) = identity_class(&entity.label) {
            let id = bundle.identity_id("entity", &entity.label, &entity.name, || {
                entity_identity_id(&entity.label, &entity.name)
            });
            bundle.identity_once(&id, &entity.name, class, when)?;
            refs.push(id);
        }
    }
    for place in &claim.places {
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else { continue };
        let geonames = place.geonames_id.map(|id| id.to_string());
        let id =
            bundle.identity_id("location", geonames.as_deref().unwrap_or(""), &place.name, || {
                let place_key = match place.geonames_id {
                    Some(geonames_id) => format!("geonames|{geonames_id}"),
                    None => format!("name|{}", normalize_name(&place.name)),
                };
                stix_id("location", &place_key)
            });
        if bundle.seen.insert(id.clone()) {
            bundle.raw(&LocationObject {
                created: when,
                id: &id,
                latitude: lat,
                longitude: lon,
                modified: when,
                name: &place.name,
                object_marking_refs: marking.as_deref().map(|marking| [marking]),
                spec_version: "2.1",
                kind: "location",
            })?;
        }
        refs.push(id);
    }
    refs.extend(relays.iter().cloned());
    let mut unique = HashSet::new();
    refs.retain(|id| unique.insert(id.clone()));
    let authors = match (&claim.source, publisher) {
        (Some(source), _) => Some([source.name.as_str()]),
        (None, Some(publisher)) => Some([publisher]),
        (None, None) => None,
    };
    let extension = bundle.extension.clone();
    let note = NoteObject {
        authors,
        confidence: confidence(claim.assessment.credibility),
        content: &claim.content,
        created: when,
        // The claim is serialized straight from its record into the note's `extensions`.
        extensions: ClaimExtensions {
            extension: &extension,
            claim: ClaimWire { claim, offsets: &document.offsets },
        },
        id: &note_id,
        modified: when,
        object_marking_refs: marking.as_deref().map(|marking| [marking]),
        object_refs: refs.iter().map(|id| &**id).collect(),
        spec_version: "2.1",
        kind: "note",
    };
    bundle.raw(&note)?;
    let mut relationship = |relation: &str, position: usize, from: &str| {
        let id = stix_id("relationship", &format!("{key}|{relation}|{position}"));
        bundle.raw(&RelationshipObject {
            created: when,
            id: &id,
            modified: when,
            object_marking_refs: marking.as_deref().map(|marking| [marking]),
            relationship_type: relation,
            source_ref: from,
            spec_version: "2.1",
            target_ref: &note_id,
            kind: "relationship",
        })
    };
    if let Some(speaker) = &speaker {
        relationship("says", 0, speaker)?;
    }
    for (position, relay) in relays.iter().enumerate() {
        relationship("relays", position + 1, relay)?;
    }
    Ok(note_id)
}

fn document_objects<W: Write>(
    bundle: &mut Bundle<'_, W>,
    document: &DocumentRecord,
) -> Result<(), ExportError> {
    let summary = &document.document.summary;
    let report_id: Rc<str> = stix_id("report", &summary.hash).into();
    let when = timestamp(summary.ingested_at);
    let publisher = summary.publisher.as_deref().filter(|name| !name.trim().is_empty());
    let publisher_id = match publisher {
        Some(publisher) => Some(publisher_identity(bundle, publisher, &when)?),
        None => None,
    };
    let mut refs: Vec<Rc<str>> = Vec::with_capacity(document.claims.len() + 1);
    for claim in &document.claims {
        refs.push(claim_objects(bundle, claim, document, &report_id, &when)?);
    }
    // A report must refer to something: its publisher, else the tool that stored it.
    refs.push(publisher_id.clone().unwrap_or_else(|| tool_identity_id().into()));
    let refs: Vec<&str> = refs.iter().map(|id| &**id).collect();
    let published = match summary.date {
        Some(date) => format!("{date}T00:00:00.000Z"),
        None => when.clone(),
    };
    let mut reference = json!({
        "source_name": "claimgraph",
        "external_id": summary.external_id,
    });
    if let (Some(url), Some(map)) = (&summary.url, reference.as_object_mut()) {
        map.insert("url".to_string(), json!(url));
    }
    let mut report = object(json!({
        "type": "report",
        "id": &*report_id,
        "created": when,
        "modified": when,
        "name": summary.title.clone().unwrap_or_else(|| summary.external_id.clone()),
        "published": published,
        "object_refs": refs,
        "external_references": [reference],
        "extensions": extension(&bundle.extension, "document", document_json(&document.document)),
    }));
    if let Some(publisher_id) = publisher_id {
        report.insert("created_by_ref".to_string(), json!(&*publisher_id));
    }
    bundle.write(report)
}

/// Writes `records` as one STIX 2.1 bundle. `bundle_key` makes the bundle's id (the same
/// key gives the same id): the caller derives it from what it exports.
pub fn write(
    out: &mut impl Write,
    records: impl Iterator<Item = Result<Record, ExportError>>,
    options: &ExportOptions,
    bundle_key: &str,
) -> Result<ExportSummary, ExportError> {
    write!(
        out,
        "{{\"type\":\"bundle\",\"id\":\"{}\",\"objects\":[",
        stix_id("bundle", bundle_key)
    )?;
    let marking = options.tlp.map(tlp_marking);
    let mut bundle = Bundle {
        out,
        first: true,
        marking: marking.as_ref().and_then(|m| m["id"].as_str()).map(Rc::from),
        seen: HashSet::new(),
        ids: HashMap::new(),
        key: String::new(),
        extension: extension_id().into(),
        buffer: Vec::with_capacity(1 << 14),
        n_objects: 0,
    };
    if let Some(marking) = &marking {
        bundle.raw(marking)?;
    }
    let tool = tool_identity_id();
    bundle.seen.insert(tool.as_str().into());
    bundle.write(object(json!({
        "type": "identity",
        "id": tool,
        "created": DEFINITION_TIME,
        "modified": DEFINITION_TIME,
        "name": "claimgraph",
        "identity_class": "system",
        "description": "Turns news documents into a graph of who claims what, on what evidence, relayed by whom.",
    })))?;
    bundle.write(object(json!({
        "type": "extension-definition",
        "id": extension_id(),
        "created_by_ref": tool,
        "created": DEFINITION_TIME,
        "modified": DEFINITION_TIME,
        "name": "claimgraph claim provenance",
        "description": "The whole claimgraph record of a claim (note), document (report) or entity (identity): source, relay chain, cue, spans, dates, quantities, places, Admiralty grades.",
        "schema": "JSON Schema in schemas/claimgraph-extension.json of the claimgraph repository (claimgraph.export wire format version 1)",
        "version": EXTENSION_VERSION,
        "extension_types": ["property-extension"],
    })))?;
    let mut summary = ExportSummary::default();
    for record in records {
        match record? {
            Record::Entity(record) => {
                if entity_object(&mut bundle, &record)? {
                    summary.n_entities += 1;
                }
            }
            Record::Document(document) => {
                document_objects(&mut bundle, &document)?;
                summary.n_documents += 1;
                summary.n_claims += document.claims.len();
            }
        }
    }
    summary.n_other = bundle
        .n_objects
        .saturating_sub(summary.n_entities + summary.n_documents + summary.n_claims);
    bundle.out.write_all(b"\n]}\n")?;
    bundle.out.flush()?;
    Ok(summary)
}
