package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToLongFunction;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * A server across a network is spoken to in gzip both ways (change pages down, large pushes up);
 * one on the device's own machine uncompressed. The same server is reached once by its loopback
 * address and once by one of this machine's network addresses, and the traffic each sync counts
 * (bytes as they travel) tells which way the records went.
 */
class CompressedSyncEndToEndTest {

	private static final int EVENTS = 600;
	private static final int EDITS = 200;

	private ServerFixture server;

	@BeforeEach
	void startServer() throws Exception {
		server = new ServerFixture();
		server.webEvents(EVENTS, "Quarterly fire safety inspection of the loading bay", server.north, LocalDate.now(ZoneOffset.UTC).plusDays(3));
	}

	@AfterEach
	void stop() throws Exception {
		server.close();
	}

	@Test
	void acrossANetworkThePagesAndThePushTravelGzippedAndEverythingArrivesAsOnLoopback() throws Exception {
		Desktop local = new Desktop();
		local.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		SyncReport uncompressed = initialSync(local);
		SyncReport uncompressedPush = editAndSync(local, "Checked on loopback: ");

		Desktop remote = new Desktop();
		remote.engine.login(overTheNetwork(server.uri()), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		SyncReport compressed = initialSync(remote);
		SyncReport compressedPush = editAndSync(remote, "Checked across the network: ");

		assertTrue(bytes(compressed, CategoryTraffic::bytesDown) * 3 < bytes(uncompressed, CategoryTraffic::bytesDown),
				"gzipped pages: " + bytes(compressed, CategoryTraffic::bytesDown) + " bytes down against " + bytes(uncompressed, CategoryTraffic::bytesDown)
						+ " on loopback");
		assertTrue(bytes(compressedPush, CategoryTraffic::bytesUp) * 2 < bytes(uncompressedPush, CategoryTraffic::bytesUp),
				"a gzipped push: " + bytes(compressedPush, CategoryTraffic::bytesUp) + " bytes up against " + bytes(uncompressedPush, CategoryTraffic::bytesUp)
						+ " on loopback");
	}

	private static SyncReport initialSync(Desktop desktop) {
		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());
		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(EVENTS, desktop.count("Event"));
		return report;
	}

	/** Retitles the first {@value #EDITS} events on the device and syncs them up; the server must hold every new title. */
	private SyncReport editAndSync(Desktop desktop, String title) {
		List<String> ids = desktop.database.read(em -> em.createQuery("SELECT e.id FROM Event e ORDER BY e.id", String.class).setMaxResults(EDITS)
				.getResultList());
		ids.forEach(id -> desktop.changes.edit(Event.class, id, event -> event.setTitle(title + id)));
		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL), new NullProgressMonitor());
		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertEquals(EDITS, report.recordsUp());
		ids.forEach(id -> assertEquals(title + id, server.record(id).body().get("title").asText()));
		return report;
	}

	private static long bytes(SyncReport report, ToLongFunction<CategoryTraffic> direction) {
		return report.traffic().stream().mapToLong(direction).sum();
	}

	/** The server's address by one of this machine's network (not loopback) addresses; it listens on all of them. */
	private static URI overTheNetwork(URI loopback) throws SocketException {
		InetAddress address = NetworkInterface.networkInterfaces().filter(CompressedSyncEndToEndTest::upAndNotLoopback)
				.flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
				.findFirst().orElseThrow(() -> new AssertionError("This test needs a network address on this machine besides loopback"));
		return URI.create("http://" + address.getHostAddress() + ":" + loopback.getPort());
	}

	private static boolean upAndNotLoopback(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		} catch (SocketException e) {
			return false;
		}
	}
}
