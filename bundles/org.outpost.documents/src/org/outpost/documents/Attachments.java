package org.outpost.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;

/** Attaches files to any synced record, and opens, saves and removes them. */
public final class Attachments {

	/** The module's key in role permissions. */
	public static final String MODULE = "documents";
	public static final String MODULE_LABEL = "Documents";

	private final LocalDatabase database;
	private final BlobStore blobs;

	public Attachments(LocalDatabase database, BlobStore blobs) {
		this.database = Objects.requireNonNull(database, "database");
		this.blobs = Objects.requireNonNull(blobs, "blobs");
	}

	/** With the blob store beside the local database. */
	public Attachments(LocalDatabase database) {
		this(database, BlobStore.beside(Path.of(database.location())));
	}

	/** Stores the file's bytes, then its metadata record and outbox entry (one transaction). */
	public <T extends SyncedRecord & Syncable> Document attach(T owner, Path file) {
		BlobStore.Blob blob = blobs.put(file);
		Document document = new Document(owner.wireType(), owner.getId(), file.getFileName().toString(), mediaType(file), blob.size(), blob.sha256());
		return new LocalChanges(database).create(document);
	}

	/** The live documents of a record, by file name. */
	public List<Document> of(String ownerType, String ownerId) {
		return database.read(em -> em.createQuery("SELECT d FROM Document d WHERE d.ownerType = :type AND d.ownerId = :id AND d.tombstone = FALSE"
				+ " ORDER BY d.fileName", Document.class).setParameter("type", ownerType).setParameter("id", ownerId).getResultList());
	}

	/** Where the document's bytes are, to open them. @throws IllegalStateException when they are not on this device */
	public Path content(Document document) {
		if (!blobs.has(document.getSha256())) {
			throw new IllegalStateException("The file " + document.getFileName() + " is not on this device yet: run a Documents sync.");
		}
		return blobs.path(document.getSha256());
	}

	/** Saves a copy of the document's bytes to {@code target} (replacing it). */
	public void saveAs(Document document, Path target) {
		try {
			Files.copy(content(document), target, StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot save " + document.getFileName() + " to " + target + ": " + e.getMessage(), e);
		}
	}

	/** The live documents on this device, by file name (the Documents register's rows). */
	public JpaRecordSource<Document> all() {
		return new JpaRecordSource<>(database, Document.class, "fileName", true);
	}

	/**
	 * Removes the attachment (the record becomes a tombstone and the delete is queued) under every
	 * module's deletion rules. Its blob goes too once no document record names it any more.
	 */
	public void remove(Document document) {
		Deletions.withInstalledRules().delete(new LocalChanges(database), Document.class, document.getId());
		if (!isNamed(document.getSha256())) {
			blobs.delete(document.getSha256());
		}
	}

	/**
	 * Deletes the blobs no document record (live, or deleted but not yet acknowledged) names any
	 * more and that were last written more than {@code settle} ago.
	 *
	 * @return how many blobs were deleted
	 */
	public int removeOrphanBlobs(Duration settle) {
		Set<String> named = new HashSet<>(database.read(em -> em.createQuery("SELECT DISTINCT d.sha256 FROM Document d", String.class).getResultList()));
		return blobs.sweep(named::contains, Instant.now().minus(settle));
	}

	private boolean isNamed(String sha256) {
		return database.read(em -> em.createQuery("SELECT COUNT(d) FROM Document d WHERE d.sha256 = :sha", Long.class).setParameter("sha", sha256)
				.getSingleResult()) > 0;
	}

	private static String mediaType(Path file) {
		try {
			String probed = Files.probeContentType(file);
			if (probed != null) {
				return probed;
			}
		} catch (IOException e) {
			// fall back to the extension below
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
				: name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".txt") ? "text/plain" : "application/octet-stream";
	}
}
