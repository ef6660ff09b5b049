package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerConfig;
import org.outpost.server.tests.Api.Reply;

/**
 * Two server instances on one database (DESIGN.md §4) taking interleaved pushes from many clients
 * while a device pulls: every sequence number is used once, none is lost, and every client
 * converges to the same records through either server. On HSQLDB both instances share the
 * in-process database; scripts/test-postgresql.sh runs it on PostgreSQL.
 */
class TwoServersOneDatabaseTest {

	private static final int CLIENTS = 8;
	private static final int BATCHES = 6;
	private static final int PER_BATCH = 4;

	@TempDir
	Path folder;

	@Test
	void interleavedPushesGiveEverySequenceNumberOnceAndEveryClientConverges() throws Exception {
		ServerConfig config = TestStores.fresh(folder);
		try (OutpostServer first = OutpostServer.start(config); OutpostServer second = OutpostServer.start(config.withPort(0))) {
			Fixture company = new Fixture(first.admin());
			List<Api> servers = List.of(new Api(first.uri()), new Api(second.uri()));
			long baseline = first.admin().lastRevision();

			Set<String> created = ConcurrentHashMap.newKeySet();
			AtomicBoolean pushing = new AtomicBoolean(true);
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
			try {
				// a device pulling incrementally while the pushes run must see every record exactly once
				Future<Set<String>> watcher = pool.submit(() -> {
					String token = servers.get(1).login("officer", "secret", "watcher");
					Set<String> seen = new HashSet<>();
					String cursor = null;
					boolean last = false;
					while (!last) {
						last = !pushing.get();
						ChangePage page;
						do {
							page = pull(servers.get(seen.size() % 2), token, cursor);
							for (WireRecord record : page.records()) {
								assertTrue(seen.add(record.id()), "a record came twice: " + record.id());
							}
							cursor = page.nextCursor();
						} while (page.hasMore());
					}
					return seen;
				});
				List<Future<?>> clients = new ArrayList<>();
				for (int c = 0; c < CLIENTS; c++) {
					int client = c;
					clients.add(pool.submit(() -> {
						String token = servers.get(client % 2).login("officer", "secret", "device-" + client);
						for (int b = 0; b < BATCHES; b++) {
							Api api = servers.get((client + b) % 2);
							Mutation[] batch = new Mutation[PER_BATCH];
							for (int m = 0; m < PER_BATCH; m++) {
								batch[m] = Fixture.create("event", Fixture.newId(), Map.of("orgUnit", company.a, "title", "c" + client + "b" + b + "m" + m));
							}
							Reply reply = api.post(Protocol.PUSH, Fixture.push(0, batch), token);
							assertEquals(200, reply.status(), reply.body());
							for (MutationResult result : JsonCodec.pushResponse(reply.json()).results()) {
								assertEquals(Outcome.APPLIED, result.outcome());
							}
							for (Mutation mutation : batch) {
								created.add(mutation.recordId());
							}
						}
						return null;
					}));
				}
				for (Future<?> client : clients) {
					client.get();
				}
				pushing.set(false);
				Set<String> watched = watcher.get();
				assertTrue(watched.containsAll(created), "the pulling device missed " + (created.size() - watched.size()) + " records");
			} finally {
				pool.shutdownNow();
			}

			int pushed = CLIENTS * BATCHES * PER_BATCH;
			assertEquals(pushed, created.size());
			assertEquals(baseline + pushed, first.admin().lastRevision(), "each create took exactly one sequence number");
			for (Api server : servers) {
				String token = server.login("officer", "secret", "late-" + server.hashCode());
				Set<Long> revs = new HashSet<>();
				Set<String> ids = new HashSet<>();
				String cursor = null;
				ChangePage page;
				do {
					page = pull(server, token, cursor);
					for (WireRecord record : page.records()) {
						assertTrue(revs.add(record.rev()), "sequence number " + record.rev() + " given twice");
						ids.add(record.id());
					}
					cursor = page.nextCursor();
				} while (page.hasMore());
				assertEquals(created, ids, "a client of either server gets every record");
			}
		}
	}

	@Test
	void theSameBatchPushedThroughBothInstancesAtOnceAppliesOnce() throws Exception {
		ServerConfig config = TestStores.fresh(folder);
		try (OutpostServer first = OutpostServer.start(config); OutpostServer second = OutpostServer.start(config.withPort(0))) {
			Fixture company = new Fixture(first.admin());
			List<Api> servers = List.of(new Api(first.uri()), new Api(second.uri()));
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < PER_BATCH; i++) {
				ids.add(Fixture.event(first.admin(), company.a, Fixture.TODAY, "Original"));
			}
			// a create of one id by several devices with their own mutation ids (no row to lock: the losers' commits fail and are tried
			// again), then a retry of one batch (same mutation ids) racing itself
			Mutation[] batch = new Mutation[PER_BATCH];
			for (int i = 0; i < PER_BATCH; i++) {
				batch[i] = new Mutation(Fixture.newId(), "event", ids.get(i), Operation.UPDATE, Map.of("title", Fixture.change("Original", "Sent twice")));
			}
			String contested = Fixture.newId();
			long before = first.admin().lastRevision();
			List<String> tokens = List.of(servers.get(0).login("officer", "secret", "twice-0"), servers.get(1).login("officer", "secret", "twice-1"));

			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
			List<Future<List<MutationResult>>> replies = new ArrayList<>();
			try {
				for (int c = 0; c < CLIENTS; c++) {
					int client = c;
					replies.add(pool.submit(() -> {
						Api api = servers.get(client % 2);
						String token = tokens.get(client % 2);
						start.await();
						Reply create = api.post(Protocol.PUSH,
								Fixture.push(0, Fixture.create("event", contested, Map.of("orgUnit", company.a, "title", "made by " + client))), token);
						assertEquals(200, create.status(), create.body());
						Reply reply = api.post(Protocol.PUSH, Fixture.push(0, batch), token);
						assertEquals(200, reply.status(), reply.body());
						List<MutationResult> results = new ArrayList<>(JsonCodec.pushResponse(reply.json()).results());
						results.add(JsonCodec.pushResponse(create.json()).results().get(0));
						return results;
					}));
				}
				start.countDown();
				List<MutationResult> firstAnswers = replies.get(0).get().subList(0, PER_BATCH);
				int createsApplied = 0;
				int titlesInConflict = 0;
				for (Future<List<MutationResult>> reply : replies) {
					List<MutationResult> results = reply.get();
					assertEquals(firstAnswers, results.subList(0, PER_BATCH), "every push of the batch gets the first answers");
					MutationResult create = results.get(PER_BATCH);
					createsApplied += create.outcome() == Outcome.APPLIED ? 1 : 0;
					titlesInConflict += create.outcome() == Outcome.CONFLICT && create.conflicts().keySet().equals(Set.of("title")) ? 1 : 0;
				}
				assertEquals(1, createsApplied, "one device made the contested record");
				assertEquals(CLIENTS - 1, titlesInConflict, "the others keep their different titles as conflicts; the org unit they share applies");
				assertTrue(firstAnswers.stream().allMatch(result -> result.outcome() == Outcome.APPLIED));
			} finally {
				pool.shutdownNow();
			}
			assertEquals(before + PER_BATCH + 1, first.admin().lastRevision(), "each update and the one create took one sequence number");
			for (String id : ids) {
				assertEquals("Sent twice", second.admin().record(id).body().get("title").asText());
			}
		}
	}

	@Test
	void whatOneInstanceWritesTheOtherSeesAtOnce() throws Exception {
		ServerConfig config = TestStores.fresh(folder);
		try (OutpostServer first = OutpostServer.start(config); OutpostServer second = OutpostServer.start(config.withPort(0))) {
			Fixture company = new Fixture(first.admin());
			Api one = new Api(first.uri());
			Api two = new Api(second.uri());
			String id = Fixture.event(first.admin(), company.a, Fixture.TODAY, "Original");
			String tokenOne = one.login("officer", "secret", "one");
			String tokenTwo = two.login("officer", "secret", "two");
			assertEquals(JsonCodec.hello(one.get(Protocol.HELLO).json()).serverId(), JsonCodec.hello(two.get(Protocol.HELLO).json()).serverId(),
					"two instances on one database are one server to a device");
			// each instance reads the record and the token once, so a cache there would keep the old rows
			String cursor = pull(two, tokenTwo, null).nextCursor();
			pull(one, tokenOne, null);

			Reply applied = one.post(Protocol.PUSH, Fixture.push(0, new Mutation(Fixture.newId(), "event", id, Operation.UPDATE,
					Map.of("title", Fixture.change("Original", "From one")))), tokenOne);
			assertEquals(Outcome.APPLIED, JsonCodec.pushResponse(applied.json()).results().get(0).outcome());
			WireRecord seenByTwo = pull(two, tokenTwo, cursor).records().get(0);
			assertEquals("From one", seenByTwo.body().get("title").asText());
			assertEquals(first.admin().record(id).rev(), seenByTwo.rev());
			MutationResult stale = JsonCodec.pushResponse(two.post(Protocol.PUSH, Fixture.push(0, new Mutation(Fixture.newId(), "event", id,
					Operation.UPDATE, Map.of("title", Fixture.change("Original", "From two")))), tokenTwo).json()).results().get(0);
			assertEquals(Outcome.CONFLICT, stale.outcome());
			assertEquals("From one", stale.conflicts().get("title").server().asText());

			pull(one, tokenOne, null);
			assertEquals(1, second.admin().revokeTokensOfDevice("one"));
			assertEquals("token_revoked", one.post(Protocol.CHANGES, Fixture.pull("events", null, 10, DeviceScope.DEFAULT), tokenOne).code());
		}
	}

	private static ChangePage pull(Api api, String token, String cursor) {
		Reply reply = api.post(Protocol.CHANGES, Fixture.pull("events", cursor, 50, DeviceScope.DEFAULT), token);
		assertEquals(200, reply.status(), reply.body());
		return JsonCodec.changePage(reply.json());
	}

	@Test
	void aBlobUploadedHalfThroughEachInstanceIsServedByBoth() throws Exception {
		ServerConfig config = TestStores.fresh(folder);
		try (OutpostServer first = OutpostServer.start(config); OutpostServer second = OutpostServer.start(config.withPort(0))) {
			Fixture company = new Fixture(first.admin());
			first.admin().putRole("Archivist", List.of("desktop.login", "documents.*"));
			first.admin().putUser("archivist", "Ann Archivist", "secret", List.of("Archivist"));
			first.admin().assign("archivist", company.a);
			Api one = new Api(first.uri());
			Api other = new Api(second.uri());
			String token = one.login("archivist", "secret", "laptop-a");
			byte[] bytes = new byte[300_000];
			new Random(9).nextBytes(bytes);
			String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
			String blob = Protocol.BLOBS + "/" + sha256;
			first.admin().putRecord("document", Fixture.newId(), Map.of("sha256", Fixture.text(sha256), "fileName", Fixture.text("scan.pdf")));

			// a cut upload resumed through the other instance
			assertEquals(200, one.put(blob + "?offset=0&size=" + bytes.length, Arrays.copyOf(bytes, 100_000), token).status());
			assertEquals(100_000, other.get(blob + "/" + Protocol.BLOB_UPLOAD, token, null).json().get("received").asLong());
			Reply last = other.put(blob + "?offset=100000&size=" + bytes.length, Arrays.copyOfRange(bytes, 100_000, bytes.length), token);
			assertTrue(last.json().get("complete").asBoolean(), last.body());

			assertArrayEquals(bytes, one.get(blob, token, null).response().body());
			assertArrayEquals(bytes, other.get(blob, token, null).response().body());
		}
	}
}
