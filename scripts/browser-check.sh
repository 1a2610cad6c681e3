#!/usr/bin/env bash
# Renders HTML reports in headless Chromium at a desktop (1280 px) and a narrow (390 px)
# width, writes FILE.desktop.png and FILE.narrow.png next to each report, and fails if the
# browser logs a console error, a failed resource load or an uncaught exception, or writes
# no screenshot, or if the page has a character no installed font has a glyph for (it would
# render as an empty box, "tofu": Chinese titles without a CJK font, fonts-noto-cjk).
#   scripts/browser-check.sh Reports/*.html
# Skips (exit 0, with a message) when Chromium is not installed and STEPPE_REQUIRE_BROWSER is unset.
set -euo pipefail
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "browser check skipped: chromium is not installed (apt-get install chromium)" >&2
  [ -n "${STEPPE_REQUIRE_BROWSER:-}" ] && exit 1
  exit 0
fi
[ $# -gt 0 ] || { echo "usage: $0 REPORT.html..." >&2; exit 2; }
status=0
log="$(mktemp)"
# Characters of a page that no installed font covers (fontconfig, which Chromium's fallback uses on Linux).
missing_glyphs() {
  local chars=() missing=() c
  mapfile -t chars < <(LC_ALL=C.UTF-8 grep -o -P '[^\x00-\x7F]' "$1" | LC_ALL=C.UTF-8 sort -u)
  [ ${#chars[@]} -gt 0 ] || return 0
  local all=""
  for c in "${chars[@]}"; do all+=" $(LC_ALL=C.UTF-8 printf '%x' "'$c")"; done
  # One query for the whole set; only when no single font has them all, look at each character.
  [ -n "$(fc-list ":charset=${all# }" family | head -1)" ] && return 0
  for c in "${chars[@]}"; do
    [ -n "$(fc-list ":charset=$(LC_ALL=C.UTF-8 printf '%x' "'$c")" family | head -1)" ] || missing+=("$c")
  done
  [ ${#missing[@]} -eq 0 ] || echo "${missing[*]}"
}
for html in "$@"; do
  abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
  tofu="$(missing_glyphs "$html")"
  if [ -n "$tofu" ]; then
    echo "FAIL $html: no installed font has a glyph for: $tofu (install fonts-noto-cjk)" >&2
    status=1
  fi
  for spec in desktop:1280 narrow:390; do
    name="${spec%%:*}"; width="${spec##*:}"
    png="${html%.html}.$name.png"
    rm -f "$png"
    # A tall window captures the whole report; --virtual-time-budget lets layout settle.
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
      --disable-extensions --enable-logging=stderr --v=0 --virtual-time-budget=2000 \
      --window-size="$width,6000" --screenshot="$png" "file://$abs" >"$log" 2>&1 || true
    if grep -E "CONSOLE|Uncaught|Failed to load resource|net::ERR_" "$log" | grep -v "dbus" >/dev/null; then
      echo "FAIL $html ($name): browser console errors:" >&2
      grep -E "CONSOLE|Uncaught|Failed to load resource|net::ERR_" "$log" >&2
      status=1
    elif [ ! -s "$png" ]; then
      echo "FAIL $html ($name): no screenshot" >&2; tail -5 "$log" >&2; status=1
    else
      echo "ok   $png"
    fi
  done
done
rm -f "$log"
exit $status
