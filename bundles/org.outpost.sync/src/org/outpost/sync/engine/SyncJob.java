package org.outpost.sync.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.outpost.sync.schedule.SyncRule;

/**
 * One sync run as an Eclipse Job: it holds the one sync rule, so syncs never run twice at once,
 * reports progress and can be cancelled. Its report is there once it is done.
 */
public final class SyncJob extends Job {

	/** The job family of every sync, for the progress view and for waiting on syncs. */
	public static final Object FAMILY = SyncJob.class;

	private final SyncEngine engine;
	private final SyncRequest request;
	private volatile SyncReport report;
	private volatile String step;

	public SyncJob(SyncEngine engine, SyncRequest request) {
		super(engine.title(request));
		this.engine = engine;
		this.request = request;
		setRule(SyncRule.INSTANCE);
		setUser(!SyncRequest.AUTOMATIC.equals(request.trigger()));
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		report = engine.sync(request, new ProgressMonitorWrapper(monitor) {
			@Override
			public void subTask(String name) {
				step = name;
				super.subTask(name);
			}
		});
		// outcomes are shown by the status line and the History, not by the job framework's error dialog
		return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	public SyncRequest request() {
		return request;
	}

	/** What the run is doing now (e.g. "Receiving Events: 500 / 1,200 records, 310 KB, about 4 s left"), or null before its first step. */
	public String step() {
		return step;
	}

	/** The report, or null while the job has not run to its end. */
	public SyncReport report() {
		return report;
	}
}
