package org.outpost.obligations;

import org.outpost.persistence.LocalDatabase;

/** The Obligations module's key in role permissions, and reads of its records. */
public final class Obligations {

	public static final String MODULE = "obligations";
	public static final String MODULE_LABEL = "Obligations";

	private Obligations() {
	}

	/** The live obligation with {@code id}, or null. */
	public static Obligation find(LocalDatabase database, String id) {
		return database.read(em -> {
			Obligation obligation = em.find(Obligation.class, id);
			return obligation == null || obligation.isTombstone() ? null : obligation;
		});
	}
}
