package org.outpost.documents.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.documents.Attachments;
import org.outpost.documents.BlobStore;
import org.outpost.documents.Document;
import org.outpost.findings.Finding;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Deletions;
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
		assertFalse(blobs.has(document.getSha256()), "no document names the blob any more");
	}

	@Test
	void aSharedBlobStaysUntilItsLastDocumentIsRemoved() throws IOException {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Finding finding = new LocalChanges(database).create(new Finding("Same photo twice"));
		Attachments attachments = new Attachments(database, new BlobStore(folder.resolve("blobs")));
		Document a = attachments.attach(finding, Files.writeString(folder.resolve("a.txt"), "shared bytes"));
		Document b = attachments.attach(finding, Files.writeString(folder.resolve("b.txt"), "shared bytes"));

		attachments.remove(a);
		assertTrue(Files.isRegularFile(attachments.content(b)), "b still needs it");
		attachments.remove(b);
		assertFalse(new BlobStore(folder.resolve("blobs")).has(b.getSha256()));
	}

	@Test
	void theSweepDeletesSettledOrphansOnlyAndNeverAPartialFile() throws IOException {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Finding finding = new LocalChanges(database).create(new Finding("Sweep"));
		BlobStore blobs = new BlobStore(folder.resolve("blobs"));
		Attachments attachments = new Attachments(database, blobs);
		Document kept = attachments.attach(finding, Files.writeString(folder.resolve("kept.txt"), "still attached"));
		String orphan = blobs.put(Files.writeString(folder.resolve("orphan.txt"), "nobody's")).sha256();
		String fresh = blobs.put(Files.writeString(folder.resolve("fresh.txt"), "record not committed yet")).sha256();
		Path partial = Files.writeString(folder.resolve("blobs").resolve("incoming-123.part"), "a transfer is writing this");
		FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
		Files.setLastModifiedTime(blobs.path(kept.getSha256()), old);
		Files.setLastModifiedTime(blobs.path(orphan), old);
		Files.setLastModifiedTime(partial, old);

		assertEquals(1, attachments.removeOrphanBlobs(Duration.ofHours(1)));

		assertFalse(blobs.has(orphan));
		assertTrue(blobs.has(kept.getSha256()));
		assertTrue(blobs.has(fresh), "written within the hour: its record may be on its way");
		assertTrue(Files.exists(partial));
	}

	@Test
	void deletingARecordDeletesItsAttachmentsWithIt() throws IOException {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Finding finding = changes.create(new Finding("Finding with a photo, deleted"));
		Attachments attachments = new Attachments(database, new BlobStore(folder.resolve("blobs")));
		Document photo = attachments.attach(finding, Files.writeString(folder.resolve("p.txt"), "photo"));

		Deletions.withInstalledRules().delete(changes, Finding.class, finding.getId());

		assertEquals(List.of(), attachments.of("finding", finding.getId()));
		assertNull(database.read(em -> em.find(Document.class, photo.getId())), "never synced: gone with its create entry");
		assertTrue(new Outbox(database).entriesFor("document", photo.getId()).isEmpty());
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
