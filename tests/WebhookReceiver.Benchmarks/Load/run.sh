#!/usr/bin/env bash
# HTTP load test on loopback, every endpoint side by side in one run (LoadServer.cs describes them):
#   memory: baseline, hmac (the in-memory floor), webhook-noreplay, webhook, peer-standardwebhooks on ~1.2 KB Standard
#           Webhooks deliveries; github and peer-octokit (Octokit.Webhooks.AspNetCore) on ~9 KB GitHub push deliveries.
#   redis:  redis-floor and webhook-redis (the pipeline with the Redis nonce store), webhook-inbox (accepted into the
#           Redis inbox, handled later) and webhook-inbox-slow (the same with a 5 s handler: its answer latency), on a
#           redis-server of the script's own.
#   cold:   a fresh server measured from its first request in 1 s slices (webhook, then baseline): slice 1 against
#           the median of slices 3-6; then the same with the server published ReadyToRun and tiered compilation off
#           (no tier-up JIT while serving), and its seconds 3-6 against the default's (what that costs when warm).
# Every round starts a fresh Server-GC server, warms it on separate deliveries, and measures the endpoints in a
# rotated order; deliveries are signed before the round and each is new to the server's store (a run that outgrows
# its file is warned about). Prints each round, then the medians and
# ratios as a markdown table (the README's performance table is this output).
#   DURATION=5s ROUNDS=3 PHASES="memory redis cold" tests/WebhookReceiver.Benchmarks/Load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-5s}   # per endpoint, on separate deliveries, before a round's measurements
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
COUNT=${DELIVERIES_COUNT:-300000}               # unique deliveries per run of wrk: ~55k req/s x 5 s; more are repeats
GITHUB_COUNT=${GITHUB_DELIVERIES_COUNT:-40000}   # ~9 KB each (wrk holds them in memory): both GitHub endpoints repeat them
PORT=${PORT:-5090}
REDIS_PORT=${REDIS_PORT:-6391}
PHASES=${PHASES:-memory redis cold}
dir=${DELIVERIES_DIR:-/tmp/webhook-load}
mkdir -p "$dir"
script=tests/WebhookReceiver.Benchmarks/Load/deliveries.lua

dotnet build tests/WebhookReceiver.Benchmarks -c Release -v q -nologo >/dev/null
bin=${SERVER_BIN:-tests/WebhookReceiver.Benchmarks/bin/Release/net10.0/WebhookReceiver.Benchmarks.dll}
server=
redis_started=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$redis_started" ] && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT
start_server() { # extra serve arguments
  dotnet "$bin" serve "http://127.0.0.1:$PORT" "$@" >/tmp/webhook-load-server.log 2>&1 &
  server=$!
  for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && return; sleep 0.05; done
  echo "the load server did not start:"; cat /tmp/webhook-load-server.log; exit 1
}
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; }
file_for() { case "$1" in github|peer-octokit) echo "$dir/github$2.tsv" ;; *) echo "$dir/standard$2.tsv" ;; esac; }
path_for() { case "$1" in webhook-redis) echo webhook ;; *) echo "$1" ;; esac; }

declare -A results latencies
declare -A unique   # file -> how many deliveries it holds
run() { # endpoint duration file [start [limit]] -> prints requests/s; records p50/p99 and the requests sent
  local out errors rps sent available
  out=$(DELIVERIES=$3 START=${4:-0} LIMIT=${5:-0} wrk -t1 -c"$CONNECTIONS" -d"$2" -s "$script" "http://127.0.0.1:$PORT/$(path_for "$1")")
  errors=$(grep -oE 'non-2xx or errors: [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
  if [ "${errors:-0}" != "0" ]; then echo "$1: $errors non-2xx answers or errors" >&2; echo "$1" >>"$dir/erred"; fi
  sent=$(grep -oE '^ *[0-9]+ requests in' <<<"$out" | grep -oE '[0-9]+' | head -1)
  echo "$sent" >"$dir/last-sent"
  available=$(( ${unique[$3]} - ${4:-0} )); [ "${5:-0}" -gt 0 ] && [ "$5" -lt "$available" ] && available=$5
  if [ "${sent:-0}" -gt "$available" ] && [[ "$1" != github && "$1" != peer-octokit ]]; then   # neither has a nonce store
    # a repeat is answered duplicate by an endpoint with a nonce store, far cheaper than a delivery: a skewed ratio
    echo "$1: $sent requests but $available unique deliveries: raise DELIVERIES_COUNT or shorten DURATION" >&2
  fi
  grep -oE 'latency p50 [0-9.]+ ms p99 [0-9.]+ ms' <<<"$out" | sed 's/latency //' >"$dir/last-latency"   # run is called in $(...)
  grep -oE 'Requests/sec: +[0-9.]+' <<<"$out" | grep -oE '[0-9.]+$'
}
round() { # round-number endpoints...
  local r=$1; shift
  local endpoints=("$@") i e rps
  # JIT tiering, pools: tier-up goes on for seconds under load on 2 cores, longest for the endpoints with the most code
  for e in "${endpoints[@]}"; do run "$e" "$WARMUP" "$(file_for "$e" .warmup)" >/dev/null; done
  for i in "${!endpoints[@]}"; do
    e=${endpoints[$(( (i + r - 1) % ${#endpoints[@]} ))]}
    rps=$(run "$e" "$DURATION" "$(file_for "$e" "")")
    results[$e]="${results[$e]:-} $rps"
    latencies[$e]=$(cat "$dir/last-latency")
    printf 'round %d %-22s %9.0f req/s  (%s)\n' "$r" "$e" "$rps" "${latencies[$e]}"
  done
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }

generate() { # kind [max-age-minutes]: (re)signs the kind's two files when missing, older than that, or of another size
  local kind=$1 age=${2:-40} suffix f n
  for suffix in "" .warmup; do
    n=$COUNT; [ "$kind" = github ] && n=$GITHUB_COUNT
    f="$dir/$kind$suffix.tsv"   # signed with the time of signing, and every verifier has a tolerance
    if [ ! -s "$f" ] || [ -n "$(find "$f" -mmin +"$age")" ] || [ "$(( $(wc -l <"$f") - 1 ))" -ne "$n" ]; then
      dotnet "$bin" generate "$kind" "$n" "$f" >/dev/null
    fi
    unique[$f]=$n
  done
}
rm -f "$dir/erred"
generate standard; generate github   # our server allows 1 h; GitHub signs no timestamp
sync

if [[ " $PHASES " == *" memory "* ]]; then
  for r in $(seq 1 "$ROUNDS"); do
    generate standard 1   # StandardWebhooks 1.1.2 refuses timestamps over 5 minutes old (a fixed tolerance)
    start_server
    round "$r" baseline hmac webhook-noreplay webhook peer-standardwebhooks github peer-octokit
    stop_server
  done
fi
if [[ " $PHASES " == *" redis "* ]]; then
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile /tmp/webhook-load-redis.log
    redis_started=1
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  for r in $(seq 1 "$ROUNDS"); do
    redis-cli -p "$REDIS_PORT" flushall >/dev/null   # every round's deliveries are new to the store
    start_server --redis "127.0.0.1:$REDIS_PORT"
    round "$r" redis-floor webhook-redis webhook-inbox webhook-inbox-slow
    stop_server
  done
fi
declare -A cold later_all
if [[ " $PHASES " == *" cold "* ]]; then
  for variant in default r2r-notiering; do
    if [ "$variant" = r2r-notiering ]; then
      # the same server published ReadyToRun and run with tiered compilation off: no JIT tier-up in the first seconds
      dotnet publish tests/WebhookReceiver.Benchmarks -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$dir/r2r" -v q -nologo >/dev/null
      cold_bin="$dir/r2r/WebhookReceiver.Benchmarks.dll"; export DOTNET_TieredCompilation=0
    else
      cold_bin=$bin
    fi
    for e in ${COLD_ENDPOINTS:-webhook baseline}; do
      for r in $(seq 1 "$ROUNDS"); do
        bin=$cold_bin start_server
        slices=
        sent=0   # each slice goes on where the last stopped: every delivery new to the server's store
        for s in 1 2 3 4 5 6; do
          slices="$slices $(run "$e" 1s "$(file_for "$e" "")" "$sent" 100000)"
          sent=$(( sent + $(cat "$dir/last-sent") ))
        done
        stop_server
        later=$(median "$(cut -d' ' -f4- <<<"$slices")")
        first=$(cut -d' ' -f2 <<<"$slices")
        printf 'cold %-13s %d %-10s first second %7.0f req/s, seconds 3-6 median %7.0f req/s: %s\n' "$variant" "$r" "$e" "$first" "$later" "$(ratio "$first" "$later")"
        cold[$variant $e]="${cold[$variant $e]:-} $(ratio "$first" "$later")"
        later_all[$variant $e]="${later_all[$variant $e]:-} $later"
      done
    done
    unset DOTNET_TieredCompilation
  done
fi
echo
echo "| endpoint | median req/s | p50 / p99 (last round) | ratio |"
echo "|---|---|---|---|"
row() { # endpoint reference-endpoint label
  [ -n "${results[$1]:-}" ] && [ -n "${results[$2]:-}" ] || return 0
  local m b
  m=$(median "${results[$1]}"); b=$(median "${results[$2]}")
  local flag=; grep -qxE "$1|$2" "$dir/erred" 2>/dev/null && flag=" (**non-2xx answers in a run: not comparable**)"
  printf '| %s%s | %.0f | %s | %s |\n' "$3" "$flag" "$m" "${latencies[$1]}" "$(ratio "$m" "$b")"
}
row baseline baseline "baseline: unverified, typed payload (= 1.00)"
row hmac baseline "baseline + one HMAC (in-memory floor) / baseline"
row webhook-noreplay baseline "pipeline without nonce store / baseline"
row webhook baseline "pipeline, in-memory store / baseline"
row webhook hmac "pipeline, in-memory store / in-memory floor"
row peer-standardwebhooks baseline "StandardWebhooks 1.1.2 in a minimal API / baseline"
row webhook peer-standardwebhooks "pipeline, in-memory store / StandardWebhooks 1.1.2"
row webhook-noreplay peer-standardwebhooks "pipeline without nonce store / StandardWebhooks 1.1.2 (which has none)"
row peer-octokit peer-octokit "Octokit MapGitHubWebhooks, 9 KB push (= 1.00)"
row github peer-octokit "our GitHub endpoint (no nonce store, as Octokit) / Octokit"
row redis-floor redis-floor "Redis floor: HMAC + SET NX PX + SET PX (= 1.00)"
row webhook-redis redis-floor "pipeline, Redis store / Redis floor"
row webhook-inbox redis-floor "accepted into the Redis inbox / Redis floor"
row webhook-inbox-slow redis-floor "accepted into the Redis inbox, 5 s handler / Redis floor"
for e in ${COLD_ENDPOINTS:-webhook baseline}; do
  [ -n "${cold[default $e]:-}" ] && printf '| cold start, %s: first second / seconds 3-6 | | | %s |\n' "$e" "$(median "${cold[default $e]}")"
  [ -n "${cold[r2r-notiering $e]:-}" ] && printf '| cold start, %s, ReadyToRun + TieredCompilation off: first second / seconds 3-6 | | | %s |\n' "$e" "$(median "${cold[r2r-notiering $e]}")"
  [ -n "${later_all[r2r-notiering $e]:-}" ] && [ -n "${later_all[default $e]:-}" ] && printf '| %s, ReadyToRun + TieredCompilation off: seconds 3-6 / default seconds 3-6 | %.0f | | %s |\n' "$e" "$(median "${later_all[r2r-notiering $e]}")" "$(ratio "$(median "${later_all[r2r-notiering $e]}")" "$(median "${later_all[default $e]}")")"
done
echo
echo "($ROUNDS rounds of $DURATION per endpoint, $CONNECTIONS connections, medians; $(nproc) cores)"
