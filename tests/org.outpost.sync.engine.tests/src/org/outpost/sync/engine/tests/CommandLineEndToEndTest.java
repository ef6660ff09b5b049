package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.test.support.ServerFixture;
import org.outpost.cli.CommandLine;
import org.outpost.events.Event;

/** The {@code outpost} command against a real server: what a script or a support person sees. */
class CommandLineEndToEndTest {

	private ServerFixture server;
	private Desktop desktop;
	private OutpostCommand outpost;

	@BeforeEach
	void startServer() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
		outpost = new OutpostCommand(desktop);
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	@Test
	void loginSyncAndStatus() {
		String id = server.webEvent("Scripted inspection", server.north, LocalDate.now(ZoneOffset.UTC).plusDays(1));

		assertEquals(CommandLine.OK, outpost.run(ServerFixture.PASSWORD + "\n", "login", "--server", server.uri().toString(), "--user",
				ServerFixture.USER, "--password-stdin"), outpost.err());
		assertTrue(outpost.out().contains("Logged in to " + server.uri()), outpost.out());

		assertEquals(CommandLine.OK, outpost.run("", "sync", "events"), outpost.out() + outpost.err());
		assertTrue(outpost.out().contains("Sync events: Succeeded"), outpost.out());
		assertTrue(outpost.out().contains("events"), outpost.out());
		assertNotNull(desktop.find(Event.class, id));

		assertEquals(CommandLine.OK, outpost.run("", "status"));
		assertTrue(outpost.out().contains(server.uri() + " as " + ServerFixture.USER), outpost.out());
		assertTrue(outpost.out().contains("0 change(s) not yet sent"), outpost.out());
		// ./dev test runs inside a private Secret Service (scripts/with-test-keyring.sh)
		assertTrue(outpost.out().contains("its key in the desktop keyring"), outpost.out());
		assertTrue(outpost.out().contains("command line"), "the history names the trigger: " + outpost.out());
	}

	@Test
	void wrongPasswordOfflineServerAndBadUsageGiveTheirExitCodes() throws Exception {
		assertEquals(CommandLine.REFUSED, outpost.run("wrong\n", "login", "--server", server.uri().toString(), "--user", ServerFixture.USER,
				"--password-stdin"));
		assertTrue(outpost.err().startsWith("outpost: "), outpost.err());

		assertEquals(CommandLine.OK, outpost.run(ServerFixture.PASSWORD + "\n", "login", "--server", server.uri().toString(), "--user",
				ServerFixture.USER, "--password-stdin"));
		server.stop();
		assertEquals(CommandLine.OFFLINE, outpost.run("", "sync", "full"));
		assertTrue(outpost.out().contains("Offline"), outpost.out());
		server.start();

		assertEquals(CommandLine.USAGE, outpost.run("", "frobnicate"));
		assertTrue(outpost.err().contains("Unknown command 'frobnicate'"), outpost.err());
		assertEquals(CommandLine.USAGE, outpost.run("", "login", "--user", "x"));
		assertEquals(CommandLine.USAGE, outpost.run(""));
	}
}
