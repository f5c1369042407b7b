#!/usr/bin/env bash
# CongressPlatform — restore a dump made by backup.sh into a named database.
#
#   infra/postgres/restore.sh DUMP_FILE TARGET_DATABASE [--owner ROLE] --yes-drop-and-restore
#
# Drops TARGET_DATABASE if it exists, creates it again (UTF8, owned by ROLE, default `congress`) and
# restores the dump into it. Without --yes-drop-and-restore it only says what it would do.
# Stop the host first (systemctl stop congress-platform) when restoring the live database.
# Connection: libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); the user needs CREATEDB
# (or run it as the postgres OS user).
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

dump="" target="" owner="congress" confirmed=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --yes-drop-and-restore) confirmed=true ;;
    --owner) owner="${2:?--owner needs a role}"; shift ;;
    -h|--help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) if [[ -z "$dump" ]]; then dump="$1"; elif [[ -z "$target" ]]; then target="$1"; else usage; fi ;;
  esac
  shift
done
[[ -n "$dump" && -n "$target" ]] || usage
[[ -r "$dump" ]] || { echo "cannot read dump file $dump" >&2; exit 1; }
[[ "$target" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "database name must be a plain identifier: $target" >&2; exit 1; }
[[ "$owner" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "role name must be a plain identifier: $owner" >&2; exit 1; }

pg_restore --list "$dump" >/dev/null   # fails early on a broken or non-custom-format file

if ! $confirmed; then
  echo "would DROP database '${target}', create it again owned by '${owner}' and restore ${dump} into it."
  echo "re-run with --yes-drop-and-restore to do it."
  exit 1
fi

echo "dropping and recreating database '${target}'"
psql -X -v ON_ERROR_STOP=1 -d postgres <<SQL
DROP DATABASE IF EXISTS "${target}" WITH (FORCE);
CREATE DATABASE "${target}" OWNER "${owner}" ENCODING 'UTF8' TEMPLATE template0;
SQL

echo "restoring ${dump} into '${target}'"
pg_restore --exit-on-error --no-owner --role="${owner}" --dbname="$target" "$dump"
# --no-owner restores objects as the connecting role; hand the module schemas back to the owner.
psql -X -v ON_ERROR_STOP=1 -d "$target" -q <<SQL
DO \$\$
DECLARE s record;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public') LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s.nspname, '${owner}');
  END LOOP;
END
\$\$;
SQL
echo "done"
