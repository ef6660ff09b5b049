package org.outpost.obligations.ui.internal;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Permission;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.obligations.Obligation;
import org.outpost.obligations.ObligationStatus;
import org.outpost.obligations.Obligations;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.ui.test.support.ScriptedPrompts;
import org.outpost.ui.test.support.TestWindow;
import org.outpost.ui.test.support.UserInput;

/** The real Obligation editor and register under Xvfb, checked in the database. */
class ObligationEditingTest {

	@RegisterExtension
	final TestWindow window = new TestWindow(900, 600);

	@Test
	void anObligationIsAddedThroughTheEditorAndAViewerMayNotAddOne() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Role librarian = changes.create(new Role("Librarian").grantAll(Obligations.MODULE));
		Role reader = changes.create(new Role("Reader").grant(Obligations.MODULE, Permission.VIEW));
		User editor = user(changes, "olga", "Olga Obligations", librarian);
		User viewer = user(changes, "rita", "Rita Reader", reader);
		AccessPolicy access = new AccessPolicy(database);
		access.signIn(editor.getId());
		ObligationEditorDialog dialog = UserInput.open(new ObligationEditorDialog(window.shell(), database, null, null));
		assertEquals("Name the obligation's topic.", dialog.getErrorMessage());
		dialog.topic.setText("Stormwater discharge permit");
		dialog.type.setText("Permit");
		dialog.authority.setText("Water Authority");
		dialog.riskScore.setSelection(12);
		dialog.status.select(ObligationStatus.PARTIALLY_COMPLIANT.ordinal());
		dialog.sources.setText("Permit SW-118\nSite drainage plan");
		UserInput.save(dialog);

		Obligation stored = database.read(em -> em.createQuery("SELECT o FROM Obligation o WHERE o.topic = 'Stormwater discharge permit'",
				Obligation.class).getSingleResult());
		assertEquals(12, stored.getRiskScore());
		assertEquals(ObligationStatus.PARTIALLY_COMPLIANT, stored.getStatus());
		assertEquals(List.of("Permit SW-118", "Site drainage plan"), stored.getSources());
		assertEquals("Water Authority", new Outbox(database).entriesFor("obligation", stored.getId()).get(0).changes().get("authority"));

		access.signIn(viewer.getId());
		ObligationRegisterPart register = new ObligationRegisterPart();
		register.create(window.shell(), database);
		assertFalse(register.newObligation.isEnabled());
		assertTrue(register.newObligation.getToolTipText().contains("Rita Reader has the role Reader, which does not allow 'Create' in Obligations"),
				register.newObligation.getToolTipText());
	}

	@Test
	void deleteIsConfirmedQueuedAsATombstoneAndDisabledWithoutThePermission() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Role keeper = changes.create(new Role("Obligation keeper").grantAll(Obligations.MODULE));
		Role noDelete = changes.create(new Role("No delete").grantAll(Obligations.MODULE).revoke(Obligations.MODULE, Permission.DELETE));
		User editor = user(changes, "keeper", "Kim Keeper", keeper);
		User limited = user(changes, "limited", "Lee Limited", noDelete);
		Obligation obligation = changes.create(new Obligation("Obsolete noise permit"));
		Outbox outbox = new Outbox(database);
		outbox.acknowledge(outbox.entriesFor("obligation", obligation.getId()).get(0).getMutationId()); // as if synced
		AccessPolicy access = new AccessPolicy(database);
		access.signIn(limited.getId());
		ObligationRegisterPart denied = new ObligationRegisterPart();
		denied.create(window.shell(), database);
		denied.delete.select(obligation);
		assertFalse(denied.delete.control().isEnabled());
		assertTrue(denied.delete.control().getToolTipText().contains("does not allow 'Delete' in Obligations"),
				denied.delete.control().getToolTipText());

		access.signIn(editor.getId());
		ObligationRegisterPart register = new ObligationRegisterPart();
		register.create(window.shell(), database);
		ScriptedPrompts prompts = ScriptedPrompts.yes();
		register.delete.setPrompts(prompts);
		register.delete.select(obligation);
		UserInput.click(register.delete.control());

		List<String> asked = prompts.told();
		assertTrue(asked.get(0).startsWith("Delete the obligation \u201cObsolete noise permit\u201d?"), asked.toString());
		assertTrue(database.read(em -> em.find(Obligation.class, obligation.getId())).isTombstone());
		assertEquals(Operation.DELETE, outbox.entriesFor("obligation", obligation.getId()).get(0).getOperation());
	}

	private static User user(LocalChanges changes, String name, String display, Role role) {
		User user = new User(name, display);
		user.setRoleIds(List.of(role.getId()));
		return changes.create(user);
	}
}
