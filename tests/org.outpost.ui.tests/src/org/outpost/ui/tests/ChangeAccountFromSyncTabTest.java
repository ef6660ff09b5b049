package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.ui.tests.DialogWidgets.press;
import static org.outpost.ui.tests.DialogWidgets.type;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.ui.internal.SyncPart;
import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Services;
import org.outpost.test.support.Widgets;
import org.outpost.ui.sync.LoginDialog;
import org.outpost.ui.test.support.EmptyDevice;
import org.outpost.ui.test.support.MessageDialogAnswer;

/**
 * Change Server or User on the Sync tab: the login dialog opens with the current server and user;
 * logging in to another server asks before replacing the local data, and the new server's data
 * then comes with a full sync.
 */
class ChangeAccountFromSyncTabTest {

	private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(2);

	private ServerFixture first;
	private ServerFixture second;
	private SyncService sync;
	private MessageDialogAnswer confirmation;

	@BeforeEach
	void deviceSyncedWithTheFirstServer() throws Exception {
		EmptyDevice.forgetEverything();
		first = new ServerFixture();
		second = new ServerFixture();
		sync = Services.get(SyncService.class);
		sync.engine().login(first.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		SyncReport initial = sync.engine().sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());
		assertEquals(SyncOutcome.SUCCEEDED, initial.outcome(), initial.message());
	}

	@AfterEach
	void stopServersAndForgetThem() throws Exception {
		first.close();
		second.close();
		EmptyDevice.forgetEverything();
	}

	@Test
	void theLoginOpensWithTheCurrentValuesAndAnotherServerReplacesTheDataAfterConsent() throws Exception {
		String fromFirst = first.webEvent("Kept on the first server", first.north, SOON);
		assertEquals(SyncOutcome.SUCCEEDED, sync.engine().sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL), new NullProgressMonitor())
				.outcome());
		String fromSecond = second.webEvent("Brought from the second server", second.north, SOON);
		List<String> seen = new ArrayList<>();

		RunningWorkbench.check(window -> {
			Display display = Display.getCurrent();
			MApplication application = window.getContext().get(MApplication.class);
			EModelService models = window.getContext().get(EModelService.class);
			EPartService parts = window.getContext().get(EPartService.class);
			parts.switchPerspective((MPerspective) models.find("org.outpost.sync.ui.perspective", application));
			MPart syncPart = parts.showPart("org.outpost.sync.ui.sync", PartState.ACTIVATE);
			RunningWorkbench.spin(display);
			Composite tab = (Composite) syncPart.getWidget();
			Label account = Widgets.find(tab, Label.class, label -> "account".equals(label.getData(SyncPart.STATE_DATA)));
			seen.add(account.getText());

			logInWhenAsked(display, seen, 200);
			assertTrue(press(tab, SyncPart.CHANGE_ACCOUNT), "the Sync tab has the button");
			RunningWorkbench.spinUntil(display, () -> Job.getJobManager().find(SyncJob.FAMILY).length == 0
					&& sync.engine().history().recent(1).get(0).getOutcome() != null && sync.engine().initialSyncDue().isEmpty(),
					"the full sync after the switch");
			RunningWorkbench.spinUntil(display, () -> account.getText().contains(second.uri().toString()), "the tab naming the new server");
		});

		assertEquals("Logged in as " + ServerFixture.USER + " on " + first.uri(), seen.get(0));
		assertEquals(first.uri().toString(), seen.get(1), "the dialog opened on the current server");
		assertEquals(ServerFixture.USER, seen.get(2), "and the current user");
		assertTrue(confirmation.text() != null && confirmation.text().contains(ServerFixture.USER + " on " + first.uri()),
				"the confirmation named whose data goes: " + confirmation.text());
		LocalDatabase database = Services.get(LocalDatabase.class);
		assertNull(database.read(em -> em.find(Event.class, fromFirst)), "the first server's data left the device");
		assertNotNull(database.read(em -> em.find(Event.class, fromSecond)), "the second server's came with the full sync");
	}

	/** Once the login dialog shows: notes its server and user, logs in to the second server and agrees to the replacement. */
	private void logInWhenAsked(Display display, List<String> seen, int triesLeft) {
		display.asyncExec(() -> {
			for (Shell open : display.getShells()) {
				if (!open.isDisposed() && open.isVisible() && open.getData() instanceof LoginDialog) {
					seen.add(field(open, "server").getText());
					seen.add(field(open, "user").getText());
					type(open, "server", second.uri().toString());
					type(open, "password", ServerFixture.PASSWORD);
					confirmation = MessageDialogAnswer.press(display, LoginDialog.REPLACE_LABEL);
					press(open, "Log In");
					return;
				}
			}
			if (triesLeft > 0) {
				logInWhenAsked(display, seen, triesLeft - 1);
			}
		});
	}

	private static Text field(Composite parent, String name) {
		return Widgets.find(parent, Text.class, text -> name.equals(text.getData(LoginDialog.FIELD_DATA)));
	}
}
