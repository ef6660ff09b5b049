package org.outpost.core.sync;

/** Finds a local record by type and id, e.g. a Finding's Event when working out the Finding's scope. */
@FunctionalInterface
public interface RecordLookup {

	/** The record, or null when this device does not hold it. */
	<T> T find(Class<T> type, String id);
}
