#!/usr/bin/env bash
# Save a screenshot of the HTML report on the sample draft: scripts/report-screenshot.sh [OUT]
# Needs Chromium (Debian: apt-get install chromium); the page is opened from a temporary file.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-docs/report.png}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/proofer check resources/sample-draft.txt --entities resources/starter-entities.txt \
  --format html > "$work/report.html" || [ $? -eq 1 ]
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,960 \
  --screenshot="$out" "file://$work/report.html" 2>/dev/null
echo "$out"
