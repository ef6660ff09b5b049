package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * The initial sync into empty tables, which asks the database only about the ids it has inserted
 * itself: a record changed on the server while the sync runs after its page was written arrives a
 * second time, and must then update the row the first page wrote; one changed before its page
 * arrives once, after the snapshot (the first pull goes by id up to where it started).
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
		// the first and the last id: in the first page and in the last of the snapshot
		String early = server.webEvent("00000000-0000-4000-8000-000000000000", "Written before the sync", server.north, due);
		String late = server.webEvent("ffffffff-ffff-4fff-bfff-ffffffffffff", "Written before the sync too", server.north, due);
		server.webEvents(SERVER_EVENTS - 2, "Web event", server.north, due);
		// the first page is on its way to the device: the edits give the records sequence numbers after the snapshot's
		proxy.beforeChangesAfter("events", 1, () -> {
			server.webEdit(early, "title", ServerFixture.text("Edited during the sync"));
			server.webEdit(late, "title", ServerFixture.text("Edited before its page"));
		});

		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(2, pagesWith(early), "the edited record came in the first page and again after the snapshot");
		assertEquals(1, pagesWith(late), "a record edited before its page was sent comes once, after the snapshot");
		assertEquals(SERVER_EVENTS, desktop.count("Event"));
		for (String id : new String[] { early, late }) {
			Event local = desktop.find(Event.class, id);
			assertEquals(server.record(id).body().get("title").asText(), local.getTitle());
			assertEquals(server.record(id).rev(), local.getRevision());
		}
		assertEquals("Edited before its page", desktop.find(Event.class, late).getTitle());
	}

	@Test
	void aScopeChangeDuringTheInitialSyncRestartsTheCategoryAndTheDeviceEndsWithTheNewScope() {
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		server.webEvents(SERVER_EVENTS, "North event", server.north, due);
		server.webEvents(5, "South event", server.south, due);
		// after the snapshot's first page the officer is given the South too: the device's scope is another one
		proxy.beforeChangesAfter("events", 1, () -> server.admin().assign(ServerFixture.USER, server.south));

		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertTrue(proxy.pages("events").get(1).reset(), "the category starts over from the beginning");
		assertEquals(SERVER_EVENTS + 5, desktop.count("Event"), "every North and South event, each once");
	}

	@Test
	void theDeviceAsksForTheLargestPageTheServerNamesAndForTheOlderLimitWhenItNamesNone() throws Exception {
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		server.webEvents(SERVER_EVENTS, "Web event", server.north, due);

		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(Set.of(Protocol.MAX_PAGE_SIZE), limitsAsked("events"));
		assertEquals(2, proxy.pages("events").size(), "a full page and the rest");

		Desktop another = new Desktop();
		proxy.dropMaxPageSize();
		proxy.clearRecords();
		another.engine.login(proxy.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		report = another.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(Set.of(Protocol.OLDER_MAX_PAGE_SIZE), limitsAsked("events"), "a server that does not say refuses more");
		assertEquals(SERVER_EVENTS, another.count("Event"));
	}

	@Test
	void theNextCategorysFirstPageIsAskedWhileTheCategoryBeforeItIsStillBeingPulled() throws Exception {
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		server.webEvents(SERVER_EVENTS, "Web event", server.north, due);
		server.admin().putRecord("finding", UUID.randomUUID().toString(),
				Map.of("orgUnit", ServerFixture.text(server.north), "description", ServerFixture.text("Blocked fire exit")));
		// the events' second page never comes: the events cannot be through
		proxy.holdChangesAfter("events", 1);
		Thread sync = Thread.ofPlatform().start(() -> desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor()));
		try {
			proxy.awaitHeld();
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (proxy.changesRequests("findings").isEmpty() && System.nanoTime() < until) {
				Thread.sleep(20);
			}
			assertEquals(1, proxy.changesRequests("findings").size(), "the findings' first page is asked while the events' pull waits for its second");
			assertNull(proxy.changesRequests("findings").get(0).cursor());
		} finally {
			// the held exchange is dropped: the sync ends with an error
			proxy.close();
			sync.join(TimeUnit.MINUTES.toMillis(2));
		}
		assertFalse(sync.isAlive(), "the sync ends once its held page is dropped");
	}

	private Set<Integer> limitsAsked(String category) {
		return proxy.changesRequests(category).stream().map(ChangesRequest::limit).collect(Collectors.toSet());
	}

	private long pagesWith(String id) {
		return proxy.pages("events").stream().filter(page -> page.records().stream().map(WireRecord::id).anyMatch(id::equals)).count();
	}
}
