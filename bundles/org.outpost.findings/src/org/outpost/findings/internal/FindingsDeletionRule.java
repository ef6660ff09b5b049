package org.outpost.findings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.sync.outbox.DeletionRule;
import org.outpost.sync.outbox.RecordChanges;

import jakarta.persistence.EntityManager;

/**
 * What deleting means around findings and actions. A finding takes its actions with it (they exist
 * to fix it). An event or obligation that findings or actions point at is refused: those records
 * stand on their own and the user decides about them first. The last action of a non-conformance
 * is refused, as when it is edited away.
 */
public final class FindingsDeletionRule implements DeletionRule {

	@Override
	public Optional<String> objection(RecordChanges changes, String recordType, String recordId) {
		EntityManager em = changes.entityManager();
		return switch (recordType) {
		case "event" -> pointedAtBy(em, "event", "eventId", recordId, true);
		case "obligation" -> pointedAtBy(em, "obligation", "obligationId", recordId, false);
		case "action" -> lastActionOfNonConformance(em, recordId);
		default -> Optional.empty();
		};
	}

	@Override
	public void cascade(RecordChanges changes, String recordType, String recordId) {
		if ("finding".equals(recordType)) {
			for (Action action : FindingRules.actionsOf(changes.entityManager(), recordId)) {
				changes.delete(Action.class, action.getId());
			}
		}
	}

	private static Optional<String> pointedAtBy(EntityManager em, String noun, String field, String id, boolean withFindings) {
		long findings = withFindings ? em.createQuery("SELECT COUNT(f) FROM Finding f WHERE f.eventId = :id AND f.tombstone = FALSE", Long.class)
				.setParameter("id", id).getSingleResult() : 0;
		long actions = em.createQuery("SELECT COUNT(a) FROM Action a WHERE a." + field + " = :id AND a.tombstone = FALSE", Long.class)
				.setParameter("id", id).getSingleResult();
		if (findings + actions == 0) {
			return Optional.empty();
		}
		List<String> parts = new ArrayList<>();
		if (findings > 0) {
			parts.add(findings + (findings == 1 ? " finding" : " findings"));
		}
		if (actions > 0) {
			parts.add(actions + (actions == 1 ? " action" : " actions"));
		}
		String what = String.join(" and ", parts);
		return Optional.of("The " + noun + " still has " + what + ": delete " + (findings + actions == 1 ? "it" : "them")
				+ " (or link them elsewhere) first.");
	}

	private static Optional<String> lastActionOfNonConformance(EntityManager em, String actionId) {
		Action action = em.find(Action.class, actionId);
		Finding finding = action == null || action.getFindingId() == null ? null : em.find(Finding.class, action.getFindingId());
		if (finding == null || finding.isTombstone() || !finding.isNonConformance() || FindingRules.actionsOf(em, finding.getId()).size() > 1) {
			return Optional.empty();
		}
		return Optional.of("This is the last action of the non-conformance \u201c" + finding.getDescription()
				+ "\u201d, which needs at least one: add another action first, or delete the finding.");
	}
}
