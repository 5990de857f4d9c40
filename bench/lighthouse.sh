#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.8.2, desktop preset) on every page; prints the four category
# scores per page. A benchmark, not a test.
#
#   bench/lighthouse.sh                 # desktop preset (the target)
#   PRESET=mobile bench/lighthouse.sh   # Lighthouse's default mobile emulation (4x CPU, slow 4G)
#
# Installs Lighthouse into bench/.lighthouse/ on first use (npm registry; runs on Node 20), uses
# Debian's Chromium (CHROME_PATH=/usr/bin/chromium, --headless=new --no-sandbox), and starts its
# own server on a free loopback port, which it stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
script/setup >/dev/null
LH_DIR=bench/.lighthouse
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$LH_DIR"
  npm install --prefix "$LH_DIR" --no-audit --no-fund --loglevel=error lighthouse@12.8.2 >/dev/null
fi
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
case "${PRESET:-desktop}" in
  desktop) PRESET_FLAG=--preset=desktop ;;
  mobile) PRESET_FLAG=--form-factor=mobile ;;   # Lighthouse's defaults are the mobile ones
  *) echo "PRESET must be desktop or mobile" >&2; exit 2 ;;
esac
OUT=bench/out/lighthouse-${PRESET:-desktop}-$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
.venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --no-server-header --no-access-log >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done

PAGES=$(.venv/bin/python -c 'from app.registry import EXPLORABLES; print(" ".join(["/", "/glossary", "/search?q=valence", "/api"] + ["/" + e.slug for e in EXPLORABLES]))')
printf "%-24s %13s %14s %5s %11s\n" page performance accessibility SEO best-practices
for page in $PAGES; do
  name=$(echo "$page" | tr '/?=' '___'); [ "$name" = "_" ] && name=_home
  for attempt in 1 2; do   # Lighthouse occasionally fails to record a trace (NO_NAVSTART): retry once
    CHROME_PATH=/usr/bin/chromium "$LH_DIR/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$page" \
      $PRESET_FLAG --quiet --output=json --output-path="$OUT/$name.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>"$OUT/$name.log" || true
    grep -q '"runtimeError"' "$OUT/$name.json" 2>/dev/null || break
  done
  .venv/bin/python - "$OUT/$name.json" "$page" <<'PY'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"]["code"])
    c = report["categories"]
    s = {k: round(100 * (v["score"] or 0)) for k, v in c.items()}
    print(f"{sys.argv[2]:24s} {s['performance']:13d} {s['accessibility']:14d} {s['seo']:5d} {s['best-practices']:11d}")
except Exception as exc:
    print(f"{sys.argv[2]:24s} (no result: {exc})")
PY
done
echo "(reports in $OUT)"
