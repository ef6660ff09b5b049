package org.outpost.documents.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.documents.BlobStore;
import org.outpost.documents.Document;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.ContentTransfer;
import org.outpost.sync.engine.SyncProblem;
import org.outpost.sync.engine.TransferRefused;
import org.outpost.sync.engine.TransferSession;

/**
 * Document metadata and blobs travel with the Documents sync. A document's file is sent before its
 * record, so the server never holds a record whose file nobody can fetch: a record whose file
 * cannot be sent (too large, missing) stays queued and the run reports it. After the pull, the
 * files of the device's documents that are not on the device yet are fetched.
 */
public final class DocumentsSyncParticipant implements SyncParticipant, ContentTransfer {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Document.class);
	}

	@Override
	public Map<String, String> beforePush(TransferSession session, IProgressMonitor monitor) throws SyncProblem {
		Set<String> queued = session.queuedRecordIds("document");
		if (queued.isEmpty()) {
			return Map.of();
		}
		LocalDatabase database = session.database();
		BlobStore blobs = blobsOf(database);
		List<Document> documents = database.read(em -> em.createQuery("SELECT d FROM Document d WHERE d.id IN :ids AND d.tombstone = FALSE",
				Document.class).setParameter("ids", queued).getResultList());
		SubMonitor progress = SubMonitor.convert(monitor, "Sending files", kib(documents.stream().mapToLong(Document::getSize).sum()));
		Map<String, String> held = new LinkedHashMap<>();
		for (Document document : documents) {
			SubMonitor one = progress.split(kib(document.getSize()));
			if (!blobs.has(document.getSha256())) {
				held.put(document.getId(), document.getFileName() + " is not on this device");
			} else if (session.maxBlobBytes() > 0 && document.getSize() > session.maxBlobBytes()) {
				held.put(document.getId(), document.getFileName() + " has " + document.getSize() + " bytes; the server takes at most "
						+ session.maxBlobBytes());
			} else {
				try {
					one.subTask("Sending " + document.getFileName());
					session.upload(document.getSha256(), blobs.path(document.getSha256()), one);
				} catch (TransferRefused e) {
					held.put(document.getId(), document.getFileName() + ": " + e.getMessage());
				}
			}
		}
		return held;
	}

	@Override
	public void afterPull(TransferSession session, IProgressMonitor monitor) throws SyncProblem {
		LocalDatabase database = session.database();
		BlobStore blobs = blobsOf(database);
		Map<String, Document> missing = new LinkedHashMap<>();
		for (Document document : database.read(em -> em.createQuery("SELECT d FROM Document d WHERE d.tombstone = FALSE ORDER BY d.fileName",
				Document.class).getResultList())) {
			if (!blobs.has(document.getSha256())) {
				missing.putIfAbsent(document.getSha256(), document);
			}
		}
		List<Document> fetch = new ArrayList<>(missing.values());
		SubMonitor progress = SubMonitor.convert(monitor, "Receiving files", kib(fetch.stream().mapToLong(Document::getSize).sum()));
		for (Document document : fetch) {
			SubMonitor one = progress.split(kib(document.getSize()));
			Path part = blobs.partial(document.getSha256());
			try {
				one.subTask("Receiving " + document.getFileName());
				session.download(document.getSha256(), document.getSize(), part, one);
				blobs.adopt(document.getSha256(), part);
			} catch (TransferRefused | IllegalArgumentException e) {
				session.notDone(document.getFileName() + " could not be fetched: " + e.getMessage());
			}
		}
	}

	private static BlobStore blobsOf(LocalDatabase database) {
		return BlobStore.beside(Path.of(database.location()));
	}

	private static int kib(long bytes) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / 1024));
	}
}
