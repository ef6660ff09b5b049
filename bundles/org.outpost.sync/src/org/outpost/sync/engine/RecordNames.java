package org.outpost.sync.engine;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;

/**
 * How the Sync perspective names a record: "event: Fire drill" from its participant's
 * {@link org.outpost.core.sync.SyncParticipant#displayName display name}, or "event 0412da8e" (its
 * type and a short id) when it has none or is no longer on this device.
 */
public final class RecordNames {

	private final LocalDatabase database;
	private final RecordTypeIndex index;

	public RecordNames(LocalDatabase database, SyncParticipants participants) {
		this.database = database;
		this.index = new RecordTypeIndex(participants.all());
	}

	public String of(String wireType, String recordId) {
		String name = index.find(wireType).map(type -> database.read(em -> {
			SyncedRecord record = em.find(type.type(), recordId);
			return record == null ? null : type.participant().participant().displayName((Syncable) record);
		})).orElse(null);
		return name == null ? fallback(wireType, recordId) : wireType + ": " + name;
	}

	/** "event 0412da8e". */
	static String fallback(String wireType, String recordId) {
		return wireType + " " + (recordId.length() > 8 ? recordId.substring(0, 8) : recordId);
	}
}
