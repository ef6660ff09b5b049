package org.outpost.sync.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.sync.outbox.OutboxEvents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;

/**
 * Discards the local changes of records, queued or refused by the server, and sets each record
 * back to its last synced values: a record created here is removed, a deleted one comes back, an
 * edited one gets the values its edits started from; the waiting changes that point to a record
 * made here go with it (the server refuses them without it). What a discard removed is kept in the
 * returned {@link Discarded}, so that it can be undone while the records were not changed since.
 */
public final class Discards {

	private final LocalDatabase database;
	private final RecordTypeIndex index;
	private final RecordNames names;

	public Discards(LocalDatabase database, SyncParticipants participants) {
		this.database = Objects.requireNonNull(database, "database");
		this.index = new RecordTypeIndex(participants.all());
		this.names = new RecordNames(database, participants);
	}

	/** The changes the server refused, oldest first. */
	public List<RejectedChange> rejected() {
		return database.read(em -> em.createQuery("SELECT r FROM RejectedChange r ORDER BY r.rejectedAt", RejectedChange.class).getResultList());
	}

	/**
	 * One line per record saying what discarding its changes loses, e.g. "event: Fire drill: the
	 * record made on this device is removed", then one per record that goes with them (see
	 * {@link #discard}), e.g. "finding: Broken hinge: the record made on this device is removed,
	 * with event: Fire drill".
	 */
	public List<String> whatIsLost(Collection<ChangedRecord> records) {
		return database.read(em -> {
			Set<ChangedRecord> chosen = new LinkedHashSet<>(records);
			Map<ChangedRecord, ChangedRecord> dependents = dependents(em, chosen);
			List<String> lines = new ArrayList<>();
			for (ChangedRecord record : chosen) {
				lines.add(names.of(record.recordType(), record.recordId()) + ": " + lost(pending(em, record)));
			}
			dependents.forEach((dependent, parent) -> lines.add(names.of(dependent.recordType(), dependent.recordId()) + ": "
					+ lost(pending(em, dependent)) + ", with " + names.of(parent.recordType(), parent.recordId())));
			return lines;
		});
	}

	private static String lost(Pending pending) {
		// sent or discarded since it was selected
		return pending.queued().isEmpty() && pending.rejected().isEmpty() ? "nothing left to discard"
				: pending.created() ? "the record made on this device is removed"
				: pending.deleted() ? "the deleted record comes back"
						: "changes to " + String.join(", ", pending.base().keySet()) + " go back to the last synced values";
	}

	/**
	 * The records outside {@code chosen} whose waiting changes point to a record made here among
	 * them or among these dependents, each with the record it points to, parents before children.
	 */
	private static Map<ChangedRecord, ChangedRecord> dependents(EntityManager em, Set<ChangedRecord> chosen) {
		Map<ChangedRecord, ChangedRecord> dependents = new LinkedHashMap<>();
		Deque<ChangedRecord> toLookAt = new ArrayDeque<>(chosen);
		while (!toLookAt.isEmpty()) {
			ChangedRecord parent = toLookAt.poll();
			if (!pending(em, parent).created()) {
				continue;
			}
			for (ChangedRecord record : pointingTo(em, parent.recordId())) {
				if (!chosen.contains(record) && !dependents.containsKey(record)) {
					dependents.put(record, parent);
					toLookAt.add(record);
				}
			}
		}
		return dependents;
	}

	/**
	 * The records whose refused or queued changes set a field to {@code id}, oldest first. Only the
	 * changes whose JSON holds the id as a string are read (the rest of the queue may be large).
	 */
	private static Set<ChangedRecord> pointingTo(EntityManager em, String id) {
		String quoted = "%" + likeLiteral("\"" + id + "\"") + "%";
		Set<ChangedRecord> records = new LinkedHashSet<>();
		for (RejectedChange change : em.createQuery("SELECT r FROM RejectedChange r WHERE r.change LIKE :quoted ESCAPE '!' ORDER BY r.rejectedAt",
				RejectedChange.class).setParameter("quoted", quoted).getResultList()) {
			if (pointsTo(fieldsOf(change, "changes"), id)) {
				records.add(new ChangedRecord(change.getRecordType(), change.getRecordId()));
			}
		}
		for (OutboxEntry entry : em.createQuery("SELECT e FROM OutboxEntry e WHERE e.changes LIKE :quoted ESCAPE '!' ORDER BY e.sequence",
				OutboxEntry.class).setParameter("quoted", quoted).getResultList()) {
			if (pointsTo(entry.changes(), id)) {
				records.add(new ChangedRecord(entry.getRecordType(), entry.getRecordId()));
			}
		}
		return records;
	}

	/** {@code text} matched literally by LIKE with the escape character '!'. */
	private static String likeLiteral(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/** Ids are UUIDs made on the device: a field holding one (or a list holding it) points to that record. */
	private static boolean pointsTo(Map<String, Object> fields, String id) {
		return fields.values().stream().anyMatch(value -> id.equals(value) || value instanceof Collection<?> list && list.contains(id));
	}

	/**
	 * The queued and refused changes that {@code id} names: an entry's or a refused change's
	 * mutation id, or a record id, as the command line takes them.
	 */
	public List<ChangedRecord> named(String id) {
		return database.read(em -> {
			Set<ChangedRecord> records = new LinkedHashSet<>();
			em.createQuery("SELECT e FROM OutboxEntry e WHERE e.mutationId = :id OR e.recordId = :id ORDER BY e.sequence", OutboxEntry.class)
					.setParameter("id", id).getResultList().forEach(e -> records.add(new ChangedRecord(e.getRecordType(), e.getRecordId())));
			em.createQuery("SELECT r FROM RejectedChange r WHERE r.mutationId = :id OR r.recordId = :id", RejectedChange.class).setParameter("id", id)
					.getResultList().forEach(r -> records.add(new ChangedRecord(r.getRecordType(), r.getRecordId())));
			return List.copyOf(records);
		});
	}

	/**
	 * Discards every queued and refused change of {@code records} in one transaction, and of the
	 * records whose waiting changes point to one of them made on this device (a finding made under
	 * an event made here, then its actions): the server refuses those without the record they
	 * point to. {@link Discarded#records()} lists them after {@code records}.
	 *
	 * @throws IllegalArgumentException when no installed module syncs a record's type
	 */
	public Discarded discard(Collection<ChangedRecord> records) {
		Discarded discarded = database.write(em -> {
			Set<ChangedRecord> chosen = new LinkedHashSet<>(records);
			List<ChangedRecord> all = new ArrayList<>(chosen);
			all.addAll(dependents(em, chosen).keySet());
			List<Discarded.Snapshot> snapshots = new ArrayList<>();
			for (ChangedRecord changed : all) {
				RecordTypeIndex.Entry type = type(changed.recordType());
				Pending pending = pending(em, changed);
				if (pending.queued().isEmpty() && pending.rejected().isEmpty()) {
					continue;
				}
				SyncedRecord record = em.find(type.type(), changed.recordId());
				Map<String, Object> before = record == null ? null : new LinkedHashMap<>(((Syncable) record).syncedFields());
				long revision = record == null ? 0 : record.getRevision();
				boolean tombstone = record != null && record.isTombstone();
				pending.queued().forEach(em::remove);
				pending.rejected().forEach(em::remove);
				Map<String, Object> after = null;
				if (record != null && pending.created()) {
					em.remove(record);
				} else if (record != null) {
					((Syncable) record).applySyncedFields(pending.base());
					record.setTombstone(false);
					after = new LinkedHashMap<>(((Syncable) record).syncedFields());
				}
				snapshots.add(new Discarded.Snapshot(changed, before, revision, tombstone, after, pending.queued(), pending.rejected()));
			}
			return new Discarded(snapshots);
		});
		OutboxEvents.changed(database);
		return discarded;
	}

	/**
	 * Puts back what {@code discarded} removed: the records as they were and their changes, queued
	 * at their old places in the queue or refused as before.
	 *
	 * @throws IllegalStateException naming the record when one was changed or synced since, and undoes nothing
	 */
	public void undo(Discarded discarded) {
		database.write(em -> {
			for (Discarded.Snapshot snapshot : discarded.snapshots()) {
				ChangedRecord changed = snapshot.record();
				RecordTypeIndex.Entry type = type(changed.recordType());
				SyncedRecord record = em.find(type.type(), changed.recordId());
				Pending now = pending(em, changed);
				boolean untouched = now.queued().isEmpty() && now.rejected().isEmpty() && (snapshot.after() == null ? record == null
						: record != null && !record.isTombstone() && snapshot.after().equals(((Syncable) record).syncedFields()));
				if (!untouched) {
					throw new IllegalStateException(names.of(changed.recordType(), changed.recordId())
							+ " was changed or synced after the discard; the discard can no longer be undone");
				}
				if (snapshot.before() != null) {
					if (record == null) {
						record = type.newRecord();
						record.setId(changed.recordId());
						((Syncable) record).applySyncedFields(snapshot.before());
						record.setRevision(snapshot.revision());
						record.setTombstone(snapshot.tombstone());
						em.persist(record);
					} else {
						((Syncable) record).applySyncedFields(snapshot.before());
						record.setTombstone(snapshot.tombstone());
					}
				}
				snapshot.queued().forEach(entry -> entry.restore(em));
				snapshot.rejected().forEach(rejected -> em.persist(new RejectedChange(rejected.getMutationId(), rejected.getRecordType(),
						rejected.getRecordId(), rejected.getOperation(), rejected.getChange(), rejected.getReason(), rejected.getRejectedAt())));
			}
			return null;
		});
		OutboxEvents.changed(database);
	}

	private RecordTypeIndex.Entry type(String wireType) {
		return index.find(wireType).orElseThrow(() -> new IllegalArgumentException("No installed module syncs " + wireType + " records"));
	}

	/** A record's queued entries (oldest first) and refused changes, and the values they started from. */
	private record Pending(List<OutboxEntry> queued, List<RejectedChange> rejected, boolean created, boolean deleted, Map<String, Object> base) {
	}

	private static Pending pending(EntityManager em, ChangedRecord record) {
		List<OutboxEntry> queued = em
				.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType = :type AND e.recordId = :id ORDER BY e.sequence", OutboxEntry.class)
				.setParameter("type", record.recordType()).setParameter("id", record.recordId()).getResultList();
		List<RejectedChange> rejected = em
				.createQuery("SELECT r FROM RejectedChange r WHERE r.recordType = :type AND r.recordId = :id ORDER BY r.rejectedAt", RejectedChange.class)
				.setParameter("type", record.recordType()).setParameter("id", record.recordId()).getResultList();
		boolean created = false;
		boolean deleted = false;
		// the oldest change's starting value of each field is the last synced one; refused changes went up before what is still queued
		Map<String, Object> base = new LinkedHashMap<>();
		for (RejectedChange change : rejected) {
			created |= Operation.CREATE.name().equals(change.getOperation());
			deleted |= Operation.DELETE.name().equals(change.getOperation());
			fieldsOf(change, "base").forEach((field, value) -> {
				if (!base.containsKey(field)) {
					base.put(field, value);
				}
			});
		}
		for (OutboxEntry entry : queued) {
			created |= entry.getOperation() == Operation.CREATE;
			deleted |= entry.getOperation() == Operation.DELETE;
			entry.base().forEach((field, value) -> {
				if (!base.containsKey(field)) {
					base.put(field, value);
				}
			});
		}
		return new Pending(queued, rejected, created, deleted, base);
	}

	/** The refused change's "changes" (new values) or "base" (values they started from). */
	private static Map<String, Object> fieldsOf(RejectedChange change, String part) {
		Map<String, Object> values = new LinkedHashMap<>();
		try {
			JsonNode fields = WireTranslator.JSON.readTree(change.getChange()).path(part);
			fields.properties().forEach(field -> values.put(field.getKey(), WireTranslator.plain(field.getValue())));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("A damaged refused change of " + change.getRecordType() + " " + change.getRecordId() + ": "
					+ e.getOriginalMessage(), e);
		}
		return values;
	}
}
