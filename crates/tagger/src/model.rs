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
//!   table     u32      log2 of the number of buckets of the weight table
//!   features  u32 count, then count x u64 hashes (sorted), then count x N_TAGS x i16
//! ```
//!
//! Weights are quantized to 16 bits: averaged perceptron weights span a few hundred
//! units, and 1/65,536 of the largest changes no decision we measured, while halving the
//! file. Every read is bounds-checked, so a truncated or altered file is an [`Error`]
//! naming the file, never a panic.
//!
//! In memory the weights sit in a [`Table`]: feature hashing into fixed buckets of eight
//! slots, each slot checked by 16 bits of the hash, so a lookup reads one 16-byte bucket
//! of checks (the checks of all features fit in the L2 cache) and, only for a feature
//! the model knows, one row of nine `i16`. Features the model never saw, the majority
//! at tagging time, cost no read of the weights and add no noise.

use std::path::{Path, PathBuf};

use claimgraph_extract::Input;
use claimgraph_extract::entities::lexicon::Lexicon;
use claimgraph_model::{Mention, MentionSource, Span, Timex};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::features::{self, Clusters, DocFeatures, FEATURE_SET, Resources};
use crate::perceptron::{
    LABELS, N_TAGS, Transitions, constrained, tag_b, tag_i, tag_label, viterbi,
};

pub const MAGIC: &[u8; 8] = b"CGTAGGR\x01";
pub const FORMAT_VERSION: u32 = 2;
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
    pub n_segments: usize,
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

/// What [`Model::tag`] found in one document.
#[derive(Debug, Clone, Default)]
pub struct Tagged {
    /// The tagger's mentions with their margins, sorted and non-overlapping.
    pub mentions: Vec<Scored>,
    /// The tokens that were scored (those of the candidate segments), in order.
    pub tokens: Vec<u32>,
    /// Their emission scores, `emissions[r]` for token `tokens[r]`.
    pub emissions: Vec<[f32; N_TAGS]>,
}

impl Tagged {
    /// The emission scores of the scored tokens among `first..last`.
    pub fn emissions_of(&self, first: usize, last: usize) -> &[[f32; N_TAGS]] {
        let a = self.tokens.partition_point(|&t| (t as usize) < first);
        let b = self.tokens.partition_point(|&t| (t as usize) < last);
        self.emissions.get(a..b).unwrap_or(&[])
    }
}

/// Slots per bucket of a [`Table`].
const SLOTS: usize = 8;
/// 1 in each 16-bit lane of a `u64`.
const LANES: u64 = 0x0001_0001_0001_0001;

/// The weights by feature hash: `1 << bits` buckets of up to [`SLOTS`] features. A
/// feature lives in bucket `hash & mask`, in a slot whose check is the top 16 bits of its
/// hash (never 0, which marks an empty slot). Two features with the same bucket and check
/// cannot both be stored; the one inserted first (the more important) wins. The weight
/// rows are packed, bucket after bucket (`base[b] + slot`), so the whole table of a
/// shipped model (checks, bases and rows) takes about a megabyte and stays in cache.
#[derive(Debug, Clone, Default)]
pub struct Table {
    bits: u32,
    checks: Vec<[u16; SLOTS]>,
    base: Vec<u32>,
    weights: Vec<[i16; N_TAGS]>,
    keys: Vec<u64>,
}

impl Table {
    /// The number of buckets (as a power of two) for `n` features: four per bucket at
    /// most on average, so that few buckets overflow.
    fn bits_for(n: usize) -> u32 {
        n.div_ceil(SLOTS / 2).max(1).next_power_of_two().trailing_zeros()
    }

    /// Builds a table of `1 << bits` buckets from `(hash, weights)` in order of
    /// importance; returns it and the number of features that did not fit.
    fn build(bits: u32, rows: impl IntoIterator<Item = (u64, [i16; N_TAGS])>) -> (Table, usize) {
        let bits = bits.min(28);
        let buckets = 1usize << bits;
        let mut checks = vec![[0u16; SLOTS]; buckets];
        let mut slots: Vec<Vec<(u64, [i16; N_TAGS])>> = vec![Vec::new(); buckets];
        let mut dropped = 0;
        for (key, row) in rows {
            let (bucket, check) = place(bits, key);
            let c = &mut checks[bucket];
            let used = slots[bucket].len();
            if used == SLOTS || c[..used].contains(&check) {
                dropped += 1;
                continue;
            }
            c[used] = check;
            slots[bucket].push((key, row));
        }
        let mut table = Table { bits, checks, ..Table::default() };
        table.base.reserve(buckets);
        for bucket in slots {
            table.base.push(table.weights.len() as u32);
            for (key, row) in bucket {
                table.keys.push(key);
                table.weights.push(row);
            }
        }
        (table, dropped)
    }

    fn len(&self) -> usize {
        self.weights.len()
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&[i16; N_TAGS]> {
        let (bucket, check) = place(self.bits, key);
        let checks = self.checks.get(bucket)?;
        // Four 16-bit lanes at a time: a lane equal to `check` becomes zero, and the
        // classic has-zero test finds the first such lane without a branch per slot.
        let pattern = u64::from(check) * LANES;
        for half in 0..2 {
            let c = &checks[half * 4..half * 4 + 4];
            let lanes = u64::from(c[0])
                | u64::from(c[1]) << 16
                | u64::from(c[2]) << 32
                | u64::from(c[3]) << 48;
            let x = lanes ^ pattern;
            let zero = x.wrapping_sub(LANES) & !x & (LANES << 15);
            if zero != 0 {
                let slot = half * 4 + (zero.trailing_zeros() / 16) as usize;
                let base = *self.base.get(bucket)? as usize;
                return self.weights.get(base + slot);
            }
        }
        None
    }

    /// `(hash, weights)` of every stored feature, sorted by hash.
    fn entries(&self) -> Vec<(u64, [i16; N_TAGS])> {
        let mut out: Vec<(u64, [i16; N_TAGS])> =
            self.keys.iter().copied().zip(self.weights.iter().copied()).collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }
}

/// The bucket and check of a feature hash.
#[inline]
fn place(bits: u32, key: u64) -> (usize, u16) {
    let bucket = (key as usize) & ((1usize << bits) - 1);
    (bucket, ((key >> 48) as u16) | 1)
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    pub meta: Meta,
    pub(crate) clusters: Clusters,
    pub(crate) table: Table,
    /// Weight = `i16` × `scale`.
    pub(crate) scale: f32,
    pub(crate) trans: Transitions,
    /// `trans` with forbidden transitions at minus infinity, for decoding.
    decode_trans: Transitions,
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
    /// Builds a model from averaged weights: `keys[i]` has weights
    /// `weights[i * N_TAGS..(i + 1) * N_TAGS]`. Weights are quantized to 16 bits; features
    /// whose weights all round to 0 are dropped, and where two features collide in the
    /// table the one with the larger weights stays.
    pub fn from_weights(
        meta: Meta,
        clusters: Clusters,
        keys: &[u64],
        weights: &[f32],
        trans: Transitions,
    ) -> Model {
        let max = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let mut rows: Vec<(i32, u64, [i16; N_TAGS])> = Vec::with_capacity(keys.len());
        for (i, &key) in keys.iter().enumerate() {
            let Some(w) = weights.get(i * N_TAGS..(i + 1) * N_TAGS) else { break };
            let mut row = [0i16; N_TAGS];
            for (q, w) in row.iter_mut().zip(w) {
                *q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            let norm = row.iter().map(|q| i32::from(*q).abs()).max().unwrap_or(0);
            if norm > 0 {
                rows.push((norm, key, row));
            }
        }
        rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let bits = Table::bits_for(rows.len());
        let (table, _) = Table::build(bits, rows.into_iter().map(|(_, key, row)| (key, row)));
        Model::assemble(meta, clusters, table, scale, trans)
    }

    fn assemble(
        meta: Meta,
        clusters: Clusters,
        table: Table,
        scale: f32,
        trans: Transitions,
    ) -> Model {
        Model { meta, clusters, table, scale, decode_trans: constrained(&trans), trans }
    }

    pub fn n_features(&self) -> usize {
        self.table.len()
    }

    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// Tags one document: the tagger's mentions with their margins, and the emission
    /// scores of the tokens it scored. `rules` are the rule recognizer's mentions of the
    /// same input (stacked features).
    pub fn tag(
        &self,
        lexicon: &Lexicon,
        input: &Input<'_>,
        timexes: &[Timex],
        rules: &[Mention],
    ) -> Tagged {
        let mut feats = DocFeatures::default();
        let res = Resources { lexicon, clusters: &self.clusters };
        features::extract(&res, input, timexes, rules, &mut feats);
        let mut emissions: Vec<[f32; N_TAGS]> = Vec::with_capacity(feats.n_rows());
        for r in 0..feats.n_rows() {
            let mut acc = [0i32; N_TAGS];
            for &h in feats.row(r) {
                if let Some(w) = self.table.get(h) {
                    for (a, x) in acc.iter_mut().zip(w) {
                        *a += i32::from(*x);
                    }
                }
            }
            emissions.push(acc.map(|a| a as f32 * self.scale));
        }
        let mut mentions = Vec::new();
        let (mut path, mut back) = (Vec::new(), Vec::new());
        for seg in &feats.segments {
            let (r0, r1) = (seg.rows.0 as usize, seg.rows.1 as usize);
            let Some(em) = emissions.get(r0..r1) else { continue };
            let prev = usize::from(seg.prev);
            viterbi(em, &self.decode_trans, prev, seg.next_o, None, &mut back, &mut path);
            let mut open: Option<(usize, usize)> = None;
            let mut close = |open: &mut Option<(usize, usize)>, end: usize| {
                if let Some((start, label)) = open.take() {
                    mentions.push(scored(input, &feats.tokens, &emissions, start, end, label));
                }
            };
            for (k, &tag) in path.iter().enumerate() {
                let r = r0 + k;
                match tag_label(tag as usize) {
                    Some((label, true)) => {
                        close(&mut open, r);
                        open = Some((r, label));
                    }
                    Some((label, false)) if open.is_some_and(|(_, l)| l == label) => {}
                    _ => close(&mut open, r),
                }
            }
            close(&mut open, r1);
        }
        Tagged { mentions, tokens: feats.tokens, emissions }
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
        payload.extend_from_slice(&self.scale.to_le_bytes());
        payload.extend_from_slice(&self.table.bits.to_le_bytes());
        let rows = self.table.entries();
        payload.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (h, _) in &rows {
            payload.extend_from_slice(&h.to_le_bytes());
        }
        for (_, row) in &rows {
            for q in row {
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
        let bits = r.u32()?;
        if bits > 28 {
            return Err(Error::Corrupt { path: path_buf(), detail: format!("table of 2^{bits}") });
        }
        let n = r.u32()? as usize;
        let keys = r.take(n.saturating_mul(8))?;
        let raw = r.take(n.saturating_mul(N_TAGS * 2))?;
        if r.pos != payload.len() {
            return Err(Error::Corrupt { path: path_buf(), detail: "trailing payload".into() });
        }
        let rows = keys.chunks_exact(8).zip(raw.chunks_exact(N_TAGS * 2)).map(|(key, row)| {
            let mut word = [0u8; 8];
            word.copy_from_slice(key);
            let mut weights = [0i16; N_TAGS];
            for (w, c) in weights.iter_mut().zip(row.chunks_exact(2)) {
                *w = i16::from_le_bytes([c[0], c[1]]);
            }
            (u64::from_le_bytes(word), weights)
        });
        let (table, dropped) = Table::build(bits, rows);
        if dropped > 0 {
            return Err(Error::Corrupt {
                path: path_buf(),
                detail: format!("{dropped} features collide in the weight table"),
            });
        }
        Ok(Model::assemble(meta, clusters, table, scale, trans))
    }
}

/// The mention of rows `start..end` (consecutive tokens) with label `label`, and its
/// margins from the rows' emission scores.
fn scored(
    input: &Input<'_>,
    tokens: &[u32],
    emissions: &[[f32; N_TAGS]],
    start: usize,
    end: usize,
    label: usize,
) -> Scored {
    let (first, last) = (tokens[start] as usize, tokens[end - 1] as usize);
    let span = Span::new(input.tokens[first].span.start, input.tokens[last].span.end);
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
    let mention = Mention { span, label: LABELS[label], source: MentionSource::Tagger, entity: 0 };
    Scored { mention, name, label: label_margin }
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
