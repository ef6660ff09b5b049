package org.outpost.sync.outbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.EntityManager;

/**
 * Creates, edits and deletes records inside one open transaction, writing each change's outbox
 * entry in that same transaction: the record and its entry commit together or not at all.
 * Obtained from {@link LocalChanges#write}; valid only inside that call.
 * <p>
 * Entries for one record coalesce while unsent: an edit after a create stays a create with the
 * latest values; edits after edits keep each field's first base value and its latest new value.
 */
public final class RecordChanges {

	private final EntityManager em;
	private final Clock clock;

	RecordChanges(EntityManager em, Clock clock) {
		this.em = em;
		this.clock = clock;
	}

	/** The transaction's EntityManager, for reads (and rule checks) that belong to the same change. */
	public EntityManager entityManager() {
		return em;
	}

	/** Stores a new record (born on this device) and queues its creation. */
	public <T extends SyncedRecord & Syncable> T create(T record) {
		Objects.requireNonNull(record, "record");
		em.persist(record);
		fold(record, Operation.CREATE, record.syncedFields(), Map.of());
		return record;
	}

	/**
	 * Applies {@code change} to the stored record and queues the fields it changed with their base
	 * values. A change that alters no synced field queues nothing.
	 *
	 * @throws IllegalArgumentException when there is no such live record
	 */
	public <T extends SyncedRecord & Syncable> T edit(Class<T> type, String id, Consumer<? super T> change) {
		T record = live(type, id);
		Map<String, Object> before = record.syncedFields();
		change.accept(record);
		Map<String, Object> after = record.syncedFields();
		Map<String, Object> changed = new LinkedHashMap<>();
		Map<String, Object> base = new LinkedHashMap<>();
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			if (!Objects.equals(before.get(name), after.get(name))) {
				changed.put(name, after.get(name));
				base.put(name, before.get(name));
			}
		}
		if (!changed.isEmpty()) {
			fold(record, Operation.UPDATE, changed, base);
		}
		return record;
	}

	/**
	 * Marks the record deleted (a tombstone until the server acknowledges) and queues the delete.
	 * A record whose creation never left this device simply disappears with its entry.
	 */
	public <T extends SyncedRecord & Syncable> void delete(Class<T> type, String id) {
		T record = live(type, id);
		OutboxEntry unsent = unsentEntry(record.wireType(), id);
		if (unsent != null && unsent.getOperation() == Operation.CREATE) {
			em.remove(unsent);
			em.remove(record);
			return;
		}
		record.setTombstone(true);
		fold(record, Operation.DELETE, Map.of(), Map.of());
	}

	private <T extends SyncedRecord> T live(Class<T> type, String id) {
		T record = em.find(type, id);
		if (record == null || record.isTombstone()) {
			throw new IllegalArgumentException("There is no " + type.getSimpleName() + " " + id + " on this device (deleted or never synced)");
		}
		return record;
	}

	private void fold(Syncable record, Operation operation, Map<String, Object> changes, Map<String, Object> base) {
		String id = ((SyncedRecord) record).getId();
		OutboxEntry entry = unsentEntry(record.wireType(), id);
		if (entry == null) {
			em.persist(new OutboxEntry(record.wireType(), id, operation, changes, base, clock.instant()));
			return;
		}
		if (operation == Operation.DELETE) {
			entry.update(Operation.DELETE, Map.of(), Map.of(), clock.instant());
			return;
		}
		Map<String, Object> mergedChanges = entry.changes();
		mergedChanges.putAll(changes);
		if (entry.getOperation() == Operation.CREATE) {
			entry.update(Operation.CREATE, mergedChanges, Map.of(), clock.instant());
			return;
		}
		Map<String, Object> mergedBase = entry.base();
		base.forEach(mergedBase::putIfAbsent);
		// a field edited back to where it started is no change at all
		mergedBase.forEach((name, value) -> {
			if (Objects.equals(value, mergedChanges.get(name))) {
				mergedChanges.remove(name);
			}
		});
		mergedBase.keySet().retainAll(mergedChanges.keySet());
		if (mergedChanges.isEmpty()) {
			em.remove(entry);
		} else {
			entry.update(Operation.UPDATE, mergedChanges, mergedBase, clock.instant());
		}
	}

	private OutboxEntry unsentEntry(String recordType, String recordId) {
		return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType = :type AND e.recordId = :id AND e.attempts = 0", OutboxEntry.class)
				.setParameter("type", recordType).setParameter("id", recordId).getResultStream().findFirst().orElse(null);
	}
}
