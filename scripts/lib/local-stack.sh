# Sourced by scripts that run the portal on loopback against a PostgreSQL cluster of their own (security scan, fault
# test). Debian's PostgreSQL binaries refuse to run as root, so the server runs as the postgres user.
# pg_throwaway_start sets PG_DIR, PG_PORT and PG_ADMIN (admin connection string); pg_throwaway_stop removes the cluster;
# portal_start sets PORTAL_URL and PORTAL_PID.

PG_BIN="${PG_BIN:-$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1)")}"
LOCAL_STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pg_throwaway_start() {
  PG_DIR="$(mktemp -d /tmp/tn-pg.XXXXXX)"
  PG_PORT="$(free_port)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  pg_throwaway_ctl start
  PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
}

pg_throwaway_ctl() {  # pg_throwaway_ctl stop -m immediate | pg_throwaway_ctl start
  local action="$1"; shift
  if [ "$action" = start ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start "$@" >/dev/null
  else
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w "$action" "$@" >/dev/null
  fi
}

pg_throwaway_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

# Starts the built portal (DLL) in Development on a free loopback port against the database of CONNECTION (migrated and
# seeded with the demo network at start), with the account and API rate limits out of the way, and waits until it is
# ready. On failure prints the log and returns 1.
portal_start() {  # portal_start DLL CONNECTION LOGFILE
  local dll="$1" connection="$2" log="$3"
  PORTAL_URL="http://127.0.0.1:$(free_port)"
  (
    cd "$LOCAL_STACK_ROOT/src/TrainingNetwork.Web"
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$PORTAL_URL" ConnectionStrings__TrainingNetwork="$connection" \
    RateLimits__AccountPostsPerMinute=1000000 RateLimits__PublicApiPerMinute=1000000 \
      exec dotnet "$dll"
  ) >"$log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 180); do
    curl -fs "$PORTAL_URL/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    sleep 1
  done
  echo "The portal did not become ready; its log:" >&2
  cat "$log" >&2
  return 1
}
