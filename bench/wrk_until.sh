#!/usr/bin/env bash
# wrk for a number of requests, not a duration: wrk_until.sh N URL FILE [gzip] [wrk options...]
# Runs bench/wrk_states.lua over FILE until both threads have made their share of N requests,
# then stops wrk (SIGINT: it prints its results). wrk alone would wait out its whole -d.
set -euo pipefail
n=$1 url=$2 file=$3 gz=${4:-}
shift $(( $# >= 4 ? 4 : 3 ))
marker=$(mktemp -u)
wrk -t2 -c64 -d3600s "$@" -s "$(dirname "$0")/wrk_states.lua" "$url" -- "$file" "$n" "$gz" "$marker" &
pid=$!
until [ -f "$marker.0" ] && [ -f "$marker.1" ]; do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
kill -INT "$pid" 2>/dev/null || true
wait "$pid" || true
rm -f "$marker.0" "$marker.1"
