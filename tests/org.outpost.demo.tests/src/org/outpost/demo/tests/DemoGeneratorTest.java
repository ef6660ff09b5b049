package org.outpost.demo.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Location;
import org.outpost.admin.Locations;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.Permission;
import org.outpost.core.record.Syncable;
import org.outpost.demo.DemoGenerator;
import org.outpost.demo.DemoSizes;
import org.outpost.demo.DemoSummary;
import org.outpost.events.Event;
import org.outpost.events.EventRules;
import org.outpost.events.Form;
import org.outpost.events.Forms;
import org.outpost.findings.Finding;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Outbox;

/** The demo generator writes what its sizes say, consistently, into the real local database. */
class DemoGeneratorTest {

	@Test
	void itWritesTheRequestedSizesWithConsistentReferencesAndQueuesNothing() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		long queued = new Outbox(database).count();
		DemoSizes sizes = DemoSizes.parse("seed=3,regions=2,sites=3,locations=2,users=7,forms=3,events=500,findings=2,actions=1,obligations=20,risks=9");

		DemoSummary summary = new DemoGenerator(sizes).writeTo(database);

		assertEquals(1 + 2 + 2 * 3, summary.orgUnits());
		assertEquals(2 * 3 * 2, summary.locations());
		assertEquals(500, count(database, "Event"));
		assertEquals(summary.findings(), count(database, "Finding"));
		assertEquals(summary.actions(), count(database, "Action"));
		assertEquals(20, count(database, "Obligation"));
		assertEquals(9, count(database, "Risk"));
		assertTrue(summary.findings() > 300, "about two findings per started event: " + summary.findings());
		assertEquals(queued, new Outbox(database).count(), "demo data arrives as if synced: nothing to push");

		OrgUnitTree tree = OrgUnitTree.load(database);
		List<Event> events = database.read(em -> em.createQuery("SELECT e FROM Event e", Event.class).getResultList());
		Map<String, Location> locations = Locations.all(database).stream().collect(Collectors.toMap(Location::getId, l -> l));
		Map<String, Form> forms = Forms.all(database).stream().collect(Collectors.toMap(Form::getId, f -> f));
		for (Event event : events) {
			assertEquals(List.of(), EventRules.problems(event, forms.get(event.getFormId()), tree, locations.get(event.getLocationId())),
					event.getTitle());
		}
		List<Finding> nonConformances = database.read(em -> em.createQuery("SELECT f FROM Finding f WHERE f.nonConformance = TRUE", Finding.class)
				.getResultList());
		assertTrue(!nonConformances.isEmpty());
		assertEquals(0L, (long) database.read(em -> em.createQuery("SELECT COUNT(f) FROM Finding f WHERE f.nonConformance = TRUE"
				+ " AND NOT EXISTS (SELECT a FROM Action a WHERE a.findingId = f.id)", Long.class).getSingleResult()), "every non-conformance has an action");
		assertTrue(new AccessPolicy(database).check("events", "Events", Permission.EDIT).allowed(), "the demo administrator is signed in");
	}

	@Test
	void theSameSeedGivesTheSameRecords() {
		DemoSizes sizes = DemoSizes.parse("seed=11,events=300,obligations=5");

		List<String> first = emitted(sizes);
		assertEquals(first, emitted(sizes));
		assertNotEquals(first, emitted(DemoSizes.parse("seed=12,events=300,obligations=5")));
		assertTrue(first.size() > 300);
	}

	private static List<String> emitted(DemoSizes sizes) {
		List<String> records = new ArrayList<>();
		new DemoGenerator(sizes).emit(batch -> {
			assertTrue(batch.size() <= 2_000, "batches stay bounded");
			batch.forEach(r -> records.add(r.getClass().getSimpleName() + " " + r.getId() + " " + ((Syncable) r).syncedFields()));
		});
		return records;
	}

	@Test
	void sizesAreReadFromText() {
		assertEquals(100_000, DemoSizes.parse("events=100000").events());
		assertEquals(DemoSizes.SMALL.users(), DemoSizes.parse("events=1").users());
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DemoSizes.parse("evnets=3"));
		assertTrue(unknown.getMessage().contains("evnets"));
	}

	private static long count(LocalDatabase database, String entity) {
		return database.read(em -> em.createQuery("SELECT COUNT(r) FROM " + entity + " r", Long.class).getSingleResult());
	}
}
