#!/usr/bin/env bash
# CongressPlatform — PostgreSQL backup: pg_dump custom format with a date stamp, old dumps pruned.
#
#   infra/postgres/backup.sh [DATABASE] [BACKUP_DIR] [RETENTION_DAYS]
#   defaults:                 congress   /var/backups/congress-platform   14
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass);
# run as the postgres OS user it uses the local socket. For a nightly cron / systemd timer, e.g.
#   15 2 * * *  postgres  /opt/congress-platform/infra/postgres/backup.sh congress /var/backups/congress-platform 30
set -euo pipefail

db="${1:-congress}"
dir="${2:-/var/backups/congress-platform}"
retention_days="${3:-14}"

if ! [[ "$retention_days" =~ ^[0-9]+$ ]] || [[ "$retention_days" -lt 1 ]]; then
  echo "retention days must be a positive integer, got '$retention_days'" >&2
  exit 2
fi

umask 077
mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="${dir}/${db}_${stamp}.dump"
tmp="${file}.partial"

echo "backing up database '${db}' to ${file}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$tmp" "$db"
# Prove the archive is readable before it replaces anything.
pg_restore --list "$tmp" >/dev/null
mv "$tmp" "$file"
echo "done: $(du -h "$file" | cut -f1)"

echo "removing dumps of '${db}' older than ${retention_days} days"
find "$dir" -maxdepth 1 -type f -name "${db}_*.dump" -mtime +"$((retention_days - 1))" -print -delete
find "$dir" -maxdepth 1 -type f -name "${db}_*.dump.partial" -mmin +720 -delete
