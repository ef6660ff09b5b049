package org.outpost.server.internal.sync;

import java.util.List;
import java.util.Map;

import org.outpost.protocol.JsonCodec;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

/**
 * Writes field values into a record: scope fields into columns, the rest into its JSON body, and
 * the body's {@code status} also into the status column the feed filters on. Used by push and by
 * web-side edits.
 */
public final class RecordEditor {

	private static final String STATUS = "status";
	private static final int MAX_STATUS = 32;

	private RecordEditor() {
	}

	/**
	 * Applies checked field values; the caller stamps the new revision.
	 *
	 * @return false, changing nothing, when the body would exceed {@link StoredRecord#MAX_BODY}
	 */
	public static boolean apply(StoredRecord record, Map<String, JsonNode> values) {
		return apply(record, JsonCodec.parseObject(record.getBody()), values);
	}

	/** Like {@link #apply(StoredRecord, Map)} on the record's {@code body} parsed already, which it changes. */
	static boolean apply(StoredRecord record, ObjectNode body, Map<String, JsonNode> values) {
		for (Map.Entry<String, JsonNode> value : values.entrySet()) {
			RecordFields.check(value.getKey(), value.getValue());
		}
		for (Map.Entry<String, JsonNode> value : values.entrySet()) {
			if (!RecordFields.SCOPE_FIELDS.contains(value.getKey())) {
				RecordFields.set(record, body, value.getKey(), value.getValue());
			}
		}
		String text = JsonCodec.toText(body);
		if (text.length() > StoredRecord.MAX_BODY) {
			return false;
		}
		for (Map.Entry<String, JsonNode> value : values.entrySet()) {
			if (RecordFields.SCOPE_FIELDS.contains(value.getKey())) {
				RecordFields.set(record, body, value.getKey(), value.getValue());
			}
		}
		record.setBody(text);
		if (values.containsKey(STATUS)) {
			record.setStatus(statusOf(body));
		}
		BlobReferences.written(record, body);
		return true;
	}

	/** Copies the body's status into the status column of the records stored before that column existed; returns how many. */
	public static int fillStatusColumns(EntityManager em) {
		List<StoredRecord> missing = em.createQuery("SELECT r FROM StoredRecord r WHERE r.status IS NULL AND r.body LIKE :status", StoredRecord.class)
				.setParameter("status", "%\"" + STATUS + "\"%").getResultList();
		int filled = 0;
		for (StoredRecord record : missing) {
			String status = statusOf(JsonCodec.parseObject(record.getBody()));
			if (status != null) {
				record.setStatus(status);
				filled++;
			}
		}
		return filled;
	}

	private static String statusOf(ObjectNode body) {
		JsonNode status = body.get(STATUS);
		// a status is a short enum name; anything else is no status the feed knows
		return status != null && status.isTextual() && status.textValue().length() <= MAX_STATUS ? status.textValue() : null;
	}
}
