//! Token features: what the tagger knows about each token, as 64-bit hashes.
//!
//! Every feature is a template number mixed with a value (a word, a shape, a flag bit, a
//! cluster id), hashed without allocating: words are hashed once per token into a `u64`
//! and features combine those hashes, so no feature string is ever built. The templates
//! favour evidence that carries to names and domains the training data never showed: word
//! shape, affixes, casing and position, context words, the rule recognizer's lexicon flags
//! and gazetteer matches, distributional word clusters learned from unlabeled news, what
//! the same word does elsewhere in the document, and the rule recognizer's own decision
//! (stacking: the tagger learns when the rules are right). Changing a template changes
//! the hashes, so [`FEATURE_SET`] names the set and is recorded in every model file.
//!
//! Only *candidate segments* are tagged (see [`segments`]): runs of tokens with a
//! capital letter or inside a rule mention, bridging short lowercase joiners ("Bank of
//! England"). Everything else is `O` without being scored. In news, names without any
//! capital are under 1% of the gold names of the dev sets, while scoring only the
//! segments skips some 80% of the tokens, which is most of the tagger's cost. Training
//! sees exactly the same segments.

use claimgraph_extract::Input;
use claimgraph_extract::entities::lexicon::{self as lx, FxMap, Lexicon, PhraseKind};
use claimgraph_model::{EntityLabel, Mention, MentionSource, Timex, TokenKind};
use claimgraph_text::words::{is_quote, push_lower};

use crate::perceptron::{O, START};

/// The name and version of the feature templates below, stored in each model: a model
/// trained with another set would read meaningless weights, so loading checks it.
pub const FEATURE_SET: &str = "cg-ner-features-v2: candidate segments (capitalized or \
     rule tokens, joined over up to 2 short lowercase words or & - ' . /); bias; lower \
     word at -2..+2; raw word; short shape at -1..+1; prefixes 1-3; casing x position; \
     lexicon flag bits; gazetteer BIO+kind at -1..+1; rule BIO+label at -1..+1; clusters \
     256/1024 at 0, 256 at +-1, 64 at +-2; document casing (seen lowercase, seen \
     capitalized inside a sentence); rule labels of the word elsewhere in the document; \
     inside a timex";

// ---------------------------------------------------------------------------------------
// Hashing

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const SEED: u64 = 0x243f_6a88_85a3_08d3;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 31)).wrapping_mul(0x94_d0_49_bb_13_31_11_eb);
    h ^ (h >> 29)
}

/// Hash of a byte string (FxHash-style, 8 bytes at a time, length mixed in).
#[inline]
fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(word));
    }
    // The length keeps "ab\0" apart from "ab" in the zero-padded last word.
    mix(h, bytes.len() as u64)
}

/// The hash of a lowercased word, as the features and the word clusters use it.
#[inline]
pub fn word_hash(lower: &str) -> u64 {
    hash_bytes(SEED, lower.as_bytes())
}

/// A cheap hash of a lowercased word from its first 8 bytes and its length, for the
/// document casing filters, where a rare collision costs little. `first8` holds the
/// first bytes of the lowercased word, zero-padded.
#[inline]
fn quick_hash(first8: u64, len: usize) -> u64 {
    finish((first8 ^ (len as u64) << 59).wrapping_mul(K))
}

/// [`quick_hash`] of an already lowercased word.
#[inline]
fn quick_lower(lower: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = lower.len().min(8);
    word[..n].copy_from_slice(&lower[..n]);
    quick_hash(u64::from_le_bytes(word), lower.len())
}

/// [`quick_hash`] of the lowercase form of an ASCII word.
#[inline]
fn quick_ascii(word: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = word.len().min(8);
    for (b, w) in buf.iter_mut().zip(&word[..n]) {
        *b = w.to_ascii_lowercase();
    }
    quick_hash(u64::from_le_bytes(buf), word.len())
}

/// A feature: a template mixed with one value.
#[inline]
fn feat(template: u64, value: u64) -> u64 {
    finish(mix(mix(SEED, template), value))
}

// ---------------------------------------------------------------------------------------
// Word clusters

/// Word clusters at four nested granularities (16, 64, 256, 1024 clusters).
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    /// Words and ids, for the model file.
    words: FxMap<Box<str>, [u16; 4]>,
    /// The same ids by [`word_hash`], for tagging (no string comparison).
    by_hash: FxMap<u64, [u16; 4]>,
}

impl Clusters {
    /// Parses `word<TAB>c16<TAB>c64<TAB>c256<TAB>c1024` lines; `#` lines are comments.
    pub fn parse(text: &str) -> Result<Clusters, String> {
        let mut clusters = Clusters::default();
        for (line_idx, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or("");
            let mut ids = [0u16; 4];
            for id in &mut ids {
                *id = fields
                    .next()
                    .and_then(|f| f.parse().ok())
                    .ok_or_else(|| format!("line {}: expected 4 cluster ids", line_idx + 1))?;
            }
            clusters.insert(word, ids);
        }
        Ok(clusters)
    }

    /// The cluster ids of a lowercased word.
    pub fn get(&self, lower_word: &str) -> Option<[u16; 4]> {
        self.by_hash.get(&word_hash(lower_word)).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Entries sorted by word, for a deterministic model file.
    pub fn sorted(&self) -> Vec<(&str, [u16; 4])> {
        let mut entries: Vec<(&str, [u16; 4])> =
            self.words.iter().map(|(word, ids)| (&**word, *ids)).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        entries
    }

    pub fn insert(&mut self, word: &str, ids: [u16; 4]) {
        self.words.insert(word.into(), ids);
        self.by_hash.insert(word_hash(word), ids);
    }
}

// ---------------------------------------------------------------------------------------
// Document features

/// One candidate segment: feature rows `rows.0..rows.1` (consecutive tokens), the tag
/// before it (`START` at a sentence start, else `O`) and whether an `O` token of the same
/// sentence follows it (its transition to `O` then counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub rows: (u32, u32),
    pub prev: u8,
    pub next_o: bool,
}

/// Features of one document's candidate segments: row `r` is token `tokens[r]` with
/// features `hashes[offsets[r]..offsets[r + 1]]`.
#[derive(Debug, Default, Clone)]
pub struct DocFeatures {
    pub hashes: Vec<u64>,
    pub offsets: Vec<u32>,
    pub tokens: Vec<u32>,
    pub segments: Vec<Segment>,
}

impl DocFeatures {
    pub fn row(&self, r: usize) -> &[u64] {
        let start = self.offsets.get(r).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(r + 1).copied().unwrap_or(0) as usize;
        self.hashes.get(start..end).unwrap_or(&[])
    }

    pub fn n_rows(&self) -> usize {
        self.tokens.len()
    }

    fn clear(&mut self) {
        self.hashes.clear();
        self.offsets.clear();
        self.tokens.clear();
        self.segments.clear();
    }
}

// Template numbers. Never renumber: the model's hashes depend on them. Numbers 9, 10,
// 14, 19-23, 34, 35 and 46 (bigrams, shape trigram, suffixes, rule source and casing,
// previous word x shape) belonged to templates that measured no gain on the dev sets
// once the others were in; they were dropped to halve the tagger's cost.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2; // + offset 0..=4 for positions -2..+2
const T_RAW: u64 = 8;
const T_SHAPE: u64 = 11; // + 0..=2 for -1..+1
const T_PREFIX: u64 = 15; // + len 1..=3
const T_CASEPOS: u64 = 24;
const T_FLAG: u64 = 25; // + 0..=2 for -1..+1
const T_GAZ: u64 = 28; // + 0..=2
const T_RULE: u64 = 31; // + 0..=2
const T_CLUSTER: u64 = 36; // + level 0..=3
const T_CLUSTER_CTX: u64 = 40; // + 0..=3 for -2, -1, +1, +2
const T_DOC: u64 = 44;
const T_TIMEX: u64 = 45;
const T_DOC_RULE: u64 = 47;

/// Word hashes of the sentence boundaries, as context words.
const BOS: u64 = 0x0b05_0b05_0b05_0b05;
const EOS: u64 = 0x0e05_0e05_0e05_0e05;
/// Shape hash outside the sentence.
const NO_SHAPE: u64 = 0x05ba_fe00_05ba_fe00;
const NO_CLUSTER: u16 = 0xffff;

/// Per-token facts, computed only for the tokens the segments need (themselves and two
/// tokens of context on each side).
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    ready: bool,
    /// The facts of a segment token (flags, timex) are computed too.
    full: bool,
    /// [`word_hash`] of the lowercased token.
    word: u64,
    /// Byte range of the lowercased text: in the document text when lowercasing changes
    /// nothing (`in_text`), else in the document's lowercase buffer.
    lower: (u32, u32),
    in_text: bool,
    shape: u64,
    flags: u32,
    caps: bool,
    timex: bool,
    /// Gazetteer tag: 0 none, else 1 + 2 * kind + (0 for B, 1 for I).
    gaz: u8,
    cluster: Option<[u16; 4]>,
}

/// Per-token facts computed for every token in one cheap pass.
#[derive(Debug, Clone, Copy, Default)]
struct Base {
    /// Rule tag: 0 outside, else 1 + 2 * label + (0 for B, 1 for I).
    rule: u8,
    rule_source: u8,
    /// The first character is uppercase.
    cap: bool,
    /// Some character is uppercase.
    upper: bool,
    is_word: bool,
    /// First word of a sentence, a line, or after an opening quote or colon.
    initial: bool,
    /// Lowercasing changes the token's bytes.
    folds: bool,
}

/// What [`extract`] needs besides the document.
#[derive(Debug, Clone, Copy)]
pub struct Resources<'a> {
    pub lexicon: &'a Lexicon,
    pub clusters: &'a Clusters,
}

fn label_idx(label: EntityLabel) -> u8 {
    match label {
        EntityLabel::Person => 0,
        EntityLabel::Organization => 1,
        EntityLabel::Location => 2,
        EntityLabel::Misc => 3,
    }
}

fn source_idx(source: MentionSource) -> u8 {
    match source {
        MentionSource::Gazetteer => 1,
        MentionSource::TitleContext => 2,
        MentionSource::GivenName => 3,
        MentionSource::OrganizationWord => 4,
        MentionSource::PlaceWord => 5,
        MentionSource::Capitalization => 6,
        MentionSource::DocumentConsistency => 7,
        MentionSource::Alias => 8,
        MentionSource::Tagger => 9,
    }
}

fn kind_idx(kind: PhraseKind) -> u8 {
    match kind {
        PhraseKind::City => 0,
        PhraseKind::Demonym => 1,
        PhraseKind::Region => 2,
        PhraseKind::Country => 3,
        PhraseKind::Misc => 4,
        PhraseKind::Org => 5,
    }
}

/// The hash of the short shape of `word`: letters and digits become `X`, `x`, `d`, runs
/// collapse to one ("Tehran" → "Xx", "IRGC-2" → "X-d"), at most 6 symbols then `~`.
fn shape_hash(word: &str) -> u64 {
    let mut buf = [0u8; 32];
    let mut len = 0;
    let mut last = '\0';
    for ch in word.chars() {
        let sym = if ch.is_ascii_uppercase() {
            'X'
        } else if ch.is_ascii_lowercase() {
            'x'
        } else if ch.is_ascii_digit() {
            'd'
        } else if ch.is_ascii() {
            ch
        } else if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_numeric() {
            'd'
        } else if ch.is_alphabetic() {
            'a'
        } else {
            ch
        };
        if sym != last {
            if len >= 6 {
                buf[len] = b'~';
                len += 1;
                break;
            }
            // A symbol is one character; non-ASCII punctuation takes up to 4 bytes.
            let encoded = sym.encode_utf8(&mut buf[len..len + 4]);
            len += encoded.len();
            last = sym;
        }
    }
    hash_bytes(SEED ^ 0x5a, &buf[..len])
}

/// True when lowercasing `text` changes it (an uppercase letter or a curly apostrophe).
fn folds(text: &str) -> (bool, bool) {
    let (mut upper, mut ascii) = (false, true);
    for b in text.bytes() {
        upper |= b.is_ascii_uppercase();
        ascii &= b.is_ascii();
    }
    if ascii {
        return (upper, upper);
    }
    let upper = text.chars().any(char::is_uppercase);
    (upper, upper || text.contains(['’', '‘']))
}

/// A short lowercase word or a joining mark that may sit inside a name ("Bank *of*
/// England", "AT *&* T", "O *'* Brien"): candidate runs are joined across such tokens.
fn joiner(text: &str) -> bool {
    (text.len() <= 3 && text.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(text, "&" | "-" | "'" | "’" | "." | "/")
}

/// Candidate segments (token ranges) of the sentence `s0..s1`: runs of `base` tokens
/// joined over at most two tokens for which `joins` holds.
pub fn segments(
    base: &[bool],
    joins: impl Fn(usize) -> bool,
    s0: usize,
    s1: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = s0;
    while i < s1 {
        if !base[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            while end < s1 && base[end] {
                end += 1;
            }
            // Join over up to two joiners followed by another candidate.
            let mut j = end;
            while j < s1 && j < end + 2 && !base[j] && joins(j) {
                j += 1;
            }
            if j > end && j < s1 && base[j] {
                end = j;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// A small set of word hashes (a 32,768-bit filter, one bit per word): for the document
/// casing features, where a rare false "seen" costs little.
struct Seen(Vec<u64>);

impl Seen {
    fn new() -> Seen {
        Seen(vec![0; 512])
    }

    fn insert(&mut self, h: u64) {
        let bit = (h >> 49) as usize;
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    fn contains(&self, h: u64) -> bool {
        let bit = (h >> 49) as usize;
        self.0[bit >> 6] >> (bit & 63) & 1 == 1
    }
}

/// Computes the features of a document's candidate segments into `out` (cleared first).
/// `rules` are the rule recognizer's mentions for the same input, sorted.
pub fn extract(
    res: &Resources<'_>,
    input: &Input<'_>,
    timexes: &[Timex],
    rules: &[Mention],
    out: &mut DocFeatures,
) {
    out.clear();
    let n = input.tokens.len();
    let text = input.text;

    // One cheap pass over every token: casing, rule tag, sentence-initial.
    let mut base: Vec<Base> = vec![Base::default(); n];
    let mut rule_idx = 0;
    for (i, token) in input.tokens.iter().enumerate() {
        let word = token.span.slice(text);
        let (upper, changes) = folds(word);
        let b = &mut base[i];
        b.upper = upper;
        b.folds = changes;
        b.cap = upper && word.chars().next().is_some_and(char::is_uppercase);
        b.is_word = token.kind == TokenKind::Word;
        while rule_idx < rules.len() && rules[rule_idx].span.end <= token.span.start {
            rule_idx += 1;
        }
        if let Some(m) = rules.get(rule_idx).filter(|m| m.span.overlaps(token.span)) {
            let inside = u8::from(m.span.start < token.span.start);
            b.rule = 1 + 2 * label_idx(m.label) + inside;
            b.rule_source = source_idx(m.source);
        }
    }
    mark_initials(input, &mut base);

    // Document casing: which words the document writes in lowercase, and which it
    // capitalizes inside a sentence (cheap hashes of every word).
    let mut seen_lower = Seen::new();
    let mut seen_cap_inner = Seen::new();
    let mut scratch = String::new();
    for (b, token) in base.iter().zip(input.tokens) {
        if !b.is_word {
            continue;
        }
        let word = token.span.slice(text).as_bytes();
        let h = if !b.folds {
            quick_lower(word)
        } else if word.is_ascii() {
            quick_ascii(word)
        } else {
            scratch.clear();
            push_lower(&mut scratch, token.span.slice(text));
            quick_lower(scratch.as_bytes())
        };
        if !b.cap {
            seen_lower.insert(h);
        } else if !b.initial {
            seen_cap_inner.insert(h);
        }
    }

    let mut toks: Vec<Tok> = vec![Tok::default(); n];
    let mut lower = String::new();
    let cand: Vec<bool> = base.iter().map(|b| b.upper || b.rule != 0).collect();
    let mut ctx = Ctx { res, input, timexes, toks: &mut toks, lower: &mut lower, base: &base };
    // Segments of every sentence, and the facts of their tokens and context.
    let mut all_segs: Vec<SentenceSegments> = Vec::new();
    for sentence in input.sentences {
        let s0 = sentence.token_start.min(n);
        let s1 = sentence.token_end.min(n);
        let segs = segments(&cand, |j| joiner(input.word(j)), s0, s1);
        if segs.is_empty() {
            continue;
        }
        for &(a, b) in &segs {
            for j in a.saturating_sub(2).max(s0)..(b + 2).min(s1) {
                ctx.ensure(j, (a..b).contains(&j));
            }
        }
        mark_gazetteer(&mut ctx, &segs, s1);
        all_segs.push((segs, s0, s1));
    }
    // The rules' labels of each word across the document (every rule token is in a
    // segment, so its facts are ready).
    let mut rule_labels: FxMap<u64, u8> = FxMap::default();
    for (b, t) in base.iter().zip(ctx.toks.iter()) {
        if b.rule != 0 && b.is_word && t.ready {
            *rule_labels.entry(t.word).or_insert(0) |= 1 << ((b.rule - 1) / 2);
        }
    }
    let doc = DocFacts { seen_lower, seen_cap_inner, rule_labels };
    for (segs, s0, s1) in &all_segs {
        let (s0, s1) = (*s0, *s1);
        for &(a, b) in segs {
            let row0 = out.tokens.len() as u32;
            for i in a..b {
                out.offsets.push(out.hashes.len() as u32);
                out.tokens.push(i as u32);
                ctx.token_features(i, s0, s1, &doc, &mut out.hashes);
            }
            out.segments.push(Segment {
                rows: (row0, out.tokens.len() as u32),
                prev: if a == s0 { START as u8 } else { O as u8 },
                next_o: b < s1,
            });
        }
    }
    out.offsets.push(out.hashes.len() as u32);
}

/// The candidate segments of one sentence (token ranges), and the sentence's tokens.
type SentenceSegments = (Vec<(usize, usize)>, usize, usize);

/// What the document says about its words as a whole.
struct DocFacts {
    seen_lower: Seen,
    seen_cap_inner: Seen,
    rule_labels: FxMap<u64, u8>,
}

/// The document while its features are computed.
struct Ctx<'a, 'b> {
    res: &'b Resources<'a>,
    input: &'b Input<'a>,
    timexes: &'b [Timex],
    toks: &'b mut [Tok],
    lower: &'b mut String,
    base: &'b [Base],
}

impl Ctx<'_, '_> {
    fn low(&self, i: usize) -> &str {
        let Some(t) = self.toks.get(i) else { return "" };
        let src: &str = if t.in_text { self.input.text } else { self.lower };
        src.get(t.lower.0 as usize..t.lower.1 as usize).unwrap_or("")
    }

    /// Computes the facts of token `i` once: its word, shape and clusters, and for a
    /// segment token (`full`) also its lexicon flags and timex.
    fn ensure(&mut self, i: usize, full: bool) {
        if i >= self.toks.len() || self.toks[i].ready && (self.toks[i].full || !full) {
            return;
        }
        if self.toks[i].ready {
            self.complete(i);
            return;
        }
        let token = self.input.tokens[i];
        let word = token.span.slice(self.input.text);
        let b = self.base[i];
        let lower = if b.folds {
            let l0 = self.lower.len();
            push_lower(self.lower, word);
            (l0 as u32, self.lower.len() as u32, false)
        } else {
            (token.span.start as u32, token.span.end as u32, true)
        };
        let caps = b.is_word && b.upper && !word.chars().any(char::is_lowercase);
        let src: &str = if lower.2 { self.input.text } else { self.lower };
        let word_h = word_hash(src.get(lower.0 as usize..lower.1 as usize).unwrap_or(""));
        self.toks[i] = Tok {
            ready: true,
            word: word_h,
            lower: (lower.0, lower.1),
            in_text: lower.2,
            shape: shape_hash(word),
            caps,
            ..Tok::default()
        };
        let cluster = cluster_of(self.res.clusters, self.low(i), word_h);
        self.toks[i].cluster = cluster;
        if full {
            self.complete(i);
        }
    }

    /// The facts only segment tokens need.
    fn complete(&mut self, i: usize) {
        let span = self.input.tokens[i].span;
        let k = self.timexes.partition_point(|t| t.span.end <= span.start);
        let timex = self.timexes.get(k).is_some_and(|t| t.span.overlaps(span));
        let flags = self.res.lexicon.flags(self.low(i));
        let t = &mut self.toks[i];
        t.timex = timex;
        t.flags = flags;
        t.full = true;
    }

    fn token_features(&self, i: usize, s0: usize, s1: usize, doc: &DocFacts, out: &mut Vec<u64>) {
        let inside = |j: isize| j >= s0 as isize && j < s1 as isize;
        let word_at = |j: isize| -> u64 {
            if j < s0 as isize {
                BOS
            } else if j >= s1 as isize {
                EOS
            } else {
                self.toks[j as usize].word
            }
        };
        let shape_at =
            |j: isize| -> u64 { if inside(j) { self.toks[j as usize].shape } else { NO_SHAPE } };
        let ii = i as isize;
        let tok = self.toks[i];
        let b = self.base[i];
        let w = tok.word;
        out.push(feat(T_BIAS, 0));
        for (k, d) in (-2isize..=2).enumerate() {
            out.push(feat(T_WORD + k as u64, word_at(ii + d)));
        }
        out.push(feat(T_RAW, hash_bytes(SEED, self.input.word(i).as_bytes())));
        for (k, d) in (-1isize..=1).enumerate() {
            out.push(feat(T_SHAPE + k as u64, shape_at(ii + d)));
        }
        let low = self.low(i);
        let mut n_chars = 0;
        for (end, _) in low.char_indices().skip(1).take(3) {
            n_chars += 1;
            out.push(feat(T_PREFIX + n_chars, word_hash(&low[..end])));
        }
        // A word of 1-3 characters is its own longest prefix.
        let total = low.chars().take(4).count() as u64;
        if (1..=3).contains(&total) {
            out.push(feat(T_PREFIX + total, w));
        }
        let case = u64::from(b.cap) | u64::from(tok.caps) << 1 | u64::from(b.initial) << 2;
        out.push(feat(T_CASEPOS, case | u64::from(i == s0) << 3));
        let mut flags = tok.flags;
        while flags != 0 {
            let bit = flags.trailing_zeros();
            flags &= flags - 1;
            out.push(feat(T_FLAG + 1, u64::from(bit) << 1 | u64::from(b.cap)));
        }
        for (k, d) in (-1isize..=1).enumerate() {
            let j = ii + d;
            if inside(j) {
                out.push(feat(T_GAZ + k as u64, u64::from(self.toks[j as usize].gaz)));
                out.push(feat(T_RULE + k as u64, u64::from(self.base[j as usize].rule)));
            }
        }
        match tok.cluster {
            Some(ids) => {
                for (level, id) in ids.iter().enumerate().skip(2) {
                    out.push(feat(T_CLUSTER + level as u64, u64::from(*id)));
                }
            }
            None => out.push(feat(T_CLUSTER, u64::from(NO_CLUSTER))),
        }
        for (k, (d, level)) in [(-2isize, 1usize), (-1, 2), (1, 2), (2, 1)].iter().enumerate() {
            let j = ii + d;
            let id = if inside(j) {
                self.toks[j as usize].cluster.map_or(NO_CLUSTER, |ids| ids[*level])
            } else {
                NO_CLUSTER
            };
            out.push(feat(T_CLUSTER_CTX + k as u64, u64::from(id)));
        }
        if b.is_word {
            let q = quick_lower(low.as_bytes());
            let seen = u64::from(doc.seen_lower.contains(q))
                | u64::from(doc.seen_cap_inner.contains(q)) << 1
                | case << 2;
            out.push(feat(T_DOC, seen));
            let labels = doc.rule_labels.get(&w).copied().unwrap_or(0);
            out.push(feat(T_DOC_RULE, u64::from(labels) << 8 | u64::from(b.rule)));
        }
        if tok.timex {
            out.push(feat(T_TIMEX, 1));
        }
    }
}

/// The clusters of a lowercased token; numbers share entries by length ("0" to "0000"),
/// as the cluster script folds them.
fn cluster_of(clusters: &Clusters, low: &str, hash: u64) -> Option<[u16; 4]> {
    if !low.is_empty() && low.bytes().all(|b| b.is_ascii_digit()) {
        const ZEROS: [&str; 4] = ["0", "00", "000", "0000"];
        return clusters.get(ZEROS[low.len().min(4) - 1]);
    }
    clusters.by_hash.get(&hash).copied()
}

/// First word of a sentence, a line, or after an opening quote or colon.
fn mark_initials(input: &Input<'_>, base: &mut [Base]) {
    for sentence in input.sentences {
        let (s0, s1) = (sentence.token_start, sentence.token_end.min(base.len()));
        let mut expect_initial = true;
        #[allow(clippy::needless_range_loop)] // `i` indexes tokens and `base` alike.
        for i in s0..s1 {
            let token = input.tokens[i];
            if token.newlines_before > 0 {
                expect_initial = true;
            }
            if base[i].is_word || token.kind == TokenKind::Number {
                base[i].initial = expect_initial && base[i].is_word;
                expect_initial = false;
            } else {
                let text = input.word(i);
                if is_quote(text) || matches!(text, ":" | "—" | "–" | "(" | "•" | "*") {
                    expect_initial = true;
                } else if text != "-" {
                    expect_initial = false;
                }
            }
        }
    }
}

/// Marks the longest gazetteer name starting at each capitalized segment token (B and I
/// tags); a name may run past its segment, up to the sentence end `s1`.
fn mark_gazetteer(ctx: &mut Ctx<'_, '_>, segs: &[(usize, usize)], s1: usize) {
    let lex = ctx.res.lexicon;
    let mut after = 0;
    for &(a, b) in segs {
        let mut i = a.max(after);
        while i < b {
            let (tok, tb) = (ctx.toks[i], ctx.base[i]);
            if tok.flags & lx::PHRASE_START == 0 || !tb.cap {
                i += 1;
                continue;
            }
            let short = ctx.input.word(i).chars().count() <= 3;
            let mut found = None;
            for phrase in lex.phrases(ctx.low(i)) {
                if phrase.acronym && !tok.caps || !phrase.acronym && tok.caps && short {
                    continue;
                }
                let end = i + 1 + phrase.rest.len();
                if end > s1 {
                    continue;
                }
                let mut ok = true;
                for (k, want) in phrase.rest.iter().enumerate() {
                    ctx.ensure(i + 1 + k, false);
                    if ctx.low(i + 1 + k) != &**want {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    found = Some((end, phrase.kind));
                    break;
                }
            }
            match found {
                Some((end, kind)) => {
                    for (k, tok) in ctx.toks[i..end].iter_mut().enumerate() {
                        tok.gaz = 1 + 2 * kind_idx(kind) + u8::from(k > 0);
                    }
                    i = end;
                    after = end;
                }
                None => i += 1,
            }
        }
    }
}
