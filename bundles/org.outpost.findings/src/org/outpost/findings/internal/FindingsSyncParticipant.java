package org.outpost.findings.internal;

import java.time.LocalDate;
import java.util.List;

import org.outpost.admin.User;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;
import org.outpost.core.sync.RecordLookup;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.core.sync.WireScope;
import org.outpost.events.Event;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;

/**
 * Findings and the Actions that fix them take part in the Events sync kind, after Events. Neither
 * has an org unit or location of its own: both are filed where their Event is.
 */
public final class FindingsSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(Finding.class, Action.class);
	}

	@Override
	public WireScope scopeOf(Syncable record, RecordLookup lookup) {
		return switch (record) {
		case Finding finding -> atEvent(eventOf(finding, lookup), null, null);
		case Action action -> atEvent(eventOf(action, lookup), action.getDueDate(), responsibleUserName(action, lookup));
		default -> SyncParticipant.super.scopeOf(record, lookup);
		};
	}

	private static WireScope atEvent(Event event, LocalDate dueDate, String owner) {
		return event == null ? new WireScope(null, null, dueDate, owner)
				: new WireScope(event.getOrgUnitId(), event.getLocationId(), dueDate, owner);
	}

	private static Event eventOf(Finding finding, RecordLookup lookup) {
		return finding == null || finding.getEventId() == null ? null : lookup.find(Event.class, finding.getEventId());
	}

	/** The Event of the action's Finding, else the Event it fixes directly. */
	private static Event eventOf(Action action, RecordLookup lookup) {
		if (action.getFindingId() != null) {
			return eventOf(lookup.find(Finding.class, action.getFindingId()), lookup);
		}
		return action.getEventId() == null ? null : lookup.find(Event.class, action.getEventId());
	}

	/** The server's scope rules compare an action's owner with the user name, not the user id. */
	private static String responsibleUserName(Action action, RecordLookup lookup) {
		User user = action.getResponsibleUserId() == null ? null : lookup.find(User.class, action.getResponsibleUserId());
		return user == null ? null : user.getUserName();
	}
}
