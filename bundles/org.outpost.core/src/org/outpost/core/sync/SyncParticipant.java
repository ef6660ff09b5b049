package org.outpost.core.sync;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;

/**
 * What a module contributes to sync through the {@code org.outpost.sync.participants} extension
 * point: the record types it moves between this device and the server, and where the server files
 * them. Its id, label, icon, kind and order are declared in the module's plugin.xml.
 * <p>
 * Implementations must have a public no-argument constructor.
 */
public interface SyncParticipant {

	/** The record types this participant syncs, parents before children (an Event before its Findings). */
	List<Class<? extends SyncedRecord>> recordTypes();

	/**
	 * The scope the server files {@code record} under. By default it is read from the record's
	 * own fields {@code orgUnitId}, {@code locationId} and {@code dueDate}; a participant whose
	 * records take their scope from a parent (a Finding from its Event) or have an owner overrides it.
	 */
	default WireScope scopeOf(Syncable record, RecordLookup lookup) {
		Map<String, Object> fields = record.syncedFields();
		Object due = fields.get("dueDate");
		return new WireScope((String) fields.get("orgUnitId"), (String) fields.get("locationId"),
				due == null ? null : LocalDate.parse(due.toString()), null);
	}

	/**
	 * What a person calls {@code record} (its title, name, description, ...), for the Sync
	 * perspective's lists; null when it has none, and the list shows its type and a short id.
	 * Override it when the record's name is in a field of another name.
	 */
	default String displayName(Syncable record) {
		Map<String, Object> fields = record.syncedFields();
		for (String field : List.of("title", "name", "displayName", "description", "topic", "fileName", "userName")) {
			if (fields.get(field) instanceof String text && !text.isBlank()) {
				return text.strip();
			}
		}
		return null;
	}
}
