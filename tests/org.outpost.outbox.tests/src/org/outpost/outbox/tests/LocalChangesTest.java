package org.outpost.outbox.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.events.Event;
import org.outpost.events.EventStatus;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;

/** Local creates, edits and deletes against the real local database, and what they queue. */
class LocalChangesTest {

	private static LocalDatabase database;
	private static LocalChanges changes;
	private static Outbox outbox;

	@BeforeAll
	static void services() {
		database = Services.get(LocalDatabase.class);
		changes = new LocalChanges(database);
		outbox = new Outbox(database);
	}

	@Test
	void createStoresTheRecordAndQueuesAllItsFields() {
		Event event = changes.create(new Event("Fire drill", LocalDate.of(2026, 12, 1)));

		assertEquals("Fire drill", stored(event.getId()).getTitle());
		OutboxEntry entry = only(event.getId());
		assertEquals(Operation.CREATE, entry.getOperation());
		assertEquals("event", entry.getRecordType());
		assertEquals("Fire drill", entry.changes().get("title"));
		assertEquals("2026-12-01", entry.changes().get("dueDate"));
		assertEquals(Map.of(), entry.base());
		assertTrue(entry.isUnsent());
	}

	@Test
	void editOfAnUnsentCreateStaysOneCreateWithTheLatestValues() {
		Event event = changes.create(new Event("Draft", LocalDate.of(2026, 12, 2)));
		String mutationId = only(event.getId()).getMutationId();

		changes.edit(Event.class, event.getId(), e -> e.setTitle("Warehouse audit"));

		OutboxEntry entry = only(event.getId());
		assertEquals(Operation.CREATE, entry.getOperation());
		assertEquals("Warehouse audit", entry.changes().get("title"));
		assertEquals(mutationId, entry.getMutationId());
	}

	@Test
	void editsCoalesceKeepingTheFirstBaseAndTheLatestValue() {
		Event event = synced("Boiler check", LocalDate.of(2026, 5, 1));

		changes.edit(Event.class, event.getId(), e -> e.setTitle("Boiler check, east wing"));
		changes.edit(Event.class, event.getId(), e -> {
			e.setTitle("Boiler check, both wings");
			e.setStatus(EventStatus.SCHEDULED);
		});

		OutboxEntry entry = only(event.getId());
		assertEquals(Operation.UPDATE, entry.getOperation());
		assertEquals(Map.of("title", "Boiler check, both wings", "status", "SCHEDULED"), entry.changes());
		assertEquals(Map.of("title", "Boiler check", "status", "TENTATIVE"), entry.base());
	}

	@Test
	void anEditThatChangesNothingQueuesNothing() {
		Event event = synced("Quiet", LocalDate.of(2026, 5, 2));

		changes.edit(Event.class, event.getId(), e -> e.setTitle("Quiet"));

		assertEquals(List.of(), outbox.entriesFor("event", event.getId()));
	}

	@Test
	void editingAFieldBackToItsBaseWithdrawsTheChange() {
		Event event = synced("Original", LocalDate.of(2026, 5, 3));

		changes.edit(Event.class, event.getId(), e -> e.setTitle("Changed"));
		changes.edit(Event.class, event.getId(), e -> e.setTitle("Original"));

		assertEquals(List.of(), outbox.entriesFor("event", event.getId()));
	}

	@Test
	void anAttemptedEntryNoLongerCoalesces() {
		Event event = synced("Sent once", LocalDate.of(2026, 5, 4));
		changes.edit(Event.class, event.getId(), e -> e.setTitle("First edit"));
		OutboxEntry first = only(event.getId());

		outbox.failedAttempt(first.getMutationId(), "Connection reset");
		changes.edit(Event.class, event.getId(), e -> e.setTitle("Second edit"));

		List<OutboxEntry> entries = outbox.entriesFor("event", event.getId());
		assertEquals(2, entries.size());
		assertEquals(1, entries.get(0).getAttempts());
		assertEquals("Connection reset", entries.get(0).getLastError());
		assertEquals(Map.of("title", "First edit"), entries.get(1).base());
		assertEquals(Map.of("title", "Second edit"), entries.get(1).changes());
	}

	@Test
	void deleteLeavesATombstoneAndQueuesTheDelete() {
		Event event = synced("To delete", LocalDate.of(2026, 5, 5));
		changes.edit(Event.class, event.getId(), e -> e.setTitle("Edited first"));

		changes.delete(Event.class, event.getId());

		assertTrue(stored(event.getId()).isTombstone());
		OutboxEntry entry = only(event.getId());
		assertEquals(Operation.DELETE, entry.getOperation());
		assertThrows(IllegalArgumentException.class, () -> changes.edit(Event.class, event.getId(), e -> e.setTitle("Zombie")));
	}

	@Test
	void deletingARecordThatNeverLeftTheDeviceRemovesItAndItsEntry() {
		Event event = changes.create(new Event("Typo", null));

		changes.delete(Event.class, event.getId());

		assertNull(stored(event.getId()));
		assertEquals(List.of(), outbox.entriesFor("event", event.getId()));
	}

	@Test
	void aFailureAfterTheEntityWriteLeavesNeitherTheChangeNorTheEntry() {
		Event event = synced("Atomic", LocalDate.of(2026, 5, 6));
		long queued = outbox.count();

		assertThrows(IllegalStateException.class, () -> changes.write(c -> {
			c.edit(Event.class, event.getId(), e -> e.setTitle("Half written"));
			c.entityManager().flush(); // the row and the entry are in the database's transaction now
			throw new IllegalStateException("power cut");
		}));

		assertEquals("Atomic", stored(event.getId()).getTitle());
		assertEquals(List.of(), outbox.entriesFor("event", event.getId()));
		assertEquals(queued, outbox.count());
	}

	@Test
	void aFailedCreateStoresNothing() {
		Event event = new Event("Never stored", null);

		assertThrows(IllegalStateException.class, () -> changes.write(c -> {
			c.create(event);
			c.entityManager().flush();
			throw new IllegalStateException("validation failed late");
		}));

		assertNull(stored(event.getId()));
		assertEquals(List.of(), outbox.entriesFor("event", event.getId()));
	}

	@Test
	void acknowledgedEntriesLeaveTheQueue() {
		Event event = changes.create(new Event("Acknowledged", null));

		outbox.acknowledge(only(event.getId()).getMutationId());

		assertEquals(List.of(), outbox.entriesFor("event", event.getId()));
	}

	@Test
	void theQueueListsEntriesOldestFirst() {
		Event a = changes.create(new Event("Queue A", null));
		Event b = changes.create(new Event("Queue B", null));

		List<OutboxEntry> all = outbox.fetch(0, Integer.MAX_VALUE);
		int positionA = positionOf(all, a.getId());
		int positionB = positionOf(all, b.getId());
		assertTrue(positionA >= 0 && positionA < positionB, "A was queued before B");
		assertEquals(all.size(), outbox.count());
	}

	/** A record as if pulled from the server: stored without a queue entry, revision above 0. */
	private static Event synced(String title, LocalDate due) {
		Event event = new Event(title, due);
		event.setRevision(7);
		database.write(em -> {
			em.persist(event);
			return null;
		});
		return event;
	}

	private static Event stored(String id) {
		return database.read(em -> em.find(Event.class, id));
	}

	private static OutboxEntry only(String recordId) {
		List<OutboxEntry> entries = outbox.entriesFor("event", recordId);
		assertEquals(1, entries.size(), "one entry for the record: " + entries);
		return entries.get(0);
	}

	private static int positionOf(List<OutboxEntry> entries, String recordId) {
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).getRecordId().equals(recordId)) {
				return i;
			}
		}
		return -1;
	}
}
