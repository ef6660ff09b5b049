package org.outpost.sync.settings;

import java.time.Duration;

/**
 * One row of the Auto Synchronization settings: whether a kind syncs by itself, and how often.
 */
public record AutoSync(boolean enabled, Duration every) {

	/** The intervals the Settings tab offers in its "Every" drop-down. */
	public static final Duration[] CHOICES = { Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24) };

	public AutoSync {
		if (every == null || every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofDays(7)) > 0) {
			throw new IllegalArgumentException("An automatic sync runs every 1 minute to 7 days, not " + every);
		}
	}

	public static AutoSync off(Duration every) {
		return new AutoSync(false, every);
	}

	public static AutoSync every(Duration every) {
		return new AutoSync(true, every);
	}
}
