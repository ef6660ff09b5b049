package org.outpost.sync.history;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.outpost.persistence.LocalDatabase;

/** The device's record of sync runs, newest first. */
public final class SyncHistory {

	private final LocalDatabase database;
	private final Clock clock;

	public SyncHistory(LocalDatabase database, Clock clock) {
		this.database = Objects.requireNonNull(database, "database");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Records that a run started, so that even a run the process dies in shows in the history. */
	public SyncRun started(String kind, String trigger) {
		SyncRun run = new SyncRun(kind, trigger, clock.instant());
		database.write(em -> {
			em.persist(run);
			return null;
		});
		return run;
	}

	public SyncRun finished(SyncRun run, SyncOutcome outcome, String message, int conflicts, int rejects, List<CategoryTraffic> traffic) {
		run.finish(clock.instant(), outcome, message, conflicts, rejects, traffic);
		return database.write(em -> em.merge(run));
	}

	public List<SyncRun> recent(int max) {
		return database.read(em -> em.createQuery("SELECT r FROM SyncRun r ORDER BY r.startedAt DESC", SyncRun.class).setMaxResults(max)
				.getResultList());
	}

	/** The newest runs of a kind, newest first. */
	public List<SyncRun> recentOf(String kind, int max) {
		return database.read(em -> em.createQuery("SELECT r FROM SyncRun r WHERE r.kind = :kind ORDER BY r.startedAt DESC", SyncRun.class)
				.setParameter("kind", kind).setMaxResults(max).getResultList());
	}

	/** The newest finished run of a kind. */
	public Optional<SyncRun> lastFinished(String kind) {
		return database.read(em -> em
				.createQuery("SELECT r FROM SyncRun r WHERE r.kind = :kind AND r.endedAt IS NOT NULL ORDER BY r.startedAt DESC", SyncRun.class)
				.setParameter("kind", kind).setMaxResults(1).getResultList().stream().findFirst());
	}

	/** Whether a run of the kind ever succeeded, among the runs kept. */
	public boolean everSucceeded(String kind) {
		return database.read(em -> em.createQuery("SELECT COUNT(r) FROM SyncRun r WHERE r.kind = :kind AND r.outcome = :outcome", Long.class)
				.setParameter("kind", kind).setParameter("outcome", SyncOutcome.SUCCEEDED.name()).getSingleResult()) > 0;
	}

	/** Removes all but the newest {@code keep} runs, so the history cannot grow without end. */
	public int trim(int keep) {
		List<SyncRun> old = database.read(em -> em.createQuery("SELECT r FROM SyncRun r ORDER BY r.startedAt DESC", SyncRun.class)
				.setFirstResult(keep).getResultList());
		return database.write(em -> {
			old.forEach(run -> em.remove(em.merge(run)));
			return old.size();
		});
	}
}
