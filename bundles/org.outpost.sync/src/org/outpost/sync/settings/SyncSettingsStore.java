package org.outpost.sync.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Keeps the sync settings in a preference node (the instance scope: next to the device's data).
 * A value that cannot be read, e.g. edited by hand, falls back to its default instead of failing.
 */
public final class SyncSettingsStore {

	private static final String DUE_TO_LAST = "dueToLastDays";
	private static final String IN_ADVANCE = "syncInAdvanceDays";
	private static final String ORG_UNITS = "orgUnits";
	private static final String LOCATIONS = "locations";
	private static final String RETAIN = "retainEvents";
	private static final String RETAIN_DAYS = "retainEventsDays";
	private static final String ALL_RISKS = "syncAllRisks";
	private static final String REMIND = "remindBeforeSync";
	private static final String AUTO = "auto.";

	private final IEclipsePreferences node;

	public SyncSettingsStore(IEclipsePreferences node) {
		this.node = Objects.requireNonNull(node, "node");
	}

	/** The settings of this device: kept in the instance location, beside its local database. */
	public static SyncSettingsStore ofThisDevice() {
		return new SyncSettingsStore(InstanceScope.INSTANCE.getNode("org.outpost.sync"));
	}

	public SyncSettings load() {
		SyncSettings d = SyncSettings.DEFAULTS;
		try {
			return new SyncSettings(days(DUE_TO_LAST, d.dueToLastDays()), days(IN_ADVANCE, d.syncInAdvanceDays()), ids(ORG_UNITS), ids(LOCATIONS),
					node.getBoolean(RETAIN, d.retainEvents()), days(RETAIN_DAYS, d.retainEventsDays()), node.getBoolean(ALL_RISKS, d.syncAllRisks()),
					node.getBoolean(REMIND, d.remindBeforeSync()), auto("events", d.autoEvents()), auto("admin", d.autoAdmin()),
					auto("documents", d.autoDocuments()));
		} catch (IllegalArgumentException e) {
			return d;
		}
	}

	/** Saves and flushes, so that the settings survive a crash right after. */
	public void save(SyncSettings settings) throws BackingStoreException {
		node.putInt(DUE_TO_LAST, settings.dueToLastDays());
		node.putInt(IN_ADVANCE, settings.syncInAdvanceDays());
		node.put(ORG_UNITS, String.join(",", settings.orgUnits()));
		node.put(LOCATIONS, String.join(",", settings.locations()));
		node.putBoolean(RETAIN, settings.retainEvents());
		node.putInt(RETAIN_DAYS, settings.retainEventsDays());
		node.putBoolean(ALL_RISKS, settings.syncAllRisks());
		node.putBoolean(REMIND, settings.remindBeforeSync());
		putAuto("events", settings.autoEvents());
		putAuto("admin", settings.autoAdmin());
		putAuto("documents", settings.autoDocuments());
		node.flush();
	}

	private int days(String key, int fallback) {
		int value = node.getInt(key, fallback);
		return value < 0 || value > SyncSettings.MAX_DAYS ? fallback : value;
	}

	private List<String> ids(String key) {
		return Arrays.stream(node.get(key, "").split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
	}

	private AutoSync auto(String kind, AutoSync fallback) {
		long minutes = node.getLong(AUTO + kind + ".minutes", fallback.every().toMinutes());
		boolean enabled = node.getBoolean(AUTO + kind + ".enabled", fallback.enabled());
		try {
			return new AutoSync(enabled, Duration.ofMinutes(minutes));
		} catch (IllegalArgumentException e) {
			return fallback;
		}
	}

	private void putAuto(String kind, AutoSync auto) {
		node.putBoolean(AUTO + kind + ".enabled", auto.enabled());
		node.putLong(AUTO + kind + ".minutes", auto.every().toMinutes());
	}
}
