package org.outpost.events.ui.internal;

import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.ui.test.support.UserInput.click;
import static org.outpost.ui.test.support.UserInput.save;
import static org.outpost.ui.test.support.UserInput.select;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Permission;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventRules;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.events.Question;
import org.outpost.events.Recurrence;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.ui.test.support.ScriptedPrompts;
import org.outpost.ui.test.support.TestWindow;
import org.outpost.ui.test.support.UserInput;

/** The real Events register and editor under Xvfb, driven through their widgets, checked in the database. */
class EventEditingTest {

	private static LocalDatabase database;
	private static LocalChanges changes;
	private static Form form;
	private static OrgUnit unit;
	private static Location location;
	private static User editor;
	private static User viewer;

	@RegisterExtension
	final TestWindow window = new TestWindow(1200, 700);

	@BeforeAll
	static void fixtures() {
		database = Services.get(LocalDatabase.class);
		changes = new LocalChanges(database);
		List<AnswerOption> yesNo = List.of(new AnswerOption("Yes", 1), new AnswerOption("No", 0));
		form = changes.create(new Form("Kitchen hygiene", List.of(new Question("fridge", "Fridge below 5\u00b0C?", yesNo),
				new Question("hands", "Hand basin stocked?", yesNo))));
		unit = changes.create(new OrgUnit("UI Region", null));
		location = changes.create(new Location("UI Canteen", List.of(unit.getId())));
		Role inspector = changes.create(new Role("UI Inspector").grantAll(EventRules.MODULE));
		Role auditor = changes.create(new Role("UI Auditor").grant(EventRules.MODULE, Permission.VIEW));
		editor = user("ui-editor", "Edith Editor", inspector);
		viewer = user("ui-viewer", "Vic Viewer", auditor);
	}

	private static User user(String name, String display, Role role) {
		User user = new User(name, display);
		user.setRoleIds(List.of(role.getId()));
		return changes.create(user);
	}

	@Test
	void anOfficerCreatesAnswersAndCompletesAnEventThroughTheEditor() {
		new AccessPolicy(database).signIn(editor.getId());
		EventEditorDialog dialog = open(null, null);

		select(dialog.form, "Kitchen hygiene");
		dialog.title.setText("Canteen inspection");
		dialog.orgUnit.select(unit.getId());
		click(dialog.orgUnit.control());
		dialog.location.select(location.getId());
		click(dialog.location.control());
		dialog.dueDate.setText("2026-13-01");
		assertEquals("Write the due date as YYYY-MM-DD, e.g. " + java.time.LocalDate.now() + ".", dialog.getErrorMessage());
		assertFalse(dialog.saveButton().isEnabled());
		dialog.dueDate.setText("2026-12-01");
		dialog.performers.getItem(indexOf(dialog, "Edith Editor")).setChecked(true);
		click(dialog.performers);
		select(dialog.answers.get("fridge"), "Yes");
		assertEquals("Score: 50.0% of the form's best (2 points)", dialog.score.getText());
		select(dialog.status, "\u2192 Scheduled");
		assertNull(dialog.getErrorMessage());
		save(dialog);

		Event stored = only("Canteen inspection");
		assertEquals(EventStatus.SCHEDULED, stored.getStatus());
		assertEquals(unit.getId(), stored.getOrgUnitId());
		assertEquals(location.getId(), stored.getLocationId());
		assertEquals(List.of(editor.getId()), stored.getPerformerIds());
		assertEquals(Map.of("fridge", "Yes"), stored.getAnswers());
		OutboxEntry created = new Outbox(database).entriesFor("event", stored.getId()).get(0);
		assertEquals(Operation.CREATE, created.getOperation());
		assertEquals("SCHEDULED", created.changes().get("status"));

		// the officer comes back, answers the rest and completes it, offline
		new LocalChanges(database).write(c -> EventLifecycle.withInstalledGuards().moveTo(c, stored.getId(), EventStatus.IN_PROGRESS));
		EventEditorDialog again = open(stored.getId(), null);
		select(again.status, "\u2192 Completed");
		assertEquals("Answer question 2 (\u201cHand basin stocked?\u201d) before completing the event.", again.getErrorMessage());
		select(again.answers.get("hands"), "No");
		assertEquals("Score: 50.0% of the form's best (2 points)", again.score.getText());
		select(again.answers.get("hands"), "Yes");
		save(again);

		Event completed = only("Canteen inspection");
		assertEquals(EventStatus.COMPLETED, completed.getStatus());
		assertEquals(100.0, completed.getScorePercent());
		assertEquals(1, new Outbox(database).entriesFor("event", stored.getId()).size(), "still one unsent create, coalesced");
	}

	@Test
	void withoutEditPermissionTheEditorIsReadOnlyAndSaveSaysWhy() {
		Event event = changes.create(Event.of(form, "Read-only audit", null));
		AccessPolicy policy = new AccessPolicy(database);
		policy.signIn(viewer.getId());
		String reason = policy.check(EventRules.MODULE, EventRules.MODULE_LABEL, Permission.EDIT).reason();

		EventEditorDialog dialog = open(event.getId(), reason);

		assertTrue(dialog.isReadOnly());
		assertFalse(dialog.title.isEnabled());
		assertFalse(dialog.answers.get("fridge").isEnabled());
		assertFalse(dialog.saveButton().isEnabled());
		assertTrue(dialog.saveButton().getToolTipText().contains("Vic Viewer has the role UI Auditor, which does not allow 'Edit' in Events"),
				dialog.saveButton().getToolTipText());
		dialog.close();
	}

	@Test
	void theRegisterFiltersSortsAndTellsWhyNewIsDisabled() {
		changes.create(Event.of(form, "Register zeta fridge check", java.time.LocalDate.of(2031, 1, 1)));
		changes.create(Event.of(form, "Register alpha fridge check", java.time.LocalDate.of(2031, 2, 1)));
		new AccessPolicy(database).signIn(viewer.getId());
		EventRegisterPart part = new EventRegisterPart();
		part.create(window.shell(), database);
		window.shell().open();

		assertFalse(part.newEvent.isEnabled());
		assertTrue(part.newEvent.getToolTipText().contains("does not allow 'Create' in Events"), part.newEvent.getToolTipText());

		part.search.setText("FRIDGE CHECK");
		part.applyFilter();
		RunningWorkbench.spinUntil(window.shell().getDisplay(), () -> !part.register.loading(), "the filtered events");
		assertEquals(2, part.register.rowCount());
		assertEquals("Register zeta fridge check", ((Event) part.register.source().fetch(0, 1).get(0)).getTitle(), "soonest due first");

		TableColumn titleColumn = part.register.viewer().getTable().getColumn(0);
		part.register.sortBy(titleColumn);
		assertEquals("Register alpha fridge check", part.register.source().fetch(0, 1).get(0).getTitle());
		assertEquals(titleColumn, part.register.viewer().getTable().getSortColumn());
		part.register.sortBy(titleColumn);
		assertEquals("Register zeta fridge check", part.register.source().fetch(0, 1).get(0).getTitle(), "a second click reverses");
	}

	@Test
	void completingARecurringEventInTheEditorSchedulesTheNextOne() {
		new AccessPolicy(database).signIn(editor.getId());
		Event weekly = Event.of(form, "Weekly canteen check", java.time.LocalDate.of(2026, 11, 2));
		weekly.setRecurrence(Recurrence.WEEKLY);
		weekly.setOrgUnitId(unit.getId());
		changes.create(weekly);
		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		changes.write(c -> lifecycle.moveTo(c, weekly.getId(), EventStatus.SCHEDULED));
		changes.write(c -> lifecycle.moveTo(c, weekly.getId(), EventStatus.IN_PROGRESS));

		EventEditorDialog dialog = open(weekly.getId(), null);
		assertEquals("Weekly", dialog.recurrence.getText());
		select(dialog.answers.get("fridge"), "Yes");
		select(dialog.answers.get("hands"), "Yes");
		select(dialog.status, "\u2192 Completed");
		save(dialog);

		Event next = database.read(em -> em.find(Event.class, Event.nextOccurrenceId(weekly.getId())));
		assertEquals(java.time.LocalDate.of(2026, 11, 9), next.getDueDate());
		assertEquals(EventStatus.SCHEDULED, next.getStatus());
		assertEquals(Map.of(), next.getAnswers());
		assertEquals(Operation.CREATE, new Outbox(database).entriesFor("event", next.getId()).get(0).getOperation());
	}

	@Test
	void deleteFromTheRegisterAsksNamingTheEventAndQueuesATombstone() {
		Event event = changes.create(Event.of(form, "Register delete me", java.time.LocalDate.of(2032, 1, 1)));
		Outbox outbox = new Outbox(database);
		outbox.acknowledge(outbox.entriesFor("event", event.getId()).get(0).getMutationId()); // as if synced
		new AccessPolicy(database).signIn(editor.getId());
		EventRegisterPart part = new EventRegisterPart();
		part.create(window.shell(), database);
		assertFalse(part.delete.control().isEnabled(), "nothing selected");
		ScriptedPrompts prompts = ScriptedPrompts.answering(false, true); // No the first time
		part.delete.setPrompts(prompts);
		part.delete.select(event);
		assertTrue(part.delete.control().isEnabled());

		click(part.delete.control());
		assertFalse(database.read(em -> em.find(Event.class, event.getId())).isTombstone(), "No keeps it");
		click(part.delete.control());

		assertEquals("Delete the event \u201cRegister delete me\u201d? It is removed from this device now and from the server with the next sync.",
				prompts.told().get(0));
		assertEquals(2, prompts.told().size(), prompts.told().toString());
		assertTrue(database.read(em -> em.find(Event.class, event.getId())).isTombstone());
		assertEquals(List.of(Operation.DELETE), outbox.entriesFor("event", event.getId()).stream().map(OutboxEntry::getOperation).toList());
		assertFalse(part.delete.control().isEnabled(), "the deleted row is no longer selected");
	}

	@Test
	void withoutDeletePermissionDeleteIsDisabledAndSaysWhy() {
		Event event = changes.create(Event.of(form, "Viewer cannot delete", null));
		new AccessPolicy(database).signIn(viewer.getId());
		EventRegisterPart part = new EventRegisterPart();
		part.create(window.shell(), database);

		part.delete.select(event);

		assertFalse(part.delete.control().isEnabled());
		assertTrue(part.delete.control().getToolTipText().contains("does not allow 'Delete' in Events"), part.delete.control().getToolTipText());
	}

	private EventEditorDialog open(String eventId, String readOnlyReason) {
		return UserInput.open(new EventEditorDialog(window.shell(), database, EventLifecycle.withInstalledGuards(), eventId, readOnlyReason));
	}

	private static int indexOf(EventEditorDialog dialog, String performer) {
		for (int i = 0; i < dialog.performers.getItemCount(); i++) {
			if (dialog.performers.getItem(i).getText().equals(performer)) {
				return i;
			}
		}
		throw new AssertionError(performer + " is not offered as a performer");
	}

	private static Event only(String title) {
		List<Event> found = database.read(em -> em.createQuery("SELECT e FROM Event e WHERE e.title = :t", Event.class).setParameter("t", title)
				.getResultList());
		assertEquals(1, found.size());
		return found.get(0);
	}
}
