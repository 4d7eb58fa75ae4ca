#!/usr/bin/env bash
# Stop the throw-away PostgreSQL server that start_postgres.sh started; nothing if none runs.
set -euo pipefail
source "$(dirname "$0")/postgres_env.sh"

if pg_running; then
  as_pg "$(pg_bin)/pg_ctl -D $DATA -w -m fast stop" >&2
fi
