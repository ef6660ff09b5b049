package org.outpost.obligations.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.obligations.Obligation;

/** The Obligations register is reference data: it syncs with the Admin kind. */
public final class ObligationsSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Obligation.class);
	}
}
