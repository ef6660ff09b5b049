package org.outpost.findings.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;

/** Findings and the Actions that fix them take part in the Events sync kind, after Events. */
public final class FindingsSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Finding.class, Action.class);
	}
}
