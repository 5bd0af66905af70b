#!/usr/bin/env bash
# Scale-out run for issue 9 (docs/performance.md, "Scale-out"). Runs on a developer machine as root, never in CI, never
# with Docker: a private PostgreSQL cluster with a generated network, two portal instances in Production mode on one
# database, and nginx (Debian package, own config, loopback) in front of them. Checks that
#   1. a case submitted on one instance is reviewed on the other (LoadHarness cycle: cookies and antiforgery tokens
#      cross instances),
#   2. a load run through nginx spreads over both instances, and when one is killed (SIGKILL) in the middle of the
#      case-submit scenario the other keeps serving and every acknowledged case is in the database.
# Prints a summary and writes it to bench/results/scale-out-<size>.md. Exit code 0 when the cycle passed, nothing
# acknowledged was lost and the survivor served (no errors beyond the killed instance's requests in flight).
#
# Environment: SIZE (N1 or N10, default N1), SCALE_DURATION (measured seconds per scenario, default 40), SCALE_KILL_AFTER
# (seconds into case-submit's measured window, default half of it), SCALE_CONNECTIONS (default 32), SCALE_ARTIFACTS
# (build output, default /tmp/art-scale-out), PG_BIN (default: the newest /usr/lib/postgresql/*/bin), KEEP_WORK=1 to keep
# the work directory (logs, nginx config) and the stopped cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/local-stack.sh
size=${SIZE:-N1}
duration=${SCALE_DURATION:-40}
kill_after=${SCALE_KILL_AFTER:-$((duration / 2))}
connections=${SCALE_CONNECTIONS:-32}
artifacts=${SCALE_ARTIFACTS:-/tmp/art-scale-out}
# A fixed bench-only key (never a production one): the generated network's pseudonym tokens stay comparable across runs.
pseudonym_key="wCwp8KI/VRMOHhmWhHEspZxwtq5FQOBZYDj+tp2jWvE="
scenarios=progress,case-submit,review-queue
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root: PostgreSQL is started as the postgres user (runuser) and nginx may need installing." >&2
  exit 1
fi
[ -x "$PG_BIN/pg_ctl" ] || { echo "No PostgreSQL server binaries in $PG_BIN (apt-get install postgresql-15)." >&2; exit 1; }
if ! command -v nginx >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # --no-upgrade: never touch packages that are already installed. The package's own service is not used.
  apt-get install -y --no-install-recommends --no-upgrade -o DPkg::Lock::Timeout=600 nginx
fi

work=$(mktemp -d /tmp/tn-scale-out.XXXXXX)
# nginx's workers run as www-data and write their temporary files under the work directory.
chmod 755 "$work"
# Background processes are disowned (no "Killed" job notice when the harness kills an instance); cleanup stops each
# one and waits up to 10 s for it to go.
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ "${KEEP_WORK:-0}" = 1 ]; then
    [ -z "${PG_DIR:-}" ] || pg_throwaway_ctl stop -m immediate 2>/dev/null || true
    echo "Kept $work and the stopped cluster in ${PG_DIR:-}"
  else
    pg_throwaway_stop
    # The harness keeps the authenticator keys it enrolled per database (LoadHarness/AuthenticatorKeys.cs); this one is gone.
    rm -rf "$work" "${TMPDIR:-/tmp}/tn-bench-authenticator-keys-127.0.0.1-${PG_PORT:-none}-scaleout.tsv"
  fi
}
trap cleanup EXIT

echo "== building the portal, the data generator and the load harness (Release, $artifacts)"
for project in src/TrainingNetwork.Web bench/DataGenerator bench/LoadHarness; do
  dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet
done
portal_dll=$artifacts/bin/TrainingNetwork.Web/release/TrainingNetwork.Web.dll
harness_dll=$artifacts/bin/LoadHarness/release/LoadHarness.dll

pg_throwaway_start
connection="$PG_ADMIN;Database=scaleout"
echo "== PostgreSQL cluster in $PG_DIR on 127.0.0.1:$PG_PORT; generating $size"
dotnet "$artifacts/bin/DataGenerator/release/DataGenerator.dll" --size "$size" --connection "$connection" | tail -3

# instance_start NAME: starts one portal instance in Production mode on a free loopback port; sets URL_<NAME>, PID_<NAME>.
instance_start() {
  local name="$1" url
  url="http://127.0.0.1:$(free_port)"
  (
    cd src/TrainingNetwork.Web
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" Database__MigrateOnStartup=true Security__HttpsOnly=false \
    Cases__PseudonymKey="$pseudonym_key" RateLimits__PublicApiPerMinute=100000000 RateLimits__AccountPostsPerMinute=100000000 \
    ConnectionStrings__TrainingNetwork="$connection" Email__PickupDirectory="$work/mail" DOTNET_GCgen0size=0x1000000 \
      exec dotnet "$portal_dll"
  ) >"$work/instance-$name.log" 2>&1 &
  pids+=($!)
  disown "$!"
  printf -v "URL_$name" '%s' "$url"
  printf -v "PID_$name" '%s' "$!"
}

instance_ready() {  # instance_ready NAME
  local url="URL_$1" pid="PID_$1"
  for _ in $(seq 120); do
    curl -fs "${!url}/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${!pid}" 2>/dev/null || break
    sleep 1
  done
  echo "Instance $1 did not become ready; its log:" >&2
  cat "$work/instance-$1.log" >&2
  return 1
}

echo "== two portal instances (Production) on one database"
instance_start A
instance_start B
instance_ready A
instance_ready B
echo "   A: $URL_A (pid $PID_A)   B: $URL_B (pid $PID_B)"

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<NGINX
# Written by bench/scale-out.sh; the system's nginx configuration is not read.
daemon off;
user www-data;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $work/nginx/client_body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  # The last address in \$upstream_addr is the instance that answered (earlier ones failed and were skipped).
  log_format scaleout '\$msec \$status "\$upstream_addr" "\$upstream_status" \$request_method \$uri';
  access_log $work/nginx-access.log scaleout;
  upstream portal {
    server ${URL_A#http://} max_fails=1 fail_timeout=10s;
    server ${URL_B#http://} max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    # The portal's largest request limit (document uploads: 10 MB and the form); nginx's default of 1 MB would refuse them first.
    client_max_body_size 11m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A request the dead instance never received goes to the other one; a POST it already received is not resent
      # (nginx never retries non-idempotent requests), so the client sees 502 and does not count it as acknowledged.
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
    }
  }
}
NGINX
nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
disown "$!"
nginx_url="http://127.0.0.1:$nginx_port"
for _ in $(seq 20); do curl -fs "$nginx_url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
echo "== nginx $nginx_url round-robin over A and B"

echo "== case cycle across the instances"
cycle_rc=0
dotnet "$harness_dll" cycle --portal "$URL_A,$URL_B" --connection "$connection" | tee "$work/cycle.txt" || cycle_rc=$?

echo "== load through nginx ($scenarios, $duration s each, $connections connections); instance A killed $kill_after s into case-submit"
load_rc=0
dotnet "$harness_dll" load --portal "$nginx_url" --connection "$connection" --scenarios "$scenarios" \
  --duration "$duration" --warmup 5 --connections "$connections" --label "$size scale-out" \
  --server-pids "$PID_A,$PID_B" --kill-after "case-submit:$kill_after:$PID_A" --tolerate-status 502 \
  --out "$work/load.json" --markdown "$work/load.md" >/dev/null || load_rc=$?

mkdir -p bench/results
result=bench/results/scale-out-$size.md
summary_rc=0
python3 - "$work/load.json" "$work/nginx-access.log" "${URL_A#http://}" "${URL_B#http://}" "$cycle_rc" "$load_rc" \
  >"$work/summary.md" <<'PYTHON' || summary_rc=$?
import json, sys
from collections import Counter

report_path, log_path, addr_a, addr_b, cycle_rc, load_rc = sys.argv[1:]
names = {addr_a: "A", addr_b: "B"}
report = json.load(open(report_path))
lines = []
for line in open(log_path):
    msec, status, upstreams, _upstream_statuses, method, uri = line.split(" ", 5)
    served_by = upstreams.strip('"').split(", ")[-1]
    lines.append((float(msec) * 1000, int(status), names.get(served_by, served_by), method, uri.strip()))

def served(start, end):
    return Counter(who for at, status, who, *_ in lines if start <= at < end and status < 500)

def counts(counter):
    return ", ".join(f"{name} {counter.get(name, 0):,}" for name in ("A", "B"))

out = ["| Scenario | Requests through nginx per instance (answers below 500) |", "|---|---|"]
killed_at = None
for s in report["scenarios"]:
    window = s["window"]
    start, end = window["startedAtUnixMs"], window["endedAtUnixMs"]
    if window.get("killedAtUnixMs"):
        killed_at = window["killedAtUnixMs"]
        before, after = served(start, killed_at), served(killed_at, end)
        out.append(f"| {s['scenario']} | before the kill: {counts(before)}; after: {counts(after)} |")
        errors_near = Counter(status for at, status, *_ in lines if killed_at - 5000 <= at < killed_at + 15000 and status >= 500)
        tolerated, errors = s["tolerated"], s["errors"]
    else:
        out.append(f"| {s['scenario']} | {counts(served(start, end))} |")

if killed_at is None:
    print("The harness did not kill instance A (see its output).")
    sys.exit(1)
survivor_after_kill = served(killed_at, float("inf")).get("B", 0)
errors_after = Counter(status for at, status, *_ in lines if at >= killed_at and status >= 500)
writes = report["caseWrites"]
cycle_ok, harness_errors = cycle_rc == "0", sum(s["errors"] for s in report["scenarios"])
survived = survivor_after_kill > 0 and harness_errors == 0
passed = cycle_ok and writes["acknowledged"] > 0 and writes["lost"] == 0 and survived
print(f"- Cycle across instances (submit on A, review on B): {'OK' if cycle_ok else 'FAILED'}")
print(f"- Instance A killed (SIGKILL) in the middle of case-submit; answers of 500 and above through nginx from 5 s before to 15 s after: "
      f"{', '.join(f'{k} x{v}' for k, v in sorted(errors_near.items())) or 'none'} "
      f"(harness: {tolerated} tolerated 502, {errors} errors); after the kill in all: "
      f"{', '.join(f'{k} x{v}' for k, v in sorted(errors_after.items())) or 'none'}")
print(f"- Survivor B after the kill: {survivor_after_kill:,} requests answered; harness errors (not tolerated) in the whole run: {harness_errors}")
print(f"- case-submit writes: {writes['acknowledged']:,} acknowledged, {writes['found']:,} found in the database, {writes['lost']:,} lost; "
      f"{writes['savedUnacknowledged']:,} saved whose answer was cut off by the kill (not lost, unconfirmed)")
print(f"- Result: {'PASS' if passed else 'FAIL'}")
print()
print("\n".join(out))
sys.exit(0 if passed else 1)
PYTHON

{
  echo "## Scale-out run $size ($(date -u '+%Y-%m-%d %H:%M') UTC)"
  echo
  echo "Two portal instances (Production mode) on one PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), behind" \
    "nginx $(nginx -v 2>&1 | sed 's|.*nginx/||') round-robin on loopback; $(nproc) cores; .NET $(dotnet --version); bench/scale-out.sh."
  echo
  cat "$work/summary.md"
  echo
  echo "Instance logs: A $(grep -c '"@l":"Error"' "$work/instance-A.log" || true) error events, B $(grep -c '"@l":"Error"' "$work/instance-B.log" || true)" \
    "error events; nginx error log: $(grep -c 'connect() failed\|upstream prematurely closed\|recv() failed' "$work/nginx-error.log" || true) upstream failures logged."
  echo
  echo "### Case cycle"
  echo
  echo '```'
  cat "$work/cycle.txt"
  echo '```'
  echo
  sed 's/^### /#### /' "$work/load.md"
} >"$result"
echo
cat "$result"
echo "== written to $result (cycle exit code $cycle_rc, load exit code $load_rc)"
[ "$summary_rc" -eq 0 ]
