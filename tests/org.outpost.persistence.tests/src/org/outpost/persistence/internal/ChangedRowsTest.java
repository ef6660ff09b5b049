package org.outpost.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.events.Event;
import org.outpost.events.EventStatus;
import org.outpost.persistence.ChangedRows;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.RowColumns;

import jakarta.persistence.OptimisticLockException;

/** ChangedRows against the real local database: rows rewritten from copies, guarded by their version as an entity update is. */
class ChangedRowsTest {

	private LocalDatabase database;

	@BeforeEach
	void openAndEmpty() throws Exception {
		ServiceTracker<LocalDatabase, LocalDatabase> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(ChangedRowsTest.class).getBundleContext(),
				LocalDatabase.class, null);
		tracker.open();
		database = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		database.write(em -> {
			em.createQuery("DELETE FROM Finding").executeUpdate();
			return em.createQuery("DELETE FROM Event").executeUpdate();
		});
	}

	private Event stored(String title) {
		Event event = new Event(title, LocalDate.of(2026, 12, 3));
		event.setRevision(40);
		database.write(em -> {
			em.persist(event);
			return null;
		});
		// read (and so cached) as a sync would find it
		return database.read(em -> em.find(Event.class, event.getId()));
	}

	/** An unmanaged copy of the stored row, as a bulk update prepares it. */
	private Event copyOf(Event stored) {
		return database.read(em -> {
			RowColumns columns = RowColumns.of(em, Event.class);
			Event copy = new Event("copy", null);
			for (int c = 0; c < columns.size(); c++) {
				columns.set(c, copy, columns.get(c, stored));
			}
			return copy;
		});
	}

	private long localVersion(Event event) {
		return database.read(em -> {
			RowColumns columns = RowColumns.of(em, Event.class);
			for (int c = 0; c < columns.size(); c++) {
				if (columns.attribute(c).equals("localVersion")) {
					return ((Number) columns.get(c, event)).longValue();
				}
			}
			throw new AssertionError("no localVersion column");
		});
	}

	@Test
	void rowsTakeTheCopiesValuesAndTheCacheSeesThemOnceUncached() {
		Event first = stored("Fire exit inspection");
		Event second = stored("Kitchen audit");
		Event firstChanged = copyOf(first);
		firstChanged.setTitle("Fire exit inspection, Depot 4");
		firstChanged.setStatus(EventStatus.SCHEDULED);
		firstChanged.setRevision(57);
		Event secondChanged = copyOf(second);
		secondChanged.setDueDate(null);

		database.write(em -> {
			ChangedRows.update(em, RowColumns.of(em, Event.class), List.of(firstChanged, secondChanged));
			return null;
		});
		database.read(em -> {
			ChangedRows.uncache(em, Event.class, List.of(first.getId(), second.getId()));
			return null;
		});

		Event read = database.read(em -> em.find(Event.class, first.getId()));
		assertEquals("Fire exit inspection, Depot 4", read.getTitle());
		assertEquals(EventStatus.SCHEDULED, read.getStatus(), "an enum goes through its converter");
		assertEquals(57, read.getRevision());
		assertEquals(localVersion(first) + 1, localVersion(read), "the version goes up as an entity update's would");
		assertEquals(null, database.read(em -> em.find(Event.class, second.getId())).getDueDate(), "a column set to null is null");

		database.write(em -> {
			em.find(Event.class, first.getId()).setTitle("Fire exit inspection, Depot 5");
			return null;
		});
		assertEquals("Fire exit inspection, Depot 5", database.read(em -> em.find(Event.class, first.getId())).getTitle(),
				"EclipseLink updates the row afterwards with the new version");
	}

	@Test
	void aRowChangedSinceItWasReadFailsTheWholeBatch() {
		Event untouched = stored("Kitchen audit");
		Event edited = stored("Fire exit inspection");
		Event untouchedChanged = copyOf(untouched);
		untouchedChanged.setTitle("Kitchen audit, from the server");
		Event editedChanged = copyOf(edited);
		editedChanged.setTitle("Fire exit inspection, from the server");
		// an edit on this device after the copy was made
		database.write(em -> {
			em.find(Event.class, edited.getId()).setTitle("Fire exit inspection, edited here");
			return null;
		});

		assertThrows(OptimisticLockException.class, () -> database.write(em -> {
			ChangedRows.update(em, RowColumns.of(em, Event.class), List.of(untouchedChanged, editedChanged));
			return null;
		}));
		assertEquals("Fire exit inspection, edited here", database.read(em -> em.find(Event.class, edited.getId())).getTitle());
		assertEquals("Kitchen audit", database.read(em -> em.find(Event.class, untouched.getId())).getTitle(), "nothing of the batch is written");
	}

	@Test
	void outsideATransactionItRefusesRatherThanWritingAlone() {
		Event event = stored("No transaction");
		assertThrows(IllegalStateException.class, () -> database.read(em -> {
			ChangedRows.update(em, RowColumns.of(em, Event.class), List.of(copyOf(event)));
			return null;
		}));
	}
}
