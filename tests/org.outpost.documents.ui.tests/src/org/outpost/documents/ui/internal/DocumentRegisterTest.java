package org.outpost.documents.ui.internal;

import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.documents.Attachments;
import org.outpost.documents.BlobStore;
import org.outpost.documents.Document;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.ui.test.support.ScriptedPrompts;
import org.outpost.ui.test.support.TestWindow;
import org.outpost.ui.test.support.UserInput;

/** The Documents register under Xvfb: every attachment with its owner, Save as, and Remove with its outbox entry and blob. */
class DocumentRegisterTest {

	private static LocalDatabase database;
	private static OrgUnit owner;

	@RegisterExtension
	final TestWindow window = new TestWindow(1000, 500);

	@BeforeAll
	static void signIn() {
		database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Role clerk = changes.create(new Role("Document clerk").grantAll(Attachments.MODULE));
		User user = new User("clerk", "Cleo Clerk");
		user.setRoleIds(List.of(clerk.getId()));
		new AccessPolicy(database).signIn(changes.create(user).getId());
		owner = changes.create(new OrgUnit("Documents depot", null));
	}

	@Test
	void theRegisterListsAttachmentsSavesACopyAndRemovesOneWithItsBlob() throws IOException {
		Attachments attachments = new Attachments(database);
		byte[] bytes = "site plan, revision 3".getBytes();
		Document plan = attachments.attach(owner, Files.write(Files.createTempFile("site-plan", ".txt"), bytes));
		DocumentRegisterPart part = new DocumentRegisterPart();
		part.create(window.shell(), database);
		// the register reads off the UI thread: wait for the rows and the count
		RunningWorkbench.spinUntil(window.shell().getDisplay(), () -> !part.register.loading() && part.register.rowCount() >= 1, "the documents register");

		assertTrue(part.register.source().fetch(0, 100).contains(plan));
		assertEquals("Orgunit " + owner.getId().substring(0, 8), DocumentRegisterPart.owner(plan));
		assertFalse(part.open.isEnabled(), "nothing selected");

		part.select(plan);
		Path copy = Files.createTempFile("copy", ".txt");
		part.saveSelectedAs(copy);
		assertArrayEquals(bytes, Files.readAllBytes(copy));
		assertEquals("", part.problem.getText());

		ScriptedPrompts prompts = ScriptedPrompts.yes();
		part.remove.setPrompts(prompts);
		UserInput.click(part.remove.control());

		assertEquals(List.of("Delete the attachment \u201c" + plan.getFileName() + "\u201d? It is removed from this device now and from the server with the next sync."),
				prompts.told());
		assertNull(database.read(em -> em.find(Document.class, plan.getId())), "never synced: gone with its create entry");
		assertTrue(new Outbox(database).entriesFor("document", plan.getId()).isEmpty());
		assertFalse(BlobStore.beside(Path.of(database.location())).has(plan.getSha256()), "no record names the blob any more");
	}

	@Test
	void removingASyncedAttachmentQueuesATombstoneAndKeepsTheBlobUntilTheDeleteIsAcknowledged() throws IOException {
		Attachments attachments = new Attachments(database);
		Document permit = attachments.attach(owner, Files.write(Files.createTempFile("permit", ".pdf"), new byte[] { '%', 'P', 'D', 'F', 9 }));
		Outbox outbox = new Outbox(database);
		outbox.acknowledge(outbox.entriesFor("document", permit.getId()).get(0).getMutationId()); // as if synced
		DocumentRegisterPart part = new DocumentRegisterPart();
		part.create(window.shell(), database);
		ScriptedPrompts prompts = ScriptedPrompts.yes();
		part.remove.setPrompts(prompts);

		part.select(permit);
		UserInput.click(part.remove.control());

		assertTrue(database.read(em -> em.find(Document.class, permit.getId())).isTombstone());
		assertEquals(Operation.DELETE, outbox.entriesFor("document", permit.getId()).get(0).getOperation());
		assertTrue(BlobStore.beside(Path.of(database.location())).has(permit.getSha256()), "the tombstone still names it");
		assertFalse(part.register.source().fetch(0, 100).contains(permit));
		assertEquals(List.of(), prompts.refusals());
	}
}
