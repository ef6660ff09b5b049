#!/bin/sh
# Outpost's initial sync against CouchDB-protocol replication (PouchDB) of the same records on the same
# machine in one session (DESIGN.md §5, docs/benchmarks.md):
#   1. the sync benchmark (tests/org.outpost.sync.benchmark.tests) with N events, 2N findings, N actions;
#      after its initial sync it writes the server's records, as the feed sends them, to a file;
#   2. scripts/bench/pouchdb/replicate.js loads that file into a CouchDB-protocol server (express-pouchdb,
#      LevelDB) in a Node process of its own and replicates it over loopback into a fresh PouchDB on LevelDB.
#   scripts/benchmark-pouchdb.sh [events=100000, at least 2000] [PouchDB batch size=100]
# Needs Java (JAVA_HOME, default Temurin 25), Node.js 20+ and npm (installs the pinned packages once).
# Maven flags through MAVEN_ARGS, e.g. MAVEN_ARGS=-o for an offline build.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
events=${1:-100000}
batch=${2:-100}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
bench="$repo/scripts/bench/pouchdb"
work=$(mktemp -d /tmp/outpost-pouchdb.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

command -v node >/dev/null || { echo "benchmark-pouchdb: needs Node.js 20 or newer and npm" >&2; exit 1; }
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --no-audit --no-fund)
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($1)"; }

load "before Outpost"
display=
command -v xvfb-run >/dev/null && display="xvfb-run -a"
(cd "$repo" && $display ./mvnw -B -ntp verify -Pbenchmark -DskipTests -pl tests/org.outpost.sync.benchmark.tests -am \
  -Doutpost.benchmark.sync.events="$events" -Doutpost.benchmark.sync.export="$work/records.ndjson") >"$work/outpost.log" 2>&1 ||
  { tail -n 60 "$work/outpost.log" >&2; echo "benchmark-pouchdb: the Outpost sync benchmark failed" >&2; exit 1; }
grep -E '^(Server data|Exported|\| |Desktop heap)' "$work/outpost.log"
# "| Initial sync, 20,000 records (8 MB down) | 41.9 s | 3.9 s | 10.71 |" -> 41.9
outpost=$(sed -n 's/^| Initial sync, [0-9,]* records[^|]*| \([0-9.]*\) s |.*/\1/p' "$work/outpost.log")
[ -n "$outpost" ] || { echo "benchmark-pouchdb: no initial sync time in the Outpost benchmark's output" >&2; exit 1; }
load "after Outpost, before PouchDB"
node "$bench/replicate.js" "$work/records.ndjson" "$work/pouchdb" "$batch" >"$work/pouchdb.log" ||
  { cat "$work/pouchdb.log"; echo "benchmark-pouchdb: the PouchDB replication failed" >&2; exit 1; }
cat "$work/pouchdb.log"
load "after PouchDB"

node -e '
const [outpostSeconds, line] = process.argv.slice(1);
const pouch = JSON.parse(line.replace(/^RESULT /, ""));
const outpostRate = pouch.records / Number(outpostSeconds);
console.log(`| Initial sync of ${pouch.records.toLocaleString("en")} records | seconds | records/s |`);
console.log("|---|---|---|");
console.log(`| Outpost | ${Number(outpostSeconds).toFixed(1)} | ${Math.round(outpostRate).toLocaleString("en")} |`);
console.log(`| PouchDB ${pouch.pouchdb} (batch size ${pouch.batchSize}) | ${pouch.seconds.toFixed(1)} | ${Math.round(pouch.recordsPerSecond).toLocaleString("en")} |`);
console.log(`Outpost rate / PouchDB rate: ${(outpostRate / pouch.recordsPerSecond).toFixed(2)} (DESIGN.md 5: at least 4)`);
' "$outpost" "$(grep '^RESULT ' "$work/pouchdb.log")"
