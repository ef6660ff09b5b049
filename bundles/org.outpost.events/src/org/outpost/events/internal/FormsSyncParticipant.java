package org.outpost.events.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.events.Form;

/** Forms are templates the web application maintains: they travel with the Admin sync (DESIGN.md §3). */
public final class FormsSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Form.class);
	}
}
