package org.outpost.sync.engine.tests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.events.Event;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventStatus;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;

/**
 * Runs in a {@link ForkedDevice}: what a user does between syncs and what a test reads back,
 * through the product's own services. {@code create <count> <orgUnit>} saves new Events the way
 * the editor does (record and outbox entry in one transaction) and prints {@code created <id>};
 * {@code complete <id>} moves an Event to In progress and then Completed, as the editor's status
 * buttons do (a recurring one schedules its next occurrence);
 * {@code report} prints every local Event ({@code event <id> <title>}) and the counts of queued
 * changes, conflicts and rejected changes.
 */
public final class DeviceTool implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		LocalDatabase database = await(LocalDatabase.class);
		switch (args[0]) {
		case "create" -> {
			LocalChanges changes = new LocalChanges(database);
			for (int i = 0; i < Integer.parseInt(args[1]); i++) {
				Event event = new Event("Made offline " + i, LocalDate.now(ZoneOffset.UTC).plusDays(1));
				event.setOrgUnitId(args[2]);
				System.out.println("created " + changes.create(event).getId());
			}
		}
		case "complete" -> {
			LocalChanges changes = new LocalChanges(database);
			EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
			changes.write(c -> lifecycle.moveTo(c, args[1], EventStatus.IN_PROGRESS));
			changes.write(c -> lifecycle.moveTo(c, args[1], EventStatus.COMPLETED));
			System.out.println("completed " + args[1]);
		}
		case "report" -> {
			List<Event> events = database.read(em -> em.createQuery("SELECT e FROM Event e", Event.class).getResultList());
			events.forEach(e -> System.out.println("event " + e.getId() + " " + e.getTitle()));
			System.out.println("outbox " + count(database, "OutboxEntry"));
			System.out.println("conflicts " + count(database, "SyncConflict"));
			System.out.println("rejected " + count(database, "RejectedChange"));
		}
		default -> throw new IllegalArgumentException("unknown device tool command " + args[0]);
		}
		return IApplication.EXIT_OK;
	}

	private static long count(LocalDatabase database, String entity) {
		return database.read(em -> em.createQuery("SELECT COUNT(r) FROM " + entity + " r", Long.class).getSingleResult());
	}

	private static <S> S await(Class<S> type) throws InterruptedException {
		BundleContext bundles = FrameworkUtil.getBundle(DeviceTool.class).getBundleContext();
		ServiceTracker<S, S> tracker = new ServiceTracker<>(bundles, type, null);
		tracker.open();
		try {
			S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
			if (service == null) {
				throw new IllegalStateException("no " + type.getName() + " in the device process");
			}
			return service;
		} finally {
			tracker.close();
		}
	}

	@Override
	public void stop() {
		// each command runs to its end
	}
}
