package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.ui.tests.DialogWidgets.press;
import static org.outpost.ui.tests.DialogWidgets.type;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Widgets;
import org.outpost.ui.sync.LoginDialog;
import org.outpost.ui.test.support.EmptyDevice;

/**
 * The first start of the desktop on an empty device: the login dialog comes before the window; a
 * wrong password gives a clear error and the dialog stays; the right one starts the initial sync
 * with its progress dialog; then the Events register shows the user's records.
 */
class FirstRunLoginTest {

	private ServerFixture server;
	private final List<String> titles = new ArrayList<>();

	@BeforeEach
	void emptyDevice() throws Exception {
		server = new ServerFixture();
		for (int i = 0; i < 3; i++) {
			String title = "First-run inspection " + i;
			server.webEvent(title, server.north, LocalDate.now(ZoneOffset.UTC).plusDays(1 + i));
			titles.add(title);
		}
		EmptyDevice.forgetEverything();
	}

	@AfterEach
	void stopServerAndForgetItsData() throws Exception {
		server.close();
		// the next test's server has other ids for the same user and org unit names
		EmptyDevice.forgetEverything();
	}

	@Test
	void aWrongPasswordIsRefusedInTheDialogThenTheInitialSyncFillsTheEventsRegister() throws Exception {
		FirstRunDriver driver = new FirstRunDriver();
		String[] rows = new String[1];
		// the progress dialog may come and go between two steps of the driver: its showing is noted as it happens
		Listener shown = event -> driver.progressShown |= event.widget.getData() instanceof ProgressMonitorDialog;
		Display.getDefault().addFilter(SWT.Show, shown);

		Object exit = RunningWorkbench.checkAfter(driver::step, window -> {
			Display display = Display.getCurrent();
			MApplication application = window.getContext().get(MApplication.class);
			EModelService models = window.getContext().get(EModelService.class);
			window.getContext().get(EPartService.class).switchPerspective((MPerspective) models.find("org.outpost.events.ui.perspective", application));
			RunningWorkbench.spin(display);
			Table table = Widgets.find((Control) ((MPart) models.find("org.outpost.events.ui.register", application)).getWidget(), Table.class, t -> true);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < table.getItemCount(); i++) {
				text.append(table.getItem(i).getText(0)).append('\n');
			}
			rows[0] = text.toString();
		});

		Display.getDefault().removeFilter(SWT.Show, shown);
		assertEquals(0, exit);
		assertNotNull(driver.refusal, "the wrong password was refused in the dialog");
		assertTrue(driver.stayedOpen, "the dialog stayed open after the refusal");
		assertTrue(driver.progressShown, "the initial sync ran with its progress dialog");
		for (String title : titles) {
			assertTrue(rows[0].contains(title), "the register shows " + title + ":\n" + rows[0]);
		}
	}

	/** Plays the user in the dialogs before the window, one step each time the event loop is idle. */
	private final class FirstRunDriver {

		String refusal;
		boolean stayedOpen;
		boolean progressShown;
		private boolean loggedIn;

		/** @return true once the user's part before the window is done */
		boolean step(Display display) {
			for (Shell shell : display.getShells()) {
				if (shell.isDisposed() || !shell.isVisible()) {
					continue;
				}
				if (shell.getData() instanceof MessageDialog) {
					throw new AssertionError("the first run ended in a message: " + shell.getText());
				}
				if (shell.getData() instanceof LoginDialog login && !loggedIn) {
					logIn(shell, login);
				} else if (shell.getData() instanceof ProgressMonitorDialog) {
					progressShown = true;
				}
			}
			return loggedIn;
		}

		private void logIn(Shell shell, LoginDialog login) {
			type(shell, "server", server.uri().toString());
			type(shell, "user", ServerFixture.USER);
			if (refusal == null) {
				type(shell, "password", "not the password");
				press(shell, "Log In");
				refusal = login.getErrorMessage();
				stayedOpen = !shell.isDisposed() && shell.isVisible();
				return;
			}
			type(shell, "password", ServerFixture.PASSWORD);
			loggedIn = true;
			press(shell, "Log In");
		}
	}
}
