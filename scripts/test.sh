#!/usr/bin/env bash
# The test command: every crate's unit, integration, property and snapshot tests, plus the
# quality floors on ../shared/eval/dev when that folder is present (skipped otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p claimgraph-cli
CLAIMGRAPH_BIN="$PWD/target/release/claimgraph" cargo test --workspace --locked --no-fail-fast "$@"
