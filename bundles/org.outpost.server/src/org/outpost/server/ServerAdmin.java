package org.outpost.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.server.internal.store.Credential;
import org.outpost.server.internal.store.Device;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredRecord;
import org.outpost.server.internal.sync.Accounts;
import org.outpost.server.internal.sync.BlobSweep;
import org.outpost.server.internal.sync.ChangeFeed;
import org.outpost.server.internal.sync.PasswordHashes;
import org.outpost.server.internal.sync.WebEdits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web side's administration: users, roles, assignments, org units, locations, records edited
 * on the server, tokens, devices, JSON import and export. Every change to a record takes a new
 * change sequence number, so devices receive it on their next pull. Used by the command line and
 * by tests (to make server-side changes and conflicts).
 */
public final class ServerAdmin implements AutoCloseable {

	/** Who web-side changes are recorded as. */
	public static final String ADMIN = "admin";

	/** A device as the registry knows it. */
	public record DeviceInfo(String deviceId, String user, String appVersion, Instant lastSync, int pendingCount) {
	}

	/** What a blob sweep removed: abandoned partial uploads, blobs no document refers to, and their bytes. */
	public record BlobsSwept(int partialUploads, int unreferencedBlobs, long bytes) {

		/** "1 abandoned partial upload and 2 blobs no document refers to: 1234 bytes". */
		public String describe() {
			return partialUploads + (partialUploads == 1 ? " abandoned partial upload and " : " abandoned partial uploads and ") + unreferencedBlobs
					+ (unreferencedBlobs == 1 ? " blob" : " blobs") + " no document refers to: " + bytes + " bytes";
		}
	}

	private final ServerStore store;
	private final boolean ownsStore;
	private final ServerConfig config;

	ServerAdmin(ServerStore store, ServerConfig config) {
		this(store, false, config);
	}

	private ServerAdmin(ServerStore store, boolean ownsStore, ServerConfig config) {
		this.store = store;
		this.ownsStore = ownsStore;
		this.config = config;
	}

	/** Opens the configured store for administration without serving HTTP (the embedded HSQLDB allows one process at a time). */
	public static ServerAdmin open(ServerConfig config) {
		return new ServerAdmin(OutpostServer.openStore(config), true, config);
	}

	/** Removes abandoned partial uploads and unreferenced blobs after the configured ages ({@code blob.upload.hours}, {@code blob.grace.hours}). */
	public BlobsSwept sweepBlobs() {
		return sweepBlobs(config.blobUploadExpiry(), config.blobGrace());
	}

	/**
	 * Removes partial uploads no chunk reached for {@code uploadExpiry} and complete blobs no live
	 * document has referred to for {@code grace}; never a blob whose upload is going on.
	 */
	public BlobsSwept sweepBlobs(Duration uploadExpiry, Duration grace) {
		return BlobSweep.run(store, uploadExpiry, grace, Instant.now());
	}

	/**
	 * Creates the user or updates its profile, roles and password. The body is the desktop User's
	 * synced fields ({@code userName}, {@code displayName}, {@code active}, {@code roleIds}); the
	 * owner column holds the user name, which scope rules compare with.
	 *
	 * @param roles role names; each role must exist
	 * @return the user record's id
	 */
	public String putUser(String name, String displayName, String password, List<String> roles) {
		List<String> roleIds = roles.stream().map(role -> requireId("role", "name", role)).sorted().toList();
		store.write(em -> {
			Credential credential = em.find(Credential.class, name);
			if (credential == null) {
				credential = new Credential(name);
				em.persist(credential);
			}
			PasswordHashes.set(credential, password, PasswordHashes.ITERATIONS);
			return null;
		});
		ObjectNode body = object("userName", name, "displayName", displayName);
		body.put("active", true);
		body.set("roleIds", array(roleIds));
		String id = findId("user", "userName", name);
		return putRecord("user", id == null ? newId() : id, fields(body, "owner", name)).id();
	}

	/** Sets whether a user may work at all (an inactive user cannot log in, and its tokens stop working). */
	public void setActive(String name, boolean active) {
		String id = requireId("user", "userName", name);
		putRecord("user", id, Map.of("active", JsonNodeFactory.instance.booleanNode(active)));
	}

	/** Creates or replaces a role's permissions ({@code module.action}, {@code module.*}, {@code *}, {@code desktop.login}). */
	public String putRole(String name, List<String> permissions) {
		ObjectNode body = object("name", name);
		// sorted, as the desktop Role lists them
		body.set("permissions", array(List.copyOf(new TreeSet<>(permissions))));
		String id = findId("role", "name", name);
		return putRecord("role", id == null ? newId() : id, fields(body)).id();
	}

	/** Adds an org unit below {@code parentId} (null: a top unit); returns its id. */
	public String addOrgUnit(String name, String parentId) {
		String id = newId();
		putRecord("orgunit", id, fields(object("name", name, "parentId", parentId), "orgUnit", id));
		return id;
	}

	/** Adds a location belonging to an org unit; returns its id. */
	public String addLocation(String name, String orgUnitId) {
		ObjectNode body = object("name", name);
		body.set("orgUnitIds", array(List.of(orgUnitId)));
		return putRecord("location", newId(), fields(body, "orgUnit", orgUnitId)).id();
	}

	/** Assigns a user an org unit (and so its sub-units and their locations); returns the assignment's id. */
	public String assign(String user, String orgUnitId) {
		String userId = requireId("user", "userName", user);
		return putRecord("assignment", newId(), fields(object("userId", userId, "orgUnitId", orgUnitId), "owner", user, "orgUnit", orgUnitId)).id();
	}

	/**
	 * Creates or edits a record on the web side: each given field is set (JSON null clears it),
	 * other fields stay. Scope fields are {@code orgUnit}, {@code location}, {@code dueDate},
	 * {@code owner}.
	 *
	 * @return the record as devices will receive it
	 */
	public WireRecord putRecord(String type, String id, Map<String, JsonNode> fields) {
		return store.writeRetrying(em -> WebEdits.put(em, type, id, fields, ADMIN));
	}

	/** Like {@link #putRecord} for many records of one type, all in ONE transaction: a bulk load (the sync benchmark's data). */
	public void putRecords(String type, Map<String, Map<String, JsonNode>> fieldsById) {
		store.writeRetrying(em -> WebEdits.putAll(em, type, fieldsById, ADMIN));
	}

	/** Deletes a record on the web side; devices receive a tombstone. Returns false when there was no live record. */
	public boolean deleteRecord(String id) {
		return store.write(em -> WebEdits.delete(em, id, ADMIN)) != null;
	}

	/** The record as devices receive it, or null. */
	public WireRecord record(String id) {
		return store.read(em -> {
			StoredRecord record = em.find(StoredRecord.class, id);
			return record == null ? null : ChangeFeed.toWire(record);
		});
	}

	/** How many live records of a type there are. */
	public long count(String type) {
		return store.read(em -> em.createQuery("SELECT COUNT(r) FROM StoredRecord r WHERE r.type = :type AND r.tombstone = FALSE", Long.class)
				.setParameter("type", type).getSingleResult());
	}

	/** The last change sequence number handed out. */
	public long lastRevision() {
		return store.lastRevision();
	}

	public int revokeTokensOfUser(String user) {
		return store.write(em -> Accounts.revokeUser(em, user));
	}

	public int revokeTokensOfDevice(String deviceId) {
		return store.write(em -> Accounts.revokeDevice(em, deviceId));
	}

	public List<DeviceInfo> devices() {
		return store.read(em -> em.createQuery("SELECT d FROM Device d ORDER BY d.deviceId", Device.class).getResultList().stream()
				.map(d -> new DeviceInfo(d.getDeviceId(), d.getUserName(), d.getAppVersion(),
						d.getLastSync() == 0 ? null : Instant.ofEpochMilli(d.getLastSync()), d.getPendingCount()))
				.toList());
	}

	/** Writes every record (tombstones included) as {@code {"records": [...]}} in sequence order. */
	public int exportJson(OutputStream out) throws IOException {
		List<WireRecord> records = store.read(em -> em.createQuery("SELECT r FROM StoredRecord r ORDER BY r.rev", StoredRecord.class)
				.getResultList().stream().map(ChangeFeed::toWire).toList());
		JsonCodec.write(out, new ChangePage("all", records, List.of(), null, false, false, 0));
		return records.size();
	}

	/**
	 * Reads records written by {@link #exportJson} (or by hand in that shape) and puts each, keeping
	 * its id; each gets a new sequence number here. Passwords are not exported: set them with
	 * {@link #putUser}.
	 */
	public int importJson(InputStream in) {
		ChangePage page = JsonCodec.changePage(JsonCodec.parse(in));
		for (WireRecord record : page.records()) {
			if (record.tombstone()) {
				deleteRecord(record.id());
				continue;
			}
			Map<String, JsonNode> values = new LinkedHashMap<>();
			record.body().fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
			values.put("orgUnit", text(record.orgUnit()));
			values.put("location", text(record.location()));
			values.put("dueDate", text(record.dueDate() == null ? null : record.dueDate().toString()));
			values.put("owner", text(record.owner()));
			putRecord(record.type(), record.id(), values);
		}
		return page.records().size();
	}

	@Override
	public void close() {
		if (ownsStore) {
			store.close();
		}
	}

	private String findId(String type, String field, String value) {
		return store.read(em -> em.createQuery("SELECT r FROM StoredRecord r WHERE r.type = :type AND r.tombstone = FALSE", StoredRecord.class)
				.setParameter("type", type).getResultList().stream()
				.filter(r -> value.equals(JsonCodec.parseObject(r.getBody()).path(field).asText(null))).map(StoredRecord::getId).findFirst()
				.orElse(null));
	}

	private String requireId(String type, String field, String value) {
		String id = findId(type, field, value);
		if (id == null) {
			throw new IllegalArgumentException("There is no " + type + " with " + field + " '" + value + "'");
		}
		return id;
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	static ObjectNode object(String... namesAndValues) {
		ObjectNode node = JsonCodec.newObject();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			node.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return node;
	}

	/** The body's fields plus scope fields given as name, value pairs. */
	static Map<String, JsonNode> fields(ObjectNode body, String... scope) {
		Map<String, JsonNode> values = new LinkedHashMap<>();
		body.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
		for (int i = 0; i < scope.length; i += 2) {
			values.put(scope[i], text(scope[i + 1]));
		}
		return values;
	}

	private static ArrayNode array(List<String> values) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		values.forEach(array::add);
		return array;
	}

	private static JsonNode text(String value) {
		return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
	}

	/** Every user name with a password. */
	public List<String> userNames() {
		return store.read(em -> new ArrayList<>(
				em.createQuery("SELECT c.userName FROM Credential c ORDER BY c.userName", String.class).getResultList()));
	}
}
