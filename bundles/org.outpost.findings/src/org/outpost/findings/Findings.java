package org.outpost.findings;

import java.util.List;

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

	/** The live findings raised in an event, by description. */
	public static List<Finding> ofEvent(LocalDatabase database, String eventId) {
		return database.read(em -> FindingRules.findingsOfEvent(em, eventId));
	}

	/** The live actions of an event (its own and its findings'), soonest due first. */
	public static List<Action> actionsOfEvent(LocalDatabase database, String eventId) {
		return database.read(em -> FindingRules.actionsOfEvent(em, eventId));
	}

	/** The live actions that fix an obligation, soonest due first. */
	public static List<Action> actionsOfObligation(LocalDatabase database, String obligationId) {
		return database.read(em -> FindingRules.actionsOfObligation(em, obligationId));
	}

	/** The condition for the actions that fix one finding (for a register over Action). */
	public static Where actionsFixing(String findingId) {
		return Where.of("r.findingId = :finding", "finding", findingId);
	}
}
