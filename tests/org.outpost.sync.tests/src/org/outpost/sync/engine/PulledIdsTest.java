package org.outpost.sync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The compact set of the ids a pull inserted: nothing added is ever reported absent. */
class PulledIdsTest {

	@Test
	void everyAddedIdIsFoundAcrossGrowthAndOthersAreNot() {
		PulledIds ids = new PulledIds();
		List<String> added = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			String id = UUID.randomUUID().toString();
			added.add(id);
			ids.add(id);
		}
		ids.add(added.get(0));

		assertEquals(10_000, ids.size(), "an id added twice counts once");
		assertTrue(added.stream().allMatch(ids::mayContain));
		assertFalse(ids.mayContain(UUID.randomUUID().toString()));
		assertTrue(ids.mayContain(added.get(17).toUpperCase()), "the same UUID in capitals is the same id");
	}

	@Test
	void textThatIsNoUuidMayAlwaysBeThere() {
		PulledIds ids = new PulledIds();
		ids.add("not-a-uuid");

		assertEquals(0, ids.size());
		assertTrue(ids.mayContain("not-a-uuid"), "it cannot be told apart, so the database is asked");
	}
}
