package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.test.support.ServerFixture;
import org.outpost.cli.CommandLine;
import org.outpost.events.Event;
import org.outpost.persistence.EntityManagerFactories;
import org.outpost.findings.Finding;

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
		assertTrue(outpost.out().contains("Waiting:   0 changes not yet sent"), outpost.out());
		// ./dev test runs inside a private Secret Service (scripts/with-test-keyring.sh)
		assertTrue(outpost.out().contains("its key in the desktop keyring"), outpost.out());
		assertTrue(outpost.out().contains("command line"), "the history names the trigger: " + outpost.out());
	}

	@Test
	void discardDropsTheNamedRecordsChangesWithWhatWasMadeUnderThemAndTheRefusedOnesOnlyWithYes() {
		assertEquals(CommandLine.OK, outpost.run(ServerFixture.PASSWORD + "\n", "login", "--server", server.uri().toString(), "--user",
				ServerFixture.USER, "--password-stdin"), outpost.err());
		LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		Event outside = new Event("Made outside my org units", soon);
		outside.setOrgUnitId(server.south);
		String refusedId = desktop.changes.create(outside).getId();
		assertEquals(CommandLine.NEEDS_ATTENTION, outpost.run("", "sync", "events"), outpost.said());
		Event walk = new Event("Offline site walk", soon);
		walk.setOrgUnitId(server.north);
		String walkId = desktop.changes.create(walk).getId();
		Finding finding = new Finding("Blocked exit");
		finding.setEventId(walkId);
		String findingId = desktop.changes.create(finding).getId();

		assertEquals(CommandLine.OK, outpost.run("", "status"));
		assertTrue(outpost.out().contains(walkId + "  Create  event: Offline site walk"), outpost.out());
		assertTrue(outpost.out().contains("Refused:   1 change the server refused (outpost discard --all-refused)"), outpost.out());
		assertTrue(outpost.out().contains(refusedId + "  Create  event: Made outside my org units: "), outpost.out());

		assertEquals(CommandLine.USAGE, outpost.run("", "discard", walkId));
		assertTrue(outpost.out().contains("finding: Blocked exit: the record made on this device is removed, with event: Offline site walk"),
				outpost.out());
		assertTrue(outpost.out().contains("Nothing was discarded; run it again with --yes"), outpost.out());
		assertNotNull(desktop.find(Finding.class, findingId));

		assertEquals(CommandLine.OK, outpost.run("", "discard", walkId, "--yes"), outpost.said());
		assertTrue(outpost.out().contains("Discarded 2 changes of 2 records."), outpost.out());
		assertNull(desktop.find(Event.class, walkId));
		assertNull(desktop.find(Finding.class, findingId));

		assertEquals(CommandLine.OK, outpost.run("", "discard", "--all-refused", "--yes"), outpost.said());
		assertTrue(outpost.out().contains("Discarded 1 change of 1 record."), outpost.out());
		assertNull(desktop.find(Event.class, refusedId));
		assertEquals(0, desktop.count("RejectedChange"));
		assertEquals(CommandLine.OK, outpost.run("", "discard", "--all-refused"));
		assertTrue(outpost.out().contains("Nothing to discard"), outpost.out());

		assertEquals(CommandLine.USAGE, outpost.run("", "discard", "no-such-id", "--yes"));
		assertTrue(outpost.err().contains("no change waits for a record or change with id no-such-id"), outpost.err());
		assertEquals(CommandLine.USAGE, outpost.run("", "discard"));
		assertEquals(CommandLine.USAGE, outpost.run("", "discard", walkId, "--all-refused"));
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

	@Test
	void everyCommandOnADatabaseTheDesktopHoldsOpenSaysSoAndFailsWithNothingChanged() throws Exception {
		ForkedDevice device = new ForkedDevice();
		ForkedDevice.Result created = device.tool("create", "2", server.north);
		assertEquals(0, created.exitCode(), created.output());
		String expected = "The local database in " + device.database().getParent() + " is open in another Outpost program (the desktop, or an"
				+ " outpost command) on the same data. Close that program, then try again; nothing was changed.";

		DataSource desktopHoldingIt = EntityManagerFactories.hsqldbIn(device.database());
		try (Connection open = desktopHoldingIt.getConnection()) {
			for (List<String> command : List.of(List.of("status"), List.of("sync", "events"),
					List.of("discard", created.lines("created ").get(0), "--yes"), List.of("login", "--server", server.uri().toString(), "--user", ServerFixture.USER, "--password-stdin"))) {
				ForkedDevice.Result refused = device.outpost(command.toArray(String[]::new));
				assertEquals(CommandLine.FAILED, refused.exitCode(), refused.output());
				assertEquals(List.of(expected), refused.lines("outpost: "), refused.output());
			}
		} finally {
			EntityManagerFactories.shutDownHsqldb(desktopHoldingIt);
		}

		ForkedDevice.Result after = device.outpost("status");
		assertEquals(CommandLine.OK, after.exitCode(), after.output());
		assertTrue(after.output().contains("Waiting:   2 changes not yet sent"), "nothing was discarded: " + after.output());
	}
}
