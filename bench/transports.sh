#!/usr/bin/env bash
# Key press -> first figure, with the WebSocket fast path and without it (HTMX GET only), on the
# first widget of every page (from the registry), in one run, with the shared harness
# (../shared/bench/latency.py); with WITH_DASH=1 also the Dash peer as the reference.
#
#   bench/transports.sh            # PRESSES=40 by default
#   WITH_DASH=1 PEER_VENV=/tmp/peers-venv bench/transports.sh
#
# Starts two servers (one with EXPLORABLES_WEBSOCKET=0) and stops exactly what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
script/setup >/dev/null
PY=.venv/bin/python
SHARED=../shared/bench
[ -f "$SHARED/latency.py" ] || { echo "../shared/bench/latency.py not found" >&2; exit 1; }
OUT=bench/out/transports-$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WS_PORT=$(port); HTTP_PORT=$(port)
.venv/bin/uvicorn app.main:app --port "$WS_PORT" --no-access-log --no-server-header >"$OUT/ws.log" 2>&1 &
WS_PID=$!
EXPLORABLES_WEBSOCKET=0 .venv/bin/uvicorn app.main:app --port "$HTTP_PORT" --no-access-log --no-server-header \
  >"$OUT/http.log" 2>&1 &
HTTP_PID=$!
trap 'kill $WS_PID $HTTP_PID 2>/dev/null; wait $WS_PID $HTTP_PID 2>/dev/null || true' EXIT
for p in $WS_PORT $HTTP_PORT; do
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
done

summary() {  # label json
  $PY -c 'import json,sys; d=json.load(open(sys.argv[2])); l=d.get("latency_ms") or d.get("latency") or {}; print(f"{sys.argv[1]:<44} p50 {l.get(\"p50\")} ms  p95 {l.get(\"p95\")} ms")' "$1" "$2" \
    2>/dev/null || echo "$1: see $2"
}
for slug in $($PY -c 'from app.registry import EXPLORABLES; print(" ".join(e.slug for e in EXPLORABLES))'); do
  for transport in socket http; do
    p=$([ $transport = socket ] && echo $WS_PORT || echo $HTTP_PORT)
    $PY "$SHARED/latency.py" "http://127.0.0.1:$p/$slug" --n "${PRESSES:-40}" --ready-text "" \
      --label "$slug $transport" --out "$OUT/$slug-$transport.json" >"$OUT/$slug-$transport.txt" 2>&1
    echo "== /$slug over $transport"; grep -iE "p50|p95|median" "$OUT/$slug-$transport.txt" | head -3
  done
done
if [ "${WITH_DASH:-0}" = 1 ]; then
  echo "== Dash peer (same harness, same run)"
  VENV="${PEER_VENV:-/tmp/peers-venv}" PEERS=dash "$SHARED/run_peers.sh" "$OUT/peers" --n "${PRESSES:-40}" | tail -5
fi
echo "(raw results in $OUT)"
