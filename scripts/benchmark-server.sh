#!/bin/sh
# Measures the server with N simulated devices doing delta syncs at once (docs/benchmarks.md).
# Prepares demo data plus one field officer per device (each assigned to an org unit of its own),
# starts the built server product on it, runs the benchmark, stops the server.
#   scripts/benchmark-server.sh [devices=200] [rounds=10] [scenario=shared|spread] [store=hsqldb|postgresql]
# shared: every device syncs as the demo user, all in one scope (the worst case: every delta brings
#         what all the others pushed); spread: each device syncs as its own officer, in its own org unit.
# postgresql: a private PostgreSQL cluster from /usr/lib/postgresql/*/bin in a temporary folder.
# OUTPOST_SERVER_PRODUCT=<folder> measures another build of the server (e.g. the one before a change,
# to compare in the same session).
# OUTPOST_BENCH_WARM_UP=<n>: delta syncs per device before the measured ones (default 2; the server is started just before).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
devices=${1:-200}
rounds=${2:-10}
scenario=${3:-shared}
store=${4:-hsqldb}
port=${OUTPOST_BENCH_PORT:-8472}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
built="$repo/releng/org.outpost.repository/target/products/org.outpost.server.product/linux/gtk/x86_64/outpost-server"
product=${OUTPOST_SERVER_PRODUCT:-$built}
[ -x "$product/outpost-server" ] || { echo "benchmark-server: build first (./mvnw verify)" >&2; exit 1; }
# the data is made with this build's administrator command line (it knows "demo officers"), also when
# measuring another build; OUTPOST_ADMIN_PRODUCT=<folder> takes it from another one
admin=${OUTPOST_ADMIN_PRODUCT:-$built}/outpost-server-admin
data=$(mktemp -d /tmp/outpost-bench.XXXXXX)
server=
stop() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  [ -n "${pg:-}" ] && { as_owner "$pg/pg_ctl" -D "$data/pg" -m fast stop >/dev/null 2>&1 || true; }
  rm -rf "$data"
}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop EXIT INT TERM

if [ "$store" = postgresql ]; then
  pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgport=$((port + 1))
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  echo bench > "$data/password"
  as_owner "$pg/initdb" -D "$data/pg" -U bench --pwfile="$data/password" -A scram-sha-256 >/dev/null
  # autovacuum looks every second instead of every minute: the benchmark fills a new database at thousands of changes a
  # second, and plans the server's statements kept from before the first analyze scan whole tables (docs/server.md)
  as_owner "$pg/pg_ctl" -D "$data/pg" -l "$data/pg.log" -w -o "-h 127.0.0.1 -p $pgport -k $data -c max_connections=300 -c autovacuum_naptime=1" start >/dev/null
  PGPASSWORD=bench "$pg/psql" -h 127.0.0.1 -p "$pgport" -U bench -d postgres -qc "CREATE DATABASE bench"
  export OUTPOST_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/bench" OUTPOST_DB_USER=bench OUTPOST_DB_PASSWORD=bench
  echo "store: PostgreSQL $("$pg/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"
else
  echo "store: HSQLDB (embedded)"
fi
"$admin" -data-dir "$data" demo >"$data/admin.log" 2>&1
"$admin" -data-dir "$data" demo officers "$devices" >>"$data/admin.log" 2>&1 || { cat "$data/admin.log" >&2; exit 1; }

OUTPOST_LOG_REQUESTS=false "$product/outpost-server" -port "$port" -data-dir "$data" >"$data/server.log" 2>&1 &
server=$!
# a server that exits instead of starting (a taken port, a bad product) ends the run with its log instead of a wait without end
alive() {
  kill -0 "$server" 2>/dev/null && return 0
  echo "benchmark-server: the server exited before it was ready; its log ends:" >&2; tail -n 40 "$data/server.log" >&2; exit 1
}
until curl -fs "http://localhost:$port/health" >/dev/null 2>&1; do alive; sleep 0.5; done
until grep -q "^Outpost server http" "$data/server.log"; do alive; sleep 0.5; done
jars=$(ls "$product"/plugins/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')
"$JAVA_HOME/bin/java" -cp "$jars" "$repo/scripts/bench/DeltaSyncBenchmark.java" "http://localhost:$port" "$devices" "$rounds" "$scenario" "$server" ||
  { echo "benchmark-server: the benchmark failed; the server's log ends:" >&2; tail -n 40 "$data/server.log" >&2; exit 1; }
