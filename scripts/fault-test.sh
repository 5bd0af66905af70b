#!/usr/bin/env bash
# Fault-injection run for requirement 42 (docs/reliability.md, "Fault-injection run"). Runs on a developer machine as
# root, never in CI: starts a private PostgreSQL 15 cluster and the portal on loopback ports, lets the ledger client
# (bench/FaultTest) log cases as six demo trainees while PostgreSQL is stopped (-m immediate, later -m fast) and started
# again, retries every unacknowledged form once and checks the database against the ledger; then backs the filled
# database up and restores it (backup-restore-check.sh). Both reports go into docs/reliability.md. Exit code 0 when
# every check passed.
#
# Environment: FAULT_DURATION (seconds of load, default 160), FAULT_SCHEDULE (default
# 40:stop-immediate,70:start,100:stop-fast,120:start), PG_BIN (default: the newest /usr/lib/postgresql/*/bin),
# FAULT_ARTIFACTS (build output, default /tmp/art-fault-test), KEEP_WORK=1 to keep the cluster and logs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/local-stack.sh
duration=${FAULT_DURATION:-160}
schedule=${FAULT_SCHEDULE:-40:stop-immediate,70:start,100:stop-fast,120:start}
artifacts=${FAULT_ARTIFACTS:-/tmp/art-fault-test}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root: PostgreSQL is started as the postgres user (runuser)." >&2
  exit 1
fi
[ -x "$PG_BIN/pg_ctl" ] || { echo "No PostgreSQL server binaries in $PG_BIN (apt-get install postgresql-15)." >&2; exit 1; }

work=$(mktemp -d /tmp/tn-fault.XXXXXX)
PORTAL_PID=""
cleanup() {
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then
    pg_throwaway_ctl stop -m immediate 2>/dev/null || true
    echo "Kept $work and the cluster in $PG_DIR"
  else
    pg_throwaway_stop
    rm -rf "$work"
  fi
}
trap cleanup EXIT

pg_throwaway_start
echo "== PostgreSQL cluster in $PG_DIR on 127.0.0.1:$PG_PORT"
# The one way the client stops and starts the cluster.
cat > "$work/pg-control.sh" <<CONTROL
#!/usr/bin/env bash
set -euo pipefail
source "$PWD/scripts/lib/local-stack.sh"
PG_DIR="$PG_DIR"
PG_PORT="$PG_PORT"
case "\$1" in
  stop-immediate) pg_throwaway_ctl stop -m immediate ;;
  stop-fast) pg_throwaway_ctl stop -m fast ;;
  start) pg_throwaway_ctl start ;;
  *) echo "usage: \$0 stop-immediate|stop-fast|start" >&2; exit 2 ;;
esac
CONTROL
connection="$PG_ADMIN;Database=trainingnetwork"

echo "== building the portal and the ledger client (Release)"
dotnet build bench/FaultTest -c Release --artifacts-path "$artifacts" -nologo -v quiet
client_dll=$artifacts/bin/FaultTest/release/FaultTest.dll

echo "== portal (migrates and seeds the demo network)"
portal_start "$artifacts/bin/TrainingNetwork.Web/release/TrainingNetwork.Web.dll" "$connection" "$work/app.log"
echo "   $PORTAL_URL"

echo "== ledger run: $duration s, faults $schedule"
rc=0
dotnet "$client_dll" --base-url "$PORTAL_URL" --database "$connection" --pg-control "$work/pg-control.sh" \
  --duration "$duration" --faults "$schedule" --report "$work/report.md" || rc=$?

{
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $("$PG_BIN/postgres" --version); .NET $(dotnet --version)." \
    "Portal log during the run: $(grep -c 'Database unavailable' "$work/app.log" || true) 'Database unavailable' warnings," \
    "$(grep -c ' ERR\]' "$work/app.log" || true) error events, $(grep -cE '^\s+at ' "$work/app.log" || true) stack-trace lines."
} >>"$work/report.md"

echo "== backup-restore check of the database the run filled"
check_rc=0
PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres scripts/backup-restore-check.sh trainingnetwork \
  >"$work/backup-check.md" || check_rc=$?
cat "$work/backup-check.md"

# Each report replaces the one between its markers in docs/reliability.md.
replace_block() {
  awk -v name="$1" -v report="$2" '
    $0 == "<!-- " name ":start -->" { print; while ((getline line < report) > 0) print line; skipping = 1; next }
    $0 == "<!-- " name ":end -->" { skipping = 0 }
    !skipping { print }
  ' docs/reliability.md >"$work/reliability.md"
  cp "$work/reliability.md" docs/reliability.md
}
replace_block fault-test-report "$work/report.md"
replace_block backup-check-report "$work/backup-check.md"
echo "== reports written to docs/reliability.md (ledger exit code $rc, backup check exit code $check_rc)"
[ "$rc" -eq 0 ] && [ "$check_rc" -eq 0 ]
