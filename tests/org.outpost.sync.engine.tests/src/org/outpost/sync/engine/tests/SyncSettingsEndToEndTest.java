package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.test.support.ServerFixture;
import org.outpost.core.sync.SyncKind;
import org.outpost.protocol.Protocol;
import org.outpost.events.Event;
import org.outpost.risks.Risk;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.settings.SyncSettings;

/** Each sync setting of the product we model, shown by its effect on what reaches the device. */
class SyncSettingsEndToEndTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

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

	private SyncReport sync(SyncKind kind) {
		return sync(kind, new NullProgressMonitor());
	}

	private SyncReport sync(SyncKind kind, IProgressMonitor monitor) {
		SyncReport report = desktop.engine.sync(SyncRequest.of(kind, SyncRequest.MANUAL), monitor);
		return report;
	}

	private void settings(SyncSettings settings) throws Exception {
		desktop.settings.save(settings);
	}

	@Test
	void dueToLastAndSyncInAdvanceBoundTheEventsOnTheDeviceAndAChangeOfWindowBringsAndRemoves() throws Exception {
		String old = server.webEvent("Overdue since 40 days", server.north, TODAY.minusDays(40));
		String soon = server.webEvent("Due in 5 days", server.north, TODAY.plusDays(5));
		String far = server.webEvent("Due in 50 days", server.north, TODAY.plusDays(50));
		settings(SyncSettings.DEFAULTS.withDateWindow(30, 30));

		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNull(desktop.find(Event.class, old), "due before the Due to Last window");
		assertNotNull(desktop.find(Event.class, soon));
		assertNull(desktop.find(Event.class, far), "due after the Sync in Advance window");

		settings(SyncSettings.DEFAULTS.withDateWindow(60, 60));
		SyncReport wider = sync(SyncKind.EVENTS);
		assertEquals(SyncOutcome.SUCCEEDED, wider.outcome());
		assertEquals(2, wider.traffic().stream().filter(t -> t.category().equals("events")).mapToLong(t -> t.recordsDown()).sum(),
				"only the two events that entered the window travel, not the one the device holds");
		assertNotNull(desktop.find(Event.class, old), "a wider window brings what entered it, below the cursor");
		assertNotNull(desktop.find(Event.class, far));

		desktop.changes.edit(Event.class, far, event -> event.setTitle("Due in 50 days, edited offline"));
		settings(SyncSettings.DEFAULTS.withDateWindow(0, 10));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNull(desktop.find(Event.class, old), "what left the window is removed");
		assertNotNull(desktop.find(Event.class, soon));
		assertEquals("Due in 50 days, edited offline", server.record(far).body().get("title").asText(), "the edit went up first");
	}

	@Test
	void syncOrgUnitNarrowsTheDeviceToTheChosenUnits() throws Exception {
		String east = server.admin().addOrgUnit("North East", server.north);
		server.admin().assign(ServerFixture.USER, server.south);
		String inNorth = server.webEvent("North inspection", server.north, TODAY.plusDays(1));
		String inEast = server.webEvent("North East inspection", east, TODAY.plusDays(1));
		String inSouth = server.webEvent("South inspection", server.south, TODAY.plusDays(1));

		settings(SyncSettings.DEFAULTS.withPlaces(List.of(server.north), List.of()));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Event.class, inNorth));
		assertNotNull(desktop.find(Event.class, inEast), "a chosen org unit brings its sub-units");
		assertNull(desktop.find(Event.class, inSouth), "an assigned unit that is not chosen stays on the server");

		settings(SyncSettings.DEFAULTS.withPlaces(List.of(server.south), List.of()));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Event.class, inSouth));
		assertNull(desktop.find(Event.class, inNorth), "a unit no longer chosen leaves the device");
	}

	@Test
	void syncLocationNarrowsEventsToTheChosenLocations() throws Exception {
		String depot = server.admin().addLocation("Depot 4", server.north);
		String yard = server.admin().addLocation("Yard", server.north);
		String atDepot = webEventAt("Depot check", depot);
		String atYard = webEventAt("Yard check", yard);

		settings(SyncSettings.DEFAULTS.withPlaces(List.of(), List.of(depot)));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Event.class, atDepot));
		assertNull(desktop.find(Event.class, atYard));
	}

	@Test
	void syncAllRisksBringsTheRisksOfOthersToo() throws Exception {
		String mine = webRisk("Dust at the crusher", ServerFixture.USER);
		String others = webRisk("Flooding of the pit", "someone-else");

		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Risk.class, mine), "the user's own risks always come");
		assertNull(desktop.find(Risk.class, others), "unchecked: only the user's own risks");

		settings(SyncSettings.DEFAULTS.withSyncAllRisks(true));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Risk.class, others), "checked: every risk in the user's org units");
		assertEquals("Flooding of the pit", desktop.find(Risk.class, others).getTitle());
	}

	private String webRisk(String title, String owner) {
		String id = java.util.UUID.randomUUID().toString();
		server.admin().putRecord("risk", id, java.util.Map.of("title", ServerFixture.text(title), "orgUnitId", ServerFixture.text(server.north),
				"orgUnit", ServerFixture.text(server.north), "owner", ServerFixture.text(owner)));
		return id;
	}

	@Test
	void retainEventsUncheckedRemovesAPushedEventRightAfterTheSync() throws Exception {
		String id = server.webEvent("Inspection to complete", server.north, TODAY.plusDays(1));
		sync(SyncKind.EVENTS);
		settings(SyncSettings.DEFAULTS.withRetention(false, 7));
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Inspection, completed"));

		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertEquals("Inspection, completed", server.record(id).body().get("title").asText(), "the change reached the server");
		assertNull(desktop.find(Event.class, id), "unchecked: the pushed event is removed after the sync");
	}

	@Test
	void retainEventsCheckedKeepsAPushedEventForItsDays() throws Exception {
		String id = server.webEvent("Inspection to keep", server.north, TODAY.plusDays(1));
		sync(SyncKind.EVENTS);
		settings(SyncSettings.DEFAULTS.withRetention(true, 7));
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Inspection to keep, done"));

		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Event.class, id), "kept for 7 days after the sync that sent it");
	}

	@Test
	void aCancelledInitialSyncResumesWhereItStoppedWithNothingDuplicated() throws Exception {
		// the engine asks for the protocol's largest page: one full page, then 700 more
		int page = Protocol.MAX_PAGE_SIZE;
		for (int i = 0; i < page + 700; i++) {
			server.webEvent("Bulk event " + i, server.north, TODAY.plusDays(i % 20));
		}
		CancelOnceStored monitor = new CancelOnceStored(desktop, 1);
		SyncReport cancelled = sync(SyncKind.EVENTS, monitor);
		assertEquals(SyncOutcome.CANCELLED, cancelled.outcome());
		long afterFirstPage = desktop.count("Event");
		assertEquals(page, afterFirstPage, "the first page and its cursor were committed together");

		SyncReport resumed = sync(SyncKind.EVENTS);
		assertEquals(SyncOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
		assertEquals(page + 700, desktop.count("Event"));
		assertEquals(700, resumed.recordsDown(), "the resumed sync fetched only what was missing");
	}

	private String webEventAt(String title, String location) {
		String id = server.webEvent(title, server.north, TODAY.plusDays(2));
		server.webEdit(id, "location", ServerFixture.text(location));
		server.webEdit(id, "locationId", ServerFixture.text(location));
		return id;
	}

	/** Cancels the sync once the device holds the given number of events, as a user pressing Cancel during the pull would. */
	private static final class CancelOnceStored extends NullProgressMonitor {
		private final Desktop desktop;
		private final long events;

		CancelOnceStored(Desktop desktop, long events) {
			this.desktop = desktop;
			this.events = events;
		}

		@Override
		public boolean isCanceled() {
			return desktop.count("Event") >= events;
		}
	}
}
