package org.outpost.sync.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.NewRows;
import org.outpost.persistence.RevisionMoves;
import org.outpost.persistence.RevisionMoves.Move;
import org.outpost.protocol.Messages.FieldConflict;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.OutboxEntry;

import jakarta.persistence.EntityManager;

/**
 * Stores the server's answers to one push in ONE local transaction: an applied change leaves the
 * outbox (a delete removes its tombstone; a record the server now holds exactly as this device
 * does takes the new revision), a conflict is kept per field with the server's value shown on the
 * record, a rejected change is quarantined with its reason; every acknowledged Event gets its
 * retention mark. The common case costs a few statements whatever the batch's size: the
 * revisions as one JDBC batch, the marks and the outbox entries as one bulk statement each.
 */
final class PushAnswers {

	private static final Set<String> SERVER_ONLY_SCOPE_FIELDS = Set.of("orgUnit", "location", "owner");

	private final LocalDatabase database;
	private final RecordTypeIndex index;
	private final Clock clock;

	PushAnswers(LocalDatabase database, RecordTypeIndex index, Clock clock) {
		this.database = database;
		this.index = index;
		this.clock = clock;
	}

	/** What storing a push's answers found. */
	record Stored(int conflicts, int rejects, Set<Long> heldRevisions) {
	}

	/**
	 * @param sent the entries the push sent, as read before it (an entry removed meanwhile, by a
	 *        discard, is left alone)
	 * @return the conflicts and rejects, and the revisions this device now holds exactly as the
	 *         server does (the pull need not bring those records back)
	 */
	Stored store(List<OutboxEntry> sent, PushResponse response) {
		Map<String, OutboxEntry> entries = new LinkedHashMap<>();
		sent.forEach(entry -> entries.put(entry.getMutationId(), entry));
		Map<Class<? extends SyncedRecord>, List<Move>> moves = new LinkedHashMap<>();
		Set<Long> held = new HashSet<>();
		Stored stored = database.write(em -> {
			Set<String> queued = new HashSet<>(em.createQuery("SELECT e.mutationId FROM OutboxEntry e WHERE e.mutationId IN :ids", String.class)
					.setParameter("ids", List.copyOf(entries.keySet())).getResultList());
			List<String> answered = new ArrayList<>();
			Set<String> pushedEvents = new HashSet<>();
			int conflicts = 0;
			int rejects = 0;
			for (MutationResult result : response.results()) {
				OutboxEntry entry = queued.contains(result.mutationId()) ? entries.get(result.mutationId()) : null;
				if (entry == null) {
					continue;
				}
				Class<? extends SyncedRecord> type = index.find(entry.getRecordType()).orElseThrow().type();
				switch (result.outcome()) {
				case APPLIED -> {
					if (entry.getOperation() == Operation.DELETE) {
						SyncedRecord record = em.find(type, entry.getRecordId());
						if (record != null && record.isTombstone()) {
							em.remove(record);
							if (result.previousRev() != MutationResult.NO_PREVIOUS_REV) {
								// gone here as on the server: its tombstone need not come down
								held.add(result.newRev());
							}
						}
					} else if (result.previousRev() != MutationResult.NO_PREVIOUS_REV) {
						// the server's record is now exactly this one: the pull need not bring it back (PageApplier skips it too)
						moves.computeIfAbsent(type, t -> new ArrayList<>()).add(new Move(entry.getRecordId(), result.previousRev(), result.newRev()));
					}
					notePushed(entry, pushedEvents);
				}
				case CONFLICT -> {
					conflicts += keepConflicts(em, type, entry, result.conflicts());
					// the revision stays: the record differs from the server's (a conflict kept the user's scope fields, others merged there), which the pull brings
					notePushed(entry, pushedEvents);
				}
				case REJECTED -> {
					em.persist(new RejectedChange(entry.getMutationId(), entry.getRecordType(), entry.getRecordId(), entry.getOperation().name(),
							"{\"changes\":" + WireTranslator.json(entry.changes()) + ",\"base\":" + WireTranslator.json(entry.base()) + "}",
							result.reason() == null ? "rejected" : result.reason(), clock.instant()));
					rejects++;
				}
				}
				answered.add(entry.getMutationId());
			}
			moves.replaceAll((type, batch) -> RevisionMoves.apply(em, type, batch));
			moves.values().forEach(applied -> applied.forEach(move -> held.add(move.to())));
			markPushed(em, pushedEvents);
			if (!answered.isEmpty()) {
				em.createQuery("DELETE FROM OutboxEntry e WHERE e.mutationId IN :ids").setParameter("ids", answered).executeUpdate();
			}
			return new Stored(conflicts, rejects, Set.copyOf(held));
		});
		database.read(em -> {
			moves.forEach((type, applied) -> RevisionMoves.uncache(em, type, applied));
			return null;
		});
		return stored;
	}

	/**
	 * The revisions {@link #store} will find held when every applied change of {@code sent} is
	 * still queued and its record still at the revision the answer started from: what the pull can
	 * be asked after before the answers are stored.
	 */
	static Set<Long> heldIfStored(List<OutboxEntry> sent, PushResponse response) {
		Set<String> ids = new HashSet<>();
		sent.forEach(entry -> ids.add(entry.getMutationId()));
		Set<Long> held = new HashSet<>();
		for (MutationResult result : response.results()) {
			if (ids.contains(result.mutationId()) && result.outcome() == Outcome.APPLIED
					&& result.previousRev() != MutationResult.NO_PREVIOUS_REV) {
				held.add(result.newRev());
			}
		}
		return held;
	}

	private static void notePushed(OutboxEntry entry, Set<String> pushedEvents) {
		if ("event".equals(entry.getRecordType())) {
			pushedEvents.add(entry.getRecordId());
		}
	}

	/** Keeps each conflicting field; the record shows the server's value (the conflict keeps the user's). */
	private int keepConflicts(EntityManager em, Class<? extends SyncedRecord> type, OutboxEntry entry, Map<String, FieldConflict> conflicts) {
		SyncedRecord record = em.find(type, entry.getRecordId());
		for (Map.Entry<String, FieldConflict> field : conflicts.entrySet()) {
			FieldConflict conflict = field.getValue();
			em.persist(new SyncConflict(entry.getRecordType(), entry.getRecordId(), field.getKey(), WireTranslator.text(conflict.mine()),
					WireTranslator.text(conflict.server()), WireTranslator.text(conflict.base()), clock.instant()));
			if (record != null && !SERVER_ONLY_SCOPE_FIELDS.contains(field.getKey())) {
				Map<String, Object> theirs = new LinkedHashMap<>();
				theirs.put(field.getKey(), WireTranslator.plain(conflict.server()));
				((Syncable) record).applySyncedFields(theirs);
			}
		}
		return conflicts.size();
	}

	/** The server acknowledged a change to these Events now: Retain Events after sync counts from here. */
	private void markPushed(EntityManager em, Set<String> eventIds) {
		if (eventIds.isEmpty()) {
			return;
		}
		List<String> ids = List.copyOf(eventIds);
		em.createQuery("DELETE FROM PushedEvent p WHERE p.eventId IN :ids").setParameter("ids", ids).executeUpdate();
		long now = clock.millis();
		NewRows.insert(em, PushedEvent.class, ids.stream().map(id -> new PushedEvent(id, now)).toList());
	}
}
