package org.outpost.findings.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.outpost.admin.User;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.RecordLookup;
import org.outpost.core.sync.WireScope;
import org.outpost.events.Event;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.findings.internal.FindingsSyncParticipant;

/** Findings and Actions are filed where their Event is; an Action's owner is its responsible user's name. */
class FindingsScopeTest {

	private static final LocalDate DUE = LocalDate.of(2026, 12, 24);

	private final FindingsSyncParticipant participant = new FindingsSyncParticipant();
	private final Event event = placedEvent();
	private final User dana = new User("dana", "Dana Demo");

	@Test
	void aFindingIsFiledAtItsEventsOrgUnitAndLocation() {
		Finding finding = new Finding("Blocked exit");
		finding.setEventId(event.getId());

		assertEquals(new WireScope(event.getOrgUnitId(), event.getLocationId(), null, null), participant.scopeOf(finding, holding(event)));
	}

	@Test
	void aFindingWithoutEventOnThisDeviceHasNoScope() {
		Finding standalone = new Finding("Loose cable");
		Finding ofUnknownEvent = new Finding("Wet floor");
		ofUnknownEvent.setEventId(UUID.randomUUID().toString());

		assertEquals(WireScope.NONE, participant.scopeOf(standalone, holding(event)));
		assertEquals(WireScope.NONE, participant.scopeOf(ofUnknownEvent, holding(event)));
	}

	@Test
	void anActionOfAFindingIsFiledAtTheFindingsEventWithItsDueDateAndTheResponsibleUsersName() {
		Finding finding = new Finding("Blocked exit");
		finding.setEventId(event.getId());
		Action action = new Action("Clear the exit", DUE);
		action.fixFinding(finding.getId());
		action.setResponsibleUserId(dana.getId());

		WireScope scope = participant.scopeOf(action, holding(event, finding, dana));

		assertEquals(new WireScope(event.getOrgUnitId(), event.getLocationId(), DUE, "dana"), scope);
	}

	@Test
	void anActionOfAnEventIsFiledAtThatEvent() {
		Action action = new Action("Repaint the lines", DUE);
		action.fixEvent(event.getId());

		assertEquals(new WireScope(event.getOrgUnitId(), event.getLocationId(), DUE, null), participant.scopeOf(action, holding(event)));
	}

	@Test
	void anActionWhoseUserThisDeviceDoesNotHoldHasNoOwner() {
		Action action = new Action("Order signs", null);
		action.fixObligation(UUID.randomUUID().toString());
		action.setResponsibleUserId(UUID.randomUUID().toString());

		assertEquals(WireScope.NONE, participant.scopeOf(action, holding(event, dana)));
	}

	private static Event placedEvent() {
		Event placed = new Event("Site inspection", DUE.minusDays(30));
		placed.setOrgUnitId(UUID.randomUUID().toString());
		placed.setLocationId(UUID.randomUUID().toString());
		return placed;
	}

	/** A device that holds just these records. */
	private static RecordLookup holding(SyncedRecord... records) {
		Map<String, SyncedRecord> byId = new HashMap<>();
		for (SyncedRecord record : records) {
			byId.put(record.getId(), record);
		}
		return new RecordLookup() {
			@Override
			public <T> T find(Class<T> type, String id) {
				SyncedRecord record = byId.get(id);
				return type.isInstance(record) ? type.cast(record) : null;
			}
		};
	}
}
