package org.outpost.sync.outbox;

import java.util.List;
import java.util.Objects;

import org.outpost.core.record.RecordSource;
import org.outpost.persistence.LocalDatabase;

import jakarta.persistence.EntityManager;

/**
 * The queue of local changes the server has not acknowledged yet, oldest first: what the Queue
 * view shows and what a push sends.
 */
public final class Outbox implements RecordSource<OutboxEntry> {

	private final LocalDatabase database;

	public Outbox(LocalDatabase database) {
		this.database = Objects.requireNonNull(database, "database");
	}

	@Override
	public long count() {
		return database.read(em -> em.createQuery("SELECT COUNT(e) FROM OutboxEntry e", Long.class).getSingleResult());
	}

	@Override
	public List<OutboxEntry> fetch(int first, int max) {
		return database.read(em -> em.createQuery("SELECT e FROM OutboxEntry e ORDER BY e.sequence", OutboxEntry.class)
				.setFirstResult(first).setMaxResults(max).getResultList());
	}

	/** The pending entries of one record (at most one unsent, plus any already attempted). */
	public List<OutboxEntry> entriesFor(String recordType, String recordId) {
		return database.read(em -> em
				.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType = :type AND e.recordId = :id ORDER BY e.sequence", OutboxEntry.class)
				.setParameter("type", recordType).setParameter("id", recordId).getResultList());
	}

	/** Counts a push attempt that got no answer for the entry; it stays queued and stops coalescing. */
	public void failedAttempt(String mutationId, String error) {
		database.write(em -> {
			entry(em, mutationId).failedAttempt(error);
			return null;
		});
	}

	/** The server has applied the entry: it leaves the outbox. */
	public void acknowledge(String mutationId) {
		database.write(em -> {
			em.remove(entry(em, mutationId));
			return null;
		});
	}

	private static OutboxEntry entry(EntityManager em, String mutationId) {
		return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.mutationId = :id", OutboxEntry.class).setParameter("id", mutationId)
				.getResultStream().findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No outbox entry has mutation id " + mutationId));
	}
}
