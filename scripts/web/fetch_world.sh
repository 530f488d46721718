#!/usr/bin/env bash
# Writes crates/server/assets/world.svg, the world outline drawn under the map page, from
# the npm package world-atlas 2.0.2 (Natural Earth 1:110m countries as TopoJSON; the
# package is ISC, the Natural Earth data public domain). Run once by hand; the output is
# committed, so neither the build nor the server ever fetches anything.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
python3 scripts/web/world_svg.py "$scratch/package/countries-110m.json" crates/server/assets/world.svg
echo "wrote crates/server/assets/world.svg ($(wc -c < crates/server/assets/world.svg) bytes)"
