package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.sync.ScopeRules;
import org.outpost.server.internal.sync.UserScope;

class ScopeRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
	private static final UserScope OFFICER = new UserScope("olga", "Olga", true,
			Set.of("desktop.login", "events.*", "findings.view", "findings.create", "risks.view"), Set.of("A", "A1"));

	private static RecordType type(String name) {
		return RecordTypes.find(name).orElseThrow();
	}

	private static ScopeRules rules(DeviceScope device) {
		return new ScopeRules(OFFICER, device, Set.of(), TODAY);
	}

	@Test
	void recordsOfAssignedOrgUnitsAndTheirSubUnitsAreVisibleOthersAreNot() {
		ScopeRules rules = rules(DeviceScope.DEFAULT);
		assertTrue(rules.visible(type("finding"), "A", null, null, "x", null));
		assertTrue(rules.visible(type("finding"), "A1", null, null, "x", null));
		assertFalse(rules.visible(type("finding"), "B", null, null, "x", null));
	}

	@Test
	void eventsFollowTheDeviceDateWindowWithBothEndsIncluded() {
		ScopeRules rules = rules(new DeviceScope(10, 5, List.of(), List.of(), false, false));
		assertTrue(rules.visible(type("event"), "A", null, TODAY.minusDays(10), null, null));
		assertFalse(rules.visible(type("event"), "A", null, TODAY.minusDays(11), null, null));
		assertTrue(rules.visible(type("event"), "A", null, TODAY.plusDays(5), null, null));
		assertFalse(rules.visible(type("event"), "A", null, TODAY.plusDays(6), null, null));
		assertTrue(rules.visible(type("event"), "A", null, null, null, null), "an event without due date is always in the window");
		// the window applies to events only
		assertTrue(rules.visible(type("finding"), "A", null, TODAY.minusDays(400), null, null));
	}

	@Test
	void theDeviceOrgUnitAndLocationSelectionNarrowsTheUserScope() {
		ScopeRules rules = new ScopeRules(OFFICER, new DeviceScope(30, 30, List.of("A1"), List.of("L1"), false, false), Set.of("A1"), TODAY);
		assertFalse(rules.visible(type("event"), "A", "L1", TODAY, null, null));
		assertTrue(rules.visible(type("event"), "A1", "L1", TODAY, null, null));
		assertFalse(rules.visible(type("event"), "A1", "L2", TODAY, null, null));
	}

	@Test
	void risksAreTheUsersOwnUnlessSyncAllRisks() {
		assertFalse(rules(DeviceScope.DEFAULT).visible(type("risk"), "A", null, null, "someone else", null));
		assertTrue(rules(DeviceScope.DEFAULT).visible(type("risk"), "A", null, null, "olga", null));
		assertTrue(rules(new DeviceScope(30, 30, List.of(), List.of(), true, false)).visible(type("risk"), "A", null, null, "someone else", null));
	}

	@Test
	void onlyMyActionsKeepsTheActionsTheUserOwns() {
		ScopeRules rules = rules(new DeviceScope(30, 30, List.of(), List.of(), false, true));
		assertTrue(rules.visible(type("action"), "A", null, null, "olga", null));
		assertFalse(rules.visible(type("action"), "A", null, null, "bob", null));
	}

	@Test
	void closedActionsStayOnTheServerWhenTheyAreNotIncluded() {
		ScopeRules openOnly = rules(new DeviceScope(30, 30, List.of(), List.of(), false, false, false));
		assertTrue(openOnly.visible(type("action"), "A", null, null, "olga", "IN_PROGRESS"));
		assertFalse(openOnly.visible(type("action"), "A", null, null, "olga", "COMPLETE"));
		assertFalse(openOnly.visible(type("action"), "A", null, null, "olga", "VERIFIED"));
		assertTrue(openOnly.visible(type("action"), "A", null, null, "olga", null), "an action without a status is open");
		assertTrue(openOnly.visible(type("event"), "A", null, TODAY, null, "COMPLETED"), "only actions are filtered by status");
		assertTrue(rules(DeviceScope.DEFAULT).visible(type("action"), "A", null, null, "olga", "VERIFIED"));
	}

	@Test
	void aModuleWithoutViewPermissionSendsNothing() {
		assertFalse(rules(DeviceScope.DEFAULT).visible(type("obligation"), "A", null, null, null, null));
	}

	@Test
	void adminDataIsVisibleByOrgUnitOrOwner() {
		ScopeRules rules = rules(DeviceScope.DEFAULT);
		assertTrue(rules.visible(type("orgunit"), "A1", null, null, null, null));
		assertFalse(rules.visible(type("orgunit"), "B", null, null, null, null));
		assertTrue(rules.visible(type("assignment"), "A", null, null, "olga", null));
		assertFalse(rules.visible(type("assignment"), "A", null, null, "bob", null));
		assertTrue(rules.visible(type("form"), null, null, null, null, null));
	}

	@Test
	void theColumnBoundsTheFeedFiltersOnInSqlHoldEveryVisibleRecord() {
		List<ScopeRules> scopes = List.of(rules(DeviceScope.DEFAULT),
				new ScopeRules(OFFICER, new DeviceScope(10, 5, List.of("A1"), List.of("L1"), true, true, false), Set.of("A1"), TODAY));
		List<String> orgUnits = Arrays.asList("A", "A1", "B", null);
		List<String> locations = Arrays.asList("L1", "L2", null);
		List<LocalDate> dueDates = Arrays.asList(TODAY.minusDays(40), TODAY.minusDays(10), TODAY, TODAY.plusDays(5), TODAY.plusDays(40), null);
		List<String> owners = Arrays.asList("olga", "bob", null);
		List<String> statuses = Arrays.asList("COMPLETE", "IN_PROGRESS", "event:scheduled", "action:COMPLETE", "form:", null);
		int visible = 0;
		for (ScopeRules rules : scopes) {
			for (RecordType type : RecordTypes.all()) {
				ScopeRules.ColumnBounds bounds = rules.bounds(type);
				for (String orgUnit : orgUnits) {
					for (String location : locations) {
						for (LocalDate due : dueDates) {
							for (String owner : owners) {
								for (String status : statuses) {
									if (rules.visible(type, orgUnit, location, due, owner, status)) {
										visible++;
										assertTrue(bounds.admits(orgUnit, location, due),
												type.name() + " " + orgUnit + " " + location + " " + due + " " + owner + " " + status);
									}
								}
							}
						}
					}
				}
			}
		}
		assertTrue(visible > 1000, "the combinations cover visible records of every kind: " + visible);
	}

	@Test
	void theColumnBoundsLeaveOutOtherOrgUnitsLocationsAndDays() {
		ScopeRules rules = new ScopeRules(OFFICER, new DeviceScope(10, 5, List.of("A1"), List.of("L1"), false, false), Set.of("A1"), TODAY);
		ScopeRules.ColumnBounds events = rules.bounds(type("event"));
		assertTrue(events.admits("A1", "L1", TODAY));
		assertFalse(events.admits("A", "L1", TODAY), "outside the device's org unit");
		assertFalse(events.admits("B", "L1", TODAY), "outside the user's org units");
		assertFalse(events.admits("A1", "L2", TODAY));
		assertFalse(events.admits("A1", "L1", TODAY.plusDays(6)));
		assertTrue(rules.bounds(type("finding")).admits("A1", "L1", TODAY.plusDays(400)), "the window bounds events only");
		assertTrue(rules.bounds(type("form")).admits("B", "L2", null), "server-managed records are not bounded");
	}

	@Test
	void changesNeedThePermissionOfTheirOperationAndAnOrgUnitInScope() {
		ScopeRules rules = rules(DeviceScope.DEFAULT);
		assertEquals(Optional.empty(), rules.refusal(type("event"), Operation.UPDATE, "A", "A1"));
		assertEquals(Optional.empty(), rules.refusal(type("finding"), Operation.CREATE, null, "A"));
		assertTrue(rules.refusal(type("finding"), Operation.DELETE, "A", "A").orElseThrow().contains("findings.delete"));
		assertTrue(rules.refusal(type("event"), Operation.UPDATE, "B", "A").orElseThrow().contains("outside"));
		assertTrue(rules.refusal(type("event"), Operation.UPDATE, "A", "B").orElseThrow().contains("outside"));
		assertTrue(rules.refusal(type("event"), Operation.CREATE, null, null).orElseThrow().contains("needs an org unit"));
		assertTrue(rules.refusal(type("orgunit"), Operation.CREATE, null, "A").orElseThrow().contains("managed on the server"));
	}
}
