#!/usr/bin/env bash
# Mutation testing of the core with Stryker.NET (see README, "Mutation testing").
#   tests/mutation.sh                 FixedPoint and Risk (the folders held to >= 80%)
#   tests/mutation.sh Engine Solvency a coarse run on other folders of src/LiquidationEngine
# Environment: STRYKER_CONCURRENCY (default 1), LIQENGINE_PROPERTY_RUNS (default 0.05: the property
# tests' case-count multiplier; properties with coverage assertions that need full runs are filtered out
# in stryker-config.json), STRYKER (path to dotnet-stryker; installed into artifacts/ if absent).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
version=5.1.0
stryker="${STRYKER:-}"
if [[ -z "$stryker" ]]; then
  tools="$root/artifacts/tools/stryker-$version"
  stryker="$tools/dotnet-stryker"
  [[ -x "$stryker" ]] || dotnet tool install dotnet-stryker --version "$version" --tool-path "$tools" >/dev/null
fi
export LIQENGINE_PROPERTY_RUNS="${LIQENGINE_PROPERTY_RUNS:-0.05}"
args=(--config-file "$here/stryker-config.json" --concurrency "${STRYKER_CONCURRENCY:-1}")
label=core
if (( $# > 0 )); then
  # -m overrides the config's mutate list: one pattern per folder named on the command line.
  label="$(IFS=-; echo "$*")"
  for folder in "$@"; do args+=(-m "**/$folder/**/*.cs"); done
fi
out="$root/artifacts/mutation/$label"
mkdir -p "$out"
cd "$here"
"$stryker" "${args[@]}" --output "$out"
echo "reports: $out/reports (mutation-report.json, mutation-report.html)"
