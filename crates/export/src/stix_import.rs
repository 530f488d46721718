//! Reading a STIX 2.1 bundle back into what a store is rebuilt from.
//!
//! A store keeps documents and what analysis finds in them, so a bundle is read back as
//! documents (to be analyzed again), source ratings and public-figure marks:
//!
//! - **Our bundles.** A report's claimgraph extension holds its document whole (text,
//!   publisher, date, title, origin, ingest time, extractor version); notes hold their
//!   claims, whose keys let the importer check that analysis found the same claims again
//!   and put analysts' verdicts (marks) back on them;
//!   identities hold the public-figure mark; claims hold the reliability grades given to
//!   their sources. Relationships, locations and the extension definition are derived
//!   from those and are not read.
//! - **Other tools' bundles** (OpenCTI, MISP): a `report` becomes a document whose text
//!   is its name, its description and the content of the notes and opinions that refer to
//!   it (or that it refers to); a `note` that belongs to no report becomes a document of
//!   its own. The publisher is the report's `created_by_ref` identity, the date its
//!   `published` day. Identities and locations are not stored as such: entities come from
//!   the text. Every object that was not used is counted by type in
//!   [`ImportPlan::skipped`].

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use claimgraph_store::{ClaimStatus, Reliability};
use serde_json::Value;

use crate::stix::extension_id;

/// A bundle that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file is not JSON at all.
    #[error("not JSON")]
    Json(#[from] serde_json::Error),
    /// JSON, but not a STIX bundle.
    #[error("not a STIX bundle: {0}")]
    NotBundle(String),
    /// One object breaks the STIX rules the import relies on.
    #[error("object {index} ({id}): {problem}")]
    Object { index: usize, id: String, problem: String },
}

/// A document to analyze and store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedDocument {
    pub external_id: String,
    pub origin: String,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<NaiveDate>,
    /// Seconds since the Unix epoch; `None` when the bundle does not say.
    pub ingested_at: Option<i64>,
    /// The extractor that analyzed it before (our bundles only).
    pub extractor_version: Option<String>,
    /// The keys of the claims the bundle holds for it (our bundles only), to check that
    /// analysis finds them again.
    pub claim_keys: Vec<String>,
}

/// A reliability grade found with a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRating {
    pub source: String,
    pub reliability: Reliability,
    pub by: String,
    pub at: i64,
}

/// An analyst's verdict found with a claim, by the claim's key.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedMark {
    pub claim_key: String,
    pub status: ClaimStatus,
    pub by: String,
    pub at: i64,
    pub note: Option<String>,
}

/// What a bundle holds, ready to be stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    /// In bundle order (for our bundles, the order the documents were first stored).
    pub documents: Vec<ImportedDocument>,
    pub ratings: Vec<ImportedRating>,
    /// Verdicts on claims, oldest first for each claim.
    pub claim_marks: Vec<ImportedMark>,
    /// Names of persons with their public-figure mark.
    pub public_marks: Vec<(String, bool)>,
    /// Objects not used, by STIX type.
    pub skipped: BTreeMap<String, usize>,
    /// Whether the bundle was written by claimgraph (it carries our extension).
    pub ours: bool,
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Seconds since the epoch of an RFC 3339 timestamp.
fn seconds(timestamp: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(timestamp).ok().map(|time| time.timestamp())
}

fn day(timestamp: &str) -> Option<NaiveDate> {
    timestamp.get(..10).and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
}

fn refs(object: &Value) -> Vec<&str> {
    object
        .get("object_refs")
        .and_then(Value::as_array)
        .map(|refs| refs.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Reads a bundle. Errors name the object (position and id) and the problem.
pub fn read_bundle(json: &str) -> Result<ImportPlan, ImportError> {
    let bundle: Value = serde_json::from_str(json)?;
    if bundle.get("type").and_then(Value::as_str) != Some("bundle") {
        return Err(ImportError::NotBundle(
            "expected an object with \"type\": \"bundle\" at the top".to_string(),
        ));
    }
    let Some(objects) = bundle.get("objects").and_then(Value::as_array) else {
        return Err(ImportError::NotBundle("the bundle has no \"objects\" list".to_string()));
    };
    let mut by_id: HashMap<&str, &Value> = HashMap::new();
    for (index, object) in objects.iter().enumerate() {
        let id = object.get("id").and_then(Value::as_str);
        let kind = object.get("type").and_then(Value::as_str);
        let (Some(id), Some(kind)) = (id, kind) else {
            return Err(ImportError::Object {
                index,
                id: id.unwrap_or("?").to_string(),
                problem: "every object needs a \"type\" and an \"id\" string".to_string(),
            });
        };
        if !id.starts_with(&format!("{kind}--")) {
            return Err(ImportError::Object {
                index,
                id: id.to_string(),
                problem: format!("the id does not start with its type {kind:?}"),
            });
        }
        by_id.insert(id, object);
    }
    let ours_id = extension_id();
    let ours = |object: &Value, key: &str| -> Option<Value> {
        object.get("extensions")?.get(&ours_id)?.get(key).cloned()
    };
    let mut plan = ImportPlan {
        ours: objects.iter().any(|object| object["id"] == ours_id.as_str()),
        ..ImportPlan::default()
    };
    let mut used: HashSet<&str> = HashSet::new();
    // Notes and opinions that point at a report belong to it.
    let mut attached: HashMap<&str, Vec<&str>> = HashMap::new();
    for object in objects {
        if matches!(object["type"].as_str(), Some("note" | "opinion")) {
            for target in refs(object) {
                if target.starts_with("report--") {
                    attached.entry(target).or_default().push(object["id"].as_str().unwrap_or(""));
                }
            }
        }
    }
    let mut seen_ratings = HashSet::new();
    for (index, object) in objects.iter().enumerate() {
        let id = object["id"].as_str().unwrap_or("");
        match object["type"].as_str().unwrap_or("") {
            "report" => {
                used.insert(id);
                if let Some(document) = ours(object, "document") {
                    let Some(text_value) = text(&document, "text") else {
                        return Err(ImportError::Object {
                            index,
                            id: id.to_string(),
                            problem: "the claimgraph document has no \"text\"".to_string(),
                        });
                    };
                    let mut claim_keys = Vec::new();
                    for note in refs(object) {
                        let Some(note_object) = by_id.get(note) else { continue };
                        if let Some(claim) = ours(note_object, "claim") {
                            used.insert(note);
                            let key = text(&claim, "key");
                            claim_keys.extend(key.clone());
                            let marks = claim["marks"].as_array().into_iter().flatten();
                            for mark in marks {
                                if let (Some(claim_key), Some(status), Some(by), Some(at)) = (
                                    key.clone(),
                                    text(mark, "status").as_deref().and_then(ClaimStatus::parse),
                                    text(mark, "by"),
                                    text(mark, "at").as_deref().and_then(seconds),
                                ) {
                                    plan.claim_marks.push(ImportedMark {
                                        claim_key,
                                        status,
                                        by,
                                        at,
                                        note: text(mark, "note"),
                                    });
                                }
                            }
                            let rating = &claim["assessment"]["reliability"];
                            if let (Some(source), Some(grade), Some(by), Some(at)) = (
                                text(rating, "source"),
                                text(rating, "reliability").as_deref().and_then(Reliability::parse),
                                text(rating, "by"),
                                text(rating, "at").as_deref().and_then(seconds),
                            ) && seen_ratings.insert((source.clone(), by.clone(), at))
                            {
                                plan.ratings.push(ImportedRating {
                                    source,
                                    reliability: grade,
                                    by,
                                    at,
                                });
                            }
                        }
                    }
                    plan.documents.push(ImportedDocument {
                        external_id: text(&document, "id").unwrap_or_else(|| id.to_string()),
                        origin: text(&document, "origin").unwrap_or_else(|| id.to_string()),
                        text: text_value,
                        title: text(&document, "title"),
                        url: text(&document, "url"),
                        author: text(&document, "author"),
                        publisher: text(&document, "publisher"),
                        date: text(&document, "date").as_deref().and_then(day),
                        ingested_at: text(&document, "ingested_at").as_deref().and_then(seconds),
                        extractor_version: text(&document, "extractor_version"),
                        claim_keys,
                    });
                    continue;
                }
                let Some(name) = text(object, "name") else {
                    return Err(ImportError::Object {
                        index,
                        id: id.to_string(),
                        problem: "a report needs a \"name\"".to_string(),
                    });
                };
                let mut paragraphs = vec![name.clone()];
                paragraphs.extend(text(object, "description"));
                let mut members: Vec<&str> = refs(object);
                members.extend(attached.get(id).into_iter().flatten().copied());
                let mut seen = HashSet::new();
                for member in members {
                    if !seen.insert(member) {
                        continue;
                    }
                    let Some(member_object) = by_id.get(member) else { continue };
                    if matches!(member_object["type"].as_str(), Some("note" | "opinion")) {
                        used.insert(member);
                        paragraphs.extend(text(member_object, "abstract"));
                        paragraphs.extend(text(member_object, "content"));
                        paragraphs.extend(text(member_object, "explanation"));
                    }
                }
                let publisher = object
                    .get("created_by_ref")
                    .and_then(Value::as_str)
                    .and_then(|creator| by_id.get(creator))
                    .and_then(|creator| text(creator, "name"));
                plan.documents.push(ImportedDocument {
                    external_id: id.to_string(),
                    origin: id.to_string(),
                    text: paragraphs.join("\n\n"),
                    title: Some(name),
                    url: object["external_references"]
                        .as_array()
                        .and_then(|references| references.iter().find_map(|r| text(r, "url"))),
                    author: None,
                    publisher,
                    date: text(object, "published").as_deref().and_then(day),
                    ingested_at: text(object, "created").as_deref().and_then(seconds),
                    extractor_version: None,
                    claim_keys: Vec::new(),
                });
            }
            "identity" => {
                if let Some(entity) = ours(object, "entity") {
                    used.insert(id);
                    if let (Some(name), Some(mark)) =
                        (text(&entity, "name"), entity["public_mark"].as_bool())
                    {
                        plan.public_marks.push((name, mark));
                    }
                }
            }
            _ => {}
        }
    }
    // Notes that belong to no report are documents of their own.
    for object in objects {
        let id = object["id"].as_str().unwrap_or("");
        if object["type"] != "note" || used.contains(id) || ours(object, "claim").is_some() {
            continue;
        }
        let paragraphs: Vec<String> =
            [text(object, "abstract"), text(object, "content")].into_iter().flatten().collect();
        if paragraphs.is_empty() {
            continue;
        }
        used.insert(id);
        let authors: Vec<&str> = object["authors"]
            .as_array()
            .map(|authors| authors.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        plan.documents.push(ImportedDocument {
            external_id: id.to_string(),
            origin: id.to_string(),
            text: paragraphs.join("\n\n"),
            title: text(object, "abstract"),
            author: (!authors.is_empty()).then(|| authors.join(", ")),
            date: text(object, "created").as_deref().and_then(day),
            ingested_at: text(object, "created").as_deref().and_then(seconds),
            ..ImportedDocument::default()
        });
    }
    for object in objects {
        let id = object["id"].as_str().unwrap_or("");
        let kind = object["type"].as_str().unwrap_or("");
        let derived = plan.ours
            && (id == ours_id || matches!(kind, "relationship" | "location" | "identity" | "note"));
        if !used.contains(id) && !derived {
            *plan.skipped.entry(kind.to_string()).or_default() += 1;
        }
    }
    Ok(plan)
}
