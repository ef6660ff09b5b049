package org.outpost.sync.settings;

import java.time.Duration;
import java.util.List;

/**
 * The device's sync settings, as on the Sync perspective's Settings tab (the settings of the
 * product we model, one for one):
 * <ul>
 * <li>{@code dueToLastDays}: Events due more than this many days ago are not synced to the device;</li>
 * <li>{@code syncInAdvanceDays}: Events due up to this many days ahead are synced to the device;</li>
 * <li>{@code orgUnits}, {@code locations}: only these (empty: all the user is assigned);</li>
 * <li>{@code retainEvents} with {@code retainEventsDays}: how long a pushed Event stays on the
 * device; unchecked, it is removed right after the sync that sent it;</li>
 * <li>{@code syncAllRisks}: every Risk in the user's scope, not only the user's own;</li>
 * <li>{@code remindBeforeSync}: ask before an automatic sync starts;</li>
 * <li>{@code autoEvents}, {@code autoAdmin}, {@code autoDocuments}: automatic sync per kind.</li>
 * </ul>
 */
public record SyncSettings(int dueToLastDays, int syncInAdvanceDays, List<String> orgUnits, List<String> locations, boolean retainEvents,
		int retainEventsDays, boolean syncAllRisks, boolean remindBeforeSync, AutoSync autoEvents, AutoSync autoAdmin,
		AutoSync autoDocuments) {

	/** Largest day count the date windows and the retention accept (ten years). */
	public static final int MAX_DAYS = 3650;

	public static final SyncSettings DEFAULTS = new SyncSettings(30, 30, List.of(), List.of(), true, 7, false, true,
			AutoSync.off(Duration.ofHours(1)), AutoSync.off(Duration.ofHours(24)), AutoSync.off(Duration.ofHours(4)));

	public SyncSettings {
		days("Due to Last", dueToLastDays);
		days("Sync in Advance", syncInAdvanceDays);
		days("Retain Events after sync", retainEventsDays);
		orgUnits = List.copyOf(orgUnits);
		locations = List.copyOf(locations);
		if (autoEvents == null || autoAdmin == null || autoDocuments == null) {
			throw new IllegalArgumentException("Every kind needs its auto sync setting");
		}
	}

	private static void days(String setting, int days) {
		if (days < 0 || days > MAX_DAYS) {
			throw new IllegalArgumentException(setting + " must be 0 to " + MAX_DAYS + " days, not " + days);
		}
	}

	public SyncSettings withDateWindow(int dueToLast, int inAdvance) {
		return new SyncSettings(dueToLast, inAdvance, orgUnits, locations, retainEvents, retainEventsDays, syncAllRisks, remindBeforeSync,
				autoEvents, autoAdmin, autoDocuments);
	}

	public SyncSettings withPlaces(List<String> units, List<String> places) {
		return new SyncSettings(dueToLastDays, syncInAdvanceDays, units, places, retainEvents, retainEventsDays, syncAllRisks, remindBeforeSync,
				autoEvents, autoAdmin, autoDocuments);
	}

	public SyncSettings withRetention(boolean retain, int days) {
		return new SyncSettings(dueToLastDays, syncInAdvanceDays, orgUnits, locations, retain, days, syncAllRisks, remindBeforeSync, autoEvents,
				autoAdmin, autoDocuments);
	}

	public SyncSettings withSyncAllRisks(boolean allRisks) {
		return new SyncSettings(dueToLastDays, syncInAdvanceDays, orgUnits, locations, retainEvents, retainEventsDays, allRisks, remindBeforeSync,
				autoEvents, autoAdmin, autoDocuments);
	}

	public SyncSettings withAutoSync(boolean remind, AutoSync events, AutoSync admin, AutoSync documents) {
		return new SyncSettings(dueToLastDays, syncInAdvanceDays, orgUnits, locations, retainEvents, retainEventsDays, syncAllRisks, remind, events,
				admin, documents);
	}
}
