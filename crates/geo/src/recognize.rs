//! Toponym recognition: which token runs name places.
//!
//! The matcher walks capitalized token runs and looks up every prefix (up to the longest
//! gazetteer name) in the name and demonym maps: per token that is a few hash look-ups.
//! Entity mentions labelled LOC are added when the gazetteer does not cover them, so a
//! place the gazetteer lacks ("the town of X") is still a toponym, without coordinates.
//! Whether a bare match is kept is decided after resolution (`lib.rs`), when the chosen
//! place's level and population and the document's other places are known.

use claimgraph_extract::Input;
use claimgraph_model::{EntityLabel, GeoPrecision, Mention, MentionSource, Span, TokenKind};
use claimgraph_text::words::{is_all_caps, is_capitalized};

use crate::gazetteer::{FastSet, Gazetteer, Level, Normalizer, normalize};
use crate::lexicon::{self, Lower, PlaceHead, contains};

/// A candidate place mention.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Token range, end exclusive.
    pub tok_start: usize,
    pub tok_end: usize,
    pub span: Span,
    /// Normalized name: the unit of "one sense per document".
    pub key: String,
    /// Gazetteer entries it may name; empty for a recognized place the gazetteer lacks.
    pub places: Vec<u32>,
    pub demonym: bool,
    /// A place-noun pattern, a LOC mention or a locative word supports it.
    pub locative: bool,
    pub loc_mention: bool,
    /// "the town of X", "X Province": a place even when the gazetteer does not know it.
    pub place_pattern: bool,
    /// Levels the name may have, from a head word ("X County" → counties only).
    pub head: Option<PlaceHead>,
    /// Index of the candidate that qualifies this one ("Paris, Texas" → Texas).
    pub qualified_by: Option<usize>,
    /// True when this candidate is itself a qualifier of the one before it.
    pub is_qualifier: bool,
    /// Part of a longer capitalized name that is not a place ("Bill Clinton").
    pub in_name: bool,
    /// After a person title, or inside a PER/ORG mention.
    pub person_like: bool,
    pub org_mention: bool,
    pub sentence_initial: bool,
    pub precision: GeoPrecision,
    pub qualifier: Option<Span>,
    /// The other end of "the X-Y highway": the point is their midpoint.
    pub road_partner: Option<usize>,
    /// Part of a currency ("US$5", "$US 5", "CA$10") or of the name of a species or a
    /// disease ("African swine fever", "Egyptian fruit bats"), or an ethnic group ("Native
    /// American"): never a place, whatever the rest of the document says about the name.
    pub not_place: bool,
    /// `in_name` only because an institution's head word follows ("Dublin City Council",
    /// "Toronto Police", "the Boise Fire Department"): the gold sets count such a town as a
    /// place mention, and it is no person's name.
    pub modifier: bool,
}

/// Finds candidate place mentions in text order, non-overlapping.
pub(crate) fn candidates(
    gaz: &Gazetteer,
    input: &Input<'_>,
    mentions: &[Mention],
) -> Vec<Candidate> {
    let tokens = input.tokens;
    let n = tokens.len();
    let sentence_start = sentence_starts(input);
    // Capitalized words, tested once: every pass below walks them.
    let caps: Vec<bool> = (0..n).map(|i| is_cap_word(input, i)).collect();
    let mut out: Vec<Candidate> = Vec::new();
    let mut key = Normalizer::with_capacity(64);
    let mut i = 0;
    while i < n {
        let Some((end, places, demonym)) = longest_match(gaz, input, &caps, i, &mut key) else {
            i += 1;
            continue;
        };
        let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
        out.push(new_candidate(input, i, end, span, places, demonym, sentence_start[i]));
        i = end;
    }
    add_place_patterns(gaz, input, &caps, &sentence_start, &mut out);
    add_abbreviations(gaz, input, &caps, &mut out);
    add_mentions(input, mentions, &sentence_start, &mut out);
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    // Drop overlaps: the earlier, then longer, candidate wins.
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out {
        if kept.last().is_some_and(|k| c.span.start < k.span.end) {
            continue;
        }
        kept.push(c);
    }
    for c in &mut kept {
        mark_context(input, mentions, &sentence_start, c);
    }
    mark_surnames(gaz, input, mentions, &caps, &sentence_start, &mut kept);
    link_qualifiers(gaz, input, &mut kept);
    link_roads(input, &mut kept);
    kept
}

/// A town name that ends a two-word capitalized name elsewhere in the document ("Barack
/// Obama", "Hillary Clinton") is a surname there and, alone, here too. At the start of a
/// sentence the first word is capitalized anyway ("Overall Edmonton received a B", "One
/// Edmonton resident"): there only a person mention from the entity stage makes the run a
/// name.
fn mark_surnames(
    gaz: &Gazetteer,
    input: &Input<'_>,
    mentions: &[Mention],
    caps: &[bool],
    sentence_start: &[bool],
    cands: &mut [Candidate],
) {
    let tokens = input.tokens;
    // The candidates are sorted and do not overlap: at most one starts at each token.
    let mut candidate_at: Vec<Option<usize>> = vec![None; tokens.len()];
    for (idx, c) in cands.iter().enumerate() {
        if let Some(slot) = candidate_at.get_mut(c.tok_start) {
            *slot = Some(idx);
        }
    }
    let mut surnames: FastSet<String> = FastSet::default();
    let mut i = 0;
    while i < tokens.len() {
        if !caps[i] {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len() && caps[end] && tokens[end].space_before {
            end += 1;
        }
        // A town ending a run of two or more words: the cheap test first, then the words.
        let ends_in_town = end - i >= 2
            && candidate_at[end - 1].is_some_and(|idx| {
                cands[idx].tok_end == end
                    && cands[idx].places.iter().all(|&p| gaz.place(p).level == Level::City)
            });
        if ends_in_town {
            let first = Lower::new(input.word(i));
            let first_is_place = candidate_at[i].is_some_and(|idx| {
                cands[idx].places.iter().any(|&p| gaz.place(p).level < Level::County)
            });
            if (!sentence_start[i] || person_starts_at(mentions, tokens[i].span.start))
                && !contains(lexicon::FUNCTION_WORDS, &first)
                && !contains(lexicon::NAME_PREFIXES, &first)
                && !contains(lexicon::TITLES, &first)
                && !first_is_place
            {
                surnames.insert(normalize(input.word(end - 1)));
            }
        }
        i = end;
    }
    for c in cands.iter_mut() {
        if c.tok_end - c.tok_start == 1
            && surnames.contains(&c.key)
            && !c.places.is_empty()
            && c.places.iter().all(|&p| gaz.place(p).level == Level::City)
        {
            c.person_like = true;
        }
    }
}

/// Whether the entity stage found a person mention starting at byte `start` (mentions
/// are sorted by start).
fn person_starts_at(mentions: &[Mention], start: usize) -> bool {
    mentions_at(mentions, start).any(|m| m.label == EntityLabel::Person)
}

/// Whether the entity stage found any mention starting at byte `start`.
fn mention_starts_at(mentions: &[Mention], start: usize) -> bool {
    mentions_at(mentions, start).next().is_some()
}

fn mentions_at(mentions: &[Mention], start: usize) -> impl Iterator<Item = &Mention> {
    let idx = mentions.partition_point(|m| m.span.start < start);
    mentions[idx..].iter().take_while(move |m| m.span.start == start)
}

fn sentence_starts(input: &Input<'_>) -> Vec<bool> {
    let mut starts = vec![false; input.tokens.len()];
    for s in input.sentences {
        // The first word, after any opening quotes or brackets.
        let mut t = s.token_start;
        while t < s.token_end && input.tokens[t].kind == TokenKind::Punct {
            t += 1;
        }
        if let Some(flag) = starts.get_mut(t) {
            *flag = true;
        }
        if let Some(flag) = starts.get_mut(s.token_start) {
            *flag = true;
        }
    }
    // A paragraph break also starts a "sentence" (headlines without final periods).
    for (i, t) in input.tokens.iter().enumerate() {
        if t.newlines_before > 0 {
            starts[i] = true;
        }
    }
    starts
}

/// The longest gazetteer name or demonym starting at token `i`. The key grows token by
/// token in one buffer, and the walk stops as soon as no indexed name starts with it: per
/// capitalized token that is one or two hash look-ups and no allocation.
fn longest_match(
    gaz: &Gazetteer,
    input: &Input<'_>,
    caps: &[bool],
    i: usize,
    key: &mut Normalizer,
) -> Option<(usize, Vec<u32>, bool)> {
    let tokens = input.tokens;
    if !caps[i] {
        return None;
    }
    let max = gaz.max_words().min(8);
    // (end token, demonym place or u32::MAX for a name)
    let mut best: Option<(usize, Option<u32>)> = None;
    let mut words = 0;
    let mut connectors = 0;
    let mut j = i;
    key.clear();
    let mut written = tokens[i].span.start;
    while j < tokens.len() && words < max {
        let t = tokens[j];
        let w = input.word(j);
        if j > i {
            // Names do not cross a space before a hyphen or period.
            let glued = !t.space_before;
            match t.kind {
                TokenKind::Punct if (w == "-" || w == "–") && glued => {
                    j += 1;
                    continue;
                }
                TokenKind::Punct if w == "." && glued && j + 1 < tokens.len() => {
                    j += 1;
                    continue;
                }
                TokenKind::Punct => break,
                TokenKind::Number => break,
                TokenKind::Word => {}
            }
            if !caps[j] {
                if connectors < 2 && contains(lexicon::CONNECTORS, w) {
                    connectors += 1;
                    words += 1;
                    key.push_str(&input.text[written..t.span.end]);
                    written = t.span.end;
                    if !gaz.key(key.as_str()).is_some_and(|e| e.prefix) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                break;
            }
        }
        words += 1;
        key.push_str(&input.text[written..t.span.end]);
        written = t.span.end;
        let Some(entry) = gaz.key(key.as_str()) else { break };
        if !entry.ids.as_slice().is_empty() {
            best = Some((j + 1, None));
        } else if let Some(p) = entry.demonym {
            best = Some((j + 1, Some(p)));
        }
        if !entry.prefix {
            break;
        }
        j += 1;
    }
    let (end, demonym) = best?;
    Some(match demonym {
        Some(p) => (end, vec![p], true),
        None => {
            let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
            (end, gaz.lookup(&normalize(span.slice(input.text))).to_vec(), false)
        }
    })
}

fn new_candidate(
    input: &Input<'_>,
    start: usize,
    end: usize,
    span: Span,
    places: Vec<u32>,
    demonym: bool,
    sentence_initial: bool,
) -> Candidate {
    Candidate {
        tok_start: start,
        tok_end: end,
        span,
        key: normalize(span.slice(input.text)),
        places,
        demonym,
        locative: false,
        loc_mention: false,
        place_pattern: false,
        head: None,
        qualified_by: None,
        is_qualifier: false,
        in_name: false,
        person_like: false,
        org_mention: false,
        sentence_initial,
        precision: GeoPrecision::Exact,
        qualifier: None,
        road_partner: None,
        not_place: false,
        modifier: false,
    }
}

/// "X Province", "X County", "the town of X": the name is a place; its gazetteer entry,
/// if any, is looked up without the head word at the level the head names.
fn add_place_patterns(
    gaz: &Gazetteer,
    input: &Input<'_>,
    caps: &[bool],
    starts: &[bool],
    out: &mut Vec<Candidate>,
) {
    let tokens = input.tokens;
    let n = tokens.len();
    // Capitalized runs.
    let mut i = 0;
    while i < n {
        if !caps[i] {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && caps[end] && tokens[end].space_before {
            end += 1;
        }
        // "X Province": the last word is a head and something precedes it. An article or
        // preposition opening the sentence is not part of the name ("A Dallas County
        // jury", "In Kerman Province"); "South" in "South Coast District" is.
        let mut first = i;
        if starts[i] && i + 2 < end {
            let opener = Lower::new(input.word(i));
            if contains(lexicon::FUNCTION_WORDS, &opener)
                && !contains(lexicon::NAME_PREFIXES, &opener)
            {
                first += 1;
            }
        }
        if end - first >= 2 {
            let head_word = Lower::new(input.word(end - 1));
            if let Some(&(_, head)) = lexicon::PLACE_HEADS.iter().find(|(h, _)| head_word == *h) {
                let name_span = Span::new(tokens[first].span.start, tokens[end - 2].span.end);
                let places = lookup_level(gaz, &normalize(name_span.slice(input.text)), head);
                let span = Span::new(tokens[first].span.start, tokens[end - 1].span.end);
                let mut c = new_candidate(input, first, end, span, places, false, starts[i]);
                c.place_pattern = true;
                c.head = Some(head);
                out.push(c);
            }
        }
        // "the town of X".
        if i >= 2
            && input.word(i - 1).eq_ignore_ascii_case("of")
            && contains(lexicon::PLACE_NOUNS, &Lower::new(input.word(i - 2)))
        {
            let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
            let key = normalize(span.slice(input.text));
            if gaz.lookup(&key).is_empty() {
                let mut c = new_candidate(input, i, end, span, Vec::new(), false, starts[i]);
                c.place_pattern = true;
                out.push(c);
            }
        }
        i = end;
    }
}

fn lookup_level(gaz: &Gazetteer, key: &str, head: PlaceHead) -> Vec<u32> {
    let ok = |level: Level| match head {
        PlaceHead::Region => level == Level::Region,
        PlaceHead::County => level == Level::County,
        PlaceHead::City => level == Level::City,
        PlaceHead::Any => matches!(level, Level::Region | Level::County | Level::City),
        PlaceHead::None => false,
    };
    gaz.lookup(key).iter().copied().filter(|&p| ok(gaz.place(p).level)).collect()
}

fn is_cap_word(input: &Input<'_>, i: usize) -> bool {
    input.tokens[i].kind == TokenKind::Word && is_capitalized(input.word(i))
}

/// US state abbreviations after "Town," ("Paris, Tenn.") and "B.C."-style regions.
fn add_abbreviations(gaz: &Gazetteer, input: &Input<'_>, caps: &[bool], out: &mut Vec<Candidate>) {
    let tokens = input.tokens;
    for i in 2..tokens.len() {
        if !caps[i] {
            continue;
        }
        if tokens[i].kind != TokenKind::Word || input.word(i - 1) != "," {
            continue;
        }
        let w = input.word(i);
        // The longest abbreviations are six letters ("Hawaii"): skip longer words before
        // normalizing.
        if w.len() > 6 || !caps[i - 2] {
            continue;
        }
        let key = normalize(w);
        let Some(&(_, code)) = lexicon::US_STATE_ABBREVIATIONS.iter().find(|(k, _)| *k == key)
        else {
            continue;
        };
        // Postal codes must be written in capitals ("TN"), AP forms with a period.
        let postal = w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase());
        let dotted = input.word(i + 1) == "." && !tokens.get(i + 1).is_some_and(|t| t.space_before);
        let full = gaz.region("US", code).is_some_and(|r| normalize(&gaz.place(r).name) == key);
        if !(postal || dotted || w.contains('.') || full) {
            continue;
        }
        let Some(region) = gaz.region("US", code) else { continue };
        let end_tok = if dotted { i + 2 } else { i + 1 };
        let span = Span::new(tokens[i].span.start, tokens[end_tok - 1].span.end);
        out.push(new_candidate(input, i, end_tok, span, vec![region], false, false));
    }
    // A state's AP abbreviation alone ("D-S.C.", "the S.C. Highway Patrol", "in W. Va.").
    for i in (0..tokens.len()).filter(|&i| caps[i]) {
        if let Some((end, region)) = standalone_state(gaz, input, i) {
            let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
            out.push(new_candidate(input, i, end, span, vec![region], false, false));
        }
    }
    for (i, token) in tokens.iter().enumerate().filter(|&(i, _)| caps[i]) {
        let w = input.word(i);
        if !is_all_caps(w) {
            continue;
        }
        let key = normalize(w);
        if let Some(&(_, cc, a1)) = lexicon::REGION_ABBREVIATIONS.iter().find(|(k, _, _)| *k == key)
            && let Some(region) = gaz.region(cc, a1)
        {
            // "WA" is Washington state in US text; only the dotted or longer forms are safe.
            if key == "wa" || key == "act" {
                continue;
            }
            out.push(new_candidate(input, i, i + 1, token.span, vec![region], false, false));
        }
    }
}

/// A US state abbreviation written with periods at token `i` ("S.C.", "W.Va.", "W. Va.",
/// "Tenn."): the end of its tokens and the state. Only the forms in
/// `lexicon::STANDALONE_STATES`: those that are also words ("Mass.", "Miss.", "Ind.") or
/// postal codes ("OK.") count only after a town (`add_abbreviations`).
fn standalone_state(gaz: &Gazetteer, input: &Input<'_>, i: usize) -> Option<(usize, u32)> {
    let one = dotted_word(input, i)?;
    // The longer form first: "W. Va." rather than no state at "W.".
    for end in [dotted_word(input, one), Some(one)].into_iter().flatten() {
        let key = normalize(
            Span::new(input.tokens[i].span.start, input.tokens[end - 1].span.end).slice(input.text),
        );
        if let Some(&(_, code)) = lexicon::US_STATE_ABBREVIATIONS.iter().find(|(k, _)| *k == key)
            && contains(lexicon::STANDALONE_STATES, &key)
        {
            return gaz.region("US", code).map(|r| (end, r));
        }
    }
    None
}

/// A short capitalized word closed by a period, in the token or glued after it ("S.C.",
/// "Tenn", "."): the index after it.
fn dotted_word(input: &Input<'_>, j: usize) -> Option<usize> {
    let token = input.tokens.get(j)?;
    let w = input.word(j);
    if w.len() > 5 || token.kind != TokenKind::Word {
        return None;
    }
    let end = if w.ends_with('.') {
        j + 1
    } else if input.word(j + 1) == "." && input.tokens.get(j + 1).is_some_and(|t| !t.space_before) {
        j + 2
    } else {
        return None;
    };
    is_capitalized(w).then_some(end)
}

/// LOC mentions from the entity stage that the gazetteer did not match.
fn add_mentions(
    input: &Input<'_>,
    mentions: &[Mention],
    starts: &[bool],
    out: &mut Vec<Candidate>,
) {
    // Spans found so far, sorted by start, with the running maximum of their ends: a
    // mention overlaps one of them when some span starting before its end ends after its
    // start. Binary searches keep this linear-logarithmic in long documents.
    let mut taken: Vec<Span> = out.iter().map(|c| c.span).collect();
    taken.sort_unstable();
    let mut max_end = Vec::with_capacity(taken.len());
    let mut running = 0;
    for span in &taken {
        running = running.max(span.end);
        max_end.push(running);
    }
    let tokens = input.tokens;
    for m in mentions.iter().filter(|m| m.label == EntityLabel::Location && independent(m)) {
        let ts = tokens.partition_point(|t| t.span.start < m.span.start);
        if tokens.get(ts).is_none_or(|t| t.span.start != m.span.start) {
            continue;
        }
        let after = tokens.partition_point(|t| t.span.end <= m.span.end);
        let Some(te) = after.checked_sub(1).filter(|&te| tokens[te].span.end == m.span.end) else {
            continue;
        };
        let text = m.span.slice(input.text);
        if !is_capitalized(text) || contains(lexicon::AMBIGUOUS_WORDS, &normalize(text)) {
            continue;
        }
        let n_before = taken.partition_point(|span| span.start < m.span.end);
        if n_before > 0 && max_end[n_before - 1] > m.span.start {
            continue;
        }
        let mut c = new_candidate(input, ts, te + 1, m.span, Vec::new(), false, starts[ts]);
        c.loc_mention = true;
        out.push(c);
    }
}

/// A LOC label is evidence only when it does not come from a gazetteer like this one
/// (the entity stage also looks names up): place head words and the statistical tagger.
fn independent(m: &Mention) -> bool {
    matches!(m.source, MentionSource::PlaceWord | MentionSource::Tagger)
}

/// Sets the cues around a candidate: locative words, names it is part of, entity
/// mentions over it, and the relative-location qualifier.
fn mark_context(input: &Input<'_>, mentions: &[Mention], starts: &[bool], c: &mut Candidate) {
    let tokens = input.tokens;
    let prev = c.tok_start.checked_sub(1);
    let prev_word = prev.map(|p| Lower::new(input.word(p))).unwrap_or_default();
    let prev2_word =
        c.tok_start.checked_sub(2).map(|p| Lower::new(input.word(p))).unwrap_or_default();
    if contains(lexicon::LOCATIVE_BEFORE, &prev_word)
        || (prev_word == "of" && contains(lexicon::PLACE_NOUNS, &prev2_word))
        || (prev_word == "the" && contains(lexicon::LOCATIVE_BEFORE, &prev2_word))
    {
        c.locative = true;
    }
    if prev_word == "of" && contains(lexicon::PLACE_NOUNS, &prev2_word) {
        c.place_pattern = true;
    }
    // Part of a longer capitalized name: "Bill Clinton", "Washington Post". A word opening
    // the sentence is capitalized anyway ("Overall Edmonton received"): there only an
    // entity mention starting with it ("Bill Clinton" as a person) joins the two.
    if let Some(p) = prev
        && tokens[p].kind == TokenKind::Word
        && is_capitalized(input.word(p))
        && tokens[c.tok_start].space_before
        && !contains(lexicon::FUNCTION_WORDS, &prev_word)
        && !contains(lexicon::NAME_PREFIXES, &prev_word)
        && (!starts[p] || mention_starts_at(mentions, tokens[p].span.start))
    {
        c.in_name = true;
        if contains(lexicon::TITLES, &prev_word) {
            c.person_like = true;
        }
    }
    if c.tok_start >= 2
        && input.word(c.tok_start - 1) == "."
        && contains(lexicon::TITLES, &prev2_word)
    {
        c.person_like = true;
    }
    let name_before = c.in_name;
    if let Some(next) = tokens.get(c.tok_end)
        && next.kind == TokenKind::Word
        && next.space_before
        && is_capitalized(input.word(c.tok_end))
    {
        c.in_name = true;
        c.modifier = !name_before
            && !is_all_caps(input.word(c.tok_end))
            && contains(lexicon::INSTITUTION_HEADS, &Lower::new(input.word(c.tok_end)));
    }
    // A dateline: a name in capitals opening a paragraph or sentence, then a comma or a
    // dash ("CHARLESTON, W.Va. --", "TORRINGTON — City Council ..."). Capitals elsewhere
    // are more often acronyms, which `keep` rejects.
    let written = c.span.slice(input.text);
    if c.sentence_initial
        && !c.demonym
        && !c.places.is_empty()
        && is_all_caps(written)
        && written.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
        && matches!(input.word(c.tok_end), "," | "—" | "–" | "-" | "--" | "---" | "(")
    {
        c.place_pattern = true;
    }
    // "US$5", "CA$10", "$US 5": glued to a dollar sign.
    let glued_dollar_after =
        tokens.get(c.tok_end).is_some_and(|t| !t.space_before && input.word(c.tok_end) == "$");
    let glued_dollar_before = prev.is_some_and(|p| {
        input.word(p) == "$" && !tokens[c.tok_start].space_before && c.tok_end - c.tok_start == 1
    });
    if glued_dollar_after || glued_dollar_before {
        c.not_place = true;
    }
    if c.demonym {
        let next = Lower::new(input.word(c.tok_end));
        if contains(lexicon::SPECIES_WORDS, &next) || (prev_word == "native" && c.in_name) {
            c.not_place = true;
        }
    }
    // Mentions are sorted and do not overlap: only the last one starting at or before the
    // candidate can contain it.
    let n_before = mentions.partition_point(|m| m.span.start <= c.span.start);
    if let Some(m) = n_before.checked_sub(1).map(|idx| &mentions[idx])
        && c.span.end <= m.span.end
    {
        let exact = m.span == c.span;
        match m.label {
            EntityLabel::Location if exact && independent(m) => c.loc_mention = true,
            // "Street" inside "Main Street": part of a longer name.
            EntityLabel::Location if !exact => c.in_name = true,
            EntityLabel::Location => {}
            EntityLabel::Person => c.person_like = true,
            EntityLabel::Organization => c.org_mention = true,
            EntityLabel::Misc => {}
        }
    }
    relative_location(input, c);
}

/// "near X", "20 km north of X", "on the outskirts of X", "in and around X", "the X area".
fn relative_location(input: &Input<'_>, c: &mut Candidate) {
    let lw = |i: usize| Lower::new(input.word(i));
    let tokens = input.tokens;
    let s = c.tok_start;
    let mut start: Option<usize> = None;
    let mut precision = GeoPrecision::Exact;
    // Look back over "of"/"the"/"from" to the cue.
    let mut k = s;
    while k > 0 && matches!(lw(k - 1).as_str(), "of" | "the" | "from" | "to") {
        k -= 1;
    }
    if k > 0 {
        let w = lw(k - 1);
        if contains(lexicon::NEAR_WORDS, &w) || w == "outskirts" {
            start = Some(k - 1);
            precision = GeoPrecision::Near;
            // "on the outskirts of", "just outside", "close to".
            let mut b = k - 1;
            while b > 0 && matches!(lw(b - 1).as_str(), "on" | "the" | "just" | "very" | "right") {
                b -= 1;
            }
            start = Some(b.min(start.unwrap_or(b)));
        } else if k < s
            && ((contains(lexicon::DIRECTIONS, &w) && lw(k) == "of")
                || contains(lexicon::DISTANCE_UNITS, &w))
        {
            // "north of X", "20 km from X".
            start = Some(k - 1);
            precision = GeoPrecision::Near;
        } else if w == "around" {
            start = Some(k - 1);
            precision = GeoPrecision::Region;
            if k >= 3 && lw(k - 2) == "and" && lw(k - 3) == "in" {
                start = Some(k - 3);
            }
        }
        // Extend back over "20 km" and "kilometer 20".
        if let Some(st) = start
            && precision == GeoPrecision::Near
        {
            let mut b = st;
            for _ in 0..3 {
                if b == 0 {
                    break;
                }
                let w = lw(b - 1);
                let is_num = tokens[b - 1].kind == TokenKind::Number
                    || contains(lexicon::DISTANCE_UNITS, &w)
                    || contains(lexicon::DIRECTIONS, &w)
                    || matches!(
                        w.as_str(),
                        "about"
                            | "some"
                            | "around"
                            | "roughly"
                            | "nearly"
                            | "kilometer"
                            | "kilometre"
                            | "mile"
                            | "-"
                    );
                if is_num {
                    b -= 1;
                } else {
                    break;
                }
            }
            start = Some(b);
        }
    }
    let mut end_tok = s;
    // "the Aleppo area", "the Tehran region".
    if let Some(next) = tokens.get(c.tok_end)
        && next.kind == TokenKind::Word
        && matches!(
            lw(c.tok_end).as_str(),
            "area" | "areas" | "region" | "vicinity" | "outskirts" | "suburbs"
        )
    {
        precision = precision.max(GeoPrecision::Region);
        end_tok = c.tok_end + 1;
        if start.is_none() {
            start = Some(c.tok_end);
        }
    }
    if let Some(st) = start {
        let from = tokens[st].span.start;
        let to =
            if end_tok > c.tok_end { tokens[end_tok - 1].span.end } else { tokens[s - 1].span.end };
        let span = if end_tok > c.tok_end && st >= c.tok_end {
            tokens[c.tok_end].span
        } else {
            Span::new(from, to.max(from))
        };
        c.qualifier = Some(span);
        c.precision = precision;
    }
}

/// "Paris, Texas", "Karaj, Iran": a comma then a region or country containing it.
fn link_qualifiers(gaz: &Gazetteer, input: &Input<'_>, cands: &mut [Candidate]) {
    for idx in 0..cands.len().saturating_sub(1) {
        let (a, b) = (&cands[idx], &cands[idx + 1]);
        if a.places.is_empty() || b.places.is_empty() || a.demonym || b.demonym {
            continue;
        }
        if b.tok_start != a.tok_end + 1 || input.word(a.tok_end) != "," {
            continue;
        }
        let contains_any = a
            .places
            .iter()
            .any(|&p| b.places.iter().any(|&q| within(gaz, gaz.place(p), gaz.place(q))));
        if contains_any {
            cands[idx].qualified_by = Some(idx + 1);
            cands[idx + 1].is_qualifier = true;
        }
    }
}

/// True when `inner` lies inside `outer` by country and admin codes.
pub(crate) fn within(
    _gaz: &Gazetteer,
    inner: &crate::gazetteer::Place,
    outer: &crate::gazetteer::Place,
) -> bool {
    if inner.country.is_empty() || inner.country != outer.country || inner.level <= outer.level {
        return false;
    }
    match outer.level {
        Level::Country => true,
        Level::Region => inner.admin1 == outer.admin1,
        Level::County => inner.admin1 == outer.admin1 && inner.admin2 == outer.admin2,
        _ => false,
    }
}

/// "the Tehran-Karaj highway", "kilometer 20 of the Tehran-Karaj road".
fn link_roads(input: &Input<'_>, cands: &mut [Candidate]) {
    let tokens = input.tokens;
    for idx in 0..cands.len().saturating_sub(1) {
        let (a, b) = (&cands[idx], &cands[idx + 1]);
        if a.places.is_empty() || b.places.is_empty() || b.tok_start != a.tok_end + 1 {
            continue;
        }
        let dash = input.word(a.tok_end);
        if !matches!(dash, "-" | "–" | "—" | "/") {
            continue;
        }
        let Some(road) = tokens.get(b.tok_end) else { continue };
        if !contains(lexicon::ROAD_WORDS, &Lower::new(input.word(b.tok_end))) {
            continue;
        }
        // The qualifier runs from "kilometer 20 of the" (if any) to the road word.
        let mut start = a.tok_start;
        if start > 0 && Lower::new(input.word(start - 1)) == "the" {
            start -= 1;
            // "near kilometer 20 of the", "at km 20 on the".
            let mut b = start;
            while b > 0 && start - b < 5 {
                let w = Lower::new(input.word(b - 1));
                let cue = tokens[b - 1].kind == TokenKind::Number
                    || contains(lexicon::DISTANCE_UNITS, &w)
                    || contains(lexicon::NEAR_WORDS, &w)
                    || matches!(
                        w.as_str(),
                        "of" | "on" | "along" | "kilometer" | "kilometre" | "mile" | "at"
                    );
                if !cue {
                    break;
                }
                b -= 1;
            }
            while b < start
                && matches!(Lower::new(input.word(b)).as_str(), "at" | "on" | "along" | "of")
            {
                b += 1;
            }
            start = b;
        }
        let mut q_start = tokens[start].span.start;
        if let Some(prev) = a.qualifier {
            q_start = q_start.min(prev.start);
        }
        let q = Span::new(q_start, road.span.end);
        cands[idx].road_partner = Some(idx + 1);
        cands[idx + 1].road_partner = Some(idx);
        for c in &mut cands[idx..idx + 2] {
            c.qualifier = Some(q);
            c.precision = c.precision.max(GeoPrecision::Near);
            c.locative = true;
        }
    }
}
