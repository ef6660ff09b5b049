package org.outpost.sync.internal;

import java.time.Clock;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.component.ComponentContext;
import org.outpost.sync.engine.AutoSyncScheduler;
import org.outpost.sync.engine.SyncReminder;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.settings.SyncSettingsStore;

/**
 * Ticks the automatic sync once a minute in a system job, while the workbench offers a
 * {@link SyncReminder} (an {@code outpost} command's runtime has none, so it never syncs by
 * itself behind the command). The sync service is looked up at the
 * first tick, not at activation: activation happens while the local database opens (it loads this
 * bundle's entities), and asking for the service then would be a circular request.
 */
public final class AutoSyncComponent {

	static final long TICK_MILLIS = 60_000;

	private SyncReminder reminder;
	private Job ticker;

	void setReminder(SyncReminder reminder) {
		this.reminder = reminder;
	}

	void activate(ComponentContext context) {
		ticker = new Job("Automatic sync") {
			private AutoSyncScheduler scheduler;

			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					if (scheduler == null) {
						SyncService sync = (SyncService) context.locateService("sync");
						if (sync != null) {
							scheduler = new AutoSyncScheduler(sync, SyncSettingsStore.ofThisDevice(), () -> reminder, Clock.systemUTC());
						}
					}
					// without the sync service (its local database could not be opened, e.g. another program has it) the next tick tries again
					if (scheduler != null) {
						scheduler.runDue();
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return Status.CANCEL_STATUS;
				}
				if (!monitor.isCanceled()) {
					schedule(TICK_MILLIS);
				}
				return Status.OK_STATUS;
			}
		};
		ticker.setSystem(true);
		ticker.schedule(TICK_MILLIS);
	}

	void deactivate() {
		ticker.cancel();
	}
}
