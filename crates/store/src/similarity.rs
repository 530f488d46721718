//! Near-duplicate documents and same-event claims, found through MinHash and LSH bands.
//!
//! Comparing every new document with every stored one would make ingest quadratic. A
//! MinHash signature estimates the Jaccard similarity of two shingle sets from a fixed
//! number of hashes; locality-sensitive hashing cuts the signature into bands and files
//! the document under one key per band. Documents that share a band key are candidates,
//! and only candidates are compared, so the work per new document is a handful of index
//! lookups however large the store is. The same scheme, with the claim's subject mixed
//! into every key, finds claims about the same event.
//!
//! Every hash here is defined in this file (FNV-1a and a multiply-shift family seeded by
//! splitmix64), never `std`'s hasher: signatures and band keys are stored, so they must
//! be the same in every build and on every machine.

/// Words per document shingle. Four words keep template stories (the same sentence frame
/// with other names and figures) apart while a light edit (a changed word, an added
/// dateline) destroys only the few shingles around it.
pub const SHINGLE_WORDS: usize = 4;
/// MinHash values per document signature.
pub const DOCUMENT_HASHES: usize = BANDS * ROWS;
/// LSH bands and rows per band for documents: 32 × 3 makes a pair with Jaccard 0.5 a
/// candidate with probability 0.986, one with Jaccard 0.2 with probability 0.23.
pub const BANDS: usize = 32;
pub const ROWS: usize = 3;
/// The estimated Jaccard similarity from which a document is a copy of another.
pub const COPY_THRESHOLD: f64 = 0.5;

/// Bands and rows for claim token sets: 12 × 3 finds pairs with Jaccard 0.6 with
/// probability 0.93.
pub const CLAIM_BANDS: usize = 12;
pub const CLAIM_ROWS: usize = 3;
/// Jaccard similarity of masked claim tokens from which two claims with the same subject
/// are about the same event.
pub const SAME_EVENT_THRESHOLD: f64 = 0.6;
/// Without a subject entity only near-identical wording counts, and only with enough
/// words to mean something.
pub const SUBJECTLESS_THRESHOLD: f64 = 0.8;
pub const SUBJECTLESS_MIN_TOKENS: usize = 4;

/// Candidates examined per band key, the newest first: a key shared by thousands of
/// documents (boilerplate) would otherwise make one lookup expensive. The best matches
/// share many keys, so they are found through the others.
pub const CANDIDATES_PER_KEY: usize = 24;
/// The same for claims, whose keys are shared more (short token sets, popular subjects).
pub const CLAIM_CANDIDATES_PER_KEY: usize = 8;
/// Claims with fewer tokens are not compared: "the company said so" says too little to
/// tell one event from another.
pub const CLAIM_MIN_TOKENS: usize = 3;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over a string's lowercase letters and digits.
pub fn word_hash(word: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    for ch in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &byte in ch.encode_utf8(&mut buf).as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

/// The words of a text (runs of letters and digits), hashed case-insensitively.
pub fn word_hashes(text: &str) -> Vec<u64> {
    text.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).map(word_hash).collect()
}

/// The distinct shingles (runs of [`SHINGLE_WORDS`] words) of a text; a text shorter than
/// that is one shingle.
pub fn shingles(text: &str) -> Vec<u64> {
    let words = word_hashes(text);
    let mut out: Vec<u64> = if words.len() <= SHINGLE_WORDS {
        vec![words.iter().fold(FNV_OFFSET, |acc, &w| splitmix64(acc ^ w))]
    } else {
        words
            .windows(SHINGLE_WORDS)
            .map(|window| window.iter().fold(FNV_OFFSET, |acc, &w| splitmix64(acc ^ w)))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The `n` multiply-shift hash functions of the family, as (odd multiplier, addend).
fn family(n: usize) -> Vec<(u64, u64)> {
    (0..n as u64)
        .map(|i| (splitmix64(i.wrapping_mul(2) + 1) | 1, splitmix64(i.wrapping_mul(2) + 2)))
        .collect()
}

/// The MinHash signature of a set of 64-bit items: for each hash function, the least
/// hash over the items (32 bits each, enough for similarity estimates).
pub fn minhash(items: &[u64], n_hashes: usize) -> Vec<u32> {
    let mut signature = vec![u32::MAX; n_hashes];
    for (slot, (a, b)) in signature.iter_mut().zip(family(n_hashes)) {
        for &item in items {
            let value = (a.wrapping_mul(item).wrapping_add(b) >> 32) as u32;
            if value < *slot {
                *slot = value;
            }
        }
    }
    signature
}

/// A document's signature: [`DOCUMENT_HASHES`] MinHash values over its shingles.
pub fn document_signature(text: &str) -> Vec<u32> {
    minhash(&shingles(text), DOCUMENT_HASHES)
}

/// The share of equal positions: the MinHash estimate of the Jaccard similarity.
pub fn estimated_jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// Exact Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// One key per band: the band's position and values hashed together, with `salt` (the
/// claim's subject) mixed in so that only items sharing it can collide.
pub fn band_keys(signature: &[u32], rows: usize, salt: u64) -> Vec<i64> {
    signature
        .chunks(rows.max(1))
        .enumerate()
        .map(|(band, values)| {
            let mut key = splitmix64(salt ^ splitmix64(band as u64 + 1));
            for &value in values {
                key = splitmix64(key ^ u64::from(value));
            }
            key as i64
        })
        .collect()
}

/// A token of a claim's content as the event comparison sees it: figures, dates and
/// places are masked (they are compared as facts, where a difference is a conflict, not
/// a different event) and entity mentions become the store-wide entity, so "IRGC" and
/// "Islamic Revolutionary Guard Corps" are the same token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimToken {
    Word(u64),
    /// An index into the document's entities, resolved by the backend.
    Entity(usize),
    Figure,
    Date,
    Place,
}

/// Function words that say nothing about which event a claim is about. Negations are
/// here too: "withdrew" and "did not withdraw" are the same event with opposite
/// polarity, which the fact comparison reports as a conflict.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "during",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
    "its", "least", "many", "may", "might", "more", "most", "much", "near", "never", "no", "nor",
    "not", "of", "on", "only", "or", "other", "our", "out", "over", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those",
    "through", "to", "under", "up", "very", "was", "we", "were", "which", "while", "who", "whom",
    "will", "with", "would", "you", "your",
];

pub fn is_stopword(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOPWORDS.binary_search(&lower.as_str()).is_ok()
}

/// The sorted, distinct 32-bit hashes of a claim's tokens, entities resolved through
/// `entity_id` (local index to store-wide id; unresolved entities fall back to no token).
pub fn claim_token_set(
    tokens: &[ClaimToken],
    entity_id: impl Fn(usize) -> Option<i64>,
) -> Vec<u32> {
    let mut set: Vec<u32> = tokens
        .iter()
        .filter_map(|token| {
            let hash = match *token {
                ClaimToken::Word(hash) => hash,
                ClaimToken::Entity(local) => splitmix64(0xe0e0_0000 ^ entity_id(local)? as u64),
                ClaimToken::Figure => 0xf1f1,
                ClaimToken::Date => 0xd1d1,
                ClaimToken::Place => 0xb1b1,
            };
            Some((splitmix64(hash) >> 32) as u32)
        })
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// What a claim's LSH keys are salted with: its subject entity, so that only claims about
/// the same subject meet; a claim without a subject only meets the claims of its own
/// near-duplicate group (its document's original), where copies repeat it word for word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimSalt {
    Subject(i64),
    Story(i64),
}

/// The LSH keys of a claim token set.
pub fn claim_band_keys(token_set: &[u32], salt: ClaimSalt) -> Vec<i64> {
    let items: Vec<u64> = token_set.iter().map(|&t| u64::from(t)).collect();
    let signature = minhash(&items, CLAIM_BANDS * CLAIM_ROWS);
    let salt = match salt {
        ClaimSalt::Subject(id) => splitmix64(id as u64 ^ 0x5b5b),
        ClaimSalt::Story(id) => splitmix64(id as u64 ^ 0x5757_0000),
    };
    band_keys(&signature, CLAIM_ROWS, salt)
}

/// Whether two claims' token sets describe the same event (given the same subject or
/// none), and how similar they are.
pub fn same_event(a: &[u32], b: &[u32], has_subject: bool) -> Option<f64> {
    let similarity = jaccard(a, b);
    let enough = if has_subject {
        similarity >= SAME_EVENT_THRESHOLD
    } else {
        similarity >= SUBJECTLESS_THRESHOLD && a.len().min(b.len()) >= SUBJECTLESS_MIN_TOKENS
    };
    enough.then_some(similarity)
}

/// Packs 32-bit values little-endian, for storage as a blob.
pub fn pack(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn unpack(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Heavy rain flooded the lower town of Arden on Tuesday after the \
        Kessel dam released water for the second time this month. The regional council said \
        two shelters were opened in the school and the church hall, and that about 300 \
        residents had spent the night there. Engineers expect the river to fall by Thursday \
        but warned that more rain is forecast for the weekend.";

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("The") && !is_stopword("dam"));
    }

    #[test]
    fn a_lightly_edited_copy_is_similar_and_another_story_is_not() {
        let copy = format!("ARDEN (Wire) - {}", STORY.replace("Heavy rain", "Torrential rain"));
        let other = "The central bank left interest rates unchanged on Tuesday and said \
            inflation would stay near its target through the end of next year.";
        let a = document_signature(STORY);
        assert!(estimated_jaccard(&a, &document_signature(&copy)) >= COPY_THRESHOLD);
        assert!(estimated_jaccard(&a, &document_signature(other)) < 0.1);
        assert_eq!(a, document_signature(STORY), "deterministic");
        let shared = band_keys(&a, ROWS, 0)
            .iter()
            .zip(band_keys(&document_signature(&copy), ROWS, 0))
            .filter(|(x, y)| **x == *y)
            .count();
        assert!(shared > 0, "the copy shares a band key");
    }

    #[test]
    fn exact_jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(unpack(&pack(&[1, u32::MAX])), vec![1, u32::MAX]);
    }

    #[test]
    fn the_subject_salts_claim_keys() {
        let set =
            claim_token_set(&[ClaimToken::Word(word_hash("withdrew")), ClaimToken::Figure], |_| {
                None
            });
        let keys = |salt| claim_band_keys(&set, salt);
        assert_ne!(keys(ClaimSalt::Subject(1)), keys(ClaimSalt::Subject(2)));
        assert_ne!(keys(ClaimSalt::Subject(1)), keys(ClaimSalt::Story(1)));
        assert_eq!(keys(ClaimSalt::Subject(1)), keys(ClaimSalt::Subject(1)));
    }
}
