package org.outpost.server.internal.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.ServerStore.Revisions;
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
		return ChangeFeed.toWire(putAll(em, type, Map.of(id, fields), by).get(0));
	}

	/**
	 * Creates or edits records of one type in the caller's transaction, in the map's order: their
	 * rows locked and read with one query each, the change counter taken once, last (bulk loads).
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
		// the records' rows (and their documents', which a move refiles) first, the counter last: the order every writer takes them in
		Set<String> owners = new HashSet<>();
		checked.values().forEach(fields -> AttachmentScope.attachingTo(type, fields.get(AttachmentScope.OWNER_ID)).ifPresent(owners::add));
		Set<String> locked = AttachmentScope.withAttachedDocuments(em, checked.keySet(), owners);
		ServerStore.lockRecords(em, locked);
		Map<String, StoredRecord> existing = new HashMap<>();
		for (List<String> slice : ServerStore.slices(List.copyOf(checked.keySet()))) {
			for (StoredRecord record : em.createQuery("SELECT r FROM StoredRecord r WHERE r.id IN :ids", StoredRecord.class).setParameter("ids", slice)
					.getResultList()) {
				existing.put(record.getId(), record);
			}
		}
		List<StoredRecord> put = new ArrayList<>(checked.size());
		Map<StoredRecord, ScopeColumns> before = new HashMap<>();
		for (Map.Entry<String, Map<String, JsonNode>> entry : checked.entrySet()) {
			StoredRecord record = existing.get(entry.getKey());
			if (record == null) {
				record = new StoredRecord(type, entry.getKey());
			} else if (!record.getType().equals(type)) {
				throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The record " + entry.getKey() + " is a " + record.getType() + ", not a " + type);
			} else {
				before.put(record, ScopeColumns.of(record));
			}
			record.setTombstone(false);
			if (!RecordEditor.apply(record, entry.getValue())) {
				throw new ProtocolException(ErrorCode.BODY_TOO_LARGE, "The record would be larger than " + StoredRecord.MAX_BODY + " characters");
			}
			AttachmentScope.file(em, record, existing);
			put.add(record);
		}
		List<StoredRecord> moved = put.stream().filter(record -> !before.containsKey(record) || !before.get(record).equals(ScopeColumns.of(record)))
				.toList();
		Map<StoredRecord, ScopeColumns> documentsMoved = AttachmentScope.refileAttached(em, moved, checked.keySet(), locked);
		Revisions revisions = ServerStore.takeRevisions(em, put.size() + documentsMoved.size());
		long now = System.currentTimeMillis();
		for (StoredRecord record : put) {
			long rev = revisions.next();
			record.changed(rev, now, by);
			ScopeColumns was = before.get(record);
			if (was == null) {
				em.persist(record);
			} else if (!was.equals(ScopeColumns.of(record))) {
				em.persist(new ScopeMove(rev, record, was));
			}
		}
		documentsMoved.forEach((document, was) -> {
			long rev = revisions.next();
			document.changed(rev, now, by);
			em.persist(new ScopeMove(rev, document, was));
		});
		return put;
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
