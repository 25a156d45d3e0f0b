#!/usr/bin/env bash
# HTTP load test, side by side on loopback: /baseline (unverified minimal-API POST binding the typed
# payload), /hmac (baseline + one HMAC-SHA256 over the raw body: the floor) and /webhook (the full pipeline with the
# in-memory nonce store). Each /webhook run gets freshly signed, never-seen deliveries, so no request takes the cheap
# duplicate path; /webhook-noreplay is the pipeline without the nonce store. Prints requests/s per round and the median ratio to the baseline.
# Rounds are independent: each starts a fresh server (so keys retained by the nonce store and the heap they grew do not
# carry over into later runs), warms it up on a separate delivery file, and measures the endpoints in a rotated order
# (no endpoint always runs first or last). Delivery files are generated and flushed to disk before the server starts,
# so no file writing competes with a measured run.
#   DURATION=8s CONNECTIONS=32 ROUNDS=3 DELIVERIES_COUNT=200000 tests/WebhookReceiver.Benchmarks/Load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
COUNT=${DELIVERIES_COUNT:-200000}
PORT=${PORT:-5090}
export DELIVERIES=${DELIVERIES:-/tmp/webhook-deliveries.tsv}
script=tests/WebhookReceiver.Benchmarks/Load/deliveries.lua

dotnet build tests/WebhookReceiver.Benchmarks -c Release -v q -nologo >/dev/null
bin=tests/WebhookReceiver.Benchmarks/bin/Release/net10.0/WebhookReceiver.Benchmarks.dll
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null || true' EXIT
start_server() {
  dotnet "$bin" serve "http://127.0.0.1:$PORT" >/tmp/webhook-load-server.log 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
}
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; }

run() { # endpoint duration -> requests/s
  local out
  out=$(wrk -t1 -c"$CONNECTIONS" -d"$2" -s "$script" "http://127.0.0.1:$PORT/$1")
  local errors total
  errors=$(grep -oE 'non-2xx or errors: [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
  total=$(grep -oE '^ *[0-9]+ requests in' <<<"$out" | grep -oE '[0-9]+')
  if [ "${errors:-0}" != "0" ]; then echo "$1: $errors non-2xx answers" >&2; fi
  if [ "$1" = webhook ] && [ "${total:-0}" -gt "$COUNT" ]; then echo "warning: $total requests > $COUNT deliveries: some were duplicates; raise DELIVERIES_COUNT" >&2; fi
  grep -oE 'Requests/sec: +[0-9.]+' <<<"$out" | grep -oE '[0-9.]+$'
}

endpoints=(baseline hmac webhook-noreplay webhook)
warmup=${DELIVERIES}.warmup
dotnet "$bin" generate "$COUNT" "$warmup" >/dev/null
declare -A results
for r in $(seq 1 "$ROUNDS"); do
  dotnet "$bin" generate "$COUNT" "$DELIVERIES" >/dev/null   # never seen by this round's server
  sync
  start_server
  for e in "${endpoints[@]}"; do DELIVERIES=$warmup run "$e" 3s >/dev/null; done   # warm-up (JIT, tiering, pools)
  for i in "${!endpoints[@]}"; do
    e=${endpoints[$(( (i + r - 1) % ${#endpoints[@]} ))]}
    rps=$(run "$e" "$DURATION")
    results[$e]="${results[$e]:-} $rps"
    printf 'round %d %-16s %10.0f req/s\n' "$r" "$e" "$rps"
  done
  stop_server
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
base=$(median "${results[baseline]}")
echo
printf '%-16s %12s %8s\n' endpoint 'median req/s' ratio
for e in baseline hmac webhook-noreplay webhook; do
  m=$(median "${results[$e]}")
  printf '%-16s %12.0f %8.3f\n' "$e" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print a/b}')"
done
