#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# browser.sh [PITH] - the --explain report in a real browser.
#
# For each golden page (tests/golden/*/page.html[.gz]) and the demo page
# (examples/news.html): `pith --explain` writes the report; the report
# holds no <script>, no event handler and nothing that would load
# (tests/browser_check.py report); headless Chromium renders it to a
# screenshot that must not be blank (png), with host resolution disabled
# and a NetLog that must show no request made by the page (netlog).
# TAP output, one block of checks per page.
#
# Chromium comes from the Debian package `chromium`.  When it is missing
# and we run as root with apt-get (as CI does), `make browser-deps`
# installs it; otherwise the test is skipped (exit 77, CTest "skipped")
# with the reason.  PITH defaults to build/pith.  Set PITH_SHOT_DIR to
# keep the screenshots there (e.g. to refresh docs/explain.png).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pith=${1:-$root/build/pith}

find_chromium() {
  command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null
}

browser=$(find_chromium)
if [ -z "$browser" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null &&
  command -v make >/dev/null; then
  echo "# chromium missing: installing it (make browser-deps)"
  make -C "$root" --no-print-directory browser-deps >/dev/null 2>&1
  browser=$(find_chromium)
fi
if [ -z "$browser" ]; then
  echo "1..0 # SKIP chromium is not installed (run 'make browser-deps' as root)"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 not found"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# No network at all, no background requests of the browser's own, no
# profile left behind.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars
  --disable-background-networking --disable-component-update --disable-sync
  --disable-default-apps --disable-extensions --no-first-run
  --no-default-browser-check --disable-domain-reliability
  --disable-client-side-phishing-detection
  "--disable-features=Translate,OptimizationHints,MediaRouter"
  "--host-resolver-rules=MAP * ~NOTFOUND" "--user-data-dir=$tmp/profile"
  --window-size=1000,1000)

pages=()
for d in "$root"/tests/golden/*/; do
  for p in "$d"page.html "$d"page.html.gz; do
    [ -f "$p" ] && pages+=("$p")
  done
done
pages+=("$root/examples/news.html")

n=0
failed=0
check() { # check DESCRIPTION COMMAND...
  n=$((n + 1))
  local out
  if out=$("${@:2}" 2>&1); then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failed=1
  fi
  [ -n "$out" ] && sed 's/^/#   /' <<<"$out"
}

# Control: the NetLog check sees a request when a page does make one.
printf '<!DOCTYPE html><p>probe</p><img src="http://pith-probe.invalid/x.png">' \
  >"$tmp/probe.html"
timeout 60 "$browser" "${flags[@]}" "--log-net-log=$tmp/probe.net.json" \
  "--screenshot=$tmp/probe.png" "file://$tmp/probe.html" >/dev/null 2>&1
check "control: the NetLog check sees a page's request" \
  sh -c '! python3 "$1" netlog "$2"' sh "$root/tests/browser_check.py" \
  "$tmp/probe.net.json"

for p in "${pages[@]}"; do
  name=$(basename "$(dirname "$p")")
  [ "$p" = "$root/examples/news.html" ] && name=news
  report=$tmp/$name.html
  check "$name: pith --explain writes a report" \
    sh -c '"$1" --explain "$2" >"$3" && test -s "$3"' sh "$pith" "$p" "$report"
  check "$name: the report is safe" \
    python3 "$root/tests/browser_check.py" report "$report"
  shot=$tmp/$name.png
  timeout 60 "$browser" "${flags[@]}" "--log-net-log=$tmp/$name.net.json" \
    "--screenshot=$shot" "file://$report" >"$tmp/$name.log" 2>&1
  check "$name: chromium rendered a screenshot" test -s "$shot"
  check "$name: the screenshot is not blank" \
    python3 "$root/tests/browser_check.py" png "$shot"
  check "$name: the page made no network request" \
    python3 "$root/tests/browser_check.py" netlog "$tmp/$name.net.json"
  if [ -n "${PITH_SHOT_DIR:-}" ] && [ -s "$shot" ]; then
    cp "$shot" "$PITH_SHOT_DIR/$name.png"
  fi
done
echo "1..$n"
exit $failed
