#!/usr/bin/env bash
# CongressPlatform — the README test command:  bash scripts/test.sh
#
# Restores and builds the solution (Release), runs every test project, the OpenID Connect protocol
# suite (tests/protocol: a real client library, oauth4webapi, against hosts started from the Release
# build), the client's vitest suite (when client/package.json exists) and the end-to-end project
# (when it exists), then adds up the results of all TRX files and the JUnit reports. The last line printed is always
#
#     tests: N passed, N failed
#
# and the exit code is non-zero when any step or test failed, or when no test ran at all.
#
# Environment:
#   CONGRESS_TEST_POSTGRES   Npgsql connection string; when set, the integration tests also run on
#                            PostgreSQL (the role needs CREATEDB). Required when CI=true.
#   CI                       "true" on CI machines.
#   CONGRESS_TEST_FILTER     optional `dotnet test --filter` expression for every .NET test project.
#   CONGRESS_SKIP_CLIENT     "1" skips npm ci / npm test (e.g. for a quick back-end loop).
#   CONGRESS_SKIP_PROTOCOL   "1" skips the protocol suite (tests/protocol, needs Node 20+ and npm).
#   CONGRESS_SKIP_E2E        "1" skips the end-to-end project.
# Results: <repo>/TestResults/*.trx, client-junit.xml, protocol-junit.xml and protocol-host-*.log
# (the protocol hosts' output), cleared on every run.

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

RESULTS="$ROOT/TestResults"
SOLUTION="CongressPlatform.sln"
CLIENT_DIR="$ROOT/client"
CLIENT_JUNIT="$RESULTS/client-junit.xml"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
# Playwright must never try to download a browser here: the end-to-end tests launch Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NPM_CONFIG_FUND=false
export NPM_CONFIG_AUDIT=false
export NPM_CONFIG_UPDATE_NOTIFIER=false

failed_steps=()
script_start=$SECONDS

log() { printf '[test] %s\n' "$*"; }

# run_step NAME CMD...  — runs a command, prints its duration, remembers a failure, never exits.
run_step() {
  local name="$1"; shift
  local start=$SECONDS rc
  log "── ${name}: $*"
  "$@" </dev/null
  rc=$?
  if [[ $rc -ne 0 ]]; then
    log "✗ ${name} failed (exit ${rc}) after $((SECONDS - start))s"
    failed_steps+=("${name} (exit ${rc})")
  else
    log "✓ ${name} took $((SECONDS - start))s"
  fi
  return "$rc"
}

if [[ "${CI:-}" == "true" && -z "${CONGRESS_TEST_POSTGRES:-}" ]]; then
  echo "error: CI=true but CONGRESS_TEST_POSTGRES is empty." >&2
  echo "       CI must run the integration tests on PostgreSQL as well as SQLite; run 'bash .ci/run'," >&2
  echo "       which starts a local cluster and exports CONGRESS_TEST_POSTGRES, or set it yourself, e.g." >&2
  echo "       CONGRESS_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=congress;Password=...;Database=congress_test'" >&2
  exit 1
fi

if [[ -n "${CONGRESS_TEST_POSTGRES:-}" ]]; then
  log "PostgreSQL: integration tests also run on PostgreSQL (CONGRESS_TEST_POSTGRES is set)"
else
  log "PostgreSQL: CONGRESS_TEST_POSTGRES is not set, integration tests run on SQLite only"
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# ── .NET ────────────────────────────────────────────────────────────────────────────────────────
dotnet_ok=true
if ! command -v dotnet >/dev/null 2>&1; then
  log "✗ dotnet is not on PATH"
  failed_steps+=("dotnet missing")
  dotnet_ok=false
elif [[ ! -f "$SOLUTION" ]]; then
  log "✗ $SOLUTION not found in $ROOT"
  failed_steps+=("solution missing")
  dotnet_ok=false
else
  run_step "restore" dotnet restore "$SOLUTION" || dotnet_ok=false
  if $dotnet_ok; then
    run_step "build" dotnet build "$SOLUTION" -c Release --no-restore || dotnet_ok=false
  else
    log "skipping build: restore failed"
  fi
fi

# The test projects, in order; any other tests/*Tests project is picked up after them.
# Benchmarks are not tests and are never run here.
known_projects=(UnitTests ArchitectureTests IntegrationTests EndToEndTests)
test_projects=()
for name in "${known_projects[@]}"; do
  proj="tests/CongressPlatform.${name}/CongressPlatform.${name}.csproj"
  if [[ -f "$proj" ]]; then
    test_projects+=("$proj")
  elif [[ "$name" == "EndToEndTests" ]]; then
    log "note: tests/CongressPlatform.EndToEndTests does not exist yet — end-to-end tests skipped"
  else
    log "note: $proj does not exist — skipped"
  fi
done
shopt -s nullglob
for proj in tests/*Tests/*Tests.csproj; do
  case " ${test_projects[*]} " in *" $proj "*) ;; *) test_projects+=("$proj") ;; esac
done
shopt -u nullglob

client_has_script() { # client_has_script NAME — package.json defines scripts.NAME
  node -e 'const s=(require(process.argv[1]).scripts||{}); process.exit(s[process.argv[2]]?0:1)' \
    "$CLIENT_DIR/package.json" "$1" 2>/dev/null
}

client_installed=false
client_install() {
  $client_installed && return 0
  if [[ ! -f "$CLIENT_DIR/package-lock.json" ]]; then
    log "✗ client/package-lock.json is missing: commit the lock file so 'npm ci' can install"
    failed_steps+=("client lock file missing")
    return 1
  fi
  # The host's build (src/CongressPlatform.Host/Client.targets) has just run npm ci when the lock file changed.
  if [[ -f "$CLIENT_DIR/node_modules/.package-lock.json" && "$CLIENT_DIR/node_modules/.package-lock.json" -nt "$CLIENT_DIR/package-lock.json" ]]; then
    log "client: node_modules is up to date with package-lock.json (installed by the host's build)"
    client_installed=true
    return 0
  fi
  if run_step "client npm ci" npm --prefix "$CLIENT_DIR" ci --no-audit --no-fund; then
    client_installed=true
    return 0
  fi
  return 1
}

run_dotnet_tests() { # run_dotnet_tests PROJECT
  local proj="$1" name
  name="$(basename "$proj" .csproj)"
  name="${name#CongressPlatform.}"
  if ! grep -q "$(basename "$proj")" "$SOLUTION" 2>/dev/null; then
    log "warning: $proj is not in $SOLUTION — building it on its own"
    run_step "build ${name}" dotnet build "$proj" -c Release || return 1
  fi
  local args=(test "$proj" -c Release --no-build
    --logger "trx;LogFileName=${name}.trx"
    --results-directory "$RESULTS"
    --blame-hang-timeout 15m --blame-hang-dump-type none)
  if [[ -n "${CONGRESS_TEST_FILTER:-}" ]]; then
    args+=(--filter "$CONGRESS_TEST_FILTER")
  fi
  run_step "test ${name}" dotnet "${args[@]}"
  local rc=$?
  if [[ ! -f "$RESULTS/${name}.trx" ]]; then
    log "✗ ${name}: no TRX file was written"
    failed_steps+=("${name}: no results")
    rc=1
  fi
  return "$rc"
}

e2e_project=""
for proj in "${test_projects[@]}"; do
  if [[ "$proj" == *EndToEndTests* ]]; then
    e2e_project="$proj"
    continue
  fi
  if $dotnet_ok; then
    run_dotnet_tests "$proj"
  else
    log "skipping $proj: restore/build failed"
  fi
done

# ── protocol (OpenID Connect, oauth4webapi against the running host) ───────────────────────────
PROTOCOL_DIR="$ROOT/tests/protocol"
PROTOCOL_JUNIT="$RESULTS/protocol-junit.xml"
if [[ "${CONGRESS_SKIP_PROTOCOL:-}" == "1" ]]; then
  log "note: CONGRESS_SKIP_PROTOCOL=1 — protocol tests skipped"
elif [[ ! -f "$PROTOCOL_DIR/run.sh" ]]; then
  log "note: tests/protocol does not exist — protocol tests skipped"
elif ! $dotnet_ok; then
  log "skipping the protocol tests: restore/build failed"
elif ! command -v npm >/dev/null 2>&1; then
  log "✗ tests/protocol needs npm, which is not on PATH"
  failed_steps+=("protocol: npm missing")
else
  run_step "protocol" env RESULTS="$RESULTS" bash "$PROTOCOL_DIR/run.sh"
  if [[ ! -f "$PROTOCOL_JUNIT" ]]; then
    log "✗ protocol: no JUnit report at $PROTOCOL_JUNIT"
    failed_steps+=("protocol: no results")
  fi
fi

# ── client (Vite/React, vitest) ─────────────────────────────────────────────────────────────────
if [[ "${CONGRESS_SKIP_CLIENT:-}" == "1" ]]; then
  log "note: CONGRESS_SKIP_CLIENT=1 — client tests skipped"
elif [[ ! -f "$CLIENT_DIR/package.json" ]]; then
  log "note: client/package.json does not exist yet — client tests skipped"
elif ! command -v npm >/dev/null 2>&1; then
  log "✗ client/package.json exists but npm is not on PATH"
  failed_steps+=("npm missing")
else
  if client_install; then
    if ! client_has_script test; then
      log "✗ client/package.json has no \"test\" script"
      failed_steps+=("client: no test script")
    elif node -e 'const t=(require(process.argv[1]).scripts||{}).test||""; process.exit(/vitest/.test(t)?0:1)' \
         "$CLIENT_DIR/package.json"; then
      # CI=true keeps vitest out of watch mode; the junit reporter gives us the counts.
      run_step "client npm test" env CI=true npm --prefix "$CLIENT_DIR" test -- \
        --reporter=default --reporter=junit --outputFile.junit="$CLIENT_JUNIT"
      if [[ ! -f "$CLIENT_JUNIT" ]]; then
        log "✗ client: vitest wrote no JUnit report at $CLIENT_JUNIT"
        failed_steps+=("client: no results")
      fi
    else
      log "note: the client's test script does not run vitest; its results are judged by exit code only"
      run_step "client npm test" env CI=true npm --prefix "$CLIENT_DIR" test
    fi
  fi
fi

# ── end-to-end (Playwright .NET on Debian chromium) ─────────────────────────────────────────────
if [[ -z "$e2e_project" ]]; then
  : # already noted above
elif [[ "${CONGRESS_SKIP_E2E:-}" == "1" ]]; then
  log "note: CONGRESS_SKIP_E2E=1 — end-to-end tests skipped"
elif ! $dotnet_ok; then
  log "skipping $e2e_project: restore/build failed"
else
  if ! command -v chromium >/dev/null 2>&1; then
    log "warning: 'chromium' is not on PATH (apt-get install chromium fonts-noto-cjk); end-to-end tests will likely fail"
  fi
  # The end-to-end tests drive the host with the SPA in it: the host's build has built the client into wwwroot.
  if [[ -f "$CLIENT_DIR/package.json" && ! -f "$ROOT/src/CongressPlatform.Host/wwwroot/index.html" ]]; then
    log "✗ src/CongressPlatform.Host/wwwroot/index.html is missing: the host's build did not build the client"
    failed_steps+=("client not built into wwwroot")
  fi
  run_dotnet_tests "$e2e_project"
fi

# ── summary ─────────────────────────────────────────────────────────────────────────────────────
count_results() {
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$RESULTS" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

results = sys.argv[1]
passed = failed = skipped = 0

def local(tag):
    return tag.rsplit('}', 1)[-1]

for path in sorted(glob.glob(os.path.join(results, '**', '*.trx'), recursive=True)):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"[test] ✗ cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    counters = next((el for el in root.iter() if local(el.tag) == 'Counters'), None)
    if counters is None:
        continue
    c = lambda k: int(counters.get(k, '0') or 0)
    p = c('passed')
    f = c('failed') + c('error') + c('timeout') + c('aborted')
    # VSTest leaves skipped tests out of `executed`: total - executed is the skipped count.
    s = max(c('total') - c('executed'), 0) + c('inconclusive')
    print(f"[test]   {os.path.basename(path)}: {p} passed, {f} failed, {s} skipped", file=sys.stderr)
    passed += p; failed += f; skipped += s

for path in sorted(glob.glob(os.path.join(results, '*junit*.xml'))):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"[test] ✗ cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    p = f = s = 0
    for case in root.iter('testcase'):
        kinds = {local(child.tag) for child in case}
        if kinds & {'failure', 'error'}:
            f += 1
        elif 'skipped' in kinds:
            s += 1
        else:
            p += 1
    print(f"[test]   {os.path.basename(path)}: {p} passed, {f} failed, {s} skipped", file=sys.stderr)
    passed += p; failed += f; skipped += s

print(passed, failed, skipped)
PY
  else
    # Fallback without python3: the TRX counters only (the client's JUnit report is not counted).
    local p=0 f=0 s=0 file attr v
    shopt -s nullglob globstar
    for file in "$RESULTS"/**/*.trx; do
      for attr in passed failed error timeout aborted notExecuted; do
        v="$(grep -o "<Counters[^>]*" "$file" | grep -o " ${attr}=\"[0-9]*\"" | grep -o '[0-9]*' | head -n1)"
        v="${v:-0}"
        case "$attr" in
          passed) p=$((p + v)) ;;
          notExecuted) s=$((s + v)) ;;
          *) f=$((f + v)) ;;
        esac
      done
    done
    shopt -u nullglob globstar
    echo "$p $f $s"
  fi
}

read -r total_passed total_failed total_skipped < <(count_results)
total_passed="${total_passed:-0}"
total_failed="${total_failed:-0}"
total_skipped="${total_skipped:-0}"

# On CI, stop the MSBuild/Roslyn build servers so no background process outlives the run.
if [[ "${CI:-}" == "true" ]] && command -v dotnet >/dev/null 2>&1; then
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

exit_code=0
if [[ ${#failed_steps[@]} -gt 0 ]]; then
  log "failed steps:"
  for s in "${failed_steps[@]}"; do log "  - $s"; done
  exit_code=1
fi
if [[ "$total_failed" -gt 0 ]]; then
  exit_code=1
fi
if [[ $((total_passed + total_failed)) -eq 0 ]]; then
  log "✗ no test was executed"
  exit_code=1
fi
log "results in $RESULTS (${total_skipped} skipped); total time $((SECONDS - script_start))s"
echo "tests: ${total_passed} passed, ${total_failed} failed"
exit "$exit_code"
