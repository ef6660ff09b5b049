package org.outpost.test.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outpost.protocol.Messages.WireRecord;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A real Outpost server on a free loopback port with its own data folder, and the web-side edits
 * the tests make through its administration API. It can be stopped and started again on the same
 * port and data, like a server restarted by its administrator.
 */
public final class ServerFixture implements AutoCloseable {

	public static final String USER = "officer";
	public static final String PASSWORD = "field-work-2026";

	private final Path data;
	private final int port;
	private final long maxBlobBytes;
	private OutpostServer server;
	public final String north;
	public final String south;

	public ServerFixture() throws Exception {
		this(ServerConfig.defaults(Path.of("")).maxBlobBytes());
	}

	/** @param maxBlobBytes the server's document blob limit */
	public ServerFixture(long maxBlobBytes) throws Exception {
		this.maxBlobBytes = maxBlobBytes;
		data = TemporaryFolders.create("outpost-server");
		port = freePort();
		start();
		ServerAdmin admin = server.admin();
		admin.putRole("officer", List.of("desktop.login", "events.*", "findings.*", "obligations.*", "risks.*", "documents.*", "admin.view"));
		admin.putUser(USER, "Field Officer", PASSWORD, List.of("officer"));
		north = admin.addOrgUnit("North", null);
		south = admin.addOrgUnit("South", null);
		admin.assign(USER, north);
	}

	public void start() throws Exception {
		server = OutpostServer.start(ServerConfig.defaults(data).withPort(port).withMaxBlobBytes(maxBlobBytes));
	}

	public void stop() throws Exception {
		server.close();
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + port);
	}

	public ServerAdmin admin() {
		return server.admin();
	}

	/** An Event made on the web side, in the desktop's field names, filed under its org unit and due date. */
	public String webEvent(String title, String orgUnit, LocalDate due) {
		return webEvent(UUID.randomUUID().toString(), title, orgUnit, due);
	}

	/** As {@link #webEvent(String, String, LocalDate)} with the given id (where the record comes in a first pull, which goes by id). */
	public String webEvent(String id, String title, String orgUnit, LocalDate due) {
		admin().putRecord("event", id, eventFields(title, orgUnit, due));
		return id;
	}

	/** {@code count} such Events ("title 0", "title 1", ...) in one transaction, in that order. */
	public void webEvents(int count, String title, String orgUnit, LocalDate due) {
		Map<String, Map<String, JsonNode>> events = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			events.put(UUID.randomUUID().toString(), eventFields(title + " " + i, orgUnit, due));
		}
		admin().putRecords("event", events);
	}

	private static Map<String, JsonNode> eventFields(String title, String orgUnit, LocalDate due) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("title", text(title));
		fields.put("orgUnitId", text(orgUnit));
		fields.put("status", text("SCHEDULED"));
		fields.put("leewayDays", JsonNodeFactory.instance.numberNode(2));
		fields.put("orgUnit", text(orgUnit));
		fields.put("dueDate", text(due.toString()));
		return fields;
	}

	/** An org unit added on the web side, below {@code parent}. */
	public String webOrgUnit(String name, String parent) {
		return admin().addOrgUnit(name, parent);
	}

	public void webEdit(String id, String field, JsonNode value) {
		admin().putRecord(admin().record(id).type(), id, Map.of(field, value));
	}

	public WireRecord record(String id) {
		return admin().record(id);
	}

	public static JsonNode text(String value) {
		return JsonNodeFactory.instance.textNode(value);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Stops the server and removes its data folder. */
	@Override
	public void close() throws Exception {
		server.close();
		TemporaryFolders.delete(data);
	}
}
