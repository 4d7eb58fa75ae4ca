#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the store tests and print its URL.
# Installs Debian's postgresql when it is missing (needs root, as in CI). Idempotent.
# stop_postgres.sh stops it; with_postgres.sh runs a command between the two.
set -euo pipefail
source "$(dirname "$0")/postgres_env.sh"

if [ -z "$(pg_bin)" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN=$(pg_bin)

if ! pg_running; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_pg "$BIN/initdb -D $DATA -A trust -U postgres" >/dev/null
  as_pg "$BIN/pg_ctl -D $DATA -w -l $DATA/server.log -o \"-h 127.0.0.1 -p $PORT -k $DATA\" start" >&2
fi
if ! as_pg "psql -h 127.0.0.1 -p $PORT -U postgres -Atc \"select 1 from pg_database where datname = '$DB'\"" | grep -q 1; then
  as_pg "createdb -h 127.0.0.1 -p $PORT -U postgres $DB"
fi
echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
