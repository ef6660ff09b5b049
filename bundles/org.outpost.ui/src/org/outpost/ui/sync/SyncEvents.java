package org.outpost.ui.sync;

/** Event broker topics about sync, for views that show its state. */
public final class SyncEvents {

	/** Posted with the {@code org.outpost.sync.engine.SyncReport} when a sync started from the desktop has ended. */
	public static final String FINISHED = "org/outpost/sync/finished";

	private SyncEvents() {
	}
}
