package org.outpost.server.internal.sync;

import java.util.Map;
import java.util.UUID;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.ServerStore.Revisions;
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
		Revisions revisions = ServerStore.lockRevisions(em);
		StoredRecord record = em.find(StoredRecord.class, checkedId);
		if (record == null) {
			record = new StoredRecord(type, checkedId);
			em.persist(record);
		} else if (!record.getType().equals(type)) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The record " + id + " is a " + record.getType() + ", not a " + type);
		}
		record.setTombstone(false);
		if (!RecordEditor.apply(record, fields)) {
			throw new ProtocolException(ErrorCode.BODY_TOO_LARGE, "The record would be larger than " + StoredRecord.MAX_BODY + " characters");
		}
		record.changed(revisions.next(), System.currentTimeMillis(), by);
		revisions.save(em);
		return ChangeFeed.toWire(record);
	}

	/** Makes a live record a tombstone; the tombstone, or null when there was no live record. */
	public static WireRecord delete(EntityManager em, String id, String by) {
		Revisions revisions = ServerStore.lockRevisions(em);
		StoredRecord record = em.find(StoredRecord.class, uuid(id));
		if (record == null || record.isTombstone()) {
			return null;
		}
		record.setTombstone(true);
		record.changed(revisions.next(), System.currentTimeMillis(), by);
		revisions.save(em);
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
