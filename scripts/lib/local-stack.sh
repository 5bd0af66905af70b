# Sourced by scripts that need a PostgreSQL cluster of their own on loopback (security scan, fault test, backup check).
# Debian's PostgreSQL 15 binaries refuse to run as root, so the server runs as the postgres user.
# Sets PG_BIN, PG_DIR, PG_PORT, PG_ADMIN (admin connection string); pg_throwaway_stop removes the cluster.

PG_BIN="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1)")"

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
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
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
