package org.outpost.findings;

import java.util.List;

import org.outpost.core.record.RuleViolation;
import org.outpost.sync.outbox.RecordChanges;

import jakarta.persistence.EntityManager;

/**
 * The business rules of Findings and Actions. Checked inside the transaction that changes them,
 * so a change that breaks a rule is rolled back whole, outbox entries included.
 */
public final class FindingRules {

	/** The module's key in role permissions. */
	public static final String MODULE = "findings";
	public static final String MODULE_LABEL = "Findings";

	private FindingRules() {
	}

	/**
	 * Throws when the finding, as it stands in this transaction, breaks a rule: a non-conformance
	 * without any Action.
	 */
	public static void check(RecordChanges changes, String findingId) {
		EntityManager em = changes.entityManager();
		em.flush();
		Finding finding = em.find(Finding.class, findingId);
		if (finding != null && !finding.isTombstone() && finding.isNonConformance() && actionsOf(em, findingId).isEmpty()) {
			throw new RuleViolation(List.of("A non-conformance needs at least one Action: add the action that fixes it, "
					+ "or clear the non-conformance flag."));
		}
	}

	/** The live actions that fix the finding. */
	public static List<Action> actionsOf(EntityManager em, String findingId) {
		return em.createQuery("SELECT a FROM Action a WHERE a.findingId = :id AND a.tombstone = FALSE ORDER BY a.dueDate, a.id", Action.class)
				.setParameter("id", findingId).getResultList();
	}

	/** The live findings raised in an event, by description. */
	public static List<Finding> findingsOfEvent(EntityManager em, String eventId) {
		return em.createQuery("SELECT f FROM Finding f WHERE f.eventId = :id AND f.tombstone = FALSE ORDER BY f.description, f.id", Finding.class)
				.setParameter("id", eventId).getResultList();
	}

	/** The live actions of an event: those fixing the event itself and those fixing its findings, soonest due first. */
	public static List<Action> actionsOfEvent(EntityManager em, String eventId) {
		return em.createQuery("SELECT a FROM Action a WHERE a.tombstone = FALSE AND (a.eventId = :event"
				+ " OR a.findingId IN (SELECT f.id FROM Finding f WHERE f.eventId = :event AND f.tombstone = FALSE)) ORDER BY a.dueDate, a.id",
				Action.class).setParameter("event", eventId).getResultList();
	}

	/** The live actions that fix an obligation, soonest due first. */
	public static List<Action> actionsOfObligation(EntityManager em, String obligationId) {
		return em.createQuery("SELECT a FROM Action a WHERE a.obligationId = :id AND a.tombstone = FALSE ORDER BY a.dueDate, a.id", Action.class)
				.setParameter("id", obligationId).getResultList();
	}

	/** The open actions of an event: those fixing the event itself and those fixing its findings. */
	public static List<Action> openActionsOfEvent(EntityManager em, String eventId) {
		return em.createQuery("SELECT a FROM Action a WHERE a.tombstone = FALSE AND a.status IN :open AND (a.eventId = :event"
				+ " OR a.findingId IN (SELECT f.id FROM Finding f WHERE f.eventId = :event AND f.tombstone = FALSE)) ORDER BY a.dueDate, a.id",
				Action.class).setParameter("open", List.of(ActionStatus.PENDING, ActionStatus.IN_PROGRESS)).setParameter("event", eventId)
				.getResultList();
	}

	/**
	 * Moves an action's status: forward one step or reopened. Completing sets progress to 100%.
	 *
	 * @throws RuleViolation saying which moves are possible
	 */
	public static Action moveTo(RecordChanges changes, String actionId, ActionStatus target) {
		Action action = changes.entityManager().find(Action.class, actionId);
		if (action == null || action.isTombstone()) {
			throw new IllegalArgumentException("There is no action " + actionId + " on this device");
		}
		if (!action.getStatus().canMoveTo(target)) {
			throw new RuleViolation(List.of("An action moves from " + action.getStatus().label() + " one step forward"
					+ (action.getStatus().isOpen() ? "" : " or back to In progress (reopen)") + ", not to " + target.label() + "."));
		}
		return changes.edit(Action.class, actionId, a -> {
			a.setStatus(target);
			if (target == ActionStatus.COMPLETE) {
				a.setProgress(100);
			}
		});
	}
}
