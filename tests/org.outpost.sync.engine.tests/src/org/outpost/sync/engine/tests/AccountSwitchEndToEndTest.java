package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.cli.CommandLine;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.sync.engine.ChangedRecord;
import org.outpost.sync.engine.SyncProblem;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * A device that logs in to another server, or as another user: refused while changes of the old
 * account wait, refused without the user's consent, and with it the old data, cursors and scope go
 * and a full sync brings the new account's data, without clashing ids. Two real servers.
 */
class AccountSwitchEndToEndTest {

	private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(2);

	private ServerFixture first;
	private ServerFixture second;
	private Desktop desktop;
	private OutpostCommand outpost;

	@BeforeEach
	void twoServers() throws Exception {
		first = new ServerFixture();
		second = new ServerFixture();
		desktop = new Desktop();
		outpost = new OutpostCommand(desktop);
	}

	@AfterEach
	void stopServers() throws Exception {
		first.close();
		second.close();
	}

	private int login(ServerFixture server, String user, String password, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("login", "--server", server.uri().toString(), "--user", user, "--password-stdin"));
		args.addAll(List.of(more));
		return outpost.run(password + "\n", args.toArray(String[]::new));
	}

	@Test
	void aChangeTheServerRefusedAlsoStopsTheSwitchUntilItIsDiscarded() {
		assertEquals(CommandLine.OK, login(first, ServerFixture.USER, ServerFixture.PASSWORD), outpost.said());
		Event outside = new Event("Created outside my org units", SOON);
		outside.setOrgUnitId(first.south);
		String refused = desktop.changes.create(outside).getId();
		outpost.run("", "sync", "full");
		assertEquals(1L, desktop.count("RejectedChange"), outpost.said());
		assertEquals(0L, desktop.count("OutboxEntry"));

		assertEquals(CommandLine.REFUSED, login(second, ServerFixture.USER, ServerFixture.PASSWORD, "--reset-local-data"), outpost.said());
		String refusal = outpost.said();
		assertTrue(refusal.contains("1 change the server refused") && refusal.contains("discard the refused change in the Sync perspective's Queue view"),
				refusal);
		assertNotNull(desktop.find(Event.class, refused), "the refused change stays with its record");

		desktop.engine.discards().discard(List.of(new ChangedRecord("event", refused)));
		assertEquals(CommandLine.OK, login(second, ServerFixture.USER, ServerFixture.PASSWORD, "--reset-local-data"), outpost.said());
		assertEquals(second.uri(), desktop.engine.connection().orElseThrow().server());
	}

	@Test
	void anotherServerIsRefusedWhileChangesWaitAndWithoutConsentThenReplacesTheLocalData() {
		String fromFirst = first.webEvent("Inspection on the first server", first.north, SOON);
		String fromSecond = second.webEvent("Inspection on the second server", second.north, SOON);
		assertEquals(CommandLine.OK, login(first, ServerFixture.USER, ServerFixture.PASSWORD), outpost.said());
		assertEquals(CommandLine.OK, outpost.run("", "sync", "full"), outpost.said());
		Event madeHere = new Event("Made on the device", SOON);
		madeHere.setOrgUnitId(first.north);
		String unsent = desktop.changes.create(madeHere).getId();

		assertEquals(CommandLine.REFUSED, login(second, ServerFixture.USER, ServerFixture.PASSWORD, "--reset-local-data"), outpost.said());
		String refusal = outpost.said();
		assertTrue(refusal.contains("1 change not yet sent")
				&& refusal.contains("discard it in the Sync perspective's Queue view or with 'outpost discard' on the command line"), refusal);
		assertNotNull(desktop.find(Event.class, unsent), "the unsent change stays");
		assertNotNull(desktop.find(Event.class, fromFirst));
		assertEquals(first.uri(), desktop.engine.connection().orElseThrow().server(), "the refused login kept nothing");

		assertEquals(CommandLine.OK, outpost.run("", "sync", "full"), outpost.said());
		assertNotNull(first.record(unsent), "synced to the server it was made for");

		assertEquals(CommandLine.REFUSED, login(second, ServerFixture.USER, ServerFixture.PASSWORD), outpost.said());
		assertTrue(outpost.said().contains("--reset-local-data"), outpost.said());
		assertNotNull(desktop.find(Event.class, fromFirst), "without consent the data stays");

		assertEquals(CommandLine.OK, login(second, ServerFixture.USER, ServerFixture.PASSWORD, "--reset-local-data"), outpost.said());
		assertTrue(outpost.said().contains("Sync full: Succeeded"), "the initial sync followed: " + outpost.said());
		assertNull(desktop.find(Event.class, fromFirst), "the first server's records left the device");
		assertNull(desktop.find(Event.class, unsent));
		assertNotNull(desktop.find(Event.class, fromSecond), "the second server's records came");
		assertEquals(second.uri(), desktop.engine.connection().orElseThrow().server());

		Event madeLater = new Event("Made after the switch", SOON);
		madeLater.setOrgUnitId(second.north);
		String later = desktop.changes.create(madeLater).getId();
		assertEquals(CommandLine.OK, outpost.run("", "sync", "full"), "syncs on without clashing ids: " + outpost.said());
		assertNotNull(second.record(later));
	}

	@Test
	void anotherUserOnTheSameServerGetsOnlyTheirOwnScopeAfterTheReset() throws Exception {
		first.admin().putUser("auditor", "South Auditor", "audit-2026", List.of("officer"));
		first.admin().assign("auditor", first.south);
		String north = first.webEvent("North inspection", first.north, SOON);
		String south = first.webEvent("South inspection", first.south, SOON);
		assertEquals(CommandLine.OK, login(first, ServerFixture.USER, ServerFixture.PASSWORD), outpost.said());
		assertEquals(CommandLine.OK, outpost.run("", "sync", "full"), outpost.said());
		assertNotNull(desktop.find(Event.class, north));

		SyncProblem refused = assertThrows(SyncProblem.class, () -> desktop.engine.login(first.uri(), "auditor", "audit-2026".toCharArray()));
		assertEquals(SyncProblem.Kind.LOCAL_DATA_RESET_NEEDED, refused.kind());
		assertTrue(refused.getMessage().contains(ServerFixture.USER + " on " + first.uri()), refused.getMessage());

		desktop.engine.login(first.uri(), "auditor", "audit-2026".toCharArray(), true);
		SyncReport report = desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, report.outcome(), report.message());
		assertNull(desktop.find(Event.class, north), "the officer's records left with the officer");
		assertNotNull(desktop.find(Event.class, south), "the auditor's came, from the beginning of the feed");
	}
}
