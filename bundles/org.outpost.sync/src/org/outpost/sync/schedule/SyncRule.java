package org.outpost.sync.schedule;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * The one scheduling rule every sync job holds: syncs never run twice at once, whatever started
 * them (a button, the scheduler, the initial sync).
 */
public final class SyncRule implements ISchedulingRule {

	public static final SyncRule INSTANCE = new SyncRule();

	private SyncRule() {
	}

	@Override
	public boolean contains(ISchedulingRule rule) {
		return rule == this;
	}

	@Override
	public boolean isConflicting(ISchedulingRule rule) {
		return rule == this;
	}
}
