package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.tests.Api.Reply;

/**
 * Devices pushing an edit of the same field of one record at the same moment, each from the value
 * they all read: the record is locked while a push decides, so exactly one edit applies and every
 * other one is a conflict against it (none overwrites another unseen), on HSQLDB and PostgreSQL.
 */
class ConcurrentEditsTest {

	private static final int DEVICES = 8;

	@TempDir
	Path folder;

	@Test
	void oneOfTheSimultaneousEditsOfAFieldAppliesAndTheOthersConflictWithIt() throws Exception {
		try (OutpostServer server = OutpostServer.start(TestStores.fresh(folder))) {
			Fixture company = new Fixture(server.admin());
			String id = Fixture.event(server.admin(), company.a, Fixture.TODAY, "as read");
			Api api = new Api(server.uri());
			List<String> tokens = new ArrayList<>();
			for (int d = 0; d < DEVICES; d++) {
				tokens.add(api.login("officer", "secret", "device-" + d));
			}
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
			List<Future<MutationResult>> answers = new ArrayList<>();
			try {
				for (int d = 0; d < DEVICES; d++) {
					String token = tokens.get(d);
					Mutation edit = new Mutation(Fixture.newId(), "event", id, Operation.UPDATE, Map.of("title", Fixture.change("as read", "device " + d)));
					answers.add(pool.submit(() -> {
						start.await();
						Reply reply = api.post(Protocol.PUSH, Fixture.push(0, edit), token);
						assertEquals(200, reply.status(), reply.body());
						return JsonCodec.pushResponse(reply.json()).results().get(0);
					}));
				}
				start.countDown();
				List<String> applied = new ArrayList<>();
				for (int d = 0; d < DEVICES; d++) {
					MutationResult result = answers.get(d).get();
					if (result.outcome() == Outcome.APPLIED) {
						applied.add("device " + d);
					} else {
						assertEquals(Outcome.CONFLICT, result.outcome(), "device " + d);
					}
				}
				assertEquals(1, applied.size(), "edits applied: " + applied);
				assertEquals(applied.get(0), server.admin().record(id).body().get("title").asText());
			} finally {
				pool.shutdownNow();
			}
		}
	}
}
