#!/usr/bin/env bash
# Backs up one database with pg_dump (custom format, compressed) to a timestamped file and proves the file is readable.
# The server comes from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass).
#
#   scripts/backup.sh [-o DIR] [DATABASE]      DATABASE defaults to $PGDATABASE, else trainingnetwork; DIR to ./backups
#
# Prints the path of the new file. The dump holds the Data Protection key ring and sign-in sessions as well as the
# records: keep backups encrypted and access-controlled (docs/reliability.md).
set -euo pipefail
out=./backups
while getopts o: opt; do
  case $opt in
    o) out=$OPTARG ;;
    *) echo "usage: $0 [-o DIR] [DATABASE]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
database=${1:-${PGDATABASE:-trainingnetwork}}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$pg_bin/pg_dump" ] || pg_bin=$(dirname "$(command -v pg_dump)")

mkdir -p "$out"
file="$out/$database-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under a temporary name: a dump that failed half-way must never look like a backup.
"$pg_bin/pg_dump" --format=custom --dbname="$database" --file="$file.partial"
"$pg_bin/pg_restore" --list "$file.partial" >/dev/null
mv "$file.partial" "$file"
echo "$file"
