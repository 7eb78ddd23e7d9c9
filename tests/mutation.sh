#!/usr/bin/env bash
# Mutation testing of the core with Stryker.NET (see README, "Mutation testing").
#   tests/mutation.sh                 FixedPoint and Risk (the folders held to >= 80%)
#   tests/mutation.sh Risk            only the named folders of src/LiquidationEngine (same tests)
# The tests run are those of tests/LiquidationEngine.Tests/{FixedPoint,Risk,Conformance} on net10.0 (the
# test-case filter in stryker-config.json): every mutant restarts the test host, so the slow engine-level folders
# would make a run take hours. Reports go to artifacts/mutation/<folders>/reports/ (not committed).
# Environment: STRYKER_CONCURRENCY (default 1: the machine is shared), LIQENGINE_PROPERTY_RUNS (default 0.05: the
# multiplier of every property's case count, so a 5 000-case property runs 250), STRYKER (a dotnet-stryker
# executable; otherwise 5.1.0 is installed under artifacts/tools/).
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
