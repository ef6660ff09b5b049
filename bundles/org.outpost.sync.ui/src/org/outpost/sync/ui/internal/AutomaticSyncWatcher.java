package org.outpost.sync.ui.internal;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Display;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.ui.register.RegisterViewer;
import org.outpost.ui.sync.SyncEvents;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Tells the workbench when an automatic sync has ended, as the sync command does for the syncs a
 * user starts: registers show what it brought, and views listening for {@link SyncEvents#FINISHED}
 * (status line, Sync tab, register lookups) update without waiting for the user.
 */
public final class AutomaticSyncWatcher {

	private IJobChangeListener listener;

	@PostConstruct
	public void watch(UISynchronize ui, Display display, IEventBroker events) {
		listener = new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getJob() instanceof SyncJob job && SyncRequest.AUTOMATIC.equals(job.request().trigger()) && job.report() != null) {
					SyncReport report = job.report();
					ui.asyncExec(() -> {
						if (!display.isDisposed()) {
							RegisterViewer.refreshAll(display);
							events.post(SyncEvents.FINISHED, report);
						}
					});
				}
			}
		};
		Job.getJobManager().addJobChangeListener(listener);
	}

	@PreDestroy
	public void stop() {
		Job.getJobManager().removeJobChangeListener(listener);
	}
}
