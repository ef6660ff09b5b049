package org.outpost.obligations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.outpost.obligations.Obligation;
import org.outpost.obligations.ObligationStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An Obligation takes back, through JSON as the wire carries it, exactly the fields it gives. */
class ObligationWireTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void anObligationRoundTrips() throws JsonProcessingException {
		Obligation permit = new Obligation("Waste water permit");
		permit.setType("Permit");
		permit.setAuthority("Regional water board");
		permit.setStatus(ObligationStatus.PARTIALLY_COMPLIANT);
		Obligation fresh = new Obligation("Placeholder");
		assertNotEquals(permit.syncedFields(), fresh.syncedFields());

		fresh.applySyncedFields(JSON.readValue(JSON.writeValueAsString(permit.syncedFields()), new TypeReference<Map<String, Object>>() {
		}));

		assertEquals(permit.syncedFields(), fresh.syncedFields());
	}

	@Test
	void nullClearsATextAndAbsentKeepsIt() {
		Obligation permit = new Obligation("Waste water permit");
		permit.setType("Permit");
		permit.setAuthority("Regional water board");
		Map<String, Object> fields = new HashMap<>();
		fields.put("authority", null);

		permit.applySyncedFields(fields);

		assertNull(permit.getAuthority());
		assertEquals("Permit", permit.getType());
	}

	@Test
	void anUnknownStatusNamesTheFieldAndTheValue() {
		Obligation permit = new Obligation("Waste water permit");

		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> permit.applySyncedFields(Map.of("status", "pending review")));

		assertTrue(refused.getMessage().contains("'status'") && refused.getMessage().contains("'pending review'"), refused.getMessage());
		assertEquals(ObligationStatus.PENDING_REVIEW, permit.getStatus());
	}
}
