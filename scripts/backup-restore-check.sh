#!/usr/bin/env bash
# Proves a backup restores: backs DATABASE up with backup.sh, restores it into a new database with restore.sh, and
# compares the row count of every table and the audit chain's head (last sequence and hash). Prints PASS or FAIL and
# the times taken; exit code 0 on PASS. The restored copy is dropped afterwards unless KEEP_RESTORED=1.
# The server comes from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass); scripts/fault-test.sh
# runs this against the database its run filled.
#
#   scripts/backup-restore-check.sh [DATABASE]     DATABASE defaults to $PGDATABASE, else trainingnetwork
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:-${PGDATABASE:-trainingnetwork}}
restored="${database}_check_$(date -u +%Y%m%d%H%M%S)"
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$pg_bin/psql" ] || pg_bin=$(dirname "$(command -v psql)")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

query() { "$pg_bin/psql" --dbname="$1" -AtXc "$2"; }
# Every table of the public schema with its exact row count, one "table count" per line.
counts() {
  local table
  for table in $(query "$1" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"); do
    echo "$table $(query "$1" "SELECT count(*) FROM public.\"$table\"")"
  done
}
audit_head() { query "$1" "SELECT coalesce(max(sequence), 0) || ' ' || coalesce((SELECT hash FROM audit_entries ORDER BY sequence DESC LIMIT 1), '-') FROM audit_entries"; }

start=$SECONDS
dump=$(scripts/backup.sh -o "$out" "$database")
backup_seconds=$((SECONDS - start))
start=$SECONDS
PG_BIN=$pg_bin scripts/restore.sh "$dump" "$restored" >/dev/null
restore_seconds=$((SECONDS - start))

counts "$database" >"$out/source.txt"
counts "$restored" >"$out/restored.txt"
source_head=$(audit_head "$database")
restored_head=$(audit_head "$restored")
[ "${KEEP_RESTORED:-0}" = 1 ] || "$pg_bin/psql" --dbname=postgres -qc "DROP DATABASE $restored"

verdict=PASS
differences=$(diff "$out/source.txt" "$out/restored.txt" || true)
[ -z "$differences" ] && [ "$source_head" = "$restored_head" ] || verdict=FAIL
echo "Backup-restore check of $database: $verdict"
echo
echo "| Figure | Value |"
echo "|---|---|"
echo "| Dump size | $(du -h "$dump" | cut -f1) ($(basename "$dump")) |"
echo "| Backup time / restore time | ${backup_seconds} s / ${restore_seconds} s |"
echo "| Tables compared | $(wc -l <"$out/source.txt"), $(awk '{ rows += $2 } END { print rows }' "$out/source.txt") rows |"
echo "| Largest tables (rows) | $(sort -k2 -nr "$out/source.txt" | head -4 | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }') |"
echo "| Audit chain head, source | ${source_head% *}: ${source_head#* } |"
echo "| Audit chain head, restored | ${restored_head% *}: ${restored_head#* } |"
if [ -n "$differences" ]; then
  echo
  echo "Row counts that differ (< source, > restored):"
  echo "$differences"
fi
[ "$verdict" = PASS ]
