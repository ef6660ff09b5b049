package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * The initial sync into empty tables, which asks the database only about the ids it has inserted
 * itself: a record changed on the server while the sync runs arrives a second time, and must then
 * update the row the first page wrote.
 */
class InitialSyncEndToEndTest {

	private static final int SERVER_EVENTS = Protocol.MAX_PAGE_SIZE + 200;

	private ServerFixture server;
	private HoldingProxy proxy;
	private Desktop desktop;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture();
		proxy = new HoldingProxy(server.uri());
		desktop = new Desktop();
		desktop.engine.login(proxy.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
	}

	@AfterEach
	void stop() throws Exception {
		proxy.close();
		server.close();
	}

	@Test
	void aRecordEditedOnTheServerDuringTheInitialSyncArrivesTwiceAndEndsAsOneRowWithItsNewValues() {
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		String early = server.webEvent("Written before the sync", server.north, due);
		server.webEvents(SERVER_EVENTS - 1, "Web event", server.north, due);
		// the first page is on its way to the device: the edit gives the record a sequence number after it
		proxy.beforeChangesAfter("events", 1, () -> server.webEdit(early, "title", ServerFixture.text("Edited during the sync")));

		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(2, proxy.pages("events").stream().filter(page -> page.records().stream().map(WireRecord::id).anyMatch(early::equals)).count(),
				"the edited record came in the first page and again in a later one");
		assertEquals(SERVER_EVENTS, desktop.count("Event"));
		Event local = desktop.find(Event.class, early);
		assertEquals("Edited during the sync", local.getTitle());
		assertEquals(server.record(early).rev(), local.getRevision());
	}
}
