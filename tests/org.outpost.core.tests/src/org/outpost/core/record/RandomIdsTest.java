package org.outpost.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The ids records are born with: random version 4 UUIDs in their canonical text, never the same twice. */
class RandomIdsTest {

	@Test
	void idsAreDistinctVersionFourUuidsAcrossManyDraws() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RandomIds.next();
			UUID uuid = UUID.fromString(id);
			assertEquals(uuid.toString(), id);
			assertEquals(4, uuid.version(), id);
			assertEquals(2, uuid.variant(), id);
			ids.add(id);
		}
		assertEquals(10_000, ids.size());
	}
}
