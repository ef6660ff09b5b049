package org.outpost.server.internal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.outpost.server.ServerAdmin.BlobsSwept;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredBlob;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Removes blobs nobody will fetch: partial uploads no chunk reached for {@code uploadExpiry}, and
 * complete blobs that no live document record has referred to for {@code grace}. Each blob is
 * removed in its own transaction under the same row lock an upload takes, and its age is checked
 * again under that lock, so a blob whose upload is going on (each chunk renews its age) is never
 * removed.
 */
public final class BlobSweep {

	private BlobSweep() {
	}

	public static BlobsSwept run(ServerStore store, Duration uploadExpiry, Duration grace, Instant now) {
		long uploadCutoff = now.minus(uploadExpiry).toEpochMilli();
		long graceCutoff = now.minus(grace).toEpochMilli();
		List<String> candidates = store.read(em -> em
				.createQuery("SELECT b.sha256 FROM StoredBlob b WHERE (b.complete = FALSE AND b.changedAt <= :upload) OR (b.complete = TRUE AND b.changedAt <= :grace)",
						String.class)
				.setParameter("upload", uploadCutoff).setParameter("grace", graceCutoff).getResultList());
		int partial = 0;
		int unreferenced = 0;
		long bytes = 0;
		for (String sha256 : candidates) {
			StoredBlob removed = store.write(em -> removeIfStale(em, sha256, uploadCutoff, graceCutoff));
			if (removed != null) {
				if (removed.isComplete()) {
					unreferenced++;
				} else {
					partial++;
				}
				bytes += removed.getReceived();
			}
		}
		return new BlobsSwept(partial, unreferenced, bytes);
	}

	/** @return the removed blob, or null when it is gone or no longer stale */
	private static StoredBlob removeIfStale(EntityManager em, String sha256, long uploadCutoff, long graceCutoff) {
		StoredBlob blob = em.find(StoredBlob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
		if (blob == null) {
			return null;
		}
		boolean stale = blob.isComplete() ? blob.getChangedAt() <= graceCutoff && unreferencedSince(em, sha256, graceCutoff)
				: blob.getChangedAt() <= uploadCutoff;
		if (!stale) {
			return null;
		}
		em.createQuery("DELETE FROM BlobChunk c WHERE c.sha256 = :sha").setParameter("sha", sha256).executeUpdate();
		em.remove(blob);
		return blob;
	}

	/** No live document refers to the blob, and none that did was changed (deleted, pointed elsewhere) after the cutoff. */
	private static boolean unreferencedSince(EntityManager em, String sha256, long cutoff) {
		if (!BlobReferences.liveDocuments(em, sha256).isEmpty()) {
			return false;
		}
		Long lastChange = em.createQuery("SELECT MAX(r.changedAt) FROM StoredRecord r WHERE r.blobSha256 = :sha", Long.class)
				.setParameter("sha", sha256).getSingleResult();
		return lastChange == null || lastChange <= cutoff;
	}
}
