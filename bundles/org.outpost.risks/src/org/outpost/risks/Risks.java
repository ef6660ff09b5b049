package org.outpost.risks;

import org.outpost.persistence.LocalDatabase;

/** Reads the Risk register on this device. */
public final class Risks {

	private Risks() {
	}

	/** The live risk with {@code id}, or null. */
	public static Risk find(LocalDatabase database, String id) {
		return database.read(em -> {
			Risk risk = em.find(Risk.class, id);
			return risk == null || risk.isTombstone() ? null : risk;
		});
	}
}
