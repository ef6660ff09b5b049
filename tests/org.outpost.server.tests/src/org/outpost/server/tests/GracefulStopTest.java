package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerConfig;
import org.outpost.server.tests.Api.Reply;

/** Stopping the server while a push may be in flight: the push is applied wholly or not at all. */
class GracefulStopTest {

	private static final int MUTATIONS = 200;

	@TempDir
	Path folder;

	@Test
	void aPushInFlightWhenTheServerStopsIsAppliedWhollyOrNotAtAll() throws Exception {
		ServerConfig config = TestStores.fresh(folder);
		OutpostServer server = OutpostServer.start(config);
		Fixture company = new Fixture(server.admin());
		Api api = new Api(server.uri());
		String token = api.login("officer", "secret", "stopping");
		Mutation[] batch = new Mutation[MUTATIONS];
		for (int i = 0; i < MUTATIONS; i++) {
			batch[i] = Fixture.create("event", Fixture.newId(), Map.of("orgUnit", company.a, "title", "n" + i));
		}
		String push = Fixture.push(0, batch);
		CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> api.post(Protocol.PUSH, push, token));
		server.close();

		Reply answer = null;
		try {
			answer = reply.join();
		} catch (CompletionException e) {
			assertTrue(e.getCause() instanceof UncheckedIOException, String.valueOf(e.getCause()));
		}
		try (ServerAdmin admin = ServerAdmin.open(config)) {
			long events = admin.count("event");
			assertTrue(events == 0 || events == MUTATIONS, events + " of " + MUTATIONS + " events written: a push must never apply in part");
			if (answer != null && answer.status() == 200) {
				assertEquals(MUTATIONS, events);
			} else if (answer != null) {
				assertEquals("service_unavailable", answer.code(), answer.body());
			}
		}
	}
}
