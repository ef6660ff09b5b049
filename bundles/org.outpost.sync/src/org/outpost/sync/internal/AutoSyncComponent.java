package org.outpost.sync.internal;

import java.time.Clock;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.outpost.sync.engine.AutoSyncScheduler;
import org.outpost.sync.engine.SyncReminder;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.settings.SyncSettingsStore;

/** Ticks the automatic sync once a minute in a system job, for as long as the sync service is there. */
public final class AutoSyncComponent {

	static final long TICK_MILLIS = 60_000;

	private SyncService sync;
	private volatile SyncReminder reminder;
	private Job ticker;

	void setSync(SyncService sync) {
		this.sync = sync;
	}

	void setReminder(SyncReminder reminder) {
		this.reminder = reminder;
	}

	void unsetReminder(SyncReminder gone) {
		if (reminder == gone) {
			reminder = null;
		}
	}

	void activate() {
		AutoSyncScheduler scheduler = new AutoSyncScheduler(sync, SyncSettingsStore.ofThisDevice(), () -> reminder, Clock.systemUTC());
		ticker = new Job("Automatic sync") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					scheduler.runDue();
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
