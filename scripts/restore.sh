#!/usr/bin/env bash
# Restores a scripts/backup.sh dump into a NEW database; refuses to touch a database that already exists.
# The server comes from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass).
#
#   scripts/restore.sh DUMP NEW_DATABASE
#
# Point the portal at NEW_DATABASE (ConnectionStrings__TrainingNetwork) once it is checked; never restore over the
# live database.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 DUMP NEW_DATABASE" >&2
  exit 2
fi
dump=$1
database=$2
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$pg_bin/pg_restore" ] || pg_bin=$(dirname "$(command -v pg_restore)")

[ -r "$dump" ] || { echo "Cannot read $dump." >&2; exit 1; }
if ! [[ $database =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
  echo "Use a plain lower-case name for the new database (letters, digits, _): '$database'." >&2
  exit 1
fi
exists=$("$pg_bin/psql" --dbname=postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [ -n "$exists" ]; then
  echo "Database $database already exists: restore.sh only restores into a new database." >&2
  exit 1
fi

"$pg_bin/psql" --dbname=postgres -qc "CREATE DATABASE $database"
# One transaction: a restore that fails leaves an empty database, never a half-filled one.
"$pg_bin/pg_restore" --dbname="$database" --no-owner --single-transaction --exit-on-error "$dump"
echo "Restored $dump into $database."
