package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MToolBarElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Services;
import org.outpost.test.support.Widgets;
import org.outpost.ui.register.RegisterViewer;
import org.outpost.ui.sync.SyncCommand;

/**
 * The officer presses Sync Events on the Events register of the real desktop, against a real
 * server, and sees the event created on the web side appear in the register.
 */
class RegisterSyncButtonTest {

	// one server for the class: a device belongs to the server it synced with (another server's ids would clash)
	private static ServerFixture server;
	private static SyncService sync;

	@BeforeAll
	static void loggedInDevice() throws Exception {
		server = new ServerFixture();
		sync = Services.get(SyncService.class);
		sync.engine().login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		// the device has had its initial sync, so the workbench starts straight into the registers
		SyncReport initial = sync.engine().sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());
		assertEquals(SyncOutcome.SUCCEEDED, initial.outcome(), initial.message());
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@Test
	void syncEventsOnTheRegisterBringsTheWebSidesNewEventIntoIt() throws Exception {
		String title = "Boiler inspection " + System.nanoTime();
		server.webEvent(title, server.north, LocalDate.now(ZoneOffset.UTC).plusDays(1));
		String[] seen = new String[1];

		RunningWorkbench.check((MWindow window) -> {
			Display display = Display.getCurrent();
			MApplication application = window.getContext().get(MApplication.class);
			EModelService models = window.getContext().get(EModelService.class);
			window.getContext().get(EPartService.class).switchPerspective((MPerspective) models.find("org.outpost.events.ui.perspective", application));
			RunningWorkbench.spin(display);
			MPart part = (MPart) models.find("org.outpost.events.ui.register", application);
			Table table = Widgets.find((Control) part.getWidget(), Table.class, t -> true);
			RegisterViewer<?> register = (RegisterViewer<?>) table.getData(RegisterViewer.class.getName());
			RunningWorkbench.spinUntil(display, () -> !register.loading(), "the events register");
			int before = register.rowCount();

			MToolBarElement button = part.getToolbar().getChildren().stream()
					.filter(e -> (SyncCommand.BUTTON_ID_PREFIX + "events").equals(e.getElementId())).findFirst().orElseThrow();
			ToolItem item = assertInstanceOf(ToolItem.class, button.getWidget());
			item.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());

			// the sync runs as a job; the register refreshes when it has ended
			RunningWorkbench.spinUntil(display, () -> !register.loading() && register.rowCount() != before, "the register after the sync");
			assertEquals(before + 1, register.rowCount(), "the register shows the new event");
			StringBuilder rows = new StringBuilder();
			for (int top = 0; top < register.rowCount(); top += table.getItemCount()) {
				register.scrollTo(top); // the table holds a screenful: scroll through the register
				RunningWorkbench.spinUntil(display, () -> !register.loading(), "the rows scrolled to");
				for (int i = 0; i < table.getItemCount(); i++) {
					rows.append(table.getItem(i).getText(0)).append('\n');
				}
			}
			seen[0] = rows.toString();
		});
		assertTrue(seen[0].contains(title), seen[0]);
	}

	@Test
	void anAutomaticAdminSyncBringsANewOrgUnitIntoTheOpenEventsRegistersFilter() throws Exception {
		String unit = "North depot " + System.nanoTime();
		boolean[] offered = new boolean[2];

		RunningWorkbench.check((MWindow window) -> {
			Display display = Display.getCurrent();
			MApplication application = window.getContext().get(MApplication.class);
			EModelService models = window.getContext().get(EModelService.class);
			window.getContext().get(EPartService.class).switchPerspective((MPerspective) models.find("org.outpost.events.ui.perspective", application));
			RunningWorkbench.spin(display);
			Combo orgUnits = Widgets.find((Control) ((MPart) models.find("org.outpost.events.ui.register", application)).getWidget(), Combo.class,
					combo -> Arrays.asList(combo.getItems()).contains("Any org unit"));
			offered[0] = Arrays.stream(orgUnits.getItems()).anyMatch(item -> item.strip().equals(unit));

			server.webOrgUnit(unit, server.north); // web side, below the officer's unit
			SyncJob job = sync.sync(SyncRequest.of(SyncKind.ADMIN, SyncRequest.AUTOMATIC));
			RunningWorkbench.spinUntil(display, () -> job.report() != null, "the automatic Admin sync");
			assertEquals(SyncOutcome.SUCCEEDED, job.report().outcome(), job.report().message());
			RunningWorkbench.spinUntil(display, () -> Arrays.stream(orgUnits.getItems()).anyMatch(item -> item.strip().equals(unit)),
					"the org unit filter after the automatic Admin sync");
			offered[1] = true;
		});
		assertFalse(offered[0], "the unit did not exist before the sync");
		assertTrue(offered[1]);
	}
}
