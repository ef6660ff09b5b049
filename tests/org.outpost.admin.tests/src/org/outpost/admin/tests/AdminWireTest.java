package org.outpost.admin.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.test.support.WireRoundTrip.assertRoundTrip;
import static org.outpost.test.support.WireRoundTrip.overTheWire;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.outpost.admin.AppSetting;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Permission;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.admin.UserAssignment;
import org.outpost.persistence.LocalDatabase;

/** Each admin entity takes back, through JSON as the wire carries it, exactly the fields it gives. */
class AdminWireTest {

	@Test
	void anOrgUnitRoundTrips() {
		assertRoundTrip(new OrgUnit("North region", UUID.randomUUID().toString()), new OrgUnit("Placeholder", null));
	}

	@Test
	void aLocationRoundTrips() {
		Location yard = new Location("Yard A", List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
		assertRoundTrip(yard, new Location("Placeholder", List.of("elsewhere")));
	}

	@Test
	void aRoleRoundTrips() {
		Role inspector = new Role("Inspector").grant("events", Permission.VIEW).grant("events", Permission.SYNC_TO_DEVICE)
				.grant("findings", Permission.EDIT);
		assertRoundTrip(inspector, new Role("Placeholder").grant("admin", Permission.DELETE));
	}

	@Test
	void aUserRoundTrips() {
		User dana = new User("dana", "Dana Demo");
		dana.setActive(false);
		dana.setRoleIds(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
		assertRoundTrip(dana, new User("placeholder", "Placeholder"));
	}

	@Test
	void anAssignmentRoundTrips() {
		assertRoundTrip(new UserAssignment(UUID.randomUUID().toString(), UUID.randomUUID().toString()), new UserAssignment("someone", "somewhere"));
	}

	@Test
	void aSettingRoundTrips() {
		assertRoundTrip(new AppSetting("events.default.leeway.days", "7"), new AppSetting("placeholder", null));
	}

	@Test
	void absentFieldsKeepTheirValuesAndUnknownOnesAreIgnored() {
		User dana = new User("dana", "Dana Demo");

		dana.applySyncedFields(Map.of("displayName", "Dana D.", "favouriteColour", "green"));

		assertEquals("dana", dana.getUserName());
		assertEquals("Dana D.", dana.getDisplayName());
		assertTrue(dana.isActive());
	}

	@Test
	void aValueThatCannotBeReadNamesTheFieldAndTheValue() {
		User dana = new User("dana", "Dana Demo");

		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> dana.applySyncedFields(Map.of("active", "yes")));

		assertTrue(refused.getMessage().contains("'active'"), refused.getMessage());
		assertTrue(refused.getMessage().contains("'yes'"), refused.getMessage());
	}

	@Test
	void theServersStateAppliesEvenWhereASetterWouldRefuseIt() {
		// a location's setter insists on an org unit; the server's record is what it is
		Location orphan = new Location("Placeholder", List.of("somewhere"));

		orphan.applySyncedFields(Map.of("name", "Old shed", "orgUnitIds", List.of()));

		assertEquals(List.of(), orphan.getOrgUnitIds());
	}

	@Test
	void aPulledUserIsStoredAndReadBackAsTheServerSentIt() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		User sent = new User("pulled-" + UUID.randomUUID(), "Pulled User");
		sent.setRoleIds(List.of(UUID.randomUUID().toString()));
		User pulled = new User("placeholder", "Placeholder");
		pulled.setId(sent.getId());
		pulled.applySyncedFields(overTheWire(sent.syncedFields()));

		database.write(em -> {
			em.persist(pulled);
			return null;
		});

		assertEquals(sent.syncedFields(), database.read(em -> em.find(User.class, sent.getId())).syncedFields());
	}
}
