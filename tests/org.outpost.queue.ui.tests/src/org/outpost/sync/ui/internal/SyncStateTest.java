package org.outpost.sync.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Services;
import org.outpost.ui.test.support.EmptyDevice;

/**
 * What the Sync tab and the status line say about the connection: never "Online" without a run
 * that reached the server for the account this device holds now, also when the history still has
 * the previous account's runs.
 */
class SyncStateTest {

	private ServerFixture first;
	private ServerFixture second;
	private LocalDatabase database;
	private SyncEngine engine;

	@BeforeEach
	void emptyDeviceAndTwoServers() throws Exception {
		database = Services.get(LocalDatabase.class);
		EmptyDevice.forgetEverything();
		first = new ServerFixture();
		second = new ServerFixture();
		engine = Services.get(SyncService.class).engine();
	}

	@AfterEach
	void stopServersAndForgetThem() throws Exception {
		first.close();
		if (second != null) {
			second.close();
		}
		EmptyDevice.forgetEverything();
	}

	@Test
	void afterASwitchToAnotherServerTheStateIsNotSyncedYetThenOfflineWhileThatServerIsDown() throws Exception {
		SyncState state = new SyncState(engine, database);
		engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertEquals("Not synced yet", state.connection(), "a login is no sync");
		assertEquals(SyncOutcome.SUCCEEDED, full());
		assertEquals("Online", state.connection());

		engine.login(second.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray(), true);
		assertEquals("Not synced yet", state.connection(), "the first server's runs say nothing of the second");
		second.close();
		second = null;
		assertEquals("Not synced yet", state.connection());
		assertEquals(SyncOutcome.OFFLINE, full());
		assertEquals("Offline", state.connection());
		assertEquals("Offline: no changes waiting on this device", state.statusLine());
	}

	private SyncOutcome full() {
		return engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL), new NullProgressMonitor()).outcome();
	}
}
