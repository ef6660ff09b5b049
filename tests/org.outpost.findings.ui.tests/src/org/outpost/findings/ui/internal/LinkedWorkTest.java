package org.outpost.findings.ui.internal;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.ui.test.support.UserInput.click;
import static org.outpost.ui.test.support.UserInput.open;
import static org.outpost.ui.test.support.UserInput.save;
import static org.outpost.ui.test.support.UserInput.select;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.layout.GridLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.Form;
import org.outpost.events.Question;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.obligations.Obligation;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.ui.test.support.ScriptedPrompts;
import org.outpost.ui.test.support.TestWindow;

/**
 * Under Xvfb: findings raised and actions added from an Event's editor section, actions added to an
 * Obligation, an action linked through the picker, and Delete on the Actions register; each checked
 * in the database and the outbox.
 */
class LinkedWorkTest {

	private static LocalDatabase database;
	private static LocalChanges changes;
	private static Form form;

	@RegisterExtension
	final TestWindow window = new TestWindow(900, 600);

	@BeforeEach
	void panelsSideBySide() {
		window.shell().setLayout(new GridLayout(2, false));
	}

	@BeforeAll
	static void signIn() {
		database = Services.get(LocalDatabase.class);
		changes = new LocalChanges(database);
		form = changes.create(new Form("Linked work form", List.of(new Question("q", "Clean?", List.of(new AnswerOption("Yes", 1))))));
		Role role = changes.create(new Role("Linked work officer").grantAll(FindingRules.MODULE));
		User user = new User("linker", "Lin Linker");
		user.setRoleIds(List.of(role.getId()));
		new AccessPolicy(database).signIn(changes.create(user).getId());
	}

	@Test
	void aFindingIsRaisedAndAnActionAddedFromTheEventsEditorSection() {
		Event event = changes.create(Event.of(form, "Kitchen audit with findings", null));
		LinkedWorkPanel panel = new LinkedWorkPanel(window.shell(), database, "event", event.getId(), true);
		assertEquals(0, panel.findings.getItemCount());
		assertTrue(panel.raiseFinding.isEnabled());

		FindingEditorDialog finding = open(panel.raiseFindingEditor());
		finding.description.setText("Grease on the floor by the fryer");
		save(finding);
		panel.refresh();

		assertEquals(1, panel.findings.getItemCount());
		assertEquals("Grease on the floor by the fryer", panel.findings.getItem(0).getText(0));
		Finding stored = database.read(em -> FindingRules.findingsOfEvent(em, event.getId())).get(0);
		OutboxEntry findingEntry = new Outbox(database).entriesFor("finding", stored.getId()).get(0);
		assertEquals(Operation.CREATE, findingEntry.getOperation());
		assertEquals(event.getId(), findingEntry.changes().get("eventId"));

		ActionEditorDialog action = open(panel.addActionEditor());
		assertEquals(LinkPicker.Kind.EVENT, action.linkedTo.chosenKind());
		assertEquals(event.getId(), action.linkedTo.chosenId());
		action.description.setText("Degrease the kitchen floor every evening");
		save(action);
		panel.refresh();

		assertEquals(1, panel.actions.getItemCount());
		assertEquals("This event", panel.actions.getItem(0).getText(1));
		Action added = database.read(em -> FindingRules.actionsOfEvent(em, event.getId())).get(0);
		assertEquals(event.getId(), added.getEventId());
		assertEquals(event.getId(), new Outbox(database).entriesFor("action", added.getId()).get(0).changes().get("eventId"));
	}

	@Test
	void anObligationsEditorSectionListsItsActionsAndAddsOne() {
		Obligation obligation = changes.create(new Obligation("Annual boiler inspection certificate"));
		LinkedWorkPanel panel = new LinkedWorkPanel(window.shell(), database, "obligation", obligation.getId(), true);
		assertNull(panel.findings);
		assertNull(panel.raiseFinding);

		ActionEditorDialog action = open(panel.addActionEditor());
		assertEquals(LinkPicker.Kind.OBLIGATION, action.linkedTo.chosenKind());
		action.description.setText("Book the boiler inspector");
		save(action);
		panel.refresh();

		assertEquals(List.of("Book the boiler inspector"),
				database.read(em -> FindingRules.actionsOfObligation(em, obligation.getId())).stream().map(Action::getDescription).toList());
		assertEquals(1, panel.actions.getItemCount());
		assertEquals("This obligation", panel.actions.getItem(0).getText(1));
	}

	@Test
	void aStandaloneActionIsLinkedToAnObligationThroughThePicker() {
		Obligation obligation = changes.create(new Obligation("Picker target: waste carrier licence"));
		Action action = changes.create(new Action("Check the waste carrier", null));
		Outbox outbox = new Outbox(database);
		outbox.acknowledge(outbox.entriesFor("action", action.getId()).get(0).getMutationId()); // as if synced

		ActionEditorDialog editor = open(new ActionEditorDialog(window.shell(), database, action.getId(), LinkPicker.Kind.STANDALONE, null, null));
		assertEquals(LinkPicker.Kind.STANDALONE, editor.linkedTo.chosenKind());
		select(editor.linkedTo.kind, "Event");
		editor.linkedTo.search.setText("no event is called this");
		assertEquals("Choose the event the action fixes (type part of its name), or make it standalone.", editor.getErrorMessage());
		assertFalse(editor.saveButton().isEnabled());
		select(editor.linkedTo.kind, "Obligation");
		editor.linkedTo.search.setText("WASTE CARRIER");
		select(editor.linkedTo.target, "Picker target: waste carrier licence");
		save(editor);

		Action linked = database.read(em -> em.find(Action.class, action.getId()));
		assertEquals(obligation.getId(), linked.getObligationId());
		OutboxEntry update = outbox.entriesFor("action", action.getId()).get(0);
		assertEquals(Operation.UPDATE, update.getOperation());
		assertEquals(Map.of("obligationId", obligation.getId()), update.changes());
	}

	@Test
	void deletingTheLastActionOfANonConformanceIsRefusedWithItsReason() {
		Finding finding = new Finding("Refusal: exit blocked");
		finding.setNonConformance(true);
		Action only = new Action("Refusal: clear the exit", null);
		only.fixFinding(finding.getId());
		changes.write(c -> {
			c.create(finding);
			c.create(only);
			return null;
		});
		ActionRegisterPart part = new ActionRegisterPart();
		part.create(window.shell(), database);
		ScriptedPrompts prompts = ScriptedPrompts.yes();
		part.delete.setPrompts(prompts);

		part.delete.select(only);
		click(part.delete.control());

		assertEquals(List.of("Delete the action \u201cRefusal: clear the exit\u201d? It is removed from this device now and from the server with the next sync.",
				"Cannot delete the action \u201cRefusal: clear the exit\u201d: This is the last action of the non-conformance \u201cRefusal: exit blocked\u201d,"
						+ " which needs at least one: add another action first, or delete the finding."), prompts.told());
		assertFalse(database.read(em -> em.find(Action.class, only.getId())).isTombstone());
		assertEquals(Operation.CREATE, new Outbox(database).entriesFor("action", only.getId()).get(0).getOperation());
	}
}
