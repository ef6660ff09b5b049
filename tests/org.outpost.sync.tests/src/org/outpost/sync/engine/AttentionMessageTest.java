package org.outpost.sync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a sync that needs attention says, counted in words a user reads. */
class AttentionMessageTest {

	@Test
	void oneThingNeedsAndSeveralNeedWithNoZeroCounts() {
		assertEquals("1 conflicting field needs your attention", SyncEngine.attention(1, 0));
		assertEquals("1 rejected change needs your attention", SyncEngine.attention(0, 1));
		assertEquals("2 conflicting fields and 1 rejected change need your attention", SyncEngine.attention(2, 1));
		assertEquals("3 rejected changes need your attention", SyncEngine.attention(0, 3));
	}
}
