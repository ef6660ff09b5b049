package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.protocol.Protocol;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * The server restarted by its administrator in the middle of a device's sync, over real HTTP:
 * the server process stops after the device checkpointed a page and before it asks for the next,
 * and comes back on the same port and data. The sync goes on or fails cleanly; nothing is lost or
 * duplicated either way.
 */
class ServerRestartEndToEndTest {

	// four pages of the protocol's largest: up to two pages are read ahead of the one being written, so the cut after the first
	// must leave a page to go
	private static final int SERVER_EVENTS = 3 * Protocol.MAX_PAGE_SIZE + Protocol.MAX_PAGE_SIZE / 2;

	private ServerFixture server;
	private Desktop desktop;
	private Set<String> onServer;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		onServer = new HashSet<>();
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		for (int i = 0; i < SERVER_EVENTS; i++) {
			onServer.add(server.webEvent("Web event " + i, server.north, due));
		}
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	@Test
	void restartedBetweenTwoPagesTheSyncGoesOnAndEveryRecordArrivesOnce() {
		SyncReport report = syncWhileAfterTheFirstEventsPage(() -> {
			server.stop();
			server.start();
		});

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(SERVER_EVENTS, eventsDown(report));
		assertEveryServerEventOnTheDeviceOnce();
	}

	@Test
	void downFromTheMiddleOfASyncTheSyncStopsCleanlyAndTheNextOneResumes() throws Exception {
		SyncReport cut = syncWhileAfterTheFirstEventsPage(server::stop);

		assertEquals(SyncOutcome.OFFLINE, cut.outcome(), cut.message());
		// the page asked for ahead meets either the stopping server's refusal or no server at all
		assertTrue(cut.message().contains("cannot be reached") || cut.message().contains("The server is stopping"), cut.message());
		long kept = desktop.count("Event");
		assertTrue(kept > 0 && kept < SERVER_EVENTS, "the checkpointed page stays on the device: " + kept);

		server.start();
		SyncReport resumed = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
		assertEquals(SERVER_EVENTS - kept, eventsDown(resumed), "the next sync goes on after the checkpoint");
		assertEveryServerEventOnTheDeviceOnce();
	}

	/** A full sync that runs {@code atThePause} once, after the first page of Events is checkpointed. */
	private SyncReport syncWhileAfterTheFirstEventsPage(ServerAction atThePause) {
		return desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL), new NullProgressMonitor() {
			private boolean done;

			@Override
			public void subTask(String name) {
				if (!done && name.startsWith("Receiving Events:")) {
					done = true;
					try {
						atThePause.run();
					} catch (Exception e) {
						throw new IllegalStateException("the server could not be restarted", e);
					}
				}
			}
		});
	}

	private static long eventsDown(SyncReport report) {
		return report.traffic().stream().filter(t -> t.category().equals("events")).mapToLong(t -> t.recordsDown()).sum();
	}

	private void assertEveryServerEventOnTheDeviceOnce() {
		List<String> local = desktop.database.read(em -> em.createQuery("SELECT e.id FROM Event e", String.class).getResultList());
		assertEquals(local.size(), new HashSet<>(local).size());
		assertEquals(onServer, new HashSet<>(local));
		assertEquals(0, desktop.count("OutboxEntry"));
		assertEquals(SERVER_EVENTS, server.admin().count("event"));
		assertTrue(local.stream().allMatch(id -> desktop.find(Event.class, id).getRevision() == server.record(id).rev()));
	}

	@FunctionalInterface
	private interface ServerAction {
		void run() throws Exception;
	}
}
