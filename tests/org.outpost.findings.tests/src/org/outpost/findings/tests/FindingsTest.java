package org.outpost.findings.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.core.record.RuleViolation;
import org.outpost.core.record.SyncedRecord;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.events.Question;
import org.outpost.findings.Action;
import org.outpost.findings.ActionStatus;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.findings.RiskRating;
import org.outpost.findings.internal.FindingsDeletionRule;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.DeletionRule;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;

/** Findings, Actions and their rules, with the real Declarative Services guard on Event verification. */
class FindingsTest {

	private static LocalDatabase database;
	private static LocalChanges changes;
	private static Form form;

	@BeforeAll
	static void fixtures() {
		database = Services.get(LocalDatabase.class);
		changes = new LocalChanges(database);
		form = changes.create(new Form("One question", List.of(new Question("q", "All well?", List.of(new AnswerOption("Yes", 1))))));
	}

	@Test
	void aNonConformanceWithoutAnActionIsRefusedAndNothingIsStored() {
		Finding finding = new Finding("Blocked fire exit");
		finding.setNonConformance(true);
		long queued = new Outbox(database).count();

		RuleViolation refused = assertThrows(RuleViolation.class, () -> changes.write(c -> {
			c.create(finding);
			FindingRules.check(c, finding.getId());
			return null;
		}));

		assertTrue(refused.problems().get(0).startsWith("A non-conformance needs at least one Action"));
		assertNull(database.read(em -> em.find(Finding.class, finding.getId())));
		assertEquals(queued, new Outbox(database).count());
	}

	@Test
	void aNonConformanceIsSavedWithItsActionInOneTransactionAndKeepsIt() {
		Finding finding = new Finding("Extinguisher missing");
		finding.setNonConformance(true);
		finding.setRisk(new RiskRating(4, 4));
		finding.setResidualRisk(new RiskRating(1, 4));
		Action action = new Action("Mount a new extinguisher", LocalDate.of(2026, 7, 1));
		action.fixFinding(finding.getId());

		changes.write(c -> {
			c.create(finding);
			c.create(action);
			FindingRules.check(c, finding.getId());
			return null;
		});

		assertEquals("High (16)", database.read(em -> em.find(Finding.class, finding.getId())).getRisk().toString());
		RuleViolation refused = assertThrows(RuleViolation.class,
				() -> Deletions.withInstalledRules().delete(changes, Action.class, action.getId()));
		assertEquals("This is the last action of the non-conformance \u201cExtinguisher missing\u201d, which needs at least one: "
				+ "add another action first, or delete the finding.", refused.problems().get(0));
		assertEquals(1, database.read(em -> FindingRules.actionsOf(em, finding.getId())).size(), "the last action of a non-conformance stays");
	}

	@Test
	void actionsMoveForwardCompleteAtFullProgressAndCanBeReopened() {
		Action action = changes.create(new Action("Standalone action", null));

		assertThrows(RuleViolation.class, () -> changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.VERIFIED)));
		changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.IN_PROGRESS));
		Action complete = changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.COMPLETE));
		assertEquals(100, complete.getProgress());
		changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.VERIFIED));
		assertEquals(ActionStatus.IN_PROGRESS, changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.IN_PROGRESS)).getStatus());
	}

	@Test
	void anEventCannotBeVerifiedWhileAnActionOfItsFindingsIsOpen() {
		Event event = changes.create(Event.of(form, "Audit with a finding", LocalDate.of(2026, 8, 1)));
		Finding finding = new Finding("Leaking valve");
		finding.setEventId(event.getId());
		finding.setNonConformance(true);
		Action action = new Action("Replace the valve", LocalDate.of(2026, 8, 15));
		action.fixFinding(finding.getId());
		changes.write(c -> {
			c.create(finding);
			c.create(action);
			FindingRules.check(c, finding.getId());
			return null;
		});
		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		changes.edit(Event.class, event.getId(), e -> e.answer(form, "q", "Yes"));
		for (EventStatus step : List.of(EventStatus.SCHEDULED, EventStatus.IN_PROGRESS, EventStatus.COMPLETED)) {
			changes.write(c -> lifecycle.moveTo(c, event.getId(), step));
		}

		RuleViolation refused = assertThrows(RuleViolation.class, () -> changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.VERIFIED)));
		assertTrue(refused.problems().get(0).contains("1 still open") && refused.problems().get(0).contains("Replace the valve"),
				refused.problems().toString());

		changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.IN_PROGRESS));
		changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.COMPLETE));
		assertEquals(EventStatus.VERIFIED, changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.VERIFIED)).getStatus());
	}

	@Test
	void anEventCannotBeVerifiedWhileAnActionLinkedDirectlyToItIsOpen() {
		Event event = changes.create(Event.of(form, "Audit with a direct action", LocalDate.of(2026, 9, 1)));
		Action action = new Action("Renew the permit on display", LocalDate.of(2026, 9, 10));
		action.fixEvent(event.getId());
		changes.create(action);
		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		changes.edit(Event.class, event.getId(), e -> e.answer(form, "q", "Yes"));
		for (EventStatus step : List.of(EventStatus.SCHEDULED, EventStatus.IN_PROGRESS, EventStatus.COMPLETED)) {
			changes.write(c -> lifecycle.moveTo(c, event.getId(), step));
		}

		RuleViolation refused = assertThrows(RuleViolation.class, () -> changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.VERIFIED)));
		assertTrue(refused.problems().get(0).contains("Renew the permit on display"), refused.problems().toString());

		changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.IN_PROGRESS));
		changes.write(c -> FindingRules.moveTo(c, action.getId(), ActionStatus.COMPLETE));
		assertEquals(EventStatus.VERIFIED, changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.VERIFIED)).getStatus());
	}

	@Test
	void deletingAnEventWithFindingsOrActionsIsRefusedAndChangesNothing() {
		Event event = acknowledged(changes.create(Event.of(form, "Audit to delete", LocalDate.of(2026, 10, 1))));
		Finding finding = new Finding("Loose handrail");
		finding.setEventId(event.getId());
		changes.create(finding);
		Action direct = new Action("Brief the caretaker", null);
		direct.fixEvent(event.getId());
		changes.create(direct);
		long queued = new Outbox(database).count();

		RuleViolation refused = assertThrows(RuleViolation.class, () -> Deletions.withInstalledRules().delete(changes, Event.class, event.getId()));

		assertEquals(List.of("The event still has 1 finding and 1 action: delete them (or link them elsewhere) first."), refused.problems());
		assertFalse(database.read(em -> em.find(Event.class, event.getId())).isTombstone());
		assertEquals(queued, new Outbox(database).count());

		Deletions.withInstalledRules().delete(changes, Finding.class, finding.getId());
		Deletions.withInstalledRules().delete(changes, Action.class, direct.getId());
		Deletions.withInstalledRules().delete(changes, Event.class, event.getId());
		assertTrue(database.read(em -> em.find(Event.class, event.getId())).isTombstone(), "a synced event stays as a tombstone until acknowledged");
		List<OutboxEntry> entries = new Outbox(database).entriesFor("event", event.getId());
		assertEquals(List.of(Operation.DELETE), entries.stream().map(OutboxEntry::getOperation).toList());
	}

	@Test
	void deletingAFindingDeletesItsActionsInTheSameTransaction() {
		Finding finding = new Finding("Blocked drain");
		finding.setNonConformance(true);
		Action first = new Action("Clear the drain", null);
		first.fixFinding(finding.getId());
		Action second = new Action("Add a grate", null);
		second.fixFinding(finding.getId());
		changes.write(c -> {
			c.create(finding);
			c.create(first);
			c.create(second);
			return null;
		});
		acknowledged(finding);
		acknowledged(first);

		Deletions.withInstalledRules().delete(changes, Finding.class, finding.getId());

		assertTrue(database.read(em -> em.find(Finding.class, finding.getId())).isTombstone());
		assertTrue(database.read(em -> em.find(Action.class, first.getId())).isTombstone());
		assertEquals(Operation.DELETE, new Outbox(database).entriesFor("action", first.getId()).get(0).getOperation());
		assertNull(database.read(em -> em.find(Action.class, second.getId())), "never sent: gone with its create entry");
		assertTrue(new Outbox(database).entriesFor("action", second.getId()).isEmpty());
	}

	@Test
	void anObligationWithActionsIsNotDeleted() {
		Action action = new Action("Display the licence", null);
		action.fixObligation("6f0c1c9e-0000-4000-8000-000000000001");
		changes.create(action);

		DeletionRule rule = new FindingsDeletionRule();
		assertEquals("The obligation still has 1 action: delete it (or link them elsewhere) first.",
				changes.write(c -> rule.objection(c, "obligation", "6f0c1c9e-0000-4000-8000-000000000001")).orElseThrow());
		assertTrue(changes.write(c -> rule.objection(c, "obligation", "6f0c1c9e-0000-4000-8000-000000000002")).isEmpty());
	}

	/** As if a sync had sent the record's entries and the server acknowledged them. */
	private static <T extends SyncedRecord> T acknowledged(T record) {
		Outbox outbox = new Outbox(database);
		database.read(em -> em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordId = :id", OutboxEntry.class).setParameter("id", record.getId())
				.getResultList()).forEach(e -> outbox.acknowledge(e.getMutationId()));
		changes.write(c -> {
			c.entityManager().find(record.getClass(), record.getId()).setRevision(1);
			return null;
		});
		return record;
	}

	@Test
	void riskRatingsStayOnTheMatrix() {
		assertThrows(IllegalArgumentException.class, () -> new RiskRating(0, 3));
		assertEquals("Extreme", new RiskRating(5, 4).band());
		assertEquals("Low", new RiskRating(2, 2).band());
	}
}
