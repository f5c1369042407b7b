#!/usr/bin/env bash
# Protocol suite: installs the pinned client library (npm ci) when needed and runs it against hosts
# started from the Release build. JUnit report: $RESULTS/protocol-junit.xml (default <repo>/TestResults).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export RESULTS="${RESULTS:-$(cd "$HERE/../.." && pwd)/TestResults}"
mkdir -p "$RESULTS"
# npm ci when nothing is installed or the lock file is newer than the installation.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
exec node run.mjs "$@"
