package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/**
 * The initial sync is a state of its own: due from the first login until a full sync succeeds, and
 * due again after a switch to another account, although the history then holds the old account's
 * succeeded full syncs; a cancelled one leaves it due, so the next start goes on with it. A device
 * from before that state which left its initial sync unfinished is marked due at its first start.
 */
class InitialSyncDueEndToEndTest {

	private ServerFixture first;
	private ServerFixture second;
	private Desktop desktop;

	@BeforeEach
	void twoServers() throws Exception {
		first = new ServerFixture();
		second = new ServerFixture();
		desktop = new Desktop();
	}

	@AfterEach
	void stopServers() throws Exception {
		first.close();
		second.close();
	}

	private SyncOutcome full(IProgressMonitor monitor) {
		return desktop.engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), monitor).outcome();
	}

	@Test
	void aCancelledInitialSyncAfterAnAccountSwitchStaysDueUntilAFullSyncSucceeds() throws Exception {
		desktop.engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertTrue(desktop.engine.initialSyncDue().isPresent(), "due from the first login");
		assertEquals(SyncOutcome.SUCCEEDED, desktop.engine.sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL), new NullProgressMonitor())
				.outcome());
		assertTrue(desktop.engine.initialSyncDue().isPresent(), "an Events sync is no initial sync");
		assertEquals(SyncOutcome.SUCCEEDED, full(new NullProgressMonitor()));
		assertFalse(desktop.engine.initialSyncDue().isPresent());

		desktop.engine.login(second.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray(), true);
		assertTrue(desktop.engine.initialSyncDue().isPresent(), "due again after the reset, with a succeeded full sync in the history");
		NullProgressMonitor cancelled = new NullProgressMonitor();
		cancelled.setCanceled(true);
		assertEquals(SyncOutcome.CANCELLED, full(cancelled));
		assertTrue(desktop.engine.initialSyncDue().isPresent(), "a cancelled initial sync is still to do");

		desktop.engine.login(second.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertTrue(desktop.engine.initialSyncDue().isPresent(), "logging in again as the same account changes nothing");
		assertEquals(SyncOutcome.SUCCEEDED, full(new NullProgressMonitor()));
		assertFalse(desktop.engine.initialSyncDue().isPresent());
	}

	@Test
	void aDeviceFromBeforeTheInitialSyncStateThatNeverFinishedItIsMarkedDueAtStart() throws Exception {
		desktop.engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		NullProgressMonitor cancelled = new NullProgressMonitor();
		cancelled.setCanceled(true);
		assertEquals(SyncOutcome.CANCELLED, full(cancelled));
		// what an older version left: a login and a cancelled full sync, but no mark
		forgetTheInitialSyncState();

		assertTrue(desktop.engine.markUnfinishedInitialSync());
		assertTrue(desktop.engine.initialSyncDue().isPresent(), "it goes on by itself at this start");
		assertFalse(desktop.engine.markUnfinishedInitialSync(), "marked once");

		assertEquals(SyncOutcome.SUCCEEDED, full(new NullProgressMonitor()));
		assertFalse(desktop.engine.initialSyncDue().isPresent());
		assertFalse(desktop.engine.markUnfinishedInitialSync(), "a device that finished its initial sync is left alone");
	}

	@Test
	void aDeviceFromBeforeTheStateThatSwitchedAccountsAfterASucceededFullSyncIsMarkedDueAtStart() throws Exception {
		desktop.engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertEquals(SyncOutcome.SUCCEEDED, full(new NullProgressMonitor()));
		desktop.engine.login(second.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray(), true);
		assertEquals(SyncOutcome.SUCCEEDED, desktop.engine.sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL), new NullProgressMonitor())
				.outcome());
		// what an older version left: the new account's events, the old account's succeeded full sync, no mark
		forgetTheInitialSyncState();

		assertTrue(desktop.engine.markUnfinishedInitialSync(), "the admin categories of the new account were never pulled");
		assertTrue(desktop.engine.initialSyncDue().isPresent());
	}

	@Test
	void aDeviceFromBeforeTheStateWhoseFullSyncWasCancelledInsideItsLastCategoryIsMarkedDueAtStart() throws Exception {
		desktop.engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertEquals(SyncOutcome.SUCCEEDED, full(new NullProgressMonitor()));
		NullProgressMonitor cancelled = new NullProgressMonitor();
		cancelled.setCanceled(true);
		assertEquals(SyncOutcome.CANCELLED, full(cancelled));
		// what an older version left when its initial sync stopped inside the last category: every category pulled
		// from, no full sync succeeded, no mark
		desktop.database.write(em -> em.createQuery("DELETE FROM SyncRun r WHERE r.outcome = :succeeded")
				.setParameter("succeeded", SyncOutcome.SUCCEEDED.name()).executeUpdate());
		forgetTheInitialSyncState();

		assertTrue(desktop.engine.markUnfinishedInitialSync(), "its newest full sync did not succeed");
		assertTrue(desktop.engine.initialSyncDue().isPresent());
	}

	@Test
	void theCheckRunsOnceSoALaterFailedFullSyncDoesNotMakeTheInitialSyncDueAgain() throws Exception {
		desktop.engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertEquals(SyncOutcome.SUCCEEDED, full(new NullProgressMonitor()));
		assertFalse(desktop.engine.markUnfinishedInitialSync(), "the first start of this version: nothing unfinished");
		NullProgressMonitor cancelled = new NullProgressMonitor();
		cancelled.setCanceled(true);
		assertEquals(SyncOutcome.CANCELLED, full(cancelled));

		assertFalse(desktop.engine.markUnfinishedInitialSync(), "a later start: the initial sync state is kept by the syncs");
		assertFalse(desktop.engine.initialSyncDue().isPresent());
	}

	/** Removes what a version with the initial sync state keeps, as a device from before it has nothing of it. */
	private void forgetTheInitialSyncState() {
		desktop.database.write(em -> em.createQuery("DELETE FROM InitialSync i").executeUpdate());
		assertFalse(desktop.engine.initialSyncDue().isPresent());
	}

	@Test
	void syncsAreNamedAsAPersonSaysThem() {
		assertEquals("Full sync", desktop.engine.title(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL)));
		assertEquals("Events sync", desktop.engine.title(SyncRequest.participant("events", SyncRequest.MANUAL)));
	}
}
