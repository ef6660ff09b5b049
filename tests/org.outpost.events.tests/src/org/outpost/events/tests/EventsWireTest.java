package org.outpost.events.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.test.support.WireRoundTrip.assertRoundTrip;
import static org.outpost.test.support.WireRoundTrip.overTheWire;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.events.Question;
import org.outpost.events.Recurrence;
import org.outpost.persistence.LocalDatabase;

/** Events and Forms take back, through JSON as the wire carries it, exactly the fields they give. */
class EventsWireTest {

	private static final Form FORM = new Form("Site inspection",
			List.of(new Question("exits", "Are the exits clear?", List.of(new AnswerOption("Yes", 2), new AnswerOption("No", 0))),
					new Question("signs", "Are the signs visible?", List.of(new AnswerOption("Yes", 1), new AnswerOption("Partly", 0)))));

	@Test
	void anEventRoundTrips() {
		assertRoundTrip(answeredEvent(), new Event("Placeholder", null));
	}

	@Test
	void aFormRoundTrips() {
		assertRoundTrip(FORM, new Form("Placeholder", List.of()));
	}

	@Test
	void wholeNumbersMayArriveAsDecimals() {
		Event event = new Event("Audit", null);

		event.applySyncedFields(Map.of("leewayDays", 4.0, "scorePercent", 75));

		assertEquals(4, event.getLeewayDays());
		assertEquals(75.0, event.getScorePercent());
	}

	@Test
	void aValueThatCannotBeReadNamesTheFieldAndTheValue() {
		Event event = new Event("Audit", null);

		IllegalArgumentException leeway = assertThrows(IllegalArgumentException.class, () -> event.applySyncedFields(Map.of("leewayDays", 2.5)));
		IllegalArgumentException status = assertThrows(IllegalArgumentException.class, () -> event.applySyncedFields(Map.of("status", "DONE")));
		IllegalArgumentException due = assertThrows(IllegalArgumentException.class, () -> event.applySyncedFields(Map.of("dueDate", "27/11/2026")));

		assertTrue(leeway.getMessage().contains("'leewayDays'") && leeway.getMessage().contains("2.5"), leeway.getMessage());
		assertTrue(status.getMessage().contains("'status'") && status.getMessage().contains("'DONE'"), status.getMessage());
		assertTrue(due.getMessage().contains("'dueDate'") && due.getMessage().contains("'27/11/2026'"), due.getMessage());
	}

	@Test
	void aMalformedQuestionNamesTheField() {
		Form form = new Form("Placeholder", List.of());

		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> form.applySyncedFields(Map.of("questions", List.of(Map.of("id", "q", "text", "No options?")))));

		assertTrue(refused.getMessage().contains("'questions'"), refused.getMessage());
	}

	@Test
	void theServersStatusAppliesWhereTheLifecycleWouldRefuseIt() {
		Event tentative = new Event("Audit", LocalDate.of(2026, 11, 27));
		assertFalse(tentative.getStatus().canMoveTo(EventStatus.VERIFIED));

		// verified on the web, with answers to a form this device has never seen
		tentative.applySyncedFields(Map.of("status", "VERIFIED", "answers", Map.of("unknown-question", "Maybe"), "formId", "not-here"));

		assertEquals(EventStatus.VERIFIED, tentative.getStatus());
		assertEquals(Map.of("unknown-question", "Maybe"), tentative.getAnswers());
		assertEquals(LocalDate.of(2026, 11, 27), tentative.getDueDate(), "absent fields keep their values");
	}

	@Test
	void theAnswersReadAreTheCurrentOnesAndTheCallersOwn() {
		Event event = answeredEvent();
		Map<String, String> read = event.getAnswers();
		read.put("exits", "No");
		assertEquals(Map.of("exits", "Yes", "signs", "Partly"), event.getAnswers(), "changing what was read changes nothing");

		event.answer(FORM, "exits", "No");
		assertEquals(Map.of("exits", "No", "signs", "Partly"), event.getAnswers());
		event.applySyncedFields(Map.of("answers", Map.of("signs", "Yes")));
		assertEquals(Map.of("signs", "Yes"), event.getAnswers());
		assertEquals(Map.of("signs", "Yes"), event.syncedFields().get("answers"));
		event.applySyncedFields(Map.of("title", "Site inspection South"));
		assertEquals(Map.of("signs", "Yes"), event.getAnswers(), "fields without the answers keep them");
		event.setFormId("another-form");
		assertEquals(Map.of(), event.getAnswers(), "answers belong to the old form's questions");
	}

	@Test
	void aPulledEventIsStoredAndReadBackAsTheServerSentIt() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Event sent = answeredEvent();
		Event pulled = new Event("Placeholder", null);
		pulled.setId(sent.getId());
		pulled.applySyncedFields(overTheWire(sent.syncedFields()));

		database.write(em -> {
			em.persist(pulled);
			return null;
		});

		assertEquals(sent.syncedFields(), database.read(em -> em.find(Event.class, sent.getId())).syncedFields());
	}

	private static Event answeredEvent() {
		Event event = Event.of(FORM, "Site inspection North", LocalDate.of(2026, 12, 1));
		event.setOrgUnitId(UUID.randomUUID().toString());
		event.setLocationId(UUID.randomUUID().toString());
		event.setLeewayDays(3);
		event.setRecurrence(Recurrence.MONTHLY);
		event.setPerformerIds(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
		event.setStatus(EventStatus.IN_PROGRESS);
		event.answer(FORM, "exits", "Yes");
		event.answer(FORM, "signs", "Partly");
		return event;
	}
}
