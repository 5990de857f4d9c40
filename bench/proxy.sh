#!/usr/bin/env bash
# nginx with proxy_cache (bench/nginx.conf) in front of two uvicorn workers, replaying a reader
# trace (bench/states.py trace): several readers loading every page and dragging a slider of each
# widget from its default, as the pages ask (/v/<build>/fragments/...&from=...). A benchmark, not a test.
#
#   bench/proxy.sh               # READERS=40 by default
#
# Prints the share of requests the proxy answered without the app (origin hit ratio), and p50 / p99
# through the proxy, against the same trace sent straight to the two workers.
set -euo pipefail
cd "$(dirname "$0")/.."
script/setup >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
READERS=${READERS:-40}
WORK=$(mktemp -d); chmod 755 "$WORK"
port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP1=$(port); APP2=$(port); PORT=$(port)
PIDS=()
start_apps() {
  for p in $APP1 $APP2; do
    .venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$p" --no-server-header --no-access-log >>"$WORK/app.log" 2>&1 &
    PIDS+=($!)
  done
  for p in $APP1 $APP2; do
    for _ in $(seq 200); do curl -sf -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
  done
}
stop_apps() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
stop_nginx() { [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; }
trap 'stop_apps; stop_nginx; sleep 0.3; rm -rf "$WORK"' EXIT

settle_log() {   # waits (at most 60 s) until nginx's log has not grown for a second
  local before=-1 now
  for _ in $(seq 60); do
    now=$(wc -l < "$WORK/access.log")
    [ "$now" = "$before" ] && return
    before=$now; sleep 1
  done
}
replay() {   # label base-url (wrk's own req/s would count its whole -d window: the wall clock is timed here)
  local out t0 t1
  t0=$(date +%s.%N)
  out=$(bench/wrk_until.sh "$LINES" "$2" "$WORK/trace" gzip --latency 2>&1)
  t1=$(date +%s.%N)
  printf "%-34s %6s requests in %5.1f s  p50 %8s   p99 %8s   non-2xx %s\n" "$1" \
    "$(echo "$out" | awk '/requests in/ {print $1}')" "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)"
}

.venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$APP1" --workers 2 --no-server-header --no-access-log \
  >>"$WORK/app.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$APP1/healthz" && break; sleep 0.1; done
BUILD=$(curl -s "http://127.0.0.1:$APP1/scheming-pie-charts" | grep -o 'hx-get="/v/[0-9a-f]*/' | head -1 | cut -d/ -f3)
.venv/bin/python bench/states.py trace "$BUILD" "$READERS" > "$WORK/trace"
LINES=$(wc -l < "$WORK/trace")
echo "trace: $READERS readers, $LINES requests, $(sort -u "$WORK/trace" | wc -l) distinct URLs (build $BUILD)"
replay "straight to two workers (no proxy)" "http://127.0.0.1:$APP1"
stop_apps

start_apps       # fresh workers (empty render caches) behind a cold proxy cache
mkdir -p "$WORK/cache" "$WORK/temp"; chmod 777 "$WORK/cache" "$WORK/temp"
sed -e "s|@PREFIX@|$WORK|g; s|@APP1@|$APP1|; s|@APP2@|$APP2|; s|@PORT@|$PORT|g; s|@HOST@|127.0.0.1|" bench/nginx.conf > "$WORK/nginx.conf"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/error.log"
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
: > "$WORK/access.log"
ratio() {   # label: the proxy's answers since the log was emptied
  awk -v label="$1" '{n[$1]++; t++} END {
    served = n["HIT"] + n["STALE"] + n["UPDATING"];
    printf "%s: %d requests: HIT %d, MISS %d, EXPIRED %d, REVALIDATED %d, UPDATING %d, STALE %d; origin hit ratio (answered without the app) %.1f%%\n",
      label, t, n["HIT"], n["MISS"], n["EXPIRED"], n["REVALIDATED"], n["UPDATING"], n["STALE"], 100 * served / t }' "$WORK/access.log"
}
replay "through nginx (cold cache)" "http://127.0.0.1:$PORT"
settle_log       # requests wrk left in flight are logged when the app answers them
ratio "cold"
cp "$WORK/access.log" "$WORK/cold.log"
: > "$WORK/access.log"
replay "through nginx (the trace again)" "http://127.0.0.1:$PORT"
settle_log
ratio "again"
# Why the second pass missed: URLs whose every cold-pass request ended before its answer (499: wrk was
# stopped with it in flight, so nginx kept nothing) or that the cold pass never reached.
awk 'NR == FNR { if ($2 != 499) kept[$4] = 1; seen[$4] = 1; cold[$4] = cold[$4] " | " $0; next }
     $1 == "MISS" { m++; if (!seen[$4]) never++; else if (!kept[$4]) aborted++; else if (++other <= 3) print "  answered 200 in the cold pass, yet missed: " $4 cold[$4] }
     END { printf "second-pass misses: %d (never asked in the cold pass %d; asked but abandoned in flight, 499, %d; other %d)\n",
           m, never, aborted, other }' "$WORK/cold.log" "$WORK/access.log"
echo "nginx error.log: $(grep -c . "$WORK/error.log" || true) lines$(grep -m1 -o 'upstream[^,]*' "$WORK/error.log" | sed 's/^/, first: /' || true)"
