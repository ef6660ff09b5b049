package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.test.support.ServerFixture;

/**
 * The device's process killed with {@code kill -9} in the middle of a sync, then started again on
 * the same data: it converges with nothing lost and nothing duplicated. The device runs the
 * product's {@code outpost} command line in a JVM of its own; a relay between it and the real
 * server holds one exchange back so the kill lands at an exact point of the protocol.
 */
class KilledDeviceEndToEndTest {

	// three full pages of the protocol's largest and a part of a fourth
	private static final int SERVER_EVENTS = 3 * Protocol.MAX_PAGE_SIZE + Protocol.MAX_PAGE_SIZE / 2;
	// more than one push batch (the protocol's maximum of mutations per push)
	private static final int LOCAL_EVENTS = Protocol.MAX_MUTATIONS_PER_PUSH + 50;

	private ServerFixture server;
	private HoldingProxy proxy;
	private ForkedDevice device;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture();
		proxy = new HoldingProxy(server.uri());
		device = new ForkedDevice();
		ForkedDevice.Result login = device.run(ForkedDevice.OUTPOST, ServerFixture.PASSWORD + "\n", "login", "--server", proxy.uri().toString(),
				"--user", ServerFixture.USER, "--password-stdin");
		assertEquals(0, login.exitCode(), login.output());
	}

	@AfterEach
	void stop() throws Exception {
		proxy.close();
		server.close();
	}

	@Test
	void killedAfterSomePagesAreCheckpointedTheRestartedSyncResumesAndEveryRecordArrivesOnce() throws Exception {
		Set<String> onServer = webEvents(SERVER_EVENTS);
		// the engine asks for a page as soon as the one before it is read, up to two pages ahead of the one it writes: when it
		// asks for the fourth it has taken the second at least, so the first is surely written
		proxy.holdChangesAfter("events", 3);

		Process sync = device.start(ForkedDevice.OUTPOST, "", "sync", "full");
		proxy.awaitHeld();
		ForkedDevice.kill(sync);
		List<ChangesRequest> before = proxy.changesRequests("events");
		long receivedBeforeKill = proxy.pages("events").stream().mapToLong(p -> p.records().size()).sum();
		assertTrue(receivedBeforeKill > 0 && receivedBeforeKill < SERVER_EVENTS, "killed mid-pull after " + receivedBeforeKill + " events");
		proxy.clearRecords();

		ForkedDevice.Result restarted = device.outpost("sync", "full");

		assertEquals(0, restarted.exitCode(), restarted.output());
		String resumedFrom = proxy.changesRequests("events").get(0).cursor();
		assertNotNull(resumedFrom, "the restarted sync resumes from the checkpoint, not from the beginning");
		assertTrue(before.stream().skip(1).map(ChangesRequest::cursor).toList().contains(resumedFrom),
				"it asks again for a page it had asked for, after a written one: " + resumedFrom);
		long receivedAfterRestart = proxy.pages("events").stream().mapToLong(p -> p.records().size()).sum();
		assertTrue(receivedBeforeKill + receivedAfterRestart <= SERVER_EVENTS + 2 * Protocol.MAX_PAGE_SIZE,
				"at most the page being written when the process died and the one read ahead travel again: "
						+ (receivedBeforeKill + receivedAfterRestart));
		assertConverged(onServer);
	}

	@Test
	void killedAfterThePushWasAppliedButBeforeItsAnswerWasStoredTheRetryDuplicatesNothing() throws Exception {
		Set<String> onServer = webEvents(10);
		List<String> created = device.tool("create", String.valueOf(LOCAL_EVENTS), server.north).lines("created ");
		assertEquals(LOCAL_EVENTS, created.size());
		proxy.holdNextPushAnswer();

		Process sync = device.start(ForkedDevice.OUTPOST, "", "sync", "events");
		proxy.awaitHeld();
		ForkedDevice.kill(sync);
		List<String> appliedButUnanswered = proxy.pushes().get(0).mutations().stream().map(Mutation::mutationId).toList();
		assertTrue(appliedButUnanswered.size() < LOCAL_EVENTS, "killed with more batches to send");
		assertEquals(onServer.size() + appliedButUnanswered.size(), server.admin().count("event"), "the server applied the batch before the device died");
		proxy.clearRecords();

		ForkedDevice.Result restarted = device.outpost("sync", "events");

		assertEquals(0, restarted.exitCode(), restarted.output());
		List<String> resent = proxy.pushes().get(0).mutations().stream().map(Mutation::mutationId).toList();
		assertEquals(appliedButUnanswered, resent, "the retry sends the same mutation ids, which the server recognises");
		for (String id : created) {
			WireRecord record = server.record(id);
			assertNotNull(record, "the local edit reached the server: " + id);
			assertTrue(record.body().get("title").asText().startsWith("Made offline "), record.body().toString());
		}
		onServer.addAll(created);
		assertEquals(onServer.size(), server.admin().count("event"), "every local edit is on the server exactly once");
		assertConverged(onServer);
	}

	/** The device holds exactly the server's events, each once, with nothing left to send and nothing set aside. */
	private void assertConverged(Set<String> onServer) throws Exception {
		ForkedDevice.Result report = device.tool("report");
		assertEquals(0, report.exitCode(), report.output());
		List<String> local = report.lines("event ").stream().map(line -> line.substring(0, line.indexOf(' '))).toList();
		assertEquals(local.size(), new HashSet<>(local).size(), "no event twice on the device");
		assertEquals(onServer, new HashSet<>(local), "every server event arrived");
		assertEquals(List.of("0"), report.lines("outbox "), "nothing left to send");
		assertEquals(List.of("0"), report.lines("conflicts "));
		assertEquals(List.of("0"), report.lines("rejected "));
	}

	private Set<String> webEvents(int count) {
		Set<String> ids = new HashSet<>();
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		for (int i = 0; i < count; i++) {
			ids.add(server.webEvent("Web event " + i, server.north, due));
		}
		return ids;
	}
}
