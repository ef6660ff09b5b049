'use strict';
// The CouchDB-protocol server of the PouchDB benchmark (docs/benchmarks.md), run by replicate.js as a
// process of its own, as the Outpost server runs in a JVM of its own: express-pouchdb over PouchDB with
// LevelDB files in <dir>. Before it listens it loads <records> (one Outpost wire record a line, as the
// Outpost server sends them) into the database "outpost", one document per record. It tells its parent
// the port and then, when asked, its peak RSS and the bytes its sockets carried.
//   node server.js <dir> <records.ndjson> [gzip]
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const express = require('express');
const expressPouchDB = require('express-pouchdb');
const PouchDB = require('pouchdb-node');
const { documentOf } = require('./records');

const LOAD_BATCH = 1000;

async function load(db, file) {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch = [];
  let loaded = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    batch.push(documentOf(JSON.parse(line)));
    if (batch.length === LOAD_BATCH) {
      loaded += await write(db, batch);
      batch = [];
    }
  }
  if (batch.length > 0) loaded += await write(db, batch);
  return loaded;
}

async function write(db, docs) {
  const results = await db.bulkDocs(docs);
  const failed = results.find((result) => result.error);
  if (failed) throw new Error(`Loading ${failed.id} failed: ${failed.reason || failed.error}`);
  return docs.length;
}

async function main() {
  const [dir, records, gzip] = process.argv.slice(2);
  if (!dir || !records) throw new Error('usage: node server.js <dir> <records.ndjson> [gzip]');
  fs.mkdirSync(dir, { recursive: true });
  const ServerPouchDB = PouchDB.defaults({ prefix: dir + path.sep });
  const started = process.hrtime.bigint();
  const loaded = await load(new ServerPouchDB('outpost'), records);
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const app = express();
  // the Outpost desktop neither asks for nor gets gzip; "gzip" measures the CouchDB default instead
  const exclude = gzip === 'gzip' ? [] : ['compression'];
  app.use('/', expressPouchDB(ServerPouchDB, { mode: 'minimumForPouchDB', overrideMode: { exclude } }));
  const traffic = { down: 0, up: 0 };
  const server = app.listen(0, '127.0.0.1', () => {
    process.send({ ready: true, port: server.address().port, loaded, loadSeconds });
  });
  const open = new Set();
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => {
      traffic.down += socket.bytesWritten;
      traffic.up += socket.bytesRead;
      open.delete(socket);
    });
  });
  process.on('message', (message) => {
    if (message === 'stats') {
      let down = traffic.down;
      let up = traffic.up;
      for (const socket of open) {
        down += socket.bytesWritten;
        up += socket.bytesRead;
      }
      process.send({ stats: true, bytesDown: down, bytesUp: up, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
    } else if (message === 'stop') {
      server.close();
      process.exit(0);
    }
  });
}

main().catch((error) => {
  console.error(`server.js: ${error.message}`);
  process.exit(1);
});
