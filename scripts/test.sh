#!/usr/bin/env bash
# Builds and tests the whole solution on a fresh machine: the README's test command and what CI runs.
# Tests start their own throwaway PostgreSQL (src/TrainingNetwork.Web/Setup/EmbeddedPostgres.cs) unless TN_TEST_PG
# holds an admin connection string to an existing server.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

t0=$SECONDS
step() { printf '\n=== [%4ss] %s\n' "$((SECONDS - t0))" "$*"; }

step "system packages (PostgreSQL server binaries, Chromium, DejaVu fonts)"
need=()
if [ -z "${TN_TEST_PG:-}" ] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && ! command -v initdb >/dev/null; then
  need+=(postgresql)
fi
[ -x "${TN_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
# The font of the attestation packet PDFs (docs/decisions/0008-pdf-packet.md).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # --no-upgrade: never touch packages that are already installed (e.g. an existing PostgreSQL).
    # Lock timeout: wait for another apt/dpkg run instead of failing at once.
    apt-get install -y --no-install-recommends --no-upgrade -o DPkg::Lock::Timeout=600 "${need[@]}"
  else
    echo "Missing system packages: ${need[*]}" >&2
    echo "Install them, then run this script again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    echo "(Debian/Ubuntu package names; Chromium is expected at /usr/bin/chromium.)" >&2
    exit 1
  fi
fi

step "dotnet tool restore"
dotnet tool restore

step "dotnet restore"
dotnet restore

step "dotnet build"
dotnet build --no-restore -warnaserror

step "migrations match the model"
dotnet ef migrations has-pending-model-changes --no-build --project src/TrainingNetwork.Web

if [ -n "${TN_TEST_PG:-}" ]; then pg="server from TN_TEST_PG"; else pg="embedded"; fi
step "dotnet test (PostgreSQL: $pg)"
rm -rf TestResults
rc=0
# Each test project writes its own .trx (timestamped name) into TestResults/.
dotnet test TrainingNetwork.sln --no-build --results-directory TestResults \
  --logger trx --logger "console;verbosity=normal" --blame-hang-timeout 10m || rc=$?

step "summary"
shopt -s nullglob
trx=(TestResults/*.trx)
read -r passed failed skipped total < <(
  { [ ${#trx[@]} -eq 0 ] || grep -ho '<Counters [^>]*>' "${trx[@]}" || true; } | awk '
    { for (i = 2; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/[^0-9]/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"], c["total"] }')
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  rc=1
elif [ "$failed" -gt 0 ] && [ "$rc" -eq 0 ]; then
  rc=1
fi
step "done (exit code $rc)"
exit "$rc"
