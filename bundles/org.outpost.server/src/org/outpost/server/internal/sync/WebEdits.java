package org.outpost.server.internal.sync;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.ScopeColumns;
import org.outpost.server.internal.store.ScopeMove;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;

/**
 * Records changed on the web side (the administrator command line, the admin API): no scope and
 * no base values, the change simply becomes the newest revision, which devices then pull, and
 * which makes a conflict for a device that edited the same field from the older value.
 */
public final class WebEdits {

	private WebEdits() {
	}

	/** Creates or edits a record in the caller's transaction; {@code by} is recorded as its last editor. */
	public static WireRecord put(EntityManager em, String type, String id, Map<String, JsonNode> fields, String by) {
		if (RecordTypes.find(type).isEmpty()) {
			throw new ProtocolException(ErrorCode.UNKNOWN_RECORD_TYPE, "The record type '" + type + "' is unknown");
		}
		String checkedId = uuid(id);
		// the record's row first, the counter last: the order every writer takes them in
		ServerStore.lockRecords(em, List.of(checkedId));
		StoredRecord record = em.find(StoredRecord.class, checkedId);
		ScopeColumns before = null;
		if (record == null) {
			record = new StoredRecord(type, checkedId);
		} else if (!record.getType().equals(type)) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The record " + id + " is a " + record.getType() + ", not a " + type);
		} else {
			before = ScopeColumns.of(record);
		}
		record.setTombstone(false);
		if (!RecordEditor.apply(record, fields)) {
			throw new ProtocolException(ErrorCode.BODY_TOO_LARGE, "The record would be larger than " + StoredRecord.MAX_BODY + " characters");
		}
		long rev = ServerStore.takeRevisions(em, 1).next();
		record.changed(rev, System.currentTimeMillis(), by);
		if (before == null) {
			em.persist(record);
		} else if (!before.equals(ScopeColumns.of(record))) {
			em.persist(new ScopeMove(rev, record, before));
		}
		return ChangeFeed.toWire(record);
	}

	/** Makes a live record a tombstone; the tombstone, or null when there was no live record. */
	public static WireRecord delete(EntityManager em, String id, String by) {
		String checkedId = uuid(id);
		ServerStore.lockRecords(em, List.of(checkedId));
		StoredRecord record = em.find(StoredRecord.class, checkedId);
		if (record == null || record.isTombstone()) {
			return null;
		}
		record.setTombstone(true);
		record.changed(ServerStore.takeRevisions(em, 1).next(), System.currentTimeMillis(), by);
		return ChangeFeed.toWire(record);
	}

	private static String uuid(String id) {
		try {
			return UUID.fromString(id).toString();
		} catch (IllegalArgumentException e) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "A record id is a UUID, not '" + id + "'");
		}
	}
}
