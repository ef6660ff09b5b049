package org.outpost.outbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEvents;
import org.outpost.test.support.Services;

/** Who follows the outbox hears of each saved change once it is committed, and of none after it stopped. */
class OutboxEventsTest {

	@Test
	void aSavedChangeIsAnnouncedAfterItsCommitAndARolledBackOneIsNot() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Outbox outbox = new Outbox(database);
		List<Long> queuedWhenTold = new ArrayList<>();
		Runnable stop = OutboxEvents.subscribe(database, () -> queuedWhenTold.add(outbox.count()));
		long before = outbox.count();
		LocalChanges changes = new LocalChanges(database);

		changes.create(new Event("Announced drill", LocalDate.of(2026, 12, 6)));
		assertEquals(List.of(before + 1), queuedWhenTold, "told once, with the entry already readable");

		assertThrows(IllegalStateException.class, () -> changes.write(c -> {
			c.create(new Event("Rolled back drill", LocalDate.of(2026, 12, 7)));
			throw new IllegalStateException("the user's rule refused it");
		}));
		assertEquals(1, queuedWhenTold.size(), "nothing was committed, nothing to tell");

		stop.run();
		changes.create(new Event("Unheard drill", LocalDate.of(2026, 12, 8)));
		assertEquals(1, queuedWhenTold.size());
	}
}
