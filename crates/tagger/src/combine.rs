//! How the tagger and the rules decide together, then document consistency.
//!
//! Measured on the dev sets, the tagger (trained on tweets and web text) finds names the
//! rules miss but is less precise than the rules on news; the rules' decisions are also
//! among its features. So the rules' mentions are the base, and the tagger
//! - adds the names the rules missed, where its margin over `O` is at least `add`, except
//!   a bare title ("the Prime Minister") and a span that stops inside a written word
//!   ("Co-op", "US$");
//! - relabels a rule mention it finds with exactly the same span, where its margin over
//!   the rule's label is at least `relabel`;
//! - drops a rule mention it does not tag at all, where it is confident (`drop`) that the
//!   tokens are no name.
//!
//! Then a name keeps one label across the document: each distinct name (its lowercased
//! text) takes the label most of its occurrences got, ties going to the first label in
//! PER, ORG, LOC, MISC order.
//!
//! Both mention lists are sorted and non-overlapping, so matching them is a merge, not a
//! search per mention: documents with thousands of names stay linear.

use claimgraph_extract::Input;
use claimgraph_extract::entities::lexicon::{self as lx, FxMap, Lexicon};
use claimgraph_model::{EntityLabel, Mention, MentionSource, Span, TokenKind};
use claimgraph_text::words::push_lower;

use crate::model::{Scored, Tagged};

/// The thresholds of the combination (margins in the model's score units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    pub add: f32,
    /// `f32::INFINITY` never relabels a rule mention.
    pub relabel: f32,
    /// `f32::INFINITY` never drops a rule mention.
    pub drop: f32,
    pub consistency: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        // Measured on the dev sets: adding every tagger name the rules missed helps;
        // relabeling and dropping rule mentions did not, at any margin tried.
        Policy { add: 0.0, relabel: f32::INFINITY, drop: f32::INFINITY, consistency: true }
    }
}

/// The tagger mentions overlapping `span`, from a list sorted by start.
fn overlapping(tagged: &[Scored], span: Span) -> &[Scored] {
    // Non-overlapping and sorted: ends increase too, so both bounds are binary searches.
    let a = tagged.partition_point(|s| s.mention.span.end <= span.start);
    let b = tagged.partition_point(|s| s.mention.span.start < span.end);
    tagged.get(a..b.max(a)).unwrap_or(&[])
}

/// The final mentions of a document, sorted and non-overlapping.
pub fn combine(
    input: &Input<'_>,
    lexicon: &Lexicon,
    policy: &Policy,
    rules: &[Mention],
    tagged: &Tagged,
) -> Vec<Mention> {
    // How sure the tagger is that a span is no name: the least, over its scored tokens,
    // of the score of O minus the best name tag (rule tokens are always scored).
    let o_margin = |m: &Mention| -> f32 {
        let first = input.tokens.partition_point(|t| t.span.end <= m.span.start);
        let last = input.tokens.partition_point(|t| t.span.start < m.span.end);
        tagged
            .emissions_of(first, last)
            .iter()
            .map(|e| e[0] - e[1..].iter().copied().fold(f32::NEG_INFINITY, f32::max))
            .fold(f32::INFINITY, f32::min)
    };
    let mentions = &tagged.mentions;
    let mut out: Vec<Mention> = Vec::with_capacity(rules.len() + mentions.len());
    for rule in rules {
        let over = overlapping(mentions, rule.span);
        match over.iter().find(|s| s.mention.span == rule.span) {
            Some(s) if s.mention.label != rule.label && s.label >= policy.relabel => {
                out.push(Mention { source: MentionSource::Tagger, ..s.mention.clone() });
            }
            Some(_) => out.push(rule.clone()),
            None => {
                if !over.is_empty() || policy.drop == f32::INFINITY || o_margin(rule) < policy.drop
                {
                    out.push(rule.clone());
                }
            }
        }
    }
    for s in mentions {
        if s.name >= policy.add
            && !overlaps_any(rules, s.mention.span)
            && !only_titles(input, lexicon, s.mention.span)
            && !cuts_word(input, s.mention.span)
        {
            out.push(s.mention.clone());
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    if policy.consistency {
        consistent_labels(input, &mut out);
    }
    out
}

/// The span's words are all titles or roles, one of them more than a modifier ("Prime
/// Minister", "Pope", but not "Labour"): a role named without the person.
fn only_titles(input: &Input<'_>, lexicon: &Lexicon, span: Span) -> bool {
    let mut scratch = String::new();
    let (mut core, mut all) = (false, true);
    let first = input.tokens.partition_point(|t| t.span.end <= span.start);
    for token in input.tokens[first..].iter().take_while(|t| t.span.start < span.end) {
        if token.kind != TokenKind::Word {
            continue;
        }
        scratch.clear();
        push_lower(&mut scratch, token.span.slice(input.text));
        let flags = lexicon.flags(&scratch);
        all &= flags & lx::TITLE != 0;
        core |= flags & (lx::TITLE | lx::TITLE_MOD) == lx::TITLE;
    }
    all && core
}

/// The span stops inside a written word: a hyphen and a lowercase letter follow without
/// a space ("Co-op"), or a currency sign ("US$").
fn cuts_word(input: &Input<'_>, span: Span) -> bool {
    let mut rest = input.text[span.end..].chars();
    match rest.next() {
        Some('-') => rest.next().is_some_and(char::is_lowercase),
        Some('$') => true,
        _ => false,
    }
}

/// True when a mention of `sorted` (sorted, non-overlapping) overlaps `span`.
fn overlaps_any(sorted: &[Mention], span: Span) -> bool {
    let a = sorted.partition_point(|m| m.span.end <= span.start);
    sorted.get(a).is_some_and(|m| m.span.start < span.end)
}

fn consistent_labels(input: &Input<'_>, mentions: &mut [Mention]) {
    let mut scratch = String::new();
    let keys: Vec<u64> = mentions
        .iter()
        .map(|m| {
            scratch.clear();
            let name = m.span.slice(input.text);
            if name.is_ascii() {
                scratch.push_str(name);
                scratch.make_ascii_lowercase();
            } else {
                scratch.extend(name.chars().flat_map(char::to_lowercase));
            }
            crate::features::word_hash(&scratch)
        })
        .collect();
    let mut votes: FxMap<u64, [u32; 4]> = FxMap::default();
    for (m, key) in mentions.iter().zip(&keys) {
        votes.entry(*key).or_default()[label_idx(m.label)] += 1;
    }
    for (m, key) in mentions.iter_mut().zip(&keys) {
        let Some(counts) = votes.get(key) else { continue };
        let own = counts[label_idx(m.label)];
        if let Some((best, &n)) = counts.iter().enumerate().max_by_key(|(i, n)| (**n, 4 - i))
            && n > own
        {
            m.label = LABELS[best];
        }
    }
}

const LABELS: [EntityLabel; 4] =
    [EntityLabel::Person, EntityLabel::Organization, EntityLabel::Location, EntityLabel::Misc];

fn label_idx(label: EntityLabel) -> usize {
    match label {
        EntityLabel::Person => 0,
        EntityLabel::Organization => 1,
        EntityLabel::Location => 2,
        EntityLabel::Misc => 3,
    }
}
