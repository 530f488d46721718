//! Gold training data: JSON Lines documents with code-point entity offsets
//! (`../shared/eval/FORMAT.md`), read and aligned to the project's tokens as BIO tags.

use std::path::Path;

use claimgraph_model::{EntityLabel, Token};
use serde::Deserialize;

use crate::Error;
use crate::model::fnv1a64;
use crate::perceptron::{tag_b, tag_i};

/// One labeled document, offsets converted to bytes.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    /// Byte spans and labels, sorted by start.
    pub entities: Vec<(usize, usize, EntityLabel)>,
}

/// One training file.
#[derive(Debug, Clone)]
pub struct TrainData {
    /// The file name as given (recorded in the model).
    pub file: String,
    pub fnv1a64: u64,
    pub docs: Vec<GoldDoc>,
    /// True when some entity is MISC: sets without MISC leave it unlabeled, not absent.
    pub labels_misc: bool,
}

#[derive(Deserialize)]
struct RawDoc {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    entities: Vec<RawEntity>,
}

#[derive(Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    label: String,
}

/// The coarse label of a gold label (CoNLL and OntoNotes names); `None` for labels that
/// are not entities here (dates, numbers).
pub fn coarse_label(label: &str) -> Option<EntityLabel> {
    match label {
        "PER" | "PERSON" => Some(EntityLabel::Person),
        "ORG" => Some(EntityLabel::Organization),
        "LOC" | "GPE" | "FAC" => Some(EntityLabel::Location),
        "MISC" | "NORP" | "EVENT" | "PRODUCT" | "LAW" | "WORK_OF_ART" | "LANGUAGE" => {
            Some(EntityLabel::Misc)
        }
        _ => None,
    }
}

impl TrainData {
    /// Reads a JSONL gold file.
    pub fn load(path: &Path) -> Result<TrainData, Error> {
        let bytes =
            std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        TrainData::parse(&path.display().to_string(), &bytes)
    }

    /// Parses JSONL gold data; `file` names it in errors and in the model.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<TrainData, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::Data {
            file: file.into(),
            line: 0,
            detail: format!("not UTF-8: {e}"),
        })?;
        let mut docs = Vec::new();
        let mut labels_misc = false;
        for (line_idx, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let data_error =
                |detail: String| Error::Data { file: file.into(), line: line_idx + 1, detail };
            let raw: RawDoc = serde_json::from_str(line).map_err(|e| data_error(e.to_string()))?;
            // Code point offsets to byte offsets.
            let mut byte_at: Vec<usize> = raw.text.char_indices().map(|(b, _)| b).collect();
            byte_at.push(raw.text.len());
            let mut entities = Vec::new();
            for e in &raw.entities {
                let Some(label) = coarse_label(&e.label) else { continue };
                let (Some(&start), Some(&end)) = (byte_at.get(e.start), byte_at.get(e.end)) else {
                    return Err(data_error(format!(
                        "entity {}..{} outside the text",
                        e.start, e.end
                    )));
                };
                if start < end {
                    labels_misc |= label == EntityLabel::Misc;
                    entities.push((start, end, label));
                }
            }
            entities.sort_by_key(|e| (e.0, e.1));
            let id = match raw.id {
                Some(serde_json::Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => format!("{file}:{}", line_idx + 1),
            };
            docs.push(GoldDoc { id, text: raw.text, entities });
        }
        Ok(TrainData { file: file.into(), fnv1a64: fnv1a64(bytes), docs, labels_misc })
    }
}

/// BIO tags of `tokens` from byte-span entities: a token overlapping an entity takes its
/// label (B on the first such token); a token already tagged keeps its tag.
pub fn gold_tags(tokens: &[Token], entities: &[(usize, usize, EntityLabel)]) -> Vec<u8> {
    let mut tags = vec![0u8; tokens.len()];
    let mut first = 0;
    for &(start, end, label) in entities {
        while first < tokens.len() && tokens[first].span.end <= start {
            first += 1;
        }
        let label_idx = crate::perceptron::LABELS.iter().position(|l| *l == label).unwrap_or(0);
        let mut inside = false;
        for (t, token) in tokens.iter().enumerate().skip(first) {
            if token.span.start >= end {
                break;
            }
            if tags[t] != 0 {
                continue;
            }
            tags[t] = if inside { tag_i(label_idx) } else { tag_b(label_idx) } as u8;
            inside = true;
        }
    }
    tags
}
