package org.outpost.documents.internal;

import java.time.Duration;

import org.eclipse.core.runtime.ILog;
import org.outpost.documents.Attachments;
import org.outpost.persistence.LocalDatabase;

/**
 * At start, deletes the blobs no document record names any more (e.g. the attachments of records
 * deleted since), in the background. Blobs written in the last hour are left alone: an attach or a
 * download may not have committed its record yet.
 */
public final class OrphanBlobSweeper {

	private static final Duration SETTLE = Duration.ofHours(1);

	private LocalDatabase database;

	void setDatabase(LocalDatabase database) {
		this.database = database;
	}

	void activate() {
		Thread sweep = new Thread(() -> {
			try {
				int deleted = new Attachments(database).removeOrphanBlobs(SETTLE);
				if (deleted > 0) {
					ILog.of(OrphanBlobSweeper.class).info("Deleted " + deleted + " blobs no document needs any more");
				}
			} catch (RuntimeException e) {
				ILog.of(OrphanBlobSweeper.class).warn("Could not sweep the blob store: " + e.getMessage(), e);
			}
		}, "Outpost orphan blob sweep");
		sweep.setDaemon(true);
		sweep.start();
	}
}
