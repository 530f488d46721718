//! BIO tags, Viterbi decoding and the averaged structured perceptron that learns them.
//!
//! Nine tags: `O`, then `B-X` and `I-X` for PER, ORG, LOC, MISC. Decoding is first-order
//! Viterbi with a hard constraint (`I-X` only after `B-X` or `I-X`), so every output is a
//! well-formed set of spans. Training is Collins' structured perceptron with weight
//! averaging (the lazy "sum of timestamped updates" form), which needs no learning rate,
//! converges in a few epochs and is deterministic given the order of sentences.

use claimgraph_model::EntityLabel;

pub const N_TAGS: usize = 9;
/// The `O` tag.
pub const O: usize = 0;
/// Row of the transition table holding start-of-sentence scores.
pub const START: usize = N_TAGS;
pub const LABELS: [EntityLabel; 4] =
    [EntityLabel::Person, EntityLabel::Organization, EntityLabel::Location, EntityLabel::Misc];

pub type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

pub fn tag_b(label_idx: usize) -> usize {
    1 + 2 * label_idx
}

pub fn tag_i(label_idx: usize) -> usize {
    2 + 2 * label_idx
}

/// The label of a tag (`None` for `O`) and whether it begins a span.
pub fn tag_label(tag: usize) -> Option<(usize, bool)> {
    (tag != 0 && tag < N_TAGS).then(|| ((tag - 1) / 2, tag % 2 == 1))
}

/// True when `cur` may follow `prev` (`START` for the first token).
pub fn allowed(prev: usize, cur: usize) -> bool {
    match tag_label(cur) {
        Some((label, false)) => prev != START && tag_label(prev).is_some_and(|(l, _)| l == label),
        _ => true,
    }
}

/// `trans` with the forbidden transitions at minus infinity, so that decoding needs no
/// test in its inner loop.
pub fn constrained(trans: &Transitions) -> Transitions {
    let mut out = *trans;
    for (prev, row) in out.iter_mut().enumerate() {
        for (cur, w) in row.iter_mut().enumerate() {
            if !allowed(prev, cur) {
                *w = f32::NEG_INFINITY;
            }
        }
    }
    out
}

/// The best tag sequence of one segment under `emissions` and `trans` (constrained, see
/// [`constrained`]). `prev` is the tag before the segment (`START` or `O`); with `next_o`
/// the transition from the last tag to a following `O` counts. `mask`, when given, holds
/// for each token a bit set of the tags it may take (used to find the best
/// gold-compatible path when some tokens' labels are unknown). `back` is scratch.
pub fn viterbi(
    emissions: &[[f32; N_TAGS]],
    trans: &Transitions,
    prev: usize,
    next_o: bool,
    mask: Option<&[u16]>,
    back: &mut Vec<[u8; N_TAGS]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let ok =
        |t: usize, tag: usize| mask.is_none_or(|m| m.get(t).is_some_and(|b| b >> tag & 1 == 1));
    back.clear();
    back.resize(n, [0u8; N_TAGS]);
    let mut score = [f32::NEG_INFINITY; N_TAGS];
    let start = &trans[prev.min(START)];
    for tag in 0..N_TAGS {
        if ok(0, tag) {
            score[tag] = start[tag] + emissions[0][tag];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        for cur in 0..N_TAGS {
            if !ok(t, cur) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut best_prev = 0;
            for (p, s) in score.iter().enumerate() {
                let s = s + trans[p][cur];
                if s > best {
                    best = s;
                    best_prev = p;
                }
            }
            if best > f32::NEG_INFINITY {
                next[cur] = best + emissions[t][cur];
                back[t][cur] = best_prev as u8;
            }
        }
        score = next;
    }
    if next_o {
        for (tag, s) in score.iter_mut().enumerate() {
            *s += trans[tag][O];
        }
    }
    let mut tag =
        (0..N_TAGS).max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a))).unwrap_or(0);
    out.resize(n, 0);
    for t in (0..n).rev() {
        out[t] = tag as u8;
        tag = back[t][tag] as usize;
    }
}

/// Perceptron weights during training, indexed by dense feature ids.
#[derive(Debug)]
pub struct Trainer {
    pub weights: Vec<f32>,
    /// Sum of `step * update`, for averaging (f64: it grows with the number of steps).
    acc: Vec<f64>,
    pub trans: Transitions,
    trans_acc: [[f64; N_TAGS]; N_TAGS + 1],
    step: f64,
}

/// One training segment: dense feature ids per token, gold tags, an optional mask of
/// allowed tags per token (partially labeled data), and its boundaries as in
/// [`viterbi`].
#[derive(Debug, Clone)]
pub struct Example {
    pub feats: Vec<u32>,
    pub offsets: Vec<u32>,
    pub gold: Vec<u8>,
    pub mask: Option<Vec<u16>>,
    pub prev: u8,
    pub next_o: bool,
}

impl Trainer {
    pub fn new(n_features: usize) -> Trainer {
        Trainer {
            weights: vec![0.0; n_features * N_TAGS],
            acc: vec![0.0; n_features * N_TAGS],
            trans: [[0.0; N_TAGS]; N_TAGS + 1],
            trans_acc: [[0.0f64; N_TAGS]; N_TAGS + 1],
            step: 1.0,
        }
    }

    fn emissions(&self, ex: &Example, out: &mut Vec<[f32; N_TAGS]>) {
        out.clear();
        for t in 0..ex.gold.len() {
            let mut row = [0.0f32; N_TAGS];
            for &f in &ex.feats[ex.offsets[t] as usize..ex.offsets[t + 1] as usize] {
                let w = &self.weights[f as usize * N_TAGS..(f as usize + 1) * N_TAGS];
                for (r, x) in row.iter_mut().zip(w) {
                    *r += x;
                }
            }
            out.push(row);
        }
    }

    /// One perceptron step on one segment; returns the number of wrong tokens.
    pub fn learn(&mut self, ex: &Example, scratch: &mut Scratch) -> usize {
        self.emissions(ex, &mut scratch.emissions);
        let trans = constrained(&self.trans);
        let (prev, next_o) = (usize::from(ex.prev), ex.next_o);
        let em = &scratch.emissions;
        viterbi(em, &trans, prev, next_o, None, &mut scratch.back, &mut scratch.pred);
        // With a mask, the target is the best path the partial labels allow.
        let target: &[u8] = match &ex.mask {
            Some(mask) => {
                viterbi(em, &trans, prev, next_o, Some(mask), &mut scratch.back, &mut scratch.gold);
                if scratch.gold.len() != ex.gold.len() {
                    scratch.gold.clone_from(&ex.gold);
                }
                &scratch.gold
            }
            None => &ex.gold,
        };
        let pred = &scratch.pred;
        let mut n_wrong = 0;
        let step = self.step;
        for t in 0..target.len() {
            let (g, p) = (target[t] as usize, pred[t] as usize);
            if g != p {
                n_wrong += 1;
                for &f in &ex.feats[ex.offsets[t] as usize..ex.offsets[t + 1] as usize] {
                    let base = f as usize * N_TAGS;
                    self.weights[base + g] += 1.0;
                    self.acc[base + g] += step;
                    self.weights[base + p] -= 1.0;
                    self.acc[base + p] -= step;
                }
            }
            let gp = if t == 0 { prev } else { target[t - 1] as usize };
            let pp = if t == 0 { prev } else { pred[t - 1] as usize };
            if gp != pp || g != p {
                self.update_trans(gp, g, pp, p);
            }
        }
        if let (true, Some(&g), Some(&p)) = (next_o, target.last(), pred.last())
            && g != p
        {
            self.update_trans(g as usize, O, p as usize, O);
        }
        self.step += 1.0;
        n_wrong
    }

    /// Rewards the gold transition `gp → g` and penalizes the predicted `pp → p`.
    fn update_trans(&mut self, gp: usize, g: usize, pp: usize, p: usize) {
        let step = self.step;
        self.trans[gp][g] += 1.0;
        self.trans_acc[gp][g] += step;
        self.trans[pp][p] -= 1.0;
        self.trans_acc[pp][p] -= step;
    }

    /// The averaged weights and transitions.
    pub fn averaged(&self) -> (Vec<f32>, Transitions) {
        let step = self.step;
        let weights = self
            .weights
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| (f64::from(*w) - a / step) as f32)
            .collect();
        let mut trans = self.trans;
        for (row, acc) in trans.iter_mut().zip(&self.trans_acc) {
            for (w, a) in row.iter_mut().zip(acc) {
                *w = (f64::from(*w) - a / step) as f32;
            }
        }
        (weights, trans)
    }
}

/// Reused buffers for [`Trainer::learn`].
#[derive(Debug, Default)]
pub struct Scratch {
    emissions: Vec<[f32; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
    pred: Vec<u8>,
    gold: Vec<u8>,
}
