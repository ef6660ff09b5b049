'use strict';
// CouchDB-protocol replication of the sync benchmark's records (docs/benchmarks.md, DESIGN.md §5):
// starts server.js (a process of its own) on <records.ndjson>, then replicates its database over HTTP
// on loopback into a fresh PouchDB on LevelDB in <work>/desktop, as a desktop would keep it, timed from
// the start of the replication to its completion. Prints the figures, then one line "RESULT {json}".
//   node replicate.js <records.ndjson> <work dir, must not exist> [batch size, default 100] [gzip]
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { fork } = require('node:child_process');
const PouchDB = require('pouchdb-node');

async function countRecords(file) {
  let count = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') count++;
  }
  return count;
}

function startServer(dir, records, gzip) {
  const server = fork(path.join(__dirname, 'server.js'), [dir, records, gzip ? 'gzip' : ''], { stdio: 'inherit' });
  const ready = new Promise((resolve, reject) => {
    server.once('message', resolve);
    server.once('exit', (code) => reject(new Error(`The PouchDB server ended with ${code} before it was ready`)));
  });
  return { server, ready };
}

function ask(server, question) {
  return new Promise((resolve) => {
    server.once('message', resolve);
    server.send(question);
  });
}

function bytesUnder(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(file) : fs.statSync(file).size;
  }
  return total;
}

async function main() {
  const [records, work, batchArgument, gzipArgument] = process.argv.slice(2);
  if (!records || !work) throw new Error('usage: node replicate.js <records.ndjson> <work dir> [batch size] [gzip]');
  if (fs.existsSync(work)) throw new Error(`${work} exists; the replication needs a fresh directory`);
  const batchSize = Number(batchArgument || 100);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`Not a batch size: ${batchArgument}`);
  const gzip = gzipArgument === 'gzip';
  const expected = await countRecords(records);

  const { server, ready } = startServer(path.join(work, 'server'), records, gzip);
  const { port, loaded, loadSeconds } = await ready;
  if (loaded !== expected) throw new Error(`The server loaded ${loaded} of ${expected} records`);
  console.log(`PouchDB server: ${loaded.toLocaleString('en')} records loaded in ${loadSeconds.toFixed(1)} s (not measured), port ${port}`);
  server.removeAllListeners('exit');

  try {
    const desktop = new PouchDB(path.join(work, 'desktop'));
    const started = process.hrtime.bigint();
    const result = await PouchDB.replicate(`http://127.0.0.1:${port}/outpost`, desktop, { batch_size: batchSize });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const docs = (await desktop.info()).doc_count;
    if (result.status !== 'complete' || docs !== expected) {
      throw new Error(`The replication ended ${result.status} with ${docs} of ${expected} documents: ${JSON.stringify(result.errors)}`);
    }
    await desktop.close();
    const stats = await ask(server, 'stats');
    const figures = {
      records: docs,
      seconds,
      recordsPerSecond: docs / seconds,
      batchSize,
      gzip,
      bytesDown: stats.bytesDown,
      bytesUp: stats.bytesUp,
      clientPeakRssBytes: process.resourceUsage().maxRSS * 1024,
      serverPeakRssBytes: stats.peakRssBytes,
      desktopDatabaseBytes: bytesUnder(path.join(work, 'desktop')),
      node: process.version,
      pouchdb: require('pouchdb-node/package.json').version,
      expressPouchdb: require('express-pouchdb/package.json').version,
    };
    const mb = (bytes) => (bytes / 1048576).toFixed(1);
    console.log(`PouchDB replication: ${docs.toLocaleString('en')} records in ${seconds.toFixed(1)} s, `
      + `${Math.round(figures.recordsPerSecond).toLocaleString('en')} records/s (batch size ${batchSize}${gzip ? ', gzip' : ''}); `
      + `${mb(stats.bytesDown)} MB down, ${mb(stats.bytesUp)} MB up (sockets, with HTTP headers); `
      + `peak RSS ${mb(figures.clientPeakRssBytes)} MB client, ${mb(stats.peakRssBytes)} MB server; `
      + `desktop LevelDB ${mb(figures.desktopDatabaseBytes)} MB`);
    console.log(`RESULT ${JSON.stringify(figures)}`);
  } finally {
    if (server.connected) server.send('stop');
  }
}

main().catch((error) => {
  console.error(`replicate.js: ${error.message}`);
  process.exit(1);
});
