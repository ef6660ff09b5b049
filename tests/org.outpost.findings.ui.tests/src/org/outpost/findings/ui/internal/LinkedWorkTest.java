package org.outpost.findings.ui.internal;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.editor.RecordEditorDialog;

/**
 * Under Xvfb: findings raised and actions added from an Event's editor section, actions added to an
 * Obligation, an action linked through the picker, and Delete on the Actions register; each checked
 * in the database and the outbox.
 */
class LinkedWorkTest {

	private static LocalDatabase database;
	private static LocalChanges changes;
	private static Form form;

	private Display display;
	private Shell shell;

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

	@BeforeEach
	void window() {
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new GridLayout(2, false));
		shell.setSize(900, 600);
	}

	@AfterEach
	void close() {
		shell.dispose();
		while (display.readAndDispatch()) {
			// finish disposals
		}
	}

	@Test
	void aFindingIsRaisedAndAnActionAddedFromTheEventsEditorSection() {
		Event event = changes.create(Event.of(form, "Kitchen audit with findings", null));
		LinkedWorkPanel panel = new LinkedWorkPanel(shell, database, "event", event.getId(), true);
		assertEquals(0, panel.findings.getItemCount());
		assertTrue(panel.raiseFinding.isEnabled());

		FindingEditorDialog finding = open(panel.raiseFindingEditor());
		finding.description.setText("Grease on the floor by the fryer");
		press(finding);
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
		press(action);
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
		LinkedWorkPanel panel = new LinkedWorkPanel(shell, database, "obligation", obligation.getId(), true);
		assertNull(panel.findings);
		assertNull(panel.raiseFinding);

		ActionEditorDialog action = open(panel.addActionEditor());
		assertEquals(LinkPicker.Kind.OBLIGATION, action.linkedTo.chosenKind());
		action.description.setText("Book the boiler inspector");
		press(action);
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

		ActionEditorDialog editor = open(new ActionEditorDialog(shell, database, action.getId(), LinkPicker.Kind.STANDALONE, null, null));
		assertEquals(LinkPicker.Kind.STANDALONE, editor.linkedTo.chosenKind());
		select(editor.linkedTo.kind, "Event");
		editor.linkedTo.search.setText("no event is called this");
		assertEquals("Choose the event the action fixes (type part of its name), or make it standalone.", editor.getErrorMessage());
		assertFalse(editor.saveButton().isEnabled());
		select(editor.linkedTo.kind, "Obligation");
		editor.linkedTo.search.setText("WASTE CARRIER");
		select(editor.linkedTo.target, "Picker target: waste carrier licence");
		press(editor);

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
		part.create(shell, database);
		List<String> told = new ArrayList<>();
		part.delete.setPrompts(new DeleteButton.Prompts() {
			@Override
			public boolean confirm(String question) {
				told.add(question);
				return true;
			}

			@Override
			public void refuse(String reason) {
				told.add(reason);
			}
		});

		part.delete.select(only);
		fire(part.delete.control());

		assertEquals(List.of("Delete the action \u201cRefusal: clear the exit\u201d? It is removed from this device now and from the server with the next sync.",
				"Cannot delete the action \u201cRefusal: clear the exit\u201d: This is the last action of the non-conformance \u201cRefusal: exit blocked\u201d,"
						+ " which needs at least one: add another action first, or delete the finding."), told);
		assertFalse(database.read(em -> em.find(Action.class, only.getId())).isTombstone());
		assertEquals(Operation.CREATE, new Outbox(database).entriesFor("action", only.getId()).get(0).getOperation());
	}

	private static <D extends RecordEditorDialog> D open(D dialog) {
		dialog.setBlockOnOpen(false);
		dialog.open();
		return dialog;
	}

	private static void select(Combo combo, String item) {
		int index = combo.indexOf(item);
		assertTrue(index >= 0, "'" + item + "' is among " + List.of(combo.getItems()));
		combo.select(index);
		fire(combo);
	}

	private static void fire(Widget widget) {
		widget.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	private static void press(RecordEditorDialog dialog) {
		assertTrue(dialog.saveButton().isEnabled(), "Save is enabled; the editor says: " + dialog.getErrorMessage());
		fire(dialog.saveButton());
		assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(), "the editor closed after saving: " + dialog.getErrorMessage());
	}
}
