#!/usr/bin/env bash
# Fault-injection run for requirement 42 (docs/reliability.md, "Fault-injection run"). Runs on a developer machine as
# root, never in CI: starts a private PostgreSQL 15 cluster and the portal on loopback ports, lets the ledger client
# (bench/FaultTest) log cases as six demo trainees while PostgreSQL is stopped (-m immediate, later -m fast) and started
# again, retries every unacknowledged form once and checks the database against the ledger; then backs the filled
# database up and restores it (backup-restore-check.sh). Both reports go into docs/reliability.md. Exit code 0 when
# every check passed.
#
# Environment: FAULT_DURATION (seconds of load, default 160), FAULT_SCHEDULE (default
# 40:stop-immediate,70:start,100:stop-fast,120:start), PG_BIN (default /usr/lib/postgresql/15/bin),
# FAULT_ARTIFACTS (build output, default /tmp/art-fault-test), KEEP_WORK=1 to keep the cluster and logs.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${FAULT_DURATION:-160}
schedule=${FAULT_SCHEDULE:-40:stop-immediate,70:start,100:stop-fast,120:start}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
artifacts=${FAULT_ARTIFACTS:-/tmp/art-fault-test}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root: PostgreSQL is started as the postgres user (runuser)." >&2
  exit 1
fi
[ -x "$pg_bin/pg_ctl" ] || { echo "No PostgreSQL server binaries in $pg_bin (apt-get install postgresql-15)." >&2; exit 1; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

work=$(mktemp -d /tmp/tn-fault.XXXXXX)
chmod 755 "$work"
mkdir "$work/pg"
chown postgres: "$work/pg"
pg_port=$(free_port)
app_port=$(free_port)
app_pid=""

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The one way the client stops and starts the cluster.
cat > "$work/pg-control.sh" <<CONTROL
#!/usr/bin/env bash
set -euo pipefail
pg_ctl() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" "\$@" >/dev/null; }
case "\$1" in
  stop-immediate) pg_ctl -m immediate -w stop ;;
  stop-fast) pg_ctl -m fast -w stop ;;
  start) pg_ctl -l "$work/pg/postgres.log" -w -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg" start ;;
  *) echo "usage: \$0 stop-immediate|stop-fast|start" >&2; exit 2 ;;
esac
CONTROL

echo "== PostgreSQL 15 cluster in $work/pg on 127.0.0.1:$pg_port"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
bash "$work/pg-control.sh" start
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE trainingnetwork"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=trainingnetwork"

echo "== building the portal and the ledger client (Release)"
dotnet build bench/FaultTest -c Release --artifacts-path "$artifacts" -nologo -v quiet
app_dll=$artifacts/bin/TrainingNetwork.Web/release/TrainingNetwork.Web.dll
client_dll=$artifacts/bin/FaultTest/release/FaultTest.dll

echo "== portal on http://127.0.0.1:$app_port (migrates and seeds the demo network)"
(
  cd src/TrainingNetwork.Web
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
  ConnectionStrings__TrainingNetwork="$connection" DemoData__Seed=true Database__MigrateOnStartup=true \
  RateLimits__AccountPostsPerMinute=1000000 RateLimits__PublicApiPerMinute=1000000 \
    exec dotnet "$app_dll"
) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 180); do
  curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done

echo "== ledger run: $duration s, faults $schedule"
rc=0
dotnet "$client_dll" --base-url "http://127.0.0.1:$app_port" --database "$connection" --pg-control "$work/pg-control.sh" \
  --duration "$duration" --faults "$schedule" --report "$work/report.md" || rc=$?

{
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $("$pg_bin/postgres" --version); .NET $(dotnet --version)." \
    "Portal log during the run: $(grep -c 'Database unavailable' "$work/app.log" || true) 'Database unavailable' warnings," \
    "$(grep -c ' ERR\]' "$work/app.log" || true) error events, $(grep -cE '^\s+at ' "$work/app.log" || true) stack-trace lines."
} >>"$work/report.md"

echo "== backup-restore check of the database the run filled"
check_rc=0
PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PG_BIN=$pg_bin scripts/backup-restore-check.sh trainingnetwork \
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
