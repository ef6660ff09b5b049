package org.outpost.sync.engine;

import java.util.Objects;

/** A record with local changes the server has not taken: queued, or refused and set aside. */
public record ChangedRecord(String recordType, String recordId) {

	public ChangedRecord {
		Objects.requireNonNull(recordType, "recordType");
		Objects.requireNonNull(recordId, "recordId");
	}
}
