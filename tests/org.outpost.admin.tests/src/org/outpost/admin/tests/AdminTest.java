package org.outpost.admin.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.AssignedOrgUnits;
import org.outpost.admin.Location;
import org.outpost.admin.Locations;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.Permission;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.admin.UserAssignment;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Outbox;

/** Org units, locations, roles and the access policy against the real local database. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminTest {

	private static LocalDatabase database;
	private static LocalChanges changes;

	@BeforeAll
	static void services() {
		database = Services.get(LocalDatabase.class);
		changes = new LocalChanges(database);
	}

	@Test
	@Order(1)
	void nobodySignedInMayDoNothingAndIsToldWhy() {
		Access access = new AccessPolicy(database).check("events", "Events", Permission.EDIT);

		assertFalse(access.allowed());
		assertTrue(access.reason().contains("Nobody is signed in"), access.reason());
	}

	@Test
	@Order(2)
	void rolesGrantPermissionsPerModuleAndRefusalsNameTheRole() {
		Role inspector = changes.create(new Role("Inspector").grant("events", Permission.VIEW).grant("events", Permission.EDIT));
		User user = new User("ada", "Ada Lovelace");
		user.setRoleIds(List.of(inspector.getId()));
		changes.create(user);
		AccessPolicy policy = new AccessPolicy(database);
		policy.signIn(user.getId());

		assertTrue(policy.check("events", "Events", Permission.EDIT).allowed());
		Access delete = policy.check("events", "Events", Permission.DELETE);
		assertFalse(delete.allowed());
		assertTrue(delete.reason().contains("Inspector") && delete.reason().contains("Delete") && delete.reason().contains("Events"), delete.reason());
		assertFalse(policy.check("findings", "Findings", Permission.EDIT).allowed());
		assertEquals("ada", policy.signedInUser().orElseThrow().getUserName());
	}

	@Test
	@Order(3)
	void aDeactivatedUserMayDoNothing() {
		AccessPolicy policy = new AccessPolicy(database);
		String userId = policy.signedInUser().orElseThrow().getId();

		changes.edit(User.class, userId, u -> u.setActive(false));

		Access access = policy.check("events", "Events", Permission.VIEW);
		assertFalse(access.allowed());
		assertTrue(access.reason().contains("deactivated"), access.reason());
	}

	@Test
	void theTreeGivesPathsAndSubtreesAndLocationsBelongToSeveralUnits() {
		OrgUnit group = changes.create(new OrgUnit("Tree Group", null));
		OrgUnit north = changes.create(new OrgUnit("North", group.getId()));
		OrgUnit site = changes.create(new OrgUnit("Site 3", north.getId()));
		OrgUnit south = changes.create(new OrgUnit("South", group.getId()));
		Location depot = changes.create(new Location("Shared depot", List.of(site.getId(), south.getId())));

		OrgUnitTree tree = OrgUnitTree.load(database);

		assertEquals("Tree Group / North / Site 3", tree.path(site.getId()));
		assertEquals(Set.of(north.getId(), site.getId()), tree.subtree(north.getId()));
		assertTrue(Locations.inAny(database, tree.subtree(north.getId())).contains(depot));
		assertTrue(Locations.inAny(database, Set.of(south.getId())).contains(depot));
		assertFalse(Locations.inAny(database, Set.of(group.getId())).contains(depot));
		List<String> depths = tree.nodes().stream().filter(n -> n.path().startsWith("Tree Group")).map(n -> n.depth() + n.unit().getName()).toList();
		assertEquals(List.of("0Tree Group", "1North", "2Site 3", "1South"), depths);
	}

	@Test
	void editingALocationsUnitsQueuesTheSortedList() {
		OrgUnit a = changes.create(new OrgUnit("Unit A", null));
		OrgUnit b = changes.create(new OrgUnit("Unit B", null));
		Location location = changes.create(new Location("Yard", List.of(a.getId())));
		new Outbox(database).acknowledge(new Outbox(database).entriesFor("location", location.getId()).get(0).getMutationId());

		changes.edit(Location.class, location.getId(), l -> l.setOrgUnitIds(List.of(b.getId(), a.getId())));

		Map<String, Object> change = new Outbox(database).entriesFor("location", location.getId()).get(0).changes();
		assertEquals(Set.of(a.getId(), b.getId()), Set.copyOf((List<?>) change.get("orgUnitIds")));
	}

	@Test
	void invalidAdminDataIsRefusedWithAMessage() {
		assertThrows(IllegalArgumentException.class, () -> new Location("Nowhere", List.of()));
		assertThrows(IllegalArgumentException.class, () -> new User("two words", "X"));
		assertThrows(IllegalArgumentException.class, () -> new Role("R").grant("Events!", Permission.VIEW));
	}

	@Test
	void aUserMaySyncTheUnitsAssignedAndThoseBelowInTreeOrder() {
		OrgUnit group = changes.create(new OrgUnit("Assigned Group", null));
		OrgUnit east = changes.create(new OrgUnit("East", group.getId()));
		OrgUnit depot = changes.create(new OrgUnit("Depot", east.getId()));
		OrgUnit west = changes.create(new OrgUnit("West", group.getId()));
		OrgUnit harbour = changes.create(new OrgUnit("Harbour", west.getId()));
		User grace = changes.create(new User("grace", "Grace Hopper"));
		changes.create(new UserAssignment(grace.getId(), east.getId()));
		UserAssignment revoked = changes.create(new UserAssignment(grace.getId(), harbour.getId()));
		changes.create(new UserAssignment(changes.create(new User("linus", "Linus")).getId(), west.getId()));
		OrgUnitTree tree = OrgUnitTree.load(database);

		assertEquals(List.of(east.getId(), depot.getId(), harbour.getId()), List.copyOf(AssignedOrgUnits.of(database, tree, grace.getId())));

		changes.delete(UserAssignment.class, revoked.getId());
		assertEquals(List.of(east.getId(), depot.getId()), List.copyOf(AssignedOrgUnits.of(database, tree, grace.getId())));
		assertTrue(AssignedOrgUnits.of(database, tree, "nobody").isEmpty());
	}
}
