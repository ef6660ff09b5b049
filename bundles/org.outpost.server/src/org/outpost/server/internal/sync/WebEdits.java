package org.outpost.server.internal.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
		return ChangeFeed.toWire(putAll(em, type, Map.of(id, fields), by).get(0));
	}

	/**
	 * Creates or edits records of one type in the caller's transaction, in the map's order, under
	 * one lock of the change counter and with one query for those that exist (bulk loads).
	 */
	public static List<StoredRecord> putAll(EntityManager em, String type, Map<String, Map<String, JsonNode>> fieldsById, String by) {
		if (RecordTypes.find(type).isEmpty()) {
			throw new ProtocolException(ErrorCode.UNKNOWN_RECORD_TYPE, "The record type '" + type + "' is unknown");
		}
		Map<String, Map<String, JsonNode>> checked = new LinkedHashMap<>();
		fieldsById.forEach((id, fields) -> checked.put(uuid(id), fields));
		if (checked.isEmpty()) {
			return List.of();
		}
		Revisions revisions = ServerStore.lockRevisions(em);
		Map<String, StoredRecord> existing = new HashMap<>();
		for (StoredRecord record : em.createQuery("SELECT r FROM StoredRecord r WHERE r.id IN :ids", StoredRecord.class)
				.setParameter("ids", checked.keySet()).getResultList()) {
			existing.put(record.getId(), record);
		}
		long now = System.currentTimeMillis();
		List<StoredRecord> put = new ArrayList<>(checked.size());
		for (Map.Entry<String, Map<String, JsonNode>> entry : checked.entrySet()) {
			StoredRecord record = existing.get(entry.getKey());
			if (record == null) {
				record = new StoredRecord(type, entry.getKey());
				em.persist(record);
			} else if (!record.getType().equals(type)) {
				throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The record " + entry.getKey() + " is a " + record.getType() + ", not a " + type);
			}
			record.setTombstone(false);
			if (!RecordEditor.apply(record, entry.getValue())) {
				throw new ProtocolException(ErrorCode.BODY_TOO_LARGE, "The record would be larger than " + StoredRecord.MAX_BODY + " characters");
			}
			record.changed(revisions.next(), now, by);
			put.add(record);
		}
		revisions.save(em);
		return put;
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
