package org.outpost.sync.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.outpost.sync.settings.AutoSync;

/**
 * When the next automatic sync of a kind is due. After a success it waits the kind's interval;
 * after failures it retries sooner, backing off (1, 2, 4, 8 ... minutes) but never waiting longer
 * than the interval, so a short network outage does not cost a whole day of admin changes.
 */
public final class AutoSyncPlanner {

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	private AutoSyncPlanner() {
	}

	/**
	 * @param lastAttempt when the last sync of the kind started, manual or automatic; null when
	 *            it never ran (then it is due now)
	 * @param failuresInARow automatic syncs of the kind that failed since its last success
	 */
	public static Optional<Instant> nextRun(AutoSync setting, Instant lastAttempt, int failuresInARow, Instant now) {
		if (!setting.enabled()) {
			return Optional.empty();
		}
		if (lastAttempt == null) {
			return Optional.of(now);
		}
		return Optional.of(lastAttempt.plus(delay(setting.every(), failuresInARow)));
	}

	/** The wait after {@code failuresInARow} failures: the interval when there were none. */
	public static Duration delay(Duration every, int failuresInARow) {
		if (failuresInARow <= 0) {
			return every;
		}
		int doublings = Math.min(failuresInARow - 1, 20);
		Duration backOff = FIRST_RETRY.multipliedBy(1L << doublings);
		return backOff.compareTo(every) < 0 ? backOff : every;
	}
}
