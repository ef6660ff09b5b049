package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.AutoSyncScheduler;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.settings.AutoSync;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.sync.ui.internal.ConflictsPart;
import org.outpost.sync.ui.internal.HistoryPart;
import org.outpost.sync.ui.internal.SyncPart;
import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Services;
import org.outpost.test.support.Widgets;
import org.outpost.ui.register.RegisterViewer;
import org.outpost.ui.test.support.EmptyDevice;

/**
 * An automatic sync, started by the scheduler because the Events interval has passed, while the
 * officer looks at the Sync tab: the tab's last result and pending count, the History, the Queue
 * and the Conflicts views all show the new run without a click.
 */
class AutomaticSyncViewsTest {

	private static final String PERSPECTIVE = "org.outpost.sync.ui.perspective";

	private static ServerFixture server;
	private static SyncService sync;
	private static String eventId;

	@BeforeAll
	static void deviceAfterItsInitialSync() throws Exception {
		EmptyDevice.forgetEverything();
		server = new ServerFixture();
		eventId = server.webEvent("Stairwell inspection", server.north, LocalDate.now(ZoneOffset.UTC).plusDays(3));
		sync = Services.get(SyncService.class);
		sync.engine().login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		SyncReport initial = sync.engine().sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());
		assertEquals(SyncOutcome.SUCCEEDED, initial.outcome(), initial.message());
	}

	@AfterAll
	static void forgetTheServer() throws Exception {
		server.close();
		EmptyDevice.forgetEverything();
	}

	@Test
	void theSyncTabHistoryQueueAndConflictsShowAnAutomaticSyncWithoutAClick() throws Exception {
		// the same field edited on the device and on the web: the automatic sync sends one change and brings back one conflict
		new LocalChanges(Services.get(LocalDatabase.class)).edit(Event.class, eventId, event -> event.setTitle("Stairwell inspection (device)"));
		server.webEdit(eventId, "title", ServerFixture.text("Stairwell inspection (web)"));
		AutoSyncScheduler scheduler = new AutoSyncScheduler(sync, eventsEveryMinute(), () -> null, Clock.systemUTC());
		List<String> before = new ArrayList<>();
		List<String> after = new ArrayList<>();

		RunningWorkbench.check((MWindow window) -> {
			Display display = Display.getCurrent();
			MApplication application = window.getContext().get(MApplication.class);
			EModelService models = window.getContext().get(EModelService.class);
			EPartService parts = window.getContext().get(EPartService.class);
			parts.switchPerspective((MPerspective) models.find(PERSPECTIVE, application));
			// each tab is drawn once, then the officer stays on the Sync tab: the others are not shown (nor refreshed by being shown) again
			HistoryPart history = (HistoryPart) parts.showPart("org.outpost.sync.ui.history", PartState.ACTIVATE).getObject();
			ConflictsPart conflicts = (ConflictsPart) parts.showPart("org.outpost.sync.ui.conflicts", PartState.ACTIVATE).getObject();
			MPart queuePart = parts.showPart("org.outpost.sync.ui.queue", PartState.ACTIVATE);
			MPart syncPart = parts.showPart("org.outpost.sync.ui.sync", PartState.ACTIVATE);
			RunningWorkbench.spin(display);
			RegisterViewer<?> queue = register(queuePart);
			RunningWorkbench.spinUntil(display, () -> !queue.loading(), "the queue");
			Label eventsResult = stateLabel(syncPart, SyncKind.EVENTS.key());
			Label summary = stateLabel(syncPart, "state");
			before.addAll(List.of(eventsResult.getText(), summary.getText(), String.valueOf(history.viewer().getTable().getItemCount()),
					String.valueOf(queue.rowCount()), String.valueOf(conflicts.viewer().getTable().getItemCount())));

			// the scheduler's tick in a thread of its own, as the desktop's ticker job has (a blocked common-pool thread would hold
			// back the HTTP client's answers, which complete there)
			CompletableFuture<List<SyncKind>> tick = new CompletableFuture<>();
			new Thread(() -> {
				try {
					tick.complete(scheduler.runDue());
				} catch (InterruptedException | RuntimeException e) {
					tick.completeExceptionally(e);
				}
			}, "Automatic sync tick").start();
			RunningWorkbench.spinUntil(display, tick::isDone, "the automatic sync");
			assertEquals(List.of(SyncKind.EVENTS), tick.join(), "the scheduler ran the Events sync that was due");
			RunningWorkbench.spinUntil(display, () -> history.viewer().getTable().getItemCount() == 2 && !queue.loading() && queue.rowCount() == 0
					&& conflicts.viewer().getTable().getItemCount() == 1 && eventsResult.getText().startsWith("Last: "), "the views after the sync");
			assertEquals(syncPart, parts.getActivePart(), "the officer stayed on the Sync tab");
			Table runs = history.viewer().getTable();
			after.addAll(List.of(eventsResult.getText(), summary.getText(), runs.getItem(0).getText(1) + " " + runs.getItem(0).getText(2) + " "
					+ runs.getItem(0).getText(8), conflicts.viewer().getTable().getItem(0).getText(1),
					conflicts.viewer().getTable().getItem(0).getText(0)));
		});

		assertEquals(List.of("Never synced", "Online · 1 change waiting · no conflicts", "1", "1", "0"), before);
		assertTrue(after.get(0).startsWith("Last: Needs attention, "), after.get(0));
		assertEquals("Online · no changes waiting · 1 conflict", after.get(1));
		assertEquals("events automatic Needs attention", after.get(2), "the newest run in the History");
		assertEquals("title", after.get(3), "the conflicting field");
		assertEquals("event: Stairwell inspection (web)", after.get(4), "the record by its title, which shows the server's value");
	}

	/** Settings of their own, so the desktop's own automatic sync does not join in: Events every minute, no reminder. */
	private static SyncSettingsStore eventsEveryMinute() throws Exception {
		SyncSettingsStore store = new SyncSettingsStore(
				(IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.ui.tests").node(UUID.randomUUID().toString()));
		SyncSettings defaults = SyncSettings.DEFAULTS;
		store.save(defaults.withAutoSync(false, AutoSync.every(Duration.ofMinutes(1)), defaults.autoAdmin(), defaults.autoDocuments()));
		return store;
	}

	private static Label stateLabel(MPart part, String key) {
		return Widgets.find((Control) part.getWidget(), Label.class, label -> key.equals(label.getData(SyncPart.STATE_DATA)));
	}

	private static RegisterViewer<?> register(MPart part) {
		Table table = Widgets.find((Control) part.getWidget(), Table.class, t -> true);
		return (RegisterViewer<?>) table.getData(RegisterViewer.class.getName());
	}
}
