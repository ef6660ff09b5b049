package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerConfig;
import org.outpost.server.tests.Api.Reply;

/**
 * The store hands out a bounded number of turns at the database ({@code db.transactions}); the
 * requests beyond it wait. With a single turn, concurrent logins, pushes and pulls must all be
 * answered (no request path needs a second turn while it holds one) and every device converges.
 */
class DatabaseTurnsTest {

	private static final int DEVICES = 6;
	private static final int BATCHES = 3;

	@TempDir
	Path folder;

	@Test
	void theSettingIsReadFromTheEnvironment() throws Exception {
		assertEquals(3, ServerConfig.load(null, Map.of("OUTPOST_DB_TRANSACTIONS", "3")).dbTransactions());
	}

	@Test
	void withOneTurnConcurrentDevicesAreAllServedAndConverge() throws Exception {
		try (OutpostServer server = OutpostServer.start(TestStores.fresh(folder).withDbTransactions(1))) {
			Fixture company = new Fixture(server.admin());
			Api api = new Api(server.uri());
			Set<String> created = new HashSet<>();
			List<Future<Set<String>>> devices = new ArrayList<>();
			ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
			try {
				for (int d = 0; d < DEVICES; d++) {
					int device = d;
					devices.add(pool.submit(() -> {
						String token = api.login("officer", "secret", "turns-" + device);
						Set<String> mine = new HashSet<>();
						for (int b = 0; b < BATCHES; b++) {
							Mutation mutation = Fixture.create("event", Fixture.newId(), Map.of("orgUnit", company.a, "title", "d" + device + "b" + b));
							Reply reply = api.post(Protocol.PUSH, Fixture.push(0, mutation), token);
							assertEquals(200, reply.status(), reply.body());
							MutationResult result = JsonCodec.pushResponse(reply.json()).results().get(0);
							assertEquals(Outcome.APPLIED, result.outcome());
							mine.add(mutation.recordId());
							pullToEnd(api, token);
						}
						return mine;
					}));
				}
				for (Future<Set<String>> device : devices) {
					created.addAll(device.get());
				}
			} finally {
				pool.shutdownNow();
			}
			assertEquals(DEVICES * BATCHES, created.size());
			Set<String> pulled = pullToEnd(api, api.login("officer", "secret", "turns-late"));
			assertEquals(created, pulled, "a device pulling afterwards gets every record pushed");
		}
	}

	private static Set<String> pullToEnd(Api api, String token) {
		Set<String> ids = new HashSet<>();
		String cursor = null;
		ChangePage page;
		do {
			Reply reply = api.post(Protocol.CHANGES, Fixture.pull("events", cursor, 50, DeviceScope.DEFAULT), token);
			assertEquals(200, reply.status(), reply.body());
			page = JsonCodec.changePage(reply.json());
			page.records().stream().map(WireRecord::id).forEach(ids::add);
			cursor = page.nextCursor();
		} while (page.hasMore());
		return ids;
	}
}
