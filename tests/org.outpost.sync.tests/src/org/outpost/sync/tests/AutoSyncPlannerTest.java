package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.outpost.sync.schedule.AutoSyncPlanner;
import org.outpost.sync.settings.AutoSync;

class AutoSyncPlannerTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	@Test
	void anUncheckedKindNeverRunsByItself() {
		assertEquals(Optional.empty(), AutoSyncPlanner.nextRun(AutoSync.off(Duration.ofHours(1)), null, 0, NOW));
	}

	@Test
	void aKindThatNeverRanIsDueNowAndThenAfterItsInterval() {
		AutoSync hourly = AutoSync.every(Duration.ofHours(1));
		assertEquals(Optional.of(NOW), AutoSyncPlanner.nextRun(hourly, null, 0, NOW));
		assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), AutoSyncPlanner.nextRun(hourly, NOW, 0, NOW));
	}

	@Test
	void failuresRetrySoonerBackingOffUpToTheInterval() {
		Duration every = Duration.ofHours(1);
		assertEquals(Duration.ofMinutes(1), AutoSyncPlanner.delay(every, 1));
		assertEquals(Duration.ofMinutes(2), AutoSyncPlanner.delay(every, 2));
		assertEquals(Duration.ofMinutes(32), AutoSyncPlanner.delay(every, 6));
		assertEquals(every, AutoSyncPlanner.delay(every, 7));
		assertEquals(every, AutoSyncPlanner.delay(every, 10_000));
		assertTrue(AutoSyncPlanner.delay(Duration.ofMinutes(15), 5).compareTo(Duration.ofMinutes(15)) <= 0);
	}
}
