package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncHistory;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.history.SyncRun;

class SyncHistoryTest {

	/** A clock the test moves by hand. */
	private static final class SteppingClock extends Clock {
		Instant now = Instant.parse("2026-11-27T08:00:00Z");

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}

	private LocalDatabase database;
	private final SteppingClock clock = new SteppingClock();

	@BeforeEach
	void emptyHistory() throws InterruptedException {
		ServiceTracker<LocalDatabase, LocalDatabase> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(SyncHistory.class).getBundleContext(), LocalDatabase.class, null);
		tracker.open();
		database = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		assertNotNull(database);
		database.write(em -> em.createQuery("DELETE FROM SyncRun").executeUpdate());
	}

	@Test
	void aRunIsVisibleFromItsStartAndKeepsItsTrafficPerCategory() {
		SyncHistory history = new SyncHistory(database, clock);
		SyncRun run = history.started("events", "manual");
		SyncRun underWay = history.recent(10).get(0);
		assertEquals(run.getId(), underWay.getId());
		assertNull(underWay.getOutcome(), "a run that has not ended has no outcome");

		clock.now = clock.now.plusSeconds(42);
		history.finished(run, SyncOutcome.NEEDS_ATTENTION, "1 change conflicted", 1, 0,
				List.of(new CategoryTraffic("events", 3, 120, 2_048, 96_000), new CategoryTraffic("findings", 0, 40, 0, 20_000)));

		SyncRun read = history.lastFinished("events").orElseThrow();
		assertEquals(SyncOutcome.NEEDS_ATTENTION, read.getOutcome());
		assertEquals(Duration.ofSeconds(42), read.getDuration());
		assertEquals("manual", read.getTrigger());
		assertEquals(1, read.getConflicts());
		assertEquals(List.of(new CategoryTraffic("events", 3, 120, 2_048, 96_000), new CategoryTraffic("findings", 0, 40, 0, 20_000)),
				read.getTraffic());
		assertTrue(history.lastFinished("admin").isEmpty());
	}

	@Test
	void newestComeFirstAndTrimKeepsTheNewest() {
		SyncHistory history = new SyncHistory(database, clock);
		for (int i = 0; i < 5; i++) {
			clock.now = clock.now.plusSeconds(60);
			history.finished(history.started("full", "automatic"), SyncOutcome.SUCCEEDED, null, 0, 0, List.of());
		}
		List<SyncRun> recent = history.recent(10);
		assertEquals(5, recent.size());
		assertTrue(recent.get(0).getStartedAt().isAfter(recent.get(4).getStartedAt()));
		Instant newest = recent.get(0).getStartedAt();

		assertEquals(3, history.trim(2));
		List<SyncRun> kept = history.recent(10);
		assertEquals(2, kept.size());
		assertEquals(newest, kept.get(0).getStartedAt());
	}
}
