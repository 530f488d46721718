//! The trained model: weights, transitions, word clusters and provenance, and its file.
//!
//! File layout (little-endian), compact and checked before use:
//!
//! ```text
//! magic    8 bytes  "CGTAGGR\x01"
//! version  u32      FORMAT_VERSION
//! length   u64      payload bytes
//! checksum u64      FNV-1a 64 of the payload
//! payload:
//!   meta      u32 length + JSON (Meta: data files and hashes, feature set, settings)
//!   clusters  u32 count, then per word: u8 length, bytes, 4 x u16
//!   trans     (N_TAGS + 1) x N_TAGS x f32
//!   scale     f32      weight = i16 * scale
//!   features  u32 count, then count x u64 hashes (sorted), then count x N_TAGS x i16
//! ```
//!
//! Weights are quantized to 16 bits: averaged perceptron weights span a few hundred
//! units, and 1/65,536 of the largest changes no decision we measured, while halving the
//! file. Every read is bounds-checked, so a truncated or altered file is an [`Error`]
//! naming the file, never a panic.

use std::path::{Path, PathBuf};

use claimgraph_extract::Input;
use claimgraph_extract::entities::lexicon::{FxMap, Lexicon};
use claimgraph_model::{Mention, MentionSource, Span, Timex};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::features::{self, Clusters, DocFeatures, FEATURE_SET, Resources};
use crate::perceptron::{LABELS, N_TAGS, Transitions, tag_b, tag_i, tag_label, viterbi};

pub const MAGIC: &[u8; 8] = b"CGTAGGR\x01";
pub const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 8;

/// Where a model came from and how it was trained, stored in the file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub feature_set: String,
    pub data: Vec<DataRecord>,
    pub epochs: usize,
    pub seed: u64,
    pub min_count: u32,
    pub clusters_hash: String,
    pub n_sentences: usize,
    pub n_tokens: usize,
    pub train_seconds: f64,
}

/// One training file: its name, FNV-1a 64 hash, and how it was used.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DataRecord {
    pub file: String,
    pub fnv1a64: String,
    pub documents: usize,
    pub entities: usize,
    /// False when the set never labels MISC: its unlabeled tokens may then be MISC.
    pub labels_misc: bool,
}

/// A tagger mention with its margins: `name` is the least, over its tokens, of the
/// score of its label minus the score of `O`; `label` the least score of its label minus
/// the best other label's.
#[derive(Debug, Clone)]
pub struct Scored {
    pub mention: Mention,
    pub name: f32,
    pub label: f32,
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    pub meta: Meta,
    pub(crate) clusters: Clusters,
    pub(crate) index: FxMap<u64, u32>,
    /// `index` row r has weights `weights[r * N_TAGS..(r + 1) * N_TAGS]`.
    pub(crate) weights: Vec<f32>,
    pub(crate) trans: Transitions,
}

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Model {
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// Tags one document: the tagger's mentions with their margins, sorted and
    /// non-overlapping, and every token's emission scores. `rules` are the rule
    /// recognizer's mentions of the same input (stacked features).
    pub fn tag(
        &self,
        lexicon: &Lexicon,
        input: &Input<'_>,
        timexes: &[Timex],
        rules: &[Mention],
    ) -> (Vec<Scored>, Vec<[f32; N_TAGS]>) {
        let (tags, emissions) = self.tag_tokens(lexicon, input, timexes, rules);
        let mut mentions = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        let mut close = |open: &mut Option<(usize, usize)>, end: usize| {
            if let Some((start, label)) = open.take() {
                let span =
                    Span::new(input.tokens[start].span.start, input.tokens[end - 1].span.end);
                let (mut name, mut label_margin) = (f32::INFINITY, f32::INFINITY);
                for e in &emissions[start..end] {
                    let own = e[tag_b(label)].max(e[tag_i(label)]);
                    let other = (0..LABELS.len())
                        .filter(|&l| l != label)
                        .map(|l| e[tag_b(l)].max(e[tag_i(l)]))
                        .fold(f32::NEG_INFINITY, f32::max);
                    name = name.min(own - e[0]);
                    label_margin = label_margin.min(own - other);
                }
                let label = LABELS[label];
                let mention = Mention { span, label, source: MentionSource::Tagger, entity: 0 };
                mentions.push(Scored { mention, name, label: label_margin });
            }
        };
        for (t, &tag) in tags.iter().enumerate() {
            match tag_label(tag as usize) {
                Some((label, true)) => {
                    close(&mut open, t);
                    open = Some((t, label));
                }
                Some((label, false)) if open.is_some_and(|(_, l)| l == label) => {}
                _ => close(&mut open, t),
            }
        }
        close(&mut open, tags.len());
        (mentions, emissions)
    }

    /// The best tag of every token, sentence by sentence (tokens outside any sentence
    /// are `O`), and every token's emission scores.
    pub fn tag_tokens(
        &self,
        lexicon: &Lexicon,
        input: &Input<'_>,
        timexes: &[Timex],
        rules: &[Mention],
    ) -> (Vec<u8>, Vec<[f32; N_TAGS]>) {
        let mut feats = DocFeatures::default();
        let res = Resources { lexicon, clusters: &self.clusters };
        features::extract(&res, input, timexes, rules, &mut feats);
        let mut tags = vec![0u8; input.tokens.len()];
        let mut all = vec![[0.0f32; N_TAGS]; input.tokens.len()];
        let mut emissions: Vec<[f32; N_TAGS]> = Vec::new();
        let mut path = Vec::new();
        let mut row = 0;
        for sentence in input.sentences {
            let (s0, s1) = (sentence.token_start, sentence.token_end.min(tags.len()));
            emissions.clear();
            for _ in s0..s1 {
                let mut scores = [0.0f32; N_TAGS];
                for h in feats.token(row) {
                    if let Some(&r) = self.index.get(h) {
                        let base = r as usize * N_TAGS;
                        if let Some(w) = self.weights.get(base..base + N_TAGS) {
                            for (s, x) in scores.iter_mut().zip(w) {
                                *s += x;
                            }
                        }
                    }
                }
                emissions.push(scores);
                row += 1;
            }
            viterbi(&emissions, &self.trans, None, &mut path);
            if let Some(slot) = tags.get_mut(s0..s1) {
                slot.copy_from_slice(&path[..slot.len().min(path.len())]);
            }
            if let Some(slot) = all.get_mut(s0..s1) {
                slot.copy_from_slice(&emissions[..slot.len().min(emissions.len())]);
            }
        }
        (tags, all)
    }

    /// Serializes the model (deterministic: same model, same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::new();
        let meta = serde_json::to_vec(&self.meta).unwrap_or_default();
        payload.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        payload.extend_from_slice(&meta);
        let clusters = self.clusters.sorted();
        payload.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
        for (word, ids) in clusters {
            let bytes = &word.as_bytes()[..word.len().min(255)];
            payload.push(bytes.len() as u8);
            payload.extend_from_slice(bytes);
            for id in ids {
                payload.extend_from_slice(&id.to_le_bytes());
            }
        }
        for row in &self.trans {
            for w in row {
                payload.extend_from_slice(&w.to_le_bytes());
            }
        }
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        payload.extend_from_slice(&scale.to_le_bytes());
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(h, r)| (*h, *r)).collect();
        rows.sort_unstable();
        payload.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (h, _) in &rows {
            payload.extend_from_slice(&h.to_le_bytes());
        }
        for (_, r) in &rows {
            let base = *r as usize * N_TAGS;
            for w in &self.weights[base..base + N_TAGS] {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                payload.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&fnv1a64(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Writes the model to `path`.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        std::fs::write(path, self.to_bytes())
            .map_err(|source| Error::Io { path: path.to_path_buf(), source })
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<Model, Error> {
        let bytes =
            std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        Model::from_bytes(&bytes, path)
    }

    /// Parses a model; `path` names it in errors.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Model, Error> {
        let path_buf = || path.to_path_buf();
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(Error::NotAModel { path: path_buf() });
        }
        if bytes.len() < HEADER_LEN {
            return Err(Error::Truncated { path: path_buf(), detail: "header".into() });
        }
        let mut head = Reader { bytes: &bytes[8..HEADER_LEN], pos: 0, path };
        let version = head.u32()?;
        if version != FORMAT_VERSION {
            return Err(Error::Version {
                path: path_buf(),
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        let length = head.u64()?;
        let checksum = head.u64()?;
        let payload = &bytes[HEADER_LEN..];
        if (payload.len() as u64) < length {
            return Err(Error::Truncated {
                path: path_buf(),
                detail: format!("{} of {} payload bytes", payload.len(), length),
            });
        }
        if (payload.len() as u64) > length {
            return Err(Error::Corrupt { path: path_buf(), detail: "trailing bytes".into() });
        }
        if fnv1a64(payload) != checksum {
            return Err(Error::Corrupt { path: path_buf(), detail: "checksum mismatch".into() });
        }
        let mut r = Reader { bytes: payload, pos: 0, path };
        let meta_len = r.u32()? as usize;
        let meta: Meta = serde_json::from_slice(r.take(meta_len)?)
            .map_err(|e| Error::Corrupt { path: path_buf(), detail: format!("metadata: {e}") })?;
        if meta.feature_set != FEATURE_SET {
            return Err(Error::Corrupt {
                path: path_buf(),
                detail: "trained with another feature set than this build computes".into(),
            });
        }
        let n_clusters = r.u32()? as usize;
        let mut clusters = Clusters::default();
        for _ in 0..n_clusters {
            let len = r.take(1)?[0] as usize;
            let word = std::str::from_utf8(r.take(len)?).map_err(|_| Error::Corrupt {
                path: path_buf(),
                detail: "cluster word is not UTF-8".into(),
            })?;
            let mut ids = [0u16; 4];
            for id in &mut ids {
                *id = r.u16()?;
            }
            clusters.insert(word, ids);
        }
        let mut trans = [[0.0f32; N_TAGS]; N_TAGS + 1];
        for row in &mut trans {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let keys = r.take(n.saturating_mul(8))?;
        let raw = r.take(n.saturating_mul(N_TAGS * 2))?;
        if r.pos != payload.len() {
            return Err(Error::Corrupt { path: path_buf(), detail: "trailing payload".into() });
        }
        let mut index = FxMap::with_capacity_and_hasher(n, Default::default());
        for (row, key) in keys.chunks_exact(8).enumerate() {
            let mut word = [0u8; 8];
            word.copy_from_slice(key);
            index.insert(u64::from_le_bytes(word), row as u32);
        }
        let weights = raw
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect();
        Ok(Model { meta, clusters, index, weights, trans })
    }
}

/// A bounds-checked cursor over model bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end =
            self.pos.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or_else(|| {
                Error::Truncated {
                    path: PathBuf::from(self.path),
                    detail: format!("needed {n} bytes at offset {}", self.pos),
                }
            })?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u16(&mut self) -> Result<u16, Error> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}
