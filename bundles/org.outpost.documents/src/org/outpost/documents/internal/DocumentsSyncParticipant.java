package org.outpost.documents.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.documents.Document;

/** Document metadata and blobs travel with the Documents sync. */
public final class DocumentsSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Document.class);
	}
}
