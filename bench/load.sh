#!/usr/bin/env bash
# Throughput and soak on loopback (a benchmark, not a test). wrk at 64 connections, accepting gzip
# as browsers do; every state from the registry (bench/states.py), no hand-kept list.
#
#   bench/load.sh                 # with 1 and with 2 workers: repeated states (what the render cache
#                                 # is for) of every widget's update and every page, then unique states;
#                                 # then one reader flooding a worker (bench/flood.py); then the soak:
#                                 # 100,000 updates over random states, resident memory before and after
#   DURATION=10 bench/load.sh     # shorter runs (default 20 s each)
#   SOAK_ONLY=1 bench/load.sh     # only the soak
#   NO_SOAK=1 bench/load.sh       # everything but the soak
#
# Uses wrk (Debian package `wrk`, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
script/setup >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-20}
STATES=$(mktemp -d)
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"

start() {   # workers
  .venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --workers "$1" --no-server-header \
    --no-access-log >/tmp/load-server.log 2>&1 &
  SERVER=$!
  for _ in $(seq 300); do curl -sf -o /dev/null "$BASE/healthz" && return; sleep 0.1; done
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
paths() {   # kind n -> a file of n random states of every widget's update (fragments) or every page
  local file="$STATES/$1-$2"
  [ -f "$file" ] || .venv/bin/python bench/states.py paths "$1" "$2" > "$file"
  echo "$file"
}
run() {   # label file [seconds]
  local out
  out=$(wrk -t2 -c64 -d"${3:-$DURATION}s" --latency -s bench/wrk_states.lua "$BASE/" -- "$2" "" gzip 2>&1)
  printf "%-48s %10s %9s %9s  non-2xx %-6s socket errors %s\n" "$1" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)" \
    "$(echo "$out" | awk '/Socket errors/ {sub(/.*errors: /, ""); print}' | grep . || echo none)"
}

if [ "${SOAK_ONLY:-0}" != 1 ]; then
  printf "%-48s %10s %9s %9s\n" "workers: requests" req/s p50 p99
  for workers in 1 2; do
    start "$workers"
    for kind in fragments pages; do   # warm-up: every repeated state in every worker's cache, nothing left running
      .venv/bin/python bench/warm.py "$BASE" "$(paths $kind 20)" --workers "$workers" 2>&1 | sed "s/^/  [warm-up] /"
    done
    run "$workers: updates, 20 repeated states x every widget" "$(paths fragments 20)"
    run "$workers: pages, 20 repeated states x every page" "$(paths pages 20)"
    stop
    # A unique-state run ends with requests past wrk's timeout still rendering: a fresh server for each.
    start "$workers"
    run "$workers: updates, unique states of every widget" "$(paths fragments 3000)"
    stop
    start "$workers"
    run "$workers: pages, unique states of every page" "$(paths pages 3000)"
    stop
  done
  echo
  echo "== one reader flooding one worker (bench/flood.py): everyone else's latency"
  start 1
  .venv/bin/python bench/flood.py --url "$BASE" --seconds "$DURATION"
  stop
fi

[ "${NO_SOAK:-0}" = 1 ] && exit 0
echo
echo "== soak: one worker, 100,000 updates of the pies widget over 5,000 random states (bigger than the"
echo "   48 MiB render cache, so it stays full and evicts); memory after a 20,000-request warm-up and at the end"
echo "   (SOAK_ALL=1: random states of every widget and page instead; over 30 minutes on 2 cores)"
start 1
if [ "${SOAK_ALL:-0}" = 1 ]; then
  cat "$(paths fragments 1500)" "$(paths pages 500)" | shuf --random-source=<(yes) > "$STATES/soak"
else
  .venv/bin/python bench/states.py queries /fragments/scheming-pie-charts/pies 5000 \
    | sed 's|^|/fragments/scheming-pie-charts/pies?|' > "$STATES/soak"
fi
bench/wrk_until.sh 20000 "$BASE/" "$STATES/soak" gzip >/dev/null 2>&1
before=$(rss_kb)
t0=$(date +%s)
bench/wrk_until.sh 100000 "$BASE/" "$STATES/soak" gzip --latency >/tmp/load-soak.txt 2>&1
echo "100,000 requests in $(( $(date +%s) - t0 )) s"
after=$(rss_kb)
grep -E "requests in|Non-2xx|Socket errors|50%|99%" /tmp/load-soak.txt || true
echo "resident memory: after warm-up ${before} kB, after 100,000 more ${after} kB, growth $(( (after - before) * 100 / before ))%"
