'use strict';
// One Outpost wire record ({"type", "id", "rev", "tombstone", scope fields, "body"}) as a CouchDB
// document: the record's id becomes the document id, every other field stays as the server sent it.
function documentOf(record) {
  if (record === null || typeof record !== 'object' || typeof record.id !== 'string' || typeof record.type !== 'string') {
    throw new Error(`Not an Outpost wire record (a "type" and an "id" were expected): ${JSON.stringify(record).slice(0, 200)}`);
  }
  const { id, ...fields } = record;
  return { _id: id, ...fields };
}

module.exports = { documentOf };
