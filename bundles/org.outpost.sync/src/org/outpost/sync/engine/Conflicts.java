package org.outpost.sync.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.outpost.core.record.Syncable;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.OutboxEvents;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The conflicts a push found, and the user's choice for each: keep theirs (the record already
 * shows the server's value; the conflict is dismissed) or keep mine (the user's value is applied
 * again as a new local change on top of the server's value, and goes up with the next push).
 */
public final class Conflicts {

	private final LocalDatabase database;
	private final SyncParticipants participants;

	public Conflicts(LocalDatabase database, SyncParticipants participants) {
		this.database = database;
		this.participants = participants;
	}

	/** Oldest first. */
	public List<SyncConflict> open() {
		return database.read(em -> em.createQuery("SELECT c FROM SyncConflict c ORDER BY c.detectedAt, c.field", SyncConflict.class).getResultList());
	}

	public long count() {
		return database.read(em -> em.createQuery("SELECT COUNT(c) FROM SyncConflict c", Long.class).getSingleResult());
	}

	public void keepTheirs(String conflictId) {
		database.write(em -> {
			SyncConflict conflict = em.find(SyncConflict.class, conflictId);
			if (conflict != null) {
				em.remove(conflict);
			}
			return null;
		});
		OutboxEvents.changed(database);
	}

	/**
	 * @throws IllegalArgumentException when the record is no longer on this device
	 */
	public void keepMine(String conflictId) {
		RecordTypeIndex index = new RecordTypeIndex(participants.all());
		new LocalChanges(database).write(changes -> {
			SyncConflict conflict = changes.entityManager().find(SyncConflict.class, conflictId);
			if (conflict == null) {
				return null;
			}
			RecordTypeIndex.Entry type = index.find(conflict.getRecordType())
					.orElseThrow(() -> new IllegalArgumentException("No installed module syncs " + conflict.getRecordType() + " records"));
			Map<String, Object> mine = new HashMap<>();
			mine.put(conflict.getField(), value(conflict.getMine()));
			changes.edit(syncable(type), conflict.getRecordId(), record -> ((Syncable) record).applySyncedFields(mine));
			changes.entityManager().remove(conflict);
			return null;
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class syncable(RecordTypeIndex.Entry type) {
		return type.type();
	}

	private static Object value(String json) {
		try {
			return WireTranslator.plain(WireTranslator.JSON.readTree(json));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("A damaged conflict record: " + e.getOriginalMessage(), e);
		}
	}
}
