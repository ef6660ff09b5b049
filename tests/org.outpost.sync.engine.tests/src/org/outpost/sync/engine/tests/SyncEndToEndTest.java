package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.test.support.ServerFixture;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Permission;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.findings.Finding;
import org.outpost.obligations.Obligation;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.sync.engine.RejectedChange;
import org.outpost.sync.engine.SyncConflict;
import org.outpost.sync.engine.SyncProblem;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.history.SyncRun;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The desktop's sync engine against a real Outpost server over loopback HTTP. */
class SyncEndToEndTest {

	private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

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
		return desktop.engine.sync(SyncRequest.of(kind, SyncRequest.MANUAL), new NullProgressMonitor());
	}

	@Test
	void theInitialSyncBringsTheRecordsInTheUsersScopeOnly() {
		String mine = server.webEvent("Fire exit inspection", server.north, TODAY.plusDays(3));
		String others = server.webEvent("Audit elsewhere", server.south, TODAY.plusDays(3));

		SyncReport report = sync(SyncKind.FULL);

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		Event event = desktop.find(Event.class, mine);
		assertNotNull(event, "the event in the user's org unit came down");
		assertEquals("Fire exit inspection", event.getTitle());
		assertEquals(TODAY.plusDays(3), event.getDueDate());
		assertEquals(server.record(mine).rev(), event.getRevision());
		assertNull(desktop.find(Event.class, others), "an event outside the user's org units stays on the server");
		AccessPolicy access = new AccessPolicy(desktop.database);
		assertEquals(ServerFixture.USER, access.signedInUser().orElseThrow().getUserName(), "the user who logged in works on this device");
		assertTrue(access.check("events", "Events", Permission.EDIT).allowed(), "the role's permissions came down with the admin data");
		SyncRun run = desktop.engine.history().lastFinished("full").orElseThrow();
		assertEquals(SyncOutcome.SUCCEEDED, run.getOutcome());
		assertTrue(run.getTraffic().stream().anyMatch(t -> t.category().equals("events") && t.recordsDown() == 1), run.getTraffic().toString());
	}

	@Test
	void editsOnBothSidesToDifferentFieldsMerge() {
		String id = server.webEvent("Monthly audit", server.north, TODAY.plusDays(5));
		sync(SyncKind.EVENTS);

		desktop.changes.edit(Event.class, id, event -> event.setTitle("Monthly audit, warehouse"));
		server.webEdit(id, "leewayDays", JsonNodeFactory.instance.numberNode(9));
		SyncReport report = sync(SyncKind.EVENTS);

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals("Monthly audit, warehouse", server.record(id).body().get("title").asText());
		assertEquals(9, server.record(id).body().get("leewayDays").asInt());
		Event local = desktop.find(Event.class, id);
		assertEquals("Monthly audit, warehouse", local.getTitle());
		assertEquals(9, local.getLeewayDays());
		assertEquals(0, desktop.count("OutboxEntry"));
	}

	@Test
	void theSameFieldChangedOnBothSidesIsAConflictThatLosesNothing() {
		String id = server.webEvent("Site visit", server.north, TODAY);
		sync(SyncKind.EVENTS);

		desktop.changes.edit(Event.class, id, event -> event.setTitle("Site visit (mine)"));
		server.webEdit(id, "title", ServerFixture.text("Site visit (theirs)"));
		SyncReport report = sync(SyncKind.EVENTS);

		assertEquals(SyncOutcome.NEEDS_ATTENTION, report.outcome());
		assertEquals(1, report.conflicts());
		List<SyncConflict> conflicts = desktop.database.read(em -> em.createQuery("SELECT c FROM SyncConflict c", SyncConflict.class).getResultList());
		assertEquals(1, conflicts.size());
		SyncConflict conflict = conflicts.get(0);
		assertEquals("title", conflict.getField());
		assertEquals("\"Site visit (mine)\"", conflict.getMine());
		assertEquals("\"Site visit (theirs)\"", conflict.getTheirs());
		assertEquals("Site visit (theirs)", desktop.find(Event.class, id).getTitle(), "the record shows the server's value");
		assertEquals("Site visit (theirs)", server.record(id).body().get("title").asText());
	}

	/** Change-feed pages the server has answered, from its metrics. */
	private long pagesServed() throws Exception {
		return answered(Protocol.CHANGES, 200);
	}

	/** Requests to an endpoint the server has answered with a status, from its metrics. */
	private long answered(String endpoint, int status) throws Exception {
		HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve(Protocol.METRICS)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher served = Pattern.compile("outpost_requests_total\\{endpoint=\"" + Pattern.quote(endpoint) + "\",status=\"" + status + "\"\\} (\\d+)")
				.matcher(metrics.body());
		return served.find() ? Long.parseLong(served.group(1)) : 0;
	}

	@Test
	void changesLargerThanOneRequestMayCarryGoUpInSeveralPushes() throws Exception {
		String event = server.webEvent("Warehouse audit", server.north, TODAY.plusDays(1));
		sync(SyncKind.FULL);
		// 400 findings (under the 500 mutations a push may carry) of 4,000 three-byte characters each: about 4.8 MB, over the 4 MiB of one request
		String description = "€".repeat(4_000);
		List<String> ids = new java.util.ArrayList<>();
		for (int n = 0; n < 400; n++) {
			Finding finding = new Finding(description);
			finding.setEventId(event);
			desktop.changes.create(finding);
			ids.add(finding.getId());
		}

		SyncReport report = sync(SyncKind.EVENTS);

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(0, desktop.count("OutboxEntry"));
		assertEquals(0, answered(Protocol.PUSH, 413), "no push was refused as too large");
		assertTrue(answered(Protocol.PUSH, 200) >= 2, "the changes went in more than one push");
		for (String id : ids) {
			assertEquals(description, server.record(id).body().get("description").asText());
		}
	}

	@Test
	void aPulledRecordAtTheRevisionItsOwnPushGaveItIsNotAppliedAgain() throws Exception {
		String id = server.webEvent("Crane inspection", server.north, TODAY.plusDays(3));
		try (HoldingProxy proxy = new HoldingProxy(server.uri())) {
			desktop.engine.login(proxy.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray(), true);
			sync(SyncKind.EVENTS);
			// as against a server that does not leave the device's own changes out of its pull
			proxy.dropHeldRevisions();
			desktop.changes.edit(Event.class, id, event -> event.setTitle("Crane inspection, yard"));
			// the push is answered and stored; before the pull's first page this test marks the device's copy behind the sync's back
			proxy.beforeChangesAfter("events", proxy.pages("events").size(), () -> desktop.database
					.write(em -> em.createQuery("UPDATE Event e SET e.leewayDays = 77 WHERE e.id = :id").setParameter("id", id).executeUpdate()));
			assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());

			assertTrue(proxy.pages("events").stream().anyMatch(page -> page.records().stream().anyMatch(r -> r.id().equals(id))),
					"the pushed record came back down");
			Event local = desktop.find(Event.class, id);
			assertEquals(server.record(id).rev(), local.getRevision());
			assertEquals(77, local.getLeewayDays(), "the record the push left as the device has it was not applied again (the mark stayed)");
		}
	}

	@Test
	void theServerLeavesTheDevicesOwnChangesOutOfItsPullAndItsCursorMovesPastThem() throws Exception {
		String mine = server.webEvent("Gate check", server.north, TODAY.plusDays(2));
		String theirs = server.webEvent("Fence check", server.north, TODAY.plusDays(2));
		try (HoldingProxy proxy = new HoldingProxy(server.uri())) {
			desktop.engine.login(proxy.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray(), true);
			sync(SyncKind.EVENTS);
			desktop.changes.edit(Event.class, mine, event -> event.setTitle("Gate check, west"));
			server.webEdit(theirs, "title", ServerFixture.text("Fence check, south"));
			proxy.clearRecords();
			assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());

			long pushed = server.record(mine).rev();
			assertEquals(Set.of(pushed), proxy.changesRequests("events").get(0).heldRevisions(),
					"the device names the revision its push gave its copy");
			assertEquals(List.of(theirs), proxy.pages("events").stream().flatMap(page -> page.records().stream()).map(WireRecord::id).toList(),
					"its own change stayed on the server, the other device's came down");
			assertEquals(pushed, desktop.find(Event.class, mine).getRevision());
			assertEquals("Gate check, west", desktop.find(Event.class, mine).getTitle());
			assertEquals("Fence check, south", desktop.find(Event.class, theirs).getTitle());

			proxy.clearRecords();
			assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
			assertEquals(List.of(), proxy.pages("events"), "the cursor moved past its own change: nothing left to pull");
			server.webEdit(mine, "leewayDays", JsonNodeFactory.instance.numberNode(6));
			assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
			assertEquals(6, desktop.find(Event.class, mine).getLeewayDays(), "a later change by another side comes down");
		}
	}

	@Test
	void aPushedChangeTakesTheServersNewRevisionAndALaterChangeByAnotherDeviceStillComesDown() {
		String id = server.webEvent("Ladder check", server.north, TODAY.plusDays(2));
		sync(SyncKind.EVENTS);

		desktop.changes.edit(Event.class, id, event -> event.setTitle("Ladder check, east"));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertEquals(server.record(id).rev(), desktop.find(Event.class, id).getRevision(), "the push answer gave it the server's revision");
		assertEquals("Ladder check, east", desktop.find(Event.class, id).getTitle());

		server.webEdit(id, "leewayDays", JsonNodeFactory.instance.numberNode(4));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		Event local = desktop.find(Event.class, id);
		assertEquals(4, local.getLeewayDays(), "the other side's later change to the same record came down");
		assertEquals("Ladder check, east", local.getTitle());
		assertEquals(server.record(id).rev(), local.getRevision());
	}

	@Test
	void aSyncPullsOnlyTheCategoriesWithChangesAndThoseItPushedTo() throws Exception {
		String id = server.webEvent("Boiler check", server.north, TODAY.plusDays(2));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL).outcome());

		long before = pagesServed();
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL).outcome());
		assertEquals(before, pagesServed(), "nothing changed: one question to the server, no category pulled");

		server.webEdit(id, "title", ServerFixture.text("Boiler check, north wing"));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL).outcome());
		assertEquals(before + 1, pagesServed(), "only the events category was pulled");
		assertEquals("Boiler check, north wing", desktop.find(Event.class, id).getTitle());

		desktop.changes.edit(Event.class, id, event -> event.setTitle("Boiler check, done"));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL).outcome());
		assertEquals(before + 2, pagesServed(), "the category it pushed to is pulled, so that its cursor moves past its own change");
		assertEquals(server.record(id).rev(), desktop.find(Event.class, id).getRevision());
		long after = pagesServed();
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL).outcome());
		assertEquals(after, pagesServed(), "its own change does not come down again in a later sync");
	}

	@Test
	void eachKindSyncsOnlyItsOwnParticipants() {
		String event = server.webEvent("Quarterly check", server.north, TODAY.plusDays(1));
		String obligation = java.util.UUID.randomUUID().toString();
		server.admin().putRecord("obligation", obligation, java.util.Map.of("topic", ServerFixture.text("Noise limits"), "status",
				ServerFixture.text("COMPLIANT"), "orgUnit", ServerFixture.text(server.north)));

		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.ADMIN).outcome());
		assertNotNull(desktop.find(Obligation.class, obligation), "obligations sync with Admin");
		assertNull(desktop.find(Event.class, event), "events do not sync with Admin");

		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertNotNull(desktop.find(Event.class, event));
	}

	@Test
	void offlineIsAStateAndNothingIsLostOrDuplicatedWhenTheServerIsBack() throws Exception {
		sync(SyncKind.FULL);
		Event created = new Event("Inspection made offline", TODAY.plusDays(2));
		created.setOrgUnitId(server.north);
		desktop.changes.create(created);
		server.stop();

		SyncReport offline = sync(SyncKind.EVENTS);
		assertEquals(SyncOutcome.OFFLINE, offline.outcome());
		assertTrue(offline.message().contains("cannot be reached"), offline.message());
		assertEquals(1, desktop.count("OutboxEntry"), "the change waits in the outbox");

		server.start();
		SyncReport back = sync(SyncKind.EVENTS);
		assertEquals(SyncOutcome.SUCCEEDED, back.outcome(), back.message());
		assertEquals(0, desktop.count("OutboxEntry"));
		assertEquals("Inspection made offline", server.record(created.getId()).body().get("title").asText());
		assertTrue(desktop.find(Event.class, created.getId()).getRevision() > 0);
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS).outcome());
		assertEquals(1, server.admin().count("event"), "replays never duplicate");
	}

	@Test
	void aChangeTheServerRefusesIsSetAsideWithItsReasonAndTheRestGoesThrough() {
		String id = server.webEvent("Allowed edit", server.north, TODAY.plusDays(4));
		sync(SyncKind.FULL);
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Allowed edit, done"));
		Event outside = new Event("Created outside my org units", TODAY.plusDays(4));
		outside.setOrgUnitId(server.south);
		desktop.changes.create(outside);

		SyncReport report = sync(SyncKind.EVENTS);

		assertEquals(1, report.rejects(), report.message());
		List<RejectedChange> rejected = desktop.database.read(em -> em.createQuery("SELECT r FROM RejectedChange r", RejectedChange.class)
				.getResultList());
		assertEquals(outside.getId(), rejected.get(0).getRecordId());
		assertTrue(rejected.get(0).getReason().contains(server.south) || !rejected.get(0).getReason().isBlank(), rejected.get(0).getReason());
		assertEquals("Allowed edit, done", server.record(id).body().get("title").asText());
		assertEquals(0, desktop.count("OutboxEntry"));
	}

	@Test
	void wrongCredentialsAreRefusedWithTheServersReason() {
		SyncProblem problem = assertThrows(SyncProblem.class,
				() -> new Desktop().engine.login(server.uri(), ServerFixture.USER, "not the password".toCharArray()));
		assertEquals(SyncProblem.Kind.LOGIN_NEEDED, problem.kind());
	}
}
