#!/usr/bin/env bash
# Regenerates docs/images/gate-report.png, the README's picture of the HTML report of the embedded
# default: runs the gate (training cache reused when present) with --report html, then takes a
# screenshot of the top of the page with headless chromium (Debian: apt-get install -y chromium).
# Usage: eng/report-screenshot.sh [height in pixels, default 1700]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
height="${1:-1700}"
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[ -n "$browser" ] || { echo "chromium not found: apt-get update && apt-get install -y chromium" >&2; exit 1; }

cd "$root"
# The gate's own exit code (1 on a regression) does not stop the picture.
dotnet run --project src/VmafTiny.Repro.Cli -c Release -- verify --report html --report-file runs/report/gate.html --plots runs/report/plots || true
[ -f runs/report/gate.html ] || { echo "verify wrote no report" >&2; exit 1; }
mkdir -p docs/images
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1200,"$height" --screenshot="$root/docs/images/gate-report.png" "file://$root/runs/report/gate.html" 2>/dev/null
echo "wrote docs/images/gate-report.png (from runs/report/gate.html)"
