package org.outpost.ui.sync;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.outpost.sync.engine.SyncJob;

/**
 * Lets a view follow every sync that ends in this desktop, whoever started it (a button, the
 * automatic sync, the resumed initial sync), for as long as its control lives: registers, the
 * Sync perspective's views and the status line all show each run's results this way. Syncs of
 * the command line run in a process of their own and are not seen.
 */
public final class SyncEndings {

	private SyncEndings() {
	}

	/** Runs {@code action} on {@code owner}'s UI thread after each sync job has ended, until {@code owner} is disposed. */
	public static void onEachEnd(Control owner, Runnable action) {
		Display display = owner.getDisplay();
		IJobChangeListener listener = new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getJob().belongsTo(SyncJob.FAMILY)) {
					display.asyncExec(() -> {
						if (!owner.isDisposed()) {
							action.run();
						}
					});
				}
			}
		};
		Job.getJobManager().addJobChangeListener(listener);
		owner.addDisposeListener(e -> Job.getJobManager().removeJobChangeListener(listener));
	}
}
