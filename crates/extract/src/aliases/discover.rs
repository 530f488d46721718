//! The first pass, over tokens: aliases that the text states, and the acronym mentions
//! they reveal.
//!
//! An acronym in parentheses or after a slash right after a mention defines it ("the
//! Revolutionary Guards (IRGC)", "People's Mojahedin Organization of Iran (PMOI/MEK)");
//! "also known as", "a.k.a." and an appositive "or" name the same thing twice. The
//! recognizer often misses the acronyms, so this pass adds them as mentions, along with
//! every later use of a defined acronym and any all-caps token whose letters spell a long
//! form of the document. Links found here are between spans; the caller turns them into
//! mention indices once the new mentions are merged in.

use foldhash::{HashMap, HashMapExt};

use claimgraph_model::{AliasReason, EntityLabel, Mention, MentionSource, Span, TokenKind};
use claimgraph_text::words::{is_all_caps, is_capitalized, is_quote, lower};

use super::acronyms::{LongForms, is_acronym_text, is_acronym_word, letters, spells};
use super::normalize::{is_function_word, words};
use crate::Input;

/// Most acronyms one parenthesis may define ("(PMOI/MEK)").
const MAX_IN_PARENS: usize = 4;
/// Tokens of a parenthetical skipped between a name and "also known as".
const MAX_PARENTHETICAL_TOKENS: usize = 12;

/// Longest alias name read after "also known as" when the recognizer missed it.
const MAX_NAME_TOKENS: usize = 8;

/// What the first pass found: mentions to add and links between spans.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub mentions: Vec<Mention>,
    pub links: Vec<(Span, Span, AliasReason)>,
}

/// Runs the first pass over `mentions` (sorted, non-overlapping).
pub(crate) fn discover(input: &Input<'_>, mentions: &[Mention]) -> Found {
    let mut pass = Pass::new(input, mentions);
    pass.definitions();
    pass.explicit_aliases();
    pass.later_uses();
    pass.spelled_acronyms();
    let added = pass.mentions.split_off(pass.n_given);
    Found { mentions: added, links: pass.links }
}

/// One item of an alias list: its span, the token after it, and its label when known.
#[derive(Debug, Clone, Copy)]
struct Item {
    span: Span,
    token_end: usize,
    label: Option<EntityLabel>,
    /// Tokens to add as a new mention, when no mention covers the item yet.
    new: Option<(usize, usize)>,
}

struct Pass<'a> {
    input: &'a Input<'a>,
    /// The given mentions, then the added ones (so not sorted past `n_given`).
    mentions: Vec<Mention>,
    n_given: usize,
    /// Token range `[start, end)` of each mention.
    ranges: Vec<(usize, usize)>,
    /// Mention starting exactly at a token, and mention ending exactly before a token.
    starts: HashMap<usize, usize>,
    ends: HashMap<usize, usize>,
    /// Tokens inside some mention (original or added).
    covered: Vec<bool>,
    links: Vec<(Span, Span, AliasReason)>,
    /// Acronyms defined or named in the document, with the label of what they stand for.
    defined: HashMap<String, EntityLabel>,
}

impl<'a> Pass<'a> {
    fn new(input: &'a Input<'a>, mentions: &'a [Mention]) -> Pass<'a> {
        let tokens = input.tokens;
        let mut covered = vec![false; tokens.len()];
        let mut ranges = Vec::with_capacity(mentions.len());
        let mut starts = HashMap::new();
        let mut ends = HashMap::new();
        for (idx, mention) in mentions.iter().enumerate() {
            let start = tokens.partition_point(|t| t.span.start < mention.span.start);
            let end = tokens.partition_point(|t| t.span.start < mention.span.end).max(start);
            for flag in covered.get_mut(start..end).into_iter().flatten() {
                *flag = true;
            }
            if tokens.get(start).is_some_and(|t| t.span.start == mention.span.start) {
                starts.insert(start, idx);
            }
            if end > start && tokens.get(end - 1).is_some_and(|t| t.span.end == mention.span.end) {
                ends.insert(end, idx);
            }
            ranges.push((start, end));
        }
        Pass {
            input,
            mentions: mentions.to_vec(),
            n_given: mentions.len(),
            ranges,
            starts,
            ends,
            covered,
            links: Vec::new(),
            defined: HashMap::new(),
        }
    }

    fn word(&self, idx: usize) -> &'a str {
        self.input.word(idx)
    }

    fn is_word(&self, idx: usize) -> bool {
        self.input.tokens.get(idx).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_acronym_at(&self, idx: usize) -> bool {
        self.is_word(idx) && is_acronym_word(self.word(idx))
    }

    fn mention_text(&self, idx: usize) -> &'a str {
        self.mentions.get(idx).map_or("", |m| m.span.slice(self.input.text))
    }

    /// Adds tokens `[start, end)` as a new mention unless a mention covers any of them.
    fn add(&mut self, start: usize, end: usize, label: EntityLabel) -> Option<Span> {
        let covered = self.covered.get(start..end)?;
        if start >= end || covered.iter().any(|c| *c) {
            return None;
        }
        let first = self.input.tokens.get(start)?;
        let last = self.input.tokens.get(end - 1)?;
        let span = Span::new(first.span.start, last.span.end);
        for flag in self.covered.get_mut(start..end).into_iter().flatten() {
            *flag = true;
        }
        // Later patterns see added mentions like given ones ("(PMOI, also known as MEK)").
        let idx = self.mentions.len();
        self.mentions.push(Mention { span, label, source: MentionSource::Alias, entity: 0 });
        self.ranges.push((start, end));
        self.starts.insert(start, idx);
        self.ends.insert(end, idx);
        Some(span)
    }

    /// The span of the acronym token `idx` as a mention: the existing mention that is
    /// exactly that token, or a new one. `None` when a larger mention swallows the token.
    fn acronym_mention(&mut self, idx: usize, label: EntityLabel) -> Option<Span> {
        if let Some(&mention) = self.starts.get(&idx) {
            let (start, end) = self.ranges.get(mention).copied()?;
            let text = self.mention_text(mention);
            return (end == start + 1 || is_acronym_text(text))
                .then(|| self.mentions.get(mention).map(|m| m.span))
                .flatten();
        }
        self.add(idx, idx + 1, label)
    }

    fn define(&mut self, acronym: &str, label: EntityLabel) {
        self.defined.entry(acronym.to_string()).or_insert(label);
    }

    /// "Long Form (ACR/ACR2)", "Long Form / ACR", and the reverse "ACR (Long Form)".
    fn definitions(&mut self) {
        for idx in 0..self.mentions.len() {
            let Some(&(_, end)) = self.ranges.get(idx) else { continue };
            if self.ends.get(&end) != Some(&idx) {
                continue;
            }
            let Some(mention) = self.mentions.get(idx) else { continue };
            let (long_span, label) = (mention.span, mention.label);
            let text = self.mention_text(idx);
            let long_words = words(text);
            if is_acronym_text(text) {
                self.reverse_definition(idx, end, text);
                continue;
            }
            let open = self.word(end);
            let acronyms: Vec<usize> = if open == "(" {
                self.acronyms_in_parens(end + 1)
            } else if open == "/" && self.is_acronym_at(end + 1) {
                vec![end + 1]
            } else {
                continue;
            };
            if acronyms.is_empty() {
                continue;
            }
            // A parenthesized acronym that does not spell the name is still a definition
            // for organizations ("the Revolutionary Guards (IRGC)"), but after a person or
            // a place it is more often an affiliation or a news agency ("Tehran (AFP)").
            let any_spelled =
                acronyms.iter().any(|&a| spells(&letters(self.word(a)), &long_words, true));
            let allowed = any_spelled || (open == "(" && label == EntityLabel::Organization);
            if !allowed {
                continue;
            }
            for acronym in acronyms {
                if let Some(span) = self.acronym_mention(acronym, label) {
                    self.links.push((span, long_span, AliasReason::AcronymDefinition));
                    self.define(self.word(acronym), label);
                }
            }
        }
    }

    /// Acronym tokens of "(A/B, C)" starting at token `idx`, each possibly quoted and the
    /// first possibly after "the" ("(the “MEK”)"); empty unless the list ends at a closing
    /// parenthesis or a comma.
    fn acronyms_in_parens(&self, mut idx: usize) -> Vec<usize> {
        let skippable = |word: &str| is_quote(word) || word == "the";
        for _ in 0..2 {
            if skippable(self.word(idx)) {
                idx += 1;
            }
        }
        let mut found = Vec::new();
        while found.len() < MAX_IN_PARENS && self.is_acronym_at(idx) {
            found.push(idx);
            idx += 1;
            if is_quote(self.word(idx)) {
                idx += 1;
            }
            match self.word(idx) {
                ")" => return found,
                "/" | ";" | "or" => idx += 1,
                "," if self.is_acronym_at(idx + 1) => idx += 1,
                "," => return found,
                _ => break,
            }
            if is_quote(self.word(idx)) {
                idx += 1;
            }
        }
        Vec::new()
    }

    /// "ACR (Long Form)": the long form in parentheses must spell the acronym.
    fn reverse_definition(&mut self, idx: usize, end: usize, text: &str) {
        if self.word(end) != "(" {
            return;
        }
        let Some(&long) = self.starts.get(&(end + 1)) else { return };
        let Some(&(_, long_end)) = self.ranges.get(long) else { return };
        if self.word(long_end) != ")" || self.ends.get(&long_end) != Some(&long) {
            return;
        }
        let long_text = self.mention_text(long);
        if is_acronym_text(long_text) || !spells(&letters(text), &words(long_text), true) {
            return;
        }
        let (Some(acr), Some(long_mention)) = (self.mentions.get(idx), self.mentions.get(long))
        else {
            return;
        };
        self.links.push((long_mention.span, acr.span, AliasReason::AcronymDefinition));
        let acronym = text.trim().trim_end_matches("'s").trim_end_matches("’s");
        self.define(acronym, long_mention.label);
    }

    /// "A, also known as B", "A (a.k.a. B)", "Also known as B, or C / D, A ...", "A (or B)".
    fn explicit_aliases(&mut self) {
        // Every token is tested, so without lowercasing a copy of each: the triggers are
        // ASCII words.
        for idx in 0..self.input.tokens.len() {
            let word = self.word(idx);
            let here = |trigger: &str| word.eq_ignore_ascii_case(trigger);
            let is = |at: usize, trigger: &str| self.word(at).eq_ignore_ascii_case(trigger);
            let after = if here("known") && is(idx + 1, "as") {
                idx + 2
            } else if here("called") && is(idx.wrapping_sub(1), "also") {
                idx + 1
            } else if here("referred") && is(idx + 1, "to") && is(idx + 2, "as") {
                idx + 3
            } else if here("a.k.a.") || here("aka") {
                idx + 1
            } else if here("or") {
                self.appositive_or(idx);
                continue;
            } else {
                continue;
            };
            self.known_as(idx, after);
        }
    }

    /// The mention that a trigger at token `trigger` renames: the one ending right before
    /// it, across commas, a parenthesis and adverbs ("also", "formerly", "better").
    fn renamed_before(&self, trigger: usize) -> Option<usize> {
        let mut idx = trigger;
        for _ in 0..=4 {
            if let Some(&mention) = self.ends.get(&idx) {
                return Some(mention);
            }
            idx = idx.checked_sub(1)?;
            // A parenthetical between the name and the trigger ("the People's Mojahedin
            // Organization of Iran (PMOI/MEK), also known as ...") is skipped whole, up to
            // a short bound.
            if self.word(idx) == ")" {
                let mut open = idx;
                for _ in 0..MAX_PARENTHETICAL_TOKENS {
                    open = open.checked_sub(1)?;
                    if self.word(open) == "(" {
                        break;
                    }
                }
                if self.word(open) != "(" {
                    return None;
                }
                idx = open;
                continue;
            }
            let word = lower(self.word(idx));
            let skippable = matches!(
                word.as_str(),
                "," | "("
                    | "-"
                    | "–"
                    | "—"
                    | "also"
                    | "better"
                    | "formerly"
                    | "commonly"
                    | "widely"
                    | "now"
                    | "sometimes"
                    | "otherwise"
                    | "locally"
                    | "popularly"
            );
            if !skippable {
                return None;
            }
        }
        None
    }

    /// An alias item at token `idx`: a mention starting there (after quotes and "the"), an
    /// acronym token, or (when `names` is set) a capitalized name the recognizer missed.
    fn item_at(&self, mut idx: usize, names: bool) -> Option<Item> {
        for _ in 0..3 {
            if let Some(&mention) = self.starts.get(&idx) {
                let &(_, end) = self.ranges.get(mention)?;
                let m = self.mentions.get(mention)?;
                return Some(Item {
                    span: m.span,
                    token_end: end,
                    label: Some(m.label),
                    new: None,
                });
            }
            let word = self.word(idx);
            if is_quote(word) || lower(word) == "the" {
                idx += 1;
                continue;
            }
            if self.covered.get(idx).copied().unwrap_or(true) {
                return None;
            }
            let end = if self.is_acronym_at(idx) {
                idx + 1
            } else if names {
                self.name_end(idx)?
            } else {
                return None;
            };
            let first = self.input.tokens.get(idx)?;
            let last = self.input.tokens.get(end.checked_sub(1)?)?;
            let span = Span::new(first.span.start, last.span.end);
            return Some(Item { span, token_end: end, label: None, new: Some((idx, end)) });
        }
        None
    }

    /// End of a capitalized name starting at token `start` ("Liberation Movement",
    /// "Mujahedin-e-Khalq"), or `None` when `start` does not begin one.
    fn name_end(&self, start: usize) -> Option<usize> {
        let tokens = self.input.tokens;
        let mut idx = start;
        let mut last = None;
        while idx < start + MAX_NAME_TOKENS && idx < tokens.len() {
            if self.covered.get(idx).copied().unwrap_or(true) {
                break;
            }
            let word = self.word(idx);
            let joined = tokens.get(idx).is_some_and(|t| !t.space_before);
            if self.is_word(idx) && is_capitalized(word) {
                last = Some(idx + 1);
            } else if last.is_none() {
                return None;
            } else if !((self.is_word(idx) && is_function_word(&lower(word)))
                || (word == "-" && joined)
                || word == "'s"
                || word == "’s")
            {
                break;
            }
            idx += 1;
        }
        last
    }

    /// Handles an alias trigger at token `trigger` whose alias list starts at `after`.
    fn known_as(&mut self, trigger: usize, after: usize) {
        let renamed = self.renamed_before(trigger);
        // Without a name before it, the trigger must open the sentence ("Also known as",
        // "Known as"): "what is known as the X, Iran ..." names nothing.
        let opens = |idx: usize| {
            let word = self.word(idx);
            is_capitalized(word)
                && matches!(
                    lower(word).as_str(),
                    "known" | "also" | "better" | "formerly" | "commonly" | "widely"
                )
        };
        if renamed.is_none() && !(opens(trigger) || trigger.checked_sub(1).is_some_and(opens)) {
            return;
        }
        let mut items: Vec<Item> = Vec::new();
        if let Some(first) = self.item_at(after, true) {
            items.push(first);
        }
        // Further names joined by "or" or "/"; when the list comes first ("Also known as
        // MEK, or ..., the People's Mojahedin ..."), the mention after the last comma is
        // the thing named.
        while let Some(last) = items.last().copied() {
            if items.len() > MAX_IN_PARENS + 2 {
                break;
            }
            let sep = last.token_end;
            let (next, final_item) = match (self.word(sep), lower(self.word(sep + 1)).as_str()) {
                (",", "or") => (sep + 2, false),
                ("or" | "/", _) => (sep + 1, false),
                (",", _) if renamed.is_none() => (sep + 1, true),
                _ => break,
            };
            let Some(item) = self.item_at(next, !final_item) else { break };
            if final_item && item.new.is_some() {
                break;
            }
            items.push(item);
            if final_item {
                break;
            }
        }
        let (anchor, label) = match renamed.and_then(|r| self.mentions.get(r)) {
            Some(m) => (Some(m.span), Some(m.label)),
            None => (None, items.iter().find_map(|i| i.label)),
        };
        let Some(label) = label else { return };
        let mut spans = Vec::with_capacity(items.len() + 1);
        spans.extend(anchor);
        for item in &items {
            let span = match item.new {
                Some((start, end)) => match self.add(start, end, label) {
                    Some(span) => span,
                    None => continue,
                },
                None => item.span,
            };
            if end_is_acronym(item, self.input.text) {
                self.define(item.span.slice(self.input.text), label);
            }
            spans.push(span);
        }
        if let Some((&first, rest)) = spans.split_first() {
            for &span in rest {
                self.links.push((span, first, AliasReason::ExplicitAlias));
            }
        }
    }

    /// "A (or B)" and the appositive "A, or B," (not a list: A is not after a comma).
    fn appositive_or(&mut self, idx: usize) {
        let Some(before) = idx.checked_sub(1) else { return };
        let open = self.word(before);
        if open != "(" && open != "," {
            return;
        }
        let Some(&a) = self.ends.get(&before) else { return };
        let Some(&(a_start, _)) = self.ranges.get(a) else { return };
        let Some(item) = self.item_at(idx + 1, false) else { return };
        let close = self.word(item.token_end);
        let Some(a_mention) = self.mentions.get(a) else { return };
        let label = a_mention.label;
        let ok = if open == "(" {
            close == ")"
        } else {
            let in_list = a_start
                .checked_sub(1)
                .is_some_and(|p| matches!(lower(self.word(p)).as_str(), "," | "and" | "or"));
            !in_list
                && label != EntityLabel::Location
                && item.label.is_none_or(|l| l == label)
                && matches!(close, "," | ")" | "." | ";" | "")
        };
        if !ok {
            return;
        }
        let a_span = a_mention.span;
        let span = match item.new {
            Some((start, end)) => match self.add(start, end, label) {
                Some(span) => span,
                None => return,
            },
            None => item.span,
        };
        if end_is_acronym(&item, self.input.text) {
            self.define(item.span.slice(self.input.text), label);
        }
        self.links.push((span, a_span, AliasReason::ExplicitAlias));
    }

    /// Every other use of a defined acronym becomes a mention (same-name links follow).
    fn later_uses(&mut self) {
        if self.defined.is_empty() {
            return;
        }
        for idx in 0..self.input.tokens.len() {
            if self.covered.get(idx).copied().unwrap_or(true) || !self.is_word(idx) {
                continue;
            }
            if let Some(&label) = self.defined.get(self.word(idx)) {
                self.add(idx, idx + 1, label);
            }
        }
    }

    /// All-caps tokens the recognizer missed whose letters spell a long form of the
    /// document exactly ("IRGC" with "Islamic Revolutionary Guard Corps" elsewhere).
    fn spelled_acronyms(&mut self) {
        let mut long_forms = LongForms::default();
        let given = self.mentions.get(..self.n_given).unwrap_or(&[]);
        for (idx, mention) in given.iter().enumerate() {
            let text = mention.span.slice(self.input.text);
            if !is_acronym_text(text) {
                long_forms.add(idx, &words(text));
            }
        }
        let mut cache: HashMap<&str, Option<EntityLabel>> = HashMap::new();
        let mut found = Vec::new();
        for idx in 0..self.input.tokens.len() {
            if self.covered.get(idx).copied().unwrap_or(true) || !self.is_acronym_at(idx) {
                continue;
            }
            // Headlines in capitals are not acronyms.
            let shouting = |i: usize| self.is_word(i) && is_all_caps(self.word(i));
            if shouting(idx + 1) || idx.checked_sub(1).is_some_and(shouting) {
                continue;
            }
            let word = self.word(idx);
            let start = self.input.tokens.get(idx).map_or(0, |t| t.span.start);
            let near = given.partition_point(|m| m.span.start < start);
            let label = *cache.entry(word).or_insert_with(|| {
                long_forms
                    .find(&letters(word), near, false)
                    .and_then(|m| given.get(m))
                    .map(|m| m.label)
            });
            if let Some(label) = label {
                found.push((idx, label));
            }
        }
        for (idx, label) in found {
            self.add(idx, idx + 1, label);
        }
    }
}

/// True when an alias item is a single acronym token.
fn end_is_acronym(item: &Item, text: &str) -> bool {
    is_acronym_word(item.span.slice(text))
}
