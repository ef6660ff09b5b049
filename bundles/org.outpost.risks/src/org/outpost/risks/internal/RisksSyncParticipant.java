package org.outpost.risks.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.risks.Risk;

/** Risks travel with the Events sync ("Sync All Risks" in the device's sync settings widens their scope). */
public final class RisksSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Risk.class);
	}
}
