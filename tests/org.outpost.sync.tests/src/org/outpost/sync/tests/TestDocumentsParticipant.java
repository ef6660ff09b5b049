package org.outpost.sync.tests;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;

/** A participant contributed the way a third-party module would. */
public final class TestDocumentsParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of();
	}
}
