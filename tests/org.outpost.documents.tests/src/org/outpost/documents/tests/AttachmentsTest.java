package org.outpost.documents.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.documents.Attachments;
import org.outpost.documents.BlobStore;
import org.outpost.documents.Document;
import org.outpost.findings.Finding;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;

/** Attaching files to records: metadata in the real database, bytes in a content-addressed store on disk. */
class AttachmentsTest {

	@TempDir
	Path folder;

	@Test
	void aPhotoIsAttachedToAFindingOpenedSavedAndRemoved() throws IOException, NoSuchAlgorithmException {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Finding finding = new LocalChanges(database).create(new Finding("Cracked step at the entrance"));
		byte[] bytes = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5 };
		Path photo = Files.write(folder.resolve("step.png"), bytes);
		BlobStore blobs = new BlobStore(folder.resolve("blobs"));
		Attachments attachments = new Attachments(database, blobs);

		Document document = attachments.attach(finding, photo);

		assertEquals("finding", document.getOwnerType());
		assertEquals("step.png", document.getFileName());
		assertEquals("image/png", document.getMediaType());
		assertEquals(9, document.getSize());
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), document.getSha256());
		assertArrayEquals(bytes, Files.readAllBytes(attachments.content(document)));
		assertEquals(blobs.path(document.getSha256()), attachments.content(document));
		assertEquals(List.of(document), attachments.of("finding", finding.getId()));
		assertEquals(Operation.CREATE, new Outbox(database).entriesFor("document", document.getId()).get(0).getOperation());

		Path copy = folder.resolve("copy.png");
		attachments.saveAs(document, copy);
		assertArrayEquals(bytes, Files.readAllBytes(copy));

		attachments.remove(document);
		assertEquals(List.of(), attachments.of("finding", finding.getId()));
		assertTrue(blobs.has(document.getSha256()), "the blob stays: other records may share it");
	}

	@Test
	void theSameContentIsStoredOnceAndAMissingBlobSaysWhatToDo() throws IOException {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Finding finding = new LocalChanges(database).create(new Finding("Two photos, same bytes"));
		BlobStore blobs = new BlobStore(folder.resolve("blobs"));
		Attachments attachments = new Attachments(database, blobs);
		Path first = Files.writeString(folder.resolve("a.txt"), "same content");
		Path second = Files.writeString(folder.resolve("b.txt"), "same content");

		Document a = attachments.attach(finding, first);
		Document b = attachments.attach(finding, second);

		assertEquals(a.getSha256(), b.getSha256());
		try (var stored = Files.walk(folder.resolve("blobs"))) {
			assertEquals(1, stored.filter(Files::isRegularFile).count());
		}
		Files.delete(blobs.path(a.getSha256()));
		IllegalStateException missing = assertThrows(IllegalStateException.class, () -> attachments.content(a));
		assertTrue(missing.getMessage().contains("run a Documents sync"), missing.getMessage());
	}
}
