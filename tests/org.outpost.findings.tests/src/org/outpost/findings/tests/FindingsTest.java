package org.outpost.findings.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.core.record.RuleViolation;
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
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Outbox;

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
		assertThrows(RuleViolation.class, () -> changes.write(c -> {
			FindingRules.deleteAction(c, action.getId());
			return null;
		}));
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
	void riskRatingsStayOnTheMatrix() {
		assertThrows(IllegalArgumentException.class, () -> new RiskRating(0, 3));
		assertEquals("Extreme", new RiskRating(5, 4).band());
		assertEquals("Low", new RiskRating(2, 2).band());
	}
}
