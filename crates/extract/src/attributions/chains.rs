//! Relay chains: an attribution whose cue lies inside another's content is relayed by
//! it ("W reported that X said that …": X's attribution is relayed by W's). The
//! innermost enclosing content wins, so a chain of three hops links each hop to the one
//! just outside it.
//!
//! Drafts come in text order, and an enclosing attribution is always near the one it
//! holds, so each draft looks at a bounded window of neighbours: linear time.

use super::patterns::Draft;

/// How many drafts on each side may enclose a draft.
const WINDOW: usize = 64;

/// For each draft, the index of the draft that relays it.
pub fn relays(drafts: &[Draft]) -> Vec<Option<usize>> {
    let mut out = vec![None; drafts.len()];
    for (i, d) in drafts.iter().enumerate() {
        let Some(cue) = d.cue else { continue };
        let (lo, hi) = match d.source {
            Some(src) => (cue.0.min(src.0), cue.1.max(src.1)),
            None => cue,
        };
        let mut best: Option<(usize, usize)> = None;
        let from = i.saturating_sub(WINDOW);
        let to = (i + WINDOW + 1).min(drafts.len());
        for (j, other) in drafts.iter().enumerate().take(to).skip(from) {
            if j == i || other.cue.is_none() {
                continue;
            }
            for &(s, e) in &other.parts {
                if s <= lo && hi <= e && best.is_none_or(|(_, len)| e - s < len) {
                    best = Some((j, e - s));
                }
            }
        }
        out[i] = best.map(|(j, _)| j);
    }
    out
}
