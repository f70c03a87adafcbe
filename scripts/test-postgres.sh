#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on 127.0.0.1 for the tests, owned by a non-root user.
#
#   scripts/test-postgres.sh start   # prints the URL to export as DATACHAT_TEST_POSTGRES_URL
#   scripts/test-postgres.sh stop
#
# The cluster trusts local socket connections and asks for a password over TCP, as a real server
# would; datachat connects as the non-superuser role "datachat".
set -euo pipefail
action=${1:-start}
port=${DATACHAT_TEST_PG_PORT:-55432}
dir=${DATACHAT_TEST_PG_DIR:-/tmp/datachat-pg-$port}
password=datachat-test-password
url="postgresql://datachat:$password@127.0.0.1:$port/datachat_test"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "test-postgres: no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }

# The server refuses to run as root: run it as the postgres user the Debian package creates.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  if [ -f "$dir/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    echo "$url"
    exit 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  pwfile=$(mktemp)
  echo "$password" >"$pwfile"
  chmod 644 "$pwfile"
  as_owner "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
    { cat "$dir.initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  as_owner "$bin/psql" -h /tmp -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE datachat LOGIN CREATEDB PASSWORD '$password'" \
    -c "CREATE DATABASE datachat_test OWNER datachat" >/dev/null
  echo "$url"
  ;;
stop)
  if [ -f "$dir/PG_VERSION" ]; then
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$dir.initdb.log"
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
