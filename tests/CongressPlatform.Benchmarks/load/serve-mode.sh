# Sourced by run-wrk.sh and run-wrk-sso.sh: the benchmarks' serve mode as a server under load — build it,
# start it, wait until it is ready, stop it. Sets DLL and SERVER (the server's PID, for /proc figures).

seconds_of() { local d="$1"; case "$d" in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }

serve_build() { # serve_build TAG
  echo "[$1] building Release"
  dotnet build "$HERE/CongressPlatform.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
  DLL="$HERE/bin/Release/net10.0/CongressPlatform.Benchmarks.dll"
}

SERVER=""

serve_start() { # serve_start TAG LOG BASE_URL SERVE_ARGS... — returns when /health/ready answers, exits if it never does
  local tag="$1" log="$2" base="$3"
  shift 3
  dotnet "$DLL" serve "$@" >"$log" 2>&1 &
  SERVER=$!
  local ready=0
  for _ in $(seq 1 "${SERVE_READY_TRIES:-240}"); do
    if curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; then ready=1; break; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then break; fi
    sleep 0.5
  done
  if [[ $ready -ne 1 ]]; then
    echo "[$tag] the server did not become ready; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

serve_stop() { # serve_stop LOG — SIGTERM (it deletes its database), SIGKILL after 30 s; prints what it removed
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER" 2>/dev/null || true
  fi
  [[ -n "$SERVER" ]] && wait "$SERVER" 2>/dev/null || true
  grep -E '^bench: (removed|dropped)' "$1" || true
}
