# Where the throw-away PostgreSQL server of the tests lives, and how to reach its tools.
# Sourced by start_postgres.sh, stop_postgres.sh and with_postgres.sh; not run on its own.
PORT=${WIREWATCH_PG_PORT:-54329}
DATA=${WIREWATCH_PG_DATA:-/tmp/wirewatch-pg}
DB=wirewatch_test

# The newest installed server's binaries (empty when none is installed).
pg_bin() { compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1; }
# Run as the postgres user when root (the server refuses to run as root).
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
# Whether the server of $DATA is running.
pg_running() {
  local bin
  bin=$(pg_bin)
  [ -n "$bin" ] && as_pg "$bin/pg_ctl -D $DATA status" >/dev/null 2>&1
}
