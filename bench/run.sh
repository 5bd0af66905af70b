#!/usr/bin/env bash
# The performance run of docs/performance.md (issue 9): for each size (SIZES, default "N1 N10") a fresh database is
# generated (bench/DataGenerator), the portal is started in Production mode and its cold start timed, every physician is
# re-evaluated through the portal's own sweep (bench/Reevaluation), and the load harness (bench/LoadHarness) measures the
# main pages and the evaluate API against the bench-only ceiling app (bench/CeilingApp) in the same run. Results go to
# bench/results/<size>.md and .json. Runs as root on a developer machine (PostgreSQL as the postgres user), never in CI.
#
# Environment: SIZES, CONNECTIONS (32), DURATION (30 s per scenario), WARMUP (5 s), SCENARIOS (all), PG_BIN,
# BENCH_ARTIFACTS (build output, default /tmp/art-bench), KEEP_WORK=1 to keep the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/local-stack.sh
sizes=${SIZES:-N1 N10}
connections=${CONNECTIONS:-32}
duration=${DURATION:-30}
warmup=${WARMUP:-5}
scenarios=${SCENARIOS:-progress,case-submit,review-queue,center-dashboard,center-trainees,staff-dashboard,evaluate-api}
artifacts=${BENCH_ARTIFACTS:-/tmp/art-bench}
results=bench/results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ "$(id -u)" -eq 0 ] || { echo "Run as root: PostgreSQL is started as the postgres user (runuser)." >&2; exit 1; }
[ -x "$PG_BIN/pg_ctl" ] || { echo "No PostgreSQL server binaries in $PG_BIN (apt-get install postgresql-15)." >&2; exit 1; }

PORTAL_PID=""
CEILING_PID=""
stop_servers() {
  for pid in $PORTAL_PID $CEILING_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  PORTAL_PID=""
  CEILING_PID=""
}
cleanup() {
  stop_servers
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "Kept the cluster in $PG_DIR (port $PG_PORT)"; else pg_throwaway_stop; fi
}
trap cleanup EXIT

echo "== building (Release) into $artifacts"
for project in src/TrainingNetwork.Web bench/DataGenerator bench/Reevaluation bench/LoadHarness bench/CeilingApp; do
  dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet
done
bin=$artifacts/bin

pg_throwaway_start
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') in $PG_DIR on 127.0.0.1:$PG_PORT"
mkdir -p "$results"

for size in $sizes; do
  database="tn_$(echo "$size" | tr '[:upper:]' '[:lower:]')"
  connection="$PG_ADMIN;Database=$database"
  log=$PG_DIR/portal-$size.log
  echo "== $size: generating"
  dotnet "$bin/DataGenerator/release/DataGenerator.dll" --size "$size" --connection "$connection" | tee "$PG_DIR/generate-$size.txt"

  echo "== $size: cold start (process start to /health/ready, migrations checked)"
  port=$(free_port)
  started=$(date +%s%N)
  (
    cd src/TrainingNetwork.Web
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__TrainingNetwork="$connection" \
    Database__MigrateOnStartup=true Security__HttpsOnly=false Cases__PseudonymKey="Ym9uY2gtb25seSBwc2V1ZG9ueW0ga2V5IDMyIGJ5dGU=" \
    Email__PickupDirectory="$PG_DIR/mail" RateLimits__PublicApiPerMinute=100000000 RateLimits__AccountPostsPerMinute=100000000 \
    DOTNET_GCgen0size=0x1000000 exec dotnet "$bin/TrainingNetwork.Web/release/TrainingNetwork.Web.dll"
  ) >"$log" 2>&1 &
  PORTAL_PID=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  cold_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  echo "ready in $cold_ms ms"

  echo "== $size: waiting for the start-up sweep to evaluate every physician"
  until grep -q "Readiness sweep refreshed" "$log"; do sleep 1; done
  grep -o '"Count":[0-9]*' "$log" | head -1

  echo "== $size: re-evaluating every physician (portal's sweep, 3 runs)"
  dotnet "$bin/Reevaluation/release/Reevaluation.dll" --connection "$connection" --runs 3 | tee "$PG_DIR/reevaluate-$size.txt"

  ceiling_port=$(free_port)
  ConnectionStrings__Ceiling="$connection" dotnet "$bin/CeilingApp/release/CeilingApp.dll" --urls "http://127.0.0.1:$ceiling_port" \
    >"$PG_DIR/ceiling-$size.log" 2>&1 &
  CEILING_PID=$!
  until curl -fs "http://127.0.0.1:$ceiling_port/" >/dev/null 2>&1; do sleep 0.2; done

  echo "== $size: load ($connections connections, ${duration} s per scenario after ${warmup} s warm-up)"
  dotnet "$bin/LoadHarness/release/LoadHarness.dll" load --portal "http://127.0.0.1:$port" --ceiling "http://127.0.0.1:$ceiling_port" \
    --connection "$connection" --connections "$connections" --duration "$duration" --warmup "$warmup" --scenarios "$scenarios" \
    --server-pids "$PORTAL_PID" --ceiling-pid "$CEILING_PID" --label "$size" \
    --out "$results/$size.json" --markdown "$results/$size.md"
  {
    echo
    echo "Cold start to ready (migrations checked): $cold_ms ms"
    echo
    sed 's/^/    /' "$PG_DIR/reevaluate-$size.txt"
  } >>"$results/$size.md"
  stop_servers
done

echo "== results in $results/"
