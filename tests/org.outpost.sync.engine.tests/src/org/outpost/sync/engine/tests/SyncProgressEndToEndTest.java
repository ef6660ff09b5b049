package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * The progress a sync reports per category, from the change feed's count of what remains: done /
 * total, kilobytes and the time left, as the initial-sync dialog and the Sync tab show it.
 */
class SyncProgressEndToEndTest {

	private static final LocalDate DUE = LocalDate.now(ZoneOffset.UTC).plusDays(2);

	private ServerFixture server;
	private Desktop desktop;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	@Test
	void theInitialSyncTellsDoneOfTotalWithTheTimeLeftAndTheTotalBecomesExactAtTheEnd() {
		// pages of 2,000 (the protocol's largest)
		webEvents(2800, server.north);
		webEvents(400, server.south);

		List<String> steps = eventsSteps();

		assertEquals(2, steps.size(), steps.toString());
		// the feed's count is an upper bound: it includes the events outside the user's org units that the first pull (by id) had not
		// passed yet, of the 400
		assertTrue(steps.get(0).startsWith("Receiving Events: 2,000 / "), steps.get(0));
		long total = Long.parseLong(steps.get(0).replaceAll("^Receiving Events: 2,000 / ([\\d,]+) records.*$", "$1").replace(",", ""));
		assertTrue(total >= 2800 && total <= 3200, steps.get(0));
		assertTrue(steps.get(0).matches(".* KB, about \\d+ (s|min) left"), steps.get(0));
		assertTrue(steps.get(1).startsWith("Receiving Events: 2,800 / 2,800 records, "), steps.get(1));
		assertFalse(steps.get(1).contains("left"), steps.get(1));
		// the next page is fetched while one is written, so its bytes may already count at the first step
		assertTrue(kilobytes(steps.get(0)) > 0 && kilobytes(steps.get(1)) >= kilobytes(steps.get(0)), steps.toString());
	}

	@Test
	void aSyncGoingOnFromItsCursorTellsTheTotalFromItsFirstPage() {
		webEvents(10, server.north);
		eventsSteps();
		webEvents(2400, server.north);

		List<String> steps = eventsSteps();

		assertEquals(2, steps.size(), steps.toString());
		assertTrue(steps.get(0).startsWith("Receiving Events: 2,000 / 2,400 records, "), steps.get(0));
		assertTrue(steps.get(0).matches(".* KB, about \\d+ (s|min) left"), steps.get(0));
		assertTrue(steps.get(1).startsWith("Receiving Events: 2,400 / 2,400 records, "), steps.get(1));
	}

	@Test
	void anInitialSyncCancelledInTheMiddleOfACategoryTellsTheTotalAndTimeLeftWhenItGoesOn() {
		webEvents(5000, server.north);
		List<String> cancelled = new ArrayList<>();
		SyncReport stopped = desktop.engine.sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.INITIAL), new NullProgressMonitor() {
			@Override
			public void subTask(String name) {
				if (name.startsWith("Receiving Events:")) {
					cancelled.add(name);
					setCanceled(true); // after the first page and its cursor are stored
				}
			}
		});
		assertEquals(SyncOutcome.CANCELLED, stopped.outcome(), stopped.message());
		assertEquals(1, cancelled.size(), cancelled.toString());

		List<String> resumed = eventsSteps();

		assertEquals(2, resumed.size(), resumed.toString());
		assertTrue(resumed.get(0).startsWith("Receiving Events: 2,000 / 3,000 records, "), "the resumed sync's first page: " + resumed.get(0));
		assertTrue(resumed.get(0).matches(".* KB, about \\d+ (s|min) left"), resumed.get(0));
		assertTrue(resumed.get(1).startsWith("Receiving Events: 3,000 / 3,000 records, "), resumed.get(1));
	}

	@Test
	void aSyncJobKeepsTheStepItIsAtForTheSyncTab() throws Exception {
		webEvents(3, server.north);
		SyncJob job = new SyncJob(desktop.engine, SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL));
		assertNull(job.step(), "no step before the run");

		job.schedule();
		job.join();

		assertEquals(SyncOutcome.SUCCEEDED, job.report().outcome(), job.report().message());
		assertTrue(job.step().matches("Receiving \\w+: \\d+ / \\d+ records, \\d+ KB"), job.step());
	}

	/** Runs an Events sync and gives the steps it reported for the events category, one per page. */
	private List<String> eventsSteps() {
		List<String> steps = new ArrayList<>();
		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL), new NullProgressMonitor() {
			@Override
			public void subTask(String name) {
				if (name.startsWith("Receiving Events:")) {
					steps.add(name);
				}
			}
		});
		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		return steps;
	}

	private static long kilobytes(String step) {
		String before = step.substring(0, step.indexOf(" KB"));
		return Long.parseLong(before.substring(before.lastIndexOf(' ') + 1).replace(",", ""));
	}

	private void webEvents(int count, String orgUnit) {
		server.webEvents(count, "Web event", orgUnit, DUE);
	}
}
