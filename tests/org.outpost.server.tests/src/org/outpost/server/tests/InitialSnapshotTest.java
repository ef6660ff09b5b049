package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.CategoryCursor;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangedRequest;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.LeftRecord;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerConfig;
import org.outpost.server.tests.Api.Reply;

/**
 * A category's first pull is a snapshot in (type, id) order up to the sequence number it started
 * at, and the feed goes on from that number: what changed meanwhile arrives once, in its last
 * state; a scope change during it starts the category over; its cursor means the same to every
 * server on the database. On HSQLDB, and on PostgreSQL through scripts/test-postgresql.sh.
 */
class InitialSnapshotTest {

	/** A plain sequence cursor: the feed after the snapshot. */
	private static final String SEQUENCE_CURSOR = "\\d+\\.[0-9a-f]{16}";

	@TempDir
	Path folder;

	private final List<OutpostServer> servers = new ArrayList<>();
	private ServerAdmin admin;
	private Fixture company;

	@AfterEach
	void stop() throws Exception {
		for (OutpostServer server : servers) {
			server.close();
		}
	}

	private Api start(ServerConfig config) throws Exception {
		OutpostServer server = OutpostServer.start(config);
		servers.add(server);
		if (admin == null) {
			admin = server.admin();
			company = new Fixture(admin);
		}
		return new Api(server.uri());
	}

	/** An id that sorts as {@code n} among the test's ids (every UUID's text has the same length and dashes). */
	private static String id(int n) {
		return String.format("00000000-0000-4000-8000-%012d", n);
	}

	private String event(String id, String orgUnit, String title) {
		return admin.putRecord("event", id, Map.of("orgUnit", Fixture.text(orgUnit), "dueDate", Fixture.text(Fixture.TODAY.toString()), "title",
				Fixture.text(title), "status", Fixture.text("scheduled"))).id();
	}

	private static ChangePage pull(Api api, String token, String category, String cursor, int limit, DeviceScope scope, boolean count) {
		Reply reply = api.post(Protocol.CHANGES, Api.json(new ChangesRequest(category, cursor, limit, scope, count, Set.of())), token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.changePage(reply.json());
	}

	private static List<ChangePage> pullRest(Api api, String token, String category, String cursor, int limit) {
		List<ChangePage> pages = new ArrayList<>();
		ChangePage page;
		do {
			page = pull(api, token, category, cursor, limit, DeviceScope.DEFAULT, false);
			pages.add(page);
			cursor = page.nextCursor();
		} while (page.hasMore());
		return pages;
	}

	private static List<WireRecord> records(List<ChangePage> pages) {
		return pages.stream().flatMap(page -> page.records().stream()).toList();
	}

	private static String last(List<ChangePage> pages) {
		return pages.get(pages.size() - 1).nextCursor();
	}

	@Test
	void aFirstPullSendsTheCategoryTypeByTypeInIdOrderAndEndsOnASequenceCursor() throws Exception {
		Api api = start(TestStores.fresh(folder));
		String token = api.login("officer", "secret", "laptop-1");
		Set<String> made = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			// actions first and in descending id order: the sequence order is not the snapshot's
			made.add(admin.putRecord("action", id(100 - i), Map.of("orgUnit", Fixture.text(company.a), "description", Fixture.text("action " + i),
					"status", Fixture.text("PENDING"))).id());
			made.add(admin.putRecord("finding", id(50 - i), Map.of("orgUnit", Fixture.text(company.a), "description", Fixture.text("finding " + i)))
					.id());
		}
		admin.putRecord("finding", id(1), Map.of("orgUnit", Fixture.text(company.b), "description", Fixture.text("outside the officer's units")));

		ChangePage first = pull(api, token, "findings", null, 3, DeviceScope.DEFAULT, false);
		assertTrue(first.hasMore());
		assertTrue(first.remaining() >= 7, "an upper bound of the 7 records after the first page: " + first.remaining());
		ChangePage counted = pull(api, token, "findings", first.nextCursor(), 3, DeviceScope.DEFAULT, true);
		assertTrue(counted.remaining() >= 4, "counted in the middle of the snapshot when asked: " + counted.remaining());
		List<ChangePage> pages = new ArrayList<>(List.of(first, counted));
		pages.addAll(pullRest(api, token, "findings", counted.nextCursor(), 3));

		List<WireRecord> records = records(pages);
		assertEquals(made, new HashSet<>(records.stream().map(WireRecord::id).toList()), "every record in the scope, none outside it");
		assertEquals(made.size(), records.size(), "each once");
		List<String> types = records.stream().map(WireRecord::type).toList();
		assertEquals(types.lastIndexOf("finding") + 1, types.indexOf("action"), "the findings, then the actions: " + types);
		List<WireRecord> sorted = records.stream()
				.sorted(Comparator.comparing((WireRecord record) -> record.type().equals("finding") ? 0 : 1).thenComparing(WireRecord::id)).toList();
		assertEquals(sorted, records, "by id within each type");
		assertTrue(last(pages).matches(SEQUENCE_CURSOR), "the snapshot ends on the feed's cursor: " + last(pages));
		assertEquals(List.of(), changed(api, token, new CategoryCursor("findings", last(pages))), "nothing after it");
	}

	@Test
	void whatChangesDuringTheSnapshotArrivesAfterItOnceInItsLastState() throws Exception {
		Api api = start(TestStores.fresh(folder));
		String token = api.login("officer", "secret", "laptop-1");
		for (int n = 10; n <= 17; n++) {
			event(id(n), company.a, "event " + n);
		}
		ChangePage first = pull(api, token, "events", null, 2, DeviceScope.DEFAULT, false);
		assertEquals(List.of(id(10), id(11)), first.records().stream().map(WireRecord::id).toList());
		assertEquals(List.of("events"), changed(api, token, new CategoryCursor("events", first.nextCursor())), "a snapshot not through yet");

		// behind the snapshot's position: sent already
		admin.putRecord("event", id(10), Map.of("title", Fixture.text("edited after it was sent")));
		admin.putRecord("event", id(11), Map.of("orgUnit", Fixture.text(company.b)));
		// ahead of it
		admin.putRecord("event", id(14), Map.of("title", Fixture.text("edited before it was sent")));
		assertTrue(admin.deleteRecord(id(15)));
		admin.putRecord("event", id(16), Map.of("orgUnit", Fixture.text(company.b)));
		// a new record whose id sorts before the position
		event(id(5), company.a, "made during the snapshot");

		List<ChangePage> rest = pullRest(api, token, "events", first.nextCursor(), 2);
		List<WireRecord> records = records(rest);
		List<String> ids = records.stream().map(WireRecord::id).toList();
		assertEquals(1, ids.stream().filter(id(14)::equals).count(), "an edit ahead of the snapshot arrives once: " + ids);
		WireRecord edited = records.get(ids.indexOf(id(14)));
		assertEquals("edited before it was sent", edited.body().path("title").asText());
		assertEquals(admin.record(id(14)).rev(), edited.rev());
		assertEquals(1, ids.stream().filter(id(15)::equals).count(), "a deletion ahead of it arrives once, as a tombstone: " + ids);
		assertTrue(records.get(ids.indexOf(id(15))).tombstone());
		assertFalse(ids.contains(id(16)), "a record that left the scope before it was sent never comes");
		assertEquals(1, ids.stream().filter(id(5)::equals).count(), "a new record comes once");
		assertEquals("edited after it was sent", records.get(ids.lastIndexOf(id(10))).body().path("title").asText(),
				"an edit of a record sent already comes again");
		assertTrue(rest.stream().flatMap(page -> page.left().stream()).map(LeftRecord::id).anyMatch(id(11)::equals),
				"a record sent already that left the scope is announced");
		for (int n : new int[] { 12, 13, 17 }) {
			assertEquals(1, ids.stream().filter(id(n)::equals).count(), "unchanged records come once: " + ids);
		}
		assertTrue(last(rest).matches(SEQUENCE_CURSOR), last(rest));
	}

	@Test
	void aScopeChangeDuringTheSnapshotStartsTheCategoryOverInSequenceOrder() throws Exception {
		Api api = start(TestStores.fresh(folder));
		String token = api.login("officer", "secret", "laptop-1");
		event(id(1), company.a, "in A");
		event(id(2), company.a1, "in A1");
		event(id(3), company.a1, "in A1 too");
		ChangePage first = pull(api, token, "events", null, 1, DeviceScope.DEFAULT, false);
		assertEquals(List.of(id(1)), first.records().stream().map(WireRecord::id).toList());

		DeviceScope onlyA1 = new DeviceScope(30, 30, List.of(company.a1), List.of(), false, false);
		ChangePage restarted = pull(api, token, "events", first.nextCursor(), 1, onlyA1, false);

		assertTrue(restarted.reset(), "the device holds part of the old scope's records: it starts over and removes what it is not sent");
		assertTrue(restarted.nextCursor().endsWith(".sweep"), "a restart's cursor: " + restarted.nextCursor());
		List<WireRecord> records = new ArrayList<>(restarted.records());
		String cursor = restarted.nextCursor();
		ChangePage page = restarted;
		while (page.hasMore()) {
			page = pull(api, token, "events", cursor, 1, onlyA1, false);
			assertFalse(page.reset());
			records.addAll(page.records());
			cursor = page.nextCursor();
		}
		assertEquals(Set.of(id(2), id(3)), new HashSet<>(records.stream().map(WireRecord::id).toList()));
		assertTrue(records.get(0).rev() < records.get(1).rev(), "in sequence order");
	}

	@Test
	void aSnapshotCursorMeansTheSameToAnotherServerOnTheDatabase() throws Exception {
		ServerConfig config = TestStores.fresh(folder);
		Api one = start(config);
		Api other = start(config.withPort(0));
		String token = one.login("officer", "secret", "laptop-1");
		for (int n = 1; n <= 5; n++) {
			event(id(n), company.a, "event " + n);
		}
		ChangePage first = pull(one, token, "events", null, 2, DeviceScope.DEFAULT, false);
		List<ChangePage> rest = pullRest(other, token, "events", first.nextCursor(), 2);

		List<String> ids = new ArrayList<>(first.records().stream().map(WireRecord::id).toList());
		records(rest).forEach(record -> ids.add(record.id()));
		assertEquals(List.of(id(1), id(2), id(3), id(4), id(5)), ids);
	}

	@Test
	void aSnapshotCursorThisServerDidNotGiveOutIsABadRequest() throws Exception {
		Api api = start(TestStores.fresh(folder));
		String token = api.login("officer", "secret", "laptop-1");
		String fingerprint = pull(api, token, "events", null, 10, DeviceScope.DEFAULT, false).nextCursor().split("\\.")[1];
		for (String cursor : new String[] { "3." + fingerprint + ".spaceship.", "3." + fingerprint + ".finding." + id(1) }) {
			Reply reply = api.post(Protocol.CHANGES, Fixture.pull("events", cursor, 10, DeviceScope.DEFAULT), token);
			assertEquals(400, reply.status(), reply.body());
			assertEquals("invalid_request", reply.code(), reply.body());
		}
	}

	private static List<String> changed(Api api, String token, CategoryCursor category) {
		Reply reply = api.post(Protocol.CHANGED, Api.json(new ChangedRequest(List.of(category), DeviceScope.DEFAULT)), token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.changedCategories(reply.json()).changed();
	}
}
