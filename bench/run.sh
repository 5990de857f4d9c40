#!/usr/bin/env bash
# Benchmarks for the foundation page; prints medians and p95. Not a test: machines are noisy.
#
#   bench/run.sh            # fragment server time + Chromium key-press latency + cold-load bytes
#   WITH_PEERS=1 bench/run.sh    # also the Streamlit and Dash peers from ../shared/bench, in one run
#
# Starts its own server on a free loopback port (same command as script/server, one worker, no
# access log) and stops exactly what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
script/setup >/dev/null
PY=.venv/bin/python
SHARED=../shared/bench
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
OUT=bench/out/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"

.venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --no-server-header --no-access-log \
  >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT/scheming-pie-charts"

echo "== server time per fragment"
$PY bench/fragment_time.py --n "${N:-2000}" --url "http://127.0.0.1:$PORT"

if [ ! -f "$SHARED/latency.py" ]; then
  echo "(../shared/bench/latency.py not found: skipping the browser measurements)"; exit 0
fi
[ -x /usr/bin/chromium ] || { echo "Debian's chromium is needed: script/test installs it" >&2; exit 1; }
echo
echo "== Chromium: key press -> figure shows new values; cold first-load bytes (../shared/bench/latency.py)"
$PY "$SHARED/latency.py" "$URL" --n "${PRESSES:-60}" --label self --out "$OUT/self.json"
echo
echo "== Chromium: key press -> first figure and -> whole widget updated (bench/settle_time.py)"
$PY bench/settle_time.py "$URL" --n "${PRESSES:-60}"

if [ "${WITH_PEERS:-0}" = 1 ]; then
  echo
  echo "== the same explorable in Streamlit and Dash, measured in this run"
  PEER_VENV=${PEER_VENV:-/tmp/peers-venv}
  if [ ! -x "$PEER_VENV/bin/python" ]; then
    python3 -m venv "$PEER_VENV" && "$PEER_VENV/bin/pip" install -q -r "$SHARED/requirements.txt"
  fi
  VENV="$PEER_VENV" SELF_URL="$URL" "$SHARED/run_peers.sh" "$OUT/peers" --n "${PRESSES:-60}"
fi
echo "(raw results in $OUT)"
