package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.sync.engine.ChangedRecord;
import org.outpost.sync.engine.Discarded;
import org.outpost.sync.engine.Discards;
import org.outpost.sync.engine.RejectedChange;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.test.support.ServerFixture;

/**
 * Discarding local changes, queued or refused by the server: the record goes back to its last
 * synced values (a record made here goes, a deleted one comes back), and an undo right after puts
 * the changes back in the queue, at their places, from where they still reach the server. What
 * was made here under a record made here goes with it.
 */
class DiscardEndToEndTest {

	private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(3);

	private ServerFixture server;
	private Desktop desktop;
	private Discards discards;

	@BeforeEach
	void deviceAfterItsInitialSync() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		discards = desktop.engine.discards();
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	private SyncReport sync() {
		return desktop.engine.sync(SyncRequest.of(SyncKind.EVENTS, SyncRequest.MANUAL), new NullProgressMonitor());
	}

	/** The queued changes' record ids, in queue order. */
	private List<String> queue() {
		return new Outbox(desktop.database).fetch(0, 100).stream().map(OutboxEntry::getRecordId).toList();
	}

	private static ChangedRecord event(String id) {
		return new ChangedRecord("event", id);
	}

	@Test
	void aDiscardedEditGoesBackToTheSyncedValuesAndItsUndoStillReachesTheServer() {
		String id = server.webEvent("Boiler room inspection", server.north, SOON);
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Boiler room inspection, moved"));
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Boiler room inspection, moved twice"));

		List<String> lost = discards.whatIsLost(List.of(event(id)));
		assertEquals(List.of("event: Boiler room inspection, moved twice: changes to title go back to the last synced values"), lost);
		Discarded discarded = discards.discard(List.of(event(id)));

		assertEquals("Boiler room inspection", desktop.find(Event.class, id).getTitle());
		assertEquals(0, desktop.count("OutboxEntry"));
		assertEquals(1, discarded.changes());
		assertEquals(List.of("event: Boiler room inspection: nothing left to discard"), discards.whatIsLost(List.of(event(id))));

		discards.undo(discarded);
		assertEquals("Boiler room inspection, moved twice", desktop.find(Event.class, id).getTitle());
		assertEquals(1, desktop.count("OutboxEntry"));
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		assertEquals("Boiler room inspection, moved twice", server.record(id).body().get("title").asText());
	}

	@Test
	void aDiscardedCreateRemovesTheRecordAndADiscardedDeleteBringsItBack() {
		String kept = server.webEvent("Fire exit check", server.north, SOON);
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		Event made = new Event("Made here, then thought better of", SOON);
		made.setOrgUnitId(server.north);
		String madeId = desktop.changes.create(made).getId();
		desktop.changes.delete(Event.class, kept);
		assertTrue(desktop.find(Event.class, kept).isTombstone());

		List<String> lost = discards.whatIsLost(List.of(event(madeId), event(kept)));
		assertEquals(List.of("event: Made here, then thought better of: the record made on this device is removed",
				"event: Fire exit check: the deleted record comes back"), lost);
		discards.discard(List.of(event(madeId), event(kept)));

		assertNull(desktop.find(Event.class, madeId));
		assertFalse(desktop.find(Event.class, kept).isTombstone());
		assertEquals("Fire exit check", desktop.find(Event.class, kept).getTitle());
		assertEquals(0, desktop.count("OutboxEntry"));
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		assertNotNull(server.record(kept), "the delete never reached the server");
		assertNull(server.record(madeId), "nor the create");
	}

	@Test
	void aRefusedCreateIsDiscardedWithItsRecordAndTheUndoBringsBothBack() {
		Event outside = new Event("Created outside my org units", SOON);
		outside.setOrgUnitId(server.south);
		String id = desktop.changes.create(outside).getId();
		assertEquals(1, sync().rejects());
		List<RejectedChange> refused = discards.rejected();
		assertEquals(1, refused.size());
		assertEquals(id, refused.get(0).getRecordId());

		Discarded discarded = discards.discard(List.of(event(id)));

		assertNull(desktop.find(Event.class, id), "a record the server never took leaves with its refused create");
		assertTrue(discards.rejected().isEmpty());
		discards.undo(discarded);
		assertEquals("Created outside my org units", desktop.find(Event.class, id).getTitle());
		assertEquals(id, discards.rejected().get(0).getRecordId());
	}

	@Test
	void discardingAnEventMadeHereTakesTheFindingsAndActionsMadeUnderItAndTheUndoPutsAllBackInQueueOrder() {
		Event walk = new Event("Site walk made offline", SOON);
		walk.setOrgUnitId(server.north);
		String walkId = desktop.changes.create(walk).getId();
		Event other = new Event("Unrelated event made offline", SOON);
		other.setOrgUnitId(server.north);
		String otherId = desktop.changes.create(other).getId();
		Finding finding = new Finding("Loose railing");
		finding.setEventId(walkId);
		String findingId = desktop.changes.create(finding).getId();
		Action action = new Action("Fix the railing", SOON);
		action.fixFinding(findingId);
		String actionId = desktop.changes.create(action).getId();
		List<String> queueBefore = queue();

		assertEquals(List.of("event: Site walk made offline: the record made on this device is removed",
				"finding: Loose railing: the record made on this device is removed, with event: Site walk made offline",
				"action: Fix the railing: the record made on this device is removed, with finding: Loose railing"),
				discards.whatIsLost(List.of(event(walkId))));
		Discarded discarded = discards.discard(List.of(event(walkId)));

		assertEquals(List.of(event(walkId), new ChangedRecord("finding", findingId), new ChangedRecord("action", actionId)), discarded.records());
		assertEquals(3, discarded.changes());
		assertNull(desktop.find(Event.class, walkId));
		assertNull(desktop.find(Finding.class, findingId));
		assertNull(desktop.find(Action.class, actionId));
		assertEquals(List.of(otherId), queue(), "the unrelated event stays queued");

		discards.undo(discarded);
		assertEquals(queueBefore, queue(), "each change back at its place in the queue, not after the unrelated one");
		assertEquals(walkId, desktop.find(Finding.class, findingId).getEventId());
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome(), "the server takes the event with what was made under it");
		assertNotNull(server.record(actionId));
	}

	@Test
	void findingWhatGoesWithARecordReadsOnlyTheChangesThatNameItsId() {
		Event walk = new Event("Walk made offline", SOON);
		walk.setOrgUnitId(server.north);
		String walkId = desktop.changes.create(walk).getId();
		Finding mentioning = new Finding("Noted during walk " + walkId);
		String mentioningId = desktop.changes.create(mentioning).getId();
		// a refused change of another record that cannot be read: looking at every waiting change would stop here
		desktop.database.write(em -> em.createNativeQuery("INSERT INTO OUTPOST_SYNC_REJECTED (MUTATION_ID, RECORD_TYPE, RECORD_ID, OPERATION,"
				+ " CHANGE_JSON, REASON, REJECTED_AT) VALUES ('0b0e3c9a-0000-4000-8000-000000000001', 'event',"
				+ " '0b0e3c9a-0000-4000-8000-000000000002', 'EDIT', '{not json', 'refused', 1)").executeUpdate());

		Discarded discarded = discards.discard(List.of(event(walkId)));

		assertEquals(List.of(event(walkId)), discarded.records(), "a text that names the id points to nothing");
		assertNull(desktop.find(Event.class, walkId));
		assertNotNull(desktop.find(Finding.class, mentioningId));
		assertEquals(List.of(mentioningId), queue());
	}

	@Test
	void anUndoAfterTheRecordChangedAgainIsRefusedAndChangesNothing() {
		String id = server.webEvent("Ladder inspection", server.north, SOON);
		assertEquals(SyncOutcome.SUCCEEDED, sync().outcome());
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Ladder inspection, first try"));
		Discarded discarded = discards.discard(List.of(event(id)));
		desktop.changes.edit(Event.class, id, event -> event.setTitle("Ladder inspection, second try"));

		IllegalStateException refused = assertThrows(IllegalStateException.class, () -> discards.undo(discarded));

		assertTrue(refused.getMessage().contains("event: Ladder inspection, second try"), refused.getMessage());
		assertEquals("Ladder inspection, second try", desktop.find(Event.class, id).getTitle());
		assertEquals(1, desktop.count("OutboxEntry"));
	}
}
