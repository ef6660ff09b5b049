package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.test.support.ServerFixture;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.sync.engine.AutoSyncScheduler;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncReminder;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.history.SyncRun;
import org.outpost.sync.settings.AutoSync;
import org.outpost.sync.settings.SyncSettings;

/** The Auto Synchronization settings, shown by what the scheduler does with them against a real server. */
class AutoSyncEndToEndTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	/** A clock the test moves forward. */
	private static final class MovableClock extends Clock {
		Instant now = Instant.now();

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}

	/** Answers the reminder as told and notes each question. */
	private static final class ScriptedReminder implements SyncReminder {
		Answer answer = Answer.SYNC_NOW;
		final List<SyncKind> asked = new ArrayList<>();

		@Override
		public Answer ask(SyncKind kind) {
			asked.add(kind);
			return answer;
		}
	}

	private ServerFixture server;
	private Desktop desktop;
	private final MovableClock clock = new MovableClock();
	private final ScriptedReminder reminder = new ScriptedReminder();
	private AutoSyncScheduler scheduler;
	private String event;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		event = server.webEvent("Weekly walk-through", server.north, TODAY.plusDays(2));
		SyncEngine engine = desktop.engine;
		SyncService service = new SyncService() {
			@Override
			public SyncEngine engine() {
				return engine;
			}

			@Override
			public SyncJob sync(SyncRequest request) {
				SyncJob job = new SyncJob(engine, request);
				job.schedule();
				return job;
			}
		};
		scheduler = new AutoSyncScheduler(service, desktop.settings, () -> reminder, clock);
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	private void autoEvents(boolean remind) throws Exception {
		SyncSettings d = SyncSettings.DEFAULTS;
		desktop.settings.save(d.withAutoSync(remind, AutoSync.every(Duration.ofHours(1)), d.autoAdmin(), d.autoDocuments()));
	}

	@Test
	void uncheckedKindsNeverSyncByThemselves() throws Exception {
		desktop.settings.save(SyncSettings.DEFAULTS);
		assertEquals(List.of(), scheduler.runDue());
		assertNull(desktop.find(Event.class, event));
	}

	@Test
	void aCheckedKindSyncsByItselfThenWaitsItsInterval() throws Exception {
		autoEvents(false);
		assertEquals(List.of(SyncKind.EVENTS), scheduler.runDue());
		assertNotNull(desktop.find(Event.class, event));
		SyncRun run = desktop.engine.history().lastFinished("events").orElseThrow();
		assertEquals(SyncRequest.AUTOMATIC, run.getTrigger());
		assertEquals(List.of(), reminder.asked, "no reminder unless asked for");

		clock.now = clock.now.plus(Duration.ofMinutes(30));
		assertEquals(List.of(), scheduler.runDue(), "not before its hour is up");
		clock.now = clock.now.plus(Duration.ofMinutes(31));
		assertEquals(List.of(SyncKind.EVENTS), scheduler.runDue());
	}

	@Test
	void remindMeBeforeSyncAsksAndHonoursSkipPostponeAndSyncNow() throws Exception {
		autoEvents(true);
		reminder.answer = SyncReminder.Answer.SKIP;
		assertEquals(List.of(), scheduler.runDue());
		assertEquals(List.of(SyncKind.EVENTS), reminder.asked);
		assertNull(desktop.find(Event.class, event), "skipped: nothing synced");
		assertEquals(List.of(), scheduler.runDue(), "skipped for a whole interval");

		clock.now = clock.now.plus(Duration.ofMinutes(61));
		reminder.answer = SyncReminder.Answer.POSTPONE;
		assertEquals(List.of(), scheduler.runDue());
		clock.now = clock.now.plus(Duration.ofMinutes(10));
		assertEquals(List.of(), scheduler.runDue(), "postponed by a quarter of an hour");
		assertEquals(2, reminder.asked.size());

		clock.now = clock.now.plus(Duration.ofMinutes(6));
		reminder.answer = SyncReminder.Answer.SYNC_NOW;
		assertEquals(List.of(SyncKind.EVENTS), scheduler.runDue());
		assertNotNull(desktop.find(Event.class, event));
	}

	@Test
	void aFailedAutomaticSyncRetriesSoonerThanItsInterval() throws Exception {
		autoEvents(false);
		server.stop();
		assertEquals(List.of(SyncKind.EVENTS), scheduler.runDue());
		assertEquals(SyncOutcome.OFFLINE, desktop.engine.history().lastFinished("events").orElseThrow().getOutcome());

		server.start();
		clock.now = clock.now.plus(Duration.ofMinutes(2));
		assertEquals(List.of(SyncKind.EVENTS), scheduler.runDue(), "retried after a minute's back-off, not an hour");
		assertEquals(SyncOutcome.SUCCEEDED, desktop.engine.history().lastFinished("events").orElseThrow().getOutcome());
	}
}
