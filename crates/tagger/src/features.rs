//! Token features: what the tagger knows about each token, as 64-bit hashes.
//!
//! Every feature is a template number mixed with a value (a word, a shape, a flag bit, a
//! cluster id), hashed without allocating. The templates favour evidence that carries to
//! names and domains the training data never showed: word shape, affixes, casing and
//! position, context words, the rule recognizer's lexicon flags and gazetteer matches,
//! distributional word clusters learned from unlabeled news, what the same word does
//! elsewhere in the document, and the rule recognizer's own decision (stacking: the
//! tagger learns when the rules are right). Changing a template changes the hashes, so
//! [`FEATURE_SET`] names the set and is recorded in every model file.

use std::collections::HashSet;

use claimgraph_extract::Input;
use claimgraph_extract::entities::lexicon::{self as lx, FxMap, Lexicon, PhraseKind};
use claimgraph_model::{EntityLabel, Mention, MentionSource, Timex, TokenKind};
use claimgraph_text::words::is_quote;

/// The name and version of the feature templates below, stored in each model: a model
/// trained with another set would read meaningless weights, so loading checks it.
pub const FEATURE_SET: &str = "cg-ner-features-v1: bias; lower word at -2..+2; raw word; \
     bigrams -1/0 and 0/+1; short shape at -1..+1 and their trigram; prefixes 1-3; \
     suffixes 1-4; casing x position; lexicon flag bits at -1..+1; gazetteer BIO+kind at \
     -1..+1; rule BIO+label at -1..+1, rule source, rule x casing; clusters 16/64/256/1024 \
     at 0, 256 at +-1, 64 at +-2; document casing (seen lowercase, seen capitalized \
     inside a sentence); inside a timex";

/// Word clusters at four nested granularities (16, 64, 256, 1024 clusters).
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    map: FxMap<Box<str>, [u16; 4]>,
}

impl Clusters {
    /// Parses `word<TAB>c16<TAB>c64<TAB>c256<TAB>c1024` lines; `#` lines are comments.
    pub fn parse(text: &str) -> Result<Clusters, String> {
        let mut map = FxMap::default();
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
            map.insert(word.into(), ids);
        }
        Ok(Clusters { map })
    }

    /// The cluster ids of a lowercased word.
    pub fn get(&self, lower_word: &str) -> Option<[u16; 4]> {
        self.map.get(lower_word).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries sorted by word, for a deterministic model file.
    pub fn sorted(&self) -> Vec<(&str, [u16; 4])> {
        let mut entries: Vec<(&str, [u16; 4])> =
            self.map.iter().map(|(word, ids)| (&**word, *ids)).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        entries
    }

    pub fn insert(&mut self, word: &str, ids: [u16; 4]) {
        self.map.insert(word.into(), ids);
    }
}

/// Features of one document: token `t` has `hashes[offsets[t]..offsets[t + 1]]`.
#[derive(Debug, Default, Clone)]
pub struct DocFeatures {
    pub hashes: Vec<u64>,
    pub offsets: Vec<u32>,
}

impl DocFeatures {
    pub fn token(&self, t: usize) -> &[u64] {
        let start = self.offsets.get(t).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(t + 1).copied().unwrap_or(0) as usize;
        self.hashes.get(start..end).unwrap_or(&[])
    }

    pub fn n_tokens(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
}

// Template numbers. Never renumber: the model's hashes depend on them.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2; // + offset 0..=4 for positions -2..+2
const T_RAW: u64 = 8;
const T_BIGRAM_L: u64 = 9;
const T_BIGRAM_R: u64 = 10;
const T_SHAPE: u64 = 11; // + 0..=2 for -1..+1
const T_SHAPE3: u64 = 14;
const T_PREFIX: u64 = 15; // + len 1..=3
const T_SUFFIX: u64 = 19; // + len 1..=4
const T_CASEPOS: u64 = 24;
const T_FLAG: u64 = 25; // + 0..=2 for -1..+1
const T_GAZ: u64 = 28; // + 0..=2
const T_RULE: u64 = 31; // + 0..=2
const T_RULE_SRC: u64 = 34;
const T_RULE_CASE: u64 = 35;
const T_CLUSTER: u64 = 36; // + level 0..=3
const T_CLUSTER_CTX: u64 = 40; // + 0..=3 for -2, -1, +1, +2
const T_DOC: u64 = 44;
const T_TIMEX: u64 = 45;
const T_PREV_SHAPE: u64 = 46;

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    for &byte in chunks.remainder() {
        h = mix(h, u64::from(byte));
    }
    // The length keeps "ab" + "c" apart from "a" + "bc" when values are chained.
    finish(mix(h, bytes.len() as u64))
}

fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 31)).wrapping_mul(0x94_d0_49_bb_13_31_11_eb);
    h ^ (h >> 29)
}

fn feat_str(template: u64, value: &str) -> u64 {
    hash_bytes(mix(0, template), value.as_bytes())
}

fn feat_num(template: u64, value: u64) -> u64 {
    finish(mix(mix(0, template), value.wrapping_add(0x9e37)))
}

fn feat_pair(template: u64, a: &str, b: &str) -> u64 {
    hash_bytes(hash_bytes(mix(0, template), a.as_bytes()), b.as_bytes())
}

/// Per-token facts computed once per document.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    /// Byte range of the lowercased text in the document's lowercase buffer.
    lower: (u32, u32),
    /// Byte range of the short shape in the shape buffer.
    shape: (u32, u32),
    flags: u32,
    cap: bool,
    caps: bool,
    word: bool,
    initial: bool,
    timex: bool,
    /// Gazetteer tag: 0 none, else 1 + 2 * kind + (0 for B, 1 for I).
    gaz: u8,
    /// Rule tag: 0 outside, else 1 + 2 * label + (0 for B, 1 for I).
    rule: u8,
    rule_source: u8,
    cluster: Option<[u16; 4]>,
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

/// Appends the short shape of `word` to `out`: letters and digits become `X`, `x`, `d`,
/// runs collapse to one ("Tehran" → "Xx", "IRGC-2" → "X-d"), at most 6 symbols.
fn push_shape(out: &mut String, word: &str) {
    let start = out.len();
    let mut last = '\0';
    for ch in word.chars() {
        let sym = if ch.is_uppercase() {
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
            if out.len() - start >= 6 {
                out.push('~');
                break;
            }
            out.push(sym);
            last = sym;
        }
    }
}

/// Computes the features of every token of a document into `out` (cleared first).
/// `rules` are the rule recognizer's mentions for the same input, sorted.
pub fn extract(
    res: &Resources<'_>,
    input: &Input<'_>,
    timexes: &[Timex],
    rules: &[Mention],
    out: &mut DocFeatures,
) {
    out.hashes.clear();
    out.offsets.clear();
    let n = input.tokens.len();
    let mut lower = String::with_capacity(input.text.len() + 16);
    let mut shapes = String::with_capacity(n * 3);
    let mut toks: Vec<Tok> = Vec::with_capacity(n);
    let (mut timex_idx, mut rule_idx) = (0, 0);
    for token in input.tokens {
        let text = token.span.slice(input.text);
        let l0 = lower.len();
        for ch in text.chars() {
            match ch {
                '’' | '‘' => lower.push('\''),
                _ => lower.extend(ch.to_lowercase()),
            }
        }
        let s0 = shapes.len();
        push_shape(&mut shapes, text);
        while timex_idx < timexes.len() && timexes[timex_idx].span.end <= token.span.start {
            timex_idx += 1;
        }
        let timex = timexes.get(timex_idx).is_some_and(|t| t.span.overlaps(token.span));
        while rule_idx < rules.len() && rules[rule_idx].span.end <= token.span.start {
            rule_idx += 1;
        }
        let (rule, rule_source) = match rules.get(rule_idx) {
            Some(m) if m.span.overlaps(token.span) => {
                let inside = u8::from(m.span.start < token.span.start);
                (1 + 2 * label_idx(m.label) + inside, source_idx(m.source))
            }
            _ => (0, 0),
        };
        let low = &lower[l0..];
        let first = text.chars().next().unwrap_or(' ');
        let n_upper = text.chars().filter(|c| c.is_uppercase()).count();
        let n_alpha = text.chars().filter(|c| c.is_alphabetic()).count();
        let is_word = token.kind == TokenKind::Word;
        toks.push(Tok {
            lower: (l0 as u32, lower.len() as u32),
            shape: (s0 as u32, shapes.len() as u32),
            flags: res.lexicon.flags(low),
            cap: first.is_uppercase(),
            caps: is_word && n_alpha > 0 && n_upper == n_alpha,
            word: is_word,
            timex,
            rule,
            rule_source,
            cluster: cluster_of(res.clusters, low),
            ..Tok::default()
        });
    }
    let low = |toks: &[Tok], i: usize| -> &str {
        toks.get(i).map_or("", |t| &lower[t.lower.0 as usize..t.lower.1 as usize])
    };
    mark_initials(input, &mut toks);
    mark_gazetteer(res.lexicon, input, &lower, &mut toks);
    // Document casing: a capitalized sentence-initial word the document also writes in
    // lowercase is probably an ordinary word; one it capitalizes mid-sentence, a name.
    let mut seen_lower: HashSet<&str> = HashSet::new();
    let mut seen_cap_inner: HashSet<&str> = HashSet::new();
    for (i, tok) in toks.iter().enumerate() {
        if !tok.word {
            continue;
        }
        if !tok.cap {
            seen_lower.insert(low(&toks, i));
        } else if !tok.initial {
            seen_cap_inner.insert(low(&toks, i));
        }
    }

    let hashes = &mut out.hashes;
    let offsets = &mut out.offsets;
    for sentence in input.sentences {
        let s0 = sentence.token_start.min(n);
        let s1 = sentence.token_end.min(n);
        let word_at = |j: isize| -> &str {
            if j < s0 as isize {
                "<s>"
            } else if j >= s1 as isize {
                "</s>"
            } else {
                low(&toks, j as usize)
            }
        };
        let shape_at = |j: isize| -> &str {
            if j < s0 as isize || j >= s1 as isize {
                "#"
            } else {
                let t = toks[j as usize];
                &shapes[t.shape.0 as usize..t.shape.1 as usize]
            }
        };
        let tok_at = |j: isize| -> Option<Tok> {
            (j >= s0 as isize && j < s1 as isize).then(|| toks[j as usize])
        };
        for i in s0..s1 {
            offsets.push(hashes.len() as u32);
            let ii = i as isize;
            let tok = toks[i];
            let w = low(&toks, i);
            hashes.push(feat_num(T_BIAS, 0));
            for (k, d) in (-2isize..=2).enumerate() {
                hashes.push(feat_str(T_WORD + k as u64, word_at(ii + d)));
            }
            hashes.push(feat_str(T_RAW, input.word(i)));
            hashes.push(feat_pair(T_BIGRAM_L, word_at(ii - 1), w));
            hashes.push(feat_pair(T_BIGRAM_R, w, word_at(ii + 1)));
            for (k, d) in (-1isize..=1).enumerate() {
                hashes.push(feat_str(T_SHAPE + k as u64, shape_at(ii + d)));
            }
            hashes.push(hash_bytes(
                feat_pair(T_SHAPE3, shape_at(ii - 1), shape_at(ii)),
                shape_at(ii + 1).as_bytes(),
            ));
            hashes.push(feat_pair(T_PREV_SHAPE, word_at(ii - 1), shape_at(ii)));
            for (len, (end, _)) in w.char_indices().skip(1).take(3).enumerate() {
                hashes.push(feat_str(T_PREFIX + len as u64 + 1, &w[..end]));
            }
            let n_chars = w.chars().count();
            if (1..=3).contains(&n_chars) {
                hashes.push(feat_str(T_PREFIX + n_chars as u64, w));
            }
            for (len, (start, _)) in w.char_indices().rev().take(4).enumerate() {
                hashes.push(feat_str(T_SUFFIX + len as u64 + 1, &w[start..]));
            }
            let case = u64::from(tok.cap) | u64::from(tok.caps) << 1 | u64::from(tok.initial) << 2;
            hashes.push(feat_num(T_CASEPOS, case | u64::from(i == s0) << 3));
            for (k, d) in (-1isize..=1).enumerate() {
                let Some(t) = tok_at(ii + d) else { continue };
                let mut flags = t.flags;
                while flags != 0 {
                    let bit = flags.trailing_zeros();
                    flags &= flags - 1;
                    hashes
                        .push(feat_num(T_FLAG + k as u64, u64::from(bit) << 1 | u64::from(t.cap)));
                }
                hashes.push(feat_num(T_GAZ + k as u64, u64::from(t.gaz)));
                hashes.push(feat_num(T_RULE + k as u64, u64::from(t.rule)));
            }
            hashes
                .push(feat_num(T_RULE_SRC, u64::from(tok.rule) << 8 | u64::from(tok.rule_source)));
            hashes.push(feat_num(T_RULE_CASE, u64::from(tok.rule) << 8 | case));
            match tok.cluster {
                Some(ids) => {
                    for (level, id) in ids.iter().enumerate() {
                        hashes.push(feat_num(T_CLUSTER + level as u64, u64::from(*id)));
                    }
                }
                None => hashes.push(feat_num(T_CLUSTER, 0xffff)),
            }
            for (k, (d, level)) in [(-2isize, 1usize), (-1, 2), (1, 2), (2, 1)].iter().enumerate() {
                let id = tok_at(ii + d).and_then(|t| t.cluster).map_or(0xffff, |ids| ids[*level]);
                hashes.push(feat_num(T_CLUSTER_CTX + k as u64, u64::from(id)));
            }
            if tok.word {
                let doc = u64::from(seen_lower.contains(w))
                    | u64::from(seen_cap_inner.contains(w)) << 1
                    | case << 2;
                hashes.push(feat_num(T_DOC, doc));
            }
            if tok.timex {
                hashes.push(feat_num(T_TIMEX, 1));
            }
        }
    }
    out.offsets.push(out.hashes.len() as u32);
}

/// The clusters of a lowercased token; numbers share entries by length ("0" to "0000"),
/// as the cluster script folds them.
fn cluster_of(clusters: &Clusters, low: &str) -> Option<[u16; 4]> {
    if !low.is_empty() && low.bytes().all(|b| b.is_ascii_digit()) {
        const ZEROS: [&str; 4] = ["0", "00", "000", "0000"];
        return clusters.get(ZEROS[low.len().min(4) - 1]);
    }
    clusters.get(low)
}

/// First word of a sentence, a line, or after an opening quote or colon.
fn mark_initials(input: &Input<'_>, toks: &mut [Tok]) {
    for sentence in input.sentences {
        let (s0, s1) = (sentence.token_start, sentence.token_end.min(toks.len()));
        let mut expect_initial = true;
        #[allow(clippy::needless_range_loop)] // `i` indexes tokens and `toks` alike.
        for i in s0..s1 {
            let token = input.tokens[i];
            let text = input.word(i);
            if token.newlines_before > 0 {
                expect_initial = true;
            }
            if toks[i].word || token.kind == TokenKind::Number {
                toks[i].initial = expect_initial && toks[i].word;
                expect_initial = false;
            } else if is_quote(text) || matches!(text, ":" | "—" | "–" | "(" | "•" | "*") {
                expect_initial = true;
            } else if text != "-" {
                expect_initial = false;
            }
        }
    }
}

/// Marks the longest gazetteer name starting at each capitalized token (B and I tags).
fn mark_gazetteer(lex: &Lexicon, input: &Input<'_>, lower: &str, toks: &mut [Tok]) {
    let low = |toks: &[Tok], i: usize| -> &str {
        toks.get(i).map_or("", |t| &lower[t.lower.0 as usize..t.lower.1 as usize])
    };
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        if tok.flags & lx::PHRASE_START == 0 || !tok.cap {
            i += 1;
            continue;
        }
        let first = low(toks, i);
        let short = input.word(i).chars().count() <= 3;
        let mut found = None;
        for phrase in lex.phrases(first) {
            if phrase.acronym && !tok.caps || !phrase.acronym && tok.caps && short {
                continue;
            }
            let end = i + 1 + phrase.rest.len();
            if end > toks.len() {
                continue;
            }
            let ok =
                phrase.rest.iter().enumerate().all(|(k, want)| low(toks, i + 1 + k) == &**want);
            if ok {
                found = Some((end, phrase.kind));
                break;
            }
        }
        match found {
            Some((end, kind)) => {
                for (k, tok) in toks[i..end].iter_mut().enumerate() {
                    tok.gaz = 1 + 2 * kind_idx(kind) + u8::from(k > 0);
                }
                i = end;
            }
            None => i += 1,
        }
    }
}
