package org.outpost.risks.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.admin.User;
import org.outpost.core.record.Syncable;
import org.outpost.core.sync.RecordLookup;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.core.sync.WireScope;
import org.outpost.risks.Risk;

/** Risks travel with the Events sync ("Sync All Risks" in the device's sync settings widens their scope). */
public final class RisksSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Risk.class);
	}

	/** A Risk is filed under its org unit and owned by its owner's user name: Sync All Risks filters on the owner. */
	@Override
	public WireScope scopeOf(Syncable record, RecordLookup lookup) {
		Risk risk = (Risk) record;
		User owner = risk.getOwnerUserId() == null ? null : lookup.find(User.class, risk.getOwnerUserId());
		return new WireScope(risk.getOrgUnitId(), null, null, owner == null ? null : owner.getUserName());
	}
}
