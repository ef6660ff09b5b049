package org.outpost.sync.engine;

import java.util.HashMap;
import java.util.Map;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.WireRecord;

/**
 * A page's records built as new entities on the thread that received the page, while the sync's
 * thread still writes the page before it: the entities of records the device turns out not to hold
 * are used as they are, the others dropped. A record whose fields cannot be read gets none here;
 * the page's writer builds it again and reports the problem as it always has.
 */
final class NewEntities {

	private final Map<String, SyncedRecord> byId = new HashMap<>();

	private NewEntities() {
	}

	static NewEntities of(ChangePage page, RecordTypeIndex index) {
		NewEntities built = new NewEntities();
		for (WireRecord record : page.records()) {
			if (!record.tombstone()) {
				index.find(record.type()).ifPresent(type -> {
					try {
						built.byId.put(record.id(), build(type, record));
					} catch (IllegalArgumentException e) {
						// left to the writer, whose error names the record's field
					}
				});
			}
		}
		return built;
	}

	/** A new entity of the record's type holding what the server sent. */
	static SyncedRecord build(RecordTypeIndex.Entry type, WireRecord record) {
		SyncedRecord fresh = type.newRecord();
		fresh.setId(record.id());
		((Syncable) fresh).applySyncedFields(WireTranslator.fieldsOf(record));
		fresh.setRevision(record.rev());
		return fresh;
	}

	/** The entity built ahead for the record (each is handed out once), or one built now. */
	SyncedRecord forRecord(RecordTypeIndex.Entry type, WireRecord record) {
		SyncedRecord built = byId.remove(record.id());
		return built != null && built.getClass() == type.type() ? built : build(type, record);
	}
}
