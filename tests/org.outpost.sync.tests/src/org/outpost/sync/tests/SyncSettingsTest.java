package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.outpost.sync.settings.AutoSync;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;

class SyncSettingsTest {

	private final IEclipsePreferences node = (IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.sync.tests")
			.node(UUID.randomUUID().toString());

	@Test
	void aFreshDeviceHasTheDefaults() {
		SyncSettings settings = new SyncSettingsStore(node).load();
		assertEquals(SyncSettings.DEFAULTS, settings);
		assertEquals(30, settings.dueToLastDays());
		assertTrue(settings.retainEvents());
		assertFalse(settings.autoEvents().enabled());
	}

	@Test
	void everySettingSurvivesSaveAndLoad() throws Exception {
		SyncSettings changed = SyncSettings.DEFAULTS.withDateWindow(14, 60).withPlaces(List.of("ou-north", "ou-south"), List.of("loc-depot-4"))
				.withRetention(false, 3).withSyncAllRisks(true)
				.withAutoSync(false, AutoSync.every(Duration.ofMinutes(30)), AutoSync.every(Duration.ofHours(8)), AutoSync.off(Duration.ofHours(2)));
		new SyncSettingsStore(node).save(changed);
		assertEquals(changed, new SyncSettingsStore(node).load());
	}

	@Test
	void valuesEditedByHandIntoNonsenseFallBackToDefaults() {
		node.putInt("dueToLastDays", -5);
		node.put("syncInAdvanceDays", "lots");
		node.putLong("auto.events.minutes", 0);
		node.put("orgUnits", " a , ,b,a ");
		SyncSettings settings = new SyncSettingsStore(node).load();
		assertEquals(30, settings.dueToLastDays());
		assertEquals(30, settings.syncInAdvanceDays());
		assertEquals(Duration.ofHours(1), settings.autoEvents().every());
		assertEquals(List.of("a", "b"), settings.orgUnits());
	}

	@Test
	void invalidSettingsAreRefusedWithTheSettingsName() {
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SyncSettings.DEFAULTS.withDateWindow(-1, 30));
		assertTrue(error.getMessage().contains("Due to Last"), error.getMessage());
		error = assertThrows(IllegalArgumentException.class, () -> SyncSettings.DEFAULTS.withRetention(true, 99_999));
		assertTrue(error.getMessage().contains("Retain Events after sync"), error.getMessage());
		assertThrows(IllegalArgumentException.class, () -> AutoSync.every(Duration.ofSeconds(10)));
	}
}
