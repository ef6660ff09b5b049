package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.tests.Api.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Document blobs over real HTTP: chunked upload, resume, verification, limit, ranges, tokens and scope. */
class BlobApiTest {

	/** Small, so that the tests' files span several chunks and one file exceeds it. */
	private static final long LIMIT = 3 * 1024 * 1024;
	private static final int CHUNK = 1024 * 1024;

	@TempDir
	static Path folder;

	static OutpostServer server;
	static ServerAdmin admin;
	static Api api;
	static Fixture company;
	/** Archivist: documents and events in org unit A. Outsider: the same permissions in org unit B. */
	static String archivist;
	static String outsider;
	static String web;

	@BeforeAll
	static void start() throws Exception {
		server = OutpostServer.start(TestStores.fresh(folder).withMaxBlobBytes(LIMIT));
		admin = server.admin();
		api = new Api(server.uri());
		company = new Fixture(admin);
		admin.putRole("Archivist", List.of("desktop.login", "events.*", "documents.*"));
		admin.putUser("archivist", "Ann Archivist", "secret", List.of("Archivist"));
		admin.assign("archivist", company.a);
		admin.putUser("outsider", "Otto Outsider", "secret", List.of("Archivist"));
		admin.assign("outsider", company.b);
		archivist = api.login("archivist", "secret", "laptop-a");
		outsider = api.login("outsider", "secret", "laptop-b");
		web = api.login("editor", "secret", "web-1");
	}

	@AfterAll
	static void stopAndCheckTheDocument() throws Exception {
		server.close();
		OpenApiDocument.load().assertDeclares(Api.SEEN, Api.ERROR_CODES);
	}

	private static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String blob(String sha256) {
		return Protocol.BLOBS + "/" + sha256;
	}

	private static Reply putChunk(String sha256, byte[] bytes, int from, int to, String token) {
		return api.put(blob(sha256) + "?offset=" + from + "&size=" + bytes.length, Arrays.copyOfRange(bytes, from, to), token);
	}

	/** Uploads in chunks; returns the last answer. */
	private static Reply upload(String sha256, byte[] bytes, String token) {
		Reply reply = null;
		for (int from = 0; from < bytes.length || reply == null; from += CHUNK) {
			reply = putChunk(sha256, bytes, from, Math.min(bytes.length, from + CHUNK), token);
			assertEquals(200, reply.status(), reply.body());
		}
		return reply;
	}

	/** A document attached to an event of org unit {@code orgUnit}, as a device would have pushed it. */
	private static void attach(String orgUnit, String sha256, long size) {
		String event = Fixture.event(admin, orgUnit, Fixture.TODAY, "Inspection");
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("ownerType", Fixture.text("event"));
		fields.put("ownerId", Fixture.text(event));
		fields.put("fileName", Fixture.text("photo.jpg"));
		fields.put("mediaType", Fixture.text("image/jpeg"));
		fields.put("size", JsonNodeFactory.instance.numberNode(size));
		fields.put("sha256", Fixture.text(sha256));
		admin.putRecord("document", Fixture.newId(), fields);
	}

	@Test
	void helloReportsTheBlobLimit() {
		Reply hello = api.get(Protocol.HELLO);
		assertEquals(LIMIT, hello.json().get("maxBlobBytes").asLong(), hello.body());
	}

	@Test
	void aMultiChunkBlobGoesUpAndComesBackIdentical() throws Exception {
		byte[] bytes = randomBytes(2 * CHUNK + 12345, 1);
		String sha256 = sha256(bytes);

		Reply last = upload(sha256, bytes, archivist);
		assertTrue(last.json().get("complete").asBoolean(), last.body());
		assertEquals(bytes.length, last.json().get("received").asLong());
		attach(company.a, sha256, bytes.length);

		Reply status = api.get(blob(sha256) + "/" + Protocol.BLOB_UPLOAD, archivist, null);
		assertEquals(200, status.status(), status.body());
		assertTrue(status.json().get("complete").asBoolean());
		Reply download = api.get(blob(sha256), archivist, null);
		assertEquals(200, download.status());
		assertEquals(Protocol.OCTET_STREAM, download.response().headers().firstValue("Content-Type").orElse(""));
		assertArrayEquals(bytes, download.response().body());
	}

	@Test
	void aRangeComesAsPartialContent() throws Exception {
		byte[] bytes = randomBytes(CHUNK + 500, 2);
		String sha256 = sha256(bytes);
		upload(sha256, bytes, archivist);
		attach(company.a, sha256, bytes.length);

		// across the boundary of the two stored chunks
		Reply middle = api.get(blob(sha256), archivist, "bytes=" + (CHUNK - 100) + "-" + (CHUNK + 99));
		assertEquals(206, middle.status());
		assertEquals("bytes " + (CHUNK - 100) + "-" + (CHUNK + 99) + "/" + bytes.length, middle.response().headers().firstValue("Content-Range").orElse(""));
		assertArrayEquals(Arrays.copyOfRange(bytes, CHUNK - 100, CHUNK + 100), middle.response().body());

		Reply suffix = api.get(blob(sha256), archivist, "bytes=-10");
		assertEquals(206, suffix.status());
		assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length), suffix.response().body());

		Reply rest = api.get(blob(sha256), archivist, "bytes=" + CHUNK + "-");
		assertArrayEquals(Arrays.copyOfRange(bytes, CHUNK, bytes.length), rest.response().body());

		Reply outside = api.get(blob(sha256), archivist, "bytes=" + bytes.length + "-");
		assertEquals(416, outside.status());
		assertEquals("range_not_satisfiable", outside.code());
		assertEquals("bytes */" + bytes.length, outside.response().headers().firstValue("Content-Range").orElse(""));
	}

	@Test
	void aCutUploadResumesFromWhatTheServerHoldsAndIsInvisibleUntilComplete() throws Exception {
		byte[] bytes = randomBytes(2 * CHUNK + 7, 3);
		String sha256 = sha256(bytes);
		attach(company.a, sha256, bytes.length);
		assertEquals(200, putChunk(sha256, bytes, 0, CHUNK, archivist).status());

		Reply status = api.get(blob(sha256) + "/" + Protocol.BLOB_UPLOAD, archivist, null);
		assertEquals(CHUNK, status.json().get("received").asLong());
		assertFalse(status.json().get("complete").asBoolean());
		assertEquals("not_found", api.get(blob(sha256), archivist, null).code(), "a partial upload is never served");
		Reply skipped = putChunk(sha256, bytes, 2 * CHUNK, bytes.length, archivist);
		assertEquals(409, skipped.status());
		assertEquals("upload_offset_mismatch", skipped.code());
		assertTrue(skipped.json().get("message").asText().contains(String.valueOf(CHUNK)), skipped.body());

		assertEquals(200, putChunk(sha256, bytes, CHUNK, 2 * CHUNK, archivist).status());
		Reply last = putChunk(sha256, bytes, 2 * CHUNK, bytes.length, archivist);
		assertTrue(last.json().get("complete").asBoolean(), last.body());
		assertArrayEquals(bytes, api.get(blob(sha256), archivist, null).response().body());
	}

	@Test
	void aPushedDocumentWhoseBlobIsNotCompleteIsRejectedUntilTheBlobIsUp() throws Exception {
		byte[] bytes = randomBytes(CHUNK + 10, 6);
		String sha256 = sha256(bytes);
		String event = Fixture.event(admin, company.a, Fixture.TODAY, "Inspection");
		String document = Fixture.newId();
		Map<String, String> fields = Map.of("orgUnit", company.a, "ownerType", "event", "ownerId", event, "fileName", "scan.pdf", "sha256", sha256);

		MutationResult absent = pushOne(Fixture.create("document", document, fields));
		assertEquals(Outcome.REJECTED, absent.outcome());
		assertTrue(absent.reason().startsWith("blob_missing:") && absent.reason().contains(sha256), absent.reason());
		assertEquals(200, putChunk(sha256, bytes, 0, CHUNK, archivist).status());
		assertEquals(Outcome.REJECTED, pushOne(Fixture.create("document", document, fields)).outcome(), "a partial upload is not enough");
		assertNull(admin.record(document), "nothing of a rejected record is stored");

		assertEquals(200, putChunk(sha256, bytes, CHUNK, bytes.length, archivist).status());
		assertEquals(Outcome.APPLIED, pushOne(Fixture.create("document", document, fields)).outcome());
		assertArrayEquals(bytes, api.get(blob(sha256), archivist, null).response().body());
	}

	@Test
	void aDocumentGoesWhereItsRecordGoesInTheFeedAndForTheDownload() throws Exception {
		byte[] bytes = randomBytes(500, 9);
		String sha256 = sha256(bytes);
		upload(sha256, bytes, archivist);
		String event = Fixture.event(admin, company.a, Fixture.TODAY, "Inspection with a photo");
		String document = Fixture.newId();
		String archivistsCursor = pullDocuments(archivist, null).nextCursor();
		String outsidersCursor = pullDocuments(outsider, null).nextCursor();
		assertEquals(Outcome.APPLIED, pushOne(Fixture.create("document", document,
				Map.of("ownerType", "event", "ownerId", event, "fileName", "confidential-site-plan.pdf", "sha256", sha256))).outcome());
		assertEquals(company.a, admin.record(document).orgUnit(), "filed under its event's org unit");

		ChangePage archivists = pullDocuments(archivist, archivistsCursor);
		assertTrue(archivists.records().stream().anyMatch(r -> r.id().equals(document)), "the event's org unit receives it");
		ChangePage outsiders = pullDocuments(outsider, outsidersCursor);
		assertFalse(outsiders.records().stream().anyMatch(r -> r.id().equals(document)), "another org unit does not even learn its file name");
		assertEquals("forbidden", api.get(blob(sha256), outsider, null).code());

		admin.putRecord("event", event, Map.of("orgUnit", Fixture.text(company.b)));

		ChangePage left = pullDocuments(archivist, archivists.nextCursor());
		assertTrue(left.left().stream().anyMatch(l -> l.id().equals(document)), "it leaves with its event: " + left.left());
		assertEquals("forbidden", api.get(blob(sha256), archivist, null).code());
		ChangePage entered = pullDocuments(outsider, outsiders.nextCursor());
		assertTrue(entered.records().stream().anyMatch(r -> r.id().equals(document)), "and comes to the event's new org unit");
		assertArrayEquals(bytes, api.get(blob(sha256), outsider, null).response().body());
	}

	private static ChangePage pullDocuments(String token, String cursor) {
		Reply reply = api.post(Protocol.CHANGES, Fixture.pull("documents", cursor, 1000, DeviceScope.DEFAULT), token);
		assertEquals(200, reply.status(), reply.body());
		ChangePage page = JsonCodec.changePage(reply.json());
		assertFalse(page.hasMore());
		return page;
	}

	@Test
	void aDocumentPointedAtAnotherBlobNoLongerOpensTheOldOne() throws Exception {
		byte[] before = randomBytes(100, 7);
		byte[] after = randomBytes(200, 8);
		upload(sha256(before), before, archivist);
		upload(sha256(after), after, archivist);
		String event = Fixture.event(admin, company.a, Fixture.TODAY, "Inspection");
		String document = Fixture.newId();
		admin.putRecord("document", document, Map.of("ownerType", Fixture.text("event"), "ownerId", Fixture.text(event), "sha256", Fixture.text(sha256(before))));
		assertEquals(200, api.get(blob(sha256(before)), archivist, null).status());

		admin.putRecord("document", document, Map.of("sha256", Fixture.text(sha256(after))));

		assertEquals("forbidden", api.get(blob(sha256(before)), archivist, null).code());
		assertArrayEquals(after, api.get(blob(sha256(after)), archivist, null).response().body());
	}

	private static MutationResult pushOne(Mutation mutation) {
		Reply reply = api.post(Protocol.PUSH, Fixture.push(0, mutation), archivist);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.pushResponse(reply.json()).results().get(0);
	}

	@Test
	void bytesThatDoNotMatchTheAddressAreRefusedAndNothingIsKept() throws Exception {
		byte[] bytes = randomBytes(CHUNK + 1, 4);
		String claimed = sha256(randomBytes(CHUNK + 1, 5));
		attach(company.a, claimed, bytes.length);
		assertEquals(200, putChunk(claimed, bytes, 0, CHUNK, archivist).status());

		Reply refused = putChunk(claimed, bytes, CHUNK, bytes.length, archivist);

		assertEquals(422, refused.status());
		assertEquals("blob_hash_mismatch", refused.code());
		Reply status = api.get(blob(claimed) + "/" + Protocol.BLOB_UPLOAD, archivist, null);
		assertEquals(0, status.json().get("received").asLong(), "the chunks were discarded");
		assertFalse(status.json().get("complete").asBoolean());
		assertEquals(404, api.get(blob(claimed), archivist, null).status());
	}

	@Test
	void aBlobOverTheLimitIsRefusedNamingTheLimit() throws Exception {
		byte[] bytes = randomBytes(CHUNK, 6);
		String sha256 = sha256(bytes);
		Reply refused = api.put(blob(sha256) + "?offset=0&size=" + (LIMIT + 1), bytes, archivist);
		assertEquals(413, refused.status());
		assertEquals("blob_too_large", refused.code());
		assertTrue(refused.json().get("message").asText().contains(String.valueOf(LIMIT)), refused.body());
		assertEquals(0, api.get(blob(sha256) + "/" + Protocol.BLOB_UPLOAD, archivist, null).json().get("received").asLong());
	}

	@Test
	void everyBlobCallNeedsAValidToken() throws Exception {
		byte[] bytes = randomBytes(100, 7);
		String sha256 = sha256(bytes);
		upload(sha256, bytes, archivist);
		attach(company.a, sha256, bytes.length);

		assertEquals("unauthenticated", api.get(blob(sha256), null, null).code());
		assertEquals("unauthenticated", api.get(blob(sha256), "not-a-token", null).code());
		assertEquals(401, api.put(blob(sha256) + "?offset=0&size=100", bytes, null).status());
		assertEquals(401, api.get(blob(sha256) + "/" + Protocol.BLOB_UPLOAD, "not-a-token", null).status());
	}

	@Test
	void onlyUsersWhoseScopeHoldsTheDocumentsRecordMayFetchIt() throws Exception {
		byte[] bytes = randomBytes(1000, 8);
		String sha256 = sha256(bytes);
		upload(sha256, bytes, archivist);
		assertEquals("forbidden", api.get(blob(sha256), archivist, null).code(), "no document refers to it yet");
		attach(company.a, sha256, bytes.length);

		assertArrayEquals(bytes, api.get(blob(sha256), archivist, null).response().body());
		Reply outside = api.get(blob(sha256), outsider, null);
		assertEquals(403, outside.status(), "the event it is attached to is in another org unit");
		assertEquals("forbidden", outside.code());
		assertEquals("forbidden", api.get(blob(sha256), web, null).code(), "no documents permission");
		assertEquals("forbidden", api.put(blob(sha256) + "?offset=0&size=1000", bytes, web).code());
	}

	@Test
	void anEmptyFileIsABlobToo() throws Exception {
		String sha256 = sha256(new byte[0]);
		Reply reply = api.put(blob(sha256) + "?offset=0&size=0", new byte[0], archivist);
		assertTrue(reply.json().get("complete").asBoolean(), reply.body());
		attach(company.a, sha256, 0);
		Reply download = api.get(blob(sha256), archivist, null);
		assertEquals(200, download.status());
		assertEquals(0, download.response().body().length);
	}

	@Test
	void badAddressesAndRequestsAreRefusedClearly() throws Exception {
		assertEquals("invalid_request", api.get(blob("not-a-hash"), archivist, null).code());
		assertEquals("invalid_request", api.put(blob(sha256(new byte[1])) + "?offset=0", new byte[1], archivist).code());
		assertEquals("not_found", api.get(blob(sha256(new byte[2])) + "/elsewhere", archivist, null).code());
		Reply post = api.post(blob(sha256(new byte[3])), "{}", archivist);
		assertEquals(405, post.status());
		Reply unversioned = api.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(blob(sha256(new byte[3]))))
				.header("Authorization", "Bearer " + archivist).GET().build());
		assertEquals("invalid_request", unversioned.code());
	}
}
