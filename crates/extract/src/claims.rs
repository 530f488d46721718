//! Claims: what each attribution asserts, about which entities, when, where, how much, how
//! surely; and the publisher's own voice for every sentence that no attribution covers.
//!
//! This stage adds no recognition of its own beyond two small lexicons (hedges and
//! denials): it ties together what the earlier stages found, by span containment. Items
//! are found by binary search over the sorted outputs of earlier stages, so the work is
//! O((claims + items) · log items).

use claimgraph_model::{
    Attribution, Claim, ClaimVoice, Mention, Quantity, Span, Stance, Timex, Token, TokenKind,
    Toponym,
};
use claimgraph_text::words::lower;

use crate::Input;

/// Everything the claims stage reads besides the input.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInputs<'a> {
    pub mentions: &'a [Mention],
    pub attributions: &'a [Attribution],
    pub timexes: &'a [Timex],
    pub quantities: &'a [Quantity],
    pub toponyms: &'a [Toponym],
}

/// A sentence needs this many word tokens to count as a claim in the publisher's voice
/// (shorter ones are bylines, datelines and fragments).
const MIN_PUBLISHER_WORDS: usize = 4;

/// Relay chains longer than this are cut (they only arise from a cycle, which is a bug
/// upstream, and must not loop forever).
const MAX_CHAIN: usize = 16;

/// Builds the claims of a document: one per attribution (in attribution order), then one
/// per uncovered sentence in the publisher's voice, all sorted by content start.
pub fn build_claims(input: &Input<'_>, found: &ClaimInputs<'_>) -> Vec<Claim> {
    let mut claims = Vec::with_capacity(found.attributions.len() + input.sentences.len() / 2);
    for (idx, attribution) in found.attributions.iter().enumerate() {
        if attribution.content.is_empty() {
            continue;
        }
        // An unsourced hedge inside a statement ("Officials said the group allegedly moved
        // ...") attributes the same words again: the outer claim already carries them, and
        // the hedge word is found in its content.
        let restates_its_relay = attribution.source.is_none()
            && attribution
                .relayed_by
                .and_then(|outer| found.attributions.get(outer))
                .is_some_and(|outer| outer.content == attribution.content);
        if restates_its_relay {
            continue;
        }
        let mut chain = vec![idx];
        let mut current = attribution.relayed_by;
        while let Some(outer) = current {
            if chain.len() >= MAX_CHAIN || chain.contains(&outer) {
                break;
            }
            chain.push(outer);
            current = found.attributions.get(outer).and_then(|a| a.relayed_by);
        }
        let stance = if attribution.cue.is_some_and(|cue| is_denial_cue(input, cue)) {
            Stance::Denies
        } else {
            Stance::Asserts
        };
        let mut claim = describe(
            input,
            found,
            ClaimVoice::Attributed(idx),
            without_complementizer(input, &attribution.content),
            chain,
            stance,
        );
        if let Some(cue) = attribution.cue {
            // A hedging cue ("claimed", "alleged") hedges the whole claim.
            for token_idx in tokens_in(input.tokens, cue) {
                if is_hedge_cue(&lower(input.word(token_idx))) {
                    claim.hedges.push(input.tokens[token_idx].span);
                }
            }
        }
        claims.push(claim);
    }
    // Spans that belong to some attribution, to find the sentences nobody is quoted in.
    let mut attributed: Vec<Span> = found
        .attributions
        .iter()
        .flat_map(|a| a.content.iter().copied().chain(a.source).chain(a.cue))
        .collect();
    attributed.sort_unstable();
    let mut covered_until = 0;
    let mut attributed_idx = 0;
    for sentence in input.sentences {
        let mut overlaps = false;
        while attributed_idx < attributed.len()
            && attributed[attributed_idx].start < sentence.span.end
        {
            covered_until = covered_until.max(attributed[attributed_idx].end);
            overlaps |= attributed[attributed_idx].end > sentence.span.start;
            attributed_idx += 1;
        }
        overlaps |= covered_until > sentence.span.start;
        if overlaps {
            continue;
        }
        let n_words = input.tokens[sentence.token_start..sentence.token_end]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .count();
        if n_words < MIN_PUBLISHER_WORDS {
            continue;
        }
        claims.push(describe(
            input,
            found,
            ClaimVoice::Publisher,
            vec![sentence.span],
            Vec::new(),
            Stance::Asserts,
        ));
    }
    claims.sort_by_key(|claim| claim.content.first().map_or(0, |span| span.start));
    claims
}

fn describe(
    input: &Input<'_>,
    found: &ClaimInputs<'_>,
    voice: ClaimVoice,
    content: Vec<Span>,
    chain: Vec<usize>,
    stance: Stance,
) -> Claim {
    let mut mentions = Vec::new();
    let mut timexes = Vec::new();
    let mut quantities = Vec::new();
    let mut toponyms = Vec::new();
    let mut hedges = Vec::new();
    let mut negations = Vec::new();
    for &part in &content {
        mentions.extend(inside(found.mentions, part, |m| m.span));
        timexes.extend(inside(found.timexes, part, |t| t.span));
        quantities.extend(inside(found.quantities, part, |q| q.span));
        toponyms.extend(inside(found.toponyms, part, |t| t.span));
        let mut previous = SmallWord::default();
        for token_idx in tokens_in(input.tokens, part) {
            let word = SmallWord::new(input.word(token_idx));
            let span = input.tokens[token_idx].span;
            // A word of a date is no hedge: "in May 1961" (timexes are sorted by start).
            let in_date = || {
                let after = found.timexes.partition_point(|t| t.span.start <= span.start);
                after > 0 && found.timexes[after - 1].span.contains(span)
            };
            if is_hedge(word.as_str(), previous.as_str(), input, token_idx) && !in_date() {
                hedges.push(span);
            }
            if is_negation(word.as_str()) {
                negations.push(span);
            }
            previous = word;
        }
    }
    let has_subject = first_mention_is_subject(input, &content, found.mentions, &mentions);
    Claim {
        voice,
        content,
        chain,
        mentions,
        has_subject,
        timexes,
        quantities,
        toponyms,
        hedges,
        stance,
        negations,
    }
}

/// Indices of the items (sorted by start) whose span lies inside `part`.
fn inside<T>(items: &[T], part: Span, span_of: fn(&T) -> Span) -> Vec<usize> {
    let first = items.partition_point(|item| span_of(item).start < part.start);
    let mut found = Vec::new();
    for (offset, item) in items[first..].iter().enumerate() {
        let span = span_of(item);
        if span.start >= part.end {
            break;
        }
        if part.contains(span) {
            found.push(first + offset);
        }
    }
    found
}

/// The content parts with a leading "that" dropped: the attribution keeps it (as the gold
/// corpora do), but what is claimed starts after it.
fn without_complementizer(input: &Input<'_>, content: &[Span]) -> Vec<Span> {
    let mut parts = content.to_vec();
    if let Some(first) = parts.first_mut() {
        let tokens = tokens_in(input.tokens, *first);
        if tokens.len() > 1 && input.word(tokens.start).eq_ignore_ascii_case("that") {
            first.start = input.tokens[tokens.start + 1].span.start;
        }
    }
    parts
}

/// Indices of the tokens inside `span`.
fn tokens_in(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let last = tokens.partition_point(|t| t.span.start < span.end);
    first..last.max(first)
}

/// Mentions are in text order, so the subject, when there is one, is the first mention:
/// it is taken as the subject when it starts within the first few words of the content
/// (articles, "that" and punctuation not counted). Without a parser this is a heuristic.
fn first_mention_is_subject(
    input: &Input<'_>,
    content: &[Span],
    all: &[Mention],
    mentions: &[usize],
) -> bool {
    const SUBJECT_WINDOW: usize = 6;
    let (Some(first_part), Some(&first_mention)) = (content.first(), mentions.first()) else {
        return false;
    };
    let Some(mention) = all.get(first_mention) else { return false };
    let leading = tokens_in(input.tokens, Span::new(first_part.start, mention.span.start))
        .filter(|&idx| {
            let word = input.word(idx);
            input.tokens[idx].kind != TokenKind::Punct
                && !matches!(lower(word).as_str(), "that" | "the" | "a" | "an")
        })
        .count();
    leading <= SUBJECT_WINDOW
}

fn is_hedge(word: &str, previous: &str, input: &Input<'_>, token_idx: usize) -> bool {
    match word {
        "alleged" | "allegedly" | "reportedly" | "purportedly" | "supposedly" | "apparently"
        | "possibly" | "probably" | "perhaps" | "maybe" | "likely" | "unlikely" | "may"
        | "might" | "could" | "unconfirmed" | "unverified" | "suspected" | "rumored"
        | "rumoured" | "presumably" | "seemingly" | "appears" | "appeared" | "seems" | "seemed" => {
            true
        }
        // "believed to", "thought to", "said to", "claimed to", "estimated to"
        "believed" | "thought" | "said" | "claimed" | "estimated" | "understood" => {
            input.word(token_idx + 1).eq_ignore_ascii_case("to")
                && matches!(previous, "is" | "are" | "was" | "were" | "be" | "been")
        }
        _ => false,
    }
}

fn is_hedge_cue(word: &str) -> bool {
    matches!(
        word,
        "claimed"
            | "claims"
            | "claim"
            | "claiming"
            | "alleged"
            | "alleges"
            | "allege"
            | "alleging"
            | "speculated"
            | "speculates"
            | "suggested"
            | "suggests"
            | "suspects"
            | "suspected"
            | "believes"
            | "believed"
            | "thinks"
            | "thought"
            | "guessed"
            | "estimated"
            | "estimates"
            | "rumored"
            | "rumoured"
            | "purported"
            | "purports"
    )
}

fn is_denial_cue(input: &Input<'_>, cue: Span) -> bool {
    tokens_in(input.tokens, cue).any(|idx| {
        let word = lower(input.word(idx));
        word.starts_with("den") && matches!(word.as_str(), "deny" | "denies" | "denied" | "denying")
            || word.starts_with("reject")
            || word.starts_with("dismiss")
            || word.starts_with("refut")
            || word.starts_with("disput")
            || word.starts_with("contradict")
            || word.starts_with("rebut")
    })
}

fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "n't"
            | "never"
            | "no"
            | "nobody"
            | "none"
            | "nothing"
            | "neither"
            | "nor"
            | "without"
    ) || word.ends_with("n't")
}

/// A lowercased short ASCII word: the lexicons here hold only short ASCII words, so
/// anything longer or non-ASCII can never match and becomes "". A word already in
/// lowercase (most of running text) is borrowed as it is; others are copied to the stack.
#[derive(Default, Clone, Copy)]
struct SmallWord<'a> {
    borrowed: &'a str,
    bytes: [u8; 16],
    len: usize,
}

impl<'a> SmallWord<'a> {
    fn new(word: &'a str) -> SmallWord<'a> {
        let mut small = SmallWord::default();
        if word.len() <= small.bytes.len()
            && word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            small.borrowed = word;
            return small;
        }
        for ch in word.chars() {
            // Curly apostrophes fold to straight ones ("didn’t").
            let byte = match ch {
                '’' => b'\'',
                _ if ch.is_ascii() => ch.to_ascii_lowercase() as u8,
                _ => return SmallWord::default(),
            };
            let Some(slot) = small.bytes.get_mut(small.len) else {
                return SmallWord::default();
            };
            *slot = byte;
            small.len += 1;
        }
        small
    }

    fn as_str(&self) -> &str {
        if self.len == 0 {
            return self.borrowed;
        }
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}
