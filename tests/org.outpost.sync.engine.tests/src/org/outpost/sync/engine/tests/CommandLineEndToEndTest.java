package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

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
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void startServer() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	private int outpost(String stdin, String... args) {
		out.reset();
		err.reset();
		CommandLine command = new CommandLine(desktop.engine, desktop.database, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		return command.run(List.of(args));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void loginSyncAndStatus() {
		String id = server.webEvent("Scripted inspection", server.north, LocalDate.now(ZoneOffset.UTC).plusDays(1));

		assertEquals(CommandLine.OK, outpost(ServerFixture.PASSWORD + "\n", "login", "--server", server.uri().toString(), "--user",
				ServerFixture.USER, "--password-stdin"), err());
		assertTrue(out().contains("Logged in to " + server.uri()), out());

		assertEquals(CommandLine.OK, outpost("", "sync", "events"), out() + err());
		assertTrue(out().contains("Sync events: Succeeded"), out());
		assertTrue(out().contains("events"), out());
		assertNotNull(desktop.find(Event.class, id));

		assertEquals(CommandLine.OK, outpost("", "status"));
		assertTrue(out().contains(server.uri() + " as " + ServerFixture.USER), out());
		assertTrue(out().contains("0 change(s) not yet sent"), out());
		// ./dev test runs inside a private Secret Service (scripts/with-test-keyring.sh)
		assertTrue(out().contains("its key in the desktop keyring"), out());
		assertTrue(out().contains("command line"), "the history names the trigger: " + out());
	}

	@Test
	void wrongPasswordOfflineServerAndBadUsageGiveTheirExitCodes() throws Exception {
		assertEquals(CommandLine.REFUSED, outpost("wrong\n", "login", "--server", server.uri().toString(), "--user", ServerFixture.USER,
				"--password-stdin"));
		assertTrue(err().startsWith("outpost: "), err());

		assertEquals(CommandLine.OK, outpost(ServerFixture.PASSWORD + "\n", "login", "--server", server.uri().toString(), "--user",
				ServerFixture.USER, "--password-stdin"));
		server.stop();
		assertEquals(CommandLine.OFFLINE, outpost("", "sync", "full"));
		assertTrue(out().contains("Offline"), out());
		server.start();

		assertEquals(CommandLine.USAGE, outpost("", "frobnicate"));
		assertTrue(err().contains("Unknown command 'frobnicate'"), err());
		assertEquals(CommandLine.USAGE, outpost("", "login", "--user", "x"));
		assertEquals(CommandLine.USAGE, outpost(""));
	}
}
