package org.outpost.core.sync;

import java.util.List;

import org.outpost.core.record.SyncedRecord;

/**
 * What a module contributes to sync through the {@code org.outpost.sync.participants} extension
 * point: the record types it moves between this device and the server. Its id, label, icon,
 * kind and order are declared in the module's plugin.xml.
 * <p>
 * Implementations must have a public no-argument constructor.
 */
public interface SyncParticipant {

	/** The record types this participant syncs, parents before children (an Event before its Findings). */
	List<Class<? extends SyncedRecord>> recordTypes();
}
