#!/bin/sh
# Measures the server with N simulated devices doing delta syncs at once (docs/benchmarks.md).
# Starts the built server product on its embedded HSQLDB with demo data in a temporary folder (or
# on PostgreSQL: pass OUTPOST_DB_URL/OUTPOST_DB_USER/OUTPOST_DB_PASSWORD), runs the benchmark, stops it.
#   scripts/benchmark-server.sh [devices=200] [rounds=10]
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
devices=${1:-200}
rounds=${2:-10}
port=${OUTPOST_BENCH_PORT:-8472}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
product="$repo/releng/org.outpost.repository/target/products/org.outpost.server.product/linux/gtk/x86_64/outpost-server"
[ -x "$product/outpost-server" ] || { echo "benchmark-server: build first (./mvnw verify)" >&2; exit 1; }
data=$(mktemp -d /tmp/outpost-bench.XXXXXX)
OUTPOST_LOG_REQUESTS=false "$product/outpost-server" -demo -port "$port" -data-dir "$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT INT TERM
until curl -fs "http://localhost:$port/health" >/dev/null 2>&1; do sleep 0.5; done
until grep -q "^Outpost server http" "$data/server.log"; do sleep 0.5; done
jars=$(ls "$product"/plugins/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')
"$JAVA_HOME/bin/java" -cp "$jars" "$repo/scripts/bench/DeltaSyncBenchmark.java" "http://localhost:$port" "$devices" "$rounds"
