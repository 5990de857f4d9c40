#!/usr/bin/env bash
# Load and soak benchmark on loopback (a benchmark, not a test).
#
#   bench/load.sh                 # 64 connections x 30 s on every widget's fragment and API (from the
#                                 # registry), with 1 and with 2 workers; then one reader flooding a
#                                 # worker with unique states (bench/flood.py); then a
#                                 # soak of 100,000 requests reporting resident memory
#   DURATION=10 bench/load.sh     # shorter runs
#   SOAK_ONLY=1 bench/load.sh     # only the soak
#   NO_SOAK=1 bench/load.sh       # everything but the soak
#
# Uses wrk (Debian package `wrk`, installed here when missing). Each request asks for another of
# up to 5,000 distinct valid states (bench/states.py, bench/wrk_states.lua), so the simulation memo
# does not hide the work (widgets with fewer states than that are mostly served from it).
set -euo pipefail
cd "$(dirname "$0")/.."
script/setup >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-30}
STATES=$(mktemp -d)
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"

start() {   # workers
  .venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --workers "$1" --no-server-header \
    --no-access-log >/tmp/load-server.log 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "$BASE/healthz" && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
stop() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
trap 'stop; rm -rf "$STATES"' EXIT
rss_kb() {  # total resident memory of the server and its workers
  local total=0 pid
  for pid in $SERVER $(pgrep -P "$SERVER" || true); do
    total=$((total + $(awk '/VmRSS/ {print $2}' /proc/$pid/status)))
  done
  echo "$total"
}
states_for() {   # path -> a file of distinct valid query strings for it
  local file="$STATES/$(echo "$1" | tr '/' '_')"
  [ -f "$file" ] || .venv/bin/python bench/states.py queries "$1" 5000 > "$file"
  echo "$file"
}
run() {   # label path
  local out
  out=$(wrk -t2 -c64 -d"${DURATION}s" --latency -s bench/wrk_states.lua "$BASE$2" -- "$(states_for "$2")" 2>&1)
  local rps p50 p99 errors non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Socket errors/ {print $0}' | sed 's/.*errors: //')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf "%-10s %-44s %10s %9s %9s  non-2xx %-6s socket errors %s\n" "$1" "$2" "$rps" "$p50" "$p99" \
    "${non2xx:-0}" "${errors:-none}"
}

printf "%-10s %-44s %10s %9s %9s\n" workers endpoint req/s p50 p99
for workers in $([ "${SOAK_ONLY:-0}" = 1 ] || echo 1 2); do
  start "$workers"
  for path in $(.venv/bin/python bench/states.py endpoints); do run "$workers" "$path"; done
  stop
done

if [ "${SOAK_ONLY:-0}" != 1 ]; then
  echo
  echo "== one reader flooding one worker (bench/flood.py): everyone else's latency"
  start 1
  .venv/bin/python bench/flood.py --url "$BASE" --seconds "$DURATION"
  stop
fi

[ "${NO_SOAK:-0}" = 1 ] && exit 0
echo
echo "== soak: 100,000 requests, one worker (memory measured after a 5,000-request warm-up)"
start 1
SOAK=/fragments/scheming-pie-charts/pies
wrk -t2 -c64 -d60s -s bench/wrk_states.lua "$BASE$SOAK" -- "$(states_for $SOAK)" 5000 >/dev/null 2>&1 || true
before=$(rss_kb)
wrk -t2 -c64 -d600s -s bench/wrk_states.lua "$BASE$SOAK" -- "$(states_for $SOAK)" 100000 \
  >/tmp/load-soak.txt 2>&1 || true
after=$(rss_kb)
grep -E "requests in|Non-2xx|Socket errors" /tmp/load-soak.txt || true
echo "resident memory: start ${before} kB, end ${after} kB, growth $(( (after - before) * 100 / before ))%"
