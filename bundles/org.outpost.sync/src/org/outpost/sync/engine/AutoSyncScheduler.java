package org.outpost.sync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.outpost.core.sync.SyncKind;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.history.SyncRun;
import org.outpost.sync.schedule.AutoSyncPlanner;
import org.outpost.sync.settings.AutoSync;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;

/**
 * Decides, at each tick, which kinds are due for an automatic sync (their interval since the last
 * sync of the kind, sooner after failures), asks first when the user wants a reminder, and starts
 * them one after the other through the sync service, so that they never overlap a manual sync.
 */
public final class AutoSyncScheduler {

	static final Duration POSTPONEMENT = Duration.ofMinutes(15);
	private static final List<SyncKind> KINDS = List.of(SyncKind.ADMIN, SyncKind.EVENTS, SyncKind.DOCUMENTS);

	private final SyncService sync;
	private final SyncSettingsStore settings;
	private final Supplier<SyncReminder> reminder;
	private final Clock clock;
	private final Map<SyncKind, Instant> notBefore = new EnumMap<>(SyncKind.class);

	/** @param reminder the current reminder service, or null when none is installed */
	public AutoSyncScheduler(SyncService sync, SyncSettingsStore settings, Supplier<SyncReminder> reminder, Clock clock) {
		this.sync = sync;
		this.settings = settings;
		this.reminder = reminder;
		this.clock = clock;
	}

	/**
	 * Starts what is due now and waits for it.
	 *
	 * @return the kinds that were synced
	 */
	public List<SyncKind> runDue() throws InterruptedException {
		SyncSettings current = settings.load();
		List<SyncKind> started = new ArrayList<>();
		for (SyncKind kind : KINDS) {
			Instant now = clock.instant();
			if (!isDue(kind, auto(current, kind), now)) {
				continue;
			}
			SyncReminder asker = current.remindBeforeSync() ? reminder.get() : null;
			SyncReminder.Answer answer = asker == null ? SyncReminder.Answer.SYNC_NOW : asker.ask(kind);
			switch (answer) {
			case POSTPONE -> notBefore.put(kind, now.plus(POSTPONEMENT));
			case SKIP -> notBefore.put(kind, now.plus(auto(current, kind).every()));
			case SYNC_NOW -> {
				notBefore.remove(kind);
				sync.sync(SyncRequest.of(kind, SyncRequest.AUTOMATIC)).join();
				started.add(kind);
			}
			}
		}
		return started;
	}

	private boolean isDue(SyncKind kind, AutoSync setting, Instant now) {
		Instant held = notBefore.get(kind);
		if (held != null && now.isBefore(held)) {
			return false;
		}
		List<SyncRun> runs = sync.engine().history().recentOf(kind.key(), 50);
		Instant last = runs.isEmpty() ? null : runs.get(0).getStartedAt();
		return AutoSyncPlanner.nextRun(setting, last, failuresInARow(runs), now).map(next -> !now.isBefore(next)).orElse(false);
	}

	/** Automatic runs that could not finish since the last one that did. */
	static int failuresInARow(List<SyncRun> newestFirst) {
		int failures = 0;
		for (SyncRun run : newestFirst) {
			if (run.getOutcome() == SyncOutcome.OFFLINE || run.getOutcome() == SyncOutcome.FAILED) {
				failures++;
			} else if (run.getOutcome() != null) {
				break;
			}
		}
		return failures;
	}

	private static AutoSync auto(SyncSettings settings, SyncKind kind) {
		return switch (kind) {
		case EVENTS -> settings.autoEvents();
		case ADMIN -> settings.autoAdmin();
		case DOCUMENTS -> settings.autoDocuments();
		case FULL -> throw new IllegalArgumentException("Full is never automatic: each kind has its own interval");
		};
	}
}
