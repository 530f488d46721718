//! Training: gold documents in, a [`Model`] out, reproducibly.
//!
//! Each document goes through the same stages as at tagging time (tokens, sentences,
//! timexes, the rule recognizer) so that the stacked rule features mean the same thing in
//! training and in use. Features seen fewer than `min_count` times are dropped. Sentences
//! are visited in an order shuffled by a seeded generator, so the same data, seed and
//! settings give the same model byte for byte.

use std::time::Instant;

use claimgraph_extract::entities::RuleEntities;
use claimgraph_extract::entities::lexicon::FxMap;
use claimgraph_extract::timexes::RuleTimexes;
use claimgraph_extract::{EntityRecognizer, Input, TimexRecognizer};
use claimgraph_model::EntityLabel;

use crate::data::{GoldDoc, TrainData, gold_tags};
use crate::features::{self, Clusters, DocFeatures, FEATURE_SET, Resources};
use crate::model::{DataRecord, Meta, Model, fnv1a64};
use crate::perceptron::{Example, LABELS, Scratch, Trainer, tag_b, tag_i};
use crate::{DEFAULT_CLUSTERS, Error};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times than this in the training data are dropped.
    pub min_count: u32,
    /// Word clusters text (`word<TAB>c16<TAB>c64<TAB>c256<TAB>c1024` lines).
    pub clusters: String,
    pub threads: usize,
    /// Where the gold says nothing but the rules see a name, the token's label is left
    /// open (O or the rules' tag): [`Unlabeled::Misc`] for the rules' MISC only (the sets
    /// disagree on what MISC covers), [`Unlabeled::All`] for every rule label.
    pub unlabeled: Unlabeled,
}

/// Which rule decisions make gold-O tokens "unknown" rather than "not a name".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlabeled {
    None,
    Misc,
    All,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 5,
            seed: 20_240_611,
            min_count: 2,
            clusters: DEFAULT_CLUSTERS.to_string(),
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            unlabeled: Unlabeled::All,
        }
    }
}

/// A small deterministic generator (xorshift64*), for the shuffles.
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One segment before feature ids are assigned.
struct RawExample {
    hashes: Vec<u64>,
    offsets: Vec<u32>,
    gold: Vec<u8>,
    mask: Option<Vec<u16>>,
    prev: u8,
    next_o: bool,
}

/// Trains a model on `data`.
pub fn train(config: &TrainConfig, data: &[TrainData]) -> Result<Model, Error> {
    let started = Instant::now();
    let clusters = Clusters::parse(&config.clusters).map_err(Error::Clusters)?;
    let rules = RuleEntities::new();
    let res = Resources { lexicon: rules.lexicon(), clusters: &clusters };
    let unlabeled = config.unlabeled;
    let jobs: Vec<(&GoldDoc, Unlabeled)> = data
        .iter()
        .flat_map(|d| {
            // A set that never labels MISC leaves every MISC unlabeled, whatever the policy.
            let policy = if d.labels_misc || unlabeled != Unlabeled::None {
                unlabeled
            } else {
                Unlabeled::Misc
            };
            d.docs.iter().map(move |doc| (doc, policy))
        })
        .collect();
    let n_threads = config.threads.clamp(1, 16);
    let chunk = jobs.len().div_ceil(n_threads).max(1);
    let mut raw: Vec<RawExample> = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                let rules = &rules;
                let res = &res;
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for (doc, policy) in part {
                        doc_examples(res, rules, doc, *policy, &mut out);
                    }
                    out
                })
            })
            .collect();
        for handle in handles {
            let part = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            raw.extend(part);
        }
    });
    if raw.is_empty() {
        return Err(Error::NoData);
    }

    // Dense ids for features seen at least `min_count` times, in order of first sight.
    let mut counts: FxMap<u64, u32> = FxMap::default();
    for ex in &raw {
        for h in &ex.hashes {
            *counts.entry(*h).or_insert(0) += 1;
        }
    }
    let mut ids: FxMap<u64, u32> = FxMap::default();
    let mut keys: Vec<u64> = Vec::new();
    for ex in &raw {
        for h in &ex.hashes {
            if counts.get(h).copied().unwrap_or(0) >= config.min_count && !ids.contains_key(h) {
                ids.insert(*h, keys.len() as u32);
                keys.push(*h);
            }
        }
    }
    drop(counts);
    let n_tokens: usize = raw.iter().map(|ex| ex.gold.len()).sum();
    let mut examples: Vec<Example> = raw
        .into_iter()
        .map(|ex| {
            let mut feats = Vec::with_capacity(ex.hashes.len());
            let mut offsets = Vec::with_capacity(ex.offsets.len());
            for t in 0..ex.gold.len() {
                offsets.push(feats.len() as u32);
                let (a, b) = (ex.offsets[t] as usize, ex.offsets[t + 1] as usize);
                feats.extend(ex.hashes[a..b].iter().filter_map(|h| ids.get(h).copied()));
            }
            offsets.push(feats.len() as u32);
            Example {
                feats,
                offsets,
                gold: ex.gold,
                mask: ex.mask,
                prev: ex.prev,
                next_o: ex.next_o,
            }
        })
        .collect();

    let mut trainer = Trainer::new(keys.len());
    let mut rng = Rng(config.seed | 1);
    let mut scratch = Scratch::default();
    for _epoch in 0..config.epochs {
        rng.shuffle(&mut examples);
        for ex in &examples {
            trainer.learn(ex, &mut scratch);
        }
    }
    let (weights, trans) = trainer.averaged();

    let meta = Meta {
        feature_set: FEATURE_SET.into(),
        data: data
            .iter()
            .map(|d| DataRecord {
                file: d.file.clone(),
                fnv1a64: format!("{:016x}", d.fnv1a64),
                documents: d.docs.len(),
                entities: d.docs.iter().map(|doc| doc.entities.len()).sum(),
                labels_misc: d.labels_misc,
            })
            .collect(),
        epochs: config.epochs,
        seed: config.seed,
        min_count: config.min_count,
        clusters_hash: format!("{:016x}", fnv1a64(config.clusters.as_bytes())),
        n_segments: examples.len(),
        n_tokens,
        train_seconds: (started.elapsed().as_secs_f64() * 10.0).round() / 10.0,
    };
    Ok(Model::from_weights(meta, clusters, &keys, &weights, trans))
}

/// The training segments of one document (see [`features::segments`]).
fn doc_examples(
    res: &Resources<'_>,
    rules: &RuleEntities,
    doc: &GoldDoc,
    policy: Unlabeled,
    out: &mut Vec<RawExample>,
) {
    let text = doc.text.as_str();
    let tokens = claimgraph_text::tokenize(text);
    let sentences = claimgraph_text::split_sentences(text, &tokens);
    let input = Input { text, tokens: &tokens, sentences: &sentences, doc_date: None };
    let timexes = RuleTimexes::new().find(&input, &mut Vec::new());
    let rule_mentions = rules.find(&input, &timexes);
    let mut feats = DocFeatures::default();
    features::extract(res, &input, &timexes, &rule_mentions, &mut feats);
    let gold = gold_tags(&tokens, &doc.entities);
    // Where the rules see a name and the gold says nothing, the token may be O or the
    // rules' label (per `policy`); the perceptron then aims at the best path the labels
    // allow. `free[t]` is the label index + 1, or 0.
    let mut free = vec![0u8; tokens.len()];
    for m in &rule_mentions {
        let open = match policy {
            Unlabeled::None => false,
            Unlabeled::Misc => m.label == EntityLabel::Misc,
            Unlabeled::All => true,
        };
        if !open {
            continue;
        }
        let first = tokens.partition_point(|t| t.span.end <= m.span.start);
        let last = tokens.partition_point(|t| t.span.start < m.span.end).max(first);
        if gold[first..last].iter().all(|&g| g == 0) {
            let label = LABELS.iter().position(|l| *l == m.label).unwrap_or(0);
            free[first..last].fill(label as u8 + 1);
        }
    }
    for seg in &feats.segments {
        let (r0, r1) = (seg.rows.0 as usize, seg.rows.1 as usize);
        let mut ex = RawExample {
            hashes: Vec::new(),
            offsets: Vec::with_capacity(r1 - r0 + 1),
            gold: Vec::with_capacity(r1 - r0),
            mask: None,
            prev: seg.prev,
            next_o: seg.next_o,
        };
        let mut mask = Vec::with_capacity(r1 - r0);
        let mut any_free = false;
        for r in r0..r1 {
            let t = feats.tokens[r] as usize;
            ex.offsets.push(ex.hashes.len() as u32);
            ex.hashes.extend_from_slice(feats.row(r));
            let mut tag = gold[t];
            // A name cut by a sentence or segment boundary restarts with B.
            if r == r0 && tag != 0 && tag.is_multiple_of(2) {
                tag -= 1;
            }
            ex.gold.push(tag);
            if let Some(label) = free.get(t).copied().filter(|&l| l > 0) {
                let label = usize::from(label - 1);
                any_free = true;
                mask.push(1 | 1 << tag_b(label) | 1 << tag_i(label));
            } else {
                mask.push(1u16 << tag);
            }
        }
        ex.offsets.push(ex.hashes.len() as u32);
        if any_free {
            ex.mask = Some(mask);
        }
        if !ex.gold.is_empty() {
            out.push(ex);
        }
    }
}
