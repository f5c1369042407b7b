#!/usr/bin/env bash
# Load and crash test of the public opinion form (issue 7: at least 500 submissions a second on this 2-core machine,
# zero loss — every submission answered 201 is stored, and a host killed with SIGKILL loses none it acknowledged).
#
#   1. throughput: the real platform (serve mode: demo district and its stations, production pipeline, the per-address
#      and per-station limits raised because every request comes from 127.0.0.1), wrk posting the multipart form
#      round-robin over every active station, each request with its own Idempotency-Key, ROUNDS runs of DURATION;
#      then the server stops and opinions-audit reads the database: acknowledged = stored.
#   2. SIGKILL: the same load on a fresh database; after KILL_AFTER seconds the server gets SIGKILL mid-load; wrk
#      runs on against the dead port; opinions-audit checks every acknowledged code in the database left behind; the
#      server then starts again on that database (recovery) and the audit is repeated.
#
#   bash tests/CongressPlatform.Benchmarks/load/run-wrk-opinions.sh [--provider Sqlite|PostgreSql] [--duration 30s]
#        [--connections 50] [--threads 2] [--rounds 2] [--kill-after 10] [--port 5097] [--phases throughput,kill]
#
# PostgreSQL: the server's connection string comes from CONGRESS_BENCH_POSTGRES or /tmp/congress_pg.txt (see
# ServeOptions). Loopback only. Exits 1 when the audit finds an acknowledged submission missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/tests/CongressPlatform.Benchmarks"
PROVIDER=Sqlite
DURATION=30s
CONNECTIONS=50
THREADS=2
ROUNDS=2
KILL_AFTER=10
PORT=5097
WARMUP=5s
PHASES=(throughput kill)

while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider) PROVIDER="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --kill-after) KILL_AFTER="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --phases) IFS=, read -r -a PHASES <<< "$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

# shellcheck source=serve-mode.sh
source "$HERE/load/serve-mode.sh"
MAX_SECONDS=$(( 2 * $(seconds_of "$WARMUP") + 2 * ROUNDS * $(seconds_of "$DURATION") + 600 ))
BASE="http://127.0.0.1:${PORT}"
DISTRICT=(-H "X-Dev-User: bench-district" -H "X-Dev-Tenant: liucheng" -H "X-Dev-Roles: staff,supervisor")
WORK="$(mktemp -d /tmp/congress-bench-opinions.XXXXXX)"
SERVER_LOG=""
DATABASE=""
FAILED=0

cleanup() {
  [[ -n "$SERVER_LOG" ]] && serve_stop "$SERVER_LOG" >/dev/null
  if [[ -n "$DATABASE" ]]; then
    dotnet "$DLL" opinions-audit --provider "$PROVIDER" --database "$DATABASE" --acknowledged /dev/null --drop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

serve_build opinions

start_server() { # start_server TAG [--database CONNECTION] — sets SERVER, SERVER_LOG and DATABASE
  local tag="$1"; shift
  SERVER_LOG="$WORK/server-$tag.log"
  serve_start "$tag" "$SERVER_LOG" "$BASE" --provider "$PROVIDER" --units 0 --port "$PORT" --max-seconds "$MAX_SECONDS" --keep-database "$@"
  DATABASE="$(sed -n 's/^bench: database //p' "$SERVER_LOG" | head -n1)"
  [[ -n "$DATABASE" ]] || { echo "[opinions] the server did not print its database" >&2; exit 1; }
}

stations_file() { # every active station of the district, one id per line
  curl -fsS "${DISTRICT[@]}" "$BASE/api/stations/stations" | jq -r '.[].id' > "$WORK/stations"
  [[ -s "$WORK/stations" ]] || { echo "[opinions] no active station in the demo district" >&2; exit 1; }
}

run_wrk() { # run_wrk NAME DURATION — appends the acknowledged codes to $WORK/acknowledged; prints NAME RESULT… STATUS…
  local name="$1" duration="$2" out result status
  out="$(RUN_ID="$name-$$-$RANDOM" REPORT_LUA="$HERE/load/report.lua" OPINION_STATIONS="$WORK/stations" ACKNOWLEDGED_FILE="$WORK/ack-$name" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency -s "$HERE/load/submit-opinion.lua" "$BASE/")"
  cat "$WORK/ack-$name" >> "$WORK/acknowledged"
  result="$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n1)"
  status="$(printf '%s\n' "$out" | grep '^STATUS ' | tail -n1)"
  [[ -n "$result" ]] || { printf '%s\n' "$out" >&2; echo "[opinions] no RESULT line from wrk" >&2; exit 1; }
  printf '%s %s acknowledged=%d %s\n' "$name" "$result" "$(wc -l < "$WORK/ack-$name")" "$status"
}

audit() { # audit TAG [--drop]
  local tag="$1"; shift
  local line
  if line="$(dotnet "$DLL" opinions-audit --provider "$PROVIDER" --database "$DATABASE" --acknowledged "$WORK/acknowledged" "$@")"; then
    printf '[%s] %s\n' "$tag" "$line"
  else
    printf '[%s] %s\n' "$tag" "$line"
    echo "[$tag] LOSS: an acknowledged submission is missing or stored twice" >&2
    FAILED=1
  fi
}

for phase in "${PHASES[@]}"; do
  : > "$WORK/acknowledged"
  case "$phase" in
    throughput)
      start_server throughput
      stations_file
      echo "[throughput] $PROVIDER, $(wc -l < "$WORK/stations") stations; warm-up $WARMUP, then $ROUNDS x wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
      run_wrk warmup "$WARMUP" >/dev/null
      for round in $(seq 1 "$ROUNDS"); do
        run_wrk "round$round" "$DURATION" | tee -a "$WORK/results"
      done
      serve_stop "$SERVER_LOG" >/dev/null
      SERVER_LOG=""
      audit throughput --drop
      DATABASE=""
      awk '
        function val(key,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] + 0 } return 0 }
        { n++; ok[n] = val("201") / val("seconds"); p95[n] = val("p95_ms"); p99[n] = val("p99_ms") }
        function median(arr, n,   i, j, t) {
          for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
          return (n % 2) ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
        }
        END { printf "SUMMARY stored submissions/s (201 only, median of %d): %.1f, p95 %.1f ms, p99 %.1f ms\n", n, median(ok, n), median(p95, n), median(p99, n) }
      ' "$WORK/results"
      ;;
    kill)
      start_server kill
      stations_file
      echo "[kill] $PROVIDER: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, SIGKILL to the server after ${KILL_AFTER} s"
      run_wrk killed "$DURATION" > "$WORK/killed" &
      load=$!
      sleep "$KILL_AFTER"
      kill -KILL "$SERVER"
      wait "$SERVER" 2>/dev/null || true
      SERVER=""
      echo "[kill] server killed at $(date +%T)"
      wait "$load"
      cat "$WORK/killed"
      SERVER_LOG=""
      audit "kill: after SIGKILL"
      start_server restart --database "$DATABASE"
      echo "[kill] the server started again on the same database"
      serve_stop "$SERVER_LOG" >/dev/null
      SERVER_LOG=""
      audit "kill: after restart" --drop
      DATABASE=""
      ;;
    *) echo "unknown phase $phase" >&2; exit 2 ;;
  esac
done
exit "$FAILED"
