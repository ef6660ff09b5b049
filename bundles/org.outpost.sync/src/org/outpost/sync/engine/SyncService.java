package org.outpost.sync.engine;

/**
 * The device's sync (an OSGi service): the engine of this installation and a way to run it as a
 * job. The desktop's buttons, the scheduler and the initial sync all go through here.
 */
public interface SyncService {

	SyncEngine engine();

	/** Schedules a sync job (it waits while another sync runs) and returns it. */
	SyncJob sync(SyncRequest request);
}
