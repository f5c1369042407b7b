#!/usr/bin/env bash
# Load test of the Deputies module at the issue's size: 5,000 deputies and 500,000 duty records (serve mode seeds
# them), 50 concurrent connections, each target measured ROUNDS times, alternating:
#   list-street     GET the first page of a street's deputies (street staff)
#   list-district   GET the first page of every deputy in the district (district staff, supervisor)
#   profile         GET a random deputy's profile (district staff; ids from the seed)
#   ranking         GET the district-wide ranking of this year (district staff, supervisor)
#
#   bash tests/CongressPlatform.Benchmarks/load/run-wrk-deputies.sh [--provider Sqlite|PostgreSql]
#        [--deputies 5000] [--records 500000] [--duration 20s] [--connections 50] [--threads 2] [--rounds 2] [--port 5096]
#        [--targets list-street,list-district,profile,ranking] [--warmup 20s]
#
# Each target is warmed up for --warmup first (20 s: the tiered JIT keeps compiling for about a minute after a start
# under load, see docs/performance.md §F.5), so the rounds measure a server that has been running.
#
# Loopback only. The server stops itself after --max-seconds and deletes its database (see serve-mode.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/tests/CongressPlatform.Benchmarks"
PROVIDER=Sqlite
DEPUTIES=5000
RECORDS=500000
DURATION=20s
CONNECTIONS=50
THREADS=2
ROUNDS=2
PORT=5096
WARMUP=20s
TARGETS=(list-street list-district profile ranking)

while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider) PROVIDER="$2"; shift 2 ;;
    --deputies) DEPUTIES="$2"; shift 2 ;;
    --records) RECORDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --targets) IFS=, read -r -a TARGETS <<< "$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

# shellcheck source=serve-mode.sh
source "$HERE/load/serve-mode.sh"
MAX_SECONDS=$(( 4 * $(seconds_of "$WARMUP") + 4 * ROUNDS * $(seconds_of "$DURATION") + 900 ))
BASE="http://127.0.0.1:${PORT}"
YEAR="$(TZ=Asia/Shanghai date +%Y)"
STREET=(-H "X-Dev-User: bench-street" -H "X-Dev-Tenant: dongliu" -H "X-Dev-Roles: staff")
DISTRICT=(-H "X-Dev-User: bench-district" -H "X-Dev-Tenant: liucheng" -H "X-Dev-Roles: staff,supervisor")
LIST_PATH="/api/deputies/deputies?page=1&pageSize=20"
PROFILE_PATH="${PROFILE_PATH:-/api/deputies/deputies/{id}}"
RANKING_PATH="${RANKING_PATH:-/api/deputies/rankings?year=${YEAR}&page=1&pageSize=50}"

serve_build deputies
# Seeding half a million records takes minutes: wait up to 10 minutes for readiness.
SERVE_READY_TRIES=1200
SERVER_LOG="$(mktemp /tmp/congress-bench-server.XXXXXX.log)"
RESULTS="$(mktemp /tmp/congress-bench-results.XXXXXX)"
IDS="$(mktemp /tmp/congress-bench-ids.XXXXXX)"
stop_server() { serve_stop "$SERVER_LOG"; rm -f "$RESULTS" "$IDS"; }
trap stop_server EXIT

echo "[deputies] seeding and starting: provider=$PROVIDER deputies=$DEPUTIES records=$RECORDS (log: $SERVER_LOG)"
started=$(date +%s)
serve_start deputies "$SERVER_LOG" "$BASE" --provider "$PROVIDER" --units 0 --deputies "$DEPUTIES" --duty-records "$RECORDS" --port "$PORT" --max-seconds "$MAX_SECONDS"
echo "[deputies] ready after $(( $(date +%s) - started )) s"
grep -E '^bench: ' "$SERVER_LOG" | grep -Ev '^bench: (tenant|deputy) ' || true
sed -n 's/^bench: deputy \([0-9a-f-]\{36\}\)$/\1/p' "$SERVER_LOG" > "$IDS"
[[ -s "$IDS" ]] || { echo "[deputies] no deputy ids in the server log" >&2; exit 1; }

# Every target must answer 200 before any figure means anything.
first_id="$(head -n1 "$IDS")"
for check in "$LIST_PATH STREET" "$LIST_PATH DISTRICT" "${PROFILE_PATH//\{id\}/$first_id} DISTRICT" "$RANKING_PATH DISTRICT"; do
  path="${check% *}"; who="${check##* }"
  if [[ $who == STREET ]]; then h=("${STREET[@]}"); else h=("${DISTRICT[@]}"); fi
  body="$(curl -fsS "${h[@]}" "$BASE$path")" || { echo "[deputies] $path failed" >&2; exit 1; }
  echo "[deputies] $path as $who: $(printf '%s' "$body" | wc -c) bytes"
done

run_wrk() { # run_wrk NAME DURATION WRK_ARGS...
  local name="$1" duration="$2"; shift 2
  local out line
  out="$(REPORT_LUA="$HERE/load/report.lua" DEPUTY_IDS="$IDS" DEPUTY_PATH="$PROFILE_PATH" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency "$@")"
  line="$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n1)"
  [[ -n "$line" ]] || { printf '%s\n' "$out" >&2; echo "[deputies] no RESULT line from wrk" >&2; exit 1; }
  printf '%s %s\n' "$name" "$line"
}
target_args() { # target_args NAME — the wrk arguments of one target, quoted for eval (the URLs hold '&')
  local list="$BASE$LIST_PATH" ranking="$BASE$RANKING_PATH" root="$BASE/"
  case "$1" in
    list-street) echo "-s $HERE/load/report.lua ${STREET[*]@Q} ${list@Q}" ;;
    list-district) echo "-s $HERE/load/report.lua ${DISTRICT[*]@Q} ${list@Q}" ;;
    profile) echo "-s $HERE/load/pick-deputy.lua ${DISTRICT[*]@Q} ${root@Q}" ;;
    ranking) echo "-s $HERE/load/report.lua ${DISTRICT[*]@Q} ${ranking@Q}" ;;
  esac
}
echo "[deputies] warm-up: $WARMUP each"
for t in "${TARGETS[@]}"; do eval "run_wrk warmup-$t $WARMUP $(target_args "$t")" >/dev/null; done
echo "[deputies] measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS round(s) of ${TARGETS[*]}"
for round in $(seq 1 "$ROUNDS"); do
  for t in "${TARGETS[@]}"; do
    line="$(eval "run_wrk $t $DURATION $(target_args "$t")")"
    echo "round=$round $line" | tee -a "$RESULTS"
  done
done
grep -Eq 'non2xx=[1-9]|socket_errors=[1-9]' "$RESULTS" && echo "[deputies] WARNING: some requests failed (non-2xx or socket errors)" >&2

awk -v provider="$PROVIDER" -v deputies="$DEPUTIES" -v records="$RECORDS" -v conns="$CONNECTIONS" '
  function val(key,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] + 0 } return 0 }
  function median(arr, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
    return (n % 2) ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
  }
  { t = $2; if (!(t in n)) order[++k] = t; n[t]++; rps[t, n[t]] = val("rps"); p50[t, n[t]] = val("p50_ms"); p95[t, n[t]] = val("p95_ms"); p99[t, n[t]] = val("p99_ms") }
  END {
    printf "\nSUMMARY provider=%s deputies=%s records=%s connections=%s (median of the runs)\n", provider, deputies, records, conns
    printf "%-14s %10s %10s %10s %10s\n", "target", "req/s", "p50 ms", "p95 ms", "p99 ms"
    for (o = 1; o <= k; o++) {
      t = order[o]
      delete a; for (i = 1; i <= n[t]; i++) a[i] = rps[t, i]; r = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p50[t, i]; m50 = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p95[t, i]; m95 = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p99[t, i]; m99 = median(a, n[t])
      printf "%-14s %10.1f %10.2f %10.2f %10.2f\n", t, r, m50, m95, m99
    }
  }' "$RESULTS"
