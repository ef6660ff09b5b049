package org.outpost.server.internal.sync;

import java.util.Map;

import org.outpost.protocol.JsonCodec;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes field values into a record: scope fields into columns, the rest into its JSON body. Used by push and by web-side edits. */
public final class RecordEditor {

	private RecordEditor() {
	}

	/**
	 * Applies checked field values; the caller stamps the new revision.
	 *
	 * @return false, changing nothing, when the body would exceed {@link StoredRecord#MAX_BODY}
	 */
	public static boolean apply(StoredRecord record, Map<String, JsonNode> values) {
		ObjectNode body = JsonCodec.parseObject(record.getBody());
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
		BlobReferences.written(record, body);
		return true;
	}
}
