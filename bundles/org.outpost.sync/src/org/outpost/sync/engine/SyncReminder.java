package org.outpost.sync.engine;

import org.outpost.core.sync.SyncKind;

/**
 * Asks the user before an automatic sync when "Remind me before sync" is checked (an OSGi service
 * the desktop provides; without one, automatic syncs just run).
 */
public interface SyncReminder {

	/** The user's answer. */
	enum Answer {
		/** Sync now. */
		SYNC_NOW,
		/** Ask again in a quarter of an hour. */
		POSTPONE,
		/** Not this time: wait a whole interval. */
		SKIP
	}

	/** Asks, and waits for the answer. */
	Answer ask(SyncKind kind);
}
