#!/bin/sh
# Renders a QA report HTML file to a PNG with headless Chromium, offline, and fails when it did not.
# usage: tools/render-report.sh report.html out.png
# Every network feature is off: a self-contained report renders the same without a network.
set -eu
HTML="$1"
PNG="$2"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || { echo "render-report: no chromium at $CHROMIUM (apt-get install -y chromium)" >&2; exit 3; }
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
ABS="$(cd "$(dirname "$HTML")" && pwd)/$(basename "$HTML")"
rm -f "$PNG"
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage --hide-scrollbars \
  --user-data-dir="$PROFILE" --screenshot="$PNG" --window-size=1280,2200 "file://$ABS" >"$PROFILE/log" 2>&1 || {
  cat "$PROFILE/log" >&2; exit 1; }
[ -s "$PNG" ] || { echo "render-report: chromium wrote no screenshot" >&2; cat "$PROFILE/log" >&2; exit 1; }
echo "rendered $HTML -> $PNG ($(wc -c <"$PNG") bytes)"
