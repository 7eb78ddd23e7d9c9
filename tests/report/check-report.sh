#!/usr/bin/env bash
# Renders the simulator's HTML report in headless Chromium and checks it:
#   - the rendered DOM has the charts: at least 4 <svg> per run, each drawing a series (<polyline> or <path>);
#   - the page makes no network request (Chromium's net log has no request the page started; the page is also
#     rendered with every host name unresolvable and a dead proxy, so a request could not succeed anyway), and its
#     markup has no script and no external reference;
#   - a screenshot is written for a human to look at.
# Usage: tests/report/check-report.sh [REPORT_DIR]
#   REPORT_DIR holds report.html (from `liqengine simulate ... --out REPORT_DIR`); without it the script builds the
#   CLI and writes one for spec/examples/scenario-small.json into a new temporary folder (kept, and printed).
# Skips (exit 0, with a message) when Chromium is not installed; CI may not have it. Set CHROMIUM to choose a binary.
# Needs python3 (to read the net log).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
browser="${CHROMIUM:-}"
if [[ -z "$browser" ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null 2>&1; then browser="$candidate"; break; fi
  done
fi
if [[ -z "$browser" ]]; then
  echo "SKIP: Chromium not found (install it, e.g. apt-get install -y chromium, or set CHROMIUM); the HTML report was not checked."
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dir="${1:-}"
if [[ -z "$dir" ]]; then
  dir="$(mktemp -d)" # kept: the report, its CSV files and the screenshot stay for a human to look at
  dotnet run --project "$root/src/LiquidationEngine.Cli" -c Release -- simulate "$root/spec/examples/scenario-small.json" --out "$dir" > "$work/simulate.log"
fi
report="$(cd "$dir" && pwd)/report.html"
[[ -f "$report" ]] || { echo "FAIL: $report not found"; exit 1; }
runs=$(grep -c '<section><h3>protection: ' "$report" || true)
[[ "$runs" -ge 1 ]] || { echo "FAIL: the report lists no run"; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync
  --no-first-run --disable-default-apps --disable-extensions --user-data-dir="$work/profile"
  --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server="127.0.0.1:9" --log-net-log="$work/netlog.json")
"$browser" "${flags[@]}" --dump-dom "file://$report" > "$work/dom.html" 2> "$work/chromium-dom.log"
shot="${SCREENSHOT:-$dir/report.png}"
"$browser" "${flags[@]/--log-net-log=*/--log-net-log=$work/netlog2.json}" --window-size=1400,2400 --screenshot="$shot" "file://$report" 2> "$work/chromium-shot.log" > /dev/null

fail=0
svgs=$(grep -o '<svg' "$work/dom.html" | wc -l)
drawn=$(tr -d '\n' < "$work/dom.html" | sed 's#</svg>#</svg>\n#g' | grep '<svg' | grep -c -E '<(polyline|path)[^>]* (points|d)="[^"]+"' || true)
echo "runs: $runs, svg charts in the rendered DOM: $svgs, drawing a series: $drawn"
if [[ "$svgs" -lt $((4 * runs)) ]]; then echo "FAIL: expected at least 4 charts per run"; fail=1; fi
if [[ "$drawn" -ne "$svgs" ]]; then echo "FAIL: $((svgs - drawn)) chart(s) draw no polyline or path"; fail=1; fi

# Every request the page started, from Chromium's net log: URL_REQUEST_START_JOB events whose initiator is an origin
# (the page's is "null", a file origin). Chromium's own background requests (update checks, time, accounts) have
# initiator "not an origin" and are not the page's.
for log in "$work/netlog.json" "$work/netlog2.json"; do
  if [[ ! -s "$log" ]]; then echo "FAIL: no net log written ($log)"; fail=1; continue; fi
  requests=$(python3 - "$log" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
for e in log["events"]:
    p = e.get("params", {})
    if e["type"] == start and "url" in p and p.get("initiator") != "not an origin":
        print(p.get("method", "?"), p.get("url", "?"), "initiator", p.get("initiator"))
PY
)
  if [[ -n "$requests" ]]; then echo "FAIL: the page made network requests:"; printf '  %s\n' "$requests"; fail=1; fi
done
# And nothing in the markup could ask for one.
if grep -q -i -E '<script|<link|<img|<iframe|@import|url\(|(src|href)="(https?:)?//' "$report"; then
  echo "FAIL: the report references an external resource or a script"; fail=1
fi
[[ -s "$shot" ]] || { echo "FAIL: no screenshot"; fail=1; }

if [[ "$fail" -ne 0 ]]; then exit 1; fi
echo "OK: $report renders with $svgs charts and makes no network request; screenshot: $shot"
