package org.outpost.findings.ui.internal;

import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.ui.test.support.UserInput.click;
import static org.outpost.ui.test.support.UserInput.open;
import static org.outpost.ui.test.support.UserInput.save;
import static org.outpost.ui.test.support.UserInput.select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.documents.Document;
import org.outpost.findings.Action;
import org.outpost.findings.ActionStatus;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.ui.test.support.TestWindow;

/** The real Finding and Action editors and the Actions part under Xvfb, checked in the database. */
class FindingEditingTest {

	private static LocalDatabase database;
	private static User officer;

	@RegisterExtension
	final TestWindow window = new TestWindow(900, 600);

	@BeforeAll
	static void signIn() {
		database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Role role = changes.create(new Role("Findings officer").grantAll(FindingRules.MODULE));
		User user = new User("finder", "Fran Finder");
		user.setRoleIds(List.of(role.getId()));
		officer = changes.create(user);
		new AccessPolicy(database).signIn(officer.getId());
	}

	@Test
	void aNonConformanceIsRaisedWithItsFirstActionAndTheActionIsCompletedAndReopened() throws IOException {
		FindingEditorDialog finding = open(new FindingEditorDialog(window.shell(), database, null, null, null));
		finding.description.setText("Fire door wedged open");
		finding.nonConformance.setSelection(true);
		click(finding.nonConformance);
		assertEquals("A non-conformance needs at least one Action: describe the first action.", finding.getErrorMessage());
		assertFalse(finding.saveButton().isEnabled());
		select(finding.risk.likelihood, "4 Likely");
		select(finding.risk.consequence, "5 Severe");
		assertEquals("= Extreme (20)", finding.risk.rating.getText().strip());
		finding.firstAction.setText("Remove the wedge and brief the staff");
		finding.firstActionDue.control().setText("2026-12-24");
		save(finding);

		Finding stored = database.read(em -> em.createQuery("SELECT f FROM Finding f WHERE f.description = 'Fire door wedged open'", Finding.class)
				.getSingleResult());
		assertEquals(20, stored.getRisk().score());
		List<Action> actions = database.read(em -> FindingRules.actionsOf(em, stored.getId()));
		assertEquals(1, actions.size());
		assertEquals(LocalDate.of(2026, 12, 24), actions.get(0).getDueDate());
		assertEquals(1, new Outbox(database).entriesFor("finding", stored.getId()).size());
		assertEquals(1, new Outbox(database).entriesFor("action", actions.get(0).getId()).size());

		// the officer attaches a photo to the finding from its editor
		FindingEditorDialog photoEditor = open(new FindingEditorDialog(window.shell(), database, stored.getId(), null, null));
		Path photo = Files.write(Files.createTempFile("door", ".png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 7 });
		photoEditor.attachments.add(photo);
		assertEquals("", photoEditor.attachments.problem());
		assertEquals(1, photoEditor.attachments.documents().size());
		Document attached = photoEditor.attachments.documents().get(0);
		assertEquals(5, attached.getSize());
		assertEquals(Operation.CREATE, new Outbox(database).entriesFor("document", attached.getId()).get(0).getOperation());
		photoEditor.close();

		ActionRegisterPart part = new ActionRegisterPart();
		part.create(window.shell(), database);
		part.findingSelected(stored);
		RunningWorkbench.spinUntil(Display.getCurrent(), () -> !part.register.loading(), "the finding's actions");
		assertEquals(1, part.register.rowCount());
		assertTrue(part.heading.getText().endsWith("Fire door wedged open"));

		String actionId = actions.get(0).getId();
		for (String step : List.of("\u2192 In progress", "\u2192 Complete")) {
			ActionEditorDialog action = open(new ActionEditorDialog(window.shell(), database, actionId, LinkPicker.Kind.FINDING, stored.getId(), null));
			select(action.status, step);
			save(action);
		}
		assertEquals(ActionStatus.COMPLETE, database.read(em -> em.find(Action.class, actionId)).getStatus());
		assertEquals(100, database.read(em -> em.find(Action.class, actionId)).getProgress());
		ActionEditorDialog reopen = open(new ActionEditorDialog(window.shell(), database, actionId, LinkPicker.Kind.FINDING, stored.getId(), null));
		select(reopen.status, "\u21ba Reopen");
		save(reopen);
		assertEquals(ActionStatus.IN_PROGRESS, database.read(em -> em.find(Action.class, actionId)).getStatus());
	}
}
