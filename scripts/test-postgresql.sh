#!/bin/sh
# Runs the server tests (tests/org.outpost.server.tests) on a real PostgreSQL instead of the embedded
# HSQLDB: starts a private cluster on 127.0.0.1 in a temporary folder, runs the tests (each test
# server gets a fresh database), stops and removes the cluster.
#   scripts/test-postgresql.sh [extra Maven arguments]
# Needs PostgreSQL's server binaries (Debian/Ubuntu: apt-get install -y postgresql; this script
# installs them when run as root and they are missing). As root the cluster runs as user postgres.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
# OUTPOST_TEST_PG_PORT fixes the port; otherwise the first free one from 54329 on (two runs at once)
port=${OUTPOST_TEST_PG_PORT:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] && [ "$(id -u)" = 0 ]; then
  apt-get install -y postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
[ -n "$bin" ] || { echo "test-postgresql: PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }

cluster=$(mktemp -d /tmp/outpost-pg.XXXXXX)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$cluster"
stop() { as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$cluster"; }
trap stop EXIT INT TERM

echo outpost > "$cluster/password"
[ "$(id -u)" = 0 ] && chown postgres "$cluster/password"
as_owner "$bin/initdb" -D "$cluster/data" -U outpost --pwfile="$cluster/password" -A scram-sha-256 >/dev/null
start() {
  as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w \
    -o "-h 127.0.0.1 -p $1 -k $cluster -c max_connections=300 -c fsync=off" start >/dev/null
}
if [ -n "$port" ]; then
  start "$port" || { cat "$cluster/log" >&2; exit 1; }
else
  port=54329
  until start "$port" 2>/dev/null; do
    port=$((port + 1))
    [ "$port" -lt 54400 ] || { echo "test-postgresql: no free port in 54329-54399" >&2; cat "$cluster/log" >&2; exit 1; }
  done
fi
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

cd "$repo"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -B -ntp verify -pl tests/org.outpost.server.tests -am \
  "-Doutpost.test.vmargs=-Xmx512m -Doutpost.test.postgresql=jdbc:postgresql://127.0.0.1:$port/ -Doutpost.test.postgresql.user=outpost -Doutpost.test.postgresql.password=outpost" \
  "$@"
