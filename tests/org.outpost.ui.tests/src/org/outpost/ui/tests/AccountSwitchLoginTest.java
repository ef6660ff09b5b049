package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.ui.tests.DialogWidgets.press;
import static org.outpost.ui.tests.DialogWidgets.type;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Services;
import org.outpost.test.support.TemporaryFolders;
import org.outpost.ui.sync.LoginDialog;
import org.outpost.ui.test.support.EmptyDevice;
import org.outpost.ui.test.support.MessageDialogAnswer;

/**
 * The login dialog of a device that holds another server's data: refused with the reason while a
 * change waits, then, once it is sent, a confirmation naming whose data goes; agreeing replaces
 * the local data with the new server's.
 */
class AccountSwitchLoginTest {

	private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(2);

	private ServerFixture first;
	private ServerFixture second;
	private LocalDatabase database;
	private SyncEngine engine;

	@BeforeEach
	void deviceSyncedWithTheFirstServer() throws Exception {
		first = new ServerFixture();
		second = new ServerFixture();
		database = Services.get(LocalDatabase.class);
		EmptyDevice.forgetEverything();
		IEclipsePreferences node = (IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.ui.tests").node(UUID.randomUUID().toString());
		engine = new SyncEngine(database, Services.get(SyncParticipants.class), new ConnectionStore((IEclipsePreferences) node.node("connection")),
				TokenVault.open(TemporaryFolders.create("vault")), new SyncSettingsStore((IEclipsePreferences) node.node("settings")), Clock.systemUTC());
		engine.login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
	}

	@AfterEach
	void stopServersAndForgetTheirData() throws Exception {
		first.close();
		second.close();
		// the other tests' devices start empty
		EmptyDevice.forgetEverything();
	}

	@Test
	void theDialogRefusesWhileAChangeWaitsThenAsksBeforeReplacingTheLocalData() {
		String fromFirst = first.webEvent("On the first server", first.north, SOON);
		String fromSecond = second.webEvent("On the second server", second.north, SOON);
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		Event waiting = new Event("Edited offline", SOON);
		waiting.setOrgUnitId(first.north);
		new LocalChanges(database).create(waiting);

		LoginDialog dialog = new LoginDialog(null, engine, "Log in to another server");
		dialog.setBlockOnOpen(false);
		dialog.open();
		Shell shell = dialog.getShell();
		type(shell, "server", second.uri().toString());
		type(shell, "user", ServerFixture.USER);
		type(shell, "password", ServerFixture.PASSWORD);
		press(shell, "Log In");

		assertFalse(shell.isDisposed(), "the dialog stays open");
		assertTrue(dialog.getErrorMessage().contains("1 change not yet sent"), dialog.getErrorMessage());
		assertTrue(dialog.getErrorMessage().contains("sync it to that server or discard it in the Sync perspective's Queue view"), dialog.getErrorMessage());
		assertNotNull(find(fromFirst), "nothing was removed");

		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome(), "the waiting change goes to the first server");
		MessageDialogAnswer confirmation = MessageDialogAnswer.press(shell.getDisplay(), LoginDialog.REPLACE_LABEL);
		press(shell, "Log In");

		assertNotNull(confirmation.text(), "the dialog asked before replacing the data");
		assertTrue(confirmation.text().contains(ServerFixture.USER + " on " + first.uri()), confirmation.text());
		assertTrue(shell.isDisposed(), "logged in");
		assertEquals(Window.OK, dialog.getReturnCode());
		assertTrue(dialog.localDataReset());
		assertNull(find(fromFirst), "the first server's data left the device");
		assertEquals(second.uri(), engine.connection().orElseThrow().server());
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		assertNotNull(find(fromSecond), "the second server's data came with the full sync");
	}

	private SyncReport sync() {
		return engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL), new NullProgressMonitor());
	}

	private Event find(String id) {
		return database.read(em -> em.find(Event.class, id));
	}
}
