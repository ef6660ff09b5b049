package org.outpost.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.events.Event;
import org.outpost.findings.Finding;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;

class LocalDatabaseTest {

	private LocalDatabase database;

	@BeforeEach
	void openAndEmpty() throws Exception {
		database = awaitDatabase();
		database.write(em -> {
			em.createQuery("DELETE FROM Finding").executeUpdate();
			return em.createQuery("DELETE FROM Event").executeUpdate();
		});
	}

	@Test
	void entitiesFromTwoBundlesAreReadBackAfterTheDatabaseIsReopened() throws Exception {
		assertTrue(database.entityClasses().containsAll(List.of(Event.class, Finding.class)), database.entityClasses().toString());
		Event event = new Event("Fire exit inspection, Depot 4", LocalDate.of(2026, 12, 1));
		Finding finding = new Finding("Exit blocked by pallets");
		finding.setEventId(event.getId());
		finding.setNonConformance(true);
		database.write(em -> {
			em.persist(event);
			em.persist(finding);
			return null;
		});

		Bundle persistence = FrameworkUtil.getBundle(LocalDatabase.class);
		persistence.stop();
		assertThrows(IllegalStateException.class, () -> database.read(em -> em.find(Event.class, event.getId())),
				"the stopped component must have closed its database");
		persistence.start();
		LocalDatabase reopened = awaitDatabase();
		assertNotSame(database, reopened);

		Event readEvent = reopened.read(em -> em.find(Event.class, event.getId()));
		assertNotNull(readEvent);
		assertEquals("Fire exit inspection, Depot 4", readEvent.getTitle());
		assertEquals(LocalDate.of(2026, 12, 1), readEvent.getDueDate());
		assertEquals(0, readEvent.getRevision());
		Finding readFinding = reopened.read(em -> em.find(Finding.class, finding.getId()));
		assertEquals(event.getId(), readFinding.getEventId());
		assertTrue(readFinding.isNonConformance());
	}

	@Test
	void aFailedWriteLeavesNothingBehind() {
		Event event = new Event("Audit that never was", LocalDate.of(2026, 1, 1));
		RuntimeException failure = assertThrows(RuntimeException.class, () -> database.write(em -> {
			em.persist(event);
			em.flush();
			throw new IllegalStateException("fails after the entity write");
		}));
		assertEquals("fails after the entity write", failure.getMessage());
		assertNull(database.read(em -> em.find(Event.class, event.getId())));
	}

	@Test
	void brokenContributionsAreLoggedAndSkipped() {
		assertFalse(database.entityClasses().contains(String.class));
		assertTrue(database.entityClasses().stream().noneMatch(c -> c.getName().endsWith("NoSuchEntity")));

		List<String> logged = new ArrayList<>();
		ILogListener listener = (status, plugin) -> {
			if (status.getSeverity() >= IStatus.WARNING) {
				logged.add(status.getMessage());
			}
		};
		Platform.addLogListener(listener);
		try {
			EntityContributions contributions = new EntityContributions(RegistryFactory.getRegistry());
			assertTrue(contributions.classes().containsAll(List.of(Event.class, Finding.class)));
		} finally {
			Platform.removeLogListener(listener);
		}
		assertTrue(logged.stream().anyMatch(m -> m.contains("NoSuchEntity") && m.contains("cannot be loaded")), logged.toString());
		assertTrue(logged.stream().anyMatch(m -> m.contains("java.lang.String") && m.contains("@Entity")), logged.toString());
	}

	@Test
	void recordSourcePagesInOrderWithoutOverlapAndSkipsTombstones() {
		database.write(em -> {
			for (int i = 0; i < 25; i++) {
				Event event = new Event(String.format("Event %02d", i), LocalDate.of(2026, 1, 1).plusDays(i % 5));
				event.setTombstone(i == 7);
				em.persist(event);
			}
			return null;
		});
		JpaRecordSource<Event> byTitle = new JpaRecordSource<>(database, Event.class, "title", true);
		assertEquals(24, byTitle.count());
		List<String> titles = new ArrayList<>();
		for (int first = 0; first < 24; first += 10) {
			byTitle.fetch(first, 10).forEach(e -> titles.add(e.getTitle()));
		}
		assertEquals(24, titles.size());
		assertFalse(titles.contains("Event 07"));
		assertEquals("Event 00", titles.get(0));
		assertEquals("Event 24", titles.get(23));
		assertEquals(titles.stream().sorted().toList(), titles);

		JpaRecordSource<Event> byDueDescending = new JpaRecordSource<>(database, Event.class, "dueDate", false);
		assertEquals(LocalDate.of(2026, 1, 5), byDueDescending.fetch(0, 1).get(0).getDueDate());
		// five events share each due date: descending is the exact reverse of ascending, ties (by id) included
		List<String> ascendingIds = byDueDescending.sortedBy("dueDate", true).fetch(0, 24).stream().map(Event::getId).toList();
		List<String> descendingIds = new ArrayList<>(byDueDescending.fetch(0, 24).stream().map(Event::getId).toList());
		Collections.reverse(descendingIds);
		assertEquals(ascendingIds, descendingIds);
		assertThrows(IllegalArgumentException.class, () -> new JpaRecordSource<>(database, Event.class, "title; DROP TABLE x", true));
	}

	@Test
	void preparedStatementsAreKeptOnConnectionsEclipseLinkPools() {
		DatabaseLogin login = database.read(em -> {
			ServerSession session = em.unwrap(JpaEntityManager.class).getServerSession();
			// HSQLDB compiles a statement's SQL each time it is prepared: kept statements are what spares a sync the compiling
			assertEquals(4, session.getDefaultConnectionPool().getMinNumberOfConnections());
			assertFalse(session.getDefaultConnectionPool() instanceof ExternalConnectionPool,
					"a connection handed back to an outside pool loses its prepared statements");
			return session.getLogin();
		});
		assertTrue(login.shouldCacheAllStatements());
		assertEquals(200, login.getStatementCacheSize());

		// a query that comes again, on connections that stay open, reads what changed in between
		Event event = new Event("Kept statement check", LocalDate.of(2026, 12, 2));
		database.write(em -> {
			em.persist(event);
			return null;
		});
		for (String title : List.of("First title", "Second title", "Third title")) {
			database.write(em -> em.createQuery("UPDATE Event e SET e.title = :title WHERE e.id = :id").setParameter("title", title)
					.setParameter("id", event.getId()).executeUpdate());
			assertEquals(title, database.read(em -> em.createQuery("SELECT e.title FROM Event e WHERE e.id = :id", String.class)
					.setParameter("id", event.getId()).getSingleResult()));
		}
	}

	private static LocalDatabase awaitDatabase() throws InterruptedException {
		Bundle persistence = FrameworkUtil.getBundle(LocalDatabase.class);
		ServiceTracker<LocalDatabase, LocalDatabase> tracker = new ServiceTracker<>(persistence.getBundleContext(), LocalDatabase.class, null);
		tracker.open();
		try {
			LocalDatabase found = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
			assertNotNull(found, "the LocalDatabase service did not come up");
			return found;
		} finally {
			tracker.close();
		}
	}
}
