package org.outpost.findings;

import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.Where;

/** Reads findings and actions on this device. */
public final class Findings {

	private Findings() {
	}

	/** The live finding with {@code id}, or null. */
	public static Finding finding(LocalDatabase database, String id) {
		return database.read(em -> {
			Finding finding = em.find(Finding.class, id);
			return finding == null || finding.isTombstone() ? null : finding;
		});
	}

	/** The live action with {@code id}, or null. */
	public static Action action(LocalDatabase database, String id) {
		return database.read(em -> {
			Action action = em.find(Action.class, id);
			return action == null || action.isTombstone() ? null : action;
		});
	}

	/** The condition for the actions that fix one finding (for a register over Action). */
	public static Where actionsFixing(String findingId) {
		return Where.of("r.findingId = :finding", "finding", findingId);
	}
}
