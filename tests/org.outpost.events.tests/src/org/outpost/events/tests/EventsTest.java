package org.outpost.events.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.OrgUnitTree;
import org.outpost.core.record.RuleViolation;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.EventFilter;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventRules;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.events.Question;
import org.outpost.events.Recurrence;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;

/** Forms, events, their rules and the register's filtering and sorting, on the real local database. */
class EventsTest {

	private static LocalDatabase database;
	private static LocalChanges changes;
	private static Form form;
	private static OrgUnit north;
	private static OrgUnit site;
	private static OrgUnit south;
	private static Location yard;

	@BeforeAll
	static void fixtures() {
		database = Services.get(LocalDatabase.class);
		changes = new LocalChanges(database);
		List<AnswerOption> yesNo = List.of(new AnswerOption("Yes", 2), new AnswerOption("Partly", 1), new AnswerOption("No", 0));
		form = changes.create(new Form("Site safety walk", List.of(new Question("exits", "Are fire exits clear?", yesNo),
				new Question("signs", "Are signs visible?", yesNo))));
		north = changes.create(new OrgUnit("Events North", null));
		site = changes.create(new OrgUnit("Events Site", north.getId()));
		south = changes.create(new OrgUnit("Events South", null));
		yard = changes.create(new Location("Events Yard", List.of(site.getId())));
	}

	@Test
	void theScoreFollowsTheAnswersAsAPercentageOfTheFormsBest() {
		Event event = changes.create(Event.of(form, "Walk 1", LocalDate.of(2026, 6, 1)));
		assertNull(event.getScorePercent());

		changes.edit(Event.class, event.getId(), e -> e.answer(form, "exits", "Yes"));
		assertEquals(50.0, stored(event).getScorePercent());
		changes.edit(Event.class, event.getId(), e -> e.answer(form, "signs", "Partly"));
		assertEquals(75.0, stored(event).getScorePercent());
		changes.edit(Event.class, event.getId(), e -> e.answer(form, "exits", null));
		assertEquals(25.0, stored(event).getScorePercent());
		assertThrows(IllegalArgumentException.class, () -> event.answer(form, "exits", "Maybe"));
	}

	@Test
	void answersAndScoreAreQueuedForSync() {
		Event event = changes.create(Event.of(form, "Walk queued", LocalDate.of(2026, 6, 2)));
		changes.edit(Event.class, event.getId(), e -> e.answer(form, "exits", "No"));

		OutboxEntry entry = new Outbox(database).entriesFor("event", event.getId()).get(0);
		assertEquals(Map.of("exits", "No"), entry.changes().get("answers"));
		assertEquals(0.0, entry.changes().get("scorePercent"));
	}

	@Test
	void validationSaysWhatToFix() {
		OrgUnitTree tree = OrgUnitTree.load(database);
		Event event = Event.of(form, "Unplaced", null);
		event.setStatus(EventStatus.SCHEDULED);

		List<String> problems = EventRules.problems(event, form, tree, null);
		assertTrue(problems.contains("Choose the org unit the event belongs to."), problems.toString());
		assertTrue(problems.stream().anyMatch(p -> p.startsWith("Set a due date")), problems.toString());

		event.setOrgUnitId(south.getId());
		List<String> wrongPlace = EventRules.problems(event, form, tree, yard);
		assertTrue(wrongPlace.stream().anyMatch(p -> p.contains("Events Yard is not part of Events South")), wrongPlace.toString());
		event.setOrgUnitId(north.getId());
		event.setDueDate(LocalDate.of(2026, 7, 1));
		assertEquals(List.of(), EventRules.problems(event, form, tree, yard), "a location of a unit below the event's unit is fine");
	}

	@Test
	void theStatusMovesOneStepAtATimeAndCompletingNeedsEveryAnswer() {
		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		Event event = changes.create(Event.of(form, "Lifecycle", LocalDate.of(2026, 6, 3)));

		RuleViolation skip = assertThrows(RuleViolation.class, () -> changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.COMPLETED)));
		assertEquals("An event moves from Tentative to Scheduled, not to Completed.", skip.problems().get(0));

		changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.SCHEDULED));
		changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.IN_PROGRESS));
		changes.edit(Event.class, event.getId(), e -> e.answer(form, "exits", "Yes"));
		RuleViolation unanswered = assertThrows(RuleViolation.class,
				() -> changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.COMPLETED)));
		assertEquals(List.of("Answer question 2 (\u201cAre signs visible?\u201d) before completing the event."), unanswered.problems());
		assertEquals(EventStatus.IN_PROGRESS, stored(event).getStatus());

		changes.edit(Event.class, event.getId(), e -> e.answer(form, "signs", "Yes"));
		changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.COMPLETED));
		changes.write(c -> lifecycle.moveTo(c, event.getId(), EventStatus.IN_PROGRESS)); // reopened
		assertEquals(EventStatus.IN_PROGRESS, stored(event).getStatus());
	}

	@Test
	void completingARecurringEventSchedulesTheNextOccurrenceOnceWithItsOutboxEntry() {
		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		Event monthly = placed(Event.of(form, "Monthly yard walk", LocalDate.of(2026, 1, 31)), site, yard);
		monthly.setRecurrence(Recurrence.MONTHLY);
		monthly.setLeewayDays(3);
		monthly.setPerformerIds(List.of("user-b", "user-a"));
		changes.create(monthly);
		changes.write(c -> lifecycle.moveTo(c, monthly.getId(), EventStatus.SCHEDULED));
		changes.write(c -> lifecycle.moveTo(c, monthly.getId(), EventStatus.IN_PROGRESS));
		changes.edit(Event.class, monthly.getId(), e -> {
			e.answer(form, "exits", "Yes");
			e.answer(form, "signs", "No");
		});
		assertNull(stored(Event.nextOccurrenceId(monthly.getId())), "nothing before completion");

		changes.write(c -> lifecycle.moveTo(c, monthly.getId(), EventStatus.COMPLETED));

		Event next = stored(Event.nextOccurrenceId(monthly.getId()));
		assertEquals(LocalDate.of(2026, 2, 28), next.getDueDate(), "a month after the 31st is the month's last day");
		assertEquals(EventStatus.SCHEDULED, next.getStatus());
		assertEquals(List.of(form.getId(), "Monthly yard walk", site.getId(), yard.getId(), 3, Recurrence.MONTHLY, List.of("user-a", "user-b")),
				List.of(next.getFormId(), next.getTitle(), next.getOrgUnitId(), next.getLocationId(), next.getLeewayDays(), next.getRecurrence(),
						next.getPerformerIds()));
		assertEquals(Map.of(), next.getAnswers());
		assertNull(next.getScorePercent());
		List<OutboxEntry> queued = new Outbox(database).entriesFor("event", next.getId());
		assertEquals(1, queued.size());
		assertEquals(Operation.CREATE, queued.get(0).getOperation());
		assertEquals("2026-02-28", queued.get(0).changes().get("dueDate"));

		// reopened and completed again (the completion saved twice): still one next occurrence
		changes.write(c -> lifecycle.moveTo(c, monthly.getId(), EventStatus.IN_PROGRESS));
		changes.write(c -> lifecycle.moveTo(c, monthly.getId(), EventStatus.COMPLETED));
		assertEquals(2L, database.read(em -> em.createQuery("SELECT COUNT(e) FROM Event e WHERE e.title = 'Monthly yard walk'", Long.class)
				.getSingleResult()), "the event and one next occurrence");
		assertEquals(1, new Outbox(database).entriesFor("event", next.getId()).size());
	}

	@Test
	void aFailedCompletionCreatesNoNextOccurrence() {
		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		Event weekly = Event.of(form, "Weekly check, half answered", LocalDate.of(2026, 3, 2));
		weekly.setRecurrence(Recurrence.WEEKLY);
		changes.create(weekly);
		changes.write(c -> lifecycle.moveTo(c, weekly.getId(), EventStatus.SCHEDULED));
		changes.write(c -> lifecycle.moveTo(c, weekly.getId(), EventStatus.IN_PROGRESS));

		assertThrows(RuleViolation.class, () -> changes.write(c -> lifecycle.moveTo(c, weekly.getId(), EventStatus.COMPLETED)));

		assertNull(stored(Event.nextOccurrenceId(weekly.getId())));
		assertTrue(new Outbox(database).entriesFor("event", Event.nextOccurrenceId(weekly.getId())).isEmpty());
	}

	@Test
	void aOneOffEventHasNoNextOccurrence() {
		assertNull(Event.of(form, "Once", LocalDate.of(2026, 3, 2)).nextOccurrence(LocalDate.of(2026, 3, 2)));
	}

	@Test
	void overdueMeansPastDuePlusLeewayAndNotDone() {
		Event event = Event.of(form, "Due", LocalDate.of(2026, 3, 10));
		event.setLeewayDays(5);

		assertFalse(event.isOverdue(LocalDate.of(2026, 3, 15)));
		assertTrue(event.isOverdue(LocalDate.of(2026, 3, 16)));
		event.setStatus(EventStatus.COMPLETED);
		assertFalse(event.isOverdue(LocalDate.of(2026, 3, 16)));
	}

	@Test
	void theRegisterSourceFiltersAndSortsInTheDatabase() {
		Event alpha = changes.create(placed(Event.of(form, "Filter alpha kitchen", LocalDate.of(2030, 1, 10)), site, yard));
		Event beta = changes.create(placed(Event.of(form, "Filter beta KITCHEN", LocalDate.of(2030, 1, 20)), north, null));
		Event gamma = changes.create(placed(Event.of(form, "Filter gamma office", LocalDate.of(2030, 2, 1)), south, null));
		changes.edit(Event.class, beta.getId(), e -> e.setStatus(EventStatus.SCHEDULED));
		JpaRecordSource<Event> all = new JpaRecordSource<>(database, Event.class, "dueDate", true);

		JpaRecordSource<Event> window = all.filteredBy(new EventFilter(Set.of(), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 31), Set.of(), null, "").toWhere());
		assertEquals(List.of(alpha, beta), window.fetch(0, 10));
		assertEquals(2, window.count());

		JpaRecordSource<Event> kitchen = all.filteredBy(new EventFilter(Set.of(), null, null, Set.of(), null, "kitchen").toWhere());
		assertEquals(List.of(beta, alpha), kitchen.sortedBy("title", false).fetch(0, 10));

		Set<String> northAndBelow = OrgUnitTree.load(database).subtree(north.getId());
		JpaRecordSource<Event> inNorth = all.filteredBy(new EventFilter(Set.of(EventStatus.TENTATIVE), null, null, northAndBelow, null, "").toWhere());
		assertEquals(List.of(alpha), inNorth.fetch(0, 10));

		JpaRecordSource<Event> atYard = all.filteredBy(new EventFilter(Set.of(), null, null, Set.of(), yard.getId(), "").toWhere());
		assertEquals(List.of(alpha), atYard.fetch(0, 10));
		assertFalse(all.filteredBy(new EventFilter(Set.of(), null, null, Set.of(), null, "100%_").toWhere()).fetch(0, 10).contains(gamma),
				"LIKE wildcards typed by the user match literally");
		assertThrows(IllegalArgumentException.class, () -> all.sortedBy("noSuchAttribute", true));
	}

	private static Event placed(Event event, OrgUnit unit, Location location) {
		event.setOrgUnitId(unit.getId());
		event.setLocationId(location == null ? null : location.getId());
		return event;
	}

	private static Event stored(Event event) {
		return stored(event.getId());
	}

	private static Event stored(String id) {
		return database.read(em -> em.find(Event.class, id));
	}
}
