package org.outpost.events.internal;

import java.util.List;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.events.Event;

/** Events take part in the Events sync kind. */
public final class EventsSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Event.class);
	}
}
