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
 * kept across an account switch).
 */
@Entity(name = "InitialSync")
@Table(name = "OUTPOST_SYNC_INITIAL")
public class InitialSync {

	private static final String THIS_DEVICE = "device";

	@Id
	@Column(name = "NAME", length = 16)
	private String name;

	/** When it became due: the runs before it were of another account, or of none. */
	@Column(name = "DUE_SINCE", nullable = false)
	private long dueSince;

	/** For JPA. */
	protected InitialSync() {
	}

	private InitialSync(Instant since) {
		this.name = THIS_DEVICE;
		this.dueSince = since.toEpochMilli();
	}

	/** Marks the initial sync as still to do, in the caller's transaction. */
	static void due(EntityManager em, Instant since) {
		InitialSync held = em.find(InitialSync.class, THIS_DEVICE);
		if (held == null) {
			em.persist(new InitialSync(since));
		} else {
			held.dueSince = since.toEpochMilli();
		}
	}

	static void done(LocalDatabase database) {
		database.write(em -> em.createQuery("DELETE FROM InitialSync i").executeUpdate());
	}

	static Optional<Instant> dueSince(LocalDatabase database) {
		return Optional.ofNullable(database.read(em -> em.find(InitialSync.class, THIS_DEVICE))).map(i -> Instant.ofEpochMilli(i.dueSince));
	}
}
