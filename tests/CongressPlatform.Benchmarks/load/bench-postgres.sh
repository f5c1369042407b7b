#!/usr/bin/env bash
# A PostgreSQL cluster for the load figures, configured as a server would be — unlike the CI's test cluster
# (fsync, synchronous_commit and full_page_writes off: it only holds throwaway test databases).
#
#   bash tests/CongressPlatform.Benchmarks/load/bench-postgres.sh [--port 5433] [--tls]
#
# Creates (once) the cluster <version>/bench on 127.0.0.1:PORT with the package's defaults (durable: fsync on,
# synchronous_commit on, full_page_writes on; ssl on with the distribution's certificate) plus max_connections = 200,
# a role `congress_bench` that may create databases, and writes the server's connection string to
# /tmp/congress_pg.txt, where the load scripts look for it. The string turns TLS off: the database is on this machine
# and reached over loopback, where encryption only costs CPU (--tls keeps Npgsql's default, TLS when the server offers
# it). Needs root (or sudo) and the postgresql package.
set -euo pipefail
PORT=5433
TLS=";SSL Mode=Disable"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --tls) TLS=""; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="bench" {found=1} END {exit !found}'; then
  $SUDO pg_createcluster --locale=C.UTF-8 --encoding=UTF8 -p "$PORT" "$VERSION" bench -- --auth-local=peer --auth-host=scram-sha-256 </dev/null >/dev/null
  printf "listen_addresses = '127.0.0.1'\nmax_connections = 200\n" | $SUDO tee "/etc/postgresql/$VERSION/bench/conf.d/90-congress-bench.conf" >/dev/null
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="bench" {print $3}')"
$SUDO pg_ctlcluster "$VERSION" bench start </dev/null >/dev/null 2>&1 || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 1; done
PASSWORD_FILE=/tmp/congress_bench_pg.password
[[ -s "$PASSWORD_FILE" ]] || (umask 077; openssl rand -hex 16 > "$PASSWORD_FILE")
PASSWORD="$(cat "$PASSWORD_FILE")"
as_postgres psql -q -p "$PORT" -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'congress_bench') THEN
    CREATE ROLE congress_bench LOGIN CREATEDB PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE congress_bench PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
echo "Host=127.0.0.1;Port=$PORT;Username=congress_bench;Password=$PASSWORD;Database=postgres$TLS" > /tmp/congress_pg.txt
echo "bench cluster $VERSION/bench on 127.0.0.1:$PORT: $(as_postgres psql -At -p "$PORT" -c "SELECT 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' full_page_writes=' || current_setting('full_page_writes') || ' ssl=' || current_setting('ssl')")"
