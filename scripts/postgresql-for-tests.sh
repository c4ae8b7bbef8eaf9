#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests that run on PostgreSQL as well as SQLite (KIOSK_TEST_POSTGRESQL).
#
#   url=$(bash scripts/postgresql-for-tests.sh start)   # prints the admin JDBC URL; the cluster's folder is in it
#   KIOSK_TEST_POSTGRESQL="$url" mvn -B verify
#   bash scripts/postgresql-for-tests.sh stop "$url"
#
# Needs Debian's postgresql package (initdb, pg_ctl). The cluster lives in a new folder under /tmp, listens on a free
# loopback port only, trusts local connections and runs with fsync off: for tests, never for data. Run as root, it
# runs the server as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgresql-for-tests: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 2
fi
as_owner() { # run a server command as the cluster's owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/kiosk-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=""
    for p in $(seq 54320 54420); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
    done
    [ -n "$port" ] || { echo "postgresql-for-tests: no free port in 54320-54420" >&2; exit 2; }
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 2; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 2; }
    echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres&ApplicationName=kiosk-tests#$dir"
    ;;
  stop)
    url="${2:?usage: stop URL}"
    dir="${url##*#}"
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    ;;
  *)
    echo "usage: $0 start | stop URL" >&2
    exit 2
    ;;
esac
