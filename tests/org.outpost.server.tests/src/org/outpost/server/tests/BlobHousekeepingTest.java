package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerAdmin.BlobsSwept;
import org.outpost.server.internal.AdminCommands;
import org.outpost.server.tests.Api.Reply;

/** The server removes abandoned partial uploads and blobs no document refers to, after their ages, and keeps everything else. */
class BlobHousekeepingTest {

	private static final int CHUNK = 64 * 1024;
	private static final Duration HOUR = Duration.ofHours(1);

	@TempDir
	static Path folder;

	static OutpostServer server;
	static ServerAdmin admin;
	static Api api;
	static Fixture company;
	static String archivist;

	@BeforeAll
	static void start() throws Exception {
		server = OutpostServer.start(TestStores.fresh(folder));
		admin = server.admin();
		api = new Api(server.uri());
		company = new Fixture(admin);
		admin.putRole("Archivist", List.of("desktop.login", "events.*", "documents.*"));
		admin.putUser("archivist", "Ann Archivist", "secret", List.of("Archivist"));
		admin.assign("archivist", company.a);
		archivist = api.login("archivist", "secret", "laptop-a");
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	private static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static Reply put(String sha256, byte[] bytes, int from, int to) {
		Reply reply = api.put(Protocol.BLOBS + "/" + sha256 + "?offset=" + from + "&size=" + bytes.length, Arrays.copyOfRange(bytes, from, to), archivist);
		assertEquals(200, reply.status(), reply.body());
		return reply;
	}

	private static Reply status(String sha256) {
		return api.get(Protocol.BLOBS + "/" + sha256 + "/" + Protocol.BLOB_UPLOAD, archivist, null);
	}

	private static String attach(String sha256) {
		String event = Fixture.event(admin, company.a, Fixture.TODAY, "Inspection");
		String document = Fixture.newId();
		admin.putRecord("document", document, Map.of("ownerType", Fixture.text("event"), "ownerId", Fixture.text(event), "sha256", Fixture.text(sha256)));
		return document;
	}

	@Test
	void stalePartialUploadsAndUnreferencedBlobsGoReferencedOnesStay() throws Exception {
		byte[] partial = randomBytes(2 * CHUNK, 1);
		put(sha256(partial), partial, 0, CHUNK);
		byte[] orphan = randomBytes(CHUNK, 2);
		put(sha256(orphan), orphan, 0, CHUNK);
		byte[] attached = randomBytes(CHUNK, 3);
		put(sha256(attached), attached, 0, CHUNK);
		attach(sha256(attached));

		assertEquals(new BlobsSwept(0, 0, 0), admin.sweepBlobs(HOUR, HOUR), "nothing is older than an hour");
		assertEquals(CHUNK, status(sha256(partial)).json().get("received").asLong());

		BlobsSwept swept = admin.sweepBlobs(Duration.ZERO, Duration.ZERO);
		assertEquals(new BlobsSwept(1, 1, 2L * CHUNK), swept);
		assertEquals("1 abandoned partial upload and 1 blob no document refers to: " + 2L * CHUNK + " bytes", swept.describe());
		assertEquals(0, status(sha256(partial)).json().get("received").asLong(), "the abandoned upload is gone");
		assertEquals(0, status(sha256(orphan)).json().get("received").asLong(), "the blob no document refers to is gone");
		assertEquals(404, api.get(Protocol.BLOBS + "/" + sha256(orphan), archivist, null).status());
		assertArrayEquals(attached, api.get(Protocol.BLOBS + "/" + sha256(attached), archivist, null).response().body(), "a referenced blob stays");

		// an abandoned upload can start again from the beginning
		put(sha256(partial), partial, 0, CHUNK);
		assertTrue(put(sha256(partial), partial, CHUNK, 2 * CHUNK).json().get("complete").asBoolean());
	}

	@Test
	void aDeletedDocumentsBlobStaysForTheGracePeriod() throws Exception {
		byte[] bytes = randomBytes(CHUNK, 4);
		put(sha256(bytes), bytes, 0, CHUNK);
		String document = attach(sha256(bytes));
		admin.deleteRecord(document);

		admin.sweepBlobs(Duration.ZERO, HOUR);
		assertTrue(status(sha256(bytes)).json().get("complete").asBoolean(), "deleted within the grace period: kept");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AdminCommands.run(admin, List.of("blobs", "sweep", "0", "0"), new PrintStream(out, true, StandardCharsets.UTF_8));
		// other tests' unreferenced blobs may go too
		assertTrue(out.toString(StandardCharsets.UTF_8).matches("(?s)Removed \\d+ abandoned partial uploads? and [1-9]\\d* blobs? no document refers to.*"),
				out.toString(StandardCharsets.UTF_8));
		assertEquals(0, status(sha256(bytes)).json().get("received").asLong());
	}

	@Test
	void negativeAgesAreRefused() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> AdminCommands.run(admin, List.of("blobs", "sweep", "-1", "0"), print));
		assertTrue(refused.getMessage().contains("0 or more"), refused.getMessage());
	}
}
