#!/usr/bin/env bash
# Load test: the tenant-filtered list endpoint of the real platform against a bare endpoint that runs
# the same EF query on the same database, in the same process and the same run, alternating
# (platform, bare, platform, bare by default) so that drift on the machine hits both alike.
#
#   bash tests/CongressPlatform.Benchmarks/load/run-wrk.sh [--provider Sqlite|PostgreSql] [--units N]
#        [--duration 20s] [--connections 32] [--threads 2] [--rounds 2] [--port 5090]
#
# Loopback only (127.0.0.1). Every wrk run is bounded by --duration; the server stops itself after
# --max-seconds even if this script is killed, and is stopped (SIGTERM) by the trap at exit, which
# also deletes its SQLite file or drops its PostgreSQL database. PostgreSQL: the server's connection
# string comes from CONGRESS_BENCH_POSTGRES or /tmp/congress_pg.txt (the role needs CREATEDB).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/tests/CongressPlatform.Benchmarks"
PROVIDER=Sqlite
UNITS=2000
DURATION=20s
CONNECTIONS=32
THREADS=2
ROUNDS=2
PORT=5090
WARMUP=5s
TENANT=dongliu

while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider) PROVIDER="$2"; shift 2 ;;
    --units) UNITS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed: apt-get install -y wrk" >&2
  exit 1
fi

# shellcheck source=serve-mode.sh
source "$HERE/load/serve-mode.sh"
# A hard bound for the server: warm-up, every measured run, start-up and slack.
MAX_SECONDS=$(( 2 * $(seconds_of "$WARMUP") + 2 * ROUNDS * $(seconds_of "$DURATION") + 300 ))

BASE="http://127.0.0.1:${PORT}"
PLATFORM_URL="$BASE/api/identity/handling-units"
HEADERS=(-H "X-Dev-User: bench" -H "X-Dev-Tenant: ${TENANT}" -H "X-Dev-Roles: staff")

serve_build wrk

SERVER_LOG="$(mktemp /tmp/congress-bench-server.XXXXXX.log)"
RESULTS="$(mktemp /tmp/congress-bench-results.XXXXXX)"
stop_server() {
  serve_stop "$SERVER_LOG"
  rm -f "$RESULTS"
}
trap stop_server EXIT

echo "[wrk] starting serve mode: provider=$PROVIDER units=$UNITS port=$PORT (log: $SERVER_LOG)"
serve_start wrk "$SERVER_LOG" "$BASE" --provider "$PROVIDER" --units "$UNITS" --port "$PORT" --max-seconds "$MAX_SECONDS"
grep -E '^bench: ' "$SERVER_LOG" | grep -v '^bench: tenant ' || true

TENANT_ID="$(sed -n "s/^bench: tenant ${TENANT} \([0-9a-f-]\{36\}\)$/\1/p" "$SERVER_LOG" | head -n1)"
if [[ -z "$TENANT_ID" ]]; then
  echo "[wrk] could not find the id of tenant ${TENANT} in the server log" >&2
  exit 1
fi
BARE_URL="$BASE/bench/bare/handling-units?tenantId=${TENANT_ID}"

# Both endpoints must answer 200 with the same page before any figure means anything.
platform_body="$(curl -fsS "${HEADERS[@]}" "$PLATFORM_URL")"
bare_body="$(curl -fsS "$BARE_URL")"
if [[ "$platform_body" != "$bare_body" ]]; then
  echo "[wrk] the two endpoints answer differently:" >&2
  echo "  platform: ${platform_body:0:300}" >&2
  echo "  bare:     ${bare_body:0:300}" >&2
  exit 1
fi
echo "[wrk] both endpoints return the same page ($(printf '%s' "$platform_body" | wc -c) bytes; $(printf '%s' "$platform_body" | grep -o '"total":[0-9]*'))"

run_wrk() { # run_wrk NAME DURATION URL [HEADERS...]
  local name="$1" duration="$2" url="$3"; shift 3
  local out
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency -s "$HERE/load/report.lua" "$@" "$url")"
  local line
  line="$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n1)"
  if [[ -z "$line" ]]; then
    printf '%s\n' "$out" >&2
    echo "[wrk] no RESULT line from wrk" >&2
    exit 1
  fi
  printf '%s %s\n' "$name" "$line"
}

echo "[wrk] warm-up: $WARMUP each"
run_wrk warmup-platform "$WARMUP" "$PLATFORM_URL" "${HEADERS[@]}" >/dev/null
run_wrk warmup-bare "$WARMUP" "$BARE_URL" >/dev/null

echo "[wrk] measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS round(s) of platform then bare"
for round in $(seq 1 "$ROUNDS"); do
  for target in platform bare; do
    if [[ $target == platform ]]; then
      line="$(run_wrk platform "$DURATION" "$PLATFORM_URL" "${HEADERS[@]}")"
    else
      line="$(run_wrk bare "$DURATION" "$BARE_URL")"
    fi
    echo "round=$round $line" | tee -a "$RESULTS"
  done
done

if grep -Eq 'non2xx=[1-9]|socket_errors=[1-9]' "$RESULTS"; then
  echo "[wrk] WARNING: some requests failed (non-2xx or socket errors); see the lines above" >&2
fi

# Medians per target and the platform/bare ratio.
awk -v provider="$PROVIDER" -v units="$UNITS" '
  function val(key,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] + 0 } return 0 }
  function median(arr, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
    return (n % 2) ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
  }
  {
    t = $2; n[t]++
    rps[t, n[t]] = val("rps"); p50[t, n[t]] = val("p50_ms"); p99[t, n[t]] = val("p99_ms")
  }
  END {
    for (t in n) {
      delete a; for (i = 1; i <= n[t]; i++) a[i] = rps[t, i]; mr[t] = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p50[t, i]; m50[t] = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p99[t, i]; m99[t] = median(a, n[t])
    }
    printf "\nSUMMARY provider=%s units=%s (median of %d runs each)\n", provider, units, n["platform"]
    printf "%-10s %10s %10s %10s\n", "endpoint", "req/s", "p50 ms", "p99 ms"
    printf "%-10s %10.1f %10.2f %10.2f\n", "platform", mr["platform"], m50["platform"], m99["platform"]
    printf "%-10s %10.1f %10.2f %10.2f\n", "bare", mr["bare"], m50["bare"], m99["bare"]
    if (mr["bare"] > 0) printf "ratio platform/bare: throughput %.3f, p50 latency %.3f, p99 latency %.3f\n", mr["platform"] / mr["bare"], m50["platform"] / m50["bare"], m99["platform"] / m99["bare"]
  }
' "$RESULTS"
