package org.outpost.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.outpost.core.record.Syncable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A record's synced fields sent through JSON the way the wire carries them, for each module's wire tests. */
public final class WireRoundTrip {

	private static final ObjectMapper JSON = new ObjectMapper();

	private WireRoundTrip() {
	}

	/** {@code fresh}, given the fields {@code original} sends, gives back exactly those fields. */
	public static void assertRoundTrip(Syncable original, Syncable fresh) {
		Map<String, Object> sent = original.syncedFields();
		assertNotEquals(sent, fresh.syncedFields(), "the fresh record must start out different");

		fresh.applySyncedFields(overTheWire(sent));

		assertEquals(sent, fresh.syncedFields());
	}

	/** The fields as the other side reads them: numbers come back as Integer, Long or Double. */
	public static Map<String, Object> overTheWire(Map<String, Object> fields) {
		try {
			return JSON.readValue(JSON.writeValueAsString(fields), new TypeReference<Map<String, Object>>() {
			});
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
