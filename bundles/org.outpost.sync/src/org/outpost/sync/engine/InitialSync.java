package org.outpost.sync.engine;

import java.time.Instant;
import java.util.Optional;

import org.outpost.persistence.LocalDatabase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The initial full sync this device still has to do: one row from the login on an empty device,
 * or the reset to another account, until a full sync succeeds. A cancelled or crashed initial sync
 * leaves it, so the next start goes on with it; the sync history says nothing about it (it is
 * kept across an account switch). A second row notes that this device was checked for an initial
 * sync left unfinished before this state existed ({@link SyncEngine#markUnfinishedInitialSync}).
 */
@Entity(name = "InitialSync")
@Table(name = "OUTPOST_SYNC_INITIAL")
public class InitialSync {

	private static final String THIS_DEVICE = "device";
	private static final String CHECKED = "checked";

	@Id
	@Column(name = "NAME", length = 16)
	private String name;

	/** When it became due: the runs before it were of another account, or of none (for the check's row: when it ran). */
	@Column(name = "DUE_SINCE", nullable = false)
	private long dueSince;

	/** For JPA. */
	protected InitialSync() {
	}

	private InitialSync(String name, Instant since) {
		this.name = name;
		this.dueSince = since.toEpochMilli();
	}

	/** Marks the initial sync as still to do, in the caller's transaction. */
	static void due(EntityManager em, Instant since) {
		InitialSync held = em.find(InitialSync.class, THIS_DEVICE);
		if (held == null) {
			em.persist(new InitialSync(THIS_DEVICE, since));
		} else {
			held.dueSince = since.toEpochMilli();
		}
	}

	static void done(LocalDatabase database) {
		database.write(em -> em.createQuery("DELETE FROM InitialSync i WHERE i.name = :name").setParameter("name", THIS_DEVICE).executeUpdate());
	}

	static boolean isDue(EntityManager em) {
		return em.find(InitialSync.class, THIS_DEVICE) != null;
	}

	/** Whether this device was checked for an initial sync an older version left unfinished. */
	static boolean checked(EntityManager em) {
		return em.find(InitialSync.class, CHECKED) != null;
	}

	/** Notes that the check ran, in the caller's transaction. */
	static void checkedAt(EntityManager em, Instant at) {
		if (!checked(em)) {
			em.persist(new InitialSync(CHECKED, at));
		}
	}

	static Optional<Instant> dueSince(LocalDatabase database) {
		return Optional.ofNullable(database.read(em -> em.find(InitialSync.class, THIS_DEVICE))).map(i -> Instant.ofEpochMilli(i.dueSince));
	}
}
