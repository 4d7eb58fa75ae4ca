#!/usr/bin/env bash
# Run a command with WIREWATCH_TEST_POSTGRES set to the URL of a throw-away PostgreSQL server,
# then stop that server if this script started it (one that was already running is left
# running). Exits with the command's status, also when it fails or is interrupted.
set -euo pipefail
here=$(dirname "$0")
source "$here/postgres_env.sh"

started=0
pg_running || started=1
url=$("$here/start_postgres.sh")
finish() {
  local status=$?
  if [ "$started" = 1 ]; then "$here/stop_postgres.sh" || true; fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
WIREWATCH_TEST_POSTGRES="$url" "$@"
