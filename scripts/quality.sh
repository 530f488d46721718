#!/usr/bin/env bash
# Scores claimgraph on the development gold sets, side by side with the peers.
#
#   bash scripts/quality.sh [OUTDIR] [SET ...]
#
# For each set (default: all in ../shared/eval/dev), writes OUTDIR/SET/claimgraph.jsonl
# (claimgraph extract --format eval) and prints the scorer's side-by-side table with the
# peers' predictions when OUTDIR/SET/spacy.jsonl and pysbd.jsonl exist. Make those once with
#   bash ../shared/peers/setup.sh
#   bash ../shared/peers/run_peers.sh ../shared/eval/dev/SET.dev.jsonl OUTDIR/SET
# The tables go to stdout and OUTDIR/SET/compare.claimgraph.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/quality}"
shift || true
dev=../shared/eval/dev
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  for f in "$dev"/*.dev.jsonl; do s="$(basename "$f" .dev.jsonl)"; sets+=("$s"); done
fi
cargo build --release --locked -q -p claimgraph-cli
bin="${CARGO_TARGET_DIR:-target}/release/claimgraph"
for s in "${sets[@]}"; do
  mkdir -p "$out/$s"
  start=$(date +%s.%N)
  "$bin" extract --format eval --threads 1 < "$dev/$s.dev.jsonl" > "$out/$s/claimgraph.jsonl"
  end=$(date +%s.%N)
  chars=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text']) for l in open(sys.argv[1])))" "$dev/$s.dev.jsonl")
  files=(); names=()
  for peer in spacy pysbd; do
    if [ -f "$out/$s/$peer.jsonl" ]; then files+=("$out/$s/$peer.jsonl"); names+=("$peer"); fi
  done
  files+=("$out/$s/claimgraph.jsonl"); names+=(claimgraph)
  echo "== $s"
  python3 ../shared/peers/score.py "$dev/$s.dev.jsonl" "${files[@]}" --names "$(IFS=,; echo "${names[*]}")" \
    | tee "$out/$s/compare.claimgraph.txt"
  python3 -c "import sys; c=int(sys.argv[1]); t=float(sys.argv[3])-float(sys.argv[2]); print(f'claimgraph: {c} chars in {t:.2f} s wall, one thread (with process start and I/O) = {c/t:,.0f} chars/s')" "$chars" "$start" "$end"
  if [ -f "$out/$s/speed.txt" ]; then cat "$out/$s/speed.txt"; fi
  echo
done
