package org.outpost.sync.engine;

import java.util.List;

import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncOutcome;

/**
 * How a sync run ended, for the status line and the command line.
 *
 * @param problem what stopped the sync, or null when nothing did
 * @param warnings things the user should know although the sync went on (a version one minor apart)
 */
public record SyncReport(SyncOutcome outcome, SyncProblem.Kind problem, String message, List<String> warnings, int conflicts, int rejects,
		List<CategoryTraffic> traffic) {

	public long recordsUp() {
		return traffic.stream().mapToLong(CategoryTraffic::recordsUp).sum();
	}

	public long recordsDown() {
		return traffic.stream().mapToLong(CategoryTraffic::recordsDown).sum();
	}
}
