"""Distributional word clusters for the entity tagger, learned from unlabeled text.

Why: the tagger sees only ~250,000 labeled tokens, mostly tweets; word clusters learned
from unlabeled news let a name or a context word it never saw in training share weights
with words that occur in the same contexts ("Rouhani" with "Erdogan", "ministry" with
"agency"). This is the cheap cousin of Brown clustering: each frequent word gets a vector
of its left and right neighbours (PPMI over the 1,000 most frequent context words),
reduced to 96 dimensions by SVD, and k-means with a fixed seed groups the vectors into
1,024 clusters; the 1,024 centroids are then grouped again into 256, 64 and 16, giving
four nested granularities, like prefixes of a Brown bit string.

Input is JSON Lines with a "text" field (the research-use news in ../shared/corpus is
fine for this: only the derived clusters are kept, never the text). Output: a TSV of
`word<TAB>c16<TAB>c64<TAB>c256<TAB>c1024`, lowercased words with at least MIN_COUNT
occurrences. Needs numpy (the peers' virtualenv has it):

    /work/shared/peers/.venv/bin/python scripts/tagger/clusters.py \
        ../shared/corpus/*.jsonl > crates/tagger/data/clusters.tsv
"""

import json
import re
import sys
from collections import Counter

import numpy as np

MIN_COUNT = 4
N_CONTEXT = 1000
DIMS = 96
SEED = 20240611
# Letters and digits with inner apostrophes, like the project's tokenizer; the possessive
# "'s" is its own token.
TOKEN = re.compile(r"'s\b|[^\W_]+(?:['’][^\W_]+)*|[^\w\s]", re.UNICODE)


def tokens(text):
    for tok in TOKEN.findall(text):
        tok = tok.replace("’", "'").lower()
        if tok.isdigit():
            tok = "0" * min(len(tok), 4)
        yield tok


def kmeans(x, k, rng, iters=25):
    centers = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        # Cosine k-means: vectors and centers are unit length.
        sims = x @ centers.T
        assign = sims.argmax(axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centers[c] = v / (np.linalg.norm(v) + 1e-9)
    return assign, centers


def main(paths):
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                docs.append(list(tokens(json.loads(line).get("text", ""))))
    counts = Counter(t for d in docs for t in d)
    vocab = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, w in enumerate(vocab[:N_CONTEXT])}
    m = np.zeros((len(vocab), 2 * N_CONTEXT), dtype=np.float32)
    for d in docs:
        for i, w in enumerate(d):
            row = index.get(w)
            if row is None:
                continue
            if i > 0 and d[i - 1] in context:
                m[row, context[d[i - 1]]] += 1
            if i + 1 < len(d) and d[i + 1] in context:
                m[row, N_CONTEXT + context[d[i + 1]]] += 1
    total = m.sum()
    pw = m.sum(axis=1, keepdims=True) / total
    pc = m.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pw @ pc))
    ppmi = np.nan_to_num(np.maximum(pmi, 0), nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
    u, s, _ = np.linalg.svd(ppmi, full_matrices=False)
    vec = u[:, :DIMS] * np.sqrt(s[:DIMS])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(SEED)
    levels = []
    assign, centers = kmeans(vec, 1024, rng)
    levels.append(assign)
    for k in (256, 64, 16):
        upper, centers = kmeans(centers, k, rng)
        assign = upper[assign]
        levels.append(assign)
    out = sys.stdout
    out.write(f"# distributional clusters: {len(vocab)} words, min count {MIN_COUNT}, seed {SEED}\n")
    for w, i in index.items():
        c1024, c256, c64, c16 = (int(level[i]) for level in levels)
        out.write(f"{w}\t{c16}\t{c64}\t{c256}\t{c1024}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
