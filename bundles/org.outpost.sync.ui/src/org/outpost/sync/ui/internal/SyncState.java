package org.outpost.sync.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import org.outpost.core.sync.SyncKind;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.history.SyncRun;
import org.outpost.sync.outbox.Outbox;

/** What the Sync tab and the status line say about sync: online or not, pending changes, last result per kind. */
final class SyncState {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

	/** Cancelled runs say nothing about the server; past this many runs the state is unknown. */
	private static final int HISTORY_LOOKED_AT = 20;

	private final SyncEngine engine;
	private final LocalDatabase database;

	SyncState(SyncEngine engine, LocalDatabase database) {
		this.engine = engine;
		this.database = database;
	}

	long pending() {
		return new Outbox(database).count();
	}

	/**
	 * Online or offline as the newest run that got an answer (or none) found it, among the runs of
	 * the account this device holds now; "Not synced yet" before one, even when a login reached the server.
	 */
	String connection() {
		if (engine.connection().isEmpty()) {
			return "Not logged in";
		}
		Optional<Instant> since = engine.initialSyncDue();
		return engine.history().recent(HISTORY_LOOKED_AT).stream()
				.filter(run -> run.getOutcome() != null && run.getOutcome() != SyncOutcome.CANCELLED)
				.filter(run -> since.isEmpty() || !run.getStartedAt().isBefore(since.get())).findFirst()
				.map(run -> run.getOutcome() == SyncOutcome.OFFLINE ? "Offline" : "Online").orElse("Not synced yet");
	}

	String lastResult(SyncKind kind) {
		Optional<SyncRun> last = engine.history().lastFinished(kind.key());
		return last.map(run -> "Last: " + run.getOutcome().label() + ", " + WHEN.format(run.getStartedAt())).orElse("Never synced");
	}

	/** One line for the window's status bar. */
	String statusLine() {
		long pending = pending();
		String connection = connection();
		String changes = pending == 0 ? "no changes waiting" : pending == 1 ? "1 change waiting" : pending + " changes waiting";
		if ("Offline".equals(connection)) {
			return "Offline: " + changes + " on this device";
		}
		return connection + " · " + changes + " · " + conflictsText();
	}

	private String conflictsText() {
		long conflicts = engine.conflicts().count();
		return conflicts == 0 ? "no conflicts" : conflicts + (conflicts == 1 ? " conflict" : " conflicts");
	}
}
