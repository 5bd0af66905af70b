#!/usr/bin/env bash
# sqlmap (Debian package) against the main forms, the search and filter parameters and the public API of a local
# instance on loopback: its own throwaway PostgreSQL, the demo network, signed-in cookies for the pages that need one.
# Prints one line per target and exits 1 if sqlmap reports any injectable parameter. Results: docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/local-stack.sh

command -v sqlmap >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 sqlmap >/dev/null; }
command -v sqlmap >/dev/null || { echo "sqlmap is missing: sudo apt-get install sqlmap" >&2; exit 1; }

work="$(mktemp -d /tmp/tn-scan.XXXXXX)"
PORTAL_PID=""
cleanup() { [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null; pg_throwaway_stop; }
trap cleanup EXIT

pg_throwaway_start
dotnet build src/TrainingNetwork.Web -c Release --artifacts-path "$work/build" -v quiet -nologo >/dev/null
portal_start "$work/build/bin/TrainingNetwork.Web/release/TrainingNetwork.Web.dll" "$PG_ADMIN;Database=trainingnetwork" "$work/app.log"
base="$PORTAL_URL"
echo "PostgreSQL on $PG_PORT, portal on $base, sqlmap $(sqlmap --version 2>/dev/null | tail -1)"

# Signs in through the real form (antiforgery token included) and prints the session cookie for sqlmap.
session_cookie() {
  local jar="$work/$1.jar" token
  token="$(curl -s -c "$jar" -b "$jar" "$base/Identity/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=demo-network-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login"
  awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$jar"
}
staff="$(session_cookie staff@trainingnetwork.test)"
admin="$(session_cookie admin@trainingnetwork.test)"
trainee="$(session_cookie trainee14@trainingnetwork.test)"

findings=0
failures=0
scan() {  # scan NAME sqlmap-arguments...
  local name="$1"; shift
  local out="$work/sqlmap-$name"
  sqlmap --batch --level=2 --risk=1 --technique=BEU --random-agent --disable-coloring \
    --output-dir="$out" "$@" >"$out.log" 2>&1 || true
  if grep -qE "is vulnerable|sqlmap identified the following injection" "$out.log"; then
    findings=$((findings + 1)); echo "INJECTABLE  $name"; grep -E "Parameter:|Type:" "$out.log" | sed 's/^/    /'
  else
    local tested; tested="$(grep -cE "testing '" "$out.log" || true)"
    if [ "$tested" -eq 0 ]; then
      failures=$((failures + 1)); echo "NOT RUN     $name (see $out.log)"
    else
      echo "clean       $name ($tested injection tests, $(grep -cE "does not seem to be injectable|not injectable" "$out.log") parameter verdicts: not injectable)"
    fi
  fi
}

scan login-form -u "$base/Identity/Account/Login" --data "Input.Email=a@b.test&Input.Password=x&__RequestVerificationToken=t" \
  -p "Input.Email,Input.Password" --csrf-token=__RequestVerificationToken --csrf-url="$base/Identity/Account/Login"
scan registration-form -u "$base/Identity/Account/Register" \
  --data "Input.FullName=A&Input.Email=a@b.test&Input.Password=x&Input.ConfirmPassword=x&Input.Specialty=RO&Input.PracticeState=TX&__RequestVerificationToken=t" \
  -p "Input.FullName,Input.Email,Input.Specialty,Input.PracticeState" --csrf-token=__RequestVerificationToken --csrf-url="$base/Identity/Account/Register"
scan forgot-password -u "$base/Identity/Account/ForgotPassword" --data "Input.Email=a@b.test&__RequestVerificationToken=t" \
  -p "Input.Email" --csrf-token=__RequestVerificationToken --csrf-url="$base/Identity/Account/ForgotPassword"
scan verify-code -u "$base/Verify?code=ABCDEFGHJKMN" -p code
scan centers-search -u "$base/Centers?q=gate&state=TX&region=South&therapy=Lu&open=true" -p "q,state,region,therapy" --cookie="$trainee"
scan network-dashboard -u "$base/Network?state=TX" --cookie="$staff"
scan verification-search -u "$base/Network/Verification?q=smith&center=gateway" -p "q,center" --cookie="$staff"
scan audit-filters -u "$base/Network/Audit?kind=CaseApproved&subject=case&actor=staff&from=2026-01-01&to=2026-12-31" \
  -p "kind,subject,actor,from,to" --cookie="$staff"
scan accounts-search -u "$base/Admin?q=preceptor&role=Preceptor" -p "q,role" --cookie="$admin"
scan readiness-api -u "$base/api/v1/readiness/evaluate" --method POST --headers="Content-Type: application/json" \
  --data "$(tr -d '\n' < docs/spec/examples/S01-baseline-qualified.record.json)"

echo
if [ "$findings" -gt 0 ]; then echo "sqlmap found $findings injectable target(s)"; exit 1; fi
if [ "$failures" -gt 0 ]; then echo "sqlmap could not scan $failures target(s)"; exit 2; fi
echo "sqlmap: no injectable parameter in any target"
