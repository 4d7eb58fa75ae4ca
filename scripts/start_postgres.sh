#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the store tests and print its URL.
# Installs Debian's postgresql when it is missing (needs root, as in CI). Idempotent.
set -euo pipefail
PORT=${WIREWATCH_PG_PORT:-54329}
DATA=${WIREWATCH_PG_DATA:-/tmp/wirewatch-pg}
DB=wirewatch_test

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if ! as_pg "$BIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_pg "$BIN/initdb -D $DATA -A trust -U postgres" >/dev/null
  as_pg "$BIN/pg_ctl -D $DATA -w -l $DATA/server.log -o \"-h 127.0.0.1 -p $PORT -k $DATA\" start" >&2
fi
if ! as_pg "psql -h 127.0.0.1 -p $PORT -U postgres -Atc \"select 1 from pg_database where datname = '$DB'\"" | grep -q 1; then
  as_pg "createdb -h 127.0.0.1 -p $PORT -U postgres $DB"
fi
echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
