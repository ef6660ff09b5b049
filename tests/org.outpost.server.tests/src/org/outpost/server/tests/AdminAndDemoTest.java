package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.internal.AdminCommands;
import org.outpost.server.tests.Api.Reply;

/** The administrator command line and the demo data, on a running server. */
class AdminAndDemoTest {

	@TempDir
	static Path folder;
	static OutpostServer server;
	static Api api;

	@BeforeAll
	static void startWithDemoData() throws Exception {
		server = OutpostServer.start(TestStores.fresh(folder.resolve("server")));
		api = new Api(server.uri());
		run("demo", "7");
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	private static String run(String... command) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AdminCommands.run(server.admin(), List.of(command), new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private static List<WireRecord> pullAll(String token, String category) {
		List<WireRecord> records = new ArrayList<>();
		String cursor = null;
		ChangePage page;
		do {
			Reply reply = api.post(Protocol.CHANGES, Fixture.pull(category, cursor, 100, DeviceScope.DEFAULT), token);
			assertEquals(200, reply.status(), reply.body());
			page = JsonCodec.changePage(reply.json());
			records.addAll(page.records());
			cursor = page.nextCursor();
		} while (page.hasMore());
		return records;
	}

	@Test
	void theDemoUserSyncsTheNorthRegionOnly() {
		String token = api.login("demo", "demo", "demo-laptop");
		List<WireRecord> admin = pullAll(token, "admin");
		Set<String> north = new HashSet<>();
		admin.stream().filter(r -> r.type().equals("orgunit")).forEach(r -> north.add(r.id()));
		assertEquals(3, north.size(), "North region and its two sites");
		assertTrue(admin.stream().filter(r -> r.type().equals("orgunit")).noneMatch(r -> r.body().get("name").asText().contains("South")));
		assertTrue(admin.stream().filter(r -> r.type().equals("assignment")).allMatch(r -> r.owner().equals("demo")));

		List<WireRecord> events = pullAll(token, "events");
		assertFalse(events.isEmpty());
		assertTrue(events.stream().allMatch(r -> north.contains(r.orgUnit())));
		List<WireRecord> findings = pullAll(token, "findings");
		assertTrue(findings.stream().allMatch(r -> north.contains(r.orgUnit())));
	}

	@Test
	void theDemoViewerIsAWebOnlyUser() {
		assertEquals(403, api.post(Protocol.LOGIN, "{\"user\":\"viewer\",\"password\":\"viewer\",\"deviceId\":\"v\"}", null).status());
	}

	@Test
	void recordsEditedOnTheWebSideReachTheDevice() throws Exception {
		String token = api.login("admin", "admin", "admin-laptop");
		String unit = pullAll(token, "admin").stream().filter(r -> r.type().equals("orgunit") && r.body().get("name").asText().equals("Quarry"))
				.findFirst().orElseThrow().id();
		String id = Fixture.newId();
		String out = run("records", "put", "event", id, "{\"title\":\"Made on the web\",\"orgUnit\":\"" + unit + "\"}");
		assertTrue(out.contains(id), out);
		assertTrue(pullAll(token, "events").stream().anyMatch(r -> r.id().equals(id) && r.body().get("title").asText().equals("Made on the web")));
		assertTrue(run("records", "delete", id).contains("Deleted"));
		assertTrue(server.admin().record(id).tombstone());
	}

	@Test
	void usersRolesAssignmentsAndTokenRevocation() throws Exception {
		run("roles", "put", "Auditor", "desktop.login,events.view");
		run("users", "add", "kim", "pw", "Auditor", "Kim Auditor");
		String unit = run("orgunits", "add", "Audit office").trim();
		run("assign", "kim", unit);
		String token = api.login("kim", "pw", "kim-laptop");
		assertTrue(run("users", "list").contains("kim"));
		assertTrue(run("devices").contains("kim-laptop"));
		assertTrue(run("tokens", "revoke-user", "kim").startsWith("1 token"));
		assertEquals("token_revoked", api.post(Protocol.CHANGES, Fixture.pull("events", null, 10, DeviceScope.DEFAULT), token).code());
		run("users", "deactivate", "kim");
		assertEquals(403, api.post(Protocol.LOGIN, "{\"user\":\"kim\",\"password\":\"pw\",\"deviceId\":\"k2\"}", null).status());
	}

	@Test
	void exportAndImportCarryEveryRecordToAnotherStore() throws Exception {
		Path file = folder.resolve("export.json");
		run("export", file.toString());
		assertTrue(Files.size(file) > 0);
		try (ServerAdmin other = ServerAdmin.open(TestStores.fresh(folder.resolve("other")))) {
			AdminCommands.run(other, List.of("import", file.toString()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
			for (String type : List.of("event", "finding", "action", "obligation", "risk", "orgunit", "location", "user", "role")) {
				assertEquals(server.admin().count(type), other.count(type), type);
			}
		}
	}

	@Test
	void anUnknownCommandIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> run("reticulate", "splines"));
	}
}
