package org.outpost.sync.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.settings.SyncSettings;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;

/**
 * Retain Events after sync: an Event the server acknowledged stays on the device for the chosen
 * days, with its Findings and their Actions, then they are removed; unchecked, they go right after
 * the sync. An Event whose record or whose findings' or actions' records carry unsent edits stays.
 * Records hang off an Event through an {@code eventId} attribute and off a Finding through
 * {@code findingId}, whichever module contributes them.
 */
final class EventRetention {

	private final LocalDatabase database;
	private final RecordTypeIndex index;
	private final Clock clock;

	EventRetention(LocalDatabase database, RecordTypeIndex index, Clock clock) {
		this.database = database;
		this.index = index;
		this.clock = clock;
	}

	/** @return how many Events were removed */
	int purge(SyncSettings settings) {
		long cutoff = clock.millis() - (settings.retainEvents() ? Duration.ofDays(settings.retainEventsDays()).toMillis() : 0);
		RecordTypeIndex.Entry eventType = index.find("event").orElse(null);
		if (eventType == null) {
			return 0;
		}
		return database.write(em -> {
			List<String> due = em.createQuery("SELECT p.eventId FROM PushedEvent p WHERE p.pushedAt <= :cutoff", String.class)
					.setParameter("cutoff", cutoff).getResultList();
			int removed = 0;
			for (String eventId : due) {
				List<SyncedRecord> family = family(em, eventType, eventId);
				if (family.stream().noneMatch(record -> hasUnsentEdits(em, record.getId()))) {
					family.forEach(em::remove);
					em.remove(em.find(PushedEvent.class, eventId));
					removed++;
				}
			}
			return removed;
		});
	}

	/** The event, its records (findings, actions) and the records of those (actions of findings). */
	private List<SyncedRecord> family(EntityManager em, RecordTypeIndex.Entry eventType, String eventId) {
		List<SyncedRecord> family = new ArrayList<>();
		SyncedRecord event = em.find(eventType.type(), eventId);
		if (event != null) {
			family.add(event);
		}
		List<SyncedRecord> children = childrenBy(em, "eventId", List.of(eventId));
		family.addAll(children);
		List<String> findingIds = children.stream().map(SyncedRecord::getId).toList();
		for (SyncedRecord grandChild : childrenBy(em, "findingId", findingIds)) {
			if (!family.contains(grandChild)) {
				family.add(grandChild);
			}
		}
		return family;
	}

	private List<SyncedRecord> childrenBy(EntityManager em, String attribute, List<String> parentIds) {
		List<SyncedRecord> children = new ArrayList<>();
		if (parentIds.isEmpty()) {
			return children;
		}
		for (Class<? extends SyncedRecord> type : index.types()) {
			if (em.getMetamodel().entity(type).getAttributes().stream().map(Attribute::getName).anyMatch(attribute::equals)) {
				String entity = em.getMetamodel().entity(type).getName();
				children.addAll(em.createQuery("SELECT r FROM " + entity + " r WHERE r." + attribute + " IN :parents", type)
						.setParameter("parents", parentIds).getResultList());
			}
		}
		return children;
	}

	private static boolean hasUnsentEdits(EntityManager em, String recordId) {
		return em.createQuery("SELECT COUNT(e) FROM OutboxEntry e WHERE e.recordId = :id", Long.class).setParameter("id", recordId)
				.getSingleResult() > 0;
	}
}
