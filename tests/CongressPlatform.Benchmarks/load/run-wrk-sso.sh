#!/usr/bin/env bash
# Load test of single sign-on (docs/performance.md, section C), on the real platform in serve mode
# (SQLite, demo data, no extra handling units), in one run:
#
#   sign-in   the web client's whole sign-in as new browsers (load/signin.lua): authorize → login page →
#             login POST (password) → authorize with the SSO cookie → code exchange at /connect/token.
#             wrk -t$SIGNIN_CONNECTIONS -c$SIGNIN_CONNECTIONS: one connection per wrk thread (the Lua state
#             machine needs it).
#   bearer    GET /api/identity/me with a bearer access token (signature, issuer, audience, the cached
#             re-check of account, session and seat), wrk -t$THREADS -c$CONNECTIONS.
#   headers   the same endpoint and account with the development header sign-in instead (no token, no
#             re-check): the baseline that isolates what bearer authentication costs per request.
#
# Rounds alternate sign-in, bearer, headers, so that drift on the machine hits all three alike.
#
#   bash tests/CongressPlatform.Benchmarks/load/run-wrk-sso.sh [--duration 20s] [--rounds 2] [--warmup 5s]
#        [--signin-connections 4] [--connections 32] [--threads 2] [--port 5300]
#
# Loopback only (127.0.0.1). The serve mode raises the sign-in and token rate limits (production: 10 sign-in
# posts and 120 token requests a minute per address; every request here comes from 127.0.0.1). Every wrk run
# is bounded by --duration; the server stops itself after --max-seconds and is stopped by the trap at exit,
# which also deletes its SQLite file. The load average is printed before and after every run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/tests/CongressPlatform.Benchmarks"
DURATION=20s
ROUNDS=2
WARMUP=5s
SIGNIN_CONNECTIONS=4
CONNECTIONS=32
THREADS=2
PORT=5300
ACCOUNT=deputy.li
PASSWORD='Congress#2026'

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --signin-connections) SIGNIN_CONNECTIONS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in wrk curl python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed (wrk: apt-get install -y wrk)" >&2
    exit 1
  fi
done

# shellcheck source=serve-mode.sh
source "$HERE/load/serve-mode.sh"
MAX_SECONDS=$(( 3 * $(seconds_of "$WARMUP") + 3 * ROUNDS * $(seconds_of "$DURATION") + 300 ))

BASE="http://127.0.0.1:${PORT}"
ME_URL="$BASE/api/identity/me"
REDIRECT_URI="http://localhost:5080/auth/callback"
VERIFIER="congress-wrk-pkce-verifier-0123456789abcdefghijklmnop"
CHALLENGE="21XEQGBBQfNF9OW4rBv_bLKLAYlUVZs0wrkyt0acpig"
AUTHORIZE="/connect/authorize?client_id=congress-spa&redirect_uri=http%3A%2F%2Flocalhost%3A5080%2Fauth%2Fcallback&response_type=code&scope=openid%20profile%20offline_access&state=curl&nonce=curl&code_challenge=${CHALLENGE}&code_challenge_method=S256"

serve_build sso

SERVER_LOG="$(mktemp /tmp/congress-bench-sso-server.XXXXXX.log)"
RESULTS="$(mktemp /tmp/congress-bench-sso-results.XXXXXX)"
WORK="$(mktemp -d /tmp/congress-bench-sso.XXXXXX)"
stop_server() {
  serve_stop "$SERVER_LOG"
  rm -rf "$RESULTS" "$WORK"
}
trap stop_server EXIT

echo "[sso] starting serve mode on port $PORT (log: $SERVER_LOG)"
serve_start sso "$SERVER_LOG" "$BASE" --provider Sqlite --units 0 --port "$PORT" --max-seconds "$MAX_SECONDS"

# header NAME FILE: the value of a response header in a curl -D dump.
header() { grep -i "^$1:" "$2" | tail -n1 | cut -d' ' -f2- | tr -d '\r'; }
status_of() { head -n1 "$1" | cut -d' ' -f2; }
expect() { # expect STEP WANTED FILE
  local got; got="$(status_of "$3")"
  if [[ "$got" != "$2" ]]; then echo "[sso] $1 answered $got, not $2" >&2; cat "$3" >&2; exit 1; fi
}

# The whole sign-in with curl, step by step, as signin.lua drives it; prints the access token.
sign_in() {
  local jar="$WORK/jar" h="$WORK/h" body="$WORK/body" login_url token back code
  rm -f "$jar"
  curl -sS -o /dev/null -D "$h" -c "$jar" "$BASE$AUTHORIZE"; expect authorize 302 "$h"
  login_url="$(header Location "$h")"
  curl -sS -o "$body" -D "$h" -b "$jar" -c "$jar" "$BASE$login_url"; expect "login page" 200 "$h"
  token="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$body" | head -n1)"
  [[ -n "$token" ]] || { echo "[sso] no anti-forgery token on the login page" >&2; exit 1; }
  [[ "$(grep -ci '^set-cookie:' "$h")" == 1 ]] || { echo "[sso] the login page sets more than one cookie (signin.lua sees only the last)" >&2; exit 1; }
  curl -sS -o /dev/null -D "$h" -b "$jar" -c "$jar" --data-urlencode "login=$ACCOUNT" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE$login_url"; expect "login POST" 303 "$h"
  grep -i '^set-cookie:' "$h" | tail -n1 | grep -q 'congress.sso=' \
    || { echo "[sso] the last cookie of the login POST is not the SSO cookie (signin.lua relies on it)" >&2; cat "$h" >&2; exit 1; }
  back="$(header Location "$h")"
  curl -sS -o /dev/null -D "$h" -b "$jar" -c "$jar" "$BASE$back"; expect "authorize with session" 302 "$h"
  code="$(header Location "$h" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
  [[ -n "$code" ]] || { echo "[sso] no code in the redirect" >&2; cat "$h" >&2; exit 1; }
  curl -sS -o "$body" -D "$h" --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$REDIRECT_URI" --data-urlencode client_id=congress-spa --data-urlencode "code_verifier=$VERIFIER" \
    "$BASE/connect/token"; expect token 200 "$h"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["access_token"])' "$body"
}

TOKEN="$(sign_in)"
echo "[sso] curl sign-in as $ACCOUNT: authorize 302 → login 200 → POST 303 (SSO cookie) → authorize 302 (code) → token 200"

# The header baseline must answer what the bearer request answers, for the same person and tenant.
bearer_body="$(curl -fsS -H "Authorization: Bearer $TOKEN" "$ME_URL")"
read -r USER_ID TENANT_ID ROLES < <(python3 -c 'import json,sys; m=json.loads(sys.argv[1]); print(m["user"]["id"], m["tenant"]["id"], ",".join(m["roles"]))' "$bearer_body")
DEV_HEADERS=(-H "X-Dev-User: $USER_ID" -H "X-Dev-Tenant: $TENANT_ID" -H "X-Dev-Roles: $ROLES")
headers_body="$(curl -fsS "${DEV_HEADERS[@]}" "$ME_URL")"
if [[ "$bearer_body" != "$headers_body" ]]; then
  echo "[sso] bearer and header sign-in answer differently:" >&2
  echo "  bearer:  ${bearer_body:0:400}" >&2
  echo "  headers: ${headers_body:0:400}" >&2
  exit 1
fi
echo "[sso] /api/identity/me answers the same with bearer and with development headers ($(printf '%s' "$bearer_body" | wc -c) bytes, roles $ROLES)"
if curl -fsS -o /dev/null -H "Authorization: Bearer ${TOKEN}x" "$ME_URL" 2>/dev/null; then
  echo "[sso] a tampered token was accepted" >&2
  exit 1
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds the server process has used (user + system, /proc/PID/stat fields 14 and 15): unlike wall-clock
# throughput, this does not depend on how much of the machine other work takes.
TICKS="$(getconf CLK_TCK)"
server_cpu() { awk -v t="$TICKS" '{ print ($14 + $15) / t }' "/proc/$SERVER/stat"; }

run_wrk() { # run_wrk NAME DURATION -- wrk arguments…
  local name="$1" duration="$2"; shift 3
  local before out line cpu0 cpu1
  before="$(load)"
  cpu0="$(server_cpu)"
  out="$(wrk -d"$duration" --timeout 10s --latency "$@")"
  cpu1="$(server_cpu)"
  line="$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n1)"
  if [[ -z "$line" ]]; then
    printf '%s\n' "$out" >&2
    echo "[sso] no RESULT line from wrk" >&2
    exit 1
  fi
  printf '%s %s server_cpu_s=%s load_before=%s load_after=%s\n' "$name" "$line" "$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.2f", b - a }')" \
    "${before// /,}" "$(load | tr ' ' ',')"
}

signin_args() { echo -t"$SIGNIN_CONNECTIONS" -c"$SIGNIN_CONNECTIONS" -s "$HERE/load/signin.lua" "$BASE/"; }
run_signin() { run_wrk signin "$1" -- $(signin_args); }
run_bearer() { run_wrk bearer "$1" -- -t"$THREADS" -c"$CONNECTIONS" -s "$HERE/load/report.lua" -H "Authorization: Bearer $TOKEN" "$ME_URL"; }
run_headers() { run_wrk headers "$1" -- -t"$THREADS" -c"$CONNECTIONS" -s "$HERE/load/report.lua" "${DEV_HEADERS[@]}" "$ME_URL"; }

echo "[sso] warm-up: $WARMUP each"
run_signin "$WARMUP" >/dev/null
run_bearer "$WARMUP" >/dev/null
run_headers "$WARMUP" >/dev/null

echo "[sso] measuring: sign-in wrk -t$SIGNIN_CONNECTIONS -c$SIGNIN_CONNECTIONS; /me wrk -t$THREADS -c$CONNECTIONS; -d$DURATION --latency; $ROUNDS round(s)"
for round in $(seq 1 "$ROUNDS"); do
  # A fresh access token each round (they live 10 minutes).
  TOKEN="$(sign_in)"
  for target in signin bearer headers; do
    line="$("run_$target" "$DURATION")"
    echo "round=$round $line" | tee -a "$RESULTS"
  done
done

if grep -Eq 'non2xx=[1-9]|socket_errors=[1-9]|failures=[1-9]' "$RESULTS"; then
  echo "[sso] WARNING: some requests failed (non-2xx, socket errors or sign-in failures); see the lines above" >&2
fi

awk '
  function val(key,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] + 0 } return 0 }
  function median(arr, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
    return (n % 2) ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
  }
  {
    t = $2; n[t]++
    rps[t, n[t]] = val("rps"); p50[t, n[t]] = val("p50_ms"); p99[t, n[t]] = val("p99_ms"); sps[t, n[t]] = val("signins_per_s")
    # Server CPU milliseconds per unit of work: per completed sign-in, or per request.
    units = (t == "signin") ? val("signins") : val("requests"); cpu[t, n[t]] = units > 0 ? 1000 * val("server_cpu_s") / units : 0
  }
  END {
    for (t in n) {
      delete a; for (i = 1; i <= n[t]; i++) a[i] = rps[t, i]; mr[t] = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p50[t, i]; m50[t] = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = p99[t, i]; m99[t] = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = sps[t, i]; ms[t] = median(a, n[t])
      delete a; for (i = 1; i <= n[t]; i++) a[i] = cpu[t, i]; mc[t] = median(a, n[t])
    }
    printf "\nSUMMARY single sign-on (median of %d runs each)\n", n["signin"]
    printf "%-10s %10s %10s %10s %12s %22s\n", "run", "req/s", "p50 ms", "p99 ms", "sign-ins/s", "server CPU ms per unit"
    printf "%-10s %10.1f %10.2f %10.2f %12.2f %15.2f/sign-in\n", "signin", mr["signin"], m50["signin"], m99["signin"], ms["signin"], mc["signin"]
    printf "%-10s %10.1f %10.2f %10.2f %12s %15.3f/request\n", "bearer", mr["bearer"], m50["bearer"], m99["bearer"], "", mc["bearer"]
    printf "%-10s %10.1f %10.2f %10.2f %12s %15.3f/request\n", "headers", mr["headers"], m50["headers"], m99["headers"], "", mc["headers"]
    if (mr["headers"] > 0) printf "ratio bearer/headers: throughput %.3f, p50 latency %.3f, p99 latency %.3f\n", mr["bearer"] / mr["headers"], m50["bearer"] / m50["headers"], m99["bearer"] / m99["headers"]
    if (mr["bearer"] > 0 && ms["signin"] > 0) printf "bearer requests per sign-in: %.0f\n", mr["bearer"] / ms["signin"]
  }
' "$RESULTS"
