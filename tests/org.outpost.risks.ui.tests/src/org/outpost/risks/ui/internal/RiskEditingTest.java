package org.outpost.risks.ui.internal;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.persistence.LocalDatabase;
import org.outpost.risks.Risk;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.ui.test.support.ScriptedPrompts;
import org.outpost.ui.test.support.TestWindow;
import org.outpost.ui.test.support.UserInput;

/** The real Risk editor under Xvfb: validation, then a risk stored and queued. */
class RiskEditingTest {

	@RegisterExtension
	final TestWindow window = new TestWindow(900, 600);

	@Test
	void aRiskIsRatedInTheEditorAndTheResidualCannotExceedTheInherentRating() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		OrgUnit depot = changes.create(new OrgUnit("Risk depot", null));
		Role owner = changes.create(new Role("Risk owner").grantAll(Risk.MODULE));
		User user = new User("rick", "Rick Risk");
		user.setRoleIds(List.of(owner.getId()));
		new AccessPolicy(database).signIn(changes.create(user).getId());
		RiskEditorDialog dialog = UserInput.open(new RiskEditorDialog(window.shell(), database, null, null));
		dialog.title.setText("Forklift collision");
		dialog.orgUnit.select(depot.getId());
		UserInput.click(dialog.orgUnit.control());
		dialog.likelihood.setSelection(2);
		dialog.residualLikelihood.setSelection(3);
		UserInput.notify(dialog.residualLikelihood, SWT.Modify);
		assertEquals("The residual rating (3) cannot exceed the inherent rating (2): controls only lower a risk.", dialog.getErrorMessage());
		assertFalse(dialog.saveButton().isEnabled());

		dialog.consequence.setSelection(4);
		UserInput.notify(dialog.consequence, SWT.Modify);
		dialog.controls.setText("Walkways marked");
		UserInput.save(dialog);

		Risk stored = database.read(em -> em.createQuery("SELECT r FROM Risk r WHERE r.title = 'Forklift collision'", Risk.class).getSingleResult());
		assertEquals(8, stored.inherentRating());
		assertEquals(3, stored.residualRating());
		assertEquals(depot.getId(), stored.getOrgUnitId());
		assertEquals("Walkways marked", new Outbox(database).entriesFor("risk", stored.getId()).get(0).changes().get("controls"));
	}

	@Test
	void deleteFromTheRegisterIsConfirmedAndQueuedAsATombstone() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Role owner = changes.create(new Role("Risk remover").grantAll(Risk.MODULE));
		User user = new User("remy", "Remy Remover");
		user.setRoleIds(List.of(owner.getId()));
		new AccessPolicy(database).signIn(changes.create(user).getId());
		Risk risk = changes.create(new Risk("Retired conveyor belt"));
		Outbox outbox = new Outbox(database);
		outbox.acknowledge(outbox.entriesFor("risk", risk.getId()).get(0).getMutationId()); // as if synced
		RiskRegisterPart register = new RiskRegisterPart();
		register.create(window.shell(), database);
		ScriptedPrompts prompts = ScriptedPrompts.yes();
		register.delete.setPrompts(prompts);
		register.delete.select(risk);
		UserInput.click(register.delete.control());

		List<String> asked = prompts.told();
		assertTrue(asked.get(0).startsWith("Delete the risk \u201cRetired conveyor belt\u201d?"), asked.toString());
		assertTrue(database.read(em -> em.find(Risk.class, risk.getId())).isTombstone());
		assertEquals(Operation.DELETE, outbox.entriesFor("risk", risk.getId()).get(0).getOperation());
	}
}
