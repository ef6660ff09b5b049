package org.outpost.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.events.Event;
import org.outpost.events.Recurrence;
import org.outpost.findings.Finding;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.NewRows;

/** NewRows against the real local database: rows written from EclipseLink's mapping read back as the entities they came from. */
class NewRowsTest {

	private LocalDatabase database;

	@BeforeEach
	void openAndEmpty() throws Exception {
		ServiceTracker<LocalDatabase, LocalDatabase> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(NewRowsTest.class).getBundleContext(),
				LocalDatabase.class, null);
		tracker.open();
		database = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		database.write(em -> {
			em.createQuery("DELETE FROM Finding").executeUpdate();
			return em.createQuery("DELETE FROM Event").executeUpdate();
		});
	}

	private static Event event(String title) {
		Event event = new Event(title, LocalDate.of(2026, 12, 3));
		event.setOrgUnitId("7d4c2a8e-0000-4000-8000-000000000001");
		event.setLeewayDays(4);
		event.setRecurrence(Recurrence.WEEKLY);
		event.setRevision(118);
		return event;
	}

	@Test
	void insertedRowsReadBackAsTheEntitiesAndCanBeEditedAfterwards() {
		Event first = event("Fire exit inspection");
		Event second = event("Kitchen audit");
		second.setOrgUnitId(null);
		Finding finding = new Finding("Exit blocked");
		finding.setEventId(first.getId());
		finding.setNonConformance(true);
		assertTrue(database.read(em -> NewRows.insertable(em, Event.class) && NewRows.insertable(em, Finding.class)));

		database.write(em -> {
			NewRows.insert(em, Event.class, List.of(first, second));
			NewRows.insert(em, Finding.class, List.of(finding));
			return null;
		});

		Event read = database.read(em -> em.find(Event.class, first.getId()));
		assertEquals("Fire exit inspection", read.getTitle());
		assertEquals(LocalDate.of(2026, 12, 3), read.getDueDate());
		assertEquals(4, read.getLeewayDays());
		assertEquals(Recurrence.WEEKLY, read.getRecurrence(), "an enum goes through its converter");
		assertEquals(118, read.getRevision());
		assertNull(database.read(em -> em.find(Event.class, second.getId())).getOrgUnitId(), "a null column stays null");
		assertTrue(database.read(em -> em.find(Finding.class, finding.getId())).isNonConformance());

		database.write(em -> {
			em.find(Event.class, first.getId()).setTitle("Fire exit inspection, Depot 4");
			return null;
		});
		assertEquals("Fire exit inspection, Depot 4", database.read(em -> em.find(Event.class, first.getId())).getTitle(),
				"the row's version column lets EclipseLink update it");
	}

	@Test
	void rowsGoWithTheirTransaction() {
		Event event = event("Audit that never was");
		assertThrows(IllegalStateException.class, () -> database.write(em -> {
			NewRows.insert(em, Event.class, List.of(event));
			throw new IllegalStateException("the page failed after its rows");
		}));
		assertNull(database.read(em -> em.find(Event.class, event.getId())));
	}

	@Test
	void existingIdsNamesOnlyTheIdsWithARow() {
		Event held = event("Held here");
		database.write(em -> {
			NewRows.insert(em, Event.class, List.of(held));
			return null;
		});
		String unknown = "7d4c2a8e-0000-4000-8000-0000000000ff";
		assertEquals(Set.of(held.getId()), database.write(em -> NewRows.existingIds(em, Event.class, List.of(held.getId(), unknown))));
		assertEquals(Set.of(), database.write(em -> NewRows.existingIds(em, Event.class, List.of())));
	}

	@Test
	void outsideATransactionItRefusesRatherThanWritingAlone() {
		assertThrows(IllegalStateException.class, () -> database.read(em -> {
			NewRows.insert(em, Event.class, List.of(event("No transaction")));
			return null;
		}));
	}
}
