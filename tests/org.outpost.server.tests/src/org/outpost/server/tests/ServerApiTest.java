package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.CategoryCursor;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangedRequest;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.FieldConflict;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.protocol.Messages.RecordEdit;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerAdmin.DeviceInfo;
import org.outpost.server.tests.Api.Reply;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sync API end to end: a real server on a free port, real HTTP, the real store. */
class ServerApiTest {

	@TempDir
	static Path folder;

	static OutpostServer server;
	static ServerAdmin admin;
	static Api api;
	static Fixture company;
	static String token;

	@BeforeAll
	static void start() throws Exception {
		server = OutpostServer.start(TestStores.fresh(folder));
		admin = server.admin();
		api = new Api(server.uri());
		company = new Fixture(admin);
		token = api.login("officer", "secret", "laptop-1");
	}

	@AfterAll
	static void stopAndCheckTheDocument() throws Exception {
		server.close();
		OpenApiDocument.load().assertDeclares(Api.SEEN, Api.ERROR_CODES);
	}

	private static ChangePage pullPage(String category, String cursor, int limit, DeviceScope scope) {
		Reply reply = api.post(Protocol.CHANGES, Fixture.pull(category, cursor, limit, scope), token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.changePage(reply.json());
	}

	/** Pulls a category to its end; returns the records and the last cursor. */
	private static Map.Entry<List<WireRecord>, String> pullAll(String category, String cursor, int limit, DeviceScope scope) {
		List<WireRecord> records = new ArrayList<>();
		ChangePage page;
		do {
			page = pullPage(category, cursor, limit, scope);
			assertTrue(page.records().size() <= limit);
			records.addAll(page.records());
			cursor = page.nextCursor();
		} while (page.hasMore());
		return Map.entry(records, cursor);
	}

	private static List<MutationResult> push(String json) {
		Reply reply = api.post(Protocol.PUSH, json, token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.pushResponse(reply.json()).results();
	}

	private static void assertError(Reply reply, int status, String code) {
		assertEquals(status, reply.status(), reply.body());
		assertNotNull(reply.json(), "an error answer is JSON: " + reply.body());
		assertEquals(code, reply.code(), reply.body());
		assertFalse(reply.json().path("message").asText().isBlank(), "an error says what is wrong");
	}

	// ---- hello and login

	@Test
	void helloTellsVersionsAndTheVerdictForTheClientsVersion() {
		Reply same = api.get(Protocol.HELLO + "?clientVersion=1.0");
		assertEquals(200, same.status());
		assertEquals(List.of(1, 2), JsonCodec.hello(same.json()).protocolVersions());
		assertNotNull(JsonCodec.hello(same.json()).serverId(), "the server names itself");
		assertEquals("go", same.json().path("compatibility").path("verdict").asText());
		assertEquals("warn", api.get(Protocol.HELLO + "?clientVersion=1.1").json().path("compatibility").path("verdict").asText());
		Reply far = api.get(Protocol.HELLO + "?clientVersion=3.0");
		assertEquals("block", far.json().path("compatibility").path("verdict").asText());
		assertTrue(far.json().path("compatibility").path("message").asText().contains("3.0"));
		assertError(api.get(Protocol.HELLO + "?clientVersion=latest"), 400, "invalid_request");
		assertError(api.send(HttpRequest.newBuilder(server.uri().resolve(Protocol.HELLO)).header(Protocol.PROTOCOL_HEADER, "3").GET().build()), 400,
				"unsupported_protocol");
	}

	@Test
	void helloNamesTheLargestPageAndTheFeedTakesItButNoMore() {
		assertEquals(Protocol.MAX_PAGE_SIZE, JsonCodec.hello(api.get(Protocol.HELLO).json()).maxPageSize());
		assertEquals(200, api.post(Protocol.CHANGES, Fixture.pull("events", null, Protocol.MAX_PAGE_SIZE, DeviceScope.DEFAULT), token).status());
		Reply over = api.post(Protocol.CHANGES, Fixture.pull("events", null, Protocol.MAX_PAGE_SIZE + 1, DeviceScope.DEFAULT), token);
		assertError(over, 400, "invalid_request");
		assertTrue(over.json().get("message").asText().contains("limit"), over.body());
	}

	@Test
	void loginGivesATokenAndRegistersTheDevice() {
		assertFalse(api.login("officer", "secret", "laptop-login").isBlank());
		assertTrue(admin.devices().stream().anyMatch(d -> d.deviceId().equals("laptop-login") && d.user().equals("officer")));
	}

	@Test
	void aWrongPasswordIsRefused() {
		assertError(api.post(Protocol.LOGIN, "{\"user\":\"officer\",\"password\":\"guess\",\"deviceId\":\"x\"}", null), 401, "login_failed");
		assertError(api.post(Protocol.LOGIN, "{\"user\":\"nobody\",\"password\":\"guess\",\"deviceId\":\"x\"}", null), 401, "login_failed");
	}

	@Test
	void aUserWhoseRoleDoesNotAllowTheDesktopCannotLogIn() {
		assertError(api.post(Protocol.LOGIN, "{\"user\":\"web\",\"password\":\"secret\",\"deviceId\":\"web-1\"}", null), 403, "forbidden");
	}

	@Test
	void aBlockedClientVersionMovesNoData() {
		Reply login = api.post(Protocol.LOGIN, "{\"user\":\"officer\",\"password\":\"secret\",\"deviceId\":\"old-laptop\",\"clientVersion\":\"0.9\"}",
				null);
		assertError(login, 409, "version_blocked");
		assertTrue(login.json().get("message").asText().contains("0.9"));
		assertTrue(admin.devices().stream().noneMatch(d -> d.deviceId().equals("old-laptop")), "a blocked login registers no device");
		long before = admin.lastRevision();
		String id = Fixture.newId();
		assertError(api.post(Protocol.PUSH, Fixture.push(0, Fixture.create("finding", id, Map.of("orgUnit", company.a))), token, "2.0"), 409,
				"version_blocked");
		assertError(api.post(Protocol.CHANGES, Fixture.pull("events", null, 10, DeviceScope.DEFAULT), token, "0.1"), 409, "version_blocked");
		assertNull(admin.record(id));
		assertEquals(before, admin.lastRevision());
	}

	/**
	 * A refusal decided from the headers alone (here the version) before the body has arrived: the
	 * server reads the body before it answers, so the connection stays usable. Closed on unread bytes,
	 * it was reset, or it went back to the client's pool and the next request on it got no answer.
	 */
	@Test
	void aRefusalDecidedBeforeTheBodyArrivesLeavesTheConnectionUsable() throws Exception {
		byte[] body = Fixture.push(0, Fixture.create("finding", Fixture.newId(), Map.of("orgUnit", company.a, "title", "x".repeat(60_000))))
				.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			out.write(("POST " + Protocol.PUSH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + Protocol.JSON + "\r\nAuthorization: Bearer " + token
					+ "\r\n" + Protocol.CLIENT_VERSION_HEADER + ": 0.1\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(300); // the server has the headers and has decided before the body comes
			out.write(body);
			out.flush();
			String refusal = RawHttp.readResponse(in);
			assertTrue(refusal.startsWith("HTTP/1.1 409") && refusal.contains("version_blocked"), refusal);

			out.write(("GET " + Protocol.HEALTH + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String next = RawHttp.readResponse(in);
			assertTrue(next.startsWith("HTTP/1.1 200"), next);
		}
	}

	// ---- pull

	@Test
	void theChangeFeedSendsOnlyRecordsInScopeAndInPages() {
		String inA = Fixture.event(admin, company.a, Fixture.TODAY, "in A");
		String inA1 = Fixture.event(admin, company.a1, Fixture.TODAY.plusDays(5), "in A1");
		String inB = Fixture.event(admin, company.b, Fixture.TODAY, "in B");
		String tooOld = Fixture.event(admin, company.a, Fixture.TODAY.minusDays(400), "too old");
		String tooFar = Fixture.event(admin, company.a, Fixture.TODAY.plusDays(31), "too far ahead");

		List<WireRecord> records = pullAll("events", null, 1, DeviceScope.DEFAULT).getKey();
		List<String> ids = records.stream().map(WireRecord::id).toList();
		assertTrue(ids.contains(inA) && ids.contains(inA1), ids.toString());
		assertFalse(ids.contains(inB) || ids.contains(tooOld) || ids.contains(tooFar), ids.toString());
		// a first pull is a snapshot by id (InitialSnapshotTest); the feed after it in sequence order (the tests below)
		assertEquals(ids.stream().sorted().toList(), ids, "a first pull by id");
		assertTrue(records.stream().allMatch(r -> r.orgUnit().equals(company.a) || r.orgUnit().equals(company.a1)));
		WireRecord a = records.get(ids.indexOf(inA));
		assertEquals("in A", a.body().get("title").asText());
		assertEquals(Fixture.TODAY, a.dueDate());
	}

	@Test
	void aPageInTheMiddleOfTheFeedCountsWhatRemainsWhenTheDeviceAsks() {
		for (int i = 0; i < 4; i++) {
			Fixture.event(admin, company.a, Fixture.TODAY, "counted " + i);
		}
		String cursor = pullPage("events", null, 1, DeviceScope.DEFAULT).nextCursor();

		ChangePage uncounted = pullPage("events", cursor, 1, DeviceScope.DEFAULT);
		Reply reply = api.post(Protocol.CHANGES, Api.json(new ChangesRequest("events", cursor, 1, DeviceScope.DEFAULT, true, Set.of())), token);
		assertEquals(200, reply.status(), reply.body());
		ChangePage counted = JsonCodec.changePage(reply.json());

		assertTrue(uncounted.hasMore());
		assertEquals(ChangePage.UNKNOWN_REMAINING, uncounted.remaining(), "not counted in the middle of the feed unless asked");
		assertEquals(uncounted.records(), counted.records(), "counting changes nothing else");
		assertEquals(uncounted.nextCursor(), counted.nextCursor());
		int rest = pullAll("events", counted.nextCursor(), 100, DeviceScope.DEFAULT).getKey().size();
		assertTrue(rest >= 2 && counted.remaining() >= rest, "an upper bound of the " + rest + " records after the page: " + counted.remaining());
	}

	@Test
	void theFeedLeavesOutARecordAtARevisionTheDeviceHoldsAndMovesItsCursorPastIt() {
		String cursor = pullAll("events", null, 100, DeviceScope.DEFAULT).getValue();
		String mine = Fixture.newId();
		MutationResult created = push(Fixture.push(0, Fixture.create("event", mine, Map.of("orgUnit", company.a, "title", "Made on the device",
				"dueDate", Fixture.TODAY.toString())))).get(0);
		String theirs = Fixture.event(admin, company.a, Fixture.TODAY, "Made on the web");
		Set<Long> held = Set.of(created.newRev());

		ChangePage page = pullHolding(cursor, held);
		assertEquals(List.of(theirs), page.records().stream().map(WireRecord::id).toList(), "the device's own record is left out");
		assertFalse(page.hasMore());
		assertEquals(List.of(), pullAll("events", page.nextCursor(), 100, DeviceScope.DEFAULT).getKey(), "the cursor moved past it");
		assertEquals(List.of(mine, theirs), pullHolding(cursor, Set.of()).records().stream().map(WireRecord::id).toList(),
				"a device that names nothing gets both");

		admin.putRecord("event", mine, Map.of("title", Fixture.text("Renamed on the web")));
		assertEquals(List.of(mine), pullHolding(page.nextCursor(), held).records().stream().map(WireRecord::id).toList(),
				"a later change has another revision and comes down");
		// a restart from the beginning (a cursor of a scope the server does not know) sends everything: the device removes what it is not sent
		ChangePage restart = pullHolding("1.0123456789abcdef", Set.of(admin.record(mine).rev()));
		assertTrue(restart.reset());
		assertTrue(restart.records().stream().anyMatch(record -> record.id().equals(mine)));
	}

	@Test
	void aPullNamingTooManyHeldRevisionsIsRefused() {
		Set<Long> held = LongStream.rangeClosed(1, Protocol.MAX_HELD_REVISIONS + 1).boxed().collect(Collectors.toSet());
		assertError(api.post(Protocol.CHANGES, Api.json(new ChangesRequest("events", null, 10, DeviceScope.DEFAULT, false, held)), token), 400,
				"invalid_request");
	}

	private static ChangePage pullHolding(String cursor, Set<Long> held) {
		Reply reply = api.post(Protocol.CHANGES, Api.json(new ChangesRequest("events", cursor, Protocol.MAX_PAGE_SIZE, DeviceScope.DEFAULT, false, held)), token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.changePage(reply.json());
	}

	@Test
	void aDeletedRecordReachesTheDeviceAsATombstone() {
		String id = Fixture.event(admin, company.a, Fixture.TODAY, "to delete");
		String cursor = pullAll("events", null, 100, DeviceScope.DEFAULT).getValue();
		assertTrue(admin.deleteRecord(id));
		List<WireRecord> after = pullAll("events", cursor, 100, DeviceScope.DEFAULT).getKey();
		assertEquals(1, after.size());
		assertEquals(id, after.get(0).id());
		assertTrue(after.get(0).tombstone());
		assertEquals(0, after.get(0).body().size(), "a tombstone carries no body");
	}

	@Test
	void aNewCursorAfterTheLastPageBringsNothingUntilSomethingChanges() {
		String cursor = pullAll("events", null, 50, DeviceScope.DEFAULT).getValue();
		ChangePage empty = pullPage("events", cursor, 50, DeviceScope.DEFAULT);
		assertEquals(List.of(), empty.records());
		assertFalse(empty.hasMore());
		assertFalse(empty.reset());
	}

	@Test
	void aScopeChangeBringsTheRecordsThatEnteredIt() {
		String narrowId = Fixture.event(admin, company.a1, Fixture.TODAY, "in the narrow scope");
		DeviceScope narrow = new DeviceScope(30, 30, List.of(company.a1), List.of(), false, false);
		Map.Entry<List<WireRecord>, String> narrowPull = pullAll("events", null, 100, narrow);
		assertTrue(narrowPull.getKey().stream().allMatch(r -> r.orgUnit().equals(company.a1)));
		String cursor = narrowPull.getValue();
		String wideId = Fixture.event(admin, company.a, Fixture.TODAY.minusDays(50), "only in the wider window");
		DeviceScope wider = new DeviceScope(60, 30, List.of(), List.of(), false, false);
		ChangePage first = pullPage("events", cursor, 1000, wider);
		assertFalse(first.reset(), "the server knows the old scope: it sends the difference");
		List<String> ids = first.records().stream().map(WireRecord::id).toList();
		assertTrue(ids.contains(wideId), ids.toString());
		assertFalse(ids.contains(narrowId), "the device holds it already");
	}

	@Test
	void theServerSettingForActionsAssignedToTheUserNarrowsEveryDevice() {
		String mine = admin.putRecord("action", Fixture.newId(), Map.of("orgUnit", Fixture.text(company.a), "owner", Fixture.text("officer"))).id();
		String others = admin.putRecord("action", Fixture.newId(), Map.of("orgUnit", Fixture.text(company.a), "owner", Fixture.text("bob"))).id();
		String setting = Fixture.newId();
		try {
			admin.putRecord("setting", setting, Map.of("key", Fixture.text("syncActionsAssignedToUserOnly"), "value", Fixture.text("true")));
			List<String> ids = pullAll("findings", null, 100, DeviceScope.DEFAULT).getKey().stream().map(WireRecord::id).toList();
			assertTrue(ids.contains(mine));
			assertFalse(ids.contains(others));
		} finally {
			admin.deleteRecord(setting);
		}
		List<String> all = pullAll("findings", null, 100, DeviceScope.DEFAULT).getKey().stream().map(WireRecord::id).toList();
		assertTrue(all.contains(mine) && all.contains(others));
	}

	@Test
	void aDeviceAskingForAnOrgUnitOutsideTheUsersScopeIsForbidden() {
		DeviceScope outside = new DeviceScope(30, 30, List.of(company.b), List.of(), false, false);
		assertError(api.post(Protocol.CHANGES, Fixture.pull("events", null, 10, outside), token), 403, "forbidden");
	}

	private static List<String> changed(DeviceScope scope, CategoryCursor... categories) {
		Reply reply = api.post(Protocol.CHANGED, Api.json(new ChangedRequest(List.of(categories), scope)), token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.changedCategories(reply.json()).changed();
	}

	@Test
	void changedLooksOnlyAtTheDevicesOrgUnitsAndAtWhatLeftThem() {
		String mine = Fixture.event(admin, company.a, Fixture.TODAY, "mine");
		Map.Entry<List<WireRecord>, String> pulled = pullAll("events", null, 100, DeviceScope.DEFAULT);
		assertTrue(pulled.getKey().stream().anyMatch(record -> record.id().equals(mine)));
		String events = pulled.getValue();

		Fixture.event(admin, company.b, Fixture.TODAY, "in an org unit outside the officer's assignments");
		assertEquals(List.of(), changed(DeviceScope.DEFAULT, new CategoryCursor("events", events)), "another org unit's change is not the device's");

		admin.putRecord("event", mine, Map.of("orgUnit", Fixture.text(company.b)));
		assertEquals(List.of("events"), changed(DeviceScope.DEFAULT, new CategoryCursor("events", events)),
				"a record that left the device's org units is named: the pull tells the device it left");
		ChangePage page = pullPage("events", events, 100, DeviceScope.DEFAULT);
		assertFalse(page.hasMore());
		assertTrue(page.left().stream().anyMatch(left -> left.id().equals(mine)), "the pull announces it: " + page.left());
		assertEquals(List.of(), changed(DeviceScope.DEFAULT, new CategoryCursor("events", page.nextCursor())));

		admin.putRecord("event", mine, Map.of("orgUnit", Fixture.text(company.a1)));
		assertEquals(List.of("events"), changed(DeviceScope.DEFAULT, new CategoryCursor("events", page.nextCursor())),
				"a record that came into a sub-unit of the device's is named");
	}

	@Test
	void changedNamesTheCategoriesWhosePullWouldBringSomething() {
		Fixture.event(admin, company.a, Fixture.TODAY, "before the cursors");
		String events = pullAll("events", null, 100, DeviceScope.DEFAULT).getValue();
		String obligations = pullAll("obligations", null, 100, DeviceScope.DEFAULT).getValue();
		assertEquals(List.of("documents"),
				changed(DeviceScope.DEFAULT, new CategoryCursor("events", events), new CategoryCursor("obligations", obligations),
						new CategoryCursor("documents", null)),
				"nothing after the cursors; a category never pulled is always named");

		Fixture.event(admin, company.a, Fixture.TODAY, "after the cursor");
		assertEquals(List.of("events"), changed(DeviceScope.DEFAULT, new CategoryCursor("events", events), new CategoryCursor("obligations", obligations)));
		List<WireRecord> pulled = new ArrayList<>();
		ChangePage page;
		do {
			page = pullPage("events", events, 100, DeviceScope.DEFAULT);
			pulled.addAll(page.records());
			events = page.nextCursor();
		} while (page.hasMore());
		assertTrue(pulled.stream().anyMatch(record -> record.body().path("title").asText().equals("after the cursor")));
		assertEquals(List.of(), changed(DeviceScope.DEFAULT, new CategoryCursor("events", events), new CategoryCursor("obligations", obligations)));

		DeviceScope wider = new DeviceScope(60, 30, List.of(), List.of(), false, false);
		assertEquals(List.of("events"), changed(wider, new CategoryCursor("events", events), new CategoryCursor("obligations", obligations)),
				"the events scope changed since the cursor: the pull sends the difference");
		assertError(api.post(Protocol.CHANGED, Api.json(new ChangedRequest(List.of(new CategoryCursor("spaceships", null)), DeviceScope.DEFAULT)),
				token), 400, "unknown_category");
		assertError(api.post(Protocol.CHANGED, Api.json(new ChangedRequest(List.of(new CategoryCursor("events", "12.not-mine")), DeviceScope.DEFAULT)),
				token), 400, "invalid_request");
		assertError(api.post(Protocol.CHANGED, Api.json(new ChangedRequest(List.of(), DeviceScope.DEFAULT)), null), 401, "unauthenticated");
	}

	@Test
	void anUnknownCategoryOrABadCursorIsABadRequest() {
		assertError(api.post(Protocol.CHANGES, Fixture.pull("spaceships", null, 10, DeviceScope.DEFAULT), token), 400, "unknown_category");
		assertError(api.post(Protocol.CHANGES, Fixture.pull("events", "12.not-mine", 10, DeviceScope.DEFAULT), token), 400, "invalid_request");
	}

	@Test
	void changePagesAreGzippedForClientsThatAcceptIt() {
		Fixture.event(admin, company.a, Fixture.TODAY, "for gzip");
		Reply reply = api.send(HttpRequest.newBuilder(server.uri().resolve(Protocol.CHANGES)).header("Content-Type", Protocol.JSON)
				.header("Authorization", "Bearer " + token).header(Protocol.CLIENT_VERSION_HEADER, Api.VERSION).header("Accept-Encoding", "gzip")
				.POST(BodyPublishers.ofString(Fixture.pull("events", null, 100, DeviceScope.DEFAULT))).build());
		assertEquals(200, reply.status());
		assertEquals("gzip", reply.response().headers().firstValue("Content-Encoding").orElse(""));
		assertTrue(reply.response().body().length < reply.body().length(), "compressed on the wire");
		assertFalse(JsonCodec.changePage(reply.json()).records().isEmpty());
	}

	// ---- push

	@Test
	void createUpdateAndDeleteApplyWithNewRevisions() {
		String id = Fixture.newId();
		MutationResult created = push(Fixture.push(0, Fixture.create("event", id, Map.of("orgUnit", company.a, "title", "Made offline",
				"dueDate", Fixture.TODAY.toString())))).get(0);
		assertEquals(Outcome.APPLIED, created.outcome(), String.valueOf(created));
		assertEquals(created.newRev(), admin.record(id).rev());
		assertEquals(0, created.previousRev(), "made from nothing, exactly as sent");
		assertEquals("Made offline", admin.record(id).body().get("title").asText());

		MutationResult updated = push(Fixture.push(0, new Mutation(Fixture.newId(), "event", id, Operation.UPDATE,
				Map.of("title", Fixture.change("Made offline", "Renamed"), "orgUnit", Fixture.change(company.a, company.a1))))).get(0);
		assertEquals(Outcome.APPLIED, updated.outcome());
		assertTrue(updated.newRev() > created.newRev());
		assertEquals(created.newRev(), updated.previousRev(), "the device that made it holds the new revision once it has this answer");
		assertEquals("Renamed", admin.record(id).body().get("title").asText());
		assertEquals(company.a1, admin.record(id).orgUnit());

		MutationResult deleted = push(Fixture.push(0, new Mutation(Fixture.newId(), "event", id, Operation.DELETE, Map.of()))).get(0);
		assertEquals(Outcome.APPLIED, deleted.outcome());
		assertTrue(admin.record(id).tombstone());
	}

	@Test
	void aFieldChangedOnTheServerIsAConflictWhileOtherFieldsMerge() {
		String id = Fixture.event(admin, company.a, Fixture.TODAY, "Original");
		admin.putRecord("event", id, Map.of("title", Fixture.text("Theirs")));
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		fields.put("title", Fixture.change("Original", "Mine"));
		fields.put("status", Fixture.change("scheduled", "in progress"));
		MutationResult result = push(Fixture.push(0, new Mutation(Fixture.newId(), "event", id, Operation.UPDATE, fields))).get(0);

		assertEquals(Outcome.CONFLICT, result.outcome());
		assertEquals(List.of("title"), List.copyOf(result.conflicts().keySet()));
		assertEquals("Theirs", result.conflicts().get("title").server().asText());
		assertEquals("Original", result.conflicts().get("title").base().asText());
		assertEquals("Mine", result.conflicts().get("title").mine().asText());
		WireRecord now = admin.record(id);
		assertEquals("Theirs", now.body().get("title").asText(), "the server keeps its value");
		assertEquals("in progress", now.body().get("status").asText(), "the other field merged");
		assertEquals(now.rev(), result.newRev());
		assertEquals(MutationResult.NO_PREVIOUS_REV, result.previousRev(), "the server's record is not the device's: no previous revision");
	}

	@Test
	void aCreateOfAnExistingRecordConvergesFieldByFieldAndOneOfADeletedRecordIsRejected() {
		String id = Fixture.newId();
		Map<String, String> derived = Map.of("orgUnit", company.a, "title", "Next monthly audit", "dueDate", Fixture.TODAY.plusDays(30).toString());
		MutationResult first = push(Fixture.push(0, Fixture.create("event", id, derived))).get(0);
		long revision = admin.lastRevision();

		MutationResult same = push(Fixture.push(0, Fixture.create("event", id, derived))).get(0);
		assertEquals(Outcome.APPLIED, same.outcome(), "a second device made the same record: " + same);
		assertEquals(first.newRev(), same.newRev());
		assertEquals(revision, admin.lastRevision(), "nothing changed, no sequence number taken");

		Map<String, String> renamed = new LinkedHashMap<>(derived);
		renamed.put("title", "Renamed before completing");
		MutationResult different = push(Fixture.push(0, Fixture.create("event", id, renamed))).get(0);
		assertEquals(Outcome.CONFLICT, different.outcome());
		assertEquals(List.of("title"), List.copyOf(different.conflicts().keySet()));
		assertEquals("Next monthly audit", different.conflicts().get("title").server().asText());
		assertEquals("Renamed before completing", different.conflicts().get("title").mine().asText());
		assertEquals("Next monthly audit", admin.record(id).body().get("title").asText(), "the server keeps its value");

		admin.deleteRecord(id);
		assertEquals(Outcome.REJECTED, push(Fixture.push(0, Fixture.create("event", id, derived))).get(0).outcome(), "no resurrection");
	}

	@Test
	void aCursorOfAnotherUserWithTheSameScopeStartsTheFeedOver() {
		admin.putUser("colleague", "Colin Colleague", "secret", List.of("Officer"));
		admin.assign("colleague", company.a);
		String colleagues = api.login("colleague", "secret", "laptop-colleague");
		Fixture.event(admin, company.a, Fixture.TODAY, "seen by both");
		String officersCursor = pullAll("events", null, 100, DeviceScope.DEFAULT).getValue();

		Reply reply = api.post(Protocol.CHANGES, Fixture.pull("events", officersCursor, 100, DeviceScope.DEFAULT), colleagues);

		assertEquals(200, reply.status(), reply.body());
		ChangePage page = JsonCodec.changePage(reply.json());
		assertTrue(page.reset(), "another user's cursor is no scope this user had");
		assertTrue(page.records().stream().anyMatch(r -> r.body().path("title").asText().equals("seen by both")));
	}

	@Test
	void aReplayedMutationIdGetsItsFirstAnswersAndChangesNothing() {
		String id = Fixture.newId();
		String batch = Fixture.push(1, Fixture.create("event", id, Map.of("orgUnit", company.a, "title", "once")),
				Fixture.create("event", Fixture.newId(), Map.of("orgUnit", company.b, "title", "outside")));
		Reply first = api.post(Protocol.PUSH, batch, token);
		long revision = admin.lastRevision();
		Reply again = api.post(Protocol.PUSH, batch, token);
		assertEquals(200, again.status());
		assertEquals(first.json(), again.json());
		assertEquals(revision, admin.lastRevision(), "a replay takes no new sequence number");
		List<MutationResult> results = JsonCodec.pushResponse(again.json()).results();
		assertEquals(Outcome.APPLIED, results.get(0).outcome());
		assertEquals(Outcome.REJECTED, results.get(1).outcome());
	}

	@Test
	void oneBatchMayCreateThenUpdateARecordAndRepeatAMutationId() {
		String id = Fixture.newId();
		Mutation create = Fixture.create("event", id, Map.of("orgUnit", company.a, "title", "first"));
		Mutation update = new Mutation(Fixture.newId(), "event", id, Operation.UPDATE, Map.of("title", Fixture.change("first", "second")));
		List<MutationResult> results = push(Fixture.push(0, create, update, create));
		assertEquals(Outcome.APPLIED, results.get(0).outcome());
		assertEquals(Outcome.APPLIED, results.get(1).outcome(), String.valueOf(results.get(1)));
		assertTrue(results.get(1).newRev() > results.get(0).newRev());
		assertEquals(results.get(0), results.get(2), "the repeated mutation id gets the first answer");
		assertEquals("second", admin.record(id).body().get("title").asText());
		assertEquals(results.get(1).newRev(), admin.record(id).rev());
	}

	@Test
	void aChangeWithoutPermissionIsRejectedWithItsReasonAndWritesNothing() {
		String id = Fixture.newId();
		assertEquals(Outcome.APPLIED, push(Fixture.push(0, Fixture.create("finding", id, Map.of("orgUnit", company.a)))).get(0).outcome());
		long rev = admin.record(id).rev();
		MutationResult result = push(Fixture.push(0, new Mutation(Fixture.newId(), "finding", id, Operation.DELETE, Map.of()))).get(0);
		assertEquals(Outcome.REJECTED, result.outcome());
		assertTrue(result.reason().contains("findings.delete"), result.reason());
		assertFalse(admin.record(id).tombstone());
		assertEquals(rev, admin.record(id).rev());
		MutationResult serverManaged = push(Fixture.push(0, Fixture.create("orgunit", Fixture.newId(), Map.of("name", "Mine")))).get(0);
		assertEquals(Outcome.REJECTED, serverManaged.outcome());
	}

	@Test
	void aRecordOutsideTheUsersScopeIsRejectedAndTheRestOfTheBatchStillApplies() {
		String outside = Fixture.newId();
		String inside = Fixture.newId();
		String existingInB = Fixture.event(admin, company.b, Fixture.TODAY, "B's own");
		long revOfB = admin.record(existingInB).rev();
		List<MutationResult> results = push(Fixture.push(0, Fixture.create("event", outside, Map.of("orgUnit", company.b, "title", "x")),
				new Mutation(Fixture.newId(), "event", existingInB, Operation.UPDATE, Map.of("title", Fixture.change("B's own", "hijacked"))),
				Fixture.create("event", inside, Map.of("orgUnit", company.a1, "title", "fine"))));
		assertEquals(Outcome.REJECTED, results.get(0).outcome());
		assertTrue(results.get(0).reason().contains("outside"), results.get(0).reason());
		assertEquals(Outcome.REJECTED, results.get(1).outcome());
		assertEquals(Outcome.APPLIED, results.get(2).outcome());
		assertNull(admin.record(outside));
		assertEquals(revOfB, admin.record(existingInB).rev());
		assertEquals("B's own", admin.record(existingInB).body().get("title").asText());
		assertNotNull(admin.record(inside));
	}

	@Test
	void aGzippedPushIsAccepted() {
		String id = Fixture.newId();
		Reply reply = api.postGzip(Protocol.PUSH, Fixture.push(0, Fixture.create("event", id, Map.of("orgUnit", company.a))), token);
		assertEquals(200, reply.status(), reply.body());
		assertEquals(Outcome.APPLIED, JsonCodec.pushResponse(reply.json()).results().get(0).outcome());
	}

	@Test
	void theDeviceRegistryKeepsLastSyncVersionAndPendingCount() {
		String deviceToken = api.login("officer", "secret", "laptop-registry");
		Reply reply = api.post(Protocol.PUSH, Fixture.push(7), deviceToken);
		assertEquals(200, reply.status());
		DeviceInfo device = admin.devices().stream().filter(d -> d.deviceId().equals("laptop-registry")).findFirst().orElseThrow();
		assertEquals(7, device.pendingCount());
		assertEquals("1.0", device.appVersion());
		assertNotNull(device.lastSync());
		String puller = api.login("officer", "secret", "laptop-puller");
		assertNull(deviceInfo("laptop-puller").lastSync(), "logging in is not a sync");
		assertEquals(200, api.post(Protocol.CHANGES, Fixture.pull("obligations", null, 10, DeviceScope.DEFAULT), puller).status());
		assertNotNull(deviceInfo("laptop-puller").lastSync(), "a pull to the end is");
	}

	private static DeviceInfo deviceInfo(String id) {
		return admin.devices().stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void aWebSideEditOverTheApiReachesDevicesAndConflictsWithAStaleEdit() {
		String editor = api.login("editor", "secret", "web-browser");
		String id = Fixture.event(admin, company.a, Fixture.TODAY, "Original");
		ObjectNode fields = JsonCodec.newObject().put("title", "Edited on the web");
		Reply edit = api.post(Protocol.ADMIN_RECORDS, Api.json(new RecordEdit("event", id, fields, false)), editor, null);
		assertEquals(200, edit.status(), edit.body());
		WireRecord edited = JsonCodec.wireRecord(edit.json());
		assertEquals("Edited on the web", edited.body().get("title").asText());
		assertEquals(edited.rev(), admin.record(id).rev());
		MutationResult stale = push(Fixture.push(0, new Mutation(Fixture.newId(), "event", id, Operation.UPDATE,
				Map.of("title", Fixture.change("Original", "Mine"))))).get(0);
		assertEquals(Outcome.CONFLICT, stale.outcome());
		assertEquals("Edited on the web", stale.conflicts().get("title").server().asText());

		assertError(api.post(Protocol.ADMIN_RECORDS, Api.json(new RecordEdit("event", id, fields, false)), token, null), 403, "forbidden");
		assertError(api.post(Protocol.ADMIN_RECORDS, Api.json(new RecordEdit("spaceship", id, fields, false)), editor, null), 400,
				"unknown_record_type");
		assertError(api.post(Protocol.ADMIN_RECORDS, Api.json(new RecordEdit("event", "42", fields, false)), editor, null), 400, "invalid_request");
		Reply deleted = api.post(Protocol.ADMIN_RECORDS, Api.json(new RecordEdit("event", id, JsonCodec.newObject(), true)), editor, null);
		assertTrue(JsonCodec.wireRecord(deleted.json()).tombstone());
		assertError(api.post(Protocol.ADMIN_RECORDS, Api.json(new RecordEdit("event", id, JsonCodec.newObject(), true)), editor, null), 404,
				"not_found");
	}

	// ---- bad input: a clear 4xx JSON error, nothing written

	@Test
	void malformedJsonIsRefusedAndWritesNothing() {
		long before = admin.lastRevision();
		assertError(api.post(Protocol.PUSH, "{\"mutations\": [ {\"mutationId\": ", token), 400, "malformed_json");
		assertError(api.post(Protocol.LOGIN, "not json at all", null), 400, "malformed_json");
		assertError(api.post(Protocol.PUSH, "", token), 400, "malformed_json");
		assertEquals(before, admin.lastRevision());
	}

	@Test
	void wrongTypesAreRefusedNamingTheField() {
		Reply limit = api.post(Protocol.CHANGES, "{\"category\":\"events\",\"limit\":\"ten\"}", token);
		assertError(limit, 400, "invalid_request");
		assertTrue(limit.json().get("message").asText().contains("limit"));
		assertError(api.post(Protocol.PUSH, "{\"mutations\": \"all of them\"}", token), 400, "invalid_request");
		assertError(api.post(Protocol.PUSH, "[1, 2, 3]", token), 400, "invalid_request");
		String id = Fixture.newId();
		Reply due = api.post(Protocol.PUSH, Fixture.push(0, Fixture.create("event", id, Map.of("orgUnit", company.a, "dueDate", "next week"))),
				token);
		assertError(due, 400, "invalid_request");
		assertTrue(due.json().get("message").asText().contains("dueDate"));
		assertNull(admin.record(id));
		assertError(api.post(Protocol.PUSH, Fixture.push(0, Fixture.create("event", "not-a-uuid", Map.of())), token), 400, "invalid_request");
		assertError(api.post(Protocol.LOGIN, "{\"user\":\"officer\",\"password\":42,\"deviceId\":\"x\"}", null), 400, "invalid_request");
	}

	@Test
	void anUnknownRecordTypeFailsTheWholeBatchBeforeAnythingIsWritten() {
		long before = admin.lastRevision();
		String valid = Fixture.newId();
		Reply reply = api.post(Protocol.PUSH, Fixture.push(0, Fixture.create("event", valid, Map.of("orgUnit", company.a)),
				Fixture.create("spaceship", Fixture.newId(), Map.of())), token);
		assertError(reply, 400, "unknown_record_type");
		assertTrue(reply.json().get("message").asText().contains("spaceship"));
		assertNull(admin.record(valid));
		assertEquals(before, admin.lastRevision());
	}

	@Test
	void anOversizeBodyIsRefusedAlsoWhenItArrivesGzipped() {
		String huge = "{\"pendingCount\":0,\"mutations\":[],\"padding\":\"" + " ".repeat(Protocol.MAX_REQUEST_BYTES) + "\"}";
		assertError(api.post(Protocol.PUSH, huge, token), 413, "body_too_large");
		assertError(api.postGzip(Protocol.PUSH, huge, token), 413, "body_too_large");
		String big = Fixture.newId();
		assertError(api.post(Protocol.PUSH, Fixture.push(0, Fixture.create("event", big, Map.of("orgUnit", company.a, "notes", "x".repeat(70_000)))),
				token), 413, "body_too_large");
		assertNull(admin.record(big));
	}

	@Test
	void aMissingWrongOrRevokedTokenIsRefused() {
		String pull = Fixture.pull("events", null, 10, DeviceScope.DEFAULT);
		assertError(api.post(Protocol.CHANGES, pull, null), 401, "unauthenticated");
		assertError(api.post(Protocol.CHANGES, pull, "forged-token"), 401, "unauthenticated");
		String revoked = api.login("officer", "secret", "stolen-laptop");
		assertEquals(200, api.post(Protocol.CHANGES, pull, revoked).status());
		assertEquals(1, admin.revokeTokensOfDevice("stolen-laptop"));
		assertError(api.post(Protocol.CHANGES, pull, revoked), 401, "token_revoked");
		String id = Fixture.newId();
		assertError(api.post(Protocol.PUSH, Fixture.push(0, Fixture.create("event", id, Map.of("orgUnit", company.a))), revoked), 401,
				"token_revoked");
		assertNull(admin.record(id));
	}

	@Test
	void anExpiredTokenIsRefused(@TempDir Path otherFolder) throws Exception {
		try (OutpostServer shortLived = OutpostServer.start(TestStores.fresh(otherFolder).withTokenValidity(Duration.ZERO))) {
			new Fixture(shortLived.admin());
			Api other = new Api(shortLived.uri());
			String expired = other.login("officer", "secret", "laptop-x");
			assertError(other.post(Protocol.CHANGES, Fixture.pull("events", null, 10, DeviceScope.DEFAULT), expired), 401, "token_expired");
		}
	}

	@Test
	void wrongPathsMethodsMediaTypesAndAMissingVersionAreAnsweredInJson() {
		assertError(api.get("/api/v1/nothing-here"), 404, "not_found");
		assertError(api.get(Protocol.PUSH), 405, "method_not_allowed");
		assertError(api.post(Protocol.CHANGES, Fixture.pull("events", null, 10, DeviceScope.DEFAULT), token, null), 400, "invalid_request");
		assertError(api.send(HttpRequest.newBuilder(server.uri().resolve(Protocol.LOGIN)).header("Content-Type", "text/plain")
				.POST(BodyPublishers.ofString("user=officer")).build()), 415, "unsupported_media_type");
	}

	// ---- operations

	@Test
	void healthAndMetricsAnswer() {
		Reply health = api.get(Protocol.HEALTH);
		assertEquals(200, health.status());
		assertEquals("up", health.json().get("status").asText());
		assertEquals(admin.lastRevision(), health.json().get("sequence").asLong());
		Reply metrics = api.get(Protocol.METRICS);
		assertEquals(200, metrics.status());
		assertTrue(metrics.body().contains("outpost_requests_total{endpoint=\"/health\",status=\"200\"}"), metrics.body());
	}

	@Test
	void pushResultsRoundTripThroughTheCodec() {
		MutationResult conflict = MutationResult.conflict("m", 5, Map.of("title",
				new FieldConflict(Fixture.text("a"), Fixture.text("b"), Fixture.text("c"))));
		PushResponse response = new PushResponse(List.of(MutationResult.applied("x", 3), MutationResult.applied("z", 9, 4), conflict,
				MutationResult.rejected("y", "no")));
		assertEquals(response, JsonCodec.pushResponse(JsonCodec.parseObject(JsonCodec.toText(response))));
	}
}
